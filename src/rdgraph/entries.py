"""New entries (a new Regio Deal, its interventions, money, sources): validate and add.

An entry is one RDF file (Turtle, N-Triples or JSON-LD) written by a programme officer. It is
validated *in the context of the current graph* without re-validating the graph:

* the SHACL shapes run (pySHACL, the reference engine) on the entry's own nodes only, over a small
  data graph: the entry, plus from the store exactly what the shapes need about the nodes the entry
  touches (see :func:`context_triples`);
* rdgraph's own checks add what SHACL cannot say well: references to things the graph does not hold
  and terms the ontology does not define (both with the closest existing names as suggestions),
  duplicate deals (same name or alternative name in the same tranche, or the same IRI), and literals
  whose datatype or language tag is not the one the ontology expects.

:func:`add_entries` validates the same way and, only without violations, writes each deal's entry
into ``data/deals/<slug>.ttl`` (sorted, deterministic Turtle) with a temporary file and a rename,
under a lock file so that two ``add`` runs cannot interleave.

The JSON rendering (``EntryReport.to_dict``) is a stable, documented schema; see
``docs/entries.md`` or :data:`JSON_SCHEMA_DOC`.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import EXIT_USAGE, ParseError, RdgraphError
from .loading import parse_file
from .terms import DEF, ID, shorten
from .validate import SEVERITY_ORDER, Finding, ValidationReport

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
SHNS = "http://www.w3.org/ns/shacl#"
ORG = "http://www.w3.org/ns/org#"
DCTERMS = "http://purl.org/dc/terms/"
GRAPH_ASSERTED = ox.NamedNode("https://w3id.org/rdgraph/graph/asserted")

T_TYPE = ox.NamedNode(RDF + "type")
T_SUBCLASS = ox.NamedNode(RDFS + "subClassOf")
T_RANGE = ox.NamedNode(RDFS + "range")
T_LABEL = ox.NamedNode(RDFS + "label")
T_PREF = ox.NamedNode(SKOS + "prefLabel")
T_ALT = ox.NamedNode(SKOS + "altLabel")
T_STATEMENT = ox.NamedNode(RDF + "Statement")
T_SUBJECT = ox.NamedNode(RDF + "subject")
T_PREDICATE = ox.NamedNode(RDF + "predicate")
T_OBJECT = ox.NamedNode(RDF + "object")
T_LANGSTRING = RDF + "langString"
RDG_DEAL = ox.NamedNode(DEF + "RegioDeal")
RDG_INTERVENTION = ox.NamedNode(DEF + "Intervention")
RDG_TRANCHE = ox.NamedNode(DEF + "tranche")
RDG_FUNDING_OF = ox.NamedNode(DEF + "fundingOf")
RDG_ATTRIBUTED_TO = ox.NamedNode(DEF + "attributedTo")
RDG_DEAL_PROP = ox.NamedNode(DEF + "deal")
RDG_PART_OF = ox.NamedNode(DEF + "partOf")
ONTOLOGY_IRI = "https://w3id.org/rdgraph/def/regiodeals"

Triple = tuple  # (subject, predicate, object) of pyoxigraph terms

JSON_SCHEMA_VERSION = "rdgraph-entry-report/1"
JSON_SCHEMA_DOC = """\
rdgraph validate/add --format json (schema "rdgraph-entry-report/1"):
{
  "schema": "rdgraph-entry-report/1",
  "conforms": true|false,          # no finding of severity Violation
  "violations": int, "warnings": int, "infos": int,
  "lang": "nl"|"en",                # language of message and hint
  "files": [str],                   # the entry files, as given
  "written": [str],                 # add only: files written under data/ (empty if refused)
  "entities": [                     # grouped per entity: deals, then interventions, then other nodes
    {"entity": IRI, "short": str, "label": str|null,
     "kind": "deal"|"intervention"|"other",
     "findings": [
       {"severity": "Violation"|"Warning"|"Info",
        "kind": str,                # "sh:<Component>" (e.g. "sh:MinCount", "sh:Class", "sh:SPARQL")
                                    # or an rdgraph check: "unknown-reference", "unknown-term",
                                    # "duplicate", "datatype", "language-tag"
        "focus": IRI, "focus_short": str,   # the node at fault (the entity or one of its parts)
        "path": IRI|null, "path_short": str|null,
        "value": str|null,          # the offending value in N-Triples-like short form
        "message": str, "hint": str|null,
        "suggestions": [str],       # closest existing names (short IRIs), may be empty
        "shape": IRI|null, "source_file": str|null}
     ]}
  ]
}
"""

# ---------------------------------------------------------------- messages (nl, en)

MSG: dict[str, dict[str, str]] = {
    "unknown_ref": {
        "nl": "Verwijst naar {value}, maar dat staat niet in de kennisgraaf (en ook niet in dit bestand).",
        "en": "Refers to {value}, but the knowledge graph does not hold it (nor does this file)."},
    "unknown_ref_hint": {
        "nl": "Bedoelt u {sugg}?", "en": "Did you mean {sugg}?"},
    "unknown_ref_nohint": {
        "nl": "Controleer de spelling, of voeg het ding eerst toe.",
        "en": "Check the spelling, or add the thing first."},
    "unknown_prop": {
        "nl": "De eigenschap {value} bestaat niet in de ontologie.",
        "en": "The property {value} is not defined by the ontology."},
    "unknown_class": {
        "nl": "De klasse {value} bestaat niet in de ontologie.",
        "en": "The class {value} is not defined by the ontology."},
    "unknown_term_hint": {
        "nl": "Bedoelt u {sugg}? (een tikfout in de naam van een eigenschap of klasse)",
        "en": "Did you mean {sugg}? (a typo in the name of a property or class)"},
    "dup_iri": {
        "nl": "Deze Regio Deal staat al in de kennisgraaf ({value}); een deal voegt u maar één keer toe.",
        "en": "This Regio Deal is already in the knowledge graph ({value}); a deal is added only once."},
    "dup_name": {
        "nl": "Er is al een Regio Deal met de naam \"{name}\" in tranche {tranche}: {other}.",
        "en": "There is already a Regio Deal named \"{name}\" in tranche {tranche}: {other}."},
    "dup_hint": {
        "nl": "Is dit dezelfde deal? Vul dan de bestaande deal aan in plaats van een nieuwe te maken; "
              "zo niet, kies een naam die de deals onderscheidt.",
        "en": "Is it the same deal? Then add to the existing deal instead of creating a new one; "
              "if not, choose a name that tells the deals apart."},
    "dt_expected": {
        "nl": "De waarde van {path} heeft datatype {got}, verwacht is {want}.",
        "en": "The value of {path} has datatype {got}; {want} is expected."},
    "dt_hint_decimal": {
        "nl": "Schrijf een getal zonder aanhalingstekens en met decimalen, bijv. 7500000.00 "
              "(of \"7500000\"^^xsd:decimal); bedragen in hele euro's, niet in miljoenen.",
        "en": "Write a number without quotes and with decimals, e.g. 7500000.00 "
              "(or \"7500000\"^^xsd:decimal); amounts in euro, not millions."},
    "dt_hint_integer": {
        "nl": "Schrijf een geheel getal zonder aanhalingstekens, bijv. 2024 (geen \"2024\" of 24).",
        "en": "Write a whole number without quotes, e.g. 2024 (not \"2024\" or 24)."},
    "dt_hint_date": {
        "nl": "Schrijf een datum als \"2024-05-01\"^^xsd:date.",
        "en": "Write a date as \"2024-05-01\"^^xsd:date."},
    "dt_hint_boolean": {"nl": "Schrijf true of false zonder aanhalingstekens.",
                        "en": "Write true or false without quotes."},
    "dt_hint_string": {"nl": "Schrijf een tekst zonder taalcode, bijv. \"2024-2028\".",
                       "en": "Write a text without a language tag, e.g. \"2024-2028\"."},
    "dt_hint_generic": {"nl": "Schrijf de waarde als {want}.", "en": "Write the value as {want}."},
    "lang_missing": {
        "nl": "De tekst bij {path} heeft geen taalcode; verwacht is een tekst met @nl of @en.",
        "en": "The text of {path} has no language tag; a text with @nl or @en is expected."},
    "lang_missing_hint": {
        "nl": "Zet de taalcode achter de tekst, bijv. \"...\"@nl.",
        "en": "Put the language tag after the text, e.g. \"...\"@nl."},
    "lang_unexpected": {
        "nl": "De taalcode @{tag} bij {path} is niet een van de verwachte (@nl, @en).",
        "en": "The language tag @{tag} of {path} is not one of the expected ones (@nl, @en)."},
    "lang_unexpected_hint": {
        "nl": "Gebruik @nl voor Nederlands en @en voor Engels (kleine letters, twee letters).",
        "en": "Use @nl for Dutch and @en for English (lower case, two letters)."},
    "literal_for_ref": {
        "nl": "{path} verwacht een verwijzing naar een ding (een IRI), geen tekst.",
        "en": "{path} expects a reference to a thing (an IRI), not a text."},
    "literal_for_ref_hint": {
        "nl": "Schrijf de verwijzing zonder aanhalingstekens, bijv. opgave:9.",
        "en": "Write the reference without quotes, e.g. opgave:9."},
    "ref_for_literal": {
        "nl": "{path} verwacht een waarde (tekst, getal of datum), geen verwijzing.",
        "en": "{path} expects a value (text, number or date), not a reference."},
    "empty": {"nl": "Het bestand bevat geen enkel triple.", "en": "The file contains no triples."},
    "empty_hint": {"nl": "Begin met het sjabloon van 'rdgraph new-deal'.",
                   "en": "Start from the template of 'rdgraph new-deal'."},
    "parse": {"nl": "kan het bestand niet lezen: {detail}", "en": "cannot read the file: {detail}"},
    "parse_hint": {
        "nl": "controleer de syntaxis op die plek (een ontbrekende '.', ';' of een aanhalingsteken is de "
              "gebruikelijke oorzaak; prefixen moeten met @prefix zijn gedeclareerd)",
        "en": "check the syntax near that position (a missing '.', ';' or quote is the usual cause; "
              "prefixes must be declared with @prefix)"},
    "locked": {
        "nl": "een andere 'rdgraph add' is bezig met data/ (slot {lock}); probeer het zo opnieuw",
        "en": "another 'rdgraph add' is working on data/ (lock {lock}); try again in a moment"},
    "locked_hint": {
        "nl": "wacht tot die klaar is, of geef --wait SECONDEN om te wachten",
        "en": "wait until it finishes, or pass --wait SECONDS to wait for it"},
    "no_files": {"nl": "geef een of meer bestanden", "en": "give one or more files"},
}

SHAPE_HINTS: dict[str, dict[str, str]] = {
    "MinCount": {"nl": "Vul {path} in; dat is verplicht.", "en": "Fill in {path}; it is required."},
    "MaxCount": {"nl": "Laat bij {path} maar één waarde staan.", "en": "Keep only one value of {path}."},
    "QualifiedMinCount": {"nl": "Voeg de ontbrekende waarde van {path} toe (zie de melding).",
                          "en": "Add the missing value of {path} (see the message)."},
    "QualifiedMaxCount": {"nl": "Laat bij {path} hoogstens één waarde van deze soort staan.",
                          "en": "Keep at most one value of this kind for {path}."},
    "Datatype": {"nl": "Controleer de schrijfwijze van de waarde (getal, jaartal, datum of tekst met taalcode).",
                 "en": "Check how the value is written (number, year, date or text with a language tag)."},
    "Class": {"nl": "Verwijs naar een bestaand ding van de juiste soort.",
              "en": "Refer to an existing thing of the right kind."},
    "Or": {"nl": "Verwijs naar een bestaand ding van een van de genoemde soorten, of vul aan wat ontbreekt.",
           "en": "Refer to an existing thing of one of the kinds named, or add what is missing."},
    "In": {"nl": "Kies een waarde uit de lijst in de melding.", "en": "Choose a value from the list in the message."},
    "LessThanOrEquals": {"nl": "Het begin ligt na het einde: controleer begin- en eindjaar.",
                         "en": "The start lies after the end: check the start and end years."},
    "MinInclusive": {"nl": "De waarde is te klein, of geen getal.", "en": "The value is too small, or not a number."},
    "MinInclusiveYear": {"nl": "Een jaartal schrijft u voluit als geheel getal (2024, niet 24 of \"2024\").",
                         "en": "Write years in full as whole numbers (2024, not 24 or \"2024\")."},
    "MaxInclusive": {"nl": "De waarde is te groot.", "en": "The value is too large."},
    "LanguageIn": {"nl": "Gebruik de taalcode @nl of @en.", "en": "Use the language tag @nl or @en."},
    "UniqueLang": {"nl": "Geef hoogstens één tekst per taal; andere spellingen horen in skos:altLabel.",
                   "en": "Give at most one text per language; other spellings belong in skos:altLabel."},
    "NodeKind": {"nl": "Schrijf een verwijzing (IRI) zonder aanhalingstekens.",
                 "en": "Write a reference (IRI) without quotes."},
    "SPARQL": {"nl": "Controleer de bedragen en hun bronnen.", "en": "Check the amounts and their sources."},
    "Not": {"nl": "Haal de genoemde waarde weg.", "en": "Remove the value named."},
    "HasValue": {"nl": "Vul de genoemde waarde in.", "en": "Fill in the value named."},
    "Pattern": {"nl": "Controleer de schrijfwijze (zie de melding).", "en": "Check the spelling (see the message)."},
    "": {"nl": "Zie de melding.", "en": "See the message."},
}


def _m(key: str, lang: str, **kw: object) -> str:
    d = MSG[key]
    return d.get(lang, d["en"]).format(**kw)


# ---------------------------------------------------------------- report


@dataclass
class EntryFinding(Finding):
    """A finding about an entry: a SHACL result or one of rdgraph's own checks."""

    kind: str = ""
    suggestions: list[str] = field(default_factory=list)
    entity: str | None = None


