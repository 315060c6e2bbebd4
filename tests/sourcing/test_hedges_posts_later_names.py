"""Round three of the real-news issue: modal perfects and "claimed responsibility" as
hedges, social-media posts as speakers, data credited after a dash, and a source named
later in the article. Every text here is invented for these tests."""
from __future__ import annotations

import pytest

from medialit.quotes import find_quotes
from medialit.sourcing import tag


def last(text: str):
    return tag(text)[-1]


# --- hedges: uncertainty about what happened ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Investigators say the blaze may have started in a storeroom.",
    "The bridge may well have been weakened by the floods.",
    "The ferry may not have carried enough life jackets.",
])
def test_a_modal_perfect_about_a_past_event_hedges(text):
    assert last(text).hedged, last(text).hedges


@pytest.mark.parametrize("text", [
    "The bakery may have to close next spring.",          # obligation about the future
    "Rents may rise again in the autumn.",                 # a forecast
    "Nobody has explained the loans that she may have taken out.",  # possible things, not the claim
    "With more rain the two farms might have merged.",    # counterfactual "might have"
])
def test_forecasts_obligations_and_possible_things_do_not_hedge(text):
    assert not last(text).hedged, last(text).hedges


def test_claimed_responsibility_hedges_but_not_when_negated():
    t = last("A militant group claimed responsibility for the roadside bomb.")
    assert t.hedged and t.hedges == ("claimed",)
    assert not last("No group has claimed responsibility for the roadside bomb.").hedged
    assert not last("The rebels did not claim responsibility for the raid.").hedged
    assert not last("The flood claimed the lives of nine people.").hedged


def test_claim_objects_come_from_the_table():
    text = "The striker claimed victory after the race."
    assert not tag(text)[-1].hedged
    assert tag(text, rules={"claim_objects": ["victory"]})[-1].hedged


# --- social-media posts as speakers --------------------------------------------------------

@pytest.mark.parametrize("text,label", [
    ("A post on X claimed that the ferry had sunk.", "anonymous"),
    ("A viral video said the dam had burst.", "anonymous"),
    ("Councillor Mia Berg's post claimed that the pool would close.", "named"),
    ("A post by the Harbour Trust said the pier would reopen.", "named"),
])
def test_a_post_speaks_for_its_author(text, label):
    t = last(text)
    assert t.sourcing == label, t.reason
    assert "wrote it" in t.reason


def test_a_definite_post_without_an_author_is_anonymous_and_uncertain():
    t = last("While the tweet shown above claimed that the dam had burst, the council denied it.")
    assert (t.sourcing, t.uncertain) == ("anonymous", True), t.reason
    assert "may point back" in t.reason


def test_posts_come_from_the_table():
    text = "A leaflet claimed that the pool would close."
    assert last(text).sourcing != "anonymous"
    assert tag(text, rules={"posts": ["leaflet"]})[-1].sourcing == "anonymous"


# --- a participle of saying after the main clause takes the sentence's subject -----------

@pytest.mark.parametrize("text,label,source", [
    ("Critics went online to complain, claiming that the fees were hidden.", "anonymous", "Critics"),
    ("Some parents wrote to the school, claiming that the test had leaked.", "anonymous", "Some parents"),
    ("The Water Board raised its rates, saying that repairs were overdue.", "named", "The Water Board"),
])
def test_a_participle_of_saying_after_a_comma_is_the_subjects(text, label, source):
    t = last(text)
    assert (t.sourcing, t.source) == (label, source), t.reason
    assert t.hedged == ("claiming" in text)


def test_a_participle_after_a_subject_that_is_no_source_gives_no_attribution():
    t = last("Prices rose all week, claiming that nothing had changed.")
    assert t.sourcing == "unattributed" and t.source is None, t.reason


# --- a source identified later in the article (issue item 9) ------------------------------

LATER = ("A spokeswoman said the mill would reopen in May. Output fell by a third last year. "
         "The spokeswoman, Ruth Amsel, added that no jobs would be cut. "
         "“We have orders until autumn,” the spokeswoman said.")


def test_an_unnamed_source_identified_later_is_named_and_says_where():
    tags = [t for t in tag(LATER)]
    first = tags[0]
    assert (first.sourcing, first.source) == ("named", "Ruth Amsel"), first.reason
    assert "identified later" in first.reason and "sentence 3" in first.reason


def test_the_definite_mentions_after_it_are_named_and_the_quotation_agrees():
    last_tag = tag(LATER)[-1]
    assert last_tag.sourcing == "named" and "refers back to 'A spokeswoman' (sentence 1)" in last_tag.reason
    quote = find_quotes(LATER)[-1]
    assert quote.speaker == "the spokeswoman" and quote.speaker_label == "named"


def test_another_unnamed_mention_in_between_blocks_the_identification():
    text = ("A spokeswoman said the mill would reopen. A spokeswoman at the port said ships were late. "
            "The spokeswoman, Ruth Amsel, added that no jobs would be cut.")
    assert tag(text)[0].sourcing == "anonymous"


def test_an_official_with_no_later_name_stays_anonymous():
    text = "A regional water official says the lake will be full by June. The official expects rain."
    assert tag(text)[0].sourcing == "anonymous"
    text = "A regional water official says the lake will be full by June. The official, Tom Reyes, runs the district."
    assert tag(text)[0].sourcing == "named"


# --- a quotation's speaker label agrees with its sentence --------------------------------

@pytest.mark.parametrize("text,label", [
    ("A nurse said the ward was full. “We have no beds,” the nurse said.", "anonymous"),
    ("A nurse said the ward was full. The nurse, Ida Kim, works nights. “We have no beds,” the nurse said.", "named"),
    ("Ida Kim, a nurse, said the ward was full. “We have no beds,” the nurse said.", "named"),
])
def test_the_speaker_label_of_the_quotation_matches_the_sentence(text, label):
    quote = find_quotes(text)[-1]
    sentence = tag(text)[-1]
    assert quote.speaker == "the nurse"
    assert quote.speaker_label == sentence.sourcing == label, sentence.reason


# --- a data producer after a dash-enclosed aside -----------------------------------------

def test_data_credited_after_a_dash_aside_name_their_producer():
    t = last("Here are the latest figures on hospital stays — adults and children — from the State Health Department.")
    assert (t.sourcing, t.source) == ("named", "the State Health Department"), t.reason


@pytest.mark.parametrize("text", [
    "Here are the latest figures on hospital stays — adults and children — from March.",
    "The roads — all of them — were closed from Monday.",
])
def test_a_dash_aside_without_a_producer_gives_no_source(text):
    assert last(text).sourcing == "unattributed", last(text).reason
