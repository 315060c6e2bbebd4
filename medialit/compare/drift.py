"""Quote drift and attribution drift between two versions of a story.

*Quote drift*: a quotation found in both articles whose wording changed: a word dropped
(with or without an ellipsis), replaced, added or moved; or words that one article gives
as paraphrase and the other puts in quotation marks (and the reverse).

*Attribution drift*: the same quotation credited to a different speaker ("the official
said" vs "One of the officials accepting US offer said"), or a reporting verb that changed
("claimed" -> "said", "speculated" -> "predicted") in an aligned sentence.

Quotations, their speakers and verbs come from :func:`medialit.quotes.finder.find_quotes`;
reporting verbs and what each signals from ``medialit/rules/reporting_verbs.toml``.

Example:
    >>> qs, _ = quote_drift('He said: "We will not leave the former capital."',
    ...                     'He said: "We will not leave the capital."')
    >>> qs[0].changes[0].explanation
    "'former' was dropped inside the quotation, with no ellipsis"
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from medialit.compare.alignment import (PAIR_THRESHOLD, matching_blocks, sequence_opcodes, sequence_ratio,
                                         AlignedPair, PreparedSentence, normalize_word, prepare, text_of)
from medialit.corpus.document import Document
from medialit.records import Record, as_json, rounded
from medialit.text.split import Span, words

# Phrases that attribute a statement to a source (for "source dropped/added" in aligned
# sentences): the openings wire style guides list for attribution, plus anonymity markers.
SOURCE_CUES = ("according to", "citing", "cited", "told reporters", "sources", "officials said",
               "official said", "said to be", "reported", "anonymous", "anonymity", "familiar with")
REWORDED_MIN = 0.3        # similarity of a quote and its reworded counterpart (same speaker, same place)
REWORDED_BELOW = 0.75     # a matched quotation scoring below this is "reworded", not just edited
HEAVY_REWORDED_MIN = 0.15  # in two versions of one story, a heavier rewording (below REWORDED_MIN) ...
HEAVY_KEPT_WORDS = 3       # ... still pairs when it keeps this many content words, one a figure or name ...
HEAVY_KEPT_PLAIN = 4       # ... (or this many without one), in the very same place
IMPLICIT_GAP = 800        # characters back to the last named speaker for a quotation with none
# A person named in the narrative (not as a quotation's speaker): a title and a name, or a
# name of two or three capitalised words followed by an appositive or a reporting verb.
_TITLES = ("Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Sir|Dame|Lord|Lady|Rev|Revd|Father|Sister|Councillor|Cllr|Judge|"
           "Justice|Mayor|Senator|Governor|President|Minister|Inspector|Sergeant|Sgt|Captain|Detective|Coach")
_NAME = r"[A-Z][a-zà-ÿ'’-]+(?:[ \t]+[A-Z][a-zà-ÿ'’-]+){1,2}"
_PERSON = re.compile(rf"\b(?:(?:{_TITLES})\.?[ \t]+{_NAME}|{_NAME}(?=,[ \t]+(?:a|an|the|who|whose)\b|[ \t]+"
                     rf"(?:said|says|told|added|wrote|explained|insisted|warned)\b))")
# Attribution next to a quotation (the conventions of news writing): after it, '"...," the
# chief engineer, Tomas Varga, told reporters' / '"...," she said' / '"...," said the club';
# before it, 'Before parliament she said: "..."'. The word after "told" is the listener.
_VERBS = (r"(?:said|says|told|tells|added|adds|asked|explained|warned|insisted|wrote|stated|declared|argued|"
          r"promised|replied)")
_AFTER = re.compile(rf"\A[ \t]*,?[ \t]*(?P<who>[^.!?;:\"“”\n]{{1,80}}?)[ \t]+{_VERBS}\b")
_AFTER_INVERTED = re.compile(rf"\A[ \t]*,?[ \t]*{_VERBS}[ \t]+(?P<who>[^.!?;:,\"“”\n]{{1,60}})")
_BEFORE = re.compile(rf"(?P<who>[^.!?;:\"“”\n]{{1,80}}?)[ \t]+{_VERBS}\b[^.!?;:\"“”\n]{{0,40}}:[ \t]*\Z")
_SPEECH_SENTENCE = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<who>[^.!?\n]{{1,80}}?)[ \t]+{_VERBS}\b")
_PRONOUNS = {"he", "she", "they"}
_NAME_RUN = re.compile(r"\b[A-Z][a-zà-ÿ'’-]+(?:[ \t]+[A-Z][a-zà-ÿ'’-]+)+")
_NOT_NAMES = {"the", "a", "an", "in", "on", "at", "but", "and", "for", "after", "before", "late", "early", "when",
              "while", "according", "outside", "inside", "across", "with", "by", "from", "of", "to", "as", "if"}
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…|\[\s*\.\.\.\s*\]")


def _verbs() -> dict:
    """Reporting verbs (form -> Verb with stance and note) from ``rules/reporting_verbs.toml``."""
    from medialit.attribution.lexicon import load_rules
    return load_rules().verbs


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: ``start``/``end`` cover the marks; ``inner`` is the quoted words.
    ``implicit`` when no speaker is named next to it and ``speaker`` is the last named one."""

    start: int
    end: int
    inner: Span
    speaker: str | None
    verb: str | None
    implicit: bool = False


