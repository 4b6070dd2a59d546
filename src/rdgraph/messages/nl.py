"""rdgraph's messages in Dutch (the default): key -> text with ``{placeholders}``.

Every key is also in the other language's module (tests/test_messages.py); keys are grouped by
the part of rdgraph that says them (``entry.``, ``template.``, ``report.``, ``severity.``, ``cli.``)."""

MESSAGES: dict[str, str] = {
    "cli.wrote": "geschreven: {path}",
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
    "report.hint": "tip",
    "report.no_problems": "Geen fouten gevonden",
    "report.not_added": "Het bestand is niet toegevoegd.",
    "report.summary": "{violations} fout(en), {warnings} waarschuwing(en).",
    "report.value": "waarde",
    "report.written": "Geschreven: {files}",
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
    "changelog.h.alt_labels_added": "Alternatieve labels toegevoegd",
    "changelog.h.alt_labels_removed": "Alternatieve labels verwijderd",
    "changelog.h.amounts_added": "Bedragen toegevoegd",
    "changelog.h.amounts_changed": "Bedragen gewijzigd (oud → nieuw, met bron)",
    "changelog.h.amounts_removed": "Bedragen vervallen",
    "changelog.h.conflicts_changed": "Conflicten gewijzigd",
    "changelog.h.conflicts_opened": "Conflicten tussen bronnen geopend",
    "changelog.h.conflicts_resolved": "Conflicten opgelost",
    "changelog.h.deals_added": "Deals toegevoegd",
    "changelog.h.deals_removed": "Deals verwijderd",
    "changelog.h.iris_deprecated": "IRI's verouderd verklaard",
    "changelog.h.iris_removed": "IRI's verdwenen",
    "changelog.h.labels_changed": "Labels gewijzigd",
    "changelog.h.possible_renames": "Mogelijk hernoemd (zelfde type en label)",
    "changelog.h.relations_added": "Relaties toegevoegd",
    "changelog.h.relations_removed": "Relaties verwijderd",
    "changelog.h.sources_added": "Bronnen toegevoegd",
    "changelog.h.sources_removed": "Bronnen verwijderd",
    "changelog.h.things_added": "Nieuwe dingen per klasse",
    "changelog.h.values_added": "Waarden toegevoegd aan bestaande dingen",
    "changelog.h.values_changed": "Waarden gewijzigd",
    "changelog.h.values_removed": "Waarden verwijderd van bestaande dingen",
    "changelog.level": "Versieniveau: {level} ({why})",
    "changelog.more": "… en nog {n} (zie --format json)",
    "changelog.no_source": "geen bron",
    "changelog.none": "Geen wijzigingen.",
    "changelog.replaced_by": "vervangen door",
    "changelog.s.amounts": "bedragen: {a} nieuw, {c} gewijzigd, {r} vervallen",
    "changelog.s.conflicts": "conflicten tussen bronnen: {a} nieuw, {r} opgelost, {c} gewijzigd",
    "changelog.s.deals": "{a} deals toegevoegd, {r} verwijderd",
    "changelog.s.iris": "IRI's: {a} nieuw, {r} verdwenen, {d} verouderd verklaard",
    "changelog.s.labels": "{c} labels gewijzigd, {a} alternatieve labels erbij, {r} eraf",
    "changelog.s.relations": "{a} relaties toegevoegd, {r} verwijderd (tussen bestaande dingen)",
    "changelog.s.sources": "{a} bronnen toegevoegd, {r} verwijderd",
    "changelog.s.triples": "{a} triples toegevoegd, {r} verwijderd",
    "changelog.s.values": "waarden van bestaande dingen: {c} gewijzigd, {a} erbij, {r} eraf",
    "changelog.summary": "Samenvatting",
    "changelog.title": "Wijzigingen van {old} naar {new}",
    "changelog.tranche": "tranche",
    "changelog.why.major": "IRI's verwijderd of vervangen",
    "changelog.why.minor": "toevoegingen, niets verwijderd",
    "changelog.why.none": "niets gewijzigd",
    "changelog.why.patch": "alleen correcties",
    "changelog.withdrawn": "ingetrokken",
    "releases.all_releases": "Alle releases",
    "releases.bytes": "Bytes",
    "releases.changelog": "Wijzigingen",
    "releases.current": "Deze server toont release {v}.",
    "releases.file": "Bestand",
    "releases.files": "Bestanden",
    "releases.gone": "Ingetrokken",
    "releases.gone_text": "Dit IRI is ingetrokken en verwijst nergens meer naar:",
    "releases.intro": (
        "Elke release van de data heeft een versienummer (semantische versies: een verdwenen of "
        "vervangen IRI is een hoofdversie, toevoegingen een minor, correcties een patch), een "
        "changelog, bestanden met controlesommen en een DCAT-beschrijving."
    ),
    "releases.issued": "uitgebracht",
    "releases.level": "niveau",
    "releases.none": "Er is nog geen release.",
    "releases.not_here": "niet op deze server (alleen het manifest)",
    "releases.previous": "vorige",
    "releases.title": "Releases",
    "releases.unreleased": "Deze server toont een werkversie met wijzigingen na release {v}.",
    "stable.bare": (
        "IRI uit release {v} is verouderd verklaard zonder opvolger (dcterms:isReplacedBy) of "
        "toelichting (skos:historyNote)"
    ),
    "stable.dangling": "de opvolger {new} bestaat niet in de graaf",
    "stable.gone": "IRI uit release {v} is verdwenen",
    "stable.gone.hint": (
        "houd het IRI: <{iri}> owl:deprecated true ; dcterms:isReplacedBy <nieuw IRI> (hernoemd) of "
        'skos:historyNote "waarom"@nl (ingetrokken)'
    ),
    "stable.undeprecated": "IRI heeft dcterms:isReplacedBy maar niet owl:deprecated true",
    "sparql.body_type": (
        "niet ondersteund type van de inhoud {ctype}: stuur application/x-www-form-urlencoded met query=..., of "
        "application/sparql-query met de query als inhoud"
    ),
    "sparql.empty": "de query is leeg",
    "sparql.form_not_utf8": "de formulierinhoud is geen UTF-8",
    "sparql.length_nan": "Content-Length is geen getal",
    "sparql.limit": "{message} ({hint})",
    "sparql.many_queries": "meer dan één parameter query: stuur precies één query",
    "sparql.method": "methode {method} is hier niet toegestaan; gebruik GET of POST",
    "sparql.method_read_only": "methode {method} is niet toegestaan: deze server is alleen-lezen",
    "sparql.no_query": "de parameter query ontbreekt: stuur ?query=SELECT ... (URL-gecodeerd)",
    "sparql.query_not_utf8": "de query-inhoud is geen UTF-8",
    "sparql.query_twice": "een directe POST draagt de query in de inhoud, niet ook in ?query=",
    "sparql.service": "SERVICE wordt geweigerd: dit eindpunt bevraagt geen andere eindpunten over het netwerk",
    "sparql.too_large": "de inhoud van het verzoek is groter dan {limit} bytes",
    "sparql.update_refused": (
        "SPARQL Update wordt geweigerd: dit eindpunt is alleen-lezen. De data van rdgraph staat in de map data/ "
        "van de repository; wijzig haar daar en start de server opnieuw."
    ),
    "sparql.update_words": (
        "SPARQL Update wordt geweigerd: het verzoek bevat {words}. Dit eindpunt is alleen-lezen; wijzig data/ in "
        "de repository en start opnieuw."
    ),
    "ui.all": "alle",
    "ui.anon": "anonieme knopen",
    "ui.api": "API",
    "ui.api_docs": "API-documentatie",
    "ui.api_intro": "De benoemde vragen als REST-API (OpenAPI 3).",
    "ui.back_home": "Terug naar het overzicht",
    "ui.browse": "Bladeren",
    "ui.chart_alt": "Tekstversie: zie de tabel",
    "ui.choose": "kies…",
    "ui.columns": "Kolommen",
    "ui.count": "Aantal",
    "ui.date": "Datum",
    "ui.deals": "Regio Deals",
    "ui.deals_n": "deals",
    "ui.default": "standaard",
    "ui.description": "Beschrijving",
    "ui.domain": "Domein",
    "ui.domains": "Domeinen",
    "ui.download": "Downloaden",
    "ui.edit": "Bewerken",
    "ui.error": "Fout",
    "ui.evaluations": "Evaluaties",
    "ui.feedback": "Terugkoppeling (feedbackloop)",
    "ui.footnotes": "Bronnen bij de feiten",
    "ui.form.check": "Controleren",
    "ui.form.download": "Download het bestand (.ttl)",
    "ui.form.general": "Overige meldingen",
    "ui.form.intro": (
        "Vul de velden in: de controle loopt mee terwijl u typt en zet wat niet klopt naast het veld. Download "
        "daarna het bestand en voeg het toe met 'rdgraph add'. Deze server schrijft niets."
    ),
    "ui.form.ok": "Geen fouten gevonden.",
    "ui.form.title": "Nieuwe Regio Deal vastleggen",
    "ui.form.turtle": "Het bestand (Turtle)",
    "ui.format": "Formaat",
    "ui.formats": "Ook als",
    "ui.home": "Overzicht",
    "ui.incoming": "Verwijst hierheen",
    "ui.inferred": "afgeleid",
    "ui.interventions": "Interventies",
    "ui.interventions_n": "interventies",
    "ui.intro": (
        "De Regio Deals als linked data: deals, opgaven, interventies, evaluaties en geld, elk feit met zijn bron."
    ),
    "ui.kind": "Soort",
    "ui.language": "Taal",
    "ui.layer": "Laag",
    "ui.ministries": "Ministeries",
    "ui.money": "Geld",
    "ui.money_rijk": "Rijksbijdrage",
    "ui.more": "en nog",
    "ui.more_rows": "Alleen de eerste rijen staan hier; download het hele antwoord.",
    "ui.name": "Naam",
    "ui.new_deal": "Nieuwe deal",
    "ui.no_results": "Niets gevonden voor",
    "ui.none": "geen",
    "ui.not_found": "Niet gevonden",
    "ui.not_found_text": "Er is hier niets met het adres",
    "ui.ontology": "Ontologie",
    "ui.ontology_labels": "Labels",
    "ui.opgave_of": "is opgave van",
    "ui.opgaven": "Opgaven (rode draden)",
    "ui.opgaven_n": "opgaven",
    "ui.other_lang": "English",
    "ui.other_lang_code": "en",
    "ui.page_nav": "Hoofdmenu",
    "ui.parameters": "Parameters",
    "ui.permalink": "Vaste link",
    "ui.predecessor": "Voorganger",
    "ui.props": "Alle eigenschappen",
    "ui.province": "Provincie",
    "ui.province_chart": "Rijksbijdrage per provincie (staafdiagram)",
    "ui.province_note": (
        "Een deal in k provincies telt in elk ervan voor 1/k mee, zodat de provincies samen het landelijke totaal "
        "geven; waar bronnen verschillen staat het laagste en hoogste bedrag. De bedragen komen uit de vraag"
    ),
    "ui.province_view": "Deals en geld per provincie",
    "ui.provinces": "Provincies",
    "ui.provinces_of": "Provincies",
    "ui.queries": "Vragen",
    "ui.query": "Query",
    "ui.query_list": "Benoemde vragen",
    "ui.regional": "Regionaal",
    "ui.required": "verplicht",
    "ui.research_question": "Onderzoeksvraag",
    "ui.results": "Resultaat",
    "ui.results_for": "resultaten voor",
    "ui.rijk": "Rijk",
    "ui.rows": "rijen",
    "ui.run": "Uitvoeren",
    "ui.search": "Zoeken",
    "ui.search_button": "Zoek",
    "ui.search_label": "Zoek een deal, opgave, interventie of begrip",
    "ui.search_results": "Zoekresultaten",
    "ui.show_sparql": "Toon SPARQL",
    "ui.signed": "Convenant getekend",
    "ui.site": "Regio Deals kennisgraaf",
    "ui.skip": "Naar de inhoud",
    "ui.sort": "Sorteer op deze kolom",
    "ui.source_n": "bron",
    "ui.sources": "Bronnen",
    "ui.sparql": "SPARQL",
    "ui.sparql_intro": "SPARQL 1.1-eindpunt (alleen lezen). Schrijf een query; de editor toont fouten op hun plaats.",
    "ui.successor": "Opvolger",
    "ui.summary": "Samenvatting",
    "ui.switch_lang": "Switch to English",
    "ui.total": "Totaal",
    "ui.tranche": "Tranche",
    "ui.tranches": "Tranches",
    "ui.what": "Wat hier hoort",
    "ui.with_amount": "met bedrag",
}
