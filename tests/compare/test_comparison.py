"""medialit.compare.comparison: text-reuse verdicts, sentence alignment, quote and attribution drift."""
from __future__ import annotations

import json
import re

import pytest

from medialit.compare.comparison import (CLOSE_PAIRS_MIN, EVENT_QUOTED_MIN, NARRATIVE_MIN_SHARED, SAME_EVENT_NAMES,
                                         SHARED_NARRATIVE, SHARED_SKELETON, SHARED_WORDING, SKELETON_MIN_SHARED,
                                         STATEMENT_MIN, STATEMENT_SHARE, NARRATIVE_MIN_PLACES,
                                         STATEMENT_RUN_WORDS)
from medialit.compare import Evidence, align, compare, evidence, similarity, verdict
from medialit.compare.alignment import FUNCTION_WORDS, sentence_similarity
from medialit.compare import quote_drift


@pytest.fixture(scope="module")
def reuters_pair(seeds):
    return compare(seeds["001"].text, seeds["002"].text)


# --- verdicts on the seeds ---------------------------------------------------------------

def test_001_and_002_are_the_same_story(reuters_pair):
    assert reuters_pair.same_story
    assert reuters_pair.verdict.label == "same_story"
    assert reuters_pair.verdict.rule in {"shared_narrative", "shared_skeleton", "aligned_sentences"}
    assert reuters_pair.similarity >= SHARED_WORDING
    assert "%" in reuters_pair.verdict.reason  # the numbers are in the explanation


def test_003_vs_004_is_same_event_different_source_text(seeds):
    result = compare(seeds["003"].text, seeds["004"].text)
    assert not result.same_story
    assert result.verdict.label == "same_event"
    assert result.verdict.description == "same event, different source text"
    assert result.verdict.rule == "shared_names"
    assert "new york times" in " ".join(result.evidence.shared_names) or "york times" in result.evidence.shared_names


@pytest.mark.parametrize("a,b", [("000", "001"), ("000", "003"), ("001", "003"), ("002", "004"), ("001", "004")])
def test_seeds_from_different_source_texts_are_not_the_same_story(seeds, a, b):
    result = compare(seeds[a].text, seeds[b].text)
    assert not result.same_story
    assert result.similarity < SHARED_WORDING / 2


def test_verdict_is_symmetric_for_the_seed_pairs(seeds):
    assert compare(seeds["002"].text, seeds["001"].text).verdict.label == "same_story"
    assert compare(seeds["004"].text, seeds["003"].text).verdict.label == "same_event"


# --- quote drift and attribution drift on the seeds --------------------------------------

def test_dropped_word_former_is_reported_as_quote_drift(reuters_pair):
    wording = [q for q in reuters_pair.quote_changes if q.kind == "wording"]
    assert len(wording) == 1
    (change,) = wording
    assert "former Maduro regime" in change.a and "the Maduro regime" in change.b
    dropped = [e for e in change.changes if e.op == "delete" and e.a == "former"]
    assert dropped and dropped[0].explanation == "'former' was dropped inside the quotation, with no ellipsis"


def test_official_versus_one_of_the_officials_is_attribution_drift(reuters_pair):
    speakers = [c for c in reuters_pair.attribution_changes if c.kind == "speaker"]
    assert any(c.a == "the official" and c.b == "One of the officials accepting US offer" for c in speakers)
    assert any("'the official'" in c.explanation and "'One of the officials accepting US offer'" in c.explanation
               for c in speakers)


def test_handful_of_allies_versus_dozens_of_countries_is_among_the_aligned_changes(reuters_pair):
    changes = [c for p in reuters_pair.pairs for c in p.changes if c.op == "replace"]
    assert any("handful" in c.a and "dozens" in c.b for c in changes)


def test_recognise_spelling_and_dropped_sources_show_in_attribution_changes(reuters_pair):
    kinds = {c.kind for c in reuters_pair.attribution_changes}
    assert "source_dropped" in kinds
    assert any("Another US official and a person familiar with" in c.a for c in reuters_pair.attribution_changes)


# --- the JSON contract -------------------------------------------------------------------

def test_to_dict_follows_the_compare_json_contract(reuters_pair):
    d = json.loads(json.dumps(reuters_pair.to_dict()))
    assert isinstance(d["similarity"], float) and isinstance(d["same_story"], bool)
    assert d["pairs"] and d["quote_changes"]
    for pair in d["pairs"]:
        assert isinstance(pair["a"], str) and isinstance(pair["b"], str)
        assert isinstance(pair["similarity"], float)
        for change in pair["changes"]:
            assert change["op"] in {"insert", "delete", "replace"}
            assert isinstance(change["a"], str) and isinstance(change["b"], str)
    for q in d["quote_changes"]:
        assert isinstance(q["a"], str) and isinstance(q["b"], str) and isinstance(q["changes"], list)
    assert d["verdict"]["label"] == "same_story" and d["verdict"]["rule"]


