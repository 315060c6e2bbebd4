"""Direct quotations and who said them.

``find_quotes(text)`` finds text between quotation marks (curly “…” and ‘…’, straight
"…", guillemets «…»; straight or curly single quotes only where they clearly open and
close a quotation, never an apostrophe), and resolves the speaker from the words around
it: "“…,” the official said", "Sabatini said, adding: “…”", "X tweeted, “…”",
"Regan added: “…”", a partial quote inside a reported clause ("Trump stated that ... was
“an option”"), a quote that continues the previous speaker's, "he added" (the pronoun is
resolved to the last speaker), and interview transcripts ("Jim Jatras: ...").

Offsets: ``start``/``end`` cover the quotation *including* its marks; ``content`` is the
quoted words without them (at ``content_start``/``content_end``). A quotation still open at the end of its paragraph is
reported with ``closed=False`` and ends at the paragraph's end.

``kind`` is "speech" (someone's words) or "phrase": a short quoted phrase (three words or
fewer) that no reporting verb introduces directly, such as scare quotes (recognising
"his authority") or a borrowed label (“security threats”). A phrase keeps the speaker of
its sentence's attribution when there is one, so a partial quote is not lost.

>>> q = find_quotes('“We are ready,” the minister said.')[0]
>>> q.speaker, q.verb, q.kind
('the minister', 'said', 'speech')
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from medialit.attribution.lexicon import CONTINUATIONS, MASK, PhraseIndex, RuleSource, Rules, load_rules
from medialit.attribution.phrases import Attribution
from medialit.attribution.references import identified_later, unnamed_antecedent
from medialit.attribution.sources import classify_source
from medialit.attribution.phrases import find_attributions as _find_attributions
from medialit.corpus.document import Document, paragraph_bounds
from medialit.records import Record
from medialit.quotes.marks import MARKS, mask_spans, paragraph_spans, scan_marks

_TRANSCRIPT = re.compile(r"^[ \t]*((?:[A-Z][\w.'’-]*)(?:[ \t]+[A-Z][\w.'’-]*){0,3}):[ \t]+(?=\S)", re.M)
NOT_SPEAKER_LABELS = {"note", "update", "photo", "read more", "editor's note", "editor’s note", "source", "sources",
                      "caption", "warning", "correction", "image", "video", "watch", "listen", "also read",
                      "related", "see also", "disclaimer", "credit", "file", "pictured", "tags", "topics", "q", "a"}
PHRASE_MAX_WORDS = 3


@dataclass(frozen=True, slots=True)
class Quote(Record):
    """A direct quotation. ``speaker_span`` is where the speaker is named in the text
    (for "he added", the earlier name the pronoun stands for; ``pronoun`` is "he").
    ``resolution`` says how the speaker was found: after, before, sentence, continuation,
    pronoun, transcript, or None."""

    start: int
    end: int
    text: str
    content: str
    speaker: str | None
    speaker_span: tuple[int, int] | None
    verb: str | None
    verb_note: str | None
    kind: str
    closed: bool
    depth: int
    resolution: str | None
    speaker_label: str | None = None
    pronoun: str | None = None
    content_start: int = -1
    content_end: int = -1


# A clause ends at a full stop (not after an initial, "Mr", "Gen", "vs") before a capital, or
# at a line break. The look-behinds come after the first stop (one character more), which
# keeps the scan fast: only stops are checked.
_CLAUSE_END = re.compile(r"[.!?](?<!\b[A-Z].)(?<!\b[A-Z][a-z].)(?<!\bMrs.|\bGen.|\bSen.|\bRep.|\bGov.)(?<!\bvs.)[.!?]*"
                         r"(?=\s+[A-Z\x00“\"‘])|\n")


_WORD = re.compile(r"\w+")
_TWO_SENTENCES = re.compile(r"\w[.!?]\W*\s+\W*[A-Z]")
_WS_RUN = re.compile(r"\s*")
_NEXT_SPACE = re.compile(r"\s+")
#: A clause longer than this (characters of the masked text) is read in windows of WINDOW
#: characters around each quotation; news sentences are far shorter, so this only changes
#: what is read on pasted text with no full stops, and keeps every quotation's look-up bounded.
LONG_CLAUSE = 2000
WINDOW = 600
_PLURAL_END = re.compile(r"[^s']s$", re.I)  # "officials", "sources" (not "the boss")
_CONTINUING = re.compile(r"(?:,\s*|\s+)(" + "|".join(CONTINUATIONS) + r")\s*[:,]?$")
_ENDS_FOR_A = re.compile(r"\b(?:for|as|of)\s+(?:a|an|the)?$")
_GAP = re.compile(r"[\s,]*")
_SENTENCE_GOES_ON = re.compile(r"[^.!?\x00]{0,80}[.!?]")
#: Characters no attribution's cue starts with: the one-character separators of the subject
#: scan (``medialit.attribution.phrases._SEGMENT_SPLIT``), the mask among them.
_NO_CUE_START = frozenset(";:()[]–—“”\"" + MASK)


class _Reader:
    """One text being read: its masked copy, the rule index, and what was already worked
    out (attributions of a stretch, clause ends of a paragraph), since the quotations of
    one sentence ask about the same stretches."""

    def __init__(self, text: str, masked: str, rules: Rules, index: PhraseIndex | None, paragraphs: list) -> None:
        self.text, self.masked, self.rules, self.index = text, masked, rules, index
        self.paragraphs, self.para_starts = paragraphs, [p0 for p0, _ in paragraphs]
        self._atts: dict = {}
        self._ends: dict = {}

    def attributions(self, start: int, end: int) -> list[Attribution]:
        key = (start, end)
        if key not in self._atts:
            self._atts[key] = _find_attributions(self.text, self.masked, start, end, self.rules, index=self.index)
        return self._atts[key]

    def _clause_ends(self, p0: int, p1: int) -> tuple[list, list, list]:
        """Matches of _CLAUSE_END in the paragraph: starts, ends, and how far each one
        looked (its lookahead reads the spaces and the capital after a full stop)."""
        key = (p0, p1)
        if key not in self._ends:
            starts, ends, reach = [], [], []
            for m in _CLAUSE_END.finditer(self.masked, p0, p1):
                starts.append(m.start())
                ends.append(m.end())
                reach.append(m.end() if m.group() == "\n" else _WS_RUN.match(self.masked, m.end()).end() + 1)
            self._ends[key] = (starts, ends, reach)
        return self._ends[key]

    def previous_source(self, pos: int, floor: int, singular: bool = False) -> Attribution | None:
        """The last attribution with a named or anonymous source in the clauses before
        ``pos`` and after ``floor`` (looking back at most 1,500 characters). ``singular``
        (for "he"/"she"): skip unnamed groups ("officials", "residents")."""
        floor = max(floor, pos - 1500)
        k = bisect.bisect_right(self.para_starts, pos) - 1
        while k >= 0 and self.paragraphs[k][1] > floor:
            p0, p1 = self.paragraphs[k]
            ends = self._clause_ends(p0, p1)[1]
            # only the clause ends between floor and pos (bisect: a paragraph may hold thousands)
            lo, hi = bisect.bisect_left(ends, floor), bisect.bisect_right(ends, pos)
            bounds = [p0 if lo == 0 else ends[lo - 1]] + ends[lo:hi] + [ends[hi] if hi < len(ends) else p1]
            for i in range(len(bounds) - 2, -1, -1):
                a, b = max(bounds[i], floor), min(bounds[i + 1], pos)
                if a < b:
                    found = [x for x in self.attributions(a, b) if x.label in ("named", "anonymous")
                             and not (singular and x.label == "anonymous" and _PLURAL_END.search(x.source))]
                    if found:
                        return found[-1]
                if bounds[i] <= floor:
                    return None
            k -= 1
        return None

    def block(self, c0: int, c1: int, s: int, e: int) -> tuple[int, int]:
        """A window of a long clause ``[c0, c1)`` around the quotation ``[s, e)``: the
        :data:`WINDOW`-sized blocks of the clause before, at and after the one ``s`` is in,
        so quotations in one block share one reading of it."""
        i = (s - c0) // WINDOW
        a = c0 + max(0, i - 1) * WINDOW
        b = min(c1, max(c0 + (i + 2) * WINDOW, e + WINDOW))
        return _word_start(self.masked, a, s), b

    def clause(self, p0: int, p1: int, pos: int) -> tuple[int, int]:
        """The sentence-like stretch of the masked text around ``pos`` (quotations masked,
        so their full stops never end it). The same as scanning ``[p0, pos)`` for the last
        clause end (one whose lookahead fits before ``pos``) and ``[pos, p1)`` for the
        next, from one scan of the paragraph."""
        starts, ends, reach = self._clause_ends(p0, p1)
        i = bisect.bisect_left(starts, pos)
        if i > 0 and ends[i - 1] > pos:  # a match across pos: cannot happen at a quotation's end; be safe
            m = _CLAUSE_END.search(self.masked, pos, p1)
            c1 = m.end() if m else p1
        else:
            c1 = ends[i] if i < len(starts) else p1
        c0 = p0
        j = i - 1
        while j >= 0:
            if reach[j] <= pos:
                c0 = ends[j]
                break
            j -= 1
        return c0, c1


def _speaker_quote(q: dict, r: _Reader, p0: int, p1: int) -> tuple | None:
    """(attribution, resolution) for one quotation, or None."""
    s, e = q["start"], q["end"]
    masked, rules = r.masked, r.rules
    # after: “...,” X said / “...,” said X
    c0, c1 = r.clause(p0, p1, max(s, e - 1))
    after_end = min(p1, max(c1, e + 1) + 1)
    c0_before, c0_sentence, c1_sentence = c0, c0, c1
    if c1 - c0 > LONG_CLAUSE:
        # A clause with no full stop for pages (a pasted page, a run of bare quotations): read
        # bounded windows around the quotation, so each quotation costs the same whatever the
        # length of the paragraph. An attribution right after the quotation starts within
        # a subject's length (250) of it, and a speaker before it ends just before it.
        after_end = min(after_end, _GAP.match(masked, e).end() + WINDOW)
        c0_before = _word_start(masked, max(c0, s - WINDOW), s)
        c0_sentence, c1_sentence = r.block(c0, c1, s, e)
    # An attribution accepted here starts right after the quotation (only spaces and commas
    # between). When another quotation (masked, or a phrase's opening mark) or a dash or
    # colon starts there, none can: a subject is read between such separators and never
    # starts with one, and names, pronouns and verbs start with a letter. So the look-up is
    # skipped, e.g. for the first of two quotations in a row.
    g = _GAP.match(masked, e).end()
    after = () if g < after_end and masked[g] in _NO_CUE_START else r.attributions(e, after_end)
    for a in after:
        if a.kind in ("verb", "inverted") and (a.cue_start < e or _GAP.fullmatch(masked, e, a.cue_start)):
            if q["content"].rstrip()[-1:] in ".!?" and not _SENTENCE_GOES_ON.match(masked[a.cue_end:min(p1, a.cue_end + 81)] + "."):
                continue
            return a, "after"
    # before: X said, “...” / X said: “...” / X said, adding: “...”
    c0 = c0_before
    head = masked[c0:s].rstrip()
    tail = (head[:-1] if head.endswith((":", ",")) else head).rstrip()  # quick tests before the regexes
    cont = _CONTINUING.search(head) if tail.endswith(CONTINUATIONS) else None
    if cont:
        head_before = head[: cont.start()]
        atts = [a for a in r.attributions(c0, c0 + len(head_before)) if a.kind != "according_to"]
        if atts:
            return _with_verb(atts[-1], cont.group(1), rules), "before"
        return ("continue", cont.group(1)), "before"
    if head.endswith((",", ":")) or (tail.rsplit(None, 1)[-1:] in (["a"], ["an"], ["the"]) and _ENDS_FOR_A.search(head)) \
            or head.endswith(rules.verb_forms):
        atts = [a for a in r.attributions(c0, s) if a.cue_end >= len(head.rstrip(",: ")) + c0 - 40]
        if atts:
            return atts[-1], "before"
    # a partial quotation inside a reported clause of the same sentence
    atts = [a for a in r.attributions(c0_sentence, c1_sentence) if not (s <= a.cue_start < e)]
    before = [a for a in atts if a.cue_end <= s]
    if before or atts:
        return (before[-1] if before else atts[0]), "sentence"
    return None


def _word_start(masked: str, pos: int, limit: int) -> int:
    """``pos``, moved forward past the rest of a word it falls inside (at most to ``limit``)."""
    if pos == 0 or masked[pos - 1].isspace():
        return pos
    m = _NEXT_SPACE.search(masked, pos, limit)
    return m.end() if m else pos


def _with_verb(att: Attribution, verb: str, rules: Rules) -> Attribution:
    """The same attribution, with a continuing verb ("adding") as the verb."""
    from dataclasses import replace
    v = rules.verbs.get(verb.lower())
    return replace(att, verb=verb, verb_note=v.note if v else att.verb_note, stance=v.stance if v else att.stance)


def find_quotes(text: str | Document, *, rules: RuleSource = None, skip=None) -> list[Quote]:
    """Direct quotations in ``text``, in order, with speaker, verb and kind.

    ``skip``: spans (with ``.start``/``.end``) whose quotations are ignored; by default the
    boilerplate lines from :func:`medialit.corpus.clean.find_boilerplate` (related headlines etc.).

    ``text`` may be a :class:`medialit.corpus.document.Document`: its boilerplate lines and
    paragraphs are reused, and with the default ``rules`` and ``skip`` the quotations are
    found once and kept on it (the layer "quotes").

    >>> [q.speaker for q in find_quotes('Maduro said, “We are ready.” “We will win,” he added.')]
    ['Maduro', 'Maduro']
    """
    if not isinstance(text, Document):
        if not isinstance(text, str):
            raise TypeError(f"find_quotes expects a str or a Document, got {type(text).__name__}")
        text = Document(text)
    doc = text
    if rules is None and skip is None:
        return list(doc.layer("quotes", _quotes_layer))
    return _find_quotes(doc.text, load_rules(rules), doc.boilerplate if skip is None else skip,
                        paragraphs_of(doc), transcript_speakers_of(doc))


def paragraphs_of(doc: Document) -> list[tuple[int, int]]:
    """The Document's paragraphs as (start, end) pairs, as :func:`paragraph_spans` gives them."""
    return doc.layer("quotes.paragraph_spans", _paragraph_spans)


