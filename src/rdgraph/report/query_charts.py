"""The report's charts of named queries, drawn from the query's answer: the one drawing that both the report
(:mod:`.build`) and the query's page in the explorer (``/queries/{name}``) show.

:data:`CHARTS` maps a query to its chart; :func:`chart_for` draws it for the query's parameters. Each chart
carries its data as a table (:class:`.model.Chart` ``data``), the text alternative of the drawing. What only
the report adds (footnotes, notes that quote the report) the report passes in.
"""

from __future__ import annotations

from collections import defaultdict

from . import charts
from .evidence import eur_text, split_list
from .evidence import query_rows as run
from .i18n import t
from .model import Chart, Col, Table, Text

# ---------------------------------------------------------------- opgaven per tranche (heat maps)

def deals_per_tranche(kg, lang: str, scope: str | None = None) -> dict:
    """deals-per-tranche by tranche: the n of every column of the heat maps."""
    return {r["tranche"]: r for r in run(kg, "deals-per-tranche", lang, **({"scope": scope} if scope else {}))}


def heat(lang: str, cid: str, title: str, rows, tranches, dpt, n_key: str, coded_key: str, nc_key: str,
         note: str = "", cites: list[int] | None = None) -> Chart:
    """Opgaven (rows) x tranches (columns): deals per cell, a tranche without any opgave coded hatched."""
    ops: dict[int, str] = {}
    cell: dict = {}
    for r in rows:
        ops[r["number"]] = str(r["opgaveLabel"])
        if r["tranche"] is not None:
            cell[(r["number"], r["tranche"])] = int(r["deals"])
    numbers = sorted(ops)
    grid, totals, data = [], [], []
    for n in numbers:
        line = []
        for tr in tranches:
            coded = int(dpt[tr][coded_key])
            line.append(None if coded == 0 else cell.get((n, tr), 0))
        grid.append(line)
        known = [v for v in line if v is not None]
        totals.append(str(sum(known)))
        data.append({"number": n, "opgave": ops[n], **{f"t{tr}": (Text(t(lang, "not_coded"), lang) if v is None
                                                                   else v) for tr, v in zip(tranches, line)},
                     "total": sum(known)})
    partial = [0 < int(dpt[tr][coded_key]) < int(dpt[tr][n_key]) for tr in tranches]
    col_labels = [f"T{tr}{'*' if p else ''}\nn={dpt[tr][n_key]}\n({dpt[tr][coded_key]})"
                  for tr, p in zip(tranches, partial)]
    svg = charts.heatmap(cid, title, [f"{n}. {ops[n]}" for n in numbers], col_labels, grid, totals,
                         t(lang, "total"), t(lang, "not_coded_legend"), t(lang, "heat_counts"),
                         t(lang, "partly_coded_legend") if any(partial) else None)
    cols = [Col("number", "#", "int"), Col("opgave", t(lang, "col_opgave"))]
    cols += [Col(f"t{tr}", f"T{tr} n={dpt[tr][n_key]} ({dpt[tr][coded_key]})", "int")
             for tr in tranches]
    cols.append(Col("total", t(lang, "total"), "int"))
    not_coded = sorted({x for tr in tranches for x in split_list(dpt[tr][nc_key], "; ")})
    after = [Text(t(lang, "partly_coded", names=", ".join(not_coded)), lang)] if not_coded else []
    table = Table(cid + "-data", f"{t(lang, 'chart_data')}: {title}", cols, data, counts=t(lang, "heat_counts"),
                  note=note, cites=cites or [], after=after,
                  total={"number": "", "opgave": t(lang, "total") + " (n)",
                         **{f"t{tr}": int(dpt[tr][n_key]) for tr in tranches}, "total": ""})
    return Chart(cid, title, svg, table, legend=[t(lang, "not_coded_legend")], note=note)


def report_tranches(dpt: dict) -> list:
    """The tranches the report covers (Bijlage A lists deals of them)."""
    return [tr for tr in sorted(dpt) if dpt[tr]["reportDeals"]]