@dataclass(frozen=True, slots=True)
class QuoteEdit(Record):
    """One change inside a quotation, with a sentence that explains it."""

    op: str
    a: str
    b: str
    explanation: str


@dataclass(frozen=True, slots=True)
class QuoteChange(Record):
    """A quotation in both articles whose wording changed (``kind="wording"``; ``"reworded"``
    when most of its words changed: a quote and a reworded passage with the same speaker
    in the same place), or words quoted in one and paraphrased in the other
    (``paraphrase_to_quote``/``quote_to_paraphrase``). ``similarity`` scores the two
    wordings (1.0 = the same words); ``speaker`` is the speaker both credit, if known."""

    kind: str
    a: str
    b: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    changes: tuple[QuoteEdit, ...]
    explanation: str
    similarity: float = field(default=1.0, metadata=as_json(convert=rounded(3)))
    speaker: str | None = None

    json_keys = ("a", "b", "changes", "kind", "explanation", "a_start", "a_end", "b_start", "b_end",
                 "similarity", "speaker")


@dataclass(frozen=True, slots=True)
class AttributionChange(Record):
    """A changed attribution: ``kind`` is ``speaker``, ``verb``, ``source_dropped`` or ``source_added``."""

    kind: str
    a: str
    b: str
    context_a: str
    context_b: str
    explanation: str


# --- finding quotations ----------------------------------------------------------------

def _names_in(text: str, offset: int = 0) -> list[tuple[int, str]]:
    """People-like names in ``text``: runs of two or more capitalised words, leading sentence
    openers ("The", "After") left out; ``(offset of the end, name)``."""
    out = []
    for m in _NAME_RUN.finditer(text):
        run = m.group().split()
        while run and run[0].lower() in _NOT_NAMES:
            run.pop(0)
        if len(run) >= 2 and not run[-1].endswith(("'s", "’s")):
            out.append((offset + m.end(), " ".join(run)))
    return out


def _antecedent(text: str, at: int) -> str | None:
    """The person "he" or "she" at ``at`` most likely refers to: the last name earlier in
    its own sentence, else the first name of the nearest sentence before that has one
    (the subject, not a name mentioned in passing later in that sentence), within
    ``IMPLICIT_GAP`` characters."""
    lo = max(0, at - IMPLICIT_GAP)
    parts = re.split(r"(?<=[.!?])\s+|\n+", text[lo:at])
    own = _names_in(parts[-1]) if parts else []
    if own:
        return own[-1][1]
    for part in reversed(parts[:-1]):
        names = _names_in(part)
        if names:
            return names[0][1]
    return None


def _who(who: str, text: str, at: int) -> str | None:
    """The speaker a phrase next to a quotation names: a name in it, or for "he"/"she"/"they"
    the last person named before ``at`` (within ``IMPLICIT_GAP``)."""
    who = who.strip(" \t,")
    last = who.split()[-1].lower() if who.split() else ""
    if last in _PRONOUNS:
        return _antecedent(text, at)
    names = _names_in(who)
    if names:
        return names[-1][1]
    words_ = who.split()
    return " ".join(words_[-4:]) if words_ and len(words_) <= 8 else None


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """True when the quotation ends its sentence: a full stop inside the closing mark."""
    return text[start:end].rstrip("\"”’' \t")[-1:] == "."


def _attached_speaker(text: str, start: int, end: int) -> str | None:
    """The speaker named right next to a quotation (after it, or before it with a colon)."""
    after = text[end:end + 140]
    closing = text[start:end].rstrip("\"”’' \t")[-1:]
    first = after.lstrip(" \t")[:1]
    # a quotation ending its sentence ('"... in May." The union said ...') is not attributed
    # by the next sentence; after "!" or "?" only a lower-case "she said" goes on
    attachable = first not in (".", "") and closing != "."
    m = (_AFTER.match(after) or _AFTER_INVERTED.match(after)) if attachable else None
    if m and closing in ("!", "?") and first.isupper() and "who" in m.groupdict():
        who = m.group("who").split()  # '"...?" Moe asked' goes on; '"...?" The union said ...' does not
        if not (len(who) <= 3 and all(w[:1].isupper() for w in who)):
            m = None
    if m:
        return _who(m.group("who"), text, start)
    m = _BEFORE.search(text, max(0, start - 140), start)
    if m:
        return _who(m.group("who"), text, m.start("who"))
    return None


