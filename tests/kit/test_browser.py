"""End to end in a real browser: JupyterLab + Debian's chromium, driven by Playwright.

For every notebook in notebooks/ whose exercise file has a widget exercise (the list is computed
from the files, so a new notebook is covered as soon as it is added): run all cells, answer one
widget exercise by clicking, click Check and read the feedback; save a screenshot per notebook in
test-artifacts/. For notebook 00 also restart the kernel, run everything again and see the answer
restored. Every notebook is searched, as rendered, for text that must appear literally (every
price written with a dollar sign in its markdown) and for maths that must not be there. One
exercise of every widget kind is answered and checked by keyboard only; arrow keys must move
inside a radio group or drop-down, not to the next cell; a changed or unreadable answer is
never graded as the saved one; the student's lab (``medialit lab``'s options) opens on 00 with
no pop-up and without nbgrader's instructor tools. One JupyterLab server is shared by all the
tests. Skips when chromium is missing, except in CI (env ``CI`` set), where it fails instead.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from medialit.rules import tomllib
import urllib.request
from pathlib import Path

import pytest

from medialit.cli.lab import lab_command
from medialit.exercises.text_view import css_id

from helpers import ROOT
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
TIMEOUT_MS = int(os.environ.get('MEDIALIT_BROWSER_TIMEOUT_MS', 60_000))
# Kinds answered in a widget, the ones answered by clicking first (code exercises have no input).
CLICK_KINDS = ("single_choice", "multiple_choice", "pick_sentences", "label_items", "match_pairs")
TYPE_KINDS = ("number", "free_text")
RESTART = {"00_start_here"}          # the kernel-restart/restore check (one run-all more per notebook)


def widget_exercise(exercise_file: Path) -> tuple[str, str] | None:
    """(id, kind) of the exercise to answer in the browser: the first clickable one, else the first typed one."""
    try:
        tables = tomllib.loads(exercise_file.read_text(encoding="utf-8")).get("exercise", [])
    except (OSError, tomllib.TOMLDecodeError):
        return ("unreadable", "unreadable")     # still listed: the test then fails and says why
    for kinds in (CLICK_KINDS, TYPE_KINDS):
        for table in tables:
            if isinstance(table, dict) and table.get("kind") in kinds:
                return str(table.get("id")), table["kind"]
    return None


def notebooks_with_widgets() -> list[tuple[str, str, str]]:
    """(notebook stem, exercise id, kind) for every notebook whose exercises include a widget kind."""
    found = []
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        picked = widget_exercise(ROOT / "exercises" / f"{notebook.stem}.toml")
        if picked:
            found.append((notebook.stem, *picked))
    return found


NOTEBOOKS = notebooks_with_widgets()
WIDGET_KINDS = (*CLICK_KINDS, *TYPE_KINDS)


def keyboard_exercises() -> dict[str, list[tuple[str, str]]]:
    """notebook stem -> [(id, kind)]: one exercise of every widget kind, each the first of its kind
    in a notebook that is not already answering another kind by keyboard (spreads the work)."""
    chosen: dict[str, list[tuple[str, str]]] = {}
    for kind in WIDGET_KINDS:
        candidates = []
        for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
            source = ROOT / "exercises" / f"{notebook.stem}.toml"
            tables = tomllib.loads(source.read_text(encoding="utf-8")).get("exercise", []) if source.is_file() else []
            hit = next((str(t["id"]) for t in tables if t.get("kind") == kind), None)
            if hit:
                candidates.append((len(chosen.get(notebook.stem, [])) >= 3, notebook.stem, hit))
        if candidates:
            _, stem, hit = min(candidates)
            chosen.setdefault(stem, []).append((hit, kind))
    return chosen


KEYBOARD = keyboard_exercises()
# Notebooks whose run shows a view with marks (its container): Tab to a mark and read its reason.
MARKS = {"04_unsourced_claims": ".ml-src", "01_who_is_behind_it": ".ml-read"}


def code_exercises() -> dict[str, list[str]]:
    """notebook stem -> ids of its ``code`` exercises (answered by setting a variable, no widget)."""
    found: dict[str, list[str]] = {}
    for source in sorted((ROOT / "exercises").glob("*.toml")):
        for table in tomllib.loads(source.read_text(encoding="utf-8")).get("exercise", []):
            if table.get("kind") == "code":
                found.setdefault(source.stem, []).append(str(table["id"]))
    return found


CODE_EXERCISES = code_exercises()


def literal_texts(stem: str) -> list[str]:
    """Texts that must show literally in the rendered notebook: every price written `\\$110` in markdown."""
    nb = json.loads((ROOT / "notebooks" / f"{stem}.ipynb").read_text(encoding="utf-8"))
    found = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            found += ["$" + m for m in re.findall(r"\\\$([\d.,]+)", source)]
    return found

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
    settings = work / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # Every cell in the page (no windowing), so widgets far down a long notebook can be found.
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}', encoding="utf-8")
    env.update(JUPYTER_RUNTIME_DIR=str(work / "runtime"), JUPYTERLAB_WORKSPACES_DIR=str(work / "workspaces"),
               JUPYTERLAB_SETTINGS_DIR=str(work / "settings"))
    log = open(work / "jupyter.log", "w")
    # The student's lab exactly as `medialit lab` starts it (its settings, extensions, first page).
    command = lab_command(work / "notebooks", port=port, no_browser=True,
                          extra=["--ip=127.0.0.1", f"--ServerApp.token={token}"])
    server = subprocess.Popen(command, cwd=work / "notebooks", env=env, stdout=log, stderr=subprocess.STDOUT)
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


def keep_kernel_if_asked(page) -> None:
    """Sometimes (seen on notebook 06, more often on a loaded machine) JupyterLab loses a
    notebook's kernel connection and asks which kernel to use; whenever that dialog
    appears, answer as a student would, keeping the notebook's own kernel."""
    page.add_locator_handler(page.locator(".jp-Dialog", has_text="Select Kernel"),
                             lambda dialog: dialog.locator(".jp-mod-accept").click())


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
    done = ("() => { const p = [...document.querySelectorAll("
            "'.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')]"
            ".map(e => e.textContent.trim());"
            " return p.length > 0 && p.every(t => /\\[\\d+\\]/.test(t)); }")
    for attempt in range(3):
        if restart:
            menu(page, "Kernel", "Restart Kernel and Run All Cells")
            page.locator(".jp-Dialog .jp-mod-accept").click()
        else:
            menu(page, "Run", "Run All Cells")
        try:
            page.wait_for_function(done, timeout=TIMEOUT_MS)
            return
        except Exception:  # noqa: BLE001 - retried below, then reported
            if attempt == 2:
                raise
            wait_for_idle_kernel(page)


