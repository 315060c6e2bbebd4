"""What a text repeats: word counts (nltk's :class:`~nltk.probability.FreqDist`), word pairs that
go together (nltk's :class:`~nltk.collocations.BigramCollocationFinder`) and where loaded
terms fall in each article (for a dispersion plot).

Words are the kit's own tokens (:func:`medialit.text.words`: "U.S.", "self-proclaimed" stay
whole), read the same way in every article: accents folded, lower case except for words
written in capitals ("US", "UN"; dots dropped, so "U.S." counts as "US"), a possessive
"'s" removed, words with no letter left out. Stopwords come from the rules table
``medialit/rules/stopwords.toml``. Boilerplate lines (menus, captions, comment prompts) are
skipped unless told not to. Nothing here needs nltk data.

>>> [(c.word, c.count) for c in word_counts({"A": "Sanctions, sanctions and the U.S. sanctions."}, top=2)]
[('sanctions', 3), ('US', 1)]
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from medialit.corpus.document import Document
from medialit.framing.terms import FramingRules, _line_speaker, find_loaded_terms, inside_spans, read_layers
from medialit.framing.tokens import fold_accents, load_nltk
from medialit.records import Record, as_json, rounded
from medialit.rules import load_table
from medialit.text import sentences, words

__all__ = ["Stopwords", "load_stopwords", "normalise_word", "WordCount", "word_counts", "Collocation",
           "collocations", "TermPosition", "term_positions"]


# ------------------------------------------------------------------ stopwords and words
@dataclass(frozen=True)
class Stopwords:
    """The words left out of counts, and the file they come from."""

    words: frozenset[str]
    path: str

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() in self.words


def load_stopwords(stopwords: Stopwords | str | Path | Iterable[str] | None = None) -> Stopwords:
    """The packaged stopword table, a teacher's copy at a path, or a list of words given directly.

    >>> "the" in load_stopwords(), "sanctions" in load_stopwords()
    (True, False)
    >>> "sanctions" in load_stopwords(["sanctions"])
    True
    """
    if isinstance(stopwords, Stopwords):
        return stopwords
    if stopwords is None:
        return _packaged_stopwords()
    if isinstance(stopwords, (str, Path)):
        table = load_table("stopwords", stopwords)
        return Stopwords(_words_of(table.data), table.label)
    listed = list(stopwords)
    if not all(isinstance(w, str) for w in listed):
        raise TypeError("stopwords: give a path to a stopwords table or a list of words (strings)")
    return Stopwords(frozenset(w.lower() for w in listed), "<list>")


def _words_of(data: dict) -> frozenset[str]:
    return frozenset(fold_accents(w).lower().replace("’", "'")
                     for key in ("function_words", "news_words") for w in data.get(key, []))


@lru_cache(maxsize=1)
def _packaged_stopwords() -> Stopwords:
    table = load_table("stopwords")
    return Stopwords(_words_of(table.data), table.label)


def normalise_word(token: str) -> str | None:
    """How a word is counted, or None for a token that is not counted (no letter in it).

    >>> [normalise_word(w) for w in ("Guaidó’s", "U.S.", "US", "Sanctions", "$110", "self-proclaimed")]
    ['guaido', 'US', 'US', 'sanctions', None, 'self-proclaimed']
    """
    word = fold_accents(token).replace("’", "'").replace("‘", "'")
    if word.lower().endswith("'s") and len(word) > 2:
        word = word[:-2]
    word = word.strip("'.-")
    if not any(ch.isalpha() for ch in word):
        return None
    letters = word.replace(".", "")
    if len(letters) >= 2 and letters.isupper() and letters.isalpha():
        return letters                       # an abbreviation in capitals: "US", "UN", "NYT"
    return word.lower()


def _label_and_text(item: Any, i: int) -> tuple[str, str, str | Document]:
    if isinstance(item, tuple) and len(item) == 2:
        return str(item[0]), "unknown", item[1]
    if isinstance(item, (str, Document)):
        return str(i), "unknown", item
    text = getattr(item, "text", None)
    if not isinstance(text, str):
        raise TypeError(f"expected articles (with .id and .text), texts, or a mapping of label to text; "
                        f"got {type(item).__name__}")
    return str(getattr(item, "id", i)), str(getattr(item, "outlet", "unknown")), text


def _articles(articles: Any) -> list[tuple[str, str, str | Document]]:
    if isinstance(articles, (str, Document)):
        articles = [articles]
    if isinstance(articles, Mapping):
        articles = list(articles.items())
    return [_label_and_text(item, i) for i, item in enumerate(articles)]


def _sentence_words(text: str | Document, skip_boilerplate: bool) -> list[list[str]]:
    """The words of each sentence as they are counted (:func:`normalise_word`), stopwords included."""
    plain, _, skip, _ = read_layers(text, skip_boilerplate)
    out = []
    for sentence in sentences(plain, skip=[_Gap(a, b) for a, b in skip]):
        out.append([word for word in map(normalise_word, (w.text for w in words(sentence.text))) if word])
    return out


@dataclass(frozen=True, slots=True)
class _Gap:
    start: int
    end: int


# ------------------------------------------------------------------ word counts
@dataclass(frozen=True, slots=True)
class WordCount(Record):
    """How often one word occurs in one article: ``count`` times, ``per_1000`` of its
    ``words`` (all its words, stopwords included), ``rank`` 1 for the most frequent."""

    article: str
    outlet: str
    word: str
    count: int
    per_1000: float = field(metadata=as_json(convert=rounded(1)))
    words: int
    rank: int


def word_counts(articles: Any, *, top: int = 10, stopwords: Stopwords | str | Path | Iterable[str] | None = None,
                skip_boilerplate: bool = True) -> list[WordCount]:
    """The ``top`` most frequent words of each article (nltk ``FreqDist``), stopwords left out.

    ``articles``: a corpus (or any articles with ``id`` and ``text``), a mapping of label to
    text, or one text. Ties keep the order in which the words first appear in the article.

    >>> from medialit.corpus import load_corpus
    >>> [(c.word, c.count) for c in word_counts([load_corpus()["003"]], top=3)]
    [('US', 13), ('venezuela', 6), ('russia', 6)]
    """
    FreqDist = load_nltk().FreqDist           # needs no nltk data
    if not isinstance(top, int) or top < 1:
        raise ValueError("word_counts: top must be a whole number of at least 1")
    stop = load_stopwords(stopwords)
    out = []
    for label, outlet, text in _articles(articles):
        every = [w for sentence in _sentence_words(text, skip_boilerplate) for w in sentence]
        total = len(every)
        freq = FreqDist(w for w in every if w not in stop.words)   # "US" in capitals is not the pronoun "us"
        for rank, (word, count) in enumerate(freq.most_common(top), 1):
            out.append(WordCount(label, outlet, word, count, 1000 * count / total if total else 0.0, total, rank))
    return out


# ------------------------------------------------------------------ collocations
@dataclass(frozen=True, slots=True)
class Collocation(Record):
    """Two words that stand side by side ``count`` times in one article, ``times_chance``
    times as often as their own counts (``first_count``, ``second_count``) would put them
    side by side by chance: 2 to the power of nltk's PMI score, so 1.0 means "no more than
    chance". Rounded to one decimal."""

    article: str
    outlet: str
    words: str
    count: int
    first_count: int
    second_count: int
    times_chance: float = field(metadata=as_json(convert=rounded(1)))


