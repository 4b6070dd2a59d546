"""The closing sections of the report: the method, the afterword (nawoord) and the completeness of the graph."""

from __future__ import annotations

from collections import defaultdict

from .evidence import BRON, PUBLIC, findings_block, labels_of, query_rows, split_list
from .i18n import DQ_NAMES
from .model import Col, Report, Section, Table, Text


def method(kg, rep: Report, findings) -> Section:
    L = rep.lang
    sec = Section("method", rep.t("method"), cites=rep.citations.cite([BRON + "1.2"]))
    acts = query_rows(kg, "onderzoeksaanpak", L)
    order = {"fase-1": 0, "documentonderzoek-convenanten": 1, "documentonderzoek-evaluaties": 2, "fase-2": 3,
             "gesprekken-dealmakers": 4}
    acts.sort(key=lambda r: (order.get(str(r["activity"]).rsplit("/", 1)[-1], 5), r["number"] or 0))
    rows = [{"activity": str(r["activityLabel"]), "activity_iri": str(r["activity"]), "phase": r["phaseNumber"],
             "docs": (f"{rep.t('approx')} {r['documentsStudied']}" if r["approximately"] else r["documentsStudied"])
             if r["documentsStudied"] else "",
             "tranches": ", ".join(sorted(split_list(r["tranches"]))), "participants": r["participants"] or "",
             "dealmakers": r["dealmakers"] or ""} for r in acts]
    sec.blocks.append(Table("method-activities", rep.t("phases"),
                            [Col("activity", rep.t("col_activity"), link="activity_iri"),
                             Col("phase", rep.t("col_phase"), "int"), Col("docs", rep.t("col_docs_studied")),
                             Col("tranches", rep.t("col_tranche")), Col("participants", rep.t("col_participants")),
                             Col("dealmakers", rep.t("col_dealmakers"))], rows, counts=rep.t("phases_counts"),
                            cites=rep.citations.cite([BRON + "samenvatting", BRON + "1.2", BRON + "bijlage-c"])))
    people = query_rows(kg, "betrokken-personen", L)
    prow = [{"person": str(r["personLabel"]), "person_iri": str(r["person"]), "groups": str(r["groups"]),
             "position": Text(str(r["position"] or ""), "nl"), "roles": str(r["roles"] or "")} for r in people]
    sec.blocks.append(Table("people", rep.t("people"),
                            [Col("person", rep.t("col_person"), link="person_iri"),
                             Col("groups", rep.t("col_groups")), Col("position", rep.t("col_position")),
                             Col("roles", rep.t("col_roles"))], prow, counts=rep.t("people_counts"),
                            cites=rep.citations.cite([BRON + "bijlage-c", BRON + "colofon"])))
    sec.blocks.append(findings_block(rep, [r for r in findings if str(r["chapter"] or "").endswith("/1")],
                                "dilemma", rep.t("dilemma")))
    return sec


def nawoord(rep: Report, findings) -> Section:
    sec = Section("nawoord", rep.t("nawoord"))
    rows = [r for r in findings if str(r["chapter"] or "").endswith("/nawoord")]
    rows.sort(key=lambda r: (str(r["kind"]).endswith("Recommendation") is False, r["number"] or 0))
    sec.blocks.append(findings_block(rep, rows, "nawoord-findings", rep.t("nawoord")))
    return sec


def completeness(kg, rep: Report) -> Section:
    L = rep.lang
    sec = Section("quality", rep.t("quality"))
    miss = list(kg.query("deals-missing-facts"))
    alld = {r["tranche"]: r for r in query_rows(kg, "deals-per-tranche", L)}
    per: dict = defaultdict(lambda: {"amount": 0, "province": 0, "theme": 0})
    for r in miss:
        p = per[r["tranche_number"]]
        p["amount"] += 0 if r["has_contribution"] else 1
        p["province"] += 0 if r["has_province"] else 1
        p["theme"] += 0 if r["has_theme"] else 1
    rows = [{"tranche": tr, "deals": alld[tr]["deals"], "amount": alld[tr]["deals"] - per[tr]["amount"],
             "province": alld[tr]["deals"] - per[tr]["province"], "theme": alld[tr]["deals"] - per[tr]["theme"]}
            for tr in sorted(alld)]
    sec.blocks.append(Table("completeness", rep.t("deal_completeness"),
                            [Col("tranche", rep.t("col_tranche"), "int"), Col("deals", rep.t("col_deals"), "int"),
                             Col("amount", rep.t("col_with_amount"), "int"),
                             Col("province", rep.t("col_with_province"), "int"),
                             Col("theme", rep.t("col_with_theme"), "int")], rows,
                            counts=rep.t("deal_completeness_counts"),
                            total={"tranche": rep.t("total"), **{k: sum(r[k] for r in rows)
                                                                 for k in ("deals", "amount", "province", "theme")}},
                            cites=rep.citations.cite([BRON + "bijlage-a", PUBLIC])))
    conf = list(kg.query("claims-in-conflict"))
    names = labels_of(kg, {str(r["subject"]) for r in conf} | {str(r["about"]) for r in conf}, L)
    crow = [{"subject": names.get(str(r["subject"]), str(r["subject"]).rsplit("/", 1)[-1]),
             "subject_iri": str(r["subject"]),
             "about": names.get(str(r["about"]), str(r["about"]).rsplit("/", 1)[-1]), "value": r["value"],
             "source": str(r["source_url"] or "")} for r in conf]
    sec.blocks.append(Table("conflicts", rep.t("conflicts"),
                            [Col("subject", rep.t("col_subject"), link="subject_iri"), Col("about", rep.t("col_about")),
                             Col("value", rep.t("col_value")), Col("source", rep.t("col_source"))], crow,
                            counts=rep.t("conflicts_counts"), cites=rep.citations.cite([PUBLIC])))
    lines = []
    for name in ("dq-bronloze-feiten", "dq-deals-zonder-opgave", "dq-ontbrekende-labels"):
        if name in kg.catalogue.names():
            lines.append({"check": DQ_NAMES[L][name], "query": name, "n": len(kg.query(name))})
    sec.blocks.append(Table("dq", rep.t("dq"), [Col("check", rep.t("col_claim")), Col("query", ""),
                                                Col("n", "n", "int")], lines))
    return sec
