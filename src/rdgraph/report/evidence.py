"""What the sections of the report share: rows of a named query, the report's findings as a block, the
section of a research question, labels of IRIs, and the sources the sections cite."""

from __future__ import annotations

from ..namespaces import PREFIXES, RDFS
from .i18n import t
from .model import Finding, Findings, Report, Section, Text

BRON = PREFIXES["bron"] + "rode-draden-2024/"  # the report's sections
PUBLIC = "appendix:public-records"


def query_rows(kg, name: str, lang: str, **params) -> list[dict]:
    q = kg.catalogue.get(name)
    if any(p.name == "lang" for p in q.params):
        params.setdefault("lang", lang)
    return list(kg.query(name, **params))


def split_list(text, sep=" ") -> list[str]:
    return [x for x in str(text or "").split(sep) if x.strip()]


def findings_block(rep: Report, rows: list[dict], fid: str, title: str) -> Findings:
    items = []
    for r in rows:
        st = Text(str(r["statement"]), r["statementLang"] or None) if r["statement"] else None
        items.append(Finding(label=str(r["findingLabel"]), kind=str(r["kindLabel"] or ""), number=r["number"],
                             statement=st, statements=int(r["statements"] or 0),
                             cites=rep.citations.cite(split_list(r["sections"])), examples=str(r["examples"] or ""),
                             iri=str(r["finding"])))
    return Findings(fid, title, items)


def of_kind(rows, *kinds) -> list[dict]:
    return [r for r in rows if str(r["kind"]).rsplit("#", 1)[-1] in kinds]


def question_section(rep, n: int, qlabels: dict) -> Section:
    return Section(f"rq{n}", f"{rep.t('q', n=n)} — {qlabels.get(n, '')}",
                   cites=rep.citations.cite([BRON + "samenvatting"]))


def labels_of(kg, iris, lang: str) -> dict[str, str]:
    """rdfs:label in ``lang`` (else Dutch) of the given IRIs."""
    iris = [i for i in iris if i.startswith("http")]
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in sorted(iris))
    out: dict[str, str] = {}
    for r in kg.sparql(f"""SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }}
            ?s <{RDFS.label.value}> ?l FILTER(lang(?l) IN ("{lang}", "nl")) }}
            ORDER BY ?s DESC(lang(?l) = "{lang}")"""):
        out.setdefault(str(r["s"]), str(r["l"]))
    return out


def eur_text(v, lang) -> str:
    return t(lang, "eur_m", v=float(v) / 1e6)
