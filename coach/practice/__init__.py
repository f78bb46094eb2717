"""Practice sessions: rehearse the interview questions about a red flag and keep a history.

Headless (no Textual): `bank` (the questions as data), `rounds` (follow-up choice and scoring on
the one analysis), `consistency` (the answer against statement, MSPE and earlier answers),
`store` (the SQLite history) and `cli` (`coach practice`, `coach history`). The screens live in
`coach/tui/practice*.py`.
"""
