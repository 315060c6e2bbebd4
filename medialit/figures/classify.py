"""How a number found in the text becomes a figure: its scale, currency, unit, counted noun,
or the reason it is not a figure at all (a name such as "Resolution 2202", an address, an ID).

Internal module: use :func:`medialit.figures.extraction.extract`.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from medialit.figures.ambiguous import read_unit
from medialit.figures.patterns import P_EXCLUDE, P_NUMBER, Cand, scale_after
from medialit.figures.tables import FigureRules
from medialit.text.numbers import parse_number_words, parse_numeral

_WS = re.compile(r"\s+")
_STOP = frozenset(
    "the a an of in on at to for and or but nor were are is was be been being have has had will would "
    "could should may might must can who whom which that this these those from with by as than then so "
    "if when while after before since until into onto over under about against between through during "
    "without within per each every all some any no not it they we he she you i there here out up down".split())
_DETERMINERS = frozenset("the its their his her our my your these those whose".split())
_WORD_AHEAD = re.compile(r"[ \u00a0]+([A-Za-z][\w'’-]*)")
_AGE_AFTER = re.compile(r"(?:\s+|-)(year|month|week|day)s?(?:\s+|-)old\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged|age)\s+$", re.I)
_NAME_COMMA_BEFORE = re.compile(r"\b[A-Z][\w'’.-]+,\s+$")
_NAME_COMMA_AFTER = re.compile(r",|\s+(?:of|from|and|was|is|who|were|has|had|died|said|told)\b")
_RATE = re.compile(r"(?:\s*/\s*|\s+per\s+|\s+(?P<a>an?)\s+)(?:(?P<n>\d[\d,]*)\s+)?(?P<w>[A-Za-z]+)\b"
                   r"(?!\s+(?:earlier|ago|later|before|after|apart|on)\b|\s+from\s+(?:now|then|today)\b)")
_CODE_AFTER = re.compile(r"[^\W\d_]")
# Money written in a subunit is reported in the main unit, as the devset guide's money values
# are: "62p" = 0.62 GBP. Pence are always sterling; "cents" are a hundredth of the dollar or the
# euro, whichever the article writes more often (as often: the one written last before them, else
# first after them); in an article with neither the figure stays in cents and the note says why.
_SUBUNITS = {"pence": "GBP", "cent": None}
_DOLLARS = re.compile(r"\$|\bdollars?\b|\bUSD\b", re.I)
_EUROS = re.compile(r"€|\beuros?\b|\bEUR\b", re.I)


@lru_cache(maxsize=8)
def _cents_cues(text: str) -> tuple[list[int], list[str]]:
    """Where the article writes dollars or euros, in order, and which."""
    cues = sorted([(m.start(), "USD") for m in _DOLLARS.finditer(text)] + [(m.start(), "EUR") for m in _EUROS.finditer(text)])
    return [p for p, _ in cues], [cur for _, cur in cues]


def _cents_currency(text: str, pos: int) -> tuple[str | None, str]:
    """The currency of "cents" at ``pos``: the one of dollars and euros the article writes more
    often; with as many of each, the one written last before it ("$1.2bn, or 83 cents a share"),
    else the first after it; None when the article writes neither."""
    at, cur = _cents_cues(text)
    if not at:
        return None, ""
    usd = cur.count("USD")
    if usd * 2 != len(cur):
        main = "USD" if usd * 2 > len(cur) else "EUR"
        return main, f"the article writes {'dollars' if main == 'USD' else 'euros'} more often"
    i = bisect.bisect_left(at, pos) - 1
    if i >= 0:
        return cur[i], f"{'dollars' if cur[i] == 'USD' else 'euros'} as often as the other; the money written before it"
    return cur[0], f"{'dollars' if cur[0] == 'USD' else 'euros'} as often as the other; the money written after it"


def _in_main_unit(c: Cand, text: str, sub: str) -> str:
    main, why = (_SUBUNITS[sub], "") if _SUBUNITS[sub] else _cents_currency(text, c.start)
    if main is None:
        c.notes.append("unsure which currency's cents (the article writes no dollars or euros): kept in cents")
        return sub
    if isinstance(c.value, float):
        c.value /= 100
    for end in ("low", "high"):
        if isinstance(getattr(c, end), float):
            setattr(c, end, getattr(c, end) / 100)
    c.notes.append(f"{sub} = a hundredth of the main unit ({main})" + (f" ({why})" if why else ""))
    return main
_TEMPERATURE = re.compile(r"\s?°\s?([CF])\b|([CF])(?![\w])")
_CURRENCY_CODE_AFTER = re.compile(r"\s+(USD|EUR|GBP|JPY|CHF|CNY|INR|RUB|CAD|AUD)\b")


# Every kind a figure can have (docs/cli.md; the schema's enum is tested against it).
# To add a kind: add it here and give `classify_candidate` below a rule that returns it.
KINDS = ("money", "percent", "count", "date", "year", "duration", "quantity", "vague", "number")


@lru_cache(maxsize=4)
def _compiled(rules: FigureRules):
    cur_lookup = {k.lower(): v for k, v in rules.currency_prefixes.items()}
    street = "|".join(re.escape(w) for w in sorted(rules.street_words, key=len, reverse=True))
    before = "|".join(re.escape(w) for w in sorted(rules.street_words_before, key=len, reverse=True)) or "(?!)"
    # "123 Main Street", "the 1400 block of", and the number-first style of other languages: "40 Rua Augusta"
    street_re = re.compile(rf"(?:\s+[A-Z][\w'’.-]*){{1,3}}\s+(?i:{street})\b|\s+block\s+of\b"
                           rf"|\s+(?:{before})\s+(?:d[aeo]s?\s+|de\s+la\s+|del\s+)?[A-Z]")
    first = lambda table: frozenset(re.split(r"[\s/]", k)[0] for k in table)  # noqa: E731
    firsts = {"percent": first(rules.percent_words) | {"%"}, "currency": first(rules.currency_words) - {"p"},
              "time": first(rules.time_units), "unit": first(rules.physical_units) | {"°"}}
    return cur_lookup, street_re, firsts


_NEXT = re.compile(r"(?:[\s\u00a0]?|-)(%|°|[^\W\d_]+)")
_HEAD = re.compile(r"[A-Za-z]+$")
_NOT_CODE_HEADS = frozenset(("mid", "pre", "post", "early", "late", "circa"))
_SCALE_FIRST = frozenset("-bmtkBMTK\u212a")   # a scale word starts with a space, a hyphen or one of these
_SMALL_WORDS = frozenset(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"))
_AMBIGUOUS = re.compile(r"(?:[ \u00a0]?|-)[A-Za-z]+\b")
_AGO = re.compile(r"\s+ago\b")
_YEAR_LEAD = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Dd]uring|[Bb]efore|[Aa]fter|[Oo]f|[Yy]ear|[Ff]iscal|FY|[Cc]alendar)\s+$")
_PER_N = re.compile(r"\s+per\s+(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?P<mod>[a-z]+))?\s+(?P<w>[a-z]+)\b")


def counted_noun(rules: FigureRules, text: str, pos: int, value: float, *, after_of: bool = False,
             lowercase_only: bool = False, no_caps: bool = False) -> tuple[int, str] | None:
    """The counted noun after a number ("eight mercenaries" -> "mercenaries"), or None.
    ``lowercase_only``: only lower-case words, no modifier (after a year); ``no_caps``: lower-case
    words with modifiers (after a capitalised name: "United States service members")."""
    lowercase_only = lowercase_only or no_caps
    p = pos
    skipped_det = False
    # up to two plain lower-case words may stand before the noun ("40 catalytic converters",
    # "263 daily news organizations", "Sixteen energy technology priorities")
    loose = 0 if lowercase_only and not no_caps else 2
    mods = 0
    model_ok = not lowercase_only
    for i in range(5):
        if model_ok and mods < 2:
            mm = _MODEL_AHEAD.match(text, p)
            if mm:   # "five 787 Dreamliner sales", "400 737 Max jets": a model number between count and noun
                mods, p, model_ok = mods + 1, mm.end(), False
                continue
        m = _WORD_AHEAD.match(text, p)
        if not m:
            return None
        w = m.group(1)
        lw = w.lower()
        if after_of and not skipped_det and lw in _DETERMINERS:
            skipped_det, p = True, m.end()
            continue
        if loose and mods < 2 and lw in _NOUNS_IN_S and _WORD_AHEAD.match(text, m.end()):
            loose, mods, p = loose - 1, mods + 1, m.end()   # "263 daily news organizations"
            continue
        if loose and mods < 2 and lw.endswith("ous") and lw not in _STOP and _WORD_AHEAD.match(text, m.end()):
            loose, mods, p = loose - 1, mods + 1, m.end()   # "two serious injuries": an -ous word is an adjective
            continue
        if loose and mods == 0 and lw.endswith("ly") and lw not in rules.noun_modifiers:
            pm = _WORD_AHEAD.match(text, m.end())
            if pm and pm.group(1).islower() and pm.group(1).lower().endswith(("ed", "built", "made", "grown", "known")):
                loose, mods, p = loose - 1, mods + 1, m.end()   # "three newly built schools": an adverb and its participle
                continue
        if loose and mods < 2 and lw.endswith("ed") and lw not in rules.not_modifiers and lw not in rules.people_verbs:
            pm = _WORD_AHEAD.match(text, m.end())
            # before a noun for people, or after another modifier (a verb would come right after the number)
            if pm and (_person_noun(rules, pm.group(1)) or mods > 0 or lw.endswith(("built", "made", "grown", "known"))):
                loose, mods, p = loose - 1, mods + 1, m.end()   # "four masked men", "three retired teachers"
                continue
        if lw.endswith(("'s", "’s")) or ((lw in _STOP or lw in rules.not_nouns) and not w.isupper()):
            return None
        if lowercase_only and not w.islower():
            return None
        plural = lw in rules.irregular_plurals or (lw.endswith("s") and not lw.endswith("ss") and len(lw) >= 3) \
            or _MEN_PLURAL.search(lw) is not None
        if plural and w[0].isupper() and not w.isupper() and mods < 2:
            # "Two United States service members": a capitalised name ending in s, then the noun
            later = counted_noun(rules, text, m.end(), value, no_caps=True)
            if later:
                return later
        if plural or (value == 1 and lw in rules.one_counts):
            return m.end(), lw
        if mods < 2 and (w[0].isupper() or lw in rules.noun_modifiers or "-" in w):
            mods, p = mods + 1, m.end()
            continue
        if loose and mods < 3 and w.isalpha() and w.islower() and len(w) > 2 and not lw.endswith(("ly", "ed")) \
                and lw not in rules.not_modifiers:
            loose, mods, p = loose - 1, mods + 1, m.end()
            continue
        return None
    return None


# compounds of "man" in the plural: "gunmen", "policemen", "firemen" (not "specimen", "abdomen", "acumen")
_MEN_PLURAL = re.compile(r"[^iou]men$")


def _person_noun(rules: FigureRules, w: str) -> bool:
    """A plural noun for people: "men", "gunmen", "children", "workers", "protesters", "residents"."""
    lw = w.lower()
    return w.islower() and (lw in rules.irregular_plurals or lw.endswith(("men", "ers", "ors", "ists", "ians", "ants", "ents")))


# nouns ending in s that are not plurals; before another noun they are modifiers ("news organizations")
_NOUNS_IN_S = frozenset("news gas bus status campus virus census bonus business press class glass mass access crisis "
                        "series congress".split())
_MODEL_AHEAD = re.compile(r"[ \u00a0]+\d{3,4}(?:-\d{1,2})?(?=[ \u00a0]+[A-Z][a-z])")


def of_noun(rules: FigureRules, text: str, pos: int) -> tuple[str, str] | None:
    """The counted noun of a bare number followed by "of": "11 of the state's 39 districts" ->
    districts, "123 of the planes", "three of its commanders", "three of them were children".
    Returns (noun, how) or None. The figure's span stays the number: the words after "of" may
    hold a figure of their own ("39 districts")."""
    m = _OF.match(text, pos)
    if not m:
        return None
    det = m.group(1).lower()
    p = m.end()
    pm = _SPACED_POSSESSIVE.match(text, p)
    if pm:   # "30 of Boeing 's jets" (a possessive split from its name)
        det, p = det + "'s", pm.end()
    if det in rules.of_them:
        vm = _THEM_WERE.match(text, p)
        if vm:
            noun = counted_noun(rules, text, vm.end(), 2.0, lowercase_only=True)
            if noun:
                return noun[1], f"'of {det} {vm.group(1)}'"
        return None
    if det not in rules.of_determiners and not det.endswith(("'s", "’s")):
        return None
    last = None
    for _ in range(6):
        wm = _OF_TOKEN.match(text, p)
        if not wm:
            break
        tok = wm.group(1)
        lt = tok.lower()
        if lt in ("'s", "’s") or lt.endswith(("'s", "’s")) or tok[0].isdigit() or tok[0].isupper():
            p = wm.end()
            continue
        if lt in _STOP or lt in rules.not_nouns:
            break
        plural = lt in rules.irregular_plurals or (lt.endswith("s") and not lt.endswith("ss") and len(lt) >= 3)
        if plural:
            return lt, "after 'of'"
        last, p = lt, wm.end()
    if last and not last.endswith(("ly", "ed", "ing")) and last not in rules.not_modifiers:
        return last, "after 'of'"   # "some 60 of the embattled 737 Max jet": the head noun, written singular
    return None


_COMPOUND_HEAD = re.compile(r"-([A-Za-z]+)\b(?!-)")
_SPACED_POSSESSIVE = re.compile(r"[ \u00a0]?['’]s\b")
_OF = re.compile(r"[ \u00a0]+of[ \u00a0]+([A-Za-z][\w'’]*)")
_OF_TOKEN = re.compile(r"[ \u00a0]*((?:'s|’s)\b|[A-Za-z][\w'’-]*|\d[\d,.-]*)")
_THEM_WERE = re.compile(r"[ \u00a0]+(were|are|was|is|being|remain|remained)\b")
_WERE_NOUN = re.compile(r"[ \u00a0]+(were|are)\b")
_PEOPLE_VERB = re.compile(r"[ \u00a0]+(?:(?:were|are|have\s+been|had\s+been|remain|remained|was)[ \u00a0]+)?([a-z]+)\b")


def people_subject(rules: FigureRules, text: str, pos: int) -> str | None:
    """"two were arrested", "three died": a bare number as the subject of a verb that only people
    take counts people. Returns the verb or None."""
    m = _PEOPLE_VERB.match(text, pos)
    if m and m.group(1) in rules.people_verbs:
        return m.group(1)
    return None


def _rate(rules: FigureRules, text: str, pos: int, unit: str) -> tuple[int, str] | None:
    m = _RATE.match(text, pos)
    if not m:
        return None
    w = m.group("w").lower()
    if w in ("cent", "capita") and not m.group("n"):
        return (m.end(), unit + "/person") if w == "capita" else None
    if m.group("a") and w not in rules.rate_words:
        return None
    if w in _STOP or (not m.group("a") and text[m.start():m.start() + 1] != "/" and "per" not in m.group()):
        return None
    if m.group("n"):
        n = parse_numeral(m.group("n"))[0]
        return m.end(), f"{unit} per {n:g} {w}"
    return m.end(), f"{unit}/{rules.physical_units.get(w, w)}"


@lru_cache(maxsize=4)
def _after_firsts(rules: FigureRules) -> frozenset[str]:
    firsts = {w[0] for w in rules.qualifiers_after if w[0].isalpha()}
    return frozenset(firsts | {c.upper() for c in firsts})


def _maybe_after(rules: FigureRules, text: str, pos: int) -> bool:
    """A cheap test before the qualifier-after regex: "+", or a space or hyphen then the first
    letter of a phrase in [qualifiers_after]."""
    ch = text[pos:pos + 1]
    if ch == "+":
        return True
    if ch == "-" or ch.isspace():
        c2 = text[pos + 1:pos + 2]
        return c2 in _after_firsts(rules) or c2.isspace()
    return False


def _finish(c: Cand, kind: str, end: int, unit: str | None, rule: str, text: str = "", rules: FigureRules | None = None) -> Cand:
    if c.qualifier is None and rules is not None and _maybe_after(rules, text, end):
        pm = rules.qualifier_after_re.match(text, end)
        if pm:
            c.qualifier = _WS.sub(" ", (pm.group("spaced") or pm.group("hyphened") or pm.group("glued")).lower())
            end = pm.end()
    c.kind, c.end, c.unit, c.rule = kind, end, unit, rule
    return c


def classify_candidate(rules: FigureRules, text: str, start: int, end: int, cur: str | None, num: str | None,
              sign2: str | None, words: str | None) -> Cand | None:
    """Decide what a number (digits ``num`` or number ``words``, maybe after a currency sign
    ``cur``) spanning ``start``..``end`` is."""
    cur_lookup, street_re, firsts = _compiled(rules)
    if not cur and start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        head = _HEAD.search(text[max(0, start - 12):start - 1])
        if head and head.group().lower() not in _NOT_CODE_HEADS:
            return None   # "F-16", "COVID-19": part of a code (the code finder explains it)
    currency = cur_lookup.get(cur.lower()) if cur else None
    notes: list[str] = []
    if num:
        raw = num
        if raw.isdigit():
            value = float(raw)
        else:
            try:
                value, note = parse_numeral(raw)
            except ValueError:
                return None
            if note:
                notes.append(note)
        if sign2:
            value = -value
        is_words = False
    else:
        raw = words
        try:
            value = parse_number_words(raw)
        except ValueError:
            return None
        is_words = True
        if raw.lower() not in _SMALL_WORDS:
            notes.append(f"number words '{raw}' = {value:g}")
    if currency:
        notes.append(f"'{cur.strip()}' = {currency}")
    pos = end
    ch = text[pos:pos + 1]
    scale = 1.0
    if ch and (ch in _SCALE_FIRST or ch.isspace()):
        scale, pos, snote = scale_after(text, pos, bool(currency))
        if scale != 1.0:
            value = float(f"{value * scale:.12g}")   # 4.1 * 1e9 without binary noise
            notes.append(snote)
            ch = text[pos:pos + 1]
    if scale == 1.0 and value < 1e15 and value == int(value) and (ah := _AND_A_HALF.match(text, pos)):
        value += 0.5   # "two and a half years", "3 and a half hours"
        notes.append(f"'and a half' = {value:g}")
        pos = ah.end()
        ch = text[pos:pos + 1]
    numeric_end = pos
    post = None
    if ch and _maybe_after(rules, text, pos):
        pm = rules.qualifier_after_re.match(text, pos)
        if pm:   # "10 or more years", "50-odd officers", "2,000-plus homes"
            post = _WS.sub(" ", (pm.group("spaced") or pm.group("hyphened") or pm.group("glued")).lower())
            pos = pm.end()
            ch = text[pos:pos + 1]
    if is_words and ch == "-":
        hm = _COMPOUND_HEAD.match(text, pos)
        if hm and hm.group(1).lower() in rules.compound_heads:
            return Cand(start, hm.end(), P_EXCLUDE, reason="a compound adjective ('a two-party system'): a description, not an amount")
    c = Cand(start, pos, P_NUMBER, value=value, notes=notes, scale=scale, numeric_end=numeric_end, qualifier=post)
    bare_int = scale == 1.0 and not currency and not is_words and raw.isdigit()
    if bare_int and len(raw) >= 2 and raw[0] == "0" and not _CODE_AFTER.match(text, pos):
        return Cand(start, pos, P_EXCLUDE, reason="digits with a leading zero ('007', 'seed 003'): a code or label, not an amount")

    # glued "m" after a bare number: million before a counted noun ("100m people"), else metres
    if (ch == "m" or ch == "M") and not currency and scale == 1.0 and not _CODE_AFTER.match(text, pos + 1):
        noun = counted_noun(rules, text, pos + 1, value * 1e6)
        if noun and noun[1] in rules.ambiguous_units:   # "40m pounds": million, then money or weight below
            value = c.value = value * 1e6
            scale = c.scale = 1e6
            c.notes.append("'m' = 1e+06")
            pos = c.numeric_end = pos + 1
            ch = text[pos:pos + 1]
        elif noun:
            c.value = value * 1e6
            c.notes.append("'m' before a counted noun = million")
            return _finish(c, "count", noun[0], noun[1], "count: number + counted noun", text, rules)

    nx = _NEXT.match(text, pos)
    nxt = nx.group(1).lower() if nx else ""
    money_rule = None   # set when an ambiguous unit word ("pounds") is read as money
    if not currency:
        if nxt in ("c", "f", "°"):
            tmp = _TEMPERATURE.match(text, pos)
            if tmp:
                return _finish(c, "quantity", tmp.end(), "°" + (tmp.group(1) or tmp.group(2)), "quantity: temperature", text, rules)
        if nxt in firsts["percent"]:
            pm = rules.percent_re.match(text, pos)
            if pm:
                word = _WS.sub(" ", pm.group(1).lower())
                return _finish(c, "percent", pm.end(), rules.percent_words.get(word, "%"), f"percent: '{pm.group(1)}'", text, rules)
        cw = rules.currency_word_re.match(text, pos) if nxt in firsts["currency"] else None
        word = _WS.sub(" ", cw.group(1).lower()) if cw else ""
        if cw and word in rules.currency_digits_only and is_words and scale == 1.0:
            cw = None   # "three crowns": titles, not money ([currency_digits_only])
        if cw:
            currency = rules.currency_words[word]
            pos2 = cw.end()
        elif ch == "p" and not is_words and not _CODE_AFTER.match(text, pos + 1):
            currency, pos2 = "pence", pos + 1
        elif nxt in rules.ambiguous_units and (am := _AMBIGUOUS.match(text, pos)):
            # "40,000 pounds": money or weight, from the words near it ([[ambiguous_units]])
            unit = rules.ambiguous_units[nxt]
            reading, note, sure = read_unit(rules, text, start, am.end(), nxt, "money" if scale != 1.0 else "measure")
            c.notes.append(note)
            if not sure:
                c.ambiguous = nxt
            how_read = "read from the words near it" if sure else "money or weight, unsure"
            if reading == "measure":
                r = _rate(rules, text, am.end(), unit.measure)
                if r:
                    return _finish(c, "quantity", r[0], r[1], f"quantity: number + '{nxt}' + rate ({how_read})", text, rules)
                return _finish(c, "quantity", am.end(), unit.measure, f"quantity: number + '{nxt}' ({how_read})", text, rules)
            currency, pos2 = unit.money, am.end()
            money_rule = f"money: number + '{nxt}' ({how_read})"
        else:
            cc = _CURRENCY_CODE_AFTER.match(text, pos) if nx and nx.group(1).isupper() else None
            currency, pos2 = (cc.group(1), cc.end()) if cc else (None, pos)
        if currency:
            if money_rule is None:
                c.notes.append(f"currency word = {currency}")
            pos = pos2
    if currency in _SUBUNITS:
        currency = _in_main_unit(c, text, currency)
    if currency:
        r = _rate(rules, text, pos, currency)
        if r:
            return _finish(c, "money", r[0], r[1], "money: amount + rate" if money_rule is None else
                           money_rule.replace("' (", "' + rate ("), text, rules)
        return _finish(c, "money", pos, currency, money_rule or "money: currency sign or word", text, rules)

    if ch == "-" and rules.counted_compounds and nxt in rules.counted_compounds and _COMPOUND_HEAD.match(text, pos):
        # "a 160-seat chamber", "a 12-member panel": the compound counts seats, members
        unit = rules.counted_compounds[nxt]
        c.notes.append(f"'-{nxt}' counts {unit} (rules table [counted_compounds])")
        return _finish(c, "count", _COMPOUND_HEAD.match(text, pos).end(), unit, "count: N-NOUN compound", text, rules)
    if nxt in firsts["time"]:
        am = _AGE_AFTER.match(text, pos)
        if am:
            c.notes.append("an age")
            return _finish(c, "number", am.end(), f"{am.group(1).lower()}s old", "age: N-year-old", text, rules)
        tm = rules.time_unit_re.match(text, pos)
        if tm:
            unit = rules.time_units[tm.group(1).lower()]
            fq = _FREQUENCY.match(text, tm.end()) if unit in ("days", "nights") else None
            if fq:   # "four nights a week", "three days a month": how often, a count of days
                per = fq.group("per").lower()
                c.notes.append(f"a frequency: {c.value:g} {unit} in each {per}")
                return _finish(c, "count", fq.end(), f"{unit}/{per}", "count: N days a week (a frequency)", text, rules)
            more = _SMALLER_UNIT.match(text, tm.end()) if unit in _NEXT_SMALLER else None
            if more and rules.time_units.get(more.group("u").lower()) == _NEXT_SMALLER[unit]:
                # "7 hours 12 minutes", "three hours and 21 minutes": one duration, in the larger unit
                try:
                    extra = parse_numeral(more.group("n"))[0] if more.group("n")[0].isdigit() else parse_number_words(more.group("n"))
                except ValueError:
                    extra = None
                if extra is not None and extra < 60:
                    c.value = round(c.value + extra / 60, 4)
                    c.notes.append(f"'{text[start:more.end()]}' = {c.value:g} {unit}")
                    return _finish(c, "duration", more.end(), unit, "duration: a unit and a smaller one", text, rules)
            if _AGO.match(text[tm.end():tm.end() + 6]):
                c.notes.append("relative: counted back from the article's date")
            return _finish(c, "duration", tm.end(), unit, "duration: number + time unit", text, rules)

    um = rules.unit_after_re.match(text, pos) if nxt in firsts["unit"] else None
    if um:
        u = um.group(1)
        glued = um.start(1) == pos
        if (len(u) > 1 and not u.startswith("°")) or (glued and (u.islower() or u.startswith("°"))):
            unit = rules.physical_units[_WS.sub(" ", u.lower())]
            r = _rate(rules, text, um.end(), unit)
            if r:
                return _finish(c, "quantity", r[0], r[1], "quantity: number + unit + rate", text, rules)
            return _finish(c, "quantity", um.end(), unit, "quantity: number + physical unit", text, rules)

    if bare_int and nx and (nx.group(1)[0].isupper() or nxt == "block"):
        sm = street_re.match(text, pos)
        if sm:
            return Cand(start, sm.end(), P_EXCLUDE, reason="a street address")
    year_like = bare_int and len(raw) == 4 and rules.year_min <= value <= rules.year_max
    if year_like and _YEAR_LEAD.search(text, max(0, start - 8), start):
        noun = None   # "in 2019 police arrested ...": a year, not 2019 police
    else:
        noun = counted_noun(rules, text, pos, value, lowercase_only=year_like)
    if noun and noun[1] == "times":
        c.notes.append(f"{value:g} times: a multiple or a number of occurrences")
        return _finish(c, "number", noun[0], "times", "multiple: N times", text, rules)
    if noun and noun[1] in rules.time_units:   # "two more years", "three full days"
        return _finish(c, "duration", noun[0], rules.time_units[noun[1]], "duration: number + words + time unit", text, rules)
    if noun and not (is_words and value == 1 and noun[1] not in rules.one_counts):
        r = _rate(rules, text, noun[0], noun[1])
        if r:
            return _finish(c, "count", r[0], r[1], "count: number + counted noun + rate", text, rules)
        return _finish(c, "count", noun[0], noun[1], "count: number + counted noun", text, rules)
    if nxt == "per" and not year_like:
        pr = _PER_N.match(text, pos)
        if pr and pr.group("w") not in _STOP and (pr.group("mod") or "") not in _STOP:
            n = parse_numeral(pr.group("n"))[0]
            c.notes.append(f"a rate: {value:g} for every {n:g} {pr.group('w')}")
            return _finish(c, "number", pr.end(), f"per {n:g} {pr.group('w')}", "rate: number per N", text, rules)
    if is_words and value == 1:
        return None   # "one" alone is a pronoun or determiner ("one of the", "one way")
    if not year_like and c.qualifier is None and 1 <= value < 1e15 and value == int(value):
        on = of_noun(rules, text, pos) if nxt == "of" else None
        if on:
            c.notes.append(f"counted noun '{on[0]}' found {on[1]}")
            return _finish(c, "count", pos, on[0], "count: N of the NOUN", text, rules)
        wm = _WERE_NOUN.match(text, pos) if nxt in ("were", "are") else None
        noun = counted_noun(rules, text, wm.end(), 2.0, no_caps=True) if wm else None
        if noun and noun[1] not in rules.people_verbs:   # "25 were adults and 15 were children"
            c.notes.append(f"counted noun '{noun[1]}' after '{wm.group(1)}'")
            return _finish(c, "count", pos, noun[1], "count: N were NOUN", text, rules)
        pv = people_subject(rules, text, pos) if nx else None
        if pv:
            c.notes.append(f"counts people: the subject of '{pv}'")
            return _finish(c, "count", pos, "people", "count: N + verb said of people ('two were arrested')", text, rules)
    if ch and _CODE_AFTER.match(text, pos):
        return Cand(start, pos, P_EXCLUDE, reason="digits glued to letters: a code or name")
    if year_like:
        before = text[max(0, start - 9):start]
        if not (before.endswith(" ") and _AGE_BEFORE.search(before)):
            return _finish(c, "year", pos, None, "year: four digits between year_min and year_max", text, rules)
    if bare_int and 3 <= len(raw) <= 4 and not year_like:
        mm = _MODEL_AFTER.match(text, pos)
        cap, noun, suffix = mm.group("cap"), mm.group("noun"), mm.group("suffix")
        if cap and cap.lower() in _CALENDAR_WORDS:
            cap = None
        if (suffix and (cap or _singular_noun(rules, noun))) or (cap and (noun is None or _singular_noun(rules, noun))) \
                or (not cap and _singular_noun(rules, noun) and _MODEL_LEFT.search(text, max(0, start - 5), start)):
            return Cand(start, mm.end("suffix") if suffix else pos, P_EXCLUDE,
                        reason="a model number or name ('737 Max jet', 'the 777 program', '787-9')")
    if bare_int and len(raw) >= 7:
        return Cand(start, pos, P_EXCLUDE, reason="a long digit string: an ID, not an amount")
    if bare_int and 0 < value < 120:
        before = text[max(0, start - 40):start]
        if before.endswith(" ") and _AGE_BEFORE.search(before[-9:]) and _AGE_IN_UNITS.match(text, pos):
            pass   # "aged 5 to 17 months": an age in months, read with the range as a duration
        elif (before.endswith(" ") and _AGE_BEFORE.search(before[-9:])) or (
                before.endswith(", ") and _NAME_COMMA_BEFORE.search(before) and _NAME_COMMA_AFTER.match(text, pos)):
            c.notes.append("an age (after 'aged' or after a name and a comma)")
            return _finish(c, "number", pos, "years old", "age: 'aged 34' / 'Smith, 34,'", text, rules)
    return _finish(c, "number", pos, None, "number", text, rules)


_FREQUENCY = re.compile(r"\s+(?:a|an|per|each|every)\s+(?P<per>week|month|year|fortnight)\b", re.I)
_NEXT_SMALLER = {"hours": "minutes", "minutes": "seconds"}
_SMALLER_UNIT = re.compile(r"(?:,?\s+and\s+|\s+)(?P<n>\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+(?P<u>minutes?|mins?|seconds?)\b", re.I)
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half(?=\s+[a-z])", re.I)
_AGE_IN_UNITS = re.compile(r"\s*(?:to|-|–|and)\s*\d+\s+(?:months|weeks|days)\b", re.I)
_MODEL_AFTER = re.compile(r"(?P<suffix>-\d{1,2})?(?:[ \u00a0]+(?P<cap>[A-Z][a-z]+))?(?:[ \u00a0]+(?P<noun>[a-z]+)\b)?")
_MODEL_LEFT = re.compile(r"\b(?:the|a|its|their|his|her|our)\s+$", re.I)
_CALENDAR_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april "
                             "may june july august september october november december".split())
_LEVEL_NOUNS = frozenset(("mark", "level", "threshold", "barrier", "milestone", "line", "figure", "point", "range", "zone"))


def _singular_noun(rules: FigureRules, w: str | None) -> bool:
    """A lower-case word that reads as a singular common noun after a number: "program", "jet"."""
    return bool(w) and len(w) > 2 and not w.endswith(("s", "ly", "ed", "ing")) and w not in _STOP \
        and w not in rules.not_modifiers and w not in rules.not_nouns and w not in _LEVEL_NOUNS \
        and w not in rules.people_verbs


def previous_words(text: str, pos: int, n: int = 2) -> list[tuple[str, int]]:
    """Up to ``n`` words right before ``pos`` (nearest last), each with its start offset."""
    out: list[tuple[str, int]] = []
    i = pos - 1
    for _ in range(n):
        k = i
        while k >= 0 and text[k] in " \u00a0\t" and i - k < 3:
            k -= 1
        if k == i and out:
            break
        j = k
        while j >= 0 and k - j < 20 and (text[j].isalpha() or text[j] in "&."):
            j -= 1
        if j == k:
            break
        out.insert(0, (text[j + 1:k + 1], j + 1))
        i = j
        if j >= 0 and text[j] not in " \u00a0\t":
            break
    return out


def name_label_start(rules: FigureRules, text: str, c: Cand) -> int | None:
    """Where the label starts if the word(s) before the figure make it a name
    ("Resolution 2202", "Phase 3", "World War 2"); None otherwise."""
    if c.kind in ("money", "percent", "date", "vague") or not c.start or text[c.start - 1] not in " \u00a0":
        return None
    parts = text[max(0, c.start - 30):c.start].split()
    if not parts or not (parts[-1].lower().rstrip(".") in rules.name_labels or parts[-1].lower() in rules.name_labels
                         or (len(parts) > 1 and f"{parts[-2]} {parts[-1]}".lower() in rules.name_labels)):
        return None
    words = previous_words(text, c.start)
    if not words:
        return None
    options = [(words[-1][0], words[-1][1])]
    if len(words) == 2:
        options.insert(0, (f"{words[0][0]} {words[1][0]}", words[0][1]))
    for word, at in options:
        lw = word.lower()
        if lw in ("no", "no.") and not word[0].isupper():
            continue
        if lw in rules.name_labels or lw.rstrip(".") in rules.name_labels:
            if word[0].isupper() or c.kind in ("number", "year"):
                return at
    return None
