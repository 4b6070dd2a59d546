"""The on-disk cache of built graphs: one Oxigraph database per content, found again by a cheap stat check.

``graph-<hash>.db`` holds a built graph (asserted and inferred quads), ``graph-<hash>.json`` beside it the
input files' hashes and the triple counts. The hash covers every input file and rdgraph's version; it is
remembered in ``content-keys.json`` by the files' paths, sizes and modification times, so a warm start reads
no data file. A database is opened read-only; one is written in a temporary folder and renamed into place.
When files were only added, the newest database is copied and extended (:func:`extend_previous`).
"""

from __future__ import annotations

import os

import pyoxigraph as ox

from .namespaces import GRAPH_ASSERTED, GRAPH_INFERRED
from .paths import cache_dir_str

TYPE_CHECKING = False  # pathlib is imported on the build path only
if TYPE_CHECKING:
    from pathlib import Path

ASSERTED = ox.NamedNode(GRAPH_ASSERTED)  #: the named graph of the asserted triples
INFERRED = ox.NamedNode(GRAPH_INFERRED)  #: the named graph of the entailments


CACHE_FORMAT = "oxigraph-db/1"


def content_key(files: list[str] | list[Path], extra: str, use_cache: bool) -> str:
    """The hash of the files' contents, remembered in the cache by their paths, sizes and modification times,
    so that a warm start reads no data file (a file rewritten keeps neither its time nor, mostly, its size).
    ``files``: strings or Paths (the same key for both)."""
    import json

    stamp = json.dumps([extra] + [(str(f), st.st_size, st.st_mtime_ns) for f in files for st in (os.stat(f),)])
    index = os.path.join(cache_dir_str(), "content-keys.json")
    known: dict = {}
    if use_cache:
        try:
            with open(index, encoding="utf-8") as fh:
                known = json.load(fh)
        except (OSError, ValueError):
            known = {}
        hit = known.get(stamp) if isinstance(known, dict) else None
        if isinstance(hit, str):
            return hit
    from pathlib import Path

    from .loading import content_hash

    key = content_hash([Path(f) for f in files], extra=extra)
    if use_cache:
        from .fileio import write_text_atomic

        known = {k: v for k, v in list(known.items())[-63:]} if isinstance(known, dict) else {}  # recent states
        known[stamp] = key
        try:
            os.makedirs(os.path.dirname(index), exist_ok=True)
            write_text_atomic(index, json.dumps(known))
        except OSError:
            pass
    return key


def file_manifest(files: list[Path], root: Path) -> dict[str, str]:
    """Each input file (relative to the project) with the hash of its content."""
    import hashlib

    out = {}
    for f in files:
        try:
            name = str(f.resolve().relative_to(root.resolve()))
        except ValueError:
            name = str(f.resolve())
        out[name] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def _meta_path(db: str | Path) -> str:
    return os.path.splitext(os.fspath(db))[0] + ".json"


def _read_meta(db: str | Path) -> dict | None:
    import json

    try:
        with open(_meta_path(db), encoding="utf-8") as fh:
            meta = json.load(fh)
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) and meta.get("format") == CACHE_FORMAT else None


def open_cached(db: str | Path) -> tuple[ox.Store, dict] | None:
    """The cached database, opened read-only; None when it is missing or damaged (then it is rebuilt)."""
    meta = _read_meta(db)
    if meta is None or not os.path.isdir(db):
        return None
    try:
        return ox.Store.read_only(str(db)), meta
    except OSError:
        return None


def persist(store: ox.Store, db: Path, meta: dict) -> None:
    """Write the graph as an on-disk database in a temporary folder, then put it in place (:func:`_finish`)."""
    import gc
    import shutil
    import uuid

    tmp = db.parent / f".tmp-{uuid.uuid4().hex}.db"
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        on_disk = ox.Store(str(tmp))
        on_disk.bulk_extend(store.quads_for_pattern(None, None, None, None))
        on_disk.flush()
        del on_disk
        gc.collect()  # the database is closed when its last reference goes
    except OSError:  # a cache that cannot be written is only a missed speed-up
        shutil.rmtree(tmp, ignore_errors=True)
        return
    _finish(tmp, db, meta)


