"""The new-deal template: complete, conventions spelt out, and filled in as its comments say it validates
first time for a real tranche-6 deal the graph has not seen (Barendrecht-Ridderkerk-Rotterdam, removed
from a temporary copy of the project; its facts from the public records: Rijk's contribution 8.3 M and
the municipalities Barendrecht, Ridderkerk and Rotterdam, both from the rijksoverheid.nl news item of
3 February 2025)."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

import rdgraph
from rdgraph.entries.index import GraphIndex
from rdgraph.entries.template import deal_properties, new_deal_template
from rdgraph.namespaces import short
from test_cli_entries import home, run  # noqa: F401  (home is a fixture)

# the news item "Rijk investeert opnieuw in de regio: 244,3 miljoen voor 16 regio deals"
SOURCE = "bron:web-rijksoverheid-nl-c057efff"
DEAL = "https://w3id.org/rdgraph/id/regiodeal/barendrecht-ridderkerk-rotterdam"


@pytest.fixture(scope="module")
def kg():
    return rdgraph.load()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_template_names_every_property_a_deal_can_have(kg, lang):
    text = new_deal_template(kg, name="Testland", tranche=6, lang=lang)
    props = [short(p) for p in deal_properties(GraphIndex(kg.store))]
    assert len(props) > 25
    written_elsewhere = {"rdg:hasFundingAmount", "rdg:hasThemeAttribution", "rdg:hasIntervention",
                         "rdg:addressesOpgave", "rdg:successor", "rdf:type"}
    missing = [p for p in props if p not in written_elsewhere and p not in text]
    assert not missing, missing
    for block in ("rdg:convenantSignedOn", "a rdg:Municipality", "rdg:isInference true", "skos:note",
                  "a rdf:Statement", "rdg:predecessor", "skos:altLabel", "rdg:province", "rdg:municipality"):
        assert block in text, block


def test_regio_deal_is_not_doubled(kg):
    text = new_deal_template(kg, name="Regio Deal Testland", tranche=6)
    assert 'rdfs:label "Testland"@nl' in text and '"Regio Deal Testland"@nl' in text
    assert "Regio Deal Regio Deal" not in text


def _without_deal(home):  # noqa: F811
    """Remove the deal, its amounts and the statements about it from the copy's public records."""
    f = home / "data" / "publiek" / "deals-tranche-5-6.ttl"
    store = ox.Store()
    store.load(path=str(f), format=ox.RdfFormat.TURTLE)
    deal = ox.NamedNode(DEAL)
    drop = {deal} | {q.subject for q in store.quads_for_pattern(None, None, deal)}
    kept = [q for q in store if q.subject not in drop]
    assert len(kept) < len(store)
    f.write_bytes(ox.serialize(kept, format=ox.RdfFormat.N_QUADS))
    f.rename(f.with_suffix(".nq"))


def _fill_in(text: str) -> str:
    """What a steward does with the template, as its comments say."""
    # the required source: an existing one (the news item of the selection)
    text = text.replace("    prov:wasDerivedFrom bron:vul-in .", f"    prov:wasDerivedFrom {SOURCE} .", 1)
    # the other name the covenant uses: remove the '#'
    text = text.replace('#   skos:altLabel "Regio Deal Barendrecht-Ridderkerk-Rotterdam"@nl ;',
                        '    skos:altLabel "Regio Deal Barendrecht-Ridderkerk-Rotterdam"@nl ;')
    # the Rijk's contribution: uncomment its block, amount in euro as xsd:decimal, its own source,
    # no period (the source gives none)
    m = re.search(r"^#bedrag:barendrecht-ridderkerk-rotterdam-rijksbijdrage a rdg:FundingAmount ;\n(?:#.*\n)*?#.*\.\n",
                  text, flags=re.M)
    block = m.group(0)
    filled = "\n".join(line[1:] for line in block.splitlines() if "periodLabel" not in line) + "\n"
    filled = filled.replace('"7500000"^^xsd:decimal', '"8300000"^^xsd:decimal').replace("bron:vul-in", SOURCE)
    return text.replace(block, filled)


def test_template_filled_in_validates_first_time_for_a_real_tranche6_deal(home):  # noqa: F811
    _without_deal(home)
    r = run(["new-deal", "--name", "Regio Deal Barendrecht-Ridderkerk-Rotterdam", "--tranche", "6",
             "--region", "barendrecht", "--region", "ridderkerk", "--region", "rotterdam"], home)
    assert r.returncode == 0, r.stderr
    assert "rdg:municipality gemeente:barendrecht ;" in r.stdout
    entry = home.parent / "barendrecht-ridderkerk-rotterdam.ttl"
    entry.write_text(_fill_in(r.stdout), encoding="utf-8")
    for lang in ("nl", "en"):
        v = run(["validate", "--lang", lang, str(entry)], home)
        assert v.returncode == 0 and ("Geen fouten gevonden" in v.stdout or "No problems found" in v.stdout), \
            v.stdout + v.stderr
    a = run(["add", str(entry)], home)
    assert a.returncode == 0, a.stdout + a.stderr
    assert (home / "data" / "deals" / "barendrecht-ridderkerk-rotterdam.ttl").exists()


def test_from_reference_prefills_what_the_public_records_hold(home):  # noqa: F811
    r = run(["new-deal", "--from-reference", "Regio Deal Barendrecht-Ridderkerk-Rotterdam"], home)
    assert r.returncode == 0, r.stderr
    t = r.stdout
    assert "deal:barendrecht-ridderkerk-rotterdam\n" in t and "a rdg:RegioDeal" not in t.split("# ----")[1]
    assert "#=  rdg:tranche tranche:6 ;" in t and '"8300000"^^xsd:decimal' in t
    assert "#=  rdg:municipality gemeente:ridderkerk ;" in t
    entry = home.parent / "aanvulling.ttl"
    entry.write_text(t.replace("prov:wasDerivedFrom bron:vul-in .", f"prov:wasDerivedFrom {SOURCE} .")
                     .replace("#   rdg:signatory organisatie:ministerie-vro ;",
                              "    rdg:signatory organisatie:ministerie-vro ;"), encoding="utf-8")
    v = run(["validate", str(entry)], home)
    assert v.returncode == 0 and "Geen fouten gevonden" in v.stdout, v.stdout + v.stderr
    bad = run(["new-deal", "--from-reference", "Barendrecht-Ridderkerk-Rotterdamm"], home)
    assert bad.returncode == 2 and "deal:barendrecht-ridderkerk-rotterdam" in bad.stderr
