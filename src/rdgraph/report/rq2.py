"""Research question 2 (effectiveness: instruments, evaluations, illustrations, money per tranche and province)."""

from __future__ import annotations

from collections import defaultdict

from . import charts
from .evidence import BRON, PUBLIC, eur_text, findings_block, of_kind, query_rows, question_section
from .model import Chart, Col, Report, Section, Table, Text


def rq2(kg, rep: Report, findings, qlabels) -> Section:
    L = rep.lang
    sec = question_section(rep, 2, qlabels)
    answer = Section("rq2-answer", rep.t("answer"))
    answer.blocks.append(findings_block(rep, of_kind(findings, "EffectivenessReflection"), "rq2-lessons",
                                   rep.t("lessons")))
    answer.blocks.append(findings_block(rep, of_kind(findings, "SuccessFactor"), "rq2-factors", rep.t("factors")))
    sec.subsections.append(answer)

    ev = Section("rq2-evidence", rep.t("evidence"))
    by_instr: dict = {}
    for r in query_rows(kg, "instrumenten", L):
        e = by_instr.setdefault(r["number"], {"number": r["number"], "instrument": str(r["instrumentLabel"]),
                                              "names": []})
        if r["intervention"]:
            mark = f" ({rep.t('inferred')})" if r["inferred"] else ""
            e["names"].append(f"{r['interventionLabel']}{mark}")
    inst_rows = [{"number": e["number"], "instrument": e["instrument"],
                  "interventions": "; ".join(e["names"]) if e["names"] else Text(rep.t("none_recorded"), L)}
                 for _, e in sorted(by_instr.items())]
    ev.blocks.append(Table("instruments", rep.t("instruments"),
                           [Col("number", "#", "int"), Col("instrument", rep.t("col_instrument")),
                            Col("interventions", rep.t("col_interventions"))], inst_rows,
                           counts=rep.t("instruments_counts"),
                           cites=rep.citations.cite([BRON + "2.4", BRON + "samenvatting", BRON + "3.4"])))
    evals = query_rows(kg, "evaluaties", L)
    per: dict = defaultdict(lambda: {"documents": 0, "deals": set(), "kinds": defaultdict(int)})
    for r in evals:
        p = per[r["tranche"]]
        p["documents"] += 1
        p["deals"].add(str(r["deal"]))
        p["kinds"][str(r["typeLabels"])] += 1
    etr = sorted(per)
    erows = [{"tranche": tr, "documents": per[tr]["documents"], "deals": len(per[tr]["deals"]),
              "kinds": "; ".join(f"{k}: {v}" for k, v in sorted(per[tr]["kinds"].items()))} for tr in etr]
    etable = Table("evaluations-data", rep.t("evaluations"),
                   [Col("tranche", rep.t("col_tranche"), "int"), Col("documents", rep.t("col_documents"), "int"),
                    Col("deals", rep.t("col_deals"), "int"), Col("kinds", rep.t("col_kinds"))], erows,
                   counts=rep.t("evaluations_counts"),
                   total={"tranche": rep.t("total"), "documents": sum(r["documents"] for r in erows),
                          "deals": sum(r["deals"] for r in erows), "kinds": ""},
                   cites=rep.citations.cite([BRON + "bijlage-b", BRON + "1.2"]))
    missing = query_rows(kg, "deals-zonder-evaluatie", L)
    etable.after = [Text(f"{rep.t('no_eval')}: " + (", ".join(str(r["dealLabel"]) for r in missing)
                                                   or rep.t("none_recorded")), L)]
    svg = charts.hbars("evaluations", rep.t("evaluations"), [f"T{r['tranche']}" for r in erows],
                       [r["documents"] for r in erows], None,
                       [f"{r['documents']} ({rep.t('col_deals').lower()}: {r['deals']})" for r in erows],
                       rep.t("col_documents"), None, rep.t("col_documents"))
    ev.blocks.append(Chart("evaluations", rep.t("evaluations"), svg, etable))
    ill = []
    for r in query_rows(kg, "illustraties", L):
        if r["startYear"]:
            period = f"{r['startYear']}–{r['endYear'] if r['endYear'] else '?'}"
        else:
            period = Text(rep.t("none_recorded"), L)
        ill.append({"intervention": str(r["interventionLabel"]), "intervention_iri": str(r["intervention"]),
                    "deal": str(r["dealLabel"]), "deal_iri": str(r["deal"]), "period": period,
                    "total": r["totalEUR"], "rijk": r["rijksbijdrageEUR"], "cofunding": r["cofundingEUR"]})
    ev.blocks.append(Table("illustrations", rep.t("illustrations"),
                           [Col("intervention", rep.t("col_intervention"), link="intervention_iri"),
                            Col("deal", rep.t("col_deal"), link="deal_iri"), Col("period", rep.t("col_period")),
                            Col("total", rep.t("col_total"), "eur"), Col("rijk", rep.t("col_rijk"), "eur"),
                            Col("cofunding", rep.t("col_cofunding"), "eur")], ill,
                           cites=rep.citations.cite([BRON + "3.4-stallenaanpak", BRON + "3.4-kansrijke-start",
                                                     BRON + "3.4-twents-fonds"])))
    figs = query_rows(kg, "kengetallen", L, intervention="twents-fonds-voor-vakmanschap")
    ev.blocks.append(Table("twents-fonds-figures", rep.t("figures"),
                           [Col("figure", rep.t("col_figure")), Col("value", rep.t("col_value"), "int"),
                            Col("unit", rep.t("col_unit")), Col("kind", rep.t("col_kind")),
                            Col("approximately", rep.t("approx"), "bool")],
                           [{"figure": str(r["figureLabel"]), "value": r["value"],
                             "unit": r["unit"] if r["unit"] in ("EUR", "percent") else Text(str(r["unit"]), "nl"),
                             "kind": rep.t("kind_" + str(r["kind"])) if r["kind"] else "",
                             "approximately": r["approximately"]} for r in figs],
                           counts=rep.t("figures_counts"), cites=rep.citations.cite([BRON + "3.4-twents-fonds"])))
    sec.subsections.append(ev)

    adds = Section("rq2-adds", rep.t("adds"))
    mt = query_rows(kg, "money-per-tranche", L)
    adds.blocks.append(Table("money-per-tranche", rep.t("money_tranche"),
                             [Col("tranche_number", rep.t("col_tranche"), "int"),
                              Col("deals_with_amount", rep.t("col_deals"), "int"),
                              Col("total_eur_low", rep.t("col_low"), "eur"),
                              Col("total_eur_high", rep.t("col_high"), "eur"),
                              Col("deals_in_conflict", rep.t("col_conflict"), "int")], mt,
                             counts=rep.t("money_tranche_counts"),
                             total={"tranche_number": rep.t("total"),
                                    **{k: sum(r[k] or 0 for r in mt) for k in
                                       ("deals_with_amount", "total_eur_low", "total_eur_high", "deals_in_conflict")}},
                             cites=rep.citations.cite([PUBLIC])))
    adds.blocks.append(money_province(kg, rep, mt))
    sec.subsections.append(adds)
    return sec


