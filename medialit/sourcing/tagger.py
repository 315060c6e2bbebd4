"""Sourcing, sentence by sentence: named, anonymous, unattributed, or not a claim; hedged
or not; and the cue that decided it.

Every non-boilerplate sentence of the text gets one label (definitions in
``docs/sourcing.md``):

- ``named``: attributed to an identified person, organisation, outlet or document
  ("Reuters reported", "according to the New York Times", "Sabatini said", an interview
  answer by a named speaker).
- ``anonymous``: attributed to an unidentified source ("a senior White House official",
  "officials said", "a person familiar with the matter", "experts believe").
- ``unattributed``: asserted with no source, including judgements stated as fact and
  appeals to common knowledge ("everybody understands").
- ``not_a_claim``: headlines, questions, bylines, datelines and other standalone lines.

The *ultimate* source decides: "Reuters reported, citing a senior White House official"
is anonymous. ``hedged`` is a separate flag for distancing or uncertainty markers
("allegedly", "said to be", "claimed"). Every label carries its ``cues`` (with offsets
in ``cue_spans``) and a one-sentence ``reason``.

>>> [(t.sourcing, t.source) for t in tag("Officials said the talks failed. Prices rose.")]
[('anonymous', 'Officials'), ('unattributed', None)]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Iterable

from medialit.attribution.lexicon import MASK, WORD_CHAR_AFTER, Hit, PhraseIndex, RuleSource, Rules, load_rules
from medialit.attribution.phrases import Attribution, find_attributions, speech_verb, verb_uses
from medialit.attribution.references import identified_later, unnamed_antecedent
from medialit.attribution.sources import classify_source
from medialit.corpus.document import Document
from medialit.quotes.finder import Quote, find_quotes, paragraphs_of, phrase_index_of, transcript_speakers_of
from medialit.quotes.marks import mask_spans
from medialit.records import Record
from medialit.text.split import sentences

LABELS = ("named", "anonymous", "unattributed", "not_a_claim")
# Words that may start "according to X" / "citing X" / "quoted X as saying" (looked up with str.find).
_FRAME_WORDS = ("ccording", "citing", "quoted", "Citing", "Quoted", " per ", "Per ", "estimate", " count", "reckoning",
                "calculation", "tally")
_CLOSERS = "\"'”’»)]"  # closing marks that may follow a sentence's final punctuation
_BYLINE = re.compile(r"^By\s+[A-Z]", re.U)
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}\s+" + _MONTHS + r"|" + _MONTHS
                       + r"\s+\d{1,2},?)\s+\d{4}(?:[,\s]+\d{1,2}[:.]\d{2}.*)?$|^\d{4}-\d{2}-\d{2}$|^\d{1,2}/\d{1,2}/\d{2,4}$", re.I)


@dataclass(frozen=True, slots=True)
class TaggedSentence(Record):
    """One sentence with its sourcing label, the cue texts that decided it (``cues``, with
    ``cue_spans`` as (start, end) offsets into the text), the ``source`` phrase, a plain
    ``reason``, and the hedge markers found (``hedges``, ``hedge_spans``)."""

    start: int
    end: int
    text: str
    sourcing: str
    hedged: bool
    source: str | None
    cues: tuple[str, ...]
    cue_spans: tuple[tuple[int, int], ...]
    reason: str
    hedges: tuple[str, ...] = ()
    hedge_spans: tuple[tuple[int, int], ...] = ()
    verb: str | None = None
    verb_note: str | None = None
    uncertain: bool = False  # the evidence for the label is weak: the reason says why ("check this yourself")


@dataclass(frozen=True, slots=True)
class SourcingSummary(Record):
    """Counts by label, and the share of claims (sentences that are claims) per label."""

    counts: dict
    claims: int
    hedged: int
    named_share: float | None
    anonymous_share: float | None
    unattributed_share: float | None


def summary(tags: Iterable[TaggedSentence]) -> SourcingSummary:
    """Counts by label and shares of claims.

    >>> summary(tag("Officials said the talks failed. Prices rose.")).named_share
    0.0
    """
    tags = list(tags)
    counts = {label: sum(t.sourcing == label for t in tags) for label in LABELS}
    claims = len(tags) - counts["not_a_claim"]
    share = (lambda n: round(n / claims, 4)) if claims else (lambda n: None)
    return SourcingSummary(counts, claims, sum(t.hedged for t in tags if t.sourcing != "not_a_claim"),
                           share(counts["named"]), share(counts["anonymous"]), share(counts["unattributed"]))


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return ls, (len(text) if le < 0 else le)


def _not_a_claim(text: str, s, first: bool, bounds: tuple[int, int]) -> str | None:
    """Why this sentence is not a claim, or None if it is one. ``bounds``: the offsets of
    the first and the last non-space character of the text."""
    body = s.text.strip()
    last = body.rstrip(_CLOSERS)[-1:]
    if last == "?":
        return "a question, not a claim"
    ls, le = _line(text, s.start, s.end)
    if not (_blank(text, ls, s.start) and _blank(text, s.end, le)):
        return None  # not a whole line
    words = body.split()
    if _BYLINE.match(body) and len(words) <= 8:
        return "a byline (who wrote it), not a claim"
    if _DATELINE.match(body):
        return "a dateline (when it was published), not a claim"
    if last in ".!?…" or body.endswith(":") and len(words) > 6:
        return None
    has_more = bounds[1] >= le
    if not has_more and bounds[0] >= ls:
        return None  # a text of one line is a sentence, never a title alone
    capitalised = sum(w[:1].isupper() for w in words if w[:1].isalpha()) / max(1, sum(w[:1].isalpha() for w in words))
    if first and has_more and len(words) <= 30:
        return "the headline, not a claim"
    if len(words) <= 6 or capitalised >= 0.6:
        return "a standalone line (headline, label or caption) without a full stop, not a claim"
    return None


_SPACES = re.compile(r"\s*")


def _blank(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` is empty or only white space (reads only up to the first
    non-space character: no copy of a long paragraph)."""
    return a >= b or _SPACES.match(text, a, b).end() == b


