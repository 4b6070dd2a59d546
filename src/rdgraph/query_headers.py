"""The ``#+`` headers of the query files, parsed once and kept in the cache (the query registry).

A header is YAML (``#+ summary: ...``, ``#+ params: [...]``); parsing it needs PyYAML, which costs more than
the rest of a plain ``rdgraph query``. So every header is parsed once and remembered in the cache as JSON,
keyed by the header's own text: a later process finds the same text there and never imports yaml; a header
that changes is a new key (parsed again), so the registry cannot go stale. Old keys are dropped when it grows.
"""

from __future__ import annotations

import json
import os

from .errors import Location, ParseError

_KEEP = 512  # headers remembered at most (the project has ~40 query files; other homes add theirs)
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


def parse_header(text: str, path: object) -> dict:
    """The ``#+`` header of a query file as a dict: from the registry when the header is known, else parsed
    with YAML and remembered there. Raises ParseError for a header that is not YAML key: value lines."""
    header = header_text(text)
    if not header:
        return {}
    registry = _registry()
    hit = registry.get(header)
    if hit is not None:
        return hit
    data = _parse_yaml(header, path)
    _remember(header, data)
    return data


def _registry_path() -> str:
    from .paths import cache_dir
    from .version import __version__

    return os.path.join(cache_dir(), f"query-registry-{__version__}.json")


def _registry() -> dict:
    """Parsed headers by their text, kept in the cache across processes."""
    global _REGISTRY
    if _REGISTRY is None:
        try:
            with open(_registry_path(), encoding="utf-8") as fh:
                data = json.load(fh)
            _REGISTRY = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            _REGISTRY = {}
    return _REGISTRY


def _remember(header: str, data: dict) -> None:
    try:
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):  # a value JSON cannot hold (a YAML date): parse again next time
        return
    registry = _registry()
    registry[header] = json.loads(text)
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


__all__ = ["parse_header", "header_text"]
