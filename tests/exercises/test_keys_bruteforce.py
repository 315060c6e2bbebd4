"""Brute force against a practice release: the cost of recovering a key is the product of its
items' choices times the cost of one slow hash, and no check output helps faster.

As a test it counts hash calls (the slow hash is made cheap; the count is what matters). As a
script it prints the table the instructor guide quotes, with the real hash cost measured on
this machine::

    PYTHONPATH=. python tests/exercises/test_keys_bruteforce.py

An attacker who has the release file and its code can only do this: pick a whole answer,
compute its form, hash it once, compare. Per-item messages do not exist in a practice key;
the only other outputs are the explanation (opens for the right answer only) and the messages
of whole wrong answers listed by the author (each costs one hash to find, like any guess).
"""
from __future__ import annotations

import itertools
import math
import re
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from medialit.exercises import keys, load_exercise_file
from medialit.exercises.checking import check, coerce
from medialit.exercises.authoring import key_answer
from medialit.exercises.kinds import KINDS
from medialit.exercises.release import release_exercise_file
from medialit.exercises.spec import parse_exercises
from medialit.rules import tomllib

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 5000          # enumerate exercises whose space is at most this (the test); the script reports all


def search_space(exercise) -> float:
    """How many whole answers there are to try (``inf`` for a text; a number: bins within ten
    times the answer's size on the public rounding)."""
    kind, options, items = exercise.kind, exercise.options(), exercise.items()
    if kind == "single_choice":
        return len(options)
    if kind == "multiple_choice":
        return 2 ** len(options)
    if kind == "pick_sentences":
        return 2 ** len(items)
    if kind in ("label_items", "match_pairs"):
        return (len(options) + 1) ** len(items)        # each item: an option, or left blank
    if kind == "number" or exercise.data.get("expects") == "number":
        rounding = exercise.key["rounding"]
        size = 10 * max(1.0, abs(float(exercise_source_answer(exercise))))
        if rounding["scale"] == "exact":
            return 2 * size * 100                      # typed to two decimals
        if rounding["scale"] == "linear":
            return 2 * size / rounding["step"]
        return 2 * math.log(100) / rounding["step"]    # a factor of ten either way
    return math.inf


_SOURCE_ANSWERS: dict[str, Any] = {}


def exercise_source_answer(exercise) -> Any:
    return _SOURCE_ANSWERS[exercise.id]


def candidates(exercise) -> Iterator[Any]:
    """Every whole answer of an enumerable exercise, as a student could give it."""
    kind, options, items = exercise.kind, exercise.options(), exercise.items()
    if kind == "single_choice":
        yield from options
    elif kind in ("multiple_choice", "pick_sentences"):
        pool = options if kind == "multiple_choice" else list(range(1, len(items) + 1))
        for size in range(len(pool) + 1):
            for chosen in itertools.combinations(pool, size):
                yield list(chosen)
    elif kind in ("label_items", "match_pairs"):
        yield from (list(c) for c in itertools.product([None, *options], repeat=len(items)))


def released_twins(path: Path):
    source = load_exercise_file(path)
    text, _ = release_exercise_file(path, salt="brute-force")
    return source, parse_exercises(tomllib.loads(text), "release")


class Counter:
    """Counts the slow hashes an attack makes."""

    def __init__(self, monkeypatch) -> None:
        self.calls = 0
        real = keys.slow_hash

        def counted(*args, **kwargs):
            self.calls += 1
            return real(*args, **kwargs)
        monkeypatch.setattr(keys, "slow_hash", counted)


def _enumerable(path: Path) -> list[str]:
    source = load_exercise_file(path)
    return [e.id for e in source.exercises if e.graded and e.kind not in ("number", "code")]


CASES = [(p, i) for p in sorted((ROOT / "exercises").glob("*.toml")) for i in _enumerable(p)]


@pytest.mark.parametrize("path,exercise_id", CASES, ids=[f"{p.stem[:2]}-{i}" for p, i in CASES])
def test_brute_force_costs_the_product_of_the_item_spaces(path, exercise_id, monkeypatch):
    source, released = released_twins(path)
    exercise, twin = source[exercise_id], released[exercise_id]
    space = search_space(twin)
    if space > LIMIT:
        pytest.skip(f"{space:.3g} whole answers: too many to enumerate in a test (the script reports it)")
    kind = KINDS[twin.kind]
    right = kind.answer_form(twin, coerce(twin, key_answer(exercise)))
    counter = Counter(monkeypatch)
    outputs: dict[tuple, int] = {}
    tried, found_at = 0, None
    for candidate in candidates(twin):
        tried += 1
        result = check(twin, coerce(twin, candidate))
        shape = (result.status, result.message, result.details, result.explanation)
        outputs[shape] = outputs.get(shape, 0) + 1
        if result.passed and found_at is None:
            found_at = tried
            assert kind.answer_form(twin, coerce(twin, candidate)) == right
    assert tried == space, "the enumeration covers the whole space"
    assert found_at is not None
    unanswered = sum(n for (status, *_), n in outputs.items() if status == "unanswered")
    # one slow hash per answered candidate: testing a guess cannot be cheaper than hashing it
    assert counter.calls == tried - unanswered
    # no per-item signal: every wrong answer gives the same output, except the author's listed
    # whole wrong answers (one distinct output each), so no output narrows the search faster
    wrong = sorted((n for (status, *_), n in outputs.items() if status == "incorrect"), reverse=True)
    listed = len(twin.key.get("feedback", {}))
    assert len(wrong) <= 1 + listed
    assert wrong[0] >= tried - unanswered - 1 - listed


