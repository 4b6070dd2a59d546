"""``rdgraph report``: the three research questions answered as the source report does - its own findings first,
cited - then the graph's evidence (tables, honest charts) and what the graph adds beyond the report.

``build_report`` runs the named queries once into a :class:`Report` (sections of findings, tables, charts and
footnotes); ``render_text``, ``render_html`` and ``render_xlsx`` are views of that one structure.
"""

from __future__ import annotations

from .build import build_report
from .html import render_html
from .model import Report
from .text import render_text


def render_xlsx(rep: Report) -> bytes:
    """The report's tables (charts' data included) as a workbook, one sheet per table, with typed cells."""
    from ..xlsx import tables_to_xlsx

    return tables_to_xlsx(rep)


__all__ = ["Report", "build_report", "render_html", "render_text", "render_xlsx"]
