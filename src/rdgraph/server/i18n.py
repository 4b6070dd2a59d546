"""The explorer's UI strings in Dutch and English, and how a request's language is chosen.

Order: an explicit ``?lang=nl|en`` (which the server then remembers in a cookie), the ``lang``
cookie, the ``Accept-Language`` header, Dutch.
"""

from __future__ import annotations

LANGS = ("nl", "en")
COOKIE = "rdgraph_lang"

UI: dict[str, dict[str, str]] = {
    "nl": {
        "site": "Regio Deals kennisgraaf", "home": "Overzicht", "search": "Zoeken", "search_label": "Zoek een deal, "
        "opgave, interventie of begrip", "search_button": "Zoek", "search_results": "Zoekresultaten",
        "no_results": "Niets gevonden voor", "results_for": "resultaten voor", "queries": "Vragen",
        "sparql": "SPARQL", "api": "API", "new_deal": "Nieuwe deal", "ontology": "Ontologie", "provinces": "Provincies",
        "other_lang": "English", "other_lang_code": "en", "switch_lang": "Switch to English",
        "intro": "De Regio Deals als linked data: deals, opgaven, interventies, evaluaties en geld, "
                 "elk feit met zijn bron.",
        "browse": "Bladeren", "tranches": "Tranches", "opgaven": "Opgaven (rode draden)", "domains": "Domeinen",
        "deals": "Regio Deals", "deals_n": "deals", "interventions": "Interventies", "ministries": "Ministeries",
        "props": "Alle eigenschappen", "incoming": "Verwijst hierheen", "inferred": "afgeleid",
        "formats": "Ook als", "not_found": "Niet gevonden", "not_found_text": "Er is hier niets met het adres",
        "anon": "anonieme knopen", "more": "en nog", "summary": "Samenvatting", "sources": "Bronnen",
        "tranche": "Tranche", "province": "Provincie", "provinces_of": "Provincies", "money": "Geld",
        "rijk": "Rijk", "regional": "Regionaal", "total": "Totaal", "signed": "Convenant getekend",
        "predecessor": "Voorganger", "successor": "Opvolger", "evaluations": "Evaluaties",
        "feedback": "Terugkoppeling (feedbackloop)", "none": "geen", "name": "Naam", "count": "Aantal",
        "money_rijk": "Rijksbijdrage", "province_view": "Deals en geld per provincie",
        "province_chart": "Rijksbijdrage per provincie (staafdiagram)", "footnotes": "Bronnen bij de feiten",
        "query_list": "Benoemde vragen", "run": "Uitvoeren", "download": "Downloaden", "show_sparql": "Toon SPARQL",
        "permalink": "Vaste link", "rows": "rijen", "parameters": "Parameters", "research_question": "Onderzoeksvraag",
        "columns": "Kolommen", "results": "Resultaat", "more_rows": "Alleen de eerste rijen staan hier; download het "
        "hele antwoord.", "error": "Fout", "query": "Query", "edit": "Bewerken", "format": "Formaat",
        "sparql_intro": "SPARQL 1.1-eindpunt (alleen lezen). Schrijf een query; de editor toont fouten op hun plaats.",
        "api_docs": "API-documentatie", "api_intro": "De benoemde vragen als REST-API (OpenAPI 3).",
        "choose": "kies…", "kind": "Soort", "description": "Beschrijving", "opgave_of": "is opgave van",
        "date": "Datum", "layer": "Laag", "skip": "Naar de inhoud", "language": "Taal", "page_nav": "Hoofdmenu",
        "ontology_labels": "Labels", "what": "Wat hier hoort", "all": "alle", "chart_alt": "Tekstversie: zie de tabel",
        "sort": "Sorteer op deze kolom", "default": "standaard", "required": "verplicht", "back_home": "Terug naar "
        "het overzicht", "interventions_n": "interventies", "opgaven_n": "opgaven", "domain": "Domein",
        "source_n": "bron", "with_amount": "met bedrag",
        "province_note": "Een deal in k provincies telt in elk ervan voor 1/k mee, "
        "zodat de provincies samen het landelijke totaal geven; waar bronnen verschillen staat het laagste en "
        "hoogste bedrag. De bedragen komen uit de vraag",
    },
    "en": {
        "site": "Regio Deals knowledge graph", "home": "Overview", "search": "Search", "search_label": "Search a deal, "
        "opgave, intervention or term", "search_button": "Search", "search_results": "Search results",
        "no_results": "Nothing found for", "results_for": "results for", "queries": "Questions",
        "sparql": "SPARQL", "api": "API", "new_deal": "New deal", "ontology": "Ontology", "provinces": "Provinces",
        "other_lang": "Nederlands", "other_lang_code": "nl", "switch_lang": "Schakel naar Nederlands",
        "intro": "The Dutch Regio Deals as linked data: deals, opgaven (recurring themes), interventions, "
                 "evaluations and money, each fact with its source.",
        "browse": "Browse", "tranches": "Tranches", "opgaven": "Opgaven (recurring themes)", "domains": "Domains",
        "deals": "Regio Deals", "deals_n": "deals", "interventions": "Interventions", "ministries": "Ministries",
        "props": "All properties", "incoming": "Links here", "inferred": "inferred",
        "formats": "Also as", "not_found": "Not found", "not_found_text": "Nothing here has the address",
        "anon": "anonymous nodes", "more": "and", "summary": "Summary", "sources": "Sources",
        "tranche": "Tranche", "province": "Province", "provinces_of": "Provinces", "money": "Money",
        "rijk": "Rijk (national)", "regional": "Regional", "total": "Total", "signed": "Agreement signed",
        "predecessor": "Predecessor", "successor": "Successor", "evaluations": "Evaluations",
        "feedback": "Feedback (feedback loop)", "none": "none", "name": "Name", "count": "Count",
        "money_rijk": "National contribution", "province_view": "Deals and money per province",
        "province_chart": "National contribution per province (bar chart)", "footnotes": "Sources of the facts",
        "query_list": "Named questions", "run": "Run", "download": "Download", "show_sparql": "Show SPARQL",
        "permalink": "Permalink", "rows": "rows", "parameters": "Parameters", "research_question": "Research question",
        "columns": "Columns", "results": "Result", "more_rows": "Only the first rows are shown here; download the "
        "whole answer.", "error": "Error", "query": "Query", "edit": "Edit", "format": "Format",
        "sparql_intro": "SPARQL 1.1 endpoint (read-only). Write a query; the editor shows errors where they are.",
        "api_docs": "API documentation", "api_intro": "The named questions as a REST API (OpenAPI 3).",
        "choose": "choose…", "kind": "Kind", "description": "Description", "opgave_of": "is opgave of",
        "date": "Date", "layer": "Layer", "skip": "Skip to content", "language": "Language", "page_nav": "Main menu",
        "ontology_labels": "Labels", "what": "What belongs here", "all": "all", "chart_alt": "Text version: see the "
        "table", "sort": "Sort by this column", "default": "default", "required": "required", "back_home": "Back to "
        "the overview", "interventions_n": "interventions", "opgaven_n": "opgaven", "domain": "Domain",
        "source_n": "source", "with_amount": "with an amount",
        "province_note": "A deal in k provinces counts 1/k in each of them, so "
        "that the provinces add up to the national total; where sources differ the lowest and highest amount are "
        "shown. The amounts come from the question",
    },
}


def ui(lang: str) -> dict[str, str]:
    return UI.get(lang, UI["nl"])


def from_accept_language(header: str | None) -> str | None:
    """The first of nl/en by the q-values of an Accept-Language header (``en-GB`` counts as ``en``)."""
    best: tuple[float, int] | None = None
    chosen = None
    for pos, part in enumerate((header or "").split(",")):
        bits = [b.strip() for b in part.split(";")]
        tag = bits[0].lower().split("-", 1)[0]
        q = 1.0
        for b in bits[1:]:
            if b.lower().startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if tag in LANGS and q > 0 and (best is None or (q, -pos) > best):
            best, chosen = (q, -pos), tag
    return chosen


def choose(query_lang: str | None, cookie: str | None, accept_language: str | None) -> tuple[str, bool]:
    """(language, explicit): explicit when the query string asked for it (then the cookie is set)."""
    if query_lang in LANGS:
        return query_lang, True
    if cookie in LANGS:
        return cookie, False
    return from_accept_language(accept_language) or "nl", False


__all__ = ["COOKIE", "LANGS", "UI", "choose", "from_accept_language", "ui"]
