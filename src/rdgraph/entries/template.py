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

from ..terms import DEF, ID
from .index import GraphIndex
from .suggest import suggest_refs
from .terms import ORG, PREFIXES, RDFS, short

T = {
    "head": {
        "nl": ("Nieuwe Regio Deal: {name} (tranche {tranche}).\n"
               "Vul de velden in en controleer met:  rdgraph validate {slug}.ttl\n"
               "Voeg daarna toe met:                  rdgraph add {slug}.ttl\n"
               "Regels met één '#' aan het begin zijn optioneel: haal het '#' weg om ze te gebruiken.\n"
               "VERPLICHT staat bij wat altijd ingevuld moet zijn. Bedragen in hele euro's (xsd:decimal,\n"
               "bijv. 7500000.00), jaartallen als geheel getal (2025), teksten met taalcode (@nl / @en)."),
        "en": ("New Regio Deal: {name} (tranche {tranche}).\n"
               "Fill in the fields and check with:  rdgraph validate {slug}.ttl\n"
               "Then add it with:                   rdgraph add {slug}.ttl\n"
               "Lines starting with one '#' are optional: remove the '#' to use them.\n"
               "REQUIRED marks what must always be filled in. Amounts in euro (xsd:decimal, e.g.\n"
               "7500000.00), years as whole numbers (2025), texts with a language tag (@nl / @en)."),
    },
    "deal": {"nl": "De deal zelf", "en": "The deal itself"},
    "req": {"nl": "VERPLICHT", "en": "REQUIRED"},
    "label_nl": {"nl": "Nederlandse naam, precies één", "en": "Dutch name, exactly one"},
    "label_en": {"nl": "Engelse naam, precies één (vaak gelijk aan de Nederlandse)",
                 "en": "English name, exactly one (often the same as the Dutch)"},
    "source": {"nl": "bron(nen): een bestaande bron (bron:...) of een nieuwe hieronder",
               "en": "source(s): an existing source (bron:...) or a new one below"},
    "tranche": {"nl": "de tranche (1 tot en met 6)", "en": "the tranche (1 to 6)"},
    "alt": {"nl": "andere schrijfwijzen van de naam", "en": "other spellings of the name"},
    "places": {"nl": "provincies en gemeenten (id/provincie/..., id/gemeente/...)",
               "en": "provinces and municipalities (id/provincie/..., id/gemeente/...)"},
    "unresolved": {"nl": "--region {r}: niet gevonden als provincie of gemeente{s}",
                   "en": "--region {r}: not found as a province or municipality{s}"},
    "ministries": {"nl": "ondertekenaars: ministeries (kies uit de lijst) en andere organisaties",
                   "en": "signatories: ministries (choose from the list) and other organisations"},
    "period": {"nl": "looptijd", "en": "period"},
    "topic": {"nl": "onderwerpen in de woorden van de bron", "en": "topics in the source's words"},
    "pred": {"nl": "voorganger (bij een vervolgdeal), een bestaande deal",
             "en": "predecessor (for a follow-up deal), an existing deal"},
    "closed": {"nl": "kies één uit", "en": "choose one of"},
    "websource": {"nl": "Een nieuwe openbare bron (laat weg als u een bestaande bron gebruikt)",
                  "en": "A new public source (leave out if you use an existing source)"},
    "money": {"nl": "Bedragen: één knoop per bedrag, elk met soort, bedrag in euro en bron",
              "en": "Amounts: one node per amount, each with kind, amount in euro and source"},
    "rijk_le_total": {"nl": "de rijksbijdrage mag niet hoger zijn dan het totale budget (zelfde bron)",
                      "en": "the Rijk's contribution may not exceed the total budget (same source)"},
    "attr": {"nl": "Opgaven (rode draden) die de deal aanpakt: één toekenning per opgave",
             "en": "Opgaven (recurring themes) the deal addresses: one attribution per opgave"},
    "interv": {"nl": "Interventies (projecten) van de deal: kopieer dit blok per interventie",
               "en": "Interventions (projects) of the deal: copy this block per intervention"},
    "fill": {"nl": "VUL-IN", "en": "FILL-IN"},
}


