"""Shared fixtures: the asserted graph (ontology + data) as rdflib and the project root."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

ROOT = Path(__file__).resolve().parent.parent


def _load_asserted() -> rdflib.Graph:
    g = rdflib.Graph()
    for folder in ("ontology", "data"):
        for path in sorted((ROOT / folder).rglob("*.ttl")):
            g.parse(path, format="turtle")
    return g


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def asserted() -> rdflib.Graph:
    """Ontology + data as written in the repository (no inference)."""
    return _load_asserted()
