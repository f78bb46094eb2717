"""The contract's exact import lines work: `from coach import analyze` and `from coach import rewrite`
give functions, not modules (a package named `rewrite` once shadowed the function)."""
import json


def test_contract_import_lines_give_callables(nlp):
    from coach import analyze, rewrite

    assert callable(analyze) and callable(rewrite)
    text = "I failed Step 1 in June 2023. I met a tutor weekly. I passed the retake in August with a 231."
    report = analyze(text, kind="auto", red_flag="auto", mspe=None).to_dict()
    assert report["schema"] == "coach.report/1"
    out = rewrite(text, kind="auto", red_flag="auto", mspe=None).to_dict()
    assert out["schema"] == "coach.rewrite/1"
    assert set(out["parts"]) == {"context", "change", "evidence"}
    json.dumps(out)
