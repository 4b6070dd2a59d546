"""Entry validation against the hand-written corpus in tests/entries/, and entry-vs-full equivalence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import rdgraph
from rdgraph.entries import (
    GraphIndex,
    check_entries,
    read_entries,
    shape_findings,
    short,
    to_turtle,
    validate_entries,
)
from rdgraph.errors import ParseError

CORPUS = Path(__file__).resolve().parent / "entries"
VALID = sorted(p for p in (CORPUS / "valid").iterdir() if p.suffix in (".ttl", ".nt", ".jsonld"))
INVALID = sorted(p for p in (CORPUS / "invalid").iterdir() if p.suffix in (".ttl", ".nt", ".jsonld"))


def _expected(p: Path) -> dict:
    return json.loads(p.with_name(p.stem + ".expected.json").read_text())


@pytest.fixture(scope="module")
def kg():
    return rdgraph.load()


def _short_focus(f, entry: Path) -> str:
    if f.kind == "empty":
        return "<file>"
    s = short(f.focus)
    return s


def test_corpus_is_complete():
    assert len(VALID) >= 3 and len(INVALID) >= 40
    for p in INVALID:
        assert p.with_name(p.stem + ".expected.json").exists(), f"{p.name} has no expected findings"


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_entries_conform(kg, path):
    report = validate_entries(kg, [path])
    assert report.findings == [], report.to_text()


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_entry_findings(kg, path):
    exp = _expected(path)
    if "parse_error" in exp:
        with pytest.raises(ParseError) as ei:
            validate_entries(kg, [path])
        loc = ei.value.location
        assert loc.file == str(path)
        assert loc.line == exp["parse_error"]["line"], str(ei.value)
        assert isinstance(loc.column, int)
        assert ei.value.hint
        # the hint fits the format, and the message is in the chosen language
        assert ("JSON" in ei.value.hint) == (path.suffix == ".jsonld"), ei.value.hint
        assert ("N-Triples" in ei.value.hint) == (path.suffix == ".nt"), ei.value.hint
        with pytest.raises(ParseError) as en:
            validate_entries(kg, [path], lang="en")
        assert str(en.value) != str(ei.value) and "kan het bestand niet lezen" in str(ei.value)
        return
    for lang in ("nl", "en"):
        report = validate_entries(kg, [path], lang=lang)
        got = {(_short_focus(f, path), short(f.path) if f.path else None, f.kind, f.severity)
               for f in report.findings}
        want = {tuple(x) for x in exp["findings"]}
        assert got == want, "\n" + report.to_text()
        assert (0 if report.conforms else 1) == exp["exit"]
        for f in report.findings:
            assert f.message and f.severity in ("Violation", "Warning", "Info")
            assert f.hint, f"no hint for {f}"
        for path_, sugg in exp.get("suggest", {}).items():
            hits = [f for f in report.findings if f.path and short(f.path) == path_]
            assert any(any(s.startswith(sugg) for s in f.suggestions) for f in hits), report.to_text()
        for path_, fix in exp.get("hint", {}).items():
            hits = [f for f in report.findings if f.path and short(f.path) == path_]
            assert any(fix in (f.hint or "") for f in hits), report.to_text()
    # the whole message in the chosen language: no finding reads the same in Dutch and English
    nl, en = (validate_entries(kg, [path], lang=lang) for lang in ("nl", "en"))
    for a, b in zip(nl.findings, en.findings, strict=True):
        assert a.message != b.message, a.message
        assert a.hint != b.hint, a.hint


def test_messages_are_dutch_by_default_and_english_on_request(kg):
    p = CORPUS / "invalid" / "missing-tranche.ttl"
    nl = validate_entries(kg, [p]).to_text()
    en = validate_entries(kg, [p], lang="en").to_text()
    assert "tranche" in nl and "hoort" in nl and "fout" in nl
    assert "should have exactly one tranche" in en and "violation" in en


def test_json_schema_is_stable(kg):
    report = validate_entries(kg, [CORPUS / "invalid" / "unknown-ministry.ttl"], lang="en")
    d = json.loads(report.to_json())
    assert d["schema"] == "rdgraph-entry-report/1"
    assert set(d) == {"schema", "conforms", "violations", "warnings", "infos", "lang", "files", "written",
                      "writes", "diff", "entities"}
    ent = d["entities"][0]
    assert set(ent) == {"entity", "short", "label", "kind", "findings"}
    assert ent["kind"] == "deal"
    assert set(ent["findings"][0]) == {"severity", "kind", "focus", "focus_short", "path", "path_short", "value",
                                       "message", "hint", "suggestions", "shape", "source_file"}


def test_grouping_deal_then_interventions(kg):
    report = validate_entries(kg, [CORPUS / "invalid" / "unknown-instrument.ttl"])
    groups = report.groups()
    assert [report.entities[e][0] for e, _ in groups] == ["intervention"]
    report = check_entries(kg, read_entries([CORPUS / "valid" / "zaanstreek.ttl",
                                             CORPUS / "invalid" / "intervention-goal-without-lang.ttl"]))
    kinds = [report.entities[e][0] for e, _ in report.groups()]
    assert kinds == sorted(kinds, key=["deal", "intervention", "other"].index)


# ---------------------------------------------------------------- entry validation == full validation
# pySHACL on the whole merged graph (asserted graph + entries) is the reference. To keep this to a few
# full runs, the entries' own new nodes are renamed apart (IRI + "--n") and all entries that add
# nothing to existing nodes are merged into ONE full run; entries that add amounts to an existing
# deal (they interact through the Rijk's-share check) get a full run each.

def _key(f):
    return (f.focus, f.path, f.value, f.constraint, f.shape, f.severity, f.message)


def _entry_paths():
    out = []
    for p in VALID + INVALID:
        if "parse_error" in _expected(p) if p.parent.name == "invalid" else False:
            continue
        out.append(p)
    return out


def _renamed(gi, triples, n):
    import pyoxigraph as ox

    local = {s for s, _p, _o in triples if isinstance(s, ox.NamedNode) and not gi.any(s, None, None)}

    def r(t):
        return ox.NamedNode(f"{t.value}--{n}") if t in local else t

    return [(r(s), p, r(o)) for s, p, o in triples]


def _full(kg, triples):
    from rdgraph.convert import to_rdflib
    from rdgraph.validate import run_pyshacl, shapes_graph

    g = kg.asserted_rdflib()
    for s, p, o in triples:
        g.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
    return {_key(f) for f in run_pyshacl(g, shapes_graph(kg.root), lang="en")}


def _subjects(triples):
    return {s.value if hasattr(s, "datatype") is False and not str(s).startswith("_:") else str(s)
            for s, _p, _o in triples}


def test_entry_validation_equals_full_validation(kg):
    """Each entry's SHACL results from its small context graph are exactly pySHACL's on the full merged
    graph: the same results on the entry's nodes, and every result the entry introduces elsewhere."""
    from rdgraph.namespaces import RDG

    gi = GraphIndex(kg.store)
    base = _full(kg, [])
    merged, alone = [], []
    for n, p in enumerate(_entry_paths()):
        triples = _renamed(gi, read_entries([p])[0].triples, n)
        if not triples:
            continue
        touches_existing = any(pr == RDG.fundingOf and gi.any(o, None, None) for _s, pr, o in triples)
        (alone if touches_existing else merged).append((p, triples))
    checked = 0
    for group in [merged] + [[x] for x in alone]:
        all_triples = [t for _p, ts in group for t in ts]
        full = _full(kg, all_triples)
        introduced = full - base
        expected_elsewhere = set()
        got_elsewhere = set()
        all_subjects = _subjects(all_triples)
        for p, ts in group:
            subj = _subjects(ts)
            mine = {_key(f) for f in shape_findings(gi, kg.root, ts, lang="en")}
            assert {k for k in mine if k[0] in subj} == {k for k in full if k[0] in subj}, p.name
            got_elsewhere |= {k for k in mine if k[0] not in subj}
            checked += len(mine)
        expected_elsewhere = {k for k in introduced if k[0] not in all_subjects}
        assert got_elsewhere == expected_elsewhere, [p.name for p, _ in group]
    assert checked >= 50  # the comparison is not vacuous


# ---------------------------------------------------------------- serialisation

def test_turtle_is_deterministic_and_round_trips():
    import pyoxigraph as ox

    entry = read_entries([CORPUS / "valid" / "zaanstreek.ttl"])[0].triples
    a = to_turtle(entry)
    b = to_turtle(list(reversed(entry)))
    assert a == b
    back = {(q.subject, q.predicate, q.object) for q in ox.parse(a.encode(), format=ox.RdfFormat.TURTLE)}
    assert back == set(entry)
    assert a.index("regiodeal:zaanstreek") < a.index("interventie:zaan-techniekpact") < a.index("bedrag:zaan-")
