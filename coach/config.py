"""User settings: rules to disable and phrases to ignore, from the command line and a TOML file.

The file lives in the platform's config directory (`coach config --path` shows where):

    [rules]
    disable = ["hedge", "minimizing:narrow-margin"]   # a flag type or a rule id

    [ignore]
    phrases = ["kind of"]                              # exact flagged text, case-insensitive

Users of prose linters most want to silence one false positive without losing the whole rule,
hence phrases as well as rules.

The file is the user's: edits (`coach config --disable`, `i` in the app) go through tomlkit so
comments, order and unknown keys survive, and a file that cannot be parsed is never rewritten.
A broken or wrongly shaped file is reported and skipped (`load_settings_or_default`), never fatal:
a typo in a settings file must not keep a student from their draft.
"""
from __future__ import annotations

import difflib
import errno
import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from coach.render.visible import visible
from coach.report.findings import Finding
from coach.storage import atomic_write, private_dir

APP_NAME = "redflag-coach"
CONFIG_ENV = "COACH_CONFIG"
MAX_CONFIG_BYTES = 1 << 20


class ConfigError(ValueError):
    """The config file is unreadable, not valid TOML or has the wrong shape; the message names the file."""


def config_path() -> Path:
    """Where the user's config file lives (override with COACH_CONFIG)."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def normalize_phrase(phrase: str) -> str:
    """One spelling of a phrase for comparisons: runs of white space folded, case folded.

    Ignored phrases, dismissed findings and the app's "ignore" key all compare phrases this way.
    """
    return " ".join(phrase.split()).casefold()


@dataclass(frozen=True)
class Settings:
    """What to silence; `apply` drops matching findings."""

    disabled: frozenset[str] = field(default_factory=frozenset)
    ignored: frozenset[str] = field(default_factory=frozenset)

    def merged(self, disable: Iterable[str] = (), ignore: Iterable[str] = ()) -> Settings:
        """These settings plus command-line additions."""
        return Settings(self.disabled | set(disable), self.ignored | {normalize_phrase(p) for p in ignore})

    def silences(self, f: Finding) -> bool:
        return f.type in self.disabled or f.rule in self.disabled or normalize_phrase(f.text) in self.ignored

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        """Findings that survive the disabled rules and ignored phrases."""
        return [f for f in findings if not self.silences(f)]


def _where(path: Path) -> str:
    return visible(str(path))


def _read_text(path: Path) -> str | None:
    """The file's text, None when there is no file (or no folder it could be in)."""
    from coach.inputs import InputError, read_limited_bytes

    if not os.path.lexists(path):
        return None
    try:
        data = read_limited_bytes(path, MAX_CONFIG_BYTES)
    except InputError as e:
        if "no such file" in str(e):
            return None
        raise ConfigError(str(e)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ConfigError(f"{_where(path)}: not valid UTF-8 (byte {e.start}); save it as UTF-8") from None


def _str_list(table: object, key: str, where: str, section: str) -> list[str]:
    if table is None:
        return []
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: [{section}] must be a table (a [{section}] section), not {type(table).__name__}")
    value = table.get(key, [])
    if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        raise ConfigError(f"{where}: [{section}] {key} must be a list of strings")
    return list(value)


def _parse(text: str, path: Path) -> Settings:
    where = _where(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{where}: not valid TOML ({visible(str(e))})") from None
    rules = _str_list(data.get("rules"), "disable", where, "rules")
    phrases = _str_list(data.get("ignore"), "phrases", where, "ignore")
    return Settings(frozenset(rules), frozenset(normalize_phrase(p) for p in phrases))


def load_settings(path: Path | None = None) -> Settings:
    """Read the config file; a missing file (or config folder) means no settings.

    Raises `ConfigError` for a file that exists but cannot be used.
    """
    path = path or config_path()
    try:
        text = _read_text(path)
    except OSError as e:
        if e.errno in (errno.ENOENT, errno.ENOTDIR):
            return Settings()
        raise ConfigError(f"{_where(path)}: cannot read ({e.strerror or e})") from None
    return Settings() if text is None else _parse(text, path)


def load_settings_or_default(path: Path | None = None) -> tuple[Settings, str | None]:
    """Settings and None, or default settings and the one-line reason the file was skipped."""
    try:
        return load_settings(path), None
    except ConfigError as e:
        return Settings(), f"{e} — settings file ignored"


# -- rule ids ------------------------------------------------------------------------------------

def known_rule_names() -> set[str]:
    """Every name `--disable` accepts: rule ids, flag types and the model rules."""
    from coach.rules import all_rules
    from coach.vocab import FLAG_TYPES

    return {r.id for r in all_rules()} | {r.type for r in all_rules()} | set(FLAG_TYPES)


def check_rule_names(names: Iterable[str]) -> None:
    """Raise `ConfigError` naming the closest valid id for any unknown rule or type."""
    known = known_rule_names()
    for name in names:
        if name not in known:
            close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.5)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise ConfigError(f"unknown rule '{visible(name)}'{hint} (`coach rules` lists them)")


# -- writing (round-trip) ------------------------------------------------------------------------

def _sync_array(doc, section: str, key: str, wanted: set[str], existing_norm=lambda s: s) -> None:
    """Make doc[section][key] hold exactly `wanted`, keeping existing items' order and comments."""
    import tomlkit

    if section not in doc:
        doc[section] = tomlkit.table()
    table = doc[section]
    if key not in table:
        table[key] = tomlkit.array()
    arr = table[key]
    present = set()
    for i in reversed(range(len(arr))):
        item = str(arr[i])
        if existing_norm(item) not in wanted:
            del arr[i]
        else:
            present.add(existing_norm(item))
    for item in sorted(wanted - present):
        arr.append(item)


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Make the file say `settings`, preserving its comments, order and other keys.

    Raises `ConfigError` (and writes nothing) when the existing file cannot be parsed: rewriting
    it would lose whatever the user wrote. Raises OSError when it cannot be written.
    """
    import tomlkit

    path = path or config_path()
    text = _read_text(path)
    if text is None:
        doc = tomlkit.document()
        doc.add(tomlkit.comment("redflag-coach settings"))
    else:
        _parse(text, path)  # the shape must be right before anything is changed
        try:
            doc = tomlkit.parse(text)
        except Exception as e:  # tomlkit and tomllib disagree on some edge of the grammar
            raise ConfigError(f"{_where(path)}: not valid TOML ({e})") from None
    _sync_array(doc, "rules", "disable", set(settings.disabled))
    _sync_array(doc, "ignore", "phrases", set(settings.ignored), normalize_phrase)
    private_dir(path.parent)
    atomic_write(path, tomlkit.dumps(doc))
    return path


def edit_settings(*, disable: Iterable[str] = (), ignore: Iterable[str] = (),
                  unignore: Iterable[str] = (), path: Path | None = None) -> Settings:
    """Add (or remove) entries in the file as it is now, and return the resulting settings.

    A delta, not a snapshot: what the user added to the file meanwhile (by hand, or from another
    session) is kept. Raises `ConfigError` (nothing written) for a file that cannot be parsed.
    """
    path = path or config_path()
    current = load_settings(path)
    wanted = Settings(current.disabled | set(disable),
                      (current.ignored | {normalize_phrase(p) for p in ignore}) - {normalize_phrase(p) for p in unignore})
    if wanted != current or not os.path.lexists(path):
        save_settings(wanted, path)
    return wanted
