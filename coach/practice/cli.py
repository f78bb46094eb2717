"""`coach practice` and `coach history`: the rehearsal loop for scripts and coaches.

Registered by `coach/cli.py` through `add_parsers`; importing this module costs only argparse
(the pipeline, SQLite and Textual load inside the command that needs them).
"""
from __future__ import annotations

import csv
import io
import json
import sys

EXIT_OK, EXIT_USAGE = 0, 2
NEW_HISTORY_HELP = "if the history file cannot be used, keep it under a new name and start a new one"


def _err(msg: str) -> None:
    print(f"coach: {msg}", file=sys.stderr)


def add_parsers(sub, kinds: tuple[str, ...], red_flags: tuple[str, ...]) -> None:
    """Add the `practice` and `history` subcommands to the main parser."""
    from coach.practice.bank import TONES

    p = sub.add_parser("practice", help="rehearse interview questions about your red flag (opens the app)")
    p.add_argument("--list", action="store_true", help="list the questions (id, text, red flag)")
    p.add_argument("--question", metavar="ID", help="score one answer to this question (with --answer)")
    p.add_argument("--answer", metavar="FILE", help="the answer to score (- for standard input)")
    p.add_argument("--red-flag", default=None, choices=red_flags, help="your red-flag type")
    p.add_argument("--kind", default=None, choices=kinds, help="answer kind (default: interview)")
    p.add_argument("--tone", default=None, choices=TONES, help="the interviewer's tone (default: neutral)")
    p.add_argument("--statement", metavar="FILE", help="your personal statement, to check the answer against "
                                                       "(remembered for next time)")
    p.add_argument("--mspe", metavar="FILE", help="your MSPE excerpt (remembered for next time)")
    p.add_argument("--format", default="text", choices=("text", "json"))
    p.add_argument("--new-history", action="store_true", help=NEW_HISTORY_HELP)

    h = sub.add_parser("history", help="your practice attempts: list, export or delete")
    h.add_argument("--format", default="text", choices=("text", "json", "csv"))
    h.add_argument("--export", metavar="FILE", help="write the history to FILE (owner-only) instead of printing it")
    h.add_argument("--red-flag", default=None, choices=red_flags, help="only attempts about this red flag")
    h.add_argument("--delete", action="store_true", help="delete the whole practice history (asks first)")
    h.add_argument("--yes", action="store_true", help="with --delete: do not ask")
    h.add_argument("--new-history", action="store_true", help=NEW_HISTORY_HELP)


def open_history(agree_fresh: bool):
    """The history, or None after explaining (one line each) why it cannot be used."""
    from coach.practice.store import History, HistoryUnusable, start_fresh

    try:
        return History()
    except HistoryUnusable as e:
        if not agree_fresh:
            _err(f"{e}. It was left as it is. Run again with --new-history to keep it under a new name "
                 "and start a new history.")
            return None
        history, kept = start_fresh(e.path)
        _err(f"{e}. It was kept as {kept}; a new history was started.")
        return history
    except OSError as e:
        _err(f"cannot open the practice history: {e.strerror or e}")
        return None


def cmd_practice(args) -> int:
    if args.list:
        return _list(args)
    if args.question or args.answer:
        if not (args.question and args.answer):
            _err("--question and --answer go together (or use --list, or no option to open the app)")
            return EXIT_USAGE
        return _score(args)
    from coach.tui.practice_app import run_practice_app

    return run_practice_app(red_flag=args.red_flag, kind=args.kind, tone=args.tone,
                            new_history=args.new_history)


def _list(args) -> int:
    from coach.practice.bank import BankError, load_bank

    try:
        questions = load_bank().matching(args.red_flag)
    except BankError as e:
        _err(str(e))
        return EXIT_USAGE
    if args.format == "json":
        print(json.dumps([q.to_dict() for q in questions], ensure_ascii=False, indent=2))
    else:
        for q in questions:
            print(f"{q.id:<30} {q.red_flag or 'any':<22} {q.text()}")
    return EXIT_OK


def _score(args) -> int:
    from coach.inputs import InputError, read_input
    from coach.practice.bank import BankError, load_bank
    from coach.practice.rounds import Round, assess

    try:
        bank = load_bank()
    except BankError as e:
        _err(str(e))
        return EXIT_USAGE
    question = bank.get(args.question)
    if question is None:
        _err(f"no question with id {args.question!r} (see `coach practice --list`)")
        return EXIT_USAGE
    try:
        answer = read_input(args.answer)
        statement = read_input(args.statement) if args.statement else None
        mspe = read_input(args.mspe) if args.mspe else None
    except InputError as e:
        _err(str(e))
        return EXIT_USAGE
    history = open_history(args.new_history)
    if history is None:
        return EXIT_USAGE  # checked before analysing: nothing is scored that could not be kept
    with history:
        saved = history.materials()
        for name, value in (("statement", statement), ("mspe", mspe)):
            if value is not None:
                history.set_material(name, value)
        statement = statement if statement is not None else saved.get("statement", "")
        mspe = mspe if mspe is not None else saved.get("mspe", "")
        from coach.analysis import analyze

        try:
            report = analyze(answer, kind=args.kind or "interview", red_flag=args.red_flag or "auto", mspe=mspe or None)
        except InputError as e:
            _err(f"{args.answer}: {e}")
            return EXIT_USAGE
        report = report.with_path(None if args.answer == "-" else args.answer)
        result = assess(report, Round(question, args.tone or "neutral"), history=history, statement=statement)
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(format_result(result))
    return EXIT_OK


