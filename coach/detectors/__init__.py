"""One detector per module, registered here in report order (proselint-style registry).

A detector has a `TYPE` and `detect(ctx, model_threshold) -> list[Hit]`; its rules live in data
files under `coach/rules/data/`. A type made only of phrase rules is a `PhraseDetector` entry
here, no module; one that needs logic of its own is a module. To add one: add rule data with
examples, then list a `PhraseDetector` or the new module below.
"""
from coach.detectors import blame, length, passive_agency, vague
from coach.detectors.phrase_based import PhraseDetector

DETECTORS = (vague, blame, PhraseDetector("hedge"), PhraseDetector("minimizing"), passive_agency,
             PhraseDetector("oversharing"), length)
