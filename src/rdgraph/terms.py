"""RDF terms in and out: N-Triples syntax for binding values, Python values for results.

pyoxigraph terms are the common currency of the query layer: local results are pyoxigraph terms
already, and remote SPARQL JSON results are turned into them, so both render the same way.
"""

from __future__ import annotations

import re
import sys

import pyoxigraph as ox

from .namespaces import XSD as _XSD

XSD = str(_XSD)
XSD_STRING = _XSD.string.value

_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')


class IRI(str):
    """An IRI in a result row (a str, so it prints and compares as its text)."""

    __slots__ = ()

    def n3(self) -> str:
        return f"<{self}>"


def check_iri(value: str) -> str:
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value) or _IRI_BAD.search(value):
        raise ValueError(f"not a valid absolute IRI: {value!r}")
    return value


def escape_string(s: str) -> str:
    return (s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))


def to_ntriples(term: ox.NamedNode | ox.Literal | ox.BlankNode) -> str:
    """A term in N-Triples syntax (valid SPARQL too), properly escaped."""
    if isinstance(term, ox.NamedNode):
        return f"<{check_iri(term.value)}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    lex = '"' + escape_string(term.value) + '"'
    if term.language:
        return f"{lex}@{term.language}"
    if term.datatype.value == XSD_STRING:
        return lex
    return f"{lex}^^<{term.datatype.value}>"


def from_ntriples(text: str) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """A term from its N-Triples text (the inverse of :func:`to_ntriples`)."""
    return next(iter(ox.parse(f"<urn:x:s> <urn:x:p> {text} .", format=ox.RdfFormat.N_TRIPLES))).object


def literal(value: object, datatype: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    if datatype:
        return ox.Literal(str(value), datatype=ox.NamedNode(datatype))
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(XSD + "double"))
    if is_instance(value, "decimal", "Decimal"):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "decimal"))
    if is_instance(value, "datetime", "date"):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD + "date"))  # type: ignore[attr-defined]
    return ox.Literal(str(value))


def is_instance(value: object, module: str, name: str) -> bool:
    """``isinstance(value, module.name)`` without importing the module: a value of a class of a module that
    was never imported cannot exist (decimal and datetime stay unloaded on the plain query path)."""
    mod = sys.modules.get(module)
    return mod is not None and isinstance(value, getattr(mod, name))


_INTS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                           "positiveInteger", "negativeInteger", "nonPositiveInteger",
                           "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_CONVERTERS: dict = {}  # datatype IRI -> function of the lexical form; filled on first use (datetime, decimal)


def _converters() -> dict:
    import datetime as dt
    from decimal import Decimal, InvalidOperation

    def guarded(convert):
        def run(v: str) -> object:
            try:
                return convert(v)
            except (ValueError, InvalidOperation):
                return v  # an ill-typed literal stays its text
        return run

    _CONVERTERS.update(dict.fromkeys(_INTS, guarded(int)))
    _CONVERTERS[XSD + "decimal"] = guarded(Decimal)
    _CONVERTERS[XSD + "double"] = _CONVERTERS[XSD + "float"] = guarded(float)
    _CONVERTERS[XSD + "boolean"] = lambda v: v in ("true", "1")
    _CONVERTERS[XSD + "date"] = guarded(lambda v: dt.date.fromisoformat(v[:10]))
    _CONVERTERS[XSD + "dateTime"] = guarded(lambda v: dt.datetime.fromisoformat(v.replace("Z", "+00:00")))
    return _CONVERTERS


def to_python(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> object:
    """A Python value for a result cell: int, Decimal, float, bool, date, datetime, str or IRI."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return IRI(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    convert = (_CONVERTERS or _converters()).get(term.datatype.value)
    return term.value if convert is None else convert(term.value)


def plain(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str:
    """The text of a term as CSV and tables show it (no quotes, no datatype)."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value
