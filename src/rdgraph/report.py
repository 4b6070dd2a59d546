"""``rdgraph report``: the three research questions answered from the named queries.

``build_report`` runs the queries once and keeps their results; ``render_text`` and ``render_html``
are two views of the same answers. The HTML page is self-contained (inline CSS and SVG charts, no
scripts, no external resources).
"""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict
from dataclasses import dataclass, field

from .results import Result

T = {
    "nl": {
        "title": "Rode draden in Regio Deals — antwoorden uit de kennisgraaf",
        "rq1": "Vraag 1 — Wat zijn de rode draden in de opgaven?",
        "rq2": "Vraag 2 — Wat is er geleerd over de effectiviteit van interventies?",
        "rq3": "Vraag 3 — Hoe werkt de feedbackloop tussen Rijk en regio?",
        "data": "Datakwaliteit en openbare bronnen",
        "heatmap": "Aantal deals per opgave en tranche",
        "heatmap_note": "Toekenningen van opgaven aan deals: uit het rapport en uit openbare bronnen (alle sterktes).",
        "domains": "Opgaven per domein",
        "crossing": "Domeinoverstijgende deals (opgaven in twee of meer domeinen)",
        "typology": "Vertrekpunt en breedte (rapport 2.2)",
        "instruments": "Instrumenttypen en de interventies die ze inzetten",
        "instr_heat": "Instrumentgebruik per opgave (aantal interventies)",
        "factors": "Succes- en faalfactoren",
        "evaluations": "Evaluatiedocumenten per tranche en soort",
        "no_eval": "Deals uit tranche 1-3 zonder evaluatiedocument",
        "illustrations": "Illustraties: looptijd en geld",
        "recommendations": "Aanbevelingen",
        "ladder": "De ladder van de feedbackloop, met de interventies op hun hoogste trede",
        "paths": "Het pad van de feedback, stap voor stap",
        "moved": "Thema's die naar andere programma's gingen",
        "ministries": "Ministeries: getekend versus genoemd in rapportages",
        "quality": "Datakwaliteit",
        "none": "geen",
        "inferred": "afgeleid",
        "deals": "deals",
        "interventions": "interventies",
        "generated": "Gemaakt",
        "domain_word": "domeinen",
        "signed": "getekend",
        "mentioned": "genoemd",
        "pairs": "paren deal-ministerie; wie in rapportages genoemd wordt, is nog niet als data vastgelegd",
    },
    "en": {
        "title": "Recurring themes in the Regio Deals — answers from the knowledge graph",
        "rq1": "Question 1 — What are the recurring themes in the opgaven?",
        "rq2": "Question 2 — What has been learned about the effectiveness of interventions?",
        "rq3": "Question 3 — How does the feedback loop between Rijk and region work?",
        "data": "Data quality and public records",
        "heatmap": "Number of deals per opgave and tranche",
        "heatmap_note": "Opgave attributions of deals: from the report and from public sources (all strengths).",
        "domains": "Opgaven per domain",
        "crossing": "Domain-crossing deals (opgaven in two or more domains)",
        "typology": "Starting point and breadth (report 2.2)",
        "instruments": "Instrument types and the interventions that use them",
        "instr_heat": "Instrument use per opgave (number of interventions)",
        "factors": "Success and failure factors",
        "evaluations": "Evaluation documents per tranche and kind",
        "no_eval": "Deals of tranches 1-3 without an evaluation document",
        "illustrations": "Illustrations: period and money",
        "recommendations": "Recommendations",
        "ladder": "The feedback-loop ladder, with interventions on their highest rung",
        "paths": "The feedback path, step by step",
        "moved": "Themes that moved to other programmes",
        "ministries": "Ministries: signed versus mentioned in reports",
        "quality": "Data quality",
        "none": "none",
        "inferred": "inferred",
        "deals": "deals",
        "interventions": "interventions",
        "generated": "Generated",
        "domain_word": "domains",
        "signed": "signed",
        "mentioned": "mentioned",
        "pairs": "deal-ministry pairs; who is mentioned in reports is not yet recorded as data",
    },
}

