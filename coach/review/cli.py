"""`coach review PATH...`: analyse many drafts once each and write the reports a reviewer hands on.

Exit status: 0 when the batch ran (some files may have error rows), 1 when every file failed,
2 for a usage error (bad option, nothing to review, an output that cannot be written), found
before any draft is analysed so a long run never dies at the end for a typo.
"""
from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from pathlib import Path

from coach.render.visible import visible
from coach.vocab import KINDS, RED_FLAGS

EXIT_OK, EXIT_ALL_FAILED, EXIT_USAGE = 0, 1, 2


def add_parser(sub) -> None:
    """Register `coach review` on the CLI's subparsers."""
    r = sub.add_parser("review", help="review many drafts: summary table, CSV/JSON Lines, an HTML report",
                       description="Analyse every .txt and .md draft under the given paths (folders are "
                                   "searched recursively) and summarise them, weakest first.")
    r.add_argument("paths", nargs="+", metavar="PATH", help="draft files or folders")
    r.add_argument("--out", type=Path, metavar="FILE", help="write a self-contained HTML report")
    r.add_argument("--csv", type=Path, metavar="FILE", help="write one summary row per draft as CSV")
    r.add_argument("--json", type=Path, metavar="FILE", help="write one JSON object per draft (JSON Lines) with its full report")
    r.add_argument("--jobs", type=int, default=1, metavar="N", help="analyse in N processes (default 1)")
    r.add_argument("--anonymize", "--anonymise", action="store_true",
                   help="replace people, schools, e-mail addresses and phone numbers in every output; number drafts instead of naming them")
    r.add_argument("--kind", default="auto", choices=("auto", *KINDS), help="draft kind (default: detect per draft)")
    r.add_argument("--red-flag", default="auto", choices=("auto", *RED_FLAGS), help="red-flag type (default: detect per draft)")
    r.add_argument("--mspe-dir", type=Path, metavar="DIR", help="MSPE excerpts: a draft's excerpt is the file of the same name here")
    r.add_argument("--rows", type=int, default=30, metavar="N", help="drafts shown in the terminal table (0: all; default 30)")
    r.add_argument("--tui", action="store_true", help="list the drafts in the coaching app and open them in the editor")


def _err(msg: str) -> None:
    print(f"coach review: {msg}", file=sys.stderr)


def _usage_problem(args) -> str | None:
    """The first thing wrong with the options, checked before any analysis."""
    if args.jobs < 1:
        return "--jobs must be 1 or more"
    if args.tui and (args.out or args.csv or args.json or args.anonymize):
        return "--tui shows the drafts in the app; run without --tui for --out, --csv, --json or --anonymize"
    if args.mspe_dir is not None and not args.mspe_dir.is_dir():
        return f"--mspe-dir {visible(str(args.mspe_dir))}: not a folder"
    outs = [p for p in (args.out, args.csv, args.json) if p is not None]
    if len({os.path.realpath(p) for p in outs}) < len(outs):
        return "--out, --csv and --json must be different files"
    inputs = {os.path.realpath(p) for p in args.paths}
    for p in outs:
        parent = p.parent if str(p.parent) else Path(".")
        if p.is_dir():
            return f"{visible(str(p))}: is a folder; give a file name for the output"
        if not parent.is_dir():
            return f"{visible(str(p))}: the folder {visible(str(parent))} does not exist"
        if not os.access(parent, os.W_OK):
            return f"{visible(str(p))}: cannot write in {visible(str(parent))} (permission denied)"
        if os.path.realpath(p) in inputs:
            return f"{visible(str(p))}: is one of the drafts; choose another output file"
    return None


