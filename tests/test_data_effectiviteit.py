"""Chapters 3 and 4, the matching summary parts and the Nawoord (data/effectiviteit.ttl,
aanbevelingen.ttl, illustraties.ttl, feedbackloop.ttl).

Every expected value below was read off the report text (seed/rode-draden-in-regio-deals-2024.txt)
by hand: 3.3 headings, the Nawoord bullets, the Stallenaanpak box of 3.4 and the 4.2 list.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
import rdflib
from rdflib import RDF, RDFS, Literal, Namespace, URIRef
from rdflib.namespace import PROV, SKOS, XSD

from rdgraph.vocab import RDG  # the project vocabulary: a misspelt term fails

ID = "https://w3id.org/rdgraph/id/"
BRON = Namespace(ID + "bron/rode-draden-2024/")
SF = Namespace(ID + "succesfactor/")
AANB = Namespace(ID + "aanbeveling/")
INTERV = Namespace(ID + "interventie/")
DEAL = Namespace(ID + "regiodeal/")
LAAG = Namespace(ID + "feedbacklaag/")
BEGRIP = Namespace(ID + "begrip/")
CONS = Namespace(ID + "constatering/")

MY_FILES = ("effectiviteit.ttl", "aanbevelingen.ttl", "illustraties.ttl", "feedbackloop.ttl")

# 3.3 headings, in the report's order.
FACTOR_TITLES_3_3 = [
    "Energie in de samenwerking vanuit de deelnemers",
    "Voldoende aandacht en capaciteit voor de uitvoering",
    "Focus in deelnemers, opgaven én interventies",
    "Professionele governance (rolverdeling) en ondersteuning (doelen en monitoring)",
    "Integrale aanpak (domeinoverstijgend) indien succesvol extra effectief",
    "Uitvoering in samenhang met andere (rijks)programma's kan wederzijds versterken",
    "Betrokkenheid van het bedrijfsleven is een plus, maar geen noodzaak",
    "Inhoudelijke betrokkenheid Rijk",
]

# Bold titles in the management summary (deel 4 van 5) where they differ from 3.3.
FACTOR_TITLES_SUMMARY = {
    3: "Focus",
    4: "Professionele governance en ondersteuning",
    5: "Een domeinoverstijgende aanpak",
    6: "Uitvoering in combinatie met andere (rijks)programma's",
    7: "Directe betrokkenheid van het bedrijfsleven in de deals",
    8: "Inhoudelijke betrokkenheid van het Rijk",
}

# Nawoord en aanbevelingen, bold bullets.
RECOMMENDATION_TITLES = [
    "Wees duidelijk(er) over waar de Regio Deals voor zijn.",
    "Zorg voor focus per regio.",
    "Geef meer aandacht aan de onderbouwing en evaluatie van interventies in relatie tot de opgaven en doelen.",
    "Zorg voor betere thematische samenwerking tussen regio's en tussen rijk en regio.",
    "Zorg voor het gesprek over de lange termijn-opgaven.",
]


def _nl(g: rdflib.Graph, s, p=RDFS.label) -> list[str]:
    return [str(o) for o in g.objects(s, p) if isinstance(o, Literal) and o.language == "nl"]


@pytest.fixture(scope="module")
def mine(root) -> rdflib.Graph:
    g = rdflib.Graph()
    for name in MY_FILES:
        g.parse(root / "data" / name, format="turtle")
    return g


def test_eight_success_factors_in_order(asserted):
    factors = {s: asserted.value(s, RDG.ordinal).toPython() for s in asserted.subjects(RDF.type, RDG.SuccessFactor)}
    assert sorted(factors.values()) == list(range(1, 9))
    by_ordinal = {n: s for s, n in factors.items()}
    for n, title in enumerate(FACTOR_TITLES_3_3, start=1):
        assert by_ordinal[n] == SF[str(n)]
        assert _nl(asserted, SF[str(n)]) == [title]
        assert {BRON["3.3"], BRON.samenvatting} <= set(asserted.objects(SF[str(n)], PROV.wasDerivedFrom))
    for n, title in FACTOR_TITLES_SUMMARY.items():
        assert title in _nl(asserted, SF[str(n)], SKOS.altLabel)


def test_factor_links_from_the_report(asserted):
    # 3.3: 'Nauw verbonden met punt 2 over uitvoering'; 'Een mooi voorbeeld is Rotterdam Zuid'.
    assert (SF["3"], RDG.relatedFinding, SF["2"]) in asserted
    assert (SF["5"], RDG.illustratedBy, DEAL["rotterdam-zuid"]) in asserted
    assert "een plus, maar geen noodzaak" in _nl(asserted, SF["7"], RDG.factorPolarity)
    assert "sleutelfactor voor succes" in _nl(asserted, SF["1"], RDG.factorPolarity)


def test_five_recommendations(asserted):
    recs = {asserted.value(s, RDG.ordinal).toPython(): s for s in asserted.subjects(RDF.type, RDG.Recommendation)}
    assert sorted(recs) == [1, 2, 3, 4, 5]
    for n, title in enumerate(RECOMMENDATION_TITLES, start=1):
        assert recs[n] == AANB[str(n)]
        assert _nl(asserted, AANB[str(n)]) == [title]
        assert (AANB[str(n)], RDG.partOf, AANB.oproep) in asserted
    assert _nl(asserted, AANB.oproep) == ["Behoud maatwerk, zorg voor focus en blijf leren"]


def test_stallenaanpak_budget_period_and_deal(asserted):
    project = INTERV.stallenaanpak
    assert _nl(asserted, project) == ["Stallenaanpak - Vitalisering buitengebied"]
    assert asserted.value(project, RDG.deal) == DEAL["noordoost-brabant"]
    assert asserted.value(project, RDG.startYear).toPython() == 2021
    assert asserted.value(project, RDG.endYear).toPython() == 2024
    amounts = {
        asserted.value(a, RDG.fundingKind): asserted.value(a, RDG.amountEUR)
        for a in asserted.subjects(RDG.fundingOf, project)
    }
    # 'Budget: €2,6M, waarvan €1,3M van het Rijk'
    assert {k: v.toPython() for k, v in amounts.items()} == {
        BEGRIP["totaal-budget"]: Decimal("2600000"),
        BEGRIP.rijksbijdrage: Decimal("1300000"),
    }
    assert all(v.datatype == XSD.decimal for v in amounts.values())
    pilot = INTERV["samen-de-handen-uit-de-mouwen"]
    assert (pilot, RDG.partOf, project) in asserted
    assert any("model huurovereenkomst" in r for r in _nl(asserted, pilot, RDG.result))


def test_stallenaanpak_feedback_path(asserted):
    pilot = INTERV["samen-de-handen-uit-de-mouwen"]
    events = sorted(
        asserted.subjects(RDG.aboutIntervention, pilot),
        key=lambda e: asserted.value(e, RDG.sequence).toPython(),
    )
    dated = [(asserted.value(e, RDG.date), asserted.value(e, RDG.eventType)) for e in events]
    # 'Eind 2022' werkbezoek JenV; 'april 2023' Kamervragen; 'mei 2023' motie; then national roll-out.
    assert dated[:3] == [
        (Literal("2022", datatype=XSD.gYear), BEGRIP.werkbezoek),
        (Literal("2023-04", datatype=XSD.gYearMonth), BEGRIP.kamervragen),
        (Literal("2023-05", datatype=XSD.gYearMonth), BEGRIP.motie),
    ]
    assert _nl(asserted, events[0], RDG.datePrecisionNote) == ["Eind 2022"]
    assert asserted.value(events[0], RDG.actor) == URIRef(ID + "organisatie/ministerie-jenv")
    assert asserted.value(events[3], RDG.eventType) == BEGRIP["landelijke-uitrol"]
    assert asserted.value(events[3], RDG.reachedLayer) == LAAG["landelijk-beleid"]


def test_no_event_reached_the_law_layer(asserted):
    law = LAAG["wet-en-regelgeving"]
    assert (law, RDF.type, RDG.FeedbackLayer) in asserted
    assert list(asserted.subjects(RDG.reachedLayer, law)) == []


def test_ladder_is_ordered(asserted):
    layers = {asserted.value(s, RDG.formalityRank).toPython(): s for s in asserted.subjects(RDF.type, RDG.FeedbackLayer)}
    assert sorted(layers) == [1, 2, 3, 4, 5]
    assert layers[1] == LAAG["contacten-binnen-regio"]
    assert layers[4] == LAAG["landelijk-beleid"]
    assert layers[5] == LAAG["wet-en-regelgeving"]
    steps = {(a, b) for a, b in asserted.subject_objects(RDG.moreFormalThan)}
    assert steps == {(layers[n + 1], layers[n]) for n in range(1, 5)}
    for layer in layers.values():
        assert asserted.value(layer, RDG.isInference) == Literal(True)
        assert _nl(asserted, layer, SKOS.note)


def test_five_observations_with_the_four_things_quirk(asserted):
    obs = {asserted.value(s, RDG.ordinal).toPython(): s for s in asserted.subjects(RDF.type, RDG.FeedbackObservation)}
    assert sorted(obs) == [1, 2, 3, 4, 5]
    assert all(any("vier dingen" in q for q in _nl(asserted, o, RDG.sourceQuirk)) for o in obs.values())
    # The report gives no example of the feedforward loop.
    assert list(asserted.objects(CONS["3"], RDG.illustratedBy)) == []
    assert _nl(asserted, CONS["3"], RDG.vagueness)


def test_opgave_13_moved_to_volkshuisvestingsfonds(asserted):
    opgave13 = URIRef(ID + "opgave/13")
    vhf = URIRef(ID + "programma/volkshuisvestingsfonds")
    assert (opgave13, RDG.movedToProgramme, vhf) in asserted
    reified = [
        st for st in asserted.subjects(RDF.subject, opgave13)
        if (st, RDF.predicate, RDG.movedToProgramme) in asserted and (st, RDF.object, vhf) in asserted
    ]
    assert len(reified) == 1
    assert BRON["4.2"] in set(asserted.objects(reified[0], PROV.wasDerivedFrom))


def test_twente_deal_is_labelled_inference(asserted):
    fund = INTERV["twents-fonds-voor-vakmanschap"]
    assert asserted.value(fund, RDG.deal) == DEAL.twente
    st = [s for s in asserted.subjects(RDF.subject, fund) if asserted.value(s, RDF.predicate) == RDG.deal]
    assert len(st) == 1 and asserted.value(st[0], RDG.isInference) == Literal(True)
    assert _nl(asserted, fund, RDG.vagueness)


def test_instrument_links_are_labelled_inference(mine):
    links = list(mine.subject_objects(RDG.usesInstrument))
    assert links
    for s, o in links:
        st = [
            x for x in mine.subjects(RDF.subject, s)
            if (x, RDF.predicate, RDG.usesInstrument) in mine and (x, RDF.object, o) in mine
        ]
        assert len(st) == 1, (s, o)
        assert mine.value(st[0], RDG.isInference) == Literal(True)
        assert _nl(mine, st[0], SKOS.note)


def test_every_resource_i_made_has_labels_and_a_source(mine):
    typed = {s for s in mine.subjects(RDF.type, None) if isinstance(s, URIRef)}
    assert len(typed) > 80
    for s in typed:
        labels = list(mine.objects(s, RDFS.label))
        langs = sorted(lbl.language for lbl in labels)
        assert langs == ["en", "nl"], s
        assert list(mine.objects(s, PROV.wasDerivedFrom)), s
