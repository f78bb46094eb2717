"""User settings: rules to disable and phrases to ignore, from the command line and a TOML file.

The file lives in the platform's config directory (`coach config --path` shows where):

    [rules]
    disable = ["hedge", "minimizing:narrow-margin"]   # a flag type or a rule id

    [ignore]
    phrases = ["kind of"]                              # exact flagged text, case-insensitive

Users of prose linters most want to silence one false positive without losing the whole rule,
hence phrases as well as rules.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from coach.report.findings import Finding
from coach.storage import atomic_write

APP_NAME = "redflag-coach"
CONFIG_ENV = "COACH_CONFIG"


class ConfigError(ValueError):
    """The config file is not valid TOML or has the wrong shape; the message names the file."""


def config_path() -> Path:
    """Where the user's config file lives (override with COACH_CONFIG)."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def _norm(phrase: str) -> str:
    return " ".join(phrase.split()).casefold()


@dataclass(frozen=True)
class Settings:
    """What to silence; `apply` drops matching findings."""

    disabled: frozenset[str] = field(default_factory=frozenset)
    ignored: frozenset[str] = field(default_factory=frozenset)

    def merged(self, disable: Iterable[str] = (), ignore: Iterable[str] = ()) -> "Settings":
        """These settings plus command-line additions."""
        return Settings(self.disabled | set(disable), self.ignored | {_norm(p) for p in ignore})

    def silences(self, f: Finding) -> bool:
        return f.type in self.disabled or f.rule in self.disabled or _norm(f.text) in self.ignored

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        """Findings that survive the disabled rules and ignored phrases."""
        return [f for f in findings if not self.silences(f)]


def load_settings(path: Path | None = None) -> Settings:
    """Read the config file; a missing file means no settings."""
    path = path or config_path()
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        return Settings()
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: {e}") from None
    rules = data.get("rules", {}).get("disable", [])
    phrases = data.get("ignore", {}).get("phrases", [])
    if not (isinstance(rules, list) and all(isinstance(r, str) for r in rules)):
        raise ConfigError(f"{path}: [rules] disable must be a list of strings")
    if not (isinstance(phrases, list) and all(isinstance(p, str) for p in phrases)):
        raise ConfigError(f"{path}: [ignore] phrases must be a list of strings")
    return Settings(frozenset(rules), frozenset(_norm(p) for p in phrases))


def _toml_list(items: Iterable[str]) -> str:
    import json

    return "[" + ", ".join(json.dumps(i, ensure_ascii=False) for i in sorted(items)) + "]"


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the config atomically with owner-only permissions (it can reveal draft phrases)."""
    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    body = (
        "# redflag-coach settings\n[rules]\n"
        f"disable = {_toml_list(settings.disabled)}\n\n[ignore]\n"
        f"phrases = {_toml_list(settings.ignored)}\n"
    )
    atomic_write(path, body)
    return path
