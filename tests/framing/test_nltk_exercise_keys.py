"""The keys of the nltk exercises (Q6.9 in notebook 06, Q2.10 in notebook 02) agree with what the
kit's nltk tools find on the seeds, and each key passes its own check."""
from __future__ import annotations

from medialit import framing
from medialit.exercises import load_exercise_file
from medialit.exercises.checking import check, coerce
from medialit.framing.terms import _line_speaker

from helpers import ROOT

SIX = load_exercise_file(ROOT / "exercises" / "06_labels_and_framing.toml")
TWO = load_exercise_file(ROOT / "exercises" / "02_same_story_different_outlets.toml")


def test_q6_9_key_is_the_articles_where_overthrow_is_the_outlets_own_word(seeds):
    own, others = set(), set()
    for article in seeds:
        for line in framing.concordance(article.text, "overthrow*"):
            speaker = _line_speaker(article.text, line.start)
            (others if line.quoted or speaker else own).add(article.id)
    assert own == {"003", "004"} and others == {"000"}
    key = {choice[:3] for choice in SIX["q6.9"].source["answer"]}
    assert key == own
    # nltk's own Text finds the same three articles
    assert {a.id for a in seeds if framing.nltk_text(a).count("overthrow")} == own | others


def test_q6_9_names_the_interviewee_the_kit_finds(seeds):
    [line] = framing.concordance(seeds["000"].text, "overthrow")
    assert _line_speaker(seeds["000"].text, line.start) == "Jim Jatras"
    assert "Jim Jatras" in SIX["q6.9"].source["feedback"]["000 (Sputnik International)"]


def test_q6_9_feedback_on_001_and_002_matches_their_coup_lines(seeds):
    for article_id in ("001", "002"):
        assert framing.concordance(seeds[article_id].text, "overthrow*") == []
        [coup] = framing.concordance(seeds[article_id].text, "coup", width=60)
        assert "accus" in coup.left, article_id          # reported as Maduro's side's accusation


def test_q2_10_key_the_rewrites_share_their_top_words_and_pairs(seeds):
    rewrites = [seeds["001"], seeds["002"]]
    top = {a: {c.word for c in framing.word_counts([seeds[a]], top=12)} for a in ("001", "002")}
    assert {"maduro", "military", "sanctions", "guaido"} <= top["001"] & top["002"]
    pairs = {a: {c.words for c in framing.collocations([seeds[a]], 8)} for a in ("001", "002")}
    assert {"venezuelan military", "trump administration"} <= pairs["001"] & pairs["002"]
    # the framing differences of section 4 occur once each and so reach neither list
    for phrase, article, word in (("a handful of its allies", "001", "handful"),
                                  ("dozens of other countries", "002", "dozens"),
                                  ("self-proclaimed", "001", "self-proclaimed")):
        assert len(framing.concordance(seeds[article].text, phrase)) == 1
        assert word not in top[article]
    assert framing.word_counts(rewrites, top=1)[0].word == framing.word_counts(rewrites, top=1)[1].word == "maduro"


def test_q2_10_feedback_numbers_are_the_counts_the_table_shows(seeds):
    counts = {(c.article, c.word): c.count for c in framing.word_counts([seeds["001"], seeds["002"]], top=12)}
    message = TWO["q2.10"].source["feedback"][TWO["q2.10"].source["choices"][1]]
    for article, word in (("001", "military"), ("001", "sanctions"), ("002", "military"), ("002", "sanctions")):
        assert f"{article}: " in message and f"{word} {counts[(article, word)]}" in message


def test_the_keys_pass_their_own_checks():
    for ex in (SIX["q6.9"], TWO["q2.10"]):
        assert check(ex, coerce(ex, ex.source["answer"])).status == "correct", ex.id
    wrong = check(SIX["q6.9"], coerce(SIX["q6.9"], ["000 (Sputnik International)", "003 (Sputnik International)"]))
    assert wrong.status != "correct" and "Jim Jatras" in str(wrong)
