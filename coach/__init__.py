"""redflag-coach: coach the explanation of an academic red flag in a residency application.

Public API (documented in `docs/contract.md`): `analyze()` returns a `Report` whose `to_dict()` is
the report contract; `rewrite()` returns a `RewriteResult` whose `to_dict()` is the rewrite contract;
`InputError` is raised for unusable input. The rewrite's code lives in `coach.rewriting`, so the
name `coach.rewrite` is the function and never a module that would shadow it.
"""
from __future__ import annotations

__version__ = "0.1.0"

from coach.inputs import InputError  # noqa: E402
from coach.report.document import Report  # noqa: E402


def analyze(text, *, kind="auto", red_flag="auto", mspe=None, settings=None):
    """Analyse a draft; see `coach.analysis.analyze`. Imported lazily so `import coach` is instant."""
    from coach.analysis import analyze as _analyze

    return _analyze(text, kind=kind, red_flag=red_flag, mspe=mspe, settings=settings)


def rewrite(text, *, kind="auto", red_flag="auto", mspe=None):
    """Restructure a draft's own material (context → change → evidence); see `coach.rewriting.compose`."""
    from coach.rewriting.compose import rewrite as _rewrite

    return _rewrite(text, kind=kind, red_flag=red_flag, mspe=mspe)


__all__ = ["analyze", "rewrite", "Report", "InputError", "__version__"]