def _opgaven_heat(kg, lang: str, name: str, params: dict) -> Chart:
    dpt = deals_per_tranche(kg, lang, params.get("scope"))
    rows = run(kg, name, lang, **params)
    if name == "opgaven-per-tranche-rapport" or params.get("population") == "report":
        return heat(lang, "heat-report", t(lang, "heat_report"), rows, report_tranches(dpt), dpt, "analysed",
                    "codedAnalysed", "notCodedAnalysed")
    return heat(lang, "heat-public", t(lang, "heat_public"), rows, sorted(dpt), dpt, "deals", "coded", "notCoded")


# ---------------------------------------------------------------- evaluations per tranche

def evaluations(kg, lang: str, cites: list[int] | None = None, **params) -> Chart:
    """Evaluation documents per tranche (bars), with the number of deals they evaluate."""
    per: dict = defaultdict(lambda: {"documents": 0, "deals": set(), "kinds": defaultdict(int)})
    for r in run(kg, "evaluaties", lang, **params):
        p = per[r["tranche"]]
        p["documents"] += 1
        p["deals"].add(str(r["deal"]))
        p["kinds"][str(r["typeLabels"])] += 1
    erows = [{"tranche": tr, "documents": per[tr]["documents"], "deals": len(per[tr]["deals"]),
              "kinds": "; ".join(f"{k}: {v}" for k, v in sorted(per[tr]["kinds"].items()))} for tr in sorted(per)]
    table = Table("evaluations-data", t(lang, "evaluations"),
                  [Col("tranche", t(lang, "col_tranche"), "int"), Col("documents", t(lang, "col_documents"), "int"),
                   Col("deals", t(lang, "col_deals"), "int"), Col("kinds", t(lang, "col_kinds"))], erows,
                  counts=t(lang, "evaluations_counts"),
                  total={"tranche": t(lang, "total"), "documents": sum(r["documents"] for r in erows),
                         "deals": sum(r["deals"] for r in erows), "kinds": ""},
                  cites=cites or [])
    svg = charts.hbars("evaluations", t(lang, "evaluations"), [f"T{r['tranche']}" for r in erows],
                       [r["documents"] for r in erows], None,
                       [f"{r['documents']} ({t(lang, 'col_deals').lower()}: {r['deals']})" for r in erows],
                       t(lang, "col_documents"), None, t(lang, "col_documents"))
    return Chart("evaluations", t(lang, "evaluations"), svg, table)


# ---------------------------------------------------------------- money per province

def money_per_province(kg, lang: str, mt: list[dict] | None = None, cites: list[int] | None = None) -> Chart:
    """The Rijk's money per province (split shares, in millions), deals without a province greyed."""
    mt = run(kg, "money-per-tranche", lang) if mt is None else mt
    rows = run(kg, "money-per-province", lang)
    national = sum(r["total_eur_low"] or 0 for r in mt)
    inferred = sum(int(r["deals_province_inferred"] or 0) for r in rows)
    data = []
    for r in rows:
        label = str(r["province_label"]) if r["province"] else t(lang, "no_province")
        data.append({"province": label if r["province"] else Text(label, lang),
                     "province_iri": str(r["province"]) if r["province"] else None,
                     "deals": r["deals_with_amount"], "only": r["deals_only_here"],
                     "inferred": r["deals_province_inferred"],
                     "split_low": r["total_eur_low_split"], "split_high": r["total_eur_high_split"],
                     "full_low": r["total_eur_low_full"], "full_high": r["total_eur_high_full"]})
    without = run(kg, "deals-without-province", lang)
    table = Table("money-per-province", t(lang, "money_province"),
                  [Col("province", t(lang, "col_province"), link="province_iri"),
                   Col("deals", t(lang, "col_deals"), "int"), Col("only", t(lang, "col_only_here"), "int"),
                   Col("inferred", t(lang, "inferred"), "int"),
                   Col("split_low", t(lang, "col_split") + " " + t(lang, "col_low"), "eur"),
                   Col("split_high", t(lang, "col_split") + " " + t(lang, "col_high"), "eur"),
                   Col("full_low", t(lang, "col_full") + " " + t(lang, "col_low"), "eur"),
                   Col("full_high", t(lang, "col_full") + " " + t(lang, "col_high"), "eur")], data,
                  counts=t(lang, "money_province_counts"),
                  rule=t(lang, "money_province_rule", total=eur_text(national, lang), inferred=inferred),
                  total={"province": t(lang, "total"),
                         "split_low": sum(r["split_low"] or 0 for r in data),
                         "split_high": sum(r["split_high"] or 0 for r in data)},
                  after=[Text(t(lang, "no_province_list", n=len(without),
                                names=", ".join(f"{r['dealLabel']} (T{r['tranche']})" for r in without)), lang)],
                  cites=cites or [])
    grey = {i for i, r in enumerate(rows) if not r["province"]}
    svg = charts.hbars("money-per-province", t(lang, "money_province"),
                       [d["province"].value if isinstance(d["province"], Text) else d["province"] for d in data],
                       [float(d["split_low"] or 0) / 1e6 for d in data], None,
                       [f"{float(d['split_low'] or 0) / 1e6:,.1f} ({d['deals']})" for d in data],
                       t(lang, "money_bar_legend"), None, t(lang, "money_bar_axis"),
                       grey=grey, grey_label=t(lang, "no_province"))
    return Chart("money-per-province", t(lang, "money_province"), svg, table)


