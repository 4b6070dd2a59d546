"""The report as one self-contained HTML page: a table of contents, footnotes, inline SVG charts each followed by
its data as a table, text in another language marked with ``lang``, and a print stylesheet (A4, page breaks)."""

from __future__ import annotations

import html

from .model import Chart, Findings, Paragraph, Report, Section, Table, Text
from .text import fmt, toc

CSS = """
:root{--accent:#2a7f62}
body{font-family:"DejaVu Sans",system-ui,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#1a1a1a;
line-height:1.45}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem}
h3{margin-top:1.8rem}h4{margin:1.2rem 0 .3rem}
nav.toc ul{columns:2;font-size:.95rem;list-style:none;padding-left:0}nav.toc li{break-inside:avoid}
nav.toc li.sub{padding-left:1.4rem}
table{border-collapse:collapse;margin:.4rem 0 .6rem;font-size:.88rem;max-width:100%}
caption{caption-side:top;text-align:left;font-weight:bold;padding:.2rem 0}
td,th{border:1px solid #bbb;padding:.2rem .45rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#eef3f1}tfoot td{font-weight:bold}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;overflow-wrap:normal}
td.unknown{background:repeating-linear-gradient(45deg,#eee,#eee 4px,#d9d9d9 4px,#d9d9d9 8px)}
.note,.counts,.rule,.after{color:#444;font-size:.88rem;margin:.2rem 0}
.rule{border-left:3px solid var(--accent);padding-left:.5rem}
ol.findings>li{margin:.6rem 0}.kind{color:#555;font-size:.85rem}
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid #ccc;color:#333;font-size:.92rem}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}figcaption{font-weight:bold;margin-bottom:.3rem}
sup.fn a{text-decoration:none}
@media print{
 @page{size:A4;margin:16mm 14mm}
 body{max-width:none;margin:0;font-size:10pt}
 nav.toc ul{columns:1}
 section.top{break-before:page}
 table,figure,blockquote,ol.findings>li{break-inside:avoid}
 thead{display:table-header-group}
 a{color:inherit;text-decoration:none}
}
"""


def _e(v) -> str:
    return html.escape("" if v is None else str(v))


def _sup(nums: list[int]) -> str:
    if not nums:
        return ""
    links = ",".join(f'<a href="#fn-{n}">{n}</a>' for n in nums)
    return f'<sup class="fn">{links}</sup>'



def _cell(rep: Report, row: dict, col) -> str:
    v = row.get(col.key)
    cls = ' class="num"' if col.kind in ("int", "eur") and not isinstance(v, Text) else ""
    if isinstance(v, Text):
        unknown = v.value == rep.t("not_coded")
        lang = f' lang="{v.lang}"' if v.lang and v.lang != rep.lang else ""
        klass = ' class="unknown"' if unknown else ""
        return f"<td{klass}{lang}>{_e(v.value)}</td>"
    text = _e(fmt(rep, v, col.kind))
    href = rep.link(row.get(col.link)) if col.link else None
    if href and text:
        text = f'<a href="{_e(href)}">{text}</a>'
    return f"<td{cls}>{text}</td>"


def _table(rep: Report, tab: Table) -> str:
    h = [f'<table id="{_e(tab.id)}"><caption>{_e(tab.title)}{_sup(tab.cites)}</caption>']
    h.append("<thead><tr>" + "".join(f'<th scope="col">{_e(c.header)}</th>' for c in tab.columns) + "</tr></thead>")
    h.append("<tbody>" + "".join("<tr>" + "".join(_cell(rep, r, c) for c in tab.columns) + "</tr>"
                                 for r in tab.rows) + "</tbody>")
    if tab.total:
        h.append("<tfoot><tr>" + "".join(_cell(rep, tab.total, c) for c in tab.columns) + "</tr></tfoot>")
    h.append("</table>")
    extra = []
    if tab.note:
        extra.append(f'<p class="note">{_e(tab.note)}</p>')
    if tab.counts:
        extra.append(f'<p class="counts">{_e(rep.t("counts", what=tab.counts))}</p>')
    out = extra + h
    if tab.rule:
        out.append(f'<p class="rule">{_e(rep.t("rule", rule=tab.rule))}</p>')
    for line in tab.after:
        lang = f' lang="{line.lang}"' if isinstance(line, Text) and line.lang and line.lang != rep.lang else ""
        out.append(f'<p class="after"{lang}>{_e(line)}</p>')
    return "\n".join(out)


