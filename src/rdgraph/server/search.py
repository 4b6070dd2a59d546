"""Search over the things of the graph: labels, alternative labels and descriptions in both languages.

Built once at start (the graph never changes while the server runs). Matching is accent- and
case-insensitive ("fryslan" finds "Fryslân") and by word prefix ("crimi" finds "criminaliteit");
every query word must match somewhere. Ranking: a whole-label match, then a label that starts with
the query, then words of a label, then alternative labels, then descriptions; things of the main
classes (deals, opgaven, interventions, ...) before documents and sources.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pyoxigraph as ox

from ..namespaces import DCTERMS, DEF, ID
from .graph_view import RDF_TYPE, RDFS, SKOS, GraphView

DCT = str(DCTERMS)
LABELS = (RDFS + "label", SKOS + "prefLabel")
ALT = (SKOS + "altLabel", SKOS + "hiddenLabel", DCT + "title")
DESCRIPTIONS = (SKOS + "definition", DCT + "description", RDFS + "comment", DEF + "areaDescription")
CLASS_BOOST = {DEF + c: b for c, b in (("RegioDeal", 30), ("Opgave", 28), ("Domain", 26), ("Intervention", 24),
                                       ("Province", 22), ("Tranche", 22), ("Ministry", 20), ("Programme", 16),
                                       ("EvaluationDocument", 12), ("FeedbackEvent", 10), ("Finding", 8))}
WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case without accents: the form both the index and the query are compared in."""
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).casefold()


@dataclass
class Entry:
    iri: str
    labels: list[str]        # folded labels (both languages)
    label_words: set[str]
    alt_words: set[str]
    desc_words: set[str]
    boost: int


@dataclass
class Hit:
    iri: str
    score: int


class SearchIndex:
    def __init__(self, view: GraphView) -> None:
        store = view.store
        texts: dict[str, dict[str, list[str]]] = {}

        def add(props, kind):
            for p in props:
                for q in store.quads_for_pattern(None, ox.NamedNode(p), None, None):
                    s = q.subject
                    if isinstance(s, ox.NamedNode) and isinstance(q.object, ox.Literal) and s.value.startswith(ID):
                        texts.setdefault(s.value, {}).setdefault(kind, []).append(q.object.value)

        add(LABELS, "label")
        add(ALT, "alt")
        add(DESCRIPTIONS, "desc")
        self.entries: list[Entry] = []
        for iri, t in texts.items():
            types = {q.object.value for q in store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(RDF_TYPE),
                                                                     None, None)}
            labels = sorted({fold(x) for x in t.get("label", [])})
            self.entries.append(Entry(
                iri, labels, {w for x in labels for w in WORD.findall(x)},
                {w for x in t.get("alt", []) for w in WORD.findall(fold(x))},
                {w for x in t.get("desc", []) for w in WORD.findall(fold(x))},
                max((CLASS_BOOST.get(c, 0) for c in types), default=0)))

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        q = fold(query).strip()
        words = WORD.findall(q)[:12]
        if not words:
            return []
        hits = []
        for e in self.entries:
            score = 0
            for w in words:
                if any(x.startswith(w) for x in e.label_words):
                    score += 30 if w in e.label_words else 20
                elif any(x.startswith(w) for x in e.alt_words):
                    score += 12
                elif any(x.startswith(w) for x in e.desc_words):
                    score += 3
                else:
                    score = 0
                    break
            if not score:
                continue
            if q in e.labels:
                score += 200
            elif any(x.startswith(q) for x in e.labels):
                score += 100
            hits.append(Hit(e.iri, score + e.boost))
        hits.sort(key=lambda h: (-h.score, h.iri))
        return hits[:limit]


__all__ = ["Hit", "SearchIndex", "fold"]
