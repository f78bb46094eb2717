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


def findings_from_doc(doc) -> list[Finding]:
    """Turn the doc's coach span group into findings, in text order."""
    rules = rules_by_id()
    details = doc.user_data.get("coach_details", {})
    out = []
    for span in doc.spans["coach"] if "coach" in doc.spans else ():
        rule = rules[span.id_]
        detail = details.get((span.start, span.end, span.id_), "")
        message = f"{rule.message} {detail}".strip()
        out.append(Finding(
            type=span.label_, start=span.start_char, end=span.end_char, text=span.text,
            message=message, rule=rule.id, severity=rule.severity, suggestion=rule.suggestion,
        ))
    return out