class _Spans:
    """Matches in a whole text, found in one pass, then looked up by range."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [a for a, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a match overlaps ``[start, end)`` (the spans do not overlap each other)."""
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.spans[i - 1][1] > start

    def any_within(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, start)
        return i < len(self.starts) and self.starts[i] < end and bool(self.within(start, end))

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [sp for sp in self.spans[i:j] if sp[1] <= end]


def _literal_spans(text: str, words) -> list[tuple[int, int]]:
    """Every occurrence of each word (none of them can overlap another), sorted."""
    out = []
    for w in words:
        i = text.find(w)
        while i >= 0:
            out.append((i, i + len(w)))
            i = text.find(w, i + len(w))
    out.sort()
    return out


# a negation in the words before "claimed responsibility": "no group has", "did not", "has yet to"
_NEGATED = re.compile(r"(?:\b(?:no|not|never|nobody|none|neither|nor|yet\s+to)\b|n['’]t\b)[^.;:]*$", re.I)


# "deals that she may have made", "what Lee may have seen": a clause describing possible
# things, not a hedge on the sentence's claim
_POSSIBLE_THINGS = re.compile(r"\b(?:that|which|whom|what)\s+(?:[A-Z][\w'’-]*|he|she|they|it|we|you|I)\s+$")


def _hedges(text: str, start: int, end: int, rules: Rules, uses, markers: _Spans):
    """Hedge markers in ``text[start:end]`` (quotations included: a quoted "allegedly" hedges
    too), plus hedging reporting verbs ("claimed") used as verbs outside quotations."""
    found = markers.within(start, end)
    found += [m.span() for m, v in uses if v.lemma.lower() in rules.hedge_verbs]
    if rules.past_modal_re is not None and text.find("ave ", start, end) >= 0:  # "the fire may have started"
        found += [m.span() for m in rules.past_modal_re.finditer(text, start, end)
                  if not _POSSIBLE_THINGS.search(text, max(start, m.start() - 40), m.start())]
    if rules.claim_object_re is not None and text.find("laim", start, end) >= 0:
        for m in rules.claim_object_re.finditer(text, start, end):  # "claimed responsibility", not "no group claimed ..."
            if not _NEGATED.search(text, max(start, m.start() - 40), m.start()):
                found.append((m.start(), m.start() + len(m.group().split()[0])))
    if not found:
        return (), ()
    found = sorted(set(found))
    return tuple(text[a:b] for a, b in found), tuple(found)


def _covering_quote(quotes: list[Quote], starts: list[int], start: int, end: int) -> Quote | None:
    """The quotation (sorted by start, non-overlapping) covering at least half the sentence."""
    i = bisect.bisect_right(starts, end) - 1
    best, best_len = None, 0
    while i >= 0:
        q = quotes[i]
        overlap = min(end, q.end) - max(start, q.start)
        if overlap > best_len:
            best, best_len = q, overlap
        if q.end <= start and (i == 0 or quotes[i - 1].end <= start):
            break
        i -= 1
    if best is not None and best_len * 2 >= (end - start):
        return best
    return None


def tag(text: str | Document, *, rules: RuleSource = None, boilerplate=None, quotes: list[Quote] | None = None,
        sentence_spans=None) -> list[TaggedSentence]:
    """Every non-boilerplate sentence of ``text``, in order, with its sourcing label.

    ``rules``: extra rule entries (a dict shaped like ``medialit/rules/*.toml``, or the
    path of a teacher's TOML file) added to the packaged tables. ``boilerplate`` and
    ``quotes``: results of :func:`medialit.corpus.clean.find_boilerplate` and
    :func:`medialit.quotes.finder.find_quotes` for this text, if already computed (saves time);
    ``sentence_spans``: ``medialit.text.split.sentences(text, skip=boilerplate)``, likewise.

    ``text`` may be a :class:`medialit.corpus.document.Document`: what it already holds
    (boilerplate, sentences, paragraphs, quotations) is reused, and with none of the
    optional arguments the labels are worked out once and kept on it (the layer "sourcing").

    >>> t = tag("Prices rose, Reuters reported, citing a senior official.")[0]
    >>> t.sourcing, t.source, t.cues
    ('anonymous', 'a senior official', ('Reuters reported', 'citing a senior official'))
    """
    if not isinstance(text, Document):
        if not isinstance(text, str):
            raise TypeError(f"tag expects a str or a Document, got {type(text).__name__}")
        text = Document(text)  # read once here too: the quotations share its boilerplate and paragraphs
    doc = text
    if rules is None and boilerplate is None and quotes is None and sentence_spans is None:
        return list(doc.layer("sourcing", _sourcing_layer))
    loaded = load_rules(rules)
    if quotes is None:  # with the default rules: the quotations kept on the Document
        quotes = find_quotes(doc, rules=None if rules is None else loaded, skip=boilerplate)
    if sentence_spans is None:
        sentence_spans = doc.sentences if boilerplate is None else sentences(doc.text, skip=boilerplate)
    return _tag(doc.text, loaded, quotes, sentence_spans, paragraphs_of(doc), transcript_speakers_of(doc))


def _sourcing_layer(doc: Document) -> tuple[TaggedSentence, ...]:
    return tuple(_tag(doc.text, load_rules(None), find_quotes(doc), doc.sentences, paragraphs_of(doc), transcript_speakers_of(doc),
                      phrase_index_of(doc)))


