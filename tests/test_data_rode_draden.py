"""The report's own statements about its chapter 2 (rode draden, domains, intervention types,
example interventions, instrument types, the typology of 2.2), asserted by SPARQL on the graph.

Every expected value below was worked out by hand from the report text
(/work/shared/seed/rode-draden-in-regio-deals-2024.txt: management summary, 2.1-2.4 and the
'Toelichting per rode draad' pages), not from the program's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, Literal, URIRef

ID = "https://w3id.org/rdgraph/id/"
BRON = ID + "bron/rode-draden-2024/"
PREFIXES = """
PREFIX rdg:  <https://w3id.org/rdgraph/def/regiodeals#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
MY_FILES = ("opgaven.ttl", "interventies-per-opgave.ttl", "instrumenten.ttl", "typologie.ttl")

# 2.3 and the summary: opgaven per domain, in the report's order.
OPGAVEN_PER_DOMEIN = {
    "cultuur-en-sociaal": [1, 2],
    "onderwijs": [3, 4, 5],
    "economie": [6, 7, 8],
    "veiligheid-en-justitie": [9],
    "bereikbaarheid": [10],
    "duurzaamheid-en-energie": [11, 12],
    "vastgoed-en-gebiedsontwikkeling": [13, 14, 15],
}

# 'Voorbeelden interventies' per opgave, letters in printed order (quirks included).
LETTERS = {
    1: "ABCD",
    2: "ABCDE",
    3: "ABCCD",  # C twice, no E
    4: "ABCDEE",  # E twice
    5: "ABDEF",  # no C
    6: "ABCDE",
    7: "ABCDE",
    8: "ABCDE",
    9: "ABCD",
    10: "ABCDEF",
    11: "ABCDE",
    12: "ABCDE",
    13: "ABCDE",
    14: "ABCDE",
    15: "ABCDEF",
}

# Management summary, question 2.
INSTRUMENTEN = {
    1: "Eenmalige investeringen in fysieke of digitale goederen",
    2: "Subsidies voor (onderzoek) naar innovaties",
    3: "Oprichten en uitbreiden overheidsprogramma's met direct contact met inwoners",
    4: "Pilotprojecten en beleidsexperimenten",
    5: "Oprichten van kennisdeling- en samenwerkingsarrangementen en platformen",
    6: "Campagnes en bewustwording",
}


def rows(g: rdflib.Graph, q: str, **bindings) -> list:
    return list(g.query(PREFIXES + q, initBindings=bindings))


def test_fifteen_opgaven_in_seven_domains(asserted):
    (n_opg,) = rows(asserted, "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a rdg:Opgave }")[0]
    (n_dom,) = rows(asserted, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a rdg:Domain }")[0]
    assert (n_opg.toPython(), n_dom.toPython()) == (15, 7)


def test_opgaven_per_domain(asserted):
    got = {}
    for d, n in rows(
        asserted,
        "SELECT ?d ?n WHERE { ?o a rdg:Opgave ; rdg:domain ?d ; rdg:ordinal ?n }",
    ):
        got.setdefault(str(d).removeprefix(ID + "domein/"), []).append(n.toPython())
    assert {k: sorted(v) for k, v in got.items()} == OPGAVEN_PER_DOMEIN
    assert [len(v) for v in OPGAVEN_PER_DOMEIN.values()] == [2, 3, 3, 1, 1, 2, 3]


def test_opgaven_ordinals_and_schemes(asserted):
    res = rows(
        asserted,
        """SELECT ?o ?n WHERE { ?o a rdg:Opgave ; rdg:ordinal ?n ;
             skos:inScheme <https://w3id.org/rdgraph/id/begrippenkader/opgaven> }""",
    )
    assert sorted((str(o), n.toPython()) for o, n in res) == sorted((f"{ID}opgave/{i}", i) for i in range(1, 16))
    (n,) = rows(
        asserted,
        """SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a rdg:Domain ;
             skos:inScheme <https://w3id.org/rdgraph/id/begrippenkader/domeinen> }""",
    )[0]
    assert n.toPython() == 7


@pytest.mark.parametrize(
    "o, label",
    [
        (1, "Verbeteren van sociale en culturele voorzieningen"),
        (9, "Aanpakken van criminaliteit"),
        (10, "Duurzame en voor iedereen toegankelijke bereikbaarheid van wonen, werken en voorzieningen"),
        (15, "Verbeteren ruimtelijke kwaliteit en beter leggen ruimtelijke puzzel"),
    ],
)
def test_opgave_dutch_names(asserted, o, label):
    assert Literal(label, lang="nl") in set(asserted.objects(URIRef(f"{ID}opgave/{o}"), rdflib.RDFS.label))


