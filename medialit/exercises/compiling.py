"""Turn a source exercise table (plaintext key) into what the student sees plus a hashed key.

``compile_source`` validates one ``[[exercise]]`` table of a source file; ``released_parts``
reads the same parts back from a release file. The token scheme is described in ``keys.py``.
"""
from __future__ import annotations

from typing import Any, Callable

from medialit.exercises import keys
from medialit.exercises.keys import digest, normalise, seal, word_key

Fail = Callable[[str], Exception]


def compile_source(table: dict, kind: str, ex_id: str, salt: str, fail: Fail) -> tuple[dict, dict]:
    """Validate a source table; return (display data, hashed key)."""
    builder = _BUILDERS[kind]
    data, correct, feedback, explanations = builder(table, ex_id, salt, fail)
    key: dict[str, Any] = {"correct": correct, "feedback": feedback}
    explanation = table.get("explanation")
    if explanation is not None:
        if not isinstance(explanation, str):
            raise fail("field 'explanation' must be a string")
        key["explanation"] = {digest(salt, ex_id, t): seal(explanation, salt, ex_id, t) for t in explanations}
    else:
        key["explanation"] = {}
    if "_grid" in data:                      # number answers (kinds number and code)
        key["grid"] = data.pop("_grid")
    note = table.get("instructor_note")
    if note is not None and not isinstance(note, str):
        raise fail("field 'instructor_note' must be a string")
    return data, key


def released_parts(table: dict, kind: str, fail: Fail) -> tuple[dict, dict]:
    """The display data and hashed key of a release file's table."""
    from medialit.exercises.spec import RELEASE_FIELDS

    key = table.get("key")
    if not isinstance(key, dict) or "correct" not in key:
        raise fail("field 'key' is missing or damaged (rebuild the release with `medialit release`)")
    key = {"feedback": {}, "explanation": {}, **key}
    if (kind == "number" or table.get("expects") == "number") and "grid" not in key:
        raise fail("field 'key' has no 'grid' (rebuild the release)")
    data = {name: table[name] for name in RELEASE_FIELDS[kind] if name in table}
    return data, key


def release_table(exercise) -> dict:
    """The release form of an exercise: what the student sees, the hashed key, no notes."""
    table = {"id": exercise.id, "kind": exercise.kind, "prompt": exercise.prompt,
             "points": exercise.points, "hint": exercise.hint}
    table.update(exercise.data)
    table["key"] = dict(exercise.key)
    return table


# --- validation helpers ----------------------------------------------------------------

def _string_list(table: dict, name: str, fail: Fail, *, minimum: int = 1) -> list[str]:
    value = table.get(name)
    if not isinstance(value, list) or len(value) < minimum or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(f"field '{name}' must be a list of at least {minimum} non-empty strings")
    normals = [normalise(v) for v in value]
    for v, n in zip(value, normals):
        if normals.count(n) > 1:
            raise fail(f"field '{name}' lists {v!r} twice")
    return [v.strip() for v in value]


def _messages(value: Any, name: str, fail: Fail) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(m, str) and m.strip() for m in value.values()):
        raise fail(f"field '{name}' must be a table of messages (\"wrong answer\" = \"message\")")
    return {str(k): m.strip() for k, m in value.items()}


def _find(value: str, options: list[str]) -> str | None:
    wanted = normalise(value)
    return next((o for o in options if normalise(o) == wanted), None)


def _no_feedback_field(table: dict, fail: Fail, instead: str) -> None:
    if "feedback" in table:
        raise fail(f"field 'feedback' is not used by this kind; {instead}")


# --- one builder per kind: (data, correct, feedback, explanation tokens) ---------------------

def _single_choice(table, ex_id, salt, fail):
    choices = _string_list(table, "choices", fail, minimum=2)
    answer = table.get("answer")
    if not isinstance(answer, str) or _find(answer, choices) is None:
        raise fail(f"field 'answer' names choice {answer!r}, which is not among the choices")
    right = normalise(answer)
    feedback = {}
    for choice, message in _messages(table.get("feedback"), "feedback", fail).items():
        if _find(choice, choices) is None:
            raise fail(f"field 'feedback' has a message for {choice!r}, which is not among the choices")
        if normalise(choice) == right:
            raise fail(f"field 'feedback' has a message for {choice!r}, the right answer; use 'explanation'")
        token = "choice:" + normalise(choice)
        feedback[digest(salt, ex_id, token)] = seal(message, salt, ex_id, token)
    return {"choices": choices}, [digest(salt, ex_id, "choice:" + right)], feedback, ["explain:choice:" + right]


