"""Round 8 of the held-out sourcing articles (tests/fixtures/sourcing_heldout/v*), written and
labelled by a different writer from rounds 1-7 in the forms news most often uses, committed
before the tagger was run on it. First score: accuracy 0.968 on 62 sentences, anonymous
precision 0.92, recall 0.92, hedge F1 0.500. One label was then changed to follow the devset's
labels, not the tagger ("Reportedly, ..." from unattributed to anonymous, hedged: the devset
labels "X reportedly laid off ..." so); with it the first score is 0.984. The rule below was
then written from its one hedge miss and tested on sentences written for this file.
"""
from __future__ import annotations

import pytest

from helpers import one_claim as one


@pytest.mark.parametrize("text", [
    "None of the videos could be independently verified.",
    "The agency said it was unable to independently confirm the casualty figures.",
    "Reporters were unable to verify the documents.",
])
def test_a_claim_the_writer_could_not_check_is_hedged(text):
    assert one(text).hedged


def test_independent_checking_that_was_done_is_not_a_hedge():
    assert not one("Two laboratories independently verified the result.").hedged
