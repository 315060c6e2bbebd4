"""The sourcing rule tables: reporting verbs, anonymous sources, named sources, hedges
and unsourced-claim wording, loaded from ``medialit/rules/*.toml`` and compiled.

A teacher adds entries in those files, or passes extra entries (a dict shaped like the
files, or the path of their own TOML file); extra entries are added, never replaced:

>>> from medialit.attribution.lexicon import load_rules
>>> rules = load_rules({"phrases": ["people in the know"]})
>>> "said" in rules.verbs
True
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Union

from medialit.errors import RulesError
from medialit.rules import load_table
from medialit.rules.schema import check_table

RULE_FILES = ("reporting_verbs", "anonymous_sources", "named_sources", "hedges", "unsourced_claims")
LIST_KEYS = ("heads", "phrases", "quantifier_of", "institution_heads", "bare_institutions",
             "spokespeople", "not_names", "markers", "verbs", "common_knowledge", "evaluations",
             "evidence_nouns", "evidence_links", "roles", "past_modals", "claim_objects", "posts",
             "research_heads")
# Speech verbs used after a comma to continue an attribution: 'Sabatini said, adding: "..."'.
CONTINUATIONS = ("adding", "saying", "noting", "explaining", "insisting", "arguing", "continuing", "concluding", "writing")
PRONOUNS = {"he", "she", "they", "it", "i", "we", "him", "her", "them"}
# A "mask" character: speech quotations are replaced by it before looking for attributions,
# so a verb inside a quotation is never taken as the writer's attribution.
MASK = "\x00"

RuleSource = Union[str, Path, Mapping, None]
# Past participles that do not end in -ed or -en, for ``past_modals`` ("may have been").
_IRREGULAR_PARTICIPLES = ("been", "had", "done", "made", "gone", "come", "become", "left", "lost", "met", "paid",
                          "said", "sold", "told", "thought", "brought", "bought", "caught", "taught", "fought",
                          "felt", "found", "heard", "held", "kept", "led", "fled", "meant", "sent", "spent", "built",
                          "run", "begun", "struck", "hit", "put", "set", "cut", "shot", "spread", "hurt", "burnt", "slept")
OBJECT_THEN = (None, "quote", "as", "to", "claim", "cause", "that")


@dataclass(frozen=True)
class Verb:
    """One reporting-verb form from ``reporting_verbs.toml``."""

    form: str
    lemma: str
    stance: str
    note: str
    needs_that: bool = False
    noun_too: bool = False
    needs_clause: bool = False
    object_then: str | None = None  # "quote" or "as": a labelling verb ("called the vote “...”"); "to": "expects prices to
    # rise"; "claim": "dismissed the idea" (or "as"); "cause": "credited the rise to ..."; "that": "assured investors that"


class Rules:
    """The sourcing tables, merged and compiled. Build with :func:`load_rules`."""

    def __init__(self, tables: dict) -> None:
        self.tables = tables
        self.verbs: dict[str, Verb] = {}
        for entry in tables.get("verb", []):
            for form in entry.get("forms", []):
                self.verbs[form.lower()] = Verb(form.lower(), entry.get("lemma", form), entry.get("stance", "neutral"),
                                                entry.get("note", ""), bool(entry.get("needs_that")), bool(entry.get("noun_too")),
                                                bool(entry.get("needs_clause")), entry.get("object_then"))
        self.verb_forms = tuple(self.verbs)  # for str.endswith
        self.heads = {w.lower() for w in tables.get("heads", [])}
        self.institution_heads = {w.lower() for w in tables.get("institution_heads", [])}
        self.roles = {w.lower() for w in tables.get("roles", [])}
        self.bare_institutions = {w.lower() for w in tables.get("bare_institutions", [])}
        self.spokespeople = {w.lower() for w in tables.get("spokespeople", [])}
        self.posts = {w.lower() for w in tables.get("posts", [])}
        self.research_heads = {w.lower() for w in tables.get("research_heads", [])}
        self.not_names = set(tables.get("not_names", []))
        self.quantifier_of = {w.lower() for w in tables.get("quantifier_of", [])}
        self.hedge_verbs = {w.lower() for w in tables.get("verbs", [])}
        self.past_modals = tuple(w.lower() for w in tables.get("past_modals", []))
        self.claim_objects = tuple(w.lower() for w in tables.get("claim_objects", []))
        self.verdicts: dict = {}  # classify_source results, remembered (sources repeat)
        evidence = [f"{n} {link}" for n in tables.get("evidence_nouns", []) for link in tables.get("evidence_links", [])]
        # The entries of each table regex. The regexes are compiled the first time they are
        # used (properties below), so a command that needs few of them starts fast.
        self._entries = {"verb_re": list(self.verbs), "anon_phrase_re": tables.get("phrases", []),
                         "hedge_re": tables.get("markers", []), "common_re": tables.get("common_knowledge", []),
                         "evaluation_re": tables.get("evaluations", []), "evidence_re": evidence}
        self._compiled: dict = {}

    def _lazy(self, key: str, build):
        rx = self._compiled.get(key)
        if rx is None:
            rx = self._compiled[key] = build()
        return rx

    def _table_re(self, name: str) -> re.Pattern:
        return self._lazy(name, lambda: phrase_regex(self._entries[name]))

    verb_re = property(lambda self: self._table_re("verb_re"), doc="reporting-verb forms (case-insensitive)")
    anon_phrase_re = property(lambda self: self._table_re("anon_phrase_re"), doc="anonymous-source phrases")
    hedge_re = property(lambda self: self._table_re("hedge_re"), doc="hedge markers")
    common_re = property(lambda self: self._table_re("common_re"), doc="common-knowledge wording")
    evaluation_re = property(lambda self: self._table_re("evaluation_re"), doc="evaluations")
    evidence_re = property(lambda self: self._table_re("evidence_re"), doc="evidence noun + link ('data from')")

    @property
    def past_modal_re(self) -> re.Pattern | None:
        """A modal perfect with its past participle ("may have started"), or None."""
        def build():
            if not self.past_modals:
                return None
            alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(self.past_modals, key=len, reverse=True))
            return re.compile(r"\b(?:" + alts + r")\s+(?:" + "|".join(_IRREGULAR_PARTICIPLES) + r"|[a-z]{2,}(?:ed|en))\b", re.I)
        return self._lazy("past_modal_re", build)

    @property
    def claim_object_re(self) -> re.Pattern | None:
        """ "claimed responsibility" and the like (``claim_objects``), or None."""
        def build():
            if not self.claim_objects:
                return None
            return re.compile(r"\bclaim(?:s|ed|ing)?\s+(?:" + "|".join(map(re.escape, self.claim_objects)) + r")\b", re.I)
        return self._lazy("claim_object_re", build)

    @property
    def evidence_hint(self) -> re.Pattern:
        """Any evidence noun in a lower-cased stretch (a quick test before ``evidence_re``)."""
        def build():
            words = sorted({" ".join(n.lower().replace("’", "'").split())
                            for n in self.tables.get("evidence_nouns", []) if n.strip()})
            return re.compile("|".join(re.escape(w.rstrip("*")).replace("'", "['’]").replace(r"\ ", r"\s+")
                                       for w in words) or r"(?!x)x")
        return self._lazy("evidence_hint", build)

    @property
    def lower_res(self) -> dict:
        """For PhraseIndex: the table patterns without IGNORECASE, for a lower-cased text."""
        return self._lazy("lower_res", lambda: _LowerRes(self))

    @property
    def prefixes(self) -> dict:
        return self._lazy("prefixes", lambda: {name: _two_letter_prefixes(self._entries[name]) for name in _SCANNED})

    @property
    def verb_after_char(self) -> re.Pattern | None:
        """verb_re for a lower-cased stretch, matching the character before a verb instead of
        looking behind (faster); a match's verb starts one character after the match."""
        def build():
            verb_trie = _trie(self.verbs)
            if verb_trie and self.verb_re.pattern.startswith(_LOOK_BEHIND):
                firsts = "".join(sorted(re.escape(k) for k in verb_trie if k)).replace("'", "'’")
                return re.compile(r"[^\w'’-](?=[" + firsts + "])" + self.verb_re.pattern[len(_LOOK_BEHIND):])
            return False
        return self._lazy("verb_after_char", build) or None

    def _starts_body(self) -> str:
        """One zero-width pattern marking every place where an entry of any scanned table starts."""
        def build():
            trie = _trie(p for name in _SCANNED for p in self._entries[name])
            body = _trie_pattern(trie) or r"(?!x)x"
            # a one-character test first: most words cannot start an entry
            firsts = "".join(sorted(re.escape(k) for k in trie if k)).replace("'", "'’")
            return "(?=[" + firsts + "])" + body if trie else body
        return self._lazy("starts_body", build)

    # The character before an entry is matched (not looked behind at), so the regex
    # engine only tries the trie after spaces and punctuation: faster.
    starts_re = property(lambda self: self._lazy("starts_re", lambda: re.compile(r"[^\w'’-](?=" + self._starts_body() + ")")))
    starts_re_i = property(lambda self: self._lazy("starts_re_i", lambda: re.compile(self.starts_re.pattern, re.IGNORECASE)))
    first_re = property(lambda self: self._lazy("first_re", lambda: re.compile(self._starts_body())))  # at the very start
    first_re_i = property(lambda self: self._lazy("first_re_i", lambda: re.compile(self._starts_body(), re.IGNORECASE)))


