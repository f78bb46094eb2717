"""The JSON `LinearModel` gives the same probabilities as the scikit-learn model it was exported
from, for the multinomial sentence model and the binary detectors; and a model file of another
format is refused rather than silently misread."""
import json

import numpy as np
import pytest

from coach.pipeline.classifier import MODEL_FORMAT, LinearModel, ModelMissing, read_bundle
from coach.training.train import _export, _fit


def _data(seed=0, n=240):
    rng = np.random.default_rng(seed)
    rows, labels = [], []
    for i in range(n):
        lab = ("context", "change", "evidence", "other")[i % 4]
        f = {f"w={w}": 1.0 for w in rng.choice(["a", "b", "c", "d", "e", "f", "g"], size=3, replace=False)}
        f[f"w={lab}"] = 1.0 if rng.random() < 0.7 else 0.0
        f["t2v=0"] = float(rng.normal())
        rows.append(f)
        labels.append(lab)
    return rows, labels


def test_multinomial_export_matches_predict_proba():
    from sklearn.feature_extraction import DictVectorizer

    rows, y = _data()
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(rows)
    model = _fit(X, y, 1.0)
    exported = LinearModel.from_dict(_export(model.coef_, model.intercept_, vec.get_feature_names_out(), model.classes_))
    for row, expected in zip(rows, model.predict_proba(X)):
        got = exported.predict_proba(row)
        assert [got[c] for c in model.classes_] == pytest.approx(list(expected), abs=1e-4)


def test_binary_export_matches_predict_proba():
    from sklearn.feature_extraction import DictVectorizer

    rows, y = _data(1)
    yb = np.array([lab == "change" for lab in y])
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(rows)
    model = _fit(X, yb, 1.0)
    exported = LinearModel.from_dict(_export(model.coef_, model.intercept_, vec.get_feature_names_out(), ["change"], binary=True))
    for row, expected in zip(rows, model.predict_proba(X)[:, 1]):
        assert exported.predict_proba(row)["change"] == pytest.approx(expected, abs=1e-4)


def test_other_format_is_refused(tmp_path):
    model = {"classes": ["a"], "intercept": [0.0], "weights": {}, "binary": True}
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"format": MODEL_FORMAT, "model": model}))
    assert read_bundle(good).model.classes == ("a",)
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"model": model}))
    with pytest.raises(ModelMissing, match="format"):
        read_bundle(old)