def _narrative_speaker(text: str, since: int, start: int) -> str | None:
    """For a quotation with no speaker next to it: the subject of the last sentence with a
    reporting verb since the previous quotation ("She said that ... her predecessor Anders
    Lund ..." then a quoted paragraph: "she", the person named before her sentence, not the
    name mentioned in passing)."""
    found = list(_SPEECH_SENTENCE.finditer(text, since, start))
    if not found:
        return None
    m = found[-1]
    return _who(m.group("who"), text, m.start("who"))


def find_quote_spans(text: str | Document) -> list[QuoteSpan]:
    """Quotations in ``text`` (from :func:`medialit.quotes.finder.find_quotes`) with the quoted
    words as a span, their speaker and reporting verb (a Document's quotations are reused)."""
    from medialit.quotes.finder import find_quotes

    found = find_quotes(text)
    text = text_of(text)
    out = []
    last: tuple[str, int] | None = None  # the last named speaker and where their quotation ended
    pos = 0
    for q in found:
        i = text.find(q.content, q.start, q.end) if q.content else -1
        inner = Span(i, i + len(q.content), q.content) if i >= 0 else Span(q.start, q.end, text[q.start:q.end])
        speaker, implicit = q.speaker, False
        span = getattr(q, "speaker_span", None)
        if speaker and span and span[0] >= q.end and _ends_sentence(text, q.start, q.end):
            speaker = None  # named in the next sentence, not attributed by it
        attached = _attached_speaker(text, q.start, q.end) if q.kind == "speech" else None
        if attached and not _same_speaker(attached, speaker):
            speaker = attached  # the name next to the quotation, not a listener or a name far away
        elif speaker is None and q.kind == "speech" and \
                (told := _narrative_speaker(text, max(pos, q.start - IMPLICIT_GAP), q.start)):
            speaker, implicit = told, True
        if speaker is None and q.kind == "speech":
            # the last person named before it: in an earlier quotation's attribution, or in the
            # narrative since the last quotation ("The strongest opposition came from Dr X. ...")
            named = [m for m in _PERSON.finditer(text, max(pos, q.start - IMPLICIT_GAP), q.start)]
            if named and (last is None or named[-1].end() > last[1]):
                speaker, implicit = named[-1].group(), True
            elif last and q.start - last[1] <= IMPLICIT_GAP:
                speaker, implicit = last[0], True  # a quotation that goes on from the last named speaker
        elif speaker:
            last = (speaker, q.end)
        pos = max(pos, q.end)
        out.append(QuoteSpan(q.start, q.end, inner, speaker, q.verb, implicit))
    return out


# --- quote drift -----------------------------------------------------------------------

def _tokens(text: str, span: Span) -> list[Span]:
    return [Span(span.start + w.start, span.start + w.end, w.text) for w in words(span.text)]


