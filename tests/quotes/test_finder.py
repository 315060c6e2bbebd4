"""Direct quotations: marks, nesting, unclosed quotes, speakers, verbs and kinds."""
from __future__ import annotations


import pytest

from medialit.quotes import find_quotes, transcript_labels

from helpers import seed_text



def one(text: str, **kw):
    quotes = find_quotes(text, **kw)
    assert len(quotes) == 1, quotes
    return quotes[0]


# --- every direct quotation in the seeds, with speaker, verb and kind --------------------
# (article, first words of the quoted text, speaker, verb, kind)
SEED_QUOTES = [
    ("000", "Higher Sense of Crisis", None, None, "speech"),
    ("000", "become a strain on US policy", "US Secretary of State Mike Pompeo", "announced", "speech"),
    ("000", "his authority", None, None, "phrase"),
    ("001", "We believe these to be those first couple", "the official", "said", "speech"),
    ("001", "divide the national armed forces", "Maduro", "said", "speech"),
    ("001", "an option", "Trump", "stated", "phrase"),
    ("002", "We believe these to be those first couple", "One of the officials accepting US offer", "said", "speech"),
    ("002", "secondary", None, None, "phrase"),
    ("002", "Loyal always, traitors never.", None, None, "speech"),
    ("003", "security threat", "Current and former officials", "told", "phrase"),
    ("003", "interim president.", None, None, "phrase"),
    ("003", "We are not seduced by lies", "Maduro", "said", "speech"),
    ("003", "We have been attentive", "Maduro", "added", "speech"),
    ("003", "peaceful settlement of any dispute", "Venezuelan ambassador to the United Nations Samuel Moncada", "called for", "speech"),
    ("003", "Sadly, these agreements were wasted", "Moncada", "said", "speech"),
    ("004", "security threats", "The New York Times", "said", "phrase"),
    ("004", "Clearly, they want to really try", "Sabatini", "said", "speech"),
    ("004", "This is also an opportunity", "Sabatini", "adding", "speech"),
    ("004", "Whereas the previous administration", "Gonzalez", "said", "speech"),
    ("004", "We need to reassess everything", "former Fox Business host Trish Regan", "tweeted", "speech"),
    ("004", "It’s not just US officials", "Regan", "added", "speech"),
    ("004", "may get crushed in the name of realpolitik", "Sabatini", "added", "speech"),
    ("004", "That would be tragic", "Sabatini", "added", "speech"),
]


def test_every_seed_quotation_is_found_with_its_speaker_verb_and_kind():
    found = {aid: find_quotes(seed_text(aid)) for aid in ("000", "001", "002", "003", "004")}
    for aid, start, speaker, verb, kind in SEED_QUOTES:
        matches = [q for q in found[aid] if q.content.startswith(start)]
        assert len(matches) == 1, (aid, start, [q.content[:30] for q in found[aid]])
        q = matches[0]
        assert (q.speaker, q.verb, q.kind) == (speaker, verb, kind), (aid, start)
    # nothing else: the list above is every quotation (boilerplate lines are skipped)
    for aid, quotes in found.items():
        assert len(quotes) == sum(1 for a, *_ in SEED_QUOTES if a == aid), aid


def test_seed_quotes_offsets_point_at_the_marks_and_the_content():
    for aid in ("000", "001", "002", "003", "004"):
        text = seed_text(aid)
        for q in find_quotes(text):
            assert text[q.start:q.end] == q.text
            assert text[q.content_start:q.content_end] == q.content
            assert q.text[0] in "\"'“‘«"
            if q.speaker_span:
                assert text[q.speaker_span[0]:q.speaker_span[1]] == q.speaker


def test_quotes_inside_related_headlines_are_skipped_as_boilerplate():
    contents = [q.content for q in find_quotes(seed_text("003"))]
    assert not any("Not Justified" in c for c in contents)
    assert not any("Severely" in q.content for q in find_quotes(seed_text("000")))


# --- marks and pairing ---------------------------------------------------------------------

def test_straight_double_quotes_before_the_attribution():
    q = one('"The bridge is unsafe," the engineer said on Monday.')
    assert (q.content, q.speaker, q.verb, q.resolution) == ("The bridge is unsafe,", "the engineer", "said", "after")


def test_inverted_attribution_after_the_quote():
    q = one("“It was terrifying,” said Maria Lopez, who lives nearby.")
    assert q.speaker == "Maria Lopez" and q.verb == "said"


def test_colon_introduces_a_quote():
    q = one("The mayor added: “We will rebuild.”")
    assert (q.speaker, q.verb, q.resolution) == ("The mayor", "added", "before")


def test_apostrophes_are_not_quotes():
    assert find_quotes("It’s the city’s plan, and the workers’ union doesn't like it.") == []
    assert find_quotes("It's the '90s all over again, rock 'n' roll.") == []


def test_single_quotes_that_clearly_quote_are_kept():
    q = one("The minister called the report 'a disgrace' on Monday.")
    assert q.content == "a disgrace" and q.kind == "phrase"


def test_nested_quote_is_reported_inside_the_outer_quote():
    text = "“He told me ‘never again’ and walked out,” Ms. Rivera said."
    outer, inner = find_quotes(text)
    assert outer.depth == 0 and inner.depth == 1
    assert outer.start < inner.start < inner.end < outer.end
    assert inner.content == "never again"
    assert outer.speaker == "Ms. Rivera"


def test_quote_spanning_sentences_is_one_quotation():
    q = one("“We tried. We failed. We will try again,” the coach said.")
    assert q.content.count(".") == 2 and q.speaker == "the coach"


