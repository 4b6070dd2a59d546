"""SPARQL text as tokens, before any engine parses it: the read-only check, the prefixes a query uses, and
binding parameters as ``VALUES`` blocks.

The scanner knows comments, strings, IRIs, variables, words and braces, which is all these checks need; it is
not a SPARQL parser (the engine is), so it never decides what a query means, only what it may not contain.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from .errors import QuerySyntaxError
from .limits import LimitError, Limits, current
from .namespaces import PREFIXES, sparql_prologue
from .terms import to_ntriples

_TOKEN_PATTERN = (
    r"""(?P<comment>\#[^\n]*)
      | (?P<string>'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]++|\\.)*+'|"(?:[^"\\\n]++|\\.)*+")
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
      | (?P<word>[A-Za-z_][A-Za-z0-9_-]*(?::[A-Za-z0-9_.-]*)?)
      | (?P<brace>[{}])
      | (?P<other>\S)"""
)
_token_re: re.Pattern[str] | None = None


def tokens(text: str):
    """(kind, value, start) for the parts of a SPARQL text that matter to the checks here."""
    global _token_re
    if _token_re is None:  # compiled on first use: a process that never scans SPARQL does not pay for it
        _token_re = re.compile(_TOKEN_PATTERN, re.VERBOSE | re.DOTALL)
    for m in _token_re.finditer(text):
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


def inject_values(text: str, terms: dict[str, ox.NamedNode | ox.Literal],
                  groups: list[tuple[int, list[str]]] | None = None) -> str:
    """Bind variables by inserting ``VALUES ?v { term }`` at the start of each WHERE group that uses them.

    Sub-SELECTs are evaluated on their own (bottom-up), so a parameter used inside one is bound there too;
    joining the same single value in every scope gives what initBindings would, on any engine.
    ``groups``: :func:`where_groups` of ``text`` if known (a named query's, from the registry).
    """
    if not terms:
        return text
    if groups is None:
        groups = where_groups(text)
    inserts: list[tuple[int, str]] = []
    for i, (open_pos, body_vars) in enumerate(groups):
        # the outermost group binds every parameter, used or not
        names = list(terms) if i == 0 else [n for n in terms if n in body_vars]
        if names:
            block = " ".join(f"VALUES ?{n} {{ {to_ntriples(terms[n])} }}" for n in names)
            inserts.append((open_pos + 1, " " + block + " "))
    for pos, block in sorted(inserts, reverse=True):
        text = text[:pos] + block + text[pos:]
    return text


def where_groups(text: str) -> list[tuple[int, list[str]]]:
    """(offset of ``{``, the variables inside) of every WHERE group, the outermost first; raises
    QuerySyntaxError when there is none."""
    return [(o, sorted(variables(text[o:c + 1]))) for o, c in _where_groups(text)]


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



# ---------------------------------------------------------------- size and depth, before the engine parses

_NESTING_PATTERN = (
    r"""(?P<c>\#[^\n]*)
      | (?P<s>'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]++|\\.)*+'|"(?:[^"\\\n]++|\\.)*+")
      | (?P<i><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<o>[{(\[])
      | (?P<x>[})\]])"""
)
_nesting_re: re.Pattern[str] | None = None


def _nesting(text: str, max_depth: int | None = None) -> tuple[int, int]:
    """(deepest nesting of ``{ } ( ) [ ]`` outside strings, IRIs and comments, -1); with ``max_depth``, the
    scan stops at the first bracket past it: (its depth, its offset)."""
    global _nesting_re
    if _nesting_re is None:
        _nesting_re = re.compile(_NESTING_PATTERN, re.VERBOSE | re.DOTALL)
    depth = deepest = 0
    for m in _nesting_re.finditer(text):
        kind = m.lastgroup
        if kind == "o":
            depth += 1
            if depth > deepest:
                deepest = depth
                if max_depth is not None and depth > max_depth:
                    return depth, m.start()
        elif kind == "x":
            depth = max(0, depth - 1)
    return deepest, -1


def nesting_depth(text: str) -> int:
    """The deepest nesting of brackets in a SPARQL text (what ``query_depth`` limits)."""
    return _nesting(text)[0]


def check_query(text: str, limits: Limits | None = None, where: str = "the query",
                template_depth: int | None = None) -> None:
    """Refuse a SPARQL text over the size or nesting-depth limit, before any engine parses it (a query with
    thousands of nested ``{ }`` crashed the engine's recursive parser).

    ``template_depth``: for a named query's bound text, the :func:`nesting_depth` of its file (registry).
    Binding adds one level at most (a ``VALUES ?v { term }`` block in a WHERE group; a term has no bracket
    outside its quotes or ``<>``), so within the limit with one to spare, the text is not scanned again.
    """
    limits = limits or current()
    size = len(text.encode("utf-8"))
    if size > limits.query_bytes:
        raise LimitError("query_bytes", size, limits.query_bytes, where)
    max_depth = limits.query_depth
    if template_depth is not None and template_depth + 1 <= max_depth:
        return
    depth, pos = _nesting(text, max_depth)
    if pos >= 0:
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        raise LimitError("query_depth", depth, max_depth, where, line, col)


__all__ = ["check_query", "nesting_depth", "where_groups", "tokens", "keywords", "UPDATE_WORDS", "check_read_only",
           "prefixes_used", "unknown_prefix_error", "with_prefixes", "inject_values", "variables"]
