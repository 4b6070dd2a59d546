"""Two states of the graph and the exact difference between them, as an RDF patch.

A *state* is read from a git revision of the project (its ``ontology/`` and ``data/`` at that
revision, taken with ``git archive`` into a temporary folder; the work tree is never touched), a
folder (a project-like folder with ``ontology/`` and ``data/``, or any folder of RDF files) or one
export file (Turtle, N-Triples, TriG, N-Quads, JSON-LD, RDF/XML; named graphs are merged).

Blank nodes are compared by their content, not by the labels a parser happens to give them: every
state is relabelled with :func:`rdgraph.turtle.stable_bnode_labels` (a hash of each blank node's
description, refined with its neighbours' hashes until the partition is stable), the same labels the
exports use. Two states that hold the same reified statement give it the same label, so it is not in
the difference; a statement whose source changed is one removed and one added blank node.
(pyoxigraph's ``Dataset.canonicalize`` is not used: its ids depend on the whole graph, so one added
triple can rename many blank nodes - its documentation warns it is unsuitable for diffs.)

The patch is written in the RDF Patch format (``D``/``A`` rows between ``TX``/``TC``) or as TriG with
a ``removed`` and an ``added`` named graph. Its blank-node labels are the content labels of the old
and new state, so :func:`apply_patch` relabels the old state the same way, deletes, adds, and gets the
new state exactly.
"""

from __future__ import annotations

import hashlib
import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..errors import ParameterError, ParseError
from ..loading import parse_file
from ..paths import turtle_files
from ..terms import to_ntriples
from ..turtle import Triple3, stable_bnode_labels

PATCH_REMOVED = "urn:rdgraph:patch:removed"
PATCH_ADDED = "urn:rdgraph:patch:added"
PATCH_FORMATS = ("rdfpatch", "trig")


@dataclass
class State:
    """The triples of one state of the graph, blank nodes labelled by content."""

    label: str                     # how the state was named (revision, folder, file)
    triples: set[Triple3]
    kind: str = "files"            # git | project | folder | file
    revision: str | None = None    # the full commit id for a git state
    files: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.triples)

    def digest(self) -> str:
        """A SHA-256 of the sorted N-Triples of the state (its identity in patch headers)."""
        h = hashlib.sha256()
        for line in sorted(ntriples_line(t) for t in self.triples):
            h.update(line.encode("utf-8"))
            h.update(b"\n")
        return h.hexdigest()


def ntriples_line(t: Triple3) -> str:
    s, p, o = t
    return f"{to_ntriples(s)} {to_ntriples(p)} {to_ntriples(o)}"


def canonicalise(triples) -> set[Triple3]:
    """Distinct triples with literals in Oxigraph's canonical lexical form and every blank node relabelled by
    a hash of its content.

    The embedded store keeps numbers and dates by value (``"950000000.0"^^xsd:decimal`` comes back as
    ``"950000000"``), so a state read from files and one read from the store compare equal only after the
    same round trip; a change of lexical form alone is no change.
    """
    store = ox.Store()
    store.extend(ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in triples)
    ts = [(q.subject, q.predicate, q.object) for q in store]
    if not any(isinstance(s, ox.BlankNode) or isinstance(o, ox.BlankNode) for s, _, o in ts):
        return set(ts)
    labels = stable_bnode_labels(ts, rounds=32)  # stops as soon as the partition is stable

    def rl(t):
        return ox.BlankNode(labels[t.value]) if isinstance(t, ox.BlankNode) else t

    return {(rl(s), p, rl(o)) for s, p, o in ts}


# ---------------------------------------------------------------- reading states

def _git(root: Path, *args: str, binary: bool = False, check: bool = True):
    try:
        out = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError) as e:
        raise ParameterError(f"cannot run git: {e}", "install git, or compare folders or export files") from None
    if check and out.returncode != 0:
        raise ParameterError(f"git {' '.join(args[:2])} failed: {out.stderr.decode(errors='replace').strip()}")
    return out if binary else out.stdout.decode("utf-8", errors="replace")