QUERIES = [
    "opgaven-per-tranche", "domeinoverstijgende-deals", "vertrekpunt-en-breedte", "instrumenten",
    "instrumenten-per-opgave", "succesfactoren", "evaluaties", "deals-zonder-evaluatie", "illustraties",
    "bevindingen-effectiviteit", "feedbackladder", "feedbackpad", "thema-naar-programma",
    "ministeries-getekend-vs-genoemd", "dq-bronloze-feiten", "dq-deals-zonder-opgave", "dq-ontbrekende-labels",
]


@dataclass
class Report:
    lang: str
    results: dict[str, Result] = field(default_factory=dict)
    stats: dict = field(default_factory=dict)

    def rows(self, name: str) -> list[dict]:
        r = self.results.get(name)
        return list(r) if r is not None else []

    def t(self, key: str) -> str:
        return T[self.lang][key]


def build_report(kg, lang: str = "nl") -> Report:
    rep = Report(lang=lang, stats=kg.stats())
    available = set(kg.catalogue.names())
    for name in QUERIES:
        if name not in available:
            continue
        q = kg.catalogue.get(name)
        params = {"lang": lang} if any(p.name == "lang" for p in q.params) and name != "dq-ontbrekende-labels" else {}
        rep.results[name] = kg.query(name, **params)
    return rep


# ---------------------------------------------------------------- shared shaping of the answers

def _heat(rep: Report) -> tuple[list[tuple[int, str]], list[int], dict]:
    opgaven: dict[int, str] = {}
    cells: dict = defaultdict(int)
    tranches: set[int] = set()
    for r in rep.rows("opgaven-per-tranche"):
        opgaven[r["number"]] = r["opgaveLabel"] or str(r["opgave"])
        if r["tranche"] is not None:
            tranches.add(r["tranche"])
            cells[(r["number"], r["tranche"])] = r["deals"]
    return sorted(opgaven.items()), sorted(tranches), cells


def _domains(rep: Report) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    seen = set()
    for r in rep.rows("opgaven-per-tranche"):
        if r["number"] in seen:
            continue
        seen.add(r["number"])
        out[r["domainLabel"] or str(r["domain"])].append(f"{r['number']}. {r['opgaveLabel']}")
    return out


def _instr_heat(rep: Report):
    ops: dict[int, str] = {}
    ins: dict[int, str] = {}
    cells = {}
    for r in rep.rows("instrumenten-per-opgave"):
        ops[r["number"]] = r["opgaveLabel"]
        ins[r["instrumentNumber"]] = r["instrumentLabel"]
        cells[(r["number"], r["instrumentNumber"])] = r["interventions"]
    for r in rep.rows("instrumenten"):
        ins[r["number"]] = r["instrumentLabel"]
    return sorted(ops.items()), sorted(ins.items()), cells


def _ladder(rep: Report) -> list[dict]:
    return sorted(rep.rows("feedbackladder"), key=lambda r: r["rank"])


def _paths(rep: Report) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rep.rows("feedbackpad"):
        out[r["interventionLabel"] or str(r["intervention"])].append(r)
    return out


def _eval_counts(rep: Report) -> tuple[dict, list[int], list[str]]:
    docs: dict = defaultdict(set)
    types: set[str] = set()
    tranches: set[int] = set()
    for r in rep.rows("evaluaties"):
        docs[(r["tranche"], r["typeLabels"])].add(r["document"])
        types.add(r["typeLabels"])
        tranches.add(r["tranche"])
    return {k: len(v) for k, v in docs.items()}, sorted(tranches), sorted(t for t in types if t)


def _money(v) -> str:
    if v is None:
        return "–"
    v = float(v)
    return f"€{v / 1e6:,.1f}M" if v >= 1e6 else f"€{v:,.0f}"


# ---------------------------------------------------------------- text

