"""Import hygiene: the factory module stays light and the headless helpers stay headless.

`coach.tui.launch` must import neither Textual nor spaCy, so that `coach` can fork the analysis
helper before paying for either (benchmarks/bench_startup.py). Checked in fresh interpreters.
"""
from __future__ import annotations

import subprocess
import sys

import pytest


def modules_after(import_line: str) -> set[str]:
    code = f"import sys; {import_line}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return set(out.stdout.split())


@pytest.mark.parametrize("module", ["coach.tui.launch", "coach.userdata", "coach.tui.session",
                                    "coach.tui.backend", "coach.tui.live", "coach.tui.spans"])
def test_light_modules_import_neither_textual_nor_spacy(module):
    loaded = modules_after(f"import {module}")
    assert "textual" not in loaded and "spacy" not in loaded, module
