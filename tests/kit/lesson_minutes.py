"""Estimated minutes per lesson, by the method the instructor guide states ("How the times were
estimated"): the words a student reads at 200 a minute (text cells, exercise prompts and
choices, and an article read whole with ``show_article``), an allowance per exercise by kind,
and half a minute per code cell that is not an exercise's own answer or check cell.

A section whose heading says "optional" is counted apart (as is a paragraph that starts
"**Optional", with what follows it up to the next heading), and so is the pre-check (00) and
the post-check (07). A section whose heading says "with internet" is done only by a class that
has it ("online"), one whose heading says "without internet" only by a class that has not
("offline"): each path is the core plus its own part, and both must fit a lesson. A section
optional inside an offline one is optional. These are estimates from a count, not timings of
a class.

    PYTHONPATH=. python tests/kit/lesson_minutes.py            # the table, one row per lesson
    PYTHONPATH=. python tests/kit/lesson_minutes.py --outputs  # every printed word read too (runs them)
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
EXERCISES = ROOT / "exercises"

WORDS_PER_MINUTE = 200
CODE_CELL = 0.5
ALLOWANCE = {"single_choice": 1.5, "multiple_choice": 2, "number": 2, "label_items": 3, "match_pairs": 3,
             "pick_sentences": 3, "free_text": 4, "code": 5}
OWN_ARTICLE_WORDS = 600
"""07 part B: the student's own article, read whole; its length is unknown, so a typical news story."""

PARTS = ("core", "optional", "check", "online", "offline")
PATHS = {"with internet": ("core", "online"), "without internet": ("core", "offline")}

_SHOW = re.compile(r"""ex\.show\(\s*["']([^"']+)["']""")
_CHECK = re.compile(r"""^\s*ex\.check\(""")
_SHOW_SEED = re.compile(r"""show_article\(\s*["'](\d{3})["']""")
_CORPUS_SEED = re.compile(r"""corpus\[\s*["'](\d{3})["']\s*\]""")
_HEADING = re.compile(r"^(#{2,4})\s+(.*)$", re.MULTILINE)
_LATERAL = re.compile(r"show_lateral_reading\(([^)]*)\)")


@dataclass
class Part:
    words: int = 0
    exercises: list[str] = field(default_factory=list)
    allowance: float = 0.0
    code_cells: int = 0

    @property
    def minutes(self) -> float:
        return self.words / WORDS_PER_MINUTE + self.allowance + CODE_CELL * self.code_cells


def words(markdown: str) -> int:
    """Words a reader reads: links count by their text, HTML tags and code fences' marks not at all."""
    text = re.sub(r"\]\([^)]*\)", "]", markdown)
    text = re.sub(r"<[^>]+>", " ", text)
    return len(re.findall(r"[\w'’$£%.,-]*\w[\w'’$£%.,-]*", text))


def _exercise_words(exercise) -> int:
    text = [exercise.prompt]
    for value in (exercise.items(), exercise.options()):
        text.extend(str(v) for v in value)
    return sum(words(t) for t in text)


