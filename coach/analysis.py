"""`analyze()`: text → spaCy Doc (with coach components) → findings → one `Report`.

This is the only place that runs the pipeline for a draft; every view renders the `Report` it
returns. It never imports a view (a test checks that `textual` stays out of `sys.modules`).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator

from coach.config import Settings
from coach.inputs import InputError, check_text
from coach.pipeline.components import OPT_KIND, OPT_RED_FLAG
from coach.pipeline.nlp import get_nlp
from coach.report.document import ComponentResult, Report, SentenceResult
from coach.report.findings import findings_from_doc
from coach.report.scores import compute_scores
from coach.vocab import COMPONENTS, KINDS, RED_FLAGS
from coach.wordcount import WORD  # one definition of a word for every figure shown

MIN_ENGLISH_STOP_RATIO = 0.15
MIN_WORDS_FOR_LANGUAGE_CHECK = 6
NOT_ENGLISH = ("This draft does not look like English; redflag-coach analyses English drafts, "
               "so its findings may not mean much.")


def _check_option(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value != "auto" and value not in allowed:
        raise ValueError(f"{name} must be 'auto' or one of {', '.join(allowed)}; got {value!r}")


def _notices(doc) -> list[str]:
    """English prose has many stop words and Latin letters; a draft without them gets a notice."""
    letters = [c for c in doc.text if c.isalpha()]
    if len(letters) >= 20 and sum(c.isascii() for c in letters) / len(letters) < 0.5:
        return [NOT_ENGLISH]
    words = [t for t in doc if t.is_alpha]
    if len(words) >= MIN_WORDS_FOR_LANGUAGE_CHECK and sum(t.is_stop for t in words) / len(words) < MIN_ENGLISH_STOP_RATIO:
        return [NOT_ENGLISH]
    return []


def analyze(text: str, *, kind: str = "auto", red_flag: str = "auto", mspe: str | None = None,
            settings: Settings | None = None, nlp=None) -> Report:
    """Analyse one draft and return its `Report`.

    Raises `InputError` (a `ValueError`) for unusable text — empty, binary-looking or over the
    size limit — and `ValueError` for an unknown `kind` or `red_flag`. `nlp` (default: the shared
    pipeline) lets training measure a pipeline built on other models (`get_nlp(models_dir=…)`).
    """
    text = check_text(text)
    _check_option("kind", kind, KINDS)
    _check_option("red_flag", red_flag, RED_FLAGS)
    if mspe is not None and not isinstance(mspe, str):
        raise InputError("mspe must be text")
    nlp = nlp or get_nlp()
    doc = nlp(_start_doc(nlp, text, kind, red_flag))  # spaCy runs the whole pipeline on the Doc
    return _report_from_doc(doc, text, nlp, mspe, settings)


def _start_doc(nlp, text: str, kind: str, red_flag: str):
    """A tokenised Doc carrying the user's kind and red-flag choices for the coach components."""
    doc = nlp.make_doc(text)
    if kind != "auto":
        doc.user_data[OPT_KIND] = kind
    if red_flag != "auto":
        doc.user_data[OPT_RED_FLAG] = red_flag
    return doc


def _report_from_doc(doc, text: str, nlp, mspe: str | None, settings: Settings | None) -> Report:
    """The `Report` of a Doc the whole pipeline has run on (shared by `analyze` and `analyze_many`)."""
    findings = findings_from_doc(doc)
    mspe_result = None
    if mspe is not None and mspe.strip():
        from coach.mspe.compare import check_consistency

        mspe_result, mismatch = check_consistency(doc, mspe, nlp)
        findings = sorted(findings + mismatch, key=lambda f: (f.start, f.end, f.type))
    if settings is not None:
        findings = settings.apply(findings)
    preds = doc._.coach_sentences
    sentences = tuple(SentenceResult(p.start, p.end, p.component, p.confidence) for p in preds)
    components = {
        c: ComponentResult(
            present=doc._.coach_presence[c][0],
            confidence=doc._.coach_presence[c][1],
            sentences=tuple(i for i, p in enumerate(preds) if p.component == c),
        )
        for c in COMPONENTS
    }
    details = len(doc.user_data.get("coach_concrete", ()))
    scores = compute_scores((r.present for r in components.values()), findings, details)
    return Report(
        text=text, path=None, kind=doc._.coach_kind, red_flag=doc._.coach_red_flag,
        word_count=len(WORD.findall(text)), sentences=sentences, components=components,
        flags=tuple(findings), scores=scores, mspe=mspe_result, notices=tuple(_notices(doc)),
        detected_kind=doc.user_data.get("coach_detected_kind"), concrete_details=details,
    )


def analyze_many(items: Iterable[str | tuple[str, str | None]], *, kind: str = "auto",
                 red_flag: str = "auto", settings: Settings | None = None, n_process: int = 1,
                 batch_size: int = 32, extract: Callable | None = None) -> Iterator:
    """Analyse many drafts, each exactly once through `nlp.pipe`, yielding results in input order.

    An item is a draft's text, or `(text, mspe)`. For each item this yields the same `Report`
    that `analyze()` returns, or the `InputError` that made the text unusable: a batch never
    stops for one bad draft. It streams: Docs are dropped as soon as their Report is built, so
    memory does not grow with the number of drafts. `extract(doc)`, when given, runs on each Doc
    before it is dropped and makes every result a `(result, extract(doc))` pair (`None` for an
    error): batch review takes its person and school names from the same parse this way.

    `n_process > 1` runs spaCy's own multi-processing over the base pipeline and the coach
    components in this process (they keep objects in the Doc that spaCy cannot send between
    processes); benchmarks/bench_review.py measures it against a pool of processes that each
    call this function with `n_process=1`.
    """
    _check_option("kind", kind, KINDS)
    _check_option("red_flag", red_flag, RED_FLAGS)
    nlp = get_nlp()
    order: deque = deque()  # per input: its InputError, or None for a Doc on its way through the pipe

    def docs():
        for item in items:
            text, mspe = (item, None) if isinstance(item, str) else item
            try:
                text = check_text(text)
                if mspe is not None and not isinstance(mspe, str):
                    raise InputError("mspe must be text")
            except InputError as e:
                order.append(e)
                continue
            order.append(None)
            yield _start_doc(nlp, text, kind, red_flag), (text, mspe)

    def result(value, doc=None):
        return value if extract is None else (value, None if doc is None else extract(doc))

    base: list[str] = []
    if n_process > 1:
        from coach.pipeline.nlp import COACH_COMPONENTS

        base = [name for name in nlp.pipe_names if name not in COACH_COMPONENTS]
        stream = nlp.pipe(docs(), as_tuples=True, batch_size=batch_size, n_process=n_process,
                          disable=list(COACH_COMPONENTS))
    else:
        stream = nlp.pipe(docs(), as_tuples=True, batch_size=batch_size)
    for doc, (text, mspe) in stream:
        while order[0] is not None:
            yield result(order.popleft())
        order.popleft()
        if base:  # the coach components, here in this process, on the parsed Doc
            doc = nlp(doc, disable=base)
        yield result(_report_from_doc(doc, text, nlp, mspe, settings), doc)
    while order:
        yield result(order.popleft())