def _paragraph_spans(doc: Document) -> list[tuple[int, int]]:
    if doc.has_layer("paragraphs"):
        return [(p.start, p.end) for p in doc.paragraphs]
    # the same bounds, without the paragraphs' copies of the text (a long text holds them all at once)
    return [(a, b) for a, b in paragraph_bounds(doc.text)]


def transcript_speakers_of(doc: Document) -> dict:
    """:func:`transcript_speakers` of the Document, kept on it (the sourcing tagger asks too)."""
    return doc.layer("quotes.transcript", lambda d: transcript_speakers(d.text, paragraphs_of(d)))


def phrase_index_of(doc: Document) -> PhraseIndex:
    """A :class:`PhraseIndex` of the Document's text for the packaged rules, built once and
    kept on it (the layer "attribution.index"): the quotation finder and the sourcing
    tagger both read it, so the text is scanned for rule entries once."""
    return doc.layer("attribution.index", lambda d: PhraseIndex(load_rules(None), d.text))


def _quotes_layer(doc: Document) -> tuple[Quote, ...]:
    return tuple(_find_quotes(doc.text, load_rules(None), doc.boilerplate, paragraphs_of(doc), transcript_speakers_of(doc),
                              phrase_index_of(doc)))


def _find_quotes(text: str, rules: Rules, skip, paragraphs: list[tuple[int, int]], transcript: dict,
                 index: PhraseIndex | None = None) -> list[Quote]:
    skipped = sorted((b.start, b.end) for b in skip)
    skip_starts = [a for a, _ in skipped]
    marks = [m.start() for m in MARKS.finditer(text)]
    raw = []
    for p0, p1 in paragraphs:
        k = bisect.bisect_left(marks, p0)
        if k == len(marks) or marks[k] >= p1:
            continue  # no quotation mark in this paragraph
        for s, e, depth, closed in scan_marks(text, p0, p1):
            k = bisect.bisect_right(skip_starts, s) - 1
            if k >= 0 and e <= skipped[k][1]:
                continue
            inner_s = s + 1
            inner_e = e - 1 if closed else e
            content = text[inner_s:inner_e]
            n_words = len(_WORD.findall(content))
            if n_words == 0:
                continue
            phrase = n_words <= PHRASE_MAX_WORDS and not _TWO_SENTENCES.search(content)
            raw.append(dict(start=s, end=e, content=content, depth=depth, closed=closed, phrase=phrase, para=(p0, p1)))
    speech_spans = [(q["start"], q["end"]) for q in raw if q["depth"] == 0 and not q["phrase"]]
    # a phrase keeps its quotation marks (they separate it from the words around it)
    phrase_spans = [(q["start"] + 1, q["end"] - (1 if q["closed"] else 0)) for q in raw if q["depth"] == 0 and q["phrase"]]
    masked = mask_spans(mask_spans(text, speech_spans, MASK), phrase_spans, "_")
    # with no index (teacher's rules), the stretches are read one by one: building an index
    # for them alone costs more than the few stretches read here
    reader = _Reader(text, masked, rules, index, paragraphs)
    out: list[Quote] = []
    last: dict | None = None          # the last resolved speaker (for "he added")
    last_by_para: dict = {}
    for q in raw:
        s, e = q["start"], q["end"]
        p0, p1 = q["para"]
        speaker = span = verb = note = how = label = pronoun = None
        kind = "phrase" if q["phrase"] else "speech"
        if q["depth"] == 0:
            found = _speaker_quote(q, reader, p0, p1)
            if found:
                att, how = found
                if isinstance(att, Attribution):
                    speaker, span, verb, note, label = att.source, (att.source_start, att.source_end), att.verb, att.verb_note, att.label
                    if att.kind in ("verb", "inverted") and how in ("after", "before"):
                        kind = "speech"
                    if att.stance == "label" and att.cue_end <= s:
                        kind = "phrase"  # 'called the vote “a tax on the poor”': the speaker's label
                    if att.stance == "opinion" and kind == "phrase":
                        speaker = span = verb = note = label = how = None
                    elif label == "pronoun":
                        pronoun = speaker
                        if speaker.lower() in {"i", "we"}:
                            speaker = span = label = None
                            if p0 in transcript:
                                speaker, span, label = transcript[p0]
                        else:
                            # the latest of: the last quotation's speaker, or an attribution
                            # in a sentence since then ('X said ... “...,” she said')
                            since = reader.previous_source(min(s, att.cue_start), last["span"][1] if last else 0,
                                                           singular=pronoun.lower() in {"he", "she", "him", "her"})
                            if since is not None:
                                speaker, span, label = since.source, (since.source_start, since.source_end), since.label
                                how = "pronoun"
                            elif last:
                                speaker, span, label = last["speaker"], last["span"], last["label"]
                                how = "pronoun"
                            elif (name := _last_name_before(masked, min(s, att.cue_start))) is not None:
                                # 'Mark Dunn, the plant manager, spoke. “...,” he said': the last name
                                speaker, span, label = text[name[0]:name[1]], name, "named"
                                how = "pronoun"
                            else:
                                speaker = span = label = None
                elif last_by_para.get((p0, p1)):
                    prev = last_by_para[(p0, p1)]
                    speaker, span, label = prev["speaker"], prev["span"], prev["label"]
                    verb = att[1]
                    note = rules.verbs[verb.lower()].note if verb.lower() in rules.verbs else None
                    kind = "speech"
            if speaker is None and kind == "speech":
                prev = last_by_para.get((p0, p1))
                if p0 in transcript:
                    speaker, span, label = transcript[p0]
                    how = "transcript"
                elif prev:
                    speaker, span, label, verb, note = prev["speaker"], prev["span"], prev["label"], prev["verb"], prev["note"]
                    how = "continuation"
                elif out and not out[-1].closed and out[-1].speaker and q["start"] == p0 + _indent(text, p0):
                    o = out[-1]
                    speaker, span, label, verb, note, how = o.speaker, o.speaker_span, o.speaker_label, o.verb, o.verb_note, "continuation"
        if speaker and kind == "speech":
            entry = dict(speaker=speaker, span=span, label=label, verb=verb, note=note)
            last_by_para[(p0, p1)] = entry
            if label != "pronoun":
                last = entry
        out.append(Quote(s, e, text[s:e], q["content"], speaker, span, verb, note, kind, q["closed"],
                         q["depth"], how, label, pronoun, s + 1, s + 1 + len(q["content"])))
    # A quotation over several paragraphs: each paragraph opens with a mark, only the last
    # closes, and the speaker is named after the last one. Carry that speaker back.
    for i in range(len(out) - 2, -1, -1):
        o, nxt = out[i], out[i + 1]
        if o.kind == "speech" and o.depth == 0 and not o.closed and o.speaker is None and nxt.speaker \
                and nxt.kind == "speech" and nxt.depth == 0 and _blank_between(text, o.end, nxt.start):
            out[i] = replace(o, speaker=nxt.speaker, speaker_span=nxt.speaker_span, verb=nxt.verb,
                             verb_note=nxt.verb_note, resolution="continuation", speaker_label=nxt.speaker_label)
    _agree_with_references(out, masked, rules)
    return out


