#!/usr/bin/env python3
"""Import the public reference facts into Turtle files under data/publiek/.

    python tools/import_reference.py [--reference ../shared/reference] [--out data/publiek]

Reads regiodeals-facts.csv (deal,tranche,field,value,source_url,note) and tooi-identifiers.csv
(kind,label,uri,source_url) and writes, deterministically (sorted, no blank nodes, own writer):

    data/publiek/bronnen.ttl             one rdg:WebSource per distinct source URL
    data/publiek/overheden.ttl           provinces, municipalities (TOOI), ministry identifiers,
                                         validity of ministry versions, org:ChangeEvents
    data/publiek/deals-tranche-1-4.ttl   facts about the report's 46 deals (data/deals.ttl)
    data/publiek/deals-tranche-5-6.ttl   tranches 5 and 6, their deals and facts
    data/publiek/programma.ttl           programme- and tranche-level facts, coordination roles

THE provenance rule (docs/data-conventions.md): every fact about a resource defined elsewhere is a
direct triple plus an rdf:Statement with prov:wasDerivedFrom the WebSource of its CSV row;
qualified nodes (FundingAmount, ThemeAttribution, CoordinationRole) carry their own source.
Every claim also keeps rdg:sourceField / rdg:sourceValue: the CSV row's field and value, so that
each row taken can be traced back (tests/test_public_records.py does so).

Source-kind rules (host and path of the URL, first match wins) are in SOURCE_KIND_RULES below.
Amounts use only the six funding kinds of data/begrippen.ttl (the shapes allow no others); the
rows 'rijksbijdrage_extra_MEUR' (an extra instalment), 'total_investment' (leveraged investment),
'reserved_groningen_drenthe_MEUR' (a reservation inside tranche 5) and 'budget_shift_MEUR' are kept
as rdg:reportedFact statements, since as amounts of those kinds they would read as conflicting
totals. Reservations and initial splits of a tranche's budget are begrip:beschikbaar-budget.

A malformed row (unknown deal label, field, date, amount, ministry, host) stops the script with
"<file>:<line>: <message>".
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import re
import sys
import unicodedata
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path
from urllib.parse import urlsplit

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from rdgraph.convert import from_rdflib  # noqa: E402
from rdgraph.namespaces import ONTOLOGY, PREFIXES  # noqa: E402
from rdgraph.turtle import serialize  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"
DEFAULT_OUT = ROOT / "data" / "publiek"

RDG = Namespace(PREFIXES["rdg"])
ID = PREFIXES["id"]
PROV = Namespace(PREFIXES["prov"])
DCT = Namespace(PREFIXES["dcterms"])
ORG = Namespace(PREFIXES["org"])
DEF = URIRef(ONTOLOGY)
BEGRIP = Namespace(PREFIXES["begrip"])
TOOI_RE = re.compile(r"^https://identifier\.overheid\.nl/tooi/id/")

PROGRAMME = URIRef(ID + "programma/regio-deals")


class ImportError_(Exception):
    pass


def fail(path: Path, line: int, msg: str) -> None:
    raise ImportError_(f"{path}:{line}: {msg}")


# ---------------------------------------------------------------------------- mapping tables

# Reviewed mapping of the CSV's deal labels to deal resources. Tranches 1-4: the report's deals in
# data/deals.ttl (one resource per deal whatever its name). Tranches 5-6: new resources.
DEALS_1_4 = {
    # tranche 1
    "Brainport Eindhoven": ("brainport-eindhoven", 1),
    "Rotterdam Zuid": ("rotterdam-zuid", 1),
    "Zeeland": ("zeeland", 1),
    "ESTEC Noordwijk": ("estec", 1),
    "Caribisch Nederland": ("caribisch-nederland", 1),
    "Nucleaire problematiek Petten": ("nucleaire-problematiek", 1),
    # tranche 2
    "Achterhoek": ("achterhoek", 2),
    "Bodemdaling Groene Hart": ("bodemdaling-groene-hart", 2),
    "Foodvalley": ("foodvalley", 2),
    "Midden- en West-Brabant": ("midden-en-west-brabant", 2),
    "Natuurinclusieve Landbouw Noord-Nederland": ("natuurinclusieve-landbouw-noord-nederland", 2),
    "Noordelijk Flevoland": ("noordelijk-flevoland", 2),
    "Parkstad Limburg": ("parkstad-limburg", 2),
    "Twente": ("twente", 2),
    "Den Haag Zuidwest": ("den-haag-zuidwest", 2),
    "Noordoost Friesland en Holwerd aan Zee": ("noordoost-fryslan", 2),
    "ZaanIJ": ("zaanij", 2),
    "Zuid- en Oost-Drenthe": ("zuid-en-oost-drenthe", 2),
    # tranche 3
    "Cleantech Regio": ("cleantech-regio", 3),
    "Drechtsteden-Gorinchem": ("drechtsteden-gorinchem", 3),
    "FruitDelta Rivierenland": ("fruitdelta-rivierenland", 3),
    "Kop van Noord-Holland": ("kop-van-noord-holland", 3),
    "Noord-Limburg": ("noord-limburg", 3),
    "Noordoost-Brabant": ("noordoost-brabant", 3),
    "Oost-Groningen": ("oost-groningen", 3),
    "Vitale wijken Overvecht, Batau en Vollenhove": ("overvecht-bateau-en-vollenhove", 3),
    "Groningen Noord": ("groningen-noord", 3),
    "Regio Zwolle": ("zwolle", 3),
    "Veluwe": ("veluwe", 3),
    "Zeeuws-Vlaanderen": ("zeeuws-vlaanderen", 3),
    "Zuid-Hollandse Delta": ("zuid-hollandse-delta", 3),
    "Zuidoost Friesland": ("zuidoost-friesland", 3),
    # tranche 4
    "Twente II": ("twente-ii", 4),
    "Arnhem-Nijmegen": ("arnhem-nijmegen", 4),
    "Waddeneilanden": ("de-waddeneilanden", 4),
    "Den Haag Zuidwest II": ("den-haag-zuidwest-ii", 4),
    "Mainstage": ("mainstage", 4),
    "Midden-Brabant": ("midden-brabant", 4),
    "Nieuw Land (Almere-Lelystad)": ("nieuw-land-almere-lelystad", 4),
    "Noardwest-Fryslân": ("noardwest-fryslan", 4),
    "North Sea Port District": ("north-sea-port-district", 4),
    "Parkstad Limburg II": ("parkstad-limburg-ii", 4),
    "Rotterdam Zuid II": ("rotterdam-zuid-ii", 4),
    "ZaanIJ II": ("zaanij-ii", 4),
    "Zuid- en Oost-Drenthe II": ("zuid-en-oost-drenthe-ii", 4),
    "Zuid-Limburg": ("zuid-limburg", 4),
}

# New deals of tranches 5 and 6: CSV label -> (slug, tranche, Dutch label). The label is the CSV's
# unless noted.
DEALS_5_6 = {
    "Achterhoek II": ("achterhoek-ii", 5),
    "Amsterdam Zuidoost": ("amsterdam-zuidoost", 5),
    "Delft West": ("delft-west", 5),
    "Drechtsteden-Gorinchem II": ("drechtsteden-gorinchem-ii", 5),
    "Groningen Noord II": ("groningen-noord-ii", 5),
    "Het Hogeland": ("het-hogeland", 5),
    "MRA West": ("mra-west", 5),
    "Metropoolregio Eindhoven": ("metropoolregio-eindhoven", 5),
    "Midden-Limburg": ("midden-limburg", 5),
    "Noord-Holland Noord": ("noord-holland-noord", 5),
    "Noord-Limburg II": ("noord-limburg-ii", 5),
    "Oost-Groningen II": ("oost-groningen-ii", 5),
    "Regio Zwolle II": ("zwolle-ii", 5),
    "Regiocentra Groningen": ("regiocentra-groningen", 5),
    "Saba": ("saba", 5),
    "Sint Eustatius": ("sint-eustatius", 5),
    "Stedendriehoek": ("stedendriehoek", 5),
    "Veluwe II": ("veluwe-ii", 5),
    "Waterwegregio": ("waterwegregio", 5),
    "West-Brabant": ("west-brabant", 5),
    "Zuid-Hollandse Delta II": ("zuid-hollandse-delta-ii", 5),
    "Zuidwest-Friesland": ("zuidwest-friesland", 5),
    "Barendrecht-Ridderkerk-Rotterdam": ("barendrecht-ridderkerk-rotterdam", 6),
    "Bonaire": ("bonaire", 6),
    "Eemsdelta": ("eemsdelta", 6),
    "Foodvalley II": ("foodvalley-ii", 6),
    "Noord-Drenthe": ("noord-drenthe", 6),
    "Noordoost-Brabant II": ("noordoost-brabant-ii", 6),
    "Parkstad Limburg III": ("parkstad-limburg-iii", 6),
    "Regio Waterland": ("regio-waterland", 6),
    "Rivierenland II": ("rivierenland-ii", 6),
    "Waarden van het Groene Hart": ("waarden-van-het-groene-hart", 6),
    "Zeeuws-Vlaanderen/Zeeland (tranche 6)": ("zeeuws-vlaanderen-zeeland-tranche-6", 6),
    "Zuid-Limburg II": ("zuid-limburg-ii", 6),
}
VAGUE_DEALS = {
    "zeeuws-vlaanderen-zeeland-tranche-6": (
        "De referentietabel noemt deze deal 'Zeeuws-Vlaanderen/Zeeland (tranche 6)'; de naam in de selectielijst is niet overgenomen en of het een vervolg is op Zeeuws-Vlaanderen (tranche 3) zegt de bron niet.",
        "The reference table calls this deal 'Zeeuws-Vlaanderen/Zeeland (tranche 6)'; the name in the selection list was not recorded and the source does not say whether it follows Zeeuws-Vlaanderen (tranche 3)."),
}

# Follow-up deals whose numeral (II/III) in the label, or a convenant name, marks the predecessor.
# (follow-up slug -> predecessor slug). Written as an inference (rdg:isInference true).
PREDECESSORS_BY_NAME = {
    "zaanij-ii": "zaanij",  # convenant name 'Regio Deal ZaanIJ (II) Groen en Meedoen'
    "achterhoek-ii": "achterhoek",
    "drechtsteden-gorinchem-ii": "drechtsteden-gorinchem",
    "groningen-noord-ii": "groningen-noord",
    "noord-limburg-ii": "noord-limburg",
    "oost-groningen-ii": "oost-groningen",
    "zwolle-ii": "zwolle",
    "veluwe-ii": "veluwe",
    "zuid-hollandse-delta-ii": "zuid-hollandse-delta",
    "foodvalley-ii": "foodvalley",
    "noordoost-brabant-ii": "noordoost-brabant",
    "parkstad-limburg-iii": "parkstad-limburg-ii",
    "rivierenland-ii": "fruitdelta-rivierenland",  # selection name 'Regio FruitDelta Rivierenland'
    "zuid-limburg-ii": "zuid-limburg",
}
# 'predecessor' rows: value -> slug (stated by the source, not inferred)
PREDECESSOR_VALUES = {"Cleantech Regio (tranche 3)": "cleantech-regio"}

MINISTRIES = {  # abbreviation as the CSV writes it -> organisation slug (data/organisaties.ttl)
    "BZK": "ministerie-bzk", "VRO": "ministerie-vro", "LNV": "ministerie-lnv",
    "LVVN": "ministerie-lvvn", "EZK": "ministerie-ezk", "EZ": "ministerie-ez",
    "OCW": "ministerie-ocw", "SZW": "ministerie-szw", "VWS": "ministerie-vws",
    "JenV": "ministerie-jenv", "IenW": "ministerie-ienw", "Fin": "ministerie-fin",
    "Def": "ministerie-def", "AZ": "ministerie-az",
}
MINISTRY_ALIASES = {"BZK-Herstel Groningen": "BZK"}
# validity of the ministry versions per the TOOI dataset (used to check signatories' names)
MINISTRY_VALIDITY = {
    "LNV": (None, dt.date(2024, 7, 1)), "EZK": (None, dt.date(2024, 7, 1)),
    "LVVN": (dt.date(2024, 7, 2), None), "EZ": (dt.date(2024, 7, 2), dt.date(2026, 2, 22)),
    "VRO": (dt.date(2024, 7, 2), dt.date(2026, 2, 23)),
}

# tooi-identifiers.csv, ministries: label prefix -> (slug, note) ; rows not listed are not taken.
TOOI_MINISTRIES = [
    ("Algemene Zaken (AZ)", ["ministerie-az"]),
    ("Binnenlandse Zaken en Koninkrijksrelaties (BZK)", ["ministerie-bzk"]),
    ("Defensie", ["ministerie-def"]),
    ("Economische Zaken / Economische Zaken en Klimaat (EZ/EZK)", ["ministerie-ezk", "ministerie-ez"]),
    ("Financien (Fin)", ["ministerie-fin"]),
    ("Infrastructuur en Waterstaat (IenW)", ["ministerie-ienw"]),
    ("Justitie en Veiligheid (JenV)", ["ministerie-jenv"]),
    ("Onderwijs, Cultuur en Wetenschap (OCW)", ["ministerie-ocw"]),
    ("Sociale Zaken en Werkgelegenheid (SZW)", ["ministerie-szw"]),
    ("Volksgezondheid, Welzijn en Sport (VWS)", ["ministerie-vws"]),
    ("Landbouw, Visserij, Voedselzekerheid en Natuur (LVVN", ["ministerie-lvvn"]),
    ("Volkshuisvesting en Ruimtelijke Ordening (VRO", ["ministerie-vro"]),
    ("Landbouw, Natuur en Voedselkwaliteit (LNV) 2017-10-26", ["ministerie-lnv"]),
    ("Economische Zaken en Klimaat (EZK) 2018-01-01", ["ministerie-ezk"]),
    ("Economische Zaken (EZ) 2024-07-02", ["ministerie-ez"]),
]
TOOI_NOT_TAKEN = ["Klimaat en Groene Groei", "Asiel en Migratie",
                  "Landbouw, Natuur en Voedselkwaliteit (LNV, old"]

# Validity of ministry versions and changes, each from the TOOI dataset file named (label match)
VERSION_VALIDITY = [
    # (slug, validFrom, validUntil, tooi-csv label prefix, inference?)
    ("ministerie-lnv", "2017-10-26", "2024-07-01", "Landbouw, Natuur en Voedselkwaliteit (LNV) 2017-10-26", False),
    ("ministerie-ezk", "2018-01-01", "2024-07-01", "Economische Zaken en Klimaat (EZK) 2018-01-01", False),
    ("ministerie-ez", "2024-07-02", "2026-02-22", "Economische Zaken (EZ) 2024-07-02", False),
    ("ministerie-vro", "2024-07-02", "2026-02-23", "Volkshuisvesting en Ruimtelijke Ordening (VRO", False),
    ("ministerie-lvvn", "2024-07-02", None, "Landbouw, Natuur en Voedselkwaliteit (LNV) 2017-10-26", True),
]
CHANGE_EVENTS = [
    # (slug, original, resulting, date, tooi-csv label prefix, nl, en)
    ("lnv-lvvn-2024-07-02", "ministerie-lnv", "ministerie-lvvn", "2024-07-02",
     "Landbouw, Natuur en Voedselkwaliteit (LNV) 2017-10-26",
     "LNV gaat verder als LVVN (2 juli 2024)", "LNV continues as LVVN (2 July 2024)"),
    ("ezk-ez-2024-07-02", "ministerie-ezk", "ministerie-ez", "2024-07-02",
     "Economische Zaken (EZ) 2024-07-02",
     "EZK gaat verder als EZ (2 juli 2024)", "EZK continues as EZ (2 July 2024)"),
    ("vro-bzk-2026-02-23", "ministerie-vro", "ministerie-bzk", "2026-02-23",
     "Volkshuisvesting en Ruimtelijke Ordening (VRO",
     "VRO eindigt; opvolger BZK (23 februari 2026, volgens de TOOI-gegevens)",
     "VRO ends; successor BZK (23 February 2026, per the TOOI data)"),
]

PROVINCES = {  # CSV spelling -> (slug, nl label, en label)
    "Groningen": ("groningen", "Groningen", "Groningen"),
    "Fryslan": ("fryslan", "Fryslân", "Friesland"),
    "Drenthe": ("drenthe", "Drenthe", "Drenthe"),
    "Overijssel": ("overijssel", "Overijssel", "Overijssel"),
    "Flevoland": ("flevoland", "Flevoland", "Flevoland"),
    "Gelderland": ("gelderland", "Gelderland", "Gelderland"),
    "Utrecht": ("utrecht", "Utrecht", "Utrecht"),
    "Noord-Holland": ("noord-holland", "Noord-Holland", "North Holland"),
    "Zuid-Holland": ("zuid-holland", "Zuid-Holland", "South Holland"),
    "Zeeland": ("zeeland", "Zeeland", "Zeeland"),
    "Noord-Brabant": ("noord-brabant", "Noord-Brabant", "North Brabant"),
    "Limburg": ("limburg", "Limburg", "Limburg"),
}

# Coordinating-ministry rows, reviewed: (tranche, url) -> (abbr, attested date, precision words)
COORDINATION = {
    ("1", "http://www.blikopnieuws.nl/nieuws/262207/kabinet-reserveert-samen-met-rotterdam-260-miljoen-voor-verbeteren-leefbaarheid"): ("LNV", "2018", "(2018)"),
    ("2", "https://www.kennisvoorkrimp.nl/nieuws-over-krimp/ruim-200-miljoen-euro-voor-12-regio-deals"): ("LNV", "2018-11", "selection of the second tranche (November 2018)"),
    ("3", "https://www.rvo.nl/subsidie-en-financieringswijzer/regio-deals/regio-deals-derde-tranche"): ("LNV", "2019-09-06", None),
    ("1-3", "https://www.rnob.nl/nieuws/regio-deal-noordoost-brabant-zet-stijgende-lijn-door"): ("BZK", "2022-09", "by September 2022"),
    ("4", "https://www.elkeregiotelt.nl/actueel/nieuws/2022/11/17/drieentwintig-voorstellen-voor-nieuwe-regio-deals-ontvangen"): ("BZK", "2022-11-17", None),
    ("5", "https://www.rijksoverheid.nl/actueel/nieuws/2024/02/09/investeren-in-de-regio-%E2%82%AC-386-4-miljoen-voor-22-nieuwe-regio-deals"): ("BZK", "2024-02-09", None),
    ("6", "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?did=2025D04107&id=2025D04107"): ("VRO", None, None),  # two rows: dates below
    ("6", "https://www.rijksoverheid.nl/actueel/nieuws/2024/07/18/244-miljoen-voor-laatste-ronde-regio-deals"): ("VRO", "2024-07-18", None),
}
COORDINATION_BY_VALUE = {  # the two rows from the same Kamerbrief
    "VRO": "2025-02-03",
    "VRO (assessment framework letter of 18 July 2024 by the VRO minister)": "2024-07-18",
}
# Validity bounds of the coordination roles (inferred from the ministry versions, TOOI data):
ROLE_BOUNDS = {
    "LNV": (None, "2024-07-01", "Landbouw, Natuur en Voedselkwaliteit (LNV) 2017-10-26",
            "LNV bestond onder deze naam tot en met 1 juli 2024 (TOOI); de rol kan niet later eindigen.",
            "LNV existed under this name until 1 July 2024 (TOOI); the role cannot end later."),
    "BZK": (None, "2024-07-01", "Volkshuisvesting en Ruimtelijke Ordening (VRO",
            "BZK droeg de Regio Deals op 2 juli 2024 over aan het nieuwe ministerie van VRO (rapport; VRO bestaat vanaf 2024-07-02 volgens TOOI).",
            "BZK handed the Regio Deals to the new ministry of VRO on 2 July 2024 (report; VRO exists from 2024-07-02 per TOOI)."),
    "VRO": ("2024-07-02", "2026-02-23", "Volkshuisvesting en Ruimtelijke Ordening (VRO",
            "VRO bestaat van 2024-07-02 tot 2026-02-23 (TOOI); de rol valt binnen die periode.",
            "VRO exists from 2024-07-02 until 2026-02-23 (TOOI); the role lies within that period."),
}

# Funding fields: field -> (funding kind slug, target level, extra)
#   target: 'deal' or 'tranche' (PROGRAMME rows: tranche if one number, else the programme)
AMOUNT_FIELDS = {
    "rijksbijdrage_MEUR": "rijksbijdrage",
    "rijksbijdrage_MEUR_confirmed": "rijksbijdrage",
    "rijksbijdrage_in_deal_MEUR": "rijksbijdrage",
    "rijksbijdrage_total_MEUR": "rijksbijdrage",
    "requested_MEUR": "gevraagd-bedrag",
    "total_budget_MEUR": "totaal-budget",
    "total_budget_MEUR_later": "totaal-budget",
    "total_budget_MEUR_planned": "totaal-budget",
    "total_investment_MEUR": "totaal-budget",
    "regional_contribution_MEUR": "regionale-cofinanciering",
    # programme rows
    "budget_MEUR": "beschikbaar-budget",
    "call_budget_MEUR": "beschikbaar-budget",
    "budget_total_MEUR": "beschikbaar-budget",
    "budget_total_BEUR": "beschikbaar-budget",
    "committed_MEUR": "rijksbijdrage",
    "committed_total_MEUR": "rijksbijdrage",
    "total_investment_BEUR": "rijksbijdrage",
    "rijksbijdrage_sum_check_MEUR": "rijksbijdrage",
    "requested_total_MEUR": "gevraagd-bedrag",
    "reserved_MEUR": "beschikbaar-budget",
    "reserved_voorjaarsnota_MEUR": "beschikbaar-budget",
    "initial_split_MEUR": "beschikbaar-budget",
}
KIND_LABELS = {
    "rijksbijdrage": ("rijksbijdrage", "national government contribution"),
    "extra-rijksbijdrage": ("aanvullende rijksbijdrage", "additional national government contribution"),
    "gevraagd-bedrag": ("gevraagd bedrag", "requested amount"),
    "totaal-budget": ("totaal budget", "total budget"),
    "uitgelokte-investering": ("uitgelokte investering", "leveraged investment"),
    "regionale-cofinanciering": ("regionale cofinanciering", "regional co-funding"),
    "beschikbaar-budget": ("beschikbaar budget", "available budget"),
    "reservering": ("reservering", "reservation"),
    "budgetverschuiving": ("budgetverschuiving", "budget shift"),
}
NEW_KINDS_UNUSED = {  # not used: shapes/deals.ttl allows only the six kinds of data/begrippen.ttl
    "extra-rijksbijdrage": ("Een rijksbijdrage bovenop een eerder toegekende rijksbijdrage (een tweede tranche van hetzelfde geld); tel hem niet op bij het totaal als dat ook genoemd wordt.",
                            "A national contribution on top of an earlier one (a second instalment); do not add it to a total that is also stated."),
    "uitgelokte-investering": ("De investeringen die een deal volgens de bron losmaakt, bovenop het budget van de deal.",
                               "The investment a deal leverages according to the source, on top of the deal's budget."),
    "reservering": ("Een bedrag dat het Rijk (voorlopig) reserveerde voor een tranche, regio of doel, vóór de toekenning.",
                    "An amount the Rijk (provisionally) reserved for a tranche, region or purpose, before allocation."),
    "budgetverschuiving": ("Een bedrag dat tussen tranches werd verschoven.", "An amount moved between tranches."),
}
# direct-triple fields on deals: field -> (property local name, value parser)
DATE_FIELDS = {
    "selection_date": "selectionDate", "convenant_signed": "convenantSignedOn",
    "convenant_date": "convenantSignedOn", "start_date": "startDate",
    "proposal_submitted": "proposalSubmittedOn", "announcement_date": "announcedOn",
}
ALTLABEL_FIELDS = {"official_name", "official_name_full", "official_name_stcrt", "selection_name",
                   "proposal_title"}
SIGNATORY_FIELDS = {"co_ministries", "co_ministries_letter", "co_ministries_convenant"}
REPORTED_FACT_FIELDS = {
    "start_document", "payment_mechanism", "projects", "status", "funding_source",
    "funding_ministry", "prior_rejection", "note_max_amount", "reservation_letter",
    "co_ministries_count", "start_event", "programme_name",
    # amounts the shapes' six funding kinds cannot hold without misleading (see module docstring)
    "rijksbijdrage_extra_MEUR", "total_investment", "reserved_groningen_drenthe_MEUR", "budget_shift_MEUR",
    # programme rows
    "executing_agency", "rijksbijdrage_range_MEUR", "convenants_letter", "convenants_finalised",
    "convenants_final", "convenants_signed_first_batch", "framework_letter", "selection_letter",
    "call_letter_minister", "expected_start", "note_last_round_of_envelope",
    "cross_cutting_observation", "policy_followup", "selection_priority", "rode_draden_study",
}
EVALUATION_FIELDS = {"evaluation", "progress_report"}
COUNT_FIELDS = {"proposals_submitted": "proposalsSubmitted", "deals_selected": "dealsSelected",
                "rejected_proposals": "proposalsRejected", "deals_started": "dealCount",
                "deals_total": "dealCount"}
TEXT_FIELDS = {"cofinancing_rule": "cofundingRule", "selection_criteria": "selectionCriteria"}
AREA_FIELDS = {"region", "places"}

# Source kind by URL: first matching (host regex, path regex) wins.
SOURCE_KIND_RULES = [
    (r"zoek\.officielebekendmakingen\.nl", r"(stcrt|prb)-", "staatscourant"),
    (r"zoek\.officielebekendmakingen\.nl", r"kst-", "kamerstuk"),
    (r"(www\.)?tweedekamer\.nl", r"", "kamerstuk"),
    (r"berthub\.eu", r"/tkconv/", "kamerstuk"),
    (r"(www\.)?rijksoverheid\.nl", r"/kamerstukken/", "kamerstuk"),
    (r"opennieuwsbank\.nl", r"kamerbrief", "kamerstuk"),
    (r"(www\.)?rijksoverheid\.nl", r"^/actueel/", "nieuwsbericht"),
    (r"(www\.)?rijksoverheid\.nl", r"^/onderwerpen/", "overheidspagina"),
    (r"(www\.)?elkeregiotelt\.nl", r"^/actueel/", "nieuwsbericht"),
    (r"(www\.)?elkeregiotelt\.nl", r"", "overheidspagina"),
    (r"(www\.)?rvo\.nl", r"", "overheidspagina"),
    (r"lawinsider\.com|lokaleregelgeving\.overheid\.nl|github\.com", r"", "register"),
    (r"(www\.)?(8rhk\.nl|begroting\.gemeentehw\.nl|bestuurlijkplatformgroenehart\.nl|brabant\.nl|"
     r"coevorden\.nl|delft\.nl|dewaddeneilanden\.nl|fruitdelta\.nl|gmr\.nl|h-i-ambacht\.nl|"
     r"hellevoetsluis\.nl|kopregio\.nl|limburg\.nl|metropoolregioamsterdam\.nl|"
     r"metropoolregioeindhoven\.nl|noord-holland\.nl|npzw\.nl|parkstad-limburg\.nl|"
     r"pcportal\.zeeland\.nl|provincie-utrecht\.nl|provinciegroningen\.nl|regio-hartvanbrabant\.nl|"
     r"regiodealoostgroningen\.nl|regiodealzuidoostfriesland\.nl|regiofoodvalley\.nl|"
     r"regiostedendriehoek\.nl|regiotwente\.nl|regiowestfriesland\.nl|regiozwolle\.info|"
     r"regiozwolle\.nl|rnob\.nl|rwb-prd-cdn\.azureedge\.net|samenwerkingmiddenlimburg\.nl|"
     r"smartdeltadrechtsteden\.nl|terneuzen\.nl|terneuzen2021\.beleidsrapportage\.nl|"
     r"terschelling\.nl|twente\.com|venray\.nl|watdoetdegemeente\.rotterdam\.nl|west-brabant\.eu|"
     r"zeeland\.nl|economicboardthehague\.org|agrifoodcapital\.nl|noordoostbrabantwerkt\.nl|"
     r"veenkolonien\.nl|vitalevakantieparken\.nl)", r"", "regionale-website"),
    (r".*", r"", "nieuwsbericht"),  # news media, party and trade sites: the rest
]
PUBLISHERS = {  # host (without www.) -> organisation name; otherwise the host is the publisher
    "rijksoverheid.nl": "Rijksoverheid", "zoek.officielebekendmakingen.nl": "Officiële bekendmakingen (KOOP)",
    "tweedekamer.nl": "Tweede Kamer der Staten-Generaal", "rvo.nl": "Rijksdienst voor Ondernemend Nederland",
    "elkeregiotelt.nl": "Programma Regio Deals (Rijksoverheid)", "berthub.eu": "berthub.eu (tkconv, Tweede Kamer-documenten)",
    "lawinsider.com": "Law Insider", "github.com": "polder (TOOI-gegevens, GitHub)",
    "lokaleregelgeving.overheid.nl": "Lokale regelgeving (overheid.nl)", "kennisvoorkrimp.nl": "Kennisplatform Krimp en Regio",
    "noord-holland.nl": "Provincie Noord-Holland", "provincie-utrecht.nl": "Provincie Utrecht",
    "limburg.nl": "Provincie Limburg", "brabant.nl": "Provincie Noord-Brabant", "zeeland.nl": "Provincie Zeeland",
    "pcportal.zeeland.nl": "Provincie Zeeland", "provinciegroningen.nl": "Provincie Groningen",
    "watdoetdegemeente.rotterdam.nl": "Gemeente Rotterdam", "delft.nl": "Gemeente Delft",
    "terneuzen.nl": "Gemeente Terneuzen", "venray.nl": "Gemeente Venray", "coevorden.nl": "Gemeente Coevorden",
    "omroepzeeland.nl": "Omroep Zeeland", "rtvdrenthe.nl": "RTV Drenthe", "omroepbrabant.nl": "Omroep Brabant",
    "omropfryslan.nl": "Omrop Fryslân", "nu.nl": "NU.nl", "rtlnieuws.nl": "RTL Nieuws",
    "binnenlandsbestuur.nl": "Binnenlands Bestuur", "regiotwente.nl": "Regio Twente", "twente.com": "Twente Board",
}

THEME_STRENGTH = [("weak evidence", "zwak"), ("weak proxy", "zwak"), ("low confidence", "lage-zekerheid"),
                  ("earlier proposal", "eerder-voorstel")]


# ---------------------------------------------------------------------------- helpers

def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return text


def short_hash(*parts: str, n: int = 8) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


def iri(path: str) -> URIRef:
    return URIRef(ID + path)


def deal_iri(slug: str) -> URIRef:
    return iri("regiodeal/" + slug)


def parse_date(value: str):
    """Return (Literal, precision words or None) or None when not a date."""
    v = value.strip()
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(\s*\(.*\))?", v)
    if m:
        d = dt.date.fromisoformat(m.group(1))  # raises on an unreal date
        return Literal(d.isoformat(), datatype=XSD.date), None
    m = re.fullmatch(r"(\d{4})-(\d{2})", v)
    if m and 1 <= int(m.group(2)) <= 12:
        return Literal(v, datatype=XSD.gYearMonth), None
    m = re.fullmatch(r"(\d{4})", v)
    if m:
        return Literal(v, datatype=XSD.gYear), None
    m = re.fullmatch(r"(\d{4}) \((end)\)|(end) (\d{4})", v)
    if m:
        year = m.group(1) or m.group(4)
        return Literal(year, datatype=XSD.gYear), v
    return None


def parse_amount(value: str, scale: Decimal):
    """'~25', '>50', '12.1', '>500 MEUR' -> (Decimal EUR, approximate, lower_bound)."""
    v = value.strip()
    v = re.sub(r"\s*MEUR$", "", v)
    m = re.fullmatch(r"(~|>)?\s*(\d+(?:\.\d+)?)", v)
    if not m:
        raise ValueError(f"not an amount: {value!r}")
    amount = Decimal(m.group(2)) * scale
    return amount, m.group(1) == "~", m.group(1) == ">"


def decimal_literal(d: Decimal) -> Literal:
    if d < 0:
        raise ValueError("negative amount")
    if d == d.to_integral_value():
        lex = str(int(d))
    else:
        lex = format(d.normalize(), "f")
    return Literal(lex, datatype=XSD.decimal)


def split_top(value: str) -> list[str]:
    """Split on ';' outside parentheses; keep parenthesised groups as one item."""
    items, depth, cur = [], 0, ""
    for ch in value:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == ";" and depth == 0:
            items.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        items.append(cur.strip())
    return items


MUNICIPALITY_WORDS = re.compile(r"gemeenten|municipalities|stadsdeel", re.I)


def parse_municipalities(value: str):
    """-> (names, skipped items)."""
    names, skipped = [], []
    for item in split_top(value):
        if item.startswith("("):
            skipped.append(item)  # uncertain members ('(Echt-Susteren; ...)', '(more in full list)')
            continue
        item = re.sub(r"^incl\.\s*", "", item)
        m = re.match(r"^\d+\s.*\(incl\.\s*(.*)\)\s*$", item)
        if m:  # '22 gemeenten (incl. Zwolle, Kampen)': take the named ones
            skipped.append(item)
            names.extend(n.strip() for n in m.group(1).split(",") if n.strip())
            continue
        base = re.sub(r"\s*\(.*\)\s*$", "", item).strip()
        if not base or re.match(r"^\d", base) or MUNICIPALITY_WORDS.search(base):
            skipped.append(item)
            continue
        names.append(base)
    return names, skipped


# ---------------------------------------------------------------------------- Turtle writer

def write_turtle(graph: Graph, path: Path, header: str) -> None:
    """The graph in rdgraph's one Turtle writer (deterministic, the project's prefixes)."""
    if any(isinstance(t, BNode) for triple in graph for t in triple):
        raise ValueError("blank nodes are not written")
    lines = [f"# {line}".rstrip() for line in header.strip().splitlines()]
    lines.append("# Generated by tools/import_reference.py; do not edit by hand.")
    triples = [tuple(from_rdflib(t) for t in triple) for triple in graph]
    path.write_bytes(serialize(triples, header="\n".join(lines) + "\n"))


# ---------------------------------------------------------------------------- importer

class Importer:
    def __init__(self, reference: Path):
        self.reference = reference
        self.facts_path = reference / "regiodeals-facts.csv"
        self.tooi_path = reference / "tooi-identifiers.csv"
        self.g = {name: Graph() for name in ("bronnen", "begrippen", "overheden", "deals-1-4",
                                              "deals-5-6", "programma")}
        self.sources: dict[str, URIRef] = {}
        self.not_taken: list[tuple[int, str, str]] = []
        self.municipalities: dict[str, set[str]] = defaultdict(set)  # name -> source urls
        self.deal_labels: dict[URIRef, set[str]] = defaultdict(set)
        self.new_deal_sources: dict[str, set[str]] = defaultdict(set)
        self.line = 0

    # -- sources
    def source(self, url: str) -> URIRef:
        if url in self.sources:
            return self.sources[url]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            fail(self.current_path, self.line, f"not an http(s) URL: {url!r}")
        host = parts.hostname
        bare = host[4:] if host.startswith("www.") else host
        kind = None
        for host_re, path_re, k in SOURCE_KIND_RULES:
            if re.fullmatch(host_re, host) and re.search(path_re, parts.path or "/"):
                kind = k
                break
        node = iri(f"bron/web-{slugify(bare)[:40]}-{short_hash(url)}")
        g = self.g["bronnen"]
        last = [seg for seg in (parts.path or "").split("/") if seg]
        title = f"{bare}/{last[-1]}" if last else bare
        if parts.query and not last:
            title += "?" + parts.query
        g.add((node, RDF.type, RDG.WebSource))
        g.add((node, RDFS.label, Literal(f"Webbron {title}", lang="nl")))
        g.add((node, RDFS.label, Literal(f"Web source {title}", lang="en")))
        g.add((node, DCT.identifier, Literal(url, datatype=XSD.anyURI)))
        g.add((node, RDFS.seeAlso, URIRef(url)))
        g.add((node, DCT.publisher, Literal(PUBLISHERS.get(bare, bare))))
        g.add((node, RDG.sourceKind, BEGRIP[kind]))
        g.add((node, PROV.wasDerivedFrom, node))
        self.sources[url] = node
        return node

    # -- claims
    def claim_common(self, g: Graph, node: URIRef, row: dict, src: URIRef) -> None:
        g.add((node, PROV.wasDerivedFrom, src))
        g.add((node, RDG.sourceField, Literal(row["field"])))
        g.add((node, RDG.sourceValue, Literal(row["value"])))
        if row["note"]:
            g.add((node, RDG.evidence, Literal(row["note"], lang="en")))

    def statement(self, g: Graph, s: URIRef, p: URIRef, o, row: dict, *, subject_slug: str,
                  inference: tuple[str, str] | None = None, precision: str | None = None,
                  covers: list[int] | None = None, direct: bool = True) -> URIRef:
        src = self.source(row["source_url"])
        local = str(p).split("#")[-1].split("/")[-1]
        node = iri(f"bewering/{subject_slug}-{slugify(local)}-{short_hash(str(s), str(p), str(o), row['source_url'], row['field'])}")
        if direct:
            g.add((s, p, o))
        g.add((node, RDF.type, RDF.Statement))
        g.add((node, RDF.subject, s))
        g.add((node, RDF.predicate, p))
        g.add((node, RDF.object, o))
        self.claim_common(g, node, row, src)
        if inference:
            g.add((node, RDG.isInference, Literal(True)))
            g.add((node, SKOS.note, Literal(inference[0], lang="nl")))
            g.add((node, SKOS.note, Literal(inference[1], lang="en")))
        if precision:
            g.add((node, RDG.datePrecisionNote, Literal(precision, lang="en")))
        for t in covers or []:
            g.add((node, RDG.coversTranche, iri(f"tranche/{t}")))
        return node

    def amount(self, g: Graph, target: URIRef, target_slug: str, target_label: str, kind: str,
               value: Decimal, row: dict, *, approx=False, lower=False, covers=None,
               inference=None, strength=None) -> URIRef:
        src = self.source(row["source_url"])
        node = iri(f"bedrag/{target_slug}-{kind}-{short_hash(target_slug, kind, str(value), row['source_url'], row['field'])}")
        host = urlsplit(row["source_url"]).hostname.removeprefix("www.")
        knl, ken = KIND_LABELS[kind]
        g.add((node, RDF.type, RDG.FundingAmount))
        g.add((node, RDFS.label, Literal(f"{knl} {target_label} volgens {host}", lang="nl")))
        g.add((node, RDFS.label, Literal(f"{ken} {target_label} according to {host}", lang="en")))
        g.add((node, RDG.fundingOf, target))
        g.add((node, RDG.fundingKind, BEGRIP[kind]))
        g.add((node, RDG.amountEUR, decimal_literal(value)))
        self.claim_common(g, node, row, src)
        if approx:
            g.add((node, RDG.isApproximate, Literal(True)))
        if lower:
            g.add((node, RDG.isLowerBound, Literal(True)))
        for t in covers or []:
            g.add((node, RDG.coversTranche, iri(f"tranche/{t}")))
        if inference:
            g.add((node, RDG.isInference, Literal(True)))
            g.add((node, SKOS.note, Literal(inference[0], lang="nl")))
            g.add((node, SKOS.note, Literal(inference[1], lang="en")))
        if strength:
            g.add((node, RDG.strength, BEGRIP[strength]))
        return node

    # -- reading
    def read_csv(self, path: Path, columns: list[str]):
        self.current_path = path
        with path.open(newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if header != columns:
                fail(path, 1, f"expected columns {columns}, found {header}")
            for row in reader:
                self.line = reader.line_num
                if len(row) != len(columns):
                    fail(path, self.line, f"expected {len(columns)} fields, found {len(row)}")
                rec = {k: v.strip() for k, v in zip(columns, row)}
                for k in columns:
                    if k != "note" and not rec[k]:
                        fail(path, self.line, f"empty '{k}'")
                yield self.line, rec

    def run(self) -> None:
        tooi_rows = list(self.read_csv(self.tooi_path, ["kind", "label", "uri", "source_url"]))
        self.import_tooi(tooi_rows)
        fact_rows = list(self.read_csv(self.facts_path, ["deal", "tranche", "field", "value", "source_url", "note"]))
        self.define_new_deals(fact_rows)
        for line, row in fact_rows:
            self.line = line
            self.current_path = self.facts_path
            try:
                if row["deal"] == "PROGRAMME":
                    self.programme_row(row)
                else:
                    self.deal_row(row)
            except ImportError_:
                raise
            except (ValueError, KeyError, InvalidOperation) as exc:
                fail(self.facts_path, line, f"{row['deal']} / {row['field']} = {row['value']!r}: {exc}")
        self.define_predecessors(fact_rows)
        self.define_municipalities()
        self.define_kinds()
        self.check_labels()

    # -- TOOI
    def tooi_row_by_label(self, rows, prefix):
        for line, r in rows:
            if r["label"].startswith(prefix):
                return line, r
        fail(self.tooi_path, 0, f"no TOOI row with label starting {prefix!r}")

    def import_tooi(self, rows) -> None:
        g = self.g["overheden"]
        self.tooi_municipalities = {}
        for line, r in rows:
            self.line = line
            if not TOOI_RE.match(r["uri"]):
                fail(self.tooi_path, line, f"not a TOOI identifier: {r['uri']}")
            src = self.source(r["source_url"])
            if r["kind"] == "provincie":
                if r["label"] not in PROVINCES:
                    fail(self.tooi_path, line, f"unknown province {r['label']!r}")
                slug, nl, en = PROVINCES[r["label"]]
                node = iri(f"provincie/{slug}")
                g.add((node, RDF.type, RDG.Province))
                g.add((node, RDFS.label, Literal(nl, lang="nl")))
                g.add((node, RDFS.label, Literal(en, lang="en")))
                if r["label"] != nl:
                    g.add((node, SKOS.altLabel, Literal(r["label"], lang="nl")))
                g.add((node, RDG.tooiIdentifier, URIRef(r["uri"])))
                g.add((node, PROV.wasDerivedFrom, src))
            elif r["kind"] == "gemeente":
                self.tooi_municipalities[r["label"]] = (r["uri"], r["source_url"])
            elif r["kind"] in ("ministerie", "ministerie_historische_versie"):
                slugs = None
                for prefix, ss in TOOI_MINISTRIES:
                    if r["label"].startswith(prefix):
                        slugs = ss
                        break
                if slugs is None:
                    if any(r["label"].startswith(p) for p in TOOI_NOT_TAKEN):
                        self.not_taken.append((line, "tooi:" + r["label"], "ministry not in the graph (no deal or role refers to it)"))
                        continue
                    fail(self.tooi_path, line, f"unmapped ministry {r['label']!r}")
                row = {"field": "tooi", "value": r["uri"], "source_url": r["source_url"],
                       "note": f"TOOI: {r['label']}"}
                for slug in slugs:
                    inf = None
                    if len(slugs) > 1:
                        inf = ("Deze identificatie hoort bij de organisatie als geheel (EZ/EZK); de versie heeft daarnaast een eigen identificatie (hv_...).",
                               "This identifier belongs to the organisation as a whole (EZ/EZK); the version also has its own identifier (hv_...).")
                    self.statement(g, iri(f"organisatie/{slug}"), RDG.tooiIdentifier, URIRef(r["uri"]),
                                   row, subject_slug=slug, inference=inf)
            else:
                fail(self.tooi_path, line, f"unknown kind {r['kind']!r}")
        for slug, vfrom, vuntil, prefix, inferred in VERSION_VALIDITY:
            line, r = self.tooi_row_by_label(rows, prefix)
            row = {"field": "tooi-validity", "value": r["label"], "source_url": r["source_url"], "note": ""}
            inf = None
            if inferred:
                inf = ("Afgeleid: LNV bestond tot en met 2024-07-01 als versie van dezelfde organisatie (mnre1153); LVVN is de versie daarna.",
                       "Derived: LNV existed until 2024-07-01 as a version of the same organisation (mnre1153); LVVN is the version after it.")
            org_ = iri(f"organisatie/{slug}")
            if vfrom:
                self.statement(g, org_, RDG.validFrom, Literal(vfrom, datatype=XSD.date), row, subject_slug=slug, inference=inf)
            if vuntil:
                self.statement(g, org_, RDG.validUntil, Literal(vuntil, datatype=XSD.date), row, subject_slug=slug, inference=inf)
        for slug, orig, res, date, prefix, nl, en in CHANGE_EVENTS:
            line, r = self.tooi_row_by_label(rows, prefix)
            node = iri(f"organisatiewijziging/{slug}")
            g.add((node, RDF.type, ORG.ChangeEvent))
            g.add((node, RDFS.label, Literal(nl, lang="nl")))
            g.add((node, RDFS.label, Literal(en, lang="en")))
            g.add((node, ORG.originalOrganization, iri(f"organisatie/{orig}")))
            g.add((node, ORG.resultingOrganization, iri(f"organisatie/{res}")))
            g.add((node, RDG.date, Literal(date, datatype=XSD.date)))
            g.add((node, PROV.wasDerivedFrom, self.source(r["source_url"])))

    # -- deals
    def deal_of(self, row: dict) -> tuple[URIRef, str, int, str]:
        label = row["deal"]
        if label in DEALS_1_4:
            slug, tranche = DEALS_1_4[label]
            graph = "deals-1-4"
        elif label in DEALS_5_6:
            slug, tranche = DEALS_5_6[label]
            graph = "deals-5-6"
        else:
            fail(self.facts_path, self.line, f"unmapped deal label {label!r}: add it to the mapping table")
        if row["tranche"] != str(tranche):
            fail(self.facts_path, self.line, f"deal {label!r} is in tranche {tranche}, row says {row['tranche']}")
        return deal_iri(slug), slug, tranche, graph

    def define_new_deals(self, rows) -> None:
        for _line, r in rows:
            if r["deal"] in DEALS_5_6 and r["field"] == "rijksbijdrage_MEUR":
                self.new_deal_sources[r["deal"]].add(r["source_url"])
        g = self.g["deals-5-6"]
        for t in (5, 6):
            node = iri(f"tranche/{t}")
            g.add((node, RDF.type, RDG.Tranche))
            g.add((node, RDFS.label, Literal(f"Tranche {t}", lang="nl")))
            g.add((node, RDFS.label, Literal(f"Tranche {t}", lang="en")))
            g.add((node, RDG.trancheNumber, Literal(t)))
            g.add((node, RDG.programme, PROGRAMME))
            for _line, r in rows:
                if r["deal"] == "PROGRAMME" and r["tranche"] == str(t) and r["field"] == "deals_selected":
                    g.add((node, PROV.wasDerivedFrom, self.source(r["source_url"])))
        for label, (slug, tranche) in sorted(DEALS_5_6.items()):
            node = deal_iri(slug)
            srcs = self.new_deal_sources.get(label)
            if not srcs:
                fail(self.facts_path, 0, f"new deal {label!r} has no rijksbijdrage_MEUR row to source it")
            g.add((node, RDF.type, RDG.RegioDeal))
            g.add((node, RDFS.label, Literal(label, lang="nl")))
            g.add((node, RDFS.label, Literal(label, lang="en")))
            g.add((node, SKOS.prefLabel, Literal(label, lang="nl")))
            g.add((node, RDG.tranche, iri(f"tranche/{tranche}")))
            for u in sorted(srcs):
                g.add((node, PROV.wasDerivedFrom, self.source(u)))
            if slug in VAGUE_DEALS:
                g.add((node, RDG.vagueness, Literal(VAGUE_DEALS[slug][0], lang="nl")))
                g.add((node, RDG.vagueness, Literal(VAGUE_DEALS[slug][1], lang="en")))
            self.deal_labels[node].add(label)

    def deal_row(self, row: dict) -> None:
        node, slug, tranche, gname = self.deal_of(row)
        g = self.g[gname]
        field, value = row["field"], row["value"]
        label = row["deal"]
        if field in AMOUNT_FIELDS:
            kind = AMOUNT_FIELDS[field]
            amount, approx, lower = parse_amount(value, Decimal(1_000_000))
            strength = "eerder-voorstel" if field == "total_budget_MEUR_planned" else None
            self.amount(g, node, slug, label, kind, amount, row, approx=approx, lower=lower, strength=strength)
        elif field == "theme":
            self.theme(g, node, slug, label, row)
        elif field in ALTLABEL_FIELDS:
            lit = Literal(value, lang="nl")
            self.statement(g, node, SKOS.altLabel, lit, row, subject_slug=slug)
            self.deal_labels[node].add(value)
        elif field in DATE_FIELDS:
            parsed = parse_date(value)
            if parsed is None:
                fail(self.facts_path, self.line, f"not a date: {value!r}")
            lit, precision = parsed
            self.statement(g, node, RDG[DATE_FIELDS[field]], lit, row, subject_slug=slug, precision=precision)
        elif field == "kamerbrief":
            parsed = parse_date(value)
            if parsed is None:
                fail(self.facts_path, self.line, f"not a date: {value!r}")
            self.statement(g, node, RDG.offeredToParliamentOn, parsed[0], row, subject_slug=slug)
            m = re.search(r"Kamerstuk (\d+) nr\. (\d+)", value)
            if m:
                self.statement(g, node, RDG.kamerstuk, Literal(f"{m.group(1)}-{m.group(2)}"), row, subject_slug=slug)
        elif field == "period":
            self.statement(g, node, RDG.periodLabel, Literal(value), row, subject_slug=slug)
        elif field == "province":
            for item in split_top(value):
                if item.startswith("("):
                    self.not_taken.append((self.line, f"{label}/province", f"item {item!r} is not a province name"))
                    continue
                if item not in PROVINCES:
                    fail(self.facts_path, self.line, f"unknown province {item!r}")
                self.statement(g, node, RDG.province, iri(f"provincie/{PROVINCES[item][0]}"), row, subject_slug=slug)
        elif field == "municipalities":
            names, skipped = parse_municipalities(value)
            for name in names:
                self.municipalities[name].add(row["source_url"])
                self.statement(g, node, RDG.municipality, iri(f"gemeente/{slugify(name)}"), row, subject_slug=slug)
            for item in skipped:
                self.not_taken.append((self.line, f"{label}/municipalities", f"item {item!r} names no single municipality (kept in rdg:sourceValue)" if names else f"item {item!r} names no single municipality"))
            if not names:
                # still keep the row: the area in the source's words
                self.statement(g, node, RDG.areaDescription, Literal(value), row, subject_slug=slug)
        elif field == "regional_parties":
            for item in split_top(value):
                self.statement(g, node, RDG.regionalParty, Literal(item), row, subject_slug=slug)
        elif field in AREA_FIELDS:
            self.statement(g, node, RDG.areaDescription, Literal(value), row, subject_slug=slug)
        elif field in SIGNATORY_FIELDS:
            self.signatories(g, node, slug, tranche, row)
        elif field == "predecessor":
            if value not in PREDECESSOR_VALUES:
                fail(self.facts_path, self.line, f"unmapped predecessor {value!r}")
            self.statement(g, node, RDG.predecessor, deal_iri(PREDECESSOR_VALUES[value]), row, subject_slug=slug)
        elif field in EVALUATION_FIELDS:
            self.statement(g, node, RDG.evaluationSummary, Literal(value, lang="en"), row, subject_slug=slug)
        elif field in REPORTED_FACT_FIELDS:
            self.statement(g, node, RDG.reportedFact, Literal(f"{field}: {value}"), row, subject_slug=slug)
        else:
            fail(self.facts_path, self.line, f"unknown field {field!r} for a deal")

    def signatories(self, g, node, slug, tranche, row) -> None:
        value = row["value"]
        partial = value.startswith("includes ")
        abbrs = [a.strip() for a in value.removeprefix("includes ").split(";") if a.strip()]
        for raw in abbrs:
            a = MINISTRY_ALIASES.get(raw, raw)
            qualifier = None
            m = re.fullmatch(r"(\S+) \((.*)\)", a)
            if m:
                a, qualifier = m.group(1), m.group(2)
            if a not in MINISTRIES:
                fail(self.facts_path, self.line, f"unknown ministry abbreviation {a!r}")
            vfrom, vuntil = MINISTRY_VALIDITY.get(a, (None, None))
            # tranches 1-4 were signed before 2 July 2024, tranches 5-6 after (convenants of late 2024 / 2025)
            before = tranche <= 4
            if (before and vfrom is not None) or (not before and vuntil is not None and vuntil < dt.date(2024, 7, 2)):
                fail(self.facts_path, self.line, f"ministry {a} did not exist under that name when tranche {tranche} was signed")
            st = self.statement(g, node, RDG.signatory, iri(f"organisatie/{MINISTRIES[a]}"), row, subject_slug=slug)
            if partial:
                g.add((st, RDG.vagueness, Literal("The source names only this signatory; the full list was not seen.", lang="en")))
            if qualifier:
                g.add((st, RDG.vagueness, Literal(f"The reference table writes '{raw}'.", lang="en")))
            if raw != a and raw in MINISTRY_ALIASES:
                g.add((st, SKOS.note, Literal(f"The reference table writes '{raw}' (the state secretary for Herstel Groningen at BZK); recorded as BZK.", lang="en")))

    def theme(self, g, node, slug, label, row) -> None:
        n = int(row["value"])
        if not 1 <= n <= 15:
            raise ValueError("theme must be 1..15")
        src = self.source(row["source_url"])
        note = row["note"].lower()
        strength = "sterk"
        for words, s in THEME_STRENGTH:
            if words in note:
                strength = s
                break
        host = urlsplit(row["source_url"]).hostname.removeprefix("www.")
        att = iri(f"toekenning/{slug}-{n}-bron-{short_hash(slug, str(n), row['source_url'])}")
        g.add((att, RDF.type, RDG.ThemeAttribution))
        g.add((att, RDFS.label, Literal(f"Opgave {n} bij {label} (interpretatie van {host})", lang="nl")))
        g.add((att, RDFS.label, Literal(f"Opgave {n} for {label} (interpretation of {host})", lang="en")))
        g.add((att, RDG.attributedTo, node))
        g.add((att, RDG.attributedOpgave, iri(f"opgave/{n}")))
        g.add((att, RDG.basis, BEGRIP["interpretatie-bron"]))
        g.add((att, RDG.strength, BEGRIP[strength]))
        g.add((att, RDG.isInference, Literal(True)))
        g.add((att, SKOS.note, Literal("Gekoppeld door de makers van de referentietabel op grond van de beschrijving in de bron; de bron gebruikt de rode draden van het rapport niet.", lang="nl")))
        g.add((att, SKOS.note, Literal("Tagged by the reference table's authors from the source's description; the source does not use the report's recurring themes.", lang="en")))
        self.claim_common(g, att, row, src)

    def define_predecessors(self, rows) -> None:
        slug_to_label = {v[0]: k for k, v in {**DEALS_1_4, **DEALS_5_6}.items()}
        for follow, pred in sorted(PREDECESSORS_BY_NAME.items()):
            label = slug_to_label[follow]
            cand = [r for _, r in rows if r["deal"] == label and r["field"] in ALTLABEL_FIELDS
                    and re.search(r"\bI{2,3}\b|FruitDelta", r["value"])]
            if not cand:
                cand = [r for _, r in rows if r["deal"] == label and r["field"] == "rijksbijdrage_MEUR"]
            r = sorted(cand, key=lambda x: (x["source_url"], x["field"], x["value"]))[0]
            row = dict(r)
            gname = "deals-1-4" if label in DEALS_1_4 else "deals-5-6"
            self.statement(self.g[gname], deal_iri(follow), RDG.predecessor, deal_iri(pred), row, subject_slug=follow,
                           inference=("Afgeleid uit het volgnummer (II/III) of de naam in deze bron bij dezelfde regio als een deal uit een eerdere tranche; de bron zegt niet met zoveel woorden dat het een vervolgdeal is.",
                                      "Derived from the numeral (II/III) or the name in this source on the same region as a deal of an earlier tranche; the source does not say in as many words that it is a follow-up deal."))

    def define_municipalities(self) -> None:
        g = self.g["overheden"]
        names = dict(self.municipalities)
        for name in self.tooi_municipalities:
            names.setdefault(name, set())
        for name in sorted(names):
            node = iri(f"gemeente/{slugify(name)}")
            g.add((node, RDF.type, RDG.Municipality))
            g.add((node, RDFS.label, Literal(name, lang="nl")))
            en = {"Den Haag": "The Hague"}.get(name, name)
            g.add((node, RDFS.label, Literal(en, lang="en")))
            if name in self.tooi_municipalities:
                uri, src = self.tooi_municipalities[name]
                g.add((node, RDG.tooiIdentifier, URIRef(uri)))
                g.add((node, PROV.wasDerivedFrom, self.source(src)))
            for u in sorted(names[name]):
                g.add((node, PROV.wasDerivedFrom, self.source(u)))

    def define_kinds(self) -> None:
        g = self.g["begrippen"]
        scheme = iri("begrippenkader/soorten-bedrag")
        for slug, (dnl, den) in sorted({}.items()):
            node = BEGRIP[slug]
            nl, en = KIND_LABELS[slug]
            g.add((node, RDF.type, RDG.FundingKind))
            g.add((node, SKOS.inScheme, scheme))
            g.add((node, RDFS.isDefinedBy, DEF))
            g.add((node, RDFS.label, Literal(nl, lang="nl")))
            g.add((node, RDFS.label, Literal(en, lang="en")))
            g.add((node, SKOS.prefLabel, Literal(nl, lang="nl")))
            g.add((node, SKOS.prefLabel, Literal(en, lang="en")))
            g.add((node, SKOS.definition, Literal(dnl, lang="nl")))
            g.add((node, SKOS.definition, Literal(den, lang="en")))

    def check_labels(self) -> None:
        owner: dict[str, URIRef] = {}
        for node, labels in sorted(self.deal_labels.items()):
            for lab in labels:
                key = lab.casefold()
                if key in owner and owner[key] != node:
                    fail(self.facts_path, 0, f"label {lab!r} used for {owner[key]} and {node}")
                owner[key] = node
        # the report's own labels for tranche 1-4 deals must not be reused by a new deal
        report = {"Zwolle", "Twente", "Veluwe", "Foodvalley", "Zeeland", "Achterhoek"}
        for node, labels in self.deal_labels.items():
            if str(node).split("/")[-1] in {v[0] for v in DEALS_5_6.values()}:
                for lab in labels:
                    if lab in report:
                        fail(self.facts_path, 0, f"new deal {node} reuses a report label {lab!r}")

    # -- programme
    def programme_target(self, row):
        t = row["tranche"]
        if re.fullmatch(r"[1-6]", t):
            return iri(f"tranche/{t}"), f"tranche-{t}", f"tranche {t}", [], "programma"
        m = re.fullmatch(r"([1-6])-([1-6])", t)
        if not m:
            fail(self.facts_path, self.line, f"bad tranche {t!r}")
        covers = list(range(int(m.group(1)), int(m.group(2)) + 1))
        return PROGRAMME, f"regio-deals-tranches-{t}", f"Regio Deals (tranches {t})", covers, "programma"

    def programme_row(self, row: dict) -> None:
        target, tslug, tlabel, covers, gname = self.programme_target(row)
        g = self.g[gname]
        field, value = row["field"], row["value"]
        if field == "initial_split_MEUR":
            parts = [p.strip() for p in value.split("/")]
            if len(parts) != len(covers):
                fail(self.facts_path, self.line, "initial split must name one amount per tranche")
            for t, p in zip(covers, parts):
                amount, approx, lower = parse_amount(p, Decimal(1_000_000))
                self.amount(g, iri(f"tranche/{t}"), f"tranche-{t}", f"tranche {t}", "beschikbaar-budget", amount, row,
                            approx=approx, lower=lower)
        elif field in AMOUNT_FIELDS:
            scale = Decimal(1_000_000_000) if field.endswith("_BEUR") else Decimal(1_000_000)
            amount, approx, lower = parse_amount(value, scale)
            inf = None
            if field == "rijksbijdrage_sum_check_MEUR":
                inf = ("Som van de afzonderlijke bedragen per deal, berekend door de makers van de referentietabel.",
                       "Sum of the per-deal amounts, computed by the reference table's authors.")
            self.amount(g, target, tslug, tlabel, AMOUNT_FIELDS[field], amount, row,
                        approx=approx, lower=lower, covers=covers, inference=inf)
        elif field in COUNT_FIELDS:
            if not re.fullmatch(r"\d+", value):
                fail(self.facts_path, self.line, f"not a count: {value!r}")
            self.statement(g, target, RDG[COUNT_FIELDS[field]], Literal(int(value)), row, subject_slug=tslug, covers=covers)
        elif field == "selection_date" or field == "start_date":
            parsed = parse_date(value)
            if parsed is None:
                fail(self.facts_path, self.line, f"not a date: {value!r}")
            p = RDG.selectionDate if field == "selection_date" else RDG.startDate
            self.statement(g, target, p, parsed[0], row, subject_slug=tslug, covers=covers, precision=parsed[1])
        elif field == "call_period":
            m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})", value)
            if not m:
                fail(self.facts_path, self.line, f"not a period a/b: {value!r}")
            a, b = dt.date.fromisoformat(m.group(1)), dt.date.fromisoformat(m.group(2))
            self.statement(g, target, RDG.callOpens, Literal(a.isoformat(), datatype=XSD.date), row, subject_slug=tslug, covers=covers)
            self.statement(g, target, RDG.callCloses, Literal(b.isoformat(), datatype=XSD.date), row, subject_slug=tslug, covers=covers)
        elif field == "period":
            self.statement(g, target, RDG.periodLabel, Literal(value), row, subject_slug=tslug, covers=covers)
        elif field in TEXT_FIELDS:
            self.statement(g, target, RDG[TEXT_FIELDS[field]], Literal(value, lang="en"), row, subject_slug=tslug, covers=covers)
        elif field in EVALUATION_FIELDS:
            self.statement(g, target, RDG.evaluationSummary, Literal(value, lang="en"), row, subject_slug=tslug, covers=covers)
        elif field in REPORTED_FACT_FIELDS:
            self.statement(g, target, RDG.reportedFact, Literal(f"{field}: {value}"), row, subject_slug=tslug, covers=covers)
        elif field == "coordinating_ministry":
            self.coordination(g, row, covers)
        else:
            fail(self.facts_path, self.line, f"unknown field {field!r} for PROGRAMME")

    def coordination(self, g, row, covers) -> None:
        key = (row["tranche"], row["source_url"])
        if key not in COORDINATION:
            fail(self.facts_path, self.line, "coordinating_ministry row not in the reviewed COORDINATION table")
        abbr, attested, precision = COORDINATION[key]
        if attested is None:
            attested = COORDINATION_BY_VALUE[row["value"]]
        if not row["value"].startswith(abbr):
            fail(self.facts_path, self.line, f"value {row['value']!r} does not name {abbr}")
        src = self.source(row["source_url"])
        node = iri(f"coordinatie/{slugify(row['tranche'])}-{abbr.lower()}-{short_hash(row['source_url'], row['value'])}")
        parsed = parse_date(attested)
        g.add((node, RDF.type, RDG.CoordinationRole))
        g.add((node, RDFS.label, Literal(f"{abbr} coördineert de Regio Deals (tranche {row['tranche']})", lang="nl")))
        g.add((node, RDFS.label, Literal(f"{abbr} coordinates the Regio Deals (tranche {row['tranche']})", lang="en")))
        g.add((node, RDG.coordinator, iri(f"organisatie/{MINISTRIES[abbr]}")))
        g.add((node, RDG.coordinates, PROGRAMME))
        g.add((node, RDG.attestedOn, parsed[0]))
        if precision:
            g.add((node, RDG.datePrecisionNote, Literal(precision, lang="en")))
        if re.fullmatch(r"[1-6]", row["tranche"]):
            g.add((node, RDG.coversTranche, iri(f"tranche/{row['tranche']}")))
        for t in covers:
            g.add((node, RDG.coversTranche, iri(f"tranche/{t}")))
        self.claim_common(g, node, row, src)
        vfrom, vuntil, prefix, nl, en = ROLE_BOUNDS[abbr]
        tooi_src = [u for (lab, u) in self.tooi_label_sources() if lab.startswith(prefix)][0]
        brow = {"field": "tooi-validity", "value": prefix, "source_url": tooi_src, "note": ""}
        for p, v in ((RDG.validFrom, vfrom), (RDG.validUntil, vuntil)):
            if v:
                self.statement(g, node, p, Literal(v, datatype=XSD.date), brow,
                               subject_slug=f"coordinatie-{abbr.lower()}", inference=(nl, en))

    def tooi_label_sources(self):
        if not hasattr(self, "_tooi_labels"):
            with self.tooi_path.open(newline="", encoding="utf-8") as fh:
                self._tooi_labels = [(r["label"], r["source_url"]) for r in csv.DictReader(fh)]
        return self._tooi_labels

    # -- output
    HEADERS = {
        "bronnen": ("bronnen.ttl", "Public web sources of the reference facts: one rdg:WebSource per distinct URL.\nSource kind by host/path rules (tools/import_reference.py, SOURCE_KIND_RULES)."),
        "overheden": ("overheden.ttl", "Provinces and municipalities with TOOI identifiers; TOOI identifiers, validity and changes\nof the ministry versions (the ministries themselves are defined in data/organisaties.ttl)."),
        "deals-1-4": ("deals-tranche-1-4.ttl", "Public facts about the report's deals of tranches 1-4 (defined in data/deals.ttl):\ndirect triples with an rdf:Statement each, funding amounts and opgave attributions."),
        "deals-5-6": ("deals-tranche-5-6.ttl", "Tranches 5 and 6, their deals (as far as the reference table has them) and public facts."),
        "programma": ("programma.ttl", "Programme- and tranche-level facts of the Regio Deals and the coordinating ministry over time."),
    }

    def write(self, out: Path) -> list[Path]:
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for key, (fname, header) in self.HEADERS.items():
            path = out / fname
            write_turtle(self.g[key], path, header + "\nSource: /work/shared/reference (regiodeals-facts.csv, tooi-identifiers.csv).")
            written.append(path)
        return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--report", action="store_true", help="print the rows or items not taken")
    args = ap.parse_args(argv)
    imp = Importer(args.reference)
    try:
        imp.run()
    except ImportError_ as exc:
        print(f"import_reference: error: {exc}", file=sys.stderr)
        return 1
    paths = imp.write(args.out)
    check = Graph()
    for p in paths:
        check.parse(p, format="turtle")
    if args.report:
        for line, what, why in imp.not_taken:
            print(f"not taken: line {line}: {what}: {why}")
    print(f"wrote {len(paths)} files, {len(check)} triples, {len(imp.sources)} sources")
    return 0


if __name__ == "__main__":
    sys.exit(main())