def test_every_offset_points_at_its_text(seeds, reuters_pair):
    a, b = seeds["001"].text, seeds["002"].text
    for p in reuters_pair.pairs:
        if p.a:
            assert a[p.a.start:p.a.end] == p.a.text
        if p.b:
            assert b[p.b.start:p.b.end] == p.b.text
        for c in p.changes:
            if c.a_start is not None:
                assert a[c.a_start:c.a_end] == c.a
            if c.b_start is not None:
                assert b[c.b_start:c.b_end] == c.b
    for q in reuters_pair.quote_changes:
        assert a[q.a_start:q.a_end] == q.a and b[q.b_start:q.b_end] == q.b


# --- alignment -------------------------------------------------------------------------------

def test_align_marks_dropped_kept_and_added_sentences_in_reading_order():
    a = "Rain fell all morning over the valley. The final match was called off at noon by the referee."
    b = "The final match was called off at noon by the referee. Fans went home disappointed and wet."
    pairs = align(a, b)
    assert [p.kind for p in pairs] == ["a_only", "matched", "b_only"]
    assert pairs[1].changes == ()
    assert pairs[1].similarity == pytest.approx(1.0)


def test_align_gives_word_level_operations_with_both_sides():
    pairs = align("The mayor said on Monday that the bridge will close.",
                  "The mayor announced on Monday that the old bridge will close.")
    assert [(c.op, c.a, c.b) for c in pairs[0].changes] == [("replace", "said", "announced"), ("insert", "", "old")]


def test_a_sentence_split_in_two_is_paired_with_both_parts():
    a = ("The council approved the budget on Tuesday after a long debate, and the mayor said the plan "
         "would protect libraries and road repairs across the city.")
    b = ("The council approved the budget on Tuesday after a long debate. The mayor said the plan would "
         "protect libraries and road repairs across the city.")
    (pair,) = align(a, b)
    assert pair.kind == "split"
    assert pair.b.text == b  # both sentences of B
    assert [(c.op, c.a, c.b) for c in pair.changes] == [("delete", "and", "")]


def test_two_sentences_joined_into_one_are_paired_as_joined():
    a = ("The council approved the budget on Tuesday after a long debate. The mayor said the plan would "
         "protect libraries and road repairs across the city.")
    b = ("The council approved the budget on Tuesday after a long debate, and the mayor said the plan "
         "would protect libraries and road repairs across the city.")
    (pair,) = align(a, b)
    assert pair.kind == "joined" and pair.a.text == a


def test_reordered_sentences_still_find_their_counterparts():
    s1 = "The storm closed the port of Halden for three days last week."
    s2 = "Fishing crews said they lost most of a season's catch to the weather."
    s3 = "Officials expect the harbour to reopen fully by the end of the month."
    pairs = align(" ".join([s1, s2, s3]), " ".join([s3, s1, s2]))
    assert [p.kind for p in pairs] == ["matched"] * 3
    assert all(p.a.text == p.b.text for p in pairs)


def test_unrelated_sentences_are_not_paired():
    pairs = align("The orchestra will tour Japan in the spring with a new conductor.",
                  "Wheat prices fell sharply after the harvest report was published.")
    assert [p.kind for p in pairs] == ["a_only", "b_only"]


def test_sentence_similarity_survives_a_synonym_swap_but_not_a_new_sentence():
    same = sentence_similarity("The firm said on Tuesday it would cut 500 jobs.",
                               "The company stated on Tuesday it would shed 500 jobs.")
    other = sentence_similarity("The firm said on Tuesday it would cut 500 jobs.",
                                "Heavy snow blocked the mountain pass for the whole weekend.")
    assert same > 0.6 > 0.3 > other


# --- quote drift: one small pair per kind ---------------------------------------------------

def _edits(a: str, b: str):
    changes, _ = quote_drift(a, b)
    return changes


def test_replaced_word_inside_a_quotation_is_explained():
    (q,) = _edits('The minister said: "We will protect every small farm in the region."',
                  'The minister said: "We will protect every family farm in the region."')
    assert [(e.op, e.a, e.b) for e in q.changes] == [("replace", "small", "family")]
    assert q.changes[0].explanation == "'small' became 'family' inside the quotation"


def test_cut_marked_with_an_ellipsis_is_told_apart_from_a_silent_cut():
    (q,) = _edits('She said: "The report, which took two years, shows clear failures in oversight."',
                  'She said: "The report ... shows clear failures in oversight."')
    (edit,) = q.changes
    assert edit.op == "delete" and "which took two years" in edit.a
    assert "marked with an ellipsis" in edit.explanation and "no ellipsis" not in edit.explanation


