"""Named SPARQL queries: files in queries/ with a grlc-style ``#+`` header, and parameter binding.

Header (YAML after ``#+ ``)::

    #+ summary: Opgaven per domain with the number of deals per tranche
    #+ description: ...
    #+ rq: rq1            (rq1 | rq2 | rq3 | data)
    #+ tags: [opgaven, tranches]
    #+ columns: [domain, opgave, tranche, deals]
    #+ params:
    #+   - name: opgave
    #+     type: iri       (iri | string | integer | decimal | date | boolean | lang)
    #+     base: https://w3id.org/rdgraph/id/opgave/   (iri only: a short value is appended to it)
    #+     default: 9
    #+     enum: [...]
    #+     required: false
    #+     description: ...

Binding: each bound parameter becomes ``VALUES ?name { term }`` inserted as the first element of
the outermost WHERE group, with the value written as an escaped N-Triples term. The same text goes
to the embedded store and to any remote endpoint, so both answer the same query; no value can
change the query's shape.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

from .errors import Location, ParameterError, ParseError, QuerySyntaxError, UnknownQueryError
from .namespaces import PREFIXES, sparql_prologue
from .terms import XSD, check_iri, literal, to_ntriples

PARAM_TYPES = ("iri", "string", "integer", "decimal", "date", "boolean", "lang")
RESEARCH_QUESTIONS = {
    "rq1": "RQ1 rode draden: which recurring themes are there in the opgaven?",
    "rq2": "RQ2 effectiveness: what has been learned about the effectiveness of interventions?",
    "rq3": "RQ3 feedback loop: how does the feedback loop between Rijk and region work?",
    "data": "Data quality and public records",
}


@dataclass
class Param:
    name: str
    type: str = "string"
    default: object = None
    enum: list | None = None
    required: bool = False
    description: str = ""
    base: str | None = None

    def to_dict(self) -> dict:
        """The parameter as the CLI (``queries --format json``), the REST API and the docs describe it."""
        return {"name": self.name, "type": self.type, "default": self.default, "enum": self.enum,
                "required": self.required, "description": self.description,
                **({"base": self.base} if self.base else {})}

    def coerce(self, raw: object) -> ox.NamedNode | ox.Literal:
        """Turn a user value into an RDF term of the declared type, or raise ParameterError."""
        text = str(raw).strip() if not isinstance(raw, (int, float, Decimal, bool, dt.date)) else raw
        if self.enum is not None and str(raw) not in [str(e) for e in self.enum]:
            raise ParameterError(f"parameter {self.name!r}: {raw!r} is not an allowed value",
                                 "allowed: " + ", ".join(str(e) for e in self.enum))
        try:
            if self.type == "iri":
                s = str(text)
                if self.base and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", s):
                    s = self.base + s
                return ox.NamedNode(check_iri(s))
            if self.type == "integer":
                if isinstance(text, bool) or not re.fullmatch(r"[+-]?\d+", str(text)):
                    raise ValueError
                return literal(int(str(text)))
            if self.type == "decimal":
                return literal(Decimal(str(text)))
            if self.type == "date":
                value = text if isinstance(text, dt.date) else dt.date.fromisoformat(str(text))
                return literal(value)
            if self.type == "boolean":
                if str(text).lower() not in ("true", "false", "1", "0"):
                    raise ValueError
                return literal(str(text).lower() in ("true", "1"))
            if self.type == "lang":
                if not re.fullmatch(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*", str(text)):
                    raise ValueError
                return ox.Literal(str(text).lower())
            return ox.Literal(str(text))
        except (ValueError, InvalidOperation):
            raise ParameterError(f"parameter {self.name!r}: {raw!r} is not a valid {self.type}",
                                 _TYPE_HINTS.get(self.type)) from None


_TYPE_HINTS = {
    "iri": "give a full IRI, or the short reference after the parameter's base",
    "integer": "give a whole number such as 3",
    "decimal": "give a number such as 1300000.50",
    "date": "give a date as YYYY-MM-DD",
    "boolean": "give true or false",
    "lang": "give a language tag such as nl or en",
}


@dataclass
class NamedQuery:
    name: str
    path: Path
    text: str
    summary: str = ""
    description: str = ""
    rq: str = ""
    tags: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    params: list[Param] = field(default_factory=list)
    _bound: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def research_question(self) -> str:
        return RESEARCH_QUESTIONS.get(self.rq, self.rq)

    def to_dict(self) -> dict:
        """The one description of a named query: the CLI's ``queries --format json``, the REST API's list."""
        return {"name": self.name, "summary": self.summary, "description": self.description, "rq": self.rq,
                "research_question": self.research_question, "tags": list(self.tags),
                "columns": list(self.columns), "params": [p.to_dict() for p in self.params]}

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise ParameterError(f"query {self.name!r} has no parameter {name!r}",
                             "its parameters: " + (", ".join(p.name for p in self.params) or "none"))

    def bind(self, values: dict[str, object] | None = None) -> str:
        """The query text with parameters bound (defaults applied); raises ParameterError."""
        key = tuple(sorted((k, str(v)) for k, v in (values or {}).items()))
        cached = self._bound.get(key)
        if cached is not None:
            return cached
        text = self._bind(values)
        if len(self._bound) < 256:
            self._bound[key] = text
        return text

    def _bind(self, values: dict[str, object] | None) -> str:
        values = dict(values or {})
        terms: dict[str, ox.NamedNode | ox.Literal] = {}
        for key in values:
            self.param(key)  # unknown parameter -> error
        for p in self.params:
            raw = values.get(p.name, p.default)
            if raw is None or raw == "":
                if p.required:
                    raise ParameterError(f"query {self.name!r} needs parameter {p.name!r}",
                                         f"add --param {p.name}=VALUE ({p.type})")
                continue
            terms[p.name] = p.coerce(raw)
        return inject_values(self.text, terms)


def parse_header(text: str, path: Path) -> dict:
    """The ``#+`` header of a query file as a dict: from the registry in the cache when the text is the same
    (no YAML parser on the plain query path), else parsed with YAML and remembered there."""
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
    registry = _registry()
    hit = registry.get(key)
    if hit is not None:
        return hit
    header = _parse_header_yaml(text, path)
    _remember(key, header)
    return header


_REGISTRY: dict | None = None


def _registry_path() -> Path:
    from .paths import cache_dir
    from .version import __version__

    return cache_dir() / f"query-headers-{__version__}.json"


def _registry() -> dict:
    """Parsed headers by a hash of the query text, kept in the cache across processes."""
    global _REGISTRY
    if _REGISTRY is None:
        try:
            _REGISTRY = json.loads(_registry_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            _REGISTRY = {}
    return _REGISTRY


def _remember(key: str, header: dict) -> None:
    try:
        text = json.dumps(header, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):  # a value JSON cannot hold (a YAML date): parse again next time
        return
    registry = _registry()
    registry[key] = json.loads(text)
    try:
        from .fileio import write_text_atomic

        path = _registry_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, json.dumps(registry, ensure_ascii=False, sort_keys=True))
    except OSError:
        pass  # a read-only cache: the registry lives in this process only


def _parse_header_yaml(text: str, path: Path) -> dict:
    lines = []
    for line in text.splitlines():
        if line.startswith("#+"):
            lines.append(line[3:] if line.startswith("#+ ") else line[2:])
        elif line.strip() and not line.startswith("#"):
            break
    if not lines:
        return {}
    import yaml

    try:
        data = yaml.safe_load("\n".join(lines)) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise ParseError(Location(str(path), (mark.line + 1) if mark else None),
                         f"the #+ header is not valid YAML: {getattr(e, 'problem', e)}") from None
    if not isinstance(data, dict):
        raise ParseError(Location(str(path), 1), "the #+ header must be key: value lines")
    return data


def load_query(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    h = parse_header(text, path)
    params = []
    for raw in h.get("params") or []:
        if not isinstance(raw, dict) or "name" not in raw:
            raise ParseError(Location(str(path)), "each entry of 'params' needs at least a name")
        ptype = str(raw.get("type", "string"))
        if ptype not in PARAM_TYPES:
            raise ParseError(Location(str(path)), f"parameter {raw['name']!r} has unknown type {ptype!r}",
                             "types: " + ", ".join(PARAM_TYPES))
        params.append(Param(name=str(raw["name"]), type=ptype, default=raw.get("default"),
                            enum=raw.get("enum"), required=bool(raw.get("required", False)),
                            description=str(raw.get("description", "")), base=raw.get("base")))
    return NamedQuery(name=path.stem, path=path, text=text, summary=str(h.get("summary", "")),
                      description=str(h.get("description", "")).strip(), rq=str(h.get("rq", "")),
                      tags=list(h.get("tags") or []), columns=list(h.get("columns") or []), params=params)


class Catalogue:
    """The named queries of a folder, by file stem."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._paths = {p.stem: p for p in sorted(folder.glob("*.rq"))}
        self._loaded: dict[str, NamedQuery] = {}

    def names(self) -> list[str]:
        return list(self._paths)

    def get(self, name: str) -> NamedQuery:
        if name not in self._paths:
            import difflib

            close = difflib.get_close_matches(name, self._paths, n=3)
            raise UnknownQueryError(f"no named query {name!r}",
                                    ("did you mean: " + ", ".join(close)) if close
                                    else "list them with: rdgraph queries")
        if name not in self._loaded:
            q = load_query(self._paths[name])
            check_read_only(q.text)  # vetted once; kg.query then runs the bound text directly
            self._loaded[name] = q
        return self._loaded[name]

    def all(self) -> list[NamedQuery]:
        return [self.get(n) for n in self._paths]


