"""Run a student's notebook headless to read the values its code sets (for ``code`` exercises).

``run_notebook`` is what ``medialit grade`` calls. The student's code is untrusted, so the run
gets as little as it needs:

* a clean temporary working folder holding a copy of the student's folder: regular files only
  (symbolic links are never copied or followed, nor answers files), within size limits;
* the exercise file in its *assessment release* form (no key in any form, see
  ``release.py``), never the instructor's source file or the folder it sits in;
* a clean environment: only ``PATH``, the locale and the import path of this package, with
  ``HOME``, ``TMPDIR`` and ``MEDIALIT_ANSWERS_DIR`` inside the temporary folder; nothing else
  of the grader's environment (no instructor path, no token) reaches the student's code;
* limits: a time limit per cell (a cell over it is interrupted, reported, and the run goes on),
  an overall time limit (the run and every process it started are killed), an address-space
  limit (``memory_mb``) and a limit on the size of files it writes.

How a notebook is run: its code cells are run one by one, in order, by an IPython shell (the
same cell semantics as a Jupyter kernel: the last expression is shown, ``display`` works, a
failing cell is reported and the next one runs), in a process of its own; after the last cell
the variables' values are written to JSON. No Jupyter kernel is started: that took seconds a
student. On POSIX the process is forked from a *fork server*, a process that ``run_notebook``
starts once (per grading process) in its own empty folder, with the clean environment above,
and that imports what the kit's notebooks import (the package, pandas, matplotlib with the Agg
backend, IPython) and nothing else: it never reads an exercise file, a key or an answers file,
so a student's run inherits nothing a student should not see. The forked child starts a
session of its own, drops every file descriptor of the server, moves into the run's folder,
takes the run's environment and limits, runs the cells and exits; the grader kills the
child's process group when the run ends or is over time. Elsewhere (no ``fork``), or if the
server cannot be started, each run is a fresh ``python -m medialit.exercises.coderun`` process
with the same limits.

Student code can still read any file the grading account may read, and write where that
account may write (the folders of later runs included): grade in an account that holds
nothing else (docs/instructor-guide.md).

>>> outcome = run_notebook(Path("09_code.ipynb"), {"q9.2": "answer_q9_2"},
...                        exercise_file=Path("exercises/09_code.toml"))   # doctest: +SKIP
>>> outcome.status, outcome.values                                         # doctest: +SKIP
('ok', {'q9.2': 49.5})
"""
from __future__ import annotations

import argparse
import atexit
import json
import numbers
import os
import selectors
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
MAX_NOTEBOOK_BYTES = 20_000_000    # a notebook larger than this is not run
SERVER_START_SECONDS = 120.0       # the fork server's imports (not counted in any student's time)
WARM_IMPORTS = ("IPython.core.interactiveshell", "traitlets.config", "medialit", "medialit.exercises",
                "medialit.exercises.api", "medialit.corpus", "medialit.views", "medialit.views.charts",
                "medialit.checks", "medialit.quotes", "medialit.attribution", "medialit.compare",
                "medialit.text", "medialit.exercises.selftest", "pandas", "matplotlib", "matplotlib.pyplot")


@dataclass
class RunOutcome:
    """What running one notebook gave: ``status`` is ``ok``, ``error`` or ``timeout``."""

    status: str = "ok"
    values: dict[str, Any] = field(default_factory=dict)      # exercise id -> value (JSON form)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    kernel_pid: int | None = None      # the process that ran the cells (its group is stopped at the end)


# --- in the process that runs the student's cells -----------------------------------------------

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
        except (TypeError, ValueError, RecursionError) as err:
            out[exercise_id] = {"unreadable": f"{name} holds {err}, not a number, text or list"}
    Path(path).write_text(json.dumps(out), encoding="utf-8")


class CellTimeout(KeyboardInterrupt):
    """Raised in a cell that runs past the cell time limit: an interrupt, as Jupyter's is, so code
    that swallows interrupts keeps running and is stopped by the overall limit."""


