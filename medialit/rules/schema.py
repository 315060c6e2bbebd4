"""What each rules table may contain, and :func:`check_table`, which says where it does not.

A schema is a small Python value, written from what the loaders accept:

* ``str``, ``int``, ``bool``: a value of that type; ``float`` is any number;
* ``[T]``: a list whose items are all ``T``;
* ``{"key": T, ...}``: a table with these keys (any may be left out; another key is an error);
* ``{ANY: T}``: a table whose keys are free (words, phrases) and whose values are ``T``.

Missing entries are left to each loader, which knows what it cannot do without.

>>> check_table("hedges", {"markers": ["reportedly"]}, "hedges.toml")
>>> check_table("hedges", {"markers": "reportedly"}, "my_hedges.toml", 'markers = "reportedly"\\n')
Traceback (most recent call last):
...
medialit.errors.RulesError: my_hedges.toml, line 1: key 'markers' must be a list of strings, not a string

Line numbers: TOML readers do not keep them, so the line given is the first line that
mentions the key (as ``key =`` or in a ``[table]`` header), searched from the line of the
table the key belongs to; without the file's text (a dict given in code) no line is given.
"""
from __future__ import annotations

import re
from typing import Any, Sequence

from medialit.errors import RulesError

__all__ = ["ANY", "SCHEMAS", "PACKAGED", "check_table", "describe"]

ANY = "*"  # a free key: ``{ANY: T}``

_WORDS = [str]
_PAIR = [float]  # [low, high]; the figures loader checks that there are two and low <= high

_SOURCING = {
    "reporting_verbs": {
        "verb": [{"forms": [str], "lemma": str, "stance": str, "note": str, "needs_that": bool,
                  "noun_too": bool, "needs_clause": bool, "object_then": str}],
    },
    "anonymous_sources": {"heads": _WORDS, "phrases": _WORDS, "quantifier_of": _WORDS, "roles": _WORDS,
                          "research_heads": _WORDS},
    "named_sources": {"institution_heads": _WORDS, "spokespeople": _WORDS, "evidence_nouns": _WORDS,
                      "evidence_links": _WORDS, "bare_institutions": _WORDS, "not_names": _WORDS,
                      "posts": _WORDS},
    "hedges": {"markers": _WORDS, "verbs": _WORDS, "past_modals": _WORDS, "claim_objects": _WORDS},
    "unsourced_claims": {"common_knowledge": _WORDS, "evaluations": _WORDS},
}

_BOILERPLATE_ROW = {"name": str, "reason": str, "category": str, "patterns": _WORDS, "max_words": int,
                    "case_sensitive": bool, "structural": bool, "not_in_header": bool,
                    "skip_first_line": bool, "after_rules": _WORDS, "note": str}