def render_text(rep: Report) -> str:
    out: list[str] = [rep.t("title"), "=" * len(rep.t("title")), ""]
    st = rep.stats
    out.append(f"{st.get('triples_asserted', 0)} triples ({st.get('triples_inferred', 0)} inferred), "
               f"{len(st.get('sources', {}))} sources.")
    out.append("")

    out += [rep.t("rq1"), "-" * len(rep.t("rq1")), "", rep.t("domains") + ":"]
    for dom, ops in _domains(rep).items():
        out.append(f"  {dom}")
        out += [f"    {o}" for o in ops]
    ops, tranches, cells = _heat(rep)
    out += ["", f"{rep.t('heatmap')} ({rep.t('heatmap_note')})"]
    out.append("    " + " ".join(f"T{t:<3}" for t in tranches) + " opgave")
    for num, label in ops:
        out.append(f"{num:>2}  " + " ".join(f"{cells.get((num, t), 0):<4}" for t in tranches) + f" {label}")
    crossing = rep.rows("domeinoverstijgende-deals")
    out += ["", f"{rep.t('crossing')}: {len(crossing)}"]
    for r in crossing[:10]:
        out.append(f"  {r['dealLabel']} (T{r['tranche']}): {r['domains']} {rep.t('domain_word')}, "
                   f"{r['opgaven']} opgaven")
    out += ["", rep.t("typology") + ":"]
    for r in rep.rows("vertrekpunt-en-breedte"):
        bits = [b for b in (r["startingPointLabel"], r["breadthLabel"], r["topics"]) if b]
        out.append(f"  {r['dealLabel']}: " + "; ".join(bits))

    out += ["", rep.t("rq2"), "-" * len(rep.t("rq2")), "", rep.t("instruments") + ":"]
    by_instr: dict = defaultdict(list)
    labels = {}
    for r in rep.rows("instrumenten"):
        labels[r["number"]] = r["instrumentLabel"]
        if r["intervention"]:
            mark = f" ({rep.t('inferred')})" if r["inferred"] else ""
            by_instr[r["number"]].append(f"{r['interventionLabel']}{mark}")
    for n in sorted(labels):
        out.append(f"  {n}. {labels[n]}: " + ("; ".join(by_instr[n]) or rep.t("none")))
    out += ["", rep.t("factors") + ":"]
    for r in rep.rows("succesfactoren"):
        out.append(f"  {r['number']}. {r['factorLabel']}" + (f" — {r['polarity']}" if r["polarity"] else ""))
    counts, etr, types = _eval_counts(rep)
    out += ["", rep.t("evaluations") + ":"]
    for t in etr:
        parts = [f"{ty}: {counts[(t, ty)]}" for ty in types if counts.get((t, ty))]
        out.append(f"  T{t}: " + ", ".join(parts))
    missing = rep.rows("deals-zonder-evaluatie")
    out.append(f"  {rep.t('no_eval')}: " + (", ".join(r["dealLabel"] for r in missing) or rep.t("none")))
    out += ["", rep.t("illustrations") + ":"]
    for r in rep.rows("illustraties"):
        period = f"{r['startYear'] or '?'}-{r['endYear'] or '?'}" if r["startYear"] else ""
        money = (f"total {_money(r['totalEUR'])}, Rijk {_money(r['rijksbijdrageEUR'])}, "
                 f"co-funding {_money(r['cofundingEUR'])}") if r["totalEUR"] is not None else ""
        out.append(f"  {r['interventionLabel']} ({r['dealLabel']}) {period} {money}".rstrip())
    out += ["", rep.t("recommendations") + ":"]
    for r in rep.rows("bevindingen-effectiviteit"):
        if r["kind"] == "recommendation":
            out.append(f"  {r['number']}. {r['findingLabel']}")

    out += ["", rep.t("rq3"), "-" * len(rep.t("rq3")), "", rep.t("ladder") + ":"]
    for r in reversed(_ladder(rep)):
        out.append(f"  {r['rank']}. {r['layerLabel']}: {r['names'] or '—'}")
    out += ["", rep.t("paths") + ":"]
    for name, steps in _paths(rep).items():
        out.append(f"  {name}")
        for s in steps:
            date = s["date"] or "(?)"
            out.append(f"    {s['sequence'] or '-'}. {date}: {s['eventLabel']} -> {s['layerLabel'] or '?'}")
    out += ["", rep.t("moved") + ":"]
    for r in rep.rows("thema-naar-programma"):
        out.append(f"  {r['opgaveLabel']} -> {r['programmeLabel']}")
    mins = rep.rows("ministeries-getekend-vs-genoemd")
    signed = sum(1 for r in mins if r["signed"])
    mentioned = sum(1 for r in mins if r["mentioned"])
    out += ["", f"{rep.t('ministries')}: {rep.t('signed')} {signed}, {rep.t('mentioned')} {mentioned} "
                f"({rep.t('pairs')})"]

    out += ["", rep.t("quality"), "-" * len(rep.t("quality"))]
    for name in ("dq-bronloze-feiten", "dq-deals-zonder-opgave", "dq-ontbrekende-labels"):
        if name in rep.results:
            out.append(f"  {name}: {len(rep.results[name])}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- HTML with SVG charts

def _e(v) -> str:
    return html.escape("" if v is None else str(v))


def _color(v: int, vmax: int) -> str:
    if not v:
        return "#f4f4f4"
    x = v / max(vmax, 1)
    r, g, b = int(225 - 198 * x), int(242 - 135 * x), int(233 - 154 * x)
    return f"rgb({r},{g},{b})"


def _svg_heatmap(rows: list[tuple[int, str]], cols: list[tuple], cells: dict, title: str,
                 col_prefix: str = "", label_width: int = 500) -> str:
    cw, ch = 56, 24
    top = 40
    width = label_width + cw * len(cols) + 10
    height = top + ch * len(rows) + 10
    vmax = max(cells.values(), default=1)
    parts = [f'<svg role="img" aria-label="{_e(title)}" xmlns="http://www.w3.org/2000/svg" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">']
    for j, (ckey, clabel) in enumerate(cols):
        x = label_width + j * cw + cw / 2
        parts.append(f'<text x="{x}" y="{top - 10}" text-anchor="middle" class="h">{_e(col_prefix)}{_e(ckey)}'
                     f'<title>{_e(clabel)}</title></text>')
    for i, (rkey, rlabel) in enumerate(rows):
        y = top + i * ch
        short = rlabel if len(str(rlabel)) <= 70 else str(rlabel)[:69] + "…"
        shown = _e(short) if rkey == rlabel else f"{_e(rkey)}. {_e(short)}"
        parts.append(f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end">{shown}'
                     f'<title>{_e(rlabel)}</title></text>')
        for j, (ckey, _cl) in enumerate(cols):
            v = cells.get((rkey, ckey), 0)
            x = label_width + j * cw
            parts.append(f'<rect x="{x + 1}" y="{y + 1}" width="{cw - 2}" height="{ch - 2}" '
                         f'fill="{_color(v, vmax)}"><title>{_e(rlabel)} / {_e(col_prefix)}{_e(ckey)}: {v}'
                         "</title></rect>")
            if v:
                fill = "#fff" if v > vmax / 2 else "#222"
                parts.append(f'<text x="{x + cw / 2}" y="{y + 16}" text-anchor="middle" fill="{fill}">{v}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _svg_ladder(rep: Report) -> str:
    rungs = list(reversed(_ladder(rep)))
    w, rh = 900, 64
    height = rh * len(rungs) + 20
    parts = [f'<svg role="img" aria-label="{_e(rep.t("ladder"))}" xmlns="http://www.w3.org/2000/svg" '
             f'width="{w}" height="{height}" viewBox="0 0 {w} {height}">',
             f'<line x1="40" y1="10" x2="40" y2="{height - 10}" stroke="#555" stroke-width="3"/>',
             f'<line x1="400" y1="10" x2="400" y2="{height - 10}" stroke="#555" stroke-width="3"/>']
    for i, r in enumerate(rungs):
        y = 10 + i * rh
        filled = bool(r["interventions"])
        parts.append(f'<rect x="40" y="{y + 8}" width="360" height="{rh - 16}" rx="6" '
                     f'fill="{"#2a7f62" if filled else "#e9ecef"}" stroke="#555"/>')
        parts.append(f'<text x="52" y="{y + rh / 2 + 5}" fill="{"#fff" if filled else "#222"}">'
                     f'{r["rank"]}. {_e(str(r["layerLabel"])[:48])}<title>{_e(r["layerLabel"])}</title></text>')
        names = [n for n in (r["names"] or "").split("; ") if n]
        text = "; ".join(names) if names else "—"
        parts.append(f'<text x="415" y="{y + rh / 2 + 5}">{_e(text[:80])}<title>{_e(text)}</title></text>')
    parts.append("</svg>")
    return "".join(parts)


def _cell(v) -> str:
    if isinstance(v, bool):
        return "✓" if v else ""
    return _e(v)


def _table(rows: list[dict], cols: list[tuple[str, str]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for _k, h in cols)
    body = "".join("<tr>" + "".join(f"<td>{_cell(r.get(k))}</td>" for k, _h in cols) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;
color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:2px solid #2a7f62;padding-bottom:.2rem}h3{margin-top:1.6rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;
vertical-align:top;text-align:left}th{background:#f0f3f2}svg{font-size:11px;max-width:100%;height:auto}
svg text.h{font-weight:bold}.note{color:#555;font-size:.9rem}.kpi{display:inline-block;margin-right:2rem}
.kpi b{font-size:1.4rem;display:block}
"""


def render_html(rep: Report) -> str:
    t = rep.t
    ops, tranches, cells = _heat(rep)
    h: list[str] = [f'<!DOCTYPE html><html lang="{rep.lang}"><head><meta charset="utf-8">',
                    '<meta name="viewport" content="width=device-width, initial-scale=1">',
                    f"<title>{_e(t('title'))}</title><style>{CSS}</style></head><body>",
                    f"<h1>{_e(t('title'))}</h1>"]
    st = rep.stats
    n_deals = st.get("instances_per_class", {}).get("https://w3id.org/rdgraph/def/regiodeals#RegioDeal", 0)
    h.append('<p>' + "".join(f'<span class="kpi"><b>{_e(v)}</b>{_e(k)}</span>' for k, v in [
        ("Regio Deals", n_deals), ("opgaven", len(ops)), ("triples", st.get("triples_asserted")),
        ("sources", len(st.get("sources", {})))]) + "</p>")

    h.append(f"<h2>{_e(t('rq1'))}</h2><h3>{_e(t('heatmap'))}</h3><p class='note'>{_e(t('heatmap_note'))}</p>")
    h.append(_svg_heatmap(ops, [(tr, f"Tranche {tr}") for tr in tranches], cells, t("heatmap"), "T"))
    h.append(f"<h3>{_e(t('domains'))}</h3><ul>")
    for dom, items in _domains(rep).items():
        h.append(f"<li><b>{_e(dom)}</b><ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul></li>")
    h.append("</ul>")
    crossing = rep.rows("domeinoverstijgende-deals")
    h.append(f"<h3>{_e(t('crossing'))}: {len(crossing)}</h3>")
    h.append(_table(crossing[:15], [("dealLabel", "deal"), ("tranche", "tranche"), ("domains", "domains"),
                                    ("opgaven", "opgaven")]))
    h.append(f"<h3>{_e(t('typology'))}</h3>")
    h.append(_table(rep.rows("vertrekpunt-en-breedte"), [("dealLabel", "deal"), ("startingPointLabel", "vertrekpunt"),
                                                         ("breadthLabel", "breedte"), ("topics", "topics")]))

    h.append(f"<h2>{_e(t('rq2'))}</h2><h3>{_e(t('instr_heat'))}</h3>")
    iops, ins, icells = _instr_heat(rep)
    if iops:
        h.append(_svg_heatmap(iops, [(n, lab) for n, lab in ins], icells, t("instr_heat"), "I"))
        h.append("<p class='note'>" + "; ".join(f"I{n}: {_e(lab)}" for n, lab in ins) + "</p>")
    h.append(f"<h3>{_e(t('instruments'))}</h3>")
    h.append(_table([r for r in rep.rows("instrumenten")], [("number", "#"), ("instrumentLabel", "instrument"),
                                                           ("interventionLabel", "interventie"), ("dealLabel", "deal"),
                                                           ("inferred", t("inferred"))]))
    h.append(f"<h3>{_e(t('factors'))}</h3><ol>")
    for r in rep.rows("succesfactoren"):
        pol = f" — {_e(r['polarity'])}" if r["polarity"] else ""
        h.append(f"<li><b>{_e(r['factorLabel'])}</b>{pol}</li>")
    h.append("</ol>")
    counts, etr, types = _eval_counts(rep)
    h.append(f"<h3>{_e(t('evaluations'))}</h3>")
    h.append(_svg_heatmap([(ty, ty) for ty in types], [(tr, f"Tranche {tr}") for tr in etr],
                          {(ty, tr): counts.get((tr, ty), 0) for ty in types for tr in etr}, t("evaluations"), "T",
                          label_width=260))
    missing = rep.rows("deals-zonder-evaluatie")
    h.append(f"<p>{_e(t('no_eval'))}: " + (_e(", ".join(r["dealLabel"] for r in missing)) or _e(t("none"))) + "</p>")
    h.append(f"<h3>{_e(t('illustrations'))}</h3>")
    ill = [dict(r, totalEUR=_money(r["totalEUR"]), rijksbijdrageEUR=_money(r["rijksbijdrageEUR"]),
                cofundingEUR=_money(r["cofundingEUR"])) for r in rep.rows("illustraties")]
    h.append(_table(ill, [("interventionLabel", "interventie"), ("dealLabel", "deal"), ("startYear", "van"),
                          ("endYear", "tot"), ("totalEUR", "totaal"), ("rijksbijdrageEUR", "Rijk"),
                          ("cofundingEUR", "cofinanciering")]))
    h.append(f"<h3>{_e(t('recommendations'))}</h3><ol>")
    for r in rep.rows("bevindingen-effectiviteit"):
        if r["kind"] == "recommendation":
            h.append(f"<li>{_e(r['findingLabel'])}</li>")
    h.append("</ol>")

    h.append(f"<h2>{_e(t('rq3'))}</h2><h3>{_e(t('ladder'))}</h3>{_svg_ladder(rep)}")
    h.append(f"<h3>{_e(t('paths'))}</h3>")
    for name, steps in _paths(rep).items():
        h.append(f"<h4>{_e(name)}</h4>")
        h.append(_table(steps, [("sequence", "#"), ("date", "datum"), ("dateNote", ""), ("eventLabel", "gebeurtenis"),
                                ("layerLabel", "laag"), ("inferred", t("inferred"))]))
    h.append(f"<h3>{_e(t('moved'))}</h3>")
    h.append(_table(rep.rows("thema-naar-programma"), [("opgaveLabel", "opgave"), ("programmeLabel", "programma")]))
    mins = rep.rows("ministeries-getekend-vs-genoemd")
    h.append(f"<h3>{_e(t('ministries'))}</h3><p>{_e(t('signed'))}: {sum(1 for r in mins if r['signed'])}, "
             f"{_e(t('mentioned'))}: {sum(1 for r in mins if r['mentioned'])} ({_e(t('pairs'))})</p>")
    h.append(f"<h2>{_e(t('quality'))}</h2><ul>")
    for name in ("dq-bronloze-feiten", "dq-deals-zonder-opgave", "dq-ontbrekende-labels"):
        if name in rep.results:
            h.append(f"<li>{_e(name)}: {len(rep.results[name])}</li>")
    h.append(f"</ul><p class='note'>{_e(t('generated'))}: {dt.date.today().isoformat()} — rdgraph</p>")
    h.append("</body></html>")
    return "\n".join(h)
