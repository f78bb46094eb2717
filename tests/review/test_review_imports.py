"""The review modules stay light: no Textual anywhere, and no spaCy until a draft is analysed
(`coach --help` builds the review parser; `--jobs N` workers fork from a parent without spaCy)."""
from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["coach.review.cli", "coach.review.batch", "coach.review.anonymize",
                                    "coach.review.summary", "coach.review.outputs", "coach.review.html",
                                    "coach.review.discover", "coach.cli"])
def test_review_modules_import_neither_textual_nor_spacy(module):
    code = f"import sys, {module}; print('\\n'.join(sys.modules))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())
    assert not {m for m in loaded if m.split(".")[0] in ("textual", "spacy", "thinc")}
