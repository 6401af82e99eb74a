"""`grade --html`: the student's feedback page, and the loss curves it shows.

The convergence checks' trainings run in the trusted process and track their loss per step
(grader.harness.curves); the check result carries the student's curve and, from the
recording `grader build` made on the solutions, the reference's. The page is checked in
headless Chromium: what it shows, that it needs nothing from outside, the language switch,
and a screenshot kept under EDRILL_ARTIFACTS.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np

from grader import gradepage, plots
from grader.harness import curves
from grader.i18n import bilingual
from grader.plugin import CURVE_SITE, CheckResult
from grader.reference import Recording
from grader.report import ExerciseReport, Report
from tests.framework.conftest import ROOT, run_cli

SOLUTIONS = ROOT / "solutions"


# ---------------------------------------------------------------------- the curves


def test_a_training_tracks_its_loss_only_inside_a_check():
    outside = curves.track("loss", ja="損失", en="loss")
    outside.append(1.0)  # nobody reads it: a control run or a plain call behaves the same
    with curves.collecting() as tracked:
        first = curves.track("loss", ja="損失", en="loss")
        second = curves.track("loss", ja="損失", en="loss")
        first += [3.0, 2.0]
        second.append(5.0)
        with curves.collecting() as inner:  # grader.verify's replay collects apart
            curves.track("loss", ja="損失", en="loss").append(7.0)
        assert [c.values for c in inner] == [[7.0]]
        curves.emit(inner)  # ... and hands them on once every claim is verified
    assert [(c.name, c.values) for c in tracked] == [("loss", [3.0, 2.0]), ("loss#1", [5.0]),
                                                    ("loss#2", [7.0])]
    assert curves.safe(lambda: 1 / 0) != curves.safe(lambda: 1 / 0)  # NaN: never raises


def test_a_long_curve_is_sampled_and_keeps_its_last_step():
    values = [float(k) for k in range(3001)]
    values[10] = math.inf
    out = curves.sampled(values)
    assert len(out["steps"]) <= curves.MAX_POINTS and out["steps"][0] == 0
    assert out["steps"][-1] == 3000 and out["values"][-1] == 3000.0
    short = curves.sampled([1.0, math.nan, 0.5])
    assert short == {"steps": [0, 1, 2], "values": [1.0, None, 0.5]}
    json.dumps(out, allow_nan=False)  # JSON-safe


def convergence_checks() -> dict[str, list[str]]:
    """exercise -> the names of its public suite's checks of kind C."""
    found = {}
    for suite in sorted((ROOT / "tests" / "suites").glob("test_*.py")):
        names = re.findall(r'@check\("C".*?\ndef (test_\w+)\(', suite.read_text(encoding="utf-8"),
                           flags=re.S)
        if names:
            found[suite.stem.removeprefix("test_")] = names
    return found


def test_every_convergence_check_has_the_reference_curve_recorded(course):
    checks = convergence_checks()
    assert len(checks) >= 12 and sum(map(len, checks.values())) >= 14
    for ex, names in checks.items():
        recording, _ = Recording.load(course.public_dir / "recorded" / f"{ex}.npz")
        for name in names:
            sites = [s for s in recording.entries if s.startswith(f"{name}::{CURVE_SITE}")]
            assert sites, f"{ex}: no reference curve for {name} (run `grader build`)"
            for site in sites:
                values = recording.entries[site][1]
                assert values.ndim == 1 and len(values) >= 100 and np.all(np.isfinite(values))
                assert values[-1] < values[0], (ex, site)  # the reference's training learns


# ---------------------------------------------------------------------- the page alone


def one_check_report(curve: dict, lang: str = "en") -> Report:
    check = CheckResult(name="test_c", title=bilingual(ja="収束", en="converges"), kind="C",
                        max_points=2, status="failed", message=bilingual(ja="遠い", en="far"),
                        curves=[curve])
    ex = ExerciseReport(id="momentum", title=bilingual(ja="モメンタム", en="Momentum"), day=2,
                        section=1, status="failed", max_score=2, checks=[check],
                        output="<script>alert(1)</script>")
    return Report(lang=lang, target="/ws", exercises=[ex], public_only=True)


