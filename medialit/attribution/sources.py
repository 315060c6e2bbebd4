"""Named or anonymous? Deciding from a source phrase's head noun and the rule tables
(``medialit/rules/anonymous_sources.toml``, ``named_sources.toml``).

>>> from medialit.attribution.lexicon import load_rules
>>> classify_source("a senior White House official", load_rules()).label
'anonymous'
>>> classify_source("Secretary of State Mike Pompeo", load_rules()).label
'named'
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from medialit.attribution.lexicon import PRONOUNS, Rules


@dataclass(frozen=True)
class SourceClass:
    """The verdict on a source phrase: ``label`` is named, anonymous or pronoun."""

    label: str
    why: str
    weak: str | None = None  # why the evidence is weak (the tagger then marks the sentence uncertain)


_WORD = re.compile(r"[\w][\w.&'’-]*")
_BOUNDARY_WORDS = {"of", "in", "at", "from", "for", "with", "close", "familiar", "who", "whom", "which", "that",
                   "said", "to", "on", "by", "near", "inside", "within", "speaking", "whose", "about", "over"}
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those"}
_DETERMINER_START = re.compile(r"(?:a|an|the|another|other|his|her|their|its|one|two|three|several|some|many)\b", re.I)
_POSSESSIVE = re.compile(r"['’]s?$")


def _is_name(token: str, rules: Rules) -> bool:
    return token[:1].isupper() and _POSSESSIVE.sub("", token) not in rules.not_names


def _conjuncts(phrase: str) -> list[str]:
    """Split "X and a Y" / "X and other Ys" (not "White House and State Department officials")."""
    return [p for p in re.split(r"\s+and\s+(?=(?:a|an|the|another|other|one|two|his|her|their)\s)", phrase) if p.strip()]


def classify_source(phrase: str, rules: Rules, *, appositive: str | None = None, speech: bool = False) -> SourceClass:
    """Named, anonymous, pronoun or none (not a source: "the storm", "sales"), from the
    phrase's head noun and the rule tables.

    >>> from medialit.attribution import load_rules
    >>> classify_source("the Reuters source", load_rules()).label
    'anonymous'
    >>> classify_source("the newspaper", load_rules()).label
    'named'

    ``speech``: the phrase is the subject of a verb of speech ("one angler told reporters"),
    so a noun ending in -er is read as a person noun too (marked uncertain).
    """
    key = (phrase, appositive, speech)
    cached = rules.verdicts.get(key)
    if cached is None:
        cached = rules.verdicts[key] = _classify(phrase, rules, appositive, speech)
    return cached


# "Holcomb and GOP legislative leaders": a name, "and", then a noun phrase whose head has
# no capitalised word right before it ("White House and State Department officials" is one
# group of officials from both, so it is not split).
_NAME_AND = re.compile(r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s+and\s+((?:\S+\s+)*[a-z][\w-]*\s+[a-z][\w-]*|[a-z][\w-]*)$")


def _classify(phrase: str, rules: Rules, appositive: str | None, speech: bool = False) -> SourceClass:
    phrase = _INTENSIFIER.sub("", phrase)  # "Kerrigan himself admitted": the name is the source
    parts = _conjuncts(phrase.strip(" ,;:\"'“”‘’"))
    if len(parts) == 1 and (m := _NAME_AND.fullmatch(parts[0])):
        left = _classify_one(m.group(1), rules)
        if left.label == "named" and _classify_one(m.group(2), rules).label in ("anonymous", "named"):
            return SourceClass("named", f"one of the sources is named: {left.why}")
    verdicts = [_classify_one(c, rules, speech) for c in parts]
    if appositive and any(v.label == "anonymous" for v in verdicts):
        tokens = _WORD.findall(appositive)
        if len(tokens) >= 1 and all(_is_name(t, rules) or t.lower() in {"of", "de", "van", "von", "al", "bin"} for t in tokens[:4]) \
                and any(_is_name(t, rules) for t in tokens):
            return SourceClass("named", f"named in the apposition '{appositive.strip()}'")
    for label in ("named", "anonymous", "pronoun", "none"):
        for v in verdicts:
            if v.label == label:
                return v
    return SourceClass("anonymous", "no name in the source phrase")


def _classify_one(phrase: str, rules: Rules, speech: bool = False) -> SourceClass:
    tokens = _WORD.findall(phrase)
    if not tokens:
        return SourceClass("anonymous", "empty source phrase")
    low = phrase.lower().strip()
    data = _DATA_FROM.match(phrase.strip())
    if data:  # "figures from the state health department": the producer is the source
        if data.group(1).split()[0].lower() in {"its", "their"}:  # "data from its member shops": the speaker's own
            return SourceClass("named", f"the data come from '{data.group(1)}', of the source that cites them")
        v = _classify_one(data.group(1), rules)
        if v.label in ("named", "anonymous"):
            return SourceClass(v.label, f"the data come from '{data.group(1)}': {v.why}")
    if low in PRONOUNS or low in _BACK_QUANTIFIERS:
        return SourceClass("pronoun", f"the pronoun '{phrase.strip()}'")
    if low in rules.bare_institutions:
        return SourceClass("named", f"'{phrase.strip()}' names an institution (named_sources.toml)")
    if len(tokens) in (2, 3) and tokens[-1].lower() in rules.bare_institutions and tokens[0][:1].isupper() \
            and tokens[0] not in rules.not_names:  # "Ashby police", "Harlow County prosecutors"
        return SourceClass("named", f"'{phrase.strip()}' names an institution and where it is (named_sources.toml)")
    if low in {"one", "another", "a third", "a second"}:
        # "One said the growth depended on discounts": one of a group just mentioned, not named
        return SourceClass("anonymous", f"'{phrase.strip()}' is one of a group mentioned before, not named")
    if tokens and (tokens[0].lower() in {"no", "none"} or " ".join(tokens[:2]).lower() in {"not one", "not a"}):
        # "not one customer has complained", "no official has commented": nobody is cited
        return SourceClass("none", f"'{phrase.strip()}' says that nobody did it, so it cites no one")
    if len(tokens) > 2 and tokens[0].lower() in rules.quantifier_of and tokens[1].lower() == "of":
        tokens = tokens[2:]
    core: list[str] = []
    for k, t in enumerate(tokens):
        tl = t.lower()
        nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
        modifier = nxt[:1].islower() and nxt.lower() not in _BOUNDARY_WORDS and nxt.lower() not in _DETERMINERS
        if core and (tl in _BOUNDARY_WORDS or (tl.endswith("ing") and not t[:1].isupper() and not modifier
                                               and _POSSESSIVE.sub("", tl) not in rules.institution_heads)):
            break  # "officials meeting in Geneva" (but "the planning department", "the flight-tracking website")
        if core and tl in {"not", "never"} and _person_like(core[-1].lower(), rules, speech):
            break  # "experts not involved in the study", "officials not authorised to speak"
        if core and (tl.endswith("ed") or tl in _INFO_PARTICIPLES) and not t[:1].isupper() \
                and (_person_like(core[-1].lower(), rules, speech) or core[-1].lower() in rules.posts
                     or tl in _INFO_PARTICIPLES and core[-1].lower() in rules.institution_heads):
            break  # "a senior diplomat briefed on the talks": a participle after the head starts a modifier
        core.append(t)
    head = _POSSESSIVE.sub("", core[-1])
    head_l = head.lower()
    if _YEAR_OLD.fullmatch(head_l) and len(core) > 1:  # "the 29-year-old wrote": a person, by age
        return SourceClass("named" if core[0].lower() in {"the", "this"} else "anonymous",
                           f"'{' '.join(core)}' is a person referred to by age")
    rest = tokens[len(core):]
    anon_marker = rules.anon_phrase_re.search(phrase)
    if head_l in PRONOUNS and len(core) == 1:
        return SourceClass("pronoun", f"the pronoun '{head}'")
    if len(core) == 1 and head_l in rules.bare_institutions and rest and rest[0].lower() in {"in", "at", "of", "from"}:
        return SourceClass("named", f"'{phrase.strip()}' names an institution and where it is (named_sources.toml)")
    first = core[0].lower()
    if first in _BACK and len(core) > 1 and not anon_marker and head_l != _singular(head_l) \
            and _singular(head_l) in rules.institution_heads:
        return SourceClass("named", f"'{' '.join(core)}' refers back to organisations identified earlier in the text")
    if first in _SUCCESSIVE and len(core) == 2 and _singular(head_l) in _GOVERNMENTS and head_l != _singular(head_l):
        # "Recent governments have recognised that ...", "successive administrations": the
        # country's governments, identified by the article's context (its official position)
        return SourceClass("named", f"'{' '.join(core)}' are the governments of the country the text is about")
    if head_l in _DOCUMENT_HEADS and first in _BACK and any(
            _POSSESSIVE.search(t) and _singular(_POSSESSIVE.sub("", t).lower()) in rules.institution_heads for t in core[1:-1]):
        return SourceClass("named", f"'{' '.join(core)}': the documents of organisations identified earlier in the text")
    if head_l in rules.heads and head[:1].isupper() and len(core) > 1 and _is_name(core[-2], rules) \
            and core[-2].lower() not in rules.heads and (len(core) > 2 or not core[0][1:].islower()):
        # "the consumer group Shoppers' Voice", "Concerned Residents of Elm Park": a name that ends in a heads word
        return SourceClass("named", f"a name: '{core[-2]} {head}'")
    if head_l in _DOCUMENT_HEADS and len(core) == 2 and first in {"its", "their"}:
        # "its figures show", "their records": the figures of the source the text just cited
        return SourceClass("named", f"'{' '.join(core)}': '{core[0]}' refers back to a source identified earlier in the text")
    if head_l in _DOCUMENT_HEADS and len(core) > 1 and not anon_marker and any(
            t.lower() in rules.bare_institutions or t.lower() in rules.institution_heads or t.lower() in _OFFICIAL
            or k > 0 and _is_name(t, rules) for k, t in enumerate(core[:-1])):
        # "police figures", "ministry figures", "Home Office figures": the figures of a body the phrase names
        return SourceClass("named", f"'{' '.join(core)}' are the {head_l} of an organisation the phrase names")
    # "Two geriatricians ... said": a plural person noun the heads table does not list is an
    # unnamed group as well (a role's plural, or a noun read as a person by its ending)
    plural_person = head_l not in rules.heads and head_l not in rules.roles and head_l.endswith("s") and head_l != _singular(head_l) \
        and head[1:].islower() and (_singular(head_l) in rules.roles or _agent_noun(_singular(head_l), speech))
    if head_l in rules.heads or plural_person and len(core) > 1:
        if len(rest) >= 2 and not anon_marker and all(_is_name(t, rules) for t in rest[-2:]) \
                and rest[0].lower() not in {"of", "in", "at", "from", "close", "familiar", "with", "on", "near", "outside",
                                            "along", "off", "behind", "by", "across"}:  # "a homeowner on Lock Street"
            return SourceClass("named", f"a title followed by a name ('{' '.join(rest[-2:])}')")
        if len(rest) >= 3 and rest[0].lower() in {"of", "at", "from", "for"} and not anon_marker \
                and " ".join(rest[1:3]).lower() in _BOTH_PARTIES and rest[-1].lower() != _singular(rest[-1].lower()) \
                and _singular(rest[-1].lower()) in rules.institution_heads:
            # "executives of both companies announced": the two organisations the text names
            # (a joint announcement on the record); which people spoke is not said
            return SourceClass("named", f"'{' '.join(core)} {' '.join(rest)}' speak for organisations the text names",
                               f"'{' '.join(rest[1:])}' was taken to mean the organisations the text names")
        if head_l in _OFFICE_HOLDERS and len(rest) >= 2 and rest[0].lower() == "of" and not anon_marker \
                and any(_is_name(t, rules) for t in rest[1:]):
            # "the foreign ministers of seven Western countries", "the leaders of France and Spain":
            # holders of public offices the phrase identifies, acting on the record
            return SourceClass("named", f"'{' '.join(core)} {' '.join(rest)}' hold offices the phrase identifies")
        if head_l in _COUNSEL and len(rest) >= 2 and rest[0].lower() in {"for", "representing"} and not anon_marker \
                and (rest[1].lower() in {"the", "both"} or _is_name(rest[1], rules) or _POSSESSIVE.search(rest[1])):
            # "lawyers for the families wrote in the filing", "attorneys for Acme": counsel on the
            # record for parties the text identifies (their filings are public)
            return SourceClass("named", f"'{' '.join(core)}' {' '.join(rest)} speak on the record for parties the text "
                                        "identifies")
        if head_l in rules.research_heads and not anon_marker and any(
                k > 0 and _is_name(t, rules) and not _NATIONALITY.search(t) for k, t in enumerate(core[:-1])):
            # "the Fenwick analysts", "Morgan Stanley economists": the research team of a named firm
            firm = " ".join(t for t in core[:-1] if _is_name(t, rules))
            return SourceClass("named", f"'{' '.join(core)}' work for a named institution ('{firm}') that publishes their "
                                        "research (anonymous_sources.toml: research_heads)")
        if head_l in rules.research_heads and len(rest) >= 2 and rest[0].lower() in {"at", "from"} \
                and not anon_marker and any(_is_name(t, rules) for t in rest[1:]):
            org = " ".join(rest[1:])  # "researchers at the University of Aarhus": the research team of a named body
            return SourceClass("named", f"'{' '.join(core)}' at a named institution ('{org}') identifies the research "
                                        "(anonymous_sources.toml: research_heads)")
        if head_l in _EVIDENCE_PLURALS and len(rest) >= 2 and not anon_marker:
            tail = " ".join(rest)  # "exit polls published by the public broadcaster RTP": who ran them
            for link in sorted(rules.tables.get("evidence_links", []), key=len, reverse=True):
                if tail.lower().startswith(link + " "):
                    by = classify_source(tail[len(link) + 1:], rules)
                    if by.label == "named":
                        return SourceClass("named", f"'{' '.join(core)}' {link} a named producer ('{tail[len(link) + 1:]}')")
                    break
        if plural_person:
            return _plural_person(head, rules)
        return SourceClass("anonymous", f"'{head}' does not name anyone (anonymous_sources.toml: heads)")
    if anon_marker:
        return SourceClass("anonymous", f"'{anon_marker.group()}' marks an unnamed source (anonymous_sources.toml: phrases)")
    cut = len(core)
    while cut > 1 and core[cut - 1].lower() in _WHERE_SHOWN:
        cut -= 1
    if cut < len(core) and core[cut - 1].lower() in rules.posts:  # "the tweet shown above": the head is "tweet"
        core = core[:cut]
        head, head_l = core[-1], core[-1].lower()
    if head_l in rules.posts:  # "a post on X claimed": the author is the source
        if first in {"his", "her", "their", "its"}:
            return SourceClass("named", f"'{' '.join(core)}': '{core[0]}' refers back to the author, identified earlier in the text")
        author = [t for k, t in enumerate(core[:-1]) if _is_name(t, rules) or _POSSESSIVE.search(t)
                  and not (k > 0 and core[k - 1].lower() in {"a", "an", "one", "another", "some"})]  # not "one brand's post"
        if not author and len(rest) >= 2 and rest[0].lower() in {"by", "from"}:
            by = classify_source(" ".join(rest[1:]), rules)
            if by.label == "named":
                author = rest[1:]
        if author:
            return SourceClass("named", f"'{' '.join(core)}' says who wrote it ('{' '.join(author)}')")
        weak = (f"'{' '.join(core)}' may point back at a post whose author the text named"
                if first in _BACK else None)
        return SourceClass("anonymous", f"'{' '.join(core)}' does not say who wrote it (named_sources.toml: posts)", weak)
    if head_l in rules.institution_heads or len(core) > 1 and head_l in _PLURAL_DOCUMENTS:  # "Court filings"
        has_name = any(_is_name(t, rules) for t in core[:-1]) or any(_POSSESSIVE.search(t) for t in core[:-1])
        modifier = any(t.lower() in rules.institution_heads or t.lower() in rules.bare_institutions
                       or t.lower() in _OFFICIAL for t in core[:-1])
        # "a report by the IMF", "the statement from Acme" (the name right after the link, not
        # "a study of 78,000 adults in Denmark", whose name is the place studied)
        by_name = modifier or _named_after_link(rest, rules)
        if has_name or by_name or _is_name(head, rules) and len(core) > 1:
            return SourceClass("named", f"'{' '.join(core)}' identifies an organisation, outlet or document")
        if first in {"the", "this", "that", "its", "their", "his", "her"}:
            return SourceClass("named", f"'{' '.join(core)}' refers back to an organisation, outlet or document identified earlier in the text")
        if head_l in {"filing", "filings"}:  # "X expects ..., according to a regulatory filing": X's own filing
            return SourceClass("none", f"'{' '.join(core)}' does not say who filed it, so it decides nothing on its own")
        return SourceClass("anonymous", f"'{' '.join(core)}' does not say which one")
    if len(core) == 1 and head[1:].islower() and head_l.endswith("s") and head_l != _singular(head_l) \
            and _singular(head_l) in rules.institution_heads and _singular(head_l) not in {"new", "news"}:
        # "Insurers estimate ...", "Banks say ...": the plural of an organisation noun, no name
        return SourceClass("anonymous", f"'{head}' does not name any organisation (a plural of named_sources.toml "
                                        "institution_heads)")
    if len(core) == 1 and head[1:].islower() and head_l.endswith("s") \
            and (_singular(head_l) in rules.roles or _agent_noun(_singular(head_l), speech)):
        # "Seismologists have long warned", "Judges praised": a capitalised first word that is a plural person noun
        return _plural_person(head, rules)
    if _is_name(head, rules):
        return SourceClass("named", f"a name: '{head}'")
    if len(rest) >= 2 and all(_is_name(t, rules) for t in rest[-2:]) and rest[0].lower() not in _PLACE_PREPOSITIONS:
        return SourceClass("named", f"a title followed by a name ('{' '.join(rest[-2:])}')")
    if head_l in rules.spokespeople or " ".join(core[-2:]).lower() in rules.spokespeople:
        org = [t for t in core[:-1] + rest if _is_name(t, rules)]
        if not org and len(rest) >= 3 and rest[0].lower() in {"for", "of", "at"} and rest[-1].lower() in rules.institution_heads:
            org = rest[1:]
        if org:
            return SourceClass("named", f"speaks for a named institution ('{' '.join(org)}')")
        return SourceClass("anonymous", f"'{' '.join(core)}' does not say for whom")
    # "a protester", "a villager": one of the unnamed groups the heads table lists
    one_of_group = head_l + "s" in rules.heads and head_l not in _NOT_PERSON_HEADS
    if head_l in rules.roles or " ".join(core[-2:]).lower() in rules.roles or one_of_group or _agent_noun(head_l, speech):
        has_name = any(_is_name(t, rules) for t in core[:-1]) or any(_POSSESSIVE.search(t) for t in core[:-1])
        weak = None if head_l in rules.roles or " ".join(core[-2:]).lower() in rules.roles or one_of_group else \
            f"'{head}' is in no table; it was read as a person noun only by its ending"
        listed = ("anonymous_sources.toml: roles" if head_l in rules.roles or " ".join(core[-2:]).lower() in rules.roles
                  else f"anonymous_sources.toml: heads, one of the '{head_l}s'" if one_of_group else "a person noun by its ending")
        if first in {"a", "an", "one"} and any(t.lower() in {"former", "ex"} for t in core[1:-1]):
            # "a former United captain told me": one of many past holders, not identified
            return SourceClass("anonymous", f"'{' '.join(core)}' is one of several former holders, not named", weak)
        if has_name or first in {"the", "this"}:
            return SourceClass("named", f"'{' '.join(core)}' points at one identifiable person ({listed})", weak)
        if first == "its" and len(core) > 1:  # "its communications director": an officer of an organisation named earlier
            return SourceClass("named", f"'{' '.join(core)}' points at one officer of an organisation identified earlier "
                                        f"in the text ({listed})", weak)
        return SourceClass("anonymous", f"'{' '.join(core)}' does not say who ({listed})", weak)
    if any(_is_name(t, rules) for t in rest) and rest and rest[0].lower() in {"from", "by", "of"} \
            and (head_l in _DATA or len(core) == 2 and core[0].lower() in _DATA):  # "data (released) by MOTIE"
        return SourceClass("named", f"'{phrase.strip()}' names where the data come from")
    return SourceClass("none", f"'{head}' is not a person or an organisation, so not a source")


_DATA_FROM = re.compile(r"(?i:(?:the|new|latest|recent|official|its|their)\s+)*(?i:data|figures|numbers|statistics|estimates)"
                        r"(?:\s+(?i:released|published|compiled|collected|produced|issued|gathered|provided)"
                        r"(?:\s+(?i:on|in|last|this|earlier)\s+\w+)?)?"  # "figures released on Tuesday by ..."
                        r"\s+(?i:from|by)\s+(\S.*)$")

# Words after a post noun that say where it is shown ("the tweet shown above")
_WHERE_SHOWN = {"above", "below", "here", "shown", "pictured", "embedded", "displayed"}

# Singulars of `heads` plurals that are not people ("a figure", "an account")
_NOT_PERSON_HEADS = {"figure", "account", "site", "leak", "rumour", "rumor", "voice", "other", "poll", "survey", "website",
                     "outlet", "report", "group", "lobby"}
_YEAR_OLD = re.compile(r"\d{1,3}-year-old")
# Quantifiers that stand alone for sources just mentioned ("Neither would say", "Both said")
_BACK_QUANTIFIERS = {"neither", "both", "either", "each"}
# Determiners that point back at something the text has already identified.
_BACK = {"the", "this", "both", "these", "those", "its", "his", "her", "their"}
_BOTH_PARTIES = {"both companies", "both firms", "both sides", "both groups", "both banks", "both unions", "both parties",
                 "both governments", "both airlines", "both clubs", "both teams", "the two", "all three", "both carriers"}
# "a homeowner on Lock Street", "a man near Castle Square": a place, not the person's name
_PLACE_PREPOSITIONS = {"on", "in", "at", "near", "outside", "along", "off", "behind", "by", "across", "from", "of"}
_OFFICE_HOLDERS = {"ministers", "leaders", "presidents", "governors", "mayors", "ambassadors", "premiers", "chancellors",
                   "envoys", "heads"}
_COUNSEL = {"lawyers", "attorneys", "solicitors", "barristers"}
# "a small study posted online", "a report published on Monday": a participle after a document noun
_INFO_PARTICIPLES = {"posted", "published", "released", "presented", "issued", "carried", "conducted", "circulated", "leaked",
                     "seen", "obtained", "filed", "submitted", "shared"}
_INTENSIFIER = re.compile(r"(?<=\w)\s+(?:himself|herself|themselves|itself)\s*$")
_SUCCESSIVE = {"recent", "successive", "previous", "past", "former", "earlier", "later", "subsequent"}
_GOVERNMENTS = {"government", "administration", "cabinet"}
_DATA = {"data", "figures", "numbers", "statistics", "estimates"}
# "Russian analysts", "Western economists", "Chinese scientists": where they are from, not who employs them
_NATIONALITY = re.compile(r"(?:an|ese|ish|ern|ic|i|ch)$")
# plurals of document nouns (named_sources.toml institution_heads lists the singular)
_PLURAL_DOCUMENTS = {"filings", "letters", "memos", "rulings", "statements", "transcripts", "releases", "disclosures",
                     "projections", "affidavits", "indictments", "complaints", "lawsuits"}
# modifiers that make a document or data an official body's ("official figures", "census data")
_OFFICIAL = {"court", "federal", "state", "city", "county", "census", "official", "public", "government"}
# Unnamed polls and studies (anonymous_sources.toml heads) that are named by who ran them
_EVIDENCE_PLURALS = {"polls", "surveys", "studies"}
# Heads that are documents as well as (in `heads`) unnamed people or reports: "the
# airlines' annual reports", "the company's figures" are the organisations' own.
_DOCUMENT_HEADS = {"reports", "figures", "accounts", "records", "numbers", "statistics"}


# Agent-noun endings (auditor, negotiator, biologist, librarian, applicant, employee,
# chairperson): a noun no table lists but that names a person by what they do. Words with
# these endings that name things, not people, are excluded.
_AGENT = re.compile(r"[a-z]{3,}(?:tor|sor|ist|ian|ant|ee|person|man|woman|eer|ier|grapher|ologist)$")
_NOT_AGENT = {"factor", "sector", "motor", "vector", "tensor", "processor", "sensor", "monitor", "reactor", "elevator",
              "indicator", "calculator", "generator", "radiator", "incubator", "list", "twist", "mist", "gist",
              "median", "guardian", "plant", "restaurant", "variant", "grant", "tenant", "implant", "pollutant",
              "coolant", "fee", "committee", "guarantee", "jubilee", "coffee", "toffee", "tree", "degree", "decree",
              "career", "pioneer", "barrier", "carrier", "frontier", "premier", "tier", "courier", "cashier",
              "dossier", "pier", "soldier", "glacier", "multiplier", "dian", "lorian", "human", "german", "roman",
              "ottoman", "talisman", "caiman"}


_PUBLISHED = {"published", "appearing", "presented", "reported"}
_LINK_FILLER = {"the", "researchers", "scientists", "economists", "a", "team", "at", "from", "of"}


def _named_after_link(rest: list[str], rules: Rules) -> bool:
    """Whether the words after the head ("by the IMF", "by researchers at Oxford University",
    "of 2,400 tenants by the Housing Trust", "published on Monday in the Lancet") name the producer: after "by"/"from"/"of", a
    name follows right away or after "the", "researchers at", "a team from" (a name further
    on, as in "a study of 78,000 adults in Denmark", is only the place studied); a later
    "by" or "from" starts the search again."""
    for i, t in enumerate(rest):
        if t.lower() == "in" and any(w.lower() in _PUBLISHED for w in rest[:i]):
            j = i + 1 + (i + 1 < len(rest) and rest[i + 1].lower() in {"the", "a"})  # "published Wednesday in the X Journal"
            if j < len(rest) and _is_name(rest[j], rules):
                return True
        if t.lower() not in {"by", "from", "of"}:
            continue
        if t.lower() in {"by", "from"} and i + 2 < len(rest) and rest[i + 1].lower() == "the" \
                and _classify_one(" ".join(rest[i + 1:]), rules).label == "named":
            return True  # "released Tuesday by the city's housing department"
        j = i + 1
        while j < len(rest) and rest[j].lower() in _LINK_FILLER and j - i <= 4:
            j += 1
        if j < len(rest) and _is_name(rest[j], rules) and (i == 0 or t.lower() in {"by", "from"}):
            return True
    if len(rest) >= 2 and rest[0].lower() == "at" and any(_is_name(t, rules) for t in rest[1:3]):
        return True  # "a team at the Westbrook Institute": the unit of a named body
    if rest and rest[0].lower() in _INFO_PARTICIPLES and any(
            rest[k].lower() in {"on", "in"} and rest[k + 1].lower() in {"its", "their"} for k in range(len(rest) - 1)):
        return True  # "a statement posted on its website": the document of the source the text is about
    return False


def _person_noun(noun: str, rules: Rules) -> bool:
    """A noun the tables list for people or groups (heads, roles, spokespeople)."""
    return noun in rules.heads or noun in rules.roles or noun in rules.spokespeople


def _plural_person(head: str, rules: Rules) -> SourceClass:
    """An unnamed group named by a plural person noun: from the roles table, or read by its ending (uncertain)."""
    listed = _singular(head.lower()) in rules.roles
    return SourceClass("anonymous", f"'{head}' does not name anyone (a plural person noun"
                                    + (", anonymous_sources.toml: roles)" if listed else ")"),
                       None if listed else f"'{head}' is in no table; it was read as a person noun only by its ending")


def _person_like(noun: str, rules: Rules, speech: bool) -> bool:
    """A person noun from the tables, or one read by its ending ("migrants interviewed by ...")."""
    return _person_noun(noun, rules) or _agent_noun(_singular(noun), speech)


def _agent_noun(noun: str, speech: bool = False) -> bool:
    if speech and _AGENT_ER.match(noun) and noun not in _NOT_AGENT_ER:
        return True  # "one angler told reporters": before a verb of speech, -er names a person
    return bool(_AGENT.match(noun)) and noun not in _NOT_AGENT


# -er nouns (angler, rower, hiker) are people only as the subject of a verb of speech; these
# are not people even there ("the order says")
_AGENT_ER = re.compile(r"[a-z]{3,}er$")
_NOT_AGENT_ER = {"order", "number", "matter", "chapter", "charter", "register", "center", "corner", "flyer", "banner",
                 "folder", "sticker", "header", "trailer", "answer", "power", "tower", "river", "water", "weather",
                 "summer", "winter", "quarter", "cancer", "danger", "manner", "paper", "letter", "other", "either",
                 "neither", "whether", "together", "rather", "later", "never", "ever", "over", "under", "after", "filter",
                 "computer", "monitor", "meter", "counter", "cover", "poster", "flier", "leaflet", "paper", "ledger"}


def _singular(noun: str) -> str:
    """'companies' -> 'company', 'unions' -> 'union' (for the institution table)."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") else noun