def _tag(text: str, rules: Rules, quotes, sentence_spans, paragraphs: list[tuple[int, int]],
         transcript: dict, index: PhraseIndex | None = None) -> list[TaggedSentence]:
    transcript = _interview(text, transcript, paragraphs)
    top = [q for q in quotes if q.depth == 0]
    speech = [q for q in top if q.kind == "speech"]
    speech_starts = [q.start for q in speech]
    masked = mask_spans(mask_spans(text, [(q.start, q.end) for q in speech], MASK),
                   [(q.content_start, q.content_end) for q in top if q.kind == "phrase"], "_")
    para_starts = [p0 for p0, _ in paragraphs]
    index = PhraseIndex(rules, text) if index is None else index
    markers = _Spans(index.spans("hedge_re", text))
    commons = _Spans(index.spans("common_re", masked))
    evaluations = _Spans(index.spans("evaluation_re", masked))
    frames = _Spans(_literal_spans(masked, _FRAME_WORDS))
    documents = _Spans(index.spans("evidence_re", masked))  # "data from", "a report by"
    verbs = _Spans(index.spans("verb_re", masked))
    starts = index.starts  # where any rule entry can start; a sentence without one has no cue
    mentions: dict = {}  # "a doctor" mentions of the whole text, by head noun (_unnamed_antecedent)
    n = len(text)
    bounds = (len(text) - len(text.lstrip()), len(text.rstrip()) - 1)
    out: list[TaggedSentence] = []
    last: tuple[str, str, int] | None = None  # (label, source, sentence index) of the last attribution, for "he said"
    study_at: int | None = None  # the last sentence that names a study or research body, for "the researchers"
    for i, s in enumerate(sentence_spans):
        k = bisect.bisect_left(starts, s.start)
        if k < len(starts) and starts[k] < s.end:
            # verbs: only where the whole-text scan found one, or where the sentence ends
            # against a letter (a verb at its very end may then match on its own)
            maybe_verb = verbs.overlaps(s.start, s.end) or s.end < n and WORD_CHAR_AFTER.match(masked, s.end)
            uses = list(verb_uses(masked, s.start, s.end, rules, index)) if maybe_verb else []
            hedges, hedge_spans = _hedges(text, s.start, s.end, rules, uses, markers)
            cued = True
        else:
            uses, cued = [], False
            hedges, hedge_spans = _hedges(text, s.start, s.end, rules, uses, markers)  # "may have started" has no cue
        framed = uses or frames.any_within(s.start, s.end) or cued and documents.overlaps(s.start, s.end) \
            or (text.find("—", s.start, s.end) >= 0 or text.find("–", s.start, s.end) >= 0) \
            and text.find(" from ", s.start, s.end) >= 0  # "data on X — a, b — from the CDC"
        atts = find_attributions(text, masked, s.start, s.end, rules, uses, index) if framed else []
        para = para_starts[bisect.bisect_right(para_starts, s.start) - 1] if para_starts and para_starts[0] <= s.start else 0
        speaker = transcript.get(para)
        why_not = _not_a_claim(text, s, i == 0, bounds)
        if why_not:
            out.append(TaggedSentence(s.start, s.end, s.text, "not_a_claim", bool(hedges), None, (), (), why_not,
                                      hedges, hedge_spans))
            continue
        if atts and "(" in s.text:  # "X rose (the company would not comment)": the aside does not decide
            asides = _PAREN.finditer(text, s.start, s.end)
            spans = [m.span() for m in asides]
            outside = [a for a in atts if not any(p0 <= a.cue_start < p1 for p0, p1 in spans)]
            reported = any(h.lower() in _UNNAMED_REPORTS and not any(p0 <= sp[0] < p1 for p0, p1 in spans)
                           for h, sp in zip(hedges, hedge_spans))
            if spans and len(outside) < len(atts) and (outside or reported):
                atts = outside
        dropped = [a for a in atts if a.subordinate]
        if dropped:
            atts = [a for a in atts if not a.subordinate]  # the main clause decides
        resolved: list[tuple[Attribution, str, str]] = []  # (attribution, label, source)
        doubts: list[str] = []  # why the label may be wrong (uncertain)
        for a in atts:
            label, source = a.label, a.source
            if label in ("pronoun", "named") and (anon := rules.anon_phrase_re.search(a.cue)):
                # "Two of them, speaking on condition of anonymity, said": whoever "them" is, the
                # speakers keep their names out; "Maya, who asked that her last name not be used,
                # said": a first name alone does not identify her
                label = "anonymous"
                a = _resolved(a, f"'{anon.group()}' marks an unnamed source (anonymous_sources.toml: phrases)")
            elif label == "pronoun":
                if a.source.lower() in {"i", "we"}:
                    continue  # the writer, or (in an interview) the speaker named by the label
                elif last and a.source.lower() in {"he", "she"} and _plural_source(last[1], rules) \
                        and ((since := _other_name_since(masked, out[last[2]].end if last[2] < len(out) else s.start, s.start,
                                                         last[1])) or (k := _last_named(out, _PERSON_NAME, 40)) is not None):
                    # "he wrote" after "two people involved in the deal said": not a group, the name since
                    # then, or else the last person the text cited by name
                    name = since or out[k].source
                    label, source = "named", name
                    where = "the last name since then" if since else "the last person the text cited by name"
                    a = _resolved(a, f"'{a.source}' refers to one person, not '{last[1]}': {where} is '{name}'")
                    doubts.append(f"'{a.source}' was taken to mean '{name}', {where}")
                elif last:
                    label, source, at = last
                    a = _resolved(a, f"'{a.source}' refers back to '{source}' (sentence {at + 1})")
                    other = _other_name_since(masked, out[at].end if at < len(out) else s.start, s.start, source)
                    if other:
                        doubts.append(f"'{a.source}' might also mean '{other}', named since then")
                else:
                    name = _last_name_mention(masked, s.start)
                    label, source = ("named", name) if name else ("anonymous", a.source)
                    if name:
                        a = _resolved(a, f"'{a.source}' refers back to '{name}', the last name before it")
                        doubts.append(f"'{a.source}' was taken to mean the last name before it, with no earlier attribution to go by")
            elif label == "named" and (earlier := unnamed_antecedent(masked, s.start, a.source, a.why, mentions)):
                label = "anonymous"
                a = _resolved(a, f"'{a.source}' refers back to '{earlier}' earlier in the text, who is never named")
            elif label == "named" and "refers back" in a.why and last and last[0] == "named" and last[1][:1].isupper() \
                    and last[1].lower() != a.source.lower():
                a = _resolved(a, f"{a.why}; the last named source before it is '{last[1]}' (sentence {last[2] + 1})")
            resolved.append((a, label, source))
        common = commons.within(s.start, s.end) if cued else None
        common = Hit(text, common[0]) if common else None
        evaluation = evaluations.within(s.start, s.end) if cued else None
        evaluation = Hit(text, evaluation[0]) if evaluation else None
        tagged = None
        has_by = masked.find(" by ", s.start, s.end) >= 0  # cheap test before the passive-agent patterns
        if common:
            tagged = ("unattributed", None, [(common.group(), common.span())],
                      f"appeals to common knowledge ('{common.group()}') instead of giving a source", None)
        elif resolved:
            cited = [r for r in resolved if r[0].kind in ("citing", "document")]
            # a stance, plan or praise ("investors welcomed the deal") is what another
            # attribution in the sentence reports ("..., Reuters reported"): that one decides
            said = [r for r in resolved if not (r[0].verb and (_lemma(rules, r[0].verb) in _STANCE_LEMMAS
                                                                or r[0].verb.lower() in _COGNITION))]
            a, label, source = cited[0] if cited else said[0] if said else resolved[0]
            if label == "anonymous" and (grp := _GROUP_OF_KIND.fullmatch(source.strip())) \
                    and (org := _named_org_of_kind(masked, grp.group(1))):
                # "according to teachers unions" in a story that names the "State Teachers Association"
                label = "named"
                a = _resolved(a, f"'{source}' stands for organisations the text names ('{org}')")
                resolved = _with_resolved(resolved, a, label, source)
                doubts.append(f"'{source}' was matched to '{org}' by the word '{grp.group(1)}' only")
            if label == "anonymous" and (pm := _THE_POST.fullmatch(source.strip())) \
                    and (k := _posted_by_named(out, pm.group(1))) is not None:
                # "according to the post" after "Ashby police said in an appeal posted on Facebook"
                label = "named"
                a = _resolved(a, f"'{source}' refers back to the post by '{out[k].source}' (sentence {k + 1})")
                resolved = _with_resolved(resolved, a, label, source)
            if label == "anonymous" and study_at is not None and _THE_RESEARCHERS.match(source.strip()):
                # "..., the researchers reported" after a study the text identified: its authors
                label = "named"
                a = _resolved(a, f"'{source}' refers back to the research identified in sentence {study_at + 1} "
                                 f"('{out[study_at].source}')")
                resolved = _with_resolved(resolved, a, label, source)
            if label == "anonymous" and (group := _THE_GROUP.fullmatch(source.strip())) \
                    and (k := _last_named(out, re.compile(r"\b" + re.escape(group.group(1)) + r"\b", re.I), 20)) is not None:
                # "the analysts wrote" after "Analysts at Fenwick Bank said": the same named group
                label = "named"
                a = _resolved(a, f"'{source}' refers back to '{out[k].source}' (sentence {k + 1})")
                resolved = _with_resolved(resolved, a, label, source)
                doubts.append(f"'{source}' was taken to be the '{group.group(1)}' named in sentence {k + 1}")
            cues = [(r[0].cue, (r[0].cue_start, r[0].cue_end)) for r in resolved]
            if evaluation and not speaker and evaluation.start() < a.cue_end and not (a.cue_start <= evaluation.start() < a.cue_end and a.kind != "verb"):
                tagged = ("unattributed", None, [(evaluation.group(), evaluation.span())],
                          f"states a judgement as fact in the writer's own voice ('{evaluation.group()}'); no source is given for it", None)
            else:
                chain = " via ".join(r[0].cue for r in resolved) if len(resolved) > 1 else a.cue
                reason = (f"{'the ultimate source' if cited else 'the source'} is '{source}': {a.why}"
                          + (f" (attribution: {chain})" if len(resolved) > 1 else ""))
                tagged = (label, source, cues, reason, a)
                if a.label != "pronoun" and (weak := classify_source(a.source, rules, speech=speech_verb(rules, a.verb)).weak):
                    doubts.append(weak)
                if a.verb and _lemma(rules, a.verb) == "be (of a view)":
                    doubts.append(f"'{a.verb}' ascribes a view to '{a.source}' without quoting anyone")
                if label == "anonymous" and (m := _GROUP_POINTER.search(source)):
                    doubts.append(f"'{m.group()}' in '{source}' may point at organisations the text names")
                if not cited and len({r[1] for r in resolved} & {"named", "anonymous"}) > 1:
                    doubts.append("the cues disagree: " + ", ".join(f"'{r[0].cue}' is {r[1]}" for r in resolved))
        else:
            q = _covering_quote(speech, speech_starts, s.start, s.end)
            if q is not None and q.speaker:
                verdict = classify_source(q.speaker, rules)
                label = q.speaker_label or verdict.label
                unnamed = label == "named" and unnamed_antecedent(masked, q.start, q.speaker, verdict.why, mentions)
                if unnamed:
                    label = "anonymous"
                cue_span = q.speaker_span or (q.start, q.end)
                cue = text[cue_span[0]:cue_span[1]]
                tagged = (label if label in ("named", "anonymous") else "anonymous", q.speaker, [(cue, cue_span)],
                          f"part of a quotation attributed to '{q.speaker}'" + (f" ({q.verb})" if q.verb else "")
                          + (f", who refers back to '{unnamed}' and is never named" if unnamed else ""), None)
            elif q is not None and (prev := _continued_from(q, speech, speech_starts, para_starts, text, out)) is not None:
                label, source, k = prev
                tagged = (label, source, [(text[q.start:q.start + 1], (q.start, q.start + 1))],
                          f"a quotation that opens a new paragraph right after one by '{source}' (sentence {k + 1}), "
                          "with no speaker of its own: the newspaper convention for a quotation that goes on", None)
            elif speaker:
                name, span, _ = speaker
                label = classify_source(name, rules).label
                tagged = (label if label in ("named", "anonymous") else "named", name, [(text[span[0]:span[1] + 1], (span[0], span[1] + 1))],
                          f"an interview answer by '{name}' (the speaker label starts the paragraph)", None)
            elif evaluation:
                tagged = ("unattributed", None, [(evaluation.group(), evaluation.span())],
                          f"states a judgement as fact ('{evaluation.group()}') with no source", None)
            elif reports := [(h, sp) for h, sp in zip(hedges, hedge_spans) if h.lower() in _UNNAMED_REPORTS
                             and not _inside(sp, speech, speech_starts)]:
                h, sp = reports[0]
                tagged = ("anonymous", None, [(h, sp)],
                          f"'{h}' relays what unnamed reports say: the source is not identified", None)
                doubts.append(f"'{h}' is the only cue")
            elif has_by and (agent := _passive_agent(text, masked, s.start, s.end, rules)) is not None:
                m, phrase, verdict, weak = agent
                tagged = ("named", phrase, [(text[m.start():m.end()], m.span())],
                          f"the source is '{phrase}', the agent of '{text[m.start():m.end()].split()[0]}': {verdict.why}", None)
                if weak:
                    doubts.append(f"'{text[m.start():m.end()].split()[0]} by' may name who acted rather than who said it")
            elif dropped:
                d = dropped[0]
                tagged = ("unattributed", None, [], f"the main clause has no source; '{d.cue}' only attributes a "
                          "clause that depends on it", None)
                doubts.append(f"whether '{d.cue}' belongs to a dependent clause or the main one is a guess")
            elif study := _STUDY_WHERE.match(masked, s.start, s.end):
                where = text[study.start("where"):study.end("where")]
                w0 = study.start() + len(study.group()) - len(study.group().lstrip())
                tagged = ("named", f"{text[w0:study.end('noun')]} ({where})", [(text[w0:study.end('where')], (w0, study.end("where")))],
                          f"the study is identified by where it was published ('{where}'): what it did and found is the study's", None)
                doubts.append("no verb of saying: the description could also be the writer's own")
            elif terms := _UNDER_THE.match(masked, s.start, s.end):
                doc = text[terms.start(1):terms.end(1)]
                tagged = ("named", doc, [(text[terms.start():terms.end(1)], (terms.start(), terms.end(1)))],
                          f"'Under {doc},' states the terms of a document the text identifies: what follows is the document's", None)
            elif spoke := _SPOKE_TO.search(masked, s.start, s.end):
                tagged = ("anonymous", spoke.group(), [(text[spoke.start():spoke.end()], spoke.span())],
                          f"'{spoke.group()}': the writer's own unnamed interviewees", None)
            elif no_answer := _NO_ANSWER.search(masked, s.start, s.end):
                tagged = ("unattributed", None, [(no_answer.group(), no_answer.span())],
                          f"'{no_answer.group()}' says that nobody answered, so nobody is the source: the writer reports "
                          "their own attempt", None)
            else:
                tagged = ("unattributed", None, [], "no source is given for this statement", None)
        label, source, cues, reason, att = tagged
        if label in ("named", "anonymous") and source:
            last = (label, source, len(out))
            if label == "named" and _RESEARCH_NAMED.search(" ".join([source] + [c for c, _ in cues])):
                study_at = len(out)
        if label == "unattributed" and not common and not evaluation:
            active = [m for m, _ in uses if not _PASSIVE_BEFORE.search(masked, max(s.start, m.start() - 12), m.start())
                      and _CLAUSE_AFTER.match(masked, m.end())]
            if active and not atts:  # "a post claimed that ...": a reporting verb whose speaker was not found
                doubts.append(f"the reporting verb '{active[0].group().strip()}' has no speaker the rules could find")
            elif has_by and (m := _AGENT_BY.search(masked, s.start, s.end)):  # "described by the Gazette" with a name classify rejects
                doubts.append(f"'{m.group()}' may name who this comes from")
        if doubts:
            reason += "; uncertain: " + "; ".join(doubts)
        out.append(TaggedSentence(s.start, s.end, s.text, label, bool(hedges), source,
                                  tuple(c for c, _ in cues), tuple(sp for _, sp in cues), reason, hedges, hedge_spans,
                                  att.verb if att else None, att.verb_note if att else None, bool(doubts)))
    _credited_next(out, top)
    _identify_later(out, text, masked)
    return out


