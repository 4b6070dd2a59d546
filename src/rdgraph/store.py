"""The knowledge graph: asserted and inferred triples in an embedded Oxigraph store, cached on disk.

Built once per content: the ontology and data files are parsed, reasoned over and written to one
N-Quads file in the cache, named by a hash of every input file and of rdgraph's version. The next
process loads that file (milliseconds) instead of parsing and reasoning again; any change to a file
gives a new hash and so a rebuild.

Asserted triples live in the named graph ``…/graph/asserted``, entailments in ``…/graph/inferred``;
queries see their union as the default graph.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from . import __version__
from .errors import QuerySyntaxError
from .loading import content_hash, parse_file
from .paths import artefact_dir, cache_dir, project_root, turtle_files
from .queries import Catalogue, check_read_only
from .results import Result, from_solutions
from .terms import GRAPH_ASSERTED, GRAPH_INFERRED

ASSERTED = ox.NamedNode(GRAPH_ASSERTED)
INFERRED = ox.NamedNode(GRAPH_INFERRED)
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
WAS_DERIVED_FROM = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
REASONER_VERSION = "targeted-owlrl-1"


@dataclass
class BuildInfo:
    key: str
    from_cache: bool
    asserted: int
    inferred: int
    files: int


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
        key = content_hash(files, extra=f"{__version__}/{REASONER_VERSION}")
        cached = cache_dir() / f"graph-{key[:32]}.nq"
        store = ox.Store()
        if use_cache and cached.exists():
            try:
                store.bulk_load(path=str(cached), format=ox.RdfFormat.N_QUADS)
                n_inf = sum(1 for _ in store.quads_for_pattern(None, None, None, INFERRED))
                n_all = len(store)
                return cls(store, root, BuildInfo(key, True, n_all - n_inf, n_inf, len(files)))
            except (OSError, SyntaxError):
                store = ox.Store()  # a damaged cache file: rebuild it
        manifest = _manifest(files, root)
        if use_cache:
            incremental = _extend_previous(store, files, manifest, cached.parent)
            if incremental is not None:
                info = BuildInfo(key, False, len(store) - incremental, incremental, len(files))
                _write_atomic(cached, store)
                _write_manifest(cached, manifest)
                return cls(store, root, info)
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
            _write_atomic(cached, store)
            _write_manifest(cached, manifest)
        return cls(store, root, info)

    # ---------------------------------------------------------------- querying
    def sparql(self, text: str, *, name: str | None = None, allow_service: bool = False,
               inferred: bool = True) -> Result:
        """Run a read-only SPARQL SELECT or ASK on the graph (asserted + inferred)."""
        check_read_only(text, allow_service=allow_service)
        return self._run(text, name, inferred)

    def _run(self, text: str, name: str | None, inferred: bool) -> Result:
        try:
            if inferred:
                sol = self.store.query(text, use_default_graph_as_union=True)
            else:
                sol = self.store.query(text, default_graph=ASSERTED)
        except SyntaxError as e:
            raise QuerySyntaxError(f"SPARQL syntax error{f' in {name}' if name else ''}: {e}",
                                   "check the query near the position given") from None
        except OSError as e:  # evaluation errors (e.g. SERVICE unreachable)
            raise QuerySyntaxError(f"the query failed: {e}") from None
        if isinstance(sol, ox.QueryTriples):
            raise QuerySyntaxError("CONSTRUCT and DESCRIBE are answered by construct(), not sparql()")
        return from_solutions(sol, name)

    def construct(self, text: str) -> list[ox.Triple]:
        check_read_only(text)
        try:
            sol = self.store.query(text, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise QuerySyntaxError(f"SPARQL syntax error: {e}") from None
        if not isinstance(sol, ox.QueryTriples):
            raise QuerySyntaxError("not a CONSTRUCT or DESCRIBE query")
        return list(sol)

    def query(self, name: str, **params: object) -> Result:
        """Run a named query from queries/ with its parameters, e.g. ``kg.query('x', lang='en')``."""
        nq = self.catalogue.get(name)
        return self._run(nq.bind(params), name, inferred=True)

    def queries(self):
        return self.catalogue.all()

    # ---------------------------------------------------------------- facts about the graph
    def triples(self, graph: ox.NamedNode = ASSERTED):
        return ((q.subject, q.predicate, q.object) for q in self.store.quads_for_pattern(None, None, None, graph))

    def stats(self) -> dict:
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


def _manifest(files: list[Path], root: Path) -> dict[str, str]:
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


def _write_manifest(cached: Path, manifest: dict[str, str]) -> None:
    import json

    from .fileio import write_text_atomic

    try:
        write_text_atomic(cached.with_suffix(".files.json"), json.dumps(manifest, sort_keys=True))
    except OSError:
        pass


def _extend_previous(store: ox.Store, files: list[Path], manifest: dict[str, str], folder: Path) -> int | None:
    """Build from an earlier cache when files were only added (e.g. by ``rdgraph add``).

    The newest cached graph whose inputs are all still present, unchanged, is loaded; only the added
    files are parsed, and only their consequences are reasoned (the schema must not change). Returns the
    number of inferred triples, or None when a full build is needed.
    """
    import json

    from .reasoning import changes_schema, reason

    candidates = sorted(folder.glob("graph-*.files.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for mf in candidates[:20]:
        try:
            previous = json.loads(mf.read_text())
        except (OSError, ValueError):
            continue
        if not previous or not all(manifest.get(k) == v for k, v in previous.items()):
            continue
        added = [f for f, (name, _h) in zip(files, manifest.items()) if name not in previous]
        nq = mf.with_name(mf.name.replace(".files.json", ".nq"))
        if not added or not nq.exists():
            continue
        new_quads: list[ox.Quad] = []
        for f in added:
            new_quads.extend(parse_file(f, ASSERTED))
        new = [(q.subject, q.predicate, q.object) for q in new_quads]
        if changes_schema(new):
            return None
        try:
            store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError):
            return None
        old_inferred = [(q.subject, q.predicate, q.object)
                        for q in store.quads_for_pattern(None, None, None, INFERRED)]
        asserted = [(q.subject, q.predicate, q.object)
                    for q in store.quads_for_pattern(None, None, None, ASSERTED)] + new
        closure = reason(asserted, previous=old_inferred, new=new)
        store.extend(new_quads)
        # an added file may assert what was inferred before: it is asserted now, not inferred
        for t in new:
            store.remove(ox.Quad(*t, INFERRED))
        store.extend(ox.Quad(s, p, o, INFERRED) for s, p, o in closure.triples())
        return sum(1 for _ in store.quads_for_pattern(None, None, None, INFERRED))
    return None


def _write_atomic(path: Path, store: ox.Store) -> None:
    """Write the cache file atomically; a cache that cannot be written is only a missed speed-up."""
    from .fileio import write_atomic

    try:
        write_atomic(path, lambda fh: store.dump(fh, format=ox.RdfFormat.N_QUADS))
    except OSError:
        pass


def load(root: str | Path | None = None, *, use_cache: bool = True) -> KnowledgeGraph:
    """The knowledge graph (ontology + data + inferences), from the cache when nothing changed."""
    return KnowledgeGraph.build(Path(root) if root else None, use_cache=use_cache)
