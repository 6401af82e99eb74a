"""The solution-file format: every malformed file gets an error naming line, problem, fix."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from grader.build import environment, render_stub
from grader.solution import SolutionFormatError, parse_solution

HEADER = '''# /// exercise
# id = "demo"
# day = 1
# section = 1
# points = 4
# topic = { ja = "デモ", en = "demo" }
# title = { ja = "デモ", en = "Demo" }
# instructions = { ja = "埋める", en = "fill in" }
# hints = [{ ja = "一", en = "one" }, { ja = "二", en = "two" }]
#
# [[wrong]]
# blank = 1
# answer = "x - 1"
# why = { ja = "符号", en = "sign" }
# ///
'''
BODY = '''"""A demo: f adds one, g doubles."""

import numpy as np


def f(x):
    return x + 1  # BLANK: x + 1


def g(x):
    # BEGIN BLANK
    y = 2 * x
    # END BLANK
    return np.asarray(y)
'''


def write(tmp_path: Path, text: str, name: str = "demo.py") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_parses_both_blank_kinds(tmp_path):
    ex = parse_solution(write(tmp_path, HEADER + BODY))
    assert [(b.number, b.kind, b.answer) for b in ex.blanks] == [
        (1, "expression", "x + 1"), (2, "region", "y = 2 * x")]
    assert ex.wrong[0].answer == "x - 1" and ex.wrong[0].why["en"] == "sign"
    assert ex.hints[1] == {"ja": "二", "en": "two"}


def test_with_answers_replaces_one_blank_and_keeps_the_rest(tmp_path):
    ex = parse_solution(write(tmp_path, HEADER + BODY))
    src = ex.with_answers({1: "x - 1"})
    assert "return x - 1" in src and "y = 2 * x" in src and "BLANK" not in src
    src = ex.with_answers({2: "y = 3 * x\nz = y"})
    assert "    y = 3 * x\n    z = y\n" in src
    ast.parse(src)
    with pytest.raises(ValueError, match="no blank 3"):
        ex.with_answers({3: "1"})


def test_stub_is_valid_python_with_placeholders_and_no_answer(tmp_path, course):
    ex = parse_solution(write(tmp_path, HEADER + BODY))
    stub = render_stub(ex, environment(course))
    ast.parse(stub)
    assert "return _blank(1)" in stub and "    _blank(2)\n" in stub
    assert "x + 1" not in stub and "2 * x" not in stub
    assert "def _blank(number: int)" in stub and "not filled in yet" in stub
    assert "埋める" in stub and "fill in" in stub  # instructions on top, both languages


def test_stub_refuses_a_docstring_that_gives_the_answer_away(tmp_path, course):
    text = HEADER + BODY.replace('"""A demo: f adds one, g doubles."""',
                                 '"""A demo: y = 2 * x."""')
    ex = parse_solution(write(tmp_path, text))
    with pytest.raises(SolutionFormatError, match="gives away blank 2"):
        render_stub(ex, environment(course))


@pytest.mark.parametrize("mutate, problem", [
    (lambda t: t.replace("# /// exercise\n", ""), "does not start with the header block"),
    (lambda t: t.replace("# ///\n\"\"\"", "\"\"\""), "close the block"),
    (lambda t: t.replace('# day = 1', '# day = "one'), "not valid TOML"),
    (lambda t: t.replace('# id = "demo"', '# id = "other"'), "differs from the file name"),
    (lambda t: t.replace("    # END BLANK\n", ""), "never closed"),
    (lambda t: t.replace("    # BEGIN BLANK\n", ""), "without a '# BEGIN BLANK'"),
    (lambda t: t.replace("# BLANK: x + 1", "# BLANK: x + 2"), "occurs 0 times"),
    (lambda t: t.replace('# hints = [{ ja = "一", en = "one" }, ', '# hints = ['),
     "at least two hints"),
    (lambda t: t.replace("# blank = 1", "# blank = 5"), "names blank 5"),
    (lambda t: t.replace('# why = { ja = "符号", en = "sign" }', '# why = { en = "sign" }'),
     "must have both languages"),
    (lambda t: t.replace("    return x + 1  # BLANK: x + 1", "    return x +"),
     "not valid Python"),
    (lambda t: t.replace("# BLANK: x + 1", "").replace("    # BEGIN BLANK\n", "")
     .replace("    # END BLANK\n", ""), "marks no blank"),
    (lambda t: t.replace("# points = 4", "# points = 4\n# colour = 3"), "unknown header key"),
    (lambda t: t.replace("# points = 4", '# points = 4\n# requires = "sgd"'),
     "'requires' must be a list of exercise ids"),
    (lambda t: t.replace("# points = 4", '# points = 4\n# requires = ["sgd", "sgd"]'),
     "names an id twice"),
])
def test_malformed_files_name_the_problem_and_the_fix(tmp_path, mutate, problem):
    path = write(tmp_path, mutate(HEADER + BODY))
    with pytest.raises(SolutionFormatError) as err:
        parse_solution(path)
    assert problem in str(err.value)
    assert "fix:" in str(err.value) and str(path) in str(err.value)


def test_reserved_ids_collide_with_subcommands(tmp_path):
    path = write(tmp_path, (HEADER + BODY).replace('id = "demo"', 'id = "list"'), "list.py")
    with pytest.raises(SolutionFormatError, match="subcommand"):
        parse_solution(path)


def test_toml_error_points_at_the_file_line(tmp_path):
    path = write(tmp_path, (HEADER + BODY).replace('# section = 1', '# section = = 1'))
    with pytest.raises(SolutionFormatError) as err:
        parse_solution(path)
    assert err.value.line == 4


def test_every_course_solution_parses_and_its_stub_is_current(course):
    env = environment(course)
    for ex in course.exercises():
        stub = render_stub(ex, env)
        assert (course.exercises_dir / f"{ex.id}.py").read_text(encoding="utf-8") == stub, \
            f"exercises/{ex.id}.py is stale: run grader build"
        assert len(ex.wrong) >= 5 and len(ex.hints) >= 2


@pytest.mark.parametrize("requires, day, problem", [
    ('["later"]', 1, "which course.toml lists after it: move 'later' before 'demo'"),
    ('["nowhere"]', 1, "requires 'nowhere', which course.toml does not list"),
    ('["demo"]', 1, "requires itself"),
    ("[]", 2, "keep the exercises in Day order"),
])
def test_the_manifest_order_is_checked(tmp_path, requires, day, problem):
    from grader.course import CourseError, check_order

    demo = parse_solution(write(tmp_path, (HEADER + BODY).replace(
        "# points = 4", f"# points = 4\n# requires = {requires}").replace("day = 1",
                                                                         f"day = {day}")))
    later = parse_solution(write(tmp_path, (HEADER + BODY).replace('"demo"', '"later"'),
                                 "later.py"))
    with pytest.raises(CourseError, match=problem):
        check_order([demo, later] if day == 1 else [demo, later])


def test_requires_reaches_the_public_manifest(course):
    ex = next(e for e in course.exercises() if e.id == "backprop_two_layer")
    assert ex.meta()["requires"] == ["d_relu", "affine_backward"]


def test_a_bare_blank_marker_takes_the_value_of_its_line(tmp_path):
    body = BODY.replace("return x + 1  # BLANK: x + 1", "return x + 1  # BLANK").replace(
        "    # BEGIN BLANK\n    y = 2 * x\n    # END BLANK\n", "    y: float = 2 * x  # BLANK\n")
    ex = parse_solution(write(tmp_path, HEADER + body))
    assert [(b.kind, b.answer) for b in ex.blanks] == [("expression", "x + 1"),
                                                        ("expression", "2 * x")]
    assert "return x - 1\n" in ex.with_answers({1: "x - 1"})
    assert "    y: float = _blank(2)\n" in ex.with_answers({}, keep_others=False)


def test_a_bare_blank_marker_on_another_statement_names_the_fix(tmp_path):
    body = BODY.replace("return x + 1  # BLANK: x + 1", "print(x)  # BLANK\n    return x")
    with pytest.raises(SolutionFormatError, match="needs a line 'return EXPR'") as err:
        parse_solution(write(tmp_path, HEADER + body))
    assert "# BLANK: <the blank's text>" in str(err.value)
