"""``rdgraph new-deal``: a commented Turtle template for a new Regio Deal, to fill in and then
``rdgraph validate`` / ``rdgraph add``.

The template is valid Turtle as printed. Required properties are written out; optional ones are
commented out (remove the ``#`` to use them). Closed lists (funding kinds, attribution bases,
evidence strengths, opgaven, instrument types, ministries, starting-point types, breadths) are listed
from the current graph, so the template always offers what the graph holds.
"""

from __future__ import annotations

import re
import unicodedata

import pyoxigraph as ox

from ..messages import msg
from ..namespaces import DEF, ID, RDF, RDFS, SKOS, short, turtle_prologue
from .index import GraphIndex
from .suggest import suggest_refs


def _t(key: str, lang: str, **kw: object) -> str:
    """The template's text ``key`` (``template.<key>`` in the one message catalogue) in ``lang``."""
    return msg("template." + key, lang, **kw)


def slugify(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"^regio ?deal\s+", "", s)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "nieuwe-deal"


def _choices(gi: GraphIndex, cls: str, lang: str, prefix_hint: str | None = None) -> list[tuple[str, str]]:
    out = []
    for iri in gi.instances(cls):
        if prefix_hint and not iri.startswith(prefix_hint):
            continue
        out.append((short(iri), gi.label(ox.NamedNode(iri), lang) or ""))

    def key(x: tuple[str, str]) -> tuple:
        tail = x[0].rsplit(":", 1)[-1]
        return (0, int(tail), "") if tail.isdigit() else (1, 0, x[0])

    return sorted(out, key=key)


def _list_comment(items: list[tuple[str, str]], indent: str = "    #   ") -> list[str]:
    return [f"{indent}{iri:<32} {label}".rstrip() for iri, label in items]


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


# Properties the template spells out; every other property of a deal (rdfs:domain rdg:RegioDeal, or
# used on deals in the graph) gets a line in the section "other properties" (tests check completeness).
_SPELT_OUT = {"rdf:type", "rdfs:label", "skos:prefLabel", "skos:altLabel", "rdg:tranche", "rdg:province",
              "rdg:municipality", "rdg:region", "rdg:signatory", "rdg:periodLabel", "rdg:startYear", "rdg:endYear",
              "rdg:topic", "rdg:predecessor", "rdg:startingPointType", "rdg:breadth", "prov:wasDerivedFrom",
              "rdg:convenantSignedOn", "rdg:startDate", "rdg:announcedOn", "rdg:selectionDate",
              "rdg:proposalSubmittedOn", "rdg:offeredToParliamentOn", "skos:note", "rdg:vagueness",
              "rdg:sourceQuirk", "rdg:partner", "rdg:kamerstuk", "rdg:regionalParty"}
# written on the other node (the amount, attribution, intervention, evaluation) or inferred
_ELSEWHERE = {"rdg:hasFundingAmount", "rdg:hasThemeAttribution", "rdg:hasIntervention", "rdg:addressesOpgave",
              "rdg:successor"}


def deal_properties(gi: GraphIndex) -> list[str]:
    """Every property a deal can have: rdfs:domain rdg:RegioDeal in the ontology, or used on a deal."""
    dom = RDFS.domain
    props = {s.value for s, _p, _o in gi.triples(None, dom, ox.NamedNode(DEF + "RegioDeal"))}
    deals = gi.instances(DEF + "RegioDeal")
    for d in deals:
        for _s, p, _o in gi.triples(ox.NamedNode(d), None, None):
            props.add(p.value)
    return sorted(props, key=short)


def _example(gi: GraphIndex, prop: str) -> str:
    rng = gi.range_of(prop) or ""
    if rng.endswith("#langString"):
        return '"..."@nl'
    if rng.endswith("#string"):
        return '"..."'
    if rng.endswith("#boolean"):
        return "true"
    if rng.endswith("#integer"):
        return "2025"
    for _s, _p, o in gi.triples(None, ox.NamedNode(prop), None)[:1]:
        if isinstance(o, ox.Literal):
            return _q_lit(o)
        return short(o.value).split(":", 1)[0] + ":..."
    return "..."


def _q_lit(o) -> str:
    from .terms import show

    v = show(o)
    return v if len(v) < 40 else '"..."' + (v[v.rindex('"') + 1:] if v.rindex('"') > 0 else "")


def find_reference(gi: GraphIndex, name: str) -> str | None:
    """The deal the public records in the graph name ``name`` (label, prefLabel or altLabel)."""
    from .suggest import normalise_name

    want = normalise_name(name)
    for d in gi.instances(DEF + "RegioDeal"):
        n = ox.NamedNode(d)
        for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
            for _s, _p, o in gi.triples(n, p, None):
                if isinstance(o, ox.Literal) and normalise_name(o.value) == want:
                    return d
    return None