def quote_drift(a: str | Document, b: str | Document, sa: list[PreparedSentence] | None = None,
                sb: list[PreparedSentence] | None = None, *,
                same_story: bool = False) -> tuple[list[QuoteChange], list[AttributionChange]]:
    """Quotations in both articles whose wording or attribution changed.

    Returns ``(quote_changes, attribution_changes)``; ``sa``/``sb`` are prepared sentences
    (from :func:`medialit.compare.alignment.prepare`), computed if not given. ``a`` and
    ``b`` may be Documents (their quotations and sentences are reused). ``same_story``
    (the two are versions of one story, as :func:`medialit.compare.compare` decides) lets a
    heavily reworded quotation (similarity below ``REWORDED_MIN``) pair with its
    counterpart when both keep the same facts (see :func:`_heavy_rewording`).
    """
    qa, qb = find_quote_spans(a), find_quote_spans(b)
    if sa is None:
        sa = prepare(a)
    if sb is None:
        sb = prepare(b)
    a, b = text_of(a), text_of(b)
    ta = [_tokens(a, q.inner) for q in qa]
    tb = [_tokens(b, q.inner) for q in qb]
    na = [[normalize_word(w.text) for w in t] for t in ta]
    nb = [[normalize_word(w.text) for w in t] for t in tb]
    candidates = []
    for i, x in enumerate(na):
        for j, y in enumerate(nb):
            if min(len(x), len(y)) < 3:
                continue
            matched = sum(size for _, _, size in matching_blocks(x, y))
            score = matched / min(len(x), len(y))
            if score >= 0.6 and matched >= 3:
                candidates.append((score, i, j))
    pairs: dict[int, int] = {}
    for score, i, j in sorted(candidates, reverse=True):
        if i not in pairs and j not in pairs.values():
            pairs[i] = j
    for score, i, j in sorted(_reworded_candidates(qa, qb, ta, tb, na, nb, pairs, sa, sb), reverse=True):
        if i not in pairs and j not in pairs.values():
            pairs[i] = j
    kept: dict[int, list[str]] = {}
    unnamed: dict[int, list[str]] = {}  # paired though one side names no speaker (or only guesses one)
    if same_story:
        for score, i, j, words_kept in sorted(_heavy_rewording(qa, qb, ta, tb, na, nb, pairs, sa, sb), reverse=True):
            if i not in pairs and j not in pairs.values():
                pairs[i] = j
                kept[i] = words_kept
        for score, i, j, words_kept in sorted(_speakerless_rewording(qa, qb, ta, tb, na, nb, pairs, sa, sb),
                                              reverse=True):
            if i not in pairs and j not in pairs.values():
                pairs[i] = j
                unnamed[i] = words_kept
    changes: list[QuoteChange] = []
    attributions: list[AttributionChange] = []
    for i, j in sorted(pairs.items()):
        edits = _quote_edits(b, qb[j], ta[i], tb[j])
        if edits:
            sim = wording_similarity(na[i], nb[j])
            speaker = qa[i].speaker if _same_speaker(qa[i].speaker, qb[j].speaker) else None
            implicit = ""
            if i in unnamed:
                named, other = (qa[i], "B") if qa[i].speaker and not qa[i].implicit else (qb[j], "A")
                speaker = named.speaker
                shown = ", ".join(f"'{w}'" for w in unnamed[i])
                changes.append(QuoteChange(
                    "reworded", qa[i].inner.text, qb[j].inner.text, qa[i].inner.start, qa[i].inner.end,
                    qb[j].inner.start, qb[j].inner.end, tuple(edits),
                    f"quote reworded, and its speaker dropped: {other} names no speaker next to it "
                    f"(the other side credits {speaker}); paired because both versions of the story have it in "
                    f"the same place (similarity {sim:.2f}) and keep the same content words ({shown}): "
                    + "; ".join(e.explanation for e in edits), sim, speaker))
                continue
            if qa[i].implicit or qb[j].implicit:
                who = qa[i].speaker or qb[j].speaker
                implicit = f" (its speaker is implicit: {who}, the last person named before it; a guess, check it)"
            if i in kept:
                shown = ", ".join(f"'{w}'" for w in kept[i])
                why = (f"quote reworded: the quotation by {speaker} in the same place is heavily reworded "
                       f"(similarity {sim:.2f}, below {REWORDED_MIN}); paired because both versions of the story "
                       f"quote the same speaker there and keep the same content words ({shown}){implicit}: "
                       + "; ".join(e.explanation for e in edits))
                kind = "reworded"
            elif sim < REWORDED_BELOW and not _only_cut(na[i], nb[j], edits):
                who = f" by {speaker}" if speaker else ""
                why = (f"quote reworded: the quotation{who} in the same place reads differently "
                       f"(similarity {sim:.2f}){implicit}: " + "; ".join(e.explanation for e in edits))
                kind = "reworded"
            else:
                why = f"the quotation's wording differs{implicit}: " + "; ".join(e.explanation for e in edits)
                kind = "wording"
            changes.append(QuoteChange(kind, qa[i].inner.text, qb[j].inner.text, qa[i].inner.start,
                                       qa[i].inner.end, qb[j].inner.start, qb[j].inner.end, tuple(edits),
                                       why, sim, speaker))
        if not (qa[i].implicit or qb[j].implicit):
            attributions.extend(_speaker_drift(qa[i], qb[j]))
    for j, q in enumerate(qb):
        if j not in pairs.values():
            hit = _paraphrased(nb[j], sa, qa)
            if hit:
                changes.append(_paraphrase_change("paraphrase_to_quote", a, hit, b, q, tb[j]))
            else:
                changes.extend(_reworded_passage("B", q, nb[j], tb[j], qb, sb, sa, qa, a))
    for i, q in enumerate(qa):
        if i not in pairs:
            hit = _paraphrased(na[i], sb, qb)
            if hit:
                changes.append(_paraphrase_change("quote_to_paraphrase", b, hit, a, q, ta[i]))
            else:
                changes.extend(_reworded_passage("A", q, na[i], ta[i], qa, sa, sb, qb, b))
    return changes, attributions


