"""Spreadsheets (``--format xlsx``) with openpyxl: numbers as numbers, dates as dates, text as text.

Text that a spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@`` at the start) is written as a string
cell, never as a formula. One sheet per table; sheet names are made unique and at most 31 characters.
"""

from __future__ import annotations

import datetime as dt
import decimal
import io
import re

import pyoxigraph as ox

from .namespaces import XSD as _XSD

XSD = str(_XSD)
INTEGER = {"integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
           "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"}


def term_value(t):
    """A result term as the Python value its cell should hold."""
    if t is None:
        return None
    if isinstance(t, ox.Literal):
        local = t.datatype.value[len(XSD):] if t.datatype and t.datatype.value.startswith(XSD) else ""
        try:
            if local in INTEGER:
                return int(t.value)
            if local == "decimal":
                return decimal.Decimal(t.value)
            if local in ("double", "float"):
                return float(t.value)
            if local == "date":
                return dt.date.fromisoformat(t.value)
            if local == "dateTime":
                return dt.datetime.fromisoformat(t.value.replace("Z", "+00:00")).replace(tzinfo=None)
            if local == "boolean":
                return t.value in ("true", "1")
        except ValueError:
            return t.value
        return t.value
    return t.value


def _cell(ws, value):
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, decimal.Decimal):
        value = int(value) if value == value.to_integral_value() else float(value)
    c = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        c.data_type = "s"           # never a formula, whatever the text starts with
        if value[:1] in ("=", "+", "-", "@"):
            c.quotePrefix = True
    elif isinstance(value, dt.date):
        c.number_format = "yyyy-mm-dd"
    return c


def _sheet_name(name: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "-", name)[:31] or "sheet"
    out, i = base, 2
    while out.lower() in used:
        suffix = f"-{i}"
        out = base[:31 - len(suffix)] + suffix
        i += 1
    used.add(out.lower())
    return out


def _save(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def results_to_xlsx(sheets: list[tuple[str, object]]) -> bytes:
    """Query results (rdgraph Result objects) as a workbook, one sheet per (name, result)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    used: set[str] = set()
    for name, result in sheets:
        ws = wb.create_sheet(_sheet_name(name, used))
        ws.append([_cell(ws, v) for v in result.variables])
        for row in result.rows:
            ws.append([_cell(ws, term_value(t)) for t in row])
    if not sheets:
        wb.create_sheet("empty")
    return _save(wb)


def tables_to_xlsx(rep) -> bytes:
    """A report's tables as a workbook: a contents sheet, then one sheet per table with its title and footnotes."""
    from openpyxl import Workbook

    from .report.model import Text

    def plain(v):
        if isinstance(v, Text):
            return v.value
        if isinstance(v, (list, tuple)):
            return "; ".join(str(x) for x in v)
        return v

    wb = Workbook(write_only=True)
    used: set[str] = {"contents"}
    toc = wb.create_sheet("contents")
    toc.append([_cell(toc, rep.title)])
    for tab in rep.tables():
        name = _sheet_name(tab.id, used)
        toc.append([_cell(toc, name), _cell(toc, tab.title)])
        ws = wb.create_sheet(name)
        ws.append([_cell(ws, tab.title)])
        if tab.counts:
            ws.append([_cell(ws, rep.t("counts", what=tab.counts))])
        ws.append([_cell(ws, c.header or c.key) for c in tab.columns])
        for r in tab.rows:
            ws.append([_cell(ws, plain(r.get(c.key))) for c in tab.columns])
        if tab.total:
            ws.append([_cell(ws, plain(tab.total.get(c.key))) for c in tab.columns])
        if tab.rule:
            ws.append([_cell(ws, rep.t("rule", rule=tab.rule))])
        for line in tab.after:
            ws.append([_cell(ws, plain(line))])
        for n in tab.cites:
            ws.append([_cell(ws, f"[{n}] " + rep.citations.notes()[n - 1][2])])
    return _save(wb)


__all__ = ["results_to_xlsx", "tables_to_xlsx", "term_value"]
