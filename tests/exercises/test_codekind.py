"""The `code` kind: a check reads the variable the student's code set; `medialit grade` runs the
notebook headless in a separate process with a time limit per cell, and a notebook that errors or
hangs is reported while everything else is still graded."""
from __future__ import annotations

import csv
import hashlib
import os
from medialit.rules import tomllib
from pathlib import Path

import nbformat
import pytest

from medialit.cli import main
from medialit.exercises import Exercises
from medialit.exercises.coderun import run_notebook
from medialit.exercises.release import release_exercise_file
from medialit.exercises import ExerciseFileError, load_exercise_file
from medialit.exercises.spec import parse_exercises
from medialit.exercises.store import AnswerStore

from helpers import ROOT
CODE = ROOT / "tests" / "fixtures" / "class_code"
EXERCISES = CODE / "exercises"
FILE = EXERCISES / "09_code_practice.toml"


@pytest.fixture
def ex(tmp_path) -> Exercises:
    return Exercises(load_exercise_file(FILE), AnswerStore(tmp_path / "09_code_practice.answers.json"))


def read(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return [row for row in csv.DictReader(handle) if row["student"] != "(max points)"]


# --- checking in the notebook ----------------------------------------------------------------

@pytest.mark.parametrize("qid,namespace,right", [
    ("q9.2", {"answer_q9_2": 49.5}, True),
    ("q9.2", {"answer_q9_2": 49.504}, True),           # inside the tolerance
    ("q9.2", {"answer_q9_2": 42}, False),
    ("q9.3", {"answer_q9_3": ("sources", "Reportedly", "allegedly")}, True),   # any order, any case
    ("q9.3", {"answer_q9_3": ["reportedly", "allegedly"]}, False),
    ("q9.4", {"first_word": " Officials "}, True),
    ("q9.4", {"first_word": "said"}, False),
])
def test_check_reads_the_variable_from_the_namespace(ex, qid, namespace, right):
    result = ex.check(qid, namespace=namespace)
    assert result.passed is right
    assert next(iter(namespace)) in result.message           # says which variable it checked


def test_wrong_values_bring_up_the_feedback_for_that_misconception(ex):
    low = ex.check("q9.2", namespace={"answer_q9_2": 12 + 30})
    assert "Too low: did you leave out 7.5?" in low.details and low.hint
    extra = ex.check("q9.3", namespace={"answer_q9_3": ["reportedly", "allegedly", "sources", "denied"]})
    assert extra.message.startswith("Not yet: 3 of 3 right items") and "'denied' has six letters" in extra.details[0]
    text = ex.check("q9.4", namespace={"first_word": "said"})
    assert text.details == ("That is the second word: Python counts from 0, so the first word is [0].",)


def test_checked_value_is_saved_and_survives_a_restart(ex):
    assert ex.check("q9.2", namespace={"answer_q9_2": 49.5}).passed
    again = Exercises(load_exercise_file(FILE), AnswerStore(ex.store.path))
    assert again.store.get("q9.2") == 49.5
    assert again.check("q9.2", namespace={}).passed          # variable gone: the saved value is checked


def test_placeholder_none_or_ellipsis_counts_as_not_answered(ex):
    for placeholder in (None, ...):
        result = ex.check("q9.2", namespace={"answer_q9_2": placeholder})
        assert result.status == "unanswered"


def test_answer_in_code_with_ex_answer_also_works(ex):
    assert ex.answer("q9.3", ["allegedly", "reportedly", "sources"]).ok
    assert ex.check("q9.3", namespace={}).passed
    assert not ex.answer("q9.2", "not a number").ok


def test_a_value_of_the_wrong_type_is_reported_not_raised(ex, capsys):
    result = ex.check("q9.2", namespace={"answer_q9_2": ["49.5"]})
    assert result.status == "invalid" and "answer_q9_2 should hold a number" in result.message
    assert capsys.readouterr().err == ""
    assert "q9.2" not in ex.store


def test_numpy_and_pandas_values_are_read(ex):
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    assert ex.check("q9.2", namespace={"answer_q9_2": np.float64(49.5)}).passed
    series = pd.Series(["reportedly", "allegedly", "sources"])
    assert ex.check("q9.3", namespace={"answer_q9_3": series[series.str.len() > 6]}).passed


def test_strict_check_of_a_code_exercise_raises_assertion_error(ex, monkeypatch):
    monkeypatch.setenv("MEDIALIT_GRADING", "1")
    with pytest.raises(AssertionError):
        ex.check("q9.2", namespace={"answer_q9_2": 1})
    assert ex.check("q9.2", namespace={"answer_q9_2": 49.5}) is None


def test_check_reads_the_ipython_user_namespace(ex):
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.testing.globalipapp import get_ipython

    shell = get_ipython()
    shell.user_ns["first_word"] = "officials"
    try:
        assert ex.check("q9.4").passed
    finally:
        del shell.user_ns["first_word"]
        InteractiveShell.clear_instance()   # later tests (the charts' doctests) run outside a shell


def test_code_widget_has_a_check_button_that_reads_the_variable(ex, monkeypatch):
    import medialit.exercises.api as api
    monkeypatch.setattr(api, "read_variable", lambda e, ns=None: "officials" if e.id == "q9.4" else api.MISSING)
    widget = ex.show("q9.4")
    assert "first_word" in widget.input.value
    widget.check_button.click()
    assert "✓" in widget.feedback.value and "first_word" in widget.feedback.value


def test_release_hides_the_code_keys_and_checks_the_same(ex):
    text, _ = release_exercise_file(FILE, salt="s")
    assert "officials" not in text and "49.5" not in text and "'denied'" not in text
    released = parse_exercises(tomllib.loads(text), "release", path=FILE)
    twin = Exercises(released, AnswerStore(ex.store.path.with_name("r.answers.json")))
    for qid, value in [("q9.2", 49.5), ("q9.3", ["sources", "allegedly", "reportedly"]), ("q9.4", "said")]:
        name = released[qid].data["variable"]
        a, b = ex.check(qid, namespace={name: value}), twin.check(qid, namespace={name: value})
        assert (a.status, a.score) == (b.status, b.score) and set(b.details) <= set(a.details)


@pytest.mark.parametrize("fields,expected", [
    ({"variable": "2x"}, "field 'variable' must be a Python name"),
    ({"answer": "yes", "tolerance": 1}, "field 'tolerance' only applies to a number answer"),
    ({"answer": ["a", "b"], "feedback": {"a": "x"}}, "names 'a', which is in the answer"),
    ({"answer": "yes", "feedback": {"YES": "x"}}, "has a message for the right answer"),
    ({"answer": {"a": 1}}, "field 'answer' must be a number, a non-empty text or a non-empty list"),
    ({"answer": 3, "ordered": True}, "field 'ordered' only applies to a list answer"),
])
def test_bad_code_exercise_names_the_field(fields, expected):
    table = {"id": "q5.3", "kind": "code", "prompt": "p", "points": 1, "hint": "h", "answer": 1, **fields}
    with pytest.raises(ExerciseFileError, match="exercises/05.toml: exercise q5.3: ") as err:
        parse_exercises({"exercise": [table]}, "exercises/05.toml")
    assert expected in str(err.value)


def test_ordered_list_must_be_in_order():
    table = {"id": "q5.3", "kind": "code", "prompt": "p", "points": 1, "hint": "h",
             "answer": ["b", "a", 3], "ordered": True}
    exercise_set = parse_exercises({"exercise": [table]}, "demo.toml")
    ex = Exercises(exercise_set, AnswerStore("unused.json", persist=False))
    assert ex.check("q5.3", namespace={"answer_q5_3": ["B", "a", 3.0]}).passed
    wrong = ex.check("q5.3", namespace={"answer_q5_3": ["a", "b", 3]})
    assert not wrong.passed and "in order" in wrong.message


def test_an_ordered_list_exercise_survives_its_release(tmp_path):
    source = tmp_path / "09_ordered.toml"
    source.write_text('[[exercise]]\nid = "q9.9"\nkind = "code"\nprompt = "p"\npoints = 1\nhint = "h"\n'
                      'answer = ["b", "a"]\nordered = true\n', encoding="utf-8")
    text, _ = release_exercise_file(source, salt="s")
    released = parse_exercises(tomllib.loads(text), "release", path=source)   # 'length' is a release field
    ex = Exercises(released, AnswerStore("unused.json", persist=False))
    assert ex.check("q9.9", namespace={"answer_q9_9": ["B", "a"]}).passed
    short = ex.check("q9.9", namespace={"answer_q9_9": ["b"]})
    assert not short.passed and "it has 1 items, the answer has 2" in " ".join(short.details)


# --- grading: running the notebook -----------------------------------------------------------

def test_grade_without_running_reads_code_answers_from_the_saved_file(tmp_path):
    out = tmp_path / "g.csv"
    code = main(["grade", str(CODE / "students"), "--exercises", str(EXERCISES), "--out", str(out), "--no-run"])
    rows = {r["student"]: r for r in read(out)}
    assert code == 0
    assert rows["loop"]["09_code_practice:q9.2"] == "2"       # the saved 49.5, not run
    assert rows["good"]["09_code_practice:q9.2"] == "0"       # never checked, so never saved


def _digests(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_grade_runs_notebooks_reports_errors_and_timeouts_and_grades_the_rest(tmp_path, capsys):
    before = _digests(CODE / "students")
    out = tmp_path / "grades.csv"
    code = main(["grade", str(CODE / "students"), "--exercises", str(EXERCISES), "--out", str(out),
                 "--cell-timeout", "3"])
    rows = {r["student"]: r for r in read(out)}
    assert code == 1
    good, loop, broken = rows["good"], rows["loop"], rows["broken"]
    assert (good["status"], good["total"], good["possible"], good["problems"]) == ("complete", "5", "5", "")
    # the hanging cell is stopped and reported; its variable was never set, so the saved 49.5 counts
    # (as the notebook's own check, and nbgrader, would count it),
    # the cells after it still ran (q9.3 wrong, q9.4 right) and q9.1 comes from the saved file
    assert loop["status"] == "error" and "cell 6 ('total = 0') ran longer than 3 s" in loop["problems"]
    assert [loop[f"09_code_practice:q9.{n}"] for n in (1, 2, 3, 4)] == ["1", "2", "0", "1"]
    # a NameError is reported; the ex.answer(...) call in the run still counts
    assert broken["status"] == "error" and "NameError: name 'wrds' is not defined" in broken["problems"]
    assert [broken[f"09_code_practice:q9.{n}"] for n in (1, 2, 3, 4)] == ["0", "2", "0", "1"]
    err = capsys.readouterr().err
    assert "loop: error" in err and "broken: error" in err and "good" not in err
    assert _digests(CODE / "students") == before                # nothing handed in was changed


@pytest.mark.slow
def test_a_notebook_that_ignores_interrupts_is_stopped_by_the_overall_limit(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("answer_q9_4 = 'officials'"),
        nbformat.v4.new_code_cell("import time\nwhile True:\n    try:\n        time.sleep(5)\n"
                                  "    except KeyboardInterrupt:\n        pass")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "stuck" / "09_code_practice.ipynb"
    path.parent.mkdir()
    nbformat.write(nb, path)
    outcome = run_notebook(path, {"q9.4": "answer_q9_4"}, exercise_file=EXERCISES / "09_code_practice.toml", cell_timeout=2, run_timeout=8)
    assert outcome.status == "timeout" and outcome.seconds < 30
    assert any("ran longer than 8 s in all" in p for p in outcome.problems)
    assert outcome.kernel_pid and not _alive(outcome.kernel_pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:   # a zombie waiting for its parent counts as stopped
        return Path(f"/proc/{pid}/status").read_text().find("State:\tZ") < 0
    except OSError:
        return True


@pytest.mark.slow
@pytest.mark.parametrize("student", ["good", "loop", "broken"])
def test_a_fresh_process_per_run_gives_what_the_fork_server_gives(student, monkeypatch):
    """Where there is no fork (or the server cannot start) each run is a fresh process: same values,
    same problems, same status."""
    from medialit.exercises import coderun

    notebook = CODE / "students" / student / "09_code_practice.ipynb"
    variables = {e.id: e.data["variable"] for e in load_exercise_file(FILE).exercises if "variable" in e.data}
    forked = run_notebook(notebook, variables, exercise_file=FILE, cell_timeout=3)
    monkeypatch.setenv("MEDIALIT_NO_FORK_SERVER", "1")
    coderun.stop_server()
    fresh = run_notebook(notebook, variables, exercise_file=FILE, cell_timeout=3)
    assert coderun._SERVER is None
    assert (fresh.status, fresh.values, fresh.problems) == (forked.status, forked.values, forked.problems)
    assert forked.values                                      # the comparison is not of two empty runs


@pytest.mark.slow
def test_a_fork_server_that_cannot_start_falls_back_to_a_fresh_process_once_and_for_all(monkeypatch):
    from medialit.exercises import coderun

    def broken(self):
        raise coderun.ServerError("the fork server did not start")

    coderun.stop_server()
    monkeypatch.setattr(coderun.ForkServer, "start", broken)
    notebook = CODE / "students" / "good" / "09_code_practice.ipynb"
    variables = {e.id: e.data["variable"] for e in load_exercise_file(FILE).exercises if "variable" in e.data}
    try:
        outcome = run_notebook(notebook, variables, exercise_file=FILE, cell_timeout=10)
        assert os.getpid() in coderun._FAILED and coderun.shared_server() is None
    finally:
        coderun._FAILED.discard(os.getpid())
    assert outcome.status == "ok" and outcome.values and outcome.problems == []