SEVERITY_WORDS = {"nl": {"Violation": "fout", "Warning": "waarschuwing", "Info": "info"},
                  "en": {"Violation": "violation", "Warning": "warning", "Info": "info"}}
KIND_WORDS = {"nl": {"deal": "Regio Deal", "intervention": "Interventie", "other": "Onderdeel"},
              "en": {"deal": "Regio Deal", "intervention": "Intervention", "other": "Part"}}


@dataclass
class EntryReport(ValidationReport):
    """Findings about one or more entries, grouped per entity (deal, then interventions)."""

    files: list[str] = field(default_factory=list)
    entities: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # iri -> (kind, label)
    written: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def _entity_order(self) -> list[str]:
        rank = {"deal": 0, "intervention": 1, "other": 2}
        ents = set(self.entities) | {f.entity or f.focus for f in self.findings}  # type: ignore[attr-defined]
        return sorted(ents, key=lambda e: (rank[self.entities.get(e, ("other", None))[0]], e))

    def groups(self) -> list[tuple[str, list[EntryFinding]]]:
        by: dict[str, list[EntryFinding]] = {}
        for f in self.findings:
            by.setdefault(getattr(f, "entity", None) or f.focus, []).append(f)  # type: ignore[arg-type]
        out = []
        for e in self._entity_order():
            if e in by:
                fs = sorted(by[e], key=lambda f: (f.focus != e, f.focus, SEVERITY_ORDER.get(f.severity, 9),
                                                  f.path or "", f.kind, f.value or "", f.message))
                out.append((e, fs))
        return out

    def to_text(self) -> str:
        lang = self.lang
        if not self.findings:
            ok = "Geen fouten gevonden" if lang == "nl" else "No problems found"
            what = ", ".join(self.files)
            text = f"{ok}: {what}." if what else f"{ok}."
            if self.written:
                text += "\n" + ("Geschreven: " if lang == "nl" else "Written: ") + ", ".join(self.written)
            return text
        out: list[str] = []
        for ent, fs in self.groups():
            kind, label = self.entities.get(ent, ("other", None))
            out.append(f"{KIND_WORDS[lang][kind]} {shorten(ent)}" + (f" ({label})" if label else ""))
            for f in fs:
                sev = SEVERITY_WORDS[lang].get(f.severity, f.severity)
                where = "" if f.focus == ent else f"{shorten(f.focus)} "
                prop = f"{_short(f.path)}" if f.path else ("-" if lang == "en" else "-")
                out.append(f"  [{sev}] {where}{prop}: {f.message}")
                if f.value is not None:
                    out.append(f"      {'waarde' if lang == 'nl' else 'value'}: {f.value}")
                if f.hint:
                    out.append(f"      {'tip' if lang == 'nl' else 'hint'}: {f.hint}")
        nv, nw = len(self.violations), len(self.warnings)
        if lang == "nl":
            out.append(f"{nv} fout(en), {nw} waarschuwing(en).")
            if nv and not self.written:
                out.append("Het bestand is niet toegevoegd." if self.written == [] and self.checked == "add"
                           else "")
        else:
            out.append(f"{nv} violation(s), {nw} warning(s).")
            if nv and self.checked == "add":
                out.append("Nothing was added.")
        return "\n".join(line for line in out if line != "")

    def to_dict(self) -> dict:
        ents = []
        for ent, fs in self.groups():
            kind, label = self.entities.get(ent, ("other", None))
            ents.append({
                "entity": ent, "short": shorten(ent), "label": label, "kind": kind,
                "findings": [{
                    "severity": f.severity, "kind": f.kind, "focus": f.focus, "focus_short": shorten(f.focus),
                    "path": f.path, "path_short": _short(f.path) if f.path else None,
                    "value": f.value, "message": f.message, "hint": f.hint,
                    "suggestions": list(f.suggestions), "shape": f.shape, "source_file": f.source_file,
                } for f in fs]})
        return {
            "schema": JSON_SCHEMA_VERSION,
            "conforms": self.conforms,
            "violations": len(self.violations),
            "warnings": len(self.warnings),
            "infos": sum(1 for f in self.findings if f.severity == "Info"),
            "lang": self.lang,
            "files": list(self.files),
            "written": list(self.written),
            "entities": ents,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)