_DEFINITE = re.compile(r"[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*)$")


def _agree_with_references(out: list[Quote], masked: str, rules: Rules) -> None:
    """The speaker label of "the doctor" / "the spokeswoman" as the sourcing tagger reads
    it, so a quotation and its sentence agree: anonymous when it refers back to an "a
    doctor" who is never named, named when that "a spokeswoman" is identified later."""
    mentions: dict = {}  # the "a doctor" mentions of the whole masked text, by head noun, found once
    for i, q in enumerate(out):
        m = _DEFINITE.match(q.speaker.strip()) if q.speaker and q.kind == "speech" and q.depth == 0 else None
        if m is None:
            continue
        if q.speaker_label == "named":
            if unnamed_antecedent(masked, q.start, q.speaker, classify_source(q.speaker, rules).why, mentions):
                out[i] = replace(q, speaker_label="anonymous")
        elif q.speaker_label == "anonymous":
            head = m.group(1)
            mention = None
            for mention in re.compile(r"\b[Aa]n?\s+(?:[a-z][\w-]*\s+){0,2}" + re.escape(head) + r"\b").finditer(
                    masked, max(0, q.start - 3000), q.start):
                pass
            if mention is not None and identified_later(masked, mention.group(), mention.end(),
                                                        min(len(masked), mention.end() + 3000)):
                out[i] = replace(q, speaker_label="named")


