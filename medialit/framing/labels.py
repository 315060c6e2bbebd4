"""Labels around a name: how each outlet dresses a person ("opposition leader Juan Guaido").

Part of :mod:`medialit.framing.terms` (and importable from it as ``framing.name_labels``). The
rules are simple and visible, so a student can check them by eye: reading backwards from
the name, capitalised words that are not titles join the name ("Juan"); then words are
label until a stop word, punctuation or a line break; a determiner ("the", "a") is kept
and ends the label. A label with no determiner is kept only when the word next to the name
is a title or a role noun ("President", "leader"), so "to pressure Maduro" has no label.
The word lists are in ``medialit/rules/framing.toml`` under ``[labels]``.

>>> [(l.label, l.head) for l in name_labels("the country's incumbent President Nicolas Maduro", "Maduro")]
[("the country's incumbent President", '')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from medialit.corpus.document import Document
from medialit.framing.terms import FramingRules, load_rules, fold_accents, inside_spans, read_layers
from medialit.records import Record

__all__ = ["NameLabel", "name_labels"]


@dataclass(frozen=True, slots=True)
class NameLabel(Record):
    """How one mention of a name is dressed.

    ``start``/``end`` cover the whole phrase (label + name); ``name`` is the name as written
    (with any first names), ``label`` the words before it ("" if none), ``appositive`` a
    description after it between commas, ``head`` the noun the name qualifies ("regime").
    """

    start: int
    end: int
    text: str
    name: str
    label: str
    appositive: str
    head: str
    quoted: bool


_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def _tokens_of(text: str) -> tuple[list[tuple[int, int]], dict[int, int]]:
    """Token offsets, and the index of the token starting at each offset."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    return tokens, {s: i for i, (s, _) in enumerate(tokens)}


def _tokens(doc: Document) -> tuple[list[tuple[int, int]], dict[int, int]]:
    return doc.layer("framing.tokens", lambda d: _tokens_of(d.text))


def name_labels(text: str | Document, name: str, *, rules: FramingRules | str | Path | None = None,
                skip_boilerplate: bool = True) -> list[NameLabel]:
    """Each mention of ``name`` in ``text`` with the label, appositive and head noun around it.

    Reading backwards from the name: capitalised words that are not titles join the name
    ("Juan"); then words are label until a stop word (preposition, verb, conjunction),
    punctuation or line break, or a determiner, which is kept ("the", "a"). Accents are
    ignored when matching the name.

    >>> [(l.label, l.head) for l in name_labels("the country's incumbent President Nicolas Maduro", "Maduro")]
    [("the country's incumbent President", '')]
    """
    if not name.strip():
        raise ValueError("name_labels: give a name to look for, e.g. 'Maduro'")
    doc = text if isinstance(text, Document) else None
    rules = load_rules(rules)
    text, folded, skip, quoted = read_layers(text, skip_boilerplate)
    tokens, starts = _tokens(doc) if doc is not None else _tokens_of(text)
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in fold_accents(name).split()) + r"(?!\w)"
    out = []
    for m in re.finditer(pattern, folded):
        if inside_spans(m.start(), m.end(), skip) or m.start() not in starts:
            continue
        first = starts[m.start()]
        name_start, label_start = _read_backwards(text, tokens, first, m.end(), rules)
        appositive, head = _read_forwards(text, m.end(), rules)
        label = text[label_start:name_start].strip().rstrip(",").strip() if label_start < name_start else ""
        out.append(NameLabel(
            start=label_start, end=m.end(), text=text[label_start:m.end()], name=text[name_start:m.end()],
            label=label, appositive=appositive, head=head, quoted=inside_spans(m.start(), m.end(), quoted),
        ))
    return out


