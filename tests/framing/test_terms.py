"""medialit.framing.terms: loaded terms from a rules table, labels around names, concordances."""
from __future__ import annotations

import subprocess
import sys

import pytest

from medialit import framing


def _terms(text, **kw):
    return [(t.text, t.category) for t in framing.find_loaded_terms(text, **kw)]


# ------------------------------------------------------------------ the rules table
def test_every_rules_row_says_why_and_where_it_comes_from():
    rules = framing.load_rules()
    assert len(rules.terms) >= 10
    for term in rules.terms:
        assert term.forms and term.neutral and term.why.strip(), term.term
        assert term.source.startswith(("seed", "style guides")), term.term


def test_a_teacher_can_add_a_term_without_touching_python(tmp_path):
    text = "The junta announced new elections."
    assert _terms(text, skip_boilerplate=False) == []
    extra = {"term": "junta", "forms": ["junta"], "category": "label", "neutral": ["military government"],
             "why": "A label with a judgement.", "source": "teacher"}
    rules = framing.load_rules(extra_terms=[extra])
    assert _terms(text, rules=rules, skip_boilerplate=False) == [("junta", "label")]
    own = tmp_path / "my_framing.toml"
    own.write_text('[[term]]\nterm = "junta"\nforms = ["junt*"]\ncategory = "label"\n'
                   'neutral = ["military government"]\nwhy = "x"\nsource = "teacher"\n', encoding="utf-8")
    hits = framing.find_loaded_terms("Two juntas ruled.", rules=framing.load_rules(own), skip_boilerplate=False)
    assert [h.text for h in hits] == ["juntas"]


def test_a_rules_file_with_a_missing_field_names_the_file_and_the_term(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[term]]\nterm = "junta"\nforms = ["junta"]\ncategory = "label"\nwhy = "x"\nsource = "y"\n',
                   encoding="utf-8")
    with pytest.raises(framing.RulesError, match=r"bad\.toml: term 'junta': missing field 'neutral'"):
        framing.load_rules(bad)


def test_a_rules_file_with_broken_toml_is_reported_with_its_name(tmp_path):
    bad = tmp_path / "broken.toml"
    bad.write_text("[[term]\n", encoding="utf-8")
    with pytest.raises(framing.RulesError, match=r"broken\.toml, line 1: invalid TOML near key 'term'"):
        framing.load_rules(bad)


# ------------------------------------------------------------------ loaded terms
def test_seized_control_is_flagged_with_took_power_as_the_plainer_wording(seeds):
    hits = [h for h in framing.find_loaded_terms(seeds["004"].text) if h.term.startswith("seized")]
    assert len(hits) == 1
    assert hits[0].text == "seized control" and "took power" in hits[0].neutral
    assert hits[0].category == "taking power" and not hits[0].quoted


def test_took_power_itself_is_not_flagged():
    assert _terms("Maduro took power in 2013.", skip_boilerplate=False) == []


def test_wildcard_forms_match_word_endings_but_not_inside_other_words():
    found = [h.text for h in framing.find_loaded_terms("Crippling sanctions crippled trade; a scrippled word.",
                                                        skip_boilerplate=False)]
    assert found == ["Crippling", "crippled"]


def test_a_hyphenated_term_matches_with_or_without_the_hyphen():
    for text in ("the self-proclaimed leader", "the self proclaimed leader"):
        assert [h.term for h in framing.find_loaded_terms(text, skip_boilerplate=False)] == ["self-proclaimed"]


def test_regime_inside_the_officials_quotation_is_marked_as_quoted(seeds):
    regime = [h for h in framing.find_loaded_terms(seeds["001"].text) if h.term == "regime"]
    assert len(regime) == 1 and regime[0].quoted
    own_voice = [h.text for h in framing.find_loaded_terms(seeds["001"].text) if not h.quoted]
    assert "self-proclaimed" in own_voice and "legitimately elected" in own_voice


def test_a_term_in_an_interview_answer_carries_the_speaker(seeds):
    regime = [h for h in framing.find_loaded_terms(seeds["000"].text) if h.term == "regime"]
    assert [h.speaker for h in regime] == ["Jim Jatras"]
    plain = framing.find_loaded_terms("Reporters wrote that the regime fell.", skip_boilerplate=False)
    assert plain[0].speaker is None


