"""`pip install .` (not only editable) gives a working tool: data ships inside the wheel."""
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(ROOT), "-w", str(out)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.fail(f"wheel build failed: {proc.stderr[-2000:]}")
    return next(out.glob("redflag_coach-*.whl"))


def test_wheel_carries_models_templates_rules_and_corpus(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("coach/_data/models/components.json", "coach/_data/models/detectors.json",
                   "coach/_data/models/README.md", "coach/_data/corpus/README.md",
                   "coach/rules/data/vague.toml", "coach/rules/data/lexicons/features.toml",
                   "coach/rules/data/limits.toml", "coach/report/schema/report.schema.json",
                   "coach/report/schema/rewrite.schema.json"):
        assert needed in names, needed
    assert any(n.startswith("coach/_data/templates/") for n in names)
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)


def test_installed_wheel_analyzes_from_its_own_data(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    code = (
        "import coach, coach.resources as r; from coach import analyze; "
        "rep = analyze('I failed Step 1 in June 2023. I passed in August with a 230.'); "
        f"assert str(r.models_dir()).startswith({str(target)!r}), r.models_dir(); "
        "assert str(coach.__file__).startswith(" + repr(str(target)) + "); "
        "print(rep.components['evidence'].present)"
    )
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "True"
