"""What the explorer's pages say beyond a thing's properties: summary cards, browsing with counts,
the province view. Built from the server's own store (small, bounded lookups), rendered by templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from ..namespaces import sparql_prologue
from . import i18n
from .graph_view import PROV, RDG, GraphView, literal_in, objects, subjects, types_of
from .pages import Link, link, number

PREFIX = sparql_prologue(("rdg", "rdfs"))


@dataclass
class Fact:
    label: str
    links: list[Link] = field(default_factory=list)
    text: str = ""
    numeric: bool = False


@dataclass
class Summary:
    facts: list[Fact]
    lists: list[tuple[str, list[tuple[Link, str]]]] = field(default_factory=list)  # heading, (link, detail)


def _links(view: GraphView, iris, lang: str) -> list[Link]:
    iris = [i.value if isinstance(i, ox.NamedNode) else i for i in iris]
    return sorted((link(view, i, lang) for i in iris if isinstance(i, str)), key=lambda lk: lk.label.lower())


def _date(values) -> str:
    return ", ".join(sorted({v.value for v in values if isinstance(v, ox.Literal)}))


def _amounts(view: GraphView, deal: str, lang: str) -> list[Fact]:
    """The deal's funding amounts by kind (Rijk, regional, total, ...), each as it is in the data."""
    by_kind: dict[str, list[str]] = {}
    for amt in objects(view, deal, RDG + "hasFundingAmount"):
        if not isinstance(amt, ox.NamedNode):
            continue
        kinds = [k.value for k in objects(view, amt, RDG + "fundingKind") if isinstance(k, ox.NamedNode)]
        eur = literal_in(objects(view, amt, RDG + "amountEUR"), lang)
        period = literal_in(objects(view, amt, RDG + "periodLabel"), lang)
        if eur is None:
            continue
        kind = view.label(kinds[0], lang) if kinds else "?"
        text = "€ " + number(eur, lang) + (f" ({period})" if period else "")
        if text not in by_kind.setdefault(kind, []):
            by_kind[kind].append(text)
    return [Fact(k[:1].upper() + k[1:], text="; ".join(v), numeric=True) for k, v in sorted(by_kind.items())]


def deal_summary(view: GraphView, iri: str, lang: str) -> Summary:
    ui = i18n.ui(lang)
    o = lambda p: objects(view, iri, RDG + p)  # noqa: E731 - a local shorthand
    opgaven = [x for x in o("addressesOpgave") if isinstance(x, ox.NamedNode)]
    domains = {d.value for op in opgaven for d in objects(view, op, RDG + "domain") if isinstance(d, ox.NamedNode)}
    facts = [Fact(ui["tranche"], _links(view, o("tranche"), lang)),
             Fact(ui["provinces_of"], _links(view, o("province"), lang))]
    facts += _amounts(view, iri, lang)
    facts += [Fact(ui["signed"], text=_date(o("convenantSignedOn"))),
              Fact(ui["predecessor"], _links(view, o("predecessor"), lang)),
              Fact(ui["successor"], _links(view, o("successor"), lang)),
              Fact(ui["sources"], _links(view, objects(view, iri, PROV + "wasDerivedFrom"), lang)),
              Fact(ui["domains"], _links(view, domains, lang)),
              Fact(ui["opgaven"], _links(view, opgaven, lang))]
    interventions = [x.value for x in o("hasIntervention") if isinstance(x, ox.NamedNode)]
    lists = [(ui["interventions"], [(lk, "") for lk in _links(view, interventions, lang)]),
             (ui["evaluations"], [(lk, "") for lk in _links(view, o("evaluatedBy"), lang)])]
    events = []
    for interv in interventions:
        for ev in subjects(view, RDG + "aboutIntervention", interv):
            if RDG + "FeedbackEvent" not in types_of(view, ev):
                continue
            date = literal_in(objects(view, ev, RDG + "date"), lang) or ""
            seq = literal_in(objects(view, ev, RDG + "sequence"), lang) or "0"
            events.append((date, int(seq) if seq.isdigit() else 0, ev))
    events.sort()
    lists.append((ui["feedback"], [(link(view, ev, lang), date) for date, _, ev in events]))
    return Summary([f for f in facts if f.links or f.text], [(h, items) for h, items in lists if items])