def shut_down_kernels(base: str, token: str) -> None:
    """End the notebook sessions of a test, so kernels do not pile up on the shared server."""
    headers = {"Authorization": f"token {token}"}
    with urllib.request.urlopen(urllib.request.Request(f"{base}/api/sessions", headers=headers), timeout=10) as r:
        sessions = json.load(r)
    for session in sessions:
        request = urllib.request.Request(f"{base}/api/sessions/{session['id']}", method="DELETE", headers=headers)
        urllib.request.urlopen(request, timeout=30).close()


def answer_by_clicking(page, exercise_id: str, kind: str):
    """Answer one widget exercise the way a student does; return its locator once the answer is saved."""
    exercise = page.locator(f".{css_id(exercise_id)}")
    exercise.wait_for(state="attached", timeout=TIMEOUT_MS)
    exercise.scroll_into_view_if_needed()
    field = exercise.locator(".medialit-input")
    if kind == "single_choice":
        field.locator("input[type=radio]").first.click()
    elif kind in ("multiple_choice", "pick_sentences"):
        field.locator("input[type=checkbox]").first.click()
    elif kind in ("label_items", "match_pairs"):
        field.locator("select").first.select_option(index=1)
    elif kind == "number":
        field.locator("input").first.click()
        field.locator("input").first.type("1")
    else:
        field.locator("textarea").first.click()
        field.locator("textarea").first.type("A first answer typed in the browser test.")
    exercise.locator(".medialit-saved", has_text="Saved").wait_for(timeout=TIMEOUT_MS)
    return exercise


