"""Rule *kinds* live in code; rule *instances* live in `coach/rules/data/*.toml`.

Every instance names its `id` (shown to users as the `rule` of a finding), the flag `type`, a
`severity`, a `message` that says why it fired and a `suggestion` for what to do instead, plus
`examples.flag` / `examples.pass` sentences that the test suite checks (a rule without examples
fails the suite, as in proselint).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from coach.limits import LIMITS_FILE, limits
from coach.resources import rules_dir
from coach.vocab import FLAG_TYPES, SEVERITIES

RULE_KINDS = ("phrase", "dependency", "model", "length")  # how a rule is evaluated (not a draft kind)

# The keys every rule has, then the keys each rule kind accepts on top; anything else is a typo.
COMMON_KEYS = frozenset({"id", "type", "rule_kind", "severity", "message", "suggestion", "examples"})
KIND_KEYS = {
    "phrase": frozenset({"patterns", "unless_specific", "unless_part"}),
    "dependency": frozenset({"agents", "predicates", "negated_predicates", "subjects", "expletive_verbs"}),
    "model": frozenset(),
    "length": frozenset({"applies_to"}),
}
EXAMPLE_KEYS = frozenset({"flag", "pass"})


class RuleError(ValueError):
    """A rule file breaks the rule schema; the message names the file and rule."""


@dataclass(frozen=True)
class Rule:
    """One rule instance, as written in a data file."""

    id: str
    type: str
    rule_kind: str  # how it is evaluated, one of RULE_KINDS (the file's `kind` key; not a draft kind)
    severity: str
    message: str
    suggestion: str
    patterns: tuple[str, ...] = ()
    examples_flag: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()
    params: dict = field(default_factory=dict, hash=False, compare=False)
    source: str = ""


def _key_line(text: str, index: int, key: str) -> int:
    """The 1-based line of `key` in the `index`-th `[[rule]]` table of a rule file's text.

    tomllib reports no positions, so the key is found by scanning the table's own lines for
    `key =` or a dotted `key.` form.
    """
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if re.match(r"\s*\[\[\s*rule\s*\]\]", line)]
    if index >= len(starts):
        return 1
    end = starts[index + 1] if index + 1 < len(starts) else len(lines)
    for name in (key, key.rpartition(".")[2]):  # "examples.flg = …", else "flg = …" in a sub-table
        dotted = r"\s*\.\s*".join(rf"[\"']?{re.escape(part)}[\"']?" for part in name.split("."))
        head = re.compile(rf"\s*{dotted}\s*[=.]")
        found = next((i + 1 for i in range(starts[index], end) if head.match(lines[i])), None)
        if found:
            return found
    return starts[index] + 1


def _check_keys(raw: dict, source: str, text: str, index: int) -> None:
    """An unknown or misspelt key is an error naming the file and line, never a silent param."""
    allowed = COMMON_KEYS | KIND_KEYS[raw["rule_kind"]]
    unknown = [k for k in raw if k not in allowed]
    examples = raw.get("examples", {})
    if not isinstance(examples, dict):
        unknown.append("examples")
    else:
        unknown += [f"examples.{k}" for k in examples if k not in EXAMPLE_KEYS]
    if unknown:
        key = unknown[0]
        line = _key_line(text, index, key)
        raise RuleError(f"{source}:{line}: rule {raw['id']!r}: unknown key {key!r} for a {raw['rule_kind']} rule "
                        f"(allowed: {', '.join(sorted(allowed - {'examples'}))}, examples.flag, examples.pass)")


def _rule(raw: dict, source: str, text: str, index: int) -> Rule:
    """One `[[rule]]` table, checked against the schema (`text` and `index` locate its keys)."""
    where = f"{source}: rule {raw.get('id', '?')!r}"
    for key in ("id", "type", "rule_kind", "severity", "message", "suggestion"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise RuleError(f"{where}: '{key}' must be a non-empty string")
    if raw["type"] not in FLAG_TYPES:
        raise RuleError(f"{where}: type must be one of {FLAG_TYPES}")
    if raw["rule_kind"] not in RULE_KINDS:
        raise RuleError(f"{where}: rule_kind must be one of {RULE_KINDS}")
    if raw["severity"] not in SEVERITIES:
        raise RuleError(f"{where}: severity must be one of {SEVERITIES}")
    _check_keys(raw, source, text, index)
    ex = raw.get("examples", {})
    known = {"id", "type", "rule_kind", "severity", "message", "suggestion", "patterns", "examples"}
    return Rule(
        id=raw["id"], type=raw["type"], rule_kind=raw["rule_kind"], severity=raw["severity"],
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
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{path.name}: {exc}") from None
    extra = sorted(set(data) - {"rule"})
    if extra:
        raise RuleError(f"{path.name}:{_top_line(text, extra[0])}: unknown table or key {extra[0]!r} "
                        "(a rule file holds only [[rule]] tables)")
    return [_rule(r, path.name, text, i) for i, r in enumerate(data.get("rule", []))]


def _top_line(text: str, key: str) -> int:
    """The 1-based line where a top-level key or table of a rule file starts."""
    head = re.compile(rf"\s*(?:\[\[?\s*)?[\"']?{re.escape(key)}[\"']?\s*[=.\]]")
    return next((i + 1 for i, line in enumerate(text.splitlines()) if head.match(line)), 1)


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


@cache
def lexicon(name: str) -> dict:
    """A word-list file (`data/lexicons/<name>.toml`) used by features and dependency rules."""
    with (rules_dir() / "lexicons" / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)
