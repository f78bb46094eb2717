"""`coach train`: rebuild every artifact in `models/` from `corpus/`, deterministically.

Steps: parse the corpus with the bare spaCy pipeline; featurise every labelled sentence with
`coach.pipeline.features` (the same code inference uses); choose the regularisation by grouped 5-fold
cross-validation (a draft's sentences never straddle folds); tune the per-class decision biases
and the learned-detector thresholds on the out-of-fold predictions; refit on everything; export
plain JSON (no pickle); write `metrics.json` and the model card. Fixed seeds and sorted inputs
make the same corpus give the same bytes.
"""
from __future__ import annotations

import hashlib
import json
import platform
from dataclasses import dataclass
from pathlib import Path

from coach.pipeline.classifier import COMPONENT_MODEL, DETECTOR_MODEL, MODEL_FORMAT
from coach.pipeline.decision import decide_components
from coach.pipeline.red_flags import MODEL_FILE as RED_FLAG_MODEL
from coach.resources import corpus_dir, models_dir
from coach.training.corpus import Corpus, corpus_files, load
from coach.training.metrics import prf
from coach.vocab import COMPONENTS, SENTENCE_LABELS

SEED = 13
FOLDS = 5
C_GRID = (0.1, 0.3, 1.0, 3.0)
BIAS_GRID = tuple(x / 4 for x in range(-8, 9))
# Part floors are fixed, not tuned: the corpus labels a mixed sentence by its most important claim
# (evidence > change > context), so its draft-level labels never show a change or context hidden
# inside an evidence sentence, and tuning on them would always switch the floor off. A quarter —
# the chance level over the four sentence classes — means "at least as likely as not-a-guess".
PART_FLOORS = {"context": 0.25, "change": 0.25}
DETECTOR_TYPES = ("vague", "blame")
THRESHOLD_GRID = tuple(x / 20 for x in range(6, 20))
DECIMALS = 6
SKIP_SPECIFIC = {"vague"}
F1_TOLERANCE = 0.01


def _is_specific(feats: dict) -> bool:
    """The training-time twin of DocContext.specific_sents: a number, date or named resource."""
    return any(k in feats for k in ("has_num", "has_date", "lex=resource"))


def _model_may_fire(flag_type: str, feats: dict) -> bool:
    """The run-time conditions on the learned detectors (coach/detectors/phrase_based.py, blame.py):
    never on a question, vague never on a sentence with concrete detail, blame only where someone
    else is named."""
    from coach.pipeline.features import has_outside_agent

    if "question" in feats:
        return False
    if flag_type in SKIP_SPECIFIC and _is_specific(feats):
        return False
    return flag_type != "blame" or has_outside_agent(feats)


@dataclass
class Example:
    feats: dict[str, float]
    label: str
    group: str  # draft id (or sentence id), for grouped CV
    spans: frozenset[str]  # span types inside this sentence
    draft: int | None  # index into corpus.drafts, None for stand-alone sentences


def featurise(corpus: Corpus, nlp) -> tuple[list[Example], list]:
    """Examples for every corpus sentence plus the parsed draft docs (for rule scoring)."""
    from coach.pipeline.features import lexicon_hits, sentence_features

    examples: list[Example] = []
    docs = list(nlp.pipe([d.text for d in corpus.drafts], batch_size=32))
    for di, (draft, doc) in enumerate(zip(corpus.drafts, docs)):
        hits = lexicon_hits(doc)
        n = len(draft.sentences)
        for i, s in enumerate(draft.sentences):
            span = doc.char_span(s.start, s.end, alignment_mode="expand")
            types = frozenset(sp.type for sp in draft.spans if sp.start >= s.start and sp.end <= s.end + 1)
            examples.append(Example(sentence_features(span, index=i, n_sents=n, kind=draft.kind, hits=hits),
                                    s.label, draft.id, types, di))
    sent_docs = nlp.pipe([s.text for s in corpus.sentences], batch_size=64)
    for item, doc in zip(corpus.sentences, sent_docs):
        feats = sentence_features(doc[:], index=None, n_sents=1, kind=item.kind, hits=lexicon_hits(doc))
        examples.append(Example(feats, item.label, item.id, frozenset(sp.type for sp in item.spans), None))
    return examples, docs


