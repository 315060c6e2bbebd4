"""Tests for medialit.text.split: sentence splitting and word tokens with exact offsets.

SPLIT_CASES is our own table of sentence-boundary cases, one row per phenomenon that
news text throws at a splitter. bench/bench_text.py reuses it to compare medialit's
splitter with nltk Punkt and pysbd, so keep it a plain list of (id, text, expected).
"""
from __future__ import annotations


import pytest

import medialit.text.split as text_module
from medialit.text import Span, sentences, words

from helpers import SEED_FILES

SPLIT_CASES: list[tuple[str, str, list[str]]] = [
    # Plain sentence ends.
    ("full_stop", "The talks began. They ended late.", ["The talks began.", "They ended late."]),
    ("question", "Who paid for it? Nobody knows.", ["Who paid for it?", "Nobody knows."]),
    ("exclamation", "It worked! The crowd cheered.", ["It worked!", "The crowd cheered."]),
    ("double_exclamation", "Stop!! We need to talk.", ["Stop!!", "We need to talk."]),
    ("interrobang", "You sold it?! That was ours.", ["You sold it?!", "That was ours."]),
    ("double_question", "Really?? Are you sure?", ["Really??", "Are you sure?"]),
    ("exclamation_inside_name", "He joined Jeopardy! as a writer in May.",
     ["He joined Jeopardy! as a writer in May."]),
    # Titles and other abbreviations that never end a sentence.
    ("title_mr", "Mr. Lopez met Mrs. Ortega and Dr. Chen.", ["Mr. Lopez met Mrs. Ortega and Dr. Chen."]),
    ("military_and_political_titles", "Gen. Padrino spoke after Sen. Rubio and Gov. Abbott.",
     ["Gen. Padrino spoke after Sen. Rubio and Gov. Abbott."]),
    ("title_rep_prof", "Rep. Diaz asked Prof. Wu a question.", ["Rep. Diaz asked Prof. Wu a question."]),
    ("mount_and_saint", "Climbers left St. Moritz for Mt. Blanc.", ["Climbers left St. Moritz for Mt. Blanc."]),
    ("postpositive_street", "The shop on Elm st. near the bank closed.", ["The shop on Elm st. near the bank closed."]),
    ("latin_eg_ie", "Some allies, e.g. Colombia, agreed, i.e. most of them.",
     ["Some allies, e.g. Colombia, agreed, i.e. most of them."]),
    ("versus", "The case Smith vs. Jones was heard.", ["The case Smith vs. Jones was heard."]),
    ("number_sign", "Item No. 7 was sold.", ["Item No. 7 was sold."]),
    ("page", "The quote is on p. 12 of the report.", ["The quote is on p. 12 of the report."]),
    ("degree_sign_number", "It sits at N°. 22 on the list. Few knew.", ["It sits at N°. 22 on the list.", "Few knew."]),
    # Abbreviations that may or may not end the sentence.
    ("company_mid_sentence", "Shares of Acme Inc. rose on Monday.", ["Shares of Acme Inc. rose on Monday."]),
    ("company_end_then_pronoun", "The buyer was Acme Inc. It paid cash.", ["The buyer was Acme Inc.", "It paid cash."]),
    ("co_lowercase_end", "Ask Maria and co. They will know.", ["Ask Maria and co.", "They will know."]),
    ("ltd_mid_sentence", "Orinoco Ltd. said nothing.", ["Orinoco Ltd. said nothing."]),
    ("etc_end", "They sell oil, gold, etc. The list is long.", ["They sell oil, gold, etc.", "The list is long."]),
    ("month_before_day", "The vote is on Jan. 23 in Caracas.", ["The vote is on Jan. 23 in Caracas."]),
    ("month_sept", "Talks resumed in Sept. 2021 after a pause.", ["Talks resumed in Sept. 2021 after a pause."]),
    ("month_at_end", "The deal was signed in Feb. The terms were secret.",
     ["The deal was signed in Feb.", "The terms were secret."]),
    ("us_before_noun", "The U.S. Treasury froze the assets.", ["The U.S. Treasury froze the assets."]),
    ("us_before_lowercase", "She lived in the U.S. for a decade.", ["She lived in the U.S. for a decade."]),
    ("us_at_end", "He moved to the U.S. Why did he leave?", ["He moved to the U.S.", "Why did he leave?"]),
    ("un_at_end", "The motion went to the U.N. It failed.", ["The motion went to the U.N.", "It failed."]),
    ("usa_mid_sentence", "Made in the U.S.A. last spring.", ["Made in the U.S.A. last spring."]),
    ("uk_possessive", "The U.K.'s envoy left.", ["The U.K.'s envoy left."]),
    ("jr_possessive", "It is Martin Jr.'s car.", ["It is Martin Jr.'s car."]),
    # Initials.
    ("two_initials", "The memo was signed by J. R. Smith yesterday.", ["The memo was signed by J. R. Smith yesterday."]),
    ("middle_initial", "Harry S. Truman won in 1948.", ["Harry S. Truman won in 1948."]),
    ("pronoun_i_at_end", "The winner was not I. Did anyone check?", ["The winner was not I.", "Did anyone check?"]),
    ("middle_initial_i", "Ask Carlos I. Mendez about it.", ["Ask Carlos I. Mendez about it."]),
    ("letter_plan_b", "They had a Plan B. It failed too.", ["They had a Plan B.", "It failed too."]),
    # Numbers and money.
    ("decimal_money", "Oil cost $110.74 on Wednesday.", ["Oil cost $110.74 on Wednesday."]),
    ("money_at_end", "The bill came to $45.50. Nobody paid.", ["The bill came to $45.50.", "Nobody paid."]),
    ("billions", "Assets worth $2.5bn were seized. Guaido got part.", ["Assets worth $2.5bn were seized.", "Guaido got part."]),
    ("percent", "Output fell 3.5% in March. Prices rose.", ["Output fell 3.5% in March.", "Prices rose."]),
    ("year_at_end", "He took office in 2013. Protests followed.", ["He took office in 2013.", "Protests followed."]),
    ("number_then_number", "The count was 56. 12 more followed.", ["The count was 56.", "12 more followed."]),
    # Times of day.
    ("pm_then_pronoun", "The plane landed at 9 p.m. She was not on it.", ["The plane landed at 9 p.m.", "She was not on it."]),
    ("am_mid_sentence", "At 6 a.m. Ms. Rivera opened the office.", ["At 6 a.m. Ms. Rivera opened the office."]),
    ("pm_then_title", "Talks ended at 11 P.M. Mr. Ruiz left first.", ["Talks ended at 11 P.M.", "Mr. Ruiz left first."]),
    ("pm_then_zone", "It starts at 5 p.m. Eastern time.", ["It starts at 5 p.m. Eastern time."]),
    # Quotations.
    ("curly_quote_after_stop", "He said, “We will stay.” The envoy nodded.", ["He said, “We will stay.”", "The envoy nodded."]),
    ("straight_quote_after_stop", 'She wrote, "It is over." Nobody replied.', ['She wrote, "It is over."', "Nobody replied."]),
    ("quote_then_lowercase_attribution", "“We will stay.” he said.", ["“We will stay.” he said."]),
    ("single_quote_then_lowercase", "He said 'no more.' and walked off.", ["He said 'no more.' and walked off."]),
    ("quote_spans_two_sentences", "“We tried. It failed,” the minister said.", ["“We tried.", "It failed,” the minister said."]),
    ("quoted_question_then_speaker", "“Why now?” Lopez asked. Nobody answered.", ["“Why now?” Lopez asked.", "Nobody answered."]),
    ("quoted_question_then_verb", "“Why now?” asked Lopez.", ["“Why now?” asked Lopez."]),
    ("new_sentence_opens_with_quote", "He left. “It is done,” he said.", ["He left.", "“It is done,” he said."]),
    ("single_curly_quotes", "She called it ‘a farce.’ Others agreed.", ["She called it ‘a farce.’", "Others agreed."]),
    # Brackets and citation marks.
    ("parenthetical_sentence_inside", "He quit (He had served two terms.) in June.", ["He quit (He had served two terms.) in June."]),
    ("citation_mark", "The law passed in 2015.[3] It was contested.", ["The law passed in 2015.[3]", "It was contested."]),
    ("two_citation_marks", "Turnout was low.[4][5] Critics blamed the rain.", ["Turnout was low.[4][5]", "Critics blamed the rain."]),
    ("parenthesis_opens_sentence", "He left. (He came back in May.) Then he left again.",
     ["He left.", "(He came back in May.)", "Then he left again."]),
    # Ellipses.
    ("ellipsis_then_capital", "We waited... Nothing happened.", ["We waited...", "Nothing happened."]),
    ("ellipsis_char_then_capital", "We waited… Nothing happened.", ["We waited…", "Nothing happened."]),
    ("ellipsis_then_lowercase", "We waited ... and waited.", ["We waited ... and waited."]),
    ("spaced_ellipsis_mid_sentence", "The text says . . . nothing more.", ["The text says . . . nothing more."]),
    ("spaced_ellipsis_before_i", "I hoped . . . I do not know.", ["I hoped . . . I do not know."]),
    ("four_dots_attached", "It ended there.... A new era began.", ["It ended there....", "A new era began."]),
    ("four_spaced_dots", "It trails off . . . . Then silence.", ["It trails off . . . .", "Then silence."]),
    ("stop_then_spaced_ellipsis", "It ended there. . . . A new era began.", ["It ended there.", ". . . A new era began."]),
    ("bracketed_omission", "“The plan [...] failed” (Reuters).", ["“The plan [...] failed” (Reuters)."]),
    # Lists.
    ("numbered_dot_paren", "1.) Freeze assets 2.) Recall staff", ["1.) Freeze assets", "2.) Recall staff"]),
    ("numbered_paren", "1) Freeze assets. 2) Recall staff.", ["1) Freeze assets.", "2) Recall staff."]),
    ("numbered_dot", "1. Freeze assets 2. Recall staff 3. Wait", ["1. Freeze assets", "2. Recall staff", "3. Wait"]),
    ("lettered", "a. Freeze assets b. Recall staff", ["a. Freeze assets", "b. Recall staff"]),
    ("bulleted_numbers", "• 4. Freeze assets • 5. Recall staff", ["• 4. Freeze assets", "• 5. Recall staff"]),
    ("list_lines", "Demands:\n1. Free elections\n2. Aid access", ["Demands:", "1. Free elections", "2. Aid access"]),
    ("list_after_colon", "Two demands: 1. Free elections 2. Aid access",
     ["Two demands:", "1. Free elections", "2. Aid access"]),
    ("numbers_in_prose_are_not_a_list", "He won round 2. Then round 3. Later he quit.",
     ["He won round 2.", "Then round 3.", "Later he quit."]),
    # Addresses.
    ("email_at_end", "Write to desk@news.example.org. We reply fast.", ["Write to desk@news.example.org.", "We reply fast."]),
    ("url_at_end", "Read it at https://example.org/2019/02/us-venezuela.html. It is long.",
     ["Read it at https://example.org/2019/02/us-venezuela.html.", "It is long."]),
    ("bare_domain_mid_sentence", "See example.com for the full text.", ["See example.com for the full text."]),
    # Interview lines.
    ("speaker_labels", "Reporter: What happens next?\nAna Diaz: We wait. Then we vote.",
     ["Reporter: What happens next?", "Ana Diaz: We wait.", "Then we vote."]),
    ("speaker_label_after_unpunctuated_line", "Q&A with the envoy\nHost: Why go now?",
     ["Q&A with the envoy", "Host: Why go now?"]),
    # Line breaks.
    ("blank_line_ends_sentence", "Oil prices rose\n\nthe market fell", ["Oil prices rose", "the market fell"]),
    ("headline_line", "Envoys Fly to Caracas\nSenior officials met on Saturday.",
     ["Envoys Fly to Caracas", "Senior officials met on Saturday."]),
    ("byline_line", "By Staff Reporters\nThe meeting lasted an hour.", ["By Staff Reporters", "The meeting lasted an hour."]),
    ("wrapped_lowercase_continuation", "The sanctions were imposed\nlast month by Washington.",
     ["The sanctions were imposed\nlast month by Washington."]),
    ("wrapped_after_comma", "Officials met in Caracas,\nVenezuela, on Saturday.", ["Officials met in Caracas,\nVenezuela, on Saturday."]),
    ("wrapped_after_function_word", "The report was published by the\nNew York Times on Sunday.",
     ["The report was published by the\nNew York Times on Sunday."]),
    ("line_ending_in_stop", "The talks ended.\nNo deal was reached.", ["The talks ended.", "No deal was reached."]),
    # Degenerate input.
    ("one_line_no_punctuation", "oil prices are rising again", ["oil prices are rising again"]),
    ("trailing_spaces", "  One.   Two.  ", ["One.", "Two."]),
]


