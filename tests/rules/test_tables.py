"""The rules tables: every packaged table fits its schema, and a teacher's broken copy is
reported in one line naming the file, the line and the key."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from medialit.errors import MedialitError, RulesError
from medialit.rules import PACKAGED, load_table, parse_table, tomllib
from medialit.rules.schema import SCHEMAS, check_table

RULES = Path(str(resources.files("medialit") / "rules"))


def test_every_toml_file_has_a_schema_and_every_schema_a_file():
    assert sorted(p.stem for p in RULES.glob("*.toml")) == sorted(PACKAGED)
    assert set(SCHEMAS) - set(PACKAGED) == {"sourcing"}  # a teacher's file of sourcing entries


@pytest.mark.parametrize("name", sorted(p.stem for p in RULES.glob("*.toml")))
def test_every_packaged_table_passes_its_schema(name):
    raw = (RULES / f"{name}.toml").read_text(encoding="utf-8")
    check_table(name, tomllib.loads(raw), f"{name}.toml", raw)
    table = load_table(name)
    assert table.label == f"medialit/rules/{name}.toml" and table.data
    assert load_table(name) is table  # packaged tables are read once


@pytest.mark.parametrize("name", sorted(p.stem for p in RULES.glob("*.toml")))
def test_a_teachers_unchanged_copy_loads_like_the_packaged_table(tmp_path, name):
    copy = tmp_path / f"my_{name}.toml"
    copy.write_text((RULES / f"{name}.toml").read_text(encoding="utf-8"), encoding="utf-8")
    table = load_table(name, copy)
    assert table.label == str(copy) and table.data == load_table(name).data


def _one_line_error(name: str, path: Path) -> str:
    with pytest.raises(RulesError) as info:
        load_table(name, path)
    message = str(info.value)
    assert "\n" not in message
    assert isinstance(info.value, MedialitError) and isinstance(info.value, ValueError)
    return message


def test_a_wrong_type_names_file_line_and_key(tmp_path):
    path = tmp_path / "my_hedges.toml"
    path.write_text('# my hedges\nmarkers = ["reportedly", "allegedly"]\n\nverbs = 12\n', encoding="utf-8")
    assert _one_line_error("hedges", path) == \
        f"{path}, line 4: key 'verbs' must be a list of strings, not an integer"


def test_a_wrong_item_in_a_list_names_the_list(tmp_path):
    path = tmp_path / "my_hedges.toml"
    path.write_text('markers = [\n  "reportedly",\n  3,\n]\n', encoding="utf-8")
    assert _one_line_error("hedges", path) == \
        f"{path}, line 1: key 'markers' must be a list of strings, not a list holding an integer"


def test_a_wrong_type_in_a_nested_table_finds_the_line_below_its_header(tmp_path):
    raw = (RULES / "figures.toml").read_text(encoding="utf-8")
    assert raw.count('"today" = 0') == 1
    path = tmp_path / "figures.toml"
    path.write_text(raw.replace('"today" = 0', '"today" = "zero"'), encoding="utf-8")
    line = raw[: raw.index('"today" = 0')].count("\n") + 1
    assert _one_line_error("figures", path) == f"{path}, line {line}: key 'today' must be an integer, not a string"


def test_a_wrong_type_in_the_nth_entry_of_an_array_of_tables(tmp_path):
    path = tmp_path / "framing.toml"
    path.write_text('[[term]]\nterm = "a"\nforms = ["a"]\n\n[[term]]\nterm = "b"\nforms = "b"\n', encoding="utf-8")
    assert _one_line_error("framing", path) == f"{path}, line 7: key 'forms' must be a list of strings, not a string"


def test_an_unknown_key_names_file_line_and_key(tmp_path):
    path = tmp_path / "my_hedges.toml"
    path.write_text('markers = ["reportedly"]\nhedge = ["perhaps"]\n', encoding="utf-8")
    assert _one_line_error("hedges", path) == f"{path}, line 2: unknown key 'hedge' (known: markers, verbs, past_modals, claim_objects)"


def test_an_unknown_key_inside_a_table_names_the_table(tmp_path):
    path = tmp_path / "boilerplate.toml"
    path.write_text('[[rule]]\nname = "x"\nreason = "y"\npatterns = ["z"]\n\n[[rule]]\nname = "typo"\n'
                    'reason = "r"\npattern = "x"\n', encoding="utf-8")
    message = _one_line_error("boilerplate", path)
    assert message.startswith(f"{path}, line 9: unknown key 'pattern' in [[rule]] number 2 (known: name, reason,")


def test_a_toml_syntax_error_names_file_line_and_key(tmp_path):
    path = tmp_path / "my_hedges.toml"
    path.write_text('markers = ["reportedly"]\nverbs = ["seem",\n', encoding="utf-8")
    message = _one_line_error("hedges", path)
    assert message.startswith(f"{path}, line 2: invalid TOML near key 'verbs' (")
    path.write_text('markers = ["reportedly"]\nverbs = = ["seem"]\nx = 1\n', encoding="utf-8")
    assert _one_line_error("hedges", path).startswith(f"{path}, line 2: invalid TOML near key 'verbs' (")


def test_unreadable_files_are_named(tmp_path):
    assert _one_line_error("hedges", tmp_path / "gone.toml").startswith(f"{tmp_path / 'gone.toml'}: cannot read")
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes('markers = ["déjà"]\n'.encode("latin-1"))
    assert "not valid UTF-8" in _one_line_error("hedges", latin1)


def test_without_the_text_no_line_is_given():
    with pytest.raises(RulesError, match=r"^extra rules: key 'heads' must be a list of strings, not a string$"):
        check_table("sourcing", {"heads": "official"}, "extra rules")


def test_an_unknown_table_name_is_an_error():
    with pytest.raises(RulesError, match="no such rules table"):
        load_table("hedgehogs")
    with pytest.raises(RulesError, match="no rules table is called 'hedgehogs'"):
        parse_table("hedgehogs", "", "x.toml")


def test_the_analysers_check_a_teachers_copy_through_the_schema(tmp_path):
    from medialit import corpus, figures, framing
    from medialit.attribution import load_rules as sourcing_rules

    bad = tmp_path / "bad.toml"
    bad.write_text("[lists]\nmonths = 5\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"bad\.toml, line 2: key 'months' must be a list of strings"):
        corpus.find_boilerplate("Some text.", rules=bad)
    bad.write_text("[labels]\nmax_words = 'six'\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"bad\.toml, line 2: key 'max_words' must be an integer"):
        framing.find_loaded_terms("Some text.", rules=bad)
    bad.write_text("[scales]\nthousand = 'k'\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"bad\.toml, line 2: key 'thousand' must be a number"):
        figures.extract("Some text.", rules=str(bad))
    bad.write_text("[[verb]]\nforms = 'said'\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"bad\.toml, line 2: key 'forms' must be a list of strings"):
        sourcing_rules(bad)
