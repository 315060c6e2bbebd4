"""Sourcing labels: the teaching-notes examples, general news patterns, the gold file,
rules as data, offsets and summaries."""
from __future__ import annotations

import json

import pytest

from medialit.attribution import RulesError, classify_source, load_rules
from medialit.sourcing.tagger import LABELS
from medialit.sourcing import summary, tag

from helpers import DATA, seed_text



def find(tags, start: str):
    hits = [t for t in tags if " ".join(t.text.split()).startswith(start)]
    assert len(hits) == 1, (start, [t.text[:40] for t in tags])
    return hits[0]


def last(text: str):
    return tag(text)[-1]


# --- the examples in the brief and the teaching notes, one test each --------------------------

def test_reuters_citing_a_senior_official_is_anonymous_with_both_cues():
    t = find(tag(seed_text("001")), "The United States is engaged in direct contacts")
    assert (t.sourcing, t.source) == ("anonymous", "a senior White House official")
    assert list(t.cues) == ["Reuters reported", "citing a senior White House official"]


def test_person_familiar_with_the_deliberations_told_reuters_is_anonymous_and_allegedly_hedges():
    t = find(tag(seed_text("001")), "Another US official and a person familiar")
    assert t.sourcing == "anonymous" and t.hedged and "allegedly" in t.hedges
    assert t.cues[0].endswith("told Reuters")


def test_the_insider_who_claimed_is_anonymous_and_hedged():
    t = find(tag(seed_text("001")), "The insider, who spoke on condition of anonymity")
    assert (t.sourcing, t.source, t.hedged) == ("anonymous", "The insider", True)
    assert "claimed" in t.hedges


def test_legitimately_elected_is_an_evaluation_stated_as_fact():
    t = find(tag(seed_text("001")), "The legitimately elected Maduro")
    assert t.sourcing == "unattributed" and t.cues == ("legitimately elected",)


def test_pompeo_has_announced_is_named():
    t = find(tag(seed_text("000")), "US Secretary of State Mike Pompeo")
    assert t.sourcing == "named" and "Pompeo" in t.source and t.cues[0].endswith("has announced")


def test_everybody_understands_is_an_appeal_to_common_knowledge():
    t = find(tag(seed_text("000")), "Let’s look, for example")
    assert t.sourcing == "unattributed" and t.cues == ("everybody understands",)


def test_interview_answers_are_the_named_speakers_and_questions_are_not_claims():
    tags = tag(seed_text("000"))
    answer = find(tags, "Jim Jatras: As far as I know")
    assert (answer.sourcing, answer.source, answer.hedged) == ("named", "Jim Jatras", True)
    follow_on = find(tags, "Then also we had the staged confrontation")
    assert (follow_on.sourcing, follow_on.source) == ("named", "Jim Jatras")
    question = find(tags, "Sputnik: What do you think the next steps")
    assert question.sourcing == "not_a_claim" and "question" in question.reason


def test_it_is_believed_has_no_source_and_is_hedged():
    t = find(tag(seed_text("002")), "It is believed that Washington")
    assert (t.sourcing, t.hedged, t.source) == ("unattributed", True, None)


def test_representative_of_a_think_tank_is_anonymous():
    t = find(tag(seed_text("002")), "Members of the South American country")
    assert t.sourcing == "anonymous" and t.source == "representative of an American think tank in Washington"


def test_new_york_times_citing_persons_said_to_be_familiar_is_anonymous_and_hedged():
    t = find(tag(seed_text("003")), "Senior US State Department and White House officials")
    assert (t.sourcing, t.hedged) == ("anonymous", True)
    assert t.source == "persons said to be familiar with the matter" and "said to be" in t.hedges


def test_current_and_former_officials_told_the_newspaper_is_anonymous():
    t = find(tag(seed_text("003")), "Current and former officials told the newspaper")
    assert (t.sourcing, t.source) == ("anonymous", "Current and former officials")