def test_reordered_words_inside_a_quotation_are_reported_as_a_move():
    (q,) = _edits('He said: "We must act quickly and carefully on the new rules."',
                  'He said: "We must act carefully on the new rules and quickly."')
    assert any(e.op == "move" and "was moved" in e.explanation for e in q.changes)


def test_words_added_inside_a_quotation_are_reported():
    (q,) = _edits('He said: "The talks were useful for both sides."',
                  'He said: "The talks were very useful for both sides."')
    assert [(e.op, e.b) for e in q.changes] == [("insert", "very")]
    assert "'very' was added inside the quotation" == q.changes[0].explanation


def test_paraphrase_turned_into_a_direct_quote_is_reported():
    (q,) = _edits("The minister said the government would never abandon the northern farmers this year.",
                  'The minister said: "We will never abandon the northern farmers this year."')
    assert q.kind == "paraphrase_to_quote"
    assert "never abandon the northern farmers" in q.a and q.b.startswith("We will never")
    assert "paraphrase" in q.explanation


def test_quote_turned_into_a_paraphrase_is_reported():
    (q,) = _edits('The minister said: "We will never abandon the northern farmers this year."',
                  "The minister said the government would never abandon the northern farmers this year.")
    assert q.kind == "quote_to_paraphrase"
    assert q.a.startswith("We will never") and "without quotation marks" in q.explanation


def test_unchanged_quotation_gives_no_quote_drift():
    text = 'The minister said: "We will never abandon the northern farmers this year."'
    assert _edits(text, text) == []


def test_changed_speaker_and_verb_are_attribution_drift():
    _, attributions = quote_drift('"The numbers do not add up," the auditor said.',
                                  '"The numbers do not add up," a rival politician claimed.')
    kinds = {c.kind: c for c in attributions}
    assert kinds["speaker"].a == "the auditor" and kinds["speaker"].b == "a rival politician"
    assert kinds["verb"].a == "said" and kinds["verb"].b == "claimed"
    assert "doubt" in kinds["verb"].explanation


def test_reporting_verb_swapped_in_an_aligned_sentence_is_attribution_drift():
    result = compare("Others speculated that the port could reopen within a month after the repairs.",
                     "Others predicted that the port could reopen within a month after the repairs.")
    verbs = [c for c in result.attribution_changes if c.kind == "verb"]
    assert [(c.a, c.b) for c in verbs] == [("speculated", "predicted")]


# --- synonym "spinning" and the rules ---------------------------------------------------------

ARTICLE = """The city council on Tuesday approved a budget of $4.2 million for the coming year after a debate that lasted more than six hours.
Council members voted seven to two in favour of the plan, which raises spending on road repairs and public libraries.
Mayor Ellen Park said the budget was a careful balance between the needs of residents and the limits of the city's income.
Two members who voted against the plan argued that it relied on optimistic forecasts of property tax revenue.
The largest single increase goes to the repair of bridges on the east side of the river, which engineers have described as urgent.
Library opening hours will be extended on weekends, a change that parents and students had requested for several years.
The budget also sets aside money for a study of public transport in the northern districts.
Local business groups welcomed the decision but asked the council to keep fees for small shops at their current level.
The plan now goes to the regional authority, which must confirm it before the end of the month.
If the authority raises objections, the council will have to meet again and revise the figures.
"""


def _spin_every_content_word(text: str) -> str:
    """A worst-case spinner: every lower-case content word replaced by another word."""
    return re.sub(r"\b[a-z]+\b", lambda m: m.group() if m.group() in FUNCTION_WORDS else m.group()[::-1] + "o", text)


def test_heavy_synonym_spinning_is_caught_by_the_function_word_skeleton():
    spun = _spin_every_content_word(ARTICLE)
    ev = evidence(ARTICLE, spun)
    assert ev.word_containment < SHARED_WORDING  # the wording itself no longer matches
    result = compare(ARTICLE, spun)
    assert result.same_story and result.verdict.rule == "shared_skeleton"


def test_a_different_article_on_the_same_subject_is_not_the_same_story():
    other = """The regional authority rejected the city's transport study on Friday, saying the costs were unclear.
Officials in the northern districts had hoped for new bus routes by next spring.
A spokesperson for the authority declined to say when a revised proposal might be considered.
Residents' groups said they would petition the council to fund the routes from its own reserves.
Bus operators warned that drivers were already in short supply across the region.
"""
    result = compare(ARTICLE, other)
    assert not result.same_story


def test_identical_texts_have_similarity_one_and_disjoint_texts_zero():
    assert similarity(ARTICLE, ARTICLE) == pytest.approx(1.0)
    assert similarity("Alpha beta gamma delta epsilon.", "Zeta eta theta iota kappa.") == 0.0


