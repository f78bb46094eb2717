"""The batch report as one self-contained HTML file (templates/review/, autoescaped Jinja).

Per-draft sections are rendered as each draft arrives and spooled to an unnamed temporary file,
so memory does not grow with the batch; the page head (summary table, cohort charts) needs every
row and is rendered at the end, then the sections are copied in after it. The page is complete
without scripts: a tiny inline script only adds click-to-sort to the summary table, which is
already in weakest-first order. Charts are inline SVG whose geometry is computed here, so the
template holds no arithmetic. User text reaches the templates as data and is escaped there.
"""
from __future__ import annotations

import datetime as _dt
import shutil
import tempfile
from collections import Counter
from types import SimpleNamespace

from coach import __version__
from coach.render.export import report_view as draft_view  # the single-draft export's view of a report
from coach.render.templating import render
from coach.review.outputs import AtomicStream
from coach.review.summary import flags_text, parts_text, weakest_first
from coach.vocab import COMPONENTS

MARKER = "<!--coach:drafts-->"  # autoescaping turns any `<` in user text into `&lt;`, so no draft can forge it
CHART_W, BAR_H, GAP = 560, 22, 6


def _bars(items: list[tuple[str, int]], total: int, unit: str) -> dict:
    """Horizontal bar chart geometry: one bar per (label, count), scaled to the largest count."""
    top = max([n for _, n in items] + [1])
    bars = []
    for i, (name, n) in enumerate(items):
        share = f"{round(100 * n / total)}%" if total else "0%"
        short = name if len(name) <= 28 else name[:27] + "…"  # the full name is in the bar's tooltip
        bars.append({"label": name, "short": short, "value": n, "share": share, "y": i * (BAR_H + GAP),
                     "width": round((CHART_W - 260) * n / top, 1)})
    return {"bars": bars, "height": max(1, len(items)) * (BAR_H + GAP), "width": CHART_W, "unit": unit}


def _histogram(scores: list[int]) -> dict:
    """Ten score bands (0–9 … 90–100) as vertical bars."""
    bands = [0] * 10
    for s in scores:
        bands[min(9, s // 10)] += 1
    top = max(bands + [1])
    h, w = 160, CHART_W // 10
    cols = [{"label": f"{i * 10}–{i * 10 + 9 if i < 9 else 100}", "value": n, "x": i * w,
             "height": round((h - 30) * n / top, 1), "y": round(h - 18 - (h - 30) * n / top, 1), "w": w - 6}
            for i, n in enumerate(bands)]
    return {"columns": cols, "height": h, "width": CHART_W}


def cohort(rows: list[dict]) -> dict:
    """Figures and chart geometry for the whole batch."""
    ok = [r for r in rows if r["status"] == "ok"]
    missing = [(c, sum(1 for r in ok if not r[c])) for c in COMPONENTS]
    drafts_per_rule = Counter(rule for r in ok for rule in r["by_rule"])
    rules = sorted(drafts_per_rule.items(), key=lambda p: (-p[1], p[0]))[:10]
    scores = sorted(r["overall"] for r in ok)
    return {
        "analysed": len(ok), "errors": len(rows) - len(ok),
        "median": scores[len(scores) // 2] if scores else None,
        "all_parts": sum(1 for r in ok if r["parts_present"] == len(COMPONENTS)),
        "histogram": _histogram(scores),
        "missing": _bars(missing, len(ok), "drafts"),
        "rules": _bars(rules, len(ok), "drafts"),
    }


class HtmlReport:
    """Collects per-draft sections as they come, writes the page once at the end."""

    def __init__(self, path) -> None:
        self.path = path
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - closed in finish(); unnamed: gone if we crash

    def add(self, report, rewrite: dict | None, row: dict) -> None:
        """Render one analysed draft's section (its number links it to the summary row)."""
        view = draft_view(report, None if rewrite is None else SimpleNamespace(to_dict=lambda: rewrite))
        self._spool.write(render("review/draft.html.j2", d=view, n=row["index"] + 1, label=row["draft"]))

    def finish(self, rows: list[dict], *, anonymized: bool, title: str = "Writing-centre review") -> None:
        """Write the whole page atomically (0600) and drop the spool."""
        ordered = weakest_first(rows)
        table = [dict(r, parts=parts_text(r), flag_text=flags_text(r)) if r["status"] == "ok" else r
                 for r in ordered]
        page = render("review/report.html.j2", title=title, rows=table, cohort=cohort(rows),
                      anonymized=anonymized, version=__version__,
                      generated=_dt.date.today().isoformat())
        head, tail = page.split(MARKER, 1)
        try:
            with AtomicStream(self.path) as out:
                out.write(head)
                self._spool.seek(0)
                shutil.copyfileobj(self._spool, out.fh)
                out.write(tail)
        finally:
            self.close()

    def close(self) -> None:
        self._spool.close()
