"""A long text analysed a stretch at a time (medialit.report.streaming, ``analyze`` on a
file over STREAM_ABOVE): the stretches cover the text, cut between paragraphs; each
stretch's records are those of its window analysed alone, offsets shifted; put together,
they are the records of the whole text; and the CLI's output is the same text, valid
against the schema, whether the file is streamed or not."""
from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from helpers import DATA, PACKAGE, SEED_FILES
from medialit.cli import main
from medialit.report import streaming
from medialit.report.analysis import analyze_text
from medialit.report.streaming import analyze_in_stretches, shifted, stretches

SCHEMA = json.loads((PACKAGE / "schema" / "analyze.schema.json").read_text(encoding="utf-8"))
KEYS = ("sentences", "quotes", "figures", "boilerplate")


def _repeated(target: int) -> str:
    """The seeds and the local-news test article, one after another, repeated to ``target`` characters."""
    units = [p.read_text(encoding="utf-8") for p in SEED_FILES] + [(DATA / "sourcing_local_news.txt").read_text(encoding="utf-8")]
    parts, size = [], 0
    while size < target:
        parts.append(units[len(parts) % len(units)])
        size += len(parts[-1]) + 2
    return "\n\n".join(parts)


TEXT = _repeated(120_000)


def test_stretches_cover_the_text_and_cut_after_a_blank_line():
    cuts = list(stretches(TEXT, size=9_000, context=1_500))
    assert len(cuts) > 10
    assert cuts[0].start == 0 and cuts[-1].end == len(TEXT)
    for a, b in zip(cuts, cuts[1:]):
        assert a.end == b.start  # no gap, no overlap
        assert re.search(r"\n[^\S\n]*\n\s*$", TEXT[a.start:a.end]), TEXT[a.end - 40:a.end]
        assert not TEXT[b.start].isspace()
    for c in cuts:
        assert c.window_start <= c.start < c.end <= c.window_end
        assert c.end - c.start <= 9_000
        assert c.start - c.window_start <= 3 * 1_500 and c.window_end - c.end <= 3 * 1_500
        assert c.start == 0 or c.start - c.window_start >= 1_500  # the look-back is there


def test_a_giant_paragraph_is_cut_where_a_sentence_starts_and_a_giant_word_at_the_limit():
    paragraph = " ".join(["Officials said the port closed on Monday."] * 400)  # no line break at all
    cuts = list(stretches(paragraph, size=2_000, context=100))
    assert len(cuts) > 5 and cuts[-1].end == len(paragraph)
    assert all(paragraph.startswith("Officials", c.start) for c in cuts)
    word = "x" * 5_000
    assert [(c.start, c.end) for c in stretches(word, size=2_000, context=100)] == [(0, 2000), (2000, 4000), (4000, 5000)]


def _plain(records, delta: int = 0) -> list[dict]:
    """Records as JSON data with every offset moved by ``delta`` (worked out here, not by shifted())."""
    out = []
    for r in records:
        d = r.to_dict()
        for key in ("start", "end", "sentence_start", "sentence_end", "content_start", "content_end"):
            if isinstance(d.get(key), int) and d[key] >= 0:
                d[key] += delta
        for key in ("cue_spans", "hedge_spans"):
            if key in d:
                d[key] = [[a + delta, b + delta] for a, b in d[key]]
        if d.get("speaker_span"):
            d["speaker_span"] = [d["speaker_span"][0] + delta, d["speaker_span"][1] + delta]
        out.append(d)
    return out


def test_each_stretch_has_the_records_of_its_window_analysed_alone_shifted():
    parts = list(analyze_in_stretches(TEXT, size=9_000, context=1_500))
    assert len(parts) > 10
    for part in parts[:4] + parts[-2:]:
        c = part.stretch
        alone = analyze_text(TEXT[c.window_start:c.window_end])
        for key in KEYS:
            expected = [r for r in getattr(alone, key) if c.start <= r.start + c.window_start < c.end]
            got = _plain(getattr(part, key))
            want = _plain(expected, c.window_start)
            if key == "sentences":  # the reasons' "(sentence N)" count from the top of the text instead
                for d in got + want:
                    d["reason"] = re.sub(r"\(sentence \d+\)", "(sentence #)", d["reason"])
            assert got == want, (key, c)
            assert all(TEXT[d["start"]:d["end"]] == d["text"] for d in got if key != "boilerplate" or d["text"])


def test_stretch_by_stretch_gives_the_records_of_the_whole_text():
    whole = analyze_text(TEXT)
    parts = list(analyze_in_stretches(TEXT, size=9_000, context=1_500))
    for key in KEYS:
        got = [r for p in parts for r in getattr(p, key)]
        assert got == list(getattr(whole, key)), key
    # the reasons that name another sentence by number were renumbered for this to hold
    assert any("(sentence " in s.reason and s.start > parts[1].stretch.start for s in whole.sentences)