def _reworded_passage(side: str, q: QuoteSpan, qn: list[str], qw: list[Span], own_quotes, own_sents, other_sents,
                      other_quotes, other_text: str) -> list[QuoteChange]:
    """A quotation on one side and, in the same place on the other, a sentence outside
    quotation marks that names the same speaker and rewords it (similarity >=
    ``REWORDED_MIN``, the same facts kept: :func:`kept_words`): "quote reworded" into a
    paraphrase."""
    if not q.speaker or len(qn) < 5:
        return []
    last = _norm_speaker(q.speaker).split()[-1:]
    if not last or len(last[0]) < 3:
        return []
    here = next((k for k, s in enumerate(own_sents) if s.span.start <= q.start < s.span.end), None)
    if here is None:
        return []
    rel = here / max(1, len(own_sents))
    best = None
    for k, s in enumerate(other_sents):
        if abs(k / max(1, len(other_sents)) - rel) > 2 / max(1, min(len(own_sents), len(other_sents))):
            continue
        if last[0] not in s.norm:
            continue
        outside = [(w, n) for w, n in zip(s.spans, s.norm) if not any(o.start <= w.start < o.end for o in other_quotes)]
        if len(outside) < 5:
            continue
        score = wording_similarity(qn, [n for _, n in outside])
        if score >= REWORDED_MIN and (best is None or score > best[0]) \
                and kept_words(qw, qn, [w for w, _ in outside], [n for _, n in outside]):
            best = (score, s, outside)
    if best is None:
        return []
    score, s, outside = best
    pw = [w for w, _ in outside]
    ops = sequence_opcodes([normalize_word(w.text) for w in qw], [n for _, n in outside])
    edits = tuple(QuoteEdit(op, " ".join(w.text for w in qw[i1:i2]), " ".join(w.text for w in pw[j1:j2]),
                            "wording differs between the quotation and the reworded passage")
                  for op, i1, i2, j1, j2 in ops if op != "equal")
    other = "B" if side == "A" else "A"
    why = (f"quote reworded: {side} quotes {q.speaker} directly; {other} gives a reworded passage in the same "
           f"place, naming the same speaker, without quotation marks (similarity {score:.2f})")
    if side == "A":
        return [QuoteChange("reworded", q.inner.text, s.span.text, q.inner.start, q.inner.end, s.span.start,
                            s.span.end, edits, why, score, q.speaker)]
    flipped = tuple(QuoteEdit(e.op, e.b, e.a, e.explanation) for e in edits)
    return [QuoteChange("reworded", s.span.text, q.inner.text, s.span.start, s.span.end, q.inner.start,
                        q.inner.end, flipped, why, score, q.speaker)]


def wording_similarity(x: list[str], y: list[str]) -> float:
    """How alike two wordings are, in [0, 1]: the larger of word order (difflib's ratio) and
    the mean of word order and the Dice overlap of lightly stemmed content words.

    >>> round(wording_similarity("we will rebuild the school".split(), "we will rebuild the school".split()), 2)
    1.0
    """
    from medialit.compare.alignment import FUNCTION_WORDS, stem

    if not x or not y:
        return 0.0
    order = sequence_ratio(x, y)
    cx = {stem(w) for w in x if w not in FUNCTION_WORDS}
    cy = {stem(w) for w in y if w not in FUNCTION_WORDS}
    overlap = 2 * len(cx & cy) / (len(cx) + len(cy)) if cx or cy else 0.0
    return max(order, (order + overlap) / 2)


def _only_cut(x: list[str], y: list[str], edits) -> bool:
    """True when the shorter wording is the longer one with words left out (a clause
    dropped, an end trimmed): no word replaced, every word of the shorter found in order.
    That is an edited quotation, not a reworded one, however much was cut."""
    matched = sum(size for _, _, size in matching_blocks(x, y))
    return matched == min(len(x), len(y)) and not any(e.op == "replace" for e in edits)


def _same_speaker(x: str | None, y: str | None) -> bool:
    """The same speaker: equal once normalised, or one's last word ends the other ("Ruiz",
    "Mayor Elena Ruiz")."""
    if not x or not y:
        return False
    nx, ny = _norm_speaker(x), _norm_speaker(y)
    if nx == ny:
        return True
    lx, ly = nx.split(), ny.split()
    return bool(lx and ly) and (lx[-1] == ly[-1]) and lx[-1][:1].isalpha() and len(lx[-1]) > 2


def _reworded_candidates(qa, qb, ta, tb, na, nb, paired: dict[int, int], sa, sb) -> list[tuple[float, int, int]]:
    """Unpaired quotations of A and B with the same speaker in the same place (their
    sentences hold the same position among the article's sentences, give or take two, or
    they are that speaker's k-th quotation on both sides) whose wordings score at least
    ``REWORDED_MIN`` and keep the same content words (:func:`kept_words`): a different
    quotation of the same speaker in that place is not a rewording."""
    used_b = set(paired.values())

    def position(q, sents) -> float:
        for k, s in enumerate(sents):
            if s.span.start <= q.start < s.span.end:
                return k / max(1, len(sents))
        return -1.0

    def rank(qs, k) -> int:
        return sum(1 for m in range(k) if _same_speaker(qs[m].speaker, qs[k].speaker))

    out = []
    for i, x in enumerate(qa):
        if i in paired or len(na[i]) < 4:
            continue
        for j, y in enumerate(qb):
            if j in used_b or len(nb[j]) < 4 or not _same_speaker(x.speaker, y.speaker):
                continue
            near = abs(position(x, sa) - position(y, sb)) <= 2 / max(1, min(len(sa), len(sb)))
            if not near and rank(qa, i) != rank(qb, j):
                continue
            score = wording_similarity(na[i], nb[j])
            if score >= REWORDED_MIN and kept_words(ta[i], na[i], tb[j], nb[j]):
                out.append((score, i, j))
    return out