def test_domain_name_quirks(asserted):
    alts = {str(a) for a in asserted.objects(URIRef(ID + "domein/cultuur-en-sociaal"), rdflib.SKOS.altLabel)}
    assert {"Domein cultureel en sociaal", "Beleidssterrein cultuur en sociaal"} <= alts
    quirks = rows(
        asserted,
        "SELECT ?q WHERE { ?d a rdg:Domain ; rdg:sourceQuirk ?q FILTER(CONTAINS(STR(?q), 'Beleidssterrein')) }",
    )
    assert quirks


def test_five_intervention_types_per_opgave(asserted):
    res = rows(
        asserted,
        """SELECT ?o (COUNT(DISTINCT ?t) AS ?n) (MIN(?k) AS ?lo) (MAX(?k) AS ?hi)
           WHERE { ?t a rdg:InterventionType ; rdg:forOpgave ?o ; rdg:ordinal ?k } GROUP BY ?o""",
    )
    assert len(res) == 15
    for o, n, lo, hi in res:
        assert (n.toPython(), lo.toPython(), hi.toPython()) == (5, 1, 5), o


def test_intervention_type_iris_and_titles(asserted):
    t = URIRef(ID + "interventiesoort/9-3")
    assert Literal("Samenwerking tussen instanties", lang="nl") in set(asserted.objects(t, rdflib.RDFS.label))
    assert (t, URIRef("https://w3id.org/rdgraph/def/regiodeals#forOpgave"), URIRef(ID + "opgave/9")) in asserted
    (n,) = rows(asserted, "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a rdg:InterventionType }")[0]
    assert n.toPython() == 75


@pytest.mark.parametrize("o", range(1, 16))
def test_example_letters_as_printed(asserted, o):
    res = rows(
        asserted,
        """SELECT ?e ?l WHERE { ?e a rdg:ExampleIntervention ; rdg:forOpgave ?o ; rdg:letter ?l }""",
        o=URIRef(f"{ID}opgave/{o}"),
    )
    # order by the IRI suffix: letter, then -2 for a repeated letter
    letters = "".join(str(lt) for _, lt in sorted(res, key=lambda r: str(r[0])))
    assert letters == LETTERS[o]


def test_example_count_total(asserted):
    (n,) = rows(asserted, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a rdg:ExampleIntervention }")[0]
    assert n.toPython() == sum(len(v) for v in LETTERS.values()) == 76


@pytest.mark.parametrize("iri", ["3-c", "3-c-2", "4-e", "4-e-2", "5-d"])
def test_letter_quirks_recorded(asserted, iri):
    e = URIRef(f"{ID}voorbeeldinterventie/{iri}")
    assert list(asserted.objects(e, URIRef("https://w3id.org/rdgraph/def/regiodeals#sourceQuirk")))


def test_duplicate_letter_keeps_printed_letter(asserted):
    res = rows(
        asserted,
        "SELECT ?l WHERE { ?e rdg:letter ?l }",
        e=URIRef(ID + "voorbeeldinterventie/3-c-2"),
    )
    assert [str(r[0]) for r in res] == ["C"]
    assert (URIRef(ID + "voorbeeldinterventie/5-c"), RDF.type, None) not in asserted


def test_six_instrument_types(asserted):
    res = rows(
        asserted,
        """SELECT ?n ?l WHERE { ?i a rdg:InstrumentType ; rdg:ordinal ?n ; rdfs:label ?l
             FILTER(LANG(?l) = 'nl') }""",
    )
    assert {n.toPython(): str(lbl) for n, lbl in res} == INSTRUMENTEN


def test_multiplier_remark(asserted):
    res = rows(
        asserted,
        """SELECT ?s WHERE { <https://w3id.org/rdgraph/id/begrippenkader/instrumenten> rdg:statement ?s
             FILTER(CONTAINS(STR(?s), 'multiplier') && LANG(?s) = 'nl') }""",
    )
    assert len(res) == 2  # summary and 2.4


def _reified(g, s, p, o):
    return rows(
        g,
        """SELECT ?src WHERE { ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ;
             rdf:object ?o ; prov:wasDerivedFrom ?src }""",
        s=s,
        p=p,
        o=o,
    )


RDG = rdflib.Namespace("https://w3id.org/rdgraph/def/regiodeals#")
S22 = URIRef(BRON + "2.2")


def test_brainport_third_starting_point_type(asserted):
    res = rows(
        asserted,
        """SELECT ?n WHERE { <https://w3id.org/rdgraph/id/regiodeal/brainport-eindhoven>
             rdg:startingPointType ?t . ?t a rdg:StartingPointType ; rdg:ordinal ?n }""",
    )
    assert [r[0].toPython() for r in res] == [3]
    t = URIRef(ID + "begrip/vertrekpunt-groeipotentie-verzilveren")
    src = _reified(asserted, URIRef(ID + "regiodeal/brainport-eindhoven"), RDG.startingPointType, t)
    assert [r[0] for r in src] == [S22]


