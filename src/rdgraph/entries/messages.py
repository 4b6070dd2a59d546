"""The nl/en messages and hints of the entry checks."""

from __future__ import annotations

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
    "parse_hint_jsonld": {
        "nl": "controleer de JSON op die plek (een komma na het laatste element, een ontbrekende '}}' of ']' of "
              "een aanhalingsteken is de gebruikelijke oorzaak; een prefix als \"rdg:\" hoort in \"@context\")",
        "en": "check the JSON near that position (a comma after the last element, a missing '}}' or ']' or a quote "
              "is the usual cause; a prefix such as \"rdg:\" belongs in \"@context\")"},
    "parse_hint_ntriples": {
        "nl": "controleer die regel: in N-Triples is elke regel één triple met volledige IRI's tussen < >, "
              "eindigend op ' .' (prefixen bestaan niet)",
        "en": "check that line: in N-Triples each line is one triple with full IRIs in < >, ending in ' .' "
              "(there are no prefixes)"},
    "locked": {
        "nl": "een andere 'rdgraph add' is bezig met data/ (slot {lock}); probeer het zo opnieuw",
        "en": "another 'rdgraph add' is working on data/ (lock {lock}); try again in a moment"},
    "locked_hint": {
        "nl": "wacht tot die klaar is, of geef --wait SECONDEN om te wachten",
        "en": "wait until it finishes, or pass --wait SECONDS to wait for it"},
    "unknown_value_term": {
        "nl": "{value} bestaat niet: de ontologie definieert die term niet en de kennisgraaf kent geen ding "
              "met die naam.",
        "en": "{value} does not exist: the ontology defines no such term and the knowledge graph holds no such thing."},
    "dt_hint_fixed": {"nl": "Schrijf {fixed}.", "en": "Write {fixed}."},
    "date_future": {
        "nl": "De datum {value} ligt na {limit} (vandaag plus {days} dagen); de data legt vast wat er gebeurd is.",
        "en": "The date {value} lies after {limit} (today plus {days} days); the data records what happened."},
    "date_future_hint": {
        "nl": "Controleer het jaartal (een tikfout zoals 2035 voor 2025?); de marge is in te stellen met "
              "RDGRAPH_FUTURE_MARGIN_DAYS.",
        "en": "Check the year (a typo such as 2035 for 2025?); the margin can be set with "
              "RDGRAPH_FUTURE_MARGIN_DAYS."},
    "dup_source": {
        "nl": "De bron {url} hoort al bij een andere Regio Deal, {other} ({label}): waarschijnlijk dezelfde deal "
              "onder een nieuwe IRI.",
        "en": "The source {url} already belongs to another Regio Deal, {other} ({label}): probably the same deal "
              "under a new IRI."},
    "dup_source_hint": {
        "nl": "Is het dezelfde deal? Vul dan {other} aan in plaats van een nieuwe deal te maken. Is het een "
              "vervolgdeal? Noem {other} dan als rdg:predecessor.",
        "en": "Is it the same deal? Then add to {other} instead of creating a new deal. Is it a follow-up deal? "
              "Then name {other} as rdg:predecessor."},
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
    "LanguageIn": {"nl": "Zet @nl (Nederlands) of @en (Engels) achter de tekst, bijv. \"...\"@nl; een naam in "
                         "een andere taal laat u weg.",
                   "en": "Put @nl (Dutch) or @en (English) after the text, e.g. \"...\"@nl; leave out a name in "
                         "another language."},
    "UniqueLang": {"nl": "Geef hoogstens één tekst per taal; andere spellingen horen in skos:altLabel.",
                   "en": "Give at most one text per language; other spellings belong in skos:altLabel."},
    "NodeKind": {"nl": "Schrijf een verwijzing (IRI) zonder aanhalingstekens.",
                 "en": "Write a reference (IRI) without quotes."},
    "SPARQL": {"nl": "Zie de melding.", "en": "See the message."},
    "SPARQL:RijksbijdrageShape": {
        "nl": "Controleer de bedragen en hun bronnen: verlaag de rijksbijdrage of verhoog het totale budget zoals "
              "de bron ze noemt.",
        "en": "Check the amounts and their sources: lower the Rijk's contribution or raise the total budget as the "
              "source gives them."},
    "SPARQL:RijksbijdrageOtherSourceShape": {
        "nl": "Controleer of beide bronnen dezelfde periode en hetzelfde onderdeel bedoelen; geef anders beide "
              "bedragen een rdg:periodLabel.",
        "en": "Check that both sources mean the same period and part; otherwise give both amounts an "
              "rdg:periodLabel."},
    "SPARQL:PredecessorSelf": {
        "nl": "Haal rdg:predecessor {value} weg, of noem de deal waarop deze voortbouwt (bijv. deal:foodvalley "
              "voor deal:foodvalley-ii).",
        "en": "Remove rdg:predecessor {value}, or name the deal this one builds on (e.g. deal:foodvalley for "
              "deal:foodvalley-ii)."},
    "SPARQL:PredecessorOrderShape": {
        "nl": "Noem als voorganger de deal uit een eerdere tranche (vaak dezelfde naam zonder II/III), of "
              "controleer de tranche van deze deal.",
        "en": "Name as predecessor the deal of an earlier tranche (often the same name without II/III), or check "
              "this deal's tranche."},
    "SPARQL:DealDateWindowShape": {
        "nl": "Controleer het jaartal van de datum, of de tranche van de deal.",
        "en": "Check the year of the date, or the deal's tranche."},
    "Not": {"nl": "Haal de genoemde waarde weg.", "en": "Remove the value named."},
    "HasValue": {"nl": "Vul de genoemde waarde in.", "en": "Fill in the value named."},
    "Pattern": {"nl": "Controleer de schrijfwijze (zie de melding).", "en": "Check the spelling (see the message)."},
    "": {"nl": "Zie de melding.", "en": "See the message."},
}


