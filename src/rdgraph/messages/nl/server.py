"""rdgraph's messages in Dutch: the web explorer's pages, the server's refusals, SPARQL errors and the engine guard.

Key -> text with ``{placeholders}``."""

MESSAGES: dict[str, str] = {
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
    "ui.inverse_of": "is {noun} van",
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
