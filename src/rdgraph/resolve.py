"""IRI parameters that resolve or refuse: a slug, a label or an altLabel (Dutch or English) becomes the IRI it
names; a value that names nothing is an error with the closest matches, never a silent empty answer.

``--param intervention=stallenaanpak`` (the slug after the parameter's base), ``--param "intervention=Twents
Fonds voor Vakmanschap"`` (a label), ``--param "opgave=Tackling crime"`` (the English label) and a full IRI all
work; ``--param intervention=stalaanpak`` is refused with "did you mean: stallenaanpak (Stallenaanpak - ...)".
"""

from __future__ import annotations

import re

from .errors import ParameterError
from .namespaces import RDFS, SKOS

LABELS = (RDFS.label.value, SKOS.prefLabel.value, SKOS.altLabel.value)


def _norm(text: str) -> str:
    """Case, accents and spacing do not matter when matching a label."""
    import unicodedata

    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _is_iri(value: str) -> bool:
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value))


def candidates(kg, base: str) -> list[tuple[str, str]]:
    """(IRI, label) of every thing under ``base`` that has a label, prefLabel or altLabel (any language)."""
    preds = " ".join(f"<{p}>" for p in LABELS)
    text = (f"SELECT DISTINCT ?s ?l WHERE {{ VALUES ?p {{ {preds} }} ?s ?p ?l . "
            f"FILTER(isIRI(?s) && STRSTARTS(STR(?s), {_lit(base)})) }}")
    return [(str(r["s"]), str(r["l"])) for r in kg.sparql(text)]


def _lit(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _exists(kg, iri: str) -> bool:
    return bool(kg.sparql(f"ASK {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }}"))


def resolve_iri(kg, name: str, value: str, base: str | None) -> str:
    """The IRI ``value`` names under ``base``, or ParameterError with the closest matches."""
    value = str(value).strip()
    if _is_iri(value) and not (base and not value.startswith(("http://", "https://", "urn:"))):
        iri = value
        if _exists(kg, iri):
            return iri
    elif base:
        iri = base + value
        if re.fullmatch(r"[A-Za-z0-9._~/-]+", value) and _exists(kg, iri):
            return iri
    if not base:
        raise ParameterError(f"parameter {name!r}: {value!r} names nothing in the graph",
                             "give the full IRI of a thing the graph holds")
    pairs = candidates(kg, base)
    want = _norm(value)
    hits = sorted({s for s, label in pairs if _norm(label) == want})
    if not hits:   # the slug written differently (case, spaces for hyphens)
        hits = sorted({s for s, _ in pairs if _norm(s[len(base):]) == want})
    if len(hits) == 1:
        return hits[0]
    short = {s: s[len(base):] for s, _ in pairs}
    label_of: dict[str, str] = {}
    for s, label in pairs:
        label_of.setdefault(s, label)
    if len(hits) > 1:
        raise ParameterError(f"parameter {name!r}: {value!r} names {len(hits)} things",
                             "be precise: " + ", ".join(f"{short[s]} ({label_of[s]})" for s in hits[:6]))
    keys: dict[str, str] = {}
    for s, label in pairs:
        keys.setdefault(_norm(short[s]), s)
        keys.setdefault(_norm(label), s)
    import difflib

    close = difflib.get_close_matches(want, list(keys), n=12, cutoff=0.5)
    found: list[str] = []
    for k in close:
        if keys[k] not in found:
            found.append(keys[k])
    if not found:   # a word of a label
        found = sorted({s for s, label in pairs if want and want in _norm(label)})[:5]
    hint = ("did you mean: " + ", ".join(f"{short[s]} ({label_of[s]})" for s in found[:5])) if found else \
        f"list them with: rdgraph sparql 'SELECT ?s ?label WHERE {{ ?s rdfs:label ?label FILTER(STRSTARTS(STR(?s), \"{base}\")) }}'"  # noqa: E501
    raise ParameterError(f"parameter {name!r}: {value!r} matches no slug, label or altLabel under {base}", hint)


def resolve_params(kg, nq, params: dict) -> dict:
    """``params`` with every IRI-typed value resolved to the IRI it names (other values untouched)."""
    out = dict(params)
    for p in nq.params:
        raw = out.get(p.name)
        if p.type != "iri" or raw is None or raw == "":
            continue
        out[p.name] = resolve_iri(kg, p.name, str(raw), p.base)
    return out


__all__ = ["resolve_iri", "resolve_params", "candidates"]
