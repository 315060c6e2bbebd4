"""Word choice across outlets: loaded terms, the labels put on names, and concordances.

Three small, explainable tools for notebook 06 (and any article):

* :func:`find_loaded_terms` finds words from the rules table ``medialit/rules/framing.toml``
  ("seized control", "self-proclaimed", "crushing" ...). Each hit carries the table row
  that decided it: its category, plainer alternatives, why it is loaded and where the pair
  comes from, and whether it stands inside quotation marks (then it is a quoted speaker's
  word, not the outlet's own voice).
* :func:`name_labels` (in :mod:`medialit.framing.labels`) reads the words an article puts around a name: the label before it
  ("the legitimately elected Maduro", "opposition leader Juan Guaido"), an appositive after
  it ("Guaido, the head of the opposition-led National Assembly,") and the noun it
  qualifies ("the Maduro regime" / "Maduro's government").
* :func:`concordance` lists every occurrence of a word with its context (keyword in context).

All three skip boilerplate lines (``medialit.corpus.clean.find_boilerplate``) unless told not to,
match accents loosely ("Guaido" finds "Guaidó"), and return frozen records with offsets
into the text. Each takes the text as a ``str`` or as a :class:`medialit.corpus.document.Document`
(which keeps its boilerplate lines and folded text, so many look-ups read it once).
:func:`by_article` runs any of them over a corpus and returns table rows.

>>> hits = find_loaded_terms("Critics say he seized control in 2013.")
>>> [(h.text, h.category, h.neutral[0]) for h in hits]
[('seized control', 'taking power', 'took power')]
>>> from medialit.framing.labels import name_labels     # also reachable as framing.name_labels
>>> [l.label for l in name_labels("He met opposition leader Juan Guaido.", "Guaido")]
['opposition leader']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from medialit.corpus.document import Document
from medialit.errors import RulesError
from medialit.framing.tokens import TokenIndex, fold_accents, index_of
from medialit.records import Record
from medialit.rules import Table, load_table

__all__ = [
    "Term", "FramingRules", "LoadedTerm", "ConcordanceLine", "load_rules", "find_loaded_terms", "concordance", "by_article",
]


# ------------------------------------------------------------------ the rules table
@dataclass(frozen=True, slots=True)
class Term(Record):
    """One row of the rules table: a loaded term and what a plainer report could say."""

    term: str
    forms: tuple[str, ...]
    category: str
    neutral: tuple[str, ...]
    why: str
    source: str


@dataclass(frozen=True)
class FramingRules:
    """The loaded terms plus the word lists :func:`name_labels` reads names with."""

    terms: tuple[Term, ...]
    titles: frozenset[str] = frozenset()
    stop_words: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    head_nouns: frozenset[str] = frozenset()
    role_nouns: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    max_words: int = 6
    path: str = "<rules>"


def _need(entry: dict, key: str, kind: type, where: str) -> Any:
    if key not in entry:
        raise RulesError(f"{where}: missing field '{key}'")
    value = entry[key]
    if not isinstance(value, kind):
        raise RulesError(f"{where}: field '{key}' should be a {kind.__name__}, not {type(value).__name__}")
    return value


def load_rules(rules: FramingRules | str | Path | None = None, *, extra_terms: Iterable[dict] = ()) -> FramingRules:
    """The framing rules: the packaged ``rules/framing.toml`` (loaded once), a teacher's
    copy at path ``rules``, or ``rules`` itself when already loaded.

    ``extra_terms`` are more ``[[term]]`` entries as dicts (same fields), e.g. a teacher's
    own additions. Errors name the file and the entry:

    >>> rules = load_rules(extra_terms=[{"term": "junta", "forms": ["junta"], "category": "label",
    ...     "neutral": ["military government"], "why": "...", "source": "teacher"}])
    >>> rules.terms[-1].term
    'junta'
    """
    extra = list(extra_terms)
    if isinstance(rules, FramingRules):
        if extra:
            raise RulesError(f"{rules.path}: extra_terms need a rules file, not rules already loaded")
        return rules
    if rules is None and not extra:
        return _default_rules()
    return _build(load_table("framing", rules), extra)


def _build(table: Table, extra_terms: list[dict]) -> FramingRules:
    data, shown = table.data, table.label
    entries = list(data.get("term", [])) + extra_terms
    terms = []
    for i, entry in enumerate(entries, 1):
        where = f"{shown}: term {entry.get('term', '#' + str(i))!r}"
        forms = _need(entry, "forms", list, where)
        if not forms or not all(isinstance(f, str) and f.strip() for f in forms):
            raise RulesError(f"{where}: field 'forms' must list at least one non-empty phrase")
        terms.append(Term(
            term=_need(entry, "term", str, where),
            forms=tuple(forms),
            category=_need(entry, "category", str, where),
            neutral=tuple(_need(entry, "neutral", list, where)),
            why=_need(entry, "why", str, where),
            source=_need(entry, "source", str, where),
        ))
    labels = data.get("labels", {})
    return FramingRules(
        terms=tuple(terms),
        titles=frozenset(t.rstrip(".").lower() for t in labels.get("titles", [])),
        stop_words=frozenset(w.lower() for w in labels.get("stop_words", [])),
        determiners=frozenset(w.lower() for w in labels.get("determiners", [])),
        head_nouns=frozenset(w.lower() for w in labels.get("head_nouns", [])),
        role_nouns=frozenset(w.lower() for w in labels.get("role_nouns", [])),
        modifiers=frozenset(w.lower() for w in labels.get("modifiers", [])),
        max_words=int(labels.get("max_words", 6)),
        path=shown,
    )


@lru_cache(maxsize=1)
def _default_rules() -> FramingRules:
    return _build(load_table("framing"), [])


def _form_pattern(form: str) -> str:
    parts = []
    for word in re.split(r"[\s\-]+", fold_accents(form.strip())):
        parts.append(re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word))
    return r"(?<!\w)" + r"[\s\-]+".join(parts) + r"(?!\w)"


# ------------------------------------------------------------------ shared helpers
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


_SPEAKER_LABEL = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]", re.MULTILINE)


def _line_speaker(text: str, pos: int) -> str | None:
    """The speaker label of an interview line ("Jim Jatras: Well, ...") that ``pos`` sits in."""
    line_start = text.rfind("\n", 0, pos) + 1
    m = _SPEAKER_LABEL.match(text, line_start)
    return m.group(1) if m and m.end() <= pos else None


def inside_spans(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _skipped(text: str, skip_boilerplate: bool) -> list[tuple[int, int]]:
    if not skip_boilerplate:
        return []
    from medialit.corpus.clean import find_boilerplate
    return [(b.start, b.end) for b in find_boilerplate(text)]


def read_layers(text: str | Document, skip_boilerplate: bool) -> tuple[str, str, list[tuple[int, int]], list[tuple[int, int]]]:
    """``(text, folded text, boilerplate spans to skip, quoted spans)`` for the framing tools;
    a :class:`~medialit.corpus.document.Document` keeps them (layers "framing.*"), so
    looking up many words in one article reads it once."""
    if not isinstance(text, Document):
        if not isinstance(text, str):
            raise TypeError(f"expected the article text as a str or a Document, got {type(text).__name__}")
        return text, fold_accents(text), _skipped(text, skip_boilerplate), _quoted_spans(text)
    doc = text
    skip = doc.layer("framing.skipped", lambda d: [(b.start, b.end) for b in d.boilerplate]) if skip_boilerplate else []
    return (doc.text, doc.layer("framing.folded", lambda d: fold_accents(d.text)), skip,
            doc.layer("framing.quoted", lambda d: _quoted_spans(d.text)))


# ------------------------------------------------------------------ loaded terms
@dataclass(frozen=True, slots=True)
class LoadedTerm(Record):
    """A loaded term found in a text, with the table row that decided it (``term``, ``category``,
    ``neutral``, ``why``, ``source``) and the ``form`` that matched. Whose word is it?
    ``quoted``: inside quotation marks; ``speaker``: in an interview answer by that speaker."""

    start: int
    end: int
    text: str
    term: str
    category: str
    neutral: tuple[str, ...]
    why: str
    source: str
    form: str
    quoted: bool
    speaker: str | None = None



def find_loaded_terms(text: str | Document, *, rules: FramingRules | str | Path | None = None,
                      skip_boilerplate: bool = True) -> list[LoadedTerm]:
    """Every loaded term from the rules table in ``text``, in order.

    ``quoted`` is True when the term stands between quotation marks: then it is the quoted
    speaker's word, and the outlet's choice was to quote it. ``speaker`` is set when the
    term sits in an interview answer ("Jim Jatras: ..."): the interviewee's word.

    >>> [(t.text, t.quoted) for t in find_loaded_terms('He said "the regime" would fall.')]
    [('regime', True)]
    """
    rules = load_rules(rules)
    text, folded, skip, quoted = read_layers(text, skip_boilerplate)
    seen: set[tuple[int, int]] = set()
    out = []
    for term in rules.terms:
        for form in term.forms:
            for m in re.finditer(_form_pattern(form), folded, flags=re.IGNORECASE):
                span = (m.start(), m.end())
                if span in seen or inside_spans(*span, skip):
                    continue
                seen.add(span)
                out.append(LoadedTerm(m.start(), m.end(), text[m.start():m.end()], term.term, term.category,
                                      term.neutral, term.why, term.source, form, inside_spans(*span, quoted),
                                      _line_speaker(text, m.start())))
    return sorted(out, key=lambda t: (t.start, t.end))


# ------------------------------------------------------------------ concordance
@dataclass(frozen=True, slots=True)
class ConcordanceLine(Record):
    """One occurrence of a word with up to ``width`` characters of context either side,
    never reaching past the line it is on (so page furniture does not leak in)."""

    start: int
    end: int
    left: str
    match: str
    right: str
    quoted: bool

    def __str__(self) -> str:
        return f"{self.left:>{len(self.left)}} [{self.match}] {self.right}"


def concordance(text: str | Document, word: str, *, width: int = 40, skip_boilerplate: bool = True) -> list[ConcordanceLine]:
    """Every occurrence of ``word`` (or phrase; accents and case ignored; ``*`` ends a prefix).

    The look-up is nltk's: a :class:`nltk.ConcordanceIndex` over the article's tokens
    (:class:`medialit.framing.tokens.TokenIndex`, kept on a Document). The context is cut
    from the text itself by character offsets, not rebuilt from tokens, so it reads as the
    article wrote it ("Guaido's", not "Guaido ' s") and ``start``/``end`` can be highlighted.

    >>> [l.match for l in concordance("Sanctions bite. New sanctions came.", "sanction*")]
    ['Sanctions', 'sanctions']
    >>> [str(l) for l in concordance("He met Guaidó’s envoy.", "Guaido's")]
    ['He met [Guaidó’s] envoy.']
    """
    if not isinstance(word, str) or not word.strip(" *-"):
        raise ValueError("concordance: give a word to look for, e.g. 'sanctions'")
    given = text
    text, _, skip, quoted = read_layers(given, skip_boilerplate)
    index = given.layer("framing.index", lambda d: TokenIndex(d.text)) if isinstance(given, Document) else index_of(text)
    out = []
    for start, end in index.find(word):
        if inside_spans(start, end, skip):
            continue
        left = text[max(0, start - width):start].rsplit("\n", 1)[-1]   # context stays on its line
        right = text[end:end + width].split("\n", 1)[0]
        left, right = " ".join(left.split()), " ".join(right.split())
        out.append(ConcordanceLine(start, end, left, text[start:end], right, inside_spans(start, end, quoted)))
    return out


# ------------------------------------------------------------------ over a corpus
def by_article(articles: Iterable[Any], function: Callable[..., list], *args: Any, **kwargs: Any) -> list[dict]:
    """Run ``function(article.text, *args, **kwargs)`` on each article; one dict per result,
    with the article's id (and outlet, if known) first: ready for ``pandas.DataFrame``.

    >>> from medialit.corpus.articles import load_corpus
    >>> rows = by_article(load_corpus(), find_loaded_terms)
    >>> rows[0]["article"], rows[0]["term"]
    ('000', 'regime')
    """
    rows = []
    for article in articles:
        for item in function(article.text, *args, **kwargs):
            row = {"article": article.id, "outlet": getattr(article, "outlet", "unknown")}
            row.update(item.to_dict())
            rows.append(row)
    return rows

