"""Benchmark: `analyze()` against the bare spaCy pipeline on the same texts, in one run.

Not a test (timings vary by machine); run it with `python benchmarks/bench_analyze.py`.
Target: analyze ≤ 1.25 × bare `nlp(text)` time. Texts are the corpus drafts
(the tool's real workload); both sides are warmed up, then timed over several rounds and the
best round is kept, which is the usual way to damp noise from other processes.
"""
from __future__ import annotations

import argparse
import statistics
import time


def _one_round(fn, texts) -> float:
    t0 = time.perf_counter()
    for t in texts:
        fn(t)
    return time.perf_counter() - t0


def _best_of_interleaved(rounds: int, bare, coach, texts) -> tuple[float, float]:
    """Best round of each, the two alternating: on a shared machine a slow spell then hits both
    sides instead of whichever happened to be running."""
    t_bare, t_coach = [], []
    for _ in range(rounds):
        t_bare.append(_one_round(bare, texts))
        t_coach.append(_one_round(coach, texts))
    return min(t_bare), min(t_coach)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=120, help="number of corpus drafts to time")
    args = parser.parse_args()

    from coach.analysis import analyze
    from coach.pipeline.nlp import get_nlp, load_base
    from coach.resources import corpus_dir
    from coach.training.corpus import load_dir

    texts = [d.text for d in load_dir(corpus_dir()).drafts][: args.limit]
    bare = load_base()
    get_nlp()
    for t in texts[:10]:  # warm caches (matchers, lexicons, models)
        bare(t)
        analyze(t)
    t_bare, t_coach = _best_of_interleaved(args.rounds, bare, analyze, texts)
    words = sum(len(t.split()) for t in texts)
    print(f"texts: {len(texts)} drafts, {words} words (median {statistics.median(len(t.split()) for t in texts):.0f})")
    print(f"bare nlp(text):  {t_bare * 1000 / len(texts):7.2f} ms per draft")
    print(f"coach analyze(): {t_coach * 1000 / len(texts):7.2f} ms per draft")
    print(f"ratio analyze / bare: {t_coach / t_bare:.3f}  (target <= 1.25)")


if __name__ == "__main__":
    main()
