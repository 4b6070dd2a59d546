"""``rdgraph report``: the source's answers first (all 36 findings, both languages, cited), counts that reconcile,
honest charts, no Dutch UI text in English, xlsx with typed cells.

Expected figures come from the report (Bijlage A: 6/12/14/14 deals, 3 left out; Bijlage B: 3/13/14 documents) or
the public records by hand (tests/golden/money-per-province.yaml); see tests/golden/README.md.
"""

from __future__ import annotations

import datetime as dt
import html as htmllib
import io
import re
import subprocess
import sys

import pytest

import rdgraph
from rdgraph.messages import CATALOGUES
from rdgraph.report import build_report, render_html, render_text, render_xlsx
from rdgraph.report.model import Text

# the report's own words (keys report.rq.*; the names of the data-quality checks are the queries' own)
STRINGS = {lang: {k: v for k, v in texts.items() if k.startswith("report.rq.") and not k.startswith("report.rq.dq.")}
           for lang, texts in CATALOGUES.items()}


@pytest.fixture(scope="module")
def kg():
    return rdgraph.load()


@pytest.fixture(scope="module")
def reports(kg):
    out = {}
    for lang in ("nl", "en"):
        rep = build_report(kg, lang)
        out[lang] = (rep, render_text(rep), render_html(rep))
    return out


def _table(rep, tid):
    return next(t for t in rep.tables() if t.id == tid)


def _visible(html: str) -> str:
    body = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", body))


# ---------------------------------------------------------------- the source's answer first

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_finding_appears_in_text_and_html(kg, reports, lang):
    rep, text, page = reports[lang]
    labels = [str(r["findingLabel"]) for r in kg.query("bevindingen", lang=lang)]
    assert len(labels) == 36
    flat_text = " ".join(text.split())
    flat_page = " ".join(_visible(page).split())
    missing_text = [x for x in labels if " ".join(x.split()) not in flat_text]
    missing_page = [x for x in labels if " ".join(x.split()) not in flat_page]
    assert not missing_text and not missing_page, (missing_text, missing_page)
    assert len(rep.findings()) == 36
    assert all(f.cites for f in rep.findings()), "every finding cites its report section"


def test_each_question_answers_with_the_report_first(reports):
    rep, text, _ = reports["en"]
    for n, first in ((1, "rq1-answer"), (2, "rq2-answer"), (3, "rq3-answer")):
        sec = rep.sections[n - 1]
        assert sec.id == f"rq{n}" and [s.id for s in sec.subsections] == [first, f"rq{n}-evidence", f"rq{n}-adds"]
    # the research questions in the report's words, from the data
    assert "What are the recurring themes" in text and "Wat zijn de rode draden" in reports["nl"][1]


def test_footnotes_cite_sections_with_pages_and_public_urls(reports):
    rep, text, page = reports["en"]
    notes = [n for _, _, n in rep.citations.notes()]
    assert any("§3.2" in n and "p. 39" in n for n in notes)
    assert any("§4.2" in n and "p. 49" in n for n in notes)
    assert re.search(r"\[\d+\] Rode Draden in Regio Deals \(Rebel, 2024\), §3\.3", text)
    assert 'id="fn-1"' in page and 'href="#fn-1"' in page
    assert "https://www.rijksoverheid.nl/" in page           # the public records' own URLs, listed
    # a table of contents that links to every section
    for sid in ("rq1", "rq2-evidence", "rq3-adds", "method", "nawoord", "quality", "footnotes"):
        assert f'href="#{sid}"' in page and f'id="{sid}"' in page


# ---------------------------------------------------------------- counts that reconcile

def test_counts_reconcile_with_the_report(reports):
    rep = reports["en"][0]
    dpt = _table(rep, "deals-per-tranche")
    assert [r["reportDeals"] for r in dpt.rows[:4]] == [6, 12, 14, 14] and dpt.total["reportDeals"] == 46
    assert dpt.total["excluded"] == 3 and dpt.total["analysed"] == 43
    ev = _table(rep, "evaluations-data")
    assert [r["documents"] for r in ev.rows] == [3, 13, 14] and ev.total["documents"] == 30
    dom = _table(rep, "opgaven-domains")
    assert len(dom.rows) == 15 and len({r["domain"] for r in dom.rows}) == 7
    heat = _table(rep, "heat-report-data")
    assert [heat.total[f"t{t}"] for t in (1, 2, 3, 4)] == [3, 12, 14, 14]   # the analysed deals, not 46 + public
    assert "T5" not in " ".join(c.header for c in heat.columns)
    assert len(_table(rep, "rq2-factors").rows) == 8 and len(_table(rep, "rq2-lessons").rows) == 4


