"""``medialit lab``: open JupyterLab on the kit's notebooks.

Prints the server URL (JupyterLab does) and works on a machine with no browser: when no
browser can be found, the server starts with ``--no-browser`` and the URL is all you need.
Extra arguments after the known ones go to JupyterLab unchanged, for example
``medialit lab --port 8899 --ServerApp.token=secret``.

The student's lab is set up by the kit, not by the student (``labconfig/`` beside this file,
used as JupyterLab's application settings folder): it opens on ``00_start_here.ipynb``, asks
nothing about news or updates, hides nbgrader's instructor tools (its menu, "Create
Assignment" and formgrader; a teacher runs plain ``jupyter lab`` for those), typesets no maths
(the kit has none, and MathJax turned prices such as "$110 ... $115" into formulas), and keeps
the arrow keys inside a widget's radio group or drop-down instead of moving to the next cell.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import webbrowser
from pathlib import Path

from medialit.cli.common import error, pass_unknown_args


def find_notebooks() -> Path:
    """The folder of notebooks: ``MEDIALIT_NOTEBOOKS``, the checkout's ``notebooks/``, or ``./notebooks``."""
    candidates = []
    if os.environ.get("MEDIALIT_NOTEBOOKS"):
        candidates.append(Path(os.environ["MEDIALIT_NOTEBOOKS"]))
    candidates.append(Path(__file__).resolve().parents[2] / "notebooks")
    candidates.append(Path.cwd() / "notebooks")
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError(
        "cannot find the notebooks folder: run `medialit lab` inside a clone of the kit, "
        "or set MEDIALIT_NOTEBOOKS to the folder that holds 00_start_here.ipynb"
    )


def _has_browser() -> bool:
    try:
        webbrowser.get()
    except webbrowser.Error:
        return False
    return True


LAB_CONFIG = Path(__file__).resolve().parent / "labconfig"
"""The kit's JupyterLab settings: ``page_config.json`` (disabled extensions), ``overrides.json``."""
FIRST_NOTEBOOK = "00_start_here.ipynb"
INSTRUCTOR_SERVER_EXTENSIONS = ("nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.course_list",
                                "nbgrader.server_extensions.assignment_list",
                                "nbgrader.server_extensions.validate_assignment")


def student_lab_options(notebooks: Path) -> list[str]:
    """The options that make JupyterLab the kit's student lab (see the module docstring)."""
    options = [f"--LabApp.app_settings_dir={LAB_CONFIG}", "--LabApp.news_url=",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if (notebooks / FIRST_NOTEBOOK).is_file():
        options.append(f"--LabApp.default_url=/lab/tree/{FIRST_NOTEBOOK}")
    options += [f"--ServerApp.jpserver_extensions={name}=False" for name in INSTRUCTOR_SERVER_EXTENSIONS]
    return options


def lab_command(notebooks: Path, *, port: int | None, no_browser: bool, extra: list[str]) -> list[str]:
    """The ``jupyter lab`` command line: root folder, port, browser, then ``extra`` unchanged."""
    cmd = [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={notebooks}",
           *student_lab_options(notebooks)]
    if port:
        cmd.append(f"--port={port}")
    if no_browser or not _has_browser():
        cmd.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # containers and CI run as root; Jupyter refuses without it
    return cmd + extra


def register(parser: argparse.ArgumentParser) -> None:
    """Declare ``--port`` and ``--no-browser``; every other option goes to JupyterLab."""
    parser.add_argument("--port", type=int, default=None, help="port for the server (default: JupyterLab's)")
    parser.add_argument("--no-browser", action="store_true", help="do not try to open a browser; just print the URL")
    pass_unknown_args(parser, "Other options (for example --ServerApp.token=secret) are passed to JupyterLab.")


def run(args: argparse.Namespace) -> int:
    """Start JupyterLab and wait for it; its exit code, or 2 if the notebooks cannot be found."""
    try:
        notebooks = find_notebooks()
    except FileNotFoundError as err:
        error("lab", err)
        return 2
    cmd = lab_command(notebooks, port=args.port, no_browser=args.no_browser, extra=list(args.extra))
    print(f"medialit: opening JupyterLab on {notebooks} (Ctrl+C twice to stop)", flush=True)
    try:
        return subprocess.call(cmd)
    except KeyboardInterrupt:
        return 0
