"""A pipeline on another models folder comes from the components' spaCy config, not the environment."""
from __future__ import annotations

import os
import shutil

from coach.pipeline.nlp import get_nlp
from coach.resources import models_dir


def test_a_models_folder_is_a_pipeline_of_its_own(tmp_path, analyze):
    for f in models_dir().glob("*.json"):
        shutil.copy(f, tmp_path / f.name)
    before = dict(os.environ)
    other = get_nlp(tmp_path)
    assert other is not get_nlp() and other is get_nlp(tmp_path)
    for name in ("coach_sentence_classifier", "coach_detectors"):
        assert other.get_pipe_config(name)["models_dir"] == str(tmp_path)
        assert get_nlp().get_pipe_config(name)["models_dir"] is None
    text = "I failed Step 1 in June 2023. I then did UWorld daily and passed with a 231."
    from coach.analysis import analyze as analyze_with

    assert analyze_with(text, nlp=other).to_dict() == analyze(text).to_dict()  # same files, same report
    assert dict(os.environ) == before
