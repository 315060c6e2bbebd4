"""What a student release must not hold, and a way to make exercise files whose answers differ.

``key_forms(exercise)`` lists every form in which the kit writes (or once wrote) a key of a
source exercise: the secret texts (explanations, feedback, instructor notes) plain, escaped
for JSON and TOML and base64-encoded; the source-form token digests; the whole-answer forms
and their SHA-256; the plaintext answers that are not shown to students (code answers,
number answers). ``release_files(out)`` gives the bytes of every file of a release, the
wheel's members included. ``changed_answers(raw)`` rewrites a parsed exercise file so every
graded answer differs while everything a student sees stays the same.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

from medialit.exercises.kinds import KINDS
from medialit.exercises.tomlwrite import dumps_value


def _secret_texts(exercise) -> list[str]:
    src = exercise.source
    found = [src.get("explanation"), src.get("instructor_note")]
    found += list((src.get("feedback") or {}).values())
    for name in ("items", "pairs", "ranges"):
        for entry in src.get(name, []) or []:
            if isinstance(entry, dict):
                found += list((entry.get("feedback") or {}).values())
    return [s.strip() for s in found if isinstance(s, str) and s.strip()]


def _digests(key) -> list[str]:
    """Every hex string of 32 characters in a source-form key (token digests)."""
    text = json.dumps(key)
    return sorted(set(re.findall(r"\b[0-9a-f]{32}\b", text)))


def key_forms(exercise) -> list[bytes]:
    """Every encoding of this source exercise's key that must not be in a release file."""
    forms: list[str] = []
    for secret in _secret_texts(exercise):
        forms += [secret, json.dumps(secret, ensure_ascii=False)[1:-1], json.dumps(secret)[1:-1],
                  dumps_value(secret)[1:-1], base64.b64encode(secret.encode("utf-8")).decode("ascii")]
    forms += _digests(dict(exercise.key))
    kind = KINDS[exercise.kind]
    if kind.graded:
        for form in kind.accepted_forms(exercise):
            forms += [hashlib.sha256(form.encode("utf-8")).hexdigest()]
            if "\x1e" in form:          # a list answer's form (a single text may be a shown choice)
                forms.append(form)
    src = exercise.source
    if exercise.kind == "code" and isinstance(src.get("answer"), str):
        forms.append(f'"{src["answer"]}"')
    return [f.encode("utf-8") for f in dict.fromkeys(forms) if f]


def number_answers(exercise) -> list[re.Pattern]:
    """A number answer as it would be written in a TOML value (``= 49.5``, ``[49.5``...)."""
    answer = exercise.source.get("answer")
    if isinstance(answer, bool) or not isinstance(answer, (int, float)):
        return []
    texts = {f"{answer}", f"{float(answer)}", f"{answer:g}"}
    return [re.compile(rb"(?<![\w.])" + re.escape(t.encode()) + rb"(?![\w.])") for t in texts]


def release_files(out: Path) -> dict[str, bytes]:
    """Relative path -> bytes of every file of a release, with each wheel member as ``<wheel>!<member>``."""
    files = {}
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(out).as_posix()
        data = path.read_bytes()
        files[rel] = data
        if path.suffix == ".whl":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for name in archive.namelist():
                    files[f"{rel}!{name}"] = archive.read(name)
    return files


def leaks(files: dict[str, bytes], exercise_sets) -> list[str]:
    """``file: exercise: form`` for every key form found in a release's files (seeds excepted:
    they are the shown articles, which hold every sentence a pick_sentences answer names)."""
    found = []
    texts = {name: data for name, data in files.items() if "seeds/" not in name and not name.endswith(".whl")}
    exercise_texts = {name: data for name, data in texts.items() if name.endswith(".toml") and "exercises/" in name}
    for exercise_set in exercise_sets:
        for exercise in exercise_set.exercises:
            for form in key_forms(exercise):
                found += [f"{name}: {exercise.id}: {form[:40]!r}" for name, data in texts.items() if form in data]
            for pattern in number_answers(exercise):
                for name, data in exercise_texts.items():
                    table = _table_of(data, exercise.id)
                    if table and pattern.search(table):
                        found.append(f"{name}: {exercise.id}: number answer {pattern.pattern!r}")
    return found


def _table_of(data: bytes, exercise_id: str) -> bytes:
    """The lines of one ``[[exercise]]`` table of a release file, without its prompt and hint
    and with its random blobs (hashes, sealed messages in base64) blanked: ``+7/`` inside a
    blob is noise, not a written number."""
    text = data.decode("utf-8")
    for block in text.split("[[exercise]]")[1:]:
        if re.search(r'^id = "' + re.escape(exercise_id) + '"$', block, re.MULTILINE):
            lines = [line for line in block.splitlines() if not line.startswith(("prompt =", "hint ="))]
            return _BLOB.sub('""', "\n".join(lines)).encode("utf-8")
    return b""


_BLOB = re.compile(r'"[A-Za-z0-9+/]{16,}={0,2}"')


# --- exercise files whose answers differ ------------------------------------------------------

def _other(options: list[str], current: str) -> str:
    return next(o for o in options if o.strip().casefold() != str(current).strip().casefold())


def changed_answers(raw: dict, items_of) -> dict:
    """A copy of a parsed source file with a different answer for every graded exercise (and
    no feedback, explanation or note); what students see stays the same. ``items_of(table)``
    gives the sentences a pick_sentences table offers."""
    out = json.loads(json.dumps(raw))
    for table in out["exercise"]:
        for name in ("feedback", "explanation", "instructor_note"):
            table.pop(name, None)
        kind = table["kind"]
        if kind == "single_choice":
            table["answer"] = _other(table["choices"], table["answer"])
        elif kind == "multiple_choice":
            right = {a.casefold() for a in table["answer"]}
            table["answer"] = [c for c in table["choices"] if c.casefold() not in right] or table["choices"][:1]
        elif kind == "label_items":
            for entry in table["items"]:
                entry.pop("feedback", None)
                entry["answer"] = _other(table["labels"], entry["answer"])
        elif kind == "match_pairs":
            rights = [p["right"] for p in table["pairs"]]
            for pair, right in zip(table["pairs"], rights[1:] + rights[:1]):
                pair.pop("feedback", None)
                pair["right"] = right
        elif kind == "pick_sentences":
            items = items_of(table)
            chosen = [s for s in items if len(s.split()) > 3][-1:]
            table["answer"] = chosen
        elif kind in ("number", "code") and isinstance(table.get("answer"), (int, float)) \
                and not isinstance(table["answer"], bool):
            table["answer"] = table["answer"] * 3 + 7
            table.pop("ranges", None)
        elif kind == "code" and isinstance(table.get("answer"), str):
            table["answer"] = table["answer"] + " changed"
        elif kind == "code" and isinstance(table.get("answer"), list):
            table["answer"] = [f"other {i}" for i in range(len(table["answer"]))]
    return out
