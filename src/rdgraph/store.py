"""The knowledge graph: asserted and inferred triples in an embedded Oxigraph store, cached on disk.

Built once per content: the ontology and data files are parsed, reasoned over and written to an
on-disk Oxigraph database in the cache (``graph-<hash>.db`` with ``graph-<hash>.json`` beside it),
named by a hash of every input file and of rdgraph's version. The next process opens that database
read-only (about 10 ms, whatever its size) instead of parsing and reasoning again; any change to a file
gives a new hash. When files were only added (``rdgraph add``), the newest cached database is copied
and extended: only the new triples are parsed and reasoned over, with the database as the index.

Asserted triples live in the named graph ``…/graph/asserted``, entailments in ``…/graph/inferred``;
queries see their union as the default graph.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .errors import QuerySyntaxError
from .namespaces import GRAPH_ASSERTED, GRAPH_INFERRED, PREFIXES, PROV, RDF
from .paths import artefact_dir, cache_dir, project_root, turtle_files
from .queries import Catalogue
from .sparql_text import check_query, check_read_only, unknown_prefix_error
from .version import __version__

TYPE_CHECKING = False  # typing is not imported on the query path
if TYPE_CHECKING:
    from .results import Result

ASSERTED = ox.NamedNode(GRAPH_ASSERTED)
INFERRED = ox.NamedNode(GRAPH_INFERRED)
RDF_TYPE = RDF.type
WAS_DERIVED_FROM = PROV.wasDerivedFrom
REASONER_VERSION = "targeted-owlrl-1"


class BuildInfo:
    """How the graph was made: its cache key, whether it came from the cache, its triple and file counts."""

    __slots__ = ("key", "from_cache", "asserted", "inferred", "files")

    def __init__(self, key: str, from_cache: bool, asserted: int, inferred: int, files: int) -> None:
        self.key, self.from_cache, self.asserted, self.inferred, self.files = key, from_cache, asserted, inferred, files

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BuildInfo):
            return NotImplemented
        return all(getattr(self, a) == getattr(other, a) for a in BuildInfo.__slots__)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return "BuildInfo(" + ", ".join(f"{a}={getattr(self, a)!r}" for a in BuildInfo.__slots__) + ")"

    def __reduce__(self):
        return (BuildInfo, tuple(getattr(self, a) for a in BuildInfo.__slots__))


def source_files(root: Path) -> list[Path]:
    return turtle_files(artefact_dir("ontology", root)) + turtle_files(artefact_dir("data", root))


class KnowledgeGraph:
    """The Regio Deals graph, ready to query. Make one with :func:`rdgraph.load`."""

    def __init__(self, store: ox.Store, root: Path, info: BuildInfo) -> None:
        self.store = store
        self.root = root
        self.info = info
        self.catalogue = Catalogue(artefact_dir("queries", root))

    # ---------------------------------------------------------------- building
    @classmethod
    def build(cls, root: Path | None = None, use_cache: bool = True,
              extra_files: list[Path] | None = None) -> KnowledgeGraph:
        root = root or project_root()
        files = source_files(root) + list(extra_files or [])
        key = _content_key(files, extra=f"{__version__}/{REASONER_VERSION}", use_cache=use_cache)
        db = cache_dir() / f"graph-{key[:32]}.db"
        if use_cache:
            opened = _open_cached(db)
            if opened is not None:
                store, meta = opened
                return cls(store, root, BuildInfo(key, True, meta["asserted"], meta["inferred"], len(files)))
        manifest = file_manifest(files, root)
        if use_cache:
            extended = _extend_previous(files, manifest, db)
            if extended is not None:
                store, meta = extended
                return cls(store, root, BuildInfo(key, False, meta["asserted"], meta["inferred"], len(files)))
        from .loading import parse_file

        store = ox.Store()
        quads: list[ox.Quad] = []
        for f in files:
            quads.extend(parse_file(f, ASSERTED))
        store.extend(quads)
        from .reasoning import reason

        closure = reason((q.subject, q.predicate, q.object) for q in quads)
        store.extend(ox.Quad(s, p, o, INFERRED) for s, p, o in closure.triples())
        n_inf = len(closure)
        info = BuildInfo(key, False, len(store) - n_inf, n_inf, len(files))
        if use_cache:
            _persist(store, db, {"files": manifest, "asserted": info.asserted, "inferred": info.inferred})
        return cls(store, root, info)

    # ---------------------------------------------------------------- querying
    def sparql(self, text: str, *, name: str | None = None, allow_service: bool = False,
               inferred: bool = True) -> Result:
        """Run a read-only SPARQL SELECT or ASK on the graph (asserted + inferred)."""
        check_read_only(text, allow_service=allow_service)
        return self._run(text, name, inferred)

    def _evaluate(self, text: str, name: str | None, inferred: bool, prefixes: bool = True):
        """The engine's answer; the caller has checked the text (:func:`~rdgraph.sparql_text.check_query`).

        ``prefixes=False`` for a text known to declare every prefix it uses (a named query, from the registry):
        the engine then does not read rdgraph's prefix table for it (if the text does need it after all, it
        is asked again with the table)."""
        graph = {"use_default_graph_as_union": True} if inferred else {"default_graph": ASSERTED}
        if not prefixes:
            try:
                return self.store.query(text, **graph)
            except SyntaxError:
                pass
        try:
            return self.store.query(text, prefixes=PREFIXES, **graph)
        except SyntaxError as e:
            unknown = unknown_prefix_error(text)
            if unknown is not None:
                raise unknown from None
            raise QuerySyntaxError(f"SPARQL syntax error{f' in {name}' if name else ''}: {e}",
                                   "check the query near the position given") from None
        except OSError as e:  # evaluation errors (e.g. SERVICE unreachable)
            raise QuerySyntaxError(f"the query failed: {e}") from None

    def stream(self, text: str, *, name: str | None = None, seconds: float | None = None,
               allow_service: bool = False, inferred: bool = True):
        """Run a read-only SELECT or ASK as a :class:`~rdgraph.streaming.Stream`: rows as the engine
        produces them, stopped with an error after ``seconds`` (default: the ``query_seconds`` limit)."""
        check_query(text, where=name or "the query")
        check_read_only(text, allow_service=allow_service)
        return self._stream(text, name, seconds, inferred)

    def stream_query(self, name: str, params: dict | None = None, *, seconds: float | None = None):
        """Run a named query as a :class:`~rdgraph.streaming.Stream` (``rdgraph query``); parameters as for
        :meth:`query`. The query file was vetted when the catalogue read it, so only the binding is checked."""
        from .resolve import resolve_params

        nq = self.catalogue.get(name)
        text = nq.bind(resolve_params(self, nq, dict(params or {})))
        check_query(text, where=nq.name, template_depth=nq.depth)
        return self._stream(text, nq.name, seconds, True, nq.needs_prefixes)

    def _stream(self, text: str, name: str | None, seconds: float | None, inferred: bool, prefixes: bool = True):
        from .limits import current
        from .streaming import run_local

        if seconds is None:
            seconds = current().query_seconds
        return run_local(lambda: self._evaluate(text, name, inferred, prefixes), seconds, where=name or "")

    def _run(self, text: str, name: str | None, inferred: bool, nq=None) -> Result:
        from .results import from_solutions

        # size and nesting depth, before the engine parses it
        check_query(text, where=name or "the query", template_depth=nq.depth if nq is not None else None)
        sol = self._evaluate(text, name, inferred, nq.needs_prefixes if nq is not None else True)
        if isinstance(sol, ox.QueryTriples):
            raise QuerySyntaxError("CONSTRUCT and DESCRIBE are answered by construct(), not sparql()")
        return from_solutions(sol, name)

    def construct(self, text: str) -> list[ox.Triple]:
        check_read_only(text)
        try:
            sol = self.store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise unknown_prefix_error(text) or QuerySyntaxError(f"SPARQL syntax error: {e}") from None
        if not isinstance(sol, ox.QueryTriples):
            raise QuerySyntaxError("not a CONSTRUCT or DESCRIBE query")
        return list(sol)

    def query(self, name: str, **params: object) -> Result:
        """Run a named query from queries/ with its parameters, e.g. ``kg.query('x', lang='en')``.

        IRI parameters accept a slug, a label or an altLabel (rdgraph.resolve); one that names nothing raises
        ParameterError with the closest matches."""
        from .resolve import resolve_params

        nq = self.catalogue.get(name)
        return self._run(nq.bind(resolve_params(self, nq, params)), name, True, nq)

    def queries(self):
        return self.catalogue.all()

    # ---------------------------------------------------------------- facts about the graph
    def triples(self, graph: ox.NamedNode = ASSERTED):
        return ((q.subject, q.predicate, q.object) for q in self.store.quads_for_pattern(None, None, None, graph))

    def stats(self) -> dict:
        from collections import Counter

        by_class: Counter = Counter()
        for q in self.store.quads_for_pattern(None, RDF_TYPE, None, ASSERTED):
            by_class[q.object.value] += 1
        sources: Counter = Counter()
        for q in self.store.quads_for_pattern(None, WAS_DERIVED_FROM, None, ASSERTED):
            sources[q.object.value] += 1
        return {
            "triples_asserted": self.info.asserted,
            "triples_inferred": self.info.inferred,
            "files": self.info.files,
            "instances_per_class": dict(sorted(by_class.items(), key=lambda kv: (-kv[1], kv[0]))),
            "sources": dict(sorted(sources.items(), key=lambda kv: (-kv[1], kv[0]))),
            "cache_key": self.info.key[:16],
            "from_cache": self.info.from_cache,
        }

    def why(self, s: str, p: str, o: str):
        """Explain an inferred triple: the rule and the asserted triples it came from."""
        from .explain import explain

        return explain(self, s, p, o)

    def asserted_rdflib(self):
        """The asserted triples as an rdflib Graph (imports rdflib; for validation and export)."""
        from .convert import to_rdflib_graph

        return to_rdflib_graph(self.triples(ASSERTED))

    def validate(self, lang: str = "nl"):
        from .validate import validate_graph

        return validate_graph(self, lang=lang)


CACHE_FORMAT = "oxigraph-db/1"


def _content_key(files: list[Path], extra: str, use_cache: bool) -> str:
    """The hash of the files' contents, remembered in the cache by their paths, sizes and modification times,
    so that a warm start reads no data file (a file rewritten keeps neither its time nor, mostly, its size)."""
    import json

    stamp = json.dumps([extra] + [(str(f), st.st_size, st.st_mtime_ns) for f in files for st in (f.stat(),)])
    index = cache_dir() / "content-keys.json"
    known: dict = {}
    if use_cache:
        try:
            known = json.loads(index.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        hit = known.get(stamp)
        if isinstance(hit, str):
            return hit
    from .loading import content_hash

    key = content_hash(files, extra=extra)
    if use_cache:
        from .fileio import write_text_atomic

        known = {k: v for k, v in list(known.items())[-63:]}  # the last few states of each home
        known[stamp] = key
        try:
            index.parent.mkdir(parents=True, exist_ok=True)
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


def _meta_path(db: Path) -> Path:
    return db.with_suffix(".json")


def _read_meta(db: Path) -> dict | None:
    import json

    try:
        meta = json.loads(_meta_path(db).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) and meta.get("format") == CACHE_FORMAT else None


def _open_cached(db: Path) -> tuple[ox.Store, dict] | None:
    """The cached database, opened read-only; None when it is missing or damaged (then it is rebuilt)."""
    meta = _read_meta(db)
    if meta is None or not db.is_dir():
        return None
    try:
        return ox.Store.read_only(str(db)), meta
    except OSError:
        return None


def _persist(store: ox.Store, db: Path, meta: dict) -> None:
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
    long-running server may still read one), plus files of the former N-Quads cache format."""
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
        for legacy in folder.glob("graph-*.nq"):
            legacy.unlink(missing_ok=True)
        for legacy in folder.glob("graph-*.files.json"):
            legacy.unlink(missing_ok=True)
    except OSError:
        pass


def _extend_previous(files: list[Path], manifest: dict[str, str], db: Path) -> tuple[ox.Store, dict] | None:
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
        return _open_cached(db)
    return None


def load(root: str | Path | None = None, *, use_cache: bool = True) -> KnowledgeGraph:
    """The knowledge graph (ontology + data + inferences), from the cache when nothing changed."""
    return KnowledgeGraph.build(Path(root) if root else None, use_cache=use_cache)
