"""Read one article whole, the way it was saved, before any tool looks at it.

:func:`show_article` shows an article's header facts (headline, outlet, date, byline,
address, and where it came from, as the catalog or the file's front matter records them),
then its text, paragraph by paragraph. Lines the kit takes for page furniture (comment
prompts, captions, banners) stay in place, greyed **and** marked ``[page furniture: ...]``
in words, so the marking never rests on colour alone. Sizes are in ``em``, so the view
follows JupyterLab's font settings, and the text is kept to a readable width.

``str(view)`` (or ``view.text``) is the same article as plain text, for a terminal, a
screen reader or a printout; ``view.html`` is the HTML.

>>> from medialit.corpus import Article
>>> from pathlib import Path
>>> art = Article(id="x", path=Path("x.txt"), outlet="The Example Post",
...               text="Rain Due Tomorrow\\n\\nForecasters expect rain by noon, the agency said.\\n\\nShare this article\\n")
>>> view = show_article(art)
>>> print(view.text.splitlines()[-1])
[page furniture: share or follow button] Share this article
>>> "unknown" in view.text          # no date recorded
True

:func:`show_lateral_reading` shows the kit's offline lateral-reading snapshot
(:mod:`medialit.corpus.lateral`): the same questions asked of every outlet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from medialit.corpus import Article, Corpus, load_article, load_corpus
from medialit.corpus.clean import label_lines
from medialit.corpus.lateral import Snapshot, load_snapshot
from medialit.views.html import FOCUSABLE, HTML, REASON_CSS, reason

__all__ = ["ArticleView", "show_article", "show_lateral_reading"]

UNKNOWN = "unknown"
HIDDEN = "(the catalog's facts about outlet, date and origin are hidden: finding them is the exercise)"

_STYLE = """<style>
.ml-read{max-width:42em;font-size:1em;line-height:1.5}
.ml-read table.ml-facts{border-collapse:collapse;margin:0 0 1em 0;font-size:0.95em;table-layout:auto;width:auto}
.ml-read table.ml-facts th,.ml-read table.ml-facts td{border:1px solid #bbb;padding:0.2em 0.5em;text-align:left;vertical-align:top;white-space:normal}
.ml-read table.ml-facts th{background:#f3f3f3;font-weight:bold}
.ml-read .ml-headline{font-size:1.35em;font-weight:bold;margin:0.4em 0}
.ml-read p{margin:0 0 0.8em 0}
.ml-read .ml-furniture{color:#595959;font-size:0.9em;border-left:0.25em dashed #999;padding-left:0.5em}
.ml-read .ml-marker{font-family:monospace;font-size:0.9em}
.ml-read .ml-meta{font-style:italic}
""" + REASON_CSS + """
</style>"""

# A line that ends a sentence (or a quotation, or a heading-like line with no final stop):
# a line break after it inside a block is a paragraph break, not a wrapped line.
_ENDS_PARAGRAPH = re.compile(r"""[.!?:;"”’')\]]\s*$""")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph or one line of the page: ``kind`` is "body", "headline", "byline",
    "dateline" or "boilerplate"; ``reason`` says why a line is not body text."""

    kind: str
    text: str
    reason: str = ""


def _short_reason(reason: str) -> str:
    """'comment prompt: a reader ...' -> 'comment prompt' (the label before the colon)."""
    return reason.split(":", 1)[0].strip() or "page furniture"


def blocks(text: str) -> list[Block]:
    """The text as paragraphs and labelled lines, in order, nothing dropped.

    Consecutive body lines with no blank line between them are one paragraph when the
    line break falls mid-sentence (a hard-wrapped file) and separate paragraphs when a
    line ends a sentence (a file with one paragraph a line)."""
    out: list[Block] = []
    previous_end = None
    for line in label_lines(text):
        if line.kind == "body":
            joined = (out and out[-1].kind == "body" and previous_end is not None
                      and "\n\n" not in text[previous_end:line.start]
                      and not _ENDS_PARAGRAPH.search(out[-1].text))
            if joined:
                out[-1] = Block("body", f"{out[-1].text} {line.text}")
            else:
                out.append(Block("body", line.text))
        else:
            out.append(Block(line.kind, line.text, line.reason))
        previous_end = line.end
    return out


PAGE_FACTS = ("headline", "address (URL)", "file")


def _facts(article: Article, catalog: bool = True) -> list[tuple[str, str]]:
    """(label, value) rows of the header, every field present, "unknown" where nothing is known;
    with ``catalog=False`` only what the page itself shows (headline, address, file)."""
    if not catalog:
        return [(k, v) for k, v in _facts(article) if k in PAGE_FACTS]
    meta = article.meta or {}
    published = article.published or UNKNOWN
    basis = meta.get("published_basis")
    if basis:
        published = f"{published} ({basis})"
    rows = [("headline", article.title or UNKNOWN),
            ("outlet", article.outlet or UNKNOWN),
            ("kind of outlet", article.outlet_kind or UNKNOWN),
            ("published", published)]
    if article.story_date and article.story_date != article.published:
        rows.append(("date of the story it retells", article.story_date))
    author = article.byline or meta.get("author") or meta.get("authors")
    if isinstance(author, (list, tuple)):
        author = ", ".join(str(a) for a in author)
    rows.append(("byline / author", str(author) if author else "none in the text"))
    rows.append(("address (URL)", article.url or UNKNOWN))
    if meta.get("genre"):
        rows.append(("what it is", str(meta["genre"])))
    chain = [u.describe() for u in article.upstream]
    rows.append(("where it came from", "; ".join(chain) if chain else UNKNOWN))
    rows.append(("file", article.path.name if article.path else UNKNOWN))
    return rows


class ArticleView(HTML):
    """An article to read: renders as HTML in Jupyter; ``str()`` and ``.text`` are plain text."""

    def __init__(self, article: Article, *, catalog: bool = True):
        self.article = article
        self.catalog = catalog
        self.facts = _facts(article, catalog)
        self.blocks = blocks(article.text)
        super().__init__(self._html())

    @property
    def text(self) -> str:
        head = [f"{label}: {value}" for label, value in self.facts]
        body = []
        for b in self.blocks:
            if b.kind == "boilerplate":
                body.append(f"[page furniture: {_short_reason(b.reason)}] {b.text}")
            elif b.kind in ("byline", "dateline"):
                body.append(f"[{b.kind}] {b.text}")
            else:
                body.append(b.text)
        hidden = [] if self.catalog else [HIDDEN]
        return "\n".join([f"Article {self.article.id}", *head, *hidden, "", "\n\n".join(body)])

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"<ArticleView of {self.article.id}: {len(self.blocks)} blocks>"

    def _html(self) -> str:
        rows = "".join(f"<tr><th scope='row'>{escape(k)}</th><td>{_cell(v)}</td></tr>" for k, v in self.facts)
        parts = []
        for b in self.blocks:
            t = escape(b.text)
            if b.kind == "boilerplate":
                parts.append(f'<p class="ml-furniture"><span class="ml-marker" {FOCUSABLE}>'
                             f'[page furniture: {escape(_short_reason(b.reason))}]{reason(b.reason)}</span> {t}</p>')
            elif b.kind == "headline":
                parts.append(f'<p class="ml-headline" role="heading" aria-level="3">{t}</p>')
            elif b.kind in ("byline", "dateline"):
                parts.append(f'<p class="ml-meta"><span class="ml-marker">[{b.kind}]</span> {t}</p>')
            else:
                parts.append(f"<p>{t}</p>")
        if not self.catalog:
            rows += f"<tr><td colspan='2'><i>{escape(HIDDEN)}</i></td></tr>"
        n_furniture = sum(b.kind == "boilerplate" for b in self.blocks)
        note = (f"<p><i>{n_furniture} line(s) marked [page furniture] were saved with the page but are not part of "
                "the story; they are kept, greyed, where they were.</i></p>") if n_furniture else ""
        return (_STYLE + f'<div class="ml-read" lang="en"><table class="ml-facts"><caption>Article {escape(self.article.id)}: '
                f"what the catalog and the file say about it</caption>{rows}</table>{note}{''.join(parts)}</div>")


def _cell(value: str) -> str:
    return "<i>unknown</i>" if value == UNKNOWN else escape(value)


def show_article(article: str | Path | Article, *, corpus: Corpus | None = None, catalog: bool = True) -> ArticleView:
    """One article, whole: ``article`` is an id of ``corpus`` (the seeds by default, e.g.
    ``"001"``), an :class:`~medialit.corpus.Article`, or the path of a ``.txt`` file or saved
    page (read with :func:`~medialit.corpus.load_article`, with its size limit).
    ``catalog=False`` hides what the catalog knows (outlet, dates, copy chain), for a lesson in
    which students find those facts themselves.

    An unknown id raises ``KeyError`` with one line listing the ids there are; a file that
    cannot be read raises :class:`~medialit.corpus.CorpusError` naming the file."""
    if isinstance(article, Article):
        return ArticleView(article, catalog=catalog)
    key = str(article)
    if corpus is None and (isinstance(article, Path) or Path(key).suffix):
        return ArticleView(load_article(key), catalog=catalog)
    corpus = corpus if corpus is not None else load_corpus()
    return ArticleView(corpus[key], catalog=catalog)


# ---------------------------------------------------------------- lateral reading (offline)

def show_lateral_reading(name: str | None = None, *, people: bool = False, person: str | None = None,
                         snapshot: Snapshot | None = None) -> HTML:
    """The teaching snapshot of what a search elsewhere finds about each outlet (or, with
    ``people=True``, each named person) of the seeds: one table, the same questions for every
    row; ``name`` keeps the rows whose name contains it. ``person`` adds, under the same
    banner, the people's table with the rows whose name contains it: one outlet and one
    person to investigate, e.g. ``show_lateral_reading("Al-Ahed", person="Bolton")``.

    >>> "teaching snapshot" in str(show_lateral_reading("Reuters")).lower()
    True
    >>> str(show_lateral_reading("Reuters", person="Bolton")).count("<th scope='row'>")
    2
    """
    snap = snapshot or load_snapshot()
    if people:
        tables = [_snapshot_table("person", snap.person_questions, snap.person(name) if name else list(snap.people), name)]
    else:
        tables = [_snapshot_table("outlet", snap.questions, snap.find(name) if name else list(snap.entries), name)]
        if person is not None:
            tables.append(_snapshot_table("person", snap.person_questions, snap.person(person), person))
    banner = (f"<p><b>[Teaching snapshot, not live search results]</b> {escape(snap.describes)} "
              f"Written by the kit's authors; check it against a live search if you can.</p>")
    return HTML(_STYLE + f'<div class="ml-read" style="max-width:none">{banner}{"".join(tables)}'
                f"<p><i>{escape(snap.note)}</i></p></div>")


def _snapshot_table(first: str, questions: tuple[str, ...], entries: list, name: str | None) -> str:
    head = "".join(f"<th scope='col'>{escape(q)}</th>" for q in (first, *questions))
    rows = []
    for e in entries:
        cells = "".join(f"<td>{escape(a)}</td>" for a in e.answers)
        rows.append(f"<tr><th scope='row'>{escape(e.outlet)}</th>{cells}</tr>")
    if not rows:
        rows.append(f"<tr><td colspan='{len(questions) + 1}'>No row matches {escape(name or '')!r}: "
                    "the snapshot covers only the seeds' outlets and named people.</td></tr>")
    return f'<table class="ml-facts"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
