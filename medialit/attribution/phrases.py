"""Who is speaking: finding attribution phrases in a sentence ("Reuters reported",
"according to X", "citing Y", "..., said Z"). Whether the source a phrase names is named
or anonymous is decided in :mod:`medialit.attribution.sources`; the rule tables are in
:mod:`medialit.attribution.lexicon`.

>>> from medialit.attribution.lexicon import load_rules
>>> text = "The talks failed, officials said."
>>> [a.source for a in find_attributions(text, text, 0, len(text), load_rules())]
['officials']
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from medialit.attribution.lexicon import CASE_ODDITIES, CONTINUATIONS, MASK, Hit, PhraseIndex, Rules
from medialit.attribution.sources import _person_noun, classify_source


# ---------------------------------------------------------------- finding attributions

@dataclass(frozen=True)
class Attribution:
    """One attribution in a text: who (``source``, with offsets) and the cue that says so.

    ``kind`` is "verb" (subject + reporting verb), "inverted" ("..., said X"),
    "according_to" or "citing". ``label`` is named / anonymous / pronoun.
    """

    kind: str
    source: str
    source_start: int
    source_end: int
    cue: str
    cue_start: int
    cue_end: int
    verb: str | None
    verb_note: str | None
    stance: str | None
    label: str
    why: str
    subordinate: bool = False  # "Sales fell, though the company said ...": not the main clause


# A subordinating word right before a subject, after the sentence's main clause:
# "Sales fell 4%, though the company said April looked better".
_SUBORDINATE_BEFORE = re.compile(r"[,;]\s*(?:even\s+)?(?:though|although|whereas|while|because|since|after|before|when|if|unless|until)\s+$", re.I)

_AUX = (r"has|have|had|was|were|is|are|be|been|did|does|do|would|will|could|should|might|may|must|also|not|never|yet|n't|"
        r"later|then|publicly|previously|repeatedly|recently|again|already|further|still|once|first|earlier|long|"
        r"often|always|now|just|both|all|even|each|privately|separately|since|"
        r"this\s+week|last\s+week|this\s+month|on\s+[A-Z][a-z]+day|took\s+to\s+\w+\s+to|went\s+on\s+to|"
        r"declined\s+to|refused\s+to|continued\s+to|wanted\s+to|sought\s+to|appeared\s+to|has\s+yet\s+to|"
        r"set\s+to|expected\s+to|due\s+to|poised\s+to|scheduled\s+to|going\s+to|about\s+to|likely\s+to|able\s+to")
_AUX_TAIL = re.compile(r"(?:\s+(?:" + _AUX + r"|[a-z]+ly))+\s*$")
# The words an _AUX_TAIL match can end with: a quick test before the regex.
_AUX_LAST = {re.split(r"\\s\+", alt)[-1] for alt in _AUX.split("|")}
_NOT_ADVERB = {"family", "ally", "rally", "assembly", "supply", "italy", "july", "reply", "monopoly", "anomaly", "bully"}
# "is/was/been ..." (then adverbs) just before a verb: a passive ("it is widely believed").
_PASSIVE_BEFORE = re.compile(r"(?i:\b(?:is|are|was|were|been|being|be))(?:\s+(?:[a-z]+ly|first|later|also|since|often))*\s*$")
# "by X" after a passive, maybe after when or how: "first reported in April by", "announced in a statement by"
_BY = re.compile(r"(?:\s+(?:in|on|at|last)\s+(?:an?\s+|the\s+)?[\w]+)?\s+by\s+")
_SEGMENT_SPLIT = re.compile(r"[;:()\[\]–—\x00“”\"]|,(?!\d{3}\b)|\s-\s")  # not the comma of "2,300"
_CONNECTOR = re.compile(r"^(?:and|but|however|although|though|while|so|then|because|since|as|yet|even|also|meanwhile|"
                        r"whereas|if|when|that|which|where|or|nor|now|still|instead|indeed|moreover|thus)\b\s*", re.I)
_INNER_CUT = re.compile(r"\b(?:that|because|whereas|while|although|though|if|when|where|which|after|before|since|until|unless)\s+", re.I)
_LAST_INNER_CUT = re.compile(r"(?s:.*)" + _INNER_CUT.pattern, re.I)
# The whole previous word ("company" ends in "any" but is not "any"), or a possessive.
_DETERMINER_OR_POSS = re.compile(r"(?:^\W*(?:the|a|an|his|her|their|its|our|my|your|whose|these|those|this|that|such|false|any|no|"
                                 r"neither|either|each|every|"
                                 r"some|many|new|recent|earlier|similar|repeated|baseless|unfounded)|['’]s)$", re.I)
_REFLEXIVE = re.compile(r"\s+(?:himself|herself|themselves|itself)\b", re.I)
# A full stop after a title or an initial ("said Dr. Mette Lund", "said John F. Kerry") does
# not end the speaker's name, nor does the comma of "78,000".
_NP_END = re.compile(r",(?!\d{3}\b)|[;:!?\x00“”\"()]|(?<!\b[A-Z])(?<!\bDr|\bMr|\bMs|\bSt|\bSr|\bJr|\bLt)(?<!\bMrs|\bGen|\bSen|\bRep|\bGov"
                     r"|\bCol|\bSgt)(?<!\bProf|\bCapt|\bCmdr|\bSupt)\."
                     r"|\s+(?:as\s+saying|that|who\s+said|and\s+(?:said|added))\b|\s[-–—]\s|$")
_APPOSITIVE_START = re.compile(r"(?:a|an|the|who|whom|whose|which|one|another|its|his|her|their|in|at|on|during|after|"
                               r"before|for|like|unlike|however|meanwhile|too|also|though|[A-Z0-9]|\w+['’]s\b|\w+ing\b)\b", re.U)
# Verbs of speech: their subject is a person or a body that speaks (so "one angler told" is a source)
SPEECH_LEMMAS = {"say", "tell", "add", "reply", "shout (manner of speaking)", "state", "note", "insist", "argue", "warn", "claim",
                 "explain", "describe", "admit", "deny", "acknowledge", "confirm", "predict", "believe", "complain", "mention"}


def speech_verb(rules: Rules, verb: str | None) -> bool:
    """Whether ``verb`` is a verb of speech, or one that a clause follows ("questioned whether",
    "argued that"): its subject is then someone who speaks or thinks, not a thing."""
    return _is_speech(rules.verbs.get(" ".join(verb.lower().split())) if verb else None)


def _is_speech(v) -> bool:
    return v is not None and (v.lemma in SPEECH_LEMMAS or (v.needs_clause or v.needs_that) and v.lemma != "find")


# Verbs that can come before their subject: "..., said the minister" / "..., added Smith".
# (not "tell": the phrase after "told" is the listener, '"...," X told reporters in Brenna')
INVERTIBLE = {"say", "add", "tweet", "note", "insist", "argue", "warn", "claim", "report", "predict", "believe", "reply",
              "shout (manner of speaking)", "state"}
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|should|did|does|do|may|might|must)\b")
_INVERTED_END = re.compile(r"\s*(?:[.!?;]|,\s*(?:who|whose|which|a|an|the|one|adding|citing|according|speaking|in|on|at|his|her|their)\b"
                           r"|,\s*[A-Z][\w-]*['’]s\s+[a-z]"  # "said Dr. Hana Suzuki, Corvana's head of research"
                           r"|,\s*\d{1,3}\s*(?:,|[.!?]|$)"  # "said Keisha Moran, 34, a nurse": an age
                           r"|,\s*[a-z]+(?:\s+[a-z]+){0,2}\s+(?:of|at|for)\s"  # "said Ines Marr, director of the charity"
                           r"|,\s*(?:[A-Z][a-z]+\.?\s+){1,2}[A-Z][\w-]+\s*[.!?])")  # "said the lead author, Professor Eva Lind."
_NOT_INVERTED = re.compile(r"\s*(?:that|to|it|they|he|she|we|I|you|this|there|on|in|at|by|last|next|this|today|yesterday|"
                           r"against|about|of|for|over|with|from|into|after|before|"  # "cautioned against reading ...": no subject
                           r"tomorrow|earlier|later|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")
_CONDUIT = re.compile(r"\s+((?:the\s+)?(?:[A-Z][\w.&'’-]*)(?:\s+[A-Z][\w.&'’-]*)*|the\s+(?:newspaper|paper|agency|outlet|broadcaster|network|magazine|website))")


# "the 95% that experts say is needed": a subject right after "that"/"which" that follows a
# noun (not a verb of saying) is inside a relative clause ("..., which it said crashed" is
# not: a pronoun there is the main clause's speaker).
_THAT_BEFORE = re.compile(r"(\S+)\s+(?:that|which)\s+$", re.I)


def _relative_before(masked: str, lo: int, s0: int, rules: Rules) -> bool:
    m = _THAT_BEFORE.search(masked, lo, s0)
    if m is None:
        return False
    word = m.group(1).lower().strip(",;:")
    return bool(re.fullmatch(r"[\w%$€£.'’-]+", word)) and word not in rules.verbs and not word.endswith(("ed", "s")) \
        and word not in {"so", "such", "now", "and", "but", "said", "says", "say"}


# "A driver who denies wrongdoing was arrested": the verb's subject is "who", in a relative
# clause; the main clause is someone else's ("was arrested").
_RELATIVE_SUBJECT = re.compile(r"\s(?:who|which|that)$")


# Document nouns that can be the subject of "includes", "sets out" ... (lemma "contain").
_DOCUMENTS = {"plan", "plans", "report", "reports", "bill", "budget", "roadmap", "strategy", "proposal", "policy",
              "study", "survey", "document", "documents", "filing", "memo", "letter", "agreement", "contract", "law",
              "draft", "programme", "program", "guidance", "guidelines", "analysis", "review", "audit", "assessment",
              "manifesto", "treaty", "declaration", "statement", "resolution", "regulation", "rules", "framework",
              "blueprint", "forecast", "outlook", "order", "indictment", "complaint", "lawsuit", "ruling", "verdict",
              "poll", "polls", "results", "figures", "data", "count", "tally", "census"}


def _strip_aux(left: str) -> str:
    while True:
        last = left.rsplit(None, 1)[-1:]
        if not last or not (last[0] in _AUX_LAST or last[0].endswith(("ly", "day"))):
            return left
        base = max(0, len(left) - 60)
        m = _AUX_TAIL.search(left, base)
        if not m or not m.group().strip():
            return left
        words = m.group().split()
        if words and words[-1].lower() in _NOT_ADVERB:
            return left
        left = left[: m.start()]




#: How far ``_np_after`` looks at first for the end of a noun phrase (it looks further only
#: when that stretch holds fewer than 16 words: a phrase of more than 14 is cut to 8 anyway).
NP_WINDOW = 400


def _np_end(masked: str, pos: int, limit: int) -> int:
    """Where the noun phrase from ``pos`` ends: the first ``_NP_END`` match before ``limit``,
    found in a window that grows only while it holds too few words to decide. A match
    wholly inside the window (ending before its edge) is the same match a search up to
    ``limit`` finds; a window with 16 words or more decides "too long" the same way too."""
    width = NP_WINDOW
    while True:
        edge = min(limit, pos + width)
        m = _NP_END.search(masked, pos, edge)
        if edge == limit:
            return m.start() if m else limit
        if m and m.end() < edge:
            return m.start()
        if len(masked[pos:edge].split()) >= 16:
            return edge  # more than 14 words either way: the caller keeps the first 8
        width *= 4


def _np_after(masked: str, pos: int, limit: int) -> tuple[int, int] | None:
    while pos < limit and masked[pos].isspace():
        pos += 1
    end = _np_end(masked, pos, limit)
    span = masked[pos:end]
    words = span.split()
    if not words or len(words) > 14:
        if len(words) > 14:
            end = pos + len(" ".join(span.split()[:8]))
        else:
            return None
    while end > pos and masked[end - 1].isspace():
        end -= 1
    return (pos, end) if end > pos else None


def _inverted_end(masked: str, pos: int, end: int) -> bool:
    """``_INVERTED_END.match(masked[pos:end] + ".")``, reading at most 200 characters (the
    rest of a long sentence is not copied for each verb)."""
    cut = min(end, pos + 200)
    if cut == end:
        return bool(_INVERTED_END.match(masked[pos:end] + "."))
    m = _INVERTED_END.match(masked, pos, cut)
    if m is not None and m.end() < cut:
        return True  # decided before the cut, as in the whole sentence
    if m is None and masked[pos:cut - 40].strip():
        return False  # a word before the cut that is not an ending: nothing later changes that
    return bool(_INVERTED_END.match(masked[pos:end] + "."))  # a long run of spaces: the full test


_LAST_SEPARATOR = re.compile(r"(?s:.*)(" + _SEGMENT_SPLIT.pattern + ")")


def _last_pieces(left: str) -> list[tuple[int, int]]:
    """The last three matches of ``_SEGMENT_SPLIT`` in ``left`` (all of them if fewer).

    Found from the right: the greedy ``.*`` backs off to the last separator. A
    one-character separator is always a match of the left-to-right scan too, and so are
    the ones before it; a " - " is handed to the full scan, which pairs runs of " - - "
    its own way."""
    out: list[tuple[int, int]] = []
    end = len(left)
    while len(out) < 3:
        m = _LAST_SEPARATOR.match(left, 0, end)
        if m is None:
            break
        a = m.start(1)
        if m.end(1) - a != 1:
            return [(x.start(), x.end()) for x in _SEGMENT_SPLIT.finditer(left)][-3:]
        out.append((a, a + 1))
        end = a
    out.reverse()
    return out


_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _has_letter(chunk: str) -> bool:
    return bool(_ASCII_LETTER.search(chunk)) or any(c.isalpha() for c in chunk)


# A person and a relative clause on why they are not named: "A tenant who asked that her
# name not be used", "one nurse who did not want to be named because ..."
_WHO_WITHHELD = re.compile(r"\s*(?:(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome)\s+|(?=[A-Z]))"
                           r"(?:[A-Za-z][\w-]*\s+){0,3}?(?:who|whom)\s+"
                           r"(?:asked|requested|declined|did\s+not\s+want|would\s+not|spoke|gave)\b")
_PARTICIPLE_START = re.compile(r"\s*(?:[a-z]+ed|seen|written|drawn|known|led|run|held|made)\s")
_OF_PLACE = re.compile(r"\s*of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s*$")
_AGE = re.compile(r"\s*\d{1,3}\s*")
# Sentence adverbs set off by commas between a subject and its verb ("X has, however, said").
_SENTENCE_ADVERBS = {"however", "though", "meanwhile", "too", "also", "instead", "in turn", "in fact", "of course",
                     "moreover", "nevertheless", "nonetheless", "indeed", "for its part", "for their part", "in a statement"}


class Subject(NamedTuple):
    """A subject phrase ``masked[start:end]`` and the appositive between commas after it, if any."""

    start: int
    end: int
    appositive: str | None


def subject_before(masked: str, start: int, vstart: int) -> Subject | None:
    """The subject phrase left of a verb at ``vstart`` (within ``masked[start:]``); None if
    there is none."""
    start = max(start, vstart - 250)  # a subject (with an apposition) is never longer
    left = _strip_aux(masked[start:vstart])
    if not left.strip():
        return None
    pieces = _last_pieces(left)
    bounds = [0] + [e for _, e in pieces]
    ends = [s for s, _ in pieces] + [len(left)]
    segs = list(zip(bounds, ends))
    seg_start, seg_end = segs[-1]
    appositive = None
    if not left[seg_start:seg_end].strip():  # "X, <appositive>, said"
        if len(segs) < 3:
            return None
        a0, a1 = segs[-2]
        appositive = left[a0:a1].strip()
        seg_start, seg_end = segs[-3]
        if appositive.lower() in _SENTENCE_ADVERBS:  # "Governments have, however, recognised that": no apposition
            appositive = None
            seg_end = seg_start + len(_strip_aux(left[seg_start:seg_end]))
    if appositive is not None and len(segs) >= 4 and _AGE.fullmatch(left[seg_start:seg_end]):
        # "Colin Pratt, 44, of Mill Road, denies arson", "Tomas Reyes, 64, a retired teacher, said":
        # the name before the age (the address or the description after it is not the subject)
        appositive = None if _OF_PLACE.match(appositive) else appositive
        seg_start, seg_end = segs[-4]
    k = len(segs) - (3 if appositive is not None else 1)
    while appositive is not None and k > 0 and _PARTICIPLE_START.match(left[seg_start:seg_end]):
        # "The memo, dated March 14 and signed by ..., Helen Varga, warned": a participle phrase
        # is a second apposition; the subject is before it
        k -= 1
        seg_start, seg_end = segs[k]
    chunk = left[seg_start:seg_end]
    offset = seg_start
    while True:
        lead = len(chunk) - len(chunk.lstrip())
        m = _CONNECTOR.match(chunk[lead:])
        if not m:
            break
        chunk, offset = chunk[lead + m.end():], offset + lead + m.end()
    # "A tenant who asked that her name not be used because she still lives there said": the
    # relative clause says why the person is unnamed; its "that"/"because" do not start the subject
    withheld = _WHO_WITHHELD.match(chunk)
    cut = None if withheld else _LAST_INNER_CUT.match(chunk)  # the last _INNER_CUT match (they cannot overlap)
    if cut:
        offset += cut.end()
        chunk = chunk[cut.end():]
    words = chunk.split()
    if not words or len(words) > (30 if withheld else 14) or not _has_letter(chunk) or "_" * 3 in chunk and len(words) == 1:
        return None
    if words[-1] == "to" or _SUBJECT_HAS_VERB.search(chunk):
        return None  # "...gathered on Tuesday to call for": a purpose clause; "X is one of ...": no subject
    s = start + offset + (len(chunk) - len(chunk.lstrip()))
    e = start + offset + len(chunk.rstrip())
    return Subject(s, e, appositive)


# A finite verb inside a would-be subject (not in a relative clause: "a man who was there").
# Also "than X said" / "what X said" / "It's ...": a comparison or a clause inside another
# one, so the main clause is the writer's ("It's less than what the mayor said").
_SUBJECT_HAS_VERB = re.compile(r"^(?:(?!\b(?:who|whom|whose|which|that)\b).)*?\b(?:is|are|was|were|has|have|had)\s"
                               r"|\b(?:than|what)\s|(?:^|\s)(?:it|that|there|this|here|what)?['’]s\s", re.I)

# "per the CDC" / "per Reuters" (not "$5 per barrel", "10 per cent": a capital must follow)
_AND_END = re.compile(r"\s+(?:and|but)\s*$")  # "X visited ... and argued", "X left rates unchanged but signalled"
# An opening phrase before the subject: "In October,", "On Tuesday,", "Shortly after,".
_INTRO = re.compile(r"\s*(?:[A-Z][A-Z.'’ -]{0,40}(?:,\s*[A-Z][a-z]{0,8}\.?\s+\d{1,2})?\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]+\s+)?"  # a dateline
                    r"\s*(?:(?:In|On|At|After|Before|During|Last|Earlier|Later|Shortly|Since|Then|Meanwhile|However|"
                    r"Also|Still|Yesterday|Today|This|Within|Soon|Overnight)\b[^,;:\x00]{0,40},\s*)?")
_NAME_RUN = re.compile(r"(?:(?:[A-Z][a-z]{0,4}\.|[A-Z]\.)\s+)*[A-Z][\w'’&-]*(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'’&-]*)*")
_DET_WORDS = re.compile(r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)(?:\s+[a-z][\w-]*){1,3}")


def _sentence_subject(masked: str, start: int, limit: int, rules: Rules) -> tuple[int, int] | None:
    """The subject at the start of a sentence (after an opening phrase): a run of
    capitalised words ("Rep. David McKinley", "Vietnam"), a pronoun, or "the + up to three
    words" naming a person or organisation ("the minister"), for a verb coordinated with
    the first one ("... and said")."""
    pos = _INTRO.match(masked, start, limit).end()
    m = _NAME_RUN.match(masked, pos, limit)
    first = m.group().split()[0] if m else ""
    if first in {"He", "She", "They"}:
        return (m.start(), m.start() + len(first))
    if m and first not in {"The", "A", "An", "Its", "Their", "It", "This", "That", "There", "Here"} \
            and first not in rules.not_names:
        return m.span()
    if m and first == "The" and len(m.group().split()) >= 2 and classify_source(m.group(), rules).label == "named":
        return m.span()  # "The European Central Bank"
    m = _DET_WORDS.match(masked, pos, limit)
    if not m:
        return None
    words = list(re.finditer(r"\S+", m.group()))
    for k in range(2, len(words) + 1):  # the shortest phrase that is a source
        end = m.start() + words[k - 1].end()
        if classify_source(masked[m.start():end], rules).label in ("named", "anonymous"):
            return (m.start(), end)
    return None


# "Some parents", "Two council members", after an opening phrase "some of Trump's defenders"
_QUANTIFIED = re.compile(r"(?:Some|Many|Several|Most|Other|Few|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Dozens|Hundreds"
                         r"|(?<=,\s)(?:some|many|several|most|few))"
                         r"\s+(?:of\s+(?:the\s+|[A-Z][\w-]*['’]s\s+)?)?(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w-]*")


def _participle_subject(masked: str, start: int, limit: int, rules: Rules) -> tuple[int, int] | None:
    """The sentence's subject for a participle after a comma ("The Water Board raised its
    rates, saying that ..."), more strictly than :func:`_sentence_subject`: one capitalised
    word counts only when a table lists it ("Critics", "Police"), since a sentence's first
    word is always capitalised ("Prices rose, ..." has no speaker); "The" + a name counts;
    "Some parents" takes the shortest phrase that is a source."""
    pos = _INTRO.match(masked, start, limit).end()
    q = _QUANTIFIED.match(masked, pos, limit)
    if q:
        words = list(re.finditer(r"\S+", q.group()))
        for k in range(len(words), 1, -1):  # the longest phrase that is a source: "Two council members"
            end = q.start() + words[k - 1].end()
            if classify_source(masked[q.start():end], rules).label == "anonymous":
                return (q.start(), end)
        return None
    m = _NAME_RUN.match(masked, pos, limit)
    if m:
        words = m.group().split()
        if words[0] in {"The", "A", "An"} and len(words) >= 2 or len(words) >= 2 and words[0] not in rules.not_names:
            return m.span()
        low = words[0].lower()
        if len(words) == 1 and (low in rules.heads or low in rules.bare_institutions or low in rules.institution_heads):
            return m.span()
        if words[0] not in {"The", "A", "An", "Its", "Their"}:
            return None
    return _sentence_subject(masked, start, limit, rules)


_FRAMES = re.compile(r"\b(?:(according\s+to)|(citing)|(quoted)|(?<![\d%$€£]\s)(?<![\d%$€£])((?-i:[Pp]er)(?=\s+(?-i:(?:the\s+)?[A-Z]|the\s+[a-z]+['’]s?\s)))"
                     # "by the authority's own estimate", "by one count": whose estimate it is
                     r"|(by)(?=\s+(?:[\w-]+\s+){0,4}?[\w-]+['’]s?\s+(?:own\s+)?(?:estimates?|count|reckoning|calculations?|tally)\b))\s+", re.I)
_FRAME_WORDS = ("according", "citing", "quoted", "per ", "estimate", "count", "reckoning", "calculation", "tally")  # a cheap test before _FRAMES, on lower-cased text
_THAT_AFTER = re.compile(r"\s+that\b")
# A modal of obligation right before the verb: what someone must or should say, not what they said
_PRESCRIBED = re.compile(r"\b(?:must|should|ought\s+to|ha(?:ve|s)\s+to|needs?\s+to)\s+(?:not\s+|also\s+|first\s+)?$", re.I)
# A reported clause without "that" after a participle of saying: "..., saying it would ...",
# "..., arguing the plan was ..." (a subject pronoun or "the", then a word).
_CLAUSE_SUBJECT = re.compile(r"\s+(?:it|they|he|she|we|there|the)\s+[a-z]")
_AS_SAYING = re.compile(r"\s+as\s+(?:saying|stating|telling)\b", re.I)
# (a reported question is a clause too: "questioned whether", "wondered why")
_CLAUSE_FOLLOWS = re.compile(r"\s*(?:that\b|(?:whether|why|how|if)\b|[,:;.!?\x00“\"]|$)|\s+(?:on|in|at|last|this|yesterday|today|earlier|later)\b"
                             # "admitted after Saturday's defeat that ...": a time phrase, then "that"
                             r"|\s+(?:after|before|during)\s+[^,.;:\x00]{1,40}?\s+that\b"
                             # a reported clause without "that": "fear the bank has kept ...", "hoped it would ..."
                             r"|\s+(?:the|a|an|it|they|he|she|we|this|these|their|its|his|her|prices|rates)\s+(?:[\w'’-]+\s+){0,3}?"
                             r"(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must)\b")
_NOT_REPORTING_OBJECT = re.compile(r"\s+(?:responsibility|credit|victory|the\s+lives?|the\s+life|the\s+title|a\s+record|"
                                   r"ownership|asylum|compensation|damages)", re.I)
_FUTURE_TO = re.compile(r"\b(?:due|expected|scheduled|set|poised|slated|going|about)\s+to\s+$", re.I)
_ISSUED_WARNING = re.compile(r"(?:\s+[\w'’-]+){0,4}?\s+(?:warnings?|alerts?|advisory|advisories|advice|guidance|statement|appeal|"
                             r"forecast|notice|recall|apology|denial|ultimatum)\b", re.I)
# "sees annual operating profit between ...", "sees sales growth of 3%", "sees inflation
# falling": a forecast noun within a few words after "sees"
_FORECAST_OBJECT = re.compile(r"\s+(?:(?:its|an?|the|full-year|annual|yearly|quarterly|second-half|first-half|core|adjusted|"
                              r"operating|net|underlying|organic|like-for-like|comparable|group|sales|revenue|profit)\s+){0,4}"
                              r"(?:profits?|revenues?|sales|earnings|growth|inflation|demand|margins?|loss(?:es)?|deficit|"
                              r"surplus|output|turnover|ebitda|ebit|income|cash\s+flow|returns?|prices|rates|guidance)\b", re.I)
_WELCOMED_GUESTS = re.compile(r"\s+(?:(?:more\s+than|about|some|nearly|almost|over|around)\s+)?(?:\d|(?:an?|the|their|its|his|her|our)?\s*"
                             r"(?:new\s+)?(?:baby|son|daughter|twins|child|children|visitors?|tourists?|guests?|fans|players?|"
                             r"refugees|migrants|pupils|students|members|delegates|passengers|crowds?|thousands|hundreds|dozens|millions)\b)", re.I)
# "with several passengers telling reporters ...": the subject of a participle after "with"
_WITH_SUBJECT = re.compile(r"(?:^|[,;]\s*|\s)with\s+((?!(?:the|a|an)\s+(?:help|aim|support)\b)"
                           r"(?:(?![\w'’.-]*ing\b)[\w'’.-]+,?\s+){0,6}?(?![\w'’.-]*ing\b)[\w'’.-]+),?\s+$")
_NEVER_NOUNS = {"said", "told", "wrote"}
_NOUN_NEXT = re.compile(r"\s*(?:[.,;:!?)]|(?:as|was|is|were|are|has|had|of|for|by|against|over|from|filed|made)\b)", re.I)
_NOUN_COMPOUND = re.compile(r"\b(?:the|a|an|his|her|their|its|whose|this|that)\s+[a-z][a-z-]+\s*$", re.I)


def _person_or_body(word: str, rules: Rules) -> bool:
    """A word the tables list for people or bodies that speak ("company", "minister", "police")."""
    return _person_noun(word, rules) or word in rules.institution_heads or word in rules.bare_institutions \
        or word.endswith("s") and word[:-1] in rules.roles


_DETERMINER_BEFORE = re.compile(r"(?:\b(?:a|an|the|his|her|their|its|our|my|your|this|that|these|those|no|any)|['’]s)\s*$", re.I)


# A data or document noun right before "show"/"found": "data show", "records showed", "the
# survey found" report their content without "that".
_EVIDENCE_BEFORE = re.compile(r"\b(?:data|figures|statistics|numbers|records|study|studies|report|survey|surveys|poll|polls|research|analysis"
                              r"|census|audit|review|documents|estimates)"
                              r"(?:\s+(?:published|released|issued|compiled|collected|obtained)(?:\s+[\w'’-]+){0,6}?)?"  # "figures published in January"
                              r"\s+(?:also\s+)?$", re.I)
_CLAUSE_END = re.compile(r"\s*(?:(?:last|this|next|on|in|earlier|late)\s+[\w]+\s*){0,2}(?:[.!?;]|$)")
_ADJECTIVE = re.compile(r"[a-z][a-z-]{2,}(?:al|ous|ive|ful|ic|ary|ing|ed)$")  # "conflicting reports", "Unconfirmed reports"
_SAID_TO_BE = re.compile(r"\s+to\s+(?:be|have)\b")
_THAT, _OF, _DIGIT = re.compile(r"(?:\s+(?:this|last|next|earlier|late)\s+(?:week|month|year|spring|summer|autumn|fall|winter)|"
                                 r"\s+on\s+[A-Z][a-z]+day|\s+in\s+[A-Z][a-z]+|"
                                 r"\s+(?:again\s+and\s+again|time\s+and\s+again|time\s+after\s+time|over\s+and\s+over|repeatedly|consistently)|"
                                 r",\s*(?:however|though|too|also|in\s+court|in\s+evidence|under\s+questioning),)?\s+that\b"), re.compile(r"\s+of\b"), re.compile(r"\s+\d")
# A labelling verb's object (up to eight words, no punctuation) and then a quotation (masked,
# or a phrase whose marks are kept) or "as": 'called the vote “...”', 'described it as ...'.
_OBJECT_WORD = r"(?:\s+[^\s\x00“”\"‘’«».,;:!?()]+){0,8}?"
_OBJECT_THEN = {"quote": re.compile(_OBJECT_WORD + r"\s*[\x00“\"‘«]"),
                "as": re.compile(_OBJECT_WORD + r"\s+as\b", re.I),
                "to": re.compile(r"(?:\s+(?!to\b)[\w][\w'’-]*){0,5}?\s+to\s+(?!the\b|a\b|an\b)[a-z]"),  # "expects prices to rise"
                # "dismissed the idea", "dismissed concerns about ...": an object that is a claim, or "as" after it
                "claim": re.compile(r"(?:\s+(?:the|these|those|such|his|her|their|its|any|all|earlier|recent|growing|"
                                    r"widespread|repeated|public|[a-z]+['’]s?)){0,2}\s+(?:ideas?|suggestions?|claims?|reports?|"
                                    r"criticism|concerns?|allegations?|accusations?|speculation|notion|proposals?|charges?|"
                                    r"fears?|rumou?rs?|talk|comparisons?|warnings?|complaints?|calls)\b"
                                    + "|" + _OBJECT_WORD + r"\s+as\b", re.I),
                # "assured investors that", "reminded staff (not) to": a listener, then what they were told
                "that": re.compile(r"(?:\s+(?!that\b)[^\s\x00“”\"‘’«».,;:!?()]+){1,4}?\s+(?:that\b|(?:not\s+)?to\s+[a-z])", re.I),
                # "credited the results to the programme", "attributed the delay to rain": a cause the speaker gives
                "cause": re.compile(r"(?:\s+(?!to\b|with\b)[\w][\w'’-]*){1,6}?\s+(?:to|with)\s+\w")}


def _verb_matches(masked: str, start: int, end: int, rules: Rules):
    """``rules.verb_re.finditer(masked, start, end)``, faster: on a lower-cased copy of the
    stretch (and the character before it, for the look-behind) without IGNORECASE."""
    lo = max(0, start - 1)
    seg = masked[lo:end]
    low = seg.lower()
    rx = rules.verb_after_char
    if len(low) != len(seg) or rx is None or CASE_ODDITIES.search(seg):
        return rules.verb_re.finditer(masked, start, end)
    if start == 0:  # nothing before the text: as if a space
        low, lo = " " + low, -1
    return [Hit(masked, (m.start() + 1 + lo, m.end() + lo)) for m in rx.finditer(low)]


# Who produced a document or data set: a name ("the Bureau of Labor Statistics", "the Office
# for National Statistics", "Reuters and the Census Bureau") or "the/its + institution noun".
_PRODUCER_NAME = re.compile(r"\s*((?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|on|and|de|the|&)\s+)*[A-Z][\w.&'’-]*)*)")
_PRODUCER_NOUN = re.compile(r"\s*(?:the|this|its|their|his|her)(?:\s+[a-z][\w-]*){1,5}")
_LOWER_WORD = re.compile(r"[a-z][\w-]*")
_MONTH_OR_DAY = re.compile(r"(?:the\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?$")


def _evidence_matches(masked: str, start: int, end: int, rules: Rules, index: PhraseIndex | None, seg_low: str | None):
    """"data from", "figures published by", "a report by" ... in ``masked[start:end]``
    (``seg_low``: that stretch lower-cased, for a quick test; None to skip the test)."""
    if index is not None:
        return index.hits("evidence_re", masked, start, end)
    if seg_low is not None and not rules.evidence_hint.search(seg_low):
        return ()
    return rules.evidence_re.finditer(masked, start, end)


def _producer(masked: str, pos: int, end: int, rules: Rules) -> tuple[int, int] | None:
    """The producer named after "data from" / "a report by", as (start, end), or None."""
    m = _PRODUCER_NAME.match(masked, pos, end)
    if m and m.group(1) and not _MONTH_OR_DAY.match(m.group(1)) and classify_source(m.group(1), rules).label == "named":
        return m.span(1)
    m = _PRODUCER_NOUN.match(masked, pos, end)
    if m:  # "the ministry", "the health ministry": up to the first institution noun
        for w in _LOWER_WORD.finditer(masked, m.start(), m.end()):
            if w.group() in rules.institution_heads or w.group() in rules.bare_institutions:
                return (m.start() + len(m.group()) - len(m.group().lstrip()), w.end())
    return None


def _data_across_dash(rules: Rules) -> re.Pattern:
    """A data noun whose producer comes after a dash-enclosed aside: "the latest figures on
    hospital stays — adults and children — from the health ministry" (``evidence_nouns``
    with "from"; at most 12 words on the topic, at most 150 characters in the aside)."""
    def build():
        nouns = "|".join(map(re.escape, rules.tables.get("evidence_nouns", [])))
        return re.compile(r"\b(?:" + nouns + r")(?:\s+(?:on|about|for)(?:\s+[^\s—–.;:]+){1,12})?"
                          r"\s*[—–][^—–.;\x00]{1,150}[—–]\s*from\b", re.I)
    return rules._lazy("data_across_dash", build)


def verb_uses(masked: str, start: int, end: int, rules: Rules, index: PhraseIndex | None = None):
    """Reporting verbs used as verbs in ``masked[start:end]``: yields (match, Verb).
    Skips nouns ("false claims", "a say"), capitalised words ("United States"),
    reflexives ("declared himself"), "claimed responsibility" and verbs whose table entry
    needs "that" or a clause boundary after them. ``index``: a :class:`PhraseIndex` of
    the text (faster when many ranges of one text are read)."""
    found = index.hits("verb_re", masked, start, end) if index is not None else _verb_matches(masked, start, end, rules)
    for m in found:
        form = " ".join(m.group().lower().split())
        verb = rules.verbs.get(form)
        if verb is None or m.group()[:1].isupper():
            continue
        v0, v1 = m.span()
        after = masked[v1:min(end, v1 + 80)]
        before = masked[max(start, v0 - 80):v0]
        if form == "said" and _SAID_TO_BE.match(after):
            continue
        if verb.needs_that and not _THAT.match(after) and not ("," in before and _CLAUSE_END.match(after)) \
                and not _EVIDENCE_BEFORE.search(before):  # "the agency's data show 1,840 cases"
            continue  # (but "..., Eurostat data showed last week." closes a sentence it attributes)
        if verb.object_then and not _OBJECT_THEN[verb.object_then].match(after) \
                and not (verb.object_then == "that" and before.rstrip().endswith((",", MASK, "”", '"'))):
            continue  # ('"...," the mayor informed journalists': a listener after a quotation is enough)
        if verb.needs_clause and not _CLAUSE_FOLLOWS.match(after) and not before.rstrip().endswith((",", MASK, "”", '"')):
            continue
        if form == "report" and _FUTURE_TO.search(before[-40:]):
            continue  # "the company is due to report its results": a scheduled event, not a statement
        if verb.lemma == "fear" and (after.startswith((" of ", " for ")) or before.rstrip().lower().endswith((" for", "in"))):
            continue  # "for fear of looting", "in fear": nouns
        if verb.lemma == "ask (to)" and after[:4].lower() == " to ":
            continue  # "asked to leave the club": a request for oneself, not an appeal to others
        if verb.lemma == "issue (a warning)" and not _ISSUED_WARNING.match(after):
            continue  # "issued its highest heat warning" (a communication), not "issued bonds"
        if verb.lemma == "see (forecast)" and not _FORECAST_OBJECT.match(after):
            continue  # "the city sees two million tourists": only a forecast noun makes "sees" a forecast
        if verb.lemma == "praise" and form.startswith("welcom") and _WELCOMED_GUESTS.match(after):
            continue  # "the city welcomed 2 million tourists", "the couple welcomed a baby": not a judgement
        if _REFLEXIVE.match(after) or _NOT_REPORTING_OBJECT.match(after) or (form == "accused" and _OF.match(after)) \
                or (verb.lemma == "claim" and _DIGIT.match(after)):
            continue
        if _DETERMINER_BEFORE.search(before[-12:]) and not (form in _NEVER_NOUNS and before.rstrip().lower().endswith(" her")):
            continue  # "a say", "the reports", "Maduro's claims": nouns (but "Some who worked with her said")
        prev = before.rsplit(None, 1)[-1:]
        if verb.noun_too and not form.endswith("ed") and (not prev or _DETERMINER_OR_POSS.search(prev[0])):
            continue
        if verb.noun_too and not form.endswith("ed") and _NOUN_COMPOUND.search(before) and _NOUN_NEXT.match(after) \
                and not _person_or_body(before.rsplit(None, 1)[-1].lower(), rules):
            continue  # "the water claim as ...", "a compensation claim was": a noun after a noun, not "the company claims"
        if verb.noun_too and form.endswith("s") and prev and _ADJECTIVE.match(prev[0].lower()) \
                and prev[0] not in rules.heads and prev[0] not in rules.roles and prev[0] not in rules.institution_heads:
            continue  # "sweeping territorial claims", "conflicting reports": a noun after an adjective
        yield m, verb


class _Spans:
    """Cue spans already taken, sorted by start: is a position inside one of them? (Looks
    only at spans that start within the longest span's length before it, so a sentence with
    thousands of cues is not read once for each.)"""

    __slots__ = ("starts", "ends", "longest")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.longest = 0

    def add(self, a: int, b: int) -> None:
        i = bisect.bisect_right(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)
        self.longest = max(self.longest, b - a)

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0 and self.starts[i] >= pos - self.longest:
            if self.ends[i] > pos:
                return True
            i -= 1
        return False


def find_attributions(text: str, masked: str, start: int, end: int, rules: Rules, uses=None,
                      index: PhraseIndex | None = None) -> list[Attribution]:
    """Every attribution in ``text[start:end]``, in order. ``masked`` is ``text`` with speech
    quotations replaced by :data:`MASK` characters (same length)."""
    found: list[Attribution] = []
    taken = _Spans()

    def add(kind, s0, s1, c0, c1, verb=None, appositive=None):
        phrase = text[s0:s1]
        v = rules.verbs.get(" ".join(verb.lower().split())) if verb else None
        verdict = classify_source(phrase, rules, appositive=appositive, speech=_is_speech(v))
        if verdict.label == "none":
            return  # "sales topped estimates", "the storm forced": not a source
        if v is not None and v.lemma == "contain" and (phrase.split() or [""])[-1].lower().strip(",.;:") not in _DOCUMENTS:
            return  # "the team includes three players": only a document says what it contains
        source = phrase
        if verdict.why.startswith("named in the apposition") and appositive:
            source = appositive
        sub = kind == "verb" and bool(_SUBORDINATE_BEFORE.search(masked, max(start, s0 - 30), s0)
                                      or verdict.label != "pronoun" and _relative_before(masked, max(start, s0 - 40), s0, rules)
                                      or bool(_RELATIVE_SUBJECT.search(text, s0, s1)))
        found.append(Attribution(kind, source, s0, s1, text[c0:c1], c0, c1, verb,
                                 v.note if v else None, v.stance if v else None, verdict.label, verdict.why, sub))
        taken.add(c0, c1)

    low = index.lowered(masked) if index is not None else None
    if low is not None:
        framed = any(low.find(w, start, end) >= 0 for w in _FRAME_WORDS)
        seg_low = None
    else:  # a quick test on the lower-cased stretch (exact unless it has İ, ı or ſ)
        seg = masked[start:end]
        seg_low = None if CASE_ODDITIES.search(seg) else seg.lower()
        framed = seg_low is None or any(w in seg_low for w in _FRAME_WORDS)
    for m in (_FRAMES.finditer(masked, start, end) if framed else ()):
        np = _np_after(masked, m.end(), end)
        if not np:
            continue
        if m.group(1) or m.group(4) or m.group(5):
            add("according_to", np[0], np[1], m.start(), np[1])
        elif m.group(2):
            add("citing", np[0], np[1], m.start(), np[1])
        else:  # "quoted X as saying"
            said = _AS_SAYING.match(masked, np[1])
            if said:
                add("citing", np[0], np[1], m.start(), said.end())
    for m in _evidence_matches(masked, start, end, rules, index, seg_low):
        if taken.covers(m.start()):
            continue
        producer = _producer(masked, m.end(), end, rules)
        if producer:
            add("document", producer[0], producer[1], m.start(), producer[1])
    if not found and ("—" in masked[start:end] or "–" in masked[start:end]):
        for m in _data_across_dash(rules).finditer(masked, start, end):  # "data on X — a, b — from the CDC"
            producer = _producer(masked, m.end(), end, rules)
            if producer and not taken.covers(m.start()):
                p1 = producer[1] - (masked[producer[1] - 1] == "." and producer[1] - producer[0] > 1)  # the full stop
                add("document", producer[0], p1, m.start(), p1)
    for m, verb in (verb_uses(masked, start, end, rules, index) if uses is None else uses):
        v0, v1 = m.span()
        before = masked[max(start, v0 - 80):v0]
        if m.group().lower().endswith("ing") and (w := _WITH_SUBJECT.search(masked, max(start, v0 - 80), v0)) \
                and not taken.covers(v0):
            # "..., with Valdoria's chief envoy saying a deal was within reach": the phrase after "with" speaks
            add("verb", w.start(1), w.end(1), w.start(1), v1, m.group())
            continue
        if not found and m.group().lower().endswith("ing") and before.rstrip().endswith(",") \
                and (_THAT_AFTER.match(masked, v1, end) or _CLAUSE_SUBJECT.match(masked, v1, end)):
            # "Critics went online, claiming that ...", "..., saying it would hurt shops": the subject says it
            lead = _participle_subject(masked, start, v0, rules)
            if lead is not None:
                add("verb", lead[0], lead[1], lead[0], v1, m.group())
            continue
        if taken.covers(v0) or m.group().lower() in CONTINUATIONS:
            continue
        if _PRESCRIBED.search(before[-30:]):
            continue  # "Athletes must tell testers ...", "Councillors should say no": an obligation, not a report
        if not m.group().lower().endswith("ing") and _PASSIVE_BEFORE.search(before[-60:]):  # "are asking" is not a passive
            by = _BY.match(masked, v1, min(end, v1 + 80))
            if by:
                np = _np_after(masked, by.end(), end)  # (the match holds positions in the whole text)
                if np:
                    add("verb", np[0], np[1], v0, np[1], m.group())
            continue
        stripped = before.rstrip() or masked[max(start, v0 - 250):v0].strip() or masked[start:v0].strip()
        subj = subject_before(masked, start, v0)
        if subj is not None and subj.appositive is not None and _APPOSITIVE_START.match(subj.appositive):
            add("verb", subj.start, subj.end, subj.start, v1, m.group(), subj.appositive)
            continue
        if (stripped.endswith((",", MASK, "”", '"')) or not stripped) and verb.lemma in INVERTIBLE:
            np = _np_after(masked, v1, end)
            if np and len(masked[np[0]:np[1]].split()) <= 12 and _inverted_end(masked, np[1], end) \
                    and not _FINITE.search(masked, np[0], np[1]) \
                    and not _NOT_INVERTED.match(masked, v1):
                add("inverted", np[0], np[1], v0, np[1], m.group())
                continue
        if _AND_END.search(_strip_aux(masked[max(start, v0 - 250):v0])) \
                and (subj is None or masked[subj.start:subj.end].endswith((" and", " but"))):
            paren = masked.rfind("(", start, v0)
            own = paren + 1 if paren >= 0 and masked.find(")", paren, v0) < 0 else start  # an aside has its own subject
            lead = _sentence_subject(masked, own, v0, rules)
            if lead is not None and not any(a.source_start == lead[0] for a in found):  # "X visited ... and argued": X argued
                add("verb", lead[0], lead[1], lead[0], v1, m.group())
            continue
        if subj is None:
            continue
        s0, s1, appositive = subj
        c1 = v1
        if verb.lemma == "tell":
            conduit = _CONDUIT.match(masked, v1, end)
            if conduit:
                c1 = conduit.end()
        add("verb", s0, s1, s0, c1, m.group(), appositive)
    found.sort(key=lambda a: a.cue_start)
    return found
