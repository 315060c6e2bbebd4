"""Keys of the course's round-2 exercises (issue 17) agree with the seed texts and the kit's
tables: the neutrality items (Q1.11, Q3.8, Q4.11, Q7.18) quote what the seeds say, in the voice
the key gives; the pre-check (00) and the post-check (07) are twins, item for item."""
from __future__ import annotations

import re

import pytest

from medialit.corpus import load_corpus
from medialit.corpus.clean import label_lines
from medialit.corpus.lateral import load_snapshot
from medialit.exercises import load_exercise_file

from helpers import EXERCISES

PRE = ["q0.5", "q0.6", "q0.7", "q0.8", "q0.9", "q0.10"]
POST = ["q7.11", "q7.12", "q7.13", "q7.14", "q7.15", "q7.16"]
SETS = {stem: load_exercise_file(EXERCISES / f"{stem}.toml") for stem in
        ("00_start_here", "01_who_is_behind_it", "03_quotes_and_attribution_drift", "04_unsourced_claims",
         "07_capstone_bring_your_own")}


def ex(exercise_id):
    stem = {"0": "00_start_here", "1": "01_who_is_behind_it", "3": "03_quotes_and_attribution_drift",
            "4": "04_unsourced_claims", "7": "07_capstone_bring_your_own"}[exercise_id[1]]
    return SETS[stem][exercise_id]


def plain(text: str) -> str:
    """Curly quotes and apostrophes made straight, spaces collapsed."""
    return " ".join(text.translate(str.maketrans("‘’“”", "''\"\"")).split())


@pytest.fixture(scope="module")
def seeds():
    return {a.id: plain(a.text) for a in load_corpus()}


def quoted(text: str) -> list[str]:
    return [q.strip(" .") for q in re.findall(r'"([^"]{12,})"', text)]


def test_q1_11_is_the_last_line_of_000_and_the_kit_flags_it_as_furniture():
    line = re.search(r"'([^']+)'", ex("q1.11").source["prompt"]).group(1)
    last = label_lines(load_corpus()["000"].text)[-1]
    assert last.text == line and last.kind == "boilerplate"
    assert "furniture" in ex("q1.11").source["answer"]


@pytest.mark.parametrize("n", range(5))
def test_q3_8_items_quote_the_seed_they_name(seeds, n):
    entry = ex("q3.8").source["items"][n]
    seed = entry["text"][:3]
    for fragment in quoted(plain(entry["text"])):
        for piece in fragment.split(" ... "):
            assert piece.strip(" .") in seeds[seed], (seed, piece)


def test_q3_8_voices_match_who_speaks_in_the_seed(seeds):
    keys = {e["text"][:40]: e["answer"] for e in ex("q3.8").source["items"]}
    voices = list(keys.values())
    assert voices.count("the outlet's own voice") == 2          # 003 and 004, both in their own voice
    assert "Jim Jatras" in seeds["000"] and "Gonzalez said" in seeds["004"]
    assert "the official said" in seeds["001"] and "members of the former Maduro regime" in seeds["001"]


def test_q4_11_phrases_are_in_the_seeds_and_the_key_is_balanced(seeds):
    source = ex("q4.11").source
    for choice in source["choices"]:
        seed, phrase = choice[:3], plain(choice.split(": ", 1)[1]).strip('"')
        assert phrase.casefold() in seeds[seed].casefold(), (seed, phrase)
    key = [a[:3] for a in source["answer"]]
    assert sorted(key) == ["001", "003", "004", "004"]         # two favour Maduro, two disfavour him
    assert all(choice in source["feedback"] for choice in source["choices"])


def test_q7_18_asks_about_every_outlet_of_the_snapshot_and_the_key_is_all_of_them():
    source = ex("q7.18").source
    assert source["answer"] == source["choices"]
    names = " ".join(e.outlet for e in load_snapshot().entries)
    for choice in source["choices"]:
        word = "Blogger" if "blog" in choice else choice.split()[0 if not choice.startswith("The") else 1]
        assert word in names, choice


@pytest.mark.parametrize("pre,post", list(zip(PRE, POST)))
def test_the_post_check_is_the_pre_checks_twin_on_other_invented_text(pre, post, seeds):
    a, b = ex(pre), ex(post)
    assert a.kind == b.kind and a.source["points"] == b.source["points"] > 0
    assert a.source["prompt"].split(" (")[1].split(")")[0] == b.source["prompt"].split(" (")[1].split(")")[0]
    assert a.source["prompt"] != b.source["prompt"]
    for text in (a.source["prompt"], b.source["prompt"]):
        for fragment in quoted(plain(text)):
            assert not any(fragment in s for s in seeds.values()), fragment     # invented, not from a seed


@pytest.mark.parametrize("exercise_id,numbers,expected", [("q0.9", (20_000, 25_000), 25), ("q7.15", (500, 400), 20)])
def test_percentage_keys_are_the_arithmetic_of_the_prompt(exercise_id, numbers, expected):
    old, new = numbers
    assert abs(new - old) / old * 100 == expected == ex(exercise_id).source["answer"]
    prompt = ex(exercise_id).source["prompt"]
    assert f"{old:,}" in prompt and f"{new:,}" in prompt
