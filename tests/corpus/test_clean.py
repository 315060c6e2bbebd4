"""medialit.corpus.clean: page furniture is flagged with a reason; the story never is."""
from __future__ import annotations

from pathlib import Path

import pytest

from medialit.corpus import clean
from medialit.corpus import RulesError, find_boilerplate, find_metadata, label_lines
from medialit.corpus.clean import parse_rules, rules

from helpers import SEEDS
TEXTS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def _line_starting(seed: str, prefix: str) -> clean.PageLine:
    # The seeds use no-break spaces in places; compare with ordinary spaces.
    matches = [l for l in label_lines(TEXTS[seed]) if " ".join(l.text.split()).startswith(prefix)]
    assert len(matches) == 1, f"{seed}: expected one line starting {prefix!r}, found {len(matches)}"
    return matches[0]


# Every piece of scraped noise the teaching notes list, by seed and line start.
NOISE = [
    ("000", "© AFP 2022 / Cristian HERNANDEZ"),
    ("000", "Supporters of Venezuelan opposition leader Juan Guaido take part in a march in Caracas, on February 23, 2019 - Sputnik"),
    ("000", "READ MORE: Venezuela Gives US Diplomats"),
    ("000", "An oil pumpjack painted with the colors"),
    ("000", "Venezuela's Oil Output 'Severely' Decreased"),
    ("000", "The views and opinions expressed"),
    ("000", "To participate in the discussion"),
    ("000", "log in or register"),
    ("000", "Заголовок открываемого материала"),
    ("001", "Please Wait..."),
    ("001", "Summer of Victories 2019"),
    ("001", "folder_openAsia-Pacific"),
    ("001", "starAdd to favorites"),
    ("002", "No comments:"),
    ("002", "Post a Comment"),
    ("003", "‘Not Justified’: UN Special Rapporteur"),
    ("003", "Mastermind of Botched Venezuela Raid"),
    ("003", "Discuss"),
    ("004", "Read More:"),
    ("004", "Please enter your comment!"),
    ("004", "Please enter your name here"),
]


@pytest.mark.parametrize("seed, prefix", NOISE)
def test_scraped_noise_in_the_seeds_is_flagged_with_a_reason(seed, prefix):
    line = _line_starting(seed, prefix)
    assert line.kind == "boilerplate", f"{seed}: {line.text!r} not flagged"
    assert line.rule and len(line.reason.split()) >= 4


def test_both_world_labels_in_003_are_section_labels():
    labels = [l for l in label_lines(TEXTS["003"]) if l.text == "World"]
    assert len(labels) == 2 and {l.rule for l in labels} == {"section_label"}


def test_related_headlines_are_told_apart_from_captions():
    assert _line_starting("000", "Venezuela's Oil Output").rule == "related_headline_after_label"
    assert _line_starting("003", "Mastermind of Botched").rule == "related_headline_after_label"
    assert _line_starting("000", "An oil pumpjack").rule == "caption_suffix"


# The first words of every body paragraph of every seed: none may be flagged.
BODY = {
    "000": ["US Secretary of State Mike Pompeo", "Sputnik has discussed", "Sputnik: What does the US hope",
            "Jim Jatras: Well,", "Sputnik: How credible", "Jim Jatras: As far as I know",
            "Sputnik: What do you think", "Jim Jatras: I think there are"],
    "001": ["White House National Security Adviser", "The United States is engaged", "The insider, who spoke",
            '"We believe these', "According to the Reuters source", "Some European nations",
            "Currently, the Trump", "Another US official", "Earlier this week", "All eyes have been",
            "The legitimately elected", "Besides the introduction"],
    "002": ["According to a Reuters report", "The Trump administration expects", "One of the officials",
            "The official declined", "With the Venezuelan military", "Members of the South American",
            "The U.S. government also sees", "Major European countries", "At the same time",
            "Previous rounds have targeted", "It is believed", "The U.S. government is also weighing",
            "Maduro’s government has accused", "Guaido has actively courted", "Maduro still has the support"],
    "003": ["Washington and Caracas have had", "Senior US State Department", "Current and former officials",
            "NYT’s sources did not clarify", "World oil prices have jumped", "Venezuela has the largest",
            "The US introduced crushing", "In addition to economic pressure", "Venezuela has rejected",
            "Last week, Venezuelan ambassador", "“Sadly, these agreements"],
    "004": ["Senior US officials have traveled", "The New York Times said", "According to Reuters, no deal",
            "“Clearly, they want", "Maduro has clung to power", "“Whereas the previous administration",
            "Even powerful conservative voices", "Regan added:", "Human rights and democracy"],
}


