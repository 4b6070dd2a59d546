"""rdgraph's messages in Dutch: new entries: their checks, the entry form and template, severities, resource limits.

Key -> text with ``{placeholders}``."""

MESSAGES: dict[str, str] = {
    "entry.date_future": (
        "De datum {value} ligt na {limit} (vandaag plus {days} dagen); de data legt vast wat er gebeurd "
        "is."
    ),
    "entry.date_future_hint": (
        "Controleer het jaartal (een tikfout zoals 2035 voor 2025?); de marge is in te stellen met "
        "RDGRAPH_FUTURE_MARGIN_DAYS."
    ),
    "entry.dt_expected": "De waarde van {path} heeft datatype {got}, verwacht is {want}.",
    "entry.dt_hint_boolean": "Schrijf true of false zonder aanhalingstekens.",
    "entry.dt_hint_date": "Schrijf een datum als \"2024-05-01\"^^xsd:date.",
    "entry.dt_hint_decimal": (
        "Schrijf een getal zonder aanhalingstekens en met decimalen, bijv. 7500000.00 (of "
        "\"7500000\"^^xsd:decimal); bedragen in hele euro's, niet in miljoenen."
    ),
    "entry.dt_hint_fixed": "Schrijf {fixed}.",
    "entry.dt_hint_generic": "Schrijf de waarde als {want}.",
    "entry.dt_hint_integer": "Schrijf een geheel getal zonder aanhalingstekens, bijv. 2024 (geen \"2024\" of 24).",
    "entry.dt_hint_string": "Schrijf een tekst zonder taalcode, bijv. \"2024-2028\".",
    "entry.dup_hint": (
        "Is dit dezelfde deal? Vul dan de bestaande deal aan in plaats van een nieuwe te maken; zo niet, "
        "kies een naam die de deals onderscheidt."
    ),
    "entry.dup_iri": "Deze Regio Deal staat al in de kennisgraaf ({value}); een deal voegt u maar één keer toe.",
    "entry.dup_name": "Er is al een Regio Deal met de naam \"{name}\" in tranche {tranche}: {other}.",
    "entry.dup_source": (
        "De bron {url} hoort al bij een andere Regio Deal, {other} ({label}): waarschijnlijk dezelfde "
        "deal onder een nieuwe IRI."
    ),
    "entry.dup_source_hint": (
        "Is het dezelfde deal? Vul dan {other} aan in plaats van een nieuwe deal te maken. Is het een "
        "vervolgdeal? Noem {other} dan als rdg:predecessor."
    ),
    "entry.empty": "Het bestand bevat geen enkel triple.",
    "entry.empty_hint": "Begin met het sjabloon van 'rdgraph new-deal'.",
    "entry.kind.deal": "Regio Deal",
    "entry.kind.intervention": "Interventie",
    "entry.kind.other": "Onderdeel",
    "entry.lang_missing": "De tekst bij {path} heeft geen taalcode; verwacht is een tekst met @nl of @en.",
    "entry.lang_missing_hint": "Zet de taalcode achter de tekst, bijv. \"...\"@nl.",
    "entry.lang_unexpected": "De taalcode @{tag} bij {path} is niet een van de verwachte (@nl, @en).",
    "entry.lang_unexpected_hint": "Gebruik @nl voor Nederlands en @en voor Engels (kleine letters, twee letters).",
    "entry.literal_for_ref": "{path} verwacht een verwijzing naar een ding (een IRI), geen tekst.",
    "entry.literal_for_ref_hint": "Schrijf de verwijzing zonder aanhalingstekens, bijv. opgave:9.",
    "entry.locked": "een andere 'rdgraph add' is bezig met data/ (slot {lock}); probeer het zo opnieuw",
    "entry.locked_hint": "wacht tot die klaar is, of geef --wait SECONDEN om te wachten",
    "entry.no_files": "geef een of meer bestanden",
    "entry.parse": "kan het bestand niet lezen: {detail}",
    "entry.parse_hint": (
        "controleer de syntaxis op die plek (een ontbrekende '.', ';' of een aanhalingsteken is de "
        "gebruikelijke oorzaak; prefixen moeten met @prefix zijn gedeclareerd)"
    ),
    "entry.parse_hint_jsonld": (
        "controleer de JSON op die plek (een komma na het laatste element, een ontbrekende '}}' of ']' of"
        " een aanhalingsteken is de gebruikelijke oorzaak; een prefix als \"rdg:\" hoort in \"@context\")"
    ),
    "entry.parse_hint_ntriples": (
        "controleer die regel: in N-Triples is elke regel één triple met volledige IRI's tussen < >, "
        "eindigend op ' .' (prefixen bestaan niet)"
    ),
    "entry.ref_for_literal": "{path} verwacht een waarde (tekst, getal of datum), geen verwijzing.",
    "entry.relative_iri": "relatieve IRI {ref}: het bestand heeft geen @base, dus de IRI is onvolledig",
    "entry.relative_iri_hint": (
        "schrijf de volledige IRI (https://w3id.org/rdgraph/id/...) of een prefix zoals regiodeal:naam"
    ),
    "entry.shape_hint.Class": "Verwijs naar een bestaand ding van de juiste soort.",
    "entry.shape_hint.Datatype": (
        "Controleer de schrijfwijze van de waarde (getal, jaartal, datum of tekst met taalcode)."
    ),
    "entry.shape_hint.HasValue": "Vul de genoemde waarde in.",
    "entry.shape_hint.In": "Kies een waarde uit de lijst in de melding.",
    "entry.shape_hint.LanguageIn": (
        "Zet @nl (Nederlands) of @en (Engels) achter de tekst, bijv. \"...\"@nl; een naam in een andere "
        "taal laat u weg."
    ),
    "entry.shape_hint.LessThanOrEquals": "Het begin ligt na het einde: controleer begin- en eindjaar.",
    "entry.shape_hint.MaxCount": "Laat bij {path} maar één waarde staan.",
    "entry.shape_hint.MaxInclusive": "De waarde is te groot.",
    "entry.shape_hint.MinCount": "Vul {path} in; dat is verplicht.",
    "entry.shape_hint.MinInclusive": "De waarde is te klein, of geen getal.",
    "entry.shape_hint.MinInclusiveYear": (
        "Een jaartal schrijft u voluit als geheel getal (2024, niet 24 of \"2024\")."
    ),
    "entry.shape_hint.NodeKind": "Schrijf een verwijzing (IRI) zonder aanhalingstekens.",
    "entry.shape_hint.Not": "Haal de genoemde waarde weg.",
    "entry.shape_hint.Or": (
        "Verwijs naar een bestaand ding van een van de genoemde soorten, of vul aan wat ontbreekt."
    ),
    "entry.shape_hint.Pattern": "Controleer de schrijfwijze (zie de melding).",
    "entry.shape_hint.QualifiedMaxCount": "Laat bij {path} hoogstens één waarde van deze soort staan.",
    "entry.shape_hint.QualifiedMinCount": "Voeg de ontbrekende waarde van {path} toe (zie de melding).",
    "entry.shape_hint.SPARQL": "Zie de melding.",
    "entry.shape_hint.SPARQL:DealDateWindowShape": "Controleer het jaartal van de datum, of de tranche van de deal.",
    "entry.shape_hint.SPARQL:PredecessorOrderShape": (
        "Noem als voorganger de deal uit een eerdere tranche (vaak dezelfde naam zonder II/III), of "
        "controleer de tranche van deze deal."
    ),
    "entry.shape_hint.SPARQL:PredecessorSelf": (
        "Haal rdg:predecessor {value} weg, of noem de deal waarop deze voortbouwt (bijv. regiodeal:foodvalley "
        "voor regiodeal:foodvalley-ii)."
    ),
    "entry.shape_hint.SPARQL:RijksbijdrageOtherSourceShape": (
        "Controleer of beide bronnen dezelfde periode en hetzelfde onderdeel bedoelen; geef anders beide "
        "bedragen een rdg:periodLabel."
    ),
    "entry.shape_hint.SPARQL:RijksbijdrageShape": (
        "Controleer de bedragen en hun bronnen: verlaag de rijksbijdrage of verhoog het totale budget "
        "zoals de bron ze noemt."
    ),
    "entry.shape_hint.UniqueLang": "Geef hoogstens één tekst per taal; andere spellingen horen in skos:altLabel.",
    "entry.shape_hint.other": "Zie de melding.",
    "entry.unknown_class": "De klasse {value} bestaat niet in de ontologie.",
    "entry.unknown_prop": "De eigenschap {value} bestaat niet in de ontologie.",
    "entry.unknown_ref": (
        "Verwijst naar {value}, maar dat staat niet in de kennisgraaf (en ook niet in dit bestand)."
    ),
    "entry.unknown_ref_hint": "Bedoelt u {sugg}?",
    "entry.unknown_ref_nohint": "Controleer de spelling, of voeg het ding eerst toe.",
    "entry.unknown_term_hint": "Bedoelt u {sugg}? (een tikfout in de naam van een eigenschap of klasse)",
    "entry.unknown_value_term": (
        "{value} bestaat niet: de ontologie definieert die term niet en de kennisgraaf kent geen ding met"
        " die naam."
    ),
    "limit.hint": "vertrouwt u deze invoer, verhoog dan de grens met --max {limit}=N of {env}=N",
    "limit.name.depth": "nestingsdiepte",
    "limit.name.entry_triples": "triples in de invoer",
    "limit.name.input_bytes": "bestandsgrootte (bytes)",
    "limit.name.list_length": "lengte van een lijst (elementen)",
    "limit.name.literal_bytes": "lengte van een waarde (tekens)",
    "limit.name.numeric_exponent": "grootte van een getal (exponent of cijfers)",
    "limit.name.query_bytes": "grootte van de querytekst (bytes)",
    "limit.name.query_depth": "nestingsdiepte van de query",
    "limit.name.query_seconds": "looptijd van de query (seconden)",
    "limit.name.remote_bytes": "grootte van het antwoord van het endpoint (bytes)",
    "limit.name.remote_seconds": "looptijd van het antwoord van het endpoint (seconden)",
    "limit.name.result_bytes": "grootte van het antwoord (bytes)",
    "limit.name.result_rows": "rijen in het antwoord",
    "limit.over": "{what}: {value} is boven de grens van {maximum}",
    "limit.over_count": "{what}: meer dan {maximum}, de grens",
    "severity.Info": "info",
    "severity.Violation": "fout",
    "severity.Warning": "waarschuwing",
    "template.alt": "andere schrijfwijzen van de naam",
    "template.attr": "Opgaven (rode draden) die de deal aanpakt: één toekenning per opgave",
    "template.closed": "kies één uit",
    "template.deal": "De deal zelf",
    "template.fill": "VUL-IN",
    "template.head": (
        "Nieuwe Regio Deal: {name} (tranche {tranche}).\n"
        "Vul de velden in en controleer met:  rdgraph validate {slug}.ttl\n"
        "Voeg daarna toe met:                  rdgraph add {slug}.ttl\n"
        "Regels met één '#' aan het begin zijn optioneel: haal het '#' weg om ze te gebruiken.\n"
        "VERPLICHT staat bij wat altijd ingevuld moet zijn. Bedragen in hele euro's (xsd:decimal,\n"
        "bijv. 7500000.00), jaartallen als geheel getal (2025), teksten met taalcode (@nl / @en)."
    ),
    "template.interv": "Interventies (projecten) van de deal: kopieer dit blok per interventie",
    "template.label_en": "Engelse naam, precies één (vaak gelijk aan de Nederlandse)",
    "template.label_nl": "Nederlandse naam, precies één",
    "template.ministries": "ondertekenaars: ministeries (kies uit de lijst) en andere organisaties",
    "template.money": "Bedragen: één knoop per bedrag, elk met soort, bedrag in euro en bron",
    "template.period": "looptijd",
    "template.places": "provincies en gemeenten (id/provincie/..., id/gemeente/...)",
    "template.pred": "voorganger (bij een vervolgdeal), een bestaande deal",
    "template.req": "VERPLICHT",
    "template.rijk_le_total": "de rijksbijdrage mag niet hoger zijn dan het totale budget (zelfde bron)",
    "template.source": "bron(nen): een bestaande bron (bron:...) of een nieuwe hieronder",
    "template.topic": "onderwerpen in de woorden van de bron",
    "template.tranche": "de tranche (1 tot en met 6)",
    "template.unresolved": "--region {r}: niet gevonden als provincie of gemeente{s}",
    "template.websource": "Een nieuwe openbare bron (laat weg als u een bestaande bron gebruikt)",
    "entry.writes.changed": "gewijzigd",
    "entry.writes.dry": "Zou schrijven (--dry-run, niets geschreven):",
    "entry.writes.head": "Geschreven:",
    "entry.writes.line": "+{added} triples, {triples} in totaal; {warnings} waarschuwing(en)",
    "entry.writes.new": "nieuw",
    "entry.writes.unchanged": "ongewijzigd",
    "template.alt_rule": "andere namen, elk met @nl of @en (de naam van het convenant, de selectienaam)",
    "template.dates": (
        "datums (xsd:date \"2025-09-24\", of xsd:gYearMonth \"2025-09\" / xsd:gYear \"2025\" als de bron niet "
        "preciezer is); rond de selectie van de tranche, niet in de toekomst"
    ),
    "template.from_ref": (
        "Vooraf ingevuld uit wat de openbare bronnen in de graaf over {name} zeggen: de deal bestaat al ({iri}); "
        "dit bestand vult haar aan."
    ),
    "template.held": "al in de graaf (openbare bronnen), niet opnieuw invullen",
    "template.infer": "rdg:isInference true + skos:note: de toekenning is uw interpretatie van de bron",
    "template.money_rule": (
        "één knoop per bedrag, elk met zijn eigen bron (prov:wasDerivedFrom): twee bronnen die verschillen geven "
        "twee knopen; bedragen in hele euro's als xsd:decimal (\"8300000\"^^xsd:decimal of 8300000.00, niet 8.3 of "
        "\"8,3 miljoen\")"
    ),
    "template.more": "Overige eigenschappen van een deal (uit de ontologie)",
    "template.name_rule": (
        "de naam zonder 'Regio Deal' ervoor (de graaf noemt alle deals zo); 'Regio Deal ...' hoort als andere naam "
        "in skos:altLabel"
    ),
    "template.new_place": (
        "Een nieuwe gemeente (alleen als de graaf haar nog niet kent; bestaande gemeenten: gemeente:<naam>, zie "
        "hierboven); komt in data/deals/_gemeenten.ttl"
    ),
    "template.no_ref": "geen deal met de naam {name} in de openbare bronnen{s}",
    "template.notes": (
        "toelichting: skos:note voor een opmerking, rdg:vagueness waar de bron vaag is, rdg:sourceQuirk voor een "
        "eigenaardigheid van de bron (de data houdt die aan)"
    ),
    "template.signed": "convenant ondertekend op",
    "template.statement": (
        "Een feit met een eigen bron (een andere bron dan die van de deal), of een afleiding door u: een bewering "
        "(rdf:Statement) met prov:wasDerivedFrom; is het niet met zoveel woorden in de bron te lezen, zet dan "
        "rdg:isInference true en zeg in skos:note hoe u het afleidde"
    ),
    "form.hint.altlabel": "één per regel, bijv. Regio Deal Zaanstreek",
    "form.hint.municipalities": "referenties, gescheiden door komma's: oostzaan, beverwijk",
    "form.hint.name": "zonder 'Regio Deal' ervoor, bijv. Zaanstreek",
    "form.hint.name_en": "leeg: gelijk aan de naam",
    "form.hint.note": "een opmerking bij de deal (skos:note)",
    "form.hint.predecessor": "bij een vervolgdeal: de referentie, bijv. foodvalley",
    "form.hint.provinces": "referenties, gescheiden door komma's: noord-holland",
    "form.hint.rijksbijdrage": "hele euro's, bijv. 8300000",
    "form.hint.signatories": "bijv. ministerie-vro, ministerie-bzk",
    "form.hint.signed": "JJJJ-MM-DD",
    "form.hint.source": "een bestaande bron (bron:web-...) of een URL",
    "form.hint.tranche": "1 tot en met 6",
    "form.label.altlabel": "Andere namen",
    "form.label.municipalities": "Gemeenten",
    "form.label.name": "Naam",
    "form.label.name_en": "Engelse naam",
    "form.label.note": "Toelichting",
    "form.label.predecessor": "Voorganger",
    "form.label.provinces": "Provincies",
    "form.label.rijksbijdrage": "Rijksbijdrage (euro)",
    "form.label.signatories": "Ondertekenaars",
    "form.label.signed": "Convenant ondertekend op",
    "form.label.source": "Bron",
    "form.label.tranche": "Tranche",
}