def resolve_revision(root: Path, spec: str) -> str | None:
    """The full commit id of ``spec`` in the repository at ``root``, or None if it is not one."""
    if spec.startswith("-"):
        return None
    if not (root / ".git").exists():
        out = _git(root, "rev-parse", "--git-dir", binary=True, check=False)
        if out.returncode != 0:
            return None
    out = _git(root, "rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}", binary=True, check=False)
    if out.returncode != 0:
        return None
    return out.stdout.decode().strip() or None


def extract_revision(root: Path, commit: str, dest: Path, folders=("ontology", "data")) -> list[str]:
    """Write the given folders as they are at ``commit`` below ``dest`` (``git archive``; no checkout)."""
    present = [f for f in folders if _git(root, "ls-tree", "--name-only", commit, "--", f).strip()]
    if not present:
        return []
    tar = _git(root, "archive", "--format=tar", commit, "--", *present, binary=True).stdout
    with tarfile.open(fileobj=io.BytesIO(tar)) as tf:
        tf.extractall(dest, filter="data")
    return present


def _triples_of(files: list[Path]) -> set[Triple3]:
    out: list[Triple3] = []
    for f in files:
        for q in parse_file(f):
            out.append((q.subject, q.predicate, q.object))  # named graphs of TriG/N-Quads are merged
    return canonicalise(out)


def project_files(folder: Path) -> list[Path]:
    """The RDF files of a project-like folder (ontology/ and data/), else every RDF file below it."""
    if (folder / "ontology").is_dir() or (folder / "data").is_dir():
        files: list[Path] = []
        for sub in ("ontology", "data"):
            if (folder / sub).is_dir():
                files += turtle_files(folder / sub)
        return files
    return turtle_files(folder)


def load_state(spec: str | Path, root: Path | None = None) -> State:
    """A state from a git revision (of the repository at ``root``), a folder or an export file."""
    from ..paths import project_root

    root = root or project_root()
    path = Path(spec)
    if path.is_file():
        return State(str(spec), _triples_of([path]), kind="file", files=[str(path)])
    if path.is_dir():
        files = project_files(path)
        if not files:
            raise ParameterError(f"{spec}: no RDF files in this folder",
                                 "give a folder with ontology/ and data/, an export file or a git revision")
        kind = "project" if (path / "data").is_dir() or (path / "ontology").is_dir() else "folder"
        return State(str(spec), _triples_of(files), kind=kind,
                     files=[str(f.relative_to(path)) for f in files])
    commit = resolve_revision(root, str(spec))
    if commit is None:
        raise ParameterError(f"{spec!r} is not a file, a folder or a git revision of {root}",
                             "give e.g. HEAD~3, a tag, a commit id, a folder with ontology/ and data/, or an "
                             "export file such as rdgraph.nt")
    with tempfile.TemporaryDirectory(prefix="rdgraph-rev-") as tmp:
        present = extract_revision(root, commit, Path(tmp))
        if not present:
            raise ParameterError(f"revision {spec} has no ontology/ or data/ folder")
        files = project_files(Path(tmp))
        try:
            triples = _triples_of(files)
        except ParseError as e:
            raise ParseError(e.location, f"(at revision {spec}) {e.detail}", e.hint) from None
        names = [str(f.relative_to(tmp)) for f in files]
    return State(str(spec), triples, kind="git", revision=commit, files=names)


# ---------------------------------------------------------------- the difference

@dataclass
class TripleDiff:
    old: State
    new: State
    removed: list[Triple3]
    added: list[Triple3]

    @property
    def unchanged(self) -> bool:
        return not self.removed and not self.added


def _sort_key(t: Triple3) -> str:
    return ntriples_line(t)


def diff_states(old: State, new: State) -> TripleDiff:
    removed = sorted(old.triples - new.triples, key=_sort_key)
    added = sorted(new.triples - old.triples, key=_sort_key)
    return TripleDiff(old, new, removed, added)


