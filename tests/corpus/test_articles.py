"""medialit.corpus.articles: loading the seeds, any folder of text files, and clear errors."""
from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from medialit.corpus import articles as corpus_module
from medialit.corpus import Article, Corpus, CorpusError, CorpusWarning, guess_title, load_article, load_corpus, seeds_dir
from medialit.corpus.articles import split_front_matter

from helpers import FIXTURES, ROOT


def _load_quietly(path: Path, **kwargs) -> tuple[Corpus, list[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = load_corpus(path, **kwargs)
    return result, [w for w in caught if issubclass(w.category, CorpusWarning)]


# ---------------------------------------------------------------- the seeds

def test_default_corpus_is_the_five_seeds_with_catalog_metadata():
    seeds = load_corpus()
    assert len(seeds) == 5 and seeds.errors == []
    assert seeds.ids == ["000", "001", "002", "003", "004"]
    assert seeds["003"].outlet == "Sputnik International"
    assert seeds["001"].byline == "By Staff, News Agencies"
    assert seeds["004"].upstream[0].relation == "paraphrase of"


def test_seed_text_is_the_file_text_unchanged():
    for article in load_corpus():
        assert article.text == article.path.read_text(encoding="utf-8")


def test_articles_are_found_by_id_by_file_stem_and_by_position():
    seeds = load_corpus()
    assert seeds["002_fa9433598ee9ccdc"] is seeds["002"] is seeds[2]
    assert "004" in seeds and "999" not in seeds
    assert seeds.get("999") is None


def test_unknown_id_raises_keyerror_listing_the_ids():
    with pytest.raises(KeyError, match="no article '999'.*000, 001"):
        load_corpus()["999"]


def test_article_is_frozen_and_its_dict_is_json_ready():
    article = load_corpus()["001"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "changed"  # type: ignore[misc]
    data = json.loads(json.dumps(article.to_dict()))
    assert data["id"] == "001" and data["path"].endswith("001_360f9904df7243c8.txt")
    assert data["upstream"][1]["outlet"] == "Reuters"
    assert "published_basis" in data["meta"]
    assert "text" not in article.to_dict(exclude=("text",))


def test_load_article_on_a_seed_file_uses_the_catalog_beside_it():
    article = load_article(ROOT / "seeds" / "000_3321dfa5c7a15957.txt")
    assert article.id == "000" and article.published == "2019-03-12"


def test_seeds_are_found_through_the_environment_variable(tmp_path, monkeypatch):
    (tmp_path / "x.txt").write_text("Only one sentence here, the writer said.\n", encoding="utf-8")
    monkeypatch.setenv("MEDIALIT_SEEDS", str(tmp_path))
    assert seeds_dir() == tmp_path
    assert load_corpus().ids == ["x"]


def test_missing_environment_folder_is_named_in_the_error(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIALIT_SEEDS", str(tmp_path / "nowhere"))
    with pytest.raises(CorpusError, match=r"nowhere: folder named by \$MEDIALIT_SEEDS does not exist"):
        load_corpus()


def test_seeds_are_found_by_searching_upward_from_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("MEDIALIT_SEEDS", raising=False)
    monkeypatch.setattr(corpus_module, "__file__", str(tmp_path / "site" / "medialit" / "corpus" / "articles.py"))
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "catalog.toml").write_text("", encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert seeds_dir().resolve() == (tmp_path / "seeds").resolve()
    monkeypatch.chdir(tmp_path.parent)
    with pytest.raises(CorpusError, match="cannot find the seed articles"):
        seeds_dir()


# ---------------------------------------------------------------- any folder, front matter

def test_any_folder_of_text_files_loads_with_front_matter_and_title_guesses(tmp_path):
    (tmp_path / "b.txt").write_text("Council Meets Again\n\nThe council met on Monday, the mayor said.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        '+++\nid = "town-1"\ntitle = "Budget Passed"\npublished = 2024-05-01\noutlet = "Town Crier"\n'
        'section = "local"\n+++\nThe budget passed, the clerk said.\n', encoding="utf-8")
    (tmp_path / "c.txt").write_text("The council met on Monday, the mayor said.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    folder = load_corpus(tmp_path, strict=True)
    assert [a.id for a in folder] == ["town-1", "b", "c"]
    first = folder["town-1"]
    assert (first.title, first.outlet, first.published) == ("Budget Passed", "Town Crier", "2024-05-01")
    assert first.text == "The budget passed, the clerk said.\n"
    assert first.meta == {"section": "local"}
    assert folder["b"].title == "Council Meets Again"
    assert folder["c"].title is None and folder["c"].published == "unknown"


def test_front_matter_offsets_point_into_the_body():
    meta, body = split_front_matter('+++\ntitle = "T"\n+++\nFirst line.\nSecond.')
    assert meta == {"title": "T"} and body == "First line.\nSecond."
    assert split_front_matter("No front matter.\n") == ({}, "No front matter.\n")


def test_windows_newlines_are_kept_and_a_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffHeadline Here\r\n\r\nA sentence, the editor said.\r\n".encode("utf-8"))
    article = load_article(path)
    assert article.text == "Headline Here\r\n\r\nA sentence, the editor said.\r\n"
    assert article.title == "Headline Here"


@pytest.mark.parametrize("text, title", [
    ("US Officials Fly to Caracas\n\nOfficials flew there, a spokesperson said.", "US Officials Fly to Caracas"),
    ("Is This the End?\n\nIt may be, analysts said.", "Is This the End?"),
    ("Officials flew to Caracas on Saturday.\n\nThey met for hours.", None),
    ("Please Wait...\n\nHeadline\n\nBody text here.", None),
    ("A Lone Line Of Text", None),
])
def test_title_is_guessed_only_from_a_headline_like_first_line(text, title):
    assert guess_title(text) == title


# ---------------------------------------------------------------- bad input

def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(CorpusError, match=r"gone\.txt: file does not exist"):
        load_article(tmp_path / "gone.txt")


def test_missing_folder_names_the_folder(tmp_path):
    with pytest.raises(CorpusError, match="nope: folder does not exist"):
        load_corpus(tmp_path / "nope")


def test_folder_without_text_files_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match=r"no \.txt or \.html files"):
        load_corpus(tmp_path)


def test_invalid_front_matter_reports_the_file_line_and_keeps_the_good_file():
    folder, caught = _load_quietly(FIXTURES / "corpus_bad_front_matter")
    assert folder.ids == ["good"]
    [err] = folder.errors
    assert err.path.endswith("broken.txt") and err.line == 3
    assert "broken.txt, line 3: invalid TOML front matter" in str(err)
    assert len(caught) == 1 and "broken.txt" in str(caught[0].message)


def test_a_file_that_is_not_utf8_is_read_in_the_encoding_detected_with_a_warning():
    folder, caught = _load_quietly(FIXTURES / "corpus_bad_utf8")
    assert sorted(folder.ids) == ["good", "latin1"] and not folder.errors
    [warning] = [w for w in caught if "latin1.txt" in str(w.message)]
    assert "not UTF-8; read as" in str(warning.message) and "--encoding" in str(warning.message)


def test_utf8_with_a_few_broken_bytes_stays_utf8_and_the_bytes_are_located(tmp_path):
    (tmp_path / "a.txt").write_bytes("\u201cWe agree,\u201d she said.\nIt cost \u20ac5 \xe0 la carte.\n".encode()
                                     + b"One bad byte: \xff.\n")
    with pytest.warns(CorpusWarning, match=r"a\.txt: 1 byte\(s\) are not valid UTF-8 \(the first on line 3"):
        article = load_article(tmp_path / "a.txt")
    assert "\u201cWe agree,\u201d" in article.text and "\ufffd" in article.text


def test_bytes_no_text_encoding_fits_are_located(tmp_path):
    (tmp_path / "junk.txt").write_bytes(b"Text. " + bytes(range(128, 256)) * 4)
    with pytest.raises(CorpusError, match=r"junk\.txt, line 1: not valid UTF-8 \(byte 0x80 at byte offset 6\)"):
        load_article(tmp_path / "junk.txt")


def test_empty_and_blank_files_are_reported_and_skipped():
    folder, caught = _load_quietly(FIXTURES / "corpus_empty_file")
    assert folder.ids == ["good"]
    assert sorted(Path(e.path).name for e in folder.errors) == ["blank.txt", "empty.txt"]
    problems = {Path(e.path).name: e.problem for e in folder.errors}
    assert problems == {"blank.txt": "no text (only whitespace)", "empty.txt": "file is empty"}
    assert len(caught) == 2


def test_catalog_entry_naming_a_missing_file_is_reported():
    folder, _ = _load_quietly(FIXTURES / "corpus_missing_file")
    assert folder.ids == ["001"] and folder["001"].title == "Council Meets"
    [err] = folder.errors
    assert str(err).endswith("catalog.toml: article '007' names file '007.txt', which does not exist")


def test_duplicate_id_is_reported_and_the_first_article_kept():
    folder, _ = _load_quietly(FIXTURES / "corpus_duplicate_id")
    assert len(folder) == 1 and folder["001"].path.name == "a.txt"
    [err] = folder.errors
    assert "duplicate id '001'" in str(err) and "b.txt" in str(err)


def test_invalid_catalog_reports_its_line_and_the_text_files_still_load():
    folder, _ = _load_quietly(FIXTURES / "corpus_bad_catalog")
    assert folder.ids == ["a"]
    [err] = folder.errors
    assert err.path.endswith("catalog.toml") and err.line == 3 and "invalid TOML catalog" in str(err)


@pytest.mark.parametrize("name", ["corpus_bad_front_matter", "corpus_empty_file",
                                  "corpus_missing_file", "corpus_duplicate_id", "corpus_bad_catalog"])
def test_strict_loading_raises_on_the_first_problem(name):
    with pytest.raises(CorpusError):
        load_corpus(FIXTURES / name, strict=True)


def test_unclosed_front_matter_and_bad_dates_are_explained(tmp_path):
    (tmp_path / "open.txt").write_text('+++\ntitle = "T"\nBody text.\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"open\.txt, line 1: front matter .* never closed"):
        load_article(tmp_path / "open.txt")
    (tmp_path / "date.txt").write_text('+++\npublished = "9 Feb 2019"\n+++\nBody text.\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"date\.txt: front matter: published '9 Feb 2019' is not an ISO date"):
        load_article(tmp_path / "date.txt")
    (tmp_path / "only.txt").write_text('+++\ntitle = "T"\n+++\n\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="front matter but no article text"):
        load_article(tmp_path / "only.txt")


def test_corpus_error_is_a_value_error():
    assert issubclass(CorpusError, ValueError)


def test_corpus_module_imports_no_display_libraries():
    code = ("import sys, medialit.corpus.articles, medialit.corpus.clean; "
            "print(sorted(m for m in ('pandas', 'matplotlib', 'ipywidgets', 'IPython') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_article_can_be_built_directly_for_a_plain_text():
    article = Article(id="x", path=Path("x.txt"), text="Hello there.")
    assert article.outlet == "unknown" and article.upstream == ()


def test_upstream_keys_accepted_in_catalogs_are_the_upstream_fields():
    from medialit.corpus import Upstream
    from medialit.corpus.files import UPSTREAM_KEYS

    assert set(UPSTREAM_KEYS) == set(Upstream.__dataclass_fields__)


def test_upstream_link_with_an_unknown_key_is_explained(tmp_path):
    (tmp_path / "a.txt").write_text("The council met on Monday, the mayor said.\n", encoding="utf-8")
    (tmp_path / "catalog.toml").write_text(
        '[[article]]\nid = "a"\nfile = "a.txt"\n[[article.upstream]]\noutlet = "Wire"\nrelation = "cites"\nlink = "x"\n',
        encoding="utf-8")
    with pytest.raises(CorpusError, match=r"catalog\.toml: article 'a': upstream link 1 has unknown key\(s\) link"):
        load_corpus(tmp_path, strict=True)