# The RDF parsers (Oxigraph) explain a syntax error in English; these are the explanations a
# steward meets, in Dutch. An explanation not listed is kept and introduced as the parser's own words.
PARSER_DETAILS: list[tuple[str, str]] = [
    (r"Parser error at line (\d+) between columns (\d+) and (\d+): (.*)", "{3}"),
    (r"A dot is expected at the end of statements", "aan het eind van een uitspraak hoort een punt ('.')"),
    (r"Quads must be followed by a dot", "elke regel hoort met een punt ('.') te eindigen"),
    (r"Triples must be followed by a dot", "elke regel hoort met een punt ('.') te eindigen"),
    (r"Unexpected end of file", "het bestand houdt onverwacht op (een tekst zonder sluitend aanhalingsteken, "
                                "of een ontbrekende '.' aan het eind?)"),
    (r"The prefix (\S+) has not been declared", "het prefix {0} is niet gedeclareerd"),
    (r"Trailing commas are not allowed", "na het laatste element van een lijst of object mag geen komma staan"),
    (r"(\S+) is not a valid RDF object", "{0} is geen geldige waarde (object) van een triple"),
    (r"(@\w+) value must be a string", "de waarde van {0} moet een tekst zijn"),
    (r"cannot tell the RDF format from the extension '(.*)'",
     "kan aan de extensie '{0}' niet zien welk RDF-formaat het bestand heeft"),
]


def parse_detail(detail: str, lang: str) -> str:
    """The parser's explanation of a syntax error in ``lang`` (Oxigraph's own words are English)."""
    import re

    if lang == "en":
        return detail
    for _ in range(2):  # 'Parser error at ...: <explanation>' unwraps to the explanation, then translates
        for pattern, nl in PARSER_DETAILS:
            m = re.fullmatch(pattern, detail.strip())
            if m:
                detail = nl.format(*m.groups())
                break
        else:
            break
    if detail and detail[0].isupper() and detail.isascii():
        return f"de lezer meldt: {detail}"
    return detail


def parse_hint(path: object, fmt: str | None, lang: str) -> str:
    """A hint for a syntax error that fits the file's format (Turtle, N-Triples, JSON-LD)."""
    from pathlib import Path

    ext = (fmt or Path(str(path)).suffix.lstrip(".")).lower()
    if "json" in ext:
        return msg("parse_hint_jsonld", lang)
    if ext in ("nt", "ntriples", "n-triples", "nq"):
        return msg("parse_hint_ntriples", lang)
    return msg("parse_hint", lang)


def msg(key: str, lang: str, **kw: object) -> str:
    d = MSG[key]
    return d.get(lang, d["en"]).format(**kw)



def hint_in_format(hint: str | None, kind: str) -> str | None:
    """A hint's Turtle snippets in the entry's own syntax: JSON-LD gets ``{"@value": ..., "@type": ...}``
    and ``{"@id": ...}``, N-Triples full IRIs in ``< >``; Turtle (and unknown formats) as written."""
    import re

    from .terms import PREFIXES

    if not hint or kind not in ("json", "nt"):
        return hint

    def iri(pname: str) -> str:
        p, _, local = pname.partition(":")
        return PREFIXES[p] + local if p in PREFIXES else pname

    lit = re.compile(r'"((?:[^"\\]|\\.)*)"(?:\^\^([a-z]+:[A-Za-z]+)|@([a-z]{2}))?')
    pname = re.compile(r"(?<![\w/<#\"])\b(" + "|".join(sorted(PREFIXES, key=len, reverse=True))
                       + r"):([A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9_]|[A-Za-z0-9])")
    if kind == "json":
        def lit_json(m: re.Match) -> str:
            if m.group(2):
                return f'{{"@value": "{m.group(1)}", "@type": "{iri(m.group(2))}"}}'
            if m.group(3):
                return f'{{"@value": "{m.group(1)}", "@language": "{m.group(3)}"}}'
            return m.group(0)
        out = lit.sub(lit_json, hint)
        return pname.sub(lambda m: f'{{"@id": "{iri(m.group(0))}"}}', out) if "@value" not in out else out

    def lit_nt(m: re.Match) -> str:
        if m.group(2):
            return f'"{m.group(1)}"^^<{iri(m.group(2))}>'
        return m.group(0)
    out = lit.sub(lit_nt, hint)
    return pname.sub(lambda m: f"<{iri(m.group(0))}>", out)