#: How much of the start of a text is read to see whether a table entry starts it.
_HEAD = 10_000

#: The tables a PhraseIndex scans.
_SCANNED = ("verb_re", "hedge_re", "common_re", "evaluation_re", "evidence_re")


class _LowerRes(dict):
    """name -> the table regex without IGNORECASE, compiled when first asked for."""

    def __init__(self, rules: "Rules") -> None:
        super().__init__()
        self._rules = rules

    def __missing__(self, name: str) -> re.Pattern:
        rx = self[name] = re.compile(getattr(self._rules, name).pattern)
        return rx


# Characters that IGNORECASE matches to an ASCII letter but str.lower() does not map to it
# (or maps to two characters): a text with one of them is scanned the slow way.
CASE_ODDITIES = re.compile("[\u0130\u0131\u017f]")


# A character right after a stretch that can change a match ending there (see the end of
# every table regex: no letter, "-" or apostrophe + letter may follow an entry).
WORD_CHAR_AFTER = re.compile(r"[\w'’-]")


class Hit:
    """A match found by :class:`PhraseIndex`: ``group()``, ``span()``, ``start()``, ``end()``
    like a regex match, with the text as written (not lower-cased)."""

    __slots__ = ("string", "_span")

    def __init__(self, string: str, span: tuple[int, int]) -> None:
        self.string, self._span = string, span

    def group(self) -> str:
        return self.string[self._span[0]:self._span[1]]

    def span(self) -> tuple[int, int]:
        return self._span

    def start(self) -> int:
        return self._span[0]

    def end(self) -> int:
        return self._span[1]