def _position(q: QuoteSpan, sents) -> int | None:
    return next((k for k, s in enumerate(sents) if s.span.start <= q.start < s.span.end), None)


def _heavy_rewording(qa, qb, ta, tb, na, nb, paired: dict[int, int], sa, sb) -> list[tuple[float, int, int, list]]:
    """Unpaired quotations of A and B, in two versions of one story, that a paraphrasing
    rewrite reworded so heavily that their similarity is below ``REWORDED_MIN`` (but at
    least ``HEAVY_REWORDED_MIN``): the same speaker, in the same place (their sentences at
    the same relative position, give or take one), and the same facts kept: at least
    ``HEAVY_KEPT_WORDS`` content words in common, one of them a figure or a name, or
    ``HEAVY_KEPT_PLAIN`` without one. Returns ``(score, i, j, kept words)``."""
    used_b = set(paired.values())
    span = 1 / max(1, min(len(sa), len(sb)))
    out = []
    for i, x in enumerate(qa):
        if i in paired or len(na[i]) < 5 or not x.speaker:
            continue
        pa = _position(x, sa)
        if pa is None:
            continue
        for j, y in enumerate(qb):
            if j in used_b or len(nb[j]) < 5 or not _same_speaker(x.speaker, y.speaker):
                continue
            pb = _position(y, sb)
            if pb is None or abs(pa / max(1, len(sa)) - pb / max(1, len(sb))) > span:
                continue
            score = wording_similarity(na[i], nb[j])
            if not HEAVY_REWORDED_MIN <= score < REWORDED_MIN:
                continue
            common = kept_words(ta[i], na[i], tb[j], nb[j])
            if common:
                out.append((score, i, j, common))
    return out


def _speakerless_rewording(qa, qb, ta, tb, na, nb, paired: dict[int, int], sa, sb):
    """Unpaired quotations of A and B, in two versions of one story, where one side names the
    speaker and the other names none (or only guesses one: an implicit speaker), in the same
    place (their sentences at the same relative position, give or take one), with a wording
    similarity of at least ``REWORDED_MIN`` and the same facts kept (:func:`kept_words`): a
    rewrite that reworded a quotation and dropped its attribution. Returns ``(score, i, j,
    kept words)``."""
    used_b = set(paired.values())
    span = 1 / max(1, min(len(sa), len(sb)))
    out = []
    for i, x in enumerate(qa):
        if i in paired or len(na[i]) < 5:
            continue
        pa = _position(x, sa)
        if pa is None:
            continue
        for j, y in enumerate(qb):
            if j in used_b or len(nb[j]) < 5:
                continue
            named_a, named_b = bool(x.speaker and not x.implicit), bool(y.speaker and not y.implicit)
            if named_a == named_b:
                continue  # both named: the other rules decide; neither: nothing to go on
            pb = _position(y, sb)
            if pb is None or abs(pa / max(1, len(sa)) - pb / max(1, len(sb))) > span:
                continue
            score = wording_similarity(na[i], nb[j])
            common = kept_words(ta[i], na[i], tb[j], nb[j]) if score >= REWORDED_MIN else []
            if common:
                out.append((score, i, j, common))
    return out


def _content(tokens: list[Span], norm: list[str]) -> dict[str, tuple[str, bool]]:
    """Content words of a quotation by stem: (surface form, is it a figure or a name). A
    capital opening the quotation is not a name."""
    from medialit.compare.alignment import FUNCTION_WORDS, stem

    out: dict[str, tuple[str, bool]] = {}
    for k, (w, n) in enumerate(zip(tokens, norm)):
        if n not in FUNCTION_WORDS and len(n) > 1:
            fact = any(c.isdigit() for c in n) or (k > 0 and w.text[:1].isupper())
            out.setdefault(stem(n), (w.text, fact))
    return out