def _hard_wrapped(paragraph: str, width: int = 60) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(paragraph, width))


@pytest.mark.parametrize("case_id,text,expected", SPLIT_CASES, ids=[c[0] for c in SPLIT_CASES])
def test_split_case_table(case_id, text, expected):
    got = sentences(text)
    assert [s.text for s in got] == expected
    assert all(text[s.start:s.end] == s.text for s in got)


def test_case_table_ids_are_unique():
    ids = [c[0] for c in SPLIT_CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_offsets_are_exact_ordered_stripped_and_disjoint_on_every_seed(path):
    text = path.read_text(encoding="utf-8")
    spans = sentences(text)
    assert len(spans) > 10
    previous_end = 0
    for s in spans:
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= previous_end
        previous_end = s.end
    # Nothing but whitespace is lost between sentences.
    gaps = [text[a.end:b.start] for a, b in zip(spans, spans[1:])]
    assert all(not gap.strip() for gap in gaps)
    covered = "".join(s.text for s in spans)
    assert "".join(covered.split()) == "".join(text.split())


def test_seed_interview_speaker_labels_start_sentences():
    path = next(p for p in SEED_FILES if p.name.startswith("000"))
    spans = sentences(path.read_text(encoding="utf-8"))
    starts = [s.text for s in spans if s.text.startswith(("Sputnik:", "Jim Jatras:"))]
    assert len(starts) >= 6
    assert all("\n" not in s for s in starts)


def test_headline_line_is_its_own_sentence_in_every_seed():
    for path in SEED_FILES:
        text = path.read_text(encoding="utf-8")
        first_line = next(line.strip() for line in text.splitlines() if line.strip())
        assert sentences(text)[0].text == first_line, path.name


def test_realistic_news_paragraph():
    text = ("WASHINGTON (Reuters) - The U.S. Treasury on Friday imposed sanctions on "
            "Venezuela's state oil firm, Mr. Mnuchin said at 3 p.m. He did not take questions. "
            "\"We will use every tool,\" a senior official told reporters, adding that "
            "about $7bn in assets (roughly 2.5% of the total) were frozen. "
            "Is that enough? Critics, e.g. Sen. Smith of Fla., said no.")
    assert [s.text for s in sentences(text)] == [
        "WASHINGTON (Reuters) - The U.S. Treasury on Friday imposed sanctions on "
        "Venezuela's state oil firm, Mr. Mnuchin said at 3 p.m.",
        "He did not take questions.",
        "\"We will use every tool,\" a senior official told reporters, adding that "
        "about $7bn in assets (roughly 2.5% of the total) were frozen.",
        "Is that enough?",
        "Critics, e.g. Sen. Smith of Fla., said no.",
    ]


def test_hard_wrapped_text_keeps_sentences_across_line_breaks():
    paragraph = ("Senior officials from the State Department travelled to Caracas on Saturday "
                 "for talks with the government. The meeting, the first in years, was described "
                 "by Reuters as cordial but inconclusive. No agreement on oil was announced.")
    text = "Envoys in Caracas\n\n" + _hard_wrapped(paragraph) + "\n\n" + _hard_wrapped(paragraph)
    got = [" ".join(s.text.split()) for s in sentences(text)]
    expected = ["Senior officials from the State Department travelled to Caracas on Saturday "
                "for talks with the government.",
                "The meeting, the first in years, was described by Reuters as cordial but inconclusive.",
                "No agreement on oil was announced."]
    assert got == ["Envoys in Caracas"] + expected + expected


def test_unicode_quotes_and_nonbreaking_spaces():
    text = "«Basta», dijo.\u00a0“It’s over.”\u00a0‘Really?’ She left."
    got = [s.text for s in sentences(text)]
    assert got == ["«Basta», dijo.", "“It’s over.”", "‘Really?’", "She left."]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \n"])
def test_empty_or_blank_text_has_no_sentences(text):
    assert sentences(text) == []


def test_crlf_line_endings_keep_offsets():
    text = "Headline Here\r\n\r\nThe first sentence. The second one.\r\n"
    got = sentences(text)
    assert [s.text for s in got] == ["Headline Here", "The first sentence.", "The second one."]
    assert all(text[s.start:s.end] == s.text for s in got)


def test_skip_spans_are_left_out_and_act_as_boundaries():
    text = "Oil rose today READ MORE: Other story Prices fell. The end."
    boiler = text.index("READ MORE: Other story")
    skip = [Span(boiler, boiler + len("READ MORE: Other story"), "READ MORE: Other story")]
    got = [s.text for s in sentences(text, skip=skip)]
    assert got == ["Oil rose today", "Prices fell.", "The end."]


def test_skip_accepts_any_object_with_start_and_end_even_overlapping():
    class Line:
        def __init__(self, start, end):
            self.start, self.end = start, end

    text = "Keep this.\nDrop this line\nKeep that."
    a = text.index("Drop")
    got = [s.text for s in sentences(text, skip=[Line(a, a + 9), Line(a + 5, a + 14)])]
    assert got == ["Keep this.", "Keep that."]


def test_skip_with_bad_items_names_the_problem():
    with pytest.raises(TypeError, match="start and .end"):
        sentences("Some text.", skip=[(0, 4)])


def test_non_string_input_is_a_clear_error():
    with pytest.raises(TypeError, match="needs a str"):
        sentences(b"bytes are not text")
    with pytest.raises(TypeError, match="needs a str"):
        words(None)


def test_span_to_dict_round_trips():
    span = sentences("One. Two.")[1]
    assert span.to_dict() == {"start": 5, "end": 9, "text": "Two."}
    assert Span(**span.to_dict()) == span


def test_abbreviation_added_to_the_rules_table_is_honoured(monkeypatch):
    text = "Drive on Hwy. Nine today."
    assert len(sentences(text)) == 2  # "Hwy" is not in the shipped table
    table = {"never_final": {"words": ["Hwy."]}, "sentence_openers": {"words": ["The"]}}
    monkeypatch.setattr(text_module, "_rules", lambda: text_module._Rules(table))
    assert [s.text for s in sentences(text)] == ["Drive on Hwy. Nine today."]


def test_rules_file_lists_are_present_and_written_without_final_dots():
    rules = text_module._rules()
    for name in ("never_final", "before_number", "time", "ambiguous", "openers", "continuation", "reporting"):
        assert getattr(rules, name), name
    assert "Mr" in rules.never_final and "MR" in rules.never_final
    assert "Etc" in rules.ambiguous  # lower-case entries also match Capitalised forms


# ---------------------------------------------------------------------------------------
# words()


def test_words_keep_contractions_hyphens_and_abbreviations():
    text = "Mr. Guaidó’s self-proclaimed role didn't last; the U.S. paid $2.5bn (80%)."
    assert [w.text for w in words(text)] == [
        "Mr.", "Guaidó’s", "self-proclaimed", "role", "didn't", "last", "the", "U.S.", "paid", "$2.5bn", "80%"]


def test_words_drop_a_sentence_final_full_stop_but_keep_abbreviation_dots():
    assert [w.text for w in words("It ended. Gen. Lopez left.")] == ["It", "ended", "Gen.", "Lopez", "left"]


def test_words_keep_urls_emails_and_numbers_whole():
    text = "Mail desk@news.example.org or see https://example.org/a-b.html. It costs 1,000.50 in 2019-20."
    assert [w.text for w in words(text)] == [
        "Mail", "desk@news.example.org", "or", "see", "https://example.org/a-b.html", "It", "costs",
        "1,000.50", "in", "2019-20"]


def test_words_have_exact_offsets_on_every_seed():
    for path in SEED_FILES:
        text = path.read_text(encoding="utf-8")
        tokens = words(text)
        assert len(tokens) > 300
        assert all(text[w.start:w.end] == w.text for w in tokens)
        assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:]))


