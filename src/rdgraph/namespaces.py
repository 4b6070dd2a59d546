"""The one table of prefixes and namespaces, and the vocabularies' terms as pyoxigraph terms.

Every prefix rdgraph writes or reads (Turtle of ``add`` and ``export``, the template, the validation
report, the pages, SPARQL without PREFIX lines, the reference importer) comes from :data:`PREFIXES`.
tests/test_namespaces.py checks the table against the JSON-LD context in ``context/`` and fails if another
module spells a namespace IRI of its own.

Terms are attributes of closed vocabularies: ``RDG.RegioDeal``, ``SKOS.prefLabel`` are ``pyoxigraph.NamedNode``
and a name the vocabulary does not define raises ``AttributeError`` when the module using it is imported
(``RDG.rijksbijdrag``). Names that are Python keywords are items: ``SH["class"]``. The term lists are in
:mod:`rdgraph.vocabularies`, generated from ontology/ and the published vocabularies (tools/gen_vocab.py).
The things' namespaces (``regiodeal:`` ... under ``id/``) are open: any reference is a name there.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from .vocabularies import TERMS

BASE = "https://w3id.org/rdgraph/"
ID = BASE + "id/"
DEF = BASE + "def/regiodeals#"
ONTOLOGY = BASE + "def/regiodeals"
DATASET = BASE + "dataset"
GRAPH_ASSERTED = BASE + "graph/asserted"
GRAPH_INFERRED = BASE + "graph/inferred"
GRAPH_ALL = BASE + "graph/all"  # the named graph 'rdgraph push' fills by default

# The vocabularies: the prefixes of the JSON-LD context (context/rdgraph.jsonld), plus two rdgraph only writes.
VOCABULARIES: dict[str, str] = {
    "rdg": DEF,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "vann": "http://purl.org/vocab/vann/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "void": "http://rdfs.org/ns/void#",
    "sh": "http://www.w3.org/ns/shacl#",
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "formats": "http://www.w3.org/ns/formats/",
    "spdx": "http://spdx.org/rdf/terms#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "adms": "http://www.w3.org/ns/adms#",
    "check": BASE + "def/checks#",  # rdgraph's own entry checks, as constraint components of a SHACL report
}
CONTEXT_PREFIXES = ("rdg", "rdf", "rdfs", "owl", "xsd", "skos", "dcterms", "prov", "org", "vann", "foaf", "dcat",
                    "void", "sh", "id")

# The type segments of the things' IRIs (docs/data-conventions.md); each is also its Turtle prefix.
ID_SEGMENTS = (
    "aanbeveling", "bedrag", "begrip", "begrippenkader", "bewering", "bron", "constatering", "coordinatie",
    "domein", "evaluatie", "feedbacklaag", "gebeurtenis", "gemeente", "instrument", "interventie",
    "interventiesoort", "opgave", "organisatie", "organisatiewijziging", "programma", "provincie",
    "reflectie", "regiodeal", "regio", "succesfactor", "toekenning", "tranche", "voorbeeldinterventie",
)

#: THE prefix table: vocabularies, ``id:`` and one prefix per type segment (``regiodeal:`` = ``id/regiodeal/``).
PREFIXES: dict[str, str] = {**VOCABULARIES, "id": ID, **{seg: f"{ID}{seg}/" for seg in ID_SEGMENTS}}
#: what the writers declare: the table without id: (the type segments' prefixes say more)
WRITER_PREFIXES: dict[str, str] = {p: ns for p, ns in PREFIXES.items() if p != "id"}


class Vocabulary:
    """A namespace whose names are ``pyoxigraph.NamedNode`` terms; closed unless built without a term list."""

    __slots__ = ("_prefix", "_iri", "_names", "_terms")

    def __init__(self, prefix: str, iri: str, names: frozenset[str] | None) -> None:
        self._prefix, self._iri, self._names = prefix, iri, names
        self._terms: dict[str, ox.NamedNode] = {}

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> ox.NamedNode:
        term = self._terms.get(name)
        if term is None:
            if self._names is not None and name not in self._names:
                raise AttributeError(f"{self._prefix}:{name} is not a term of <{self._iri}>")
            term = self._terms[name] = ox.NamedNode(self._iri + name)
        return term

    def __contains__(self, iri: object) -> bool:
        value = iri.value if isinstance(iri, ox.NamedNode) else str(iri)
        return value.startswith(self._iri) and (self._names is None or value[len(self._iri):] in self._names)

    def __str__(self) -> str:
        return self._iri

    def __repr__(self) -> str:
        return f"Vocabulary({self._prefix!r}, {self._iri!r})"


def _vocabulary(prefix: str) -> Vocabulary:
    return Vocabulary(prefix, PREFIXES[prefix], TERMS.get(prefix))


RDG = _vocabulary("rdg")
RDF = _vocabulary("rdf")
RDFS = _vocabulary("rdfs")
OWL = _vocabulary("owl")
XSD = _vocabulary("xsd")
SKOS = _vocabulary("skos")
DCTERMS = _vocabulary("dcterms")
PROV = _vocabulary("prov")
ORG = _vocabulary("org")
VANN = _vocabulary("vann")
FOAF = _vocabulary("foaf")
DCAT = _vocabulary("dcat")
VOID = _vocabulary("void")
SH = _vocabulary("sh")
SD = _vocabulary("sd")
FORMATS = _vocabulary("formats")
CHECK = _vocabulary("check")
SPDX = _vocabulary("spdx")  # open: rdgraph writes a few of its terms (release checksums)
VCARD = _vocabulary("vcard")
ADMS = _vocabulary("adms")


def thing(segment: str, reference: str) -> ox.NamedNode:
    """A thing's IRI from its type segment and reference: ``thing('regiodeal', 'twente')``."""
    if segment not in ID_SEGMENTS:
        raise ValueError(f"{segment!r} is not a type segment of docs/data-conventions.md")
    return ox.NamedNode(f"{ID}{segment}/{reference}")


