"""The kit's own test collection (tests/fixtures/compare_collection, invented texts): each
group gets the right verdict, drift and family. See the collection's README.md."""
from __future__ import annotations

import pytest

from medialit.compare import compare, story_families
from medialit.compare.furniture import learn_furniture
from medialit.compare.lineage import lineage
from medialit.corpus import load_corpus

from helpers import ROOT

COLLECTION = ROOT / "tests" / "fixtures" / "compare_collection"
SITE = [f"site_{k:02d}" for k in range(1, 11)]


@pytest.fixture(scope="module")
def coll():
    return load_corpus(COLLECTION)


@pytest.fixture(scope="module")
def furniture(coll):
    return learn_furniture(a.text for a in coll)


def _cmp(coll, a, b, furniture=None):
    return compare(coll[a].text, coll[b].text, furniture=furniture)


def test_the_collection_forms_exactly_the_planted_families(coll):
    families = sorted(sorted(f) for f in story_families(coll) if len(f) > 1)
    assert families == [["brit2_copy", "brit2_orig"], ["brit_copy", "brit_orig"], ["para_copy", "para_orig"],
                        ["spin_copy", "spin_orig"], ["wire_v1", "wire_v2", "wire_v3"]]


# --- a wire story in three growing versions ---------------------------------------------

def test_wire_story_early_short_version_is_the_same_story_as_the_long_one_by_containment(coll):
    r = _cmp(coll, "wire_v1", "wire_v3")
    assert r.verdict.label == "same_story" and r.evidence.contained == "a_in_b"
    assert "contained in the larger (B)" in r.verdict.reason
    added = " ".join(r.added_later)
    assert "Eleven passengers" in added and "built in 1998" in added
    assert "HARBOURTON" not in added  # the lead is in both: not "added later"
    assert any(p.startswith("shared narrative:") for p in r.verdict.passages)


def test_wire_story_paragraphs_shared_by_three_versions_are_not_furniture(furniture):
    texts = " ".join(line.text for line in furniture.lines)
    assert "ferry" not in texts and "coastguard" not in texts


def test_wire_story_lineage_runs_v1_v2_v3_with_what_each_added(coll):
    trail = lineage([coll["wire_v3"], coll["wire_v1"], coll["wire_v2"]])
    assert [(v.id, v.parent) for v in trail.versions] == [("wire_v1", None), ("wire_v2", "wire_v1"),
                                                         ("wire_v3", "wire_v2")]
    v2, v3 = trail.versions[1], trail.versions[2]
    assert any("Eleven passengers" in s for s in v2.added) and not v2.cut
    assert any("built in 1998" in s for s in v3.added)
    assert v3.basis == "dates" and not v3.unsure
    assert v2.basis.startswith("same date") and not v2.unsure  # same day: containment decides
    assert v2.changed  # "more than two hundred people" became "214 passengers and crew"


def test_wire_story_lineage_without_dates_uses_containment_and_says_unsure(coll):
    trail = lineage({k: coll[k].text for k in ("wire_v2", "wire_v3", "wire_v1")})
    assert [v.id for v in trail.versions] == ["wire_v1", "wire_v2", "wire_v3"]
    assert all(v.unsure for v in trail.versions)
    assert "containment" in trail.versions[1].basis


# --- two independent reports quoting one letter -----------------------------------------

def test_letter_quoted_at_length_by_two_reports_is_a_shared_statement_not_a_family(coll):
    r = _cmp(coll, "letter_a", "letter_b")
    assert r.evidence.word_containment > 0.3  # on all word triples it would look copied
    assert r.verdict.label == "shared_statement" and r.verdict.rule == "shared_quotation"
    assert r.evidence.quoted_share > 0.8
    assert any(p.startswith("shared quotation:") and "patients we serve" in p for p in r.verdict.passages)
    assert ["letter_a"] in story_families({k: coll[k].text for k in ("letter_a", "letter_b")})


