"""The analysis result: findings, the `Report` (its `to_dict()` is the contract) and the scores."""
from coach.report.document import Report

__all__ = ["Report"]