ACTIVE_CELL = ("() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell')]"
               ".findIndex(c => c.classList.contains('jp-mod-active'))")


def press_inside(page, element, key: str) -> None:
    """Press ``key`` on a focused widget element; the notebook's active cell must not move."""
    before = page.evaluate(ACTIVE_CELL)
    page.keyboard.press(key)
    page.wait_for_timeout(300)
    after = page.evaluate(ACTIVE_CELL)
    assert after == before, f"{key} moved the notebook from cell {before} to cell {after} instead of the widget"
    assert element.evaluate("e => e === document.activeElement"), f"{key} took the focus out of the widget"


def answer_by_keyboard(page, exercise_id: str, kind: str):
    """Answer one widget exercise with the keyboard only, as a student who tabbed to it would.

    ``focus()`` stands for the Tab presses that reach the widget; everything after is keys.
    Radio groups and drop-downs are answered with the arrow keys, which must stay in the widget.
    """
    exercise = page.locator(f".{css_id(exercise_id)}")
    exercise.wait_for(state="attached", timeout=TIMEOUT_MS)
    exercise.scroll_into_view_if_needed()
    field = exercise.locator(".medialit-input")
    if kind == "single_choice":
        radios = field.locator("input[type=radio]")
        radios.first.focus()
        page.keyboard.press("Space")
        press_inside(page, radios.nth(1), "ArrowDown")
        assert radios.nth(1).is_checked() and not radios.first.is_checked(), "ArrowDown did not pick the next choice"
    elif kind in ("multiple_choice", "pick_sentences"):
        box = field.locator("input[type=checkbox]").first
        box.focus()
        page.keyboard.press("Space")
        assert box.is_checked()
    elif kind in ("label_items", "match_pairs"):
        drop = field.locator("select").first
        drop.focus()
        press_inside(page, drop, "ArrowDown")
        assert drop.evaluate("e => e.selectedIndex") == 1, "ArrowDown did not move to the next option"
    elif kind == "number":
        field.locator("input").first.focus()
        page.keyboard.type("1")
    else:
        field.locator("textarea").first.focus()
        page.keyboard.type("An answer typed with the keyboard only.")
    exercise.locator(".medialit-saved", has_text="Saved").wait_for(timeout=TIMEOUT_MS)
    button = exercise.locator(".medialit-check")
    button.focus()
    page.keyboard.press("Enter")
    exercise.locator(".medialit-feedback .medialit-result", has_text=exercise_id).wait_for(timeout=TIMEOUT_MS)
    return exercise


def feedback_views(page, exercise_id: str) -> list[str]:
    """Texts of every view of an exercise's feedback: in its widget and in its check cell."""
    views = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .medialit-feedback")
    own = re.compile(rf"(?<![\w.]){re.escape(exercise_id)}(?![\w.])", re.I)      # q1.1, not q1.1b
    return [t for t in views.all_inner_texts() if own.search(t) or "changed since" in t]


def assert_rendered_literally(page, stem: str) -> None:
    """No maths anywhere in the notebook, and every price of its markdown shown as written."""
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
    maths = notebook.locator("mjx-container").evaluate_all(
        "ms => ms.map(m => (m.closest('.jp-Cell') || m).innerText.slice(0, 200))")
    assert not maths, f"{stem}: some text was rendered as maths, in: {maths}"
    # The kit's tables use the page's width and read left to right (JupyterLab's own table style had
    # squeezed 05's checks table into narrow right-aligned columns, 1,600 px tall).
    for table in notebook.locator("table.ml-figtab, table.ml-cmp").all():
        box = table.bounding_box()
        align = table.locator("td").first.evaluate("td => getComputedStyle(td).textAlign")
        assert align in ("left", "start"), f"{stem}: a kit table's cells are aligned {align}"
        assert box is None or box["width"] > 600, f"{stem}: a kit table is squeezed to {box['width']:.0f} px wide"
    text = notebook.inner_text()
    for literal in literal_texts(stem):
        assert literal in text, f"{stem}: {literal!r} does not appear as written"


