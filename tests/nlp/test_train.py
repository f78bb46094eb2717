"""`coach train` is reproducible: the same corpus gives the same model bytes."""
import pytest

from coach.resources import corpus_dir


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """A slice of the real corpus: enough for every label, small enough to train in seconds."""
    root = tmp_path_factory.mktemp("corpus")
    for sub, keep in (("drafts", 24), ("sentences", 40)):
        (root / sub).mkdir()
        for path in sorted((corpus_dir() / sub).glob("*.jsonl"))[:3]:
            lines = path.read_text(encoding="utf-8").splitlines()[:keep]
            (root / sub / path.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def quiet(*args, **kwargs):
    pass


def test_training_is_deterministic(small_corpus, tmp_path):
    from coach.pipeline.classifier import read_bundle
    from coach.training.train import train

    first = train(small_corpus, tmp_path / "a", log=quiet, c_grid=(1.0,))
    second = train(small_corpus, tmp_path / "b", log=quiet, c_grid=(1.0,))
    for name in ("components.json", "detectors.json", "metrics.json", "README.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert first["cv"] == second["cv"]
    card = (tmp_path / "a" / "README.md").read_text()
    assert "Cross-validated metrics (5-fold" in card and "| context |" in card
    bundle = read_bundle(tmp_path / "a" / "components.json")
    assert set(bundle.model.classes) == {"context", "change", "evidence", "other"}
    assert set(bundle.settings["bias"]) == {"context", "change", "evidence", "other"}
    assert read_bundle(tmp_path / "a" / "detectors.json").model.binary
