"""Word choice across outlets: loaded terms, the labels put on names, and concordances.

Three small, explainable tools for notebook 06 (and any article):

* :func:`find_loaded_terms` finds words from the rules table ``medialit/rules/framing.toml``
  ("seized control", "self-proclaimed", "crushing" ...). Each hit carries the table row
  that decided it: its category, plainer alternatives, why it is loaded and where the pair
  comes from, and whether it stands inside quotation marks (then it is a quoted speaker's
  word, not the outlet's own voice).
* :func:`name_labels` reads the words an article puts around a name: the label before it
  ("the legitimately elected Maduro", "opposition leader Juan Guaido"), an appositive after
  it ("Guaido, the head of the opposition-led National Assembly,") and the noun it
  qualifies ("the Maduro regime" / "Maduro's government").
* :func:`concordance` lists every occurrence of a word with its context (keyword in context).

All three skip boilerplate lines (``medialit.clean.find_boilerplate``) unless told not to,
match accents loosely ("Guaido" finds "Guaidó"), and return frozen records with offsets
into the text. :func:`by_article` runs any of them over a corpus and returns table rows.

>>> hits = find_loaded_terms("Critics say he seized control in 2013.")
>>> [(h.text, h.category, h.neutral[0]) for h in hits]
[('seized control', 'taking power', 'took power')]
>>> [l.label for l in name_labels("He met opposition leader Juan Guaido.", "Guaido")]
['opposition leader']
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = [
    "Term", "FramingRules", "LoadedTerm", "NameLabel", "ConcordanceLine",
    "load_rules", "find_loaded_terms", "name_labels", "concordance", "by_article",
]


class FramingRulesError(ValueError):
    """A framing rules table that cannot be used; the message names the file and the entry."""


# ------------------------------------------------------------------ the rules table
@dataclass(frozen=True)
class Term:
    """One row of the rules table: a loaded term and what a plainer report could say."""

    term: str
    forms: tuple[str, ...]
    category: str
    neutral: tuple[str, ...]
    why: str
    source: str

    def to_dict(self) -> dict:
        return asdict(self)


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
        raise FramingRulesError(f"{where}: missing field '{key}'")
    value = entry[key]
    if not isinstance(value, kind):
        raise FramingRulesError(f"{where}: field '{key}' should be a {kind.__name__}, not {type(value).__name__}")
    return value


def load_rules(path: str | Path | None = None, *, extra_terms: Iterable[dict] = ()) -> FramingRules:
    """Load a framing rules table (default: the packaged ``rules/framing.toml``).

    ``extra_terms`` are more ``[[term]]`` entries as dicts (same fields), e.g. a teacher's
    own additions. Errors name the file and the entry:

    >>> rules = load_rules(extra_terms=[{"term": "junta", "forms": ["junta"], "category": "label",
    ...     "neutral": ["military government"], "why": "...", "source": "teacher"}])
    >>> rules.terms[-1].term
    'junta'
    """
    if path is None:
        data_text = resources.files("medialit").joinpath("rules/framing.toml").read_text(encoding="utf-8")
        shown = "medialit/rules/framing.toml"
    else:
        shown = str(path)
        try:
            data_text = Path(path).read_text(encoding="utf-8")
        except OSError as err:
            raise FramingRulesError(f"{shown}: cannot read the file ({err.strerror or err})") from None
    try:
        data = tomllib.loads(data_text)
    except tomllib.TOMLDecodeError as err:
        raise FramingRulesError(f"{shown}: invalid TOML ({err})") from None
    entries = list(data.get("term", [])) + list(extra_terms)
    terms = []
    for i, entry in enumerate(entries, 1):
        where = f"{shown}: term {entry.get('term', '#' + str(i))!r}"
        forms = _need(entry, "forms", list, where)
        if not forms or not all(isinstance(f, str) and f.strip() for f in forms):
            raise FramingRulesError(f"{where}: field 'forms' must list at least one non-empty phrase")
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
    return load_rules()


def _form_pattern(form: str) -> str:
    parts = []
    for word in re.split(r"[\s\-]+", _fold(form.strip())):
        parts.append(re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word))
    return r"(?<!\w)" + r"[\s\-]+".join(parts) + r"(?!\w)"


# ------------------------------------------------------------------ shared helpers
def _fold(text: str) -> str:
    """Strip accents character by character, so offsets stay the same ("Guaidó" -> "Guaido")."""
    return "".join(unicodedata.normalize("NFD", ch)[0] if ord(ch) > 127 else ch for ch in text)


_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


_SPEAKER_LABEL = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]", re.MULTILINE)


def _line_speaker(text: str, pos: int) -> str | None:
    """The speaker label of an interview line ("Jim Jatras: Well, ...") that ``pos`` sits in."""
    line_start = text.rfind("\n", 0, pos) + 1
    m = _SPEAKER_LABEL.match(text, line_start)
    return m.group(1) if m and m.end() <= pos else None


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _skipped(text: str, skip_boilerplate: bool) -> list[tuple[int, int]]:
    if not skip_boilerplate:
        return []
    from medialit.clean import find_boilerplate
    return [(b.start, b.end) for b in find_boilerplate(text)]


# ------------------------------------------------------------------ loaded terms
@dataclass(frozen=True)
class LoadedTerm:
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

    def to_dict(self) -> dict:
        return asdict(self)


def find_loaded_terms(text: str, *, rules: FramingRules | None = None,
                      skip_boilerplate: bool = True) -> list[LoadedTerm]:
    """Every loaded term from the rules table in ``text``, in order.

    ``quoted`` is True when the term stands between quotation marks: then it is the quoted
    speaker's word, and the outlet's choice was to quote it. ``speaker`` is set when the
    term sits in an interview answer ("Jim Jatras: ..."): the interviewee's word.

    >>> [(t.text, t.quoted) for t in find_loaded_terms('He said "the regime" would fall.')]
    [('regime', True)]
    """
    rules = rules or _default_rules()
    folded = _fold(text)
    skip = _skipped(text, skip_boilerplate)
    quoted = _quoted_spans(text)
    seen: set[tuple[int, int]] = set()
    out = []
    for term in rules.terms:
        for form in term.forms:
            for m in re.finditer(_form_pattern(form), folded, flags=re.IGNORECASE):
                span = (m.start(), m.end())
                if span in seen or _inside(*span, skip):
                    continue
                seen.add(span)
                out.append(LoadedTerm(m.start(), m.end(), text[m.start():m.end()], term.term, term.category,
                                      term.neutral, term.why, term.source, form, _inside(*span, quoted),
                                      _line_speaker(text, m.start())))
    return sorted(out, key=lambda t: (t.start, t.end))


# ------------------------------------------------------------------ labels around a name
@dataclass(frozen=True)
class NameLabel:
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

    def to_dict(self) -> dict:
        return asdict(self)


_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def name_labels(text: str, name: str, *, rules: FramingRules | None = None,
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
    rules = rules or _default_rules()
    folded = _fold(text)
    skip = _skipped(text, skip_boilerplate)
    quoted = _quoted_spans(text)
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    starts = {s: i for i, (s, _) in enumerate(tokens)}
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in _fold(name).split()) + r"(?!\w)"
    out = []
    for m in re.finditer(pattern, folded):
        if _inside(m.start(), m.end(), skip) or m.start() not in starts:
            continue
        first = starts[m.start()]
        name_start, label_start = _read_backwards(text, tokens, first, m.end(), rules)
        appositive, head = _read_forwards(text, m.end(), rules)
        label = text[label_start:name_start].strip().rstrip(",").strip() if label_start < name_start else ""
        out.append(NameLabel(
            start=label_start, end=m.end(), text=text[label_start:m.end()], name=text[name_start:m.end()],
            label=label, appositive=appositive, head=head, quoted=_inside(m.start(), m.end(), quoted),
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


# ------------------------------------------------------------------ concordance
@dataclass(frozen=True)
class ConcordanceLine:
    """One occurrence of a word with up to ``width`` characters of context either side,
    never reaching past the line it is on (so page furniture does not leak in)."""

    start: int
    end: int
    left: str
    match: str
    right: str
    quoted: bool

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.left:>{len(self.left)}} [{self.match}] {self.right}"


def concordance(text: str, word: str, *, width: int = 40, skip_boilerplate: bool = True) -> list[ConcordanceLine]:
    """Every occurrence of ``word`` (or phrase; accents and case ignored; ``*`` ends a prefix).

    >>> [l.match for l in concordance("Sanctions bite. New sanctions came.", "sanction*")]
    ['Sanctions', 'sanctions']
    """
    if not word.strip():
        raise ValueError("concordance: give a word to look for, e.g. 'sanctions'")
    folded = _fold(text)
    skip = _skipped(text, skip_boilerplate)
    quoted = _quoted_spans(text)
    out = []
    for m in re.finditer(_form_pattern(word), folded, flags=re.IGNORECASE):
        if _inside(m.start(), m.end(), skip):
            continue
        left = text[max(0, m.start() - width):m.start()].rsplit("\n", 1)[-1]   # context stays on its line
        right = text[m.end():m.end() + width].split("\n", 1)[0]
        left, right = " ".join(left.split()), " ".join(right.split())
        out.append(ConcordanceLine(m.start(), m.end(), left, text[m.start():m.end()], right,
                                   _inside(m.start(), m.end(), quoted)))
    return out


# ------------------------------------------------------------------ over a corpus
def by_article(articles: Iterable[Any], function: Callable[..., list], *args: Any, **kwargs: Any) -> list[dict]:
    """Run ``function(article.text, *args, **kwargs)`` on each article; one dict per result,
    with the article's id (and outlet, if known) first: ready for ``pandas.DataFrame``.

    >>> from medialit.corpus import load_corpus
    >>> rows = by_article(load_corpus(), name_labels, "Guaido")
    >>> rows[0]["article"]
    '000'
    """
    rows = []
    for article in articles:
        for item in function(article.text, *args, **kwargs):
            row = {"article": article.id, "outlet": getattr(article, "outlet", "unknown")}
            row.update(item.to_dict())
            rows.append(row)
    return rows
