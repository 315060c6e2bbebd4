"""medialit.compare.furniture: site furniture learned from a collection."""
from __future__ import annotations

from medialit.compare.furniture import FURNITURE_MIN, learn_furniture, line_key, pair_furniture

BODIES = ["Rain closed the mountain pass on Monday and drivers were sent back to the valley.",
          "The choir sang to a full abbey on Sunday night, raising money for the roof.",
          "A new bakery opened on the square, and the queue reached the post office by nine.",
          "Farmers say the late frost has cost them most of this year's cherries."]
FOOT = "About us: the Hill Gazette is owned by a reader cooperative and printed in Tarn."


def test_a_line_recurring_in_unrelated_articles_is_furniture_with_its_count():
    f = learn_furniture([b + "\n" + FOOT for b in BODIES])
    assert [(line.text, line.articles) for line in f.lines] == [(FOOT, 4)]
    assert [s.text for s in f.spans("Something else.\n" + FOOT)] == [FOOT]


def test_below_the_minimum_number_of_articles_nothing_is_furniture():
    f = learn_furniture([b + "\n" + FOOT for b in BODIES[:FURNITURE_MIN - 1]])
    assert not f and f.lines == ()


def test_lines_shared_by_related_articles_are_story_text_not_furniture():
    story = ["The dam upstream of Tarn will be opened on Friday, the water board said.",
             "Residents of the lower streets were told to move cars away from the river.",
             "Engineers said the reservoir had reached its highest level for thirty years."]
    versions = ["\n".join(story[:1] + [f"Version {k} adds a line about the dam's age of {k}0 years and its keepers."])
                for k in range(3)]
    versions = [v + "\n" + "\n".join(story[1:]) for v in versions]
    assert not learn_furniture(versions)


def test_line_keys_fold_case_digits_and_spaces_and_skip_empty_lines():
    assert line_key("Posted 3 May 2024") == line_key("posted  12 may 1999 ")
    assert line_key("  ") is None and line_key("12:30") is None


def test_a_template_shared_by_two_articles_alone_is_found_at_their_edges_only():
    a = "Hill Gazette | news from Tarn\n" + BODIES[0] + "\n" + FOOT
    b = "Hill Gazette | news from Tarn\n" + BODIES[1] + "\n" + FOOT
    assert {line.text for line in pair_furniture(a, b).lines} == {"Hill Gazette | news from Tarn", FOOT}
    # a line shared in the middle of two long articles is not template
    mid = "A sentence both of them happen to carry in the middle of the text."
    a2 = "\n".join(BODIES[:1] * 1 + ["x one", "x two", "x three", mid, "y one", "y two", "y three"])
    b2 = "\n".join(BODIES[1:2] + ["z one", "z two", "z three", mid, "w one", "w two", "w three"])
    assert not pair_furniture(a2, b2)