def code_cells(notebook: Path) -> list[tuple[int, str]]:
    """``(index among all cells, source)`` of the notebook's code cells; ValueError says why not."""
    size = notebook.stat().st_size
    if size > MAX_NOTEBOOK_BYTES:
        raise ValueError(f"{size / 1e6:.0f} MB, over the {MAX_NOTEBOOK_BYTES // 1_000_000} MB a notebook may have")
    try:
        data = json.loads(notebook.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        raise ValueError(f"not a notebook ({str(err)[:80]})") from None
    cells = data.get("cells") if isinstance(data, dict) else None
    if not isinstance(cells, list):
        raise ValueError("not a notebook in the Jupyter format 4 (no list of cells)")
    found = []
    for index, cell in enumerate(cells):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(s for s in source if isinstance(s, str))
        if isinstance(source, str) and source.strip():
            found.append((index, source))
    return found


def _cell_name(source: str, index: int) -> str:
    first = next((line.strip() for line in source.splitlines() if line.strip()), "")
    first = first if len(first) <= 40 else first[:37] + "..."
    return f"cell {index + 1} ({first!r})" if first else f"cell {index + 1}"


def _on_alarm(signum, frame) -> None:
    raise CellTimeout()


def execute(notebook: Path, *, variables: Mapping[str, str], report: Path, cell_timeout: float) -> int:
    """Run the notebook's code cells here; write ``report`` (errors, timeouts) as JSON as it goes,
    and the variables' values to ``values.json`` beside it."""
    state: dict[str, Any] = {"errors": [], "timeouts": [], "kernel_pid": os.getpid(), "cell": None,
                             "finished": False}

    def save() -> None:
        tmp = report.with_name(report.name + ".tmp")
        tmp.write_text(json.dumps(state), encoding="utf-8")
        os.replace(tmp, report)

    save()
    try:
        cells = code_cells(notebook)
    except (OSError, ValueError) as err:
        state["errors"].append(f"{notebook.name} cannot be run: {err}")
        save()
        return 1
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    config = Config()
    config.HistoryManager.enabled = False
    shell = InteractiveShell.instance(config=config)
    signal.signal(signal.SIGALRM, _on_alarm)
    for index, source in cells:
        name = _cell_name(source, index)
        state["cell"] = name
        error: BaseException | None = None
        signal.setitimer(signal.ITIMER_REAL, cell_timeout)
        try:
            result = shell.run_cell(source, store_history=False)
            error = result.error_before_exec or result.error_in_exec
        except BaseException as err:  # noqa: BLE001 - e.g. the interrupt came between two statements
            error = err
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, _on_alarm)    # the student's code may have changed it
        if isinstance(error, CellTimeout):
            state["timeouts"].append(f"{name} ran longer than {cell_timeout:g} s and was stopped")
        elif error is not None:
            state["errors"].append(f"{name} raised {type(error).__name__}: {str(error)[:200]}")
        save()
    collect(str(report.with_name("values.json")), variables, shell.user_ns)
    state["finished"] = True
    state["cell"] = None
    save()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m medialit.exercises.coderun")
    parser.add_argument("notebook", type=Path, nargs="?")
    parser.add_argument("--report", type=Path)
    parser.add_argument("--variables", help="JSON {exercise id: variable name}")
    parser.add_argument("--cell-timeout", type=float, default=30.0)
    parser.add_argument("--serve", action="store_true", help="be the fork server (read requests on stdin)")
    args = parser.parse_args(argv)
    if args.serve:
        return serve()
    if args.notebook is None or args.report is None or args.variables is None:
        parser.error("NOTEBOOK, --report and --variables are needed")
    return execute(args.notebook, variables=json.loads(args.variables), report=args.report,
                   cell_timeout=args.cell_timeout)


# --- the fork server ------------------------------------------------------------------------------

def serve() -> int:
    """Import what notebooks import, then for each request line on stdin fork a child that runs one
    notebook; answer ``{"pid": ...}`` when it is started and ``{"done": ..., "exit": ...}`` when it ends."""
    global _PROTOCOL
    home = os.getcwd()
    sys.path[:] = [p for p in sys.path if p not in ("", home)]   # nothing is imported from this folder
    _PROTOCOL = os.fdopen(os.dup(1), "w", encoding="utf-8")     # replies; what imports print goes nowhere
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.close(null)
    for name in WARM_IMPORTS:
        try:
            __import__(name)
        except Exception:  # noqa: BLE001 - a module that cannot load is simply not warm
            pass
    _reply({"ready": os.getpid()})
    while True:
        line = sys.stdin.readline()
        if not line:
            break
        try:
            request = json.loads(line)
            pid = os.fork()
        except (ValueError, OSError) as err:
            _reply({"failed": str(err)[:200]})
            continue
        if pid == 0:
            _child(request)                   # never returns
        _reply({"pid": pid})
        _, status = os.waitpid(pid, 0)
        _reply({"done": pid, "exit": os.waitstatus_to_exitcode(status)})
    shutil.rmtree(home, ignore_errors=True)
    return 0


_PROTOCOL = sys.stdout