def assert_tab_reaches_a_mark_and_shows_its_reason(page, where, name: str) -> None:
    """From the first mark of a view, Tab moves to the next mark, which then shows its reason in
    visible text; the reason of a mark without the focus is out of sight (but in the text)."""
    marks = where.locator("[tabindex='0']:has(> .ml-why)")
    assert marks.count() >= 2, f"{name}: fewer than two marks"
    first, second = marks.nth(0), marks.nth(1)
    first.scroll_into_view_if_needed()
    first.focus()
    assert first.evaluate("e => e === document.activeElement"), f"{name}: a mark does not take the focus"
    page.keyboard.press("Tab")
    page.wait_for_timeout(100)
    assert second.evaluate("e => e === document.activeElement"), f"{name}: Tab did not move to the next mark"
    why, hidden = second.locator(".ml-why"), first.locator(".ml-why")
    box = why.bounding_box()
    assert box and box["width"] > 40 and box["height"] > 5, f"{name}: the focused mark's reason is not shown ({box})"
    assert why.inner_text().strip().startswith("(why:") and len(why.inner_text()) > 12, why.inner_text()
    page.mouse.move(0, 0)
    gone = hidden.bounding_box()
    assert gone is None or gone["width"] <= 2, f"{name}: a reason is shown without focus or hover ({gone})"
    assert hidden.text_content().startswith(" (why:"), f"{name}: the reason is not in the text for screen readers"


def open_and_run(page, base: str, token: str, stem: str) -> None:
    page.goto(f"{base}/lab/tree/{stem}.ipynb?reset&token={token}")
    page.locator(".jp-Notebook").first.wait_for(timeout=TIMEOUT_MS)
    wait_for_idle_kernel(page)
    run_all(page)


@pytest.mark.parametrize("stem,exercise_id,kind", NOTEBOOKS, ids=[n[0] for n in NOTEBOOKS])
def test_every_notebook_answers_and_checks_a_widget_exercise_in_a_real_browser(lab, browser, stem,
                                                                               exercise_id, kind):
    base, token, folder = lab
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    keep_kernel_if_asked(page)
    page.set_default_timeout(TIMEOUT_MS)
    try:
        open_and_run(page, base, token, stem)
        assert_rendered_literally(page, stem)
        for keyed_id, keyed_kind in KEYBOARD.get(stem, []):
            keyed = answer_by_keyboard(page, keyed_id, keyed_kind)
            shown = feedback_views(page, keyed_id)
            assert len(shown) >= 2 and len(set(shown)) == 1, \
                f"{keyed_id}: the check cell and the widget show different feedback: {shown}"
            assert keyed_id in keyed.locator(".medialit-feedback").inner_text().lower()
        if stem in MARKS:      # a highlighted view in the notebook: Tab reaches a mark and shows why
            view = page.locator(f".jp-NotebookPanel:not(.lm-mod-hidden) {MARKS[stem]}").first
            assert_tab_reaches_a_mark_and_shows_its_reason(page, view, stem)
        for code_id in CODE_EXERCISES.get(stem, []):      # no widget: its check must not send students to one
            output = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell",
                                  has_text=f'ex.check("{code_id}")').locator(".jp-OutputArea").first
            assert "use the widget" not in output.inner_text(), f"{code_id}: {output.inner_text()}"
        exercise = answer_by_clicking(page, exercise_id, kind)
        picked = exercise.locator("input:checked").count()     # radio/check boxes: restored later
        exercise.locator(".medialit-check").click()
        feedback = exercise.locator(".medialit-feedback")
        feedback.locator(".medialit-result").wait_for(timeout=TIMEOUT_MS)
        text = feedback.inner_text()
        assert exercise_id in text and any(word in text for word in ("Correct", "Not yet", "Saved")), text
        saved = json.loads((folder / f"{stem}.answers.json").read_text(encoding="utf-8"))
        assert exercise_id in saved["answers"], "the answer was not written next to the notebook"

        if stem in RESTART:
            run_all(page, restart=True)
            exercise = page.locator(f".{css_id(exercise_id)}")
            exercise.locator(".medialit-saved", has_text="restored").wait_for(timeout=TIMEOUT_MS)
            wait_for_idle_kernel(page)
            if picked:
                assert exercise.locator("input:checked").count() == picked
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / f"browser-{stem}.png"
        exercise.scroll_into_view_if_needed()
        page.screenshot(path=str(shot), full_page=False)
        print(f"screenshot: {shot}")
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"browser-{stem}-failure.png"))
        print(f"screenshot of the failure: {ARTIFACTS / f'browser-{stem}-failure.png'}")
        raise
    finally:
        page.close()
        shut_down_kernels(base, token)


