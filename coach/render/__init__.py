"""Views of a finished report: terminal text, Markdown/HTML exports, the sandboxed Jinja environment."""
