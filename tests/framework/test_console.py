"""Japanese Windows consoles: `grade` in cp932 (PYTHONIOENCODING=cp932, strict) prints
readable stand-ins for what cp932 cannot encode, never a UnicodeEncodeError; UTF-8 as is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from grader.console import STAND_INS, safe, stand_in

ROOT = Path(__file__).resolve().parents[2]


def run_grade(*args: str, cwd: Path, encoding: str) -> tuple[int, str, str]:
    env = dict(os.environ, PYTHONIOENCODING=encoding, EDRILL_LANG="ja")
    proc = subprocess.run([sys.executable, "-m", "grader.cli.grade", *args], cwd=cwd,
                          capture_output=True, timeout=300, env=env)
    # every byte is valid in the console's encoding (strict decoding would raise)
    return proc.returncode, proc.stdout.decode(encoding), proc.stderr.decode(encoding)


def fill(workspace: Path, ex_id: str, old: str, new: str) -> None:
    path = workspace / f"{ex_id}.py"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_stand_ins_are_what_cp932_can_show():
    for char, candidates in STAND_INS.items():
        assert candidates[-1].isascii(), char
        shown = stand_in(char, "cp932")
        shown.encode("cp932")
        assert stand_in(char, "ascii").isascii()
    assert safe("✔ ✘ … · ≤ x² ≈", "cp932") == "○ × … ・ ≦ x^2 ≒"
    assert safe("✔ ✘ …", "utf-8") == "✔ ✘ …"
    assert safe("✔ 合格", "ascii") == "OK ??"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_grade_in_a_cp932_console(workspace: Path, lang: str):
    fill(workspace, "conv_output_size", "return _blank(1)", "return (H + 2 * P - FH) / S + 1")
    code, out, err = run_grade("conv_output_size", "sigmoid", "softmax", "-v", "--lang", lang,
                               cwd=workspace, encoding="cp932")
    assert code == 1, err
    assert "Traceback" not in err and "UnicodeEncodeError" not in err and not err.strip()
    assert "× conv_output_size" in out and "… sigmoid" in out
    assert ("期待値: 3  (int)" if lang == "ja" else "expected: 3  (int)") in out
    assert "✘" not in out and "?" not in out.replace("?)", "")
    code, out, err = run_grade("--json", "conv_output_size", cwd=workspace, encoding="cp932")


    assert json.loads(out)["exercises"][0]["status"] == "failed"
    for args in (["list"], ["--help"], ["hint", "conv_output_size"],
                 ["quiz", "--topic", "gru_update", "--kind", "code", "--count", "1",
                  "--seed", "1", "--answers", "D"]):
        code, out, err = run_grade(*args, "--lang", lang, cwd=workspace, encoding="cp932")
        assert code == 0, (args, err)
        assert "Traceback" not in err and out.strip(), args


def test_utf8_terminals_get_the_real_marks(workspace: Path):
    fill(workspace, "conv_output_size", "return _blank(1)", "return (H + 2 * P - FH) // S + 1")
    code, out, err = run_grade("conv_output_size", "sigmoid", cwd=workspace, encoding="utf-8")
    assert code == 1, err
    assert "✔ conv_output_size" in out and "… sigmoid" in out and "·" in out