def test_vanished_assets_sentence_has_no_source():
    t = find(tag(seed_text("003")), "Part of these assets were transferred")
    assert t.sourcing == "unattributed"


def test_others_predicted_and_other_experts_believe_are_anonymous():
    tags = tag(seed_text("004"))
    assert find(tags, "Others predicted").sourcing == "anonymous"
    assert find(tags, "However, other experts believe").sourcing == "anonymous"


def test_according_to_christopher_sabatini_is_named():
    t = find(tag(seed_text("004")), "The US’s precise intentions")
    assert (t.sourcing, t.source) == ("named", "Christopher Sabatini")


def test_sentences_inside_a_multi_sentence_quote_take_its_speaker():
    tags = tag(seed_text("004"))
    for start in ("“Clearly, they want", "This is real, folks.", "So it’s going to be a delicate"):
        t = find(tags, start)
        assert t.sourcing == "named" and t.source in {"Sabatini", "Regan"}, start
    first = find(tag(seed_text("001")), '"We believe these to be')
    assert (first.sourcing, first.source) == ("anonymous", "the official")


def test_named_sources_from_the_teaching_notes():
    tags = tag(seed_text("004"))
    assert find(tags, "Juan Gonzalez, Biden’s senior").source == "Juan Gonzalez"
    assert find(tags, "On Sunday, former Fox Business host Trish Regan").sourcing == "named"


def test_headlines_bylines_and_datelines_are_not_claims():
    assert tag(seed_text("001"))[0].sourcing == "not_a_claim"
    assert find(tag(seed_text("001")), "By Staff, News Agencies").reason.startswith("a byline")
    assert find(tag(seed_text("002")), "Saturday 9 February 2019").reason.startswith("a dateline")