def test_every_notebook_with_widget_exercises_is_in_the_browser_list():
    """The list comes from the files: a notebook with a widget exercise is never left out."""
    listed = {stem for stem, _, _ in NOTEBOOKS}
    assert "00_start_here" in listed
    for notebook in (ROOT / "notebooks").glob("*.ipynb"):
        source = ROOT / "exercises" / f"{notebook.stem}.toml"
        kinds = {t.get("kind") for t in tomllib.loads(source.read_text(encoding="utf-8")).get("exercise", [])} \
            if source.is_file() else set()
        assert (notebook.stem in listed) == bool(kinds & {*CLICK_KINDS, *TYPE_KINDS}), notebook.name


def test_first_exercise_of_start_here_is_checked_correct_in_the_browser(lab, browser):
    """The widget path end to end with a known answer: Shift+Enter is right for Q0.1."""
    base, token, _ = lab
    page = browser.new_page()
    keep_kernel_if_asked(page)
    page.set_default_timeout(TIMEOUT_MS)
    try:
        open_and_run(page, base, token, "00_start_here")
        exercise = page.locator(".medialit-ex-q0-1")
        exercise.wait_for(state="visible", timeout=TIMEOUT_MS)
        exercise.get_by_label("Shift+Enter").check()
        exercise.locator(".medialit-saved", has_text="Saved").wait_for(timeout=TIMEOUT_MS)
        exercise.locator(".medialit-check").click()
        exercise.locator(".medialit-feedback", has_text="Correct").wait_for(timeout=TIMEOUT_MS)
        assert "✓" in exercise.locator(".medialit-feedback").inner_text()
    finally:
        page.close()
        shut_down_kernels(base, token)


def test_keyboard_list_covers_every_widget_kind():
    assert sorted(kind for pairs in KEYBOARD.values() for _, kind in pairs) == sorted(WIDGET_KINDS)


def test_a_changed_or_unreadable_answer_is_never_graded_as_the_saved_one(lab, browser):
    """Q0.2 (a number, key 5): saved 5 and checked correct; then the box says "five": Check must not
    say "Correct", and neither may the check cell; a new readable answer is checked afresh."""
    base, token, _ = lab
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    keep_kernel_if_asked(page)
    page.set_default_timeout(TIMEOUT_MS)
    try:
        open_and_run(page, base, token, "00_start_here")
        exercise = page.locator(".medialit-ex-q0-2")
        exercise.scroll_into_view_if_needed()
        box = exercise.locator(".medialit-input input").first
        box.fill("5")
        exercise.locator(".medialit-saved", has_text="Saved").wait_for()
        exercise.locator(".medialit-check").click()
        exercise.locator(".medialit-feedback", has_text="Correct").wait_for()
        box.fill("five")
        exercise.locator(".medialit-saved", has_text="Not saved").wait_for()
        assert not any("Correct" in t for t in feedback_views(page, "q0.2")), "old feedback left up after a change"
        exercise.locator(".medialit-check").click()
        exercise.locator(".medialit-feedback", has_text="not saved").wait_for()
        shown = feedback_views(page, "q0.2")
        assert shown and not any("Correct" in t for t in shown), shown
        box.fill("4")
        exercise.locator(".medialit-check").click()
        exercise.locator(".medialit-feedback", has_text="Not yet").wait_for()
    finally:
        page.close()
        shut_down_kernels(base, token)


