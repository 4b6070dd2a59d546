"""Property-based fuzzing (Hypothesis, derandomized, a fixed CI-sized budget) of the doors a user types into:
the entry parser and validator, and the binder of named-query parameters.

Whatever the input, the answer is a result or an :class:`~rdgraph.errors.RdgraphError` (which the CLI
prints as one message with exit code 2), never another exception.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rdgraph.entries.parse import parse_entry
from rdgraph.errors import RdgraphError
from rdgraph.limits import Limits
from rdgraph.prescan import check_query
from rdgraph.queries import variables

FUZZ = settings(max_examples=100, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
SMALL = Limits().replace(depth=8, list_length=20, literal_bytes=200, entry_triples=200, numeric_exponent=50)

PREFIXES = ("@prefix rdg: <https://w3id.org/rdgraph/def/regiodeals#> .\n"
            "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
            "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
            "@prefix deal: <https://w3id.org/rdgraph/id/regiodeal/> .\n")
NASTY = st.text(alphabet=st.sampled_from(list("ab \"'\\{}[]()<>#;,.:^@\n\t\x00\x1b\u202e\u0085é9e+-")),
                max_size=40)
NUMBER = st.builds(lambda m, e: f"{m}e{e}", st.integers(-10**6, 10**6),
                   st.one_of(st.integers(-400, 400), st.integers(-10**12, 10**12)))
TERM = st.one_of(
    st.sampled_from(["deal:x", "deal:y", "rdg:RegioDeal", "<https://e/a>", "<foo>", "<>", "[]", "()", "a",
                     "true", "1", "-2.5", '""', "rdfs:label", "rdg:tranche", "<https://w3id.org/rdgraph/id/tranche/2>"]),
    NUMBER,
    NASTY.map(lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'),
    st.tuples(NASTY, st.sampled_from(["@nl", "@en", "^^xsd:decimal", "^^xsd:integer", "^^xsd:double", ""])).map(
        lambda t: '"' + t[0].replace("\\", "").replace('"', "").replace("\n", "") + '"' + t[1]),
)


SUBJECT = st.sampled_from(["deal:x", "deal:y", "<https://e/a>", "[]", "<https://w3id.org/rdgraph/id/regiodeal/twente>"])
PREDICATE = st.sampled_from(["a", "rdfs:label", "rdg:tranche", "rdg:amountEUR", "rdg:startYear", "rdg:province",
                             "rdg:fundingOf", "rdg:nonsense", "rdfs:comment"])
OBJECT = st.one_of(st.sampled_from(["rdg:RegioDeal", "rdg:FundingAmount", "deal:y", "<https://w3id.org/rdgraph/id/"
                                    "tranche/2>", "1", "2024", "-2.5", "true"]), NUMBER,
                   st.tuples(NASTY, st.sampled_from(["@nl", "@en", "^^xsd:decimal", "^^xsd:integer", ""])).map(
                       lambda t: '"' + t[0].replace("\\", "").replace('"', "").replace("\n", "") + '"' + t[1]))


@st.composite
def entry(draw) -> str:
    """Well-formed Turtle entries of plausible and implausible statements (for the validator)."""
    statements = draw(st.lists(st.tuples(SUBJECT, PREDICATE, OBJECT), min_size=1, max_size=12))
    return PREFIXES + "".join(f"{s} {p} {o} .\n" for s, p, o in statements)


@st.composite
def turtle(draw) -> str:
    """Turtle-ish text: mostly well-formed statements, with nesting, lists, odd literals and raw noise."""
    depth = draw(st.integers(0, 12))
    opener = draw(st.sampled_from(["[ rdfs:label ", "( ", "[ rdg:tranche "]))
    closer = {"[ rdfs:label ": " ]", "( ": " )", "[ rdg:tranche ": " ]"}[opener]
    statements = draw(st.lists(st.tuples(TERM, TERM, TERM), max_size=8))
    body = "".join(f"{s} {p} {o} .\n" for s, p, o in statements)
    nested = f"deal:x rdfs:comment {opener * depth}\"n\"{closer * depth} .\n"
    noise = draw(NASTY)
    items = " ".join(draw(st.lists(TERM, max_size=30)))
    return PREFIXES + body + nested + f"deal:y rdfs:seeAlso ( {items} ) .\n" + draw(st.sampled_from(["", noise]))


@FUZZ
@given(text=turtle(), ext=st.sampled_from([".ttl", ".nt", ".trig"]))
def test_entry_parser_answers_or_refuses(tmp_path, text, ext):
    p = tmp_path / f"entry{ext}"
    p.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        triples = parse_entry(p, lang="en", limits=SMALL)
    except RdgraphError as e:
        assert str(e)
        return
    assert len(triples) <= SMALL.entry_triples
    for t in triples:  # relative IRIs are refused, never resolved against the file's path
        assert not any(getattr(x, "value", "").startswith("file:") for x in t)


@FUZZ
@given(doc=st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20),
                                  st.sampled_from(["@id", "https://e/p", "foo", "1e999999"])),
                        lambda inner: st.lists(inner, max_size=5) | st.dictionaries(
                            st.sampled_from(["@id", "@type", "@value", "@list", "@context", "https://e/p",
                                             "@language", "@graph", "x"]), inner, max_size=4),
                        max_leaves=30))
def test_jsonld_entry_parser_answers_or_refuses(tmp_path, doc):
    import json

    p = tmp_path / "entry.jsonld"
    p.write_text(json.dumps(doc), encoding="utf-8")
    try:
        parse_entry(p, lang="en", limits=SMALL)
    except RdgraphError:
        pass


# ---------------------------------------------------------------- the validator, in the graph's context

@pytest.fixture(scope="module")
def kg():
    import rdgraph

    return rdgraph.load()


@settings(max_examples=25, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=entry())
def test_validator_answers_or_refuses(tmp_path, kg, text):
    from rdgraph.entries import validate_entries

    p = tmp_path / "entry.ttl"
    p.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        report = validate_entries(kg, [p], lang="en")
    except RdgraphError:
        return
    assert "\x1b" not in report.to_text() or "\x1b" not in text
    report.to_json()


# ---------------------------------------------------------------- the parameter binder

VALUES = st.one_of(
    NASTY, NUMBER, st.integers(-10**30, 10**30).map(str), st.text(max_size=30),
    st.sampled_from(["9", "2", "nl", "en", "true", "2024-01-01", "stallenaanpak", "https://e/x", "x> } DROP ALL {",
                     '" } ; INSERT DATA { <a> <b> <c> } #', "?s", "$x", "1" * 5000]))


@pytest.fixture(scope="module")
def catalogue():
    from pathlib import Path

    from rdgraph.queries import Catalogue

    return Catalogue(Path(__file__).resolve().parent.parent / "queries")


@FUZZ
@given(data=st.data())
def test_binder_binds_one_term_or_refuses(catalogue, kg, data):
    queries = [q for q in catalogue.all() if q.params]
    q = data.draw(st.sampled_from(queries))
    names = [p.name for p in q.params]
    values = data.draw(st.dictionaries(st.sampled_from(names + ["nope"]), VALUES, max_size=3))
    try:
        text = q.bind(values)
    except RdgraphError:
        return
    check_query(text, where=q.name)  # never over a limit because of a value
    # a value is one term in a VALUES block: it adds no variable and cannot change the query's shape
    assert variables(text) <= variables(q.text) | set(names)
    try:
        res = kg.sparql(text, name=q.name)
    except RdgraphError:
        return
    assert res.variables is not None