# --- general news patterns (wire, local, opinion, state media) -----------------------------
GENERAL = [
    ("The bridge will close for repairs next month, city officials said.", "anonymous", "city officials", False),
    ("The bridge will close next month, Mayor Karen Bass said on Tuesday.", "named", "Mayor Karen Bass", False),
    ("Police said the suspect fled on foot.", "named", "Police", False),  # the noun "suspect" is not a hedge
    ("The central bank raised rates, two people with knowledge of the decision told Bloomberg.", "anonymous", None, False),
    ("The minister reportedly resigned on Friday.", "anonymous", None, True),  # "reportedly": unnamed reports
    ("Analysts expect growth to slow next year.", "anonymous", "Analysts", False),  # a forecast is attributed
    ("Analysts say growth will slow next year.", "anonymous", "Analysts", False),
    ('"We will not back down," Governor Jane Smith told reporters.', "named", "Governor Jane Smith", False),
    ("Critics argue the law goes too far.", "anonymous", "Critics", False),
    ("The White House said in a statement that the talks were productive.", "named", "The White House", False),
    ("A Pentagon spokesman declined to comment.", "named", None, False),
    ("A spokesman declined to comment.", "anonymous", None, False),
    ("Sources close to the negotiations said a deal was near.", "anonymous", None, False),
    ("The attack was allegedly carried out by a rival gang.", "unattributed", None, True),
    ("According to a report by the World Health Organization, cases rose 20 percent.", "named", None, False),
    ("According to reports, the talks collapsed.", "anonymous", None, False),
    ("It is widely believed that the election was rigged.", "unattributed", None, True),
    ("Everyone knows the economy is in trouble.", "unattributed", None, False),
    ('"It was terrifying," said Maria Lopez, who lives nearby.', "named", "Maria Lopez", False),
    ("The senator claimed the bill would create jobs.", "named", "The senator", True),
    ("What happens next?", "not_a_claim", None, False),
    ("The Kremlin denied the allegations.", "named", "The Kremlin", True),
    ("Officials speaking on condition of anonymity said the strike killed 12 people.", "anonymous", None, False),
    ("Xinhua reported that the ceremony was attended by 3,000 guests.", "named", "Xinhua", False),
    ("Residents told the local newspaper that the water had been brown for weeks.", "anonymous", "Residents", False),
    ("The suspect is believed to have fled the country.", "unattributed", None, True),
    ("John Smith, the former mayor, was charged on Monday. He has denied any wrongdoing.", "named", "John Smith", False),
    ("The report, citing unnamed diplomats, said talks had stalled.", "anonymous", "unnamed diplomats", False),
    # nobody answered: the writer's own account, not the office's (round 6; "declined to comment" is an answer)
    ("The governor's office did not respond to a request for comment.", "unattributed", None, False),
    ("Mr. Johnson, a spokesman for the State Department, said the embassy remains open.", "named", "Mr. Johnson", False),
    ("The protesters, who gathered outside parliament, chanted slogans.", "unattributed", None, False),
    ("Officials said the talks failed. Prices rose 5%.", "unattributed", None, False),
    ("Maduro, in a speech on state television, accused Washington of plotting a coup.", "named", "Maduro", False),
    ("Prices will rise further, warned the central bank.", "named", "the central bank", False),
    ("WASHINGTON (Reuters) - The U.S. is talking to the military, a senior official told Reuters on Friday.", "anonymous", "a senior official", False),
    ('TASS quoted Deputy Foreign Minister Sergei Ryabkov as saying that talks were possible.', 'named', 'Deputy Foreign Minister Sergei Ryabkov', False),
    ('RIA Novosti quoted a source in the defence ministry as saying the drills had ended.', 'anonymous', None, False),
    ('According to court documents, the man had two prior convictions.', 'named', None, False),
    ('The group claimed responsibility for the attack.', 'unattributed', None, True),  # its own unconfirmed claim (guide: "claimed")
    ('The factory added 200 jobs last year.', 'unattributed', None, False),
    ('EU member states agreed on a new package of sanctions.', 'unattributed', None, False),
    ('Residents want a say in the plan.', 'unattributed', None, False),
    ('The storm claimed the lives of 12 people.', 'unattributed', None, False),
    ('"This is a disaster," he added.', 'anonymous', None, False),
    ('Smith wrote a book about the war.', 'unattributed', None, False),
    ('In a letter to shareholders, CEO Mary Barra wrote that profits would fall.', 'named', None, False),
    ('Investigators have not determined the cause of the fire, the fire department said.', 'named', None, False),
    ('The man, whose name was not released, was taken to hospital, deputies said.', 'anonymous', None, False),
    ("Ukraine's military said it had shot down 30 drones overnight.", 'named', None, False),
    ('The ruling party won 60 percent of the vote, state media reported.', 'anonymous', None, False),
    ('Opposition leaders called the result a fraud.', 'unattributed', None, False),
    ('This newspaper has long argued that the tax is unfair.', 'named', None, False),
    ('The new policy is a betrayal of working families.', 'unattributed', None, False),
    ('Supporters say the law will protect children.', 'anonymous', None, False),
    ('A study by researchers at Oxford University found that the drug reduced deaths.', 'named', None, False),
    ('The hospital said in a statement that the patient was in stable condition.', 'named', None, False),
    ('Two senior administration officials, speaking on condition of anonymity, said the decision was final.', 'anonymous', None, False),
    ('The company has been accused of polluting the river.', 'unattributed', None, False),
    # a reported question is a view an unnamed group holds (rounds 11-13, two writers)
    ('Some lawmakers have questioned whether the plan is legal.', 'anonymous', None, False),
    ('The president, who spoke at a rally in Ohio, said the economy was booming.', 'named', None, False),
    ('"We are devastated," the family said in a statement.', 'named', None, False),
    ('It remains unclear who fired first.', 'unattributed', None, False),
    ('The ministry of health confirmed 45 new cases on Sunday.', 'named', None, False),
    ('Witnesses described hearing several loud explosions.', 'anonymous', 'Witnesses', False),  # their account (was unattributed before the 'recount' verbs)
]