def collocations(articles: Any, n: int = 10, *, min_count: int = 2,
                 stopwords: Stopwords | str | Path | Iterable[str] | None = None,
                 skip_boilerplate: bool = True) -> list[Collocation]:
    """Up to ``n`` word pairs per article that occur together at least ``min_count`` times
    (nltk's ``BigramCollocationFinder`` with a frequency filter), most frequent first, then
    the most above chance (``BigramAssocMeasures.pmi``).

    Pairs are two words side by side inside one sentence (never across a full stop or a
    boilerplate line); a pair with a stopword in it is left out, so "sanctions on Venezuela"
    gives no pair but "crushing sanctions" does. The scores are explainable: how often, and
    how many times chance.

    >>> [(c.words, c.count) for c in collocations({"A": "White House aides met. The White House said no."})]
    [('white house', 2)]
    """
    nltk = load_nltk()                        # BigramCollocationFinder and its measures need no nltk data
    BigramAssocMeasures, BigramCollocationFinder = nltk.collocations.BigramAssocMeasures, nltk.collocations.BigramCollocationFinder
    if not isinstance(n, int) or n < 1 or not isinstance(min_count, int) or min_count < 1:
        raise ValueError("collocations: n and min_count must be whole numbers of at least 1")
    stop = load_stopwords(stopwords)
    measures = BigramAssocMeasures()
    out = []
    for label, outlet, text in _articles(articles):
        finder = BigramCollocationFinder.from_documents(_sentence_words(text, skip_boilerplate))
        finder.apply_freq_filter(min_count)
        finder.apply_word_filter(lambda w: w in stop.words)
        scored = dict(finder.score_ngrams(measures.pmi))
        pairs = sorted(scored, key=lambda p: (-finder.ngram_fd[p], -scored[p], p))[:n]
        for pair in pairs:
            out.append(Collocation(label, outlet, " ".join(pair), finder.ngram_fd[pair], finder.word_fd[pair[0]],
                                   finder.word_fd[pair[1]], round(2 ** scored[pair], 1)))
    return out