def test_unclosed_quote_is_reported_as_not_closed_and_ends_with_its_paragraph():
    text = "“We will never give up, the leader told the crowd.\n\nThe rally ended at noon."
    q = one(text)
    assert q.closed is False
    assert q.end == text.index("\n")


def test_multi_paragraph_quotation_continues_with_the_same_speaker():
    text = ("“The first thing is safety,” the chief said. “We are checking every building.\n\n"
            "“Then we will talk about rebuilding.”")
    quotes = find_quotes(text)
    assert [q.closed for q in quotes] == [True, False, True]
    assert [q.speaker for q in quotes] == ["the chief"] * 3


# --- speakers ---------------------------------------------------------------------------------

def test_pronoun_speaker_is_resolved_to_the_last_named_speaker():
    text = "“Prices will fall,” Ana Ortiz said. “Not this year, though,” she added."
    a, b = find_quotes(text)
    assert b.speaker == "Ana Ortiz" and b.pronoun == "she" and b.resolution == "pronoun"
    assert b.speaker_span == a.speaker_span


def test_said_adding_gives_the_second_quote_to_the_same_speaker():
    text = "“We are ready,” Kim said, adding: “The vote is next week.”"
    a, b = find_quotes(text)
    assert (a.speaker, b.speaker, b.verb) == ("Kim", "Kim", "adding")


def test_tweeted_before_the_quote():
    q = one("On Sunday, Senator Tom Reed tweeted, “This deal is dead.”")
    assert (q.speaker, q.verb) == ("Senator Tom Reed", "tweeted")


def test_partial_quote_in_a_reported_clause_takes_the_sentence_speaker():
    q = one("The governor said the storm was “the worst in a century” and urged calm.")
    assert (q.speaker, q.verb, q.kind, q.resolution) == ("The governor", "said", "speech", "sentence")


def test_anonymous_speaker_is_marked_anonymous():
    q = one("“We expect more defections,” the official said.")
    assert q.speaker_label == "anonymous"


def test_scare_quotes_without_a_verb_are_phrases_with_no_speaker():
    q = one("The so-called “peace plan” was never published.")
    assert (q.kind, q.speaker, q.verb) == ("phrase", None, None)


def test_transcript_answers_take_the_labelled_speaker():
    text = "Host: What went wrong?\n\nJo Smith: As I said, “mistakes were made on all sides.”"
    q = one(text)
    assert q.speaker in {"Jo Smith"}
    assert transcript_labels(text) == {0: ("Host", (0, 4)), 24: ("Jo Smith", (24, 32))}


def test_verb_note_comes_from_the_rules_table():
    claimed = one("“The vote was rigged,” the candidate claimed.")
    said = one("“The vote was fair,” the judge said.")
    assert "doubt" in claimed.verb_note
    assert "neutral" in said.verb_note


def test_extra_reporting_verb_from_a_teacher_changes_the_result():
    text = "“We will win,” the coach bellowed."
    assert one(text).speaker is None
    rules = {"verb": [{"lemma": "bellow", "forms": ["bellowed"], "stance": "emphasis", "note": "emphasis: loud"}]}
    q = one(text, rules=rules)
    assert (q.speaker, q.verb, q.verb_note) == ("the coach", "bellowed", "emphasis: loud")


def test_quote_to_dict_is_json_friendly():
    import json
    d = one("“Yes,” he said.").to_dict()
    json.dumps(d)
    assert {"start", "end", "text", "speaker", "verb", "kind", "closed"} <= set(d)


def test_non_text_input_is_a_clear_error():
    with pytest.raises(TypeError, match="str"):
        find_quotes(None)  # type: ignore[arg-type]


# --- pronouns after a sentence attribution, and quoted labels ------------------------------

def test_pronoun_after_a_named_attribution_in_the_previous_sentence_takes_that_name():
    text = ("Amira Hossain, a parent, said the fare rise was unfair. "
            "“Nobody wants to pay more,” she said.")
    q = one(text)
    assert (q.speaker, q.resolution, q.pronoun) == ("Amira Hossain", "pronoun", "she")
    assert text[q.speaker_span[0]:q.speaker_span[1]] == "Amira Hossain"


def test_a_sentence_attribution_after_the_last_quote_wins_over_the_older_speaker():
    text = ("“The line will open in May,” said transport chief Omar Haddad. "
            "Council member Lina Berg said the timetable was unrealistic. "
            "“Nobody believes that date,” she said.")
    assert [q.speaker for q in find_quotes(text)] == ["transport chief Omar Haddad", "Council member Lina Berg"]


def test_he_or_she_skips_an_unnamed_group_and_keeps_the_last_speaker():
    text = ("“We are ready,” said fire chief Dana Cole. Residents said the smoke was thick. "
            "“Stay indoors,” she said.")
    assert find_quotes(text)[-1].speaker == "fire chief Dana Cole"
    they = "Residents said the water was brown. “We cannot drink it,” they said."
    assert one(they).speaker == "Residents"


@pytest.mark.parametrize("text, speaker, verb", [
    ("Councillor Dan Ortiz called the vote “a tax on the poor”.", "Councillor Dan Ortiz", "called"),
    ("The governor described the plan as “reckless and cruel”.", "The governor", "described"),
    ("Union leader Sam Reyes dismissed the offer as “an insult to every worker here”.", "Union leader Sam Reyes", "dismissed"),
])
def test_a_quoted_label_is_a_phrase_credited_to_the_subject(text, speaker, verb):
    q = one(text)
    assert (q.kind, q.speaker, q.verb) == ("phrase", speaker, verb)
    assert q.verb_note and "speaker" in q.verb_note
