"""Saved answers: one JSON file per notebook, next to it, rewritten atomically on every change.

The file ``<stem>.answers.json`` looks like::

    {"format": "medialit-answers/1", "notebook": "00_start_here", "updated": "2024-05-01T10:00:00Z",
     "answers": {"q0.1": {"value": "Shift+Enter", "saved": "2024-05-01T10:00:00Z"}}}

A damaged file is renamed to ``<name>.damaged-<timestamp>`` (never deleted) and reported on
stdout, so a check can go on with an empty set of answers.

>>> import tempfile, pathlib
>>> store = AnswerStore(pathlib.Path(tempfile.mkdtemp()) / "demo.answers.json")
>>> store.set("q0.1", "4"); AnswerStore(store.path).get("q0.1")
'4'
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from medialit.errors import AnswersFileError

FORMAT = "medialit-answers/1"


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def answers_path(stem: str, folder: str | os.PathLike | None = None) -> Path:
    """Where a notebook's answers live: ``$MEDIALIT_ANSWERS_DIR`` or the notebook's folder (the cwd)."""
    base = Path(os.environ.get("MEDIALIT_ANSWERS_DIR") or folder or os.getcwd())
    return base / f"{stem}.answers.json"


def read_answers(path: Path) -> dict[str, dict]:
    """The answers in a file (``{}`` when absent); raises :class:`AnswersFileError` when unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as err:
        raise AnswersFileError(f"{path}: cannot be read ({err})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise AnswersFileError(f"{path}: not valid JSON ({err.msg}, line {err.lineno})") from None
    answers = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(answers, dict) or not all(isinstance(v, dict) and "value" in v for v in answers.values()):
        raise AnswersFileError(f"{path}: not a medialit answers file (no 'answers' table)")
    return answers


class AnswerStore:
    """The saved answers of one notebook; every :meth:`set` rewrites the file atomically."""

    def __init__(self, path: str | os.PathLike, *, notebook: str | None = None, persist: bool = True) -> None:
        self.path = Path(path)
        self.notebook = notebook or self.path.name.removesuffix(".answers.json")
        self.warning: str | None = None
        self.persist = persist          # False: kept in memory only, the file is neither read nor written
        if not persist:
            self._answers: dict[str, dict] = {}
            return
        try:
            self._answers = read_answers(self.path)
        except AnswersFileError as err:
            aside = self.path.with_name(f"{self.path.name}.damaged-{now().replace(':', '')}")
            os.replace(self.path, aside)
            self.warning = (f"Warning: {err}. It was moved to {aside.name} (nothing deleted); "
                            "answers start afresh. Ask your instructor if you need the old ones.")
            print(self.warning)  # stdout on purpose: nbgrader scores stderr as a failure
            self._answers = {}

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
        self._answers[exercise_id] = {"value": value, "saved": now()}
        self._write()

    def clear(self, exercise_id: str) -> None:
        if self._answers.pop(exercise_id, None) is not None:
            self._write()

    def _write(self) -> None:
        if not self.persist:
            return
        data = {"format": FORMAT, "notebook": self.notebook, "updated": now(), "answers": self._answers}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)
