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
