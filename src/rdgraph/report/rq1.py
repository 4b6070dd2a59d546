"""Research question 1 (the opgaven per tranche): the report's answer, the evidence, what the graph adds."""

from __future__ import annotations

from collections import defaultdict

from ..namespaces import DEF, RDFS
from .evidence import BRON, PUBLIC, findings_block, query_rows, question_section
from .model import Col, Report, Section, Table, Text
from .query_charts import heat


def rq1(kg, rep: Report, findings, qlabels) -> Section:
    L = rep.lang
    sec = question_section(rep, 1, qlabels)
    answer = Section("rq1-answer", rep.t("answer"))
    answer.blocks.append(findings_block(rep, [r for r in findings if r["questionNumber"] == 1], "rq1-findings", ""))
    opg = query_rows(kg, "opgaven-per-tranche-rapport", L)
    domains: dict[str, list] = defaultdict(list)
    seen = set()
    for r in opg:
        if r["number"] in seen:
            continue
        seen.add(r["number"])
        domains[str(r["domainLabel"])].append(r)
    rows = [{"domain": d, "number": r["number"], "opgave": str(r["opgaveLabel"]), "opgave_iri": str(r["opgave"])}
            for d, rs in domains.items() for r in rs]
    answer.blocks.append(Table("opgaven-domains", rep.t("opgaven_domains"),
                               [Col("domain", rep.t("col_domain")), Col("number", "#", "int"),
                                Col("opgave", rep.t("col_opgave"), link="opgave_iri")], rows,
                               counts=rep.t("opgaven_domains_counts"),
                               cites=rep.citations.cite([BRON + "2.3", BRON + "samenvatting"])))
    sec.subsections.append(answer)

    ev = Section("rq1-evidence", rep.t("evidence"))
    dpt = {r["tranche"]: r for r in query_rows(kg, "deals-per-tranche", L)}
    listed = sum(int(r["reportDeals"]) for r in dpt.values())
    excluded_names = [str(r["dealLabel"]) for r in kg.sparql(
        f"SELECT ?dealLabel WHERE {{ ?d <{DEF}excludedFromStudy> true ; "
        f"<{RDFS.label.value}> ?dealLabel FILTER(lang(?dealLabel) = '{L}') }} "
        "ORDER BY ?dealLabel")]
    report_tranches = [tr for tr in sorted(dpt) if dpt[tr]["reportDeals"]]
    ev.blocks.append(Table(
        "deals-per-tranche", rep.t("deals_per_tranche"),
        [Col("tranche", rep.t("col_tranche"), "int"), Col("reportDeals", rep.t("col_in_report"), "int"),
         Col("excluded", rep.t("col_excluded"), "int"), Col("analysed", rep.t("col_analysed"), "int"),
         Col("codedAnalysed", rep.t("col_coded"), "int"), Col("deals", rep.t("col_in_graph"), "int")],
        [dict(dpt[tr]) for tr in sorted(dpt)], counts=rep.t("deals_per_tranche_counts"),
        total={"tranche": rep.t("total"), **{k: sum(int(dpt[tr][k]) for tr in dpt) for k in
                                              ("reportDeals", "excluded", "analysed", "codedAnalysed", "deals")}},
        cites=rep.citations.cite([BRON + "bijlage-a", PUBLIC])))
    note = rep.t("heat_report_note", listed=listed,
                 per_tranche=", ".join(str(dpt[tr]["reportDeals"]) for tr in report_tranches),
                 excluded=len(excluded_names), excluded_names=", ".join(excluded_names),
                 analysed=sum(int(dpt[tr]["analysed"]) for tr in report_tranches))
    ev.blocks.append(heat(L, "heat-report", rep.t("heat_report"), opg, report_tranches, dpt,
                                 "analysed", "codedAnalysed", "notCodedAnalysed", note,
                                 rep.citations.cite([BRON + "2.3", BRON + "bijlage-a", PUBLIC])))
    analysed = {str(r["d"]) for r in kg.sparql(f"SELECT ?d WHERE {{ ?d <{DEF}excludedFromStudy> false }}")}
    crossing = [r for r in query_rows(kg, "domeinoverstijgende-deals", L) if str(r["deal"]) in analysed]
    ev.blocks.append(Table("crossing", rep.t("crossing"),
                           [Col("dealLabel", rep.t("col_deal"), link="deal"), Col("tranche", rep.t("col_tranche"),
                                                                                "int"),
                            Col("domains", rep.t("col_domains"), "int"), Col("opgaven", rep.t("col_opgaven"), "int")],
                           crossing, counts=rep.t("crossing_counts", n=len(crossing)),
                           cites=rep.citations.cite([BRON + "2.1", BRON + "2.3", PUBLIC])))
    typ = query_rows(kg, "vertrekpunt-en-breedte", L)
    for r in typ:   # the topics are the report's own Dutch words
        r["topics"] = Text(str(r["topics"]), "nl") if r["topics"] else ""
    ev.blocks.append(Table("typology", rep.t("typology"),
                           [Col("dealLabel", rep.t("col_deal"), link="deal"),
                            Col("startingPointLabel", rep.t("col_starting_point")),
                            Col("breadthLabel", rep.t("col_breadth")), Col("topics", rep.t("col_topics"))],
                           typ, cites=rep.citations.cite([BRON + "2.2"])))
    sec.subsections.append(ev)

    adds = Section("rq1-adds", rep.t("adds"))
    opg_all = query_rows(kg, "opgaven-per-tranche", L)
    dpt_all = {tr: r for tr, r in dpt.items()}
    all_tr = sorted(dpt_all)
    n_all = sum(int(r["deals"]) for r in dpt_all.values())
    adds.blocks.append(heat(L, "heat-public", rep.t("heat_public"), opg_all, all_tr, dpt_all, "deals",
                                   "coded", "notCoded",
                                   rep.t("heat_public_note", deals=n_all, excluded=len(excluded_names)),
                                   rep.citations.cite([PUBLIC, BRON + "2.3"])))
    sec.subsections.append(adds)
    return sec