def _folds(examples: list[Example], y: list[str]):
    from sklearn.model_selection import StratifiedGroupKFold

    cv = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    return list(cv.split([0] * len(y), y, [e.group for e in examples]))


def _fit(X, y, C):
    """One logistic regression; classes are balanced because evidence and blame are rare."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=3000, class_weight="balanced", random_state=SEED).fit(X, y)


def _oof_multiclass(X, y, folds, C):
    import numpy as np

    proba = np.zeros((len(y), len(SENTENCE_LABELS)))
    for tr, te in folds:
        m = _fit(X[tr], [y[i] for i in tr], C)
        order = [list(m.classes_).index(c) for c in SENTENCE_LABELS]
        proba[te] = m.predict_proba(X[te])[:, order]
    return proba


def _draft_probas(examples, proba) -> dict[int, list[dict[str, float]]]:
    """Per draft: its sentences' probabilities as dicts, in order — exactly what inference sees."""
    per: dict[int, list[dict[str, float]]] = {}
    for e, row in zip(examples, proba):
        if e.draft is not None:
            per.setdefault(e.draft, []).append(dict(zip(SENTENCE_LABELS, (float(x) for x in row))))
    return per


def _doc_presence(per: dict[int, list[dict[str, float]]], settings: dict, n_drafts: int) -> list[set[str]]:
    """Per draft: the parts present, by the same decision inference uses (coach.pipeline.decision)."""
    found: list[set[str]] = [set() for _ in range(n_drafts)]
    for d, rows in per.items():
        _, presence = decide_components(rows, settings)
        found[d] = {c for c, (present, _) in presence.items() if present}
    return found


def _tune_decision(per, gold_docs) -> tuple[dict, float]:
    """Coordinate ascent on per-class log-prob biases, with the fixed part floors in place,
    maximising mean document-level F1."""
    settings: dict = {"bias": {c: 0.0 for c in SENTENCE_LABELS}, "floor": dict(PART_FLOORS)}

    def score(trial):
        found = _doc_presence(per, trial, len(gold_docs))
        return sum(prf([g[c] for g in gold_docs], [c in f for f in found])["f1"] for c in COMPONENTS) / 3

    best = score(settings)
    for _ in range(3):
        for c in COMPONENTS:
            for v in BIAS_GRID:
                trial = {**settings, "bias": dict(settings["bias"], **{c: v})}
                s = score(trial)
                if s > best + 1e-9:
                    best, settings = s, trial
    return settings, best


def _train_components(examples, X, y, folds, gold_docs, c_grid, log):
    """Sentence components: C by out-of-fold macro F1, then document biases on the same folds."""
    import numpy as np

    best = None
    for C in c_grid:
        proba = _oof_multiclass(X, y, folds, C)
        pred = [SENTENCE_LABELS[i] for i in proba.argmax(axis=1)]
        macro = np.mean([prf([t == c for t in y], [p == c for p in pred])["f1"] for c in SENTENCE_LABELS])
        log(f"  components C={C}: out-of-fold macro F1 {macro:.3f}")
        if best is None or macro > best[0] + 1e-9:
            best = (macro, C, proba)
    _, C, proba = best
    per = _draft_probas(examples, proba)
    decision, _ = _tune_decision(per, gold_docs)
    pred = [SENTENCE_LABELS[i] for i in proba.argmax(axis=1)]
    sentence_metrics = {c: prf([t == c for t in y], [p == c for p in pred]) for c in SENTENCE_LABELS}
    found = _doc_presence(per, decision, len(gold_docs))
    doc_metrics = {c: prf([g[c] for g in gold_docs], [c in f for f in found]) for c in COMPONENTS}
    return _fit(X, y, C), C, decision, sentence_metrics, doc_metrics


