"""medialit.framing on nltk: the concordance look-up (ConcordanceIndex), word counts (FreqDist),
collocations (BigramCollocationFinder), where terms fall, nltk.Text; and that none of it needs
nltk data."""
from __future__ import annotations

import importlib.util
import math
import re
import subprocess
import sys

import pytest

from medialit import framing
from medialit.corpus.document import Document
from medialit.framing.terms import _form_pattern, fold_accents, read_layers, inside_spans
from medialit.framing.tokens import TokenIndex

from helpers import ROOT


# ------------------------------------------------------------------ the concordance look-up
def _regex_spans(text, form):
    """What the loaded-term matcher (a regular expression per form) finds, boilerplate skipped."""
    plain, folded, skip, _ = read_layers(text, True)
    return [(m.start(), m.end()) for m in re.finditer(_form_pattern(form), folded, flags=re.IGNORECASE)
            if not inside_spans(m.start(), m.end(), skip)]


def test_the_nltk_lookup_finds_exactly_what_the_table_regex_finds_for_every_form_on_every_seed(seeds):
    forms = sorted({f for t in framing.load_rules().terms for f in t.forms} |
                   {"Guaido", "Maduro", "sanction*", "White House", "U.S.", "opposition leader", "the"})
    compared = 0
    for article in seeds:
        for form in forms:
            found = [(l.start, l.end) for l in framing.concordance(article.text, form)]
            assert found == _regex_spans(article.text, form), (article.id, form)
            compared += len(found)
    assert compared > 200          # the comparison covered many occurrences, not an empty list


def test_a_possessive_with_a_curly_apostrophe_is_found_by_its_straight_spelling(seeds):
    lines = framing.concordance(seeds["004"].text, "Maduro's")
    assert [l.match for l in lines][:1] == ["Maduro’s"] and len(lines) == 3


def test_a_name_is_found_inside_its_possessive_and_without_its_accent():
    lines = framing.concordance("He met Guaidó’s envoy and Guaido.", "guaido", skip_boilerplate=False)
    assert [l.match for l in lines] == ["Guaidó", "Guaido"]


def test_a_phrase_may_cross_a_hyphen_or_a_line_break_but_not_a_comma():
    text = "He seized control.\nThey seized\ncontrol. We seized, control."
    assert [l.match for l in framing.concordance(text, "seiz* control", skip_boilerplate=False)] == \
        ["seized control", "seized\ncontrol"]
    assert framing.concordance("a self-proclaimed leader", "self proclaimed", skip_boilerplate=False)[0].match == \
        "self-proclaimed"


def test_a_prefix_does_not_match_inside_another_word():
    assert [l.match for l in framing.concordance("Scripple crippled cripple.", "crippl*", skip_boilerplate=False)] == \
        ["crippled", "cripple"]


def test_every_concordance_offset_points_at_its_match_in_the_article(seeds):
    for article in seeds:
        for line in framing.concordance(article.text, "sanction*") + framing.concordance(article.text, "Maduro"):
            assert article.text[line.start:line.end] == line.match


def test_a_document_gives_the_same_lines_as_its_text_and_keeps_its_index(seeds):
    doc = Document(seeds["001"].text)
    assert framing.concordance(doc, "Guaido") == framing.concordance(seeds["001"].text, "Guaido")
    assert "framing.index" in doc.layers


def test_the_index_is_nltks_concordance_index():
    import nltk
    index = TokenIndex("Sanctions bite. New sanctions.")
    assert isinstance(index.index, nltk.ConcordanceIndex)
    assert index.index.offsets("sanctions") == [0, 4]


def test_a_query_of_only_punctuation_is_a_clear_error():
    with pytest.raises(ValueError, match="give a word"):
        framing.concordance("text", "*-")


def test_nltk_text_concordance_finds_a_name_with_or_without_its_accent(seeds, capsys):
    text = framing.nltk_text(seeds["004"])
    text.concordance("Guaido", width=60)
    out = capsys.readouterr().out
    assert "Displaying 2 of 2 matches" in out and "opposition figure , Juan Guaido , as president" in out
    assert text.name == "004"


# ------------------------------------------------------------------ no nltk data, no download
def test_nothing_in_the_kit_calls_nltk_download():
    for path in (ROOT / "medialit").rglob("*.py"):
        assert not re.search(r"nltk\.download\s*\(", path.read_text(encoding="utf-8")), path
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        assert not re.search(r"nltk\.download\s*\(", path.read_text(encoding="utf-8")), path


