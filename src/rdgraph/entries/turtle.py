"""Entry triples as the project's Turtle: :func:`rdgraph.turtle.to_turtle` (the one writer, the one prefix
table) with a deal before its interventions, amounts and attributions, and statements last."""

from __future__ import annotations

from collections.abc import Iterable

from .. import turtle
from ..namespaces import RDF, RDG
from .terms import Triple

SUBJECT_RANK = {RDG.RegioDeal: 0, RDG.Intervention: 1, RDG.FundingAmount: 2, RDG.ThemeAttribution: 3,
                RDF.Statement: 5}


def to_turtle(triples: Iterable[Triple], header: str = "") -> str:
    """Sorted, deterministic Turtle with the project's prefixes: the same triples give the same bytes."""
    return turtle.to_turtle(triples, header, rank=lambda types: min((SUBJECT_RANK.get(t, 4) for t in types),
                                                                    default=4))
