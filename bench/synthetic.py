"""Synthetic graphs shaped like the real Regio Deals data, of a chosen size, deterministic by seed.

Per deal: the deal (labels nl/en, prefLabel, altLabel, tranche, province, municipalities, signatories,
period, source), funding amounts (Rijk's share, total budget, co-funding; the share never above the
total), opgave attributions, interventions (with instrument, years, goal, their own amount and
attribution), an evaluation document and web sources. It refers to the real reference nodes
(tranches 1-6, opgaven 1-15, instrument types 1-6, ministries, provinces, funding kinds, bases,
strengths, source kinds), which are emitted too so the synthetic graph stands on its own; combine
with the ontology (for rdfs:subClassOf) to validate it.

    python bench/synthetic.py --triples 100000 -o /tmp/syn-100k.nt [--seed 1]

    from synthetic import generate
    triples = generate(100_000, seed=1)        # list of pyoxigraph Triples
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import pyoxigraph as ox

ID = "https://w3id.org/rdgraph/id/"
RDG = "https://w3id.org/rdgraph/def/regiodeals#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"

MINISTRIES = ["bzk", "ez", "ezk", "ienw", "jenv", "lnv", "lvvn", "ocw", "szw", "vro", "vws", "fin"]
PROVINCES = ["groningen", "friesland", "drenthe", "overijssel", "flevoland", "gelderland", "utrecht",
             "noord-holland", "zuid-holland", "zeeland", "noord-brabant", "limburg"]
EVAL_TYPES = ["voortgangsrapportage", "mid-term-review", "eindrapportage", "nulmeting"]
LAYERS = ["contacten-binnen-regio", "samenwerking-rijk-regio", "beleidsdepartementen-en-politiek",
          "landelijk-beleid", "wet-en-regelgeving"]
WORDS = ["noord", "zuid", "oost", "west", "rivier", "delta", "heide", "veen", "kust", "stad", "dal", "berg",
         "land", "waard", "meer", "bos", "zand", "klei", "haven", "poort"]


def N(x: str) -> ox.NamedNode:
    return ox.NamedNode(x)


def L(v: str, lang: str | None = None, dt: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(v, language=lang)
    if dt:
        return ox.Literal(v, datatype=N(XSD + dt))
    return ox.Literal(v)


TYPE = N(RDF + "type")
LABEL = N(RDFS + "label")
SRC = N(PROV + "wasDerivedFrom")


def _labelled(out: list, s: ox.NamedNode, cls: str, nl: str, en: str, src: ox.NamedNode | None) -> None:
    out += [ox.Triple(s, TYPE, N(cls)), ox.Triple(s, LABEL, L(nl, "nl")), ox.Triple(s, LABEL, L(en, "en"))]
    if src is not None:
        out.append(ox.Triple(s, SRC, src))


def reference_nodes() -> list[ox.Triple]:
    """The closed lists and reference things every deal points to."""
    out: list[ox.Triple] = []
    report = N(ID + "bron/synthetic-report")
    _labelled(out, report, RDG + "Report", "synthetisch rapport", "synthetic report", report)
    prog = N(ID + "programma/regio-deals")
    _labelled(out, prog, RDG + "Programme", "Regio Deals", "Regio Deals", report)
    for t in range(1, 7):
        tr = N(f"{ID}tranche/{t}")
        _labelled(out, tr, RDG + "Tranche", f"tranche {t}", f"tranche {t}", report)
        out += [ox.Triple(tr, N(RDG + "trancheNumber"), L(str(t), dt="integer")),
                ox.Triple(tr, N(RDG + "programme"), prog)]
    scheme = N(ID + "begrippenkader/synthetic")
    _labelled(out, scheme, SKOS + "ConceptScheme", "begrippen", "concepts", report)
    for cls, names in ((RDG + "FundingKind", ["rijksbijdrage", "totaal-budget", "regionale-cofinanciering"]),
                       (RDG + "AttributionBasis", ["uitspraak-rapport", "interpretatie-bron"]),
                       (RDG + "EvidenceStrength", ["sterk", "zwak"]),
                       (RDG + "SourceKind", ["nieuwsbericht", "regionale-website"])):
        for n in names:
            c = N(ID + "begrip/" + n)
            _labelled(out, c, cls, n, n, report)
            out.append(ox.Triple(c, N(SKOS + "inScheme"), scheme))
    dom = N(ID + "domein/economie")
    _labelled(out, dom, RDG + "Domain", "economie", "economy", report)
    out.append(ox.Triple(dom, N(SKOS + "inScheme"), scheme))
    for o in range(1, 16):
        op = N(f"{ID}opgave/{o}")
        _labelled(out, op, RDG + "Opgave", f"opgave {o}", f"opgave {o}", report)
        out += [ox.Triple(op, N(RDG + "ordinal"), L(str(o), dt="integer")), ox.Triple(op, N(RDG + "domain"), dom),
                ox.Triple(op, N(SKOS + "inScheme"), scheme)]
    for i in range(1, 7):
        ins = N(f"{ID}instrument/{i}")
        _labelled(out, ins, RDG + "InstrumentType", f"instrument {i}", f"instrument {i}", report)
        out += [ox.Triple(ins, N(RDG + "ordinal"), L(str(i), dt="integer")),
                ox.Triple(ins, N(SKOS + "inScheme"), scheme)]
    for m in MINISTRIES:
        mi = N(f"{ID}organisatie/ministerie-{m}")
        _labelled(out, mi, RDG + "Ministry", f"Ministerie {m.upper()}", f"Ministry {m.upper()}", report)
        out.append(ox.Triple(mi, N(RDG + "abbreviation"), L(m.upper())))
    for p in PROVINCES:
        pr = N(f"{ID}provincie/{p}")
        _labelled(out, pr, RDG + "Province", p.title(), p.title(), report)
    for cls, names in ((RDG + "EvaluationType", EVAL_TYPES), (RDG + "EventType", ["werkbezoek", "motie"])):
        for n in names:
            c = N(ID + "begrip/" + n)
            _labelled(out, c, cls, n, n, report)
            out.append(ox.Triple(c, N(SKOS + "inScheme"), scheme))
    previous = None
    for rank, layer in enumerate(LAYERS, start=1):
        la = N(f"{ID}feedbacklaag/{layer}")
        _labelled(out, la, RDG + "FeedbackLayer", layer, layer, report)
        out += [ox.Triple(la, N(RDG + "formalityRank"), L(str(rank), dt="integer")),
                ox.Triple(la, N(SKOS + "inScheme"), scheme)]
        if previous is not None:
            out.append(ox.Triple(la, N(RDG + "moreFormalThan"), previous))
        previous = la
    return out


def deal_triples(i: int, rng: random.Random) -> list[ox.Triple]:
    """One synthetic deal with everything hanging off it (about 130-200 triples)."""
    out: list[ox.Triple] = []
    name = f"{rng.choice(WORDS).title()}-{rng.choice(WORDS)} {i}"
    slug = f"syn-{i}"
    d = N(f"{ID}regiodeal/{slug}")
    t = rng.randint(1, 6)
    web = N(f"{ID}bron/web-syn-{i}")
    _labelled(out, web, RDG + "WebSource", f"Webbron {name}", f"Web source {name}", web)
    out += [ox.Triple(web, N(RDG + "sourceKind"), N(ID + "begrip/nieuwsbericht")),
            ox.Triple(web, N(DCT + "identifier"), L(f"https://w3id.org/rdgraph/synthetic/deal/{i}", dt="anyURI")),
            ox.Triple(web, N(RDFS + "seeAlso"), N(f"https://w3id.org/rdgraph/synthetic/deal/{i}"))]
    _labelled(out, d, RDG + "RegioDeal", name, name, web)
    start = 2017 + t + rng.randint(0, 1)
    out += [ox.Triple(d, N(SKOS + "prefLabel"), L(name, "nl")),
            ox.Triple(d, N(SKOS + "altLabel"), L(f"Regio Deal {name}", "nl")),
            ox.Triple(d, N(RDG + "tranche"), N(f"{ID}tranche/{t}")),
            ox.Triple(d, N(RDG + "province"), N(f"{ID}provincie/{rng.choice(PROVINCES)}")),
            ox.Triple(d, N(RDG + "periodLabel"), L(f"{start}-{start + 4}")),
            ox.Triple(d, N(RDG + "startYear"), L(str(start), dt="integer")),
            ox.Triple(d, N(RDG + "endYear"), L(str(start + 4), dt="integer")),
            ox.Triple(d, N(RDG + "topic"), L(rng.choice(WORDS), "nl"))]
    for m in rng.sample(MINISTRIES, rng.randint(1, 4)):
        out.append(ox.Triple(d, N(RDG + "signatory"), N(f"{ID}organisatie/ministerie-{m}")))
    rijks = rng.randint(5, 40) * 1_000_000
    for kind, amount in (("rijksbijdrage", rijks), ("totaal-budget", rijks * rng.randint(2, 3)),
                         ("regionale-cofinanciering", rijks)):
        a = N(f"{ID}bedrag/{slug}-{kind}")
        _labelled(out, a, RDG + "FundingAmount", f"{kind} {name}", f"{kind} {name}", web)
        out += [ox.Triple(a, N(RDG + "fundingOf"), d),
                ox.Triple(a, N(RDG + "fundingKind"), N(ID + "begrip/" + kind)),
                ox.Triple(a, N(RDG + "amountEUR"), L(f"{amount}.00", dt="decimal"))]
    for o in rng.sample(range(1, 16), rng.randint(1, 4)):
        ta = N(f"{ID}toekenning/{slug}-{o}")
        _labelled(out, ta, RDG + "ThemeAttribution", f"{name} pakt opgave {o} aan", f"{name} addresses {o}", web)
        out += [ox.Triple(ta, N(RDG + "attributedTo"), d),
                ox.Triple(ta, N(RDG + "attributedOpgave"), N(f"{ID}opgave/{o}")),
                ox.Triple(ta, N(RDG + "basis"), N(ID + "begrip/interpretatie-bron")),
                ox.Triple(ta, N(RDG + "strength"), N(ID + "begrip/" + rng.choice(["sterk", "zwak"]))),
                ox.Triple(ta, N(RDG + "evidence"), L("synthetisch", "nl"))]
    for k in range(rng.randint(1, 3)):
        iv = N(f"{ID}interventie/{slug}-{k}")
        _labelled(out, iv, RDG + "Intervention", f"project {k} {name}", f"project {k} {name}", web)
        out += [ox.Triple(iv, N(RDG + "deal"), d), ox.Triple(iv, N(RDG + "usesInstrument"),
                                                              N(f"{ID}instrument/{rng.randint(1, 6)}")),
                ox.Triple(iv, N(RDG + "startYear"), L(str(start), dt="integer")),
                ox.Triple(iv, N(RDG + "endYear"), L(str(start + 2), dt="integer")),
                ox.Triple(iv, N(RDG + "goal"), L(f"doel {k}", "nl"))]
        a = N(f"{ID}bedrag/{slug}-{k}-totaal-budget")
        _labelled(out, a, RDG + "FundingAmount", f"budget project {k}", f"budget project {k}", web)
        out += [ox.Triple(a, N(RDG + "fundingOf"), iv),
                ox.Triple(a, N(RDG + "fundingKind"), N(ID + "begrip/totaal-budget")),
                ox.Triple(a, N(RDG + "amountEUR"), L(f"{rng.randint(1, 5) * 100000}.00", dt="decimal"))]
        o = rng.randint(1, 15)
        ta = N(f"{ID}toekenning/{slug}-{k}-{o}")
        _labelled(out, ta, RDG + "ThemeAttribution", f"project {k} pakt opgave {o} aan", f"project {k}: {o}", web)
        out += [ox.Triple(ta, N(RDG + "attributedTo"), iv),
                ox.Triple(ta, N(RDG + "attributedOpgave"), N(f"{ID}opgave/{o}")),
                ox.Triple(ta, N(RDG + "basis"), N(ID + "begrip/uitspraak-rapport")),
                ox.Triple(ta, N(RDG + "strength"), N(ID + "begrip/sterk"))]
        for e in range(rng.randint(0, 2)):  # feedback-loop events, mostly on the lower rungs
            ev = N(f"{ID}gebeurtenis/{slug}-{k}-{e}")
            _labelled(out, ev, RDG + "FeedbackEvent", f"gebeurtenis {e}", f"event {e}", web)
            layer = LAYERS[min(rng.randint(0, 3), rng.randint(0, 3))]
            out += [ox.Triple(ev, N(RDG + "aboutIntervention"), iv),
                    ox.Triple(ev, N(RDG + "reachedLayer"), N(f"{ID}feedbacklaag/{layer}")),
                    ox.Triple(ev, N(RDG + "eventType"), N(ID + "begrip/" + rng.choice(["werkbezoek", "motie"]))),
                    ox.Triple(ev, N(RDG + "sequence"), L(str(e + 1), dt="integer")),
                    ox.Triple(ev, N(RDG + "date"), L(f"{start + 1 + e}-0{rng.randint(1, 9)}", dt="gYearMonth"))]
    if rng.random() < 0.8:  # some deals have no evaluation document, as in Bijlage B
        ev = N(f"{ID}evaluatie/{slug}")
        _labelled(out, ev, RDG + "EvaluationDocument", f"evaluatie {name}", f"evaluation {name}", web)
        out += [ox.Triple(ev, N(RDG + "evaluates"), d),
                ox.Triple(ev, N(RDG + "evaluationType"), N(ID + "begrip/" + rng.choice(EVAL_TYPES))),
                ox.Triple(ev, N(RDG + "year"), L(str(start + 3), dt="integer"))]
    return out


def generate(triples: int = 100_000, seed: int = 1) -> list[ox.Triple]:
    """About ``triples`` triples (the last deal completes), the same for the same seed."""
    rng = random.Random(seed)
    out = reference_nodes()
    i = 0
    while len(out) < triples:
        out.extend(deal_triples(i, rng))
        i += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--triples", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", required=True, help="N-Triples file to write")
    a = ap.parse_args(argv)
    ts = generate(a.triples, a.seed)
    with open(a.output, "wb") as fh:
        ox.serialize(ts, fh, format=ox.RdfFormat.N_TRIPLES)
    sys.stderr.write(f"wrote {len(ts)} triples to {Path(a.output)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
