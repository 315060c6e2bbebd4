"""Reduced passives of giving or making information credit their agent when it is a named
person or organisation. The sentences are invented for these tests."""
from __future__ import annotations

import pytest

from medialit.sourcing import tag


@pytest.mark.parametrize("text, source", [
    ("Twelve priorities identified by the Energy Agency include cheaper batteries.", "the Energy Agency"),
    ("A table compiled by Statistics Norway shows 4,000 new homes.", "Statistics Norway"),
    ("The estimate, calculated by the Port Authority, puts the loss at $2 million.", "the Port Authority"),
])
def test_an_information_participle_with_a_named_agent_is_named(text, source):
    t = tag(text)[0]
    assert (t.sourcing, t.source, t.uncertain) == ("named", source, False)
    assert "the agent of" in t.reason and t.cues


def test_used_by_an_office_is_named_and_uncertain():
    t = tag("Reporters took a street value used by the Lakeview County sheriff's office in May.")[0]
    assert (t.sourcing, t.source, t.uncertain) == ("named", "the Lakeview County sheriff's office", True)


@pytest.mark.parametrize("text", [
    "Fuel prices jumped amid shortages caused by Northern Shipping strikes.",   # cause, not information
    "The report was published by a small firm in May.",                        # the agent is not named
    "Maps published by the dozen filled the shelves.",                          # not a person or organisation
])
def test_other_agents_give_no_source(text):
    assert tag(text)[0].sourcing == "unattributed"
