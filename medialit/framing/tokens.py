"""Tokens for the framing tools, looked up with nltk: a :class:`nltk.ConcordanceIndex` over an
article's tokens, with the character offsets of every token kept.

Which tokenizer does which job, and why:

* **Finding a word or phrase** (:func:`find`, used by :func:`medialit.framing.concordance`):
  nltk's :class:`~nltk.tokenize.RegexpTokenizer` with the pattern ``\\w+|[^\\w\\s]`` (runs of
  word characters, and each punctuation mark on its own), read over the text with its accents
  folded ("Guaidó" -> "Guaido"), and indexed by :class:`nltk.ConcordanceIndex` (lower case,
  curly apostrophes read as straight ones). Splitting at every apostrophe and hyphen is what a
  look-up wants: "Guaido" is found in "Guaido's", and "self proclaimed" finds "self-proclaimed".
* **Counting words** (:func:`medialit.framing.word_counts`, :func:`medialit.framing.collocations`):
  the kit's own :func:`medialit.text.words`, because a count wants "U.S.", "self-proclaimed"
  and "$110" whole, which nltk's punctuation-splitting tokenizers cut into pieces
  (``docs/framing.md`` gives the numbers on the seeds).
* **Sentences** stay with :func:`medialit.text.sentences` (``docs/text.md``: nltk's Punkt
  without its downloaded model splits after "Mr." and "Gen.").

Nothing here needs nltk data: no ``nltk.download``, no data path. nltk is imported when a
function is first called, so ``import medialit.framing`` stays fast.

>>> [(s.start, s.end, s.text) for s in tokens("Guaidó’s self-proclaimed role")][:3]
[(0, 6, 'Guaidó'), (6, 7, '’'), (7, 8, 's')]
>>> index = TokenIndex("The self-proclaimed leader met Guaidó's team.")
>>> [index.text[a:b] for a, b in index.find("self proclaimed")], [index.text[a:b] for a, b in index.find("guaido")]
(['self-proclaimed'], ['Guaidó'])
"""
from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from medialit.text import Span

__all__ = ["tokens", "TokenIndex", "index_of", "fold_accents", "token_key", "nltk_text", "load_nltk"]

_PATTERN = r"\w+|[^\w\s]"
_GAP = re.compile(r"[\s\-]+")          # what may stand between two words of a phrase
_HYPHENS = frozenset("-")


def fold_accents(text: str) -> str:
    """Strip accents character by character, so offsets stay the same ("Guaidó" -> "Guaido")."""
    return "".join(unicodedata.normalize("NFD", ch)[0] if ord(ch) > 127 else ch for ch in text)


def token_key(token: str) -> str:
    """How tokens are compared: lower case, accents folded, curly apostrophes as straight ones."""
    return fold_accents(token).lower().replace("’", "'").replace("‘", "'")


def load_nltk() -> Any:
    """``import nltk``, without the part the kit never uses that costs most of the time.

    nltk's package imports ``scipy.stats`` (about 2 s on a classroom laptop) only to offer
    Fisher's exact test as a collocation measure; the kit does not use it. So while nltk is
    first imported, ``scipy.stats`` is hidden from it, and nltk falls back to its own code
    (Fisher's test then raises ``NotImplementedError``). If scipy.stats was already imported,
    or nltk was, nothing changes. Nothing here needs nltk data.
    """
    if "nltk" in sys.modules:
        return sys.modules["nltk"]
    hide = "scipy.stats" not in sys.modules
    if hide:
        sys.modules["scipy.stats"] = None  # type: ignore[assignment]
    try:
        import nltk
    finally:
        if hide and sys.modules.get("scipy.stats", 0) is None:
            del sys.modules["scipy.stats"]
    return nltk


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    return load_nltk().tokenize.RegexpTokenizer(_PATTERN)    # needs no nltk data


def tokens(text: str) -> list[Span]:
    """nltk's tokens of ``text`` (words, and each punctuation mark on its own) with their offsets:
    ``text[t.start:t.end] == t.text`` for every token."""
    if not isinstance(text, str):
        raise TypeError(f"tokens() needs a str, not {type(text).__name__}")
    return [Span(a, b, text[a:b]) for a, b in _tokenizer().span_tokenize(text)]


@dataclass(frozen=True, slots=True)
class _Part:
    key: str
    prefix: bool      # a "*" ended this word in the query: any ending matches
    joined: bool      # written right after the previous part ("Maduro" + "'" + "s"): no gap allowed