# "That's the view of ...", "Those were the words of ...": the next sentence says whose the
# quoted words before it are
_POINTS_BACK = re.compile(r"\s*(?:That|This|Those|These)(?:['’]s|\s+(?:is|was|were|are)\b)")


def _credited_next(out: list[TaggedSentence], quotes: list[Quote]) -> None:
    """A sentence resting on quoted words with no speaker ("... will create a “stronger” and
    “more viable” company") takes the source of the next sentence when that one points back
    at it ("That's the optimistic view of Ann Lee, the chief executive")."""
    starts = [q.start for q in quotes]
    for i in range(len(out) - 1):
        t, u = out[i], out[i + 1]
        if t.sourcing != "unattributed" or t.cues or u.sourcing not in ("named", "anonymous") or not u.source \
                or not _POINTS_BACK.match(u.text):
            continue
        k = bisect.bisect_left(starts, t.start)
        inside = [q for q in quotes[k:] if q.end <= t.end and not q.speaker]
        if not inside:
            continue
        q = inside[0]
        out[i] = replace(t, sourcing=u.sourcing, source=u.source, cues=(t.text[q.start - t.start:q.end - t.start],),
                         cue_spans=((q.start, q.end),),
                         reason=f"the quoted words are credited in the next sentence ('{u.text[:40].strip()}...'): the source is '{u.source}'"
                         + (t.reason[t.reason.find("; uncertain: "):] if t.uncertain else ""))