# ---------------------------------------------------------------- patches

def to_rdf_patch(d: TripleDiff) -> str:
    """The difference in the RDF Patch format: a header naming both states, then D and A rows."""
    lines = [f"H id <urn:sha256:{d.new.digest()}> .", f"H prev <urn:sha256:{d.old.digest()}> .", "TX ."]
    lines += [f"D {ntriples_line(t)} ." for t in d.removed]
    lines += [f"A {ntriples_line(t)} ." for t in d.added]
    lines.append("TC .")
    return "\n".join(lines) + "\n"


def to_trig_patch(d: TripleDiff) -> str:
    """The difference as TriG: the removed triples in one named graph, the added ones in another."""
    out = [f"# rdgraph patch: from {d.old.label} to {d.new.label}",
           f"# apply: delete the triples of <{PATCH_REMOVED}>, then add those of <{PATCH_ADDED}>"]
    for name, ts in ((PATCH_REMOVED, d.removed), (PATCH_ADDED, d.added)):
        out.append(f"<{name}> {{")
        out += [f"  {ntriples_line(t)} ." for t in ts]
        out.append("}")
    return "\n".join(out) + "\n"


def render_patch(d: TripleDiff, fmt: str = "rdfpatch") -> str:
    if fmt not in PATCH_FORMATS:
        raise ParameterError(f"unknown patch format {fmt!r}", "use rdfpatch or trig")
    return to_rdf_patch(d) if fmt == "rdfpatch" else to_trig_patch(d)


def read_patch(text: str) -> tuple[list[Triple3], list[Triple3]]:
    """(removed, added) triples of a patch in the RDF Patch format or in rdgraph's TriG form."""
    stripped = text.lstrip()
    if stripped.startswith(("H ", "TX", "A ", "D ", "PA", "PD")) or not stripped:
        rows: list[str] = []
        for n, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            op = line.split(None, 1)[0]
            if op in ("H", "TX", "TC", "TA", "PA", "PD"):
                continue
            if op not in ("A", "D"):
                raise ParameterError(f"patch line {n}: unknown row {op!r}", "rows are H, TX, TC, TA, A or D")
            graph = PATCH_ADDED if op == "A" else PATCH_REMOVED
            body = line[1:].strip()
            if not body.endswith("."):
                raise ParameterError(f"patch line {n}: a row ends with ' .'")
            rows.append(f"{body[:-1].rstrip()} <{graph}> .")
        data = "\n".join(rows).encode("utf-8")
        fmt = ox.RdfFormat.N_QUADS
    else:
        data = text.encode("utf-8")
        fmt = ox.RdfFormat.TRIG
    try:
        quads = list(ox.parse(data, format=fmt))
    except SyntaxError as e:
        raise ParameterError(f"the patch cannot be read: {e}") from None
    removed = [(q.subject, q.predicate, q.object) for q in quads if q.graph_name == ox.NamedNode(PATCH_REMOVED)]
    added = [(q.subject, q.predicate, q.object) for q in quads if q.graph_name == ox.NamedNode(PATCH_ADDED)]
    return removed, added  # type: ignore[return-value]


def apply_patch(triples, patch_text: str) -> set[Triple3]:
    """The triples of a state after applying a patch (blank nodes of ``triples`` relabelled by content first)."""
    base = canonicalise(triples)
    removed, added = read_patch(patch_text)
    missing = [t for t in removed if t not in base]
    if missing:
        raise ParameterError(f"the patch does not fit this state: {len(missing)} triple(s) to delete are not in it, "
                             f"e.g. {ntriples_line(missing[0])}",
                             "apply the patch to the state it was made from")
    return (base - set(removed)) | set(added)


__all__ = ["State", "TripleDiff", "load_state", "diff_states", "canonicalise", "render_patch", "read_patch",
           "apply_patch", "resolve_revision", "extract_revision", "PATCH_FORMATS"]