def _query(phrase: str) -> list[_Part]:
    parts: list[_Part] = []
    for word in _GAP.split(fold_accents(phrase.strip())):
        prefix = word.endswith("*")
        word = word.rstrip("*")
        pieces = [m.group() for m in re.finditer(_PATTERN, word)]
        for i, piece in enumerate(pieces):
            parts.append(_Part(token_key(piece), prefix and i == len(pieces) - 1, i > 0))
    return parts


class TokenIndex:
    """An article's tokens (hyphens left out: they count as a gap between words) and an
    :class:`nltk.ConcordanceIndex` over them, so every look-up of a word is a dictionary
    look-up instead of a scan of the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = [t for t in tokens(text) if t.text not in _HYPHENS]
        self.index = load_nltk().ConcordanceIndex([t.text for t in self.tokens], key=token_key)
        self._vocabulary: list[str] | None = None

    def _starts(self, first: _Part) -> list[int]:
        if not first.prefix:
            return list(self.index.offsets(first.key))
        if self._vocabulary is None:
            self._vocabulary = sorted({token_key(t) for t in self.index.tokens()})
        found: list[int] = []
        for key in self._vocabulary:
            if key.startswith(first.key):
                found += self.index.offsets(key)
        return sorted(found)

    def find(self, phrase: str) -> list[tuple[int, int]]:
        """The ``(start, end)`` character spans where ``phrase`` occurs, in order: its words
        in a row, case and accents ignored, separated by spaces or hyphens; a word ending
        in ``*`` matches any ending ("sanction*" finds "sanctions")."""
        parts = _query(phrase)
        if not parts:
            return []
        toks, text, out = self.tokens, self.text, []
        for i in self._starts(parts[0]):
            j = i
            for part in parts[1:]:
                j += 1
                if j >= len(toks):
                    break
                key = token_key(toks[j].text)
                if not (key.startswith(part.key) if part.prefix else key == part.key):
                    break
                gap = text[toks[j - 1].end:toks[j].start]
                if (gap != "") if part.joined else not _GAP.fullmatch(gap):
                    break
            else:
                start, end = toks[i].start, toks[j].end
                # a phrase that begins or ends with punctuation still stands apart from other words
                if (start > 0 and text[start - 1].isalnum() and not text[start].isalnum()) or \
                        (end < len(text) and text[end].isalnum() and not text[end - 1].isalnum()):
                    continue
                out.append((start, end))
        return out


@lru_cache(maxsize=16)
def index_of(text: str) -> TokenIndex:
    """The :class:`TokenIndex` of ``text``, built once for the last few texts looked up
    (a notebook asks many words of the same five articles)."""
    return TokenIndex(text)


def words_outside(text: str, skip: Iterable[tuple[int, int]]) -> list[Span]:
    """:func:`tokens` of ``text`` that are words (not punctuation) and lie outside the ``skip`` spans."""
    spans = list(skip)
    return [t for t in tokens(text) if t.text[0].isalnum() or t.text[0] == "_"
            if not any(a <= t.start and t.end <= b for a, b in spans)]


def nltk_text(article: Any, *, skip_boilerplate: bool = True) -> Any:
    """An :class:`nltk.Text` of one article (an Article, a Document or a str), for nltk's own
    tools: ``.concordance("regime")``, ``.count("sanctions")``, ``.dispersion_plot([...])``.

    Its tokens are :func:`tokens` with accents folded (so ``concordance("Guaido")`` also shows
    "Guaidó") and boilerplate lines left out; hyphens stay, as nltk prints them. nltk rebuilds
    each line from tokens, so it prints "Guaido ' s"; :func:`medialit.framing.concordance`
    gives the same look-up with the article's own characters and offsets.

    >>> t = nltk_text("The regime fell. Critics of the regime spoke.")
    >>> t.count("regime"), t.name
    (2, 'text')
    """
    text = getattr(article, "text", article)
    if not isinstance(text, str):
        raise TypeError(f"nltk_text() needs an article or a str, not {type(article).__name__}")
    skip: list[tuple[int, int]] = []
    if skip_boilerplate:
        from medialit.corpus.clean import find_boilerplate
        skip = [(b.start, b.end) for b in find_boilerplate(text)]
    kept = [fold_accents(t.text) for t in tokens(text) if not any(a <= t.start and t.end <= b for a, b in skip)]
    return load_nltk().Text(kept, name=str(getattr(article, "id", "text")))