_DEFINITE_HEAD = re.compile(r"[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*)$")


def _identify_later(out: list[TaggedSentence], text: str, masked: str) -> None:
    """A source named later in the article: "A spokeswoman said ..." and then "The
    spokeswoman, Jane Doe, added ...". The first sentence (and the "the spokeswoman"
    sentences after it) become named, and the reason says where the name is."""
    ends = [t.end for t in out]
    for i, t in enumerate(out):
        if t.sourcing != "anonymous" or not t.source:
            continue
        found = identified_later(masked, t.source, t.end, min(len(masked), t.end + 3000))
        if found is None:
            continue
        name, a, b = found
        k = bisect.bisect_right(ends, a)
        where = f"'{' '.join(text[a:b].split())}' (sentence {k + 1})"
        tail = t.reason[t.reason.find("; uncertain: "):] if t.uncertain else ""
        out[i] = replace(t, sourcing="named", source=name,
                         reason=f"the source is '{t.source}', identified later in the article as {where}{tail}")
        head = t.source.split()[-1]
        for j in range(i + 1, len(out)):
            u = out[j]
            if j > k and re.search(r"\b[Aa]n?\s+(?:[a-z][\w-]*\s+){0,2}" + re.escape(head) + r"\b", u.text):
                break  # another "a spokeswoman": maybe someone else
            m = _DEFINITE_HEAD.match(u.source.strip()) if u.sourcing == "anonymous" and u.source else None
            if m and m.group(1) == head:
                tail = u.reason[u.reason.find("; uncertain: "):] if u.uncertain else ""
                out[j] = replace(u, sourcing="named", source=name,
                                 reason=f"'{u.source}' refers back to '{t.source}' (sentence {i + 1}), identified as {where}{tail}")


