"""A whole answer as an Excel workbook: numbers as numbers, dates as dates, IRIs as text."""

from __future__ import annotations

import datetime as dt
import io

import pyoxigraph as ox

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
INTEGERS = ("integer", "int", "long", "nonNegativeInteger", "positiveInteger", "gYear")


def _value(term):
    if term is None:
        return None
    if not isinstance(term, ox.Literal):
        return term.value
    local = term.datatype.value.rsplit("#", 1)[-1] if term.datatype else ""
    try:
        if local in INTEGERS:
            return int(term.value)
        if local in ("decimal", "double", "float"):
            return float(term.value)
        if local == "date":
            return dt.date.fromisoformat(term.value)
        if local == "boolean":
            return term.value == "true"
    except ValueError:
        pass
    return term.value


def workbook(sheet: str, result) -> bytes:
    """The workbook of a :class:`rdgraph.results.Result`: a header row, then a row per answer row."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet[:31])
    ws.append(list(result.variables))
    for row in result.rows:
        ws.append([_value(t) for t in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


__all__ = ["XLSX", "workbook"]
