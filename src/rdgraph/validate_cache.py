"""Validating the whole graph: shape by shape with progress, and only what changed since the last result.

The result of a full run is kept under the cache folder, keyed by the content hash of every input
file (ontology, data, shapes) and the language. The next run

* with the same files returns the kept result;
* after a change to data files only (the ontology and the shapes the same) re-validates the nodes
  whose triples in those files changed (a digest per subject and file is kept), plus the nodes that
  point at them, in the context
  of the graph (the same small-graph path that validates an entry, :mod:`rdgraph.entries.shapes`), and
  keeps the kept findings of every other node;
* otherwise (no kept result, or a schema change) validates everything, one shapes file at a time, so
  a progress bar can follow (``progress(done, total, what)``).

``tests/test_validate_cache.py`` checks that an incremental result equals a full run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

import pyoxigraph as ox

from .store import file_manifest
from .validate import Finding, ValidationReport, run_pyshacl

FORMAT = "rdgraph-validation-cache/2"
Progress = Callable[[int, int, str], None]


def _files(root: Path) -> tuple[list[Path], list[Path], list[Path]]:
    from .paths import artefact_dir, shape_files, turtle_files

    return (turtle_files(artefact_dir("ontology", root)), turtle_files(artefact_dir("data", root)),
            shape_files(root))


def _schema_key(ontology: dict[str, str], shapes: dict[str, str], lang: str) -> str:
    import pyshacl

    from .version import __version__

    blob = json.dumps([ontology, shapes, lang, __version__, pyshacl.__version__], sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:24]


def _folder() -> Path:
    from .paths import cache_dir

    return cache_dir() / "validation"


def _subjects_of(path: Path) -> dict[str, str]:
    """Each IRI subject of a file with a digest of its triples there (blank nodes read as one label), so
    that a change to a file re-validates only the subjects whose triples changed."""
    from .loading import parse_file

    by: dict[str, list[str]] = {}
    for q in parse_file(path, ox.DefaultGraph()):
        if isinstance(q.subject, ox.NamedNode):
            o = "_:b" if isinstance(q.object, ox.BlankNode) else str(q.object)
            by.setdefault(q.subject.value, []).append(f"{q.predicate} {o}")
    return {s: hashlib.sha1("\n".join(sorted(t)).encode()).hexdigest()[:16] for s, t in sorted(by.items())}


def shapes_by_file(root: Path) -> list[tuple[str, object]]:
    """One rdflib shapes graph per shapes file (plus the SPARQL prefix declarations they share)."""
    import rdflib
    from rdflib.namespace import SH

    _o, _d, shape_files = _files(root)
    graphs = []
    for f in shape_files:
        g = rdflib.Graph()
        g.parse(f, format="turtle")
        graphs.append((f.stem, g))
    prefixes = rdflib.Graph()
    for _name, g in graphs:
        for decl_owner in set(g.subjects(SH.declare, None)):
            for t in g.triples((decl_owner, None, None)):
                prefixes.add(t)
            for d in g.objects(decl_owner, SH.declare):
                for t in g.triples((d, None, None)):
                    prefixes.add(t)
    for _name, g in graphs:
        g += prefixes
    return graphs


def full_findings(data_graph, root: Path, lang: str, progress: Progress | None = None) -> list[Finding]:
    """pySHACL over the whole data graph, one shapes file at a time (same results as one run)."""
    from .entries.shapes import _PreparedQueries

    graphs = shapes_by_file(root)
    out: list[Finding] = []
    with _PreparedQueries():
        for i, (name, g) in enumerate(graphs):
            if progress:
                progress(i, len(graphs), name)
            out.extend(run_pyshacl(data_graph, g, lang=lang))
    if progress:
        progress(len(graphs), len(graphs), "")
    return _unique(out)


def _unique(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        k = (f.focus, f.path, f.value, f.shape, f.constraint, f.severity, f.message)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


def _changed_findings(kg, nodes: set[str], lang: str) -> list[Finding]:
    """Findings about ``nodes`` (and results elsewhere that name them), on the small-graph path."""
    from .entries.index import GraphIndex
    from .entries.shapes import shape_findings
    from .store import ASSERTED

    gi = GraphIndex(kg.store)
    triples = []
    for n in nodes:
        triples.extend((q.subject, q.predicate, q.object)
                       for q in kg.store.quads_for_pattern(ox.NamedNode(n), None, None, ASSERTED))
    if not triples:
        return []
    return shape_findings(gi, kg.root, triples, lang)


def validate_graph_cached(kg, lang: str = "nl", progress: Progress | None = None,
                          use_cache: bool = True) -> ValidationReport:
    """The graph's validation report, from the kept result where the files did not change."""
    root = kg.root
    onto, data, shapes = _files(root)
    h_onto, h_data, h_shapes = file_manifest(onto, root), file_manifest(data, root), file_manifest(shapes, root)
    schema = _schema_key(h_onto, h_shapes, lang)
    key = hashlib.sha256(json.dumps([schema, h_data], sort_keys=True).encode()).hexdigest()[:24]
    folder = _folder()
    latest = folder / f"latest-{schema}.json"
    kept = _read(latest) if use_cache else None
    how = "full"
    if kept is not None and kept.get("key") == key:
        findings = [Finding(**f) for f in kept["findings"]]
        subjects = kept["subjects"]
        how = "cached"
    elif kept is not None:
        old = kept["data"]
        changed = sorted(f for f in set(old) | set(h_data) if old.get(f) != h_data.get(f))
        subjects = {f: s for f, s in kept["subjects"].items() if f in h_data}
        nodes: set[str] = set()
        for f in changed:
            before = kept["subjects"].get(f, {})
            after = _subjects_of(root / f) if f in h_data else {}
            if f in h_data:
                subjects[f] = after
            nodes.update(n for n in set(before) | set(after) if before.get(n) != after.get(n))
        nodes |= _pointing_at(kg, nodes)
        if progress:
            progress(0, 1, "changed")
        fresh = _changed_findings(kg, nodes, lang)
        findings = [Finding(**f) for f in kept["findings"]
                    if f["focus"] not in nodes and (f["value"] or "") not in nodes]
        findings = _unique(findings + fresh)
        if progress:
            progress(1, 1, "")
        how = f"incremental ({len(changed)} file(s), {len(nodes)} node(s))"
    else:
        data_graph = kg.asserted_rdflib()
        findings = full_findings(data_graph, root, lang, progress)
        subjects = {f: _subjects_of(root / f) for f in h_data}
    if use_cache and how != "cached":
        _write(latest, {"format": FORMAT, "key": key, "data": h_data, "subjects": subjects,
                        "findings": [asdict(f) for f in findings]})
    from .release.stable import stable_iri_findings

    # no IRI of the last release disappears (docs/releases.md); checked every time, never kept: it depends
    # on releases/, which the key above does not cover, and takes milliseconds
    findings = findings + stable_iri_findings(kg.store, root, lang=lang)
    report = ValidationReport(findings, lang, checked=how)
    report.subjects_by_file = subjects  # type: ignore[attr-defined]
    return report


