"""The minutes in the instructor guide and in each notebook's heading are the ones the guide's
method gives (``tests/kit/lesson_minutes.py``), and every core path, with internet and without,
fits a 45-minute lesson."""
from __future__ import annotations

import json
import re

import pytest

from kit import lesson_minutes as lm

GUIDE = lm.ROOT / "docs" / "instructor-guide.md"
LESSON = 45


@pytest.fixture(scope="module")
def table():
    return {stem: (online, offline, optional, check) for stem, online, offline, optional, check in lm.table()}


def guide_times() -> dict[str, str]:
    rows = {}
    for line in GUIDE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and re.fullmatch(r"`\d\d_\w+`", cells[1]):
            rows[cells[1].strip("`")] = cells[2]
    return rows


def test_every_core_path_fits_a_lesson_with_internet_and_without(table):
    over = {stem: (online, offline) for stem, (online, offline, _, _) in table.items() if max(online, offline) > LESSON}
    assert not over, f"core minutes (with internet, without) over {LESSON}: {over}"


def test_07s_offline_path_is_counted_the_snapshot_in_place_of_the_live_fetch():
    parts = lm.estimate("07_capstone_bring_your_own")
    assert parts["offline"].words > 0 and parts["online"].code_cells == 1      # the snapshot view; fetch
    assert "q7.18" in parts["optional"].exercises                               # optional inside the offline section
    paths = lm.path_minutes(parts)
    assert paths["without internet"] == pytest.approx(parts["core"].minutes + parts["offline"].minutes)
    assert paths["with internet"] == pytest.approx(parts["core"].minutes + parts["online"].minutes)


def test_the_guide_table_gives_the_estimated_minutes(table):
    times = guide_times()
    assert set(times) == set(table)
    for stem, (core, offline, optional, check) in table.items():
        found = dict((part, int(n)) for n, part in re.findall(
            r"(\d+) (core|optional|pre-check|post-check|without internet)", times[stem]))
        expected = {"core": core, **({"optional": optional} if optional else {})}
        if offline != core:
            expected["without internet"] = offline
        if check:
            expected["pre-check" if stem.startswith("00") else "post-check"] = check
        assert found == expected, (stem, times[stem])


@pytest.mark.parametrize("stem", [p.stem for p in sorted(lm.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))])
def test_the_notebook_heading_states_about_the_same_minutes(table, stem):
    core, offline, optional, check = table[stem]
    first = "".join(json.loads((lm.NOTEBOOKS / f"{stem}.ipynb").read_text(encoding="utf-8"))["cells"][0]["source"])
    line = next(l for l in first.splitlines() if "time:**" in l.casefold())
    stated = [int(n) for n in re.findall(r"about (\d+)", line)]
    if stem.startswith("00"):            # "about 30 minutes (the pre-check at the end takes 10 to 15)"
        assert abs(stated[0] - (core + check)) <= 3, line
        return
    assert abs(stated[0] - core) <= 2 and abs(stated[0] - offline) <= 2, line
    if offline != core:
        assert "without internet" in line.casefold() or "with internet or without" in line.casefold(), line
    if optional:
        extra = stated[1:]            # one figure for all optional parts, or one per part
        assert "optional" in line.casefold(), line
        assert any(abs(n - optional) <= 2 for n in extra) or abs(sum(extra) - optional) <= 2, line


def test_optional_headings_and_paragraphs_are_counted_apart(tmp_path, monkeypatch):
    cells = [
        {"cell_type": "markdown", "source": ["## 1. Core\n", " ".join(["word"] * 200)]},
        {"cell_type": "code", "source": ["print(1)"]},
        {"cell_type": "markdown", "source": ["### An extra (optional)\n", " ".join(["word"] * 400)]},
        {"cell_type": "code", "source": ["print(2)"]},
        {"cell_type": "markdown", "source": ["## 2. Core again\n", " ".join(["word"] * 200)]},
        {"cell_type": "markdown", "source": ["**Optional:** " + " ".join(["word"] * 198)]},
        {"cell_type": "markdown", "source": ["## After the course: a short check (post-check)"]},
    ]
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "00_start_here.ipynb").write_text(json.dumps({"cells": cells}), encoding="utf-8")
    monkeypatch.setattr(lm, "NOTEBOOKS", tmp_path / "notebooks")
    parts = lm.estimate("00_start_here")
    assert parts["core"].words == 2 + 200 + 3 + 200             # "1. Core", "2. Core again"
    assert parts["core"].minutes == pytest.approx(405 / 200 + 0.5)
    assert parts["optional"].words == 3 + 400 + 199              # "An extra optional", "Optional" + 198
    assert parts["optional"].minutes == pytest.approx(602 / 200 + 0.5)
    assert parts["check"].words == 7                               # "After the course: ... (post-check)"


def test_a_whole_article_is_read_once_and_an_exercise_counts_its_allowance(tmp_path, monkeypatch):
    from medialit.corpus import load_corpus
    cells = [
        {"cell_type": "code", "source": ['show_article("001")']},
        {"cell_type": "code", "source": ['show_article("001")']},
        {"cell_type": "code", "source": ['ex.show("q0.1")']},
        {"cell_type": "code", "source": ['ex.check("q0.1")']},
    ]
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "00_start_here.ipynb").write_text(json.dumps({"cells": cells}), encoding="utf-8")
    monkeypatch.setattr(lm, "NOTEBOOKS", tmp_path / "notebooks")
    core = lm.estimate("00_start_here")["core"]
    article = lm.words(load_corpus()["001"].text)
    assert core.code_cells == 2 and core.exercises == ["q0.1"]
    assert core.words > article and core.words < 2 * article


def test_a_section_with_or_without_internet_counts_in_its_path_only(tmp_path, monkeypatch):
    cells = [
        {"cell_type": "markdown", "source": ["## Core\n", " ".join(["word"] * 199)]},
        {"cell_type": "markdown", "source": ["### Fetch a page, with internet\n", " ".join(["word"] * 195)]},
        {"cell_type": "code", "source": ["fetch(URL)"]},
        {"cell_type": "markdown", "source": ["### Investigate without internet\n", " ".join(["word"] * 397)]},
        {"cell_type": "markdown", "source": ["#### A question first (optional)\n", " ".join(["word"] * 196)]},
        {"cell_type": "markdown", "source": ["#### Back in the offline section\n", " ".join(["word"] * 195)]},
        {"cell_type": "code", "source": ['show_lateral_reading("Reuters", person="Bolton")']},
    ]
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "00_start_here.ipynb").write_text(json.dumps({"cells": cells}), encoding="utf-8")
    monkeypatch.setattr(lm, "NOTEBOOKS", tmp_path / "notebooks")
    parts = lm.estimate("00_start_here")
    assert parts["core"].words == 200 and parts["online"].words == 200 and parts["optional"].words == 200
    snapshot = lm._snapshot_words('"Reuters", person="Bolton"')
    assert parts["offline"].words == 400 + 200 + snapshot and parts["offline"].code_cells == 1
    assert lm.path_minutes(parts) == {"with internet": pytest.approx(1 + 1 + 0.5),
                                      "without internet": pytest.approx(1 + 3 + snapshot / 200 + 0.5)}
    # a picked row counts as the longest one: never less than the row the cell names
    from medialit.views import show_lateral_reading
    named = lm.words(re.sub(r"<style.*?</style>", " ", str(show_lateral_reading("Reuters", person="Bolton")), flags=re.S))
    assert snapshot >= named and snapshot < lm._snapshot_words("")
