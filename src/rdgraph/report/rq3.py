"""Research question 3 (the feedback loop between Rijk and regio: ladder, paths, ministries)."""

from __future__ import annotations

from .evidence import BRON, PUBLIC, findings_block, query_rows, question_section, split_list
from .model import Col, Paragraph, Report, Section, Table, Text
from .query_charts import ladder


def rq3(kg, rep: Report, findings, qlabels) -> Section:
    L = rep.lang
    sec = question_section(rep, 3, qlabels)
    answer = Section("rq3-answer", rep.t("answer"))
    answer.blocks.append(findings_block(rep, [r for r in findings if r["questionNumber"] == 3], "rq3-findings",
                                   rep.t("observations")))
    sec.subsections.append(answer)

    ev = Section("rq3-evidence", rep.t("evidence"))
    ev.blocks.append(ladder(kg, L, cites=rep.citations.cite([BRON + "4.1", BRON + "4.2", BRON + "3.4"])))
    steps = []
    for r in query_rows(kg, "feedbackpad", L):
        date = r["date"]
        date_text = Text(str(r["dateNote"]), r["dateNoteLang"] or None) if r["dateNote"] else ""
        steps.append({"intervention": str(r["interventionLabel"]), "intervention_iri": str(r["intervention"]),
                      "step": r["sequence"], "date": str(date) if date else "", "dateNote": date_text,
                      "event": str(r["eventLabel"]), "layer": str(r["layerLabel"] or ""),
                      "inferred": r["inferred"]})
    ev.blocks.append(Table("paths", rep.t("paths"),
                           [Col("intervention", rep.t("col_intervention"), link="intervention_iri"),
                            Col("step", rep.t("col_step"), "int"), Col("date", rep.t("col_date")),
                            Col("dateNote", "", "text"), Col("event", rep.t("col_event")),
                            Col("layer", rep.t("col_layer")), Col("inferred", rep.t("inferred"), "bool")], steps,
                           cites=rep.citations.cite([BRON + "3.4-stallenaanpak", BRON + "3.4-kansrijke-start",
                                                     BRON + "3.4-twents-fonds", BRON + "4.2"])))
    moved = query_rows(kg, "thema-naar-programma", L)
    ev.blocks.append(Table("moved", rep.t("moved"),
                           [Col("opgaveLabel", rep.t("col_opgave"), link="opgave"),
                            Col("programmeLabel", rep.t("col_programme"), link="programme")], moved,
                           cites=rep.citations.cite([BRON + "4.2", BRON + "samenvatting"])))
    named = query_rows(kg, "ministeries-genoemd", L)
    for r in named:
        r["sectionsText"] = ", ".join(sorted(
            (rep.citations.sources[s].number or rep.citations.sources[s].label) if s in rep.citations.sources else s
            for s in split_list(r["sections"])))
    ev.blocks.append(Table("ministries-named", rep.t("ministries_named"),
                           [Col("ministryLabel", rep.t("col_ministry"), link="ministry"),
                            Col("abbreviation", ""), Col("sectionCount", rep.t("col_sections"), "int"),
                            Col("sectionsText", rep.t("col_sections")), Col("people", rep.t("col_people"), "int")],
                           named, counts=rep.t("ministries_named_counts"),
                           cites=rep.citations.cite(sorted({s for r in named for s in split_list(r["sections"])}))))
    sec.subsections.append(ev)

    adds = Section("rq3-adds", rep.t("adds"))
    mins = list(kg.query("ministeries-getekend-vs-genoemd"))
    adds.blocks.append(Paragraph(Text(rep.t("signed_mentioned_text", signed=sum(1 for r in mins if r["signed"]),
                                            mentioned=sum(1 for r in mins if r["mentioned"])), L),
                                 rep.citations.cite([BRON + "4.2", PUBLIC])))
    sec.subsections.append(adds)
    return sec