def test_the_student_lab_opens_on_00_with_no_popup_and_no_instructor_tools(lab, browser):
    """What `medialit lab` shows in a student's first minute: notebook 00 (not the Launcher), no
    dialog or notification, and none of nbgrader's instructor tools (menu, Create Assignment)."""
    base, token, _ = lab
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{base}/?token={token}")
        page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(timeout=TIMEOUT_MS)
        page.wait_for_timeout(5000)                     # pop-ups come a few seconds after loading
        title = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current").first.inner_text()
        assert "00_start_here" in title, title
        assert page.locator(".jp-Launcher:visible").count() == 0, "the Launcher is showing"
        assert page.locator(".jp-Dialog").count() == 0, page.locator(".jp-Dialog").all_inner_texts()
        toasts = page.locator(".jp-Notification-Toast, .Toastify__toast")
        assert toasts.count() == 0, toasts.all_inner_texts()
        menus = " ".join(page.locator(".lm-MenuBar-itemLabel").all_inner_texts())
        tabs = " ".join(page.locator(".lm-TabBar-tab").evaluate_all(
            "ts => ts.map(t => (t.getAttribute('title') || '') + ' ' + t.innerText)"))
        for instructor in ("Nbgrader", "Formgrader", "Create Assignment", "Courses"):
            assert instructor.lower() not in (menus + " " + tabs).lower(), f"{instructor!r} shows in the student's lab"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "browser-student-lab.png"))
    finally:
        page.close()
        shut_down_kernels(base, token)


def test_tab_reaches_every_views_marks_and_shows_their_reasons(browser):
    """The three views with marks, on a plain page in Chromium (no JupyterLab): Tab from a button
    before the view lands on its first mark, and the next Tab on the second, each showing why."""
    from medialit import show_article
    from medialit.corpus import load_corpus
    from medialit.views import show_figures, show_sourcing
    corpus = load_corpus()
    views = {"show_sourcing": show_sourcing(corpus["001"]).html, "show_figures": show_figures(corpus["003"]).html,
             "show_article": show_article("000").html}
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    try:
        for name, html in views.items():
            page.set_content(f'<html><body><button id="start">start</button><div id="view">{html}</div></body></html>')
            page.locator("#start").focus()
            page.keyboard.press("Tab")
            first = page.locator("#view [tabindex='0']:has(> .ml-why)").first
            assert first.evaluate("e => e === document.activeElement"), f"{name}: Tab skipped the first mark"
            assert first.locator(".ml-why").is_visible(), name
            assert_tab_reaches_a_mark_and_shows_its_reason(page, page.locator("#view"), name)
    finally:
        page.close()


def test_increase_content_font_size_in_jupyterlab_makes_the_charts_text_larger(lab, browser, monkeypatch):
    """The student's menu command saves the size where the kit reads it: after Settings → Theme →
    Increase Content Font Size, ``font_scale()`` (reading the lab's settings folder) is above 1."""
    from medialit.views.charts import style
    base, token, folder = lab
    settings = folder.parent / "settings"
    monkeypatch.delenv("MEDIALIT_FONT_SCALE", raising=False)
    monkeypatch.setenv("JUPYTERLAB_SETTINGS_DIR", str(settings))
    style.set_font_scale(None)
    assert style.font_scale() == 1.0
    saved = settings / "@jupyterlab" / "apputils-extension" / "themes.jupyterlab-settings"
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{base}/?token={token}")
        page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(timeout=TIMEOUT_MS)

        def theme_command(label: str) -> None:
            page.locator(".lm-MenuBar-itemLabel", has_text="Settings").first.click()
            page.locator(".lm-Menu-itemLabel", has_text="Theme").first.hover()
            page.locator(".lm-Menu-itemLabel", has_text=label).first.click()

        for _ in range(2):
            theme_command("Increase Content Font Size")
            page.wait_for_timeout(500)
        deadline = time.time() + 20
        while style.font_scale() == 1.0 and time.time() < deadline:
            time.sleep(0.3)
        scale = style.font_scale()
        print(f"after two increases: font_scale() = {scale:.3f}, from {saved.read_text() if saved.is_file() else '-'}")
        assert scale > 1.0, f"no content font size in {saved}: {saved.read_text() if saved.is_file() else 'no file'}"
        for _ in range(2):                              # leave the shared lab as it was
            theme_command("Decrease Content Font Size")
            page.wait_for_timeout(500)
    finally:
        page.close()
