"""Boilerplate: lines of a saved web page that belong to the page, not to the story.

Scraped articles carry page furniture: comment prompts, share buttons, photo captions,
"READ MORE:" links, headlines of other stories, disclaimers. This module flags such lines,
one line at a time, and says why; it never deletes anything. The rules are a readable
table, ``medialit/rules/boilerplate.toml`` (see :func:`load_rules`); every function takes
``rules=`` (a teacher's copy: a path, or the table from :func:`load_rules`).

>>> page = "Rain Due Tomorrow\\n\\nForecasters expect rain by noon, the agency said.\\n\\nShare this article\\n"
>>> [(b.text, b.rule) for b in find_boilerplate(page)]
[('Share this article', 'share_button')]

The headline, byline and dateline are not boilerplate: :func:`find_metadata` labels them
and :func:`label_lines` gives every non-blank line its kind.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medialit.errors import RulesError
from medialit.records import Record
from medialit.rules import Table, load_table, parse_table

RULES_FILE = "rules/boilerplate.toml"
DEFAULT_MAX_WORDS = 30
SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or over per the to vs via with".split())


@dataclass(frozen=True, slots=True)
class Boilerplate(Record):
    """One flagged line: ``text[start:end] == self.text`` (outer spaces excluded)."""

    start: int
    end: int
    text: str
    reason: str
    rule: str
    category: str = ""


@dataclass(frozen=True, slots=True)
class PageLine(Record):
    """A non-blank line and what it is: ``kind`` is "boilerplate", "headline", "byline",
    "dateline" or "body"; ``rule`` and ``reason`` say what decided it ("" for body)."""

    start: int
    end: int
    text: str
    kind: str
    rule: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Rule(Record):
    """One row of the rule table (patterns as written, with {list} placeholders)."""

    name: str
    reason: str
    category: str = ""
    patterns: tuple[str, ...] = ()
    max_words: int = DEFAULT_MAX_WORDS
    case_sensitive: bool = False
    structural: bool = False
    not_in_header: bool = False
    skip_first_line: bool = False
    after_rules: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, eq=False)  # compared by identity, so it can key a cache
class RuleTable:
    """The loaded table: boilerplate ``rules``, ``meta`` rules (byline, dateline) and the
    word ``lists`` the patterns refer to."""

    rules: tuple[Rule, ...]
    meta: tuple[Rule, ...]
    lists: dict[str, tuple[str, ...]]
    source: str = RULES_FILE

    def rule(self, name: str) -> Rule:
        for r in self.rules + self.meta:
            if r.name == name:
                return r
        raise KeyError(f"no rule {name!r} in {self.source}")

    def rows(self) -> list[dict[str, Any]]:
        """One dict per rule (name, category, reason, patterns), for a table in a notebook."""
        return [{"name": r.name, "category": r.category or "metadata", "reason": r.reason,
                 "patterns": list(r.patterns) or [r.note]} for r in self.rules + self.meta]

    @functools.cached_property
    def _compiled(self) -> dict[str, re.Pattern]:
        out = {}
        for r in self.rules + self.meta:
            if r.patterns:
                out[r.name] = _compile(r, self.lists, self.source)
        return out


_RULE_KEYS = set(Rule.__dataclass_fields__)


def _compile(rule: Rule, lists: dict[str, tuple[str, ...]], source: str) -> re.Pattern:
    parts = []
    for pattern in rule.patterns:
        for name, words in lists.items():
            if "{" + name + "}" in pattern:
                alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                pattern = pattern.replace("{" + name + "}", f"(?:{alternation})")
        parts.append(f"(?:{pattern})")
    try:
        return re.compile("|".join(parts), 0 if rule.case_sensitive else re.IGNORECASE)
    except re.error as err:
        raise RulesError(f"{source}: rule {rule.name!r}: invalid pattern ({err})") from None


def parse_rules(toml_text: str, source: str = "<rules>") -> RuleTable:
    """Build a :class:`RuleTable` from TOML text in the format of ``boilerplate.toml``."""
    return _build(parse_table("boilerplate", toml_text, source))


def _build(table: Table) -> RuleTable:
    data, source = table.data, table.label
    lists = {k: tuple(v) for k, v in data.get("lists", {}).items()}
    tables = []
    for section in ("rule", "meta"):
        rows = []
        for n, row in enumerate(data.get(section, []), 1):
            unknown = set(row) - _RULE_KEYS
            if unknown or "name" not in row or "reason" not in row:
                problem = f"unknown key(s) {', '.join(sorted(unknown))}" if unknown else "needs 'name' and 'reason'"
                raise RulesError(f"{source}: [[{section}]] number {n}: {problem}")
            row = {k: tuple(v) if isinstance(v, list) else v for k, v in row.items()}
            if not row.get("structural") and not row.get("patterns"):
                raise RulesError(f"{source}: rule {row['name']!r} has no patterns")
            rows.append(Rule(**row))
        tables.append(tuple(rows))
    rule_table = RuleTable(rules=tables[0], meta=tables[1], lists=lists, source=source)
    rule_table._compiled  # noqa: B018 - compile now, so a bad pattern fails at load time
    return rule_table


def load_rules(rules: RuleTable | str | Path | None = None) -> RuleTable:
    """The packaged rule table (loaded once), a teacher's extended copy at path ``rules``,
    or ``rules`` itself when already loaded.

    >>> from importlib import resources
    >>> table = load_rules(resources.files("medialit") / RULES_FILE)
    >>> table.rule("comment_prompt").category
    'comments'
    >>> load_rules() is load_rules(load_rules()) is rules()
    True
    """
    if isinstance(rules, RuleTable):
        return rules
    if rules is None:
        return _default()
    return _build(load_table("boilerplate", str(rules)))


def rules() -> RuleTable:
    """The packaged rule table, loaded once.

    >>> "share_button" in [r.name for r in rules().rules]
    True
    """
    return _default()


@functools.lru_cache(maxsize=1)
def _default() -> RuleTable:
    return _build(load_table("boilerplate"))


# ---------------------------------------------------------------- line features

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_CLOSERS = "\"'”’»)]*"
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_LETTER = re.compile(r"[^\W\d_]")
_CAPTION_LABEL = re.compile(r"\bcaption\W*$", re.IGNORECASE)


def _last_char(line: str) -> str:
    stripped = line.rstrip(_CLOSERS + " ")
    return stripped[-1:] if stripped else ""


def _is_prose(line: str, n_words: int) -> bool:
    """A body paragraph: a sentence or more, ending like a sentence (or simply long)."""
    return (n_words >= 8 and _last_char(line) in ".!?…:") or n_words >= 25


def _title_like(line: str, n_words: int, max_words: int = 20) -> bool:
    """Short, with no final full stop (or other sentence-ending mark but "?")."""
    return 1 <= n_words <= max_words and _last_char(line) not in ".!…,;:" and len(line) <= 250


def _title_case(line: str) -> bool:
    content = [w for w in _WORD.findall(line) if w.lower() not in SMALL_WORDS]
    return len(content) >= 4 and sum(w[0].isupper() for w in content) >= 0.8 * len(content)


def _latin_share(text: str) -> float | None:
    letters = len(_LETTER.findall(text))
    return len(_LATIN.findall(text)) / letters if letters else None


def _script_name(line: str) -> str:
    for ch in line:
        if ch.isalpha() and not _LATIN.match(ch):
            return unicodedata.name(ch, "OTHER").split()[0].title()
    return "Latin"


# ---------------------------------------------------------------- the classifier

@functools.lru_cache(maxsize=16)
def _classify(text: str, table: RuleTable) -> tuple[PageLine, ...]:
    lines = []  # [start, end, text, n_words]
    for m in _LINE.finditer(text):
        raw = m.group()
        body = raw.strip()
        if body:
            start = m.start() + (len(raw) - len(raw.lstrip()))
            lines.append((start, start + len(body), body, len(body.split())))
    kind: list[str] = ["body"] * len(lines)
    why: list[Rule | None] = [None] * len(lines)
    compiled = table._compiled
    pattern_rules = [r for r in table.rules if r.patterns]

    def flag(i: int, rule: Rule, as_kind: str = "boilerplate") -> None:
        kind[i], why[i] = as_kind, rule

    def match(i: int, rule: Rule) -> bool:
        return lines[i][3] <= rule.max_words and compiled[rule.name].search(lines[i][2]) is not None

    # 1. Pattern rules, one line at a time; the first match wins.
    for i in range(len(lines)):
        for rule in pattern_rules:
            if rule.not_in_header or (rule.skip_first_line and i == 0):
                continue
            if match(i, rule):
                flag(i, rule)
                break
    unflagged = [i for i in range(len(lines)) if kind[i] == "body"]
    prose = {i for i in unflagged if _is_prose(lines[i][2], lines[i][3])}
    first_prose = min(prose, default=len(lines))
    for i in unflagged:  # rules that only apply once the article has started
        if i > first_prose:
            for rule in pattern_rules:
                if rule.not_in_header and match(i, rule):
                    flag(i, rule)
                    break

    # 2. Bylines and datelines (metadata, not boilerplate).
    for i in range(len(lines)):
        if kind[i] == "body" and i not in prose:
            for rule in table.meta:
                if match(i, rule):
                    flag(i, rule, rule.name)
                    break

    # 3. A short line in another alphabet than the article's.
    rule = _optional(table, "foreign_script")
    doc_latin = None
    for i in range(len(lines)):
        if rule and kind[i] == "body" and lines[i][3] <= rule.max_words:
            share = _latin_share(lines[i][2])
            if share is None:
                continue
            if doc_latin is None:  # the article's script, judged from its paragraphs
                sample = " ".join(lines[j][2] for j in sorted(prose)[:20]) or text[:20000]
                doc_latin = (_latin_share(sample) or 0) >= 0.5
            if (share >= 0.5) != doc_latin:
                flag(i, rule)

    # 4. The headline: the first title line at the top. Shorter title lines above a longer
    #    one are site banners.
    header = [i for i in range(first_prose) if kind[i] == "body" and _title_like(lines[i][2], lines[i][3])
              and i < len(lines) - 1]
    banner = _optional(table, "site_banner")
    for n, i in enumerate(header):
        later = [lines[j][3] for j in header[n + 1:]]
        if banner and lines[i][3] <= banner.max_words and later and max(later) > lines[i][3]:
            flag(i, banner)
            continue
        kind[i] = "headline"
        break

    # 5. Headlines of other stories: after a caption or label, or wedged between paragraphs.
    after = _optional(table, "related_headline_after_label")
    between = _optional(table, "related_headline_between_paragraphs")
    for i in range(1, len(lines)):
        if kind[i] != "body" or i in prose:
            continue
        text_i, n = lines[i][2], lines[i][3]
        prev = why[i - 1].name if why[i - 1] else ""
        if prev == "photo_credit" and _CAPTION_LABEL.search(lines[i - 1][2]) and n <= why[i - 1].max_words:
            flag(i, why[i - 1])  # the caption itself, after a bare "Image caption," label
        elif after and prev in after.after_rules and _title_like(text_i, n, after.max_words):
            flag(i, after)
        elif (between and i > first_prose and i + 1 < len(lines) and i - 1 in prose and i + 1 in prose
              and _title_like(text_i, n, between.max_words) and _title_case(text_i)):
            flag(i, between)

    out = []
    for i, (start, end, body, _) in enumerate(lines):
        rule = why[i]
        reason = rule.reason if rule else ("headline: the article's own title; not a claim, and kept"
                                           if kind[i] == "headline" else "")
        if rule and rule.name == "foreign_script":
            reason = f"{reason} ({_script_name(body)} in a {'Latin' if doc_latin else 'non-Latin'}-script article)"
        out.append(PageLine(start, end, body, kind[i], rule.name if rule else ("headline" if kind[i] == "headline" else ""), reason))
    return tuple(out)


def _optional(table: RuleTable, name: str) -> Rule | None:
    return next((r for r in table.rules if r.name == name), None)


# ---------------------------------------------------------------- public API

def label_lines(text: str, *, rules: RuleTable | str | Path | None = None) -> list[PageLine]:
    """Every non-blank line of ``text`` with its kind and the rule that decided it.

    >>> [(l.kind, l.rule) for l in label_lines("Rain Due Tomorrow\\nBy Ann Lee\\nRain is expected by noon today.\\nDiscuss")]
    [('headline', 'headline'), ('byline', 'byline'), ('body', ''), ('boilerplate', 'comment_prompt')]
    """
    return list(_classify(text, load_rules(rules)))


def find_boilerplate(text: str, *, rules: RuleTable | str | Path | None = None) -> list[Boilerplate]:
    """The boilerplate lines of ``text``, in order, each with its reason and rule.

    Pass them to ``medialit.text.split.sentences(text, skip=...)`` to get the article's own
    sentences.

    >>> [b.rule for b in find_boilerplate("Officials met on Monday, the ministry said.\\nPost a Comment")]
    ['comment_prompt']
    """
    table = load_rules(rules)
    cats = {r.name: r.category for r in table.rules}
    return [Boilerplate(l.start, l.end, l.text, l.reason, l.rule, cats.get(l.rule, ""))
            for l in _classify(text, table) if l.kind == "boilerplate"]


def find_metadata(text: str, *, rules: RuleTable | str | Path | None = None) -> list[PageLine]:
    """The headline, byline and dateline lines: not boilerplate, not claims, kept.

    >>> [(m.kind, m.text) for m in find_metadata("Saturday 9 February 2019\\n\\nTalks Fail\\n\\nThe talks failed on Friday, both sides said.")]
    [('dateline', 'Saturday 9 February 2019'), ('headline', 'Talks Fail')]
    """
    return [l for l in _classify(text, load_rules(rules)) if l.kind in ("headline", "byline", "dateline")]
