"""The entry form's core: Turtle from the fields of a form, and its validation as a JSON report.

The web explorer's form (``/new-deal``) and ``POST /api/validate`` are thin faces over this module; it
builds the same Turtle ``rdgraph new-deal`` asks the steward to write (the same prefixes, node names
and conventions) and validates it with :func:`rdgraph.entries.validate_entries`, in the context of
the graph, so a file downloaded from the form is what ``rdgraph add`` accepts.
"""

from __future__ import annotations

import re
import tempfile
import threading
from pathlib import Path

from ..namespaces import turtle_prologue
from .template import slugify

# (name, Dutch label, English label, hint nl, hint en)
# the form's fields in order; their labels and hints are form.label.<name> / form.hint.<name> in the one
# message catalogue
FIELD_NAMES = ["name", "name_en", "altlabel", "tranche", "provinces", "municipalities", "signatories", "signed",
               "predecessor", "rijksbijdrage", "source", "note"]

# which field a finding on a property belongs to
PATH_FIELD = {
    "rdfs:label": "name", "skos:prefLabel": "name", "skos:altLabel": "altlabel", "rdg:tranche": "tranche",
    "rdg:province": "provinces", "rdg:municipality": "municipalities", "rdg:signatory": "signatories",
    "rdg:convenantSignedOn": "signed", "rdg:predecessor": "predecessor", "rdg:amountEUR": "rijksbijdrage",
    "rdg:fundingKind": "rijksbijdrage", "rdg:fundingOf": "rijksbijdrage", "prov:wasDerivedFrom": "source",
    "dcterms:identifier": "source", "rdfs:seeAlso": "source", "rdg:sourceKind": "source", "skos:note": "note",
    "rdf:type": "name",
}


def _q(s: str) -> str:
    return '"' + (s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "")) + '"'


def _refs(text: str, prefix: str) -> list[str]:
    out = []
    for part in re.split(r"[,\s]+", text or ""):
        part = part.strip()
        if not part:
            continue
        if ":" in part and not part.startswith("http"):
            part = part.split(":", 1)[1]
        out.append(f"{prefix}:{re.sub(r'[^A-Za-z0-9_.-]', '-', part)}")
    return out


def _amount(text: str) -> str:
    """The amount as the steward typed it, as a Turtle literal: a number -> xsd:decimal, else as text
    (so that the validation explains what to write, with the corrected literal)."""
    t = (text or "").strip().replace(" ", "")
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return f'"{t}"^^xsd:decimal'
    return _q(text.strip())


