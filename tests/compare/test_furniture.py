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


def test_a_template_shared_by_two_articles_alone_is_found_at_their_edges_and_unquoted_in_between():
    a = "Hill Gazette | news from Tarn\n" + BODIES[0] + "\n" + FOOT
    b = "Hill Gazette | news from Tarn\n" + BODIES[1] + "\n" + FOOT
    assert {line.text for line in pair_furniture(a, b).lines} == {"Hill Gazette | news from Tarn", FOOT}
    # in the middle of two long, otherwise unrelated articles: a blurb without quotation
    # marks is template; a line holding a quotation is more likely a shared quote, and stays
    blurb = "Support the Hill Gazette: become a member and keep local reporting alive."
    quote = "\u201cWe will not close the school,\u201d the mayor said at the meeting on Monday."
    a = BODIES[:2] + ["Snow is forecast for the high farms by the weekend, and the buses may not run.",
                      "The road over the col was gritted twice overnight by crews from the county depot.",
                      blurb, quote, "Parents were told to check the school's page before seven each morning.",
                      "The last heavy snow, four winters ago, cut off the upper hamlets for nine days.",
                      "Schools stay open."]
    b = BODIES[2:] + ["The bakery will bake rye on Saturdays only, using flour milled in the next valley.",
                      "Its owner trained for six years in a city hotel before coming home to Tarn.",
                      blurb, quote, "She hopes to take on an apprentice from the village school next year.",
                      "The old bakery on the square closed twenty years ago when its owner retired.",
                      "Prices are unchanged."]
    found = {line.text for line in pair_furniture("\n".join(a), "\n".join(b)).lines}
    assert found == {blurb}
