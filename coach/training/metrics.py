"""Precision, recall, F1 and accuracy for boolean labels; one definition for train and eval."""
from __future__ import annotations


def prf(gold: list[bool], pred: list[bool]) -> dict:
    """Scores for one label; an empty denominator scores 0 rather than raising."""
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum(p and not g for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0
    return {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
            "accuracy": round(acc, 4), "support": sum(gold), "n": len(gold)}
