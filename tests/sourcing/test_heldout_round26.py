"""Rounds 26-28 of the held-out sourcing articles (tests/fixtures/sourcing_heldout/d1-d9),
written and labelled by three helpers who never ran the tagger nor read its code, committed
before the tagger was run on them, and scored with the code as it stood after all earlier
rounds (the session's final code but for the rules below): d1-d3 0.907 (75 sentences), d4-d6
0.919 (74), d7-d9 0.857 (77); 0.894 together, anonymous precision 0.77, recall 0.96. The rules
below were then written from the errors that were general, each tested on sentences written here.
"""
from __future__ import annotations

import pytest

from helpers import one_claim as one


@pytest.mark.parametrize("text, source", [
    # the phrase after "told" is the listener, never an inverted speaker
    ('"We kept the channel open," the foreign minister, Lise Berg, told reporters in Oslo.', "the foreign minister"),
    ("Figures published last month by the labour ministry show wages rose 3%.",
     "Figures published last month by the labour ministry"),
    ("An independent evaluation of the trial by researchers at Marlow University found that the cameras erred.",
     "An independent evaluation of the trial by researchers at Marlow University"),
])
def test_round_26_forms_are_named(text, source):
    t = one(text)
    assert (t.sourcing, t.source) == ("named", source)