@pytest.mark.parametrize("seed", sorted(BODY))
def test_no_body_paragraph_of_any_seed_is_flagged(seed):
    for prefix in BODY[seed]:
        line = _line_starting(seed, prefix)
        assert line.kind == "body", f"{seed}: body paragraph {prefix!r} flagged by {line.rule}"


@pytest.mark.parametrize("seed", sorted(TEXTS))
def test_the_body_is_exactly_the_listed_paragraphs(seed):
    body = [l.text for l in label_lines(TEXTS[seed]) if l.kind == "body"]
    assert len(body) == len(BODY[seed])


def test_typo_in_001_is_not_boilerplate():
    line = _line_starting("001", "All eyes have been")
    assert "presideggnt" in line.text and line.kind == "body"


@pytest.mark.parametrize("seed, kind, text", [
    ("000", "headline", "US Creates 'Higher Sense of Crisis' by Pulling Staff From Caracas - Ex-Diplomat"),
    ("001", "headline", "US in Touch With Venezuelan Military, Mulls New Sanctions on Maduro"),
    ("001", "byline", "By Staff, News Agencies"),
    ("002", "dateline", "Saturday 9 February 2019"),
    ("002", "headline", "United States Godfathering Mutiny in Venezuela"),
    ("003", "headline", "Senior US Officials Visit Venezuela to Try to Split Russia Off From Latin American Allies: Report"),
    ("004", "headline", "In An Apparent Attempt To Further Isolate Russia, Us Officials Are Flying To Venezuela For Discussions"),
])
def test_headline_byline_and_dateline_are_kept_as_metadata(seed, kind, text):
    found = [(m.kind, m.text) for m in find_metadata(TEXTS[seed])]
    assert (kind, text) in found
    assert text not in [b.text for b in find_boilerplate(TEXTS[seed])]


@pytest.mark.parametrize("seed", sorted(TEXTS))
def test_offsets_point_at_the_flagged_text(seed):
    text = TEXTS[seed]
    for b in find_boilerplate(text):
        assert text[b.start:b.end] == b.text
        assert b.to_dict()["reason"] == b.reason


# ---------------------------------------------------------------- other sites

def _in_article(line: str) -> str:
    return ("Mayor Opens New Bridge\n\n"
            "The mayor opened the new bridge on Tuesday after three years of work, officials said.\n\n"
            f"{line}\n\n"
            "Traffic is expected to ease by the summer, according to the city's transport office.\n")


@pytest.mark.parametrize("line, rule", [
    ("Share this article", "share_button"),
    ("Sign up for our newsletter", "login_prompt"),
    ("Photo: Reuters/John Doe", "photo_credit"),
    ("Click here to read more", "read_more_link"),
    ("Advertisement", "advert_label"),
    ("Follow us on Twitter", "share_button"),
    ("Leave a Reply", "comment_prompt"),
    ("Related: Council Votes to Raise Parking Fees", "read_more_link"),
    ("The new bridge at dawn. (Photo by Jane Roe/Getty Images)", "photo_credit"),
    ("Commuters cross the bridge on Tuesday / AFP", "caption_suffix"),
    ("Story continues below advertisement", "advert_label"),
    ("3 hours ago", "relative_time"),
    ("4 min read", "page_counter"),
    ("Article ID: 1093640999", "page_counter"),
    ("The views expressed in this article are the author's own.", "disclaimer"),
    ("Politics", "section_label"),
])
def test_furniture_from_other_sites_is_flagged(line, rule):
    [b] = find_boilerplate(_in_article(line))
    assert (b.text, b.rule) == (line, rule)