SCHEMAS: dict[str, dict] = {
    "abbreviations": {name: {"words": _WORDS} for name in (
        "never_final", "before_number", "time", "ambiguous", "sentence_openers", "continuation_words",
        "reporting_verbs")},
    **_SOURCING,
    # a teacher's own sourcing file may hold entries of any of the five sourcing tables
    "sourcing": {key: value for table in _SOURCING.values() for key, value in table.items()},
    "boilerplate": {"lists": {ANY: _WORDS}, "rule": [_BOILERPLATE_ROW], "meta": [_BOILERPLATE_ROW]},
    "framing": {
        "term": [{"term": str, "forms": _WORDS, "category": str, "neutral": _WORDS, "why": str, "source": str}],
        "labels": {"titles": _WORDS, "stop_words": _WORDS, "determiners": _WORDS, "head_nouns": _WORDS,
                   "role_nouns": _WORDS, "modifiers": _WORDS, "max_words": int},
    },
    "stopwords": {"function_words": _WORDS, "news_words": _WORDS},
    "figures": {
        "vague": {ANY: _PAIR}, "vague_money_prefixes": {ANY: _PAIR}, "age_words": {ANY: _PAIR},
        "vague_joined": {ANY: _PAIR}, "vague_durations": {ANY: _PAIR},
        "word_durations": {ANY: {"value": float, "unit": str}}, "word_distances": {ANY: {"value": float, "unit": str}},
        "ordinals": {"succession": _WORDS, "occurrence_nouns": _WORDS},
        "multiples": {ANY: float},
        "qualifiers": {ANY: str}, "qualifiers_after": {ANY: str},
        "qualifier_settings": {"approx_fraction": float},
        "scales": {ANY: float},
        "currency_prefixes": {ANY: str}, "currency_words": {ANY: str}, "percent_words": {ANY: str},
        "time_units": {ANY: str}, "physical_units": {ANY: str},
        "ambiguous_units": [{"forms": _WORDS, "money": str, "measure": str, "measure_name": str,
                             "words": _WORDS, "of": _WORDS}],
        "money_cues": {"before": int, "after": int, "words": _WORDS, "article": _WORDS},
        "rate_words": {"words": _WORDS},
        "counted_nouns": {"irregular": _WORDS, "one_counts": _WORDS, "not_nouns": _WORDS,
                          "noun_modifiers": _WORDS, "not_modifiers": _WORDS, "synonyms": [_WORDS],
                          "people_verbs": _WORDS, "of_determiners": _WORDS, "of_them": _WORDS,
                          "amount_subjects": _WORDS, "crowd_words": _WORDS,
                          "population_words": _WORDS},
        "counted_compounds": {ANY: str}, "currency_digits_only": {"words": _WORDS},
        "ranges": {"change_words": _WORDS},
        "not_figures": {"name_labels": _WORDS, "street_words": _WORDS, "exchanges": _WORDS, "compound_heads": _WORDS,
                        "street_words_before": _WORDS},
        "dates": {"month_lead_words": _WORDS, "period_qualifiers": _WORDS, "year_min": int, "year_max": int},
        "checks": {"price_tolerance": float, "approx_reference_tolerance": float, "count_window_days": int,
                   "default_price_lookback_days": int, "duration_tolerance": float,
                   "windows": {ANY: int}, "series": {ANY: _WORDS}},
    },
    "consistency": {
        "tolerances": {"percent_rounding": float, "share_word_points": float, "approx_fraction": float,
                       "multiple_fraction": float, "age_years": int},
        "qualifiers": {ANY: str}, "changes": {"up": _WORDS, "down": _WORDS},
        "multiples": {"words": {ANY: _WORDS}, "factor": {ANY: float}},
        "shares": {ANY: float}, "share_ranges": {ANY: _PAIR},
        "parts": {"in_all": _WORDS, "exhaustive": _WORDS, "some_of": _WORDS},
        "ages": {"born": _WORDS},
    },
}

# The tables shipped in medialit/rules/ ("sourcing" is only a schema for a teacher's file).
PACKAGED = tuple(name for name in SCHEMAS if name != "sourcing")


def describe(schema: Any) -> str:
    """A schema in words.

    >>> describe([str]), describe(float), describe([{"a": int}])
    ('a list of strings', 'a number', 'a list of tables')
    """
    if isinstance(schema, list):
        inner = describe(schema[0])
        plural = {"a string": "strings", "a number": "numbers", "an integer": "integers", "true or false": "true/false values",
                  "a table": "tables"}.get(inner)
        return f"a list of {plural}" if plural else f"a list of {inner.replace('a list', 'lists', 1)}"
    if isinstance(schema, dict):
        return "a table"
    return {str: "a string", int: "an integer", float: "a number", bool: "true or false"}[schema]


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return {str: "a string", int: "an integer", float: "a number"}.get(type(value), f"a {type(value).__name__}")


def _fits(value: Any, schema: Any) -> bool:
    if schema is bool:
        return isinstance(value, bool)
    if schema is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if schema is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if schema is str:
        return isinstance(value, str)
    return False


_PART = r"""(?:"[^"]*"|'[^']*'|[\w-]+)"""
_HEADER = re.compile(r"\s*\[\[?\s*(" + _PART + r"(?:\s*\.\s*" + _PART + r")*)\s*\]")
_ASSIGN = re.compile(r"\s*(" + _PART + r"(?:\s*\.\s*" + _PART + r")*)\s*=")
_PARTS = re.compile(r"""(?:"([^"]*)"|'([^']*)'|([\w-]+))""")