# --- a site whose ten unrelated articles share a template -------------------------------

def test_site_template_is_learned_as_furniture_with_its_article_count(furniture):
    lines = {line.text: line.articles for line in furniture.lines}
    assert lines["Subscribe to our morning briefing and get the valley's headlines before breakfast."] == 10
    assert any(t.startswith("About the Valley Courier") for t in lines)
    assert sum(1 for n in lines.values() if n == 10) == 4  # the Courier's four template lines


def test_site_articles_sharing_only_the_template_are_unrelated(coll, furniture):
    for a, b in [("site_01", "site_02"), ("site_03", "site_09"), ("site_05", "site_10")]:
        r = _cmp(coll, a, b, furniture)
        assert r.verdict.label == "unrelated", (a, b, r.verdict.reason)
        assert len(r.left_out) == 4
    families = story_families({k: coll[k].text for k in SITE})
    assert all(len(f) == 1 for f in families)


def test_site_template_counts_without_its_furniture(coll):
    # the control: with furniture switched off the template alone would join two posts
    r = compare(coll["site_01"].text, coll["site_02"].text, furniture=learn_furniture([]))
    assert r.verdict.label == "same_story"


def test_two_site_articles_alone_still_leave_their_shared_template_out(coll):
    r = _cmp(coll, "site_04", "site_07")  # no collection: the pair's own edge lines
    assert r.verdict.label == "unrelated" and r.left_out


# --- a spinner paraphrase with reworded quotes ------------------------------------------

def test_spinner_paraphrase_is_the_same_story_and_its_heavily_reworded_quote_is_found(coll):
    r = _cmp(coll, "spin_orig", "spin_copy")
    assert r.verdict.label == "same_story"
    reworded = [q for q in r.quote_changes if q.kind == "reworded"]
    assert len(reworded) == 2
    q = reworded[0]
    assert q.a.startswith("We will rebuild the school") and q.b.startswith("The school is to be put up again")
    assert q.speaker == "Mayor Elena Ruiz" and 0.3 <= q.similarity < 0.75
    assert "quote reworded" in q.explanation and q.changes
    # a quotation turned into a reworded passage without quotation marks, same speaker, same place
    para = reworded[1]
    assert para.speaker == "Hana Ito" and para.a.startswith("Our pupils deserve classrooms")
    assert para.b.startswith("The head teacher, Hana Ito, added that") and "without quotation marks" in para.explanation
    lighter = [q for q in r.quote_changes if q.kind == "wording"]
    assert any(e.a == "children" and e.b == "kids" for q in lighter for e in q.changes)


# --- a British-style single-quoted passage ----------------------------------------------

def test_british_single_quoted_passage_with_implicit_speaker_gets_drift(coll):
    r = _cmp(coll, "brit_orig", "brit_copy")
    assert r.verdict.label == "same_story"
    [q] = [q for q in r.quote_changes if q.a.startswith("We waited four years")]
    assert q.speaker == "Councillor Ravi Patel"  # implicit: the last speaker named
    assert "its speaker is implicit" in q.explanation
    assert any(e.op == "delete" and "won't blame anyone by name" in e.a and "no ellipsis" in e.explanation
               for e in q.changes)


# --- independent reports of one event sharing quotes and figures ------------------------

def test_independent_reports_of_one_event_are_same_event_and_not_joined(coll):
    r = _cmp(coll, "event_a", "event_b")
    assert r.verdict.label == "same_event"
    assert r.evidence.shared_quoted >= 3 and {"18", "4.2", "17"} <= set(r.evidence.shared_numbers)
    assert any(p.startswith("shared figures:") for p in r.verdict.passages)
    assert all(len(f) == 1 for f in story_families({k: coll[k].text for k in ("event_a", "event_b")}))


# --- the seeds stay right -----------------------------------------------------------------

