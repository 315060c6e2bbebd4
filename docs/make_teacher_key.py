"""Write docs/teacher-key.md from the exercise files: every question with its key, why, the likely
wrong answers and what the feedback tells them, and, for free-text questions, a rubric and a
model answer. Run from the kit's folder after changing an exercise file:

    python docs/make_teacher_key.py            # rewrite docs/teacher-key.md
    python docs/make_teacher_key.py --check    # exit 1 if docs/teacher-key.md is out of date

The teacher key holds plaintext keys: keep it out of what students get (``medialit release``
never copies docs/, and never writes the rubric or model-answer fields).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from medialit.exercises import load_exercise_file  # noqa: E402
from medialit.exercises.keys import normalise  # noqa: E402
from medialit.exercises.kinds.base import pick_item  # noqa: E402

OUT = ROOT / "docs" / "teacher-key.md"
HEAD = """# Teacher key

Generated from `exercises/*.toml` by `docs/make_teacher_key.py`: do not edit by hand, edit the
exercise files and run the script again (a test fails when this file is out of date). For
teachers only: it holds every key in plain text. `medialit release` does not copy it, and the
rubric and model-answer fields never go into a student release.

For each question: the key, why it is the key, the wrong answers the feedback is written for (and
what it says), and for questions students answer in their own words a rubric and a model answer.
Free-text answers earn no points automatically; the rubric is for the teacher's reading. The model
answers for notebook 07 describe the invented Riverton sample as if it were the student's article;
students write about an article of their own.
"""


def q(exercise_id: str) -> str:
    return "Q" + exercise_id[1:]


def key_lines(ex) -> list[str]:
    s = ex.source
    if ex.kind == "single_choice":
        return [f"**Key:** {s['answer']}"]
    if ex.kind == "multiple_choice":
        return ["**Key (all of):**"] + [f"- {a}" for a in s["answer"]]
    if ex.kind == "pick_sentences":
        items = ex.items()
        picked = sorted({pick_item(a, items, "sentence") for a in s["answer"]})
        return ["**Key (sentences to pick):**"] + [f"- {i + 1}. {items[i]}" for i in picked]
    if ex.kind == "label_items":
        return ["**Key:**"] + [f"- {e['text']} → **{e['answer']}**" for e in s["items"]]
    if ex.kind == "match_pairs":
        return ["**Key:**"] + [f"- {e['left']} → **{e['right']}**" for e in s["pairs"]]
    if ex.kind in ("number", "code"):
        unit = f" {s['unit']}" if s.get("unit") else ""
        tolerance = f" (accepted within {s['tolerance']})" if s.get("tolerance") not in (None, 0) else ""
        where = f" (the student sets `{ex.data['variable']}`)" if ex.kind == "code" else ""
        return [f"**Key:** {s['answer']}{unit}{tolerance}{where}"]
    return ["**Key:** none: read and comment (not marked automatically)."]


def wrong_lines(ex) -> list[str]:
    s = ex.source
    out = []
    right = {normalise(a) for a in s.get("answer", [])} if ex.kind == "multiple_choice" else set()
    if ex.kind == "pick_sentences":
        items = ex.items()
        chosen = {pick_item(a, items, "sentence") for a in s["answer"]}
    for option, message in (s.get("feedback") or {}).items() if isinstance(s.get("feedback"), dict) else []:
        missed = normalise(option) in right or (ex.kind == "pick_sentences" and pick_item(option, items, "s") in chosen)
        out.append(f"- *{option}*{' (left out)' if missed else ''}: {message}")
    for entry in s.get("items", []) if isinstance(s.get("items"), list) else []:
        if isinstance(entry, dict):
            for label, message in entry.get("feedback", {}).items():
                out.append(f"- *{entry['text'][:70]}* labelled *{label}*: {message}")
    for entry in s.get("pairs", []):
        for right, message in entry.get("feedback", {}).items():
            out.append(f"- *{entry['left'][:70]}* matched with *{right}*: {message}")
    for r in s.get("ranges", []):
        span = (f"{r['min']} to {r['max']}" if "min" in r and "max" in r
                else f"{r['min']} or more" if "min" in r else f"{r['max']} or less")
        out.append(f"- an answer of {span}: {r['message']}")
    return (["**Likely wrong answers and the feedback they get:**"] + out) if out else []


def exercise_section(ex) -> list[str]:
    s = ex.source
    kind = ex.kind.replace("_", " ")
    lines = [f"### {q(ex.id)} ({kind}, {ex.points:g} pt)", "", f"**Question.** {ex.prompt}", ""]
    options = ex.options() if ex.kind in ("single_choice", "multiple_choice", "label_items", "match_pairs") else []
    if options:
        lines += ["**Offered:** " + "; ".join(options), ""]
    lines += key_lines(ex) + [""]
    if s.get("explanation"):
        lines += [f"**Why:** {s['explanation']}", ""]
    wrong = wrong_lines(ex)
    if wrong:
        lines += wrong + [""]
    lines += [f"**Hint shown to students:** {ex.hint}", ""]
    if s.get("instructor_note"):
        lines += [f"**Instructor note:** {s['instructor_note']}", ""]
    if s.get("rubric"):
        lines += ["**Rubric:**"] + [f"- {r}" for r in s["rubric"]] + [""]
    if s.get("model_answer"):
        lines += [f"**Model answer:** {s['model_answer']}", ""]
    return lines


def render() -> str:
    lines = [HEAD]
    for path in sorted((ROOT / "exercises").glob("*.toml")):
        exercise_set = load_exercise_file(path)
        lines += [f"## {path.stem[:2]} · {exercise_set.title}", "",
                  f"Notebook `notebooks/{path.stem}.ipynb`, exercise file `exercises/{path.name}`.", ""]
        for ex in exercise_set.exercises:
            lines += exercise_section(ex)
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != text:
            print("docs/teacher-key.md is out of date: run python docs/make_teacher_key.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
