"""Quotations over several sentences and paragraphs, references back to a named source,
"per X", data with a named producer, and the main clause deciding (tracker issue, round
one). Every text here is invented for these tests."""
from __future__ import annotations

from medialit.quotes import find_quotes
from medialit.sourcing import tag


def test_attribution_after_the_quote_with_the_verb_first():
    named = tag('"We will not back down," said Maria Lopez, the union\'s president.')[0]
    anon = tag('"It is too early to tell," said one official.')[0]
    assert (named.sourcing, named.source) == ("named", "Maria Lopez")
    assert (anon.sourcing, anon.source) == ("anonymous", "one official")


def test_every_sentence_of_a_quotation_takes_its_speaker_when_he_stands_for_the_last_name():
    text = 'Mark Dunn, the plant manager, spoke at noon. "We lost power at six. Nobody was hurt. We will reopen Monday," he said.'
    tags = tag(text)
    assert [t.sourcing for t in tags] == ["unattributed", "named", "named", "named"]
    assert {t.source for t in tags[1:]} == {"Mark Dunn"}


def test_a_quotation_over_several_paragraphs_carries_the_speaker_back():
    text = ("Jane Roe, a teacher, spoke first.\n\n“We have waited years for this. The money never came.\n\n"
            "“Now it has, and we will spend it well,” she said.")
    quotes = find_quotes(text)
    assert [q.speaker for q in quotes] == ["Jane Roe", "Jane Roe"]
    assert quotes[0].resolution == "continuation" and not quotes[0].closed
    assert [t.sourcing for t in tag(text)] == ["unattributed", "named", "named", "named"]


def test_a_pronoun_says_what_it_refers_back_to_and_where():
    tags = tag("Acme Corp said profits rose 5%. The company also said it would hire 200 workers. "
               "It added that prices would hold.")
    assert [t.sourcing for t in tags] == ["named", "named", "named"]
    assert "'Acme Corp' (sentence 1)" in tags[1].reason
    assert "'It' refers back to 'The company' (sentence 2)" in tags[2].reason


def test_per_a_named_source_is_an_attribution_but_per_a_unit_is_not():
    t = tag("Deaths rose 4% last year, per the CDC.")[0]
    assert (t.sourcing, t.source, t.cues) == ("named", "the CDC", ("per the CDC",))
    assert tag("Diesel cost $1.90 per litre in May.")[0].sourcing == "unattributed"
    assert tag("Unemployment fell to 5 per cent.")[0].sourcing == "unattributed"


def test_data_from_a_named_producer_is_named_by_the_producer():
    t = tag("Admissions fell, according to figures from the state health department.")[0]
    assert t.sourcing == "named" and "the state health department" in t.reason
    assert tag("Admissions fell, according to figures from March.")[0].sourcing == "anonymous"


def test_the_main_clause_decides_not_a_clause_after_though():
    t = tag("Acme Corp posted its results. Sales fell 4% in March, though the company said April looked better.")[1]
    assert t.sourcing == "unattributed" and "main clause" in t.reason


def test_an_anonymity_clause_inside_the_subject_keeps_it_anonymous():
    t = tag("Officials, who spoke on condition of anonymity, said the talks failed.")[0]
    assert (t.sourcing, t.source) == ("anonymous", "Officials")


def test_list_lines_are_not_claims_outside_an_interview():
    assert {t.sourcing for t in tag("Tesla: shares up 3%\nFord: shares down 1%")} == {"not_a_claim"}


def test_the_person_noun_refers_back_to_an_unnamed_mention_and_stays_anonymous():
    text = 'A nurse at the clinic told reporters the ward was full. "We had no beds. It was chaos," the nurse said.'
    tags = tag(text)
    assert [t.sourcing for t in tags] == ["anonymous", "anonymous", "anonymous"]
    assert "never named" in tags[-1].reason


def test_the_person_noun_after_a_named_mention_is_named():
    tags = tag("A nurse, Ann Lee, told reporters the ward was full. The nurse said it was chaos.")
    assert [t.sourcing for t in tags] == ["named", "named"]
