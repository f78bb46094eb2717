"""The one Jinja environment: sandboxed, strict, loading only the shipped `templates/`.

User text (the draft, the MSPE, findings) reaches templates as *data* only, never as template
source, so a draft containing `{{ }}` or `{% %}` comes out literally. The sandbox keeps a
template from reaching Python internals even if a template file were edited carelessly;
`StrictUndefined` makes a missing field fail loudly instead of printing nothing. Templates whose
name ends in `.html.j2` autoescape; text and Markdown templates do not, and Markdown escapes its
own special characters with the `md` filter.
"""
from __future__ import annotations

import re
from functools import lru_cache

from jinja2 import FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.sandbox import SandboxedEnvironment

from coach.resources import templates_dir

_MD_INLINE = re.compile(r"([\\`*_\[\]|~])")
_MD_LINE_START = re.compile(r"^(\s*)(?:([#+=-])|(\d+)([.)]))", re.M)


def md_escape(value: object) -> str:
    """Escape Markdown syntax (and raw HTML) so user text renders as the words it is.

    Inline markers (`*`, `_`, `[`, a backtick …) are backslash-escaped everywhere; block markers
    (`#`, `>`, `-`, `1.`) only where they would start a line. `<` and `&` become entities, since
    Markdown passes raw HTML through.
    """
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    return _MD_LINE_START.sub(
        lambda m: m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4)), text)


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    """The shared environment (built once; templates are cached by Jinja)."""
    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(templates_dir())),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html.j2", "html"), default_for_string=False, default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
    )
    env.filters["md"] = md_escape
    return env


def render(name: str, **data) -> str:
    """Render the template `name` (a path under `templates/`) with plain data."""
    return environment().get_template(name).render(**data)


def first_existing(*names: str) -> str:
    """The first of several template names that exists (for per-red-flag specialisations)."""
    return environment().select_template(list(names)).name