# ---------------------------------------------------------------- short forms

_PN_LOCAL = re.compile(r"[A-Za-z0-9_]([A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?")
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def curie(iri: str) -> str | None:
    """``prefix:local`` for an IRI under a known namespace with a plain local name, else None."""
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns) and _PN_LOCAL.fullmatch(iri, len(ns)):
            return f"{prefix}:{iri[len(ns):]}"
    return None


def short(iri: str | None) -> str:
    """A term or thing for messages and pages: ``regiodeal:twente``, ``bron:rode-draden-2024/3.3``, or ``<IRI>``.

    Like :func:`curie` but any non-empty local part is kept (readable, not always valid Turtle).
    """
    if iri is None:
        return ""
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def shorten(iri: str) -> str:
    """The compact form of terminal tables: ``regiodeal/twente`` for things, ``rdg:tranche`` for terms."""
    if iri.startswith(ID):
        return iri[len(ID):]
    if iri.startswith(DEF):
        return "rdg:" + iri[len(DEF):]
    return iri


def expand(name: str) -> str | None:
    """The IRI of ``prefix:local`` if the prefix is known, else None."""
    prefix, sep, local = name.partition(":")
    ns = PREFIXES.get(prefix) if sep else None
    return ns + local if ns is not None else None


def turtle_prologue(names) -> str:
    """``@prefix`` lines for the named prefixes of the table, alphabetically (for hand-written Turtle)."""
    return "".join(f"@prefix {p}: <{PREFIXES[p]}> .\n" for p in sorted(set(names)))


def sparql_prologue(names) -> str:
    """``PREFIX`` lines for the named prefixes of the table."""
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in names)


__all__ = ["PREFIXES", "WRITER_PREFIXES", "VOCABULARIES", "CONTEXT_PREFIXES", "ID_SEGMENTS", "Vocabulary", "BASE",
           "ID", "DEF", "ONTOLOGY", "DATASET", "GRAPH_ASSERTED", "GRAPH_INFERRED", "GRAPH_ALL", "RDG", "RDF", "RDFS",
           "OWL", "XSD", "SKOS", "DCTERMS", "PROV", "ORG", "VANN", "FOAF", "DCAT", "VOID", "SH", "SD", "FORMATS",
           "CHECK", "SPDX", "VCARD", "ADMS", "thing", "curie", "short", "shorten", "expand", "turtle_prologue",
           "sparql_prologue"]