# ------------------------------------------------------------------ where loaded terms fall
@dataclass(frozen=True, slots=True)
class TermPosition(Record):
    """One loaded term (or looked-up word) in one article, and how far into the article it
    stands: ``position`` is the share of the article's words before it (0 = first word,
    1 = last). Whose word is it? ``quoted``: inside quotation marks; ``speaker``: in an
    interview answer by that speaker ("Jim Jatras: ..."). Neither: the outlet's own voice."""

    article: str
    outlet: str
    term: str
    text: str
    start: int
    end: int
    position: float = field(metadata=as_json(convert=rounded(3)))
    quoted: bool
    speaker: str | None = None


def term_positions(articles: Any, words: Iterable[str] | None = None, *,
                   rules: FramingRules | str | Path | None = None, skip_boilerplate: bool = True) -> list[TermPosition]:
    """Where each loaded term of the rules table (or each of ``words``, looked up as by
    :func:`medialit.framing.concordance`) stands in each article: the data of a dispersion
    plot. ``term`` is the table's name for the term, or the word as given.

    >>> from medialit.corpus import load_corpus
    >>> [(p.term, p.position) for p in term_positions([load_corpus()["004"]], ["seiz* control"])]
    [('seiz* control', 0.344)]
    """
    from medialit.framing.terms import concordance
    out = []
    wanted = list(words) if words is not None else None
    for label, outlet, text in _articles(articles):
        plain, _, skip, _ = read_layers(text, skip_boilerplate)
        spans = [w for w in words_of(plain) if not inside_spans(w[0], w[1], skip)]
        starts = [a for a, _ in spans]

        def share(pos: int) -> float:
            before = sum(1 for a in starts if a < pos)
            return round(before / max(1, len(starts) - 1), 3) if starts else 0.0

        if wanted is None:
            found = [(t.term, t.text, t.start, t.end, t.quoted) for t in find_loaded_terms(text, rules=rules,
                                                                                        skip_boilerplate=skip_boilerplate)]
        else:
            found = [(w, l.match, l.start, l.end, l.quoted) for w in wanted
                     for l in concordance(text, w, skip_boilerplate=skip_boilerplate)]
        for term, surface, start, end, quoted in sorted(found, key=lambda f: f[2]):
            out.append(TermPosition(label, outlet, term, surface, start, end, share(start), quoted,
                                    _line_speaker(plain, start)))
    return out


def words_of(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every word of ``text`` (the kit's :func:`medialit.text.words`)."""
    return [(w.start, w.end) for w in words(text)]