def _multiple_choice(table, ex_id, salt, fail):
    choices = _string_list(table, "choices", fail, minimum=2)
    answer = table.get("answer")
    if not isinstance(answer, list) or not answer:
        raise fail("field 'answer' must be a list of one or more of the choices")
    for a in answer:
        if not isinstance(a, str) or _find(a, choices) is None:
            raise fail(f"field 'answer' names choice {a!r}, which is not among the choices")
    right = sorted({normalise(a) for a in answer})
    feedback = {}
    for choice, message in _messages(table.get("feedback"), "feedback", fail).items():
        if _find(choice, choices) is None:
            raise fail(f"field 'feedback' has a message for {choice!r}, which is not among the choices")
        token = "fb:" + normalise(choice)
        feedback[digest(salt, ex_id, token)] = seal(message, salt, ex_id, token)
    correct = sorted(digest(salt, ex_id, "pick:" + r) for r in right)
    return {"choices": choices}, correct, feedback, ["explain:set:" + "|".join(right)]


def fragment_hits(fragment_words: list[str], items: list[str]) -> list[int]:
    """Indexes of the items whose words contain the fragment's words in a row."""
    n = len(fragment_words)
    hits = []
    for i, item in enumerate(items):
        words = word_key(item)
        if any(words[j:j + n] == fragment_words for j in range(len(words) - n + 1)):
            hits.append(i)
    return hits


def _pick_sentences(table, ex_id, salt, fail):
    has_article, has_items = "article" in table, "items" in table
    if has_article == has_items:
        raise fail("give exactly one of field 'article' (a corpus id) or field 'items' (a list of sentences)")
    if has_article:
        article = str(table["article"])
        data: dict[str, Any] = {"article": article}
        try:
            from medialit.exercises.spec import article_sentences
            items = list(article_sentences(article))
        except Exception as err:  # noqa: BLE001 - any failure to load is reported with its cause
            raise fail(f"field 'article': cannot load article {article!r}: {err}") from None
        where = f"article {article}"
    else:
        items = _string_list(table, "items", fail, minimum=2)
        data = {"items": items}
        where = "the items"
    target = table.get("target", "sentences to pick")
    if not isinstance(target, str) or not target.strip():
        raise fail("field 'target' must be a short description like \"anonymously sourced sentences\"")
    data["target"] = target.strip()
    answer = _string_list(table, "answer", fail)

    def locate(fragment: str, name: str) -> tuple[list[str], int]:
        words = word_key(fragment)
        hits = fragment_hits(words, items) if words else []
        if not hits:
            raise fail(f"field '{name}': fragment {fragment!r} is not in any sentence of {where}")
        if len(hits) > 1:
            raise fail(f"field '{name}': fragment {fragment!r} is in {len(hits)} sentences of {where}; make it longer")
        return words, hits[0]

    correct, seen, frags = [], {}, []
    for fragment in answer:
        words, hit = locate(fragment, "answer")
        if hit in seen:
            raise fail(f"field 'answer': fragments {seen[hit]!r} and {fragment!r} name the same sentence")
        seen[hit] = fragment
        frags.append(" ".join(words))
        correct.append([len(words), digest(salt, ex_id, "frag:" + " ".join(words))])
    feedback = []
    for fragment, message in _messages(table.get("feedback"), "feedback", fail).items():
        words, _ = locate(fragment, "feedback")
        token = "fbfrag:" + " ".join(words)
        feedback.append([len(words), digest(salt, ex_id, token), seal(message, salt, ex_id, token)])
    return data, sorted(correct, key=lambda c: c[1]), sorted(feedback, key=lambda f: f[1]), \
        ["explain:frags:" + "|".join(sorted(frags))]


def _labelled(items: list[tuple[str, str, dict]], options: list[str], ex_id, salt, fail, what: str):
    correct, feedback, rights = [], {}, []
    for i, (text, answer, messages) in enumerate(items):
        right = normalise(answer)
        rights.append(right)
        correct.append(digest(salt, ex_id, f"item:{i}:{right}"))
        for option, message in messages.items():
            if _find(option, options) is None:
                raise fail(f"field 'feedback' of {what} {text[:40]!r} names {option!r}, which is not an option")
            if normalise(option) == right:
                raise fail(f"field 'feedback' of {what} {text[:40]!r} has a message for the right answer {option!r}")
            token = f"item:{i}:{normalise(option)}"
            feedback[digest(salt, ex_id, token)] = seal(message, salt, ex_id, token)
    return correct, feedback, ["explain:labels:" + "|".join(rights)]


def _item_tables(table: dict, name: str, fields: tuple[str, str], fail: Fail) -> list[dict]:
    value = table.get(name)
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        raise fail(f"field '{name}' must be a list of tables ([[exercise.{name}]])")
    for number, entry in enumerate(value, start=1):
        unknown = set(entry) - {*fields, "feedback"}
        if unknown:
            raise fail(f"field '{name}' #{number} has unknown field(s) {', '.join(sorted(unknown))}")
        for f in fields:
            if not isinstance(entry.get(f), str) or not entry[f].strip():
                raise fail(f"field '{name}' #{number} needs a non-empty '{f}'")
    return value


