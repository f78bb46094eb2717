"""Rule *kinds* live in code; rule *instances* live in `coach/rules/data/*.toml`.

Every instance names its `id` (shown to users as the `rule` of a finding), the flag `type`, a
`severity`, a `message` that says why it fired and a `suggestion` for what to do instead, plus
`examples.flag` / `examples.pass` sentences that the test suite checks (a rule without examples
fails the suite, as in proselint).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from coach.limits import LIMITS_FILE, limits
from coach.resources import rules_dir
from coach.vocab import FLAG_TYPES, SEVERITIES

RULE_KINDS = ("phrase", "dependency", "model", "length")  # how a rule is evaluated (not a draft kind)


class RuleError(ValueError):
    """A rule file breaks the rule schema; the message names the file and rule."""


@dataclass(frozen=True)
class Rule:
    """One rule instance, as written in a data file."""

    id: str
    type: str
    kind: str
    severity: str
    message: str
    suggestion: str
    patterns: tuple[str, ...] = ()
    examples_flag: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()
    params: dict = field(default_factory=dict, hash=False, compare=False)
    source: str = ""


def _rule(raw: dict, source: str) -> Rule:
    where = f"{source}: rule {raw.get('id', '?')!r}"
    for key in ("id", "type", "kind", "severity", "message", "suggestion"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise RuleError(f"{where}: '{key}' must be a non-empty string")
    if raw["type"] not in FLAG_TYPES:
        raise RuleError(f"{where}: type must be one of {FLAG_TYPES}")
    if raw["kind"] not in RULE_KINDS:
        raise RuleError(f"{where}: kind must be one of {RULE_KINDS}")
    if raw["severity"] not in SEVERITIES:
        raise RuleError(f"{where}: severity must be one of {SEVERITIES}")
    ex = raw.get("examples", {})
    known = {"id", "type", "kind", "severity", "message", "suggestion", "patterns", "examples"}
    return Rule(
        id=raw["id"], type=raw["type"], kind=raw["kind"], severity=raw["severity"],
        message=_quote_limits(raw["message"], where), suggestion=_quote_limits(raw["suggestion"], where),
        patterns=tuple(raw.get("patterns", ())),
        examples_flag=tuple(ex.get("flag", ())), examples_pass=tuple(ex.get("pass", ())),
        params={k: v for k, v in raw.items() if k not in known}, source=source,
    )


def _quote_limits(text: str, where: str) -> str:
    """Fill `{name}` with a figure of limits.toml, so a message never restates a limit by hand."""
    if "{" not in text:
        return text
    try:
        return text.format_map(limits().fields())
    except (KeyError, ValueError, IndexError) as exc:
        raise RuleError(f"{where}: a message quotes an unknown limit ({exc}); see limits.toml") from None


def load_rule_file(path: Path) -> list[Rule]:
    """Rules of one TOML file (its `[[rule]]` tables)."""
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return [_rule(r, path.name) for r in data.get("rule", [])]


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every rule instance shipped with the package, ids unique."""
    rules: list[Rule] = []
    for path in sorted(rules_dir().glob("*.toml")):
        if path.name == LIMITS_FILE:
            continue
        rules.extend(load_rule_file(path))
    ids = [r.id for r in rules]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise RuleError(f"duplicate rule ids: {sorted(dup)}")
    return tuple(rules)


def rules_by_id() -> dict[str, Rule]:
    """Rule lookup by id, for turning hits into findings."""
    return {r.id: r for r in all_rules()}


@lru_cache(maxsize=None)
def lexicon(name: str) -> dict:
    """A word-list file (`data/lexicons/<name>.toml`) used by features and dependency rules."""
    with (rules_dir() / "lexicons" / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)
