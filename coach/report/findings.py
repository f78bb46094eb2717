"""Findings: small immutable records with character offsets, the rule that fired and advice.

Built from `doc.spans["coach"]` once; after that nothing downstream touches spaCy objects.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from coach.rules import rules_by_id


@dataclass(frozen=True)
class Finding:
    type: str
    start: int
    end: int
    text: str
    message: str
    rule: str
    severity: str
    suggestion: str

    def to_dict(self) -> dict:
        """The contract's flag object (plus `suggestion`)."""
        return asdict(self)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """`start:end` narrowed to exclude leading and trailing whitespace (newlines included).

    Token spans can begin on a whitespace token (spaCy keeps "\n\n" as a token); a flag that
    starts with a blank line marks nothing visible, and the Markdown export's `**…**` then wraps
    a line break and shows a lone `**`. An all-whitespace span keeps its position, empty.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def findings_from_doc(doc) -> list[Finding]:
    """Turn the doc's coach span group into findings, in text order."""
    rules = rules_by_id()
    details = doc.user_data.get("coach_details", {})
    out = []
    for span in doc.spans.get("coach", ()):
        rule = rules[span.id_]
        detail = details.get((span.start, span.end, span.id_), "")
        message = f"{rule.message} {detail}".strip()
        start, end = trim_span(doc.text, span.start_char, span.end_char)
        if start == end:
            continue  # nothing visible to point at
        out.append(Finding(
            type=span.label_, start=start, end=end, text=doc.text[start:end],
            message=message, rule=rule.id, severity=rule.severity, suggestion=rule.suggestion,
        ))
    return out
