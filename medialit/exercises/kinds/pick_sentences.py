"""``pick_sentences``: pick the sentences of a corpus article (or of a short list) that match.

The key names each right sentence by a fragment of it; the key holds the hashes of the
fragments' words, so checking looks at every run of that many words in a picked sentence.

>>> from medialit.exercises.spec import parse_exercises
>>> ex = parse_exercises({"exercise": [{"id": "q0.3", "kind": "pick_sentences", "prompt": "Unnamed?",
...     "points": 1, "hint": "Who speaks?", "items": ["An insider said so.", "The mayor said so."],
...     "answer": ["insider"]}]}, "demo.toml").exercises[0]
>>> PickSentences().check(ex, PickSentences().coerce(ex, 1)).status
'correct'
"""
from __future__ import annotations

import functools
from typing import Any

from medialit.errors import AnswerError
from medialit.exercises.keys import digest, fragment_hits, normalise, seal, unseal, word_key
from medialit.exercises.kinds.base import (Compiled, Fail, Input, Kind, Verdict, as_list, checkbox_input,
                                           messages, pick_item, string_list)


@functools.lru_cache(maxsize=32)
def article_sentences(article_id: str) -> tuple[str, ...]:
    """The non-boilerplate sentences of a corpus article, as the exercises offer them."""
    from medialit.corpus.articles import load_corpus
    from medialit.corpus.clean import find_boilerplate
    from medialit.text.split import sentences

    text = _kit_article(str(article_id), load_corpus).text
    return tuple(s.text for s in sentences(text, skip=find_boilerplate(text)))


def _kit_article(article_id: str, load_corpus):
    """The article from the kit's own seeds (the exercises were written on them), whatever
    ``$MEDIALIT_SEEDS`` points at; the seeds ``$MEDIALIT_SEEDS`` names when the kit has none."""
    from pathlib import Path

    own = Path(__file__).resolve().parents[3] / "seeds"
    if (own / "catalog.toml").is_file():
        corpus = load_corpus(own)
        if article_id in corpus.ids:
            return corpus[article_id]
    return load_corpus()[article_id]


def _windows(exercise, text: str, prefix: str, sizes: set[int]) -> dict[str, str]:
    """Hash -> fragment words, for every run of ``n`` words in ``text`` (n in ``sizes``)."""
    words = word_key(text)
    out = {}
    for n in sizes:
        for j in range(len(words) - n + 1):
            frag = " ".join(words[j:j + n])
            out[digest(exercise.salt, exercise.id, prefix + frag)] = frag
    return out


def _fragment_feedback(exercise, text: str) -> list[str]:
    entries = exercise.key.get("feedback") or []
    sizes = {int(n) for n, _, _ in entries}
    found = _windows(exercise, text, "fbfrag:", sizes)
    out = []
    for n, h, sealed in entries:
        if h in found:
            message = unseal(sealed, exercise.salt, exercise.id, "fbfrag:" + found[h])
            if message:
                out.append(message)
    return out