def test_seed_verdicts_stay_right(seeds):
    assert compare(seeds["001"].text, seeds["002"].text).verdict.label == "same_story"
    assert compare(seeds["003"].text, seeds["004"].text).verdict.label == "same_event"
    for a, b in [("000", "001"), ("000", "003"), ("001", "003"), ("002", "004")]:
        assert compare(seeds[a].text, seeds[b].text).verdict.label == "unrelated", (a, b)


def test_seed_copy_trail_lists_the_catalog_chain_and_says_direction_is_unsure(seeds):
    trail = lineage([seeds["001"], seeds["002"]])
    assert [v.id for v in trail.versions] == ["001", "002"]
    assert trail.versions[1].unsure and "third text" in trail.versions[1].note
    chain = {(k.article, k.subject, k.outlet) for k in trail.known}
    assert ("001", "this article", "Sputnik International") in chain
    assert ("001", "Sputnik International", "Reuters") in chain
    assert ("002", "this article", "Reuters") in chain


def test_side_by_side_shows_the_deciding_passages_and_reworded_quotes(coll):
    from medialit.views.compare import side_by_side

    html = side_by_side(coll["spin_orig"].text, coll["spin_copy"].text)._repr_html_()
    assert "Decided by:" in html and "<b>quote reworded</b>, similarity 0." in html
    html = side_by_side(coll["wire_v1"].text, coll["wire_v2"].text)._repr_html_()
    assert "were added later" in html


def test_a_stray_opening_mark_does_not_hide_a_copy():
    # one paragraph that opens with a quotation mark and never closes it is not a quotation
    body = " ".join(f"Sentence {k} of the pasted report says the river rose again near the old mill." for k in range(40))
    a = '"' + body
    b = '"' + body + " A last sentence was added by the copy."
    assert compare(a, b).verdict.label == "same_story"


# --- round 2: harder cases ------------------------------------------------------------------

def test_paraphrasing_rewrite_heavily_reworded_quote_is_found_with_its_word_changes(coll):
    r = _cmp(coll, "para_orig", "para_copy")
    assert r.verdict.label == "same_story"
    reworded = [q for q in r.quote_changes if q.kind == "reworded"]
    assert len(reworded) == 1
    [q] = reworded
    assert q.a.startswith("We have no choice but to close the main runway") and q.b.startswith("Its tarmac")
    assert q.speaker == "airport director Lena Marsh" and q.similarity < 0.3
    assert "below 0.3" in q.explanation and "'45'" in q.explanation and "'main'" in q.explanation
    assert any(e.op == "replace" for e in q.changes) and len(q.changes) >= 3


def test_paraphrasing_rewrite_decoy_quote_of_the_same_speaker_is_not_a_rewording(coll):
    # B's last quotation by Marsh (extra pay for the staff at the terminal) sits where A's quotation about the
    # terminal was: same speaker, same place, but another statement
    r = _cmp(coll, "para_orig", "para_copy")
    assert not any("Passengers flying" in q.a or "paid extra" in q.b for q in r.quote_changes)
    # and with the reworded runway quotation cut from B, the decoy does not stand in for it
    copy = coll["para_copy"].text
    start = copy.index('"Its tarmac')
    cut = copy[:start] + copy[copy.index("\n", start):]
    r = compare(coll["para_orig"].text, cut)
    assert r.verdict.label == "same_story"
    assert not any(q.kind == "reworded" for q in r.quote_changes)


def test_heavy_rewording_is_looked_for_only_between_versions_of_one_story(coll):
    # quote_drift alone does not know whether two texts are one story; compare() tells it
    from medialit.compare import quote_drift

    a, b = coll["para_orig"].text, coll["para_copy"].text
    assert not [q for q in quote_drift(a, b)[0] if q.kind == "reworded"]
    [q] = [q for q in quote_drift(a, b, same_story=True)[0] if q.kind == "reworded"]
    assert q.similarity < 0.3