def _ev(**kw) -> Evidence:
    base = dict(word_containment=0.0, function_word_containment=0.0, close_pairs=0, sentences_a=20,
                sentences_b=20, shared_names=(), name_overlap=0.0)
    base.update(kw)
    return Evidence(**base)


def test_each_rule_fires_at_its_threshold_and_not_below():
    narr = dict(narrative_shared=NARRATIVE_MIN_SHARED, narrative_places=NARRATIVE_MIN_PLACES)
    assert verdict(_ev(narrative_containment=SHARED_NARRATIVE, **narr)).rule == "shared_narrative"
    assert verdict(_ev(narrative_containment=SHARED_NARRATIVE - 0.001, **narr)).label == "unrelated"
    assert verdict(_ev(narrative_containment=1.0, narrative_shared=NARRATIVE_MIN_SHARED - 1,
                       narrative_places=NARRATIVE_MIN_PLACES)).label == "unrelated"
    # one shared sentence is not a copy, however long its run: several sentences, or most of the narrative
    one_place = dict(narrative_containment=0.5, narrative_shared=10, narrative_places=NARRATIVE_MIN_PLACES - 1)
    assert verdict(_ev(**one_place, longest_narrative_run=40)).label == "unrelated"
    assert verdict(_ev(**{**one_place, "narrative_containment": 0.6}, longest_narrative_run=40)).rule == "shared_narrative"
    skel = dict(skeleton_shared=SKELETON_MIN_SHARED, skeleton_places=NARRATIVE_MIN_PLACES)
    assert verdict(_ev(function_word_containment=0.5, skeleton_shared=10,
                       skeleton_places=NARRATIVE_MIN_PLACES - 1)).label == "unrelated"  # one sentence's patterns
    assert verdict(_ev(function_word_containment=SHARED_SKELETON, **skel)).rule == "shared_skeleton"
    assert verdict(_ev(function_word_containment=SHARED_SKELETON - 0.001, **skel)).label == "unrelated"
    assert verdict(_ev(close_pairs=CLOSE_PAIRS_MIN)).rule == "aligned_sentences"
    assert verdict(_ev(close_pairs=CLOSE_PAIRS_MIN - 1)).label == "unrelated"
    assert verdict(_ev(close_pairs=CLOSE_PAIRS_MIN, sentences_a=100, sentences_b=100)).label == "unrelated"
    run = dict(longest_quoted_run=STATEMENT_RUN_WORDS)
    assert verdict(_ev(shared_quoted=STATEMENT_MIN, quoted_share=STATEMENT_SHARE, **run)).rule == "shared_quotation"
    assert verdict(_ev(shared_quoted=STATEMENT_MIN - 1, quoted_share=STATEMENT_SHARE, **run)).label == "unrelated"
    assert verdict(_ev(shared_quoted=STATEMENT_MIN, quoted_share=STATEMENT_SHARE - 0.01, **run)).label == "unrelated"
    # short shared quotations (what reporters at one event hear) are no shared statement
    short = verdict(_ev(shared_quoted=STATEMENT_MIN, quoted_share=STATEMENT_SHARE,
                        longest_quoted_run=STATEMENT_RUN_WORDS - 1))
    assert short.label == "unrelated" and "not a text quoted at length" in short.reason
    names = tuple(f"name {k}" for k in range(5))
    assert verdict(_ev(shared_names=names, name_overlap=SAME_EVENT_NAMES)).label == "same_event"
    assert verdict(_ev(shared_names=names, name_overlap=SAME_EVENT_NAMES - 0.01)).label == "unrelated"
    figures = dict(shared_names=("a b",), shared_numbers=("18", "4.2"))
    assert verdict(_ev(shared_quoted=EVENT_QUOTED_MIN, **figures)).rule == "shared_quotes_and_figures"
    assert verdict(_ev(shared_quoted=EVENT_QUOTED_MIN - 1, **figures)).label == "unrelated"


def test_shared_word_triples_alone_decide_nothing():
    # a threshold on all word triples cannot tell a rewrite from two reports quoting one
    # press conference: only the narrative (outside quotations, names and numbers) can
    assert verdict(_ev(word_containment=0.9)).label == "unrelated"
    assert SHARED_WORDING == SHARED_NARRATIVE


def test_without_alignment_the_sentence_rule_cannot_fire():
    assert verdict(_ev(close_pairs=None, sentences_a=None, sentences_b=None)).label == "unrelated"


# --- views -------------------------------------------------------------------------------------

def test_side_by_side_marks_deleted_and_inserted_words_with_tags_not_colour_alone(seeds):
    from medialit.views.compare import side_by_side

    html = side_by_side(seeds["001"].text, seeds["002"].text)._repr_html_()
    assert "<del>former</del>" in html  # the dropped word, struck through in A's column
    assert "<ins>dozens</ins>" in html
    assert "'former' was dropped inside the quotation, with no ellipsis" in html.replace("&#x27;", "'")
    assert "same story" in html