def output_words(stem: str) -> dict[int, int]:
    """Cell index -> words of its outputs, from running the notebook (``--outputs``; needs nbclient)."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    NotebookClient(notebook, timeout=60, resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    counts = {}
    for index, cell in enumerate(notebook.cells):
        total = 0
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/html" in data:      # styles and the reasons shown only on focus are not read
                html = re.sub(r"<style.*?</style>", " ", data["text/html"], flags=re.S)
                total += words(re.sub(r'<span class="ml-why"[^>]*>[^<]*</span>', " ", html))
            elif "text/plain" in data:
                total += words(data["text/plain"])
            else:
                total += words(output.get("text", ""))
        counts[index] = total
    return counts


def estimate(stem: str, outputs: dict[int, int] | None = None) -> dict[str, Part]:
    """The three parts (core, optional, check) of one lesson. With ``outputs`` (from
    :func:`output_words`), every word a code cell prints is read, not only whole texts."""
    from medialit.corpus import load_corpus
    from medialit.exercises import load_exercise_file

    exercise_set = load_exercise_file(EXERCISES / f"{stem}.toml")
    corpus = load_corpus()
    cells = json.loads((NOTEBOOKS / f"{stem}.ipynb").read_text(encoding="utf-8"))["cells"]
    parts = {name: Part() for name in PARTS}
    read: set[str] = set()                         # each text is read whole once per lesson
    open_sections: list[tuple[int, str]] = []      # (heading level, part) of the headings above
    for index, cell in enumerate(cells):
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            for hashes, title in _HEADING.findall(source):
                level = len(hashes)
                open_sections = [s for s in open_sections if s[0] < level]
                lowered = title.casefold()
                kind = ("check" if "pre-check" in lowered or "post-check" in lowered else
                        "optional" if "optional" in lowered else
                        "offline" if "without internet" in lowered else
                        "online" if "with internet" in lowered else None)
                if kind:
                    open_sections.append((level, kind))
            if source.lstrip().startswith("**Optional"):   # an optional end of a section, to its next heading
                open_sections.append((9, "optional"))
        part = parts[open_sections[-1][1] if open_sections else "core"]
        if cell["cell_type"] == "markdown":
            part.words += words(source)
            continue
        shown = _SHOW.search(source)
        if shown:
            exercise = exercise_set[shown.group(1)]
            part.exercises.append(exercise.id)
            part.allowance += ALLOWANCE[exercise.kind]
            part.words += _exercise_words(exercise)
        elif _CHECK.match(source):
            continue
        else:
            part.code_cells += 1
            part.words += outputs[index] if outputs is not None else _whole_texts(source, corpus, read)
    return parts


def _whole_texts(source: str, corpus, read: set[str]) -> int:
    """Words of the whole texts a code cell shows to be read: an article (``show_article``), two
    articles side by side, the teaching snapshot, and in 07 the student's own article."""
    texts: dict[str, str] = {}
    if "show_article(" in source:
        texts.update((seed, corpus[seed].text) for seed in _SHOW_SEED.findall(source))
        if "show_article(sample)" in source:
            from medialit import report
            texts["sample"] = report.read_article().text
    if "side_by_side(" in source:
        texts.update((seed, corpus[seed].text) for seed in _CORPUS_SEED.findall(source))
    for call in _LATERAL.findall(source):
        texts[f"snapshot {call}"] = _snapshot_words(call)
    total = sum(text if isinstance(text, int) else words(text) for name, text in texts.items() if name not in read)
    read.update(texts)
    if "show_sourcing(mine)" in source and "own" not in read:
        read.add("own")
        total += OWN_ARTICLE_WORDS
    return total


def _snapshot_words(call: str) -> int:
    """Words of one ``show_lateral_reading(...)`` call's view. Called with a name (the outlet,
    and ``person=`` one person, that the student picks), its rows count as the longest outlet
    and the longest person, whichever the student picks."""
    from medialit.corpus.lateral import load_snapshot
    from medialit.views import show_lateral_reading

    def text(html) -> str:
        return re.sub(r"<style.*?</style>", " ", str(html), flags=re.S)

    snap = load_snapshot()
    people = "people=True" in call
    if not re.match(r"""\s*["']""", call):                  # no name: the whole table
        return words(text(show_lateral_reading(people=people)))
    longest = lambda entries: max(entries, key=lambda e: words(" ".join((e.outlet, *e.answers)))).outlet
    if people:
        return words(text(show_lateral_reading(longest(snap.people), people=True)))
    person = longest(snap.people) if "person=" in call else None
    return words(text(show_lateral_reading(longest(snap.entries), person=person)))


def path_minutes(parts: dict[str, Part]) -> dict[str, float]:
    """Core minutes of each path: with internet (core + online part), without (core + offline part)."""
    return {path: sum(parts[p].minutes for p in names) for path, names in PATHS.items()}


def table(outputs: bool = False) -> list[tuple[str, int, int, int, int]]:
    """(lesson, core with internet, core without internet, optional, check) minutes, rounded,
    for every notebook."""
    rows = []
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        parts = estimate(path.stem, output_words(path.stem) if outputs else None)
        paths = path_minutes(parts)
        rows.append((path.stem, round(paths["with internet"]), round(paths["without internet"]),
                     round(parts["optional"].minutes), round(parts["check"].minutes)))
    return rows


if __name__ == "__main__":
    detail, every_output = "-v" in sys.argv, "--outputs" in sys.argv
    for stem, online, offline, optional, check in table(every_output):
        print(f"{stem:36} core {online:3} (without internet {offline:3})  optional {optional:3}  "
              f"pre/post-check {check:3}")
        if detail:
            for name, part in estimate(stem, output_words(stem) if every_output else None).items():
                print(f"    {name:8} {part.words:5} words  {part.allowance:5.1f} min exercises "
                      f"({', '.join(part.exercises)})  {part.code_cells} code cells  = {part.minutes:.1f}")
