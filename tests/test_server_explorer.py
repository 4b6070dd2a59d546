"""The explorer's pages beyond the protocol: long answers in pages with their count, server messages in the
request's language, the release in every page's footer, the report's charts on their query pages."""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest

from test_server import check_html, start_server, stop_server

# 2,500 rows: a cross product of VALUES, ordered
ROWS_2500 = ("SELECT ?n WHERE { VALUES ?a { 0 1 2 3 4 } VALUES ?b { 0 1 2 3 4 5 6 7 8 9 } "
             "VALUES ?c { 0 1 2 3 4 5 6 7 8 9 } VALUES ?d { 0 1 2 3 4 } BIND(?a * 500 + ?b * 50 + ?c * 5 + ?d AS ?n) "
             "} ORDER BY ?n")


@pytest.fixture(scope="module")
def server():
    s = start_server("--timeout", "20", "--workers", "1")
    yield s
    stop_server(s)
    assert "internal error" not in s.log.read_text(errors="replace"), s.log.read_text(errors="replace")


def page(server, path: str, lang: str = "en") -> tuple[int, str]:
    status, _h, body = server.request("GET", path, headers={"Accept": "text/html", "Accept-Language": lang})
    return status, body.decode("utf-8")


def cells(html: str) -> list[int]:
    return [int(x) for x in re.findall(r'<td class="num" data-sort="(\d+)"', html)]


