"""End to end in a real browser: JupyterLab + Debian's chromium, driven by Playwright.

Runs a notebook, answers its first widget exercise, clicks Check, reads the feedback, restarts
the kernel, runs everything again and sees the answer restored. Add notebooks to NOTEBOOKS to
cover them too (``answer_first_exercise`` works for every widget kind). Skips when chromium is
missing, except in CI (env ``CI`` set), where it fails instead.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
NOTEBOOKS = ["00_start_here"]
TIMEOUT_MS = int(os.environ.get('MEDIALIT_BROWSER_TIMEOUT_MS', 60_000))

pytestmark = pytest.mark.browser


def _chromium_or_skip() -> str:
    if Path(CHROMIUM).is_file():
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing in CI: install Debian's chromium (see .ci/run)")
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); CI fails instead of skipping")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a temp copy of notebooks/ and exercises/: (base url, token, folder)."""
    _chromium_or_skip()
    pytest.importorskip("playwright")
    work = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", work / "notebooks",
                    ignore=shutil.ignore_patterns("*.answers.json*", ".ipynb_checkpoints"))
    shutil.copytree(ROOT / "exercises", work / "exercises")
    token, port = secrets.token_hex(16), _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDIALIT_")}
    env.update(JUPYTER_RUNTIME_DIR=str(work / "runtime"), JUPYTERLAB_WORKSPACES_DIR=str(work / "workspaces"))
    log = open(work / "jupyter.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         f"--ServerApp.token={token}", f"--ServerApp.root_dir={work / 'notebooks'}",
         "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])],
        cwd=work / "notebooks", env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    pytest.fail(f"JupyterLab did not start; log: {(work / 'jupyter.log').read_text()[-2000:]}")
                time.sleep(0.5)
        yield base, token, work / "notebooks"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=_chromium_or_skip(), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


def menu(page, top: str, item: str) -> None:
    """Click a JupyterLab menu item, e.g. menu(page, "Run", "Run All Cells")."""
    page.locator(".lm-MenuBar-itemLabel", has_text=top).first.click()
    page.locator(".lm-Menu-itemLabel", has_text=item).first.click()


def wait_for_idle_kernel(page) -> None:
    page.wait_for_function(
        "() => { const s = document.querySelector('.jp-Notebook-ExecutionIndicator');"
        " return s && s.getAttribute('data-status') === 'idle'; }", timeout=TIMEOUT_MS)


def run_all(page, *, restart: bool = False) -> None:
    """Run every cell (after a kernel restart if asked) and wait until the last one has run.

    A click that lands before the kernel is connected runs nothing, so it is retried.
    """
    done = ("() => { const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]"
            ".map(e => e.textContent.trim());"
            " return p.length > 0 && p.every(t => /\\[\\d+\\]/.test(t)); }")
    for attempt in range(3):
        if restart:
            menu(page, "Kernel", "Restart Kernel and Run All Cells")
            page.locator(".jp-Dialog .jp-mod-accept").click()
        else:
            menu(page, "Run", "Run All Cells")
        try:
            page.wait_for_function(done, timeout=TIMEOUT_MS // 2)
            return
        except Exception:  # noqa: BLE001 - retried below, then reported
            if attempt == 2:
                raise
            wait_for_idle_kernel(page)


def answer_first_exercise(page):
    """Answer the first widget exercise, whatever its kind; return its locator."""
    exercise = page.locator(".medialit-exercise").first
    exercise.wait_for(state="visible", timeout=TIMEOUT_MS)
    field = exercise.locator(".medialit-input")
    if field.locator("input[type=radio]").count():
        field.locator("input[type=radio]").first.check()
    elif field.locator("input[type=checkbox]").count():
        field.locator("input[type=checkbox]").first.check()
    elif field.locator("select").count():
        field.locator("select").first.select_option(index=1)
    elif field.locator("textarea").count():
        field.locator("textarea").first.fill("A first answer typed in the browser test.")
    else:
        field.locator("input").first.fill("1")
        field.locator("input").first.press("Enter")
    exercise.locator(".medialit-saved", has_text="Saved").wait_for(timeout=TIMEOUT_MS)
    return exercise


@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_answer_check_restart_and_restore_in_a_real_browser(lab, browser, stem):
    base, token, folder = lab
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(f"{base}/lab/tree/{stem}.ipynb?token={token}")
        page.locator(".jp-Notebook").first.wait_for(timeout=TIMEOUT_MS)
        wait_for_idle_kernel(page)
        run_all(page)
        exercise = answer_first_exercise(page)
        picked = exercise.locator("input:checked").count()     # radio/check boxes: restored later
        exercise.locator(".medialit-check").click()
        feedback = exercise.locator(".medialit-feedback")
        feedback.locator(".medialit-result").wait_for(timeout=TIMEOUT_MS)
        text = feedback.inner_text()
        assert any(word in text for word in ("Correct", "Not yet", "Saved")), text
        saved = json.loads((folder / f"{stem}.answers.json").read_text(encoding="utf-8"))
        assert saved["answers"], "the answer was not written next to the notebook"

        run_all(page, restart=True)
        restored = page.locator(".medialit-exercise").first
        restored.locator(".medialit-saved", has_text="restored").wait_for(timeout=TIMEOUT_MS)
        wait_for_idle_kernel(page)
        if picked:
            assert restored.locator("input:checked").count() == picked
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / f"browser-{stem}.png"
        restored.scroll_into_view_if_needed()
        page.screenshot(path=str(shot), full_page=False)
        print(f"screenshot: {shot}")
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"browser-{stem}-failure.png"))
        print(f"screenshot of the failure: {ARTIFACTS / f'browser-{stem}-failure.png'}")
        raise
    finally:
        page.close()


def test_first_exercise_of_start_here_is_checked_correct_in_the_browser(lab, browser):
    """The widget path end to end with a known answer: Shift+Enter is right for Q0.1."""
    base, token, _ = lab
    page = browser.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(f"{base}/lab/tree/00_start_here.ipynb?token={token}")
        page.locator(".jp-Notebook").first.wait_for(timeout=TIMEOUT_MS)
        wait_for_idle_kernel(page)
        run_all(page)
        exercise = page.locator(".medialit-ex-q0-1")
        exercise.wait_for(state="visible", timeout=TIMEOUT_MS)
        exercise.get_by_label("Shift+Enter").check()
        exercise.locator(".medialit-saved", has_text="Saved").wait_for(timeout=TIMEOUT_MS)
        exercise.locator(".medialit-check").click()
        exercise.locator(".medialit-feedback", has_text="Correct").wait_for(timeout=TIMEOUT_MS)
        assert "✓" in exercise.locator(".medialit-feedback").inner_text()
    finally:
        page.close()
