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

import os
import re

import pyoxigraph as ox

from .errors import Location, ParameterError, ParseError, UnknownQueryError
from .query_registry import prepare
from .record import Record
from .sparql_text import (  # noqa: F401  (the scanning functions, importable from here as before)
    UPDATE_WORDS,
    check_read_only,
    inject_values,
    keywords,
    prefixes_used,
    tokens,
    unknown_prefix_error,
    variables,
    with_prefixes,
)
from .terms import XSD, check_iri, is_instance, literal

TYPE_CHECKING = False  # pathlib is not imported on the query path
if TYPE_CHECKING:
    from pathlib import Path

PARAM_TYPES = ("iri", "string", "integer", "decimal", "date", "boolean", "lang")
RESEARCH_QUESTIONS = {
    "rq1": "RQ1 rode draden: which recurring themes are there in the opgaven?",
    "rq2": "RQ2 effectiveness: what has been learned about the effectiveness of interventions?",
    "rq3": "RQ3 feedback loop: how does the feedback loop between Rijk and region work?",
    "data": "Data quality and public records",
}


class Param(Record):
    """A parameter of a named query, as its ``#+ params`` header declares it."""

    __slots__ = ("name", "type", "default", "enum", "required", "description", "base")
    _FIELDS = __slots__

    def __init__(self, name: str, type: str = "string", default: object = None, enum: list | None = None,  # noqa: A002
                 required: bool = False, description: str = "", base: str | None = None) -> None:
        self.name, self.type, self.default, self.enum = name, type, default, enum
        self.required, self.description, self.base = required, description, base

    def to_dict(self) -> dict:
        """The parameter as the CLI (``queries --format json``), the REST API and the docs describe it."""
        return {"name": self.name, "type": self.type, "default": self.default, "enum": self.enum,
                "required": self.required, "description": self.description,
                **({"base": self.base} if self.base else {})}

    def coerce(self, raw: object) -> ox.NamedNode | ox.Literal:
        """Turn a user value into an RDF term of the declared type, or raise ParameterError."""
        given = isinstance(raw, (int, float)) or is_instance(raw, "decimal", "Decimal") \
            or is_instance(raw, "datetime", "date")  # a Python value, not text
        text = raw if given else str(raw).strip()
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
                from decimal import Decimal

                return literal(Decimal(str(text)))
            if self.type == "date":
                import datetime as dt

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
        except (ValueError, ArithmeticError):  # decimal.InvalidOperation is an ArithmeticError
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


class NamedQuery(Record):
    """A query file of queries/: its text, what its header says, and binding its parameters."""

    __slots__ = ("name", "path", "text", "summary", "description", "rq", "tags", "columns", "params", "_bound",
                 "_prepared")
    _FIELDS = __slots__[:-2]

    def __init__(self, name: str, path: Path, text: str, summary: str = "", description: str = "", rq: str = "",
                 tags: list[str] | None = None, columns: list[str] | None = None,
                 params: list[Param] | None = None) -> None:
        self.name, self.path, self.text = name, path, text
        self.summary, self.description, self.rq = summary, description, rq
        self.tags = [] if tags is None else tags
        self.columns = [] if columns is None else columns
        self.params = [] if params is None else params
        self._bound: dict = {}  # bound texts by parameter values
        self._prepared: dict | None = None  # from the query registry: WHERE groups and nesting depth of the text

    @property
    def depth(self) -> int | None:
        """The bracket nesting of the query text, if known (the registry's; see sparql_text.check_query)."""
        return self._prepared.get("depth") if self._prepared else None

    @property
    def needs_prefixes(self) -> bool:
        """Whether the text uses a prefix it does not declare (rdgraph's are then predeclared); True if unknown."""
        return self._prepared.get("prefixes", True) if self._prepared else True

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
        groups = self._prepared.get("groups") if self._prepared else None
        return inject_values(self.text, terms, groups)


def load_query(path: str | Path) -> NamedQuery:
    """The named query of a file; raises ParseError for a bad header, QuerySyntaxError for an update."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    prepared = prepare(text, path)  # header parsed, read-only vetted, scanned: from the registry when known
    h = prepared["header"]
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
    q = NamedQuery(name=_stem(path), path=path, text=text, summary=str(h.get("summary", "")),
                   description=str(h.get("description", "")).strip(), rq=str(h.get("rq", "")),
                   tags=list(h.get("tags") or []), columns=list(h.get("columns") or []), params=params)
    q._prepared = prepared
    return q


def _stem(path: str | Path) -> str:
    return os.path.splitext(os.path.basename(path))[0]


class Catalogue:
    """The named queries of a folder, by file stem."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = folder
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith(".rq"))
        except FileNotFoundError:
            names = []  # as a glob of a missing folder
        self._paths = {_stem(n): os.path.join(folder, n) for n in names}
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
            self._loaded[name] = load_query(self._paths[name])  # vetted read-only: the bound text runs directly
        return self._loaded[name]

    def all(self) -> list[NamedQuery]:
        return [self.get(n) for n in self._paths]


__all__ = ["Catalogue", "NamedQuery", "Param", "check_read_only", "inject_values", "load_query", "XSD"]
