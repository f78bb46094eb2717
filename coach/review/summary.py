"""One plain row per draft (the columns every output shares) and the terminal summary table.

A row is built once from an `Outcome` and reused by the table, the CSV, the JSON Lines file and
the HTML report, so the four never disagree. Weakest drafts come first: that is where a
writing-centre reviewer's time goes.
"""
from __future__ import annotations

from collections import Counter

from coach.render.visible import visible
from coach.vocab import COMPONENTS, FLAG_TYPES

SCORE_KEYS = ("overall", "structure", "specificity", "ownership")


def make_row(outcome, name: str, report=None) -> dict:
    """The summary row of one outcome; `report` overrides the outcome's (an anonymised copy)."""
    report = report if report is not None else outcome.report
    if report is None:
        return {"index": outcome.source.index, "draft": name, "status": "error", "error": outcome.error}
    d = report.to_dict()
    present = [c for c in COMPONENTS if d["components"][c]["present"]]
    by_type = Counter(f.type for f in report.flags)
    return {
        "index": outcome.source.index, "draft": name, "status": "ok", "error": None,
        "red_flag": report.red_flag, "kind": report.kind, "words": report.word_count,
        **{k: d["scores"].get(k) for k in SCORE_KEYS},
        **{c: c in present for c in COMPONENTS},
        "parts_present": len(present),
        "missing": [c for c in COMPONENTS if c not in present],
        "flags": len(report.flags),
        "by_type": {t: by_type.get(t, 0) for t in FLAG_TYPES},
        "by_rule": dict(sorted(Counter(f.rule for f in report.flags).items())),
        "mspe_consistent": None if report.mspe is None else report.mspe.consistent,
    }


def weakest_first(rows: list[dict]) -> list[dict]:
    """Analysed drafts by overall score, lowest first (ties in input order), then the errors."""
    ok = sorted((r for r in rows if r["status"] == "ok"), key=lambda r: (r["overall"], r["index"]))
    return ok + sorted((r for r in rows if r["status"] != "ok"), key=lambda r: r["index"])


def parts_text(row: dict) -> str:
    if row["parts_present"] == len(COMPONENTS):
        return "all three"
    return "missing " + ", ".join(row["missing"])


def flags_text(row: dict) -> str:
    counts = sorted(((n, t) for t, n in row["by_type"].items() if n), key=lambda p: (-p[0], p[1]))
    return " · ".join(f"{t} {n}" for n, t in counts) or "none"


def print_table(rows: list[dict], stream, *, limit: int = 30, colour: bool = False) -> None:
    """The weakest drafts as a table on `stream`; every user string is shown literally."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    tty = bool(getattr(stream, "isatty", lambda: False)())
    # A pipe or file has no width: give the table room rather than fold every path.
    console = Console(file=stream, highlight=False, no_color=not colour, force_terminal=colour or None,
                      width=None if tty else 160)
    ordered = weakest_first(rows)
    ok = [r for r in ordered if r["status"] == "ok"]
    errors = [r for r in ordered if r["status"] != "ok"]
    if ok:
        table = Table(title=f"{len(ok)} draft{'s' * (len(ok) != 1)}, weakest first", title_justify="left",
                      box=None, header_style="bold", pad_edge=False)
        table.add_column("score", justify="right")
        table.add_column("draft", overflow="fold", min_width=12)
        table.add_column("red flag")
        table.add_column("kind")
        table.add_column("parts")
        table.add_column("flags")
        shown = ok if limit <= 0 else ok[:limit]
        for r in shown:
            score_style = "red" if r["overall"] < 50 else "yellow" if r["overall"] < 75 else "green"
            table.add_row(Text(str(r["overall"]), style=score_style), Text(visible(r["draft"])),
                          Text(r["red_flag"] or "not recognised"), Text(r["kind"]),
                          Text(parts_text(r)), Text(flags_text(r)))
        console.print(table)
        if len(shown) < len(ok):
            console.print(Text(f"… and {len(ok) - len(shown)} more (all rows: --csv, --json or --out)"))
    if errors:
        console.print(Text(f"{len(errors)} file{'s' * (len(errors) != 1)} could not be reviewed:", style="bold"))
        for r in errors:
            console.print(Text(f"  {visible(r['draft'])}: {visible(r['error'] or '')}"))
