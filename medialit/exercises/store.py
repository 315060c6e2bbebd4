"""Saved answers: one JSON file per notebook, next to it, rewritten atomically on every change.

The file ``<stem>.answers.json`` looks like::

    {"format": "medialit-answers/1", "notebook": "00_start_here", "updated": "2024-05-01T10:00:00Z",
     "answers": {"q0.1": {"value": "Shift+Enter", "saved": "2024-05-01T10:00:00Z"}},
     "attempts": {"q0.1": {"count": 2, "first": "2024-05-01T10:00:05Z", "last": "2024-05-01T10:01:00Z"}}}

``attempts`` counts the checks of each exercise (:meth:`AnswerStore.record_attempt`), with the
times of the first and the last. It is optional (files written before it existed load as they
are, with no attempts) and student-reported: anyone can edit the file, so a count is a hint for
the instructor, never proof. Entries of the wrong shape are dropped when read, without touching
the answers (a count is not worth losing answers for).

Loading is total: a file that cannot be read as answers (bad JSON, nesting deeper than
:data:`MAX_DEPTH`, a number too long to read, more than :data:`MAX_BYTES`, not UTF-8) is
renamed to a unique ``<name>.damaged-<timestamp>-<random>`` (never deleted), one warning is
printed on stdout, and answers start afresh.

Saving is safe with several writers (two browser tabs on one notebook): under an exclusive
lock on ``<name>.lock``, a save re-reads the file, applies its one change, writes a uniquely
named temporary file in the same folder, fsyncs it, renames it over the file and fsyncs the
folder. A reader never sees a partial file, and no writer loses another's save.

>>> import tempfile, pathlib
>>> store = AnswerStore(pathlib.Path(tempfile.mkdtemp()) / "demo.answers.json")
>>> store.set("q0.1", "4"); AnswerStore(store.path).get("q0.1")
'4'
"""
from __future__ import annotations

import contextlib
import json
import os
import secrets
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Mapping, NamedTuple

from medialit.errors import AnswersFileError

FORMAT = "medialit-answers/1"
SUFFIX = ".answers.json"
MAX_BYTES = 5_000_000        # far above any real answers file (a few kB); a larger file is refused
MAX_DEPTH = 32               # how deeply an answers file may nest lists and tables
MAX_ATTEMPTS = 1_000_000     # a count above this is not a real count (dropped when read)

try:                         # POSIX; on Windows saves are still atomic, only not locked
    import fcntl
except ImportError:          # pragma: no cover
    fcntl = None  # type: ignore[assignment]


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def answers_path(stem: str, folder: str | os.PathLike | None = None) -> Path:
    """Where a notebook's answers live: ``$MEDIALIT_ANSWERS_DIR`` or the notebook's folder (the cwd)."""
    base = Path(os.environ.get("MEDIALIT_ANSWERS_DIR") or folder or os.getcwd())
    return base / f"{stem}{SUFFIX}"


