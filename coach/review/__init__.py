"""Batch review for writing centres: many drafts, one analysis each, one report to hand on.

discover (which files) → batch (read, analyse once through `nlp.pipe`, in order, optionally in
several processes) → anonymize (optional) → outputs (terminal table, CSV, JSONL, HTML). Every
output works from `Report`s and plain rows; nothing here touches a spaCy `Doc` except the
entity extractor the batch hands to `coach.analysis.analyze_many`.
"""
