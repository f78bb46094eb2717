"""Real output validates against the JSON Schemas shipped in the package (coach/report/schema/).

The schemas are the repository's own statement of the report and rewrite contract
(docs/contract.md); these tests hold the CLI and the Python API to them with `jsonschema`.
"""
from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest

from coach.cli import main
from tests.conftest import FIXTURES

DRAFTS = sorted(p.name for p in FIXTURES.glob("*.txt"))
MSPE = ("During her second year, Ms. Doe did not pass the USMLE Step 1 examination on her first "
        "attempt in June 2023. She passed on her second attempt in September 2023.")


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((files("coach.report") / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


REPORT, REWRITE = _validator("report"), _validator("rewrite")


def _cli_json(capsys, *argv) -> list[dict]:
    code = main(list(argv))
    out = capsys.readouterr().out
    assert code == 0, out
    return [json.loads(line) for line in out.splitlines() if line.strip()] if "jsonl" in argv else [json.loads(out)]


@pytest.mark.parametrize("name", DRAFTS)
def test_check_json_matches_the_report_schema(capsys, analyze, name):
    (report,) = _cli_json(capsys, "check", "--format", "json", str(FIXTURES / name))
    REPORT.validate(report)


def test_check_jsonl_with_an_mspe_and_an_unreadable_input(capsys, analyze, tmp_path):
    mspe = tmp_path / "mspe.txt"
    mspe.write_text(MSPE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code = main(["check", "--format", "jsonl", "--mspe", str(mspe), str(FIXTURES / DRAFTS[0]), str(empty)])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 2 and len(lines) == 2
    REPORT.validate(lines[0])
    assert lines[0]["mspe"] is not None
    jsonschema.validate(lines[1], {**REPORT.schema["$defs"]["error_line"], "$defs": REPORT.schema["$defs"]})


@pytest.mark.parametrize("name", DRAFTS)
def test_rewrite_json_matches_the_rewrite_schema(capsys, analyze, name):
    (result,) = _cli_json(capsys, "rewrite", "--format", "json", str(FIXTURES / name))
    REWRITE.validate(result)


@pytest.mark.parametrize("kind", ["interview", "statement", "eras"])
def test_the_python_api_matches_both_schemas(analyze, fixture_text, kind):
    from coach import rewrite

    text = fixture_text("vague-statement.txt")
    REPORT.validate(analyze(text, kind=kind, mspe=MSPE).to_dict())
    REWRITE.validate(rewrite(text, kind=kind, mspe=MSPE).to_dict())


def test_a_broken_report_is_rejected(analyze, fixture_text):
    """The schema has teeth: a renamed field or an out-of-range score fails validation."""
    report = analyze(fixture_text("blame-interview.txt")).to_dict()
    report["scores"]["overall"] = 140
    with pytest.raises(jsonschema.ValidationError):
        REPORT.validate(report)
    del report["flags"]
    with pytest.raises(jsonschema.ValidationError):
        REPORT.validate(report)
