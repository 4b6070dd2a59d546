"""Query results: one object for local and remote answers, rendered as the W3C formats or tables."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from .namespaces import XSD, shorten
from .terms import XSD_STRING, plain, to_ntriples, to_python

Term = ox.NamedNode | ox.Literal | ox.BlankNode

FORMATS = ("table", "csv", "tsv", "json", "xml", "markdown")


@dataclass
class Result:
    """A SELECT or ASK answer. Iterating gives rows as dicts of Python values."""

    variables: list[str]
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    query_name: str | None = None

    # ---- Python access
    def __iter__(self) -> Iterator[dict[str, object]]:
        for row in self.rows:
            yield {v: to_python(t) for v, t in zip(self.variables, row)}

    def __len__(self) -> int:
        return len(self.rows)

    def __bool__(self) -> bool:
        return bool(self.rows) if self.boolean is None else self.boolean

    def column(self, name: str) -> list[object]:
        i = self.variables.index(name)
        return [to_python(r[i]) for r in self.rows]

    def terms(self) -> list[dict[str, Term | None]]:
        return [dict(zip(self.variables, r)) for r in self.rows]

    def to_dataframe(self):
        """A pandas DataFrame keeping datatypes: integers, decimals, dates, IRIs beside labels."""
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - depends on the environment
            from .errors import RdgraphError
            raise RdgraphError("to_dataframe() needs pandas", "pip install 'rdgraph[notebook]'") from None
        records = list(self)
        df = pd.DataFrame.from_records(records, columns=self.variables)
        for i, v in enumerate(self.variables):
            kinds = {(t.datatype.value if isinstance(t, ox.Literal) and not t.language else None)
                     for t in (r[i] for r in self.rows) if t is not None}
            if kinds and kinds <= {XSD.date.value}:
                df[v] = pd.to_datetime(df[v])
            elif kinds and all(k and k.endswith(("#integer", "#int", "#long", "#nonNegativeInteger"))
                               for k in kinds):
                df[v] = df[v].astype("Int64")
        return df

    # ---- W3C SPARQL 1.1 results formats
    def to_json(self) -> str:
        if self.boolean is not None:
            return json.dumps({"head": {}, "boolean": self.boolean})
        bindings = []
        for row in self.rows:
            b = {}
            for v, t in zip(self.variables, row):
                if t is None:
                    continue
                if isinstance(t, ox.NamedNode):
                    b[v] = {"type": "uri", "value": t.value}
                elif isinstance(t, ox.BlankNode):
                    b[v] = {"type": "bnode", "value": t.value}
                else:
                    cell = {"type": "literal", "value": t.value}
                    if t.language:
                        cell["xml:lang"] = t.language
                    elif t.datatype.value != XSD_STRING:
                        cell["datatype"] = t.datatype.value
                    b[v] = cell
            bindings.append(b)
        return json.dumps({"head": {"vars": self.variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1)

    def to_csv(self) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        if self.boolean is not None:
            w.writerow(["boolean"])
            w.writerow(["true" if self.boolean else "false"])
            return buf.getvalue()
        w.writerow(self.variables)
        for row in self.rows:
            w.writerow([plain(t) for t in row])
        return buf.getvalue()

    def to_tsv(self) -> str:
        if self.boolean is not None:
            return "?boolean\n" + ("true" if self.boolean else "false") + "\n"
        lines = ["\t".join("?" + v for v in self.variables)]
        for row in self.rows:
            lines.append("\t".join("" if t is None else to_ntriples(t) for t in row))
        return "\n".join(lines) + "\n"

    def to_xml(self) -> str:
        """The W3C SPARQL Query Results XML Format, written by the streaming writer (one serialiser)."""
        from .streaming import _write_xml, from_result

        buf = io.StringIO()
        _write_xml(from_result(self), buf)
        return buf.getvalue()

    # ---- human formats
    def _cells(self) -> list[list[str]]:
        from .display import safe_text  # control characters in data shown escaped, never raw

        return [[safe_text(shorten(plain(t)) if isinstance(t, ox.NamedNode) else plain(t)) for t in row]
                for row in self.rows]

    def to_table(self, max_width: int = 60) -> str:
        if self.boolean is not None:
            return "yes" if self.boolean else "no"
        cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in r] for r in self._cells()]
        widths = [len(v) for v in self.variables]
        for r in cells:
            widths = [max(w, len(c)) for w, c in zip(widths, r)]
        line = "  ".join(v.ljust(w) for v, w in zip(self.variables, widths))
        out = [line, "  ".join("-" * w for w in widths)]
        out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
        out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
        return "\n".join(out)

    def to_markdown(self) -> str:
        if self.boolean is not None:
            return "yes" if self.boolean else "no"

        def esc(s: str) -> str:
            return s.replace("|", "\\|").replace("\n", " ")

        out = ["| " + " | ".join(self.variables) + " |", "|" + "---|" * len(self.variables)]
        out += ["| " + " | ".join(esc(c) for c in r) + " |" for r in self._cells()]
        return "\n".join(out)

    def render(self, fmt: str) -> str:
        if fmt not in FORMATS:
            from .errors import ParameterError
            raise ParameterError(f"unknown output format {fmt!r}", "use one of: " + ", ".join(FORMATS))
        return getattr(self, f"to_{fmt}")()


def from_solutions(solutions, name: str | None = None) -> Result:
    """A Result from pyoxigraph's QuerySolutions or QueryBoolean."""
    if isinstance(solutions, ox.QueryBoolean):
        return Result([], [], bool(solutions), name)
    variables = [v.value for v in solutions.variables]
    rows = [tuple(s) for s in solutions]  # a solution iterates its values in variable order (None: unbound)
    return Result(variables, rows, None, name)


def from_sparql_json(data: dict, name: str | None = None) -> Result:
    """A Result from a SPARQL 1.1 JSON results document (e.g. from a remote endpoint)."""
    if "boolean" in data:
        return Result([], [], bool(data["boolean"]), name)
    variables: Sequence[str] = data.get("head", {}).get("vars", [])
    rows = []
    for b in data.get("results", {}).get("bindings", []):
        row = []
        for v in variables:
            cell = b.get(v)
            if cell is None:
                row.append(None)
            elif cell["type"] == "uri":
                row.append(ox.NamedNode(cell["value"]))
            elif cell["type"] == "bnode":
                row.append(ox.BlankNode(cell["value"]))
            elif "xml:lang" in cell:
                row.append(ox.Literal(cell["value"], language=cell["xml:lang"]))
            elif "datatype" in cell:
                row.append(ox.Literal(cell["value"], datatype=ox.NamedNode(cell["datatype"])))
            else:
                row.append(ox.Literal(cell["value"]))
        rows.append(tuple(row))
    return Result(list(variables), rows, None, name)