@pytest.mark.parametrize("line", ["Comments are closed.", "Comments are closed", "Comments closed", "Leave a Reply",
                                  "Cancel reply", "Commenting is closed for this article."])
def test_comment_form_furniture_is_flagged_as_a_comment_prompt(line):
    [b] = find_boilerplate(_in_article(line))
    assert (b.text, b.rule) == (line, "comment_prompt")
    assert "comment" in b.reason


@pytest.mark.parametrize("line", [
    "He said the photo was real.",
    "Comments are closed to the public until the inquiry ends, the council said.",
    "The mayor said the reply was cancelled.",
    "Read more books, the minister urged.",
    "Share prices fell 3% on Monday, traders said.",
    "Comments from the minister drew criticism.",
    "Photographs of the bridge circulated widely online, the council said.",
    "By the end of the week, the bridge had opened to cyclists too.",
    "The agency said it would share the data with Reuters and AFP.",
])
def test_sentences_that_mention_the_same_words_are_not_flagged(line):
    assert find_boilerplate(_in_article(line)) == []
    assert find_boilerplate(line) == []


def test_a_title_case_line_between_paragraphs_is_flagged_as_a_related_headline():
    [b] = find_boilerplate(_in_article("Ten Things You Missed About the City Budget Vote"))
    assert b.rule == "related_headline_between_paragraphs" and "headline" in b.reason


def test_a_short_sentence_case_line_between_paragraphs_is_left_alone():
    assert find_boilerplate(_in_article("The bridge is open now")) == []


def test_a_short_line_after_a_caption_is_a_related_headline():
    text = _in_article("Workers on the bridge in May - Getty Images\nCity Hall Faces Second Audit in a Year")
    assert [b.rule for b in find_boilerplate(text)] == ["caption_suffix", "related_headline_after_label"]


def test_the_first_line_is_the_headline_even_if_it_ends_with_an_agency_name():
    text = "Bridge Opens After Three Years - Reuters\n\nThe bridge opened on Tuesday, officials said.\n"
    assert find_boilerplate(text) == []
    assert [m.kind for m in find_metadata(text)] == ["headline"]


def test_short_banner_above_the_headline_is_flagged_but_the_headline_is_kept():
    text = "Election 2024\n\nMayor Opens New Bridge After Three Years of Work\n\nThe mayor opened the bridge, officials said.\n"
    assert [(b.text, b.rule) for b in find_boilerplate(text)] == [("Election 2024", "site_banner")]
    assert [m.text for m in find_metadata(text)] == ["Mayor Opens New Bridge After Three Years of Work"]


@pytest.mark.parametrize("ui", ["Заголовок открываемого материала", "分享到微信", "مشاركة المقال"])
def test_short_interface_string_in_another_alphabet_is_flagged(ui):
    [b] = find_boilerplate(_in_article(ui))
    assert b.rule == "foreign_script" and "Latin" in b.reason


def test_a_latin_line_in_a_cyrillic_article_is_flagged_but_cyrillic_body_is_not():
    text = ("Мэр открыл новый мост во вторник после трёх лет работы, сообщили чиновники.\n"
            "Share on Telegram now\n"
            "Движение станет легче к лету, сообщили в транспортном управлении города.\n")
    assert [b.text for b in find_boilerplate(text)] == ["Share on Telegram now"]


def test_one_line_text_is_never_a_headline_alone():
    assert find_metadata("Bridge Opens After Three Years") == []
    assert find_boilerplate("Bridge Opens After Three Years") == []


def test_empty_text_has_no_lines():
    assert label_lines("") == [] and find_boilerplate("\n\n") == []


# ---------------------------------------------------------------- the rule table

