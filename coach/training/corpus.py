"""Load and validate the labeled corpus (`corpus/README.md` is its schema).

Training, evaluation and the corpus tests all read drafts through this module, so the schema is
checked in one place. It needs no spaCy, which keeps `python -m coach.training.corpus` instant for authors.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from coach.limits import limits
from coach.vocab import COMPONENTS, KINDS, RED_FLAGS, SENTENCE_LABELS, SPAN_TYPES

# Register tags for drafts written the way students really write; the data card reports their
# share so the corpus cannot drift back to tidy drafts only.
STYLES = ("short", "informal", "relative-time", "privacy-vague", "ramble", "forum")


class CorpusError(ValueError):
    """A corpus record breaks the schema; the message names the file, line and field."""


@dataclass(frozen=True)
class Span:
    type: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class LabeledSentence:
    text: str
    label: str
    start: int  # offset in the draft text
    end: int


@dataclass(frozen=True)
class Draft:
    """One labeled draft; `text` is the sentences joined by single spaces (a newline where a sentence says so)."""

    id: str
    kind: str
    red_flag: str
    text: str
    sentences: tuple[LabeledSentence, ...]
    spans: tuple[Span, ...]
    source: str
    mspe: str | None = None
    mspe_consistent: bool | None = None
    mspe_note: str | None = None
    style: tuple[str, ...] = ()

    @property
    def gold(self) -> dict[str, bool]:
        """Document labels derived from sentence labels and spans (never stored twice)."""
        labels = {s.label for s in self.sentences}
        types = {s.type for s in self.spans}
        out = {c: c in labels for c in COMPONENTS}
        out.update(vague="vague" in types, blame="blame" in types)
        return out


@dataclass(frozen=True)
class SentenceItem:
    """A stand-alone sentence, mostly a hard negative."""

    id: str
    text: str
    label: str
    kind: str
    spans: tuple[Span, ...]
    source: str
    note: str = ""


@dataclass
class Corpus:
    drafts: list[Draft] = field(default_factory=list)
    sentences: list[SentenceItem] = field(default_factory=list)

    def labeled_sentences(self) -> Iterator[tuple[str, str, str, str]]:
        """Yield (text, label, kind, group) for every sentence; group keeps a draft's sentences together in CV."""
        for d in self.drafts:
            for s in d.sentences:
                yield s.text, s.label, d.kind, d.id
        for s in self.sentences:
            yield s.text, s.label, s.kind, s.id


def _need(cond: bool, where: str, what: str) -> None:
    if not cond:
        raise CorpusError(f"{where}: {what}")


def _spans(raw: object, text: str, where: str) -> tuple[Span, ...]:
    _need(isinstance(raw, list), where, "spans must be a list")
    out, after = [], {}
    for i, sp in enumerate(raw):  # type: ignore[arg-type]
        w = f"{where}.spans[{i}]"
        _need(isinstance(sp, dict), w, "must be an object")
        _need(sp.get("type") in SPAN_TYPES, w, f"type must be one of {SPAN_TYPES}")
        t = sp.get("text")
        _need(isinstance(t, str) and t.strip() == t and t, w, "text must be a non-empty trimmed string")
        # The same phrase listed twice means its next occurrence: every bad phrase is labelled.
        start = text.find(t, after.get((sp["type"], t), 0))
        _need(start >= 0, w, f"text {t!r} is not a substring of the draft (or listed more often than it occurs)")
        after[(sp["type"], t)] = start + 1
        out.append(Span(sp["type"], start, start + len(t), t))
    return tuple(out)


def parse_draft(obj: dict, where: str, source: str) -> Draft:
    """Check one draft record and build a `Draft` with offsets."""
    _need(isinstance(obj, dict), where, "must be an object")
    _need(isinstance(obj.get("id"), str) and obj["id"], where, "id must be a string")
    _need(obj.get("kind") in KINDS, where, f"kind must be one of {KINDS}")
    _need(obj.get("red_flag") in RED_FLAGS, where, f"red_flag must be one of {RED_FLAGS}")
    raw = obj.get("sentences")
    _need(isinstance(raw, list) and raw, where, "sentences must be a non-empty list")
    sents, pos, parts = [], 0, []
    for i, s in enumerate(raw):
        w = f"{where}.sentences[{i}]"
        _need(isinstance(s, dict), w, "must be an object")
        t = s.get("text")
        _need(isinstance(t, str) and t.strip() == t and t, w, "text must be a non-empty trimmed string")
        _need(s.get("label") in SENTENCE_LABELS, w, f"label must be one of {SENTENCE_LABELS}")
        _need(isinstance(s.get("newline", False), bool), w, "newline must be a bool")
        if parts:
            parts.append("\n" if s.get("newline") else " ")
            pos += 1
        sents.append(LabeledSentence(t, s["label"], pos, pos + len(t)))
        parts.append(t)
        pos += len(t)
    text = "".join(parts)
    if obj["kind"] == "eras":
        most = limits().eras_characters
        _need(len(text) <= most, where, f"an eras draft has at most {most} characters")
    style = obj.get("style", [])
    _need(isinstance(style, list) and all(x in STYLES for x in style), where, f"style must be a list of {STYLES}")
    mspe = obj.get("mspe")
    if mspe is not None:
        _need(isinstance(mspe, str) and mspe, where, "mspe must be a non-empty string")
        _need(isinstance(obj.get("mspe_consistent"), bool), where, "mspe_consistent must be a bool when mspe is given")
    return Draft(
        id=obj["id"], kind=obj["kind"], red_flag=obj["red_flag"], text=text,
        sentences=tuple(sents), spans=_spans(obj.get("spans", []), text, where), source=source,
        mspe=mspe, mspe_consistent=obj.get("mspe_consistent"), mspe_note=obj.get("mspe_note"),
        style=tuple(style),
    )