def money_province(kg, rep, mt) -> Chart:
    L = rep.lang
    rows = query_rows(kg, "money-per-province", L)
    national = sum(r["total_eur_low"] or 0 for r in mt)
    inferred = sum(int(r["deals_province_inferred"] or 0) for r in rows)
    data = []
    for r in rows:
        label = str(r["province_label"]) if r["province"] else rep.t("no_province")
        data.append({"province": label if r["province"] else Text(label, L),
                     "province_iri": str(r["province"]) if r["province"] else None,
                     "deals": r["deals_with_amount"], "only": r["deals_only_here"],
                     "inferred": r["deals_province_inferred"],
                     "split_low": r["total_eur_low_split"], "split_high": r["total_eur_high_split"],
                     "full_low": r["total_eur_low_full"], "full_high": r["total_eur_high_full"]})
    without = query_rows(kg, "deals-without-province", L)
    table = Table("money-per-province", rep.t("money_province"),
                  [Col("province", rep.t("col_province"), link="province_iri"),
                   Col("deals", rep.t("col_deals"), "int"), Col("only", rep.t("col_only_here"), "int"),
                   Col("inferred", rep.t("inferred"), "int"),
                   Col("split_low", rep.t("col_split") + " " + rep.t("col_low"), "eur"),
                   Col("split_high", rep.t("col_split") + " " + rep.t("col_high"), "eur"),
                   Col("full_low", rep.t("col_full") + " " + rep.t("col_low"), "eur"),
                   Col("full_high", rep.t("col_full") + " " + rep.t("col_high"), "eur")], data,
                  counts=rep.t("money_province_counts"),
                  rule=rep.t("money_province_rule", total=eur_text(national, L), inferred=inferred),
                  total={"province": rep.t("total"),
                         "split_low": sum(r["split_low"] or 0 for r in data),
                         "split_high": sum(r["split_high"] or 0 for r in data)},
                  after=[Text(rep.t("no_province_list", n=len(without),
                                    names=", ".join(f"{r['dealLabel']} (T{r['tranche']})" for r in without)), L)],
                  cites=rep.citations.cite([PUBLIC]))
    grey = {i for i, r in enumerate(rows) if not r["province"]}
    svg = charts.hbars("money-per-province", rep.t("money_province"),
                       [d["province"].value if isinstance(d["province"], Text) else d["province"] for d in data],
                       [float(d["split_low"] or 0) / 1e6 for d in data], None,
                       [f"{float(d['split_low'] or 0) / 1e6:,.1f} ({d['deals']})" for d in data],
                       rep.t("money_bar_legend"), None, rep.t("money_bar_axis"),
                       grey=grey, grey_label=rep.t("no_province"))
    return Chart("money-per-province", rep.t("money_province"), svg, table)
