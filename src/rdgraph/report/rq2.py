"""Research question 2 (effectiveness: instruments, evaluations, illustrations, money per tranche and province)."""

from __future__ import annotations

from .evidence import BRON, PUBLIC, findings_block, of_kind, query_rows, question_section
from .model import Chart, Col, Report, Section, Table, Text
from .query_charts import evaluations, money_per_province


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
    chart = evaluations(kg, L, cites=rep.citations.cite([BRON + "bijlage-b", BRON + "1.2"]))
    missing = query_rows(kg, "deals-zonder-evaluatie", L)
    chart.data.after = [Text(f"{rep.t('no_eval')}: " + (", ".join(str(r["dealLabel"]) for r in missing)
                                                        or rep.t("none_recorded")), L)]
    ev.blocks.append(chart)
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
    return money_per_province(kg, rep.lang, mt, cites=rep.citations.cite([PUBLIC]))
