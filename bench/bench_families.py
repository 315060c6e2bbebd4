"""Benchmark for ``medialit.compare.comparison.story_families``: speed and pairwise precision/recall on a
synthetic corpus with planted rewrite families.

The corpus is generated (fixed seed) from a pseudo-word vocabulary with a Zipf-like word
distribution, English function words in realistic proportion, names and numbers, and
topics that make unrelated articles share vocabulary (the hard case: same topic, different
text). Each family is a base article plus rewrites made with a random mix of the edits
real republishers make: sentence reordering, synonym swaps (as "spinner" software does, up
to half of the content words), dropped and added sentences, light paraphrase (function
words dropped, inserted or swapped), and truncation.

``run() -> str`` measures at run time and returns a Markdown section.
"""
from __future__ import annotations

import random
import time
from itertools import accumulate, combinations

FUNCTION = ("the of and to in a that is for on was with he it as at by from his an were are which "
            "this be has or had not but they their its have after who been will also more would "
            "there when than into only other all about up out so if could over some can said what "
            "no two new first just may most these any such then while because before between").split()
SYLLABLES = ("ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko la le li lo lu ma me mi mo mu na ne "
             "ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi za zo an en in "
             "on ar er or ur al el il ol st tr pr gr br cl").split()


class _Generator:
    def __init__(self, seed: int, vocabulary: int = 12000, names: int = 3000, topics: int = 400):
        self.rng = random.Random(seed)
        self.words = self._coin(vocabulary, 2, 4)
        self.names = [w.capitalize() for w in self._coin(names, 2, 3)]
        self.synonym = {w: self.rng.choice(self.words) for w in self.words}
        # Zipf-like weights: the k-th most frequent word has weight 1/(k+10)
        self.word_cum = list(accumulate(1 / (k + 10) for k in range(len(self.words))))
        self.function_cum = list(accumulate(1 / (k + 1.5) for k in range(len(FUNCTION))))
        self.topics = [(self.rng.sample(self.words[:4000], 150), self.rng.sample(self.names, 12))
                       for _ in range(topics)]

    def _coin(self, n: int, lo: int, hi: int) -> list[str]:
        seen: set[str] = set()
        out = []
        while len(out) < n:
            w = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(lo, hi)))
            if w not in seen and w not in FUNCTION:
                seen.add(w)
                out.append(w)
        return out

    def sentence(self, topic: int) -> list[str]:
        words_, names = self.topics[topic]
        r = self.rng
        out = []
        for _ in range(r.randint(10, 32)):
            x = r.random()
            if x < 0.45:
                out.append(r.choices(FUNCTION, cum_weights=self.function_cum)[0])
            elif x < 0.53:
                out.append(r.choice(names) if r.random() < 0.7 else r.choice(self.names))
            elif x < 0.56:
                out.append(str(r.randint(2, 2030)))
            elif x < 0.80:
                out.append(r.choice(words_))
            else:
                out.append(r.choices(self.words, cum_weights=self.word_cum)[0])
        return out

    def article(self, topic: int) -> list[list[str]]:
        target = self.rng.randint(300, 800)
        sents, n = [], 0
        while n < target:
            s = self.sentence(topic)
            sents.append(s)
            n += len(s)
        return sents

    def rewrite(self, base: list[list[str]], topic: int) -> list[list[str]]:
        r = self.rng
        spin, drop, add = r.uniform(0, 0.5), r.uniform(0, 0.3), r.uniform(0, 0.3)
        out = []
        for s in base:
            if r.random() < drop:
                continue
            s = [self.synonym.get(w, w) if r.random() < spin else w for w in s]
            s = self._paraphrase(s)
            out.append(s)
            if r.random() < add:
                out.append(self.sentence(topic))
        for _ in range(int(len(out) * r.uniform(0, 0.3))):  # move some sentences
            i, j = r.randrange(len(out)), r.randrange(len(out))
            out.insert(j, out.pop(i))
        if r.random() < 0.2:  # shortened version
            out = out[: max(4, int(len(out) * r.uniform(0.5, 0.8)))]
        return out

    def _paraphrase(self, s: list[str]) -> list[str]:
        r = self.rng
        s = [w for w in s if not (w in FUNCTION and r.random() < 0.05)]
        for i in range(len(s) - 1):
            if r.random() < 0.03:
                s[i], s[i + 1] = s[i + 1], s[i]
        if r.random() < 0.3:
            s.insert(r.randrange(len(s) + 1), r.choices(FUNCTION, cum_weights=self.function_cum)[0])
        return s