def _depth(value: Any, limit: int) -> int:
    """The nesting depth of a parsed JSON value, stopping (without recursion) once over ``limit``."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, level)
            if deepest > limit:
                return deepest
            stack.extend((v, level + 1) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


def parse_answers(text: str, where: str) -> dict[str, dict]:
    """The answers table of an answers file's text; raises :class:`AnswersFileError` naming ``where``.

    Catches every way the JSON parser can fail (syntax, recursion, numbers too long to read).
    """
    return parse_answers_file(text, where)[0]


def _time(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 40


def parse_attempts(table: Any) -> tuple[dict[str, dict], int]:
    """(the well-formed entries of an ``attempts`` table, how many entries were dropped).

    A well-formed entry is ``{"count": n, "first": time, "last": time}`` with ``n`` a whole
    number from 1 to :data:`MAX_ATTEMPTS` and the times short strings; anything else is dropped.
    """
    if table is None:
        return {}, 0
    if not isinstance(table, dict):
        return {}, 1
    kept: dict[str, dict] = {}
    for exercise_id, entry in table.items():
        count = entry.get("count") if isinstance(entry, dict) else None
        if (isinstance(count, int) and not isinstance(count, bool) and 0 < count <= MAX_ATTEMPTS
                and _time(entry.get("first")) and _time(entry.get("last")) and len(exercise_id) <= 200):
            kept[exercise_id] = {"count": count, "first": entry["first"], "last": entry["last"]}
    return kept, len(table) - len(kept)


class AnswersFile(NamedTuple):
    """What an answers file holds: the answers, the well-formed attempts, how many were dropped."""

    answers: dict[str, dict]
    attempts: dict[str, dict]
    dropped_attempts: int = 0


def parse_answers_file(text: str, where: str) -> AnswersFile:
    """An answers file's text read (see :func:`parse_answers`, :func:`parse_attempts`)."""
    text = text.removeprefix("\ufeff")            # a BOM from an editor is not an error
    if text.lstrip()[:1] not in ("{", ""):
        raise AnswersFileError(f"{where}: not a medialit answers file (it does not start with '{{')")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise AnswersFileError(f"{where}: not valid JSON ({err.msg}, line {err.lineno})") from None
    except RecursionError:
        raise AnswersFileError(f"{where}: nested too deeply to be an answers file") from None
    except (ValueError, OverflowError, MemoryError) as err:   # e.g. an integer of 5,000 digits
        raise AnswersFileError(f"{where}: cannot be read ({str(err)[:80]})") from None
    if _depth(data, MAX_DEPTH) > MAX_DEPTH:
        raise AnswersFileError(f"{where}: nested more than {MAX_DEPTH} levels deep; not an answers file")
    answers = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(answers, dict) or not all(isinstance(v, dict) and "value" in v for v in answers.values()):
        raise AnswersFileError(f"{where}: not a medialit answers file (no 'answers' table)")
    return AnswersFile(answers, *parse_attempts(data.get("attempts")))


def read_answers(path: Path, *, max_bytes: int = MAX_BYTES) -> dict[str, dict]:
    """The answers in a file (``{}`` when absent); raises :class:`AnswersFileError` when unreadable."""
    return read_answers_file(path, max_bytes=max_bytes).answers


