"""The JSON linear model and the component decision, without spaCy."""
import json
import math

import pytest

from coach.pipeline.classifier import LinearModel, ModelMissing, read_bundle
from coach.pipeline.decision import decide_components


def test_softmax_probabilities():
    m = LinearModel(("a", "b"), (0.0, 0.0), {"x": (1.0, -1.0)})
    p = m.predict_proba({"x": 1.0, "unknown": 5.0})
    assert p["a"] == pytest.approx(math.exp(1) / (math.exp(1) + math.exp(-1)))
    assert sum(p.values()) == pytest.approx(1.0)


def test_binary_outputs_are_independent():
    m = LinearModel(("vague", "blame"), (0.0, 0.0), {"x": (100.0, -100.0)}, binary=True)
    p = m.predict_proba({"x": 1.0})
    assert p["vague"] == pytest.approx(1.0) and p["blame"] == pytest.approx(0.0)


def test_read_bundle_errors_are_clear(tmp_path):
    with pytest.raises(ModelMissing, match="coach train"):
        read_bundle(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(ModelMissing):
        read_bundle(bad)


def test_shipped_models_are_plain_json():
    from coach.resources import models_dir

    for name in ("components.json", "detectors.json"):
        data = json.loads((models_dir() / name).read_text())
        assert set(data) >= {"model", "settings", "meta"}


def test_decide_components_uses_biases():
    probas = [{"context": 0.4, "change": 0.1, "evidence": 0.05, "other": 0.45}]
    labels, presence = decide_components(probas, {"bias": {}})
    assert labels == ["other"] and presence["context"] == (False, 0.6)
    labels, presence = decide_components(probas, {"bias": {"context": 0.5}})
    assert labels == ["context"] and presence["context"] == (True, 0.4)
