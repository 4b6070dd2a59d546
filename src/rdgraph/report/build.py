"""Assemble the report from the named queries: per research question the report's own answer, the evidence,
and what the graph adds; then the method, the afterword, and completeness."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from . import charts
from .i18n import DQ_NAMES, t
from .model import (
    Chart,
    Citations,
    Col,
    Finding,
    Findings,
    Paragraph,
    Report,
    Section,
    Source,
    Table,
    Text,
)

BRON = "https://w3id.org/rdgraph/id/bron/rode-draden-2024/"
DEF = "https://w3id.org/rdgraph/def/regiodeals#"
PUBLIC = "appendix:public-records"


def _q(kg, name: str, lang: str, **params) -> list[dict]:
    q = kg.catalogue.get(name)
    if any(p.name == "lang" for p in q.params):
        params.setdefault("lang", lang)
    return list(kg.query(name, **params))


def _split(text, sep=" ") -> list[str]:
    return [x for x in str(text or "").split(sep) if x.strip()]


def _sources(kg, lang: str) -> dict[str, Source]:
    out = {}
    for r in _q(kg, "bronnen", lang):
        out[str(r["source"])] = Source(str(r["source"]), str(r["sourceLabel"] or r["source"]), str(r["kind"]),
                                       r["sectionNumber"], r["startPage"], str(r["url"]) if r["url"] else None,
                                       r["publisher"])
    return out


def build_report(kg, lang: str = "nl", base_url: str | None = None) -> Report:
    sources = _sources(kg, lang)
    cit = Citations(lang, sources)
    stats = kg.stats()
    rep = Report(lang=lang, title=t(lang, "title"), sections=[], citations=cit, stats=stats,
                 generated=dt.date.today().isoformat(), base_url=base_url)
    sources[PUBLIC] = Source(PUBLIC, "", "appendix")
    findings = _q(kg, "bevindingen", lang)
    questions = {r["questionNumber"]: r for r in findings if r["questionNumber"]}
    qlabels = {int(r["n"]): str(r["label"]) for r in kg.sparql(
        f"SELECT ?n ?label WHERE {{ ?q a <{DEF}ResearchQuestion> ; <{DEF}ordinal> ?n ; "
        f"<http://www.w3.org/2000/01/rdf-schema#label> ?label FILTER(lang(?label) = '{lang}') }}")}
    del questions

    rep.sections.append(_rq1(kg, rep, findings, qlabels))
    rep.sections.append(_rq2(kg, rep, findings, qlabels))
    rep.sections.append(_rq3(kg, rep, findings, qlabels))
    rep.sections.append(_method(kg, rep, findings))
    rep.sections.append(_nawoord(rep, findings))
    rep.sections.append(_quality(kg, rep))
    # the public web sources behind the tables of public records (an appendix, cited as one footnote)
    rows = kg.sparql(f"""SELECT DISTINCT ?url WHERE {{
        {{ ?a a <{DEF}FundingAmount> }} UNION {{ ?a a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> }}
        ?a <http://www.w3.org/ns/prov#wasDerivedFrom> ?s . ?s a <{DEF}WebSource> ;
           <http://www.w3.org/2000/01/rdf-schema#seeAlso> ?url }} ORDER BY ?url""")
    rep.public_sources = [str(r["url"]) for r in rows]
    sources[PUBLIC].label = t(lang, "public_sources", n=len(rep.public_sources))
    return rep


# ---------------------------------------------------------------- findings

def _findings(rep: Report, rows: list[dict], fid: str, title: str) -> Findings:
    items = []
    for r in rows:
        st = Text(str(r["statement"]), r["statementLang"] or None) if r["statement"] else None
        items.append(Finding(label=str(r["findingLabel"]), kind=str(r["kindLabel"] or ""), number=r["number"],
                             statement=st, statements=int(r["statements"] or 0),
                             cites=rep.citations.cite(_split(r["sections"])), examples=str(r["examples"] or ""),
                             iri=str(r["finding"])))
    return Findings(fid, title, items)


def _of_kind(rows, *kinds) -> list[dict]:
    return [r for r in rows if str(r["kind"]).rsplit("#", 1)[-1] in kinds]


def _question_section(rep, n: int, qlabels: dict) -> Section:
    return Section(f"rq{n}", f"{rep.t('q', n=n)} — {qlabels.get(n, '')}",
                   lead=Text(qlabels.get(n, ""), rep.lang), cites=rep.citations.cite([BRON + "samenvatting"]))


# ---------------------------------------------------------------- RQ1

def _rq1(kg, rep: Report, findings, qlabels) -> Section:
    L = rep.lang
    sec = _question_section(rep, 1, qlabels)
    answer = Section("rq1-answer", rep.t("answer"))
    answer.blocks.append(_findings(rep, [r for r in findings if r["questionNumber"] == 1], "rq1-findings", ""))
    opg = _q(kg, "opgaven-per-tranche-rapport", L)
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
    dpt = {r["tranche"]: r for r in _q(kg, "deals-per-tranche", L)}
    listed = sum(int(r["reportDeals"]) for r in dpt.values())
    excluded_names = [str(r["dealLabel"]) for r in kg.sparql(
        f"SELECT ?dealLabel WHERE {{ ?d <{DEF}excludedFromStudy> true ; "
        f"<http://www.w3.org/2000/01/rdf-schema#label> ?dealLabel FILTER(lang(?dealLabel) = '{L}') }} "
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
    ev.blocks.append(_heat_chart(rep, "heat-report", rep.t("heat_report"), opg, report_tranches, dpt,
                                 "analysed", "codedAnalysed", "notCodedAnalysed", note,
                                 rep.citations.cite([BRON + "2.3", BRON + "bijlage-a", PUBLIC])))
    analysed = {str(r["d"]) for r in kg.sparql(f"SELECT ?d WHERE {{ ?d <{DEF}excludedFromStudy> false }}")}
    crossing = [r for r in _q(kg, "domeinoverstijgende-deals", L) if str(r["deal"]) in analysed]
    ev.blocks.append(Table("crossing", rep.t("crossing"),
                           [Col("dealLabel", rep.t("col_deal"), link="deal"), Col("tranche", rep.t("col_tranche"),
                                                                                "int"),
                            Col("domains", rep.t("col_domains"), "int"), Col("opgaven", rep.t("col_opgaven"), "int")],
                           crossing, counts=rep.t("crossing_counts", n=len(crossing)),
                           cites=rep.citations.cite([BRON + "2.1", BRON + "2.3", PUBLIC])))
    typ = _q(kg, "vertrekpunt-en-breedte", L)
    for r in typ:   # the topics are the report's own Dutch words
        r["topics"] = Text(str(r["topics"]), "nl") if r["topics"] else ""
    ev.blocks.append(Table("typology", rep.t("typology"),
                           [Col("dealLabel", rep.t("col_deal"), link="deal"),
                            Col("startingPointLabel", rep.t("col_starting_point")),
                            Col("breadthLabel", rep.t("col_breadth")), Col("topics", rep.t("col_topics"))],
                           typ, cites=rep.citations.cite([BRON + "2.2"])))
    sec.subsections.append(ev)

    adds = Section("rq1-adds", rep.t("adds"))
    opg_all = _q(kg, "opgaven-per-tranche", L)
    dpt_all = {tr: r for tr, r in dpt.items()}
    all_tr = sorted(dpt_all)
    n_all = sum(int(r["deals"]) for r in dpt_all.values())
    adds.blocks.append(_heat_chart(rep, "heat-public", rep.t("heat_public"), opg_all, all_tr, dpt_all, "deals",
                                   "coded", "notCoded",
                                   rep.t("heat_public_note", deals=n_all, excluded=len(excluded_names)),
                                   rep.citations.cite([PUBLIC, BRON + "2.3"])))
    sec.subsections.append(adds)
    return sec


def _heat_chart(rep, cid, title, rows, tranches, dpt, n_key, coded_key, nc_key, note, cites) -> Chart:
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
        data.append({"number": n, "opgave": ops[n], **{f"t{tr}": (Text(rep.t("not_coded"), rep.lang) if v is None
                                                                   else v) for tr, v in zip(tranches, line)},
                     "total": sum(known)})
    partial = [0 < int(dpt[tr][coded_key]) < int(dpt[tr][n_key]) for tr in tranches]
    col_labels = [f"T{tr}{'*' if p else ''}\nn={dpt[tr][n_key]}\n({dpt[tr][coded_key]})"
                  for tr, p in zip(tranches, partial)]
    svg = charts.heatmap(cid, title, [f"{n}. {ops[n]}" for n in numbers], col_labels, grid, totals,
                         rep.t("total"), rep.t("not_coded_legend"), rep.t("heat_counts"),
                         rep.t("partly_coded_legend") if any(partial) else None)
    cols = [Col("number", "#", "int"), Col("opgave", rep.t("col_opgave"))]
    cols += [Col(f"t{tr}", f"T{tr} n={dpt[tr][n_key]} ({dpt[tr][coded_key]})", "int")
             for tr in tranches]
    cols.append(Col("total", rep.t("total"), "int"))
    not_coded = sorted({x for tr in tranches for x in _split(dpt[tr][nc_key], "; ")})
    after = [Text(rep.t("partly_coded", names=", ".join(not_coded)), rep.lang)] if not_coded else []
    table = Table(cid + "-data", f"{rep.t('chart_data')}: {title}", cols, data, counts=rep.t("heat_counts"),
                  note=note, cites=cites, after=after,
                  total={"number": "", "opgave": rep.t("total") + " (n)",
                         **{f"t{tr}": int(dpt[tr][n_key]) for tr in tranches}, "total": ""})
    return Chart(cid, title, svg, table, legend=[rep.t("not_coded_legend")], note=note)


# ---------------------------------------------------------------- RQ2

def _rq2(kg, rep: Report, findings, qlabels) -> Section:
    L = rep.lang
    sec = _question_section(rep, 2, qlabels)
    answer = Section("rq2-answer", rep.t("answer"))
    answer.blocks.append(_findings(rep, _of_kind(findings, "EffectivenessReflection"), "rq2-lessons",
                                   rep.t("lessons")))
    answer.blocks.append(_findings(rep, _of_kind(findings, "SuccessFactor"), "rq2-factors", rep.t("factors")))
    sec.subsections.append(answer)

    ev = Section("rq2-evidence", rep.t("evidence"))
    by_instr: dict = {}
    for r in _q(kg, "instrumenten", L):
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
    evals = _q(kg, "evaluaties", L)
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
    missing = _q(kg, "deals-zonder-evaluatie", L)
    etable.after = [Text(f"{rep.t('no_eval')}: " + (", ".join(str(r["dealLabel"]) for r in missing)
                                                   or rep.t("none_recorded")), L)]
    svg = charts.hbars("evaluations", rep.t("evaluations"), [f"T{r['tranche']}" for r in erows],
                       [r["documents"] for r in erows], None,
                       [f"{r['documents']} ({rep.t('col_deals').lower()}: {r['deals']})" for r in erows],
                       rep.t("col_documents"), None, rep.t("col_documents"))
    ev.blocks.append(Chart("evaluations", rep.t("evaluations"), svg, etable))
    ill = []
    for r in _q(kg, "illustraties", L):
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
    figs = _q(kg, "kengetallen", L, intervention="twents-fonds-voor-vakmanschap")
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
    mt = _q(kg, "money-per-tranche", L)
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
    adds.blocks.append(_money_province(kg, rep, mt))
    sec.subsections.append(adds)
    return sec


def _money_province(kg, rep, mt) -> Chart:
    L = rep.lang
    rows = _q(kg, "money-per-province", L)
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
    without = _q(kg, "deals-without-province", L)
    table = Table("money-per-province", rep.t("money_province"),
                  [Col("province", rep.t("col_province"), link="province_iri"),
                   Col("deals", rep.t("col_deals"), "int"), Col("only", rep.t("col_only_here"), "int"),
                   Col("inferred", rep.t("inferred"), "int"),
                   Col("split_low", rep.t("col_split") + " " + rep.t("col_low"), "eur"),
                   Col("split_high", rep.t("col_split") + " " + rep.t("col_high"), "eur"),
                   Col("full_low", rep.t("col_full") + " " + rep.t("col_low"), "eur"),
                   Col("full_high", rep.t("col_full") + " " + rep.t("col_high"), "eur")], data,
                  counts=rep.t("money_province_counts"),
                  rule=rep.t("money_province_rule", total=_eur_text(national, L), inferred=inferred),
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


def _eur_text(v, lang) -> str:
    return t(lang, "eur_m", v=float(v) / 1e6)


# ---------------------------------------------------------------- RQ3

def _rq3(kg, rep: Report, findings, qlabels) -> Section:
    L = rep.lang
    sec = _question_section(rep, 3, qlabels)
    answer = Section("rq3-answer", rep.t("answer"))
    answer.blocks.append(_findings(rep, [r for r in findings if r["questionNumber"] == 3], "rq3-findings",
                                   rep.t("observations")))
    sec.subsections.append(answer)

    ev = Section("rq3-evidence", rep.t("evidence"))
    ladder = sorted(_q(kg, "feedbackladder", L), key=lambda r: r["rank"])
    lrows = []
    for r in ladder:
        names = _split(r["names"], "; ")
        inferred = set(_split(r["inferredNames"], "; "))
        shown = "; ".join(f"{n} ({rep.t('inferred')})" if n in inferred else n for n in names)
        lrows.append({"rank": r["rank"], "layer": str(r["layerLabel"]), "interventions": r["interventions"],
                      "inferred": r["inferred"], "names": shown or Text(rep.t("none_recorded"), L)})
    table = Table("ladder-data", rep.t("ladder"),
                  [Col("rank", rep.t("col_rank"), "int"), Col("layer", rep.t("col_layer")),
                   Col("interventions", rep.t("col_interventions"), "int"), Col("inferred", rep.t("inferred"), "int"),
                   Col("names", rep.t("col_names"))], lrows, counts=rep.t("ladder_counts"), note=rep.t("ladder_note"),
                  total={"rank": rep.t("total"), "interventions": sum(r["interventions"] for r in lrows),
                         "inferred": sum(r["inferred"] for r in lrows)},
                  cites=rep.citations.cite([BRON + "4.1", BRON + "4.2", BRON + "3.4"]))
    top = list(reversed(lrows))
    svg = charts.hbars("ladder", rep.t("ladder"), [f"{r['rank']}. {r['layer']}" for r in top],
                       [r["interventions"] - r["inferred"] for r in top], [r["inferred"] for r in top],
                       [str(r["interventions"]) for r in top], rep.t("stated_legend"), rep.t("inferred_legend"),
                       rep.t("col_interventions"),
                       side_text=[r["names"].value if isinstance(r["names"], Text) else r["names"] for r in top])
    ev.blocks.append(Chart("ladder", rep.t("ladder"), svg, table, legend=[rep.t("inferred_legend")],
                           note=rep.t("ladder_note")))
    steps = []
    for r in _q(kg, "feedbackpad", L):
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
    moved = _q(kg, "thema-naar-programma", L)
    ev.blocks.append(Table("moved", rep.t("moved"),
                           [Col("opgaveLabel", rep.t("col_opgave"), link="opgave"),
                            Col("programmeLabel", rep.t("col_programme"), link="programme")], moved,
                           cites=rep.citations.cite([BRON + "4.2", BRON + "samenvatting"])))
    named = _q(kg, "ministeries-genoemd", L)
    for r in named:
        r["sectionsText"] = ", ".join(sorted(
            (rep.citations.sources[s].number or rep.citations.sources[s].label) if s in rep.citations.sources else s
            for s in _split(r["sections"])))
    ev.blocks.append(Table("ministries-named", rep.t("ministries_named"),
                           [Col("ministryLabel", rep.t("col_ministry"), link="ministry"),
                            Col("abbreviation", ""), Col("sectionCount", rep.t("col_sections"), "int"),
                            Col("sectionsText", rep.t("col_sections")), Col("people", rep.t("col_people"), "int")],
                           named, counts=rep.t("ministries_named_counts"),
                           cites=rep.citations.cite(sorted({s for r in named for s in _split(r["sections"])}))))
    sec.subsections.append(ev)

    adds = Section("rq3-adds", rep.t("adds"))
    mins = list(kg.query("ministeries-getekend-vs-genoemd"))
    adds.blocks.append(Paragraph(Text(rep.t("signed_mentioned_text", signed=sum(1 for r in mins if r["signed"]),
                                            mentioned=sum(1 for r in mins if r["mentioned"])), L),
                                 rep.citations.cite([BRON + "4.2", PUBLIC])))
    sec.subsections.append(adds)
    return sec


# ---------------------------------------------------------------- method, afterword, completeness

def _labels(kg, iris, lang: str) -> dict[str, str]:
    """rdfs:label in ``lang`` (else Dutch) of the given IRIs."""
    iris = [i for i in iris if i.startswith("http")]
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in sorted(iris))
    out: dict[str, str] = {}
    for r in kg.sparql(f"""SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }}
            ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(lang(?l) IN ("{lang}", "nl")) }}
            ORDER BY ?s DESC(lang(?l) = "{lang}")"""):
        out.setdefault(str(r["s"]), str(r["l"]))
    return out


def _method(kg, rep: Report, findings) -> Section:
    L = rep.lang
    sec = Section("method", rep.t("method"), cites=rep.citations.cite([BRON + "1.2"]))
    acts = _q(kg, "onderzoeksaanpak", L)
    order = {"fase-1": 0, "documentonderzoek-convenanten": 1, "documentonderzoek-evaluaties": 2, "fase-2": 3,
             "gesprekken-dealmakers": 4}
    acts.sort(key=lambda r: (order.get(str(r["activity"]).rsplit("/", 1)[-1], 5), r["number"] or 0))
    rows = [{"activity": str(r["activityLabel"]), "activity_iri": str(r["activity"]), "phase": r["phaseNumber"],
             "docs": (f"{rep.t('approx')} {r['documentsStudied']}" if r["approximately"] else r["documentsStudied"])
             if r["documentsStudied"] else "",
             "tranches": ", ".join(sorted(_split(r["tranches"]))), "participants": r["participants"] or "",
             "dealmakers": r["dealmakers"] or ""} for r in acts]
    sec.blocks.append(Table("method-activities", rep.t("phases"),
                            [Col("activity", rep.t("col_activity"), link="activity_iri"),
                             Col("phase", rep.t("col_phase"), "int"), Col("docs", rep.t("col_docs_studied")),
                             Col("tranches", rep.t("col_tranche")), Col("participants", rep.t("col_participants")),
                             Col("dealmakers", rep.t("col_dealmakers"))], rows, counts=rep.t("phases_counts"),
                            cites=rep.citations.cite([BRON + "samenvatting", BRON + "1.2", BRON + "bijlage-c"])))
    people = _q(kg, "betrokken-personen", L)
    prow = [{"person": str(r["personLabel"]), "person_iri": str(r["person"]), "groups": str(r["groups"]),
             "position": Text(str(r["position"] or ""), "nl"), "roles": str(r["roles"] or "")} for r in people]
    sec.blocks.append(Table("people", rep.t("people"),
                            [Col("person", rep.t("col_person"), link="person_iri"),
                             Col("groups", rep.t("col_groups")), Col("position", rep.t("col_position")),
                             Col("roles", rep.t("col_roles"))], prow, counts=rep.t("people_counts"),
                            cites=rep.citations.cite([BRON + "bijlage-c", BRON + "colofon"])))
    sec.blocks.append(_findings(rep, [r for r in findings if str(r["chapter"] or "").endswith("/1")],
                                "dilemma", rep.t("dilemma")))
    return sec


def _nawoord(rep: Report, findings) -> Section:
    sec = Section("nawoord", rep.t("nawoord"))
    rows = [r for r in findings if str(r["chapter"] or "").endswith("/nawoord")]
    rows.sort(key=lambda r: (str(r["kind"]).endswith("Recommendation") is False, r["number"] or 0))
    sec.blocks.append(_findings(rep, rows, "nawoord-findings", rep.t("nawoord")))
    return sec


def _quality(kg, rep: Report) -> Section:
    L = rep.lang
    sec = Section("quality", rep.t("quality"))
    miss = list(kg.query("deals-missing-facts"))
    alld = {r["tranche"]: r for r in _q(kg, "deals-per-tranche", L)}
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
    names = _labels(kg, {str(r["subject"]) for r in conf} | {str(r["about"]) for r in conf}, L)
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


__all__ = ["build_report"]
