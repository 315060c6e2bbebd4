"""`medialit analyze --jobs N`: the same output as one job, in the order the files were given,
bad files included; and the JSON text written file by file is the JSON of the whole list."""
from __future__ import annotations

import io
import json
import math
from pathlib import Path

import pytest

from helpers import FIXTURES, SEED_FILES, run_medialit


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_two_jobs_give_the_output_of_one_in_the_same_order(as_json):
    bad = FIXTURES / "corpus_empty_file" / "blank.txt"
    files = [str(p) for p in SEED_FILES[:3]] + [str(bad)] + [str(p) for p in reversed(SEED_FILES)]
    flags = ["--json"] if as_json else []
    one = run_medialit("analyze", *flags, "--jobs", "1", *files)
    two = run_medialit("analyze", *flags, "--jobs", "2", *files)
    assert one.returncode == two.returncode == 1  # the blank file
    assert two.stdout == one.stdout and two.stderr == one.stderr
    assert one.stderr.count("\n") == 1 and "blank.txt" in one.stderr
    if as_json:
        assert [r["path"] for r in json.loads(two.stdout)] == [f for f in files if f != str(bad)]


def test_jobs_must_be_a_positive_number():
    proc = run_medialit("analyze", "--jobs", "0", str(SEED_FILES[0]))
    assert proc.returncode == 2 and "must be 1 or more" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("command", [["analyze", str(SEED_FILES[0])], ["check", str(SEED_FILES[0])],
                                     ["families", str(SEED_FILES[0].parent)]])
@pytest.mark.parametrize("value, message", [("0", "must be 1 or more, not 0"), ("-3", "must be 1 or more, not -3"),
                                            ("two", "not a whole number: 'two'")])
def test_every_command_reads_jobs_the_same_way(command, value, message):
    proc = run_medialit(command[0], "--jobs", value, *command[1:])
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[-1] == f"medialit {command[0]}: error: argument --jobs/-j: {message}"


SAMPLES = [
    {"a": [1, 2.5, None, True, False], "b": {}, "c": [], "d": "café “quoted” \n\t\u0001 \\ \"", "e": {"f": [[], {}]}},
    [],
    {},
    "plain",
    [1e16, 1e-7, -0.0, 2.5e9, 110.0, 3, -4, math.pi],
    {1: "int key", 2.5: "float key", True: "bool key", None: "none key"},
    [("tuple", "as", "list"), [{"deep": [{"er": [1]}]}]],
]


@pytest.mark.parametrize("data", SAMPLES)
def test_dumps_is_exactly_json_dumps_with_indent_one(data):
    from medialit.records import dumps

    assert dumps(data) == json.dumps(data, ensure_ascii=False, indent=1)


def test_dumps_of_a_real_analysis_is_exactly_json_dumps():
    from medialit.records import dumps
    from medialit.report import analyze_file

    results = [analyze_file(p) for p in SEED_FILES[:2]]
    data = [r.to_dict() for r in results]
    assert dumps(data) == json.dumps(data, ensure_ascii=False, indent=1)
    assert dumps(results) == json.dumps(data, ensure_ascii=False, indent=1)  # records turned into dicts as written


def test_dump_writes_in_chunks_that_join_to_dumps(monkeypatch):
    from medialit import records
    from medialit.records import dump, dumps
    from medialit.report import analyze_file

    monkeypatch.setattr(records, "_CHUNK", 50)  # a seed is small: chunks of 50 pieces
    result = analyze_file(SEED_FILES[0])
    chunks: list[str] = []
    dump(result, chunks.append)
    assert len(chunks) > 1 and "".join(chunks) == dumps(result)


def test_dumps_refuses_what_json_refuses():
    from medialit.records import dumps

    with pytest.raises(TypeError):
        dumps({"x": object()})
    loop: list = []
    loop.append(loop)
    with pytest.raises(ValueError):
        dumps(loop)


@pytest.mark.parametrize("items", [[], [{"a": 1}], [{"a": [1, 2]}, [], "x", {"b": {"c": None}}]])
def test_a_json_array_written_item_by_item_is_print_json_of_the_list(items):
    from medialit.cli.common import JsonArray, print_json

    whole, streamed = io.StringIO(), io.StringIO()
    print_json(items, file=whole)
    array = JsonArray(streamed)
    for item in items:
        array.add(item)
    array.close()
    assert streamed.getvalue() == whole.getvalue()


@pytest.mark.parametrize("as_json", [False, True])
def test_workers_bytes_match_one_job_whatever_the_output_encoding(as_json, tmp_path):
    """With --jobs 2 the workers encode their output themselves: in stdout's encoding and
    error handler, so the bytes are those one job prints."""
    import os
    import subprocess
    import sys

    from helpers import ROOT
    odd = tmp_path / "odd.txt"
    odd.write_text("“Prices rose 5% in the café,” officials said — on Monday. ¿Qué?\n", encoding="utf-8")
    files = [str(SEED_FILES[0]), str(odd), str(SEED_FILES[1])]
    env = dict(os.environ, PYTHONIOENCODING="ascii:backslashreplace")
    runs = [subprocess.run([sys.executable, "-m", "medialit.cli", "analyze", *(["--json"] if as_json else []),
                            "--jobs", jobs, *files], cwd=ROOT, env=env, capture_output=True, timeout=120)
            for jobs in ("1", "2")]
    assert runs[0].returncode == runs[1].returncode == 0, runs[1].stderr
    assert runs[1].stdout == runs[0].stdout and b"caf\\xe9" in runs[0].stdout


def _odd_fails(path):
    """A stand-in for a file's work: its number squared, or a CorpusError for odd numbers past 50."""
    from medialit.corpus.files import CorpusError

    n = int(path.stem)
    if n > 50 and n % 2:
        raise CorpusError(path, "odd")
    return n * n


def test_a_task_holds_several_small_files_or_one_long_one(tmp_path):
    from medialit.cli.common import CHUNK_BYTES, chunks_of

    small = [tmp_path / f"s{i}.txt" for i in range(100)]
    for p in small:
        p.write_text("x" * 1000)
    big = tmp_path / "big.txt"
    big.write_text("x" * CHUNK_BYTES)
    names = [str(p) for p in small[:50]] + [str(big)] + [str(p) for p in small[50:]] + ["missing.txt"]
    tasks = chunks_of(names, 2)
    assert [n for t in tasks for n in t] == names  # every name once, in order
    assert max(len(t) for t in tasks) > 1 and [str(big)] in tasks
    assert all(sum((tmp_path / Path(n).name).stat().st_size for n in t if n != "missing.txt") <= CHUNK_BYTES
               for t in tasks if len(t) > 1)


def test_many_files_in_chunks_come_back_in_order_with_their_errors(capsys):
    """200 names: the workers take several files a task (chunk_sizes), yet results, errors and
    failed names come in the order given, as with one job."""
    from medialit.cli.common import ParallelFiles, chunk_sizes

    names = [f"{i}.txt" for i in range(200)]
    assert max(chunk_sizes(len(names), 2)) > 1 and sum(chunk_sizes(len(names), 2)) == 200
    runs = []
    for jobs in (1, 2):
        files = ParallelFiles("analyze", names, _odd_fails, jobs)
        runs.append((list(files), files.failed, capsys.readouterr().err))
    assert runs[0] == runs[1]
    results, failed, err = runs[1]
    assert [r for _, r in results] == [i * i for i in range(200) if not (i > 50 and i % 2)]
    assert failed == [f"{i}.txt" for i in range(51, 200, 2)] and err.count("\n") == len(failed)
