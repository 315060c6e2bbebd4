"""Run a student's notebook headless to read the values its code sets (for ``code`` exercises).

``run_notebook`` is what ``medialit grade`` calls. The student's code is untrusted, so the run
gets as little as it needs:

* a clean temporary working folder holding a copy of the student's folder: regular files only
  (symbolic links are never copied or followed, nor answers files), within size limits;
* the exercise file in its *release* form (hashed keys, as students have it), never the
  instructor's source file or the folder it sits in;
* a clean environment: only ``PATH``, the locale and the import path of this package, with
  ``HOME``, ``TMPDIR`` and ``MEDIALIT_ANSWERS_DIR`` inside the temporary folder; nothing else
  of the grader's environment (no instructor path, no token) reaches the student's code;
* limits: a time limit per cell (a cell over it is interrupted, reported, and the run goes on),
  an overall time limit (the run and its kernel are killed), an address-space limit
  (``memory_mb``) and a limit on the size of files it writes.

It starts ``python -m medialit.exercises.coderun`` in a separate process, which runs every cell
with nbclient; a last cell, added to the copy, writes the variables' values to JSON. Student
code can still read any file the grading account may read: grade in an account that holds
nothing else (docs/instructor-guide.md).

>>> outcome = run_notebook(Path("09_code.ipynb"), {"q9.2": "answer_q9_2"},
...                        exercise_file=Path("exercises/09_code.toml"))   # doctest: +SKIP
>>> outcome.status, outcome.values                                         # doctest: +SKIP
('ok', {'q9.2': 49.5})
"""
from __future__ import annotations

import argparse
import json
import numbers
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

KEEP_ENV = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "SYSTEMROOT")   # all else is left out
MAX_FILE_BYTES = 50_000_000        # a file of the student's folder larger than this is not copied
MAX_COPY_BYTES = 200_000_000       # nor anything once this much is copied
MAX_WRITE_BYTES = 200_000_000      # the largest file the student's code may write
TIMEOUT_NAME = "CellTimeoutError"


@dataclass
class RunOutcome:
    """What running one notebook gave: ``status`` is ``ok``, ``error`` or ``timeout``."""

    status: str = "ok"
    values: dict[str, Any] = field(default_factory=dict)      # exercise id -> value (JSON form)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    kernel_pid: int | None = None                               # stopped when the run ends


# --- inside the notebook's kernel: the added last cell ----------------------------------------

def jsonable(value: Any) -> Any:
    """A JSON form of a variable's value (numpy and pandas values via ``tolist``/``item``)."""
    if isinstance(value, (str, bool)) or value is None:
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if hasattr(value, "tolist"):
        return jsonable(value.tolist())
    if isinstance(value, (set, frozenset)):
        return [jsonable(v) for v in sorted(value, key=str)]
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if hasattr(value, "item"):
        return jsonable(value.item())
    raise TypeError(f"a {type(value).__name__}")


def collect(path: str, variables: Mapping[str, str], namespace: Mapping[str, Any]) -> None:
    """Write ``{exercise id: {"value": ...} or {"unreadable": ...}}`` for the variables that are set."""
    out: dict[str, dict] = {}
    for exercise_id, name in variables.items():
        if name not in namespace or namespace[name] is None or namespace[name] is Ellipsis:
            continue
        try:
            out[exercise_id] = {"value": jsonable(namespace[name])}
        except TypeError as err:
            out[exercise_id] = {"unreadable": f"{name} holds {err}, not a number, text or list"}
    Path(path).write_text(json.dumps(out), encoding="utf-8")


# --- the separate process: run every cell with nbclient ---------------------------------------

def _cell_name(cell, index: int) -> str:
    first = next((line.strip() for line in cell.source.splitlines() if line.strip()), "")
    first = first if len(first) <= 40 else first[:37] + "..."
    return f"cell {index + 1} ({first!r})" if first else f"cell {index + 1}"