def _continued_from(q: Quote, speech: list[Quote], starts: list[int], para_starts: list[int], text: str,
                    out: list[TaggedSentence]) -> tuple[str, str, int] | None:
    """For a speakerless quotation that opens a paragraph: (label, source, sentence index) of
    the quotation in the paragraph just before it, when that paragraph ends with it (the
    speaker is named once, and the quotation goes on in the next paragraph); else None."""
    i = bisect.bisect_left(starts, q.start)
    if i == 0 or i >= len(speech) or speech[i] is not q:
        return None
    p = bisect.bisect_right(para_starts, q.start) - 1
    if p < 1 or text[para_starts[p]:q.start].strip():
        return None  # not at the start of a paragraph
    prev = speech[i - 1]
    if bisect.bisect_right(para_starts, prev.start) - 1 != p - 1:
        return None  # not in the paragraph just before
    tail = text[prev.end:para_starts[p]]
    if len(tail) > 120 or re.search(r"[\"“”]", tail):
        return None  # the earlier paragraph goes on after its quotation
    for k in range(len(out) - 1, -1, -1):
        t = out[k]
        if t.start <= prev.start < t.end or t.start < prev.end <= t.end:
            return (t.sourcing, t.source, k) if t.sourcing in ("named", "anonymous") and t.source else None
        if t.end <= prev.start:
            break
    return None


def _interview(text: str, transcript: dict, paragraphs: list[tuple[int, int]]) -> dict:
    """The "Name: ..." paragraphs, only when the text reads as an interview: at least two
    different speaker labels and a labelled paragraph that asks a question. A list such as
    "Ledgerly: 1,200 jobs cut" / "Numa: 400 jobs cut" is not an interview."""
    if not transcript:
        return transcript
    ends = dict(paragraphs)
    names = {v[0] for v in transcript.values()}
    asks = any(text[p0:ends.get(p0, p0)].rstrip().endswith("?") for p0 in transcript)
    # "Q: Why now?" / "Obi: Because ...": the interviewer's label is a bare "Q" (too short
    # for a speaker label), but a "Q:" paragraph that asks is the interviewer's question
    q_asks = [p0 for p0, p1 in paragraphs if _Q_LABEL.match(text, p0) and text[p0:p1].rstrip().endswith("?")]
    if q_asks:
        names.add("Q")
        asks = True
    return transcript if len(names) >= 2 and asks else {}


_Q_LABEL = re.compile(r"(?:Q|Question)\s*:\s")


# Verbs that ascribe a view, plan or judgement rather than report speech (reporting_verbs.toml).
_STANCE_LEMMAS = {"praise", "plan", "be (of a view)", "express"}
# ... and verbs of thinking: "security forces fear they could be targeted, said X" is X's claim
_COGNITION = {"fear", "fears", "feared", "worry", "worries", "worried", "hope", "hopes", "hoped", "believe", "believes",
              "believed", "think", "thinks", "thought", "doubt", "doubts", "doubted", "expect", "expects", "expected"}


def _lemma(rules: Rules, verb: str) -> str | None:
    v = rules.verbs.get(" ".join(verb.lower().split()))
    return v.lemma if v else None


def _with_resolved(resolved: list, a: Attribution, label: str, source: str) -> list:
    """``resolved`` with the entry for ``a``'s cue replaced by (a, label, source)."""
    return [(a, label, source) if r[0].cue_start == a.cue_start else r for r in resolved]


def _resolved(a: Attribution, why: str) -> Attribution:
    """``a`` with the reason saying what its pronoun stands for."""
    return replace(a, why=why)