def test_the_framing_tools_run_with_no_nltk_data_path_at_all(tmp_path):
    code = ("import nltk; nltk.data.path[:] = []\n"
            "from medialit import framing\nfrom medialit.corpus import load_corpus\nc = load_corpus()\n"
            "print(len(framing.concordance(c['001'].text, 'Guaido')), len(framing.word_counts(c, top=3)),"
            " len(framing.collocations(c)), framing.nltk_text(c['003']).count('sanctions'))")
    env = {"NLTK_DATA": str(tmp_path), "PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "MPLBACKEND": "Agg"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["6", "15", "37", "4"]


def test_importing_framing_does_not_import_nltk_until_a_tool_is_used():
    code = "import sys, medialit.framing; print('nltk' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == "False"


# ------------------------------------------------------------------ word counts
def test_word_counts_leave_out_stopwords_and_keep_us_in_capitals_apart_from_the_pronoun():
    counts = framing.word_counts({"A": "The US told us. The U.S. sanctions and sanctions."}, top=5)
    assert [(c.word, c.count) for c in counts] == [("US", 2), ("sanctions", 2)]
    assert counts[0].words == 9 and math.isclose(counts[0].per_1000, 2000 / 9) and counts[0].rank == 1


def test_word_counts_skip_boilerplate_lines():
    text = "Officials said the talks failed.\nShare this article\nTalks resume."
    assert "share" not in [c.word for c in framing.word_counts({"A": text})]
    assert "share" in [c.word for c in framing.word_counts({"A": text}, skip_boilerplate=False)]


def test_word_counts_name_each_seed_and_its_outlet(seeds):
    counts = framing.word_counts(seeds, top=3)
    assert [c.article for c in counts] == [a for a in ("000", "001", "002", "003", "004") for _ in range(3)]
    assert counts[3].outlet == seeds["001"].outlet
    by = {(c.article, c.word): c.count for c in counts}
    assert by[("002", "maduro")] == len(framing.concordance(seeds["002"].text, "Maduro")) == 12


def test_a_teachers_stopword_file_is_used_and_a_broken_one_is_named(tmp_path):
    own = tmp_path / "my_stopwords.toml"
    own.write_text('function_words = ["the"]\nnews_words = ["sanctions"]\n', encoding="utf-8")
    assert [c.word for c in framing.word_counts({"A": "The sanctions bite."}, stopwords=own)] == ["bite"]
    bad = tmp_path / "bad_stopwords.toml"
    bad.write_text('function_words = "the"\n', encoding="utf-8")
    with pytest.raises(framing.RulesError, match=r"bad_stopwords\.toml, line 1: key 'function_words'"):
        framing.word_counts({"A": "x"}, stopwords=bad)


def test_the_packaged_stopwords_hold_no_word_a_framing_lesson_counts():
    stop = framing.load_stopwords()
    assert {"the", "of", "said", "us"} <= stop.words
    for word in ("sanctions", "regime", "government", "military", "president", "opposition", "new"):
        assert word not in stop, word


def test_word_counts_reject_a_bad_top():
    with pytest.raises(ValueError, match="top"):
        framing.word_counts({"A": "x"}, top=0)


# ------------------------------------------------------------------ collocations
def test_collocations_count_side_by_side_pairs_inside_a_sentence_only():
    text = "White House aides met. The White House said no. They went white. House prices rose."
    pairs = framing.collocations({"A": text}, min_count=2)
    assert [(c.words, c.count) for c in pairs] == [("white house", 2)]


def test_times_chance_is_observed_pairs_over_the_pairs_chance_would_give():
    text = "Crushing sanctions hurt. Crushing sanctions stay. Sanctions bite. Rain fell. Crushing heat."
    [c] = framing.collocations({"A": text})
    # 12 words; 'crushing' 3 times, 'sanctions' 3 times, the pair 2 times: 2 / (3 * 3 / 12) = 2.67
    assert (c.words, c.count, c.first_count, c.second_count) == ("crushing sanctions", 2, 3, 3)
    assert math.isclose(c.times_chance, 2.7)


def test_a_pair_with_a_stopword_is_not_a_collocation():
    assert framing.collocations({"A": "Sanctions on Venezuela. Sanctions on Venezuela."}) == []


def test_collocations_on_the_seeds_show_what_each_rewrite_repeats(seeds):
    found = framing.collocations(seeds)
    pairs = {a.id: [p.words for p in found if p.article == a.id] for a in seeds}
    assert "crushing sanctions" in pairs["003"]
    assert "trump administration" in pairs["002"] and "venezuelan military" in pairs["001"]


# ------------------------------------------------------------------ where terms fall
def test_the_first_word_is_at_position_0_and_the_last_at_1():
    positions = framing.term_positions({"A": "Regime words here and regime"}, ["regime"])
    assert [p.position for p in positions] == [0.0, 1.0]


def test_term_positions_default_to_the_loaded_terms_with_whose_voice(seeds):
    positions = framing.term_positions([seeds["004"]])
    assert [p.text for p in positions] == ["authoritarian", "seized control", "clung to power", "regime"]
    assert [p.quoted for p in positions] == [False, False, False, True]
    assert all(0 <= p.position <= 1 for p in positions)


def test_the_kit_imports_nltk_without_scipy_stats_and_leaves_scipy_importable():
    # scipy is not a dependency of the kit; where another package brought it in, it must
    # still import after the kit has loaded nltk without it
    has_scipy = importlib.util.find_spec("scipy") is not None
    code = ("import sys; from medialit.framing.tokens import load_nltk; nltk = load_nltk()\n"
            "print('scipy.stats' in sys.modules, nltk.FreqDist('aab').most_common(1))\n"
            + ("import scipy.stats; print(scipy.stats.norm.cdf(0))" if has_scipy else ""))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.split("\n")[:2] == (["False [('a', 2)]", "0.5"] if has_scipy else ["False [('a', 2)]", ""])
