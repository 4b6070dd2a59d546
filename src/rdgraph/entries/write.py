"""Adding entries: validate under a lock on data/, then write each deal's entry atomically."""

from __future__ import annotations

import os
import re
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import EXIT_USAGE, RdgraphError
from ..loading import parse_file
from ..namespaces import DEF, ORG, RDF, RDG
from .index import GraphIndex
from .messages import msg
from .parse import read_entries, types_of
from .report import EntryReport
from .terms import Triple, node_id
from .turtle import to_turtle
from .validate import check_entries


class LockBusyError(RdgraphError):
    exit_code = EXIT_USAGE


LOCK_NAME = ".rdgraph.lock"
CRASH_ENV = "RDGRAPH_TEST_CRASH"   # test hook: "before-rename" kills the process at that point


class DataLock:
    """An exclusive fcntl lock on data/.rdgraph.lock (released when the process ends, even if killed)."""

    def __init__(self, data_dir: Path, wait: float = 0.0, lang: str = "nl") -> None:
        self.path = data_dir / LOCK_NAME
        self.wait = wait
        self.lang = lang
        self.fd: int | None = None

    def __enter__(self) -> DataLock:
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + max(self.wait, 0.0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise LockBusyError(msg("locked", self.lang, lock=str(self.path)),
                                        msg("locked_hint", self.lang)) from None
                time.sleep(0.1)
        self.fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        import fcntl

        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


def deal_slug(iri: str) -> str:
    tail = iri.rstrip("/").rsplit("/", 1)[-1]
    slug = re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", tail).encode("ascii", "ignore")
                  .decode().lower()).strip("-")
    return slug or "entry"


def _owner_deal(gi: GraphIndex, triples: list[Triple]) -> dict:
    """The deal each entry node belongs to (for the file it is written to)."""
    types = types_of(triples)
    deals = {n for n, ts in types.items() if RDG.RegioDeal in ts}
    owner: dict = {d: d for d in deals}
    links = (RDG.deal, RDG.fundingOf, RDG.attributedTo, RDF.subject, RDG.partOf)
    changed = True
    while changed:
        changed = False
        for s, p, o in triples:
            if s in owner or p not in links:
                continue
            if o in owner:
                owner[s] = owner[o]
                changed = True
            elif isinstance(o, ox.NamedNode) and p in (RDG.deal, RDG.fundingOf, RDG.attributedTo) and \
                    gi.any(o, RDF.type, RDG.RegioDeal):
                owner[s] = o
                changed = True
    default = sorted(deals, key=str)[0] if deals else (sorted(set(owner.values()), key=str) or [None])[0]
    for s, _p, _o in triples:
        owner.setdefault(s, default)
    return owner


# Nodes that several deals share get a stable home of their own kind, never a deal's file: a
# municipality, a province, an organisation or a public source is written to data/deals/_<kind>.ttl.
SHARED_HOMES = {
    DEF + "Municipality": "_gemeenten.ttl",
    DEF + "Province": "_provincies.ttl",
    ORG.Organization.value: "_organisaties.ttl",
    ORG.FormalOrganization.value: "_organisaties.ttl",
    DEF + "WebSource": "_bronnen.ttl",
    DEF + "Document": "_bronnen.ttl",
}
SHARED_TITLES = {"_gemeenten.ttl": "municipalities", "_provincies.ttl": "provinces",
                 "_organisaties.ttl": "organisations", "_bronnen.ttl": "public sources"}


@dataclass
class PlannedWrite:
    """One file ``add`` writes: its text before (None: new) and after, and what the entry adds to it."""

    path: Path
    before: str | None
    after: str
    added: int
    total: int
    warnings: int = 0

    @property
    def status(self) -> str:
        return "new" if self.before is None else ("changed" if self.before != self.after else "unchanged")

    def diff(self, root: Path) -> str:
        import difflib

        try:
            name = str(self.path.relative_to(root))
        except ValueError:
            name = str(self.path)
        return "".join(difflib.unified_diff(
            (self.before or "").splitlines(keepends=True), self.after.splitlines(keepends=True),
            fromfile="/dev/null" if self.before is None else f"a/{name}", tofile=f"b/{name}"))


def _home_of(gi: GraphIndex, types: dict, node) -> str | None:
    kinds = {t.value for t in types.get(node, ())}
    if isinstance(node, ox.NamedNode):
        kinds |= {o.value for _s, _p, o in gi.triples(node, RDF.type, None)}
    for k, home in SHARED_HOMES.items():
        if k in kinds:
            return home
    return None


