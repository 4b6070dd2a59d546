"""The report as plain text for the terminal: the same sections, tables wrapped (never cut), footnotes at the end."""

from __future__ import annotations

import decimal
import textwrap

from .model import Chart, Findings, Paragraph, Report, Section, Table, Text

WIDTH = 110


def fmt(rep: Report, value, kind: str = "text") -> str:
    """One cell as text; text in another language than the reader's is marked with its language."""
    if value is None or value == "":
        return ""
    if isinstance(value, Text):
        mark = f" [{value.lang}]" if value.lang and value.lang != rep.lang else ""
        return value.value + mark
    if isinstance(value, bool):
        return rep.t("yes") if value else rep.t("no")
    if kind == "eur" and isinstance(value, (int, float, decimal.Decimal)):
        s = f"{decimal.Decimal(str(value)).quantize(decimal.Decimal('1'), rounding=decimal.ROUND_HALF_UP):,}"
        return s.replace(",", ".") if rep.lang == "nl" else s
    return str(value)


def cites(nums: list[int]) -> str:
    return ("[" + ",".join(str(n) for n in nums) + "]") if nums else ""


def _table_lines(rep: Report, tab: Table) -> list[str]:
    cols = tab.columns
    rows = [[fmt(rep, r.get(c.key), c.kind) for c in cols] for r in tab.rows]
    if tab.total:
        rows.append([fmt(rep, tab.total.get(c.key), c.kind) for c in cols])
    heads = [c.header for c in cols]
    columns = list(zip(*rows)) if rows else [() for _ in heads]
    # a header may wrap at its words; a column needs its longest cell or its longest header word
    natural = [max([max((len(w) for w in h.split()), default=0)] + [len(x) for x in col])
               for h, col in zip(heads, columns)]
    budget = WIDTH - 2 * len(cols)
    whole = [max(n, len(h)) for n, h in zip(natural, heads)]   # headers unwrapped when everything fits
    widths = whole if sum(whole) <= budget else list(natural)
    while sum(widths) > budget and max(widths) > 14:
        i = widths.index(max(widths))
        widths[i] -= 1

    def render(cells: list[str]) -> list[str]:
        wrapped = [textwrap.wrap(c, w, break_long_words=True, break_on_hyphens=False) or [""]
                   for c, w in zip(cells, widths)]
        height = max(len(w) for w in wrapped)
        return ["  ".join((w[i] if i < len(w) else "").ljust(widths[j]) for j, w in enumerate(wrapped)).rstrip()
                for i in range(height)]

    out = render(heads)
    out.append("  ".join("-" * w for w in widths))
    for i, r in enumerate(rows):
        if tab.total and i == len(rows) - 1:
            out.append("  ".join("-" * w for w in widths))
        out += render(r)
    return ["  " + line for line in out]


def _block(rep: Report, b, out: list[str]) -> None:
    if isinstance(b, Findings):
        if b.title:
            out.append(f"{b.title}:")
        for f in b.items:
            num = f"{f.number}. " if f.number else "- "
            out.append(textwrap.fill(f"{num}{f.label} ({f.kind}) {cites(f.cites)}", WIDTH, initial_indent="  ",
                                     subsequent_indent="     ", break_on_hyphens=False))
            if f.statement:
                st = f.statement.value
                mark = f"[{f.statement.lang}] " if f.statement.lang and f.statement.lang != rep.lang else ""
                out.append(textwrap.fill(mark + st, WIDTH, initial_indent="       ", subsequent_indent="       ",
                                         break_on_hyphens=False))
            if f.examples:
                out.append(f"       {rep.t('examples')}: {f.examples}")
        out.append("")
    elif isinstance(b, Chart):
        _block(rep, b.data, out)
        for leg in b.legend:
            out.append(textwrap.fill(leg, WIDTH, initial_indent="  ", subsequent_indent="  "))
        out.append("")
    elif isinstance(b, Table):
        out.append(f"{b.title} {cites(b.cites)}".rstrip())
        if b.note:
            out.append(textwrap.fill(b.note, WIDTH, initial_indent="  ", subsequent_indent="  "))
        if b.counts:
            out.append("  " + rep.t("counts", what=b.counts))
        out += _table_lines(rep, b)
        if b.rule:
            out.append(textwrap.fill(rep.t("rule", rule=b.rule), WIDTH, initial_indent="  ", subsequent_indent="  "))
        for line in b.after:
            out.append(textwrap.fill(fmt(rep, line), WIDTH, initial_indent="  ", subsequent_indent="  "))
        out.append("")
    elif isinstance(b, Paragraph):
        out.append(textwrap.fill(fmt(rep, b.text) + " " + cites(b.cites), WIDTH))
        out.append("")


def _section(rep: Report, sec: Section, number: str, out: list[str], level: int) -> None:
    title = f"{number} {sec.title} {cites(sec.cites)}".rstrip()
    out += [title, ("=" if level == 0 else "-") * min(len(title), WIDTH), ""]
    for b in sec.blocks:
        _block(rep, b, out)
    for i, s in enumerate(sec.subsections, 1):
        _section(rep, s, f"{number}{i}.", out, level + 1)


def toc(rep: Report) -> list[tuple[str, str, str]]:
    """(number, id, title) of every section and subsection."""
    out = []
    for i, s in enumerate(rep.sections, 1):
        out.append((f"{i}.", s.id, s.title))
        for j, sub in enumerate(s.subsections, 1):
            out.append((f"{i}.{j}.", sub.id, sub.title))
    return out


def render_text(rep: Report) -> str:
    st = rep.stats
    out = [rep.title, "#" * min(len(rep.title), WIDTH), "", textwrap.fill(rep.t("subtitle"), WIDTH),
           rep.t("generated", date=rep.generated, triples=st.get("triples_asserted", 0),
                 inferred=st.get("triples_inferred", 0), sources=len(st.get("sources", {}))), "",
           rep.t("toc") + ":"]
    out += [f"  {n} {title}" for n, _id, title in toc(rep)]
    out.append("")
    for i, s in enumerate(rep.sections, 1):
        _section(rep, s, f"{i}.", out, 0)
    out += [rep.t("footnotes"), "-" * len(rep.t("footnotes"))]
    for n, _iri, text in rep.citations.notes():
        out.append(textwrap.fill(f"[{n}] {text}", WIDTH, subsequent_indent="     "))
    out += ["", rep.t("sources"), "-" * len(rep.t("sources"))]
    out += [f"  {u}" for u in rep.public_sources]
    return "\n".join(out) + "\n"
