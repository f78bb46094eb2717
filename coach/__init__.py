"""redflag-coach: coach the explanation of an academic red flag in a residency application.

Public API (see `../shared/contract.md`): `analyze()` returns a `Report` whose `to_dict()` is the
report contract; `InputError` is raised for unusable input.
"""
from __future__ import annotations

__version__ = "0.1.0"

from coach.inputs import InputError  # noqa: E402
from coach.report import Report  # noqa: E402


def analyze(text, *, kind="auto", red_flag="auto", mspe=None, settings=None):
    """Analyse a draft; see `coach.analysis.analyze`. Imported lazily so `import coach` is instant."""
    from coach.analysis import analyze as _analyze

    return _analyze(text, kind=kind, red_flag=red_flag, mspe=mspe, settings=settings)


__all__ = ["analyze", "Report", "InputError", "__version__"]
