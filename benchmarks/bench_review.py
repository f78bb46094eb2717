"""Benchmark: `coach review` throughput, `--jobs 2` speed-up, and peak memory on a large batch.

Not a test (timings vary by machine); run it with `python benchmarks/bench_review.py`.
Targets:
- review throughput on 1,000 drafts >= 0.85 x bare `nlp.pipe` over the same texts with the same
  number of processes ("bare" = the coach pipeline's `nlp.pipe`, docs dropped: no file reading,
  no Report, no output; the base spaCy pipeline is printed too, for reference);
- `--jobs 2` at least 1.6 x `--jobs 1` on two cores;
- memory bounded on 10,000 drafts (peak RSS printed for a small and a large batch; streaming
  means the large one is not ten times the small one).

The drafts are the corpus drafts, cycled, each given a distinct closing sentence, written as
files (review reads files; reading is part of what is measured). Both sides of every ratio run
warm: the pipeline is loaded before timing, and worker processes fork from a warm parent (the
pool is started, and the bare run's pool warmed, outside the timed region). It also measures the
alternative for `--jobs`, spaCy's own `n_process` (coach components then run in the parent,
since their Doc data cannot cross processes), which is why the review uses a process pool.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace


def cpu() -> float:
    """CPU seconds used so far by this process and its finished children (workers included)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn, *args) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of `fn(*args)`; CPU time is what a busy shared machine cannot
    distort much, so both are printed."""
    c0, t0 = cpu(), time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0, cpu() - c0


def make_drafts(folder: Path, n: int) -> list[str]:
    """Write `n` draft files built from the corpus; return their texts."""
    from coach.resources import corpus_dir
    from coach.training.corpus import load_dir

    corpus = [d.text for d in load_dir(corpus_dir()).drafts]
    folder.mkdir(parents=True, exist_ok=True)
    texts = []
    for i in range(n):
        text = f"{corpus[i % len(corpus)].rstrip()}\nThis is draft {i + 1} of the benchmark batch.\n"
        (folder / f"draft-{i:05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def _pipe_chunk(texts: list[str]) -> int:
    from coach.pipeline.nlp import get_nlp

    return sum(len(d) for d in get_nlp().pipe(texts, batch_size=16))


def _noop(_: int) -> int:
    return 0


def bare(texts: list[str], jobs: int) -> float:
    """Seconds for the coach pipeline's `nlp.pipe` over `texts` with `jobs` processes."""
    from coach.pipeline.nlp import get_nlp

    nlp = get_nlp()
    if jobs == 1:
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        return time.perf_counter() - t0
    size = max(1, min(16, -(-len(texts) // (jobs * 4))))
    chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        pool.map(_noop, range(jobs))  # workers up before the clock starts
        t0 = time.perf_counter()
        for _ in pool.imap(_pipe_chunk, chunks):
            pass
        return time.perf_counter() - t0


def base_pipe(texts: list[str]) -> float:
    """Seconds for the plain spaCy pipeline (no coach components), one process; for reference."""
    from coach.pipeline.nlp import load_base

    nlp = load_base()
    for _ in nlp.pipe(texts[:20]):
        pass
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - t0


def review(folder: Path, out: Path, jobs: int, html: bool = False) -> float:
    """Seconds for the review of `folder` (read, analyse, rows, JSON Lines and CSV; HTML if asked)."""
    import io
    from contextlib import redirect_stdout

    from coach.config import Settings
    from coach.review.cli import run
    from coach.review.discover import discover

    sources = discover([str(folder)])
    args = SimpleNamespace(kind="auto", red_flag="auto", anonymize=False, jobs=jobs,
                           json=out / "r.jsonl", csv=out / "r.csv", out=(out / "r.html") if html else None)
    t0 = time.perf_counter()
    with redirect_stdout(io.StringIO()):
        rows = run(sources, args, Settings())
    elapsed = time.perf_counter() - t0
    assert len(rows) == len(sources) and all(r["status"] == "ok" for r in rows)
    return elapsed


def spacy_n_process(texts: list[str], jobs: int) -> float:
    """Seconds for `analyze_many(n_process=jobs)`: spaCy's multi-processing for the base pipeline."""
    from coach.analysis import analyze_many

    t0 = time.perf_counter()
    for _ in analyze_many(texts, n_process=jobs, batch_size=16):
        pass
    return time.perf_counter() - t0


def peak_rss(folder: Path, out: Path, jobs: int) -> float:
    """Peak resident memory (MiB) of `coach review` on `folder`: the largest of the parent and its
    workers (what `ru_maxrss` of RUSAGE_CHILDREN reports), each of which must stay flat."""
    cmd = [sys.executable, "-m", "coach", "review", str(folder), "--jobs", str(jobs), "--json",
           str(out / "rss.jsonl"), "--csv", str(out / "rss.csv"), "--out", str(out / "rss.html")]
    code = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    kib = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, check=True).stdout
    return int(kib.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=1000, help="drafts for the throughput figures (default 1,000)")
    parser.add_argument("--rss-drafts", type=int, default=10_000, help="drafts for the large memory run (default 10,000; 0 skips)")
    parser.add_argument("--rss-jobs", type=int, default=1,
                        help="--jobs for the memory runs (1: one process holds everything the review keeps)")
    args = parser.parse_args()

    from coach.pipeline.nlp import get_nlp

    with tempfile.TemporaryDirectory(prefix="bench-review-") as tmp:
        tmp = Path(tmp)
        texts = make_drafts(tmp / "drafts", args.drafts)
        get_nlp()
        for _ in get_nlp().pipe(texts[:20]):  # warm caches
            pass
        print(f"drafts: {len(texts)}, {sum(len(t.split()) for t in texts):,} words; cpus: {os.cpu_count()}")
        t_base = base_pipe(texts)
        print(f"base spaCy nlp.pipe (reference), 1 process: {len(texts) / t_base:6.1f} drafts/s")
        results = {}
        n = len(texts)
        for jobs in (1, 2):
            (t_bare, c_bare), (t_rev, c_rev) = timed(bare, texts, jobs), timed(review, tmp / "drafts", tmp, jobs)
            results[jobs] = t_rev
            print(f"jobs {jobs}: bare coach nlp.pipe {n / t_bare:6.1f} drafts/s ({1000 * c_bare / n:.1f} ms CPU/draft); "
                  f"review {n / t_rev:6.1f} drafts/s ({1000 * c_rev / n:.1f} ms CPU/draft); "
                  f"review/bare throughput {t_bare / t_rev:.3f} wall, {c_bare / c_rev:.3f} CPU (target >= 0.85)")
        print(f"--jobs 2 speed-up over --jobs 1: {results[1] / results[2]:.2f}x (target >= 1.6 on two cores)")
        t_html = review(tmp / "drafts", tmp, 2, html=True)
        print(f"jobs 2 with the HTML report (rewrites, per-draft pages): {len(texts) / t_html:6.1f} drafts/s, "
              f"HTML {os.path.getsize(tmp / 'r.html') / 1e6:.1f} MB")
        t_np, c_np = timed(spacy_n_process, texts, 2)
        print(f"alternative for --jobs 2, spaCy n_process=2 (coach components in the parent): "
              f"{n / t_np:6.1f} drafts/s ({1000 * c_np / n:.1f} ms CPU/draft) vs pool {n / results[2]:6.1f} drafts/s")

        small = min(1000, args.drafts)
        rss_small = peak_rss(tmp / "drafts", tmp, args.rss_jobs) if small == args.drafts else None
        if rss_small is not None:
            print(f"peak RSS (largest process), {small:,} drafts, --jobs {args.rss_jobs}, all outputs: {rss_small:7.1f} MiB")
        if args.rss_drafts:
            make_drafts(tmp / "many", args.rss_drafts)
            t0 = time.perf_counter()
            rss_big = peak_rss(tmp / "many", tmp, args.rss_jobs)
            print(f"peak RSS (largest process), {args.rss_drafts:,} drafts, --jobs {args.rss_jobs}, all outputs: {rss_big:7.1f} MiB "
                  f"({time.perf_counter() - t0:.0f} s)" + (f"; ratio to {small:,} drafts {rss_big / rss_small:.2f}" if rss_small else ""))
    print(f"(this process: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()
