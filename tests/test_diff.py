"""rdgraph diff on two real states of the project's history: before and after the public records of
tranches 1-6 were added (commit 385f875, data/publiek), and the correction of those records (bb8542b).

Expected values are read by hand from the source table (/work/shared/reference/regiodeals-facts.csv,
copied into the data by tools/import_reference.py): tranche 5 has 22 deals and tranche 6 has 12
(the rows named PROGRAMME are about the programme, not a deal).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from rdgraph.release.changelog import build_changelog
from rdgraph.release.diff import (
    apply_patch,
    canonicalise,
    diff_states,
    extract_revision,
    load_state,
    ntriples_line,
    read_patch,
    render_patch,
)

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "385f875^"     # the report's data only
AFTER = "385f875"       # + data/publiek: public records of the deals of tranches 1-6
CORRECTED = "bb8542b"   # funding kinds limited to the six of begrippen.ttl

TRANCHE_5 = {"Achterhoek II", "Amsterdam Zuidoost", "Delft West", "Drechtsteden-Gorinchem II", "Groningen Noord II",
             "Het Hogeland", "MRA West", "Metropoolregio Eindhoven", "Midden-Limburg", "Noord-Holland Noord",
             "Noord-Limburg II", "Oost-Groningen II", "Regio Zwolle II", "Regiocentra Groningen", "Saba",
             "Sint Eustatius", "Stedendriehoek", "Veluwe II", "Waterwegregio", "West-Brabant",
             "Zuid-Hollandse Delta II", "Zuidwest-Friesland"}
TRANCHE_6 = {"Barendrecht-Ridderkerk-Rotterdam", "Bonaire", "Eemsdelta", "Foodvalley II", "Noord-Drenthe",
             "Noordoost-Brabant II", "Parkstad Limburg III", "Regio Waterland", "Rivierenland II",
             "Waarden van het Groene Hart", "Zeeuws-Vlaanderen/Zeeland (tranche 6)", "Zuid-Limburg II"}


def _has_history() -> bool:
    out = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{AFTER}^{{commit}}"], capture_output=True)
    return out.returncode == 0


pytestmark = pytest.mark.skipif(not _has_history(), reason="needs the project's git history")


@pytest.fixture(scope="module")
def t56():
    old, new = load_state(BEFORE, ROOT), load_state(AFTER, ROOT)
    d = diff_states(old, new)
    return d, build_changelog(d, root=ROOT)


def test_deals_of_tranches_5_and_6_added(t56):
    _d, cl = t56
    added = {}
    for deal in cl.deals_added:
        added.setdefault(tuple(deal["tranche"]), set()).add(deal["label_nl"])
    assert added == {("tranche/5",): TRANCHE_5, ("tranche/6",): TRANCHE_6}
    assert cl.deals_removed == [] and cl.iris_removed == []
    assert cl.level == "minor"


def test_amounts_and_conflicts_with_their_sources(t56):
    _d, cl = t56
    # Achterhoek II: 25 M rijksbijdrage, from rijksoverheid.nl and from streekgids.nl (CSV rows 94 and 204)
    row = next(a for a in cl.amounts_added if a["funding_of"].endswith("/regiodeal/achterhoek-ii")
               and a["kind"].endswith("/begrip/rijksbijdrage"))
    assert {c["value"] for c in row["new"]} == {"25000000"}
    hosts = {u.split("/")[2] for c in row["new"] for u in c["source_urls"]}
    assert hosts == {"www.rijksoverheid.nl", "www.streekgids.nl"}
    # ESTEC: 15 M (rijksoverheid.nl, CSV row 474) against 40 M (naevo.nl row 6, tweedekamer.nl row 473)
    estec = next(c for c in cl.conflicts_opened if c["subject"].endswith("/regiodeal/estec"))
    values = {}
    for c in estec["new"]:
        values.setdefault(c["value"], set()).add(c["source_url"].split("/")[2])
    assert values == {"15000000": {"www.rijksoverheid.nl"}, "40000000": {"naevo.nl", "www.tweedekamer.nl"}}
    assert cl.conflicts_resolved == []
    assert len(cl.sources_added) > 0 and all("/bron/" in s["iri"] for s in cl.sources_added)


def test_changelog_reads_in_both_languages(t56):
    _d, cl = t56
    nl = cl.render("text", "nl")
    en = cl.render("markdown", "en")
    assert "15.608 triples toegevoegd" in nl
    assert "34 deals toegevoegd, 0 verwijderd (tranche 5: 22, tranche 6: 12)" in nl
    assert "tranche 5 (22): Achterhoek II, Amsterdam Zuidoost," in nl and "tranche 6 (12): Barendrecht" in nl
    assert "Achterhoek, rijksbijdrage: € 20.000.000 (8rhk.nl)" in nl  # CSV row 189, a deal of tranche 2
    assert "## Deals added (34)" in en and "€20,000,000" in en and "[8rhk.nl](https://8rhk.nl/" in en
    doc = json.loads(cl.render("json"))
    assert doc["level"] == "minor" and len(doc["deals_added"]) == 34


def test_correction_of_the_public_records():
    """bb8542b limited funding kinds to six: reservations became available budgets; conflicts moved."""
    d = diff_states(load_state(f"{CORRECTED}^", ROOT), load_state(CORRECTED, ROOT))
    cl = build_changelog(d, root=ROOT)
    resolved = {(c["subject"].rsplit("/", 1)[-1], c["about"]) for c in cl.conflicts_resolved}
    assert resolved == {("5", "begrip/reservering"), ("6", "begrip/reservering")}
    assert any(a["kind"].endswith("beschikbaar-budget") for a in cl.amounts_changed)
    assert cl.iris_removed and cl.level == "major"   # amount IRIs disappeared: a major change


@pytest.mark.parametrize("fmt", ["rdfpatch", "trig"])
def test_patch_applied_to_old_state_gives_new_state(t56, fmt):
    d, _cl = t56
    patch = render_patch(d, fmt)
    assert apply_patch(d.old.triples, patch) == d.new.triples
    removed, added = read_patch(patch)
    assert (len(removed), len(added)) == (len(d.removed), len(d.added))


def test_blank_nodes_compare_by_content():
    """The same reified statements under other blank-node labels are no difference at all."""
    a = load_state(CORRECTED, ROOT)
    renamed = {(ox.BlankNode("x" + s.value) if isinstance(s, ox.BlankNode) else s, p,
                ox.BlankNode("x" + o.value) if isinstance(o, ox.BlankNode) else o) for s, p, o in a.triples}
    assert any(isinstance(s, ox.BlankNode) for s, _p, _o in a.triples)
    assert canonicalise(renamed) == a.triples


def _export_state(rev: str, dest: Path) -> Path:
    """The real `rdgraph export` (Turtle) of the project as it was at ``rev``."""
    from rdgraph.export import export
    from rdgraph.store import KnowledgeGraph

    home = dest / "home"
    home.mkdir(parents=True)
    extract_revision(ROOT, rev, home)
    for folder in ("queries", "context"):
        shutil.copytree(ROOT / folder, home / folder)
    kg = KnowledgeGraph.build(home, use_cache=False)
    out = dest / "rdgraph.ttl"
    out.write_bytes(export(kg, "turtle").data)
    return out


def test_patch_between_real_exports_round_trips(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764979200")
    old_file = _export_state(BEFORE, tmp_path / "old")
    new_file = _export_state(AFTER, tmp_path / "new")
    old, new = load_state(old_file), load_state(new_file)
    patch = render_patch(diff_states(old, new))
    result = apply_patch(load_state(old_file).triples, patch)
    g_result = rdflib.Graph()
    g_result.parse(data="\n".join(ntriples_line(t) + " ." for t in result), format="nt")
    g_new = rdflib.Graph()
    g_new.parse(new_file, format="turtle")
    assert len(g_result) == len(g_new) > 20000
    assert isomorphic(g_result, g_new)


def test_lexical_forms_of_the_same_value_are_no_change():
    """The store keeps numbers by value: a state from files and one from the store compare equal."""
    s, p = ox.NamedNode("https://w3id.org/rdgraph/id/bedrag/x"), ox.NamedNode("https://w3id.org/rdgraph/def/regiodeals#amountEUR")
    dec = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
    assert canonicalise([(s, p, ox.Literal("950000000.0", datatype=dec))]) == \
        canonicalise([(s, p, ox.Literal("950000000", datatype=dec))])


def test_the_committed_release_is_reproducible_from_its_commit():
    """releases/1.0.0 names the commit it was cut from; that commit's files give exactly the released state."""
    from rdgraph.release import read_manifest

    meta = read_manifest(ROOT / "releases", "1.0.0")
    state = load_state(meta["commit"], ROOT)
    assert state.digest() == meta["state_sha256"] and len(state) == meta["triples"]