class _Quiet:
    """Stands in for the progress bar when stderr is not a terminal (logs, pipes, CI)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def advance(self) -> None:
        return None


class _Bar:
    """Drafts done, rate and ETA on stderr (Rich, already installed with Textual)."""

    def __init__(self, total: int, stream) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("reviewing"), BarColumn(), MofNCompleteColumn(), TextColumn("drafts"),
            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
            console=Console(file=stream), transient=True)
        self.task = self.progress.add_task("review", total=total, rate="")

    def __enter__(self):
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def advance(self) -> None:
        self.progress.advance(self.task)
        speed = self.progress.tasks[0].speed
        self.progress.update(self.task, rate=f"{speed:.1f}/s" if speed else "")


def progress_bar(total: int, stream=None):
    """A progress bar on `stream` (stderr) if it is a terminal, else a silent stand-in."""
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    return _Bar(total, stream) if isatty is not None and isatty() and total > 1 else _Quiet()


def cmd_review(args) -> int:
    """Run `coach review`; see the module docstring for the exit status."""
    from coach.config import ConfigError, load_settings
    from coach.review.discover import discover

    problem = _usage_problem(args)
    if problem:
        _err(problem)
        return EXIT_USAGE
    try:
        settings = load_settings()
    except ConfigError as e:
        _err(str(e))
        return EXIT_USAGE
    sources = discover(args.paths, mspe_dir=args.mspe_dir)
    if not sources:
        _err("no drafts found (folders are searched for .txt and .md files)")
        return EXIT_USAGE
    if args.tui:
        from coach.tui.review_launch import run_review_app

        return run_review_app(sources, kind=args.kind, red_flag=args.red_flag, settings=settings, jobs=args.jobs)
    try:
        rows = run(sources, args, settings)
    except OSError as e:
        _err(f"could not write the report: {visible(e.strerror or str(e))}"
             + (f" ({visible(str(e.filename))})" if e.filename else ""))
        return EXIT_USAGE
    from coach.render.text import use_colour
    from coach.review.summary import print_table

    print_table(rows, sys.stdout, limit=args.rows, colour=use_colour(sys.stdout))
    for flag, path in (("HTML report", args.out), ("CSV", args.csv), ("JSON Lines", args.json)):
        if path is not None:
            print(f"{flag}: {visible(str(path))}")
    return EXIT_ALL_FAILED if all(r["status"] != "ok" for r in rows) else EXIT_OK


def run(sources, args, settings) -> list[dict]:
    """Analyse `sources`, stream the JSON Lines and HTML sections, write CSV and HTML at the end."""
    from coach.review.anonymize import Anonymiser, label
    from coach.review.batch import BatchRun, Options
    from coach.review.html import HtmlReport
    from coach.review.outputs import AtomicStream, csv_text, json_line
    from coach.review.summary import make_row

    anon = Anonymiser() if args.anonymize else None
    options = Options(kind=args.kind, red_flag=args.red_flag, settings=settings,
                      entities=anon is not None, rewrite=args.out is not None)
    rows: list[dict] = []
    with ExitStack() as stack:
        jsonl = stack.enter_context(AtomicStream(args.json)) if args.json else None
        html = HtmlReport(args.out) if args.out else None
        if html is not None:
            stack.callback(html.close)
        batch = stack.enter_context(BatchRun(sources, options, jobs=args.jobs))  # workers fork here
        bar = stack.enter_context(progress_bar(len(sources)))  # …before the bar's thread starts
        for outcome in batch:
            src, report, rewrite = outcome.source, outcome.report, outcome.rewrite
            name = src.path if anon is None else label(src.index)
            if anon is not None:
                if report is not None:
                    report = anon.report(report, name, outcome.entities)
                    rewrite = anon.scrub(rewrite)
                else:
                    outcome = type(outcome)(src, error=anon.error(outcome.error or "", src.path, name))
            row = make_row(outcome, name, report)
            rows.append(row)
            if jsonl is not None:
                jsonl.write(json_line(row, None if report is None else report.to_dict()))
            if html is not None and report is not None:
                html.add(report, rewrite, row)
            bar.advance()
        if args.csv:
            with AtomicStream(args.csv) as out:
                out.write(csv_text(rows))
        if html is not None:
            html.finish(rows, anonymized=anon is not None)
    return rows