def test_the_answer_form_of_items_is_one_string_not_one_hash_per_item():
    # the product, not the sum: a practice key of a six-item exercise has one entry, not six
    path = ROOT / "exercises" / "04_unsourced_claims.toml"
    _, released = released_twins(path)
    labelled = [e for e in released.exercises if e.kind == "label_items"]
    assert labelled and all(len(e.key["accept"]) == 1 for e in labelled)
    numbers = [e for e in released.exercises if e.kind == "number"]
    assert all(len(e.key["accept"]) == keys.NUMBER_SLOTS for e in numbers)   # padded: the band's width is hidden


GUESSABLE = 1_200        # whole answers: half of them at 100 ms a hash is a minute
HOURS = 100_000          # more than this: over an hour at 80-100 ms a hash
GUIDE = ROOT / "docs" / "instructor-guide.md"
EXERCISE_ID = re.compile(r"\bq\d+\.\d+[a-z]?\b")


def spaces() -> dict[str, tuple[str, float]]:
    """``{exercise id: (kind, whole answers)}`` for every graded exercise of the kit's practice release."""
    out = {}
    for path in sorted((ROOT / "exercises").glob("*.toml")):
        source, released = released_twins(path)
        for exercise in released.exercises:
            if exercise.graded:
                _SOURCE_ANSWERS[exercise.id] = source[exercise.id].source.get("answer")
                out[exercise.id] = (exercise.kind, search_space(exercise))
    return out


def test_the_instructor_guide_lists_what_is_guessable_by_design():
    # the guide's table of search costs sorts every graded exercise into three columns; it must
    # say what the kit's exercises are now (when this fails, rerun this file as a script and
    # update the table in docs/instructor-guide.md, "Release modes")
    row = next(line for line in GUIDE.read_text(encoding="utf-8").splitlines()
               if line.startswith("| every single choice"))
    columns = [set(EXERCISE_ID.findall(cell)) for cell in row.strip("|").split("|")]
    assert len(columns) == 3
    named = [i for column in columns for i in column]
    assert len(named) == len(set(named)), "an exercise is named in two columns"
    for exercise_id, (kind, space) in spaces().items():
        if kind in ("single_choice", "multiple_choice"):          # "every single/multiple choice"
            assert space <= GUESSABLE and exercise_id not in named, (exercise_id, space)
            continue
        where = 0 if space <= GUESSABLE else 1 if space <= HOURS else 2
        assert exercise_id in columns[where], (exercise_id, kind, f"{space:.3g} whole answers",
                                               f"belongs in column {where + 1} of the guide's table")
    assert set(named) <= set(spaces()), "the guide names an exercise the kit does not have"


def report(rounds: int = 5) -> list[str]:
    """The instructor guide's table: exercise, kind, whole answers, expected hashes, time at the real cost."""
    keys.COST = dict(keys.COST)
    start = time.perf_counter()
    for i in range(rounds):
        keys.slow_hash("salt", "q", f"form {i}", keys.COST)
    per_hash = (time.perf_counter() - start) / rounds
    lines = [f"one slow hash (scrypt n={keys.COST['n']}, r={keys.COST['r']}): {per_hash * 1000:.0f} ms",
             "exercise  kind             whole answers   expected time to find (half the space)"]
    for path in sorted((ROOT / "exercises").glob("*.toml")):
        source, released = released_twins(path)
        for exercise in released.exercises:
            if not exercise.graded:
                continue
            _SOURCE_ANSWERS[exercise.id] = source[exercise.id].source.get("answer")
            space = search_space(exercise)
            seconds = space / 2 * per_hash
            when = "unbounded (a text)" if math.isinf(space) else \
                f"{seconds:.2g} s" if seconds < 3600 else f"{seconds / 3600:.2g} h" if seconds < 86400 * 365 \
                else f"{seconds / 86400 / 365:.2g} years"
            lines.append(f"{exercise.id:<9} {exercise.kind:<16} {space:>13.3g}   {when}")
    return lines


if __name__ == "__main__":
    keys.COST = {"n": 2 ** 14, "r": 8, "p": 1}
    print("\n".join(report()))
    sys.exit(0)
