"""One detector per module, registered here in report order (proselint-style registry).

A detector is `detect(ctx, model_threshold) -> list[Hit]`; its rules live in data files under
`coach/rules/data/`. To add one: write the module, add rule data with examples, list it below.
"""
from coach.detectors import blame, hedge, length, minimizing, oversharing, passive_agency, vague

DETECTORS = (vague, blame, hedge, minimizing, passive_agency, oversharing, length)