def _t(key: str, lang: str, **kw: object) -> str:
    return T[key][lang].format(**kw)


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


def new_deal_template(kg, name: str, tranche: int, regions: list[str] | None = None, lang: str = "nl",
                      slug: str | None = None) -> str:
    gi = GraphIndex(kg.store)
    slug = slug or slugify(name)
    fill = _t("fill", lang)
    lines: list[str] = ["# " + line if line else "#" for line in
                        _t("head", lang, name=name, tranche=tranche, slug=slug).splitlines()]
    lines.append("")
    for p in ("rdf", "rdfs", "xsd", "skos", "prov", "rdg", "deal", "tranche", "interv", "bedrag", "toek",
              "bron", "begrip", "opgave", "instrument", "organisatie", "provincie", "gemeente"):
        lines.append(f"@prefix {p}: <{PREFIXES[p]}> .")
    lines.append("")
    # places from --region
    place_lines: list[str] = []
    for r in regions or []:
        rs = slugify(r)
        found = False
        for seg, prop in (("provincie", "province"), ("gemeente", "municipality"), ("regio", "region")):
            if gi.any(ox.NamedNode(f"{ID}{seg}/{rs}"), None, None):
                place_lines.append(f"    rdg:{prop} {seg}:{rs} ;")
                found = True
                break
        if not found:
            sugg = suggest_refs(gi, f"{ID}provincie/{rs}", DEF + "province") + \
                suggest_refs(gi, f"{ID}gemeente/{rs}", DEF + "municipality")
            s = (": " + ", ".join(sugg)) if sugg else ""
            place_lines.append("    # " + _t("unresolved", lang, r=r, s=s))
    req = _t("req", lang)
    lines += [
        f"# ---------------------------------------------------------------- {_t('deal', lang)}",
        f"deal:{slug} a rdg:RegioDeal ;",
        f"    rdfs:label {_q(name)}@nl ;            # {req}: {_t('label_nl', lang)}",
        f"    rdfs:label {_q(name)}@en ;            # {req}: {_t('label_en', lang)}",
        f"    skos:prefLabel {_q(name)}@nl ;",
        f"    rdg:tranche tranche:{tranche} ;                 # {req}: {_t('tranche', lang)}",
        f"#   skos:altLabel \"Regio Deal {name}\"@nl ;      # {_t('alt', lang)}",
        f"    # {_t('places', lang)}",
        *place_lines,
        "#   rdg:province provincie:... ;",
        "#   rdg:municipality gemeente:... , gemeente:... ;",
        f"    # {_t('ministries', lang)}:",
        *_list_comment(_choices(gi, DEF + "Ministry", lang)),
        "#   rdg:signatory organisatie:ministerie-bzk ;",
        f"#   rdg:periodLabel \"2025-2029\" ;   # {_t('period', lang)}",
        "#   rdg:startYear 2025 ;",
        "#   rdg:endYear 2029 ;",
        f"#   rdg:topic \"arbeidsmarkt\"@nl ;   # {_t('topic', lang)}",
        f"#   rdg:predecessor deal:... ;        # {_t('pred', lang)}",
        f"    # rdg:startingPointType: {_t('closed', lang)}",
        *_list_comment(_choices(gi, DEF + "StartingPointType", lang)),
        "#   rdg:startingPointType begrip:... ;",
        f"    # rdg:breadth: {_t('closed', lang)}",
        *_list_comment(_choices(gi, DEF + "DealBreadth", lang)),
        "#   rdg:breadth begrip:... ;",
        f"    prov:wasDerivedFrom bron:{fill.lower()} .   # {req}: {_t('source', lang)}",
        "",
        f"# ---------------------------------------------------------------- {_t('websource', lang)}",
        f"#bron:{slug}-convenant a rdg:WebSource ;",
        "#    rdfs:label \"Webbron ...\"@nl , \"Web source ...\"@en ;",
        "#    dcterms:identifier \"https://...\"^^xsd:anyURI ;",
        "#    rdfs:seeAlso <https://...> ;",
        f"#    # rdg:sourceKind: {_t('closed', lang)}",
        *_list_comment(_choices(gi, DEF + "SourceKind", lang), indent="#    #   "),
        "#    rdg:sourceKind begrip:nieuwsbericht ;",
        f"#    prov:wasDerivedFrom bron:{slug}-convenant .",
        "",
        f"# ---------------------------------------------------------------- {_t('money', lang)}",
        f"# rdg:fundingKind: {_t('closed', lang)}",
        *_list_comment(_choices(gi, DEF + "FundingKind", lang), indent="#   "),
        f"# {_t('rijk_le_total', lang)}",
        f"#bedrag:{slug}-rijksbijdrage a rdg:FundingAmount ;",
        f"#    rdfs:label \"rijksbijdrage {name}\"@nl , \"national government contribution {name}\"@en ;",
        f"#    rdg:fundingOf deal:{slug} ;",
        "#    rdg:fundingKind begrip:rijksbijdrage ;",
        "#    rdg:amountEUR 7500000.00 ;",
        "#    rdg:periodLabel \"2025-2029\" ;",
        f"#    prov:wasDerivedFrom bron:{fill.lower()} .",
        "",
        f"#bedrag:{slug}-totaal-budget a rdg:FundingAmount ;",
        f"#    rdfs:label \"totaal budget {name}\"@nl , \"total budget {name}\"@en ;",
        f"#    rdg:fundingOf deal:{slug} ;",
        "#    rdg:fundingKind begrip:totaal-budget ;",
        "#    rdg:amountEUR 15000000.00 ;",
        "#    rdg:periodLabel \"2025-2029\" ;",
        f"#    prov:wasDerivedFrom bron:{fill.lower()} .",
        "",
        f"# ---------------------------------------------------------------- {_t('attr', lang)}",
        "# rdg:attributedOpgave:",
        *_list_comment(_choices(gi, DEF + "Opgave", lang), indent="#   "),
        f"# rdg:basis: {_t('closed', lang)}",
        *_list_comment(_choices(gi, DEF + "AttributionBasis", lang), indent="#   "),
        f"# rdg:strength: {_t('closed', lang)}",
        *_list_comment(_choices(gi, DEF + "EvidenceStrength", lang), indent="#   "),
        f"#toek:{slug}-1 a rdg:ThemeAttribution ;",
        f"#    rdfs:label \"{name} pakt opgave 1 aan\"@nl , \"{name} addresses opgave 1\"@en ;",
        f"#    rdg:attributedTo deal:{slug} ;",
        "#    rdg:attributedOpgave opgave:1 ;",
        "#    rdg:basis begrip:interpretatie-bron ;",
        "#    rdg:strength begrip:zwak ;",
        "#    rdg:evidence \"...\"@nl ;",
        f"#    prov:wasDerivedFrom bron:{fill.lower()} .",
        "",
        f"# ---------------------------------------------------------------- {_t('interv', lang)}",
        "# rdg:usesInstrument:",
        *_list_comment(_choices(gi, DEF + "InstrumentType", lang), indent="#   "),
        f"#interv:{slug}-project a rdg:Intervention ;",
        "#    rdfs:label \"...\"@nl , \"...\"@en ;",
        f"#    rdg:deal deal:{slug} ;",
        "#    rdg:usesInstrument instrument:4 ;",
        "#    rdg:startYear 2025 ;",
        "#    rdg:endYear 2027 ;",
        "#    rdg:goal \"...\"@nl ;",
        "#    rdg:partner organisatie:... ;",
        f"#    prov:wasDerivedFrom bron:{fill.lower()} .",
        "",
    ]
    text = "\n".join(lines)
    if "dcterms:" in text:
        text = text.replace(f"@prefix prov: <{PREFIXES['prov']}> .",
                            f"@prefix prov: <{PREFIXES['prov']}> .\n@prefix dcterms: <{PREFIXES['dcterms']}> .")
    return text


__all__ = ["new_deal_template", "slugify", "ORG", "RDFS"]
