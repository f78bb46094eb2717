"""Detector behaviour beyond the rule examples: explanatory role, ownership, offsets."""
import pytest


def types(report):
    return {f.type for f in report.flags}


def rules(report, type_):
    return [f for f in report.flags if f.type == type_]


class TestVague:
    def test_fires_on_personal_matters_not_on_bare_word(self, analyze):
        assert rules(analyze("I had some personal issues during dedicated."), "vague")
        assert not rules(analyze("Personal statements are hard to write, and I rewrote mine twice with my advisor."), "vague")

    def test_effort_claim_is_vague_only_without_a_concrete_change(self, analyze):
        alone = analyze("I failed Step 1 in May. I worked harder than ever and passed in August.")
        assert rules(alone, "vague")
        with_change = analyze("I failed Step 1 in May. I worked harder, and I switched to forty timed "
                              "UWorld questions every morning with a tutor on Fridays. I passed in August with a 229.")
        assert not [f for f in rules(with_change, "vague") if f.rule == "vague:unspecified-changes"]

    def test_withheld_reasons(self, analyze):
        assert rules(analyze("I would rather keep the details private, but it affected my studying."), "vague")


class TestBlame:
    @pytest.mark.parametrize("text", [
        "My school never prepared us for the format of the exam.",
        "The course director was unwilling to help students who were struggling.",
        "Honestly, the exam was unfair and full of obscure questions.",
        "The attending had it out for me from the first day.",
    ])
    def test_outside_agent_without_ownership(self, analyze, text):
        assert rules(analyze(text), "blame"), text

    @pytest.mark.parametrize("text", [
        "My father's dialysis took three mornings a week, and I did not adjust my schedule; that was my decision.",
        "The exam was hard, but that's on me: I had never taken a full practice test.",
        "It wasn't the school's fault or anyone else's. I chose to keep going without a break.",
        "My advisor helped me build a six-week schedule with two practice exams.",
        "My schedule was unrealistic, and I never sat for a timed practice exam.",
    ])
    def test_hardship_with_ownership_is_not_blame(self, analyze, text):
        assert not rules(analyze(text), "blame"), text

    @pytest.mark.parametrize("text", [
        "Honestly programs hate vague answers, so I want this one to be specific.",
        "Interviewers aren't going to ask about my health, I think.",
        "I'm hoping the committee sees the trend more than the one score.",
    ])
    def test_talk_about_the_readers_is_not_blame(self, analyze, text):
        assert not rules(analyze(text), "blame"), text

    @pytest.mark.parametrize("text", [
        "The program refused to move my exam, even with a doctor's note.",
        "Honestly the PD just hates me and nothing I do is good enough.",
    ])
    def test_the_same_noun_in_the_past_or_about_me_still_blames(self, analyze, text):
        assert rules(analyze(text), "blame"), text

    def test_informal_noun_fail_is_not_an_accusation(self, analyze):
        assert not rules(analyze("Not sure I'm competitive for surgery with a course fail on my record."), "blame")

    def test_blame_span_is_the_accusing_clause(self, analyze):
        text = "I failed the shelf. The clerkship director never told us what the shelf would cover."
        f = rules(analyze(text), "blame")[0]
        assert "never told us" in f.text and f.text.startswith("The clerkship director")


class TestLearnedDetectors:
    @pytest.mark.parametrize("text", [
        "Is it ok to not say anything about outcomes?",
        "should I take the last line out or is it fine since its true?",
        "Do programs even care about a remediated course if everything else is honors?",
    ])
    def test_questions_to_the_reader_get_no_model_flag(self, analyze, text):
        assert not [f for f in analyze(text).flags if f.rule.startswith("model:")], text

    def test_personal_statement_is_one_term(self, nlp):
        from coach.pipeline.features import sentence_features

        sent = next(nlp("My personal statement is too long.").sents)
        f = sentence_features(sent, index=None, n_sents=1, kind="statement", hits=[])
        assert "w=personal_statement" in f and "w=personal" not in f

    def test_question_feature_marks_only_questions(self, nlp):
        from coach.pipeline.features import is_question

        doc = nlp("I failed the shelf in May. Is this too long?")
        assert [is_question(s) for s in doc.sents] == [False, True]
        tagged = nlp("It was just kind of a rough season, you know?")
        assert not any(is_question(s) for s in tagged.sents)


class TestOthers:
    def test_minimizing_margin(self, analyze):
        assert rules(analyze("I failed by only a couple of points, so it was not a big deal."), "minimizing")

    def test_only_in_innocent_role(self, analyze):
        assert not rules(analyze("Only my learning specialist knew how far behind I was, and we met weekly."), "minimizing")

    def test_hedge_about_own_result(self, analyze):
        assert rules(analyze("I think I kind of got better at timing."), "hedge")

    def test_neutral_passive_is_fine(self, analyze):
        r = analyze("I was diagnosed with Crohn's disease in October and was assigned to a lighter rotation.")
        assert "passive_agency" not in types(r)

    def test_agentless_passive_about_the_problem(self, analyze):
        r = analyze("Concerns were raised about my notes, and a plan was put in place.")
        assert len(rules(r, "passive_agency")) == 2

    def test_oversharing(self, analyze):
        assert rules(analyze("My whole world collapsed and I was on 40 mg of a new medication."), "oversharing")


class TestLength:
    def test_statement_too_many_sentences(self, analyze):
        text = " ".join(["I failed Step 1 in 2023."] * 6)
        f = rules(analyze(text, kind="statement"), "length")[0]
        assert "6 sentences" in f.message
        assert text[f.start:f.end] == f.text

    def test_eras_over_750(self, analyze):
        text = "I passed the retake with a 230 after switching to timed blocks. " * 14
        r = analyze(text.strip(), kind="eras")
        f = rules(r, "length")[0]
        assert f.severity == "error" and len(text.strip()[:f.start].rstrip()) <= 750 < f.end

    def test_interview_timing(self, analyze):
        r = analyze("So I failed the shelf. I retook it and passed.", kind="interview")
        assert "words, about" in rules(r, "length")[0].message


def test_every_offset_matches(analyze, fixture_text):
    for name in ("strong-statement.txt", "vague-statement.txt", "blame-interview.txt", "markup.txt"):
        text = fixture_text(name)
        for f in analyze(text).flags:
            assert text[f.start:f.end] == f.text
