"""Every learner-facing message has its Japanese translation, with the same fields."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from grader.i18n import catalogue, tr
from tests.framework.conftest import ROOT

FIELD = re.compile(r"\{(\w+)")


def messages() -> dict[str, str]:
    """msgid -> where, for every tr("...") of the framework.

    (Suites write their own messages in both languages with `bilingual(ja=..., en=...)`.)
    """
    found: dict[str, str] = {}
    for folder in ("grader",):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                        and node.func.id in ("tr", "_") and node.args
                        and isinstance(node.args[0], ast.Constant)):
                    found.setdefault(node.args[0].value, f"{path.relative_to(ROOT)}:"
                                                         f"{node.lineno}")
    return found


def test_every_message_is_translated_with_the_same_fields():
    ja = catalogue("ja")
    missing = {msg: where for msg, where in messages().items() if msg not in ja}
    assert not missing, "add these msgids to grader/locale/ja.po:\n" + "\n".join(
        f"  {where}: {msg!r}" for msg, where in missing.items())
    for msg in messages():
        assert set(FIELD.findall(msg)) == set(FIELD.findall(ja[msg])), msg


def test_tr_gives_both_languages():
    text = tr("timed out after {s:g} s: an infinite loop, or far too slow", s=2.0)
    assert text["en"].startswith("timed out after 2 s")
    assert "2" in text["ja"] and text["ja"] != text["en"]


def test_the_catalogue_is_a_valid_po_file():
    po = Path(ROOT / "grader" / "locale" / "ja.po").read_text(encoding="utf-8")
    assert 'msgid ""' in po and "Content-Type: text/plain; charset=UTF-8" in po
