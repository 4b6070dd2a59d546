"""Limits on what rdgraph reads and answers: one frozen set, safe defaults, raised on purpose.

Every door through which rdgraph reads data it did not write (entry files, data/, SPARQL text, query
parameters, HTTP requests, remote endpoints' answers) checks its input against :class:`Limits` *before*
the expensive work (parsers, the query engine, pySHACL), so hostile or careless input is refused in
seconds and bounded memory with a message that names the limit, instead of hanging or crashing.

The defaults let the real graph and every legitimate entry through untouched (tested). Each limit can be
raised, from the weakest to the strongest source:

1. a TOML file: ``$RDGRAPH_CONFIG``, else ``~/.config/rdgraph/config.toml``, table ``[limits]``
   (``depth = 200``);
2. the environment: ``RDGRAPH_MAX_<NAME>`` (``RDGRAPH_MAX_DEPTH=200``);
3. options: ``rdgraph --max NAME=VALUE ...`` for any limit, and ``--timeout``/``--limit`` on the query verbs.

Sizes accept the suffixes K, M and G (powers of 1024); 0 means "no limit" for the row, byte and time limits.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .errors import EXIT_USAGE, RdgraphError

KiB = 1 << 10
MiB = 1 << 20
GiB = 1 << 30

#: The limits and their defaults, in the order --help lists them.
DEFAULTS: dict[str, int | float] = {
    "input_bytes": 16 * MiB,          # size of one input file (entry, data file)
    "literal_bytes": 1 * MiB,         # size of one literal in an input file
    "depth": 64,                      # nesting depth of [ ] ( ) in Turtle, of JSON objects/arrays, of XML elements
    "list_length": 10_000,            # members of one RDF collection or JSON array
    "entry_triples": 5_000,           # triples in the entry files of one validate/add
    "numeric_exponent": 1_000,        # exponent (or number of digits) of a numeric literal
    "query_bytes": 1 * MiB,           # size of a SPARQL query text (after binding parameters)
    "query_depth": 100,               # nesting depth of { } ( ) [ ] in a SPARQL query
    "query_seconds": 30.0,            # time one query may take (CLI and server)
    "result_rows": 1_000_000,         # rows one query may answer
    "result_bytes": 1 * GiB,          # bytes of one serialised query answer
    "remote_bytes": 64 * MiB,         # size of a remote endpoint's response (parsed: ~10x in memory)
    "remote_seconds": 30.0,           # time a remote endpoint may take to answer completely
}


class Limits:
    """The limits in force, immutable. Make a changed copy with :meth:`replace`; read the process's with
    :func:`current`. ``Limits(depth=200)`` is the defaults with one limit changed (values as given)."""

    __slots__ = tuple(DEFAULTS)

    input_bytes: int
    literal_bytes: int
    depth: int
    list_length: int
    entry_triples: int
    numeric_exponent: int
    query_bytes: int
    query_depth: int
    query_seconds: float
    result_rows: int
    result_bytes: int
    remote_bytes: int
    remote_seconds: float

    def __init__(self, **values: int | float) -> None:
        unknown = set(values) - set(DEFAULTS)
        if unknown:
            raise TypeError(f"Limits() got unexpected limits: {', '.join(sorted(unknown))}")
        for name, default in DEFAULTS.items():
            object.__setattr__(self, name, values.get(name, default))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Limits are immutable: use .replace({name}=...)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Limits are immutable")

    def _values(self) -> tuple:
        return tuple(getattr(self, n) for n in DEFAULTS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return "Limits(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in DEFAULTS) + ")"

    def __reduce__(self):  # pickled by value (the server sends the limits to its query workers)
        return (_limits, (self._values(),))

    def replace(self, **changes: object) -> Limits:
        values = {n: getattr(self, n) for n in DEFAULTS}
        values.update({k: parse_value(k, v) for k, v in changes.items()})
        return Limits(**values)


def _limits(values: tuple) -> Limits:
    return Limits(**dict(zip(DEFAULTS, values)))


#: One line per limit: what it bounds and what happens when it is hit (used by --help and the README).
DESCRIPTIONS: dict[str, str] = {
    "input_bytes": "size of one input file (entry files, data files)",
    "literal_bytes": "size of one literal in an input file",
    "depth": "nesting depth in an input file: [ ] and ( ) in Turtle, objects/arrays in JSON-LD, RDF/XML elements",
    "list_length": "members of one RDF collection ( ... ) or JSON-LD array",
    "entry_triples": "triples in the entry files of one validate or add",
    "numeric_exponent": "exponent, or number of digits, of a numeric literal (compared on its text, never expanded)",
    "query_bytes": "size of a SPARQL query text, parameters bound",
    "query_depth": "nesting depth of { } ( ) [ ] in a SPARQL query",
    "query_seconds": "seconds one query may run (sparql, query; --timeout)",
    "result_rows": "rows of one query answer (an error when hit, never a silently shorter table); --limit N "
                   "asks for the first N rows instead",
    "result_bytes": "bytes of one serialised query answer",
    "remote_bytes": "bytes of a remote endpoint's response (--endpoint)",
    "remote_seconds": "seconds a remote endpoint may take to send its whole response (--endpoint; --timeout)",
}

_FLOAT_FIELDS = {"query_seconds", "remote_seconds"}
_SUFFIX = {"": 1, "K": KiB, "M": MiB, "G": GiB}
_ZERO_MEANS_NONE = {"query_seconds", "result_rows", "result_bytes", "remote_bytes", "remote_seconds"}


class LimitError(RdgraphError):
    """Input over one of the limits: names the limit, the value found, the maximum and where."""

    exit_code = EXIT_USAGE

    def __init__(self, limit: str, value: object, maximum: object, where: str = "",
                 line: int | None = None, column: int | None = None, what: str | None = None,
                 message: str | None = None) -> None:
        self.limit = limit
        self.value = value
        self.maximum = maximum
        self.file = where or None
        self.line = line
        self.column = column
        loc = where
        if where and line is not None:
            loc += f":{line}" + (f":{column}" if column is not None else "")
        from .messages import msg

        what = what or msg(f"limit.name.{limit}", "en")
        head = f"{loc}: " if loc else ""
        text = message or msg("limit.over", "en", what=what, value=value, maximum=maximum)
        super().__init__(f"{head}{text} ({limit})", msg("limit.hint", "en", limit=limit, env=env_name(limit)))


#: The limits an entry can hit, whose refusal is said in the steward's language (validate/add --lang).
ENTRY_LIMITS = ("input_bytes", "literal_bytes", "depth", "list_length", "entry_triples", "numeric_exponent")


def in_language(err: LimitError, lang: str) -> LimitError:
    """``err`` with its message and hint in ``lang`` (the catalogue's languages; English as raised)."""
    from .messages import msg

    if lang == "en" or err.limit not in ENTRY_LIMITS:
        return err
    what = msg(f"limit.name.{err.limit}", lang)
    if str(err.value).startswith("more than "):
        text = msg("limit.over_count", lang, what=what, maximum=err.maximum)
    else:
        text = msg("limit.over", lang, what=what, value=err.value, maximum=err.maximum)
    out = LimitError(err.limit, err.value, err.maximum, err.file or "", err.line, err.column, message=text)
    out.hint = msg("limit.hint", lang, limit=err.limit, env=env_name(err.limit))
    return out


class LimitConfigError(RdgraphError):
    pass


def env_name(name: str) -> str:
    return "RDGRAPH_MAX_" + name.upper()


def names() -> list[str]:
    return list(DEFAULTS)


def parse_value(name: str, raw: object) -> int | float:
    if name not in DESCRIPTIONS:
        raise LimitConfigError(f"unknown limit {name!r}", "limits: " + ", ".join(names()))
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        value: float = raw
    else:
        import re

        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?)i?B?\s*", str(raw), re.IGNORECASE)
        if not m:
            raise LimitConfigError(f"limit {name}: {raw!r} is not a number",
                                   "give a whole number, optionally with K, M or G (e.g. 32M)")
        value = float(m.group(1)) * _SUFFIX[m.group(2).upper()]
    if value < 0:
        raise LimitConfigError(f"limit {name}: {raw!r} is negative")
    if value == 0 and name not in _ZERO_MEANS_NONE:
        raise LimitConfigError(f"limit {name}: 0 is not allowed", "give a positive number")
    return float(value) if name in _FLOAT_FIELDS else int(value)


