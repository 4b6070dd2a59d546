"""The knowledge graph: asserted and inferred triples in an embedded Oxigraph store, cached on disk.

Built once per content: the ontology and data files are parsed, reasoned over and written to an
on-disk Oxigraph database in the cache (``graph-<hash>.db`` with ``graph-<hash>.json`` beside it, see
:mod:`rdgraph.graph_cache`), named by a hash of every input file and of rdgraph's version. The next
process opens that database read-only (about 10 ms, whatever its size) instead of parsing and reasoning
again; any change to a file gives a new hash. When files were only added (``rdgraph add``), the newest
cached database is copied and extended: only the new triples are parsed and reasoned over, with the
database as the index.

Asserted triples live in the named graph ``…/graph/asserted``, entailments in ``…/graph/inferred``;
queries see their union as the default graph.
"""

from __future__ import annotations

import os

import pyoxigraph as ox

from .errors import QuerySyntaxError
from .graph_cache import ASSERTED, INFERRED, content_key, extend_previous, file_manifest, open_cached, persist
from .namespaces import PREFIXES, PROV, RDF
from .paths import cache_dir_str, project_root_str, turtle_file_names
from .queries import Catalogue
from .record import Record
from .sparql_text import check_query, check_read_only, unknown_prefix_error
from .version import __version__

TYPE_CHECKING = False  # typing (and pathlib) are not imported on the query path
if TYPE_CHECKING:
    from pathlib import Path

    from .results import Result

RDF_TYPE = RDF.type
WAS_DERIVED_FROM = PROV.wasDerivedFrom
REASONER_VERSION = "targeted-owlrl-1"


class BuildInfo(Record):
    """How the graph was made: its cache key, whether it came from the cache, its triple and file counts."""

    __slots__ = ("key", "from_cache", "asserted", "inferred", "files")
    _FIELDS = __slots__

    def __init__(self, key: str, from_cache: bool, asserted: int, inferred: int, files: int) -> None:
        self.key, self.from_cache, self.asserted, self.inferred, self.files = key, from_cache, asserted, inferred, files



def source_file_names(root: str) -> list[str]:
    """The ontology and data files of a home, as strings (the warm start does not import pathlib)."""
    return turtle_file_names(os.path.join(root, "ontology")) + turtle_file_names(os.path.join(root, "data"))


class KnowledgeGraph:
    """The Regio Deals graph, ready to query. Make one with :func:`rdgraph.load`."""

    def __init__(self, store: ox.Store, root: Path | str, info: BuildInfo) -> None:
        self.store = store
        self._root = root  # a string from a warm start: a Path is made when asked for
        self.info = info
        self._catalogue: Catalogue | None = None

    @property
    def root(self) -> Path:
        """The folder with ontology/, data/, shapes/ and queries/."""
        if isinstance(self._root, str):
            from pathlib import Path

            self._root = Path(self._root)
        return self._root

    @root.setter
    def root(self, value: Path) -> None:
        self._root = value

    @property
    def catalogue(self) -> Catalogue:
        """The named queries of ``queries/``."""
        if self._catalogue is None:
            self._catalogue = Catalogue(os.path.join(os.fspath(self._root), "queries"))
        return self._catalogue

    @catalogue.setter
    def catalogue(self, value: Catalogue) -> None:
        self._catalogue = value

    # ---------------------------------------------------------------- building
    @classmethod
    def build(cls, root: Path | None = None, use_cache: bool = True,
              extra_files: list[Path] | None = None) -> KnowledgeGraph:
        # the warm start works on strings (pathlib costs more than the rest of a warm import); a build on Paths
        root_s = project_root_str() if not root else _normalised(root)
        names = source_file_names(root_s) + [str(f) for f in extra_files or []]
        key = content_key(names, extra=f"{__version__}/{REASONER_VERSION}", use_cache=use_cache)
        db_s = os.path.join(cache_dir_str(), f"graph-{key[:32]}.db")
        if use_cache:
            opened = open_cached(db_s)
            if opened is not None:
                store, meta = opened
                return cls(store, root_s, BuildInfo(key, True, meta["asserted"], meta["inferred"], len(names)))
        from pathlib import Path

        root, db = Path(root_s), Path(db_s)
        files = [Path(f) for f in names]
        manifest = file_manifest(files, root)
        if use_cache:
            extended = extend_previous(files, manifest, db)
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
            persist(store, db, {"files": manifest, "asserted": info.asserted, "inferred": info.inferred})
        return cls(store, root, info)

    # ---------------------------------------------------------------- querying
    def sparql(self, text: str, *, name: str | None = None, allow_service: bool = False,
               inferred: bool = True) -> Result:
        """Run a read-only SPARQL SELECT or ASK on the graph (asserted + inferred)."""
        check_read_only(text, allow_service=allow_service)
        from . import engine_guard

        if engine_guard.wanted(text):  # ORDER BY may abort the engine: evaluated in a child (engine_guard)
            check_query(text, where=name or "the query")
            return engine_guard.result(engine_guard.run(lambda: self._evaluate(text, name, inferred), None, name or ""),
                                       name)
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
               allow_service: bool = False, inferred: bool = True, lang: str = "en"):
        """Run a read-only SELECT or ASK as a :class:`~rdgraph.streaming.Stream`: rows as the engine
        produces them, stopped with an error after ``seconds`` (default: the ``query_seconds`` limit).
        ``lang``: the language of the error if the engine dies (:mod:`rdgraph.engine_guard`)."""
        check_query(text, where=name or "the query")
        check_read_only(text, allow_service=allow_service)
        return self._stream(text, name, seconds, inferred, guard=lang)

    def stream_query(self, name: str, params: dict | None = None, *, seconds: float | None = None):
        """Run a named query as a :class:`~rdgraph.streaming.Stream` (``rdgraph query``); parameters as for
        :meth:`query`. The query file was vetted when the catalogue read it, so only the binding is checked."""
        from .resolve import resolve_params

        nq = self.catalogue.get(name)
        text = nq.bind(resolve_params(self, nq, dict(params or {})))
        check_query(text, where=nq.name, template_depth=nq.depth)
        return self._stream(text, nq.name, seconds, True, nq.needs_prefixes)

    def _stream(self, text: str, name: str | None, seconds: float | None, inferred: bool, prefixes: bool = True,
                guard: str | None = None):
        from .limits import current
        from .streaming import run_local

        if seconds is None:
            seconds = current().query_seconds
        if guard is not None:  # ad-hoc text: ORDER BY may abort the engine, so it is evaluated in a child
            from . import engine_guard

            if engine_guard.wanted(text):
                return engine_guard.run(lambda: self._evaluate(text, name, inferred, prefixes), seconds,
                                        name or "", guard)
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


def _normalised(root: str | Path) -> str:
    """A folder as ``str(Path(folder))`` writes it (file names and cache keys are made from it)."""
    from pathlib import Path

    return str(Path(root))


def load(root: str | Path | None = None, *, use_cache: bool = True) -> KnowledgeGraph:
    """The knowledge graph (ontology + data + inferences), from the cache when nothing changed."""
    return KnowledgeGraph.build(root or None, use_cache=use_cache)
