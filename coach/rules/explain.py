"""`coach rules --explain ID`: what a rule really matches, as the spaCy `Matcher` sees it.

The compact pattern notation is short but easy to misread (a `|` inside a group separates word
sequences, not words); printing the compiled token patterns shows exactly what will match.
"""
from __future__ import annotations

import json

from coach.rules import Rule
from coach.rules.patterns import compile_patterns


def explain(rule: Rule) -> list[str]:
    """Lines describing one rule: its header, then each pattern line and its compiled patterns."""
    out = [f"{rule.id}  ({rule.type}, {rule.severity}; {rule.rule_kind} rule from {rule.source})", f"  {rule.message}"]
    if rule.rule_kind == "phrase":
        for line in rule.patterns:
            out.append(f"  pattern: {line}")
            for cp in compile_patterns(line):
                tokens = json.dumps(cp.tokens, ensure_ascii=False)
                context = f"  (context: first {cp.lead}, last {cp.trail})" if cp.lead or cp.trail else ""
                out.append(f"    {tokens}{context}")
    elif rule.params:
        out.append("  logic over the parse (coach/rules/dependency.py or the rule's detector), with:")
        for key, value in rule.params.items():
            shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            out.append(f"    {key}: {shown}")
    else:
        out.append("  no patterns: a learned detector (models/) decides")
    for label, examples in (("flags", rule.examples_flag), ("passes", rule.examples_pass)):
        out += [f"  {label}: {ex}" for ex in examples]
    return out