def _label_items(table, ex_id, salt, fail):
    labels = _string_list(table, "labels", fail, minimum=2)
    entries = _item_tables(table, "items", ("text", "answer"), fail)
    items = []
    for entry in entries:
        if _find(entry["answer"], labels) is None:
            raise fail(f"field 'answer' of item {entry['text'][:40]!r} names label {entry['answer']!r}, "
                       "which is not among the labels")
        items.append((entry["text"].strip(), entry["answer"], _messages(entry.get("feedback"), "feedback", fail)))
    correct, feedback, expl = _labelled(items, labels, ex_id, salt, fail, "item")
    return {"labels": labels, "items": [t for t, _, _ in items]}, correct, feedback, expl


def _match_pairs(table, ex_id, salt, fail):
    entries = _item_tables(table, "pairs", ("left", "right"), fail)
    distractors = table.get("distractors", [])
    if not isinstance(distractors, list) or not all(isinstance(d, str) and d.strip() for d in distractors):
        raise fail("field 'distractors' must be a list of strings")
    lefts = [e["left"].strip() for e in entries]
    if len({normalise(x) for x in lefts}) < len(lefts):
        raise fail("field 'pairs' has the same 'left' twice")
    rights: list[str] = []
    for r in [e["right"].strip() for e in entries] + [d.strip() for d in distractors]:
        if _find(r, rights) is None:
            rights.append(r)
    rights.sort(key=normalise)
    if len(rights) < 2:
        raise fail("field 'pairs' needs at least two different right-hand items (or add 'distractors')")
    items = [(e["left"].strip(), e["right"], _messages(e.get("feedback"), "feedback", fail)) for e in entries]
    correct, feedback, expl = _labelled(items, rights, ex_id, salt, fail, "pair")
    return {"lefts": lefts, "rights": rights}, correct, feedback, expl


def _number(table, ex_id, salt, fail):
    _no_feedback_field(table, fail, "use [[exercise.ranges]] with min/max and a message")
    answer = table.get("answer")
    if isinstance(answer, bool) or not isinstance(answer, (int, float)):
        raise fail("field 'answer' must be a number")
    try:
        tolerance, relative = keys.parse_tolerance(table.get("tolerance", 0))
        grid = keys.number_grid(float(answer), tolerance, relative)
    except ValueError as err:
        raise fail(f"field 'tolerance' {err}") from None
    if relative:
        ends = sorted((answer * (1 - tolerance), answer * (1 + tolerance)))
    else:
        ends = [answer - tolerance, answer + tolerance]
    data: dict[str, Any] = {}
    unit = table.get("unit")
    if unit is not None:
        if not isinstance(unit, str):
            raise fail("field 'unit' must be a string")
        data["unit"] = unit
    ranges = []
    for number, entry in enumerate(table.get("ranges", []), start=1):
        if not isinstance(entry, dict) or set(entry) - {"min", "max", "message"} or not isinstance(entry.get("message"), str):
            raise fail(f"field 'ranges' #{number} must be a table with min and/or max and a message")
        low, high = entry.get("min", float("-inf")), entry.get("max", float("inf"))
        if not all(isinstance(b, (int, float)) and not isinstance(b, bool) for b in (low, high)) or low > high \
                or ("min" not in entry and "max" not in entry):
            raise fail(f"field 'ranges' #{number} needs numeric min and/or max with min <= max")
        if low <= ends[1] and high >= ends[0]:
            raise fail(f"field 'ranges' #{number} overlaps the accepted answers ({ends[0]:g} to {ends[1]:g})")
        ranges.append({k: entry[k] for k in ("min", "max", "message") if k in entry})
    if ranges:
        data["ranges"] = ranges
    tokens = keys.band_tokens(float(answer), tolerance, relative, grid)
    data["_grid"] = grid
    return data, [digest(salt, ex_id, t) for t in tokens], {}, ["explain:" + t for t in tokens]


def _free_text(table, ex_id, salt, fail):
    _no_feedback_field(table, fail, "free text is not checked, so there is no wrong answer to explain")
    data = {}
    if "min_words" in table:
        m = table["min_words"]
        if isinstance(m, bool) or not isinstance(m, int) or m < 0:
            raise fail("field 'min_words' must be a whole number >= 0")
        data["min_words"] = m
    return data, [], {}, []


def _code(table, ex_id, salt, fail):
    from medialit.exercises.codekind import compile_code
    return compile_code(table, ex_id, salt, fail)


_BUILDERS = {"single_choice": _single_choice, "multiple_choice": _multiple_choice,
             "pick_sentences": _pick_sentences, "label_items": _label_items,
             "match_pairs": _match_pairs, "number": _number, "free_text": _free_text, "code": _code}