class PickSentences(Kind):
    """Pick every sentence the prompt asks for, and no other."""

    name = "pick_sentences"
    source_fields = frozenset({"article", "items", "answer", "target"})
    release_fields = frozenset({"article", "items", "target"})
    answer_example = "[2, 5] (sentence numbers) or a list of sentence fragments"

    def compile(self, table: dict, ex_id: str, salt: str, fail: Fail) -> Compiled:
        has_article, has_items = "article" in table, "items" in table
        if has_article == has_items:
            raise fail("give exactly one of field 'article' (a corpus id) or field 'items' (a list of sentences)")
        if has_article:
            article = str(table["article"])
            data: dict[str, Any] = {"article": article}
            try:
                items = list(article_sentences(article))
            except Exception as err:  # noqa: BLE001 - any failure to load is reported with its cause
                raise fail(f"field 'article': cannot load article {article!r}: {err}") from None
            where = f"article {article}"
        else:
            items = string_list(table, "items", fail, minimum=2)
            data = {"items": items}
            where = "the items"
        target = table.get("target", "sentences to pick")
        if not isinstance(target, str) or not target.strip():
            raise fail("field 'target' must be a short description like \"anonymously sourced sentences\"")
        data["target"] = target.strip()
        answer = string_list(table, "answer", fail)

        def locate(fragment: str, name: str) -> tuple[list[str], int]:
            words = word_key(fragment)
            hits = fragment_hits(words, items) if words else []
            if not hits:
                raise fail(f"field '{name}': fragment {fragment!r} is not in any sentence of {where}")
            if len(hits) > 1:
                raise fail(f"field '{name}': fragment {fragment!r} is in {len(hits)} sentences of {where}; "
                           "make it longer")
            return words, hits[0]

        correct, seen, frags = [], {}, []
        for fragment in answer:
            words, hit = locate(fragment, "answer")
            if hit in seen:
                raise fail(f"field 'answer': fragments {seen[hit]!r} and {fragment!r} name the same sentence")
            seen[hit] = fragment
            frags.append(" ".join(words))
            correct.append([len(words), digest(salt, ex_id, "frag:" + " ".join(words))])
        sealed = []
        for fragment, message in messages(table.get("feedback"), "feedback", fail).items():
            words, _ = locate(fragment, "feedback")
            token = "fbfrag:" + " ".join(words)
            sealed.append([len(words), digest(salt, ex_id, token), seal(message, salt, ex_id, token)])
        return Compiled(data, sorted(correct, key=lambda c: c[1]), sorted(sealed, key=lambda f: f[1]),
                        ["explain:frags:" + "|".join(sorted(frags))])

    def items(self, exercise) -> list[str]:
        """The sentences offered: those of the article, or the listed items."""
        if "article" in exercise.data:
            return list(article_sentences(exercise.data["article"]))
        return list(exercise.data["items"])

    def coerce(self, exercise, raw: Any) -> list[str]:
        items = self.items(exercise)
        picked = {pick_item(v, items, "sentence") for v in as_list(raw)}
        return [items[i] for i in sorted(picked)]

    def is_empty(self, answer: Any) -> bool:
        return False  # "none of them" is an answer

    def valid_picks(self, exercise, answer: Any) -> list[str]:
        """The picks of a stored answer, each one of the sentences offered, none twice, no more
        than there are sentences; raises :class:`AnswerError` saying what is wrong."""
        picks = as_list(answer)
        items = self.items(exercise)
        if len(picks) > len(items):
            raise AnswerError(f"{len(picks)} picks, but only {len(items)} sentences are offered")
        offered = {normalise(t) for t in items}
        seen: set[str] = set()
        for pick in picks:
            key = normalise(pick) if isinstance(pick, str) else None
            if key is None or key not in offered:
                shown = str(pick)
                shown = shown if len(shown) <= 50 else shown[:47] + "..."
                raise AnswerError(f"the pick {shown!r} is not one of the sentences offered")
            if key in seen:
                raise AnswerError(f"the sentence {str(pick)[:47]!r} is picked twice")
            seen.add(key)
        return picks

    def check(self, exercise, answer: Any) -> Verdict:
        answer = self.valid_picks(exercise, answer)
        target = exercise.data.get("target", "sentences to pick")
        correct = {h: int(n) for n, h in exercise.key["correct"]}
        sizes = set(correct.values())
        found: dict[str, str] = {}
        extras, details = [], []
        for text in as_list(answer):
            hits = {h: f for h, f in _windows(exercise, text, "frag:", sizes).items() if h in correct}
            if hits:
                found.update(hits)
            else:
                extras.append(text)
                details += _fragment_feedback(exercise, text)
        missed = set(correct) - set(found)
        if missed:
            for item in self.items(exercise):
                if any(h in missed for h in _windows(exercise, item, "frag:", sizes)):
                    details += _fragment_feedback(exercise, item)
        if not extras and not missed:
            return Verdict("correct", f"Correct: all {len(correct)} {target} picked, none extra.", [],
                           "frags:" + "|".join(sorted(found.values())))
        parts = [f"{len(found)} of {len(correct)} {target} picked"]
        if extras:
            parts.append(f"{len(extras)} picked sentence{'s are' if len(extras) > 1 else ' is'} not among them")
        return Verdict("incorrect", "Not yet: " + "; ".join(parts) + ".", details, None)

    def widget(self, exercise) -> Input:
        return checkbox_input(self.items(exercise), numbered=True)

    def key_answer(self, exercise) -> Any:
        return exercise.source["answer"]

    def misconceptions(self, exercise) -> list[tuple[Any, str]]:
        key = list(exercise.source["answer"])
        items = self.items(exercise)
        out: list[tuple[Any, str]] = []
        for fragment, message in exercise.source.get("feedback", {}).items():
            where = pick_item(fragment, items, "sentence")
            inside = next((k for k in key if pick_item(k, items, "sentence") == where), None)
            wrong = [k for k in key if k is not inside] if inside is not None else key + [fragment]
            out.append((wrong, message))
        return out
