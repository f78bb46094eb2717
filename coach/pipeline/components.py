"""spaCy factories that turn a parsed `Doc` into coach annotations.

`coach_sentence_classifier` labels each sentence context / change / evidence / other and decides
the kind and red flag; `coach_detectors` runs every detector and puts its hits in
`doc.spans["coach"]` (label = flag type, span id = rule id). Options for one call (the kind or
red flag the user chose) travel in `doc.user_data`, set by `coach.analysis` before the pipeline
runs; nothing here imports a view.

Both factories take `models_dir` in their spaCy config (null: the shipped models/, or the user's
COACH_MODELS_DIR), so a pipeline on freshly trained models is just another pipeline.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from coach.detectors import DETECTORS
from coach.detectors.context import DocContext, Hit
from coach.pipeline.classifier import COMPONENT_MODEL, DETECTOR_MODEL, ModelBundle, load_bundle
from coach.pipeline.decision import decide_components
from coach.pipeline.features import concrete_tokens, doc_features, lexicon_hits
from coach.pipeline.kinds import detect_kind
from coach.pipeline.red_flags import detect_red_flag
from coach.pipeline.sentences import sentence_locator, sentence_spans
from coach.rules import all_rules, lexicon
from coach.rules.patterns import token_patterns
from coach.rules.phrase import PhraseRules

SPAN_GROUP = "coach"
OPT_KIND = "coach_kind"
OPT_RED_FLAG = "coach_red_flag"


@dataclass(frozen=True)
class SentencePrediction:
    start: int  # character offsets
    end: int
    component: str
    confidence: float
    proba: dict[str, float]


def _ensure_extensions() -> None:
    for name, default in (("coach_sentences", None), ("coach_kind", None), ("coach_red_flag", None),
                          ("coach_presence", None), ("coach_features", None), ("coach_lexicon", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


@Language.factory(
    "coach_sentence_classifier",
    assigns=["doc._.coach_sentences", "doc._.coach_kind", "doc._.coach_red_flag", "doc._.coach_presence"],
    default_config={"models_dir": None},
)
def make_sentence_classifier(nlp: Language, name: str, models_dir: str | None) -> SentenceClassifier:
    return SentenceClassifier(models_dir)


class SentenceClassifier:
    """Labels sentences with the exported linear model (models/components.json)."""

    def __init__(self, models_dir: str | None = None) -> None:
        _ensure_extensions()
        self.models_dir = models_dir
        self.bundle: ModelBundle = load_bundle(COMPONENT_MODEL, models_dir)

    def __call__(self, doc: Doc) -> Doc:
        sents = sentence_spans(doc)
        detected = detect_kind(doc, sents)  # cheap; kept even when the user chose a kind, for eval
        kind = doc.user_data.get(OPT_KIND) or detected
        doc.user_data["coach_detected_kind"] = detected
        hits = lexicon_hits(doc)
        feats = doc_features(doc, kind, sents, hits=hits)
        probas = [self.bundle.model.predict_proba(f) for f in feats]
        labels, presence = decide_components(probas, self.bundle.settings)
        doc._.coach_sentences = [
            SentencePrediction(s.start_char, s.end_char, lab, round(p[lab], 4), p)
            for s, lab, p in zip(sents, labels, probas)
        ]
        doc._.coach_presence = presence
        doc._.coach_kind = kind
        given = doc.user_data.get(OPT_RED_FLAG)
        doc._.coach_red_flag = given or detect_red_flag(doc, sents, hits, self.models_dir)
        doc._.coach_features = feats
        doc._.coach_lexicon = hits
        return doc


@Language.factory("coach_detectors", assigns=["doc.spans"], default_config={"models_dir": None})
def make_detectors(nlp: Language, name: str, models_dir: str | None) -> Detectors:
    return Detectors(nlp, models_dir=models_dir)


class Detectors:
    """Runs every registered detector; hits land in `doc.spans["coach"]`."""

    def __init__(self, nlp: Language, use_model: bool = True, models_dir: str | None = None) -> None:
        _ensure_extensions()
        self.phrases = PhraseRules(nlp.vocab, [r for r in all_rules() if r.rule_kind == "phrase"])
        from coach.rules.engine import AnchoredMatcher

        self.ownership = AnchoredMatcher(nlp.vocab)
        self.ownership.add("own", token_patterns(lexicon("ownership")["patterns"]))
        self.bundle: ModelBundle | None = load_bundle(DETECTOR_MODEL, models_dir) if use_model else None

    def find(self, doc: Doc, sents: list[Span], kind: str, feats: list[dict] | None,
             hits: list[tuple[str, int, int]], parts_present: frozenset[str] = frozenset()) -> list[Hit]:
        """All detector hits for a doc; training calls this without a model to score the rules."""
        index = sentence_locator(sents)
        owned = {index(s) for _, s, _ in self.ownership(doc)}
        concrete = concrete_tokens(doc, hits)
        doc.user_data["coach_concrete"] = concrete
        specific = {index(i) for i in concrete}
        scores, thresholds = [], {}
        if self.bundle is not None:
            feats = feats if feats is not None else doc_features(doc, kind, sents, hits=hits)
            scores = [self.bundle.model.predict_proba(f) for f in feats]
            thresholds = self.bundle.settings.get("thresholds", {})
        ctx = DocContext(doc, sents, kind, self.phrases(doc), owned, scores, specific,
                         concrete, parts_present)
        out: list[Hit] = []
        for det in DETECTORS:
            out += det.detect(ctx, thresholds.get(det.TYPE))
        return out

    def __call__(self, doc: Doc) -> Doc:
        sents = sentence_spans(doc)
        hits_lex = doc._.coach_lexicon if doc._.coach_lexicon is not None else lexicon_hits(doc)
        presence = doc._.coach_presence or {}
        parts = frozenset(c for c, (present, _) in presence.items() if present)
        hits = self.find(doc, sents, doc._.coach_kind or "statement", doc._.coach_features, hits_lex, parts)
        doc.spans[SPAN_GROUP] = to_spans(doc, hits)
        doc.user_data["coach_details"] = {(h.start, h.end, h.rule): h.detail for h in hits if h.detail}
        return doc


def to_spans(doc: Doc, hits: list[Hit]) -> list[Span]:
    """One span per hit; overlapping hits of the same type merge into the longest one."""
    by_type: dict[str, list[Span]] = {}
    for h in hits:
        if h.end <= h.start:
            continue
        by_type.setdefault(h.type, []).append(Span(doc, h.start, h.end, label=h.type, span_id=h.rule))
    out = [s for spans in by_type.values() for s in filter_spans(spans)]
    return sorted(out, key=lambda s: (s.start, s.end, s.label_))