def execute(notebook: Path, *, variables: Mapping[str, str], report: Path, cell_timeout: float) -> int:
    """Run the notebook; write ``report`` (errors, timeouts, kernel pid) as JSON as it goes."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(notebook, as_version=4)
    values = report.with_name("values.json")
    nb.cells.append(nbformat.v4.new_code_cell(
        "from medialit.exercises.coderun import collect as _medialit_collect\n"
        f"_medialit_collect({str(values)!r}, {dict(variables)!r}, globals())"))
    state: dict[str, Any] = {"errors": [], "timeouts": [], "kernel_pid": None, "finished": False}

    def save() -> None:
        tmp = report.with_name(report.name + ".tmp")
        tmp.write_text(json.dumps(state), encoding="utf-8")
        os.replace(tmp, report)

    def started(**_: Any) -> None:
        provisioner = getattr(client.km, "provisioner", None)
        state["kernel_pid"] = getattr(provisioner, "pid", None)
        save()

    def failed(cell, cell_index: int, execute_reply: dict, **_: Any) -> None:
        content = execute_reply.get("content", {})
        name = _cell_name(cell, cell_index)
        if content.get("ename") == TIMEOUT_NAME:
            state["timeouts"].append(f"{name} ran longer than {cell_timeout:g} s and was stopped")
        elif cell_index < len(nb.cells) - 1:
            state["errors"].append(f"{name} raised {content.get('ename', 'an error')}: "
                                   f"{str(content.get('evalue', ''))[:200]}")
        save()

    client = NotebookClient(
        nb, timeout=cell_timeout, interrupt_on_timeout=True, allow_errors=True, shutdown_kernel="immediate",
        error_on_timeout={"ename": TIMEOUT_NAME, "evalue": f"over {cell_timeout:g} s", "traceback": []},
        resources={"metadata": {"path": str(notebook.parent)}},
        on_notebook_start=started, on_cell_error=failed)
    client.execute()
    state["finished"] = True
    save()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m medialit.exercises.coderun")
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--report", type=Path, required=True)
    parser.add_argument("--variables", required=True, help="JSON {exercise id: variable name}")
    parser.add_argument("--cell-timeout", type=float, default=30.0)
    args = parser.parse_args(argv)
    return execute(args.notebook, variables=json.loads(args.variables), report=args.report,
                   cell_timeout=args.cell_timeout)


# --- the grader's side -------------------------------------------------------------------------

def _kill_group(pid: int | None) -> None:
    """Stop a process group we started (the runner, or the kernel it started)."""
    if not pid:
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(pid, sig)
        except (ProcessLookupError, PermissionError):
            return
        time.sleep(0.5)


def copy_folder(source: Path, target: Path) -> list[str]:
    """Copy the regular files of ``source`` (no symbolic links, no answers files, within the size
    limits) into ``target``; returns what was left out, one line each."""
    skipped: list[str] = []
    copied = 0
    for root, dirs, files in os.walk(source, followlinks=False):
        here = Path(root)
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__" and not (here / d).is_symlink()]
        for name in files:
            path = here / name
            rel = path.relative_to(source)
            if ".answers.json" in name or path.is_symlink() or not path.is_file():
                if path.is_symlink():
                    skipped.append(f"{rel.as_posix()} is a symbolic link; not copied into the run")
                continue
            size = path.stat().st_size
            if size > MAX_FILE_BYTES or copied + size > MAX_COPY_BYTES:
                skipped.append(f"{rel.as_posix()} is too large to copy into the run ({size / 1e6:.0f} MB)")
                continue
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / rel)
            copied += size
    return skipped


def clean_env(tmp: Path) -> dict[str, str]:
    """The student's code's environment: nothing of the grader's but PATH, the locale and our import path."""
    env = {k: v for k, v in os.environ.items() if k in KEEP_ENV}
    package_root = str(Path(__file__).resolve().parents[2])
    home = tmp / "home"
    home.mkdir(exist_ok=True)
    env.update(HOME=str(home), TMPDIR=str(home), IPYTHONDIR=str(home / ".ipython"),
               PYTHONPATH=package_root, PYTHONDONTWRITEBYTECODE="1", MPLBACKEND="agg",
               OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    return env


def _limits(memory_mb: int):
    """A ``preexec_fn`` that caps the address space and the size of written files (POSIX only)."""
    def apply() -> None:
        try:
            import resource
        except ImportError:  # pragma: no cover
            return
        for limit, value in ((getattr(resource, "RLIMIT_AS", None), memory_mb * 1024 * 1024),
                             (getattr(resource, "RLIMIT_FSIZE", None), MAX_WRITE_BYTES),
                             (getattr(resource, "RLIMIT_CORE", None), 0)):
            if limit is None or value <= 0:
                continue
            try:
                resource.setrlimit(limit, (value, value))
            except (ValueError, OSError):  # pragma: no cover - a lower hard limit is kept
                pass
    return apply if os.name == "posix" else None


def release_copy(exercise_file: Path, folder: Path) -> Path:
    """The exercise file in release form (hashed keys) in ``folder``, for the run to load; a file
    that is a release file already (grading from a practice release) is copied as it is."""
    from medialit.exercises.release import read_exercise_toml, release_exercise_file

    source = Path(exercise_file)
    if read_exercise_toml(source).get("released"):
        text = source.read_text(encoding="utf-8")
    else:
        text, _ = release_exercise_file(source)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / Path(exercise_file).name
    target.write_text(text, encoding="utf-8")
    return folder


def run_notebook(notebook: Path, variables: Mapping[str, str], *, exercise_file: Path,
                 cell_timeout: float = 30.0, run_timeout: float = 300.0, memory_mb: int = 2048) -> RunOutcome:
    """Run a copy of ``notebook`` headless; the values of ``variables`` and any problems."""
    outcome = RunOutcome()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="medialit-run-") as tmp:
        tmp_path = Path(tmp)
        work, answers, report = tmp_path / "work", tmp_path / "answers", tmp_path / "report.json"
        work.mkdir()
        outcome.problems += copy_folder(notebook.parent, work)
        answers.mkdir()
        specs = release_copy(exercise_file, tmp_path / "exercises")
        env = clean_env(tmp_path)
        env.update(MEDIALIT_ANSWERS_DIR=str(answers), MEDIALIT_EXERCISES=str(specs))
        command = [sys.executable, "-m", "medialit.exercises.coderun", str(work / notebook.name),
                   "--report", str(report), "--variables", json.dumps(dict(variables)),
                   "--cell-timeout", str(cell_timeout)]
        process = subprocess.Popen(command, cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True, start_new_session=True, preexec_fn=_limits(memory_mb))
        try:
            _, stderr = process.communicate(timeout=run_timeout)
        except subprocess.TimeoutExpired:
            state = _read_json(report)
            _kill_group(state.get("kernel_pid"))
            _kill_group(process.pid)
            _, stderr = process.communicate()
            outcome.status = "timeout"
            outcome.problems.append(f"the notebook ran longer than {run_timeout:g} s in all and was stopped")
        state = _read_json(report)
        outcome.kernel_pid = state.get("kernel_pid")
        _kill_group(outcome.kernel_pid if not state.get("finished") else None)
        outcome.problems[:0] = state.get("timeouts", []) + state.get("errors", [])
        if state.get("timeouts"):
            outcome.status = "timeout"
        elif (state.get("errors") or process.returncode) and outcome.status == "ok":
            outcome.status = "error"
            if process.returncode and not state.get("errors"):
                last = [line for line in (stderr or "").splitlines() if line.strip()]
                outcome.problems.append("the notebook could not be run: " + (last[-1][:200] if last else
                                                                            f"exit code {process.returncode}"))
        saved = _read_json(answers / f"{notebook.stem}.answers.json").get("answers", {})
        collected = _read_json(tmp_path / "values.json")
        for exercise_id, name in variables.items():
            entry = collected.get(exercise_id)
            if isinstance(entry, dict) and "value" in entry:
                outcome.values[exercise_id] = entry["value"]
            elif isinstance(entry, dict):
                outcome.problems.append(f"{exercise_id}: {str(entry.get('unreadable'))[:200]}")
            elif isinstance(saved, dict) and isinstance(saved.get(exercise_id), dict) and "value" in saved[exercise_id]:
                outcome.values[exercise_id] = saved[exercise_id]["value"]     # ex.answer(...) in the run
            else:
                outcome.problems.append(f"{exercise_id}: the run did not set {name}")
    outcome.seconds = time.monotonic() - started
    return outcome


def _read_json(path: Path, max_bytes: int = 20_000_000) -> dict:
    """A JSON table the run wrote (``{}`` when absent, too large or unreadable in any way)."""
    try:
        if path.stat().st_size > max_bytes:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


if __name__ == "__main__":
    sys.exit(main())
