"""Rule kind `dependency`: logic over the parse where word lists alone fail.

Two rules use it. `blame:outside-agent`: an outside agent (school, proctor, exam, resident…) is the
grammatical subject of a negative predicate ("was unfair", "refused", "never prepared us"), and it
is not the student's own ("my schedule was unrealistic" is ownership, not blame).
`passive:hidden-agent`: a passive clause about the problem ("concerns were raised", "a plan was
put in place") with no "by" agent. Word lists come from the rule's data file.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from coach.rules import Rule, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@lru_cache(maxsize=1)
def _ownership() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(own nouns, own possessives, person subjects) from lexicons/ownership.toml."""
    lex = lexicon("ownership")
    return frozenset(lex["own_nouns"]), frozenset(lex["own_possessives"]), frozenset(lex["person_subjects"])


def _clause_bounds(subject: Token, predicate: Token, sent: Span) -> tuple[int, int]:
    """Token range from the subject phrase to the end of the predicate's clause, inside the sentence.

    Subordinate clauses that hang off the predicate are kept (they carry the accusation, e.g.
    "...who were struggling"), but coordinated independent clauses are cut at the conjunction.
    """
    start = subject.left_edge.i
    end = predicate.i + 1
    for child in predicate.rights:
        if child.dep_ in ("conj", "cc") and child.pos_ in ("VERB", "AUX", "CCONJ"):
            break
        if child.dep_ == "punct" and child.i > predicate.i:
            if child.text in {",", ";", ":", "—", "–"}:
                break
            continue
        end = max(end, child.right_edge.i + 1)
    start = max(start, sent.start)
    end = min(end, sent.end)
    while end > start + 1 and sent.doc[end - 1].is_punct:
        end -= 1
    return start, end


def _is_own(token: Token) -> bool:
    """True for "my schedule", "our plan" — the student's own doing, so not an outside agent.

    The nouns a student owns and the possessives that make them theirs are data
    (lexicons/ownership.toml): "my school" or "my advisor" stay outside agents.
    """
    own_nouns, possessives, _ = _ownership()
    return token.lemma_.lower() in own_nouns and any(
        c.dep_ == "poss" and c.lower_ in possessives for c in token.children)


@lru_cache(maxsize=1)
def _audience() -> frozenset[str]:
    """The application's readers (lexicons/features.toml `[words] audience`)."""
    return frozenset(lexicon("features")["words"]["audience"])


def _past(verb: Token) -> bool:
    """Whether a clause is told in the past tense ("refused", "was unfair", "had ignored")."""
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def is_audience(token: Token) -> bool:
    """True for the readers of the application spoken of in the present or future tense
    ("programs hate vague answers", "hoping PDs see the trend").

    A student talking about who will read the draft is not blaming anyone for the red flag. The
    same noun in a past-tense clause or with a possessive ("my program never told us") is the
    student's school, and stays an outside agent.
    """
    if token.lemma_.lower() not in _audience() and token.lower_ not in _audience():
        return False
    _, possessives, _ = _ownership()
    if any(c.dep_ == "poss" and c.lower_ in possessives for c in token.children):
        return False
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    # "the PD hates me", "programs don't let us retake": about the student, so an agent after all.
    if any(c.dep_ in ("dobj", "dative", "pobj") and c.lower_ in ("me", "us") for c in verb.subtree):
        return False
    return not _past(verb)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in {"never", "nobody"} for c in verb.children)


def names_outside_agent(sent: Span, agents: frozenset[str]) -> bool:
    """Whether a sentence names someone other than the student: one of `agents` (not the
    student's own "my schedule"), or a person or organisation name.

    Blame needs somebody or something to carry the cause; a sentence that names nobody else
    ("a misunderstanding arose", "I didn't know how to make a schedule") cannot shift it. The
    application's readers in the present tense ("programs hate vague answers") do not count.
    """
    for tok in sent:
        if is_audience(tok):
            continue
        if tok.ent_type_ in ("PERSON", "ORG"):
            return True
        if (tok.lemma_.lower() in agents or tok.lower_ in agents) and not _is_own(tok):
            return True
    return False


def blame_hits(sent: Span, rule: Rule) -> list[tuple[int, int]]:
    """Token ranges in one sentence where an outside agent is the subject of a negative predicate."""
    agents = set(rule.params.get("agents", ()))
    preds = set(rule.params.get("predicates", ()))
    neg_preds = set(rule.params.get("negated_predicates", ()))
    person_subjects = _ownership()[2]
    out = []
    for tok in sent:
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        lemma = tok.lemma_.lower()
        if lemma not in agents and tok.lower_ not in agents:
            continue
        if _is_own(tok) or tok.lower_ in person_subjects and lemma not in agents or is_audience(tok):
            continue
        head = tok.head
        if head.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in head.children):
            # A bare verb after a subject is a mis-parsed noun: "after the shelf fail", "with a
            # course fail" (a finite verb would be "fails"/"failed", or carry a helper).
            continue
        # The accusation sits on the verb, on a copula's complement, or on a negated helping verb.
        candidates = [head] + [c for c in head.children if c.dep_ in ("acomp", "attr", "xcomp", "oprd", "advmod")]
        candidates += [g for c in head.children if c.dep_ == "xcomp" for g in c.children if g.dep_ == "dobj"]
        accusing = any(c.lemma_.lower() in preds or c.lower_ in preds for c in candidates)
        if not accusing and head.lemma_.lower() in neg_preds and _negated(head):
            accusing = True
        if not accusing and any(c.dep_ == "xcomp" and c.lemma_.lower() in neg_preds for c in head.children) and _negated(head):
            accusing = True
        if accusing:
            out.append(_clause_bounds(tok, head, sent))
    return out


def passive_hits(sent: Span, rule: Rule) -> list[tuple[int, int]]:
    """Token ranges of agentless passives about the problem in one sentence."""
    subjects = set(rule.params.get("subjects", ()))
    expletive_verbs = set(rule.params.get("expletive_verbs", ()))
    out = []
    for tok in sent:
        if tok.dep_ != "nsubjpass":
            continue
        verb = tok.head
        if any(c.dep_ == "agent" for c in verb.children):
            continue
        lemma = tok.lemma_.lower()
        if lemma in subjects and not _is_own(tok) or tok.lower_ == "it" and verb.lemma_.lower() in expletive_verbs:
            out.append(_clause_bounds(tok, verb, sent))
    return out