def members_summary(view: GraphView, iri: str, lang: str) -> Summary | None:
    """Opgave, domain, tranche, intervention, ministry, province: what belongs here, with counts."""
    ui = i18n.ui(lang)
    types = types_of(view, iri)
    lists: list[tuple[str, list]] = []
    facts: list[Fact] = []

    def deals_by(pred: str) -> list[str]:
        return [d for d in subjects(view, RDG + pred, iri) if RDG + "RegioDeal" in types_of(view, d)]

    if RDG + "Opgave" in types:
        deals = deals_by("addressesOpgave")
        interventions = [x for x in subjects(view, RDG + "addressesOpgave", iri)
                         if RDG + "Intervention" in types_of(view, x)]
        facts.append(Fact(ui["domain"], _links(view, objects(view, iri, RDG + "domain"), lang)))
        facts.append(Fact(ui["deals"], text=str(len(deals)), numeric=True))
        lists += [(f"{ui['deals']} ({len(deals)})", [(lk, "") for lk in _links(view, deals, lang)]),
                  (f"{ui['interventions']} ({len(interventions)})",
                   [(lk, "") for lk in _links(view, interventions, lang)])]
    elif RDG + "Domain" in types:
        opgaven = subjects(view, RDG + "domain", iri)
        items = []
        for op in opgaven:
            n = len([d for d in subjects(view, RDG + "addressesOpgave", op) if RDG + "RegioDeal" in types_of(view, d)])
            items.append((link(view, op, lang), f"{n} {ui['deals_n']}"))
        lists.append((f"{ui['opgaven']} ({len(opgaven)})", sorted(items, key=lambda x: x[0].label.lower())))
    elif RDG + "Tranche" in types:
        deals = deals_by("tranche")
        facts.append(Fact(ui["deals"], text=str(len(deals)), numeric=True))
        lists.append((f"{ui['deals']} ({len(deals)})", [(lk, "") for lk in _links(view, deals, lang)]))
    elif RDG + "Province" in types:
        deals = deals_by("province")
        lists.append((f"{ui['deals']} ({len(deals)})", [(lk, "") for lk in _links(view, deals, lang)]))
    elif RDG + "Intervention" in types:
        facts.append(Fact(ui["deals"], _links(view, objects(view, iri, RDG + "deal"), lang)))
        facts.append(Fact(ui["opgaven"], _links(view, objects(view, iri, RDG + "addressesOpgave"), lang)))
        events = []
        for ev in subjects(view, RDG + "aboutIntervention", iri):
            date = literal_in(objects(view, ev, RDG + "date"), lang) or ""
            seq = literal_in(objects(view, ev, RDG + "sequence"), lang) or "0"
            events.append((date, int(seq) if seq.isdigit() else 0, ev))
        events.sort()
        lists.append((ui["feedback"], [(link(view, ev, lang), d) for d, _, ev in events]))
    elif RDG + "Ministry" in types:
        signed = [d for d in subjects(view, RDG + "signatory", iri) if RDG + "RegioDeal" in types_of(view, d)]
        lists.append((f"{ui['deals']} ({len(signed)})", [(lk, "") for lk in _links(view, signed, lang)]))
    else:
        return None
    return Summary([f for f in facts if f.links or f.text], [(h, items) for h, items in lists if items])


def summary_for(view: GraphView, iri: str, lang: str) -> Summary | None:
    if RDG + "RegioDeal" in types_of(view, iri):
        return deal_summary(view, iri, lang)
    return members_summary(view, iri, lang)


# ---------------------------------------------------------------- browsing

def _count_rows(view: GraphView, text: str, lang: str) -> list[tuple[Link, int]]:
    rows = view.select(PREFIX + text)
    out = [(link(view, r["x"].value, lang), int(r["n"].value)) for r in rows if "x" in r]
    return sorted(out, key=lambda x: x[0].label.lower())


