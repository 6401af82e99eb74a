"""Every learner-facing message has its Japanese translation, with the same fields."""

from __future__ import annotations

import ast
import gettext
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from grader.i18n import LOCALE_DIR, tr
from grader.msgfmt import PoError, compile_catalogues, mo_bytes, mo_path, read_po
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
    ja = read_po(LOCALE_DIR / "ja.po")
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


def test_the_shipped_mo_is_compiled_from_the_po():
    assert not compile_catalogues(LOCALE_DIR, check=True), "run `grader build`"
    with mo_path(LOCALE_DIR, "ja").open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    for msgid, msgstr in read_po(LOCALE_DIR / "ja.po").items():
        if msgid:
            assert compiled.gettext(msgid) == msgstr


def test_gnu_msgfmt_reads_the_po_as_we_do(tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get("CI") == "true":
            pytest.fail("msgfmt (apt: gettext) is missing in CI")
        pytest.skip("GNU msgfmt is not installed (apt-get install gettext)")
    out = tmp_path / "ja.mo"
    subprocess.run([msgfmt, "--check", "-o", out, LOCALE_DIR / "ja.po"], check=True)
    with out.open("rb") as f:
        theirs = gettext.GNUTranslations(f)
    for msgid, msgstr in read_po(LOCALE_DIR / "ja.po").items():
        if msgid:
            assert theirs.gettext(msgid) == msgstr


def test_mo_round_trip_and_fuzzy_entries(tmp_path):
    po = tmp_path / "xx.po"
    po.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "a"\nmsgstr "あ"\n\n#, fuzzy\nmsgid "b"\nmsgstr "び"\n\n'
                  'msgid "c"\nmsgstr ""\n', encoding="utf-8")
    entries = read_po(po)
    assert entries.keys() == {"", "a"}
    (tmp_path / "xx.mo").write_bytes(mo_bytes(entries))
    with (tmp_path / "xx.mo").open("rb") as f:
        assert gettext.GNUTranslations(f).gettext("a") == "あ"


def test_a_malformed_po_names_the_line(tmp_path):
    po = tmp_path / "xx.po"
    po.write_text('msgid "a"\nmsgstr "unterminated\n', encoding="utf-8")
    with pytest.raises(PoError, match=r"xx.po:2: a malformed string"):
        read_po(po)