def read_answers_file(path: Path, *, max_bytes: int = MAX_BYTES) -> AnswersFile:
    """The answers and attempts in a file (both ``{}`` when absent); raises :class:`AnswersFileError`."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return AnswersFile({}, {})
    except OSError as err:
        raise AnswersFileError(f"{path}: cannot be read ({err.strerror or err})") from None
    if len(raw) > max_bytes:
        raise AnswersFileError(f"{path}: larger than {max_bytes // 1_000_000} MB; not an answers file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise AnswersFileError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    return parse_answers_file(text, str(path))


def move_aside(path: Path) -> Path:
    """Rename a damaged file to a name no other file has (``.damaged-<time>-<random>``)."""
    stamp = now().replace(":", "")
    while True:
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{secrets.token_hex(4)}")
        if not aside.exists():
            os.replace(path, aside)
            return aside


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock for writing ``path`` (on ``<path>.lock``), shared by every process."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if fcntl is None:  # pragma: no cover
        yield
        return
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)       # closing releases the lock


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a unique temporary file beside ``path``, fsync, rename over, fsync the folder."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(path.parent)


class AnswerStore:
    """The saved answers of one notebook and the checks made; every change rewrites the file atomically."""

    def __init__(self, path: str | os.PathLike, *, notebook: str | None = None, persist: bool = True) -> None:
        self.path = Path(path)
        self.notebook = notebook or self.path.name.removesuffix(SUFFIX)
        self.warning: str | None = None
        self.persist = persist          # False: kept in memory only, the file is neither read nor written
        self._answers: dict[str, dict] = {}
        self._attempts: dict[str, dict] = {}
        if persist:
            self._answers, self._attempts = self._load()

    def _load(self) -> tuple[dict[str, dict], dict[str, dict]]:
        """(answers, attempts) on disk; a damaged file is moved aside (one warning), ``({}, {})`` returned."""
        try:
            return read_answers_file(self.path)[:2]
        except AnswersFileError as err:
            try:
                aside = move_aside(self.path)
                where = f"It was moved to {aside.name} (nothing deleted)"
            except OSError as move_err:
                where = f"It could not be moved aside ({move_err.strerror}); it will be replaced on the next save"
            self.warning = (f"Warning: {err}. {where}; answers start afresh. "
                            "Ask your instructor if you need the old ones.")
            print(self.warning)  # stdout on purpose: nbgrader scores stderr as a failure
            return {}, {}

    def get(self, exercise_id: str, default: Any = None) -> Any:
        entry = self._answers.get(exercise_id)
        return default if entry is None else entry["value"]

    def entry(self, exercise_id: str) -> dict | None:
        """The saved entry of an answer (``value``, ``saved``, the option ``ids`` and ``offered``), a copy."""
        entry = self._answers.get(exercise_id)
        return None if entry is None else dict(entry)

    def saved_at(self, exercise_id: str) -> str | None:
        entry = self._answers.get(exercise_id)
        return None if entry is None else entry.get("saved")

    def __contains__(self, exercise_id: str) -> bool:
        return exercise_id in self._answers

    def attempts(self, exercise_id: str) -> dict | None:
        """``{"count": n, "first": time, "last": time}`` of one exercise's checks, or None if never checked."""
        entry = self._attempts.get(exercise_id)
        return None if entry is None else dict(entry)

    def record_attempt(self, exercise_id: str) -> int:
        """Count one check of an exercise now (under the lock, like a save); returns the new count."""
        def bump(_answers: dict[str, dict], attempts: dict[str, dict]) -> None:
            moment = now()
            old = attempts.get(exercise_id)
            attempts[exercise_id] = {"count": min(old["count"] + 1, MAX_ATTEMPTS), "first": old["first"],
                                     "last": moment} if old else {"count": 1, "first": moment, "last": moment}
        self._update(bump)
        return self._attempts[exercise_id]["count"]

    def move_attempts(self, old_id: str, new_id: str) -> None:
        """Add the checks recorded under a former id (an alias) to the new id's, and forget the old id."""
        if old_id not in self._attempts:
            return

        def merge(_answers: dict[str, dict], attempts: dict[str, dict]) -> None:
            old, new = attempts.pop(old_id, None), attempts.get(new_id)
            if old and new:
                old = {"count": min(old["count"] + new["count"], MAX_ATTEMPTS),
                       "first": min(old["first"], new["first"]), "last": max(old["last"], new["last"])}
            if old:
                attempts[new_id] = old
        self._update(merge)

    def set(self, exercise_id: str, value: Any, *, extras: Mapping[str, Any] | None = None) -> None:
        """Save one answer now (JSON-able values only), with ``extras`` (the option ids, ``choiceids.py``)."""
        self._change(exercise_id, {"value": value, **(extras or {}), "saved": now()})

    def clear(self, exercise_id: str) -> None:
        if exercise_id in self._answers:
            self._change(exercise_id, None)

    def _change(self, exercise_id: str, entry: dict | None) -> None:
        """Apply one change to the answers on disk (re-read under the lock, so other writers' saves stay)."""
        self._update(lambda answers, _attempts: self._apply(answers, exercise_id, entry))

    def _update(self, change) -> None:
        """Run ``change(answers, attempts)`` on the file's current content under the lock, then save."""
        if not self.persist:
            change(self._answers, self._attempts)
            return
        with locked(self.path):
            answers, attempts = self._load() if self.path.exists() else ({}, {})
            change(answers, attempts)
            data = {"format": FORMAT, "notebook": self.notebook, "updated": now(), "answers": answers}
            if attempts:
                data["attempts"] = attempts
            text = json.dumps(data, ensure_ascii=False, indent=1)
            write_atomically(self.path, text)
        self._answers, self._attempts = answers, attempts

    @staticmethod
    def _apply(answers: dict[str, dict], exercise_id: str, entry: dict | None) -> None:
        if entry is None:
            answers.pop(exercise_id, None)
        else:
            answers[exercise_id] = entry