def _held(gi: GraphIndex, deal: str, lang: str) -> list[str]:
    """What the graph holds about a deal, as commented Turtle lines (the steward does not repeat them)."""
    from .terms import show

    n = ox.NamedNode(deal)
    out = [f"#=  {short(p.value)} {show(o)} ;" for _s, p, o in sorted(gi.triples(n, None, None), key=str)
           if p.value != RDF_TYPE]
    fund_of = ox.NamedNode(DEF + "fundingOf")
    for a, _p, _o in gi.triples(None, fund_of, n):
        facts = {short(p.value): show(o) for _s, p, o in gi.triples(a, None, None)}
        out.append(f"#=  {short(a.value)}: {facts.get('rdg:fundingKind', '?')} {facts.get('rdg:amountEUR', '?')} "
                   f"({facts.get('prov:wasDerivedFrom', '?')})")
    return out


RDF_TYPE = RDF.type.value


def new_deal_template(kg, name: str | None = None, tranche: int | None = None, regions: list[str] | None = None,
                      lang: str = "nl", slug: str | None = None, reference: str | None = None) -> str:
    """The commented Turtle template; with ``reference`` prefilled from what the graph's public records
    hold about that deal (the entry then adds to the existing deal)."""
    from ..errors import ParameterError

    gi = GraphIndex(kg.store)
    existing = None
    if reference:
        existing = find_reference(gi, reference)
        if existing is None:
            from .suggest import suggest_refs as _sr

            sugg = _sr(gi, f"{ID}regiodeal/{slugify(reference)}", DEF + "predecessor")
            best = sugg[0].split(" (", 1)[1].rstrip(")") if sugg and " (" in sugg[0] else "NAAM"
            raise ParameterError(_t("no_ref", lang, name=reference, s=(": " + ", ".join(sugg)) if sugg else ""),
                                 f'rdgraph new-deal --from-reference "{best}"')
        slug = existing.rsplit("/", 1)[-1]
        name = gi.label(ox.NamedNode(existing), "nl") or reference
        tr = gi.triples(ox.NamedNode(existing), ox.NamedNode(DEF + "tranche"), None)
        tranche = int(tr[0][2].value.rsplit("/", 1)[-1]) if tr else tranche
        regions = list(regions or [])
    name = re.sub(r"^\s*regio\s?deal\s+", "", name or "", flags=re.I).strip() or "Nieuwe deal"
    tranche = tranche or 6
    return _template(gi, name, tranche, regions or [], lang, slug or slugify(name), existing)


