"""The `coach` command: subcommands over the one analysis.

Heavy imports (spaCy, scikit-learn, Textual) happen inside the subcommand that needs them, so
`coach check` never pays for the TUI and `coach --help` is instant.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from coach import __version__
from coach.vocab import KINDS, RED_FLAGS

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
SEVERITY_ORDER = ("info", "warning", "error")


def _err(msg: str) -> None:
    """One line on stderr; control characters (from a path or an argument) are shown, not sent."""
    from coach.render.visible import visible

    print(f"coach: {visible(str(msg))}", file=sys.stderr)


class _Parser(argparse.ArgumentParser):
    """argparse echoes unrecognised arguments verbatim; show their control characters instead."""

    def error(self, message: str):
        from coach.render.visible import visible

        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {visible(message)}\n")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", default="auto", choices=("auto", *KINDS), help="draft kind (default: detect)")
    p.add_argument("--red-flag", default="auto", choices=("auto", *RED_FLAGS), help="red-flag type (default: detect)")
    p.add_argument("--mspe", metavar="FILE", help="an MSPE (dean's letter) excerpt to check the draft against")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="coach", description="Coach the explanation of an academic red flag.")
    parser.add_argument("--version", action="version", version=f"redflag-coach {__version__}")
    sub = parser.add_subparsers(dest="command")

    c = sub.add_parser("check", help="analyse drafts and report findings")
    c.add_argument("paths", nargs="+", metavar="PATH", help="text files, or - for standard input")
    c.add_argument("--format", default="text", choices=("text", "json", "jsonl"))
    _common(c)
    c.add_argument("--disable", action="append", default=[], metavar="RULE", help="silence a flag type or rule id (repeatable)")
    c.add_argument("--ignore", action="append", default=[], metavar="PHRASE", help="never flag this exact phrase (repeatable)")
    c.add_argument("--fail-on", choices=SEVERITY_ORDER, metavar="SEVERITY",
                   help="exit 1 when a finding at or above this severity (info, warning, error) exists; default: off")

    r = sub.add_parser("rewrite", help="restructure a draft as context → change → evidence")
    r.add_argument("path", metavar="PATH", help="a text file, or - for standard input")
    r.add_argument("--format", default="text", choices=("text", "json"))
    _common(r)

    t = sub.add_parser("train", help="rebuild models/ from corpus/")
    t.add_argument("--corpus", type=Path, help="corpus folder (default: the shipped corpus)")
    t.add_argument("--out", type=Path, help="output folder (default: the shipped models/)")
    t.add_argument("--dev", type=Path, action="append",
                   help="also measure on this labelled file for the model card (never trained on); repeatable")

    e = sub.add_parser("eval", help="precision/recall/F1 on a labelled drafts file")
    e.add_argument("data", type=Path, nargs="?", help="JSONL in the dev-set format (default: the corpus drafts)")
    e.add_argument("--json", action="store_true", help="print the metrics as JSON")
    e.add_argument("--detect-kind", action="store_true", help="ignore the file's kind labels and detect the kind")

    g = sub.add_parser("config", help="show or edit the user config (disabled rules, ignored phrases)")
    g.add_argument("--path", action="store_true", help="print the config file path")
    g.add_argument("--disable", action="append", default=[], metavar="RULE", help="add a rule or flag type to disable")
    g.add_argument("--ignore", action="append", default=[], metavar="PHRASE", help="add a phrase to ignore")

    rl = sub.add_parser("rules", help="list every rule with its type and message")
    rl.add_argument("--explain", metavar="ID", help="print one rule's compiled spaCy Matcher patterns")

    u = sub.add_parser("tui", help="open the coaching app")
    u.add_argument("path", nargs="?", help="a draft to open")

    from coach.practice.cli import add_parsers as add_practice_parsers  # practice, history

    add_practice_parsers(sub, KINDS, RED_FLAGS)
    from coach.review.cli import add_parser as add_review_parser  # review (batch)

    add_review_parser(sub)
    return parser


def _read_mspe(path: str | None, paths: list[str] = ()) -> str | None:
    """The MSPE excerpt; `-` may be read once, so it cannot serve both the MSPE and a draft."""
    from coach.inputs import InputError, read_input

    if path == "-" and "-" in paths:
        raise InputError("standard input (-) can be read only once: give the MSPE or the draft as a file")
    return None if path is None else read_input(path, what="the MSPE excerpt")


def _settings(disable: list[str], ignore: list[str]):
    """The config file's settings plus command-line ones; a broken file is reported and skipped.

    Raises ConfigError only for an unknown rule id given on the command line (a usage error).
    """
    from coach.config import check_rule_names, load_settings_or_default

    check_rule_names(disable)
    settings, problem = load_settings_or_default()
    if problem:
        _err(f"warning: {problem}")
    return settings.merged(disable, ignore)


def cmd_check(args) -> int:
    from coach.config import ConfigError
    from coach.inputs import InputError, read_input

    if args.format == "json" and len(args.paths) != 1:
        _err("--format json takes exactly one PATH (use --format jsonl for several)")
        return EXIT_USAGE
    if args.paths.count("-") > 1:
        _err("standard input (-) can be read only once")
        return EXIT_USAGE
    try:
        settings = _settings(args.disable, args.ignore)
        mspe = _read_mspe(args.mspe, args.paths)
    except (ConfigError, InputError) as e:
        _err(str(e))
        return EXIT_USAGE
    fail_at = SEVERITY_ORDER.index(args.fail_on) if args.fail_on else None
    failed = False
    from coach.analysis import analyze

    status = EXIT_OK
    from coach.render.text import render, use_colour

    colour = use_colour(sys.stdout)
    for path in args.paths:
        shown = None if path == "-" else path
        try:
            text = read_input(path)
            report = analyze(text, kind=args.kind, red_flag=args.red_flag, mspe=mspe, settings=settings).with_path(shown)
        except InputError as e:
            status = EXIT_USAGE
            if args.format == "jsonl":
                print(json.dumps({"path": shown, "error": str(e)}), flush=True)
            else:
                _err(str(e))
            continue
        if fail_at is not None and any(SEVERITY_ORDER.index(f.severity) >= fail_at for f in report.flags):
            failed = True
        if args.format == "text":
            sys.stdout.write(render(report, colour=colour))
            if len(args.paths) > 1:
                print()
        else:
            print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2 if args.format == "json" else None), flush=True)
    return status if status != EXIT_OK or not failed else EXIT_FINDINGS


def cmd_rewrite(args) -> int:
    from coach.inputs import InputError, read_input

    try:
        mspe = _read_mspe(args.mspe, [args.path])
        text = read_input(args.path)
        from coach.rewriting.compose import rewrite

        result = rewrite(text, kind=args.kind, red_flag=args.red_flag, mspe=mspe)
    except InputError as e:
        _err(str(e))
        return EXIT_USAGE
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        from coach.render.text import render_rewrite

        sys.stdout.write(render_rewrite(result))
    return EXIT_OK


def cmd_train(args) -> int:
    import importlib.util

    if importlib.util.find_spec("sklearn") is None:
        _err("coach train needs scikit-learn, which a plain install leaves out: "
             "pip install 'redflag-coach[train]' (or pip install -e '.[train]' in a checkout)")
        return EXIT_USAGE
    from coach.training.corpus import CorpusError
    from coach.training.train import train

    try:
        train(args.corpus, args.out, args.dev)
    except (CorpusError, OSError) as e:
        _err(str(e))
        return EXIT_USAGE
    return EXIT_OK


def cmd_eval(args) -> int:
    from coach.training.evaluate import EvalDataError, evaluate_file, evaluate_records, format_metrics

    try:
        if args.data is None:
            from coach.resources import corpus_dir
            from coach.training.corpus import load_dir

            drafts = load_dir(corpus_dir()).drafts
            records = [{"id": d.id, "text": d.text, "kind": d.kind, "gold": d.gold,
                        "mspe": d.mspe, "mspe_consistent": d.mspe_consistent} for d in drafts]
            result = evaluate_records(records, use_given_kind=not args.detect_kind)
            print("(corpus drafts: training data, so these figures are optimistic)", file=sys.stderr)
        else:
            result = evaluate_file(args.data, use_given_kind=not args.detect_kind)
    except EvalDataError as e:
        _err(str(e))
        return EXIT_USAGE
    print(json.dumps(result, indent=2) if args.json else format_metrics(result))
    return EXIT_OK


def cmd_config(args) -> int:
    from coach.config import ConfigError, check_rule_names, config_path, edit_settings, load_settings
    from coach.render.text import terminal_width, wrap
    from coach.render.visible import visible

    path = config_path()
    if args.path:
        print(visible(str(path)))
        return EXIT_OK
    try:
        if args.disable or args.ignore:
            check_rule_names(args.disable)
            settings = edit_settings(disable=args.disable, ignore=args.ignore)
            print(f"saved {visible(str(path))}")
        else:
            settings = load_settings()
    except ConfigError as e:
        _err(str(e) + ("; the file was not changed" if args.disable or args.ignore else ""))
        return EXIT_USAGE
    except OSError as e:  # a read-only home, a config folder that is a file, a full disk
        _err(f"{visible(str(path))}: cannot save ({e.strerror or e}); the file was not changed")
        return EXIT_USAGE
    width = terminal_width()
    for line in (f"config file: {path}",
                 "disabled rules: " + (", ".join(sorted(settings.disabled)) or "none"),
                 "ignored phrases: " + (", ".join(sorted(settings.ignored)) or "none")):
        print("\n".join(wrap(visible(line), width, subsequent="  ")))
    return EXIT_OK


def cmd_rules(args) -> int:
    from coach.render.text import terminal_width, wrap
    from coach.render.visible import visible
    from coach.rules import all_rules

    if getattr(args, "explain", None):
        from coach.rules.explain import explain

        rule = next((r for r in all_rules() if r.id == args.explain), None)
        if rule is None:
            _err(f"no rule with id {args.explain!r}; `coach rules` lists them")
            return EXIT_USAGE
        print("\n".join(visible(line) for line in explain(rule)))
        return EXIT_OK
    width = terminal_width()
    for r in all_rules():  # id, type and severity on one line; the message wrapped beneath
        print(visible(f"{r.id}  ({r.type}, {r.severity})"))
        print("\n".join(wrap(visible(r.message), width, indent="    ")))
    return EXIT_OK


def cmd_tui(args) -> int:
    try:
        from coach.tui.launch import run_app
    except ImportError as e:
        _err(f"the coaching app is unavailable ({e}); `coach check` still works")
        return EXIT_USAGE
    return run_app(getattr(args, "path", None))


def cmd_practice(args) -> int:
    from coach.practice.cli import cmd_practice as run

    return run(args)


def cmd_history(args) -> int:
    from coach.practice.cli import cmd_history as run

    return run(args)


def cmd_review(args) -> int:
    from coach.review.cli import cmd_review as run

    return run(args)


COMMANDS = {"check": cmd_check, "rewrite": cmd_rewrite, "train": cmd_train, "eval": cmd_eval,
            "config": cmd_config, "rules": cmd_rules, "tui": cmd_tui,
            "practice": cmd_practice, "history": cmd_history, "review": cmd_review}


def main(argv: list[str] | None = None) -> int:
    from coach.pipeline.classifier import ModelMissing
    from coach.pipeline.nlp import PipelineMissing

    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "tui"
    try:
        return COMMANDS[command](args)
    except PipelineMissing as e:
        _err(str(e))
        return EXIT_USAGE
    except ModelMissing as e:
        _err(str(e))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
