"""Colours for the inline marks, as theme variables (`$flag-vague`, `$part-context`, …).

Each flag type needs its own colour that stays distinct and readable in both a dark and a light
theme, which Textual's six semantic colours cannot give. Defining them as theme variables lets
`coach.tcss` and the findings list share one palette; the app picks the set for the current
theme's darkness (see `CoachApp.get_theme_variable_defaults`).
"""
from __future__ import annotations

# (dark theme, light theme). Flag colours are highlight backgrounds; part colours are text colours.
FLAG_COLOURS: dict[str, tuple[str, str]] = {
    "vague": ("#7a5d00", "#ffe08a"),
    "blame": ("#8b1e2d", "#ffb3b8"),
    "hedge": ("#1f5f7a", "#b3e3f5"),
    "minimizing": ("#6b2f86", "#e2c4f5"),
    "passive_agency": ("#2f4f9e", "#c2d4ff"),
    "oversharing": ("#8a4a14", "#ffd0a8"),
    "length": ("#4d4d4d", "#d9d9d9"),
    "mspe_mismatch": ("#a0115e", "#ffb3dc"),
}
PART_COLOURS: dict[str, tuple[str, str]] = {
    "context": ("#6cb6ff", "#0550ae"),
    "change": ("#7ee787", "#116329"),
    "evidence": ("#d2a8ff", "#8250df"),
}


def variable(kind: str, name: str) -> str:
    """The theme variable name for a flag type or part, e.g. flag-passive-agency."""
    return f"{kind}-{name.replace('_', '-')}"


def theme_variables(dark: bool) -> dict[str, str]:
    """All palette variables for a dark or light theme."""
    pick = 0 if dark else 1
    out = {variable("flag", k): v[pick] for k, v in FLAG_COLOURS.items()}
    out.update({variable("part", k): v[pick] for k, v in PART_COLOURS.items()})
    return out


class PaletteVariables:
    """Mixin for an `App`: the flag and part colours as theme variables, following dark/light."""

    def get_theme_variable_defaults(self) -> dict[str, str]:
        try:
            dark = self.current_theme.dark
        except Exception:  # called once before the theme is set up
            dark = True
        return theme_variables(dark)
