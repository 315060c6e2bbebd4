"""`medialit grade` on hostile submissions: every case gets its own row with a clear status and
reason, the rest of the class is graded, and the gradebook is written (no traceback)."""
from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

import pytest

from medialit.cli import main
from medialit.exercises.checking import check
from medialit.exercises.grade import grade_submissions
from medialit.exercises.spec import load_exercise_file, parse_exercises

from helpers import ROOT

ALICE = ROOT / "tests" / "fixtures" / "class_small" / "alice" / "00_start_here.answers.json"
NB = "00_start_here"


def read(path: Path) -> dict[str, dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


def answers(**values) -> str:
    return json.dumps({"format": "medialit-answers/1", "notebook": NB, "updated": "2024-09-02T10:05:00Z",
                       "answers": {k.replace("_", "."): {"value": v, "saved": "2024-09-02T10:05:00Z"}
                                   for k, v in values.items()}})


def put(folder: Path, text: str | bytes, name: str = f"{NB}.answers.json") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


@pytest.fixture
def hostile(tmp_path) -> Path:
    """A class of 00_start_here submissions, most of them hostile or broken."""
    cls = tmp_path / "class"
    shutil.copytree(ALICE.parent, cls / "alice")
    (cls / "twin").symlink_to(cls / "alice", target_is_directory=True)          # another student's folder
    (cls / "whole_class").symlink_to(cls, target_is_directory=True)             # the class folder itself
    (cls / "dangling").mkdir()
    (cls / "dangling" / f"{NB}.answers.json").symlink_to(tmp_path / "nowhere.json")   # a broken link
    (cls / "outside").mkdir()
    (tmp_path / "elsewhere.json").write_bytes(ALICE.read_bytes())
    (cls / "outside" / f"{NB}.answers.json").symlink_to(tmp_path / "elsewhere.json")  # a link out of the folder
    put(cls / "deep", '{"answers": ' + "[" * 100_000 + "]" * 100_000 + "}")
    put(cls / "bignum", '{"answers": {"q0.2": {"value": ' + "9" * 5000 + "}}}")
    huge = put(cls / "huge", answers(q0_1="Shift+Enter"))
    with open(huge, "ab") as handle:                                             # 50 MB (sparse)
        handle.truncate(50_000_000)
    put(cls / "bom", b"\xef\xbb\xbf" + ALICE.read_bytes())
    put(cls / "dupe" / "old", answers(q0_1="Esc", q0_2=1, q0_3="x").replace("10:05", "09:00"))
    put(cls / "dupe", ALICE.read_text(encoding="utf-8"))
    # a forged exercise file whose keys are the student's wrong answers
    forged = (ROOT / "exercises" / f"{NB}.toml").read_text(encoding="utf-8").replace(
        'answer = "Shift+Enter"', 'answer = "Esc"')
    put(cls / "forger" / "exercises", forged, f"{NB}.toml")
    put(cls / "forger", answers(q0_1="Esc"))
    put(cls / "shapes", answers(q0_1={"a": 1}, q0_2=[1, 2], q0_3=True))
    put(cls / "notutf8", b'{"answers": {"q0.1": {"value": "\xff"}}}')
    (cls / "empty").mkdir()
    (cls / "pipe").mkdir()
    os.mkfifo(cls / "pipe" / f"{NB}.answers.json")                               # a read would block
    return cls


def test_every_hostile_submission_gets_its_row_and_a_clear_status(hostile, tmp_path, capsys):
    out = tmp_path / "grades.csv"
    code = main(["grade", str(hostile), "--out", str(out), "--exercises", str(ROOT / "exercises")])
    rows = read(out)
    captured = capsys.readouterr()
    assert code == 1 and "Traceback" not in captured.err + captured.out
    expect = {
        "alice": ("complete", "9", ""),
        "twin": ("error", "0", "folder is a symbolic link"),
        "whole_class": ("error", "0", "folder is a symbolic link"),
        "dangling": ("error", "0", "is a symbolic link to a missing file; not read"),
        "outside": ("error", "0", "is a symbolic link to another file; not read"),
        "deep": ("error", "0", "nested too deeply"),
        "bignum": ("error", "0", "cannot be read"),
        "huge": ("error", "0", "50 MB, over the 5 MB an answers file may have"),
        "bom": ("complete", "9", ""),
        "dupe": ("complete", "9", "2 copies of 00_start_here.answers.json: used 00_start_here.answers.json"),
        "forger": ("incomplete", "0", "8 of 9 exercises not answered"),
        "shapes": ("incomplete", "0", "00_start_here: answer not valid for q0.1, q0.2, q0.3"),
        "notutf8": ("error", "0", "not UTF-8 text"),
        "empty": ("missing", "0", "no answers files handed in"),
        "pipe": ("error", "0", "00_start_here.answers.json is not a regular file; not read"),
    }
    assert set(rows) == {"(max points)", *expect}
    for student, (status, total, problem) in expect.items():
        row = rows[student]
        assert (row["status"], row["total"]) == (status, total), (student, row)
        assert problem in row["problems"], (student, row["problems"])
        assert len(row["problems"]) <= 300
    assert "ignored old/00_start_here.answers.json" in rows["dupe"]["problems"]
    for name in ("deep", "bignum", "huge", "notutf8"):          # what was handed in is never moved or changed
        assert (hostile / name / f"{NB}.answers.json").is_file()
    feedback = (tmp_path / "grades_feedback" / "shapes.md").read_text(encoding="utf-8")
    assert "could not be read" in feedback and "q0.2" in feedback


def test_the_gradebook_opens_in_spreadsheets_and_has_subtotals_percent_and_a_max_row(tmp_path):
    cls = tmp_path / "class"
    put(cls / "ana", ALICE.read_text(encoding="utf-8"))
    put(cls / "ben", answers(q0_1="Esc", q0_2=5))
    out = tmp_path / "g.csv"
    main(["grade", str(cls), "--out", str(out), "--exercises", str(ROOT / "exercises")])
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read(out)
    assert list(rows)[0] == "(max points)"
    assert (rows["(max points)"]["00_start_here:total"], rows["(max points)"]["total"]) == ("9", "9")
    ana, ben = rows["ana"], rows["ben"]
    assert (ana["00_start_here:total"], ana["percent"], ana["status"]) == ("9", "100.0", "complete")
    assert (ben["00_start_here:total"], ben["percent"], ben["status"]) == ("1", "11.1", "incomplete")
    with open(tmp_path / "g_lms.csv", newline="", encoding="utf-8-sig") as handle:
        lms = list(csv.reader(handle))
    assert lms[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "00_start_here (9)",
                      "medialit total (9)"]
    assert lms[1:] == [["ana", "", "", "ana", "", "9", "9"], ["ben", "", "", "ben", "", "1", "1"]]
    text = (tmp_path / "g_feedback" / "ben.md").read_text(encoding="utf-8")
    assert "- Total: **1 / 9**" in text and "q0.1 ✗" in text and "q0.3 ○" in text


def test_deadline_marks_late_work_and_overrides_replace_points(tmp_path, capsys):
    cls = tmp_path / "class"
    put(cls / "ana", ALICE.read_text(encoding="utf-8"))                       # saved 2024-09-02T10:07Z
    put(cls / "ben", ALICE.read_text(encoding="utf-8").replace("2024-09-02T10:0", "2024-09-01T08:0"))
    overrides = tmp_path / "overrides.csv"
    overrides.write_text("student,exercise,points,note\nben,00_start_here:q0.2,0.5,units missing\n"
                         "zed,00_start_here:q0.2,1,\n", encoding="utf-8")
    out = tmp_path / "g.csv"
    main(["grade", str(cls), "--out", str(out), "--exercises", str(ROOT / "exercises"),
          "--deadline", "2024-09-02T10:00", "--overrides", str(overrides)])
    rows = read(out)
    assert (rows["ana"]["status"], rows["ana"]["late"]) == ("late", "yes")
    assert "after the deadline" in rows["ana"]["problems"]
    assert (rows["ben"]["status"], rows["ben"]["late"]) == ("complete", "")
    assert (rows["ben"]["00_start_here:q0.2"], rows["ben"]["total"]) == ("0.5", "8.5")
    assert "set by the instructor (units missing)" in rows["ben"]["problems"]
    err = capsys.readouterr().err
    assert "override zed,00_start_here:q0.2 matches no student or exercise" in err


def test_a_bad_deadline_or_overrides_file_is_one_clear_error(tmp_path, capsys):
    cls = tmp_path / "class"
    put(cls / "ana", ALICE.read_text(encoding="utf-8"))
    assert main(["grade", str(cls), "--out", str(tmp_path / "g.csv"), "--deadline", "next friday"]) == 2
    bad = tmp_path / "o.csv"
    bad.write_text("ana,00_start_here:q0.1,lots\n", encoding="utf-8")
    assert main(["grade", str(cls), "--out", str(tmp_path / "g.csv"), "--overrides", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "not a date and time" in err and "o.csv, line 1: points 'lots'" in err


def test_jobs_give_the_same_gradebook_as_one_job(hostile, tmp_path):
    one, two, default = tmp_path / "one.csv", tmp_path / "two.csv", tmp_path / "default.csv"
    main(["grade", str(hostile), "--out", str(one), "--exercises", str(ROOT / "exercises"), "--jobs", "1"])
    main(["grade", str(hostile), "--out", str(two), "--exercises", str(ROOT / "exercises"), "-j", "2"])
    main(["grade", str(hostile), "--out", str(default), "--exercises", str(ROOT / "exercises")])  # the cores
    assert one.read_bytes() == two.read_bytes() == default.read_bytes()


@pytest.mark.parametrize("value, message", [("0", "must be 1 or more, not 0"), ("two", "not a whole number: 'two'")])
def test_grade_reads_jobs_as_every_command_does(tmp_path, capsys, value, message):
    with pytest.raises(SystemExit) as stop:
        main(["grade", str(tmp_path), "--out", str(tmp_path / "g.csv"), "--jobs", value])
    assert stop.value.code == 2 and not (tmp_path / "g.csv").exists()
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == f"medialit grade: error: argument --jobs/-j: {message}" and "Traceback" not in err


def test_a_forged_exercise_file_in_a_submission_is_never_used_by_the_nbgrader_autograder(tmp_path, monkeypatch):
    """Under `nbgrader autograde` the notebook runs inside the submission: only the course root's
    exercises count, even when the student handed in an exercises/ folder."""
    from medialit import exercises

    course = tmp_path / "course"
    (course / "exercises").mkdir(parents=True)
    shutil.copy(ROOT / "exercises" / f"{NB}.toml", course / "exercises")
    (course / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    work = course / "autograded" / "mallory" / NB
    forged = (ROOT / "exercises" / f"{NB}.toml").read_text(encoding="utf-8").replace(
        'answer = "Shift+Enter"', 'answer = "Esc"')
    put(work / "exercises", forged, f"{NB}.toml")
    put(work.parent / "exercises", forged, f"{NB}.toml")
    monkeypatch.chdir(work)
    monkeypatch.delenv("MEDIALIT_EXERCISES", raising=False)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    monkeypatch.setenv("MEDIALIT_ANSWERS_DIR", str(work))
    ex = exercises.load(NB)
    assert ex.set.path == course / "exercises" / f"{NB}.toml"
    ex.answer("q0.1", "Esc")
    assert ex.result("q0.1").status == "incorrect"
    (course / "nbgrader_config.py").unlink()              # no marker file: the folder above autograded/
    assert exercises.load(NB).set.path == course / "exercises" / f"{NB}.toml"
    shutil.rmtree(course / "exercises")
    with pytest.raises(FileNotFoundError, match="files handed in by students are never used"):
        exercises.load(NB)


def test_pick_sentences_accepts_only_sentences_that_were_offered():
    raw = {"exercise": [{"id": "q1.1", "kind": "pick_sentences", "prompt": "Pick", "points": 1, "hint": "h",
                         "article": "001", "answer": ["The insider, who spoke on condition of anonymity"]}]}
    exercise = parse_exercises(raw, "demo.toml").exercises[0]
    items = exercise.items()
    whole = " ".join(items)                                      # the whole article as one pick
    result = check(exercise, [whole])
    assert (result.status, result.score) == ("invalid", 0.0) and "not one of the sentences offered" in result.message
    assert check(exercise, items + items[:1]).status == "invalid"   # more picks than sentences
    assert check(exercise, [items[0], items[0]]).status == "invalid"
    assert check(exercise, [items[0]]).status in ("correct", "incorrect")


def test_a_global_medialit_seeds_does_not_change_what_exercises_offer(tmp_path, monkeypatch):
    from medialit.exercises.kinds.pick_sentences import article_sentences

    own = article_sentences("001")
    other = tmp_path / "seeds"
    other.mkdir()
    (other / "catalog.toml").write_text("", encoding="utf-8")
    (other / "mine.txt").write_text("A teacher's own article.\n\nIt has two paragraphs.\n", encoding="utf-8")
    monkeypatch.setenv("MEDIALIT_SEEDS", str(other))
    article_sentences.cache_clear()
    try:
        assert article_sentences("001") == own
        book = grade_submissions(ROOT / "tests" / "fixtures" / "class_small", exercises=ROOT / "exercises",
                                 notebooks=[NB])
        assert {g.student: g.total for g in book.grades}["alice"] == 9
    finally:
        article_sentences.cache_clear()


def test_an_unknown_exercise_id_is_a_clear_error_not_a_key_error_traceback(tmp_path):
    from medialit.exercises.api import Exercises
    from medialit.exercises.spec import UnknownExerciseError
    from medialit.exercises.store import AnswerStore

    ex = Exercises(load_exercise_file(ROOT / "exercises" / f"{NB}.toml"), AnswerStore(tmp_path / "a.answers.json"))
    assert str(ex.answer("q9.9", 1)).startswith("Not saved: 00_start_here has no exercise 'q9.9'")
    assert "its exercises are q0.1" in str(ex.show("q9.9")) and not ex.check("q9.9").ok
    with pytest.raises(UnknownExerciseError) as err:
        ex.result("q9.9")
    assert str(err.value).startswith("00_start_here has no exercise 'q9.9'")


@pytest.mark.slow
def test_student_code_runs_in_a_clean_folder_and_environment_with_a_memory_limit(tmp_path, monkeypatch):
    """A notebook that reads the environment, files beside and outside its folder, and asks for
    too much memory: no instructor path or secret reaches it, and the run reports the rest."""
    import nbformat

    from medialit.exercises.coderun import run_notebook

    exercises = ROOT / "tests" / "fixtures" / "class_code" / "exercises"
    monkeypatch.setenv("INSTRUCTOR_TOKEN", "s3cret-token")
    monkeypatch.setenv("MEDIALIT_EXERCISES", str(exercises))
    secret = tmp_path / "secret.txt"
    secret.write_text("the answer key", encoding="utf-8")
    student = tmp_path / "mallory"
    student.mkdir()
    (student / "link.txt").symlink_to(secret)                 # a link out of the folder
    (student / "data.txt").write_text("mine", encoding="utf-8")
    probe = (
        "import json, os, pathlib\n"
        "spec = pathlib.Path(os.environ['MEDIALIT_EXERCISES']) / '09_code_practice.toml'\n"
        "first_word = json.dumps({'env': dict(os.environ), 'cwd': os.getcwd(),\n"
        "    'link': pathlib.Path('link.txt').exists(), 'data': pathlib.Path('data.txt').read_text(),\n"
        "    'spec': spec.read_text()})")
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(probe),
        nbformat.v4.new_code_cell("hog = bytearray(3 * 1024 ** 3)"),
        nbformat.v4.new_code_cell("answer_q9_2 = 49.5")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, student / "09_code_practice.ipynb")
    outcome = run_notebook(student / "09_code_practice.ipynb", {"q9.4": "first_word", "q9.2": "answer_q9_2"},
                           exercise_file=exercises / "09_code_practice.toml", cell_timeout=20, run_timeout=90,
                           memory_mb=1024)
    seen = json.loads(outcome.values["q9.4"])
    shown = json.dumps(seen["env"])
    assert "s3cret-token" not in shown and str(exercises) not in shown and str(tmp_path) not in shown
    assert not seen["link"] and seen["data"] == "mine" and not seen["cwd"].startswith(str(tmp_path))
    assert "released = true" in seen["spec"] and 'answer = "reportedly"' not in seen["spec"]  # hashed keys
    assert outcome.values["q9.2"] == 49.5                     # the run went on after the failed cell
    assert any("MemoryError" in p for p in outcome.problems), outcome.problems
    assert any("link.txt is a symbolic link; not copied" in p for p in outcome.problems)


def test_no_stored_value_of_any_shape_makes_a_check_raise():
    """Junk written straight into an answers file is `invalid` (or simply wrong), never an exception."""
    files = [*(ROOT / "exercises").glob("*.toml"), ROOT / "tests/fixtures/class_exercises/all_kinds.toml",
             ROOT / "tests/fixtures/class_code/exercises/09_code_practice.toml"]
    junk = [{"a": 1}, [[1, 2], [3]], True, "x" * 300, -1, [None], [], {}, [{"a": 1}], 1e308, [1] * 500, "nan"]
    statuses = set()
    for path in files:
        for exercise in load_exercise_file(path).exercises:
            for value in junk:
                statuses.add(check(exercise, value).status)
    assert "invalid" in statuses and statuses <= {"invalid", "incorrect", "unanswered", "saved", "correct"}


def with_attempts(text: str, attempts) -> str:
    data = json.loads(text)
    data["attempts"] = attempts
    return json.dumps(data)


def test_the_gradebook_has_an_attempts_column_and_the_feedback_shows_each_exercises_checks(tmp_path):
    cls = tmp_path / "class"
    put(cls / "ana", ALICE.read_text(encoding="utf-8"))                       # an old file: no attempts
    put(cls / "ben", with_attempts(answers(q0_1="Shift+Enter", q0_2=5), {
        "q0.1": {"count": 4, "first": "2024-09-02T09:00:00Z", "last": "2024-09-02T09:30:00Z"},
        "q0.2": {"count": 1, "first": "2024-09-02T09:40:00Z", "last": "2024-09-02T09:40:00Z"},
        "q0.4": {"count": 2, "first": "2024-09-02T09:50:00Z", "last": "2024-09-02T09:51:00Z"},   # free text
        "q9.9": {"count": 50, "first": "2024-09-02T09:00:00Z", "last": "2024-09-02T09:00:00Z"}}))  # no such exercise
    put(cls / "cyd", with_attempts(answers(q0_1="Esc"), {
        "q0.1": {"count": "999999999999", "first": "t", "last": "t"},
        "q0.2": {"count": 3, "first": "2024-09-02T09:00:00Z", "last": "2024-09-02T09:10:00Z"}}))
    put(cls / "dan", with_attempts(answers(q0_1="Esc"), "lots"))
    out = tmp_path / "g.csv"
    main(["grade", str(cls), "--out", str(out), "--exercises", str(ROOT / "exercises")])
    with open(out, newline="", encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle))
    assert header[-3:] == ["free_text_answered", "attempts", "problems"]
    rows = read(out)
    assert rows["(max points)"]["attempts"] == ""
    assert {s: rows[s]["attempts"] for s in ("ana", "ben", "cyd", "dan")} == {"ana": "0", "ben": "5", "cyd": "3",
                                                                              "dan": "0"}
    assert (rows["ana"]["status"], rows["ben"]["status"]) == ("complete", "incomplete")   # counts never change a status
    assert "1 attempts entries not readable; not counted" in rows["cyd"]["problems"]
    assert rows["cyd"]["status"] == "incomplete" and "not readable" in rows["dan"]["problems"]
    ben = (tmp_path / "g_feedback" / "ben.md").read_text(encoding="utf-8")
    assert "- Checks recorded in your answers files (graded exercises): 5" in ben
    assert "Checks recorded: 4 times (first 2024-09-02T09:00:00Z, last 2024-09-02T09:30:00Z)" in ben
    assert "Checks recorded: 1 time (2024-09-02T09:40:00Z)" in ben and "Checks recorded: none" in ben
    ana = (tmp_path / "g_feedback" / "ana.md").read_text(encoding="utf-8")
    assert "(graded exercises): 0" in ana and ana.count("Checks recorded: none") == 10


@pytest.mark.slow
def test_runs_forked_from_one_server_share_nothing_and_cannot_speak_for_the_server(tmp_path):
    """Two students' runs come from the same warm fork server: what the first changes in the
    imported modules, its folder or the server's pipes never reaches the second's run or the grader."""
    import nbformat

    from medialit.exercises import coderun

    exercises = ROOT / "tests" / "fixtures" / "class_code" / "exercises"
    plant = (
        "import os, medialit\n"
        "medialit._planted = 'from the first student'\n"
        "open('planted.txt', 'w').write('x')\n"
        "wrote = 0\n"
        "for fd in range(3, 256):\n"
        "    try:\n"
        "        os.write(fd, b'{\"done\": 1, \"exit\": 0}\\n'); wrote += 1\n"
        "    except OSError:\n"
        "        pass\n"
        "answer_q9_4 = str(wrote)")
    probe = ("import os, medialit\n"
             "answer_q9_4 = repr((getattr(medialit, '_planted', None), os.path.exists('planted.txt')))")
    outcomes = []
    for name, code in (("first", plant), ("second", probe)):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
        (tmp_path / name).mkdir()
        nbformat.write(nb, tmp_path / name / "09_code_practice.ipynb")
        outcomes.append(coderun.run_notebook(tmp_path / name / "09_code_practice.ipynb", {"q9.4": "answer_q9_4"},
                                             exercise_file=exercises / "09_code_practice.toml", run_timeout=60))
        server = coderun.shared_server()
    first, second = outcomes
    assert (first.status, first.values["q9.4"]) == ("ok", "0"), first   # no descriptor of the server is open
    assert (second.status, second.values["q9.4"]) == ("ok", "(None, False)"), second
    assert first.kernel_pid != second.kernel_pid and server is coderun.shared_server()
    coderun.stop_server()


def test_the_progress_bar_shows_on_a_terminal_only(monkeypatch):
    import io
    import sys

    from medialit.cli.grade import _progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream, drawn in ((Terminal(), True), (io.StringIO(), False)):   # a log or a pipe gets nothing
        monkeypatch.setattr(sys, "stderr", stream)
        for done in range(4):
            _progress(done, 3)
        text = stream.getvalue()
        assert bool(text) == drawn
        if drawn:        # redrawn in place, full at the end, then a new line
            assert text.count("\r") == 4 and text.endswith("\rgrading [" + "#" * 30 + "] 3/3\n")
            assert "grading [" + "#" * 10 + "." * 20 + "] 1/3" in text
