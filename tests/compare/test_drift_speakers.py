"""Quote drift: speakers next to a quotation, pronouns, implicit speakers and cut quotations
(issue 15, held-out round; invented texts)."""
from __future__ import annotations

from medialit.compare import quote_drift
from medialit.compare.drift import find_quote_spans


def _speakers(text):
    return [(q.speaker, q.implicit) for q in find_quote_spans(text)]


def test_the_name_next_to_a_quotation_is_its_speaker_not_the_listener_after_told():
    text = ('The dam was inspected on Monday.\n\n"The wall is sound but the spillway needs work," the '
            "district's senior engineer, Hilde Brask, told reporters at the gate.")
    assert _speakers(text) == [("Hilde Brask", False)]


def test_she_after_a_quotation_is_the_person_named_as_subject_before_it():
    text = ("The council leader, Omar Feld, said the vote would go ahead in March. "
            '"We have waited long enough and the town deserves an answer," he said.')
    assert _speakers(text) == [("Omar Feld", False)]
    before = ("The health minister, Carla Rens, spoke in the chamber. In the debate she said: "
              '"No hospital in this region will close while I hold this office."')
    assert _speakers(before) == [("Carla Rens", False)]


def test_implicit_speaker_is_the_subject_of_the_last_speech_sentence_not_a_name_in_passing():
    text = ("The plan was presented by the harbour master, Ruth Okonjo, on Friday. She said that "
            "dredging would start in May, and compared it with the work ordered by her predecessor "
            "Tobias Wren in 2020.\n\n"
            '"We dredge now or we lose the winter ferries, and the islanders cannot wait another year."')
    [(who, implicit)] = _speakers(text)
    assert who == "Ruth Okonjo" and implicit


def test_a_quotation_cut_short_is_an_edited_quotation_not_a_rewording():
    a = ('"The roof is safe for now and it will last the winter, which is all we can promise at '
         'this stage," the surveyor, Jon Pell, said.')
    b = '"The roof is safe for now," the surveyor, Jon Pell, said.'
    [q] = quote_drift(a, b)[0]
    assert q.kind == "wording" and q.similarity < 0.75 and q.speaker == "Jon Pell"
    assert [e.op for e in q.changes] == ["delete"]


_STORY_A = ("The mill on the Lune river will close in June, its owner said on Monday. About 140 people work "
            "there. The union's local secretary, Mara Voss, said staff had been told by letter. "
            '"The machines have been idle since January and the owners knew it all along," she said. '
            "The owner said the closure was caused by energy prices.")
_STORY_B = ("The mill on the Lune river is to close in June, so said its owner on Monday. About 140 people "
            "are working there. The staff had learned it from a letter, according to the union. "
            '"Since January no machines have run, and of that the owners were aware." '
            "According to the owner the closure comes from the energy prices.")


def test_reworded_quote_whose_speaker_the_rewrite_drops_is_found_between_versions_of_one_story():
    changes = quote_drift(_STORY_A, _STORY_B, same_story=True)[0]
    [q] = [c for c in changes if c.kind == "reworded"]
    assert q.a.startswith("The machines have been idle") and q.b.startswith("Since January")
    assert q.speaker == "Mara Voss" and "speaker dropped" in q.explanation and "'January'" in q.explanation


def test_speakerless_rewording_is_never_tried_between_independent_reports():
    changes = quote_drift(_STORY_A, _STORY_B, same_story=False)[0]
    assert not [c for c in changes if c.kind == "reworded" and c.b.startswith("Since January")]


def test_a_quotation_that_ends_its_sentence_is_not_attributed_by_the_next_sentence():
    text = ('The owner, Lars Moe, spoke on Monday. "The plant will close in May." The union said it '
            'would fight the decision. "Where will forty families find work?" Moe asked.')
    assert [s for s, _ in _speakers(text)] == [None, "Moe"]
    assert _speakers('"Can we wait another year?" she asked the minister, Ida Horn.')[0][0] != "Ida Horn"
