"""Answers as HTML tables: a cell per term (labels linked to their pages, numbers right-aligned and formatted,
dates as dates), and the table of a query answer fetched from a worker a page of rows at a time."""

from __future__ import annotations

import json

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool

from . import pages
from .graph_view import doc_path

PAGE_ROWS = 1000          # rows on one HTML page
COUNT_ROWS = 100_000      # rows an HTML view counts (and pages through); the downloads have them all
NUMERIC = ("integer", "decimal", "double", "float", "int", "long", "short", "nonNegativeInteger",
           "positiveInteger", "gYear")


def cell(view, term, lang: str) -> dict:
    """A result cell for the HTML table: text, link, alignment, sort key."""
    if term is None:
        return {"text": "", "sort": ""}
    if isinstance(term, ox.NamedNode):
        path = doc_path(term.value)
        label = view.label(term.value, lang)
        if path:
            return {"text": label, "href": pages.quote_path(path), "sort": label.lower(), "title": term.value}
        if term.value.startswith(("http://", "https://")):
            return {"text": term.value, "href": term.value, "sort": term.value}
        return {"text": term.value, "sort": term.value}
    if isinstance(term, ox.Literal):
        local = term.datatype.value.rsplit("#", 1)[-1] if term.datatype and not term.language else ""
        if local in NUMERIC and local != "gYear":
            return {"text": pages.number(term.value, lang), "num": True, "sort": term.value}
        if local in ("date", "dateTime", "gYear", "gYearMonth"):
            return {"text": term.value[:10], "date": True, "sort": term.value}
        return {"text": term.value, "lang": term.language, "sort": term.value.lower()}
    return {"text": "_:" + term.value, "sort": term.value}


async def fetch_table(st, job: dict, lang: str, page: int = 1, cached: bool = False):
    """(table, answer): one page of an answer as a table, or (None, the worker's refusal).

    The worker sends up to :data:`COUNT_ROWS` rows, so the page can say how many there are (``count``; ``more``
    when there are more than that); only this page's rows become cells. The table also holds ``head``,
    ``rows``, ``boolean``, ``first`` and ``last`` (row numbers, from 1), ``page`` and ``pages``.
    """
    job = {**job, "kind": "table", "rows": COUNT_ROWS}
    ans = await (st.run_cached(job) if cached else st.run(job))
    if ans.status != 200:
        return None, ans
    return await run_in_threadpool(_page_of, st.view, ans, lang, page), ans


def _page_of(view, ans, lang: str, page: int) -> dict:
    """The table of one page (off the event loop: an answer of many rows takes a while to read)."""
    from ..results import from_sparql_json

    data = json.loads(ans.first)
    bindings = data.get("results", {}).get("bindings", [])
    count = len(bindings)
    pages_ = max(1, -(-count // PAGE_ROWS))
    page = max(1, min(page, pages_))
    skip = (page - 1) * PAGE_ROWS
    if "results" in data:
        data["results"]["bindings"] = bindings[skip:skip + PAGE_ROWS]
    result = from_sparql_json(data)
    return {"head": result.variables, "rows": [[cell(view, t, lang) for t in row] for row in result.rows],
            "boolean": result.boolean, "count": count, "more": ans.headers.get("X-Rdgraph-More") == "true",
            "page": page, "pages": pages_, "first": skip + 1, "last": skip + len(result.rows)}


def page_number(params) -> int:
    """The ``page`` query parameter (1 when absent or not a number)."""
    try:
        return max(1, int(params.get("page", "1")))
    except ValueError:
        return 1


__all__ = ["COUNT_ROWS", "NUMERIC", "PAGE_ROWS", "cell", "fetch_table", "page_number"]