class _Where:
    """Finds the line of a key in the raw text (see the module docstring): every line that
    writes a key (``key =``) or opens a table (``[a.key]``, ``[[key]]``) is indexed once
    under the key's last part."""

    def __init__(self, raw_text: str | None) -> None:
        self.lines = raw_text.splitlines() if raw_text is not None else None
        self.index: dict[str, list[tuple[int, bool]]] = {}
        for i, line in enumerate(self.lines or ()):
            m = _HEADER.match(line)
            header = m is not None
            m = m or _ASSIGN.match(line)
            if m:
                last = _PARTS.findall(m.group(1))[-1]
                self.index.setdefault(next(p for p in last if p), []).append((i, header))

    def find(self, key: str, start: int, *, header_only: bool = False, nth: int = 1) -> int | None:
        """The number (0-based) of the ``nth`` line from ``start`` that mentions ``key``."""
        for i, header in self.index.get(key, ()):
            if i >= start and (header or not header_only):
                nth -= 1
                if nth == 0:
                    return i
        return None


def _check(value: Any, schema: Any, path: Sequence[str], label: str, where: _Where, line: int | None) -> None:
    def fail(message: str, at: int | None) -> RulesError:
        shown = f"{label}, line {at + 1}" if at is not None else label
        return RulesError(f"{shown}: {message}")

    name = path[-1] if path else ""
    if isinstance(schema, dict):
        if not isinstance(value, dict):
            return _wrong(value, schema, path, fail, line)
        free = schema.get(ANY)
        start = line or 0
        for key, item in value.items():
            at = where.find(key, start)
            at = line if at is None else at
            if free is None and key not in schema:
                known = ", ".join(k for k in schema)
                inside = f" in {_table_name(path)}" if path else ""
                raise fail(f"unknown key '{key}'{inside} (known: {known})", at)
            _check(item, free if free is not None else schema[key], [*path, key], label, where, at)
        return
    if isinstance(schema, list):
        if not isinstance(value, list):
            return _wrong(value, schema, path, fail, line)
        if isinstance(schema[0], dict):  # [[name]] entries: entry n starts at the nth [[name]]
            first = where.find(name, 0, header_only=True) if where.lines is not None else None
            for n, entry in enumerate(value, 1):
                at = where.find(name, 0, header_only=True, nth=n) if first is not None else None
                if not isinstance(entry, dict):
                    raise fail(f"key '{name}' must be {describe(schema)}; entry {n} is {_kind(entry)}", line)
                _check(entry, schema[0], [*path[:-1], f"{name}[{n}]"], label, where, line if at is None else at)
            return
        for item in value:
            if not (_fits(item, schema[0]) if not isinstance(schema[0], list)
                    else isinstance(item, list) and all(_fits(x, schema[0][0]) for x in item)):
                bad = _kind(item) if not isinstance(item, list) else "a list holding something else"
                raise fail(f"key '{name}' must be {describe(schema)}, not a list holding {bad}", line)
        return
    if not _fits(value, schema):
        _wrong(value, schema, path, fail, line)


def _table_name(path: Sequence[str]) -> str:
    """``["rule[2]"]`` -> ``[[rule]] number 2``; ``["checks", "windows"]`` -> ``[checks.windows]``."""
    m = re.fullmatch(r"(.*)\[(\d+)\]", path[-1])
    if m:
        return f"[[{'.'.join([*path[:-1], m.group(1)])}]] number {m.group(2)}"
    return f"[{'.'.join(path)}]"


def _wrong(value: Any, schema: Any, path: Sequence[str], fail, line: int | None) -> None:
    raise fail(f"key '{path[-1]}' must be {describe(schema)}, not {_kind(value)}", line)


def check_table(name: str, data: dict, label: str, raw_text: str | None = None) -> None:
    """Check parsed table ``data`` against the schema of table ``name``; ``label`` names
    the file in messages and ``raw_text`` (the file's text) gives line numbers.

    Raises :class:`medialit.errors.RulesError`, one line naming the file, the line and the key:

    >>> check_table("framing", {"labels": {"max_words": "six"}}, "my.toml", "[labels]\\nmax_words = 'six'\\n")
    Traceback (most recent call last):
    ...
    medialit.errors.RulesError: my.toml, line 2: key 'max_words' must be an integer, not a string
    """
    if name not in SCHEMAS:
        raise RulesError(f"{label}: no rules table is called {name!r} (known: {', '.join(SCHEMAS)})")
    _check(data, SCHEMAS[name], [], label, _Where(raw_text), None)
