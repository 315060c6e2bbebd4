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


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children (workers)."""
    import resource
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _measure_families(n: int, jobs: int) -> dict:
    """In this process: generate ``n`` articles, group them with ``jobs`` processes; time,
    peak memory (this process, and the largest worker) and pairwise scores."""
    import resource

    from medialit.compare import story_families

    t0 = time.perf_counter()
    articles, planted = generate_corpus(n)
    t1 = time.perf_counter()
    c1 = _cpu()
    predicted = story_families(articles, jobs=jobs)
    t2 = time.perf_counter()
    c2 = _cpu()
    precision, recall, n_pred, n_true = pairwise_scores(predicted, planted)
    words = sum(len(t.split()) for t in articles.values())
    return {"n": n, "jobs": jobs, "generate_s": t1 - t0, "families_s": t2 - t1, "cpu_s": c2 - c1, "precision": precision,
            "recall": recall, "pred_pairs": n_pred, "true_pairs": n_true, "families": len(predicted),
            "planted": len(planted), "planted_articles": sum(map(len, planted)), "words": words,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}


def long_pair(size: int = 2_000_000, seed: int = 5) -> tuple[str, str]:
    """Two one-line texts of about ``size`` characters: B is A with one word in 50 replaced."""
    rng = random.Random(seed)
    vocab = [f"w{k}" for k in range(3000)] + "the a of to in and said on for".split() * 200
    a, total = [], 0
    while total < size:
        w = rng.choice(vocab)
        a.append(w)
        total += len(w) + 1
    b = list(a)
    for _ in range(len(b) // 50):
        b[rng.randrange(len(b))] = rng.choice(vocab)
    return " ".join(a) + "\n", " ".join(b) + "\n"


def _measure_long_pair(size: int) -> dict:
    import resource

    from medialit.compare import compare

    a, b = long_pair(size)
    c0, t0 = time.process_time(), time.perf_counter()
    result = compare(a, b)
    c1, t1 = time.process_time(), time.perf_counter()
    return {"size": size, "wall_s": t1 - t0, "cpu_s": c1 - c0, "changes": sum(len(p.changes) for p in result.pairs),
            "similarity": result.similarity,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _load() -> str:
    import os
    try:
        return ", ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover
        return "unknown"


def _child(kind: str, *args: int) -> dict:
    """Run one measurement in a fresh Python (so peak memory is that run's alone)."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", kind, *map(str, args)],
                         capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(sizes: tuple[int, ...] = (10_000, 20_000), jobs: tuple[int, ...] = (1, 2), long_size: int = 2_000_000) -> str:
    """Families on each size with each number of jobs, and the long-pair compare; Markdown."""
    rows = [_child("families", n, j) for n in sizes for j in jobs]
    pair = _child("long", long_size)
    first = rows[0]
    lines = [
        "## Story families (`medialit families`)",
        "",
        f"Synthetic corpora (fixed seed): {first['n']:,} articles have {first['words']:,} words "
        f"(mean {first['words'] / first['n']:.0f}) and {first['planted']:,} planted families covering "
        f"{first['planted_articles']:,} articles (rewrites: reordering, synonym swaps up to 50%, "
        "dropped/added sentences, light paraphrase, truncation). Each run is a fresh process; "
        "peak memory is that process's maximum resident size (and the largest worker's).",
        "",
        "| articles | jobs | `story_families` wall time | CPU time (all processes) | peak memory (main / worker) | pairwise precision | pairwise recall |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['jobs']} | {r['families_s']:.1f} s | {r['cpu_s']:.1f} s | {r['peak_mb']:.0f} MB / "
                     f"{r['worker_peak_mb']:.0f} MB | {r['precision']:.3f} ({r['pred_pairs']:,} pairs) | "
                     f"{r['recall']:.3f} ({r['true_pairs']:,} pairs) |")
    same = {(r["n"], r["families"], r["pred_pairs"]) for r in rows}
    lines += ["", "Same result with every number of jobs: "
              + ("yes" if len({(n, f, p) for n, f, p in same}) == len(sizes) else "NO") + ".",
              f"Budget: 20,000 articles under 1 GB of memory (1.5 GB before this round). Wall time depends on "
              f"what else the machine runs (measured load average: {_load()}); CPU time does not.", "",
              f"`compare` of two {pair['size'] / 1e6:.0f} MB one-line texts (one word in 50 replaced): "
              f"{pair['wall_s']:.1f} s wall, {pair['cpu_s']:.1f} s CPU, {pair['changes']:,} word changes, "
              f"peak {pair['peak_mb']:.0f} MB (budget < 10 s; more than 60 s before the anchored matcher).", ""]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    import json
    import sys
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, *nums = sys.argv[2:]
        result = _measure_families(int(nums[0]), int(nums[1])) if kind == "families" else _measure_long_pair(int(nums[0]))
        print(json.dumps(result))
    else:
        sizes = tuple(int(x) for x in sys.argv[1].split(",")) if len(sys.argv) > 1 else (10_000, 20_000)
        print(run(sizes))