def _read_backwards(text: str, tokens: list[tuple[int, int]], first: int, name_end: int,
                    rules: FramingRules) -> tuple[int, int]:
    """Return (start of the name with its first names, start of the label)."""
    def word(i: int) -> str:
        return text[tokens[i][0]:tokens[i][1]]

    def line_break_before(i: int) -> bool:
        return i == 0 or "\n" in text[tokens[i - 1][1]:tokens[i][0]]

    i = first
    absorbed = 0   # first names: capitalised words that are not titles ("Juan", "Nicolas")
    while (absorbed < 2 and not line_break_before(i) and word(i - 1)[:1].isupper() and word(i - 1)[:1].isalpha()
           and word(i - 1).lower() not in rules.titles | rules.determiners | rules.stop_words):
        i -= 1
        absorbed += 1
    name_start = tokens[i][0]
    comma_ok = text[name_end:name_end + 1] == ","   # "a teenage opposition figure, Juan Guaidó, as ..."
    candidate: list[int] = []                       # token indices, nearest the name first
    while i > 0 and not line_break_before(i) and len(candidate) < rules.max_words:
        w = word(i - 1)
        low = w.lower()
        if w == "," and comma_ok and not candidate and i - 2 >= 0 and word(i - 2)[:1].islower():
            comma_ok = False
            i -= 1
            continue
        if low == "." and candidate == [] and i - 2 >= 0 and word(i - 2).lower() in rules.titles:
            i -= 1                                   # "Gen." "Sen."
            continue
        if not w[:1].isalnum() or low in rules.stop_words:
            break
        candidate.append(i - 1)
        i -= 1
        if low in rules.determiners:
            break
    kept = _noun_phrase(candidate, word, rules)
    return name_start, (tokens[kept[-1]][0] if kept else name_start)


def _noun_phrase(candidate: list[int], word: Callable[[int], str], rules: FramingRules) -> list[int]:
    """Keep the words before a name that read as a label, not as a verb and its object.

    Kept: a phrase that starts with a determiner ("the legitimately elected Maduro"); or,
    when the word next to the name is a title or role noun ("leader", "President"), that
    word and the modifiers and capitalised words before it ("self-proclaimed interim
    president", "National Security Adviser"). Anything else
    ("to pressure Maduro", "backing Guaido") gives no label.
    """
    if not candidate:
        return []
    next_to_name = word(candidate[0])
    if word(candidate[-1]).lower() in rules.determiners:
        proper = next_to_name[:1].isupper() and next_to_name.lower().rstrip(".") not in rules.titles
        return candidate if len(candidate) > 1 and not proper else []
    if word(candidate[0]).lower().rstrip(".") not in rules.titles | rules.role_nouns:
        return []
    kept = [candidate[0]]
    for idx in candidate[1:]:
        w = word(idx)
        low = w.lower()
        if not (low in rules.titles | rules.role_nouns | rules.modifiers or "-" in w or w[:1].isupper()
                or low.endswith(_MODIFIER_ENDINGS) or low.endswith(("'s", "’s"))):
            break
        kept.append(idx)
    return kept


# Word endings that mark adjectives and adverbs well enough for a label ("Venezuelan",
# "self-proclaimed", "legitimately", "elected", "national", "democratic").
_MODIFIER_ENDINGS = ("an", "ian", "ed", "al", "ic", "ive", "ous", "ent", "ant", "ary", "ly", "ist", "ese", "ish")


def _read_forwards(text: str, name_end: int, rules: FramingRules) -> tuple[str, str]:
    """Return (appositive, head noun) after a name."""
    rest = text[name_end:name_end + 200].split("\n", 1)[0]
    head = ""
    m = re.match(r"(?:['’]s)?\s+(\w+)", rest)
    if m and m.group(1).lower() in rules.head_nouns:
        head = m.group(1)
    appositive = ""
    a = re.match(r",\s+((?:the|a|an)\s[^,.;:“\"()]{3,120}?)(?=[,.;])", rest, flags=re.IGNORECASE)
    if a and len(a.group(1).split()) <= 12:
        appositive = a.group(1).strip()
    return appositive, head
