"""`medialit lab` starts the student's lab: opens on 00, no news prompt, no nbgrader instructor
tools, arrow keys kept inside widgets. The browser test checks the same in Chromium."""
from __future__ import annotations

import json

from medialit.cli.lab import LAB_CONFIG, find_notebooks, lab_command

NOTEBOOK_ARROWS = ".jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) :focus"


def command() -> list[str]:
    return lab_command(find_notebooks(), port=None, no_browser=True, extra=[])


def test_the_lab_opens_on_start_here_with_the_kit_settings_and_no_update_checks():
    cmd = command()
    assert "--LabApp.default_url=/lab/tree/00_start_here.ipynb" in cmd
    assert f"--LabApp.app_settings_dir={LAB_CONFIG}" in cmd
    assert "--LabApp.news_url=" in cmd
    overrides = json.loads((LAB_CONFIG / "overrides.json").read_text(encoding="utf-8"))
    notification = overrides["@jupyterlab/apputils-extension:notification"]
    assert notification == {"fetchNews": "false", "checkForUpdates": False}


def test_nbgrader_instructor_tools_are_off_in_the_student_lab():
    page = json.loads((LAB_CONFIG / "page_config.json").read_text(encoding="utf-8"))
    assert "@jupyter/nbgrader" in page["disabledExtensions"]
    assert "@jupyterlab/mathjax-extension:plugin" in page["disabledExtensions"]     # the kit has no maths
    cmd = command()
    for name in ("formgrader", "course_list", "assignment_list"):
        assert f"--ServerApp.jpserver_extensions=nbgrader.server_extensions.{name}=False" in cmd


def test_arrow_keys_in_an_output_widget_do_not_move_between_cells():
    shortcuts = json.loads((LAB_CONFIG / "overrides.json").read_text(encoding="utf-8"))[
        "@jupyterlab/shortcuts-extension:shortcuts"]["shortcuts"]
    for key in ("ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"):
        mine = [s for s in shortcuts if s["keys"] == [key]]
        assert any(s.get("disabled") and s["selector"] == NOTEBOOK_ARROWS for s in mine), key
        kept = [s for s in mine if not s.get("disabled")]
        assert kept and all(":not(.jp-OutputArea-output *)" in s["selector"] for s in kept), key