def _rule_flags(corpus: Corpus, docs: list, nlp) -> list[dict[str, set[int]]]:
    """Per draft: flag type → indices of the labelled sentences where the rules alone fire.

    Passive agency counts as vague (the labels treat agency-hiding passives as evasive).
    """
    from coach.pipeline.components import Detectors
    from coach.pipeline.features import lexicon_hits
    from coach.pipeline.sentences import sentence_spans

    rules_only = Detectors(nlp, use_model=False)
    out = []
    for draft, doc in zip(corpus.drafts, docs):
        parts = frozenset(c for c in COMPONENTS if draft.gold[c])  # stands in for the classifier
        where: dict[str, set[int]] = {}
        for h in rules_only.find(doc, sentence_spans(doc), draft.kind, None, lexicon_hits(doc), parts):
            char = doc[h.start].idx
            i = next((k for k, s in enumerate(draft.sentences) if s.start <= char < s.end + 1), None)
            if i is not None:
                where.setdefault("vague" if h.type == "passive_agency" else h.type, set()).add(i)
        out.append(where)
    return out


def _train_detectors(corpus: Corpus, rule_sents: list[dict[str, set[int]]], examples, X, folds, c_grid, log):
    """Binary sentence models backing up the vague and blame rules.

    Thresholds are tuned on out-of-fold predictions to maximise the mean of the draft-level F1 and
    the sentence-level F1 of rules plus model, so the detector is rewarded for flagging every bad
    sentence, not only one per draft.
    """
    import numpy as np

    gold_docs = [d.gold for d in corpus.drafts]
    first = {}  # draft index → index of its first example, to map examples to sentence numbers
    for k, e in enumerate(examples):
        if e.draft is not None:
            first.setdefault(e.draft, k)
    models, thresholds, chosen_C, metrics = {}, {}, {}, {}
    for t in DETECTOR_TYPES:
        yt = np.array([t in e.spans for e in examples])
        gold = [g[t] for g in gold_docs]
        rule_pred = [bool(r.get(t)) for r in rule_sents]
        in_draft = [k for k, e in enumerate(examples) if e.draft is not None]
        rule_sent = [(k - first[examples[k].draft]) in rule_sents[examples[k].draft].get(t, ()) for k in in_draft]
        sent_gold = [bool(yt[k]) for k in in_draft]
        candidates = []
        for C in c_grid:
            oof = np.zeros(len(yt))
            for tr, te in folds:
                oof[te] = _fit(X[tr], yt[tr], C).predict_proba(X[te])[:, 1]
            for th in THRESHOLD_GRID:
                fires = [oof[k] >= th and _model_may_fire(t, examples[k].feats) for k in in_draft]
                model_docs = [False] * len(gold)
                for k, f in zip(in_draft, fires):
                    model_docs[examples[k].draft] |= bool(f)
                combined = [a or b for a, b in zip(rule_pred, model_docs)]
                sent_pred = [a or b for a, b in zip(rule_sent, fires)]
                # Every bad sentence matters, not one per draft: the objective weighs the
                # sentence-level F1 (each labelled phrase's sentence) as much as the draft-level one.
                score = (prf(gold, combined)["f1"] + prf(sent_gold, sent_pred)["f1"]) / 2
                candidates.append((score, C, th, combined))
        # Within F1_TOLERANCE of the best, take the highest threshold: users forgive a missed
        # flag more readily than a wrong one.
        top = max(c[0] for c in candidates)
        best = max((c for c in candidates if c[0] >= top - F1_TOLERANCE), key=lambda c: (c[2], c[0], -c[1]))
        _, C, th, combined = best
        f1 = prf(gold, combined)["f1"]
        rules_f1 = prf(gold, rule_pred)["f1"]
        thresholds[t] = th
        chosen_C[t] = C
        metrics[t] = {"rules_only": prf(gold, rule_pred),
                      "rules_and_model": prf(gold, combined if thresholds[t] else rule_pred)}
        models[t] = _fit(X, yt, C)
        log(f"  detector {t}: rules F1 {rules_f1:.3f}, rules+model F1 {f1:.3f} (C={C}, threshold={th})")
    return models, thresholds, chosen_C, metrics


def batch_of(group: str) -> str:
    """The corpus batch (one author's brief) an example comes from: `b12-007` → `b12`."""
    return group.split("-", 1)[0]


