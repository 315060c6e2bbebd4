"""The rule tables of ``medialit/rules/figures.toml``, loaded once and compiled into regexes.

A teacher edits the TOML; this module turns each table into what the matcher needs. Nothing
here decides anything on its own.

>>> rules = load_rules()
>>> rules.vague["dozens of"]
(24.0, 99.0)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from medialit.errors import RulesError
from medialit.rules import load_table


@dataclass(frozen=True, eq=False)
class FigureRules:
    path: str
    vague: dict[str, tuple[float, float]]
    vague_money_prefixes: dict[str, tuple[float, float]]
    age_words: dict[str, tuple[float, float]]
    qualifiers: dict[str, str]
    approx_fraction: float
    scales: dict[str, float]
    currency_prefixes: dict[str, str]
    currency_words: dict[str, str]
    percent_words: dict[str, str]
    time_units: dict[str, str]
    physical_units: dict[str, str]
    rate_words: frozenset[str]
    irregular_plurals: frozenset[str]
    one_counts: frozenset[str]
    not_nouns: frozenset[str]
    noun_modifiers: frozenset[str]
    not_modifiers: frozenset[str]
    change_words: frozenset[str]
    qualifiers_after: dict[str, str]
    synonyms: tuple[frozenset[str], ...]
    name_labels: frozenset[str]
    street_words: frozenset[str]
    exchanges: tuple[str, ...]
    month_lead_words: tuple[str, ...]
    period_qualifiers: tuple[str, ...]
    year_min: int
    year_max: int
    checks: dict
    windows: dict[str, int]
    # compiled
    qualifier_re: re.Pattern
    qualifier_after_re: re.Pattern
    vague_re: re.Pattern
    currency_prefix_re: str
    unit_after_re: re.Pattern
    currency_word_re: re.Pattern
    percent_re: re.Pattern
    time_unit_re: re.Pattern
    window_re: re.Pattern
    # round 2 (issue 13): tables a teacher's older copy may lack (then empty)
    vague_joined: dict[str, tuple[float, float]]
    vague_durations: dict[str, tuple[float, float]]
    word_durations: dict[str, tuple[float, str]]
    word_distances: dict[str, tuple[float, str]]
    compound_heads: frozenset[str]
    people_verbs: frozenset[str]
    of_determiners: frozenset[str]
    of_them: frozenset[str]
    ordinal_succession: frozenset[str]
    ordinal_nouns: frozenset[str]
    multiples: dict[str, float]
    # unit words with two meanings ("pounds": GBP or lb), and the words that decide
    ambiguous_units: dict[str, "AmbiguousUnit"]
    money_cues: "MoneyCues"
    # round 3 (held-out articles): tables a teacher's older copy may lack (then empty)
    amount_subjects: frozenset[str] = frozenset()
    counted_compounds: dict[str, str] | None = None
    crowd_words: frozenset[str] = frozenset()
    population_words: frozenset[str] = frozenset()
    street_words_before: tuple[str, ...] = ()
    currency_digits_only: frozenset[str] = frozenset()


@dataclass(frozen=True)
class AmbiguousUnit:
    """One [[ambiguous_units]] entry: a word that is a currency or a measure."""

    money: str
    measure: str
    measure_name: str
    words: frozenset[str]
    of: frozenset[str]


@dataclass(frozen=True)
class MoneyCues:
    """[money_cues]: words near a figure that say money, and signs anywhere in the article."""

    before: int = 6
    after: int = 3
    words: frozenset[str] = frozenset()
    article: re.Pattern = re.compile(r"(?!)")


def _alt(words, *, escape: bool = True) -> str:
    ws = sorted(set(words), key=len, reverse=True)
    return "|".join((re.escape(w) if escape else w) for w in ws)


def _pairs(table: dict, name: str, path: str) -> dict[str, tuple[float, float]]:
    out = {}
    for k, v in table.items():
        if not (isinstance(v, list) and len(v) == 2 and all(isinstance(x, (int, float)) for x in v) and v[0] <= v[1]):
            raise RulesError(f"{path}: [{name}] entry {k!r} must be [low, high] with low <= high, got {v!r}")
        out[k.lower()] = (float(v[0]), float(v[1]))
    return out


def _phrase_re(words) -> str:
    # words with spaces match any run of whitespace
    ws = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws)


def _qualifier_after_re(quals_after: dict[str, str]) -> re.Pattern:
    """Words written after a figure: "10 or more", "14 and counting" (after a space), "50-odd",
    "2,000-plus" (after a hyphen), "65+" (glued). Not when a noun phrase follows "and over"
    ("5 and over the weekend")."""
    spaced = [w for w in quals_after if " " in w]
    hyphened = [w for w in quals_after if " " not in w and w.isalpha()]
    glued = [w for w in quals_after if not w.isalpha() and " " not in w]
    alts = []
    if spaced:
        alts.append(r"\s+(?P<spaced>" + _phrase_re(spaced) + r")\b"
                    r"(?!\s+(?:the|a|an|this|that|these|those|his|her|their|its|our|my|last|next|past|\d))")
    if hyphened:
        alts.append(r"-(?P<hyphened>" + _phrase_re(hyphened) + r")\b")
    if glued:
        alts.append(r"(?P<glued>" + _phrase_re(glued) + r")(?![\w+])")
    return re.compile("|".join(alts), re.I) if alts else re.compile(r"(?!)")


def _ambiguous_units(entries: list, path: str) -> dict[str, AmbiguousUnit]:
    out: dict[str, AmbiguousUnit] = {}
    for n, e in enumerate(entries, 1):
        missing = [k for k in ("forms", "money", "measure") if k not in e]
        if missing:
            raise RulesError(f"{path}: [[ambiguous_units]] number {n} needs {', '.join(missing)}")
        unit = AmbiguousUnit(e["money"], e["measure"], e.get("measure_name", e["measure"]),
                             frozenset(w.lower() for w in e.get("words", [])), frozenset(w.lower() for w in e.get("of", [])))
        out.update({f.lower(): unit for f in e["forms"]})
    return out


def _money_cues(t: dict) -> MoneyCues:
    signs = [w for w in t.get("article", [])]
    parts = [re.escape(w) if not w[:1].isalpha() else rf"\b{re.escape(w)}\b" for w in signs]
    article = re.compile("|".join(parts), re.I) if parts else re.compile(r"(?!)")
    return MoneyCues(int(t.get("before", 6)), int(t.get("after", 3)), frozenset(w.lower() for w in t.get("words", [])), article)


def parse_rules(data: dict, path: str = "<rules>") -> FigureRules:
    """Build :class:`FigureRules` from the parsed TOML, with clear errors for missing tables."""
    def table(name: str) -> dict:
        if name not in data:
            raise RulesError(f"{path}: missing table [{name}]")
        return data[name]

    vague = _pairs(table("vague"), "vague", path)
    vmp = _pairs(table("vague_money_prefixes"), "vague_money_prefixes", path)
    ages = _pairs(table("age_words"), "age_words", path)
    quals = {k.lower(): v for k, v in table("qualifiers").items()}
    allowed = {"lower", "strict_lower", "upper", "strict_upper", "approx", "near_below"}
    for k, v in quals.items():
        if v not in allowed:
            raise RulesError(f"{path}: [qualifiers] {k!r} has bound {v!r}; use one of {sorted(allowed)}")
    quals_after = {k.lower(): v for k, v in data.get("qualifiers_after", {}).items()}
    for k, v in quals_after.items():
        if v not in allowed | {"odd"}:
            raise RulesError(f"{path}: [qualifiers_after] {k!r} has bound {v!r}; use one of {sorted(allowed | {'odd'})}")
    qual_after_re = _qualifier_after_re(quals_after)
    counted = table("counted_nouns")
    nf = table("not_figures")
    dates = table("dates")
    checks = dict(table("checks"))
    windows = {k.lower(): int(v) for k, v in checks.pop("windows", {}).items()}
    cur_pre = dict(table("currency_prefixes"))
    cur_words = {k.lower(): v for k, v in table("currency_words").items()}
    pct = {k.lower(): v for k, v in table("percent_words").items()}
    time_units = {k.lower(): v for k, v in table("time_units").items()}
    phys = {k.lower(): v for k, v in table("physical_units").items()}

    qual_re = re.compile(r"(?:^|(?<=[\s(\[\"“]))(" + _phrase_re(quals) + r")\s*$", re.I)
    vague_re = re.compile(r"(?<![\w-])(" + _phrase_re(vague) + r")(?![\w-])", re.I)
    # units after a number: single letters only when glued (handled by the matcher)
    unit_after_re = re.compile(r"(?:\s?|-)(" + _phrase_re(phys) + r")(?![\w²³/])", re.I)
    currency_word_re = re.compile(r"(?:\s+|-)(" + _phrase_re(w for w in cur_words if w != "p") + r")\b", re.I)
    percent_re = re.compile(r"\s?(%|" + _phrase_re(w for w in pct if w not in ("%", "points")) + r")(?![\w])", re.I)
    time_unit_re = re.compile(r"(?:\s+|-)(" + _phrase_re(time_units) + r")\b", re.I)
    window_re = re.compile(r"\b(" + _phrase_re(windows) + r")\b", re.I) if windows else re.compile(r"(?!)")
    cur_prefix_re = _alt(cur_pre)

    def value_units(name: str) -> dict[str, tuple[float, str]]:
        out = {}
        for k, v in data.get(name, {}).items():
            if not (isinstance(v, dict) and isinstance(v.get("value"), (int, float)) and isinstance(v.get("unit"), str)):
                raise RulesError(f"{path}: [{name}] entry {k!r} must be {{ value = <number>, unit = \"<unit>\" }}, got {v!r}")
            out[k.lower()] = (float(v["value"]), v["unit"])
        return out
    ordinals = data.get("ordinals", {})
    round2 = dict(
        vague_joined=_pairs(data.get("vague_joined", {}), "vague_joined", path),
        vague_durations=_pairs(data.get("vague_durations", {}), "vague_durations", path),
        word_durations=value_units("word_durations"), word_distances=value_units("word_distances"),
        compound_heads=frozenset(w.lower() for w in nf.get("compound_heads", [])),
        people_verbs=frozenset(w.lower() for w in counted.get("people_verbs", [])),
        of_determiners=frozenset(w.lower() for w in counted.get("of_determiners", [])),
        of_them=frozenset(w.lower() for w in counted.get("of_them", [])),
        ordinal_succession=frozenset(w.lower() for w in ordinals.get("succession", [])),
        ordinal_nouns=frozenset(w.lower() for w in ordinals.get("occurrence_nouns", [])),
        multiples={k.lower(): float(v) for k, v in data.get("multiples", {}).items()},
        ambiguous_units=_ambiguous_units(data.get("ambiguous_units", []), path),
        money_cues=_money_cues(data.get("money_cues", {})),
        amount_subjects=frozenset(w.lower() for w in counted.get("amount_subjects", [])),
        counted_compounds={k.lower(): str(v) for k, v in data.get("counted_compounds", {}).items()},
        crowd_words=frozenset(w.lower() for w in counted.get("crowd_words", [])),
        population_words=frozenset(w.lower() for w in counted.get("population_words", [])),
        street_words_before=tuple(nf.get("street_words_before", [])),
        currency_digits_only=frozenset(w.lower() for w in data.get("currency_digits_only", {}).get("words", [])),
    )
    return FigureRules(
        **round2,
        path=path, vague=vague, vague_money_prefixes=vmp, age_words=ages, qualifiers=quals,
        approx_fraction=float(table("qualifier_settings").get("approx_fraction", 0.1)),
        scales={k.lower(): float(v) for k, v in table("scales").items()},
        currency_prefixes=cur_pre, currency_words=cur_words, percent_words=pct,
        time_units=time_units, physical_units=phys,
        rate_words=frozenset(w.lower() for w in table("rate_words")["words"]),
        irregular_plurals=frozenset(counted["irregular"]), one_counts=frozenset(counted["one_counts"]),
        not_nouns=frozenset(counted["not_nouns"]), noun_modifiers=frozenset(counted["noun_modifiers"]),
        not_modifiers=frozenset(w.lower() for w in counted.get("not_modifiers", [])),
        change_words=frozenset(w.lower() for w in data.get("ranges", {}).get("change_words", [])),
        qualifiers_after=quals_after, qualifier_after_re=qual_after_re,
        synonyms=tuple(frozenset(g) for g in counted["synonyms"]),
        name_labels=frozenset(w.lower() for w in nf["name_labels"]),
        street_words=frozenset(w.lower() for w in nf["street_words"]),
        exchanges=tuple(nf["exchanges"]),
        month_lead_words=tuple(dates["month_lead_words"]),
        period_qualifiers=tuple(dates["period_qualifiers"]),
        year_min=int(dates["year_min"]), year_max=int(dates["year_max"]),
        checks=checks, windows=windows,
        qualifier_re=qual_re, vague_re=vague_re, currency_prefix_re=cur_prefix_re,
        unit_after_re=unit_after_re, currency_word_re=currency_word_re, percent_re=percent_re,
        time_unit_re=time_unit_re, window_re=window_re,
    )


def currency_left_regex(rules: FigureRules) -> re.Pattern:
    """A currency sign or code ending right before a number ("US$", "£", "EUR ")."""
    parts = [(r"\b" if k[0].isalpha() else "") + re.escape(k)
             for k in sorted(rules.currency_prefixes, key=len, reverse=True)]
    return re.compile(rf"(?P<cur>{'|'.join(parts)})[\s\u00a0]?$", re.I)


def trie_regex(words) -> str:
    """One regex alternation for many words, shared prefixes factored out (much faster in re)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(k) + emit(v) for k, v in sorted(node.items()) if k]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body
    return emit(root)


def load_rules(rules: FigureRules | str | Path | None = None) -> FigureRules:
    """The packaged rules, a teacher's copy at path ``rules``, or ``rules`` itself when
    already loaded. Loaded tables are kept (a path is read once).

    >>> load_rules() is load_rules() and load_rules(load_rules()) is load_rules()
    True
    """
    if isinstance(rules, FigureRules):
        return rules
    return _load(None if rules is None else str(rules))


@lru_cache(maxsize=4)
def _load(path: str | None) -> FigureRules:
    table = load_table("figures", path)
    return parse_rules(table.data, table.label)
