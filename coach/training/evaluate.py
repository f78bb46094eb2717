"""`coach eval DATA.jsonl`: per-label precision / recall / F1 on labelled drafts.

The file is JSON Lines, one labelled draft per line: `text`, `kind`, `red_flag`,
`gold` {context, change, evidence, vague, blame}, optional `mspe` / `mspe_consistent`. Document
labels are read off the report: a part is present when the report says so; `vague` is any
`vague` or `passive_agency` flag (the dev set counts agency-hiding passives as vague); `blame` is
any `blame` flag.
"""
from __future__ import annotations

import json
from pathlib import Path

from coach.training.metrics import prf

LABELS = ("context", "change", "evidence", "vague", "blame")
VAGUE_TYPES = {"vague", "passive_agency"}


class EvalDataError(ValueError):
    """The labelled file is unreadable or a record lacks the fields eval needs."""


def predicted_labels(report) -> dict[str, bool]:
    """Document-level labels from a report."""
    types = {f.type for f in report.flags}
    out = {c: report.components[c].present for c in ("context", "change", "evidence")}
    out["vague"] = bool(types & VAGUE_TYPES)
    out["blame"] = "blame" in types
    return out


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def span_counts(rec: dict, report) -> dict[str, list[int]]:
    """Per span type: [gold spans hit, gold spans, predicted flags on a gold span, predicted flags].

    A gold span counts as found when a flag of its type overlaps it; a flag counts as right when it
    overlaps a gold span. Span lists name every bad phrase, so recall says how many a student who
    fixes only the flagged ones would still have left.
    """
    text, out = rec["text"], {}
    for label, types in (("vague", VAGUE_TYPES), ("blame", {"blame"})):
        gold, pos = [], {}
        for t in rec.get(f"{label}_spans") or []:
            i = text.find(t, pos.get(t, 0))
            if i >= 0:
                gold.append((i, i + len(t)))
                pos[t] = i + 1
        flags = [(f.start, f.end) for f in report.flags if f.type in types]
        out[label] = [sum(_overlaps(g, flags) for g in gold), len(gold),
                      sum(_overlaps(f, gold) for f in flags), len(flags)]
    return out