def kept_words(ta: list[Span], na: list[str], tb: list[Span], nb: list[str]) -> list[str]:
    """The content words two wordings of one quotation keep in common, when they are enough
    to say it is the same quotation reworded: at least ``HEAVY_KEPT_WORDS``, one of them a
    figure or a name, or ``HEAVY_KEPT_PLAIN``; else ``[]``.

    >>> from medialit.text.split import words
    >>> w = lambda s: list(words(s))
    >>> a, b = w("We close the main runway for 45 days"), w("The main strip stays shut for 45 days")
    >>> kept_words(a, [x.text.lower() for x in a], b, [x.text.lower() for x in b])
    ['main', '45', 'days']
    """
    ca, cb = _content(ta, na), _content(tb, nb)
    common = [k for k in ca if k in cb]
    facts = sum(1 for k in common if ca[k][1] or cb[k][1])
    if (len(common) >= HEAVY_KEPT_WORDS and facts) or len(common) >= HEAVY_KEPT_PLAIN:
        return [ca[k][0] for k in common]
    return []


def _quote_edits(b_text: str, qb: QuoteSpan, aw: list[Span], bw: list[Span]) -> list[QuoteEdit]:
    x = [normalize_word(w.text) for w in aw]
    y = [normalize_word(w.text) for w in bw]
    ops = [op for op in sequence_opcodes(x, y) if op[0] != "equal"]
    # a run deleted in one place and inserted in another is a move
    deleted = {tuple(sorted(x[i1:i2])): k for k, (op, i1, i2, _, _) in enumerate(ops) if op == "delete"}
    moved = {}
    for k, (op, _, _, j1, j2) in enumerate(ops):
        if op == "insert" and tuple(sorted(y[j1:j2])) in deleted:
            moved[deleted.pop(tuple(sorted(y[j1:j2])))] = k
    skip = set(moved.values())
    edits = []
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if k in skip:
            continue
        at = " ".join(w.text for w in aw[i1:i2])
        bt = " ".join(w.text for w in bw[j1:j2])
        if k in moved:
            edits.append(QuoteEdit("move", at, at, f"'{at}' was moved to another place inside the quotation"))
        elif op == "delete":
            edits.append(QuoteEdit("delete", at, "", _deletion_explanation(b_text, qb, at, bw, j1, i1 == 0,
                                                                           i2 == len(aw))))
        elif op == "insert":
            bracket = b_text[max(qb.inner.start, bw[j1].start - 1):bw[j2 - 1].end + 1]
            how = " in square brackets (an editor's marked insertion)" if bracket.startswith("[") else ""
            edits.append(QuoteEdit("insert", "", bt, f"'{bt}' was added inside the quotation{how}"))
        elif _same_word(at, bt):
            edits.append(QuoteEdit("replace", at, bt, f"'{at}' is spelled '{bt}' inside the quotation"))
        else:
            edits.append(QuoteEdit("replace", at, bt, f"'{at}' became '{bt}' inside the quotation"))
    return edits


def _deletion_explanation(b_text: str, qb: QuoteSpan, at: str, bw: list[Span], j: int,
                          at_start: bool, at_end: bool) -> str:
    if at_start:
        return f"the quotation starts later: '{at}' at its beginning was left out"
    if at_end:
        return f"the quotation stops earlier: '{at}' at its end was left out"
    gap_start = bw[j - 1].end if j > 0 else qb.inner.start
    gap_end = bw[j].start if j < len(bw) else qb.inner.end
    if _ELLIPSIS.search(b_text[gap_start:gap_end]):
        return f"'{at}' was cut from inside the quotation, marked with an ellipsis"
    return f"'{at}' was dropped inside the quotation, with no ellipsis"


def _same_word(x: str, y: str) -> bool:
    """Spelling variants ("recognise"/"recognize", "Venezuela's"/"Venezuela’s")."""
    x, y = normalize_word(x), normalize_word(y)
    return " " not in x and " " not in y and SequenceMatcher(None, x, y).ratio() >= 0.8


def _paraphrased(quote: list[str], sents: list[PreparedSentence], quotes: list[QuoteSpan]):
    """The sentence (outside quotation marks) that contains most of ``quote``'s words in
    order, if it holds at least 60% of them; returns ``(sentence, first, last)`` word indexes."""
    if len(quote) < 5:
        return None
    best = None
    for s in sents:
        inside = [any(q.start <= w.start < q.end for q in quotes) for w in s.spans]
        blocks = [(mb, size) for _, mb, size in matching_blocks(quote, s.norm)
                  if size >= 2 and not any(inside[mb:mb + size])]
        covered = sum(size for _, size in blocks)
        if blocks and covered / len(quote) >= 0.6 and (best is None or covered > best[0]):
            best = (covered, s, blocks[0][0], blocks[-1][0] + blocks[-1][1])
    return best[1:] if best else None


