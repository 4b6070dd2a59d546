"""Bijlage A and B of the report, programme money and coordination, ministries' history.

Every expected value below was worked out by hand from the report text
(/work/shared/seed/rode-draden-in-regio-deals-2024.txt: Bijlage A, Bijlage B, summary, colofon, 1.1,
1.2), not copied from program output.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, RDFS, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, XSD

from rdgraph.vocab import RDG  # the project vocabulary: a misspelt term fails

ORG = Namespace("http://www.w3.org/ns/org#")
ID = "https://w3id.org/rdgraph/id/"
DEAL = Namespace(ID + "regiodeal/")
EVAL = Namespace(ID + "evaluatie/")
ORGID = Namespace(ID + "organisatie/")
BEGRIP = Namespace(ID + "begrip/")
BRON = Namespace(ID + "bron/rode-draden-2024/")
PROG = Namespace(ID + "programma/")
TRANCHE = Namespace(ID + "tranche/")

MY_FILES = ("evaluaties.ttl", "organisaties.ttl", "programmas.ttl", "financiering.ttl")

# ---------------------------------------------------------------- Bijlage A, by hand

BIJLAGE_A = {
    1: {"Brainport Eindhoven", "Rotterdam zuid", "Zeeland", "ESTEC", "Caribisch Nederland",
        "Nucleaire Problematiek"},
    2: {"Achterhoek", "Bodemdeling Groene Hart", "Foodvalley", "Midden- en West-Brabant",
        "Natuurinclusieve landbouw Noord-Nederland", "Noordelijk Flevoland", "Parkstad Limburg",
        "Twente", "Den Haag Zuidwest", "Noordoost-Fryslan", "ZaanIJ", "Zuid- en Oost-Drenthe"},
    3: {"Cleantech regio", "Drechtsteden Gorinchem", "Fruitdelta Rivierenland",
        "Kop van Noord-Holland", "Noord-Limburg", "Noordoost-Brabant", "Oost-Groningen",
        "Overvecht Bateau en Vollenhove", "Groningen Noord", "Zwolle", "Veluwe",
        "Zeeuws-Vlaanderen", "Zuid-Hollandse Delta", "Zuidoost Friesland"},
    4: {"Twente II", "Arnhem-Nijmegen", "De Waddeneilanden", "Den Haag Zuidwest II",
        "MAINSTAGE (Metropoolregio Amsterdam Zaanstad Almere)", "Midden-Brabant",
        "Nieuw Land Almere Lelystad", "Noardwest Fryslân", "North Sea Port district",
        "Parkstad Limburg II", "ZAANIJ", "Rotterdam Zuid II", "Zuid- en Oost- Drenthe II",
        "Zuid-Limburg"},
}
STARRED = {"ESTEC", "Caribisch Nederland", "Nucleaire Problematiek"}

# ---------------------------------------------------------------- Bijlage B, by hand
# (IRI, deal slug, '#', year, title as printed (superscript 'e' written as 'e'), evaluation types)
BIJLAGE_B = [
    # tranche 1 en 2
    ("brainport-eindhoven-2022", "brainport-eindhoven", 1, 2022, "Voortgangsrapportage", {"voortgangsrapportage"}),
    ("zeeland-2021", "zeeland", 1, 2021, "Mid-term review", {"mid-term-review"}),
    ("rotterdam-zuid-2022", "rotterdam-zuid", 1, 2022, "Mid-term review", {"mid-term-review"}),
    ("achterhoek-2023", "achterhoek", 2, 2023, "Regio Deal Achterhoek 2019-2022 Eindrapportage", {"eindrapportage"}),
    ("den-haag-zuidwest-2023", "den-haag-zuidwest", 2, 2023, "Eindrapportage", {"eindrapportage"}),
    ("foodvalley-2022", "foodvalley", 2, 2022, "Voortgangsrapportage", {"voortgangsrapportage"}),
    ("bodemdaling-groene-hart-2020", "bodemdaling-groene-hart", 2, 2020, "Concept Voortgangsrapportage", {"voortgangsrapportage"}),
    ("bodemdaling-groene-hart-2024", "bodemdaling-groene-hart", 2, 2024,
     "Eindmeting van het handelingsperspectief ten aanzien van bodemdaling in het Groene Hart", {"eindmeting"}),
    ("midden-en-west-brabant-2019", "midden-en-west-brabant", 2, 2019, "Voortgangsrapportage", {"voortgangsrapportage"}),
    ("natuurinclusieve-landbouw-noord-nederland-2023", "natuurinclusieve-landbouw-noord-nederland", 2, 2023,
     "Voortgangsrapportage", {"voortgangsrapportage"}),
    ("noordelijk-flevoland-2022", "noordelijk-flevoland", 2, 2022, "Voortgangsrapportage", {"voortgangsrapportage"}),
    ("noordoost-fryslan-2023", "noordoost-fryslan", 2, 2023,
     "Voortgangsrapportage Regio Deal Noordoost Fryslân, onderdeel Holwerd aan Zee", {"voortgangsrapportage"}),
    ("parkstad-limburg-2024", "parkstad-limburg", 2, 2024, "Evaluatie RD Parkstad Limburg", {"evaluatie"}),
    ("twente-2021", "twente", 2, 2021, "Voortgangsrapportage Regio Deal Twente", {"voortgangsrapportage"}),
    ("zaanij-2022", "zaanij", 2, 2022, "Evaluatie eenmalige subsidie Regio Deal ZaanIJ", {"evaluatie"}),
    ("zuid-en-oost-drenthe-2023", "zuid-en-oost-drenthe", 2, 2023,
     "Bijlage 4 tussenevaluatie programma Evaluatie Regio Deal (concept)", {"tussenevaluatie"}),
    # tranche 3
    ("zuidoost-friesland-2022", "zuidoost-friesland", 3, 2022, "Voortgangsrapportage", {"voortgangsrapportage"}),
    ("groningen-noord-2023", "groningen-noord", 3, 2023, "Tussenrapportage Regio Deal", {"tussenrapportage"}),
    ("oost-groningen-2021", "oost-groningen", 3, 2021, "Nulmeting Regio Deal Oost-Groningen", {"nulmeting"}),
    ("zwolle-2023", "zwolle", 3, 2023, "Monitoring – Voortgangsrapportage", {"monitoring", "voortgangsrapportage"}),
    ("zwolle-2023-2", "zwolle", 3, 2023, "Adviesrapport Commissie Jansen", {"adviesrapport"}),
    ("veluwe-2023", "veluwe", 3, 2023, "Brief aan BZK: Voortgang Regio Deal Veluwe", {"brief", "voortgangsrapportage"}),
    ("fruitdelta-rivierenland-2022", "fruitdelta-rivierenland", 3, 2022, "3e voortgangsrapportage", {"voortgangsrapportage"}),
    ("cleantech-regio-2023", "cleantech-regio", 3, 2023, "Voortgangsrapportage 2020-2022", {"voortgangsrapportage"}),
    ("noordoost-brabant-2023", "noordoost-brabant", 3, 2023, "Zesde rapportage: jaarlijkse voortgang 20-23", {"voortgangsrapportage"}),
    ("noord-limburg-2023", "noord-limburg", 3, 2023, "Voortgangsrapport Regio Deal en Investeringsagenda", {"voortgangsrapportage"}),
    ("zeeuws-vlaanderen-2023", "zeeuws-vlaanderen", 3, 2023, "Voortgangsrapportage", {"voortgangsrapportage"}),
    ("drechtsteden-gorinchem-2023", "drechtsteden-gorinchem", 3, 2023, "Uitvoeringsprogramma 3e meting", {"meting"}),
    ("overvecht-bateau-en-vollenhove-2023", "overvecht-bateau-en-vollenhove", 3, 2023, "Verantwoording 2022 - concept", {"verantwoording"}),
    ("kop-van-noord-holland-2023", "kop-van-noord-holland", 3, 2023, "Voortgangsrapportage tm. 2e kwartaal 202", {"voortgangsrapportage"}),
]

# Bijlage B names that differ from the Bijlage A label
ALT_NAMES = {
    "rotterdam-zuid": "Rotterdam-Zuid I",
    "den-haag-zuidwest": "Den Haag Zuid-West",
    "bodemdaling-groene-hart": "Groene Hart",
    "midden-en-west-brabant": "Midden- En West-Brabant",
    "natuurinclusieve-landbouw-noord-nederland": "Natuurinclusieve Landbouw",
    "noordoost-fryslan": "Noordoost-Fryslân Holwerd aan Zee",
    "zuidoost-friesland": "Zuid Oost Friesland",
    "oost-groningen": "Oost Groningen",
    "fruitdelta-rivierenland": "Rivierenland",
    "cleantech-regio": "Cleantech",
    "noordoost-brabant": "Noord Oost Brabant",
    "noord-limburg": "Noord Limburg",
    "zeeuws-vlaanderen": "Zeeuws Vlaanderen",
    "drechtsteden-gorinchem": "Drechtsteden – Gorinchem",
    "overvecht-bateau-en-vollenhove": "Vitale Wijken",
}


def _deal_label(g: rdflib.Graph, deal: URIRef) -> str:
    labels = [o for o in g.objects(deal, RDFS.label) if getattr(o, "language", None) == "nl"]
    assert len(labels) == 1, deal
    return str(labels[0])


# ---------------------------------------------------------------- Bijlage A

@pytest.mark.parametrize("tranche,expected_count", [(1, 6), (2, 12), (3, 14), (4, 14)])
def test_deals_per_tranche_as_bijlage_a(asserted, tranche, expected_count):
    deals = set(asserted.subjects(RDG.tranche, TRANCHE[str(tranche)]))
    names = {_deal_label(asserted, d) for d in deals}
    assert len(deals) == expected_count
    assert names == BIJLAGE_A[tranche]


def test_starred_deals_excluded_with_reason(asserted):
    excluded = {_deal_label(asserted, d) for d in asserted.subjects(RDG.excludedFromStudy, Literal(True))}
    assert excluded == STARRED
    for d in asserted.subjects(RDG.excludedFromStudy, Literal(True)):
        (reason,) = list(asserted.objects(d, RDG.exclusionReason))
        assert "op verzoek van de opdrachtgever buiten beschouwing" in str(reason)
        assert "departementale overboekingen en geen convenanten" in str(reason)
        assert (d, RDG.tranche, TRANCHE["1"]) in asserted


# ---------------------------------------------------------------- Bijlage B

def _eval_docs(g):
    return set(g.subjects(RDF.type, RDG.EvaluationDocument))


def test_evaluation_document_counts(asserted):
    docs = _eval_docs(asserted)
    assert len(docs) == 30  # 28 rows, two of which hold two documents
    rows = [asserted.value(d, RDG.annexRow).toPython() for d in docs]
    # table 'tranche 1 en 2': 15 rows, 16 documents; table 'tranche 3': 13 rows, 14 documents
    assert sum(1 for r in rows if r in (1, 2)) == 16
    assert sum(1 for r in rows if r == 3) == 14
    assert rows.count(1) == 3
    assert rows.count(2) == 13


@pytest.mark.parametrize("slug,deal,row,year,title,types", BIJLAGE_B, ids=[r[0] for r in BIJLAGE_B])
def test_evaluation_document(asserted, slug, deal, row, year, title, types):
    doc = EVAL[slug]
    assert (doc, RDF.type, RDG.EvaluationDocument) in asserted
    assert list(asserted.objects(doc, RDG.evaluates)) == [DEAL[deal]]
    assert asserted.value(doc, RDG.annexRow).toPython() == row
    assert asserted.value(doc, RDG.year).toPython() == year
    assert str(asserted.value(doc, DCTERMS.title)) == title
    assert {str(t).rsplit("/", 1)[1] for t in asserted.objects(doc, RDG.evaluationType)} == types
    assert (doc, PROV.wasDerivedFrom, BRON["bijlage-b"]) in asserted
    assert asserted.value(doc, RDG.authorName) is not None
    # the '#' of Bijlage B agrees with the deal's tranche in Bijlage A
    assert asserted.value(DEAL[deal], RDG.tranche) == TRANCHE[str(row)]


def test_documents_per_deal(asserted):
    per_deal: dict[str, int] = {}
    for d in _eval_docs(asserted):
        for deal in asserted.objects(d, RDG.evaluates):
            key = str(deal).rsplit("/", 1)[1]
            per_deal[key] = per_deal.get(key, 0) + 1
    assert per_deal["bodemdaling-groene-hart"] == 2
    assert per_deal["zwolle"] == 2
    assert {k for k, v in per_deal.items() if v != 1} == {"bodemdaling-groene-hart", "zwolle"}
    assert len(per_deal) == 28


def test_split_rows_are_marked(asserted):
    for slug in ("bodemdaling-groene-hart-2020", "bodemdaling-groene-hart-2024", "zwolle-2023", "zwolle-2023-2"):
        quirks = " ".join(str(q) for q in asserted.objects(EVAL[slug], RDG.sourceQuirk))
        assert "één rij" in quirks, slug


def test_authors_as_printed_and_creators(asserted):
    assert str(asserted.value(EVAL["bodemdaling-groene-hart-2024"], RDG.authorName)) == "Aequator Groen + Ruimte bv en Ecorys"
    assert set(asserted.objects(EVAL["bodemdaling-groene-hart-2024"], DCTERMS.creator)) == {
        ORGID["aequator-groen-ruimte"], ORGID["ecorys"]}
    assert str(asserted.value(EVAL["bodemdaling-groene-hart-2020"], RDG.authorName)) == "Regio Deal Groene Hart"
    assert str(asserted.value(EVAL["zwolle-2023"], RDG.authorName)) == "Hogeschool Windesheim"
    assert str(asserted.value(EVAL["zwolle-2023-2"], RDG.authorName)) == "Adviescommissie Jansen"
    assert str(asserted.value(EVAL["veluwe-2023"], RDG.authorName)) == "Jan Bosch, Bas Nijenhuis, Regio Foodvalley"
    assert str(asserted.value(EVAL["oost-groningen-2021"], RDG.authorName)) == "Sociaal Planbureau Groningen en Aletta Advies"
    assert asserted.value(EVAL["den-haag-zuidwest-2023"], DCTERMS.creator) == URIRef(ID + "gemeente/den-haag")
    assert asserted.value(EVAL["groningen-noord-2023"], DCTERMS.creator) == URIRef(ID + "gemeente/groningen")
    assert asserted.value(EVAL["zaanij-2022"], DCTERMS.creator) == URIRef(ID + "provincie/noord-holland")
    assert asserted.value(EVAL["zeeland-2021"], DCTERMS.creator) == ORGID["rekenkamer-zeeland"]
    assert asserted.value(EVAL["rotterdam-zuid-2022"], DCTERMS.creator) == ORGID["van-de-bunt-adviseurs"]
    assert asserted.value(EVAL["parkstad-limburg-2024"], DCTERMS.creator) == ORGID["birch"]
    # 'Regio Deal ...' authors are the deal itself, not a separate organisation
    assert asserted.value(EVAL["achterhoek-2023"], DCTERMS.creator) is None


def test_quirks_kept(asserted):
    kop = EVAL["kop-van-noord-holland-2023"]
    assert str(asserted.value(kop, DCTERMS.title)).endswith("2e kwartaal 202")
    assert any("afgebroken" in str(q) for q in asserted.objects(kop, RDG.sourceQuirk))
    assert any("Foodvalley" in str(q) for q in asserted.objects(EVAL["veluwe-2023"], RDG.sourceQuirk))


def test_tranche_1_to_3_deals_without_evaluation(asserted):
    evaluated = {d for doc in _eval_docs(asserted) for d in asserted.objects(doc, RDG.evaluates)}
    early = {d for t in ("1", "2", "3") for d in asserted.subjects(RDG.tranche, TRANCHE[t])}
    without = {_deal_label(asserted, d) for d in early - evaluated}
    # worked out by hand: the three starred deals of tranche 1, and Zuid-Hollandse Delta (tranche 3)
    assert without == {"ESTEC", "Caribisch Nederland", "Nucleaire Problematiek", "Zuid-Hollandse Delta"}
    studied_without = {_deal_label(asserted, d) for d in early - evaluated
                       if asserted.value(d, RDG.excludedFromStudy) == Literal(False)}
    assert studied_without == {"Zuid-Hollandse Delta"}
    # no tranche 4 deal is evaluated
    late = set(asserted.subjects(RDG.tranche, TRANCHE["4"]))
    assert not (late & evaluated)


@pytest.mark.parametrize("deal,name", sorted(ALT_NAMES.items()))
def test_bijlage_b_names_as_alt_labels(asserted, deal, name):
    lit = Literal(name, lang="nl")
    assert (DEAL[deal], SKOS.altLabel, lit) in asserted
    assert _deal_label(asserted, DEAL[deal]) != name
    stmts = [s for s in asserted.subjects(RDF.subject, DEAL[deal])
             if (s, RDF.predicate, SKOS.altLabel) in asserted and (s, RDF.object, lit) in asserted
             and (s, PROV.wasDerivedFrom, BRON["bijlage-b"]) in asserted]
    assert len(stmts) == 1


def test_vitale_wijken_match_is_marked_as_inference(asserted):
    lit = Literal("Vitale Wijken", lang="nl")
    (stmt,) = [s for s in asserted.subjects(RDF.object, lit) if (s, RDF.type, RDF.Statement) in asserted
               and (s, PROV.wasDerivedFrom, BRON["bijlage-b"]) in asserted]
    assert asserted.value(stmt, RDG.isInference) == Literal(True)


def test_other_literature(asserted):
    lit = Namespace(ID + "bron/")
    titles = {str(asserted.value(lit[s], DCTERMS.title)) for s in (
        "literatuur-elke-regio-telt", "literatuur-pbl-brede-welvaart-tussentijdse-inzichten",
        "literatuur-kamerbrief-voortgangsrapportage-regio-deals-2023",
        "literatuur-kamerbrief-contouren-nieuwe-regio-deals-2022",
        "literatuur-eindrapportage-regio-deal-lab-governance", "literatuur-elkeregiotelt-nl",
        "literatuur-websites-regios")}
    assert "Elke regio telt! Een nieuwe aanpak van verschillen tussen regio's" in titles
    assert "Elkeregietelt.nl" in titles
    assert asserted.value(lit["literatuur-elke-regio-telt"], RDG.year).toPython() == 2023
    assert asserted.value(lit["literatuur-pbl-brede-welvaart-tussentijdse-inzichten"], RDG.year).toPython() == 2020
    assert asserted.value(lit["literatuur-kamerbrief-voortgangsrapportage-regio-deals-2023"], DCTERMS.issued) == \
        Literal("2023-07-03", datatype=XSD.date)
    assert asserted.value(lit["literatuur-kamerbrief-contouren-nieuwe-regio-deals-2022"], DCTERMS.issued) == \
        Literal("2022-04-15", datatype=XSD.date)


# ---------------------------------------------------------------- ministries and history

def test_vro_results_from_bzk_on_2_july_2024(asserted):
    ev = URIRef(ID + "gebeurtenis/oprichting-vro-2024")
    assert (ev, RDF.type, ORG.ChangeEvent) in asserted
    assert asserted.value(ev, ORG.originalOrganization) == ORGID["ministerie-bzk"]
    assert asserted.value(ev, ORG.resultingOrganization) == ORGID["ministerie-vro"]
    assert asserted.value(ev, RDG.date) == Literal("2024-07-02", datatype=XSD.date)
    assert {BRON["colofon"], BRON["1.1"]} <= set(asserted.objects(ev, PROV.wasDerivedFrom))


def test_ministries(asserted):
    expected = {"bzk", "vro", "lnv", "lvvn", "ezk", "ez", "ocw", "szw", "vws", "jenv", "ienw", "fin", "def", "az"}
    found = {str(m).rsplit("/ministerie-", 1)[1] for m in asserted.subjects(RDF.type, RDG.Ministry)
             if "/organisatie/ministerie-" in str(m)}
    assert expected <= found
    assert str(asserted.value(ORGID["ministerie-lnv"], RDFS.label)) in {
        "Ministerie van Landbouw, Natuur en Voedselkwaliteit", "Ministry of Agriculture, Nature and Food Quality"}
    labels_lvvn = {str(o) for o in asserted.objects(ORGID["ministerie-lvvn"], RDFS.label)}
    assert "Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur" in labels_lvvn
    # the report does not state a change event between LNV and LVVN (public sources may)
    for ev in asserted.subjects(ORG.originalOrganization, ORGID["ministerie-lnv"]):
        assert not _from_report(asserted, ev), ev


# ---------------------------------------------------------------- money and coordination

def _from_report(g, node) -> bool:
    return any(str(src).startswith(str(BRON)) for src in g.objects(node, PROV.wasDerivedFrom))


def _amounts(g):
    out = {}
    for a in g.subjects(RDG.fundingOf, PROG["regio-deals"]):
        if not _from_report(g, a):
            continue
        out[str(g.value(a, RDG.periodLabel))] = (g.value(a, RDG.amountEUR), g.value(a, RDG.fundingKind))
    return out


def test_programme_amounts(asserted):
    amounts = _amounts(asserted)
    assert set(amounts) == {"2018-2022", "2022-2025"}
    amount, kind = amounts["2018-2022"]
    assert amount.toPython() == Decimal("950000000") and amount.datatype == XSD.decimal
    assert kind == BEGRIP["rijksbijdrage"]
    amount, kind = amounts["2022-2025"]
    assert amount.toPython() == Decimal("900000000") and amount.datatype == XSD.decimal
    assert kind == BEGRIP["beschikbaar-budget"]


def test_regional_cofunding_statement(asserted):
    stmts = [s for s in asserted.subjects(RDF.subject, PROG["regio-deals"])
             if (s, RDF.predicate, RDG.statement) in asserted
             and "naar draagkracht en de omvang van de Regio Deal" in str(asserted.value(s, RDF.object))]
    assert len(stmts) == 1
    assert (stmts[0], PROV.wasDerivedFrom, BRON["samenvatting"]) in asserted


def test_coordination_roles(asserted):
    roles = {asserted.value(r, RDG.coordinator): r for r in asserted.subjects(RDG.coordinates, PROG["regio-deals"])
             if _from_report(asserted, r)}
    assert len(roles) == 3
    lnv, bzk, vro = ORGID["ministerie-lnv"], ORGID["ministerie-bzk"], ORGID["ministerie-vro"]
    assert {lnv, bzk, vro} <= set(roles)
    assert asserted.value(roles[lnv], RDG.startYear).toPython() == 2018
    assert asserted.value(roles[lnv], RDG.endYear).toPython() == 2022
    assert asserted.value(roles[bzk], RDG.startYear).toPython() == 2022
    assert asserted.value(roles[vro], RDG.validFrom) == Literal("2024-07-02", datatype=XSD.date)


def test_national_programmes(asserted):
    for slug in ("volkshuisvestingsfonds", "woondeals", "nplg", "nplv", "integraal-zorgakkoord",
                 "kansrijke-start", "nationaal-programma-rotterdam-zuid"):
        assert (PROG[slug], RDF.type, RDG.NationalProgramme) in asserted, slug
    assert {y.toPython() for y in asserted.objects(PROG["kansrijke-start"], RDG.startYear)} == {2018}
    assert asserted.value(PROG["kansrijke-start"], PROV.wasAssociatedWith) == ORGID["ministerie-vws"]


# ---------------------------------------------------------------- conventions, in these files

def _named_subjects(path: Path) -> tuple[rdflib.Graph, set]:
    g = rdflib.Graph().parse(path, format="turtle")
    subjects = {s for s in g.subjects(RDF.type, None)
                if isinstance(s, URIRef) and (s, RDF.type, RDF.Statement) not in g}
    return g, subjects


@pytest.mark.parametrize("name", MY_FILES)
def test_labels_and_sources(root, name):
    g, subjects = _named_subjects(root / "data" / name)
    assert subjects
    for s in subjects:
        for lang in ("nl", "en"):
            labels = [o for o in g.objects(s, RDFS.label) if getattr(o, "language", None) == lang]
            assert len(labels) == 1, (s, lang)
        has_source = (s, PROV.wasDerivedFrom, None) in g
        vocabulary = (s, RDFS.isDefinedBy, URIRef("https://w3id.org/rdgraph/def/regiodeals")) in g
        assert has_source or vocabulary, s