PREFIXES: dict[str, str] = {
    "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "skos": SKOS, "prov": PROV, "dcterms": DCTERMS,
    "org": ORG, "rdg": DEF,
    "deal": ID + "regiodeal/", "tranche": ID + "tranche/", "prog": ID + "programma/",
    "opgave": ID + "opgave/", "domein": ID + "domein/", "instrument": ID + "instrument/",
    "interv": ID + "interventie/", "organisatie": ID + "organisatie/", "provincie": ID + "provincie/",
    "gemeente": ID + "gemeente/", "bron": ID + "bron/", "bedrag": ID + "bedrag/",
    "toek": ID + "toekenning/", "begrip": ID + "begrip/", "isoort": ID + "interventiesoort/",
    "eval": ID + "evaluatie/", "regio": ID + "regio/", "bewering": ID + "bewering/",
}


def _short(iri: str | None) -> str:
    """A prefixed name for a term or thing, as people write it in Turtle."""
    if iri is None:
        return ""
    best = ""
    for p, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(best):
            best = ns
            name = f"{p}:{iri[len(ns):]}"
    return name if best else f"<{iri}>"


def _show(term) -> str:
    """A term in short Turtle form for messages."""
    if isinstance(term, ox.NamedNode):
        return _short(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    lex = '"' + term.value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if term.language:
        return f"{lex}@{term.language}"
    if term.datatype.value == XSD + "string":
        return lex
    return f"{lex}^^{_short(term.datatype.value)}"


# ---------------------------------------------------------------- reading entries


@dataclass
class Entry:
    path: Path
    triples: list[Triple]


def read_entries(files: Sequence[str | Path], fmt: str | None = None, lang: str = "nl") -> list[Entry]:
    """Parse the entry files; one ParseError naming file, line and column for every file that fails."""
    if not files:
        raise RdgraphError(_m("no_files", lang))
    entries: list[Entry] = []
    errors: list[ParseError] = []
    for f in files:
        path = Path(f)
        try:
            quads = parse_file(path, ox.DefaultGraph(), fmt=fmt)
        except ParseError as e:
            errors.append(ParseError(e.location, _m("parse", lang, detail=e.detail), _m("parse_hint", lang)))
            continue
        entries.append(Entry(path, [(q.subject, q.predicate, q.object) for q in quads]))
    if errors:
        if len(errors) == 1:
            raise errors[0]
        err = ParseError(errors[0].location, errors[0].detail, errors[0].hint)
        err.message = "\n".join(e.message for e in errors)
        raise err
    return entries


# ---------------------------------------------------------------- the graph side


class GraphIndex:
    """What the entry checks need from the current graph, read with indexed pattern lookups."""

    def __init__(self, store: ox.Store, graph: ox.NamedNode = GRAPH_ASSERTED) -> None:
        self.store = store
        self.g = graph
        self._subclass: list[Triple] | None = None
        self._terms: dict[str, str] | None = None

    def any(self, s=None, p=None, o=None) -> bool:
        for _ in self.store.quads_for_pattern(s, p, o, self.g):
            return True
        return False

    def triples(self, s=None, p=None, o=None) -> list[Triple]:
        return [(q.subject, q.predicate, q.object) for q in self.store.quads_for_pattern(s, p, o, self.g)]

    def subclass_triples(self) -> list[Triple]:
        if self._subclass is None:
            self._subclass = self.triples(None, T_SUBCLASS, None)
        return self._subclass

    def ontology_terms(self) -> dict[str, str]:
        """IRI -> 'class' | 'property' for every term the ontology defines (rdfs:isDefinedBy or typed)."""
        if self._terms is None:
            kinds = {OWL + "Class": "class", RDFS + "Class": "class",
                     OWL + "ObjectProperty": "property", OWL + "DatatypeProperty": "property",
                     OWL + "AnnotationProperty": "property", RDF + "Property": "property"}
            terms: dict[str, str] = {}
            for k, v in kinds.items():
                for s, _p, _o in self.triples(None, T_TYPE, ox.NamedNode(k)):
                    if isinstance(s, ox.NamedNode):
                        terms[s.value] = v
            self._terms = terms
        return self._terms

    def is_known_term(self, iri: str, as_class: bool) -> bool:
        if iri in self.ontology_terms() or iri in KNOWN_EXTERNAL:
            return True
        if iri.startswith(DEF):
            return False
        n = ox.NamedNode(iri)
        # a term of another vocabulary is known when the graph already uses it the same way
        return self.any(None, T_TYPE, n) if as_class else self.any(None, n, None)

    def range_of(self, prop: str) -> str | None:
        for _s, _p, o in self.triples(ox.NamedNode(prop), T_RANGE, None):
            if isinstance(o, ox.NamedNode):
                return o.value
        return None

    def instances(self, cls: str) -> list[str]:
        """Instances of a class, also through subclasses (the inferred graph has the closure)."""
        out = {q.subject.value for q in self.store.quads_for_pattern(None, T_TYPE, ox.NamedNode(cls), None)
               if isinstance(q.subject, ox.NamedNode)}
        return sorted(out)

    def label(self, node, lang: str) -> str | None:
        best = None
        for _s, _p, o in self.triples(node, T_LABEL, None):
            if isinstance(o, ox.Literal):
                if o.language == lang:
                    return o.value
                best = best or o.value
        return best


KNOWN_EXTERNAL = {
    RDF + "type", RDF + "Statement", RDF + "subject", RDF + "predicate", RDF + "object",
    RDFS + "label", RDFS + "comment", RDFS + "seeAlso", RDFS + "isDefinedBy",
    SKOS + "prefLabel", SKOS + "altLabel", SKOS + "hiddenLabel", SKOS + "definition", SKOS + "note",
    SKOS + "notation", SKOS + "inScheme", SKOS + "Concept", SKOS + "ConceptScheme",
    PROV + "wasDerivedFrom", DCTERMS + "title", DCTERMS + "issued", DCTERMS + "creator",
    DCTERMS + "source", DCTERMS + "description",
}

# the reference segment of an IRI (id/{type}/...) tells the kind of thing (docs/data-conventions.md)
SEGMENT_CLASS = {
    "regiodeal": DEF + "RegioDeal", "tranche": DEF + "Tranche", "programma": DEF + "Programme",
    "opgave": DEF + "Opgave", "domein": DEF + "Domain", "interventiesoort": DEF + "InterventionType",
    "voorbeeldinterventie": DEF + "ExampleIntervention", "instrument": DEF + "InstrumentType",
    "interventie": DEF + "Intervention", "organisatie": ORG + "Organization",
    "provincie": DEF + "Province", "gemeente": DEF + "Municipality", "evaluatie": DEF + "EvaluationDocument",
    "bron": DEF + "Document", "bedrag": DEF + "FundingAmount", "toekenning": DEF + "ThemeAttribution",
    "begrip": SKOS + "Concept", "begrippenkader": SKOS + "ConceptScheme", "regio": DEF + "Region",
}


def _suggest(word: str, candidates: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    cands = list(candidates)
    return difflib.get_close_matches(word, cands, n=n, cutoff=cutoff)


# ---------------------------------------------------------------- shapes (parsed once per process)

_SHAPES_CACHE: dict[tuple, object] = {}


def shapes_for(root: Path):
    """The shapes graph (rdflib) and the properties used after the first step of sequence paths."""
    from .paths import artefact_dir, turtle_files

    files = turtle_files(artefact_dir("shapes", root))
    key = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    hit = _SHAPES_CACHE.get(key)
    if hit is None:
        import rdflib

        from .validate import shapes_graph

        g = shapes_graph(root)
        sh_path = rdflib.URIRef(SHNS + "path")
        seq: set[str] = set()
        for path in g.objects(None, sh_path):
            if isinstance(path, rdflib.BNode) and (path, rdflib.RDF.first, None) in g:
                items = list(rdflib.collection.Collection(g, path))
                seq.update(str(i) for i in items[1:] if isinstance(i, rdflib.URIRef))
        hit = (g, frozenset(seq))
        _SHAPES_CACHE.clear()
        _SHAPES_CACHE[key] = hit
    return hit


# ---------------------------------------------------------------- context extraction


@dataclass
class Context:
    triples: list[Triple]          # from the graph: what the shapes need about the entry's neighbourhood
    neighbours: set                # existing nodes whose SPARQL constraints the entry can change


def context_triples(gi: GraphIndex, entry: list[Triple], seq_props: Iterable[str] = ()) -> Context:
    """Exactly the triples the shapes need, from the graph, to validate the entry's nodes.

    * every asserted triple of an entry subject that already exists in the graph (an entry that adds
      to an existing node is validated with the node's existing facts);
    * rdf:type of every node referenced (and of referenced nodes' sequence-path values), plus the
      ontology's rdfs:subClassOf triples, so sh:class and sh:targetClass see the class hierarchy;
    * for rdf:Statements of the entry: the triple they describe, if the graph has it;
    * for funding amounts of the entry: the other amounts of the same thing (the Rijk's share vs the
      total budget is a SPARQL constraint across amounts), with their references' types.
    """
    ctx: set[Triple] = set(gi.subclass_triples())
    subjects = {s for s, _p, _o in entry}
    seq = [ox.NamedNode(p) for p in seq_props]
    for s in subjects:
        if isinstance(s, ox.NamedNode):
            ctx.update(gi.triples(s, None, None))
    neighbours: set = set()
    for _s, p, o in entry:
        if p == RDG_FUNDING_OF and isinstance(o, ox.NamedNode):
            for a, _p2, _o2 in gi.triples(None, RDG_FUNDING_OF, o):
                if a not in subjects:
                    neighbours.add(a)
                    ctx.update(gi.triples(a, None, None))
    stmts = {s for s, p, o in entry if p == T_TYPE and o == T_STATEMENT}
    for st in stmts:
        sp = {p: o for s, p, o in entry if s == st and p in (T_SUBJECT, T_PREDICATE, T_OBJECT)}
        if len(sp) == 3 and isinstance(sp[T_PREDICATE], ox.NamedNode) and \
                not isinstance(sp[T_SUBJECT], ox.Literal):
            q = ox.Quad(sp[T_SUBJECT], sp[T_PREDICATE], sp[T_OBJECT], gi.g)
            if q in gi.store:
                ctx.add((q.subject, q.predicate, q.object))
    data = list(entry) + list(ctx)
    refs = {o for _s, _p, o in data if isinstance(o, ox.NamedNode)} - subjects
    refs |= {s for s, p, o in ctx if p != T_SUBCLASS and isinstance(s, ox.NamedNode)} - subjects
    seen: set = set()
    todo = list(refs)
    while todo:
        r = todo.pop()
        if r in seen:
            continue
        seen.add(r)
        ctx.update(gi.triples(r, T_TYPE, None))
        for p in seq:
            for t in gi.triples(r, p, None):
                ctx.add(t)
                if isinstance(t[2], ox.NamedNode):
                    todo.append(t[2])
    return Context(sorted(ctx, key=str), neighbours)


_QUERY_CACHE: dict[tuple, object] = {}


class _PreparedQueries:
    """While active, rdflib reuses the parsed and translated form of a SPARQL text.

    pySHACL hands rdflib the text of each SHACL-SPARQL constraint on every call, and rdflib parses it
    again each time (~50 ms per query here): the bulk of validating a small entry. The translated
    query is not changed by evaluation, so reusing it gives the same results.
    """

    def __enter__(self) -> _PreparedQueries:
        from rdflib.plugins.sparql import processor

        self._orig = processor.SPARQLProcessor.query
        orig = self._orig

        def query(proc, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: N803
            if isinstance(strOrQuery, str):
                key = (strOrQuery, base, tuple(sorted((initNs or {}).items())))
                q = _QUERY_CACHE.get(key)
                if q is None:
                    q = processor.translateQuery(processor.parseQuery(strOrQuery), base, initNs)
                    if len(_QUERY_CACHE) > 256:
                        _QUERY_CACHE.clear()
                    _QUERY_CACHE[key] = q
                strOrQuery = q
            return orig(proc, strOrQuery, initBindings, initNs, base, DEBUG)

        processor.SPARQLProcessor.query = query
        return self

    def __exit__(self, *exc: object) -> None:
        from rdflib.plugins.sparql import processor

        processor.SPARQLProcessor.query = self._orig


def _rdflib_graph(triples: Iterable[Triple]):
    from .convert import to_rdflib_graph

    return to_rdflib_graph(triples)


def shape_findings(gi: GraphIndex, root: Path, entry: list[Triple], lang: str = "nl") -> list[Finding]:
    """SHACL results for the entry's own nodes (and what it changes on neighbouring amounts).

    pySHACL runs on the small graph entry + context, and its results are kept for the entry's nodes.
    (pySHACL's own ``focus_nodes`` option is not used: in pySHACL 0.40 it also filters the value
    nodes of nested shapes, which gives false sh:qualifiedMaxCount results and misses sh:or/sh:not
    violations.)
    """
    from .validate import run_pyshacl

    shapes, seq = shapes_for(root)
    ctx = context_triples(gi, entry, seq)
    subjects = {_iri(s) for s, _p, _o in entry}
    nb = {_iri(n) for n in ctx.neighbours}
    data = _rdflib_graph(list(entry) + ctx.triples)

    def mine(f: Finding) -> bool:
        return f.focus in subjects

    def touched(f: Finding) -> bool:  # a result elsewhere that names an entry node or a neighbour
        return not mine(f) and (f.focus in nb or (f.value is not None and (f.value in subjects or f.value in nb)))

    with _PreparedQueries():
        findings = [f for f in run_pyshacl(data, shapes, lang=lang) if mine(f) or touched(f)]
    if any(touched(f) for f in findings):
        # keep there only what the entry introduces (not the neighbours' existing problems)
        entry_set = set(entry)
        base = _rdflib_graph(t for t in ctx.triples if t not in entry_set)
        with _PreparedQueries():
            old = {_fkey(f) for f in run_pyshacl(base, shapes, lang=lang) if touched(f)}
        findings = [f for f in findings if mine(f) or _fkey(f) not in old]
    return findings


def _fkey(f: Finding) -> tuple:
    return (f.focus, f.path, f.value, f.constraint, f.shape, f.severity, f.message)


# ---------------------------------------------------------------- rdgraph's own checks


def _kind_of(entry: list[Triple]) -> dict:
    types: dict = {}
    for s, p, o in entry:
        if p == T_TYPE:
            types.setdefault(s, set()).add(o)
    return types


def own_checks(gi: GraphIndex, entry: Entry, lang: str) -> list[EntryFinding]:
    out: list[EntryFinding] = []
    triples = entry.triples
    src = str(entry.path)
    subjects = {s for s, _p, _o in triples}
    types = _kind_of(triples)
    # terms: predicates and classes
    seen_terms: set = set()
    for _s, p, o in triples:
        for term, as_class in ((p, False), (o, True) if p == T_TYPE else (None, True)):
            if term is None or not isinstance(term, ox.NamedNode) or (term.value, as_class) in seen_terms:
                continue
            seen_terms.add((term.value, as_class))
            if gi.is_known_term(term.value, as_class):
                continue
            cands = [t for t, k in gi.ontology_terms().items() if k == ("class" if as_class else "property")]
            cands += [t for t in KNOWN_EXTERNAL if (t.rsplit("#", 1)[-1].rsplit("/", 1)[-1][:1].isupper())
                      == as_class]
            sugg = _suggest_terms(term.value, cands)
            for s2, p2, o2 in triples:
                if (p2 == term and not as_class) or (as_class and p2 == T_TYPE and o2 == term):
                    out.append(EntryFinding(
                        severity="Violation", focus=_iri(s2), kind="unknown-term",
                        path=(T_TYPE.value if as_class else term.value),
                        value=_show(term) if as_class else _show(o2),
                        message=_m("unknown_class" if as_class else "unknown_prop", lang, value=_short(term.value)),
                        hint=(_m("unknown_term_hint", lang, sugg=" / ".join(_short(x) for x in sugg)) if sugg
                              else None),
                        suggestions=[_short(x) for x in sugg], source_file=src, constraint="unknown-term"))
    # references to things the graph does not hold
    for s, p, o in triples:
        if p == T_TYPE or not isinstance(o, ox.NamedNode) or not o.value.startswith(ID):
            continue
        if o in subjects or gi.any(o, None, None):
            continue
        sugg = _suggest_refs(gi, o.value, p.value)
        out.append(EntryFinding(
            severity="Violation", focus=_iri(s), kind="unknown-reference", path=p.value, value=_show(o),
            message=_m("unknown_ref", lang, value=_short(o.value)),
            hint=(_m("unknown_ref_hint", lang, sugg=" / ".join(sugg)) if sugg else _m("unknown_ref_nohint", lang)),
            suggestions=sugg, source_file=src, constraint="unknown-reference"))
    # datatypes and language tags the ontology expects
    for s, p, o in triples:
        if p == T_TYPE:
            continue
        rng = gi.range_of(p.value) if p.value.startswith(DEF) else None
        if isinstance(o, ox.Literal):
            if o.language and o.language not in ("nl", "en"):
                out.append(EntryFinding(
                    severity="Warning", focus=_iri(s), kind="language-tag", path=p.value, value=_show(o),
                    message=_m("lang_unexpected", lang, tag=o.language, path=_short(p.value)),
                    hint=_m("lang_unexpected_hint", lang), source_file=src, constraint="language-tag"))
            if rng is None:
                continue
            got = T_LANGSTRING if o.language else o.datatype.value
            if rng == T_LANGSTRING and not o.language:
                out.append(EntryFinding(
                    severity="Violation", focus=_iri(s), kind="language-tag", path=p.value, value=_show(o),
                    message=_m("lang_missing", lang, path=_short(p.value)), hint=_m("lang_missing_hint", lang),
                    source_file=src, constraint="language-tag"))
            elif rng.startswith(XSD) or rng == T_LANGSTRING:
                if got != rng:
                    out.append(EntryFinding(
                        severity="Violation", focus=_iri(s), kind="datatype", path=p.value, value=_show(o),
                        message=_m("dt_expected", lang, path=_short(p.value), got=_short(got), want=_short(rng)),
                        hint=_dt_hint(rng, lang), source_file=src, constraint="datatype"))
            elif gi.ontology_terms().get(rng) == "class" or rng.startswith(DEF):
                out.append(EntryFinding(
                    severity="Violation", focus=_iri(s), kind="datatype", path=p.value, value=_show(o),
                    message=_m("literal_for_ref", lang, path=_short(p.value)),
                    hint=_m("literal_for_ref_hint", lang), source_file=src, constraint="datatype"))
        elif rng and (rng.startswith(XSD) or rng == T_LANGSTRING):
            out.append(EntryFinding(
                severity="Violation", focus=_iri(s), kind="datatype", path=p.value, value=_show(o),
                message=_m("ref_for_literal", lang, path=_short(p.value)), hint=_dt_hint(rng, lang),
                source_file=src, constraint="datatype"))
    # duplicate deals
    for deal, ts in types.items():
        if RDG_DEAL not in ts:
            continue
        if isinstance(deal, ox.NamedNode) and gi.any(deal, T_TYPE, RDG_DEAL):
            out.append(EntryFinding(
                severity="Violation", focus=deal.value, kind="duplicate", path=T_TYPE.value,
                value=_short(deal.value), message=_m("dup_iri", lang, value=_short(deal.value)),
                hint=_m("dup_hint", lang), source_file=src, constraint="duplicate"))
            continue
        names = {_norm(o.value): o.value for s, p, o in triples
                 if s == deal and p in (T_LABEL, T_PREF, T_ALT) and isinstance(o, ox.Literal)}
        for _s, _p, tr in [t for t in triples if t[0] == deal and t[1] == RDG_TRANCHE]:
            if not isinstance(tr, ox.NamedNode):
                continue
            for other, _p2, _o2 in gi.triples(None, RDG_TRANCHE, tr):
                if other == deal:
                    continue
                for _s3, _p3, lab in (gi.triples(other, T_LABEL, None) + gi.triples(other, T_PREF, None)
                                      + gi.triples(other, T_ALT, None)):
                    if isinstance(lab, ox.Literal) and _norm(lab.value) in names:
                        out.append(EntryFinding(
                            severity="Violation", focus=deal.value, kind="duplicate", path=_p3.value,
                            value=_show(ox.Literal(names[_norm(lab.value)])),
                            message=_m("dup_name", lang, name=names[_norm(lab.value)],
                                       tranche=tr.value.rsplit("/", 1)[-1], other=_short(other.value)),
                            hint=_m("dup_hint", lang), suggestions=[_short(other.value)],
                            source_file=src, constraint="duplicate"))
                        break
                else:
                    continue
                break
    return out


def _dt_hint(rng: str, lang: str) -> str:
    key = {XSD + "decimal": "dt_hint_decimal", XSD + "integer": "dt_hint_integer", XSD + "date": "dt_hint_date",
           XSD + "boolean": "dt_hint_boolean", XSD + "string": "dt_hint_string",
           T_LANGSTRING: "lang_missing_hint"}.get(rng)
    return _m(key, lang) if key else _m("dt_hint_generic", lang, want=_short(rng))


def _norm(name: str) -> str:
    n = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    n = re.sub(r"^regio ?deal\s*", "", n.strip())
    return re.sub(r"[\s\-–_,.:;'\"]+", " ", n).strip()


def _iri(node) -> str:
    return node.value if isinstance(node, ox.NamedNode) else f"_:{node.value}"


def _suggest_terms(iri: str, candidates: list[str]) -> list[str]:
    local = re.split(r"[#/]", iri)[-1]
    by_local: dict[str, list[str]] = {}
    for c in candidates:
        by_local.setdefault(re.split(r"[#/]", c)[-1].lower(), []).append(c)
    hits = _suggest(local.lower(), by_local, n=3, cutoff=0.6)
    out: list[str] = []
    for h in hits:
        same_ns = [c for c in by_local[h] if c.startswith(iri[: len(iri) - len(local)])]
        out.extend(same_ns or by_local[h])
    return out[:3]


def _suggest_refs(gi: GraphIndex, iri: str, prop: str) -> list[str]:
    rest = iri[len(ID):]
    seg, _, slug = rest.partition("/")
    cls = SEGMENT_CLASS.get(seg) or gi.range_of(prop)
    cands: list[str] = gi.instances(cls) if cls else []
    if not cands:
        return []
    by_slug: dict[str, str] = {}
    for c in cands:
        if c.startswith(ID + seg + "/"):
            by_slug.setdefault(c[len(ID + seg + "/"):], c)
        else:
            by_slug.setdefault(c.rsplit("/", 1)[-1], c)
    hits = _suggest(slug, by_slug, n=3, cutoff=0.5)
    out = []
    for h in hits:
        c = by_slug[h]
        lab = gi.label(ox.NamedNode(c), "nl")
        out.append(f"{_short(c)} ({lab})" if lab else _short(c))
    return out


# ---------------------------------------------------------------- entities and rendering of shape results


def _entities(gi: GraphIndex, triples: list[Triple], lang: str) -> tuple[dict, dict]:
    """Entity of each entry node (a deal, an intervention, or the node itself) and entity kinds/labels."""
    types = _kind_of(triples)
    ent_kind: dict = {}
    for n, ts in types.items():
        if RDG_DEAL in ts:
            ent_kind[n] = "deal"
        elif RDG_INTERVENTION in ts:
            ent_kind[n] = "intervention"
    links = (RDG_FUNDING_OF, RDG_ATTRIBUTED_TO, T_SUBJECT, RDG_PART_OF, RDG_DEAL_PROP)
    owner: dict = {}
    for s, _p, _o in triples:
        if s in ent_kind:
            owner[s] = s
    for s, p, o in triples:
        if s not in owner and p in links and o in ent_kind:
            owner[s] = o
    for s, p, o in triples:
        if s not in owner and p in links and isinstance(o, ox.NamedNode):
            owner[s] = o
            if gi.any(o, T_TYPE, RDG_DEAL):
                ent_kind.setdefault(o, "deal")
            elif gi.any(o, T_TYPE, RDG_INTERVENTION):
                ent_kind.setdefault(o, "intervention")
    labels: dict[str, tuple[str, str | None]] = {}
    for n in set(owner.values()) | {s for s, _p, _o in triples}:
        lab = None
        for s, p, o in triples:
            if s == n and p == T_LABEL and isinstance(o, ox.Literal) and o.language == lang:
                lab = o.value
        if lab is None and isinstance(n, ox.NamedNode):
            lab = gi.label(n, lang)
        labels[_iri(n)] = (ent_kind.get(n, "other"), lab)
    return {_iri(k): _iri(v) for k, v in owner.items()}, labels


YEAR_PROPS = {"startYear", "endYear", "year"}


def _from_shape(f: Finding, triples: list[Triple], lang: str, src: str) -> EntryFinding:
    comp = (f.constraint or "").replace("ConstraintComponent", "")
    value = f.value
    if value is not None and f.path:
        for s, p, o in triples:
            if _iri(s) == f.focus and p.value == f.path and o.value == value:
                value = _show(o)
                break
        else:
            if value.startswith(("http://", "https://")):
                value = _short(value)
    hint_key = comp
    if comp in ("MinInclusive", "MaxInclusive") and f.path and f.path.rsplit("#", 1)[-1] in YEAR_PROPS:
        hint_key = "MinInclusiveYear"
    hint = SHAPE_HINTS.get(hint_key, SHAPE_HINTS[""]).get(lang)
    if hint:
        hint = hint.format(path=_short(f.path) if f.path else "")
    return EntryFinding(severity=f.severity, focus=f.focus, message=f.message, path=f.path, value=value,
                        shape=f.shape, constraint=f.constraint, hint=hint, focus_label=f.focus_label,
                        source_file=src, kind=f"sh:{comp}" if comp else "sh:?")


# ---------------------------------------------------------------- validate


def check_entries(kg, entries: list[Entry], lang: str = "nl") -> EntryReport:
    """Validate parsed entries against the shapes and rdgraph's checks, in the context of ``kg``."""
    t0 = time.perf_counter()
    gi = GraphIndex(kg.store)
    report = EntryReport(lang=lang, files=[str(e.path) for e in entries])
    all_triples: list[Triple] = []
    src_of: dict[str, str] = {}
    for e in entries:
        all_triples.extend(e.triples)
        for s, _p, _o in e.triples:
            src_of.setdefault(_iri(s), str(e.path))
        if not e.triples:
            report.findings.append(EntryFinding(
                severity="Violation", focus=e.path.resolve().as_uri(), message=_m("empty", lang), kind="empty",
                hint=_m("empty_hint", lang),
                source_file=str(e.path), constraint="empty"))
    owner, labels = _entities(gi, all_triples, lang)
    own: list[EntryFinding] = []
    for e in entries:
        own.extend(own_checks(gi, e, lang))
    t1 = time.perf_counter()
    shape = [_from_shape(f, all_triples, lang, src_of.get(f.focus, "")) for f in
             shape_findings(gi, kg.root, all_triples, lang)] if all_triples else []
    t2 = time.perf_counter()
    # an rdgraph datatype/language finding says the same as a shape result on the same value: keep one
    covered = {(f.focus, f.path, f.value) for f in shape}
    own = [f for f in own if not (f.kind in ("datatype", "language-tag") and (f.focus, f.path, f.value) in covered)]
    # a shape result about a reference the graph does not hold gets the suggestions too
    refs = {(f.focus, f.path, f.value): f for f in own if f.kind == "unknown-reference"}
    for f in shape:
        r = refs.get((f.focus, f.path, f.value))
        if r is not None:
            f.hint, f.suggestions = r.hint, list(r.suggestions)
    findings = own + shape
    for f in findings:
        f.entity = owner.get(f.focus) or owner.get(_value_iri(f.value)) or f.focus
        if f.focus_label is None:
            f.focus_label = labels.get(f.focus, ("other", None))[1]
    report.findings = [*report.findings, *_dedupe(findings)]
    report.entities = {k: v for k, v in labels.items() if k in set(owner.values()) | set(owner)}
    for f in report.findings:
        ent = getattr(f, "entity", None) or f.focus
        report.entities.setdefault(ent, labels.get(ent, ("other", None)))
    report.timings = {"own_checks": t1 - t0, "shapes": t2 - t1, "total": time.perf_counter() - t0}
    return report


def _value_iri(value: str | None) -> str:
    """The IRI behind a short value as rendered in a finding ('bedrag:x' -> full IRI)."""
    if not value:
        return ""
    if ":" in value and not value.startswith(("<", '"', "http")):
        pfx, _, local = value.partition(":")
        if pfx in PREFIXES:
            return PREFIXES[pfx] + local
    return value.strip("<>")


def _dedupe(findings: list[EntryFinding]) -> list[EntryFinding]:
    seen: set = set()
    out = []
    for f in findings:
        k = (f.focus, f.path, f.value, f.kind, f.severity, f.message)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


def validate_entries(kg, files: Sequence[str | Path], lang: str = "nl", fmt: str | None = None) -> EntryReport:
    """Validate entry files in the context of the graph. Raises ParseError for a file that does not parse."""
    entries = read_entries(files, fmt, lang)
    report = check_entries(kg, entries, lang)
    report.checked = "validate"
    return report


# ---------------------------------------------------------------- add


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
                    raise LockBusyError(_m("locked", self.lang, lock=str(self.path)),
                                        _m("locked_hint", self.lang)) from None
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
    types = _kind_of(triples)
    deals = {n for n, ts in types.items() if RDG_DEAL in ts}
    owner: dict = {d: d for d in deals}
    links = (RDG_DEAL_PROP, RDG_FUNDING_OF, RDG_ATTRIBUTED_TO, T_SUBJECT, RDG_PART_OF)
    changed = True
    while changed:
        changed = False
        for s, p, o in triples:
            if s in owner or p not in links:
                continue
            if o in owner:
                owner[s] = owner[o]
                changed = True
            elif isinstance(o, ox.NamedNode) and p in (RDG_DEAL_PROP, RDG_FUNDING_OF, RDG_ATTRIBUTED_TO) and \
                    gi.any(o, T_TYPE, RDG_DEAL):
                owner[s] = o
                changed = True
    default = sorted(deals, key=str)[0] if deals else (sorted(set(owner.values()), key=str) or [None])[0]
    for s, _p, _o in triples:
        owner.setdefault(s, default)
    return owner


def add_entries(kg_loader, root: Path, files: Sequence[str | Path], lang: str = "nl", fmt: str | None = None,
                wait: float = 0.0) -> EntryReport:
    """Validate entries and, only without violations, write them to data/deals/<slug>.ttl.

    ``kg_loader`` is called under the lock, so the graph checked against is the current one (two
    ``add`` runs of the same deal: the second sees the first and refuses a duplicate).
    """
    from .paths import artefact_dir

    entries = read_entries(files, fmt, lang)
    data_dir = artefact_dir("data", root)
    with DataLock(data_dir, wait=wait, lang=lang):
        _clean_stale_temps(data_dir / "deals")
        kg = kg_loader()
        report = check_entries(kg, entries, lang)
        report.checked = "add"
        if not report.conforms:
            return report
        all_triples = [t for e in entries for t in e.triples]
        gi = GraphIndex(kg.store)
        owner = _owner_deal(gi, all_triples)
        by_file: dict[Path, list[Triple]] = {}
        for t in all_triples:
            d = owner.get(t[0])
            slug = deal_slug(d.value) if isinstance(d, ox.NamedNode) else deal_slug(entries[0].path.stem)
            by_file.setdefault(data_dir / "deals" / f"{slug}.ttl", []).append(t)
        for path, triples in sorted(by_file.items()):
            existing: list[Triple] = []
            if path.exists():
                existing = [(q.subject, q.predicate, q.object) for q in parse_file(path, ox.DefaultGraph())]
            text = to_turtle(existing + triples, header=_header(path, existing))
            _write_atomic(path, text.encode("utf-8"))
            report.written.append(str(path))
    return report


def _header(path: Path, existing: list[Triple]) -> str:
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
    from .fileio import write_bytes_atomic

    write_bytes_atomic(path, data, before_rename=lambda: _crash_if("before-rename"))
    _crash_if("after-rename")


# ---------------------------------------------------------------- deterministic Turtle

_INT_RE = re.compile(r"^[+-]?[0-9]+$")
_PN_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?$")
_SUBJECT_RANK = {DEF + "RegioDeal": 0, DEF + "Intervention": 1, DEF + "FundingAmount": 2,
                 DEF + "ThemeAttribution": 3, RDF + "Statement": 5}


def _turtle_term(term, bnodes: dict) -> str:
    if isinstance(term, ox.NamedNode):
        for p, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if term.value.startswith(ns) and _PN_LOCAL.match(term.value[len(ns):]):
                return f"{p}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return bnodes[term]
    if term.language:
        return _quote(term.value) + "@" + term.language
    dt = term.datatype.value
    if dt == XSD + "string":
        return _quote(term.value)
    if dt == XSD + "integer" and _INT_RE.match(term.value):
        return term.value
    if dt == XSD + "boolean" and term.value in ("true", "false"):
        return term.value
    return _quote(term.value) + "^^" + _turtle_term(ox.NamedNode(dt), bnodes)


def _quote(s: str) -> str:
    return '"' + (s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                  .replace("\r", "\\r").replace("\t", "\\t")) + '"'


def to_turtle(triples: Iterable[Triple], header: str = "") -> str:
    """Sorted, deterministic Turtle with the project's prefixes: the same triples give the same bytes.

    Subjects: deals, interventions, amounts, attributions, other nodes, then statements; within each
    by IRI. Predicates: rdf:type first, then by prefixed name; objects sorted. Blank nodes get
    labels from their sorted content, so they are stable too.
    """
    uniq = sorted(set(triples), key=str)
    subjects: dict = {}
    for s, p, o in uniq:
        subjects.setdefault(s, []).append((p, o))
    # stable blank node labels: by the sorted text of their own triples (ignoring other blank nodes)
    bkeys = {}
    for s, po in subjects.items():
        if isinstance(s, ox.BlankNode):
            bkeys[s] = "|".join(sorted(f"{p.value} {'_' if isinstance(o, ox.BlankNode) else str(o)}" for p, o in po))
    bnodes: dict = {}
    for po in subjects.values():
        for _p, o in po:
            if isinstance(o, ox.BlankNode):
                bkeys.setdefault(o, "")
    for i, b in enumerate(sorted(bkeys, key=lambda b: (bkeys[b], str(b)))):
        bnodes[b] = f"_:b{i}"

    def rank(s) -> tuple:
        types = [o.value for p, o in subjects[s] if p == T_TYPE and isinstance(o, ox.NamedNode)]
        r = min([_SUBJECT_RANK.get(t, 4) for t in types] or [4])
        return (r, _turtle_term(s, bnodes))

    used: set[str] = set()
    body: list[str] = []
    for s in sorted(subjects, key=rank):
        po = sorted(subjects[s], key=lambda x: (x[0] != T_TYPE, _turtle_term(x[0], bnodes),
                                                  _turtle_term(x[1], bnodes)))
        lines = [_turtle_term(s, bnodes)]
        groups: list[tuple[str, list[str]]] = []
        for p, o in po:
            ps = "a" if p == T_TYPE else _turtle_term(p, bnodes)
            if groups and groups[-1][0] == ps:
                groups[-1][1].append(_turtle_term(o, bnodes))
            else:
                groups.append((ps, [_turtle_term(o, bnodes)]))
        for i, (ps, objs) in enumerate(groups):
            end = " ." if i == len(groups) - 1 else " ;"
            lines.append(f"    {ps} " + " ,\n        ".join(objs) + end)
        block = "\n".join(lines)
        body.append(block)
        unquoted = re.sub(r'"(?:[^"\\]|\\.)*"', "", block)
        used.update(re.findall(r"(?<![\w\"<])([a-z][a-z0-9]*):(?=[A-Za-z0-9_])", unquoted))
    pre = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items()) if p in used]
    return header + "\n".join(pre) + "\n\n" + "\n\n".join(body) + "\n"


__all__ = ["EntryReport", "EntryFinding", "validate_entries", "add_entries", "check_entries", "read_entries",
           "context_triples", "shape_findings", "own_checks", "GraphIndex", "JSON_SCHEMA_DOC", "to_turtle", "asdict"]