# ---------------------------------------------------------------- scanning SPARQL text

_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
      | (?P<string>'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]++|\\.)*+'|"(?:[^"\\\n]++|\\.)*+")
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
      | (?P<word>[A-Za-z_][A-Za-z0-9_-]*(?::[A-Za-z0-9_.-]*)?)
      | (?P<brace>[{}])
      | (?P<other>\S)""",
    re.VERBOSE | re.DOTALL,
)


def tokens(text: str):
    """(kind, value, start) for the parts of a SPARQL text that matter to the checks here."""
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind != "comment":
            yield kind, m.group(), m.start()


def keywords(text: str) -> set[str]:
    return {v.upper() for k, v, _ in tokens(text) if k == "word"}


UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}


def check_read_only(text: str, allow_service: bool = False) -> None:
    """Refuse updates and (unless allowed) SERVICE, which would reach out to the network."""
    words = keywords(text)
    upd = words & UPDATE_WORDS
    if upd:
        raise QuerySyntaxError(f"updates are refused: the query contains {', '.join(sorted(upd))}",
                               "rdgraph only reads the graph; change data/ and let rdgraph reload it")
    if "SERVICE" in words and not allow_service:
        raise QuerySyntaxError("SERVICE is refused: it would query another endpoint over the network",
                               "run the query on that endpoint with --endpoint instead")


def prefixes_used(text: str) -> tuple[set[str], set[str]]:
    """(declared, used) prefix names of a SPARQL text; ``PREFIX p:`` declares, ``p:local`` uses."""
    declared: set[str] = set()
    used: set[str] = set()
    after_prefix = False
    for kind, value, _start in tokens(text):
        if kind != "word":
            after_prefix = False
            continue
        if value.upper() == "PREFIX":
            after_prefix = True
            continue
        name, colon, _local = value.partition(":")
        if colon and name != "_":
            (declared if after_prefix else used).add(name)
        after_prefix = False
    return declared, used


def unknown_prefix_error(text: str) -> QuerySyntaxError | None:
    """The error for a prefix the query uses but neither declares nor rdgraph knows, if there is one."""
    declared, used = prefixes_used(text)
    unknown = sorted(used - declared - set(PREFIXES))
    if not unknown:
        return None
    more = f" (and {', '.join(unknown[1:])})" if unknown[1:] else ""
    return QuerySyntaxError(f"unknown prefix {unknown[0]}{more}",
                            f"declare it with PREFIX {unknown[0]}: <...>, or use one of rdgraph's prefixes: "
                            + ", ".join(PREFIXES))


def with_prefixes(text: str) -> str:
    """The query with PREFIX lines for the known prefixes it uses without declaring (for other endpoints)."""
    err = unknown_prefix_error(text)
    if err is not None:
        raise err
    declared, used = prefixes_used(text)
    missing = [p for p in PREFIXES if p in used - declared]
    return sparql_prologue(missing) + text if missing else text


def inject_values(text: str, terms: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """Bind variables by inserting ``VALUES ?v { term }`` at the start of each WHERE group that uses them.

    Sub-SELECTs are evaluated on their own (bottom-up), so a parameter used inside one is bound there too;
    joining the same single value in every scope gives what initBindings would, on any engine.
    """
    if not terms:
        return text
    groups = _where_groups(text)
    inserts: list[tuple[int, str]] = []
    for open_pos, close_pos in groups:
        if open_pos == groups[0][0]:
            names = list(terms)  # the outermost group binds every parameter, used or not
        else:
            body_vars = variables(text[open_pos:close_pos + 1])
            names = [n for n in terms if n in body_vars]
        if names:
            block = " ".join(f"VALUES ?{n} {{ {to_ntriples(terms[n])} }}" for n in names)
            inserts.append((open_pos + 1, " " + block + " "))
    for pos, block in sorted(inserts, reverse=True):
        text = text[:pos] + block + text[pos:]
    return text


def _where_groups(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of every WHERE group, the outermost first."""
    stack: list[tuple[int, bool]] = []
    pending_where = False
    groups: list[tuple[int, int]] = []
    first_top: tuple[int, int] | None = None
    for kind, value, start in tokens(text):
        if kind == "word" and value.upper() == "WHERE":
            pending_where = True
        elif kind == "brace":
            if value == "{":
                stack.append((start, pending_where))
                pending_where = False
            elif stack:
                open_pos, is_where = stack.pop()
                if is_where:
                    groups.append((open_pos, start))
                elif not stack and first_top is None:
                    first_top = (open_pos, start)
    if not groups and first_top is not None and "CONSTRUCT" not in keywords(text):
        groups.append(first_top)   # SELECT * { ... } without the WHERE keyword
    if not groups:
        raise QuerySyntaxError("cannot find the query's WHERE clause to bind parameters into")
    groups.sort()
    return groups


def variables(text: str) -> set[str]:
    return {v[1:] for k, v, _ in tokens(text) if k == "var"}


__all__ = ["Catalogue", "NamedQuery", "Param", "check_read_only", "inject_values", "XSD"]
