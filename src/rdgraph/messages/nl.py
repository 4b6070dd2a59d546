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
    "server.bad_request": "onjuist verzoek",
    "server.busy": "alle query-werkers bleven {seconds} s bezet; probeer het later opnieuw",
    "server.headers_too_large": "de kopregels van het verzoek zijn groter dan {limit} bytes",
    "server.host_refused": (
        "deze server antwoordt niet voor de hostnaam {host} (een bescherming tegen DNS-rebinding); hij antwoordt "
        "voor: {hosts}. Start hem met --allow-host NAAM om een naam toe te voegen."
    ),
    "server.internal": "interne serverfout (zie het logboek van de server)",
    "server.json_fields": "verwacht wordt een JSON-object met formuliervelden",
    "server.limit_nan": "limit is geen getal",
    "server.no_api": "geen API-bron op {path}",
    "server.no_api_hint": "zie /api/openapi.json",
    "server.not_acceptable": "dit is beschikbaar als {formats}",
    "server.param_twice": "parameter {name} {n} keer opgegeven",
    "server.param_twice_hint": "geef elke parameter één keer",
    "server.query_broken": "query {name} kan niet worden geladen: {message}",
    "server.search_too_long": "de zoektekst is langer dan 200 tekens",
    "server.target_too_long": "het adres van het verzoek is langer dan {limit} bytes; stuur een lange query met POST",
    "server.timeout": (
        "de query was niet binnen {seconds} s klaar (de --timeout van de server) en is gestopt; maak hem "
        "selectiever of voeg een LIMIT toe"
    ),
    "server.unknown_format": "onbekend formaat {format}",
    "server.unknown_format_hint": "gebruik json, xml, csv, tsv of xlsx",
    "server.unreadable": "onleesbaar verzoek: {error}",
    "server.unreadable_form": "onleesbaar formulier: {error}",
    "server.worker_died": "de query-werker is gestopt en opnieuw gestart (interne fout)",
    "server.worker_died_sort": (
        "de query-engine (pyoxigraph {version}) is gestopt tijdens het beantwoorden van deze query, die sorteert: een "
        "ORDER BY over waarden van verschillende soorten laat haar afbreken (een bekende fout in de engine), net als "
        "een tekort aan geheugen; sorteer op STR(?x), filter op één soort waarde of maak de query selectiever. De "
        "query-werker is opnieuw gestart"
    ),
    "sparql.answer_too_large": (
        "het antwoord is groter dan {limit} bytes (de --max-bytes van de server) en is niet verstuurd; maak de "
        "query selectiever, voeg een LIMIT toe of blader met LIMIT/OFFSET"
    ),
    "sparql.failed_midway": "de query mislukte terwijl het antwoord werd verstuurd: {error}",
    "sparql.not_acceptable": (
        "geen van de geaccepteerde mediatypen ({accept}) kan queryresultaten bevatten; "
        "beschikbaar: {offers}"
    ),
    "sparql.not_acceptable_graph": (
        "geen van de geaccepteerde mediatypen ({accept}) kan een RDF-graaf bevatten; "
        "beschikbaar: {offers}"
    ),
    "sparql.not_evaluated": "de query kon niet worden uitgevoerd: {error}",
    "sparql.syntax_error": "SPARQL-syntaxfout: {error}",
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
    "ui.chart_from_report": "de grafiek uit het rapport",
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
    "ui.endpoint": "SPARQL-endpoint",
    "ui.error": "Fout",
    "ui.evaluations": "Evaluaties",
    "ui.feedback": "Terugkoppeling (feedbackloop)",
    "ui.footnotes": "Bronnen bij de feiten",
    "ui.form.busy": "bezig met controleren…",
    "ui.form.hint": "tip: ",
    "ui.form.summary": "{violations} fout(en), {warnings} waarschuwing(en).",
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
    "ui.onto_chain": "ketenaxioma",
    "ui.onto_characteristics": "kenmerken",
    "ui.onto_classes": "Klassen",
    "ui.onto_datatype_properties": "Gegevenseigenschappen",
    "ui.onto_domain": "domein",
    "ui.onto_inverse_of": "inverse van",
    "ui.onto_object_properties": "Relaties",
    "ui.onto_range": "bereik",
    "ui.onto_subclass_of": "subklasse van",
    "ui.onto_subproperty_of": "subeigenschap van",
    "ui.onto_version": "versie",
    "ui.other_lang": "English",
    "ui.other_lang_code": "en",
    "ui.page_nav": "Hoofdmenu",
    "ui.page_size": "Rijen per pagina",
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
    "ui.releases": "Releases",
    "ui.queries": "Vragen",
    "ui.query": "Query",
    "ui.query_list": "Benoemde vragen",
    "ui.regional": "Regionaal",
    "ui.required": "verplicht",
    "ui.research_question": "Onderzoeksvraag",
    "ui.results": "Resultaat",
    "ui.results_for": "resultaten voor",
    "ui.rijk": "Rijk",
    "ui.next_page": "Volgende rijen",
    "ui.prev_page": "Vorige rijen",
    "ui.rows_of": "Rijen {first}–{last} van {count}.",
    "ui.rows_over": "Rijen {first}–{last} van meer dan {count}: deze pagina telt niet verder.",
    "ui.download_all": "Download het hele antwoord",
    "ui.version": "versie {version}",
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
    "ui.tab_name": "Naam van het tabblad",
    "ui.switch_lang": "Switch to English",
    "ui.total": "Totaal",
    "ui.tranche": "Tranche",
    "ui.tranches": "Tranches",
    "ui.what": "Wat hier hoort",
    "ui.with_amount": "met bedrag",
    # the answers report (rdgraph report): report.rq.<key>
    'report.rq.title': 'Rode draden in Regio Deals — de antwoorden, met het bewijs uit de kennisgraaf',
    'report.rq.subtitle': (
        'Per onderzoeksvraag eerst het antwoord van het rapport (met bronvermelding), dan de tabellen en '
        'grafieken die het onderbouwen, dan wat de kennisgraaf toevoegt.'
    ),
    'report.rq.toc': 'Inhoud',
    'report.rq.generated': (
        'Gemaakt op {date} met rdgraph uit {triples} triples ({inferred} afgeleid) en {sources} bronnen.'
    ),
    'report.rq.q': 'Vraag {n}',
    'report.rq.answer': 'Het antwoord van het rapport',
    'report.rq.evidence': 'Onderbouwing uit de graaf',
    'report.rq.adds': 'Wat de graaf toevoegt',
    'report.rq.method': 'Hoe het onderzoek is gedaan',
    'report.rq.nawoord': 'Nawoord en aanbevelingen',
    'report.rq.quality': 'Volledigheid en conflicten tussen bronnen',
    'report.rq.sources': 'Bronnen',
    'report.rq.footnotes': 'Voetnoten',
    'report.rq.finding_kinds': '{n} bevindingen',
    'report.rq.statement_in': 'tekst van het rapport ({language})',
    'report.rq.lang_nl': 'Nederlands',
    'report.rq.lang_en': 'Engels',
    'report.rq.examples': 'Voorbeelden',
    'report.rq.counts': 'Telt: {what}.',
    'report.rq.rule': 'Regel: {rule}',
    'report.rq.total': 'Totaal',
    'report.rq.none_recorded': 'niets vastgelegd',
    'report.rq.not_coded': 'niet gecodeerd',
    'report.rq.not_coded_short': 'n.g.',
    'report.rq.not_coded_legend': (
        'niet gecodeerd: geen enkele deal van deze kolom heeft een opgave toegekend gekregen (onbekend, '
        'niet 0)'
    ),
    'report.rq.partly_coded': (
        'In kolommen waar niet elke deal gecodeerd is, tellen de cellen alleen de gecodeerde deals; niet '
        'gecodeerd: {names}.'
    ),
    'report.rq.chart_data': 'Gegevens van de grafiek',
    'report.rq.partly_coded_legend': (
        '* niet elke deal van de kolom is gecodeerd: de cellen tellen alleen de gecodeerde deals (aantal '
        'tussen haakjes)'
    ),
    'report.rq.money_bar_legend': 'gesplitst, mln EUR (tussen haakjes: aantal deals)',
    'report.rq.money_bar_axis': 'Rijksbijdrage, gesplitst (mln EUR)',
    'report.rq.inferred': 'afgeleid',
    'report.rq.inferred_legend': 'plaatsing afgeleid door de makers van de data (rdgraph why legt uit hoe)',
    'report.rq.stated_legend': 'plaatsing zoals het rapport haar noemt',
    'report.rq.yes': 'ja',
    'report.rq.no': 'nee',
    'report.rq.approx': 'ca.',
    'report.rq.opgaven_domains': 'De 15 rode draden in 7 domeinen',
    'report.rq.opgaven_domains_counts': 'één rij per opgave; 15 opgaven in 7 domeinen',
    'report.rq.heat_report': 'Deals per opgave en tranche — de deals die het rapport analyseerde (tranche 1-4)',
    'report.rq.heat_report_note': (
        'Bijlage A noemt {listed} deals ({per_tranche}); {excluded} liet het onderzoek buiten beschouwing'
        ' ({excluded_names}). De cellen tellen de {analysed} geanalyseerde deals, met toekenningen uit '
        'het rapport en uit openbare bronnen.'
    ),
    'report.rq.heat_public': (
        'Openbare bronnen: deals per opgave en tranche, tranche 1-6 (apart beeld, niet het rapport)'
    ),
    'report.rq.heat_public_note': (
        'Alle {deals} deals die de graaf kent, ook de {excluded} die het rapport buiten beschouwing liet '
        'en de tranches 5 en 6 van na het rapport; toekenningen van alle sterktes.'
    ),
    'report.rq.heat_counts': (
        'het aantal verschillende deals per opgave en tranche; n = deals in de kolom, tussen haakjes '
        'hoeveel daarvan een opgave toegekend kregen (gecodeerd)'
    ),
    'report.rq.col_tranche': 'Tranche',
    'report.rq.col_opgave': 'Opgave',
    'report.rq.col_domain': 'Domein',
    'report.rq.col_deals': 'Deals',
    'report.rq.col_n': 'n (gecodeerd)',
    'report.rq.deals_per_tranche': 'Deals per tranche',
    'report.rq.deals_per_tranche_counts': 'één rij per tranche; Bijlage A: 6, 12, 14, 14 = 46 deals',
    'report.rq.col_in_graph': 'in de graaf',
    'report.rq.col_in_report': 'in Bijlage A',
    'report.rq.col_excluded': 'buiten beschouwing',
    'report.rq.col_analysed': 'geanalyseerd',
    'report.rq.col_coded': 'met opgave',
    'report.rq.crossing': 'Domeinoverstijgende deals (opgaven in twee of meer domeinen)',
    'report.rq.crossing_counts': 'één rij per deal; alle {n} deals met opgaven in twee of meer domeinen',
    'report.rq.col_domains': 'domeinen',
    'report.rq.col_opgaven': 'opgaven',
    'report.rq.typology': 'Vertrekpunt en breedte van de deals die het rapport als voorbeeld noemt',
    'report.rq.col_starting_point': 'vertrekpunt',
    'report.rq.col_breadth': 'breedte',
    'report.rq.col_topics': 'onderwerpen',
    'report.rq.factors': 'Succes- en faalfactoren (3.3)',
    'report.rq.lessons': 'Lessen over effectiviteit (3.2)',
    'report.rq.instruments': 'Zes typen instrumenten en de interventies die ze inzetten',
    'report.rq.instruments_counts': 'één rij per instrumenttype; interventies met naam',
    'report.rq.col_instrument': 'instrument',
    'report.rq.col_interventions': 'interventies',
    'report.rq.evaluations': 'Evaluatiedocumenten per tranche (Bijlage B)',
    'report.rq.evaluations_counts': 'documenten, niet soorten: een document van twee soorten telt één keer',
    'report.rq.col_documents': 'documenten',
    'report.rq.col_kinds': 'soorten',
    'report.rq.no_eval': 'Deals uit tranche 1-3 zonder evaluatiedocument',
    'report.rq.illustrations': 'Drie illustraties: looptijd en geld (3.4)',
    'report.rq.col_intervention': 'interventie',
    'report.rq.col_deal': 'deal',
    'report.rq.col_period': 'looptijd',
    'report.rq.col_total': 'totaal',
    'report.rq.col_rijk': 'Rijk',
    'report.rq.col_cofunding': 'cofinanciering',
    'report.rq.figures': 'Het Twents Fonds voor Vakmanschap in getallen (3.4)',
    'report.rq.figures_counts': (
        "één rij per getal dat het rapport noemt; ca. = het rapport zegt 'zo'n', 'ruim', 'bijna' of 'meer"
        " dan'"
    ),
    'report.rq.col_figure': 'kengetal',
    'report.rq.col_value': 'waarde',
    'report.rq.col_unit': 'eenheid',
    'report.rq.col_kind': 'soort',
    'report.rq.money_tranche': 'Rijksbijdrage per tranche (openbare bronnen)',
    'report.rq.money_tranche_counts': 'één rij per tranche; per deal het laagste en hoogste genoemde bedrag',
    'report.rq.col_low': 'laag (EUR)',
    'report.rq.col_high': 'hoog (EUR)',
    'report.rq.col_conflict': 'deals met bronnen die verschillen',
    'report.rq.money_province': 'Rijksbijdrage per provincie (openbare bronnen)',
    'report.rq.money_province_counts': 'één rij per provincie, plus één rij voor deals zonder provincie',
    'report.rq.money_province_rule': (
        'een deal in k provincies telt voor 1/k van zijn bedrag in elke provincie (gesplitst), zodat de '
        "kolom 'gesplitst' optelt tot het landelijke totaal van {total}; 'volledig' telt zo'n deal in "
        'elke provincie helemaal mee en telt dus niet op. {inferred} provincies van deals zijn afgeleid '
        'uit hun gemeenten (rdg:isInference).'
    ),
    'report.rq.no_province': '(geen provincie)',
    'report.rq.no_province_list': '{n} deals zonder provincie in enige bron: {names}.',
    'report.rq.col_province': 'provincie',
    'report.rq.col_split': 'gesplitst',
    'report.rq.col_full': 'volledig',
    'report.rq.col_only_here': 'alleen hier',
    'report.rq.observations': 'Constateringen over de feedbackloop (4.2)',
    'report.rq.ladder': 'De ladder van de feedbackloop: interventies op hun hoogste trede',
    'report.rq.ladder_counts': 'één rij per trede; interventies op hun hoogste bereikte trede',
    'report.rq.ladder_note': (
        'De ladder is afgeleid uit hoofdstuk 4 (de afbeelding met de lagen staat niet in de tekst).'
    ),
    'report.rq.col_rank': 'trede',
    'report.rq.col_layer': 'laag',
    'report.rq.col_names': 'welke',
    'report.rq.paths': 'Het pad van de feedback, stap voor stap (3.4, 4.2)',
    'report.rq.col_step': 'stap',
    'report.rq.col_date': 'datum',
    'report.rq.col_event': 'gebeurtenis',
    'report.rq.moved': "Thema's die naar andere programma's gingen",
    'report.rq.col_programme': 'programma',
    'report.rq.ministries_named': 'Ministeries die de tekst noemt',
    'report.rq.ministries_named_counts': 'één rij per ministerie; secties van het rapport die het met naam noemen',
    'report.rq.col_ministry': 'ministerie',
    'report.rq.col_sections': 'secties',
    'report.rq.col_people': 'personen in Bijlage C',
    'report.rq.signed_mentioned': 'Ministeries: getekend tegenover genoemd in rapportages',
    'report.rq.signed_mentioned_text': (
        '{signed} paren deal–ministerie getekend (openbare bronnen); wie in de rapportages genoemd wordt,'
        ' heeft het rapport niet per deal gepubliceerd ({mentioned} vastgelegd).'
    ),
    'report.rq.cosigned': 'Medeondertekenende ministeries per tranche (openbare bronnen)',
    'report.rq.phases': 'Fasen en activiteiten',
    'report.rq.phases_counts': 'één rij per onderzoeksactiviteit',
    'report.rq.col_activity': 'activiteit',
    'report.rq.col_phase': 'fase',
    'report.rq.col_docs_studied': 'bestudeerde documenten',
    'report.rq.col_participants': 'deelnemers',
    'report.rq.col_dealmakers': 'dealmakers',
    'report.rq.people': 'Betrokken personen (Bijlage C)',
    'report.rq.people_counts': 'één rij per persoon; functie in de woorden van het rapport',
    'report.rq.col_person': 'persoon',
    'report.rq.col_groups': 'groepen',
    'report.rq.col_position': 'functie',
    'report.rq.col_roles': 'rol',
    'report.rq.dilemma': 'Het effectiviteitsdilemma (1.2)',
    'report.rq.deal_completeness': 'Wat de graaf per deal wel en niet weet',
    'report.rq.deal_completeness_counts': 'één rij per tranche; aantallen deals',
    'report.rq.col_with_amount': 'met bedrag',
    'report.rq.col_with_province': 'met provincie',
    'report.rq.col_with_theme': 'met opgave',
    'report.rq.conflicts': 'Bronnen die elkaar tegenspreken',
    'report.rq.conflicts_counts': 'één rij per bewering; dezelfde zaak, verschillende waarden',
    'report.rq.col_subject': 'onderwerp',
    'report.rq.col_about': 'over',
    'report.rq.col_claim': 'bewering',
    'report.rq.col_source': 'bron',
    'report.rq.dq': 'Controles op de data',
    'report.rq.dq_line': '{name}: {n}',
    'report.rq.public_sources': "Openbare bronnen achter de tabellen met openbare gegevens: {n} webpagina's.",
    'report.rq.section_cite': '§{number}',
    'report.rq.page_cite': 'p. {page}',
    'report.rq.report_name': 'Rode Draden in Regio Deals (Rebel, 2024)',
    'report.rq.eur_m': '€{v:,.1f} mln',
    'report.rq.kind_ambition': 'ambitie',
    'report.rq.kind_result': 'resultaat',
    'report.rq.kind_condition': 'voorwaarde',
    'report.rq.kind_maximum': 'maximum',
    'report.rq.kind_frequency': 'frequentie',
    'report.rq.rq_none': 'bij geen vraag',
    'report.rq.dq.dq-bronloze-feiten': 'feiten zonder bron',
    'report.rq.dq.dq-deals-zonder-opgave': 'deals zonder opgave',
    'report.rq.dq.dq-ontbrekende-labels': 'ontbrekende namen',
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
    "cli.validating": "valideren",
    "release.first": "# rdgraph {v}\n\nEerste release: {triples} vastgestelde triples, {iris} IRI's.\n",
    "ui.inverse_of": "is {noun} van",
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
    "engine.out_of_memory": (
        "de query-engine (pyoxigraph {version}) had niet genoeg geheugen om deze query te beantwoorden"
    ),
    "engine.out_of_memory_hint": (
        "maak de query selectiever of voeg een LIMIT toe (sorteren houdt alle rijen in het geheugen)"
    ),
    "engine.sort_abort": (
        "de query-engine (pyoxigraph {version}) is gestopt tijdens het sorteren: ORDER BY vergelijkt hier waarden "
        "van verschillende soorten (een bekende fout in de engine)"
    ),
    "engine.sort_abort_hint": "sorteer op STR(?x), of filter op één soort waarde (bijv. FILTER(isNumeric(?x)))",
    "engine.stopped": (
        "de query-engine (pyoxigraph {version}) is gestopt tijdens het beantwoorden van deze query ({status})"
    ),
    "engine.stopped_hint": "maak de query selectiever of voeg een LIMIT toe; meld de query als het opnieuw gebeurt",
}