def test_british_single_quoted_passage_with_speaker_named_in_an_earlier_sentence_lost_a_clause(coll):
    r = _cmp(coll, "brit2_orig", "brit2_copy")
    assert r.verdict.label == "same_story"
    [q] = [q for q in r.quote_changes if q.a.startswith("Every winter this ward")]
    assert q.speaker == "Dr Miriam Achebe"  # named two sentences before, in no quotation
    assert "its speaker is implicit: Dr Miriam Achebe" in q.explanation
    [e] = q.changes
    assert e.op == "delete" and "the trust's own audit shows it" in e.a and "no ellipsis" in e.explanation


@pytest.mark.parametrize("a, b", [("court_a", "court_b"), ("match_a", "match_b"), ("earn_a", "earn_b")],
                         ids=["court hearing", "sports result", "earnings call"])
def test_independent_same_event_reports_sharing_quotes_names_and_figures_are_same_event_at_most(coll, a, b):
    r = _cmp(coll, a, b)
    assert r.verdict.label == "same_event", r.verdict.reason
    assert r.evidence.shared_quoted >= 3 and r.evidence.shared_numbers
    assert all(len(f) == 1 for f in story_families({k: coll[k].text for k in (a, b)}))


def test_court_reports_sharing_the_name_of_a_charge_are_not_a_copy(coll):
    # 13% of the narrative is shared, but in one place: the charge, a set legal phrase
    r = _cmp(coll, "court_a", "court_b")
    ev = r.evidence
    assert ev.narrative_containment >= 0.12 and ev.narrative_places == 1
    assert "a set phrase or one pasted line, not a copy" in r.verdict.reason


def test_same_event_reports_quoting_short_remarks_are_not_a_shared_statement(coll):
    # two reporters at one match hear the same two short remarks: not a text quoted at length
    r = _cmp(coll, "match_a", "match_b")
    assert r.evidence.shared_quoted >= 20 and r.evidence.longest_quoted_run < 30
    assert "not a text quoted at length" in r.verdict.reason
    assert _cmp(coll, "letter_a", "letter_b").evidence.longest_quoted_run >= 30


def test_site_blurb_in_the_middle_of_articles_is_furniture(coll, furniture):
    blurb = ("The Harbour Gazette is owned by its readers. Become a member from three pounds a month and keep "
             "independent reporting alive on this coast.")
    assert {line.text: line.articles for line in furniture.lines}[blurb] == 3
    for a, b in [("hg_01", "hg_02"), ("hg_01", "hg_03")]:
        assert _cmp(coll, a, b, furniture).verdict.label == "unrelated"
        alone = _cmp(coll, a, b)  # two posts alone: the blurb mid-article is their shared template
        assert alone.verdict.label == "unrelated" and blurb in alone.left_out
    control = compare(coll["hg_01"].text, coll["hg_02"].text, furniture=learn_furniture([]))
    # without furniture the blurb is still shared word for word, but as one block with nothing
    # else shared it is pasted material (a shared statement), not a copy: furniture says "unrelated"
    assert control.verdict.rule == "pasted_statement" and control.verdict.label == "shared_statement"
    assert control.evidence.statement_places == 2 and blurb in control.evidence.statement_passages[0]


def test_site_newsletter_box_is_furniture(coll, furniture):
    lines = {line.text: line.articles for line in furniture.lines}
    assert lines["NEWSLETTER"] == 3 and lines["Enter your email address"] == 3
    assert any(t.startswith("The Northfield Morning") and n == 3 for t, n in lines.items())
    for a, b in [("np_01", "np_02"), ("np_01", "np_03"), ("np_02", "np_03")]:
        assert _cmp(coll, a, b, furniture).verdict.label == "unrelated"
        assert _cmp(coll, a, b).verdict.label == "unrelated"
    assert all(len(f) == 1 for f in story_families({k: coll[k].text for k in ("np_01", "np_03")}))