def turtle_from_form(fields: dict[str, str]) -> tuple[str, str]:
    """(slug, Turtle) for the form's fields: the same shape of entry as the new-deal template."""
    f = {k: str(fields.get(k) or "").strip() for k in FIELD_NAMES}
    name = re.sub(r"^\s*regio\s?deal\s+", "", f["name"], flags=re.I).strip()
    slug = slugify(name) if name else "nieuwe-deal"
    tranche = f["tranche"] or "6"
    src = f["source"]
    new_source = None
    if src.startswith(("http://", "https://")):
        new_source = f"bron:web-{slug}-1"
        src_ref = new_source
    elif src:
        src_ref = src if src.startswith("bron:") else f"bron:{src}"
    else:
        src_ref = "bron:vul-in"
    deal = [f"regiodeal:{slug} a rdg:RegioDeal ;"]
    if name:
        deal.append(f"    rdfs:label {_q(name)}@nl , {_q(f['name_en'] or name)}@en ;")
        deal.append(f"    skos:prefLabel {_q(name)}@nl ;")
    alts = [a.strip() for a in f["altlabel"].splitlines() if a.strip()]
    if alts:
        deal.append("    skos:altLabel " + " , ".join(f"{_q(a)}@nl" for a in alts) + " ;")
    deal.append(f"    rdg:tranche tranche:{re.sub(r'[^0-9A-Za-z-]', '', tranche) or '6'} ;")
    for prop, field, prefix in (("province", "provinces", "provincie"), ("municipality", "municipalities",
                                 "gemeente"), ("signatory", "signatories", "organisatie")):
        refs = _refs(f[field], prefix)
        if refs:
            deal.append(f"    rdg:{prop} " + " , ".join(refs) + " ;")
    if f["signed"]:
        deal.append(f"    rdg:convenantSignedOn {_q(f['signed'])}^^xsd:date ;")
    if f["predecessor"]:
        deal.append(f"    rdg:predecessor {_refs(f['predecessor'], 'deal')[0]} ;")
    if f["note"]:
        deal.append(f"    skos:note {_q(f['note'])}@nl ;")
    deal.append(f"    prov:wasDerivedFrom {src_ref} .")
    blocks = ["\n".join(deal)]
    if new_source:
        url = src.split()[0]
        blocks.append("\n".join([
            f"{new_source} a rdg:WebSource ;",
            f"    rdfs:label {_q('Webbron ' + url.split('://', 1)[-1][:80])}@nl , "
            f"{_q('Web source ' + url.split('://', 1)[-1][:80])}@en ;",
            f"    dcterms:identifier {_q(url)}^^xsd:anyURI ;",
            f"    rdfs:seeAlso <{url.replace('>', '%3E').replace(' ', '%20')}> ;",
            "    rdg:sourceKind begrip:regionale-website ;",
            f"    prov:wasDerivedFrom {new_source} ."]))
    if f["rijksbijdrage"]:
        blocks.append("\n".join([
            f"bedrag:{slug}-rijksbijdrage a rdg:FundingAmount ;",
            f"    rdfs:label {_q('rijksbijdrage ' + name)}@nl , {_q('national government contribution ' + name)}@en ;",
            f"    rdg:fundingOf regiodeal:{slug} ;",
            "    rdg:fundingKind begrip:rijksbijdrage ;",
            f"    rdg:amountEUR {_amount(f['rijksbijdrage'])} ;",
            f"    prov:wasDerivedFrom {src_ref} ."]))
    used = ("rdf", "rdfs", "xsd", "skos", "prov", "dcterms", "rdg", "regiodeal", "tranche", "bedrag", "bron",
            "begrip", "organisatie", "provincie", "gemeente")
    head = [f"# Regio Deal {name or '...'}: built by the entry form of rdgraph serve; add with 'rdgraph add'."]
    head += turtle_prologue(used).splitlines()
    return slug, "\n".join(head) + "\n\n" + "\n\n".join(blocks) + "\n"


_LOCK = threading.Lock()  # pySHACL's prepared-query cache patches rdflib process-wide: one validation at a time


def validate_text(kg, text: str, lang: str = "nl", suffix: str = ".ttl"):
    """Validate an entry given as text (Turtle by default) in the context of ``kg``; ParseError if unreadable."""
    from .validate import validate_entries

    with tempfile.TemporaryDirectory(prefix="rdgraph-form-") as d:
        p = Path(d) / f"entry{suffix}"
        p.write_text(text, encoding="utf-8")
        with _LOCK:
            report = validate_entries(kg, [p], lang=lang)
    report.files = ["entry" + suffix]
    for f in report.findings:
        f.source_file = "entry" + suffix
    return report


def form_report(kg, fields: dict[str, str], lang: str = "nl") -> dict:
    """What the form shows: the Turtle, the JSON report, and the findings by field."""
    from ..errors import ParseError
    from ..namespaces import short

    slug, text = turtle_from_form(fields)
    by_field: dict[str, list[dict]] = {}
    try:
        report = validate_text(kg, text, lang)
    except ParseError as e:  # a field that breaks the syntax (should not happen: values are quoted)
        return {"slug": slug, "turtle": text, "report": None, "fields": {"general": [
            {"severity": "Violation", "message": str(e), "hint": e.hint, "suggestions": []}]}}
    d = report.to_dict()
    for f in report.findings:
        field = PATH_FIELD.get(short(f.path) if f.path else "", "general")
        by_field.setdefault(field, []).append({"severity": f.severity, "message": f.message, "hint": f.hint,
                                               "suggestions": list(f.suggestions), "value": f.value})
    return {"slug": slug, "turtle": text, "report": d, "fields": by_field}