def test_shifted_moves_every_offset_and_leaves_missing_ones():
    q = analyze_text("“We are ready,” said Ana Ruiz. “No,” he said.").quotes
    moved = [shifted(x, 100) for x in q]
    assert [(m.start, m.end, m.content_start) for m in moved] == [(x.start + 100, x.end + 100, x.content_start + 100) for x in q]
    assert [m.speaker_span for m in moved] == [None if x.speaker_span is None else (x.speaker_span[0] + 100, x.speaker_span[1] + 100)
                                               for x in q]
    assert shifted(q[0], 0) is q[0]


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def small_stretches(monkeypatch):
    """Streaming forced on files over 50 kB, in stretches of 9,000 characters."""
    def force():
        monkeypatch.setattr(streaming, "STREAM_ABOVE", 50_000)
        monkeypatch.setattr(streaming, "STRETCH", 9_000)
        monkeypatch.setattr(streaming, "CONTEXT", 1_500)
    return force


@pytest.mark.parametrize("flags", [["--json"], []], ids=["json", "text"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_streamed_file_gives_the_same_output_as_analysed_whole(tmp_path, small_stretches, flags, jobs):
    long = tmp_path / "long.txt"
    long.write_text('+++\ntitle = "Many articles"\n+++\n' + TEXT, encoding="utf-8")
    bad = tmp_path / "nul.txt"
    bad.write_bytes(b"A\x00" * 30_000)  # over the threshold too, and not text
    files = [str(SEED_FILES[0]), str(long), str(bad), str(SEED_FILES[1])]
    whole = _cli("analyze", *flags, "--jobs", jobs, *files)
    small_stretches()
    streamed = _cli("analyze", *flags, "--jobs", jobs, *files)
    assert streamed == whole
    code, out, err = streamed
    assert code == 1 and err.count("\n") == 1 and "nul.txt: contains NUL bytes" in err
    if flags:
        data = json.loads(out)
        jsonschema.validate(data, SCHEMA)
        assert [d["path"] for d in data] == [f for f in files if f != str(bad)]
        assert data[1]["title"] == "Many articles" and len(data[1]["sentences"]) > 500


def test_only_files_over_the_threshold_are_streamed(tmp_path):
    from medialit.cli.analyze import LongFile, unless_long

    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_text("a" * 100, encoding="utf-8")
    big.write_text("a" * 101, encoding="utf-8")
    assert unless_long(lambda p: "whole", small, above=100) == "whole"
    assert isinstance(unless_long(lambda p: "whole", big, above=100), LongFile)
    assert unless_long(lambda p: "whole", tmp_path / "missing.txt", above=100) == "whole"  # the work reports it
    assert unless_long(lambda p: "whole", tmp_path, above=0) == "whole"  # a folder: likewise


def test_a_long_file_over_the_size_limit_is_one_line_and_the_others_still_run(tmp_path, small_stretches):
    long = tmp_path / "long.txt"
    long.write_text(TEXT, encoding="utf-8")
    small_stretches()
    code, out, err = _cli("analyze", "--json", "--max-size", "0.1", str(long), str(SEED_FILES[0]))
    assert code == 1 and err.count("\n") == 1 and "long.txt" in err and "limit" in err and "Traceback" not in err
    assert [d["path"] for d in json.loads(out)] == [str(SEED_FILES[0])]


def test_a_streamed_file_between_files_sent_back_as_bytes_by_workers(tmp_path, small_stretches, capfd, monkeypatch):
    """``--jobs 2`` on a real stdout (workers send bytes, written under the text stream):
    the long file, analysed here, lands in its place, the same as with one job."""
    long = tmp_path / "long.txt"
    long.write_text(TEXT, encoding="utf-8")
    files = [str(SEED_FILES[0]), str(long), str(SEED_FILES[1]), str(SEED_FILES[2])]
    small_stretches()
    from medialit.cli import analyze

    raw = []
    real = analyze._raw_stdout
    monkeypatch.setattr(analyze, "_raw_stdout", lambda: raw.append(real()) or raw[-1])
    outputs = []
    for jobs in ("1", "2"):
        assert main(["analyze", "--json", "--jobs", jobs, *files]) == 0
        outputs.append(capfd.readouterr())
    assert raw and raw[-1] is not None  # the workers did send bytes
    assert outputs[0] == outputs[1] and outputs[0].err == ""
    assert [d["path"] for d in json.loads(outputs[0].out)] == files
