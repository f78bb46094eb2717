"""The one Jinja environment (coach.render.templating) and the rewrite templates, without spaCy."""
import re

import pytest
from jinja2 import UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from coach.render.templating import environment, first_existing, md_escape, render
from coach.vocab import COMPONENTS, KINDS, RED_FLAGS

INJECTIONS = ["{{ 7 * 7 }}", "{% for x in range(3) %}loop{% endfor %}", "<script>alert(1)</script>",
              "[bold]loud[/bold]", "{{ ''.__class__.__mro__ }}", "{# hidden #}"]


def parts(text="x"):
    return {p: {"source": "draft", "text": f"{p}: {text}"} for p in COMPONENTS}


def test_environment_is_sandboxed_and_strict():
    env = environment()
    assert isinstance(env, SandboxedEnvironment)
    with pytest.raises(UndefinedError):
        render("rewrite/statement.j2", kind="statement", red_flag=None)  # no parts
    with pytest.raises(SecurityError):
        env.from_string("{{ x.__class__.__mro__ }}").render(x=1)


def test_autoescape_only_for_html_templates():
    env = environment()
    assert env.autoescape("export/report.html.j2") is True
    assert env.autoescape("rewrite/statement.j2") is False
    assert env.autoescape("export/report.md.j2") is False


@pytest.mark.parametrize("payload", INJECTIONS)
def test_user_text_is_data_not_template_source(payload):
    out = render("rewrite/statement.j2", parts=parts(payload), kind="statement", red_flag=None)
    assert payload in out  # literally, unevaluated
    assert "49" not in out and "looploop" not in out


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("red_flag", [*RED_FLAGS, None])
def test_every_kind_and_red_flag_has_a_layout(kind, red_flag):
    name = first_existing(f"rewrite/{kind}/{red_flag}.j2", f"rewrite/{kind}.j2")
    out = render(name, parts=parts(), kind=kind, red_flag=red_flag)
    positions = [out.index(f"{p}: x") for p in COMPONENTS]
    assert positions == sorted(positions), "context → change → evidence"
    assert not re.search(r"\d", out.replace("x", "")), "layouts add no numbers"


@pytest.mark.parametrize("red_flag", [*RED_FLAGS, None])
@pytest.mark.parametrize("part", COMPONENTS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_placeholder_is_bracketed_and_fact_free(red_flag, part, kind):
    name = first_existing(f"rewrite/asks/{red_flag}.j2", "rewrite/asks/base.j2")
    ask = render(name, part=part, kind=kind).strip()
    assert re.fullmatch(r"\[[^\[\]]+\]", ask), ask
    assert not re.search(r"\d|step \w|level \w|usmle|comlex|january|june|2-ce", ask, re.I)


def test_placeholders_ask_for_what_the_red_flag_needs():
    def ask(flag, part):
        return render(f"rewrite/asks/{flag}.j2", part=part, kind="statement")

    assert "retake score" in ask("step1_fail", "evidence") and "practice-exam" in ask("step1_fail", "evidence")
    assert "since you returned" in ask("leave_of_absence", "evidence")
    assert "behaviour you changed" in ask("professionalism", "change")
    assert "supervisors" in ask("professionalism", "evidence")


@pytest.mark.parametrize("raw, expected", [
    ("*bold* _it_ [link](x)", r"\*bold\* \_it\_ \[link\](x)"),
    ("<script>&</script>", "&lt;script&gt;&amp;&lt;/script&gt;"),
    ("# heading\n- item\n3. third", "\\# heading\n\\- item\n3\\. third"),
    ("{{ x }} {% y %}", "{{ x }} {% y %}"),
])
def test_markdown_escaping(raw, expected):
    assert md_escape(raw) == expected