_NAME = re.compile(r"(?<![\w.])[A-Z][a-z][\w'’-]*(?:\s+(?:[A-Z]\.\s*)?[A-Z][a-z][\w'’-]*)+")


def _last_name_before(masked: str, before: int) -> tuple[int, int] | None:
    """The span of the last multi-word capitalised name before ``before`` (at most 600
    characters back, not at a sentence start such as 'The Council'), or None."""
    found = None
    for m in _NAME.finditer(masked, max(0, before - 600), before):
        if m.group().split()[0] not in {"The", "A", "An", "This", "That", "In", "On", "At", "But", "And"}:
            found = m.span()
    return found


def _blank_between(text: str, a: int, b: int) -> bool:
    return a <= b and not text[a:b].strip()


def _indent(text: str, p0: int) -> int:
    n = 0
    while p0 + n < len(text) and text[p0 + n] in " \t":
        n += 1
    return n


def transcript_speakers(text: str, paragraphs) -> dict:
    """Interview transcripts: {paragraph start: (speaker, span, label)} for "Name: ..." paragraphs."""
    out = {}
    for p0, _ in paragraphs:  # a label starts a line, and never reaches past the line's end
        m = _TRANSCRIPT.match(text, p0)
        if m is None or m.start() != p0:
            continue
        name = m.group(1)
        if name.lower() in NOT_SPEAKER_LABELS or len(name) < 2:
            continue
        out[m.start()] = (name, (m.start(1), m.end(1)), "named")
    return out


def transcript_labels(text: str) -> dict:
    """Interview labels by paragraph: {paragraph start: (label, (start, end))}.

    >>> transcript_labels("Host: Why?\\n\\nJo Smith: Because.")
    {0: ('Host', (0, 4)), 12: ('Jo Smith', (12, 20))}
    """
    return {k: (v[0], v[1]) for k, v in transcript_speakers(text, paragraph_spans(text)).items()}