def test_the_page_draws_a_diverging_run_and_says_when_no_reference_was_recorded():
    student = curves.sampled([4.0, 2.0, 50.0, math.inf, math.nan])
    html = gradepage.render(one_check_report(
        {"name": "loss", "title": bilingual(ja="損失", en="loss"), "log": True,
         "student": student, "reference": None}))
    assert 'data-broke-at="3"' in html and "diverged at step 3" in html
    assert 'data-reference="false"' in html and "not in this workspace" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert "<link" not in html and "src=" not in html  # nothing to fetch


def test_a_flat_or_zero_curve_still_gets_an_axis():
    env = gradepage.environment()
    for values in ([0.0, 0.0, 0.0], [2.0, 2.0], [1.0, 0.0]):
        svg = plots.lines(env, [plots.Series("student", bilingual(ja="a", en="a"), "#000",
                                             list(range(len(values))), values)],
                          title=bilingual(ja="t", en="t"), x_label=bilingual(ja="x", en="x"),
                          y_label=bilingual(ja="y", en="y"))
        assert "nan" not in svg.lower() and "<polyline" in svg


# ---------------------------------------------------------------------- grade --html

PROBES = {
    "lang": "document.documentElement.dataset.lang",
    "ja_shown": "getComputedStyle(document.querySelector('h1 .ja')).display",
    "en_shown": "getComputedStyle(document.querySelector('h1 .en')).display",
    "exercises": "[...document.querySelectorAll('section.exercise')]"
                 ".map(s => [s.id, s.dataset.status])",
    "plots": "[...document.querySelectorAll('figure.curve')].map(f => {"
             " const svg = f.querySelector('svg'); const r = svg.getBoundingClientRect();"
             " const row = f.closest('tr');"
             " return [row.closest('section').id, row.dataset.name, f.dataset.reference,"
             "  svg.querySelectorAll('g.student polyline').length,"
             "  svg.querySelectorAll('g.reference polyline').length,"
             "  Math.round(r.width), Math.round(r.height), svg.dataset.log]; })",
    "momentum_failure": "[...document.querySelectorAll('#ex-momentum tr.check.failed')]"
                        ".map(r => r.innerText)",
    "summary": "document.querySelector('.cards').innerText",
    "switched": "(document.querySelector('[data-set-lang=en]').click(),"
                " [document.documentElement.dataset.lang,"
                "  getComputedStyle(document.querySelector('h1 .en')).display,"
                "  getComputedStyle(document.querySelector('h1 .ja')).display,"
                "  document.querySelector('h1').innerText])",
    "back": "(document.querySelector('[data-set-lang=ja]').click(),"
            " document.querySelector('h1').innerText)",
}


def answer(workspace: Path) -> None:
    """sgd right; momentum with half the momentum (too slow for the narrow valley);
    gradient_clipping that never clips (the RNN's loss explodes); q_learning left unfilled."""
    (workspace / "sgd.py").write_text((SOLUTIONS / "sgd.py").read_text(encoding="utf-8")
                                      + "\nprint('<b>hello</b>')\n", encoding="utf-8")
    momentum = (SOLUTIONS / "momentum.py").read_text(encoding="utf-8")
    wrong = momentum.replace("v[key] = momentum * v[key] - lr * grad",
                             "v[key] = 0.5 * momentum * v[key] - lr * grad")
    assert wrong != momentum
    (workspace / "momentum.py").write_text(wrong, encoding="utf-8")
    clipping = (SOLUTIONS / "gradient_clipping.py").read_text(encoding="utf-8")
    wrong = clipping.replace("return grad * rate", "return grad")
    assert wrong != clipping
    (workspace / "gradient_clipping.py").write_text(wrong, encoding="utf-8")


