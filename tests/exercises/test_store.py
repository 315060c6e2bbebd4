"""The answers store under stress: loading is total (anything unreadable is moved aside under a
unique name and answers start afresh), and saves survive several writers and SIGKILL."""
from __future__ import annotations

import json
import os
import random
import signal
import time
from pathlib import Path

import pytest

from medialit.errors import AnswersFileError
from medialit.exercises.store import AnswerStore, read_answers

GOOD = '{"answers": {"q1": {"value": "yes", "saved": "2024-01-01T00:00:00Z"}}}'


@pytest.mark.parametrize("content,why", [
    ('{"answers": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    ("[" * 100_000, "not a medialit answers file"),
    ('{"answers": {"q1": {"value": ' + "9" * 5000 + "}}}", "cannot be read"),
    ('{"answers": {"q1": {"value": ' + "[" * 40 + "]" * 40 + "}}}", "nested more than"),
    ('{"answers": {"q1": ', "not valid JSON"),
    ('{"answers": [1, 2]}', "no 'answers' table"),
    ("\x00\x00\x00", "not a medialit answers file"),
])
def test_any_unreadable_file_is_moved_aside_with_one_message_and_a_fresh_start(tmp_path, capsys, content, why):
    path = tmp_path / "n.answers.json"
    path.write_text(content, encoding="utf-8")
    store = AnswerStore(path)
    out = capsys.readouterr().out
    aside = list(tmp_path.glob("n.answers.json.damaged-*"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == content
    assert out.count("\n") == 1 and why in out and "moved to" in out
    assert not path.exists() and "q1" not in store
    store.set("q1", "again")
    assert AnswerStore(path).get("q1") == "again"


def test_bytes_that_are_not_utf8_and_a_huge_file_are_moved_aside(tmp_path, capsys):
    bad = tmp_path / "a.answers.json"
    bad.write_bytes(b'{"answers": {"q1": {"value": "\xff"}}}')
    assert "q1" not in AnswerStore(bad)
    huge = tmp_path / "b.answers.json"
    huge.write_text('{"answers": {}, "pad": "' + "x" * 6_000_000 + '"}', encoding="utf-8")
    assert "q1" not in AnswerStore(huge)
    out = capsys.readouterr().out
    assert "not UTF-8" in out and "larger than 5 MB" in out
    assert len(list(tmp_path.glob("*.damaged-*"))) == 2


def test_a_bom_is_read_as_utf8():
    assert read_answers_text("\ufeff" + GOOD)["q1"]["value"] == "yes"


def read_answers_text(text: str) -> dict:
    from medialit.exercises.store import parse_answers
    return parse_answers(text, "x.answers.json")


def test_two_damaged_files_moved_aside_in_the_same_second_keep_both(tmp_path, capsys):
    path = tmp_path / "n.answers.json"
    for content in ("{broken one", "{broken two"):
        path.write_text(content, encoding="utf-8")
        AnswerStore(path)
    kept = sorted(p.read_text() for p in tmp_path.glob("n.answers.json.damaged-*"))
    assert kept == ["{broken one", "{broken two"]


def test_read_answers_raises_one_error_type_for_any_bad_content(tmp_path):
    path = tmp_path / "x.answers.json"
    path.write_text('{"a":' + "[" * 50_000, encoding="utf-8")
    with pytest.raises(AnswersFileError, match="x.answers.json: nested too deeply"):
        read_answers(path)


def _fork(work) -> int:
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            work()
        except BaseException:  # noqa: BLE001
            code = 1
        os._exit(code)
    return pid


def test_two_writers_and_a_reader_lose_no_save_and_never_read_a_partial_file(tmp_path):
    path = tmp_path / "n.answers.json"
    n = 150

    def writer(prefix: str):
        def work():
            store = AnswerStore(path)
            for i in range(n):
                store.set(f"{prefix}{i}", i)
        return work

    def reader():
        bad = 0
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                answers = read_answers(path)
            except AnswersFileError:
                bad += 1
                continue
            if len(answers) >= 2 * n:
                break
            if path.exists() and not answers:
                bad += 1 if path.stat().st_size else 0
        (tmp_path / "reader.txt").write_text(str(bad))

    AnswerStore(path).set("start", 0)
    pids = [_fork(writer("a")), _fork(writer("b")), _fork(reader)]
    codes = [os.waitpid(pid, 0)[1] for pid in pids]
    assert codes == [0, 0, 0]
    answers = read_answers(path)
    assert {f"a{i}" for i in range(n)} | {f"b{i}" for i in range(n)} | {"start"} == set(answers)
    assert (tmp_path / "reader.txt").read_text() == "0"
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob("*.damaged-*"))


def test_sigkill_during_saves_never_loses_an_acknowledged_answer(tmp_path):
    """≥ 200 SIGKILLs at random moments of a save loop: the file always loads and holds the
    last answer whose save had returned."""
    path = tmp_path / "k.answers.json"
    rng = random.Random(18)
    lost = damaged = 0
    kills = 200
    for round_ in range(kills):
        read_fd, write_fd = os.pipe()

        def work(round_=round_, write_fd=write_fd, read_fd=read_fd):
            os.close(read_fd)
            store = AnswerStore(path)
            i = 0
            while True:
                store.set("counter", [round_, i])
                os.write(write_fd, f"{i}\n".encode())
                i += 1

        pid = _fork(work)
        os.close(write_fd)
        time.sleep(rng.uniform(0.001, 0.02))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read_fd, "rb") as pipe:
            acks = pipe.read().split()
        try:
            value = read_answers(path).get("counter", {}).get("value")
        except AnswersFileError:
            damaged += 1
            continue
        if acks:
            last = int(acks[-1])
            if value is None or value[0] != round_ or value[1] < last:
                lost += 1
    assert (lost, damaged) == (0, 0)
    assert not list(tmp_path.glob("*.damaged-*"))


# Attempts: every check is counted in the answers file, with the first and the last time.

OLD = ('{"format": "medialit-answers/1", "notebook": "n", "updated": "2024-01-01T00:00:00Z",\n'
       ' "answers": {"q1": {"value": "yes", "saved": "2024-01-01T00:00:00Z"}}}')


def test_an_old_answers_file_without_attempts_loads_and_keeps_its_answers_when_a_check_is_counted(tmp_path, capsys):
    path = tmp_path / "n.answers.json"
    path.write_text(OLD, encoding="utf-8")
    store = AnswerStore(path)
    assert store.get("q1") == "yes" and store.attempts("q1") is None
    assert store.record_attempt("q1") == 1
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "medialit-answers/1" and data["answers"]["q1"]["value"] == "yes"
    assert data["attempts"]["q1"]["count"] == 1
    assert capsys.readouterr().out == "" and not list(tmp_path.glob("*.damaged-*"))


def test_attempts_count_keep_the_first_time_move_the_last_and_survive_a_restart(tmp_path, monkeypatch):
    from medialit.exercises import store as store_module
    path = tmp_path / "n.answers.json"
    clock = iter(["2024-01-01T10:00:00Z", "2024-01-01T10:00:00Z", "2024-01-01T10:05:00Z",
                  "2024-01-01T10:05:00Z", "2024-01-02T09:00:00Z", "2024-01-02T09:00:00Z"])
    monkeypatch.setattr(store_module, "now", lambda: next(clock))
    store = AnswerStore(path)
    assert [store.record_attempt("q1") for _ in range(3)] == [1, 2, 3]
    assert AnswerStore(path).attempts("q1") == {"count": 3, "first": "2024-01-01T10:00:00Z",
                                                "last": "2024-01-02T09:00:00Z"}
    assert AnswerStore(path).attempts("q2") is None


def test_a_save_keeps_the_attempts_and_a_count_keeps_the_answers(tmp_path):
    path = tmp_path / "n.answers.json"
    store = AnswerStore(path)
    store.set("q1", "a")
    store.record_attempt("q1")
    store.set("q1", "b")
    store.clear("q2")
    again = AnswerStore(path)
    assert again.get("q1") == "b" and again.attempts("q1")["count"] == 1


@pytest.mark.parametrize("table,kept", [
    ({"q1": {"count": 2, "first": "t1", "last": "t2"}}, {"q1"}),
    ({"q1": {"count": "lots", "first": "t", "last": "t"}, "q2": {"count": 1, "first": "t", "last": "t"}}, {"q2"}),
    ({"q1": {"count": -3, "first": "t", "last": "t"}}, set()),
    ({"q1": {"count": True, "first": "t", "last": "t"}}, set()),
    ({"q1": {"count": 10**30, "first": "t", "last": "t"}}, set()),
    ({"q1": {"count": 2.5, "first": "t", "last": "t"}}, set()),
    ({"q1": {"count": 2, "first": "x" * 5000, "last": "t"}}, set()),
    ({"q1": {"count": 2}}, set()),
    ({"q1": 7}, set()),
    ([1, 2, 3], set()),
])
def test_attempts_of_the_wrong_shape_are_dropped_and_the_answers_still_load(tmp_path, capsys, table, kept):
    path = tmp_path / "n.answers.json"
    data = json.loads(OLD)
    data["attempts"] = table
    path.write_text(json.dumps(data), encoding="utf-8")
    store = AnswerStore(path)
    assert store.get("q1") == "yes" and set(store._attempts) == kept
    assert capsys.readouterr().out == "" and path.exists()      # not moved aside: the answers matter more


def test_a_count_on_a_damaged_file_moves_it_aside_and_starts_at_one(tmp_path, capsys):
    path = tmp_path / "n.answers.json"
    store = AnswerStore(path)
    path.write_text('{"answers": {"q1": ', encoding="utf-8")       # damaged after it was loaded
    assert store.record_attempt("q1") == 1
    assert len(list(tmp_path.glob("n.answers.json.damaged-*"))) == 1 and "moved to" in capsys.readouterr().out
    assert AnswerStore(path).attempts("q1")["count"] == 1


def test_two_writers_counting_checks_and_saving_answers_lose_nothing(tmp_path):
    path = tmp_path / "n.answers.json"
    n = 60

    def work(prefix: str):
        def run():
            store = AnswerStore(path)
            for i in range(n):
                store.record_attempt("shared")
                store.set(f"{prefix}{i}", i)
        return run

    AnswerStore(path).set("start", 0)
    pids = [_fork(work("a")), _fork(work("b"))]
    assert [os.waitpid(pid, 0)[1] for pid in pids] == [0, 0]
    store = AnswerStore(path)
    assert store.attempts("shared")["count"] == 2 * n
    assert {f"a{i}" for i in range(n)} | {f"b{i}" for i in range(n)} | {"start"} == set(read_answers(path))
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob("*.damaged-*"))


def test_an_attempts_table_nested_too_deeply_is_refused_like_any_damaged_file(tmp_path):
    path = tmp_path / "n.answers.json"
    path.write_text(OLD[:-1] + ', "attempts": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(AnswersFileError, match="nested too deeply"):
        read_answers(path)