def test_a_long_answer_comes_in_pages_and_says_how_many_rows(server):
    base = "/sparql?format=html&query=" + urllib.parse.quote(ROWS_2500)
    status, first = page(server, base)
    assert status == 200 and "Rows 1–1,000 of 2,500." in first
    assert cells(first) == list(range(1000))
    nxt = re.search(r'<a rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    assert 'rel="prev"' not in first and "page=2" in nxt
    status, second = page(server, nxt)
    assert status == 200 and "Rows 1,001–2,000 of 2,500." in second and cells(second) == list(range(1000, 2000))
    status, last = page(server, base + "&page=3", "nl")
    assert "Rijen 2.001–2.500 van 2.500." in last and cells(last) == list(range(2000, 2500))
    assert 'rel="next"' not in last and 'rel="prev"' in last
    # the whole answer is one link away, and it is whole
    full = re.search(r'<a href="([^"]+)" download>', last).group(1).replace("&amp;", "&")
    status, _h, body = server.request("GET", full)
    assert status == 200 and body.decode().split() == ["n", *map(str, range(2500))]
    check_html(second)


def test_a_short_answer_says_its_row_count_without_pages(server):
    status, html = page(server, "/queries/deals-per-tranche")
    assert status == 200 and re.search(r'id="row-count">\d+ rows<', html) and 'rel="next"' not in html


@pytest.mark.parametrize("lang, said", [("nl", "geen API-bron op /api/nergens"),
                                        ("en", "no API resource at /api/nergens")])
def test_server_messages_follow_the_request_language(server, lang, said):
    status, _h, body = server.request("GET", "/api/nergens", headers={"Accept-Language": lang})
    assert status == 404 and json.loads(body)["error"] == said
    status, _h, body = server.request("GET", "/api/queries/evaluaties?format=pdf", headers={"Accept-Language": lang})
    assert status == 400 and "pdf" in json.loads(body)["error"]
    assert json.loads(body)["error"].startswith("onbekend formaat" if lang == "nl" else "unknown format")


# ---------------------------------------------------------------- the report's charts on their query pages

REPORT_CHARTS = [("opgaven-per-tranche-rapport", "heat-report"), ("opgaven-per-tranche", "heat-public"),
                 ("evaluaties", "evaluations"), ("money-per-province", "money-per-province"),
                 ("feedbackladder", "ladder")]


@pytest.fixture(scope="module")
def report_en():
    import rdgraph
    from rdgraph.report import build_report
    from rdgraph.report.model import Chart

    rep = build_report(rdgraph.load(), "en")
    found: dict[str, Chart] = {}

    def walk(sec) -> None:
        found.update({b.id: b for b in sec.blocks if isinstance(b, Chart)})
        for s in sec.subsections:
            walk(s)

    for s in rep.sections:
        walk(s)
    return found


@pytest.mark.parametrize("name, figure", REPORT_CHARTS)
def test_a_query_page_shows_the_chart_the_report_draws(server, report_en, name, figure):
    status, html = page(server, f"/queries/{name}")
    assert status == 200
    src = re.search(r'<img src="([^"]+)" alt="([^"]+)"', html)
    assert src and src.group(2).startswith(report_en[figure].title)  # the image says what it shows
    status, headers, svg = server.request("GET", src.group(1).replace("&amp;", "&"), headers={"Accept-Language": "en"})
    assert status == 200 and headers["content-type"] == "image/svg+xml"
    assert svg.decode() == report_en[figure].svg  # the very drawing of the report
    # its text alternative: the chart's data as a table, row for row
    data = re.search(rf'<table class="results" id="chart-{figure}-data">(.*?)</table>', html, re.S).group(1)
    assert data.count("<tr>") == len(report_en[figure].data.rows) + 1 + bool(report_en[figure].data.total)
    check_html(html)


def test_a_report_chart_follows_the_page_parameters(server):
    status, html = page(server, "/queries/evaluaties?tranche=3")
    data = re.search(r'<table class="results" id="chart-evaluations-data">(.*?)</table>', html, re.S).group(1)
    rows = re.findall(r"<tbody>(.*?)</tbody>", data, re.S)[0].count("<tr>")
    assert status == 200 and rows == 1 and "tranche=3" in re.search(r'<img src="([^"]+)"', html).group(1)
    assert "Parameters: tranche = 3)" in html  # the caption says what the chart is drawn for
    status, html = page(server, "/queries/evaluaties?tranche=6")  # no evaluation in tranche 6: no empty chart
    assert status == 200 and 'id="row-count">0 rows<' in html and "<img" not in html
    status, html = page(server, "/queries/deals-per-tranche")  # no report chart: the plain bars of its answer
    assert status == 200 and 'class="bars"' in html and "<img" not in html


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_entry_form_script_takes_its_words_from_the_catalogue(server, lang):
    import html as htmllib

    from rdgraph.server import i18n

    status, html = page(server, "/new-deal", lang)
    embedded = re.search(r'<script type="application/json" id="entry-words">(.*?)</script>', html, re.S).group(1)
    words = json.loads(htmllib.unescape(embedded))
    assert status == 200 and words == i18n.texts(lang, "ui.form.")
    assert {"ok", "busy", "hint", "summary"} <= set(words)
    _s, _h, script = server.request("GET", "/static/entry_form.js")
    assert "Geen fouten" not in script.decode() and "No problems" not in script.decode()  # one catalogue


@pytest.mark.parametrize("path", ["/", "/queries/evaluaties", "/sparql", "/new-deal", "/releases", "/def/regiodeals",
                                  "/doc/regiodeal/twente", "/api/docs", "/nergens"])
def test_every_page_shows_the_release_version(server, path):
    from rdgraph.version import __version__

    _status, html = page(server, path)
    header = html[html.index("<header"):html.index("</header>")]
    footer = html[html.index("<footer"):html.index("</footer>")]
    assert f">{__version__}</a>" in header and f"release {__version__}" in footer


@pytest.mark.parametrize("lang, said", [("nl", "SPARQL-syntaxfout"), ("en", "SPARQL syntax error")])
def test_the_workers_errors_follow_the_request_language(server, lang, said):
    broken = urllib.parse.quote("SELECT * WHERE { ?s ?p }")
    form = "application/x-www-form-urlencoded"
    for method, path, body, ctype in (("GET", f"/sparql?query={broken}", None, None),  # the fast path
                                      ("POST", "/sparql", f"query={broken}".encode(), form)):
        headers = {"Accept-Language": lang, **({"Content-Type": ctype} if ctype else {})}
        status, _h, answer = server.request(method, path, body, headers)
        assert status == 400 and answer.decode().startswith(said) and "1:" in answer.decode()
    status, html = page(server, f"/sparql?format=html&query={broken}", lang)  # the editor keeps the query
    assert status == 400 and said in html and 'data-line="1"' in html
