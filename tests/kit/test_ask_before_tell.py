"""Ask before tell: in every notebook the student meets an exercise before the text that explains
its answer. Explanations come after the check cell, collapsed (``<details>``), or in the feedback."""
from __future__ import annotations

import json
import re

import pytest

from medialit.exercises import load_exercise_file
from medialit.exercises.keys import normalise

from helpers import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def cells(stem: str) -> list[tuple[str, str]]:
    nb = json.loads((ROOT / "notebooks" / f"{stem}.ipynb").read_text(encoding="utf-8"))
    return [(c["cell_type"], "".join(c["source"]) if isinstance(c["source"], list) else c["source"])
            for c in nb["cells"]]


def position(stem: str, text: str) -> int:
    hits = [i for i, (_, source) in enumerate(cells(stem)) if text in source]
    assert hits, f"{stem}: {text!r} is not in the notebook"
    return hits[0]


def check_cell(stem: str, exercise_id: str) -> int:
    return position(stem, f'ex.check("{exercise_id}")')


# (notebook, text that explains an answer, the exercise it gives away)
TELLS = [
    ("01_who_is_behind_it", "Somebody changed the spelling on the way", "q1.5"),
    ("01_who_is_behind_it", "the error came in at the last step of copying", "q1.4"),
    ("01_who_is_behind_it", "and 001 copied Sputnik", "q1.8"),
    ("02_same_story_different_outlets", "compare.story_families(corpus)", "q2.2"),
    ("02_same_story_different_outlets", "Two outlets wrote about one event from different upstream texts", "q2.3"),
    ("02_same_story_different_outlets", "closes the article with a judgement and no source at all", "q2.4"),
    ("02_same_story_different_outlets", "001 names Reuters but copied Sputnik", "q2.6"),
    ("02_same_story_different_outlets", "Two versions that each keep what the other lost are siblings", "q2.8"),
    ("02_same_story_different_outlets", "trail = lineage([corpus[", "q2.8"),
    ("02_same_story_different_outlets", "names it: Reuters, 001 by way of Sputnik", "q2.8"),
    ("03_quotes_and_attribution_drift", "one word went missing inside the quotation marks", "q3.2"),
    ("03_quotes_and_attribution_drift", "result = compare.compare(", "q3.2"),
    ("04_unsourced_claims", "neither is attributed to anyone", "q4.2"),
    ("04_unsourced_claims", "leans on what \"everybody understands\"", "q4.7"),
    ("05_checking_figures", "both price lines cross their claimed levels", "q5.5"),
    ("05_checking_figures", "for c in check_internal(paragraph", "q5.11"),
    ("05_checking_figures", "for c in check_internal(paragraph", "q5.12"),
    ("05_checking_figures", "The regatta is \"cannot tell\"", "q5.12"),
    ("05_checking_figures", "for c in check_internal(corpus[\"003\"]", "q5.13"),
    ("05_checking_figures", "makes the two US nationals part of", "q5.13"),
    ("06_labels_and_framing", "three of the four mentions carry an adjective", "q6.3"),
]


@pytest.mark.parametrize("stem,text,exercise_id", TELLS, ids=[f"{t[2]}" for t in TELLS])
def test_the_explanation_comes_after_the_check(stem, text, exercise_id):
    assert position(stem, text) > check_cell(stem, exercise_id), \
        f"{stem}: {text!r} explains {exercise_id} before the student answers it"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_collapsed_explanations_follow_the_check_of_their_exercise(path):
    """A collapsed explanation names its exercise, and the last check cell before it is that exercise's."""
    listing = cells(path.stem)
    for i, (kind, source) in enumerate(listing):
        if kind == "markdown" and source.startswith("<details>"):
            wanted = re.search(r"checked Q([\d.]+\w*)", source).group(1).lower()
            checks = [s for k, s in listing[:i] if k == "code" and "ex.check(" in s]
            assert checks and f'ex.check("q{wanted}")' in checks[-1], \
                f"{path.name}: cell {i} explains Q{wanted} but follows another check"


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 8]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_text_before_a_question_repeats_its_key_or_explanation(path):
    """Between the previous check and an exercise's widget, no markdown cell contains the exercise's
    right choice (single choice) or a sentence of its explanation."""
    source_file = ROOT / "exercises" / f"{path.stem}.toml"
    if not source_file.is_file():
        pytest.skip("no exercises")
    exercises = {e.id: e for e in load_exercise_file(source_file).exercises}
    listing = cells(path.stem)
    start = 0
    for i, (kind, source) in enumerate(listing):
        shown = re.search(r'ex\.show\("([^"]+)"\)', source) if kind == "code" else None
        if shown and shown.group(1) in exercises:
            ex = exercises[shown.group(1)]
            before = normalise(" ".join(s for k, s in listing[start:i] if k == "markdown"))
            tells = _sentences(ex.source.get("explanation", ""))
            if ex.kind == "single_choice" and len(ex.source["answer"].split()) >= 4:
                tells.append(ex.source["answer"])
            for tell in tells:
                assert normalise(tell) not in before, f"{path.name}: the text before {ex.id} says {tell!r}"
        if kind == "code" and "ex.check(" in source:
            start = i + 1