# Hedges that stand for unnamed reports ("GateHouse reportedly cut 60 jobs"): with no
# other attribution the sentence is anonymous, not unattributed.
# "executives of both companies", "officials of the two unions": an unnamed group tied to
# organisations that may be named elsewhere in the text
_GROUP_POINTER = re.compile(r"\b(?:both|the two|each of the|all three)\b[^,;]*", re.I)
_UNNAMED_REPORTS = {"reportedly", "it is reported", "it was reported", "it has been reported", "widely reported",
                    "we are told", "we were told", "we have been told", "we're told", "we are often told",
                    "we are constantly told", "is said to", "are said to", "it is said", "said to be", "said to have",
                    # "is understood to": the British newspaper convention for what unnamed sources told the writer
                    "it is understood", "is understood to", "are understood to",
                    "is reported to", "are reported to", "was reported to", "were reported to"}
# "two people involved in the deal", "residents", "the unions": a group, not "he" or "she"
_PLURAL_BOUNDARY = {"involved", "familiar", "close", "who", "with", "in", "at", "from", "of", "for", "on", "near"}


# a source that ends in a person's full name ("Amara Ekwueme", "tax adviser Amara Ekwueme")
_PERSON_NAME = re.compile(r"(?:^|\s)[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}$")


def _plural_source(source: str, rules: Rules) -> bool:
    """Whether a source phrase is a group ("two people involved in the deal", "residents",
    "Officials"), not one person or a name ("Tom Jones", "The Times")."""
    head = ""
    for w in source.split():
        if w.lower() in _PLURAL_BOUNDARY:
            break
        head = w
    low = head.lower().strip(",;:")
    if low in {"people", "persons", "staff"}:
        return True
    return low.endswith("s") and not low.endswith("ss") and (head[:1].islower() or low in rules.heads)


# "the post", "the appeal", "the video": a post that may be one the text named
_THE_POST = re.compile(r"the\s+(post|appeal|video|message|tweet|statement)", re.I)


def _posted_by_named(out: list[TaggedSentence], noun: str) -> int | None:
    """The last named sentence before this one that says its source put a post or appeal
    online ("Ashby police said in an appeal posted on Facebook"), or None."""
    rx = re.compile(r"\b(?:posted|" + re.escape(noun) + r")\b.*\b(?:online|Facebook|Instagram|TikTok|LinkedIn|X|website|social\s+media)\b"
                    r"|\b(?:on|to)\s+(?:Facebook|Instagram|TikTok|LinkedIn|X)\b", re.I)
    for k in range(len(out) - 1, max(-1, len(out) - 12), -1):
        t = out[k]
        if t.sourcing == "named" and t.source and rx.search(t.text):
            return k
    return None


# "Under the plan, pensions will rise ...", "Under the deal, Acme will pay ...": the terms of a
# document the text identifies (definite or named), not the writer's own claim
_UNDER_THE = re.compile(r"\s*Under\s+((?:the|this|its|their|[A-Z][\w'’-]*['’]s?)\s+(?:[\w'’-]+\s+){0,3}?"
                        r"(?:plan|plans|deal|agreement|proposal|proposals|law|bill|scheme|rules|contract|settlement|terms|budget"
                        r"|treaty|reform|regulations|policy|accord|ceasefire|framework))\s*,")
# "Everyone I spoke to at the market", "managers I have talked to", "I have spoken to
# managers who swear ...": the writer's own unnamed interviewees
_SPOKE_TO = re.compile(r"\b(?:[Ee]veryone|[Ee]verybody|[Pp]eople|[Tt]hose|[Mm]ost|[Mm]any|[Ss]ome|[a-z]+s)\s+(?:I|we)\s+(?:have\s+)?"
                       r"(?:spoke|spoken|talked|interviewed)(?:\s+(?:to|with))?\b"
                       r"|\b(?:I|[Ww]e)\s+(?:have\s+)?(?:spoken|spoke|talked)\s+(?:to|with)\s+(?:[\w-]+\s+){0,3}?[a-z]+s\s+who\b")
# A bare plural organisation noun with a modifier: "teachers unions", "farm groups"
_GROUP_OF_KIND = re.compile(r"(?:the\s+)?([a-z][a-z-]{2,})['’]?\s+(?:unions|associations|federations|groups|organisations|"
                            r"organizations|societies|leagues|councils|alliances|coalitions)")
_ORG_WORDS = r"(?:Union|Association|Federation|Group|Organisation|Organization|Society|League|Council|Alliance|Coalition|Congress)"


def _named_org_of_kind(masked: str, modifier: str) -> str | None:
    """A capitalised organisation name in the text with ``modifier`` in it ("Indiana State
    Teachers Association" for "teachers unions"), or None."""
    word = modifier[:1].upper() + modifier[1:]
    m = re.search(r"(?:[A-Z][\w'’-]*\s+){0,4}" + re.escape(word) + r"['’]?\s+(?:[A-Z][\w'’-]*\s+){0,2}" + _ORG_WORDS + r"\b", masked)
    return m.group() if m else None


# "the analysts", "the consultants": a definite plural that may be a group the text named
_THE_GROUP = re.compile(r"(?:the|these)\s+([a-z]{4,}s)", re.I)


def _last_named(out: list, rx: re.Pattern, within: int) -> int | None:
    """The index of the last of the previous ``within`` sentences credited to a named source
    that ``rx`` finds in ("Amara Ekwueme" for "he said" after a group; "Analysts at Fenwick
    Bank" for "the analysts"), or None."""
    for k in range(len(out) - 1, max(-1, len(out) - within - 1), -1):
        t = out[k]
        if t.sourcing == "named" and t.source and rx.search(t.source):
            return k
    return None


# "the researchers", "the study's authors", "the team": the authors of a study identified earlier
_THE_RESEARCHERS = re.compile(r"(?:the|its|their)\s+(?:study['’]s\s+|paper['’]s\s+|research\s+)?"
                              r"(?:researchers|scientists|team|investigators|authors)$", re.I)
# a named source that identifies research: a study, a journal, a university, "researchers at X"
_RESEARCH_NAMED = re.compile(r"\b(?:stud(?:y|ies)|journal|universit(?:y|ies)|institute|trial|paper|centre|center|laborator(?:y|ies)"
                             r"|(?:researchers|scientists|team)\s+(?:at|from))\b", re.I)