# ---------------------------------------------------------------- the feedback ladder

def ladder(kg, lang: str, cites: list[int] | None = None) -> Chart:
    """The feedback-loop ladder: interventions per highest rung reached, inferred placements hatched."""
    lrows = []
    for r in sorted(run(kg, "feedbackladder", lang), key=lambda r: r["rank"]):
        names = split_list(r["names"], "; ")
        inferred = set(split_list(r["inferredNames"], "; "))
        shown = "; ".join(f"{n} ({t(lang, 'inferred')})" if n in inferred else n for n in names)
        lrows.append({"rank": r["rank"], "layer": str(r["layerLabel"]), "interventions": r["interventions"],
                      "inferred": r["inferred"], "names": shown or Text(t(lang, "none_recorded"), lang)})
    table = Table("ladder-data", t(lang, "ladder"),
                  [Col("rank", t(lang, "col_rank"), "int"), Col("layer", t(lang, "col_layer")),
                   Col("interventions", t(lang, "col_interventions"), "int"), Col("inferred", t(lang, "inferred"),
                                                                                  "int"),
                   Col("names", t(lang, "col_names"))], lrows, counts=t(lang, "ladder_counts"),
                  note=t(lang, "ladder_note"),
                  total={"rank": t(lang, "total"), "interventions": sum(r["interventions"] for r in lrows),
                         "inferred": sum(r["inferred"] for r in lrows)},
                  cites=cites or [])
    top = list(reversed(lrows))
    svg = charts.hbars("ladder", t(lang, "ladder"), [f"{r['rank']}. {r['layer']}" for r in top],
                       [r["interventions"] - r["inferred"] for r in top], [r["inferred"] for r in top],
                       [str(r["interventions"]) for r in top], t(lang, "stated_legend"), t(lang, "inferred_legend"),
                       t(lang, "col_interventions"),
                       side_text=[r["names"].value if isinstance(r["names"], Text) else r["names"] for r in top])
    return Chart("ladder", t(lang, "ladder"), svg, table, legend=[t(lang, "inferred_legend")],
                 note=t(lang, "ladder_note"))


# ---------------------------------------------------------------- by query

CHARTS = {
    "opgaven-per-tranche-rapport": lambda kg, lang, params: _opgaven_heat(kg, lang, "opgaven-per-tranche-rapport",
                                                                          params),
    "opgaven-per-tranche": lambda kg, lang, params: _opgaven_heat(kg, lang, "opgaven-per-tranche", params),
    "evaluaties": lambda kg, lang, params: evaluations(kg, lang, **params),
    "money-per-province": lambda kg, lang, params: money_per_province(kg, lang),
    "feedbackladder": lambda kg, lang, params: ladder(kg, lang),
}


def chart_for(kg, name: str, lang: str, params: dict[str, str] | None = None) -> Chart | None:
    """The report's chart of a named query for these parameters (the page's language labels it); None when
    the report draws none for it. ``lang`` among the parameters is the answer's language."""
    draw = CHARTS.get(name)
    if draw is None:
        return None
    params = dict(params or {})
    return draw(kg, params.pop("lang", None) or lang, params)


__all__ = ["CHARTS", "chart_for", "deals_per_tranche", "evaluations", "heat", "ladder", "money_per_province",
           "report_tranches"]