def read_records(path: Path) -> list[dict]:
    """Parse and check the labelled JSONL file."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise EvalDataError(f"{path}: cannot read ({e})") from None
    records = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise EvalDataError(f"{path}:{n}: not JSON ({e.msg})") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not isinstance(rec.get("gold"), dict):
            raise EvalDataError(f"{path}:{n}: each line needs 'text' and 'gold'")
        records.append(rec)
    return records


def evaluate_records(records: list[dict], *, use_given_kind: bool = True, models_dir: Path | None = None) -> dict:
    """Metrics per label, MSPE accuracy when labelled, and per-draft errors for error analysis.

    `models_dir` measures the models in that folder (e.g. just written by `coach train`) in a
    pipeline of their own; the default is the shipped models.
    """
    from coach.analysis import analyze
    from coach.pipeline.nlp import get_nlp

    nlp = get_nlp(models_dir)

    gold = {k: [] for k in LABELS}
    pred = {k: [] for k in LABELS}
    errors = []
    mspe_hits, mspe_n = 0, 0
    missed: dict[str, list[str]] = {}
    false_alarms: list[str] = []
    flag_hits, flag_n, kind_hits, kind_n = 0, 0, 0, 0
    spans = {"vague": [0, 0, 0, 0], "blame": [0, 0, 0, 0]}
    has_spans = False
    for rec in records:
        kind = rec.get("kind", "auto") if use_given_kind else "auto"
        report = analyze(rec["text"], kind=kind if kind in ("interview", "statement", "eras") else "auto",
                         mspe=rec.get("mspe"), nlp=nlp)
        p = predicted_labels(report)
        if "vague_spans" in rec or "blame_spans" in rec:
            has_spans = True
            for label, c in span_counts(rec, report).items():
                spans[label] = [a + b for a, b in zip(spans[label], c)]
        wrong = []
        if rec.get("red_flag"):
            flag_n += 1
            flag_hits += report.red_flag == rec["red_flag"]
        if rec.get("kind") in ("interview", "statement"):
            kind_n += 1
            kind_hits += report.detected_kind == rec["kind"]
        for k in LABELS:
            if k in rec["gold"]:
                gold[k].append(bool(rec["gold"][k]))
                pred[k].append(p[k])
                if bool(rec["gold"][k]) != p[k]:
                    wrong.append(f"{k}={'missed' if rec['gold'][k] else 'false alarm'}")
        if rec.get("mspe") and isinstance(rec.get("mspe_consistent"), bool) and report.mspe is not None:
            mspe_n += 1
            ok = report.mspe.consistent == rec["mspe_consistent"]
            mspe_hits += ok
            if not ok:
                wrong.append("mspe")
                rid = str(rec.get("id", "?"))
                if rec["mspe_consistent"]:
                    false_alarms.append(f"{rid} ({', '.join(dict.fromkeys(f.fact for f in report.mspe.findings))})")
                else:
                    missed.setdefault(_mspe_class(rec, report), []).append(rid)
        if wrong:
            errors.append({"id": rec.get("id"), "errors": wrong})
    metrics = {k: prf(gold[k], pred[k]) for k in LABELS if gold[k]}
    out = {"n": len(records), "labels": metrics, "errors": errors}
    if has_spans:
        out["spans"] = {
            k: {"recall": round(c[0] / c[1], 4) if c[1] else 0.0, "precision": round(c[2] / c[3], 4) if c[3] else 0.0,
                "gold": c[1], "flagged": c[3]}
            for k, c in spans.items()
        }
    if mspe_n:
        out["mspe_consistent"] = {"accuracy": round(mspe_hits / mspe_n, 4), "n": mspe_n,
                                  "missed_by_class": missed, "false_alarms": false_alarms}
    if flag_n:
        out["red_flag"] = {"accuracy": round(flag_hits / flag_n, 4), "n": flag_n}
    if kind_n:
        out["kind"] = {"accuracy": round(kind_hits / kind_n, 4), "n": kind_n}
    return out



def _mspe_class(rec: dict, report) -> str:
    """The contradiction class of a missed draft: the record's own label when it has one
    (`mspe_class`), else the slots the MSPE states that the draft left out (a guess, marked "?")."""
    if isinstance(rec.get("mspe_class"), str):
        return rec["mspe_class"]
    noted = sorted({n.fact for n in report.mspe.notes})
    return f"?{'/'.join(noted)}" if noted else "?unlabelled"


def evaluate_file(path: Path, *, use_given_kind: bool = True, models_dir: Path | None = None) -> dict:
    """Evaluate a labelled JSONL file (with the models in `models_dir`, default the shipped ones)."""
    return evaluate_records(read_records(path), use_given_kind=use_given_kind, models_dir=models_dir)


def format_metrics(result: dict) -> str:
    """A plain table for the terminal."""
    lines = [f"{'label':<10} {'precision':>9} {'recall':>7} {'F1':>6} {'acc':>6} {'support':>8}"]
    for k, m in result["labels"].items():
        lines.append(f"{k:<10} {m['precision']:>9.3f} {m['recall']:>7.3f} {m['f1']:>6.3f} {m['accuracy']:>6.3f} {m['support']:>5}/{m['n']}")
    for k, m in result.get("spans", {}).items():
        lines.append(f"{k} spans: recall {m['recall']:.3f} of {m['gold']}, precision {m['precision']:.3f} of {m['flagged']} flags")
    if "mspe_consistent" in result:
        m = result["mspe_consistent"]
        lines.append(f"mspe_consistent accuracy {m['accuracy']:.3f} on {m['n']} drafts")
        missed = m.get("missed_by_class") or {}
        lines.append("  missed contradictions: " + ("none" if not missed else
                     "; ".join(f"{cls}: {' '.join(ids)}" for cls, ids in sorted(missed.items()))))
        if m.get("false_alarms"):
            lines.append("  false alarms: " + "; ".join(m["false_alarms"]))
    for key, what in (("red_flag", "red-flag type"), ("kind", "kind detection")):
        if key in result:
            lines.append(f"{what} accuracy {result[key]['accuracy']:.3f} on {result[key]['n']} drafts")
    lines.append(f"{result['n']} drafts; {len(result['errors'])} with at least one wrong label")
    return "\n".join(lines)
