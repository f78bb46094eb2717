"""Command-palette provider: every action of `coach.tui.actions.ACTIONS`, searchable by title."""
from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from coach.tui.actions import ACTIONS, AppAction, key_label


def _help(a: AppAction) -> str:
    keys = key_label(a)
    return f"{a.help} ({keys})" if keys else a.help


class CoachCommands(Provider):
    """Lists the coach's actions when the palette opens and fuzzy-matches them as you type."""

    async def _run(self, action: str) -> None:
        await self.app.run_action(action)

    async def discover(self) -> Hits:
        for a in ACTIONS:
            yield DiscoveryHit(a.title, partial(self._run, a.action), help=_help(a))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for a in ACTIONS:
            score = matcher.match(a.title)
            if score > 0:
                yield Hit(score, matcher.highlight(a.title), partial(self._run, a.action), text=a.title, help=_help(a))
