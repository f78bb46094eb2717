"""The Textual coaching app (`coach` with no arguments). Entry points live in `coach.tui.launch`.

Nothing here is imported by the analysis core: views depend on the core, never the reverse.
"""
