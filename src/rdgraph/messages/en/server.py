"""rdgraph's messages in English: the web explorer's pages, the server's refusals, SPARQL errors and the engine guard.

Key -> text with ``{placeholders}``."""

MESSAGES: dict[str, str] = {
    "server.bad_request": "bad request",
    "server.busy": "all query workers stayed busy for {seconds} s; try again later",
    "server.headers_too_large": "the request headers are larger than {limit} bytes",
    "server.host_refused": (
        "this server does not answer for the host name {host} (a protection against DNS rebinding); it answers "
        "for: {hosts}. Start it with --allow-host NAME to add a name."
    ),
    "server.internal": "internal server error (see the server's log)",
    "server.json_fields": "a JSON object of form fields is expected",
    "server.limit_nan": "limit is not a number",
    "server.no_api": "no API resource at {path}",
    "server.no_api_hint": "see /api/openapi.json",
    "server.not_acceptable": "this is available as {formats}",
    "server.param_twice": "parameter {name} given {n} times",
    "server.param_twice_hint": "give each parameter once",
    "server.query_broken": "query {name} cannot be loaded: {message}",
    "server.search_too_long": "the search text is longer than 200 characters",
    "server.target_too_long": "the request target is longer than {limit} bytes; POST a long query",
    "server.timeout": (
        "the query did not finish within {seconds} s (the server's --timeout) and was stopped; make it more "
        "selective or add a LIMIT"
    ),
    "server.unknown_format": "unknown format {format}",
    "server.unknown_format_hint": "use json, xml, csv, tsv or xlsx",
    "server.unreadable": "unreadable request: {error}",
    "server.unreadable_form": "unreadable form: {error}",
    "server.worker_died": "the query worker died; it has been restarted (internal error)",
    "server.worker_died_sort": (
        "the query engine (pyoxigraph {version}) stopped while answering this query, which sorts: an ORDER BY over "
        "values of different kinds makes it abort (a known engine bug), as does running out of memory; sort on "
        "STR(?x), filter to one kind of value, or make the query more selective. The query worker has been restarted"
    ),
    "sparql.answer_too_large": (
        "the answer is larger than {limit} bytes (the server's --max-bytes) and was not sent; make the query more "
        "selective, add a LIMIT, or page with LIMIT/OFFSET"
    ),
    "sparql.failed_midway": "the query failed while its answer was being sent: {error}",
    "sparql.not_acceptable": (
        "none of the accepted media types ({accept}) can carry query results; "
        "available: {offers}"
    ),
    "sparql.not_acceptable_graph": (
        "none of the accepted media types ({accept}) can carry an RDF graph; "
        "available: {offers}"
    ),
    "sparql.not_evaluated": "the query could not be evaluated: {error}",
    "sparql.syntax_error": "SPARQL syntax error: {error}",
    "sparql.body_type": (
        "unsupported request body type {ctype}: send application/x-www-form-urlencoded with query=..., or "
        "application/sparql-query with the query as the body"
    ),
    "sparql.empty": "the query is empty",
    "sparql.form_not_utf8": "the form body is not UTF-8",
    "sparql.length_nan": "Content-Length is not a number",
    "sparql.limit": "{message} ({hint})",
    "sparql.many_queries": "more than one query parameter: send exactly one query",
    "sparql.method": "method {method} is not allowed here; use GET or POST",
    "sparql.method_read_only": "method {method} is not allowed: this server is read-only",
    "sparql.no_query": "missing the query parameter: send ?query=SELECT ... (URL-encoded)",
    "sparql.query_not_utf8": "the query body is not UTF-8",
    "sparql.query_twice": "a direct POST carries the query in its body, not also in ?query=",
    "sparql.service": "SERVICE is refused: this endpoint does not query other endpoints over the network",
    "sparql.too_large": "the request body is larger than {limit} bytes",
    "sparql.update_refused": (
        "SPARQL Update is refused: this endpoint is read-only. rdgraph's data lives in the data/ folder of the "
        "repository; change it there and restart the server."
    ),
    "sparql.update_words": (
        "SPARQL Update is refused: the request contains {words}. This endpoint is read-only; change data/ in the "
        "repository and restart."
    ),
    "ui.all": "all",
    "ui.anon": "anonymous nodes",
    "ui.api": "API",
    "ui.api_docs": "API documentation",
    "ui.api_intro": "The named questions as a REST API (OpenAPI 3).",
    "ui.back_home": "Back to the overview",
    "ui.browse": "Browse",
    "ui.chart_from_report": "the report's chart",
    "ui.chart_alt": "Text version: see the table",
    "ui.choose": "choose…",
    "ui.columns": "Columns",
    "ui.count": "Count",
    "ui.date": "Date",
    "ui.deals": "Regio Deals",
    "ui.deals_n": "deals",
    "ui.default": "default",
    "ui.description": "Description",
    "ui.domain": "Domain",
    "ui.domains": "Domains",
    "ui.download": "Download",
    "ui.edit": "Edit",
    "ui.endpoint": "SPARQL endpoint",
    "ui.error": "Error",
    "ui.evaluations": "Evaluations",
    "ui.feedback": "Feedback (feedback loop)",
    "ui.footnotes": "Sources of the facts",
    "ui.form.busy": "checking…",
    "ui.form.hint": "hint: ",
    "ui.form.summary": "{violations} violation(s), {warnings} warning(s).",
    "ui.form.check": "Check",
    "ui.form.download": "Download the file (.ttl)",
    "ui.form.general": "Other findings",
    "ui.form.intro": (
        "Fill in the fields: the check runs as you type and shows what is wrong next to the field. Then download "
        "the file and add it with 'rdgraph add'. This server writes nothing."
    ),
    "ui.form.ok": "No problems found.",
    "ui.form.title": "Record a new Regio Deal",
    "ui.form.turtle": "The file (Turtle)",
    "ui.format": "Format",
    "ui.formats": "Also as",
    "ui.home": "Overview",
    "ui.incoming": "Links here",
    "ui.inferred": "inferred",
    "ui.interventions": "Interventions",
    "ui.interventions_n": "interventions",
    "ui.intro": (
        "The Dutch Regio Deals as linked data: deals, opgaven (recurring themes), interventions, evaluations and "
        "money, each fact with its source."
    ),
    "ui.kind": "Kind",
    "ui.language": "Language",
    "ui.layer": "Layer",
    "ui.ministries": "Ministries",
    "ui.money": "Money",
    "ui.money_rijk": "National contribution",
    "ui.more": "and",
    "ui.more_rows": "Only the first rows are shown here; download the whole answer.",
    "ui.name": "Name",
    "ui.new_deal": "New deal",
    "ui.no_results": "Nothing found for",
    "ui.none": "none",
    "ui.not_found": "Not found",
    "ui.not_found_text": "Nothing here has the address",
    "ui.ontology": "Ontology",
    "ui.ontology_labels": "Labels",
    "ui.opgave_of": "is opgave of",
    "ui.opgaven": "Opgaven (recurring themes)",
    "ui.opgaven_n": "opgaven",
    "ui.onto_chain": "property chain",
    "ui.onto_characteristics": "characteristics",
    "ui.onto_classes": "Classes",
    "ui.onto_datatype_properties": "Datatype properties",
    "ui.onto_domain": "domain",
    "ui.onto_inverse_of": "inverse of",
    "ui.onto_object_properties": "Object properties",
    "ui.onto_range": "range",
    "ui.onto_subclass_of": "subclass of",
    "ui.onto_subproperty_of": "subproperty of",
    "ui.onto_version": "version",
    "ui.other_lang": "Nederlands",
    "ui.other_lang_code": "nl",
    "ui.page_nav": "Main menu",
    "ui.page_size": "Rows per page",
    "ui.parameters": "Parameters",
    "ui.permalink": "Permalink",
    "ui.predecessor": "Predecessor",
    "ui.props": "All properties",
    "ui.province": "Province",
    "ui.province_chart": "National contribution per province (bar chart)",
    "ui.province_note": (
        "A deal in k provinces counts 1/k in each of them, so that the provinces add up to the national total; "
        "where sources differ the lowest and highest amount are shown. The amounts come from the question"
    ),
    "ui.province_view": "Deals and money per province",
    "ui.provinces": "Provinces",
    "ui.provinces_of": "Provinces",
    "ui.releases": "Releases",
    "ui.queries": "Questions",
    "ui.query": "Query",
    "ui.query_list": "Named questions",
    "ui.regional": "Regional",
    "ui.required": "required",
    "ui.research_question": "Research question",
    "ui.results": "Result",
    "ui.results_for": "results for",
    "ui.rijk": "Rijk (national)",
    "ui.next_page": "Next rows",
    "ui.prev_page": "Previous rows",
    "ui.rows_of": "Rows {first}–{last} of {count}.",
    "ui.rows_over": "Rows {first}–{last} of more than {count}: this page counts no further.",
    "ui.download_all": "Download the whole answer",
    "ui.version": "release {version}",
    "ui.rows": "rows",
    "ui.run": "Run",
    "ui.search": "Search",
    "ui.search_button": "Search",
    "ui.search_label": "Search a deal, opgave, intervention or term",
    "ui.search_results": "Search results",
    "ui.show_sparql": "Show SPARQL",
    "ui.signed": "Agreement signed",
    "ui.site": "Regio Deals knowledge graph",
    "ui.skip": "Skip to content",
    "ui.sort": "Sort by this column",
    "ui.source_n": "source",
    "ui.sources": "Sources",
    "ui.sparql": "SPARQL",
    "ui.sparql_intro": "SPARQL 1.1 endpoint (read-only). Write a query; the editor shows errors where they are.",
    "ui.successor": "Successor",
    "ui.summary": "Summary",
    "ui.tab_name": "Name of the tab",
    "ui.switch_lang": "Schakel naar Nederlands",
    "ui.total": "Total",
    "ui.tranche": "Tranche",
    "ui.tranches": "Tranches",
    "ui.what": "What belongs here",
    "ui.with_amount": "with an amount",
    "ui.inverse_of": "is {noun} of",
    "engine.out_of_memory": "the query engine (pyoxigraph {version}) ran out of memory while answering this query",
    "engine.out_of_memory_hint": "make the query more selective or add a LIMIT (a sort holds every row in memory)",
    "engine.sort_abort": (
        "the query engine (pyoxigraph {version}) stopped while sorting: ORDER BY compares values of different kinds "
        "here (a known engine bug)"
    ),
    "engine.sort_abort_hint": "sort on STR(?x), or filter to one kind of value (e.g. FILTER(isNumeric(?x)))",
    "engine.stopped": "the query engine (pyoxigraph {version}) stopped while answering this query ({status})",
    "engine.stopped_hint": "make the query more selective or add a LIMIT; if it happens again, report the query",
}