def _paraphrase_change(kind: str, para_text: str, hit, quote_text: str, q: QuoteSpan,
                       qw: list[Span]) -> QuoteChange:
    s, first, last = hit
    pw = s.spans[first:last]
    stretch = para_text[pw[0].start:pw[-1].end]
    opcodes = sequence_opcodes([normalize_word(w.text) for w in pw], [normalize_word(w.text) for w in qw])
    edits = tuple(QuoteEdit(op, " ".join(w.text for w in pw[i1:i2]), " ".join(w.text for w in qw[j1:j2]),
                            "wording differs between the paraphrase and the quotation")
                  for op, i1, i2, j1, j2 in opcodes if op != "equal")
    if kind == "paraphrase_to_quote":
        why = ("B puts these words in quotation marks, but A gives them as paraphrase, without "
               "quotation marks: a paraphrase may have been turned into a direct quote")
        return QuoteChange(kind, stretch, q.inner.text, pw[0].start, pw[-1].end, q.inner.start, q.inner.end,
                           tuple(QuoteEdit(e.op, e.a, e.b, e.explanation) for e in edits), why)
    why = ("A quotes these words directly, but B gives them as paraphrase, without quotation marks")
    return QuoteChange(kind, q.inner.text, stretch, q.inner.start, q.inner.end, pw[0].start, pw[-1].end,
                       tuple(QuoteEdit(e.op, e.b, e.a, e.explanation) for e in edits), why)


# --- attribution drift ---------------------------------------------------------------------

def _norm_speaker(s: str) -> str:
    s = " ".join(normalize_word(w.text) for w in words(s))
    return s.removeprefix("the ").removeprefix("a ")


def _speaker_drift(qa: QuoteSpan, qb: QuoteSpan) -> list[AttributionChange]:
    out = []
    ctx_a, ctx_b = _short(qa.inner.text), _short(qb.inner.text)
    sa, sb = qa.speaker, qb.speaker
    if sa and sb and _norm_speaker(sa) != _norm_speaker(sb):
        out.append(AttributionChange("speaker", sa, sb, ctx_a, ctx_b,
                                     f"the same quotation is credited to '{sa}' in A but to '{sb}' in B"))
    elif sa and not sb:
        out.append(AttributionChange("speaker", sa, "", ctx_a, ctx_b,
                                     f"A credits the quotation to '{sa}'; B names no speaker next to it"))
    elif sb and not sa:
        out.append(AttributionChange("speaker", "", sb, ctx_a, ctx_b,
                                     f"B credits the quotation to '{sb}'; A names no speaker next to it"))
    if qa.verb and qb.verb and normalize_word(qa.verb) != normalize_word(qb.verb):
        out.append(_verb_change(qa.verb, qb.verb, ctx_a, ctx_b))
    return out


def _verb_change(va: str, vb: str, ctx_a: str, ctx_b: str) -> AttributionChange:
    verbs = _verbs()
    ka, kb = verbs.get(normalize_word(va)), verbs.get(normalize_word(vb))
    note = ""
    if ka and kb and ka.stance != kb.stance:
        note = f" ('{va}' is {ka.note}; '{vb}' is {kb.note})"
    return AttributionChange("verb", va, vb, ctx_a, ctx_b, f"the reporting verb changed from '{va}' to '{vb}'{note}")


def _short(text: str, n: int = 80) -> str:
    return text if len(text) <= n else text[: n - 3].rstrip() + "..."


def attribution_drift(pairs: list[AlignedPair]) -> list[AttributionChange]:
    """Reporting verbs swapped, and sources dropped or added, inside aligned sentence pairs."""
    out = []
    for p in pairs:
        if p.a is None or p.b is None or p.kind == "partial" or p.similarity < PAIR_THRESHOLD:
            continue
        ctx_a, ctx_b = _short(p.a.text), _short(p.b.text)
        verbs = _verbs()
        for c in p.changes:
            va = [w for w in c.a.split() if normalize_word(w.strip(",.;:")) in verbs]
            vb = [w for w in c.b.split() if normalize_word(w.strip(",.;:")) in verbs]
            if c.op == "replace" and len(va) == 1 and len(vb) == 1 and len(c.a.split()) <= 3 >= len(c.b.split()):
                out.append(_verb_change(va[0].strip(",.;:"), vb[0].strip(",.;:"), ctx_a, ctx_b))
                continue
            lost = _cue(c.a) if c.op in ("delete", "replace") and not _cue(c.b) else None
            gained = _cue(c.b) if c.op in ("insert", "replace") and not _cue(c.a) else None
            if lost and len(c.a.split()) <= 12:
                out.append(AttributionChange("source_dropped", c.a, c.b, ctx_a, ctx_b,
                                             f"A attributes this ('{c.a}'); B drops that attribution"))
            if gained and len(c.b.split()) <= 12:
                out.append(AttributionChange("source_added", c.a, c.b, ctx_a, ctx_b,
                                             f"B adds an attribution ('{c.b}') that A does not have"))
    return out


def _cue(text: str) -> str | None:
    low = " " + " ".join(normalize_word(w.text) for w in words(text)) + " "
    for cue in SOURCE_CUES:
        if f" {cue} " in low:
            return cue
    return None