class PhraseIndex:
    """Where entries of the rule tables can start in one text, found in a single pass.

    ``spans(name, string, start, end)`` then gives exactly what
    ``getattr(rules, name).finditer(string, start, end)`` would, but only tries the
    places in the index. ``string`` is the text itself or a copy of the same length with
    quotations masked (masking never creates a new place where an entry can start).

    >>> idx = PhraseIndex(load_rules(), "Officials said it allegedly happened.")
    >>> idx.spans("hedge_re", idx.text)
    [(18, 27)]
    """

    def __init__(self, rules: Rules, text: str) -> None:
        self.rules, self.text = rules, text
        self._whole: dict = {}
        low = text.lower()
        self.folded = len(low) == len(text) and not CASE_ODDITIES.search(text)
        if self.folded:
            # an entry at the very start: as after a space (one big regex compiled, not two;
            # no table entry is anywhere near _HEAD characters long)
            self.starts = [0] if rules.starts_re.match(" " + low[:_HEAD]) else []
            self.starts += [m.end() for m in rules.starts_re.finditer(low)]
            self._lower = {id(text): (text, low)}
        else:
            self._lower = {}
            self.starts = [0] if rules.starts_re_i.match(" " + text[:_HEAD]) else []
            self.starts += [m.end() for m in rules.starts_re_i.finditer(text)]

    def lowered(self, string: str) -> str | None:
        """``string.lower()`` (remembered) when it lines up with ``string``; else None."""
        return self._target(string) if self.folded else None

    def _target(self, string: str) -> str:
        if not self.folded:
            return string
        cached = self._lower.get(id(string))
        if cached is None or cached[0] is not string:
            cached = self._lower[id(string)] = (string, string.lower())
        return cached[1]

    def spans(self, name: str, string: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Non-overlapping matches of table regex ``name`` in ``string[start:end]``.

        The matches in the whole string are found once; a stretch is answered from them,
        unless a match crosses its edges or the character after it could change a match
        (a letter, "-" or an apostrophe): then the stretch is read on its own."""
        key = (name, id(string))
        whole = self._whole.get(key)
        if whole is None or whole[0] is not string:
            if len(string) != len(self.text):
                raise ValueError("PhraseIndex: the string must have the length of the indexed text")
            spans = self._scan(name, string, 0, len(string))
            whole = self._whole[key] = (string, spans, [a for a, _ in spans])
        if start == 0 and end is None:
            return list(whole[1])
        end = len(string) if end is None else end
        _, spans, starts = whole
        i, j = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        if (i > 0 and spans[i - 1][1] > start) or (j > i and spans[j - 1][1] > end) \
                or (end < len(string) and WORD_CHAR_AFTER.match(string, end)):
            return self._scan(name, string, start, end)
        return spans[i:j]

    def _scan(self, name: str, string: str, start: int, end: int) -> list[tuple[int, int]]:
        rx = self.rules.lower_res[name] if self.folded else getattr(self.rules, name)
        target = self._target(string)
        prefixes = self.rules.prefixes[name] if self.folded else None
        starts, out, pos = self.starts, [], start
        for i in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
            p = starts[i]
            if p >= pos and (prefixes is None or target[p:p + 2] in prefixes):
                m = rx.match(target, p, end)
                if m:
                    out.append(m.span())
                    pos = m.end()
        return out

    def hits(self, name: str, string: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Like :meth:`spans`, as match-like objects."""
        return [Hit(string, sp) for sp in self.spans(name, string, start, end)]


def _two_letter_prefixes(entries) -> set | None:
    """The first two characters of every entry (lower case, both apostrophes), for a quick
    test before a table's regex; None when an entry is shorter or starts with a space or "*"."""
    out = set()
    for e in entries:
        e = " ".join(e.lower().replace("’", "'").split())
        head = e[:2]
        if len(head) < 2 or " " in head or "*" in head:
            return None
        out.update({head, head.replace("'", "’")})
    return out


def _trie_pattern(node: dict) -> str:
    """A regex for a character trie, so alternatives share prefixes (fast in ``re``)."""
    end = "" in node
    branches = []
    for ch, child in sorted((k, v) for k, v in node.items() if k):
        if ch == " ":
            piece = r"\s+"
        elif ch == "'":
            piece = "['’]"
        elif ch == "*":
            piece = r"[\w'’-]*"
        else:
            piece = re.escape(ch)
        branches.append(piece + _trie_pattern(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if end else body


def _trie(phrases) -> dict:
    trie: dict = {}
    for p in {" ".join(p.lower().replace("’", "'").split()) for p in phrases if p.strip()}:
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def phrase_regex(phrases) -> re.Pattern:
    """A case-insensitive whole-word regex for words and phrases ("x*" = any ending).

    Built as a character trie so that hundreds of entries stay fast.
    """
    trie = _trie(phrases)
    if not trie:
        return re.compile(r"(?!x)x")
    return re.compile(_LOOK_BEHIND + _trie_pattern(trie) + r"(?![\w-]|['’]\w)", re.IGNORECASE)


_LOOK_BEHIND = r"(?<![\w'’-])"  # an entry starts a word


@lru_cache(maxsize=1)
def _default_tables() -> dict:
    tables: dict = {}
    for name in RULE_FILES:
        table = load_table(name)
        _merge(tables, table.data, table.label)
    return tables


def _merge(into: dict, extra: Mapping, name: str) -> None:
    for key, value in extra.items():
        if key == "verb":
            if not isinstance(value, list) or not all(isinstance(v, Mapping) and "forms" in v for v in value):
                raise RulesError(f"{name}: 'verb' must be a list of tables, each with 'forms'")
            for v in value:
                if v.get("object_then") not in OBJECT_THEN:
                    raise RulesError(f"{name}: verb '{v.get('lemma', v['forms'])}': object_then must be one of {', '.join(map(repr, OBJECT_THEN[1:]))}, "
                                     f"not {v.get('object_then')!r}")
            into.setdefault("verb", []).extend(dict(v) for v in value)
        elif key in LIST_KEYS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise RulesError(f"{name}: '{key}' must be a list of strings")
            into.setdefault(key, []).extend(value)
        else:
            raise RulesError(f"{name}: unknown key '{key}' (known: verb, {', '.join(LIST_KEYS)})")


_RULES_CACHE: dict = {}


def load_rules(rules: RuleSource = None) -> Rules:
    """The packaged rule tables plus the extra entries ``rules`` (a dict shaped like the
    TOML files, or the path of a teacher's own TOML file), or ``rules`` itself when it is
    already a :class:`Rules`. Entries are added, never replaced.

    >>> rules = load_rules({"phrases": ["people in the know"]})
    """
    if rules is None:
        if None not in _RULES_CACHE:
            _RULES_CACHE[None] = Rules(_default_tables())
        return _RULES_CACHE[None]
    if isinstance(rules, Rules):
        return rules
    tables = {k: list(v) for k, v in _default_tables().items()}
    if isinstance(rules, (str, Path)):
        table = load_table("sourcing", rules)  # entries of any of the five tables
        _merge(tables, table.data, table.label)
    elif isinstance(rules, Mapping):
        check_table("sourcing", dict(rules), "extra rules")
        _merge(tables, rules, "extra rules")
    else:
        raise RulesError(f"extra rules: expected a dict or a TOML file path, got {type(rules).__name__}")
    return Rules(tables)