def test_the_feedback_page_in_headless_chromium(workspace, chromium):
    answer(workspace)
    proc = run_cli("grade", "sgd", "momentum", "gradient_clipping", "q_learning", "--json",
                   "--html", "--lang", "ja", cwd=workspace)
    assert proc.returncode == 1, proc.stderr
    page_file = workspace / gradepage.FILE_NAME
    assert proc.stderr.strip() == f"フィードバックのページ: {page_file.as_uri()}"
    report = json.loads(proc.stdout)  # stdout stays pure JSON
    checks = {(e["id"], c["name"]): c for e in report["exercises"] for c in e["checks"]}

    # the JSON report carries both curves of each convergence check
    valley = checks[("momentum", "test_beats_sgd_in_narrow_valley")]
    assert valley["status"] == "failed"
    (curve,) = valley["curves"]
    assert curve["name"] == "loss" and curve["title"] == "損失 f(params)"
    assert len(curve["student"]["values"]) == len(curve["reference"]["values"]) == 201
    assert curve["student"]["values"][0] == curve["reference"]["values"][0]  # same start
    assert curve["reference"]["values"][-1] < 1e-6 < curve["student"]["values"][-1]
    exploding = checks[("gradient_clipping", "test_exploding_rnn_trains")]
    assert exploding["status"] == "failed"
    student = exploding["curves"][0]["student"]["values"]
    reference = exploding["curves"][0]["reference"]["values"]
    assert len(student) < 10 and student[-1] > 1e6 * student[0]  # it stopped: diverged
    assert len(reference) == 200 and reference[-1] < 1e-2 * reference[0]
    assert checks[("sgd", "test_converges")]["status"] == "passed"
    assert all("curves" not in c for c in checks.values() if c["kind"] != "C")

    page = chromium.render(page_file, "grade-feedback-page", probes=PROBES)
    p = page.probes
    assert page.screenshot.is_file() and page.screenshot.stat().st_size > 20_000
    assert page.requests_elsewhere == [] and page.errors == [], (page.requests, page.errors)
    assert p["lang"] == "ja" and p["ja_shown"] != "none" and p["en_shown"] == "none"
    assert p["exercises"] == [["ex-sgd", "passed"], ["ex-momentum", "failed"],
                              ["ex-gradient_clipping", "failed"], ["ex-q_learning", "unfilled"]]
    plotted = {(ex, name): rest for ex, name, *rest in p["plots"]}
    assert set(plotted) == {("ex-sgd", "test_converges"),
                            ("ex-momentum", "test_converges_on_quadratic"),
                            ("ex-momentum", "test_beats_sgd_in_narrow_valley"),
                            ("ex-gradient_clipping", "test_exploding_rnn_trains"),
                            ("ex-q_learning", "test_chain_reaches_q_star")}
    for (ex, name), (has_ref, own, ref, width, height, log) in plotted.items():
        assert has_ref == "true" and ref == 1, (ex, name)
        assert width > 500 and height > 250 and log == "true", (ex, name)
        assert own == 1, (ex, name)  # unfilled q_learning: the one step it took, a dot
    failure = "\n".join(p["momentum_failure"])
    assert "期待値:" in failure and "実際:" in failure and "[ 1.005, -2.39 ]" in failure
    passed = sum(c["status"] == "passed" for c in checks.values())
    assert p["summary"].split() == [
        f"1/{report['total']}", "合格した問題", f"{report['score']}/{report['max_score']}",
        "得点", f"{passed}/{len(checks)}", "合格したチェック"], p["summary"]
    # the language switch, and back (the screenshot is taken in Japanese)
    assert p["switched"][:3] == ["en", "inline", "none"]
    assert p["switched"][3] == "edrill — your results" and p["back"] == "edrill — 採点結果"
    # the student's output is text, not markup
    assert "&lt;b&gt;hello&lt;/b&gt;" in page.dom


def test_a_page_path_it_cannot_take_is_a_usage_error(workspace, tmp_path):
    proc = run_cli("grade", "sgd", "--html", str(tmp_path / "nowhere" / "page.html"),
                   cwd=workspace)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "nowhere does not exist" in proc.stderr
    folder = tmp_path / "pages"
    folder.mkdir()
    proc = run_cli("grade", "sgd", "--html", str(folder), cwd=workspace)
    assert proc.returncode == 1  # the stub is not filled in; the page is written all the same
    assert (folder / gradepage.FILE_NAME).is_file()
    assert f"Feedback page: {(folder / gradepage.FILE_NAME).as_uri()}" in proc.stdout
