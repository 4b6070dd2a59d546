"""Totals that reconcile: the same money and the same things counted by different tables add up.

The expected figures are the report's (Bijlage A and B) or follow from the public records by hand; see
tests/golden/ for the per-query answers and how they were derived.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

import rdgraph


@pytest.fixture(scope="module")
def kg():
    return rdgraph.load()


def test_money_per_province_split_adds_up_to_the_national_total(kg):
    per_tranche = kg.query("money-per-tranche")
    per_province = kg.query("money-per-province")
    for col in ("low", "high"):
        national = sum(Decimal(str(r[f"total_eur_{col}"])) for r in per_tranche)
        split = sum(Decimal(str(r[f"total_eur_{col}_split"])) for r in per_province)
        assert abs(national - split) < Decimal("1"), (col, national, split)  # shares rounded to the cent
    # the low national total is the sum of tranches 1-6 stated in the public records: 1717.6 M EUR
    assert sum(Decimal(str(r["total_eur_low"])) for r in per_tranche) == Decimal("1717600000")


def test_every_deal_is_in_a_province_row_or_listed_without_one(kg):
    all_deals = {r["d"] for r in kg.sparql(
        "SELECT ?d WHERE { ?d a <https://w3id.org/rdgraph/def/regiodeals#RegioDeal> }")}
    without = {r["deal"] for r in kg.query("deals-without-province")}
    with_province = {r["d"] for r in kg.sparql(
        "SELECT DISTINCT ?d WHERE { ?d <https://w3id.org/rdgraph/def/regiodeals#province> ?p }")}
    assert without | with_province == all_deals and not (without & with_province)
    assert len(all_deals) == 80 and len(without) == 29


def test_evaluation_documents_per_tranche_are_bijlage_b(kg):
    per = Counter(r["tranche"] for r in kg.query("evaluaties"))
    assert dict(per) == {1: 3, 2: 13, 3: 14}
    assert len({r["document"] for r in kg.query("evaluaties")}) == 30


def test_findings_are_36_one_row_each(kg):
    rows = list(kg.query("bevindingen", lang="en"))
    assert len(rows) == len({r["finding"] for r in rows}) == 36
    assert all(r["findingLabel"] for r in rows)