def test_similarity_heatmap_is_titled_labelled_annotated_and_colour_blind_safe(seeds):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from medialit.views.charts.compare import similarity_heatmap

    ax = similarity_heatmap(seeds)
    try:
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        assert ax.images[0].get_cmap().name == "cividis"
        labels = [t.get_text() for t in ax.texts]
        assert len(labels) == 25 and labels.count("1.00") == 5
        assert [t.get_text() for t in ax.get_xticklabels()] == ["000", "001", "002", "003", "004"]
    finally:
        plt.close(ax.figure)


# --- one pasted sentence is a shared source line, not a copy (issue 15, held-out round) ---

_RELEASE = ("The new tram line will be open to passengers from the first week of spring and will run every "
            "six minutes at peak times between the station and the hospital.")


def test_one_pasted_press_release_sentence_is_not_a_copy_but_two_copied_sentences_are():
    a = ("Trams return to Pellham after forty years. " + _RELEASE + " Shopkeepers on the old route were "
         "pleased, though some worried about the months of roadworks. One resident said she would sell her car.")
    b = ("A council vote ended a long argument on Tuesday evening. " + _RELEASE + " Opponents had wanted "
         "buses instead and had collected signatures across the northern estates for a year.")
    ev = evidence(a, b)
    assert ev.longest_narrative_run >= 20 and ev.narrative_places == 1  # one sentence, however long
    assert verdict(ev).label != "same_story"
    second = " Work on the depot behind the old gasworks will begin as soon as the contracts are signed."
    ev2 = evidence(a + second, b + second)
    assert ev2.narrative_places == 2 and verdict(ev2).label == "same_story"


def test_function_word_patterns_of_one_shared_sentence_are_a_set_phrase_not_a_skeleton_copy():
    charge = "of causing the death of a pedestrian by careless driving while over the prescribed limit for alcohol"
    a = (f"A van driver was convicted on Monday {charge}. The jury was out for two hours. "
         "Relatives cried in the public gallery as the foreman read out the decision.")
    b = (f"After a week of evidence, jurors found him guilty {charge}. His lawyer plans to appeal, "
         "saying the footage from the crossing had been shown without context.")
    ev = evidence(a, b)
    assert ev.skeleton_shared >= 3 and ev.skeleton_places == 1
    assert verdict(ev).label != "same_story"


# --- a pasted release block is statement material, not narrative (issue 15, round 4) ---

_BLOCK = ("The water company will replace forty kilometres of cast-iron mains under the old town over the next "
          "three years. Households on the affected streets will receive a letter two weeks before work begins "
          "outside their homes. Temporary supplies will be provided from standpipes where the water has to be "
          "switched off for more than four hours.")

_REPORT_A = ("Residents of Calder Bridge have complained for years about brown water and burst pipes. On Monday "
             "the utility finally set out its plans. In a statement the company said: " + _BLOCK + " Shopkeepers "
             "on the high street fear the digging will drive customers away during the busy summer season. A "
             "pensioner who has lived on Mill Lane since the sixties said she had heard such promises before. Her "
             "neighbour keeps bottled water in the garage, just in case.")
_REPORT_B = ("Engineers have been patching the town's Victorian pipework for decades, and the leaks have only got "
             "worse. The regulator fined the firm last winter after a main burst under the market square and "
             "flooded six cellars. " + _BLOCK + " Local councillors welcomed the programme but asked why it had "
             "taken a fine to get it started. The opposition group wants monthly progress reports published "
             "online.")


def test_two_reports_pasting_one_release_block_are_a_shared_statement_not_a_copy():
    r = compare(_REPORT_A, _REPORT_B)
    ev = r.evidence
    assert ev.narrative_places >= 2 and ev.narrative_containment >= SHARED_NARRATIVE  # the old rule would join them
    assert r.verdict.label == "shared_statement" and r.verdict.rule == "pasted_statement"
    assert ev.statement_places >= 2 and ev.statement_cue == "statement"  # 'In a statement the company said:'
    assert ev.rest_narrative_places == 0
    assert "cast-iron mains" in ev.statement_passages[0] and "standpipes" in ev.statement_passages[0]
    assert any("pasted block" in p and "cast-iron mains" in p for p in r.verdict.passages)
    assert "introduced as a statement" in r.verdict.reason
    assert compare(_REPORT_B, _REPORT_A).verdict.label == "shared_statement"  # symmetric


def test_an_unattributed_pasted_block_with_nothing_else_shared_is_still_not_a_copy():
    a = _REPORT_A.replace("In a statement the company said: ", "")
    r = compare(a, _REPORT_B)
    assert r.verdict.rule == "pasted_statement" and r.evidence.statement_cue == ""
    assert "not attributed" in r.verdict.reason
    assert "statement_passages" in r.to_dict()["evidence"] and "statement_blocks" not in r.to_dict()["evidence"]