def test_both_state_funded_and_other_outlets_have_terms_in_their_own_voice(seeds):
    own = {a.id: {h.term for h in framing.find_loaded_terms(a.text) if not h.quoted and not h.speaker}
           for a in seeds}
    assert {"democratically elected", "crushing / crippling"} <= own["003"]
    assert {"authoritarian", "seized control / seized power", "clung to power"} <= own["004"]


def test_offsets_point_at_the_text_for_every_result(seeds):
    for a in seeds:
        for item in framing.find_loaded_terms(a.text) + framing.name_labels(a.text, "Maduro"):
            assert a.text[item.start:item.end] == item.text


def test_boilerplate_lines_are_skipped_unless_asked(seeds):
    text = seeds["000"].text   # its photo caption lines name "opposition leader Juan Guaido"
    with_bp = [l for l in framing.name_labels(text, "Guaido", skip_boilerplate=False) if l.label]
    without = [l for l in framing.name_labels(text, "Guaido") if l.label]
    assert len(with_bp) > len(without)


# ------------------------------------------------------------------ labels around names
def test_labels_for_guaido_differ_across_outlets(seeds):
    labels = {a.id: [l.label for l in framing.name_labels(a.text, "Guaido") if l.label] for a in seeds}
    assert labels["001"][0] == "self-proclaimed interim president"
    assert labels["002"] == ["opposition leader"]
    assert labels["004"] == ["a teenage opposition figure"]   # appositive before ", Juan Guaidó,"


def test_the_name_matches_without_its_accent_and_keeps_first_names(seeds):
    mention = framing.name_labels(seeds["004"].text, "Guaido")[0]
    assert mention.name == "Juan Guaidó"


def test_a_determiner_phrase_before_a_name_is_a_label():
    labels = framing.name_labels("Later, the legitimately elected Maduro criticised it.", "Maduro",
                                 skip_boilerplate=False)
    assert labels[0].label == "the legitimately elected"


def test_a_verb_before_a_name_is_not_a_label():
    for text, name in (("They tried to pressure Nicolas Maduro.", "Maduro"),
                       ("Officers are backing Guaido now.", "Guaido")):
        assert [l.label for l in framing.name_labels(text, name, skip_boilerplate=False)] == [""]


def test_titles_go_to_the_label_not_the_name():
    mention = framing.name_labels("He met President Nicolas Maduro.", "Maduro", skip_boilerplate=False)[0]
    assert (mention.label, mention.name) == ("President", "Nicolas Maduro")


def test_the_noun_a_name_qualifies_is_reported_as_its_head(seeds):
    heads = [l.head for l in framing.name_labels(seeds["001"].text, "Maduro") if l.head]
    assert "regime" in heads and "government" in heads


def test_a_description_between_commas_after_a_name_is_its_appositive(seeds):
    apps = [l.appositive for l in framing.name_labels(seeds["004"].text, "Sabatini") if l.appositive]
    assert apps == ["a senior fellow for Latin America at Chatham House"]


def test_an_empty_name_is_a_clear_error():
    with pytest.raises(ValueError, match="give a name"):
        framing.name_labels("text", "  ")


# ------------------------------------------------------------------ concordance and tables
def test_concordance_finds_every_occurrence_with_context():
    lines = framing.concordance("Sanctions bite hard.  New sanctions came in May.", "sanction*",
                                width=16, skip_boilerplate=False)
    assert [l.match for l in lines] == ["Sanctions", "sanctions"]
    assert lines[1].left == "bite hard. New" and lines[1].right.startswith("came in")


def test_concordance_context_stays_on_the_line_of_the_match():
    lines = framing.concordance("A headline\nThe sanctions bite.\nNext line", "sanctions", width=30,
                                skip_boilerplate=False)
    assert (lines[0].left, lines[0].right) == ("The", "bite.")


def test_concordance_rejects_an_empty_word():
    with pytest.raises(ValueError, match="give a word"):
        framing.concordance("text", "")


def test_by_article_gives_one_row_per_result_with_the_article_id(seeds):
    rows = framing.by_article(seeds, framing.find_loaded_terms)
    assert {r["article"] for r in rows} == {"000", "001", "002", "003", "004"}
    assert sum(r["article"] == "003" for r in rows) == len(framing.find_loaded_terms(seeds["003"].text))
    assert {"outlet", "term", "neutral", "why", "quoted"} <= set(rows[0])


def test_importing_framing_pulls_in_no_widgets_or_plotting():
    code = ("import sys, medialit.framing.terms; bad = [m for m in ('ipywidgets', 'matplotlib', 'IPython', 'pandas') "
            "if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