def plan_writes(gi: GraphIndex, data_dir: Path, entries, findings=()) -> list[PlannedWrite]:
    """The files an entry goes to and their new text (nothing is written here)."""
    all_triples = [t for e in entries for t in e.triples]
    types = types_of(all_triples)
    owner = _owner_deal(gi, all_triples)
    home: dict = {}
    for s, _p, _o in all_triples:
        if s not in home:
            home[s] = _home_of(gi, types, s)
    for s, p, o in all_triples:  # a statement about a shared node lives with that node
        if p == RDF.subject and home.get(s) is None and isinstance(o, ox.NamedNode):
            h = home.get(o) or _home_of(gi, types, o)
            if h:
                home[s] = h
    by_file: dict[Path, list[Triple]] = {}
    for t in all_triples:
        if home.get(t[0]):
            path = data_dir / "deals" / home[t[0]]
        else:
            d = owner.get(t[0])
            slug = deal_slug(d.value) if isinstance(d, ox.NamedNode) else deal_slug(entries[0].path.stem)
            path = data_dir / "deals" / f"{slug}.ttl"
        by_file.setdefault(path, []).append(t)
    plans = []
    # shared homes first: a killed add then leaves at most a shared node without its deal (a re-run
    # completes the entry), never a deal that refers to a node not yet written
    for path, triples in sorted(by_file.items(), key=lambda kv: (kv[0].name not in SHARED_TITLES, kv[0])):
        before = None
        existing: list[Triple] = []
        if path.exists():
            before = path.read_text(encoding="utf-8")
            existing = [(q.subject, q.predicate, q.object) for q in parse_file(path, ox.DefaultGraph())]
        merged = set(existing) | set(triples)
        after = to_turtle(merged, header=_header(path, existing))
        subjects = {node_id(s) for s, _p, _o in triples}
        warns = sum(1 for f in findings if f.severity != "Violation" and f.focus in subjects)
        plans.append(PlannedWrite(path, before, after, len(merged) - len(set(existing)), len(merged), warns))
    return plans


def add_entries(kg_loader, root: Path, files: Sequence[str | Path], lang: str = "nl", fmt: str | None = None,
                wait: float = 0.0, dry_run: bool = False) -> EntryReport:
    """Validate entries and, only without violations, write them to data/deals/<slug>.ttl (and the
    shared nodes to data/deals/_<kind>.ttl). With ``dry_run`` nothing is written: the report carries
    the unified diff of every file that would change (``report.diff``).

    ``kg_loader`` is called under the lock, so the graph checked against is the current one (two
    ``add`` runs of the same deal: the second sees the first and refuses a duplicate).
    """
    from ..paths import artefact_dir

    entries = read_entries(files, fmt, lang)
    data_dir = artefact_dir("data", root)
    with DataLock(data_dir, wait=wait, lang=lang):
        if not dry_run:
            _clean_stale_temps(data_dir / "deals")
        kg = kg_loader()
        report = check_entries(kg, entries, lang)
        report.checked = "add --dry-run" if dry_run else "add"
        if not report.conforms:
            return report
        plans = plan_writes(GraphIndex(kg.store), data_dir, entries, report.findings)
        report.writes = [{"file": str(p.path), "status": p.status, "added": p.added, "triples": p.total,
                          "warnings": p.warnings} for p in plans]
        if dry_run:
            report.diff = "".join(p.diff(root) for p in plans)
            return report
        for p in plans:
            if p.status == "unchanged":
                continue
            _write_atomic(p.path, p.after.encode("utf-8"))
            report.written.append(str(p.path))
    return report


def _header(path: Path, existing: list[Triple]) -> str:
    title = SHARED_TITLES.get(path.name)
    if title:
        return (f"# Shared nodes: {title} used by deals added with 'rdgraph add' (one home per kind, not a deal's "
                "file).\n# Sorted, deterministic Turtle; edit with care and validate again with 'rdgraph validate'.\n")
    return (f"# Regio Deal entry: {path.stem}. Written by 'rdgraph add' (validated against the shapes and the graph).\n"
            "# Sorted, deterministic Turtle; edit with care and validate again with 'rdgraph validate'.\n")


def _clean_stale_temps(folder: Path) -> None:
    """Remove temporary files a killed 'add' left behind (only ours: .<name>.ttl.<random>.tmp)."""
    if not folder.is_dir():
        return
    for p in folder.glob(".*.ttl.*.tmp"):
        try:
            p.unlink()
        except OSError:
            pass


def _crash_if(point: str) -> None:
    """Test hook: RDGRAPH_TEST_CRASH=before-rename|after-rename kills the process at that point."""
    if os.environ.get(CRASH_ENV) == point:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def _write_atomic(path: Path, data: bytes) -> None:
    from ..fileio import write_bytes_atomic

    write_bytes_atomic(path, data, before_rename=lambda: _crash_if("before-rename"))
    _crash_if("after-rename")