def test_three_starting_point_types(asserted):
    res = rows(
        asserted,
        "SELECT ?n ?l WHERE { ?t a rdg:StartingPointType ; rdg:ordinal ?n ; rdfs:label ?l FILTER(LANG(?l)='nl') }",
    )
    assert {n.toPython(): str(lbl) for n, lbl in res} == {
        1: "Regionale verschillen verkleinen",
        2: "Specifieke problemen aanpakken",
        3: "Groeipotentie verzilveren/kansen benutten",
    }


def test_zwolle_broad_with_topics(asserted):
    zwolle = URIRef(ID + "regiodeal/zwolle")
    broad = URIRef(ID + "begrip/deal-breed")
    assert (zwolle, RDG.breadth, broad) in asserted
    assert [r[0] for r in _reified(asserted, zwolle, RDG.breadth, broad)] == [S22]
    topics = {"arbeidsmarkt", "digitalisering", "duurzaamheid", "recreatie"}
    assert {str(t) for t in asserted.objects(zwolle, RDG.topic)} >= topics
    for t in topics:
        assert [r[0] for r in _reified(asserted, zwolle, RDG.topic, Literal(t, lang="nl"))] == [S22]


def test_groene_hart_specific_about_bodemdaling(asserted):
    gh = URIRef(ID + "regiodeal/bodemdaling-groene-hart")
    spec = URIRef(ID + "begrip/deal-specifiek")
    assert (gh, RDG.breadth, spec) in asserted
    assert [r[0] for r in _reified(asserted, gh, RDG.breadth, spec)] == [S22]
    assert [r[0] for r in _reified(asserted, gh, RDG.topic, Literal("Bodemdaling", lang="nl"))] == [S22]


def test_most_regions_in_first_two_categories(asserted):
    res = rows(
        asserted,
        """SELECT ?r WHERE { ?r a rdg:ThemeReflection ; rdg:statement ?s ; rdg:illustratedBy
             <https://w3id.org/rdgraph/id/regiodeal/brainport-eindhoven>
             FILTER(CONTAINS(STR(?s), "De meeste regio's horen bij de eerste twee categorieën")) }""",
    )
    assert len(res) == 1


def test_reflections_of_2_2(asserted):
    res = rows(
        asserted,
        "SELECT ?r WHERE { ?r a rdg:ThemeReflection ; prov:wasDerivedFrom ?s }",
        s=S22,
    )
    # intro (differences between regions) + starting point + causes + breadth
    assert len({r[0] for r in res}) == 4


def test_cross_domain_premise(asserted):
    # 2.1 / summary: 'Regio Deals zijn dus per definitie domeinoverstijgend'; the summary's first
    # of two premises, paired with the second (differences between regions).
    res = rows(
        asserted,
        """SELECT ?r WHERE { ?r a rdg:Finding ; rdg:statement ?s ;
             rdg:relatedFinding <https://w3id.org/rdgraph/id/reflectie/rode-draden-verschillen-tussen-regios>
             FILTER(CONTAINS(STR(?s), "Regio Deals zijn dus per definitie domeinoverstijgend")) }""",
    )
    assert len(res) == 1


# ---------------------------------------------------------------- every resource made here


def _my_graph(root: Path) -> rdflib.Graph:
    g = rdflib.Graph()
    for name in MY_FILES:
        g.parse(root / "data" / name, format="turtle")
    return g


def test_every_resource_has_labels_and_report_source(root, asserted):
    g = _my_graph(root)
    sections = set(asserted.subjects(RDF.type, RDG.ReportSection))
    subjects = set(g.subjects(RDF.type, None))
    assert len(subjects) > 180
    for s in subjects:
        labels = list(g.objects(s, rdflib.RDFS.label))
        langs = sorted(lbl.language for lbl in labels)
        assert langs == ["en", "nl"], (s, labels)
        srcs = set(g.objects(s, rdflib.PROV.wasDerivedFrom))
        assert srcs and srcs <= sections, (s, srcs)


def test_facts_about_deals_are_reified(root):
    g = _my_graph(root)
    deals = [s for s in set(g.subjects()) if str(s).startswith(ID + "regiodeal/")]
    assert len(deals) == 3
    for s in deals:
        for p, o in g.predicate_objects(s):
            st = list(
                g.query(
                    PREFIXES
                    + "ASK { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?src }",
                    initBindings={"s": s, "p": p, "o": o},
                )
            )
            assert st == [True], (s, p, o)
