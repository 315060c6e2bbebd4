"""One article's text, read once: a :class:`Document` (spaCy's ``Doc`` is the model).

A Document holds the text and, worked out the first time they are asked for and kept, its
boilerplate lines (:func:`medialit.corpus.clean.find_boilerplate`), its sentences
(:func:`medialit.text.split.sentences` with the boilerplate lines left out) and its
paragraphs. Higher layers (quotations, sourcing, figures, framing, comparison) keep what
they find on it with :meth:`Document.layer`, so an analysis given a Document reuses what
another analysis already worked out instead of reading the text again.

>>> doc = Document("Officials said the talks failed.\\nShare this article\\nPrices rose 5%.")
>>> [s.text for s in doc.sentences]
['Officials said the talks failed.', 'Prices rose 5%.']
>>> [b.rule for b in doc.boilerplate]
['share_button']
>>> doc.layer("shout", lambda d: d.text.upper())[:9]
'OFFICIALS'
>>> doc.layers
('boilerplate', 'sentences', 'shout')

Offsets are into ``doc.text``: ``doc.text[s.start:s.end] == s.text`` for every span.
This module imports nothing from the layers above it: they bring their own ``compute``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Hashable, TypeVar

from medialit.corpus.clean import Boilerplate, RuleTable, find_boilerplate
from medialit.text.split import Span, sentences

__all__ = ["Document", "as_document", "paragraph_bounds"]

T = TypeVar("T")


class Document:
    """An article's text and everything worked out from it so far (each thing once).

    ``rules``: the boilerplate rules, a path or a loaded table (default: the packaged one). The text never
    changes, so nothing kept on a Document goes stale.

    >>> doc = Document("Rain fell.\\n\\nThe port closed, officials said.")
    >>> [(p.start, p.end) for p in doc.paragraphs]
    [(0, 10), (12, 44)]
    >>> doc.sentences is doc.sentences          # worked out once, then kept
    True
    """

    __slots__ = ("_text", "_rules", "_layers")

    def __init__(self, text: str, *, rules: RuleTable | str | Path | None = None) -> None:
        if not isinstance(text, str):
            raise TypeError(f"Document() needs a str, not {type(text).__name__}")
        self._text = text
        self._rules = rules
        self._layers: dict[Hashable, object] = {}

    @property
    def text(self) -> str:
        """The text itself; every offset on the Document counts into it."""
        return self._text

    def __len__(self) -> int:
        return len(self._text)

    def __repr__(self) -> str:
        head = self._text[:40].replace("\n", " ")
        return f"<Document of {len(self._text)} characters: {head!r}{'…' if len(self._text) > 40 else ''}>"

    # ---------------------------------------------------------------- the per-layer cache

    def layer(self, name: Hashable, compute: Callable[[Document], T]) -> T:
        """What ``compute(self)`` returns, computed on the first call for ``name`` and kept.

        Layers above the corpus keep their results here under their own names ("quotes",
        "sourcing", "figures", ...). Keep immutable values (tuples, frozen records): every
        caller gets the same object.

        >>> doc = Document("One. Two.")
        >>> calls = []
        >>> doc.layer("n", lambda d: calls.append(1) or len(d.sentences))
        2
        >>> doc.layer("n", lambda d: calls.append(1) or len(d.sentences)), len(calls)
        (2, 1)
        """
        try:
            return self._layers[name]  # type: ignore[return-value]
        except KeyError:
            value = self._layers[name] = compute(self)
            return value

    def has_layer(self, name: Hashable) -> bool:
        """Whether the layer ``name`` was already computed.

        >>> doc = Document("One. Two.")
        >>> doc.has_layer("sentences"), len(doc.sentences), doc.has_layer("sentences")
        (False, 2, True)
        """
        return name in self._layers

    def forget(self, *names: Hashable) -> None:
        """Let go of the layers ``names`` (those not computed are ignored); asked for again,
        a layer is worked out again. For a long text whose later passes no longer need
        what earlier ones kept (an index of the text, its masked copies).

        >>> doc = Document("One. Two.")
        >>> _ = doc.sentences; doc.forget("sentences", "nothing"); doc.has_layer("sentences")
        False
        """
        for name in names:
            self._layers.pop(name, None)

    @property
    def layers(self) -> tuple[Hashable, ...]:
        """The names of the layers computed so far, in the order they were computed."""
        return tuple(self._layers)

    # ---------------------------------------------------------------- the corpus layer

    @property
    def boilerplate(self) -> tuple[Boilerplate, ...]:
        """The boilerplate lines, in order (:func:`medialit.corpus.clean.find_boilerplate`)."""
        return self.layer("boilerplate", lambda d: tuple(find_boilerplate(d._text, rules=d._rules)))

    @property
    def sentences(self) -> tuple[Span, ...]:
        """The article's own sentences: ``sentences(text, skip=boilerplate)``."""
        return self.layer("sentences", lambda d: tuple(sentences(d._text, skip=d.boilerplate)))

    @property
    def segments(self) -> tuple[Span | Boilerplate, ...]:
        """The sentences and the boilerplate lines together, in text order: the stretch a
        figure or a word sits in ("© AFP 2022" sits in its caption line).

        >>> [s.text for s in Document("Rain fell.\\nShare this article").segments]
        ['Rain fell.', 'Share this article']
        """
        return self.layer("segments", lambda d: tuple(sorted([*d.sentences, *d.boilerplate], key=lambda s: s.start)))

    @property
    def paragraphs(self) -> tuple[Span, ...]:
        """The paragraphs (see :func:`paragraph_bounds`), indentation included."""
        return self.layer("paragraphs", lambda d: tuple(Span(a, b, d._text[a:b]) for a, b in paragraph_bounds(d._text)))

    def char_span(self, start: int, end: int) -> Span:
        """The :class:`~medialit.text.split.Span` ``text[start:end]``.

        >>> Document("Prices rose 5%.").char_span(7, 11)
        Span(start=7, end=11, text='rose')
        """
        if not 0 <= start <= end <= len(self._text):
            raise IndexError(f"char_span({start}, {end}) is outside a text of {len(self._text)} characters")
        return Span(start, end, self._text[start:end])


def as_document(text: str | Document) -> Document:
    """``text`` itself if it is a Document, else a new Document of it.

    >>> doc = as_document("Rain fell.")
    >>> as_document(doc) is doc
    True
    """
    if isinstance(text, Document):
        return text
    if not isinstance(text, str):
        raise TypeError(f"expected a str or a Document, got {type(text).__name__}")
    return Document(text)


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Paragraphs as ``(start, end)`` offsets: a blank line always ends one; a single line
    break ends one unless the next line starts in lower case (a hard-wrapped sentence).

    >>> paragraph_bounds("Rain fell\\nall day.\\nThe port closed.")
    [(0, 18), (19, 35)]
    """
    spans, start = [], 0
    pos = text.find("\n")
    while pos >= 0:
        nxt = text[pos + 1: pos + 2]
        if not (nxt and nxt.islower()):
            if start < pos:
                spans.append((start, pos))
            start = pos + 1
        pos = text.find("\n", pos + 1)
    if start < len(text):
        spans.append((start, len(text)))
    return spans