def test_rule_table_has_a_reason_and_category_for_every_rule():
    table = rules()
    assert len(table.rules) >= 15
    for rule in table.rules:
        assert rule.reason and rule.category and (rule.patterns or rule.structural)
    assert {"byline", "dateline"} <= {r.name for r in table.meta}
    rows = table.rows()
    assert len(rows) == len(table.rules) + len(table.meta) and all(r["patterns"] for r in rows)


def test_every_flagged_seed_line_carries_its_rules_reason():
    table = rules()
    for text in TEXTS.values():
        for b in find_boilerplate(text):
            assert b.reason.startswith(table.rule(b.rule).reason)
            assert b.category == table.rule(b.rule).category


def test_a_teacher_can_add_a_rule_without_touching_python():
    extra = '[[rule]]\nname = "donate"\ncategory = "advert"\nreason = "fundraising appeal"\npatterns = [\'^support our journalism\']\n'
    text = _in_article("Support our journalism today")
    assert find_boilerplate(text) == []
    table = parse_rules(extra, source="my_rules.toml")
    assert [b.rule for b in find_boilerplate(text, rules=table)] == ["donate"]


def test_a_list_entry_extends_every_pattern_that_uses_it():
    base = (Path(clean.__file__).parents[1] / "rules" / "boilerplate.toml").read_text(encoding="utf-8")
    text = _in_article("Boats in the harbour at night - Harbour Photo Agency")
    assert find_boilerplate(text) == []
    table = parse_rules(base.replace('agencies = [\n', 'agencies = [\n  "Harbour Photo Agency",\n', 1))
    assert [b.rule for b in find_boilerplate(text, rules=table)] == ["caption_suffix"]


def test_bad_rule_tables_are_explained():
    with pytest.raises(RulesError, match=r"my\.toml: rule 'broken': invalid pattern"):
        parse_rules('[[rule]]\nname = "broken"\nreason = "r"\npatterns = ["(unclosed"]\n', source="my.toml")
    with pytest.raises(RulesError, match=r"my\.toml, line 4: unknown key 'pattern' in \[\[rule\]\] number 1 \(known: "):
        parse_rules('[[rule]]\nname = "typo"\nreason = "r"\npattern = "x"\n', source="my.toml")
    with pytest.raises(RulesError, match=r"my\.toml, line 1: invalid TOML near key 'rule'"):
        parse_rules("[[rule]\n", source="my.toml")


def test_sentences_skip_the_boilerplate_lines():
    from medialit.text import sentences

    for text in TEXTS.values():
        flagged = find_boilerplate(text)
        for s in sentences(text, skip=flagged):
            assert not any(b.start < s.end and s.start < b.end for b in flagged), s.text


def test_a_lone_agency_name_after_the_first_paragraph_is_a_credit_but_not_in_the_header():
    assert _line_starting("003", "Sputnik").rule == "bare_credit"
    text = "Bridge Opens\n\nReuters\n\nThe bridge opened on Tuesday after three years of work, officials said.\n\nAFP\n\nTraffic eased.\n"
    assert [b.text for b in find_boilerplate(text)] == ["AFP"]


def test_the_line_after_a_bare_caption_label_is_the_caption():
    text = _in_article("Image caption,\nFirefighters worked through the night in the old town")
    assert [b.rule for b in find_boilerplate(text)] == ["photo_credit", "photo_credit"]


@pytest.mark.parametrize("line, kind", [
    ("Reporting by Ann Lee; Editing by Tom Roe", "byline"),
    ("By Ann Lee and Tom Roe", "byline"),
    ("October 5, 2022 10:14 AM UTC", "dateline"),
    ("Published: 9 Feb. 2019", "dateline"),
])
def test_bylines_and_datelines_from_other_sites_are_metadata(line, kind):
    text = _in_article(line)
    assert find_boilerplate(text) == []
    assert (kind, line) in [(m.kind, m.text) for m in find_metadata(text)]
