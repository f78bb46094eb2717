"""The shipped JSON Schemas name the same closed vocabularies as coach/vocab.py."""
from __future__ import annotations

import json
from importlib.resources import files

from coach.vocab import FLAG_TYPES, KINDS, RED_FLAGS, SENTENCE_LABELS, SEVERITIES


def _schema(name: str) -> dict:
    return json.loads((files("coach.report") / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))


def test_report_schema_enums_follow_the_vocabulary():
    s = _schema("report")
    assert s["properties"]["kind"]["enum"] == list(KINDS)
    assert s["properties"]["red_flag"]["enum"] == [*RED_FLAGS, None]
    assert s["properties"]["sentences"]["items"]["properties"]["component"]["enum"] == list(SENTENCE_LABELS)
    assert s["$defs"]["flag"]["properties"]["type"]["enum"] == list(FLAG_TYPES)
    assert s["$defs"]["severity"]["enum"] == list(SEVERITIES)


def test_rewrite_schema_enums_follow_the_vocabulary():
    s = _schema("rewrite")
    assert s["properties"]["kind"]["enum"] == list(KINDS)
    assert s["properties"]["red_flag"]["enum"] == [*RED_FLAGS, None]
