"""Comparing query answers across stores: rows as multisets of normalised values.

Numbers compare by value (an integer 3, a decimal 3.0 and a double 3.0E0 are equal; doubles to 9 places;
booleans as 1 and 0, as Virtuoso returns computed booleans),
dates by their lexical date, literals by lexical form plus language or datatype, blank nodes as "a blank
node" (labels are local to a store). ``GROUP_CONCAT`` columns compare as sorted lists of their parts, since
SPARQL leaves the order of the parts open. Order is compared only where the query has ORDER BY on
projected variables whose values are unique in the answer (a total order).
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short", "byte",
                             "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
                             "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}


def group_concat_columns(text: str) -> dict[str, str]:
    """Projected variables computed by GROUP_CONCAT, with their separator."""
    out = {}
    for m in re.finditer(r"GROUP_CONCAT\s*\((.*?)\)\s+AS\s+\?(\w+)", text, re.IGNORECASE | re.DOTALL):
        sep = re.search(r"separator\s*=\s*(\"([^\"]*)\"|'([^']*)')", m.group(1), re.IGNORECASE)
        raw = (sep.group(2) if sep.group(2) is not None else sep.group(3)) if sep else " "
        out[m.group(2)] = raw.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r")
    return out


def order_keys(text: str) -> list[str] | None:
    """The variables of the ORDER BY clause, or None if it has none or orders by an expression."""
    body = re.sub(r"#[^\n]*", "", text)
    m = re.search(r"ORDER\s+BY\s+(.*?)(LIMIT|OFFSET|$)", body, re.IGNORECASE | re.DOTALL)
    if not m:
        return None
    keys = []
    for part in re.findall(r"(?:ASC|DESC)\s*\(\s*\?(\w+)\s*\)|\?(\w+)|(\S)", m.group(1), re.IGNORECASE):
        if part[2]:
            return None
        keys.append(part[0] or part[1])
    return keys or None


def norm_term(t: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> tuple | None:
    if t is None:
        return None
    if isinstance(t, ox.NamedNode):
        return ("iri", t.value)
    if isinstance(t, ox.BlankNode):
        return ("bnode",)
    if t.language:
        return ("lit", t.value, "@" + t.language.lower())
    dt = t.datatype.value
    if dt in NUMERIC:
        try:
            d = Decimal(t.value.strip())
            if dt in (XSD + "double", XSD + "float") or "e" in t.value.lower():
                d = round(d, 9)
            return ("num", d.normalize() if d != 0 else Decimal(0))
        except InvalidOperation:
            return ("lit", t.value, dt)
    if dt == XSD + "boolean":
        # Virtuoso has no boolean type for computed values: BOUND(?x), true and false come back as 1 and 0
        return ("num", Decimal(1) if t.value.strip() in ("true", "1") else Decimal(0))
    if dt == XSD + "date":
        return ("date", t.value[:10])
    if dt == XSD + "string":
        return ("lit", t.value, None)
    return ("lit", t.value, dt)


def norm_row(variables: list[str], row: tuple, concat: dict[str, str]) -> tuple:
    out = []
    for v, t in zip(variables, row, strict=True):
        if v in concat and isinstance(t, ox.Literal):
            parts = sorted(p for p in t.value.split(concat[v])) if t.value else []
            out.append(("concat", tuple(parts)))
        else:
            out.append(norm_term(t))
    return tuple(out)


def multiset(result, text: str) -> Counter:
    concat = group_concat_columns(text)
    return Counter(norm_row(result.variables, r, concat) for r in result.rows)


def ordered_keys(result, text: str) -> list[tuple] | None:
    """The ORDER BY key values in answer order, where the order is total (unique keys); else None."""
    keys = order_keys(text)
    if not keys or any(k not in result.variables for k in keys):
        return None
    idx = [result.variables.index(k) for k in keys]
    seq = [tuple(norm_term(r[i]) for i in idx) for r in result.rows]
    if len(set(seq)) != len(seq):
        return None
    return seq


def diff(a: Counter, b: Counter, limit: int = 5) -> str:
    only_a = list((a - b).elements())[:limit]
    only_b = list((b - a).elements())[:limit]
    return f"only in expected: {only_a}\nonly in actual: {only_b}"