_PAREN = re.compile(r"\([^()]*\)")
# "The study, published on Thursday in the journal Brain Health, followed 12,400 adults": a
# study named by where it appeared, with no verb of saying; what it did is the study's.
_STUDY_WHERE = re.compile(r"\s*(?:(?:[Tt]he|[Tt]his|[Tt]heir|[Ii]ts|[Hh]er|[Hh]is)\s+(?:new\s+|latest\s+|latest\s+|full\s+)?"
                          r"(?P<noun>study|report|survey|paper|trial|analysis|review|research|audit)),\s+(?:which\s+was\s+)?"
                          r"(?:published|released|presented|issued|posted)\b[^,;\x00]{0,80}?\b(?:in|by|at|on)\s+"
                          r"(?P<where>(?:the\s+)?(?:(?:medical|scientific|peer-reviewed)\s+)?(?:journal\s+)?[A-Z][\w.'’&-]*(?:\s+(?:of\s+|for\s+|&\s+)?[A-Z][\w.'’&-]*)*)"
                          r"\s*,")
# "could not be reached for comment", "did not respond to a request for comment", "did not
# return calls": nobody answered, so the sentence is the writer's own account (a refusal,
# "declined to comment", is an answer: reporting_verbs.toml "decline")
_NO_ANSWER = re.compile(r"\b(?:could\s+not|couldn['’]t|can\s*not|cannot)\s+(?:immediately\s+)?be\s+(?:reached|contacted)"
                        r"(?:\s+for\s+comment)?|\b(?:did\s+not|didn['’]t|has\s+not|hasn['’]t|have\s+not|haven['’]t)\s+"
                        r"(?:(?:immediately|yet)\s+)?(?:respond(?:ed)?|repl(?:y|ied)|return(?:ed)?)"
                        r"(?:\s+to)?(?:\s+(?:a|an|the|several|repeated|multiple|emailed|written)?\s*(?:requests?|calls?|messages?|emails?|e-mails?|inquiry|inquiries|enquiry|enquiries|questions?)"
                        r"(?:\s+(?:for|seeking)\s+comment)?)?", re.I)
# "was estimated" (an agentless passive): not a verb missing its speaker
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.I)
# Only a verb with a reported clause after it counts ("claimed that ...", "said, ..."):
# "patients admitted to hospital" and "the 10-year note" are no speakerless verbs.
_CLAUSE_AFTER = re.compile(r"\s*(?:,|:|\s(?:that|how|why|whether)\b)")
# A past participle with an agent that is a name ("identified by MOTIE", "used by the Orange
# County sheriff's office"): the agent may be the sentence's source.
# Only participles of making, giving or endorsing information count ("caused by Western
# sanctions" and "followed by Caracas' move" name an actor, not a source).
_AGENT_BY = re.compile(r"\b(?:identified|used|published|released|compiled|issued|provided|calculated|collected|produced"
                       r"|prepared|outlined|listed|described|proposed|recommended|expressed|voiced|mouthed|stated|cited"
                       r"|estimated|reported|approved|endorsed|backed|set\s+out|put\s+forward|given|shared)"
                       r"\s+by\s+(?:the\s+)?[A-Z][\w.'’-]*")


_AGENT_PHRASE = re.compile(r"by\s+((?:the\s+)?[A-Z][^,;:.()“”\"]*?)(?=\s*(?:[,;:.()“”\"]|\s(?:in|on|at|for|to|from|with|as|and|that|which|who|when|after|before|during|since|include|includes|included|is|are|was|were|has|have|had)\b|$))")
_WEAK_AGENT = ("used", "approved", "backed", "endorsed", "given", "shared")


def _passive_agent(text: str, masked: str, start: int, end: int, rules: Rules):
    """A reduced passive of giving or making information whose agent is a named person or
    organisation ("priorities identified by the Energy Agency", "a value used by the
    county sheriff's office"): (match, agent, verdict, weak) or None."""
    for m in _AGENT_BY.finditer(masked, start, end):
        by = masked.find("by", m.start(), m.end())
        a = _AGENT_PHRASE.match(masked, by, end)
        if not a or len(a.group(1).split()) > 8:
            continue
        words = text[a.start(1):a.end(1)].split()
        for k in range(len(words), 0, -1):  # the longest stretch that names someone: "Statistics Norway (shows ...)"
            phrase = " ".join(words[:k])
            verdict = classify_source(phrase, rules)
            if verdict.label == "named":
                return m, phrase, verdict, text[m.start():m.end()].split()[0].lower() in _WEAK_AGENT
            if verdict.label == "anonymous":
                break
    return None


def _inside(span: tuple[int, int], quotes: list[Quote], starts: list[int]) -> bool:
    """Whether ``span`` is inside one of the (sorted, non-overlapping) quotations."""
    i = bisect.bisect_right(starts, span[0]) - 1
    return i >= 0 and quotes[i].end >= span[1]


_NAME_MENTION = re.compile(r"(?<![\w.])[A-Z][a-z][\w'’-]*(?:\s+(?:[A-Z]\.\s*)?[A-Z][a-z][\w'’-]*)+")


def _other_name_since(masked: str, since: int, before: int, source: str) -> str | None:
    """A multi-word capitalised name between ``since`` and ``before`` that is not part of
    ``source`` (a second candidate for "he said"), or None."""
    if before - since > 1500:
        since = before - 1500
    for m in _NAME_MENTION.finditer(masked, max(0, since), before):
        name = m.group()
        if name not in source and source not in name and not name.split()[-1] in source:
            return name
    return None


def _last_name_mention(masked: str, before: int) -> str | None:
    """The last multi-word capitalised name before ``before`` (for "he said" with no
    earlier attribution), looking back at most 1,500 characters."""
    found = None
    for m in _NAME_MENTION.finditer(masked, max(0, before - 1500), before):
        found = m.group()
    return found