def _leave_one_batch_out(examples, X, y, gold_docs, rule_sents, C, decision, det_C, thresholds, log) -> dict:
    """Document-label F1 with one author's batch held out at a time, settings fixed as chosen.

    Random folds mix an author's drafts into training and test, so they flatter the model; holding
    out a whole batch asks what happens on a writer the model has never seen, which is the
    situation of every real user.
    """
    import numpy as np
    from sklearn.model_selection import LeaveOneGroupOut

    groups = [batch_of(e.group) for e in examples]
    if len(set(groups)) < 2:
        return {}
    folds = list(LeaveOneGroupOut().split(X, y, groups))
    proba = _oof_multiclass(X, y, folds, C)
    found = _doc_presence(_draft_probas(examples, proba), decision, len(gold_docs))
    out = {c: prf([g[c] for g in gold_docs], [c in f for f in found]) for c in COMPONENTS}
    for t in DETECTOR_TYPES:
        yt = np.array([t in e.spans for e in examples])
        oof = np.zeros(len(yt))
        for tr, te in folds:
            oof[te] = _fit(X[tr], yt[tr], det_C[t]).predict_proba(X[te])[:, 1]
        pred = [bool(r.get(t)) for r in rule_sents]
        for k, e in enumerate(examples):
            if e.draft is None or thresholds.get(t) is None or oof[k] < thresholds[t]:
                continue
            if not _model_may_fire(t, e.feats):
                continue
            pred[e.draft] = True
        out[t] = prf([g[t] for g in gold_docs], pred)
    log("  leave-one-batch-out F1: " + "  ".join(f"{k} {m['f1']:.3f}" for k, m in out.items()))
    return {"batches": len(set(groups)), "document": out}


def _export(coef, intercept, names, classes, binary=False) -> dict:
    """Fitted linear weights as the JSON `LinearModel` format (zero weights dropped)."""
    weights = {}
    for j, name in enumerate(names):
        col = [round(float(coef[k, j]), DECIMALS) for k in range(coef.shape[0])]
        if any(col):
            weights[str(name)] = col
    return {
        "classes": [str(c) for c in classes],
        "intercept": [round(float(x), DECIMALS) for x in intercept],
        "weights": dict(sorted(weights.items())),
        "binary": binary,
    }