@pytest.mark.parametrize("text,label,source,hedged", GENERAL, ids=[g[0][:40] for g in GENERAL])
def test_general_news_sentence_is_labelled_by_its_ultimate_source(text, label, source, hedged):
    t = last(text)
    assert t.sourcing == label, t.reason
    if source is not None:
        assert t.source == source
    assert t.hedged is hedged


def test_a_single_line_without_full_stop_is_a_sentence_not_a_headline():
    assert [t.sourcing for t in tag("Officials said the talks failed")] == ["anonymous"]


def test_he_said_takes_the_previous_attribution():
    tags = tag("A senior official said the plan was ready. He said it would be announced soon.")
    assert [t.sourcing for t in tags] == ["anonymous", "anonymous"]
    assert tags[1].source == "A senior official"


# --- rules as data --------------------------------------------------------------------------------

def test_adding_an_anonymous_phrase_changes_the_label():
    text = "Folks in the know said the merger was off."
    assert last(text).sourcing == "named"  # "Folks" capitalised at the start: read as a name
    assert tag(text, rules={"phrases": ["in the know"]})[-1].sourcing == "anonymous"
    assert tag(text, rules={"heads": ["folks"]})[-1].sourcing == "anonymous"


def test_a_teacher_rules_file_adds_a_hedge_marker(tmp_path):
    text = "The mayor is rumoured-to-be leaving, a person close to her said."
    rules_file = tmp_path / "my_rules.toml"
    rules_file.write_text('markers = ["rumoured-to-be"]\n', encoding="utf-8")
    assert last(text).hedged is False
    assert tag(text, rules=rules_file)[-1].hedged is True