def parse_sentence(obj: dict, where: str, source: str) -> SentenceItem:
    """Check one stand-alone sentence record."""
    _need(isinstance(obj, dict), where, "must be an object")
    _need(isinstance(obj.get("id"), str) and obj["id"], where, "id must be a string")
    t = obj.get("text")
    _need(isinstance(t, str) and t.strip() == t and t, where, "text must be a non-empty trimmed string")
    _need(obj.get("label") in SENTENCE_LABELS, where, f"label must be one of {SENTENCE_LABELS}")
    _need(obj.get("kind", "statement") in KINDS, where, f"kind must be one of {KINDS}")
    return SentenceItem(
        id=obj["id"], text=t, label=obj["label"], kind=obj.get("kind", "statement"),
        spans=_spans(obj.get("spans", []), t, where), source=source, note=obj.get("note", ""),
    )


def _records(path: Path) -> Iterator[tuple[dict, str]]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            yield json.loads(line), where
        except json.JSONDecodeError as e:
            raise CorpusError(f"{where}: not valid JSON ({e.msg})") from None


def load(paths: Iterable[Path]) -> Corpus:
    """Load draft and sentence files; a file under a `sentences` folder holds sentences."""
    corpus, seen = Corpus(), set()
    for path in sorted(paths):
        is_sent = path.parent.name == "sentences"
        for obj, where in _records(path):
            item = parse_sentence(obj, where, path.name) if is_sent else parse_draft(obj, where, path.name)
            _need(item.id not in seen, where, f"duplicate id {item.id}")
            seen.add(item.id)
            (corpus.sentences if is_sent else corpus.drafts).append(item)  # type: ignore[arg-type]
    return corpus


def corpus_files(root: Path) -> list[Path]:
    """Every JSONL file of a corpus folder."""
    return sorted(list((root / "drafts").glob("*.jsonl")) + list((root / "sentences").glob("*.jsonl")))


def load_dir(root: Path) -> Corpus:
    """Load a whole corpus folder."""
    return load(corpus_files(root))


def summary(corpus: Corpus) -> str:
    """The counts the corpus's size targets are stated in (tests/unit/test_corpus.py, corpus/README.md)."""
    labels = Counter(lab for _, lab, _, _ in corpus.labeled_sentences())
    spans = Counter(s.type for d in corpus.drafts for s in d.spans)
    spans.update(s.type for it in corpus.sentences for s in it.spans)
    kinds = Counter(d.kind for d in corpus.drafts)
    flags = Counter(d.red_flag for d in corpus.drafts)
    gold = Counter(k for d in corpus.drafts for k, v in d.gold.items() if v)
    lines = [
        f"drafts: {len(corpus.drafts)}  stand-alone sentences: {len(corpus.sentences)}",
        f"sentences: {sum(labels.values())}  " + "  ".join(f"{k}={labels[k]}" for k in SENTENCE_LABELS),
        f"spans: {sum(spans.values())}  " + "  ".join(f"{k}={spans[k]}" for k in SPAN_TYPES),
        "kinds: " + "  ".join(f"{k}={kinds[k]}" for k in KINDS),
        "red flags: " + "  ".join(f"{k}={flags[k]}" for k in RED_FLAGS),
        "drafts with: " + "  ".join(f"{k}={gold[k]}" for k in (*COMPONENTS, "vague", "blame")),
        f"with mspe: {sum(d.mspe is not None for d in corpus.drafts)}",
        f"real register (any style tag): {sum(bool(d.style) for d in corpus.drafts)} of {len(corpus.drafts)}  "
        + "  ".join(f"{k}={sum(k in d.style for d in corpus.drafts)}" for k in STYLES),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Validate corpus files (default: the packaged corpus) and print their counts."""
    from coach.resources import corpus_dir

    args = sys.argv[1:] if argv is None else argv
    paths = [Path(a) for a in args] if args else corpus_files(corpus_dir())
    try:
        corpus = load(paths)
    except (CorpusError, OSError) as e:
        print(f"corpus: {e}", file=sys.stderr)
        return 1
    print(summary(corpus))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
