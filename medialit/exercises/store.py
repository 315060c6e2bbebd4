"""Saved answers: one JSON file per notebook, next to it, rewritten atomically on every change.

The file ``<stem>.answers.json`` looks like::

    {"format": "medialit-answers/1", "notebook": "00_start_here", "updated": "2024-05-01T10:00:00Z",
     "answers": {"q0.1": {"value": "Shift+Enter", "saved": "2024-05-01T10:00:00Z"}}}

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
from typing import Any, Iterator

from medialit.errors import AnswersFileError

FORMAT = "medialit-answers/1"
SUFFIX = ".answers.json"
MAX_BYTES = 5_000_000        # far above any real answers file (a few kB); a larger file is refused
MAX_DEPTH = 32               # how deeply an answers file may nest lists and tables

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
    return answers


def read_answers(path: Path, *, max_bytes: int = MAX_BYTES) -> dict[str, dict]:
    """The answers in a file (``{}`` when absent); raises :class:`AnswersFileError` when unreadable."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return {}
    except OSError as err:
        raise AnswersFileError(f"{path}: cannot be read ({err.strerror or err})") from None
    if len(raw) > max_bytes:
        raise AnswersFileError(f"{path}: larger than {max_bytes // 1_000_000} MB; not an answers file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise AnswersFileError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    return parse_answers(text, str(path))


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
    """The saved answers of one notebook; every :meth:`set` rewrites the file atomically."""

    def __init__(self, path: str | os.PathLike, *, notebook: str | None = None, persist: bool = True) -> None:
        self.path = Path(path)
        self.notebook = notebook or self.path.name.removesuffix(SUFFIX)
        self.warning: str | None = None
        self.persist = persist          # False: kept in memory only, the file is neither read nor written
        self._answers: dict[str, dict] = {}
        if persist:
            self._answers = self._load()

    def _load(self) -> dict[str, dict]:
        """The answers on disk; a damaged file is moved aside (one warning) and ``{}`` returned."""
        try:
            return read_answers(self.path)
        except AnswersFileError as err:
            try:
                aside = move_aside(self.path)
                where = f"It was moved to {aside.name} (nothing deleted)"
            except OSError as move_err:
                where = f"It could not be moved aside ({move_err.strerror}); it will be replaced on the next save"
            self.warning = (f"Warning: {err}. {where}; answers start afresh. "
                            "Ask your instructor if you need the old ones.")
            print(self.warning)  # stdout on purpose: nbgrader scores stderr as a failure
            return {}

    def get(self, exercise_id: str, default: Any = None) -> Any:
        entry = self._answers.get(exercise_id)
        return default if entry is None else entry["value"]

    def saved_at(self, exercise_id: str) -> str | None:
        entry = self._answers.get(exercise_id)
        return None if entry is None else entry.get("saved")

    def __contains__(self, exercise_id: str) -> bool:
        return exercise_id in self._answers

    def set(self, exercise_id: str, value: Any) -> None:
        """Save one answer now (JSON-able values only)."""
        self._change(exercise_id, {"value": value, "saved": now()})

    def clear(self, exercise_id: str) -> None:
        if exercise_id in self._answers:
            self._change(exercise_id, None)

    def _change(self, exercise_id: str, entry: dict | None) -> None:
        """Apply one change to the answers on disk (re-read under the lock, so other writers' saves stay)."""
        if not self.persist:
            self._apply(self._answers, exercise_id, entry)
            return
        with locked(self.path):
            answers = self._load() if self.path.exists() else {}
            self._apply(answers, exercise_id, entry)
            data = {"format": FORMAT, "notebook": self.notebook, "updated": now(), "answers": answers}
            text = json.dumps(data, ensure_ascii=False, indent=1)
            write_atomically(self.path, text)
        self._answers = answers

    @staticmethod
    def _apply(answers: dict[str, dict], exercise_id: str, entry: dict | None) -> None:
        if entry is None:
            answers.pop(exercise_id, None)
        else:
            answers[exercise_id] = entry