def test_attributed_sentences_pasted_in_two_places_are_statement_material():
    s1 = ("The new ward will have twenty-four beds for older patients recovering from surgery and will open in the "
          "autumn")
    s2 = ("Visiting hours across the hospital will be extended to eight in the evening once the building work is "
          "finished.")
    a = ("Hospital managers in Lowmoor announced an expansion on Friday. " + s1 + ", the trust said in a news "
         "release. Nurses' representatives said staffing, not beds, was the problem. Agency spending has doubled "
         "in two years, and three wards closed to new admissions during the winter. Managers blame the shortage on "
         "the cost of housing near the hospital. The release added: " + s2 + " Patients' groups welcomed the "
         "change but want the hospital shop reopened at weekends. A petition has collected four thousand "
         "signatures.")
    b = ("A long-promised extension to Lowmoor General has finally been approved by the health board. Its "
         "statement said " + s1 + ". Critics point out that the car park is already full most mornings. Local "
         "bus services were cut last spring, and taxis from the villages cost more than a week's shopping. Two "
         "previous plans for the site were shelved after the money ran out. According to the same statement, "
         "" + s2 + " The board meets again next month, when the contractor will be named and a timetable "
         "for the demolition of the old boiler house agreed.")
    ev = evidence(a, b)
    assert ev.narrative_places >= 2 and ev.statement_places >= 2 and ev.statement_cue == "statement"
    assert verdict(ev).label == "shared_statement"


def test_a_rewrite_that_also_pastes_the_release_is_still_the_same_story():
    rewrite = ("Calder Bridge's leaking pipework finally has a repair plan. Its owner announced on Monday: " + _BLOCK + " The chamber of trade has asked for the work "
               "to pause in August. Bus routes through the centre will be diverted for at least a year, the "
               "county council confirmed. Shopkeepers on the high street fear the digging will drive customers "
               "away during the busy summer season. A pensioner who has lived on Mill Lane since the sixties said "
               "she had heard such promises before. Drivers have been told to expect queues on the ring road from "
               "the spring. The firm's last big project, in a neighbouring valley, finished eight months late and "
               "well over budget.")
    a_long = _REPORT_A + (" The last time the mains were dug up, in 1987, the work ran two years late. Older "
                          "residents remember a summer of hosepipe bans and queues at the standpipes. Some "
                          "of them have already written to their member of parliament asking for "
                          "compensation. The parish magazine plans a special issue on the history of the "
                          "town's water supply.")
    r = compare(a_long, rewrite)
    assert r.verdict.label == "same_story", r.verdict.reason
    assert r.evidence.statement_places >= 2 and r.evidence.rest_narrative_places >= 2
    assert "a rewrite that also pastes the statement" in r.verdict.reason
    # the rewrite's own copied sentences right after the block: one stretch of five shared sentences
    # is no pasted block (at most four), it is a copied passage
    joined = rewrite.replace(" The chamber of trade has asked for the work to pause in August. Bus routes through "
                             "the centre will be diverted for at least a year, the county council confirmed.", "")
    r2 = compare(a_long, joined)
    assert r2.verdict.label == "same_story" and r2.evidence.statement_places == 0


def test_a_short_early_version_is_not_mistaken_for_a_pasted_block():
    early = ("The water company will replace forty kilometres of cast-iron mains under the old town over the next "
             "three years, it said on Monday. Households on the affected streets will receive a letter two weeks "
             "before work begins outside their homes.")
    later = early + " " + _REPORT_B
    r = compare(early, later)
    assert r.verdict.label == "same_story" and r.evidence.statement_places == 0


def test_pasted_blocks_do_not_join_a_family_but_the_rewrite_does():
    from medialit.compare import story_families

    rewrite = _REPORT_A.replace("have complained for years", "have for years complained").replace(
        "fear the digging", "are afraid the digging")
    fams = story_families({"a": _REPORT_A, "b": _REPORT_B, "rw": rewrite})
    assert sorted(sorted(f) for f in fams) == [["a", "rw"], ["b"]]


# --- pasted release lines in several places, and small figures (issue 15, round 5) -------

_RELEASE_1 = ("The new branch library will lend tools, sewing machines and board games as well as books, and "
              "will have a quiet study room on the first floor.")
_RELEASE_2 = ("Opening hours will run from eight in the morning until nine at night on weekdays, with shorter "
              "hours at weekends.")