def render(sents: list[list[str]]) -> str:
    """Sentences as text: capitalised, full stops, a paragraph break every few sentences."""
    out = []
    for k, s in enumerate(sents):
        out.append(" ".join([s[0].capitalize()] + s[1:]) + ".")
        out.append("\n\n" if k % 3 == 2 else " ")
    return "".join(out).strip() + "\n"


def generate_corpus(n: int = 10_000, *, seed: int = 2019, family_share: float = 0.5
                    ) -> tuple[dict[str, str], list[list[str]]]:
    """``n`` articles (id -> text) and the planted families (lists of ids, size >= 2).

    About ``family_share`` of the articles belong to a family of 2 to 6 members.
    """
    gen = _Generator(seed)
    rng = gen.rng
    articles: dict[str, str] = {}
    families: list[list[str]] = []
    while len(articles) < n:
        topic = rng.randrange(len(gen.topics))
        base = gen.article(topic)
        size = rng.randint(2, 6) if rng.random() < family_share / 2.5 else 1
        size = min(size, n - len(articles))
        ids = []
        for k in range(size):
            key = f"a{len(articles):05d}"
            articles[key] = render(base if k == 0 else gen.rewrite(base, topic))
            ids.append(key)
        if size > 1:
            families.append(ids)
    return articles, families


def pairwise_scores(predicted: list[list[str]], planted: list[list[str]]) -> tuple[float, float, int, int]:
    """Pairwise precision and recall of ``predicted`` against ``planted`` families."""
    pred = {tuple(sorted(p)) for f in predicted for p in combinations(f, 2)}
    true = {tuple(sorted(p)) for f in planted for p in combinations(f, 2)}
    hit = len(pred & true)
    return (hit / len(pred) if pred else 1.0), (hit / len(true) if true else 1.0), len(pred), len(true)


def run(n: int = 10_000) -> str:
    """Generate, group, and report as Markdown (numbers measured now)."""
    from medialit.compare import story_families

    t0 = time.perf_counter()
    articles, planted = generate_corpus(n)
    t1 = time.perf_counter()
    predicted = story_families(articles)
    t2 = time.perf_counter()
    precision, recall, n_pred, n_true = pairwise_scores(predicted, planted)
    words = sum(len(t.split()) for t in articles.values())
    return "\n".join([
        "## Story families (`medialit families`)",
        "",
        f"Synthetic corpus: {len(articles):,} articles, {words:,} words (mean {words / len(articles):.0f}), "
        f"{len(planted):,} planted families covering {sum(map(len, planted)):,} articles "
        f"(generated in {t1 - t0:.1f} s; rewrites: reordering, synonym swaps up to 50%, "
        "dropped/added sentences, light paraphrase, truncation).",
        "",
        "| measure | value |",
        "|---|---|",
        f"| `story_families` wall time | {t2 - t1:.1f} s (budget 60 s) |",
        f"| pairwise precision | {precision:.3f} ({n_pred:,} predicted pairs) |",
        f"| pairwise recall | {recall:.3f} ({n_true:,} planted pairs) |",
        f"| predicted families (incl. singletons) | {len(predicted):,} |",
        "",
    ])


if __name__ == "__main__":  # pragma: no cover
    import sys
    print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
