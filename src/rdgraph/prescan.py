"""Linear pre-scans of untrusted text, before any parser or engine builds anything.

* :func:`scan_rdf` reads the bytes of an RDF file once (Turtle, TriG, N-Triples, N-Quads, JSON-LD,
  RDF/XML) with a tokenizer that only looks for what makes parsers and validators blow up: nesting
  depth, collection/array length, literal size, numeric literals with huge exponents or digit counts,
  and (RDF/XML) DTDs and entity declarations, which are refused outright (no entity is ever expanded).
* :func:`check_numeric_literals` checks the lexical form of parsed numeric literals (every format),
  never converting them to numbers.
* :func:`check_query` (in :mod:`rdgraph.sparql_text`, importable from here) measures a SPARQL text's size and
  nesting depth before the engine sees it (a query with thousands of nested ``{ }`` crashed the engine's
  recursive parser).

Each refusal is a :class:`~rdgraph.limits.LimitError` naming the limit, the value, the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .limits import LimitError, Limits, current
from .namespaces import XSD
from .sparql_text import check_query  # the SPARQL pre-check lives with the other SPARQL text checks

# ---------------------------------------------------------------- numbers, on their text

_NUMBER = re.compile(r"\s*[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?)(\d+))?\s*")
NUMERIC_DATATYPES = frozenset(
    str(XSD) + t for t in (
        "decimal", "integer", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
        "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
        "unsignedShort", "unsignedByte", "precisionDecimal"))
_NUMERIC_LOCAL = re.compile(r"(?:#|:)(?:" + "|".join(sorted(t.rsplit("#", 1)[1] for t in NUMERIC_DATATYPES))
                            + r")>?$")


def numeric_magnitude(lexical: str) -> int | None:
    """How big a numeric literal is on paper: the larger of |exponent| and its number of digits.

    ``None`` if the text is not a number. Never converts the text: ``1e999999999`` costs nothing.
    """
    if len(lexical) > 64 and not lexical.strip()[:1].isdigit() and lexical.strip()[:1] not in "+-.":
        return None
    m = _NUMBER.fullmatch(lexical)
    if not m or not (m.group(1) or m.group(2)):
        return None
    digits = len(m.group(1) or "") + len(m.group(2) or "")
    exp = m.group(4)
    if exp is None:
        return digits
    exp = exp.lstrip("0") or "0"
    if len(exp) > 18:
        return 10 ** 18
    return max(digits, int(exp))


def _check_number(lexical: str, limits: Limits, where: str, text: str | None = None, pos: int = 0) -> None:
    mag = numeric_magnitude(lexical)
    if mag is not None and mag > limits.numeric_exponent:
        line, col = _line_col(text, pos) if text is not None else (None, None)
        raise LimitError("numeric_exponent", mag, limits.numeric_exponent, where, line, col)


def check_numeric_literals(literals: Iterable, where: str = "", limits: Limits | None = None) -> None:
    """Refuse numeric literals (by datatype) whose exponent or digit count is over the limit."""
    limits = limits or current()
    for lit in literals:
        dt = getattr(getattr(lit, "datatype", None), "value", None)
        if dt in NUMERIC_DATATYPES:
            _check_number(lit.value, limits, where)


# ---------------------------------------------------------------- locating

def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, col


def _over(limit: str, value: int, maximum: int, where: str, text: str, pos: int, what: str | None = None):
    line, col = _line_col(text, pos)
    return LimitError(limit, value, maximum, where, line, col, what)


# ---------------------------------------------------------------- Turtle family

_TTL = re.compile(
    r"""(?P<c>\#[^\n]*)
      | (?P<ls>\"\"\"(?:[^"\\]++|\\.|"(?!""))*+\"\"\"|'''(?:[^'\\]++|\\.|'(?!''))*+''')
      | (?P<s>"(?:[^"\\\n]++|\\.)*+"|'(?:[^'\\\n]++|\\.)*+')
      | (?P<i><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<o>[\[({])
      | (?P<x>[\])}])
      | (?P<n>(?<![\w:%\\-])[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
      | (?P<w>[^\s\[\](){}"'<>\#,;^]+)
      | (?P<u>["'])""",
    re.VERBOSE | re.DOTALL,
)
_DTYPE = re.compile(r"\^\^\s*(<[^<>\s]*>|[^\s;,\]\)}]*)")


def scan_turtle(text: str, where: str = "", limits: Limits | None = None) -> None:
    """Depth of ``[ ] ( ) { }``, members of ``( ... )``, literal sizes, numeric literals: one pass."""
    limits = limits or current()
    max_lit = limits.literal_bytes
    max_depth = limits.depth
    max_list = limits.list_length
    stack: list[str] = []
    counts: list[int] = []
    for m in _TTL.finditer(text):
        kind = m.lastgroup
        if kind == "c":
            continue
        if kind == "w" or kind == "i":
            if stack and stack[-1] == "(":
                counts[-1] += 1
                if counts[-1] > max_list:
                    raise _over("list_length", counts[-1], max_list, where, text, m.start())
            continue
        if kind == "o":
            if stack and stack[-1] == "(":
                counts[-1] += 1
                if counts[-1] > max_list:
                    raise _over("list_length", counts[-1], max_list, where, text, m.start())
            stack.append(m.group())
            counts.append(0)
            if len(stack) > max_depth:
                raise _over("depth", len(stack), max_depth, where, text, m.start())
            continue
        if kind == "x":
            if stack:
                stack.pop()
                counts.pop()
            continue
        if kind in ("s", "ls"):
            size = m.end() - m.start() - (6 if kind == "ls" else 2)
            if size > max_lit:
                raise _over("literal_bytes", size, max_lit, where, text, m.start())
            if stack and stack[-1] == "(":
                counts[-1] += 1
                if counts[-1] > max_list:
                    raise _over("list_length", counts[-1], max_list, where, text, m.start())
            if text.startswith("^^", m.end()):
                d = _DTYPE.match(text, m.end())
                if d and _NUMERIC_LOCAL.search(d.group(1)):
                    body = m.group()[3:-3] if kind == "ls" else m.group()[1:-1]
                    _check_number(body, limits, where, text, m.start())
            continue
        if kind == "n":
            _check_number(m.group(), limits, where, text, m.start())
            if stack and stack[-1] == "(":
                counts[-1] += 1
                if counts[-1] > max_list:
                    raise _over("list_length", counts[-1], max_list, where, text, m.start())
            continue
        if kind == "u":  # an unterminated string: its size is the rest of the line (or file, for long ones)
            rest = len(text) - m.start()
            if rest > max_lit and text.find("\n", m.start(), m.start() + max_lit + 2) < 0:
                raise _over("literal_bytes", rest, max_lit, where, text, m.start())


# ---------------------------------------------------------------- JSON(-LD)

_JSON = re.compile(r'(?P<s>"(?:[^"\\]++|\\.)*+")|(?P<o>[\[{])|(?P<x>[\]}])|(?P<k>,)|(?P<u>")', re.DOTALL)


def scan_json(text: str, where: str = "", limits: Limits | None = None) -> None:
    """Depth of objects/arrays, members of arrays, string sizes."""
    limits = limits or current()
    stack: list[str] = []
    counts: list[int] = []
    for m in _JSON.finditer(text):
        kind = m.lastgroup
        if kind == "s":
            size = m.end() - m.start() - 2
            if size > limits.literal_bytes:
                raise _over("literal_bytes", size, limits.literal_bytes, where, text, m.start())
        elif kind == "o":
            stack.append(m.group())
            counts.append(1)
            if len(stack) > limits.depth:
                raise _over("depth", len(stack), limits.depth, where, text, m.start())
        elif kind == "x":
            if stack:
                stack.pop()
                counts.pop()
        elif kind == "k":
            if stack and stack[-1] == "[":
                counts[-1] += 1
                if counts[-1] > limits.list_length:
                    raise _over("list_length", counts[-1], limits.list_length, where, text, m.start())
        elif kind == "u":
            rest = len(text) - m.start()
            if rest > limits.literal_bytes:
                raise _over("literal_bytes", rest, limits.literal_bytes, where, text, m.start())


# ---------------------------------------------------------------- RDF/XML

_XML = re.compile(
    r"""(?P<cm><!--.*?-->)
      | (?P<cd><!\[CDATA\[.*?\]\]>)
      | (?P<pi><\?.*?\?>)
      | (?P<decl><!)
      | (?P<end></[^>]*>)
      | (?P<tag><[^\s/>!?]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*+\s*(?P<empty>/)?>)""",
    re.VERBOSE | re.DOTALL,
)


def scan_xml(text: str, where: str = "", limits: Limits | None = None) -> None:
    """DTDs and entity declarations refused; element depth and text sizes measured."""
    limits = limits or current()
    depth = 0
    last_end = 0
    for m in _XML.finditer(text):
        kind = m.lastgroup if m.lastgroup != "empty" else "tag"
        gap = m.start() - last_end
        if gap > limits.literal_bytes:
            raise _over("literal_bytes", gap, limits.literal_bytes, where, text, last_end)
        last_end = m.end()
        if kind == "decl":
            line, col = _line_col(text, m.start())
            from .errors import Location, ParseError

            raise ParseError(Location(where, line, col),
                             "DTD and entity declarations (<!DOCTYPE, <!ENTITY) are refused: "
                             "entities can expand to gigabytes",
                             "write the RDF/XML without a DTD (or use Turtle)")
        if kind == "tag":
            if m.group("empty"):
                continue
            depth += 1
            if depth > limits.depth:
                raise _over("depth", depth, limits.depth, where, text, m.start())
        elif kind == "end":
            depth = max(0, depth - 1)
        elif kind in ("cm", "cd", "pi"):
            size = m.end() - m.start()
            if size > limits.literal_bytes:
                raise _over("literal_bytes", size, limits.literal_bytes, where, text, m.start())
    if len(text) - last_end > limits.literal_bytes:
        raise _over("literal_bytes", len(text) - last_end, limits.literal_bytes, where, text, last_end)


# ---------------------------------------------------------------- files

_KIND = {".ttl": "turtle", ".nt": "turtle", ".nq": "turtle", ".trig": "turtle", ".jsonld": "json",
         ".json": "json", ".rdf": "xml", ".owl": "xml", ".xml": "xml"}


def kind_of(path: Path | str, media: str | None = None) -> str:
    """'turtle', 'json' or 'xml' from a file name or an ``ox.RdfFormat``-like object / format name."""
    if media:
        m = str(media).lower()
        if "json" in m:
            return "json"
        if "xml" in m:
            return "xml"
        return "turtle"
    return _KIND.get(Path(path).suffix.lower(), "turtle")


def check_size(size: int, where: str, limits: Limits | None = None) -> None:
    limits = limits or current()
    if size > limits.input_bytes:
        raise LimitError("input_bytes", size, limits.input_bytes, where)


def read_checked(path: Path, limits: Limits | None = None) -> bytes:
    """The bytes of ``path`` if its size is within the input limit (checked before reading)."""
    limits = limits or current()
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # the read below reports the problem
    check_size(size, str(path), limits)
    with open(path, "rb") as fh:
        data = fh.read(limits.input_bytes + 1)
    check_size(len(data), str(path), limits)  # a file that grew, or a pipe
    return data


def scan_rdf(data: bytes | str, kind: str, where: str = "", limits: Limits | None = None) -> None:
    """Pre-scan RDF text of ``kind`` ('turtle', 'json', 'xml'); raises LimitError or ParseError."""
    limits = limits or current()
    text = data if isinstance(data, str) else data.decode("utf-8", "replace")
    check_size(len(text.encode("utf-8")) if isinstance(data, str) else len(data), where, limits)
    if kind == "json":
        scan_json(text, where, limits)
    elif kind == "xml":
        scan_xml(text, where, limits)
    else:
        scan_turtle(text, where, limits)


__all__ = ["scan_rdf", "scan_turtle", "scan_json", "scan_xml", "check_query", "check_numeric_literals",
           "numeric_magnitude", "read_checked", "check_size", "kind_of", "NUMERIC_DATATYPES"]
