"""The report's chart of a named query on its page (:func:`rdgraph.report.query_charts.chart_for`, the very
drawing the report shows), for the page's parameters: the SVG at ``/queries/{name}/chart.svg`` (an image, so
the page's Content-Security-Policy stays strict), its data as a table beside it (the text alternative).

A query the report draws no chart for gets a plain bar chart of its answer when the answer is a small list of
labels with numbers (:func:`bars`).
"""

from __future__ import annotations

import threading
import urllib.parse
from decimal import Decimal

from starlette.requests import Request
from starlette.responses import Response

from ..errors import RdgraphError
from ..report.i18n import t
from ..report.model import Text
from . import pages
from .graph_view import doc_path
from .responses import not_found, state_of
from .routing import Routes

route = Routes()
DRAWING = threading.Lock()  # matplotlib's pyplot is not thread-safe: one drawing at a time


def _draw(st, name: str, lang: str, params: dict[str, str]):
    from ..report.query_charts import chart_for

    with DRAWING:
        try:
            return chart_for(st.kg, name, lang, params)
        except (RdgraphError, ValueError, KeyError):  # parameters the chart cannot follow: the page has none
            return None


async def report_chart(st, name: str, lang: str, params: dict[str, str]):
    """The report's chart for these parameters (cached; drawn off the event loop), or None."""
    from ..report.query_charts import CHARTS

    if name not in CHARTS:
        return None
    key = ("chart", name, lang, tuple(sorted(params.items())))
    return await st.page(key, lambda: _draw(st, name, lang, params))


def _cell(value, kind: str, link: str | None, lang: str) -> dict:
    if isinstance(value, Text):
        return {"text": value.value, "lang": value.lang if value.lang != lang else None}
    if value is None or value == "":
        return {"text": ""}
    if isinstance(value, bool):
        return {"text": t(lang, "yes") if value else t(lang, "no")}
    if kind in ("int", "eur") and isinstance(value, (int, float, Decimal)):
        text = pages.number(round(value) if kind == "eur" else value, lang)
        return {"text": "€ " + text if kind == "eur" else text, "num": True}
    path = doc_path(link) if link else None
    return {"text": str(value), "href": pages.quote_path(path) if path else None}


def chart_view(chart, name: str, lang: str, params: dict[str, str]) -> dict:
    """What the page shows of a chart: the image's address, its title and its data as table rows."""
    data = chart.data

    def row(r: dict) -> list[dict]:
        return [_cell(r.get(c.key), c.kind, r.get(c.link) if c.link else None, lang) for c in data.columns]

    qs = urllib.parse.urlencode(sorted(params.items()))
    return {"id": chart.id, "title": chart.title, "src": f"/queries/{name}/chart.svg" + (f"?{qs}" if qs else ""),
            "note": chart.note, "legend": chart.legend, "caption": data.title,
            "params": ", ".join(f"{k} = {v}" for k, v in sorted(params.items()) if k != "lang"),
            "head": [c.header for c in data.columns], "rows": [row(r) for r in data.rows],
            "total": row(data.total) if data.total else None,
            "counts": t(lang, "counts", what=data.counts) if data.counts else "",
            "rule": t(lang, "rule", rule=data.rule) if data.rule else "",
            "after": [{"text": str(x), "lang": x.lang if isinstance(x, Text) and x.lang != lang else None}
                      for x in data.after]}


@route("/queries/{name}/chart.svg")
async def chart_svg(request: Request) -> Response:
    from .query_pages import chart_params

    st = state_of(request)
    name = request.path_params["name"]
    lang, params = chart_params(request)
    chart = await report_chart(st, name, lang, params)
    if chart is None:
        return not_found(request)
    return Response(chart.svg, media_type="image/svg+xml",
                    headers={"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
                             "Cache-Control": "max-age=3600"})


def bars(table: dict | None, max_rows: int = 40) -> dict | None:
    """A bar chart of a small answer: the first text column against the last numeric column
    (shown beside the table, which is its text alternative); None when the answer has no such pair."""
    if not table or table.get("boolean") is not None or not 2 <= len(table["rows"]) <= max_rows:
        return None
    rows, head = table["rows"], table["head"]
    numeric = [i for i in range(len(head)) if all(r[i].get("num") or not r[i]["text"] for r in rows)
               and any(r[i].get("num") for r in rows)]
    text = [i for i in range(len(head)) if i not in numeric and any(r[i]["text"] for r in rows)]
    if not numeric or not text:
        return None
    li = next((i for i in text if head[i].lower().endswith("label")), text[0])
    vi = numeric[-1]
    values = []
    for r in rows:
        try:
            values.append(float(r[vi]["sort"]) if r[vi]["text"] else 0.0)
        except ValueError:
            return None
    top = max(values) or 1.0
    if min(values) < 0:
        return None
    return {"label": head[li], "value": head[vi],
            "bars": [{"label": r[li]["text"], "href": r[li].get("href"), "value": r[vi]["text"] or "0",
                      "share": round(20 * v / top)} for r, v in zip(rows, values)]}


__all__ = ["bars", "chart_view", "report_chart", "route"]