def corpus_checksum(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def _versions() -> dict:
    import sklearn
    import spacy

    return {"python": platform.python_version(), "spacy": spacy.__version__, "scikit-learn": sklearn.__version__}


def train(corpus_root: Path | None = None, out_dir: Path | None = None, dev: Path | list[Path] | None = None, log=print,
          c_grid: tuple[float, ...] = C_GRID) -> dict:
    """Rebuild `models/` (or `out_dir`) from the corpus; returns the metrics written.

    `c_grid` is the regularisation search; tests pass a single value to stay quick.
    """
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer

    from coach.pipeline.nlp import load_base

    corpus_root = corpus_root or corpus_dir()
    out_dir = out_dir or models_dir()
    paths = corpus_files(corpus_root)
    corpus = load(paths)
    log(f"corpus: {len(corpus.drafts)} drafts, {len(corpus.sentences)} stand-alone sentences")
    nlp = load_base()
    examples, docs = featurise(corpus, nlp)
    y = [e.label for e in examples]
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform([e.feats for e in examples])
    folds = _folds(examples, y)
    gold_docs = [d.gold for d in corpus.drafts]

    comp_model, C, decision, sentence_metrics, doc_metrics = _train_components(examples, X, y, folds, gold_docs, c_grid, log)
    rule_sents = _rule_flags(corpus, docs, nlp)
    det_models, thresholds, det_C, det_metrics = _train_detectors(corpus, rule_sents, examples, X, folds, c_grid, log)
    lobo = _leave_one_batch_out(examples, X, y, gold_docs, rule_sents, C, decision, det_C, thresholds, log)
    names = vec.get_feature_names_out()
    comp_json = _export(comp_model.coef_, comp_model.intercept_, names, comp_model.classes_)
    det_json = _export(np.vstack([det_models[t].coef_ for t in DETECTOR_TYPES]),
                       np.concatenate([det_models[t].intercept_ for t in DETECTOR_TYPES]),
                       names, DETECTOR_TYPES, binary=True)
    rf_json, rf_metrics = _train_red_flags(corpus, docs, c_grid, log)
    checksum = corpus_checksum(paths)
    meta = {"corpus_sha256": checksum, "seed": SEED, "versions": _versions()}
    out_dir.mkdir(parents=True, exist_ok=True)
    _write_json(out_dir / COMPONENT_MODEL, {"format": MODEL_FORMAT, "model": comp_json, "settings": {**decision, "C": C}, "meta": meta})
    _write_json(out_dir / DETECTOR_MODEL, {"format": MODEL_FORMAT, "model": det_json, "settings": {"thresholds": thresholds, "C": det_C}, "meta": meta})
    _write_json(out_dir / RED_FLAG_MODEL, {"format": MODEL_FORMAT, "model": rf_json, "settings": {}, "meta": meta})
    metrics = {
        "corpus": {"drafts": len(corpus.drafts), "sentences": len(examples), "sha256": checksum},
        "cv": {"folds": FOLDS, "sentence": sentence_metrics, "document": doc_metrics, "detectors": det_metrics,
               "red_flag": rf_metrics},
        "leave_one_batch_out": lobo,
        "settings": {"C": C, "bias": decision["bias"], "floor": decision["floor"], "detector_thresholds": thresholds},
        "versions": _versions(),
    }
    if dev:
        metrics["dev"] = {Path(d).name: evaluate_with_models(Path(d), out_dir)
                          for d in ([dev] if isinstance(dev, (str, Path)) else dev)}
    _write_json(out_dir / "metrics.json", metrics)
    from coach.training.model_card import write_model_card

    write_model_card(out_dir / "README.md", metrics)
    log(f"wrote {out_dir}/ ({COMPONENT_MODEL}, {DETECTOR_MODEL}, metrics.json, README.md)")
    return metrics


def _train_red_flags(corpus: Corpus, docs: list, c_grid, log) -> tuple[dict, dict]:
    """A multinomial model for the red-flag type of a whole draft; CV accuracy picks C."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.model_selection import StratifiedKFold

    from coach.pipeline.features import lexicon_hits
    from coach.pipeline.red_flags import lexicon_vote, red_flag_features
    from coach.pipeline.sentences import sentence_spans

    feats = [red_flag_features(doc, sentence_spans(doc), lexicon_hits(doc)) for doc in docs]
    y = np.array([d.red_flag for d in corpus.drafts])
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(feats)
    folds = list(StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED).split(X, y))
    best = None
    for C in c_grid:
        pred = np.empty(len(y), dtype=object)
        for tr, te in folds:
            pred[te] = _fit(X[tr], y[tr], C).predict(X[te])
        acc = float(np.mean(pred == y))
        if best is None or acc > best[0] + 1e-9:
            best = (acc, C)
    acc, C = best
    lex_acc = float(np.mean([lexicon_vote(f) == t for f, t in zip(feats, y)]))
    log(f"  red flag: lexicon vote accuracy {lex_acc:.3f}, model out-of-fold accuracy {acc:.3f} (C={C})")
    model = _fit(X, y, C)
    return _export(model.coef_, model.intercept_, vec.get_feature_names_out(), model.classes_), {"accuracy": round(acc, 4), "lexicon_only_accuracy": round(lex_acc, 4),
                                                 "C": C, "n": len(y)}


def evaluate_with_models(dev: Path, out_dir: Path) -> dict:
    """Dev-set figures for freshly written models (measured only; never used for fitting).

    The models in `out_dir` get a pipeline of their own (the folder is in the coach components'
    spaCy config), so the process environment is never touched.
    """
    from coach.training.evaluate import evaluate_file

    clear_model_cache()  # the files in out_dir were just rewritten
    return evaluate_file(dev, models_dir=out_dir)


def clear_model_cache() -> None:
    """Forget loaded models and pipelines so the next analysis reads the fresh files."""
    from coach.pipeline import nlp as nlp_mod
    from coach.pipeline import red_flags
    from coach.pipeline.classifier import load_bundle

    load_bundle.cache_clear()
    red_flags._model.cache_clear()  # noqa: SLF001 - the package's own cache, emptied after a retrain
    nlp_mod._cache.clear()  # noqa: SLF001 - likewise: pipelines built on the old model files


def _write_json(path: Path, data: dict) -> None:
    from coach.storage import atomic_write

    atomic_write(path, json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    path.chmod(0o644)  # models are shipped artifacts, not private data