def format_result(result) -> str:
    """The text form: the question, the usual report, then length, consistency and the follow-up."""
    from coach.render.text import render, use_colour

    lines = [f"Question ({result.question.id}): {result.prompt}", ""]
    out = "\n".join(lines) + "\n" + render(result.report, colour=use_colour(sys.stdout)).rstrip() + "\n\n"
    out += f"Spoken length: {result.spoken.describe()}\n"
    if result.contradictions:
        out += "Does not match what you said elsewhere:\n"
        out += "".join(f"  - {c.message}\n" for c in result.contradictions)
    out += f"Saved as attempt {result.attempt_id}.\n"
    if result.follow_up:
        out += f"\nFollow-up: {result.follow_up.text}\n"
    else:
        out += "\nRound complete: all three parts, nothing contradicting what you said before.\n" \
            if result.round_complete else "\nRound over.\n"
    return out


# -- history -----------------------------------------------------------------------------------

CSV_FIELDS = ("id", "created_at", "question_id", "question", "is_follow_up", "kind", "red_flag", "duration_s",
              "word_count", "overall", "structure", "specificity", "ownership", "missing", "flags",
              "contradictions", "follow_up", "answer")


def history_csv(attempts) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, CSV_FIELDS, extrasaction="ignore")
    w.writeheader()
    for a in attempts:
        row = a.to_dict()
        row.update({k: a.scores.get(k, "") for k in ("structure", "specificity", "ownership")})
        row["missing"] = " ".join(a.missing)
        row["flags"] = " ".join(f.get("type", "") for f in a.flags)
        row["contradictions"] = len(a.contradictions)
        w.writerow(row)
    return buf.getvalue()


def history_text(attempts) -> str:
    if not attempts:
        return "No practice attempts yet. Start with `coach practice`.\n"
    lines = [f"{'#':>4}  {'when':<16}  {'question':<24} {'score':>5}  missing"]
    for a in attempts:
        q = ("↳ " if a.is_follow_up else "") + a.question_id
        lines.append(f"{a.id:>4}  {a.created_at.replace('T', ' ')[:16]:<16}  {q[:24]:<24} {a.overall:>5}  "
                     f"{', '.join(a.missing) or '—'}")
    from coach.practice.progress import summarise

    p = summarise(attempts)
    lines += ["", f"overall: {p.trend('overall')}"]
    if p.missing:
        lines.append(f"missing in your last {p.recent}: " + ", ".join(f"{part} {n}×" for part, n in p.missing))
    return "\n".join(lines) + "\n"


def cmd_history(args) -> int:
    if args.delete:
        return _delete(args)
    history = open_history(args.new_history)
    if history is None:
        return EXIT_USAGE
    with history:
        attempts = history.attempts(red_flag=args.red_flag)
    fmt = args.format
    if args.export and fmt == "text":
        fmt = "csv" if args.export.lower().endswith(".csv") else "json" if args.export.lower().endswith(".json") else fmt
    body = (json.dumps([a.to_dict() for a in attempts], ensure_ascii=False, indent=2) + "\n" if fmt == "json"
            else history_csv(attempts) if fmt == "csv" else history_text(attempts))
    if args.export:
        from pathlib import Path

        from coach.storage import atomic_write

        try:
            atomic_write(Path(args.export), body)
        except OSError as e:
            _err(f"{args.export}: cannot write ({e.strerror or e})")
            return EXIT_USAGE
        print(f"wrote {len(attempts)} attempts to {args.export}")
    else:
        sys.stdout.write(body)
    return EXIT_OK


def _delete(args) -> int:
    from coach.practice.store import History, HistoryUnusable, delete_history, history_path

    path = history_path()
    aside = sorted(path.parent.glob(path.name + ".unusable-*")) if path.parent.exists() else []
    if not path.exists() and not aside:
        print("There is no practice history to delete.")
        return EXIT_OK
    try:
        with History(path) as h:
            what = f"{h.count()} practice attempts and your saved statement and MSPE excerpt"
    except (HistoryUnusable, OSError):
        what = "the practice history file"
    if aside:
        what += f" (and {len(aside)} set-aside unusable copies)"
    if not args.yes:
        if not sys.stdin.isatty():
            _err("--delete asks for confirmation; add --yes to delete without asking")
            return EXIT_USAGE
        reply = input(f"Delete {what} at {path.parent}? This cannot be undone. [y/N] ")
        if reply.strip().lower() not in ("y", "yes"):
            print("Nothing deleted.")
            return EXIT_OK
    removed = delete_history(path)
    for p in aside:
        removed += delete_history(p)
    print(f"Deleted {what} ({len(removed)} files).")
    return EXIT_OK