def _template(gi: GraphIndex, name: str, tranche: int, regions: list[str], lang: str, slug: str,
              existing: str | None) -> str:
    fill = _t("fill", lang).lower()
    req = _t("req", lang)
    lines: list[str] = ["# " + line if line else "#" for line in
                        _t("head", lang, name=name, tranche=tranche, slug=slug).splitlines()]
    if existing:
        lines.append("# " + _t("from_ref", lang, name=name, iri=short(existing)))
    lines.append("")
    lines += turtle_prologue(("rdf", "rdfs", "xsd", "skos", "prov", "dcterms", "rdg", "regiodeal", "tranche",
                              "interventie", "bedrag", "toekenning", "bron", "begrip", "opgave", "instrument",
                              "organisatie", "provincie", "gemeente", "bewering")).splitlines()
    lines.append("")
    place_lines: list[str] = []
    held_places = set()
    if existing:
        for p in ("province", "municipality", "region"):
            for _s, _p, o in gi.triples(ox.NamedNode(existing), ox.NamedNode(DEF + p), None):
                held_places.add(o.value)
    for r in regions:
        rs = slugify(r)
        found = False
        for seg, prop in (("provincie", "province"), ("gemeente", "municipality"), ("regio", "region")):
            if gi.any(ox.NamedNode(f"{ID}{seg}/{rs}"), None, None):
                if f"{ID}{seg}/{rs}" not in held_places:
                    place_lines.append(f"    rdg:{prop} {seg}:{rs} ;")
                found = True
                break
        if not found:
            sugg = suggest_refs(gi, f"{ID}provincie/{rs}", DEF + "province") + \
                suggest_refs(gi, f"{ID}gemeente/{rs}", DEF + "municipality")
            s = (": " + ", ".join(sugg)) if sugg else ""
            place_lines.append("    # " + _t("unresolved", lang, r=r, s=s))
    deal_head = [f"regiodeal:{slug}"]
    if existing:
        deal_head += [f"    # {_t('held', lang)}:", *_held(gi, existing, lang)]
        name_lines = [f"#   skos:altLabel \"Regio Deal {name}\"@nl ;      # {_t('alt_rule', lang)}"]
    else:
        deal_head[0] += " a rdg:RegioDeal ;"
        name_lines = [
            f"    # {_t('name_rule', lang)}",
            f"    rdfs:label {_q(name)}@nl ;            # {req}: {_t('label_nl', lang)}",
            f"    rdfs:label {_q(name)}@en ;            # {req}: {_t('label_en', lang)}",
            f"    skos:prefLabel {_q(name)}@nl ;",
            f"    rdg:tranche tranche:{tranche} ;                 # {req}: {_t('tranche', lang)}",
            f"#   skos:altLabel \"Regio Deal {name}\"@nl ;      # {_t('alt_rule', lang)}",
        ]
    more = [p for p in deal_properties(gi) if short(p) not in _SPELT_OUT | _ELSEWHERE]
    lines += [
        f"# ---------------------------------------------------------------- {_t('deal', lang)}",
        *deal_head,
        *name_lines,
        f"    # {_t('places', lang)}",
        *place_lines,
        "#   rdg:province provincie:... ;",
        "#   rdg:municipality gemeente:... , gemeente:... ;",
        "#   rdg:region regio:... ;",
        f"    # {_t('ministries', lang)}:",
        *_list_comment(_choices(gi, DEF + "Ministry", lang)),
        "#   rdg:signatory organisatie:ministerie-vro ;",
        "#   rdg:partner organisatie:... ;",
        "#   rdg:regionalParty \"...\" ;",
        f"    # {_t('dates', lang)}",
        f"#   rdg:convenantSignedOn \"{2019 + tranche}-09-24\"^^xsd:date ;   # {_t('signed', lang)}",
        f"#   rdg:startDate \"{2019 + tranche}-10\"^^xsd:gYearMonth ;",
        f"#   rdg:announcedOn \"{2019 + tranche}-02-03\"^^xsd:date ;",
        f"#   rdg:selectionDate \"{2019 + tranche}-02-03\"^^xsd:date ;",
        f"#   rdg:proposalSubmittedOn \"{2018 + tranche}-11-01\"^^xsd:date ;",
        f"#   rdg:offeredToParliamentOn \"{2019 + tranche}-11-15\"^^xsd:date ;",
        "#   rdg:kamerstuk \"29697-159\" ;",
        f"#   rdg:periodLabel \"{2019 + tranche}-{2023 + tranche}\" ;   # {_t('period', lang)}",
        f"#   rdg:startYear {2019 + tranche} ;",
        f"#   rdg:endYear {2023 + tranche} ;",
        f"#   rdg:topic \"arbeidsmarkt\"@nl ;   # {_t('topic', lang)}",
        f"#   rdg:predecessor regiodeal:... ;        # {_t('pred', lang)}",
        f"    # rdg:startingPointType: {_t('closed', lang)}",
        *_list_comment(_choices(gi, DEF + "StartingPointType", lang)),
        "#   rdg:startingPointType begrip:... ;",
        f"    # rdg:breadth: {_t('closed', lang)}",
        *_list_comment(_choices(gi, DEF + "DealBreadth", lang)),
        "#   rdg:breadth begrip:... ;",
        f"    # {_t('notes', lang)}",
        "#   skos:note \"...\"@nl ;",
        "#   rdg:vagueness \"...\"@nl ;",
        "#   rdg:sourceQuirk \"...\"@nl ;",
        f"    # {_t('more', lang)}:",
        *[f"#   {short(p)} {_example(gi, p)} ;   # {gi.label(ox.NamedNode(p), lang) or ''}".rstrip() for p in more],
        f"    prov:wasDerivedFrom bron:{fill} .   # {req}: {_t('source', lang)}",
        "",
        f"# ---------------------------------------------------------------- {_t('websource', lang)}",
        f"#bron:web-{slug}-1 a rdg:WebSource ;",
        "#    rdfs:label \"Webbron ...\"@nl , \"Web source ...\"@en ;",
        "#    dcterms:identifier \"https://...\"^^xsd:anyURI ;",
        "#    rdfs:seeAlso <https://...> ;",
        f"#    # rdg:sourceKind: {_t('closed', lang)}",
        *_list_comment(_choices(gi, DEF + "SourceKind", lang), indent="#    #   "),
        "#    rdg:sourceKind begrip:nieuwsbericht ;",
        f"#    prov:wasDerivedFrom bron:web-{slug}-1 .",
        "",
        f"# ---------------------------------------------------------------- {_t('new_place', lang)}",
        "#gemeente:... a rdg:Municipality ;",
        "#    rdfs:label \"...\"@nl , \"...\"@en ;",
        "#    rdg:tooiIdentifier <https://identifier.overheid.nl/tooi/id/gemeente/gm....> ;",
        f"#    prov:wasDerivedFrom bron:{fill} .",
        "",
        f"# ---------------------------------------------------------------- {_t('money', lang)}",
        f"# {_t('money_rule', lang)}",
        f"# rdg:fundingKind: {_t('closed', lang)}",
        *_list_comment(_choices(gi, DEF + "FundingKind", lang), indent="#   "),
        f"# {_t('rijk_le_total', lang)}",
        f"#bedrag:{slug}-rijksbijdrage a rdg:FundingAmount ;",
        f"#    rdfs:label \"rijksbijdrage {name}\"@nl , \"national government contribution {name}\"@en ;",
        f"#    rdg:fundingOf regiodeal:{slug} ;",
        "#    rdg:fundingKind begrip:rijksbijdrage ;",
        "#    rdg:amountEUR \"7500000\"^^xsd:decimal ;",
        f"#    rdg:periodLabel \"{2019 + tranche}-{2023 + tranche}\" ;",
        f"#    prov:wasDerivedFrom bron:{fill} .",
        "",
        f"#bedrag:{slug}-totaal-budget a rdg:FundingAmount ;",
        f"#    rdfs:label \"totaal budget {name}\"@nl , \"total budget {name}\"@en ;",
        f"#    rdg:fundingOf regiodeal:{slug} ;",
        "#    rdg:fundingKind begrip:totaal-budget ;",
        "#    rdg:amountEUR \"15000000\"^^xsd:decimal ;",
        f"#    rdg:periodLabel \"{2019 + tranche}-{2023 + tranche}\" ;",
        f"#    prov:wasDerivedFrom bron:{fill} .",
        "",
        f"# ---------------------------------------------------------------- {_t('statement', lang)}",
        f"#bewering:{slug}-1 a rdf:Statement ;",
        "#    rdfs:label \"...\"@nl , \"...\"@en ;",
        f"#    rdf:subject regiodeal:{slug} ;",
        "#    rdf:predicate rdg:predecessor ;",
        "#    rdf:object regiodeal:... ;",
        "#    rdg:isInference true ;",
        "#    skos:note \"Afgeleid uit ... ; de bron zegt niet met zoveel woorden dat ...\"@nl ;",
        f"#    prov:wasDerivedFrom bron:{fill} .",
        "",
        f"# ---------------------------------------------------------------- {_t('attr', lang)}",
        "# rdg:attributedOpgave:",
        *_list_comment(_choices(gi, DEF + "Opgave", lang), indent="#   "),
        f"# rdg:basis: {_t('closed', lang)}",
        *_list_comment(_choices(gi, DEF + "AttributionBasis", lang), indent="#   "),
        f"# rdg:strength: {_t('closed', lang)}",
        *_list_comment(_choices(gi, DEF + "EvidenceStrength", lang), indent="#   "),
        f"#toekenning:{slug}-1 a rdg:ThemeAttribution ;",
        f"#    rdfs:label \"{name} pakt opgave 1 aan\"@nl , \"{name} addresses opgave 1\"@en ;",
        f"#    rdg:attributedTo regiodeal:{slug} ;",
        "#    rdg:attributedOpgave opgave:1 ;",
        "#    rdg:basis begrip:interpretatie-bron ;",
        "#    rdg:strength begrip:zwak ;",
        "#    rdg:evidence \"...\"@nl ;",
        f"#    # {_t('infer', lang)}",
        "#    rdg:isInference true ;",
        "#    skos:note \"...\"@nl ;",
        f"#    prov:wasDerivedFrom bron:{fill} .",
        "",
        f"# ---------------------------------------------------------------- {_t('interv', lang)}",
        "# rdg:usesInstrument:",
        *_list_comment(_choices(gi, DEF + "InstrumentType", lang), indent="#   "),
        f"#interventie:{slug}-project a rdg:Intervention ;",
        "#    rdfs:label \"...\"@nl , \"...\"@en ;",
        f"#    rdg:deal regiodeal:{slug} ;",
        "#    rdg:usesInstrument instrument:4 ;",
        f"#    rdg:startYear {2019 + tranche} ;",
        f"#    rdg:endYear {2021 + tranche} ;",
        "#    rdg:goal \"...\"@nl ;",
        "#    rdg:partner organisatie:... ;",
        f"#    prov:wasDerivedFrom bron:{fill} .",
        "",
    ]
    return "\n".join(lines)


__all__ = ["new_deal_template", "slugify", "deal_properties", "find_reference"]