def test_money_per_province_states_its_rule_and_lists_what_it_leaves_out(reports):
    rep, text, _ = reports["en"]
    money = _table(rep, "money-per-province")
    tranche_total = _table(rep, "money-per-tranche").total["total_eur_low"]
    assert abs(float(money.total["split_low"]) - float(tranche_total)) < 1
    assert "1/k" in money.rule and "Rule:" in text
    none_row = [r for r in money.rows if isinstance(r["province"], Text)]
    assert len(none_row) == 1 and none_row[0]["deals"] == 29
    assert "29 deals without a province in any source: Caribisch Nederland (T1)" in " ".join(text.split())


# ---------------------------------------------------------------- honest charts

def test_not_coded_is_not_zero(kg):
    from rdgraph.report.query_charts import heat

    real = build_report(kg, "en")
    dpt = {5: {"deals": 22, "coded": 0, "notCoded": "A; B"}, 6: {"deals": 12, "coded": 3, "notCoded": "C"}}
    rows = [{"number": 1, "opgaveLabel": "one", "tranche": 6, "deals": 2}]
    chart = heat("en", "heat-x", "x", rows, [5, 6], dpt, "deals", "coded", "notCoded", "", [])
    row = chart.data.rows[0]
    assert isinstance(row["t5"], Text) and row["t5"].value == "not coded"   # unknown, never 0
    assert row["t6"] == 2 and row["total"] == 2
    assert "not coded" in chart.svg and 'hatch' not in chart.svg.split("<title")[0]
    assert "T6*" in chart.svg                                         # a partly coded column is flagged
    page = render_html(real)
    assert "td.unknown" in page


def test_charts_are_followed_by_their_data_and_labels_are_not_cut(reports):
    rep, _, page = reports["en"]
    figures = re.findall(r'<figure id="([^"]+)">.*?</figure>\s*(?:<p[^>]*>.*?</p>\s*)*<table id="([^"]+)"', page,
                         flags=re.S)
    assert {f for f, _ in figures} >= {"heat-report", "heat-public", "evaluations", "money-per-province", "ladder"}
    assert all(t == f + "-data" or t == f for f, t in figures)
    assert "…" not in _visible(page)                               # no label cut with an ellipsis
    assert "@page{size:A4" in page and "break-before:page" in page


def test_ladder_marks_inferred_placements(reports):
    rep, text, _ = reports["en"]
    ladder = _table(rep, "ladder-data")
    rung3 = next(r for r in ladder.rows if r["rank"] == 3)
    assert rung3["inferred"] == 1 and "Twente Fund for Craftsmanship (inferred)" in rung3["names"]
    assert ladder.total["interventions"] == 4


# ---------------------------------------------------------------- fully bilingual

def _fragments(s: str) -> list[str]:
    return [f.strip(" .,:;()'") for f in re.split(r"\{[^}]*\}", s) if len(f.strip(" .,:;()'")) >= 10]


def _without_marked_dutch(text: str, page: str) -> tuple[str, str]:
    """The English outputs minus the graph's Dutch text, which is marked ([nl] in text, lang="nl" in HTML)."""
    keep, skip_indent = [], None
    for line in text.splitlines():
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if stripped.startswith("[nl]"):
            skip_indent = indent
            continue
        if skip_indent is not None and indent == skip_indent and stripped:
            continue
        skip_indent = None
        if "[nl]" not in line:
            keep.append(line)
    page = re.sub(r'<(\w+)[^>]*\slang="nl"[^>]*>.*?</\1>', " ", page, flags=re.S)
    url = re.compile(r"https?://\S+")
    return url.sub(" ", "\n".join(keep)), url.sub(" ", _visible(page))


