"""Load and apply the trained sentence models from `models/*.json`.

`coach train` fits scikit-learn models and exports each as plain JSON: the class names, an
intercept per class and, per feature name, one weight per class. Loading JSON executes no code
(unlike pickle), the bytes are reproducible, and prediction is a sparse dot product in pure
Python — so `coach check` never imports scikit-learn and starts fast.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from coach.resources import models_dir

COMPONENT_MODEL = "components.json"
DETECTOR_MODEL = "detectors.json"
# Bumped whenever the features or the decision settings change meaning: a model file written for
# other features would load without error and silently give wrong answers, so loading refuses it.
MODEL_FORMAT = 2


class ModelMissing(RuntimeError):
    """A model file is absent or unreadable; `coach train` rebuilds it."""


@dataclass(frozen=True)
class LinearModel:
    """A multinomial (or one-vs-rest binary) linear model over sparse named features."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    binary: bool = False  # True: one logistic output per class, not a softmax over classes

    def scores(self, feats: dict[str, float]) -> list[float]:
        """Raw linear scores per class."""
        out = list(self.intercept)
        for name, value in feats.items():
            w = self.weights.get(name)
            if w is not None:
                for i, wi in enumerate(w):
                    out[i] += wi * value
        return out

    def predict_proba(self, feats: dict[str, float]) -> dict[str, float]:
        """Class probabilities (softmax) or independent probabilities (binary)."""
        z = self.scores(feats)
        if self.binary:
            return {c: 1.0 / (1.0 + math.exp(-max(min(v, 50.0), -50.0))) for c, v in zip(self.classes, z)}
        m = max(z)
        ex = [math.exp(v - m) for v in z]
        total = sum(ex)
        return {c: e / total for c, e in zip(self.classes, ex)}

    @classmethod
    def from_dict(cls, data: dict) -> LinearModel:
        """Build from the exported JSON object."""
        return cls(
            classes=tuple(data["classes"]),
            intercept=tuple(float(x) for x in data["intercept"]),
            weights={k: tuple(float(x) for x in v) for k, v in data["weights"].items()},
            binary=bool(data.get("binary", False)),
        )


@dataclass(frozen=True)
class ModelBundle:
    """A linear model plus the decision settings tuned by cross-validation at training time."""

    model: LinearModel
    settings: dict
    meta: dict


def read_bundle(path: Path) -> ModelBundle:
    """Read one exported model file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != MODEL_FORMAT:
            raise ModelMissing(f"model file {path} has format {data.get('format')!r}, this version reads "
                               f"format {MODEL_FORMAT}; run `coach train` to rebuild models/")
        return ModelBundle(LinearModel.from_dict(data["model"]), data.get("settings", {}), data.get("meta", {}))
    except FileNotFoundError:
        raise ModelMissing(f"model file {path} is missing; run `coach train` to rebuild models/") from None
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ModelMissing(f"model file {path} is unreadable ({e}); run `coach train`") from None


@lru_cache(maxsize=8)
def load_bundle(name: str, directory: str | None = None) -> ModelBundle:
    """A model by file name from `directory` (default: the shipped models/), cached per process.

    The pipeline components pass the directory from their spaCy config, so a pipeline built on
    freshly trained models (`get_nlp(models_dir=…)`) reads them without touching the process
    environment.
    """
    return read_bundle(Path(directory) / name if directory else models_dir() / name)
