"""Assemble the report from the named queries: per research question the report's own answer, the evidence,
and what the graph adds; then the method, the afterword, and completeness."""

from __future__ import annotations

import datetime as dt

from ..namespaces import DEF, PROV, RDF, RDFS
from .closing import completeness, method, nawoord
from .evidence import PUBLIC, query_rows
from .i18n import t
from .model import Citations, Report, Source
from .rq1 import rq1
from .rq2 import rq2
from .rq3 import rq3


def _sources(kg, lang: str) -> dict[str, Source]:
    out = {}
    for r in query_rows(kg, "bronnen", lang):
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
    findings = query_rows(kg, "bevindingen", lang)
    qlabels = {int(r["n"]): str(r["label"]) for r in kg.sparql(
        f"SELECT ?n ?label WHERE {{ ?q a <{DEF}ResearchQuestion> ; <{DEF}ordinal> ?n ; "
        f"<{RDFS.label.value}> ?label FILTER(lang(?label) = '{lang}') }}")}

    rep.sections.append(rq1(kg, rep, findings, qlabels))
    rep.sections.append(rq2(kg, rep, findings, qlabels))
    rep.sections.append(rq3(kg, rep, findings, qlabels))
    rep.sections.append(method(kg, rep, findings))
    rep.sections.append(nawoord(rep, findings))
    rep.sections.append(completeness(kg, rep))
    # the public web sources behind the tables of public records (an appendix, cited as one footnote)
    rows = kg.sparql(f"""SELECT DISTINCT ?url WHERE {{
        {{ ?a a <{DEF}FundingAmount> }} UNION {{ ?a a <{RDF.Statement.value}> }}
        ?a <{PROV.wasDerivedFrom.value}> ?s . ?s a <{DEF}WebSource> ;
           <{RDFS.seeAlso.value}> ?url }} ORDER BY ?url""")
    rep.public_sources = [str(r["url"]) for r in rows]
    sources[PUBLIC].label = t(lang, "public_sources", n=len(rep.public_sources))
    return rep


__all__ = ["build_report"]