def facets(view: GraphView, lang: str) -> dict[str, list[tuple[Link, int]]]:
    """Tranches, provinces, opgaven and domains, each with its number of deals."""
    q = "SELECT ?x (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?d a rdg:RegioDeal . {} }} GROUP BY ?x"
    tranches = _count_rows(view, q.format("?d rdg:tranche ?x"), lang)
    tranches.sort(key=lambda x: (len(x[0].label), x[0].label))
    return {
        "tranches": tranches,
        "provinces": _count_rows(view, q.format("?d rdg:province ?x"), lang),
        "opgaven": _count_rows(view, "SELECT ?x (COUNT(DISTINCT ?d) AS ?n) WHERE { ?x a rdg:Opgave . "
                                     "OPTIONAL { ?d a rdg:RegioDeal ; rdg:addressesOpgave ?x } } GROUP BY ?x", lang),
        "domains": _count_rows(view, "SELECT ?x (COUNT(DISTINCT ?d) AS ?n) WHERE { ?x a rdg:Domain . "
                                     "OPTIONAL { ?o rdg:domain ?x . ?d a rdg:RegioDeal ; rdg:addressesOpgave ?o } } "
                                     "GROUP BY ?x", lang),
    }


# The twelve provinces on a 5 x 6 grid, roughly where they lie (a tile map: no tile server, no map data).
TILES = {"groningen": (0, 4), "fryslan": (0, 3), "friesland": (0, 3), "drenthe": (1, 4), "noord-holland": (1, 2),
         "flevoland": (2, 3), "overijssel": (2, 4), "utrecht": (3, 2), "gelderland": (3, 3), "zuid-holland": (3, 1),
         "zeeland": (4, 0), "noord-brabant": (4, 2), "limburg": (5, 3)}


def provinces(view: GraphView, catalogue, lang: str) -> list[dict]:
    """Deals per province (rdg:province) and the Rijk's contribution per province as the named query
    ``money-per-province`` states it (lowest-highest when sources disagree; a deal in k provinces counts
    1/k in each, so the provinces add up to the national total)."""
    counts = {r["x"].value: int(r["n"].value) for r in view.select(
        PREFIX + "SELECT ?x (COUNT(DISTINCT ?d) AS ?n) WHERE { ?x a rdg:Province . "
                 "OPTIONAL { ?d a rdg:RegioDeal ; rdg:province ?x } } GROUP BY ?x")}
    money: dict[str, tuple[float, float, int]] = {}
    try:
        text = catalogue.get("money-per-province").bind({})
        for r in view.select(text):
            # a deal in k provinces counts 1/k in each (the split columns), so the provinces add up to the total
            low = r.get("total_eur_low_split") or r.get("total_eur_low")
            high = r.get("total_eur_high_split") or r.get("total_eur_high")
            if "province" in r and low is not None and high is not None:
                money[r["province"].value] = (float(low.value), float(high.value),
                                              int(r["deals_with_amount"].value) if "deals_with_amount" in r else 0)
    except Exception:  # noqa: BLE001 - the view still shows the deal counts if the query cannot run
        money = {}
    top = max((hi for _, hi, _ in money.values()), default=0.0) or 1.0
    out = []
    for iri, n in counts.items():
        low, high, with_amount = money.get(iri, (0.0, 0.0, 0))
        slug = iri.rsplit("/", 1)[-1]
        row, col = TILES.get(slug, (5, 0))
        text = "–" if not high else ("€ " + number(round(low), lang) + (
            "" if low == high else " – € " + number(round(high), lang)))
        out.append({"link": link(view, iri, lang), "deals": n, "with_amount": with_amount, "money": high,
                    "money_text": text, "share": round(100 * high / top), "row": row, "col": col, "slug": slug})
    return sorted(out, key=lambda x: x["link"].label.lower())


__all__ = ["Fact", "Summary", "facets", "provinces", "summary_for"]
