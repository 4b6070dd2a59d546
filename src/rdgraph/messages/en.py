"""rdgraph's messages in English: key -> text with ``{placeholders}``.

Every key is also in the other language's module (tests/test_messages.py); keys are grouped by
the part of rdgraph that says them (``entry.``, ``template.``, ``report.``, ``severity.``, ``cli.``)."""

MESSAGES: dict[str, str] = {
    "cli.wrote": "wrote {path}",
    "entry.date_future": (
        "The date {value} lies after {limit} (today plus {days} days); the data records what happened."
    ),
    "entry.date_future_hint": (
        "Check the year (a typo such as 2035 for 2025?); the margin can be set with "
        "RDGRAPH_FUTURE_MARGIN_DAYS."
    ),
    "entry.dt_expected": "The value of {path} has datatype {got}; {want} is expected.",
    "entry.dt_hint_boolean": "Write true or false without quotes.",
    "entry.dt_hint_date": "Write a date as \"2024-05-01\"^^xsd:date.",
    "entry.dt_hint_decimal": (
        "Write a number without quotes and with decimals, e.g. 7500000.00 (or \"7500000\"^^xsd:decimal); "
        "amounts in euro, not millions."
    ),
    "entry.dt_hint_fixed": "Write {fixed}.",
    "entry.dt_hint_generic": "Write the value as {want}.",
    "entry.dt_hint_integer": "Write a whole number without quotes, e.g. 2024 (not \"2024\" or 24).",
    "entry.dt_hint_string": "Write a text without a language tag, e.g. \"2024-2028\".",
    "entry.dup_hint": (
        "Is it the same deal? Then add to the existing deal instead of creating a new one; if not, choose"
        " a name that tells the deals apart."
    ),
    "entry.dup_iri": "This Regio Deal is already in the knowledge graph ({value}); a deal is added only once.",
    "entry.dup_name": "There is already a Regio Deal named \"{name}\" in tranche {tranche}: {other}.",
    "entry.dup_source": (
        "The source {url} already belongs to another Regio Deal, {other} ({label}): probably the same "
        "deal under a new IRI."
    ),
    "entry.dup_source_hint": (
        "Is it the same deal? Then add to {other} instead of creating a new deal. Is it a follow-up deal?"
        " Then name {other} as rdg:predecessor."
    ),
    "entry.empty": "The file contains no triples.",
    "entry.empty_hint": "Start from the template of 'rdgraph new-deal'.",
    "entry.kind.deal": "Regio Deal",
    "entry.kind.intervention": "Intervention",
    "entry.kind.other": "Part",
    "entry.lang_missing": "The text of {path} has no language tag; a text with @nl or @en is expected.",
    "entry.lang_missing_hint": "Put the language tag after the text, e.g. \"...\"@nl.",
    "entry.lang_unexpected": "The language tag @{tag} of {path} is not one of the expected ones (@nl, @en).",
    "entry.lang_unexpected_hint": "Use @nl for Dutch and @en for English (lower case, two letters).",
    "entry.literal_for_ref": "{path} expects a reference to a thing (an IRI), not a text.",
    "entry.literal_for_ref_hint": "Write the reference without quotes, e.g. opgave:9.",
    "entry.locked": "another 'rdgraph add' is working on data/ (lock {lock}); try again in a moment",
    "entry.locked_hint": "wait until it finishes, or pass --wait SECONDS to wait for it",
    "entry.no_files": "give one or more files",
    "entry.parse": "cannot read the file: {detail}",
    "entry.parse_hint": (
        "check the syntax near that position (a missing '.', ';' or quote is the usual cause; prefixes "
        "must be declared with @prefix)"
    ),
    "entry.parse_hint_jsonld": (
        "check the JSON near that position (a comma after the last element, a missing '}}' or ']' or a "
        "quote is the usual cause; a prefix such as \"rdg:\" belongs in \"@context\")"
    ),
    "entry.parse_hint_ntriples": (
        "check that line: in N-Triples each line is one triple with full IRIs in < >, ending in ' .' "
        "(there are no prefixes)"
    ),
    "entry.ref_for_literal": "{path} expects a value (text, number or date), not a reference.",
    "entry.relative_iri": "relative IRI {ref}: the file has no @base, so the IRI is incomplete",
    "entry.relative_iri_hint": (
        "write the full IRI (https://w3id.org/rdgraph/id/...) or a prefixed name such as regiodeal:name"
    ),
    "entry.shape_hint.Class": "Refer to an existing thing of the right kind.",
    "entry.shape_hint.Datatype": "Check how the value is written (number, year, date or text with a language tag).",
    "entry.shape_hint.HasValue": "Fill in the value named.",
    "entry.shape_hint.In": "Choose a value from the list in the message.",
    "entry.shape_hint.LanguageIn": (
        "Put @nl (Dutch) or @en (English) after the text, e.g. \"...\"@nl; leave out a name in another "
        "language."
    ),
    "entry.shape_hint.LessThanOrEquals": "The start lies after the end: check the start and end years.",
    "entry.shape_hint.MaxCount": "Keep only one value of {path}.",
    "entry.shape_hint.MaxInclusive": "The value is too large.",
    "entry.shape_hint.MinCount": "Fill in {path}; it is required.",
    "entry.shape_hint.MinInclusive": "The value is too small, or not a number.",
    "entry.shape_hint.MinInclusiveYear": "Write years in full as whole numbers (2024, not 24 or \"2024\").",
    "entry.shape_hint.NodeKind": "Write a reference (IRI) without quotes.",
    "entry.shape_hint.Not": "Remove the value named.",
    "entry.shape_hint.Or": "Refer to an existing thing of one of the kinds named, or add what is missing.",
    "entry.shape_hint.Pattern": "Check the spelling (see the message).",
    "entry.shape_hint.QualifiedMaxCount": "Keep at most one value of this kind for {path}.",
    "entry.shape_hint.QualifiedMinCount": "Add the missing value of {path} (see the message).",
    "entry.shape_hint.SPARQL": "See the message.",
    "entry.shape_hint.SPARQL:DealDateWindowShape": "Check the year of the date, or the deal's tranche.",
    "entry.shape_hint.SPARQL:PredecessorOrderShape": (
        "Name as predecessor the deal of an earlier tranche (often the same name without II/III), or "
        "check this deal's tranche."
    ),
    "entry.shape_hint.SPARQL:PredecessorSelf": (
        "Remove rdg:predecessor {value}, or name the deal this one builds on (e.g. regiodeal:foodvalley for "
        "regiodeal:foodvalley-ii)."
    ),
    "entry.shape_hint.SPARQL:RijksbijdrageOtherSourceShape": (
        "Check that both sources mean the same period and part; otherwise give both amounts an "
        "rdg:periodLabel."
    ),
    "entry.shape_hint.SPARQL:RijksbijdrageShape": (
        "Check the amounts and their sources: lower the Rijk's contribution or raise the total budget as "
        "the source gives them."
    ),
    "entry.shape_hint.UniqueLang": "Give at most one text per language; other spellings belong in skos:altLabel.",
    "entry.shape_hint.other": "See the message.",
    "entry.unknown_class": "The class {value} is not defined by the ontology.",
    "entry.unknown_prop": "The property {value} is not defined by the ontology.",
    "entry.unknown_ref": "Refers to {value}, but the knowledge graph does not hold it (nor does this file).",
    "entry.unknown_ref_hint": "Did you mean {sugg}?",
    "entry.unknown_ref_nohint": "Check the spelling, or add the thing first.",
    "entry.unknown_term_hint": "Did you mean {sugg}? (a typo in the name of a property or class)",
    "entry.unknown_value_term": (
        "{value} does not exist: the ontology defines no such term and the knowledge graph holds no such "
        "thing."
    ),
    "limit.hint": "if you trust this input, raise the limit with --max {limit}=N or {env}=N",
    "limit.name.depth": "nesting depth",
    "limit.name.entry_triples": "triples in the entries",
    "limit.name.input_bytes": "input file size (bytes)",
    "limit.name.list_length": "list length (members)",
    "limit.name.literal_bytes": "literal size (characters)",
    "limit.name.numeric_exponent": "numeric literal magnitude (exponent or digits)",
    "limit.name.query_bytes": "query text size (bytes)",
    "limit.name.query_depth": "query nesting depth",
    "limit.name.query_seconds": "query time (seconds)",
    "limit.name.remote_bytes": "remote response size (bytes)",
    "limit.name.remote_seconds": "remote response time (seconds)",
    "limit.name.result_bytes": "result size (bytes)",
    "limit.name.result_rows": "result rows",
    "limit.over": "{what}: {value} is over the limit of {maximum}",
    "limit.over_count": "{what}: more than {maximum}, the limit",
    "report.hint": "hint",
    "report.no_problems": "No problems found",
    "report.not_added": "Nothing was added.",
    "report.summary": "{violations} violation(s), {warnings} warning(s).",
    "report.value": "value",
    "report.written": "Written: {files}",
    "severity.Info": "info",
    "severity.Violation": "violation",
    "severity.Warning": "warning",
    "template.alt": "other spellings of the name",
    "template.attr": "Opgaven (recurring themes) the deal addresses: one attribution per opgave",
    "template.closed": "choose one of",
    "template.deal": "The deal itself",
    "template.fill": "FILL-IN",
    "template.head": (
        "New Regio Deal: {name} (tranche {tranche}).\n"
        "Fill in the fields and check with:  rdgraph validate {slug}.ttl\n"
        "Then add it with:                   rdgraph add {slug}.ttl\n"
        "Lines starting with one '#' are optional: remove the '#' to use them.\n"
        "REQUIRED marks what must always be filled in. Amounts in euro (xsd:decimal, e.g.\n"
        "7500000.00), years as whole numbers (2025), texts with a language tag (@nl / @en)."
    ),
    "template.interv": "Interventions (projects) of the deal: copy this block per intervention",
    "template.label_en": "English name, exactly one (often the same as the Dutch)",
    "template.label_nl": "Dutch name, exactly one",
    "template.ministries": "signatories: ministries (choose from the list) and other organisations",
    "template.money": "Amounts: one node per amount, each with kind, amount in euro and source",
    "template.period": "period",
    "template.places": "provinces and municipalities (id/provincie/..., id/gemeente/...)",
    "template.pred": "predecessor (for a follow-up deal), an existing deal",
    "template.req": "REQUIRED",
    "template.rijk_le_total": "the Rijk's contribution may not exceed the total budget (same source)",
    "template.source": "source(s): an existing source (bron:...) or a new one below",
    "template.topic": "topics in the source's words",
    "template.tranche": "the tranche (1 to 6)",
    "template.unresolved": "--region {r}: not found as a province or municipality{s}",
    "template.websource": "A new public source (leave out if you use an existing source)",
    "changelog.h.alt_labels_added": "Alternative labels added",
    "changelog.h.alt_labels_removed": "Alternative labels removed",
    "changelog.h.amounts_added": "Amounts added",
    "changelog.h.amounts_changed": "Amounts changed (old → new, with source)",
    "changelog.h.amounts_removed": "Amounts dropped",
    "changelog.h.conflicts_changed": "Conflicts changed",
    "changelog.h.conflicts_opened": "Conflicts between sources opened",
    "changelog.h.conflicts_resolved": "Conflicts resolved",
    "changelog.h.deals_added": "Deals added",
    "changelog.h.deals_removed": "Deals removed",
    "changelog.h.iris_deprecated": "IRIs deprecated",
    "changelog.h.iris_removed": "IRIs gone",
    "changelog.h.labels_changed": "Labels changed",
    "changelog.h.possible_renames": "Possibly renamed (same type and label)",
    "changelog.h.relations_added": "Relations added",
    "changelog.h.relations_removed": "Relations removed",
    "changelog.h.sources_added": "Sources added",
    "changelog.h.sources_removed": "Sources removed",
    "changelog.h.things_added": "New things per class",
    "changelog.h.values_added": "Values added to existing things",
    "changelog.h.values_changed": "Values changed",
    "changelog.h.values_removed": "Values removed from existing things",
    "changelog.level": "Version level: {level} ({why})",
    "changelog.more": "… and {n} more (see --format json)",
    "changelog.no_source": "no source",
    "changelog.none": "No changes.",
    "changelog.replaced_by": "replaced by",
    "changelog.s.amounts": "amounts: {a} new, {c} changed, {r} dropped",
    "changelog.s.conflicts": "conflicts between sources: {a} opened, {r} resolved, {c} changed",
    "changelog.s.deals": "{a} deals added, {r} removed",
    "changelog.s.iris": "IRIs: {a} new, {r} gone, {d} deprecated",
    "changelog.s.labels": "{c} labels changed, {a} alternative labels added, {r} removed",
    "changelog.s.relations": "{a} relations added, {r} removed (between existing things)",
    "changelog.s.sources": "{a} sources added, {r} removed",
    "changelog.s.triples": "{a} triples added, {r} removed",
    "changelog.s.values": "values of existing things: {c} changed, {a} added, {r} removed",
    "changelog.summary": "Summary",
    "changelog.title": "Changes from {old} to {new}",
    "changelog.tranche": "tranche",
    "changelog.why.major": "IRIs removed or replaced",
    "changelog.why.minor": "additions, nothing removed",
    "changelog.why.none": "nothing changed",
    "changelog.why.patch": "corrections only",
    "changelog.withdrawn": "withdrawn",
    "releases.all_releases": "All releases",
    "releases.bytes": "Bytes",
    "releases.changelog": "Changes",
    "releases.current": "This server shows release {v}.",
    "releases.file": "File",
    "releases.files": "Files",
    "releases.gone": "Withdrawn",
    "releases.gone_text": "This IRI has been withdrawn and no longer names anything:",
    "releases.intro": (
        "Every release of the data has a version number (semantic versioning: an IRI removed or "
        "replaced is a major version, additions a minor one, corrections a patch), a changelog, files "
        "with checksums and a DCAT description."
    ),
    "releases.issued": "issued",
    "releases.level": "level",
    "releases.none": "There is no release yet.",
    "releases.not_here": "not on this server (manifest only)",
    "releases.previous": "previous",
    "releases.title": "Releases",
    "releases.unreleased": "This server shows a working version with changes after release {v}.",
    "stable.bare": (
        "IRI of release {v} is deprecated without a successor (dcterms:isReplacedBy) or a note "
        "(skos:historyNote)"
    ),
    "stable.dangling": "the successor {new} is not in the graph",
    "stable.gone": "IRI of release {v} has disappeared",
    "stable.gone.hint": (
        "keep the IRI: <{iri}> owl:deprecated true ; dcterms:isReplacedBy <new IRI> (renamed) or "
        'skos:historyNote "why"@en (withdrawn)'
    ),
    "stable.undeprecated": "IRI has dcterms:isReplacedBy but not owl:deprecated true",
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
    # the answers report (rdgraph report): report.rq.<key>
    'report.rq.title': 'Recurring themes in the Regio Deals — the answers, with the evidence from the knowledge graph',
    'report.rq.subtitle': (
        "Per research question first the report's own answer (cited), then the tables and charts that "
        'support it, then what the knowledge graph adds.'
    ),
    'report.rq.toc': 'Contents',
    'report.rq.generated': (
        'Generated on {date} by rdgraph from {triples} triples ({inferred} inferred) and {sources} '
        'sources.'
    ),
    'report.rq.q': 'Question {n}',
    'report.rq.answer': "The report's answer",
    'report.rq.evidence': 'Evidence from the graph',
    'report.rq.adds': 'What the graph adds',
    'report.rq.method': 'How the study was done',
    'report.rq.nawoord': 'Afterword and recommendations',
    'report.rq.quality': 'Completeness and conflicts between sources',
    'report.rq.sources': 'Sources',
    'report.rq.footnotes': 'Footnotes',
    'report.rq.finding_kinds': '{n} findings',
    'report.rq.statement_in': "the report's text ({language})",
    'report.rq.lang_nl': 'Dutch',
    'report.rq.lang_en': 'English',
    'report.rq.examples': 'Examples',
    'report.rq.counts': 'Counts: {what}.',
    'report.rq.rule': 'Rule: {rule}',
    'report.rq.total': 'Total',
    'report.rq.none_recorded': 'nothing recorded',
    'report.rq.not_coded': 'not coded',
    'report.rq.not_coded_short': 'n.c.',
    'report.rq.not_coded_legend': 'not coded: no deal of this column has an opgave attributed (unknown, not 0)',
    'report.rq.partly_coded': (
        'In columns where not every deal is coded, the cells count only the coded deals; not coded: '
        '{names}.'
    ),
    'report.rq.chart_data': 'Data of the chart',
    'report.rq.partly_coded_legend': (
        '* not every deal of the column is coded: the cells count only the coded deals (number in '
        'brackets)'
    ),
    'report.rq.money_bar_legend': 'split, M EUR (in brackets: number of deals)',
    'report.rq.money_bar_axis': 'Rijksbijdrage, split (M EUR)',
    'report.rq.inferred': 'inferred',
    'report.rq.inferred_legend': "placement inferred by the data's authors (rdgraph why explains how)",
    'report.rq.stated_legend': 'placement as the report states it',
    'report.rq.yes': 'yes',
    'report.rq.no': 'no',
    'report.rq.approx': 'approx.',
    'report.rq.opgaven_domains': 'The 15 recurring themes in 7 domains',
    'report.rq.opgaven_domains_counts': 'one row per opgave; 15 opgaven in 7 domains',
    'report.rq.heat_report': 'Deals per opgave and tranche — the deals the report analysed (tranches 1-4)',
    'report.rq.heat_report_note': (
        'Annex A lists {listed} deals ({per_tranche}); the study left out {excluded} ({excluded_names}). '
        'The cells count the {analysed} analysed deals, with attributions from the report and from public'
        ' sources.'
    ),
    'report.rq.heat_public': (
        'Public records: deals per opgave and tranche, tranches 1-6 (a separate view, not the report)'
    ),
    'report.rq.heat_public_note': (
        'All {deals} deals the graph knows, including the {excluded} the report left out and tranches 5 '
        'and 6 from after the report; attributions of every strength.'
    ),
    'report.rq.heat_counts': (
        'the number of distinct deals per opgave and tranche; n = deals in the column, in brackets how '
        'many of them have an opgave attributed (coded)'
    ),
    'report.rq.col_tranche': 'Tranche',
    'report.rq.col_opgave': 'Opgave',
    'report.rq.col_domain': 'Domain',
    'report.rq.col_deals': 'Deals',
    'report.rq.col_n': 'n (coded)',
    'report.rq.deals_per_tranche': 'Deals per tranche',
    'report.rq.deals_per_tranche_counts': 'one row per tranche; Annex A: 6, 12, 14, 14 = 46 deals',
    'report.rq.col_in_graph': 'in the graph',
    'report.rq.col_in_report': 'in Annex A',
    'report.rq.col_excluded': 'left out',
    'report.rq.col_analysed': 'analysed',
    'report.rq.col_coded': 'with opgave',
    'report.rq.crossing': 'Domain-crossing deals (opgaven in two or more domains)',
    'report.rq.crossing_counts': 'one row per deal; all {n} deals with opgaven in two or more domains',
    'report.rq.col_domains': 'domains',
    'report.rq.col_opgaven': 'opgaven',
    'report.rq.typology': 'Starting point and breadth of the deals the report gives as examples',
    'report.rq.col_starting_point': 'starting point',
    'report.rq.col_breadth': 'breadth',
    'report.rq.col_topics': 'topics',
    'report.rq.factors': 'Success and failure factors (3.3)',
    'report.rq.lessons': 'Lessons on effectiveness (3.2)',
    'report.rq.instruments': 'Six types of instrument and the interventions that use them',
    'report.rq.instruments_counts': 'one row per instrument type; interventions by name',
    'report.rq.col_instrument': 'instrument',
    'report.rq.col_interventions': 'interventions',
    'report.rq.evaluations': 'Evaluation documents per tranche (Annex B)',
    'report.rq.evaluations_counts': 'documents, not kinds: a document of two kinds counts once',
    'report.rq.col_documents': 'documents',
    'report.rq.col_kinds': 'kinds',
    'report.rq.no_eval': 'Deals of tranches 1-3 without an evaluation document',
    'report.rq.illustrations': 'Three illustrations: period and money (3.4)',
    'report.rq.col_intervention': 'intervention',
    'report.rq.col_deal': 'deal',
    'report.rq.col_period': 'period',
    'report.rq.col_total': 'total',
    'report.rq.col_rijk': 'Rijk',
    'report.rq.col_cofunding': 'co-funding',
    'report.rq.figures': 'The Twents Fonds voor Vakmanschap in figures (3.4)',
    'report.rq.figures_counts': (
        "one row per figure the report gives; approx. = the report says 'about', 'over', 'almost' or "
        "'more than'"
    ),
    'report.rq.col_figure': 'figure',
    'report.rq.col_value': 'value',
    'report.rq.col_unit': 'unit',
    'report.rq.col_kind': 'kind',
    'report.rq.money_tranche': 'Rijksbijdrage per tranche (public records)',
    'report.rq.money_tranche_counts': 'one row per tranche; per deal the lowest and highest stated amount',
    'report.rq.col_low': 'low (EUR)',
    'report.rq.col_high': 'high (EUR)',
    'report.rq.col_conflict': 'deals whose sources differ',
    'report.rq.money_province': 'Rijksbijdrage per province (public records)',
    'report.rq.money_province_counts': 'one row per province, plus one row for deals without a province',
    'report.rq.money_province_rule': (
        "a deal in k provinces counts 1/k of its amount in each province (split), so the 'split' column "
        "adds up to the national total of {total}; 'in full' counts such a deal wholly in every province "
        'and does not add up. {inferred} provinces of deals are derived from their municipalities '
        '(rdg:isInference).'
    ),
    'report.rq.no_province': '(no province)',
    'report.rq.no_province_list': '{n} deals without a province in any source: {names}.',
    'report.rq.col_province': 'province',
    'report.rq.col_split': 'split',
    'report.rq.col_full': 'in full',
    'report.rq.col_only_here': 'only here',
    'report.rq.observations': 'Observations on the feedback loop (4.2)',
    'report.rq.ladder': 'The feedback-loop ladder: interventions on their highest rung',
    'report.rq.ladder_counts': 'one row per rung; interventions on the highest rung they reached',
    'report.rq.ladder_note': (
        "The ladder is derived from chapter 4 (the report's figure of the layers is not in its text)."
    ),
    'report.rq.col_rank': 'rung',
    'report.rq.col_layer': 'layer',
    'report.rq.col_names': 'which',
    'report.rq.paths': 'The path of the feedback, step by step (3.4, 4.2)',
    'report.rq.col_step': 'step',
    'report.rq.col_date': 'date',
    'report.rq.col_event': 'event',
    'report.rq.moved': 'Themes that moved to other programmes',
    'report.rq.col_programme': 'programme',
    'report.rq.ministries_named': 'Ministries the text names',
    'report.rq.ministries_named_counts': "one row per ministry; the report's sections that name it",
    'report.rq.col_ministry': 'ministry',
    'report.rq.col_sections': 'sections',
    'report.rq.col_people': 'people in Annex C',
    'report.rq.signed_mentioned': 'Ministries: signed versus mentioned in progress reports',
    'report.rq.signed_mentioned_text': (
        '{signed} deal–ministry pairs signed (public records); who is mentioned in the progress reports '
        'the report did not publish per deal ({mentioned} recorded).'
    ),
    'report.rq.cosigned': 'Co-signing ministries per tranche (public records)',
    'report.rq.phases': 'Phases and activities',
    'report.rq.phases_counts': 'one row per research activity',
    'report.rq.col_activity': 'activity',
    'report.rq.col_phase': 'phase',
    'report.rq.col_docs_studied': 'documents studied',
    'report.rq.col_participants': 'participants',
    'report.rq.col_dealmakers': 'dealmakers',
    'report.rq.people': 'People involved (Annex C)',
    'report.rq.people_counts': "one row per person; position in the report's words",
    'report.rq.col_person': 'person',
    'report.rq.col_groups': 'groups',
    'report.rq.col_position': 'position',
    'report.rq.col_roles': 'role',
    'report.rq.dilemma': 'The effectiveness dilemma (1.2)',
    'report.rq.deal_completeness': 'What the graph does and does not know per deal',
    'report.rq.deal_completeness_counts': 'one row per tranche; numbers of deals',
    'report.rq.col_with_amount': 'with amount',
    'report.rq.col_with_province': 'with province',
    'report.rq.col_with_theme': 'with opgave',
    'report.rq.conflicts': 'Sources that contradict each other',
    'report.rq.conflicts_counts': 'one row per claim; the same matter, different values',
    'report.rq.col_subject': 'subject',
    'report.rq.col_about': 'about',
    'report.rq.col_claim': 'claim',
    'report.rq.col_source': 'source',
    'report.rq.dq': 'Checks on the data',
    'report.rq.dq_line': '{name}: {n}',
    'report.rq.public_sources': 'Public sources behind the tables of public records: {n} web pages.',
    'report.rq.section_cite': '§{number}',
    'report.rq.page_cite': 'p. {page}',
    'report.rq.report_name': 'Rode Draden in Regio Deals (Rebel, 2024)',
    'report.rq.eur_m': '€{v:,.1f}M',
    'report.rq.kind_ambition': 'ambition',
    'report.rq.kind_result': 'result',
    'report.rq.kind_condition': 'condition',
    'report.rq.kind_maximum': 'maximum',
    'report.rq.kind_frequency': 'frequency',
    'report.rq.rq_none': 'no single question',
    'report.rq.dq.dq-bronloze-feiten': 'facts without a source',
    'report.rq.dq.dq-deals-zonder-opgave': 'deals without an opgave',
    'report.rq.dq.dq-ontbrekende-labels': 'missing labels',
    "entry.writes.changed": "changed",
    "entry.writes.dry": "Would write (--dry-run, nothing written):",
    "entry.writes.head": "Written:",
    "entry.writes.line": "+{added} triples, {triples} in all; {warnings} warning(s)",
    "entry.writes.new": "new",
    "entry.writes.unchanged": "unchanged",
    "template.alt_rule": "other names, each with @nl or @en (the covenant's name, the selection name)",
    "template.dates": (
        "dates (xsd:date \"2025-09-24\", or xsd:gYearMonth \"2025-09\" / xsd:gYear \"2025\" where the source is "
        "less precise); around the tranche's selection, not in the future"
    ),
    "template.from_ref": (
        "Prefilled from what the public records in the graph say about {name}: the deal exists already ({iri}); "
        "this file adds to it."
    ),
    "template.held": "already in the graph (public records), do not fill in again",
    "template.infer": "rdg:isInference true + skos:note: the attribution is your interpretation of the source",
    "template.money_rule": (
        "one node per amount, each with its own source (prov:wasDerivedFrom): two sources that differ give two "
        "nodes; amounts in euro as xsd:decimal (\"8300000\"^^xsd:decimal or 8300000.00, not 8.3 or \"8,3 million\")"
    ),
    "template.more": "Other properties of a deal (from the ontology)",
    "template.name_rule": (
        "the name without 'Regio Deal' in front (the graph calls every deal that); 'Regio Deal ...' belongs in "
        "skos:altLabel as another name"
    ),
    "template.new_place": (
        "A new municipality (only if the graph does not know it yet; existing ones: gemeente:<name>, see above); "
        "goes to data/deals/_gemeenten.ttl"
    ),
    "template.no_ref": "no deal named {name} in the public records{s}",
    "template.notes": (
        "notes: skos:note for a remark, rdg:vagueness where the source is vague, rdg:sourceQuirk for a quirk of "
        "the source (the data keeps it)"
    ),
    "template.signed": "covenant signed on",
    "template.statement": (
        "A fact with a source of its own (another source than the deal's), or an inference of yours: a statement "
        "(rdf:Statement) with prov:wasDerivedFrom; if the source does not say it in so many words, set "
        "rdg:isInference true and say in skos:note how you derived it"
    ),
    "cli.validating": "validating",
    "release.first": "# rdgraph {v}\n\nFirst release: {triples} asserted triples, {iris} IRIs.\n",
    "ui.inverse_of": "is {noun} of",
    "form.hint.altlabel": "one per line, e.g. Regio Deal Zaanstreek",
    "form.hint.municipalities": "references, separated by commas: oostzaan, beverwijk",
    "form.hint.name": "without 'Regio Deal', e.g. Zaanstreek",
    "form.hint.name_en": "empty: the same as the name",
    "form.hint.note": "a remark on the deal (skos:note)",
    "form.hint.predecessor": "for a follow-up deal: the reference, e.g. foodvalley",
    "form.hint.provinces": "references, separated by commas: noord-holland",
    "form.hint.rijksbijdrage": "in euro, e.g. 8300000",
    "form.hint.signatories": "e.g. ministerie-vro, ministerie-bzk",
    "form.hint.signed": "YYYY-MM-DD",
    "form.hint.source": "an existing source (bron:web-...) or a URL",
    "form.hint.tranche": "1 to 6",
    "form.label.altlabel": "Other names",
    "form.label.municipalities": "Municipalities",
    "form.label.name": "Name",
    "form.label.name_en": "English name",
    "form.label.note": "Note",
    "form.label.predecessor": "Predecessor",
    "form.label.provinces": "Provinces",
    "form.label.rijksbijdrage": "Rijk's contribution (euro)",
    "form.label.signatories": "Signatories",
    "form.label.signed": "Covenant signed on",
    "form.label.source": "Source",
    "form.label.tranche": "Tranche",
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