RDF_SUFFIXES = (".ttl", ".nt", ".jsonld", ".json", ".trig", ".nq", ".rdf", ".owl")


def rdf_files_in(args: list) -> list[Path]:
    """The files named, with every RDF file below a named folder in their place (sorted)."""
    out: list[Path] = []
    for a in args:
        p = Path(a)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in RDF_SUFFIXES
                              and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        else:
            out.append(p)
    return out


def graph_files_among(root: Path, files: list[Path]) -> list[str] | None:
    """If every file is one of the graph's own (ontology/, data/), their names relative to the project."""
    onto, data, _shapes = _files(root)
    own = {f.resolve(): f for f in onto + data}
    if not files or not all(f.resolve() in own for f in files):
        return None
    return [str(f.resolve().relative_to(root.resolve())) for f in files]


def _pointing_at(kg, nodes: set[str]) -> set[str]:
    from .store import ASSERTED

    out = set()
    for n in nodes:
        for q in kg.store.quads_for_pattern(None, None, ox.NamedNode(n), ASSERTED):
            if isinstance(q.subject, ox.NamedNode):
                out.add(q.subject.value)
    return out


def _read(path: Path) -> dict | None:
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return d if isinstance(d, dict) and d.get("format") == FORMAT else None


def _write(path: Path, payload: dict) -> None:
    from .fileio import write_text_atomic

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, json.dumps(payload, ensure_ascii=False))
    except OSError:  # a result that cannot be kept is only a missed speed-up
        pass
