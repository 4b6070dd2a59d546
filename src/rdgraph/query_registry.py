"""The query registry: each query file's ``#+`` header parsed and its text scanned once, kept in the cache.

A header is YAML (``#+ summary: ...``, ``#+ params: [...]``); parsing it needs PyYAML, which costs more than
the rest of a plain ``rdgraph query``, and the SPARQL scans (read-only check, the WHERE groups parameters are
bound into, the nesting depth) cost as much again. So each query text is prepared once and remembered in the
cache as JSON, keyed by the text itself: a later process finds the same text there and neither imports yaml
nor scans it; a file that changes is a new key (prepared again), so the registry cannot go stale. Only texts
that passed the read-only check are remembered. Old keys are dropped when it grows.
"""

from __future__ import annotations

import json
import os

from .errors import Location, ParseError, QuerySyntaxError

FORMAT = 1  # of an entry; a new format is a new file
_KEEP = 256  # query texts remembered at most (the project has ~40; other homes add theirs)
_REGISTRY: dict | None = None


def header_text(text: str) -> str:
    """The ``#+`` lines of a query file (without the ``#+``), up to its first line of SPARQL."""
    lines = []
    for line in text.splitlines():
        if line.startswith("#+"):
            lines.append(line[3:] if line.startswith("#+ ") else line[2:])
        elif line.strip() and not line.startswith("#"):
            break
    return "\n".join(lines)


def prepare(text: str, path: object) -> dict:
    """A query file's text, prepared: ``header`` (the ``#+`` header as a dict), ``groups`` (the WHERE groups
    parameters are bound into, see :func:`rdgraph.sparql_text.where_groups`; None if it has none), ``depth``
    (its bracket nesting) and ``prefixes`` (whether it uses a prefix it does not declare).

    Raises ParseError for a header that is not YAML key: value lines, QuerySyntaxError for an update."""
    registry = _registry()
    hit = registry.get(text)
    if hit is not None:
        return hit
    from .sparql_text import check_read_only, nesting_depth, prefixes_used, where_groups

    header = header_text(text)
    prepared: dict = {"header": _parse_yaml(header, path) if header else {}}
    check_read_only(text)
    try:
        prepared["groups"] = [[pos, names] for pos, names in where_groups(text)]
    except QuerySyntaxError:
        prepared["groups"] = None  # binding a value says so (a query without parameters needs none)
    prepared["depth"] = nesting_depth(text)
    declared, used = prefixes_used(text)
    prepared["prefixes"] = bool(used - declared)  # uses a prefix it does not declare: rdgraph's are needed
    _remember(text, prepared)
    return prepared


def _registry_path() -> str:
    from .paths import cache_dir_str
    from .version import __version__

    return os.path.join(cache_dir_str(), f"query-registry-{FORMAT}-{__version__}.json")


def _registry() -> dict:
    """Prepared queries by their text, kept in the cache across processes."""
    global _REGISTRY
    if _REGISTRY is None:
        try:
            with open(_registry_path(), encoding="utf-8") as fh:
                data = json.load(fh)
            _REGISTRY = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            _REGISTRY = {}
    return _REGISTRY


def _remember(text: str, prepared: dict) -> None:
    registry = _registry()
    try:
        registry[text] = json.loads(json.dumps(prepared, ensure_ascii=False))
    except (TypeError, ValueError):  # a value JSON cannot hold (a YAML date): prepared again next time
        return
    while len(registry) > _KEEP:
        registry.pop(next(iter(registry)))  # the oldest first (dicts keep their insertion order)
    try:
        from .fileio import write_text_atomic

        path = _registry_path()
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_text_atomic(path, json.dumps(registry, ensure_ascii=False))
    except OSError:
        pass  # a read-only cache: the registry lives in this process only


def _parse_yaml(header: str, path: object) -> dict:
    import yaml

    try:
        data = yaml.safe_load(header) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise ParseError(Location(str(path), (mark.line + 1) if mark else None),
                         f"the #+ header is not valid YAML: {getattr(e, 'problem', e)}") from None
    if not isinstance(data, dict):
        raise ParseError(Location(str(path), 1), "the #+ header must be key: value lines")
    return data


__all__ = ["prepare", "header_text"]