def _scattered_pair(first_a, second_a, first_b, second_b):
    a = ("Pupils from the nearby primary school cut the ribbon at the new library in Ashby Vale on Saturday. "
         + first_a + " The old reading room above the post office closed six years ago, and since then "
         "residents have had to take two buses to borrow a book. Volunteers spent the last month shelving "
         "donated novels and labelling the children's corner. " + second_a + " A retired teacher who "
         "campaigned for the branch called the day a small miracle for the village.")
    b = ("Ashby Vale has a library again, after a campaign that lasted longer than some of its members expected "
         "to live. " + first_b + " Councillors had twice voted to sell the site to a developer before a "
         "petition changed their minds. The building is a converted garage, and the heating still has to be "
         "switched on by hand each morning. Parents said they were relieved to have somewhere warm for "
         "homework. " + second_b + " Critics on the council say the running costs have not been properly "
         "budgeted beyond next spring.")
    return a, b


def test_release_sentences_pasted_in_a_different_order_are_statement_material():
    # the same two unattributed release sentences, one early and one late in A, the other way round in B
    a, b = _scattered_pair(_RELEASE_1, _RELEASE_2, _RELEASE_2, _RELEASE_1)
    r = compare(a, b)
    ev = r.evidence
    assert ev.narrative_places >= 2 and ev.narrative_containment >= SHARED_NARRATIVE  # the round-4 rule joined these
    assert r.verdict.label == "shared_statement" and r.verdict.rule == "pasted_statement", r.verdict.reason
    assert ev.statement_cue == "order" and ev.statement_places == 2 and ev.rest_narrative_places == 0
    assert "different order" in r.verdict.reason
    assert compare(b, a).verdict.rule == "pasted_statement"  # symmetric
    from medialit.compare import story_families
    assert sorted(sorted(f) for f in story_families({"a": a, "b": b})) == [["a"], ["b"]]


def test_few_whole_sentences_pasted_in_the_same_order_with_nothing_else_shared_are_statement_material():
    a, b = _scattered_pair(_RELEASE_1, _RELEASE_2, _RELEASE_1, _RELEASE_2)
    r = compare(a, b)
    assert r.evidence.statement_cue == "verbatim" and r.evidence.statement_places == 2
    assert r.verdict.rule == "pasted_statement", r.verdict.reason
    assert "word for word" in r.verdict.reason


def test_edited_shared_sentences_in_the_same_order_stay_a_rewrite():
    # the same places, in the same order, but each sentence edited around its shared words:
    # what a rewrite does, not a paste; the round-4 verdict stands
    ed1 = _RELEASE_1.replace("as well as books", "besides its books").replace("on the first floor", "upstairs")
    ed2 = _RELEASE_2.replace("with shorter hours at weekends", "and the doors close early on Saturdays")
    a, b = _scattered_pair(_RELEASE_1, _RELEASE_2, ed1, ed2)
    r = compare(a, b)
    assert r.evidence.narrative_places >= 2 and r.evidence.statement_places == 0
    assert r.verdict.label == "same_story", r.verdict.reason


def test_a_rewrite_that_moves_paragraphs_is_not_mistaken_for_scattered_release_lines():
    source = ("The harbour authority will dredge the main channel this summer so that larger ferries can dock. "
              "Work is expected to take eleven weeks and will be done mostly at night. Fishing boats will be "
              "moved to a temporary mooring on the north quay while the dredgers are working. The spoil will be "
              "taken out to sea and dumped at a licensed site well away from the bathing beaches. Local "
              "divers fear the work will cloud the water over the wreck that draws tourists each year. The "
              "authority says the channel has not been deepened since the port was rebuilt after the war.")
    parts = source.split(". ")
    moved = ". ".join([parts[5].rstrip("."), parts[0], parts[2], parts[1], parts[4], parts[3]]) + "."
    moved = moved.replace("will be done mostly at night", "will mostly be carried out at night")
    r = compare(source, moved)
    assert r.verdict.label == "same_story" and r.evidence.statement_places == 0, r.verdict.reason


def test_a_short_early_version_reordered_inside_the_later_one_stays_the_same_story():
    early = _RELEASE_1 + " " + _RELEASE_2
    _, later = _scattered_pair(_RELEASE_1, _RELEASE_2, _RELEASE_2, _RELEASE_1)
    r = compare(early, later)
    assert r.verdict.label == "same_story" and r.evidence.contained and r.evidence.statement_places == 0


def test_one_digit_figures_count_with_their_unit_or_date():
    from medialit.compare.comparison import fingerprint

    fp = fingerprint("Fares rise by 4 per cent from March 4, after a 3% cut on 9 June that cost 2 million euros. "
                     "The line was shut for 4 days, and the report is on page 7. It may 5 times fail.")
    assert {"4%", "mar 4", "3%", "jun 9", "2 million"} <= fp.numbers
    assert not {"4", "7", "5"} & fp.numbers  # a bare digit is not a fact


_STRIKE_A = ("Bus drivers in Westford will walk out for two days from April 8, their union announced on Monday. "
             "The union's regional secretary, Marta Quinlan, said drivers had been offered a rise of 3 per cent, "
             "below inflation. \"Nobody wants to leave passengers stranded in the rain,\" she said. Schools have "
             "been told to expect late arrivals.")
