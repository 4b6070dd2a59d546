"""Query results: one object for local and remote answers, rendered as the W3C formats or tables."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox

from .namespaces import XSD, shorten
from .record import Record
from .terms import plain, to_python

Term = ox.NamedNode | ox.Literal | ox.BlankNode

FORMATS = ("table", "csv", "tsv", "json", "xml", "markdown")


class Result(Record):
    """A SELECT or ASK answer. Iterating gives rows as dicts of Python values; ``rows`` holds the terms.

    A local answer keeps the engine's solutions as they came (each one a row: it iterates and indexes like a
    tuple of terms) and makes the tuples of :attr:`rows` only when asked, so a large answer costs no per-row
    Python work until it is read.
    """

    __slots__ = ("variables", "_rows", "_solutions", "boolean", "query_name")
    _FIELDS = ("variables", "rows", "boolean", "query_name")

    def __init__(self, variables: list[str], rows: list[tuple[Term | None, ...]] | None = None,
                 boolean: bool | None = None, query_name: str | None = None) -> None:
        self.variables = variables
        self._rows = [] if rows is None else rows
        self._solutions: list | None = None
        self.boolean = boolean
        self.query_name = query_name

    @property
    def rows(self) -> list[tuple[Term | None, ...]]:
        """The rows as tuples of terms (None: unbound), in the order of :attr:`variables`."""
        if self._solutions is not None:
            self._rows = [tuple(s) for s in self._solutions]  # a solution iterates its values in variable order
            self._solutions = None
        return self._rows

    @rows.setter
    def rows(self, value: list[tuple[Term | None, ...]]) -> None:
        self._rows, self._solutions = value, None

    def _seq(self) -> list:
        """The rows as held: the engine's solutions or tuples (both iterate and index alike)."""
        return self._solutions if self._solutions is not None else self._rows


    # ---- Python access
    def __iter__(self) -> Iterator[dict[str, object]]:
        variables = self.variables
        for row in self._seq():
            yield {v: to_python(t) for v, t in zip(variables, row)}

    def __len__(self) -> int:
        return len(self._seq())

    def __bool__(self) -> bool:
        return bool(self._seq()) if self.boolean is None else self.boolean

    def column(self, name: str) -> list[object]:
        i = self.variables.index(name)
        return [to_python(r[i]) for r in self._seq()]

    def terms(self) -> list[dict[str, Term | None]]:
        return [dict(zip(self.variables, r)) for r in self._seq()]

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
                     for t in (r[i] for r in self._seq()) if t is not None}
            if kinds and kinds <= {XSD.date.value}:
                df[v] = pd.to_datetime(df[v])
            elif kinds and all(k and k.endswith(("#integer", "#int", "#long", "#nonNegativeInteger"))
                               for k in kinds):
                df[v] = df[v].astype("Int64")
        return df

    # ---- W3C SPARQL 1.1 results formats: written by the streaming writers (one serialiser per format)
    def _written(self, fmt: str) -> str:
        import io

        from .limits import Limits
        from .streaming import from_result, write_result

        buf = io.StringIO()
        write_result(from_result(self), fmt, buf, Limits(result_rows=0, result_bytes=0))  # all of it: no limit
        return buf.getvalue()

    def to_json(self) -> str:
        return self._written("json")

    def to_csv(self) -> str:
        return self._written("csv")

    def to_tsv(self) -> str:
        return self._written("tsv")

    def to_xml(self) -> str:
        """The W3C SPARQL Query Results XML Format."""
        return self._written("xml")

    # ---- human formats
    def _cells(self) -> list[list[str]]:
        from .display import safe_text  # control characters in data shown escaped, never raw

        return [[safe_text(shorten(plain(t)) if isinstance(t, ox.NamedNode) else plain(t)) for t in row]
                for row in self._seq()]

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
    result = Result([v.value for v in solutions.variables], None, None, name)
    result._solutions = list(solutions)  # evaluated now (errors surface here); terms are made when read
    return result


def from_sparql_json(data: dict, name: str | None = None) -> Result:
    """A Result from a SPARQL 1.1 JSON results document (e.g. from a remote endpoint)."""
    if "boolean" in data:
        return Result([], [], bool(data["boolean"]), name)
    variables: list[str] = data.get("head", {}).get("vars", [])
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
