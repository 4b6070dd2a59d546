"""IRI parameters resolve (slug, label, altLabel, nl or en) or refuse with the closest matches (exit 2)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import rdgraph

ID = "https://w3id.org/rdgraph/id/"


@pytest.fixture(scope="module")
def kg():
    return rdgraph.load()


@pytest.mark.parametrize("value, iri", [
    ("stallenaanpak", "interventie/stallenaanpak"),                                  # the slug
    ("Twents Fonds voor Vakmanschap", "interventie/twents-fonds-voor-vakmanschap"),  # the Dutch label
    ("Twente Fund for Craftsmanship", "interventie/twents-fonds-voor-vakmanschap"),  # the English label
    ("twents fonds voor vakmanschap", "interventie/twents-fonds-voor-vakmanschap"),  # an altLabel, any case
    (ID + "interventie/stallenaanpak", "interventie/stallenaanpak"),                 # the IRI itself
])
def test_values_resolve(kg, value, iri):
    from rdgraph.resolve import resolve_iri

    assert resolve_iri(kg, "intervention", value, ID + "interventie/") == ID + iri


def test_an_opgave_by_its_english_label(kg):
    by_label = list(kg.query("interventies-per-opgave", opgave="Tackling crime", lang="en"))
    assert by_label and by_label == list(kg.query("interventies-per-opgave", opgave="9", lang="en"))


def test_feedbackpad_of_a_project_includes_its_pilot(kg):
    """The README's example: the Stallenaanpak's path is its pilot's four steps (3.4)."""
    rows = list(kg.query("feedbackpad", intervention="stallenaanpak"))
    assert [r["sequence"] for r in rows] == [1, 2, 3, 4]
    assert len(kg.query("feedbackpad")) == 12     # without a parameter each event once, under its own intervention


def test_no_match_is_an_error_with_the_closest(kg):
    with pytest.raises(rdgraph.ParameterError) as e:
        kg.query("feedbackpad", intervention="stalaanpak")
    assert "matches no slug, label or altLabel" in str(e.value)
    assert "stallenaanpak" in (e.value.hint or "")


def test_cli_refuses_with_exit_2():
    proc = subprocess.run([sys.executable, "-m", "rdgraph", "query", "interventies-per-opgave", "-p",
                           "opgave=criminaliteit"], capture_output=True, text=True)
    assert proc.returncode == 2 and "did you mean: 9 (" in proc.stderr and "Traceback" not in proc.stderr
