"""The report as data: sections of blocks (the report's findings, tables, charts, paragraphs) and footnotes.

The text, HTML and xlsx renderings all read this one structure, so they say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..namespaces import ID
from .i18n import t


@dataclass
class Text:
    """A text with the language it is written in (the report's Dutch in an English report is marked)."""

    value: str
    lang: str | None = None

    def __str__(self) -> str:
        return self.value


@dataclass
class Col:
    key: str
    header: str
    kind: str = "text"          # text | int | eur | bool | list | approx
    link: str | None = None     # the row key holding the IRI this cell names (linked when served)


@dataclass
class Table:
    id: str
    title: str
    columns: list[Col]
    rows: list[dict]
    counts: str = ""            # what one row is / what is counted
    rule: str = ""              # how a figure is computed, printed under the table
    note: str = ""
    cites: list[int] = field(default_factory=list)
    total: dict | None = None   # a total row (the same keys as rows)
    after: list[Text] = field(default_factory=list)   # lines printed beneath (e.g. deals left out, listed)


@dataclass
class Finding:
    label: str
    kind: str
    number: int | None
    statement: Text | None
    statements: int
    cites: list[int]
    examples: str = ""
    iri: str = ""


@dataclass
class Findings:
    id: str
    title: str
    items: list[Finding]


@dataclass
class Chart:
    id: str
    title: str
    svg: str
    data: Table
    legend: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class Paragraph:
    text: Text
    cites: list[int] = field(default_factory=list)


Block = Table | Findings | Chart | Paragraph


@dataclass
class Section:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    cites: list[int] = field(default_factory=list)


@dataclass
class Source:
    iri: str
    label: str
    kind: str                 # report | section | web
    number: str | None = None
    page: int | None = None
    url: str | None = None
    publisher: str | None = None


class Citations:
    """Footnotes numbered in order of first use; a source cited twice keeps its number."""

    def __init__(self, lang: str, sources: dict[str, Source]) -> None:
        self.lang = lang
        self.sources = sources
        self.order: list[str] = []

    def cite(self, iris) -> list[int]:
        nums = []
        for iri in iris:
            if not iri:
                continue
            if iri not in self.order:
                self.order.append(iri)
            n = self.order.index(iri) + 1
            if n not in nums:
                nums.append(n)
        return sorted(nums)

    def text(self, iri: str) -> str:
        s = self.sources.get(iri)
        if s is None:
            return iri
        if s.kind == "section":
            bits = [t(self.lang, "report_name")]
            if s.number:
                bits.append(t(self.lang, "section_cite", number=s.number))
            bits.append(s.label)
            if s.page:
                bits.append(t(self.lang, "page_cite", page=s.page))
            return ", ".join(bits)
        if s.kind == "report":
            return s.label
        return f"{s.publisher or s.label}: {s.url or s.iri}"

    def url(self, iri: str) -> str | None:
        s = self.sources.get(iri)
        return s.url if s is not None else None

    def notes(self) -> list[tuple[int, str, str]]:
        """(number, iri, text) of every footnote."""
        return [(i + 1, iri, self.text(iri)) for i, iri in enumerate(self.order)]


@dataclass
class Report:
    lang: str
    title: str
    sections: list[Section]
    citations: Citations
    stats: dict
    generated: str
    base_url: str | None = None
    public_sources: list[str] = field(default_factory=list)

    def t(self, key: str, **kw) -> str:
        return t(self.lang, key, **kw)

    def tables(self) -> list[Table]:
        """Every table of the report, charts' data included, in reading order (one xlsx sheet each)."""
        out: list[Table] = []

        def walk(sec: Section) -> None:
            for b in sec.blocks:
                if isinstance(b, Table):
                    out.append(b)
                elif isinstance(b, Chart):
                    out.append(b.data)
                elif isinstance(b, Findings):
                    out.append(findings_table(self, b))
            for s in sec.subsections:
                walk(s)

        for s in self.sections:
            walk(s)
        return out

    def findings(self) -> list[Finding]:
        out: list[Finding] = []

        def walk(sec: Section) -> None:
            out.extend(f for b in sec.blocks if isinstance(b, Findings) for f in b.items)
            for s in sec.subsections:
                walk(s)

        for s in self.sections:
            walk(s)
        return out

    def link(self, iri: str | None) -> str | None:
        """The entity's page when the report is served (base_url given); None otherwise."""
        if not (self.base_url and iri and iri.startswith(ID)):
            return None
        return self.base_url.rstrip("/") + "/doc/" + iri[len(ID):]


def findings_table(rep: Report, f: Findings) -> Table:
    cols = [Col("number", "#", "int"), Col("label", rep.t("col_claim")), Col("kind", rep.t("col_kind")),
            Col("statement", rep.t("statement_in", language=rep.t("lang_nl"))), Col("sources", rep.t("col_source"))]
    rows = [{"number": x.number, "label": x.label, "kind": x.kind, "statement": x.statement,
             "sources": "; ".join(rep.citations.text(rep.citations.order[n - 1]) for n in x.cites)}
            for x in f.items]
    return Table(f.id, f.title, cols, rows)