def _reply(message: dict) -> None:
    _PROTOCOL.write(json.dumps(message) + "\n")
    _PROTOCOL.flush()


def _child(request: dict) -> None:
    """In the forked child: become the run's own process, then run the notebook and exit."""
    code = 70
    try:
        os.setsid()
        null = os.open(os.devnull, os.O_RDONLY)
        output = os.open(request["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(null, 0)
        os.dup2(output, 1)
        os.dup2(output, 2)
        os.closerange(3, 65536)               # the server's pipes are not the student's
        work = request["work"]
        os.chdir(work)
        os.environ.clear()
        os.environ.update(request["env"])
        tempfile.tempdir = None
        sys.path.insert(0, work)              # as a kernel does: the notebook's folder first
        _limits(int(request["memory_mb"]))()
        code = execute(Path(request["notebook"]), variables=request["variables"], report=Path(request["report"]),
                       cell_timeout=float(request["cell_timeout"]))
    except BaseException:  # noqa: BLE001 - whatever happens, the child never returns into the server
        pass
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


class ServerError(RuntimeError):
    """The fork server could not be started or stopped answering."""


class ForkServer:
    """The grader's handle on one fork server (started by :meth:`start`, one request at a time)."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.owner = os.getpid()
        self._buffer = b""

    def start(self) -> None:
        home = Path(tempfile.mkdtemp(prefix="medialit-forkserver-"))
        env = clean_env(home)
        self.process = subprocess.Popen([sys.executable, "-m", "medialit.exercises.coderun", "--serve"],
                                        cwd=home, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, start_new_session=True)
        ready = self._read(time.monotonic() + SERVER_START_SECONDS)
        if not ready or "ready" not in ready:
            self.close()
            shutil.rmtree(home, ignore_errors=True)
            raise ServerError("the fork server did not start")

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None and self.owner == os.getpid()

    def _read(self, deadline: float) -> dict | None:
        """The next message line, or None at the deadline or when the server is gone."""
        assert self.process is not None and self.process.stdout is not None
        fd = self.process.stdout.fileno()
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                left = deadline - time.monotonic()
                if left <= 0 or not selector.select(left):
                    return None
                chunk = os.read(fd, 65536)
                if not chunk:
                    return None
                self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        try:
            message = json.loads(line)
        except ValueError:
            message = None
        return message if isinstance(message, dict) else {"unreadable": True}

    def run(self, request: dict, timeout: float) -> tuple[int, int | None]:
        """Run one request; ``(child pid, exit code)``, exit code None when it was over ``timeout``
        (the child's process group is killed then, and in any case when it ends)."""
        assert self.process is not None and self.process.stdin is not None
        try:
            self.process.stdin.write((json.dumps(request) + "\n").encode("utf-8"))
            self.process.stdin.flush()
        except OSError as err:
            raise ServerError(f"the fork server is gone ({err})") from None
        started = self._read(time.monotonic() + 30)
        if not started or "pid" not in started:
            raise ServerError("the fork server did not start the run")
        pid = int(started["pid"])
        done = self._read(time.monotonic() + timeout)
        exit_code = done.get("exit") if done and done.get("done") == pid else None
        _kill_group(pid, wait=False)
        if done is None:
            done = self._read(time.monotonic() + 30)        # the server reaps the killed child
            if not done or done.get("done") != pid:
                raise ServerError("the fork server did not end the run")
        return pid, exit_code

    def close(self) -> None:
        if self.process is None:
            return
        try:
            if self.process.stdin:
                self.process.stdin.close()          # the server exits at the end of its input
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            _kill_group(self.process.pid, wait=False)
            self.process.wait()
        finally:
            if self.process.stdout:
                self.process.stdout.close()
            self.process = None


_SERVER: ForkServer | None = None
_FAILED: set[int] = set()             # processes whose fork server did not start: never tried again


def shared_server() -> ForkServer | None:
    """This process's fork server, started on first use; None where there is no ``fork`` (or
    ``MEDIALIT_NO_FORK_SERVER`` is set, or it could not start: then every run is a fresh process)."""
    global _SERVER
    if not hasattr(os, "fork") or os.environ.get("MEDIALIT_NO_FORK_SERVER") or os.getpid() in _FAILED:
        return None
    if _SERVER is None or not _SERVER.alive():
        if _SERVER is not None and _SERVER.owner == os.getpid():
            _SERVER.close()
        _SERVER = ForkServer()
        try:
            _SERVER.start()
        except (ServerError, OSError):
            _SERVER = None
            _FAILED.add(os.getpid())
            return None
    return _SERVER


def stop_server() -> None:
    """Stop this process's fork server, if it started one."""
    global _SERVER
    if _SERVER is not None and _SERVER.owner == os.getpid():
        _SERVER.close()
    _SERVER = None


atexit.register(stop_server)


# --- the grader's side -------------------------------------------------------------------------

def _kill_group(pid: int | None, wait: bool = True) -> None:
    """Stop a process group we started (a run, or a server)."""
    if not pid:
        return
    for sig in (signal.SIGTERM, signal.SIGKILL) if wait else (signal.SIGKILL,):
        try:
            os.killpg(pid, sig)
        except (ProcessLookupError, PermissionError):
            return
        if wait:
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
               MPLCONFIGDIR=str(home / ".matplotlib"),
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


_RELEASED: dict[tuple, str] = {}      # (path, size, mtime) -> release text, per grading process


def release_copy(exercise_file: Path, folder: Path) -> Path:
    """The exercise file in its assessment release form (no key in any form: the run only needs
    what the notebook shows, and the values its code sets are graded outside it) in ``folder``,
    for the run to load; a file that is a release file already (grading from a release) is copied
    as it is. The text is made once per exercise file and grading process."""
    from medialit.exercises.release import read_exercise_toml, release_exercise_file

    source = Path(exercise_file)
    stat = source.stat()
    cache = (str(source.resolve()), stat.st_size, stat.st_mtime_ns)
    text = _RELEASED.get(cache)
    if text is None:
        if read_exercise_toml(source).get("released"):
            text = source.read_text(encoding="utf-8")
        else:
            text, _ = release_exercise_file(source, mode="assessment")
        _RELEASED[cache] = text
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / Path(exercise_file).name
    target.write_text(text, encoding="utf-8")
    return folder


def _run_forked(server: ForkServer, request: dict, run_timeout: float) -> tuple[int | None, bool]:
    """(exit code, over time) of one run in the fork server."""
    _, exit_code = server.run(request, run_timeout)
    return exit_code, exit_code is None


def _run_fresh(request: dict, run_timeout: float) -> tuple[int | None, bool]:
    """(exit code, over time) of one run in a fresh ``python -m medialit.exercises.coderun``."""
    command = [sys.executable, "-m", "medialit.exercises.coderun", request["notebook"],
               "--report", request["report"], "--variables", json.dumps(request["variables"]),
               "--cell-timeout", str(request["cell_timeout"])]
    with open(request["output"], "wb") as output:
        process = subprocess.Popen(command, cwd=request["work"], env=request["env"], stdin=subprocess.DEVNULL,
                                   stdout=output, stderr=output, start_new_session=True,
                                   preexec_fn=_limits(int(request["memory_mb"])))
        try:
            process.wait(timeout=run_timeout)
            over = False
        except subprocess.TimeoutExpired:
            over = True
        _kill_group(process.pid, wait=False)
        process.wait()
    return (None if over else process.returncode), over


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
        request = {"notebook": str(work / notebook.name), "work": str(work), "env": env,
                   "variables": dict(variables), "report": str(report), "output": str(tmp_path / "output.txt"),
                   "cell_timeout": cell_timeout, "memory_mb": memory_mb}
        server = shared_server()
        try:
            exit_code, over = _run_forked(server, request, run_timeout) if server else (None, None)
        except ServerError:
            stop_server()
            exit_code, over = None, None
        if over is None:                                   # no fork server here: a fresh process
            exit_code, over = _run_fresh(request, run_timeout)
        state = _read_json(report)
        outcome.kernel_pid = state.get("kernel_pid")
        outcome.problems[:0] = state.get("timeouts", []) + state.get("errors", [])
        if over:
            outcome.status = "timeout"
            outcome.problems.append(f"the notebook ran longer than {run_timeout:g} s in all and was stopped"
                                    + (f" (in {state['cell']})" if state.get("cell") else ""))
        elif state.get("timeouts"):
            outcome.status = "timeout"
        elif state.get("errors") or exit_code or not state.get("finished"):
            outcome.status = "error"
            if not state.get("errors"):
                where = f" in {state['cell']}" if state.get("cell") else ""
                last = _last_line(tmp_path / "output.txt")
                outcome.problems.append(f"the run stopped{where} (exit code {exit_code})" + (f": {last}" if last else ""))
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


def _last_line(path: Path, max_bytes: int = 4096) -> str:
    """The last non-empty line the run printed (its end only), for a run that stopped."""
    try:
        with open(path, "rb") as handle:
            handle.seek(max(0, path.stat().st_size - max_bytes))
            text = handle.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""


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