def _config_file(environ: Mapping[str, str]) -> str | None:
    p = environ.get("RDGRAPH_CONFIG")
    if p:
        return p
    home = environ.get("HOME")
    if home:
        cand = os.path.join(home, ".config", "rdgraph", "config.toml")
        if os.path.isfile(cand):
            return cand
    return None


def from_sources(environ: Mapping[str, str] | None = None, overrides: Mapping[str, object] | None = None) -> Limits:
    """Defaults, then the config file, then ``RDGRAPH_MAX_*``, then ``overrides`` (options)."""
    environ = os.environ if environ is None else environ
    values: dict[str, object] = {}
    cfg = _config_file(environ)
    if cfg is not None:
        import tomllib

        try:
            with open(cfg, encoding="utf-8") as fh:
                data = tomllib.loads(fh.read())
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            raise LimitConfigError(f"cannot read the config file {cfg}: {e}") from None
        table = data.get("limits", {})
        if not isinstance(table, dict):
            raise LimitConfigError(f"{cfg}: [limits] must be a table of name = value")
        values.update(table)
    for n in names():
        if env_name(n) in environ:
            values[n] = environ[env_name(n)]
    values.update(overrides or {})
    return Limits().replace(**values)


_current: Limits | None = None


def current() -> Limits:
    """The limits of this process (computed once from the config file and the environment)."""
    global _current
    if _current is None:
        _current = from_sources()
    return _current


def configure(limits: Limits | None = None, **overrides: object) -> Limits:
    """Set the process's limits (the CLI calls this with its ``--max`` options); returns them."""
    global _current
    _current = (limits or from_sources()).replace(**overrides) if overrides else (limits or from_sources())
    return _current


def describe(width: int = 100) -> str:
    """The limits as text: name, default, environment variable, what it bounds (for --help)."""
    d = Limits()
    lines = []
    for n in names():
        lines.append(f"  {n:17} {_fmt(n, getattr(d, n)):>8}  {env_name(n):31} {DESCRIPTIONS[n]}")
    return "\n".join(lines)


def describe_markdown() -> str:
    d = Limits()
    rows = ["| limit | default | environment | bounds |", "|---|---|---|---|"]
    rows += [f"| `{n}` | {_fmt(n, getattr(d, n))} | `{env_name(n)}` | {DESCRIPTIONS[n]} |" for n in names()]
    return "\n".join(rows)


def _fmt(name: str, v: float) -> str:
    if isinstance(v, float):
        return f"{v:g}s"
    for suffix, size in (("G", GiB), ("M", MiB), ("K", KiB)):
        if name.endswith("_bytes") and v >= size and v % size == 0:
            return f"{v // size}{suffix}"
    return f"{v:,}"


__all__ = ["Limits", "LimitError", "LimitConfigError", "current", "configure", "from_sources", "describe",
           "describe_markdown", "names", "env_name", "DESCRIPTIONS"]