_STRIKE_B = ("Commuters in Westford should plan for disruption next month. Drivers rejected a 3 per cent pay offer "
             "and will stop work from April 8. Marta Quinlan, who speaks for the drivers, told a rally that "
             "\"nobody wants to leave passengers stranded in the rain\" but that wages had to keep up with rents. "
             "The operator said it was disappointed.")


def test_one_name_and_small_figures_with_a_shared_quote_are_the_same_event():
    r = compare(_STRIKE_A, _STRIKE_B)
    assert set(r.evidence.shared_numbers) >= {"3%", "apr 8"}
    assert r.verdict.label == "same_event" and r.verdict.rule == "shared_quotes_and_figures", r.verdict.reason
    # without the two small figures only the name and the quote are shared: not enough
    bare = compare(_STRIKE_A.replace("3 per cent", "a small amount").replace("April 8", "next week"),
                   _STRIKE_B.replace("3 per cent", "modest").replace("April 8", "the tenth"))
    assert bare.verdict.label == "unrelated"


def test_two_unrelated_articles_that_both_say_4_per_cent_are_not_the_same_event():
    a = ("House prices in the coastal towns rose 4 per cent in the year to March 4, estate agents said. Buyers "
         "from the cities are chasing larger gardens, and one agent called the new rules on second homes "
         "\"a step in the right direction\" for local families.")
    b = ("The chemical plant's output fell 4 per cent after a fire on March 4 shut one of its furnaces. Managers "
         "said the repairs were \"a step in the right direction\" but warned that orders from abroad were "
         "still weak.")
    r = compare(a, b)
    assert set(r.evidence.shared_numbers) == {"4%", "mar 4"} and r.evidence.shared_quoted >= EVENT_QUOTED_MIN
    assert r.verdict.label == "unrelated", r.verdict.reason  # no shared name, only two facts



def test_a_rewrite_that_keeps_two_sentences_whole_and_edits_another_stays_the_same_story():
    # three shared places in source order, apart: two sentences whole, one edited around its
    # shared words. An edited shared sentence is what a rewrite does: not pasted lines
    src = ("The harbour authority will dredge the main channel this summer so that larger ferries can dock at "
           "the eastern pier. Harbour staff were not told until Friday, and several of them learned about the "
           "plan from a notice pinned to the door of the canteen. The old pilot boat is for sale. "
           "Work is expected to take eleven weeks and will be done mostly at night. Some residents say they "
           "were not consulted, and a petition against night work has been left in the newsagent on the "
           "corner. Two cafes on the front are already closed for the season. Local divers "
           "fear the work will cloud the water over the wreck that draws tourists each year. A meeting is "
           "planned at the town hall next week.")
    rw = ("The ferry company welcomed the news, saying its customers had waited long enough for a crossing "
          "that does not depend on the tide. The harbour authority is to dredge the main channel in the summer "
          "so that bigger ferries can dock at the eastern pier. Fishermen's leaders asked for compensation. "
          "Work is expected to take eleven weeks and will be done mostly at night. The council has not taken "
          "a position, although its members have been sent a long briefing paper by the authority's "
          "engineers. Its planning chair is on leave. Local divers fear the work will cloud the water over "
          "the wreck that draws tourists each year. Tickets for next year's crossings go on sale in March.")
    r = compare(src, rw)
    assert r.evidence.narrative_places == 3
    assert r.evidence.statement_places == 0 and r.verdict.label == "same_story", r.verdict.reason
    # the same texts with the edited sentence pasted whole too: few whole sentences, nothing else shared
    rw2 = rw.replace("is to dredge the main channel in the summer so that bigger ferries",
                     "will dredge the main channel this summer so that larger ferries")
    r2 = compare(src, rw2)
    assert r2.evidence.statement_cue == "verbatim" and r2.verdict.rule == "pasted_statement", r2.verdict.reason


def test_a_pasted_sentence_is_whole_at_the_verbatim_share_and_not_below():
    import numpy as np
    from medialit.compare.comparison import VERBATIM_SHARE, _verbatim

    def whole(share_mine, share_other, n=20):
        k_m, k_o = round(share_mine * n), round(share_other * n)
        hit = np.array([True] * k_m + [False] * (n - k_m))
        other_hit = np.array([True] * k_o + [False] * (n - k_o))
        return _verbatim([0], np.zeros(n, dtype=int), hit, np.full(n, 5), other_hit, {0: 5})

    assert whole(VERBATIM_SHARE, VERBATIM_SHARE)
    assert not whole(VERBATIM_SHARE - 0.05, 1.0) and not whole(1.0, VERBATIM_SHARE - 0.05)  # both sides count