def _findings(rep: Report, f: Findings) -> str:
    h = [f'<h4 id="{_e(f.id)}">{_e(f.title)}</h4><ol class="findings">' if f.title else '<ol class="findings">']
    for x in f.items:
        num = f' value="{x.number}"' if x.number else ""
        label = _e(x.label)
        href = rep.link(x.iri)
        if href:
            label = f'<a href="{_e(href)}">{label}</a>'
        h.append(f"<li{num}><strong>{label}</strong> <span class=\"kind\">({_e(x.kind)})</span>{_sup(x.cites)}")
        if x.statement:
            lang = f' lang="{x.statement.lang}"' if x.statement.lang else ""
            h.append(f"<blockquote{lang}>{_e(x.statement.value)}</blockquote>")
        if x.examples:
            h.append(f'<p class="note">{_e(rep.t("examples"))}: {_e(x.examples)}</p>')
        h.append("</li>")
    h.append("</ol>")
    return "\n".join(h)


def _block(rep: Report, b) -> str:
    if isinstance(b, Findings):
        return _findings(rep, b)
    if isinstance(b, Chart):
        note = f'<p class="note">{_e(b.note)}</p>' if b.note else ""
        return (f'<figure id="{_e(b.id)}"><figcaption>{_e(b.title)}{_sup(b.data.cites)}</figcaption>{note}'
                f"{b.svg}</figure>\n{_table(rep, b.data)}")
    if isinstance(b, Table):
        return _table(rep, b)
    if isinstance(b, Paragraph):
        lang = f' lang="{b.text.lang}"' if b.text.lang and b.text.lang != rep.lang else ""
        return f"<p{lang}>{_e(b.text.value)}{_sup(b.cites)}</p>"
    return ""


def _section(rep: Report, sec: Section, number: str, level: int) -> str:
    tag = "h2" if level == 0 else "h3"
    klass = ' class="top"' if level == 0 else ""
    h = [f'<section id="{_e(sec.id)}"{klass}><{tag}>{_e(number)} {_e(sec.title)}{_sup(sec.cites)}</{tag}>']
    h += [_block(rep, b) for b in sec.blocks]
    h += [_section(rep, s, f"{number}{i}.", level + 1) for i, s in enumerate(sec.subsections, 1)]
    h.append("</section>")
    return "\n".join(h)


def render_html(rep: Report) -> str:
    st = rep.stats
    h = [f'<!DOCTYPE html><html lang="{rep.lang}"><head><meta charset="utf-8">',
         '<meta name="viewport" content="width=device-width, initial-scale=1">',
         f"<title>{_e(rep.title)}</title><style>{CSS}</style></head><body>",
         f"<header><h1>{_e(rep.title)}</h1><p>{_e(rep.t('subtitle'))}</p>",
         f'<p class="note">{_e(rep.t("generated", date=rep.generated, triples=st.get("triples_asserted", 0), inferred=st.get("triples_inferred", 0), sources=len(st.get("sources", {}))))}</p></header>',  # noqa: E501
         f'<nav class="toc" aria-label="{_e(rep.t("toc"))}"><h2>{_e(rep.t("toc"))}</h2><ul>']
    for n, sid, title in toc(rep):
        sub = ' class="sub"' if n.count(".") > 1 else ""
        h.append(f'<li{sub}><a href="#{_e(sid)}">{_e(n)} {_e(title)}</a></li>')
    h.append(f'<li><a href="#footnotes">{_e(rep.t("footnotes"))}</a></li></ul></nav><main>')
    h += [_section(rep, s, f"{i}.", 0) for i, s in enumerate(rep.sections, 1)]
    h.append(f'<section id="footnotes" class="top"><h2>{_e(rep.t("footnotes"))}</h2><ol>')
    for n, iri, text in rep.citations.notes():
        url = rep.citations.url(iri)
        body = f'<a href="{_e(url)}">{_e(text)}</a>' if url else _e(text)
        if iri.startswith("appendix:"):
            body = f'<a href="#public-sources">{_e(text)}</a>'
        h.append(f'<li id="fn-{n}">{body}</li>')
    h.append(f'</ol></section><section id="public-sources"><h2>{_e(rep.t("sources"))}</h2><ol>')
    h += [f'<li><a href="{_e(u)}">{_e(u)}</a></li>' for u in rep.public_sources]
    h.append("</ol></section></main></body></html>")
    return "\n".join(h)