def test_bad_rules_file_names_the_file_and_the_problem(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("heads = [\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"bad\.toml, line 1: invalid TOML near key 'heads'"):
        load_rules(bad)
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('colour = ["red"]\n', encoding="utf-8")
    with pytest.raises(RulesError, match=r"wrong\.toml, line 1: unknown key 'colour' \(known: verb, heads, "):
        load_rules(wrong)
    with pytest.raises(RulesError, match=r"missing\.toml: cannot read the rules file"):
        load_rules(tmp_path / "missing.toml")


def test_classify_source_explains_its_verdict():
    rules = load_rules()
    v = classify_source("a source in Washington close to the opposition", rules)
    assert v.label == "anonymous" and "source" in v.why
    assert classify_source("Maduro’s government", rules).label == "named"
    assert classify_source("a report", rules).label == "anonymous"


# --- the gold file ----------------------------------------------------------------------------------

def test_agreement_with_the_hand_labelled_gold_file():
    from sourcing_gold import agreement, compare

    rows = compare()
    assert len(rows) >= 120
    assert not [r for r in rows if r.got == "missing"]
    labels, hedges = agreement(rows)
    assert labels >= 0.90, labels
    assert hedges >= 0.95, hedges


# --- shape, offsets, summary ------------------------------------------------------------------------

def test_every_sentence_has_exact_offsets_and_cue_spans_on_every_seed():
    for aid in ("000", "001", "002", "003", "004"):
        text = seed_text(aid)
        tags = tag(text)
        assert tags and all(t.sourcing in LABELS for t in tags)
        assert [t.start for t in tags] == sorted(t.start for t in tags)
        for t in tags:
            assert text[t.start:t.end] == t.text
            assert len(t.cues) == len(t.cue_spans)
            for cue, (a, b) in zip(t.cues, t.cue_spans):
                assert text[a:b] == cue
            for h, (a, b) in zip(t.hedges, t.hedge_spans):
                assert text[a:b] == h and t.start <= a < b <= t.end
            assert t.reason and t.reason[0].islower() or t.reason[0].isupper()


def test_labels_other_than_unattributed_and_not_a_claim_always_carry_a_cue_and_source():
    for aid in ("000", "001", "002", "003", "004"):
        for t in tag(seed_text(aid)):
            if t.sourcing in ("named", "anonymous"):
                assert t.cues and t.source


def test_to_dict_matches_the_analyze_contract():
    d = tag("Officials said the talks failed.")[0].to_dict()
    json.dumps(d)
    assert {"start", "end", "text", "sourcing", "hedged", "source", "cues"} <= set(d)


def test_summary_counts_labels_and_named_share():
    s = summary(tag("Pompeo said the talks failed. Officials said so too. Prices rose. Why?"))
    assert s.counts == {"named": 1, "anonymous": 1, "unattributed": 1, "not_a_claim": 1}
    assert s.claims == 3 and s.named_share == pytest.approx(1 / 3, abs=1e-3)
    assert summary([]).named_share is None
    assert s.to_dict()["counts"]["named"] == 1


def test_empty_and_bad_input():
    assert tag("") == []
    assert tag("   \n\n ") == []
    with pytest.raises(TypeError, match="str"):
        tag(b"bytes")  # type: ignore[arg-type]


# --- display and plot -----------------------------------------------------------------------------

def test_html_view_marks_each_sentence_with_a_text_marker_and_underlines_the_cue():
    from medialit.views.sourcing import MARKERS, show_sourcing

    text = seed_text("001")
    html = show_sourcing(text)._repr_html_()
    tags = tag(text)
    assert html.count('class="ml-s"') == len(tags)
    for label in ("named", "anonymous", "unattributed", "not_a_claim"):
        assert MARKERS[label] in html  # in the legend and on the sentences
    assert '<span class="ml-cue">citing a senior White House official</span>' in html
    assert '<span class="ml-hedge">allegedly</span>' in html
    assert "&lt;" not in show_sourcing("A < B, officials said.").html.split('class="ml-src"')[0]


def test_summary_table_has_one_row_per_article():
    from medialit.views.sourcing import summary_table

    html = str(summary_table({"a": "Officials said so.", "b": "Smith said so. Prices rose."}))
    assert html.count("<tr>") == 3 and "50%" in html and "0%" in html


def test_bar_chart_is_titled_labelled_and_hatched():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from medialit.views.charts.sourcing import sourcing_bars

    ax = sourcing_bars({"a": "Officials said so. Prices rose.", "b": "Smith said so."})
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    hatches = {p.get_hatch() for p in ax.patches}
    assert {"//", ".."} <= hatches
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["named source", "anonymous source", "no source"]
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="no articles"):
        sourcing_bars({})


def test_precomputed_quotes_and_boilerplate_give_the_same_tags():
    from medialit.corpus import find_boilerplate
    from medialit.quotes import find_quotes

    text = seed_text("004")
    bp = find_boilerplate(text)
    assert tag(text, boilerplate=bp, quotes=find_quotes(text, skip=bp)) == tag(text)


def test_a_local_news_article_written_for_this_test():
    """An invented local-news story (tests/data/sourcing_local_news.txt), labelled by hand."""
    text = (DATA / "sourcing_local_news.txt").read_text(encoding="utf-8")
    got = [t.sourcing for t in tag(text)]
    assert got == ["not_a_claim", "not_a_claim", "not_a_claim",           # headline, byline, dateline
                   "unattributed",                                        # the vote, no source
                   "named", "named",                                      # Alvarez, two quoted sentences
                   "anonymous",                                           # "Opponents said"
                   "named",                                               # Bob Lee "called it"
                   "named",                                               # the city's finance department
                   "anonymous",                                           # "Some residents were skeptical." (a view
                                                                          # ascribed to unnamed residents; uncertain)
                   "anonymous",                                           # "said one resident"
                   "named",                                               # a spokesperson for her office
                   "anonymous",                                           # "Critics have long argued"
                   "unattributed",                                        # "Everybody knows"
                   "not_a_claim"]                                         # a question
    lee = find(tag(text), "Councilman Bob Lee")
    assert lee.source == "Councilman Bob Lee"
