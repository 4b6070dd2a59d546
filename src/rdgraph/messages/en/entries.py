"""rdgraph's messages in English: new entries: their checks, the entry form and template, severities, resource limits.

Key -> text with ``{placeholders}``."""

MESSAGES: dict[str, str] = {
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
}