def test_no_dutch_ui_text_in_the_english_report(reports):
    _, text, page = reports["en"]
    text, visible = _without_marked_dutch(text, page)
    leaks = []
    for key, nl in STRINGS["nl"].items():
        if nl == STRINGS["en"][key]:
            continue
        for frag in _fragments(nl):
            if frag in text or frag in visible:
                leaks.append((key, frag))
    assert not leaks, leaks
    assert set(STRINGS["nl"]) == set(STRINGS["en"])


def test_dutch_graph_text_is_marked_in_english(reports):
    _, text, page = reports["en"]
    # the date notes are translated as data; what the graph holds in Dutch only is marked with its language
    assert "since 2019" in text and "sinds 2019" not in text and "sinds 2019" in reports["nl"][1]
    assert "EUR [nl]" not in text and 'lang="nl">inwoners<' in page
    # every statement quoted from the report carries its language
    assert '<blockquote lang="nl">' in page and "<blockquote>" not in page


def test_links_to_entity_pages_when_served(kg):
    page = render_html(build_report(kg, "en", base_url="http://127.0.0.1:8000"))
    assert 'href="http://127.0.0.1:8000/doc/regiodeal/' in page
    assert 'href="http://127.0.0.1:8000/doc/succesfactor/1"' in page


# ---------------------------------------------------------------- spreadsheets

def test_report_xlsx_has_a_sheet_per_table_with_typed_cells(reports):
    import openpyxl

    rep = reports["en"][0]
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(rep)))
    assert len(wb.sheetnames) == len(rep.tables()) + 1
    ws = wb["money-per-province"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    zh = next(r for r in rows if r[0] == "Zuid-Holland")
    assert isinstance(zh[1], int) and zh[4] == 246000000


def test_results_xlsx_types_and_formula_like_text():
    import openpyxl
    import pyoxigraph as ox

    from rdgraph.results import Result
    from rdgraph.xlsx import results_to_xlsx

    XSD = "http://www.w3.org/2001/XMLSchema#"
    res = Result(["n", "d", "amount", "text", "iri", "flag"], [
        (ox.Literal("42", datatype=ox.NamedNode(XSD + "integer")),
         ox.Literal("2023-05-01", datatype=ox.NamedNode(XSD + "date")),
         ox.Literal("1300000.50", datatype=ox.NamedNode(XSD + "decimal")),
         ox.Literal("=HYPERLINK(\"http://x\")"), ox.NamedNode("https://w3id.org/rdgraph/id/opgave/9"),
         ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")))])
    wb = openpyxl.load_workbook(io.BytesIO(results_to_xlsx([("t", res)])))
    row = [c for c in list(wb["t"].iter_rows())[1]]
    assert row[0].value == 42 and row[0].data_type == "n"
    assert row[1].value == dt.datetime(2023, 5, 1) and row[1].is_date
    assert row[2].value == pytest.approx(1300000.5)
    assert row[3].value == '=HYPERLINK("http://x")' and row[3].data_type == "s"   # text, not a formula
    assert row[4].value == "https://w3id.org/rdgraph/id/opgave/9" and row[5].value is True


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "rdgraph", *args], capture_output=True, cwd=cwd)


def test_cli_xlsx_for_query_sparql_and_report(tmp_path):
    import openpyxl

    q = tmp_path / "q.xlsx"
    assert _cli("query", "evaluaties", "-p", "tranche=3", "-f", "xlsx", "-o", str(q)).returncode == 0
    rows = list(openpyxl.load_workbook(q).active.iter_rows(values_only=True))
    assert len(rows) == 1 + 14 and rows[1][0] == 3
    proc = _cli("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/rdgraph/def/regiodeals#RegioDeal> }",
                "-f", "xlsx")
    assert proc.returncode == 0
    assert list(openpyxl.load_workbook(io.BytesIO(proc.stdout)).active.iter_rows(values_only=True))[1] == (80,)
    r = tmp_path / "r.xlsx"
    assert _cli("report", "--lang", "en", "-f", "xlsx", "-o", str(r)).returncode == 0
    assert "evaluations-data" in openpyxl.load_workbook(r).sheetnames
