"""Read and analyse a list of drafts, in order, in one process or several.

Each draft is read with `coach.inputs.read_text_file` (the one vetted reader) and analysed once
through `coach.analysis.analyze_many`, which streams chunks through `nlp.pipe`. With `jobs > 1`
a pool of worker processes analyses chunks side by side, each with its own pipeline; results
come back in input order, so `--jobs 2` gives exactly the rows of `--jobs 1`.

Why a process pool and not spaCy's `n_process`: the coach components keep Python objects in the
Doc that spaCy cannot send between processes, so with `n_process` they must run in the parent,
which then does about half of the work alone. benchmarks/bench_review.py measures both.

An `Outcome` holds plain data only (a `Report`, the rewrite as a dict, entity offsets), so it
pickles cheaply from a worker and the parent never sees a spaCy object.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from dataclasses import dataclass, replace
from functools import partial

from coach.config import Settings
from coach.inputs import InputError, read_text_file
from coach.render.visible import visible
from coach.report.document import Report
from coach.review.discover import Source

NAME_LABELS = ("PERSON", "ORG")  # what anonymisation needs from the parse
DEFAULT_BATCH = 16
NOT_PLAIN_TEXT = (".docx", ".doc", ".pdf", ".odt", ".rtf", ".pages")  # named explicitly, never searched for


@dataclass(frozen=True)
class Options:
    """How every draft of the batch is analysed (the same for all, picklable for workers)."""

    kind: str = "auto"
    red_flag: str = "auto"
    settings: Settings | None = None
    entities: bool = False       # keep PERSON/ORG offsets for anonymisation
    rewrite: bool = True         # render the suggested rewrite (for the HTML report)
    batch_size: int = DEFAULT_BATCH


@dataclass(frozen=True)
class Outcome:
    """One row of the batch: a report, or the one-line reason the file could not be used."""

    source: Source
    report: Report | None = None
    error: str | None = None
    rewrite: dict | None = None
    entities: tuple[tuple[int, int, str], ...] = ()

    @property
    def ok(self) -> bool:
        return self.report is not None


def _entities(doc) -> tuple[tuple[int, int, str], ...]:
    return tuple((e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in NAME_LABELS)


def _reason(message: str, path: str) -> str:
    """An InputError message without the path prefix (the row already names the file)."""
    prefix = visible(path) + ": "
    return message[len(prefix):] if message.startswith(prefix) else message


def _rewrite(report: Report) -> dict | None:
    from coach.rewriting.compose import render_rewrite

    try:
        return render_rewrite(report).to_dict()
    except Exception:  # a suggestion is a bonus; the analysis row stands without it
        return None


def _finish(src: Source, result, ents, note: str | None, options: Options) -> Outcome:
    if isinstance(result, InputError):
        return Outcome(src, error=_reason(str(result), src.path))
    report = result.with_path(src.path)
    if note:
        report = replace(report, notices=report.notices + (note,))
    return Outcome(src, report=report, rewrite=_rewrite(report) if options.rewrite else None,
                   entities=ents or ())


def analyze_chunk(sources: list[Source], options: Options) -> list[Outcome]:
    """Read and analyse `sources`, one `Outcome` each, in order (runs in a worker or in-process)."""
    from coach.analysis import analyze, analyze_many

    done: dict[int, Outcome] = {}
    items: list[tuple[Source, str, str | None, str | None]] = []
    for src in sources:
        suffix = os.path.splitext(src.path)[1].lower()
        if suffix in NOT_PLAIN_TEXT:
            done[src.index] = Outcome(src, error=f"a {suffix} file is not plain text; save the draft as .txt to review it")
            continue
        try:
            text = read_text_file(src.path)
        except InputError as e:
            done[src.index] = Outcome(src, error=_reason(str(e), src.path))
            continue
        mspe = note = None
        if src.mspe is not None:
            try:
                mspe = read_text_file(src.mspe, what="the MSPE excerpt")
            except InputError as e:
                note = f"The MSPE excerpt was not used: {e}"
        items.append((src, text, mspe, note))
    extract = _entities if options.entities else None
    try:
        results = analyze_many(((t, m) for _, t, m, _ in items), kind=options.kind,
                               red_flag=options.red_flag, settings=options.settings,
                               batch_size=options.batch_size, extract=extract)
        for (src, _, _, note), res in zip(items, results, strict=True):
            result, ents = res if extract else (res, None)
            done[src.index] = _finish(src, result, ents, note, options)
    except Exception:
        # A bug in one draft's analysis must not sink the batch: redo the rest one by one, so
        # only the draft that fails gets an error row (its reason names the exception).
        for src, text, mspe, note in items:
            if src.index in done:
                continue
            try:
                report = analyze(text, kind=options.kind, red_flag=options.red_flag, mspe=mspe,
                                 settings=options.settings)
                done[src.index] = _finish(src, report, (), note, options)
            except InputError as e:
                done[src.index] = Outcome(src, error=_reason(str(e), src.path))
            except Exception as e:  # noqa: BLE001 (reported as the row's reason)
                done[src.index] = Outcome(src, error=f"could not be analysed ({type(e).__name__}: {e})")
    return [done[s.index] for s in sources]


def _worker_init() -> None:
    """Workers ignore Ctrl-C (the parent stops the pool) and load the pipeline up front."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from coach.pipeline.nlp import get_nlp

    get_nlp()


def chunk_size(n: int, jobs: int, batch_size: int) -> int:
    """Chunks small enough that every worker gets several (the last chunk is not a long tail)."""
    return max(1, min(batch_size, -(-n // (jobs * 4)) if jobs > 1 else batch_size))


class BatchRun:
    """Iterate the outcomes of `sources` in order; use as a context manager to stop workers.

    The worker processes are started in `__enter__`, before the caller starts any thread (the
    progress bar has one): forking a process that has threads is unsafe.
    """

    def __init__(self, sources: list[Source], options: Options = Options(), jobs: int = 1) -> None:
        self.sources, self.options, self.jobs = list(sources), options, max(1, jobs)
        self._pool = None

    def __enter__(self) -> BatchRun:
        if self.jobs > 1 and len(self.sources) > 1:
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self._pool = ctx.Pool(self.jobs, initializer=_worker_init)
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            if exc[0] is None:
                self._pool.close()
            else:
                self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __iter__(self):
        size = chunk_size(len(self.sources), self.jobs, self.options.batch_size)
        chunks = [self.sources[i:i + size] for i in range(0, len(self.sources), size)]
        work = partial(analyze_chunk, options=self.options)
        if self._pool is None:
            for chunk in chunks:
                yield from work(chunk)
        else:
            for outcomes in self._pool.imap(work, chunks):
                yield from outcomes