def _finish(tmp: Path, db: Path, meta: dict) -> None:
    """Rename a closed database folder into place, then write its metadata (which readers require)."""
    import json
    import shutil

    from .fileio import write_text_atomic

    try:
        try:
            tmp.rename(db)
        except OSError:  # another process was first: its database holds the same graph
            shutil.rmtree(tmp, ignore_errors=True)
        write_text_atomic(_meta_path(db), json.dumps(dict(meta, format=CACHE_FORMAT), sort_keys=True))
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
    _prune(db.parent, keep=db)


def _prune(folder: Path, keep: Path, newest: int = 8, min_age_s: float = 86400.0) -> None:
    """Remove old cached graphs: beyond the ``newest`` most recent, and only those unused for a day (a
    long-running server may still read one)."""
    import shutil
    import time

    now = time.time()
    try:
        metas = sorted(folder.glob("graph-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for mf in metas[newest:]:
            old = mf.with_suffix(".db")
            if old != keep and now - mf.stat().st_mtime > min_age_s:
                mf.unlink(missing_ok=True)
                shutil.rmtree(old, ignore_errors=True)
    except OSError:
        pass


def extend_previous(files: list[Path], manifest: dict[str, str], db: Path) -> tuple[ox.Store, dict] | None:
    """Build from an earlier cache when files were only added (e.g. by ``rdgraph add``).

    The newest cached database whose inputs are all still present and unchanged is copied; only the added
    files are parsed, and only their consequences are reasoned over, with the copy as the index (the
    schema must not change). Returns the read-only store and its metadata, or None for a full build.
    """
    import gc
    import shutil
    import uuid

    from .reasoning import changes_schema, reason_into_store

    folder = db.parent
    if not folder.is_dir():
        return None
    candidates = sorted(folder.glob("graph-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for mf in candidates[:20]:
        prev_db = mf.with_suffix(".db")
        meta = _read_meta(prev_db)
        if meta is None or not prev_db.is_dir():
            continue
        previous = meta.get("files") or {}
        if not previous or not all(manifest.get(k) == v for k, v in previous.items()):
            continue
        added = [f for f, name in zip(files, manifest) if name not in previous]
        if not added:
            continue
        from .loading import parse_file

        new_quads: list[ox.Quad] = []
        for f in added:
            new_quads.extend(parse_file(f, ASSERTED))
        new = list(dict.fromkeys((q.subject, q.predicate, q.object) for q in new_quads))
        if changes_schema(new):
            return None
        tmp = folder / f".tmp-{uuid.uuid4().hex}.db"
        try:
            shutil.copytree(prev_db, tmp, ignore=shutil.ignore_patterns("LOCK"))
            store = ox.Store(str(tmp))
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
            return None
        asserted, inferred = meta["asserted"], meta["inferred"]
        fresh = []
        for t in new:
            if next(iter(store.quads_for_pattern(t[0], t[1], t[2], ASSERTED)), None) is None:
                fresh.append(t)
        closure = reason_into_store(store, fresh)
        for t in fresh:  # asserted now: no longer (only) inferred
            q_inf = ox.Quad(t[0], t[1], t[2], INFERRED)
            if next(iter(store.quads_for_pattern(t[0], t[1], t[2], INFERRED)), None) is not None:
                store.remove(q_inf)
                inferred -= 1
        store.extend(ox.Quad(s, p, o, ASSERTED) for s, p, o in fresh)
        store.extend(ox.Quad(s, p, o, INFERRED) for s, p, o in closure.triples())
        meta = {"files": manifest, "asserted": asserted + len(fresh), "inferred": inferred + len(closure)}
        store.flush()
        del store
        gc.collect()  # close the database before its folder is renamed
        _finish(tmp, db, meta)
        return open_cached(db)
    return None


__all__ = ["ASSERTED", "INFERRED", "CACHE_FORMAT", "content_key", "file_manifest", "open_cached", "persist",
           "extend_previous"]