def test_words_of_punctuation_only_text_is_empty():
    assert words("... — !? “”") == []
    assert words("") == []


# ---------------------------------------------------------------------------------------
# Invariants on arbitrary input


_FUZZ_PIECES = ["U.S.", "Mr.", "a.m.", " ", "  ", "\n", "\n\n", ".", "...", "…", ". . .", "?", "!", "“",
                "”", '"', "'", "(", ")", "[1]", "1.", "2.)", "a.", "•", "⁃", "Jim:", "The", "word", "it",
                "$2.5bn", "x@y.com", "http://a.b/c", "\xa0", "\r\n", "No.", "I.", "Inc.", "e.g.", ":", ","]


def test_offsets_and_coverage_hold_on_random_jumbles_of_tricky_pieces():
    import random

    rng = random.Random(20240301)
    for _ in range(400):
        text = "".join(rng.choice(_FUZZ_PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(0, 40)))
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        spans = sentences(text, skip=[Span(a, b, text[a:b])])
        previous = 0
        for s in spans:
            assert text[s.start:s.end] == s.text and s.text == s.text.strip() and s.text
            assert s.start >= previous and (s.end <= a or s.start >= b or a == b)
            previous = s.end
        kept = {i for s in spans for i in range(s.start, s.end)} | set(range(a, b))
        assert all(ch.isspace() or i in kept for i, ch in enumerate(text)), repr(text)
        assert all(text[w.start:w.end] == w.text for w in words(text))


@pytest.mark.parametrize("text", ["!" * 100_000 + "x", "a." + "”" * 100_000 + "x", "." * 100_000 + "x",
                                  "A. " * 30_000, "1. A " * 20_000])
def test_long_runs_of_punctuation_take_linear_time(text):
    import time

    t0 = time.perf_counter()
    sentences(text)
    words(text)
    assert time.perf_counter() - t0 < 5  # a quadratic pattern would take minutes here
