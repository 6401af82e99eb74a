"""Learner-facing text in Japanese and English.

Messages are written in English in the code and translated through gettext: a translator
edits `grader/locale/ja.po` (`msgid` is the English text), `grader build` compiles it to
`grader/locale/ja/LC_MESSAGES/edrill.mo`, and that compiled catalogue is what is read here. `tr`
returns both languages at once, so a verdict can be rendered in either later; `pick`
chooses one. The language comes from `--lang`, else `EDRILL_LANG`, else the locale.
"""

from __future__ import annotations

import gettext
import locale
import os
import unicodedata
from functools import cache
from pathlib import Path

from grader.msgfmt import DOMAIN

LANGS = ("ja", "en")
Text = dict[str, str]
LOCALE_DIR = Path(__file__).parent / "locale"


@cache
def translation(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue `locale/<lang>/LC_MESSAGES/edrill.mo` (English: none needed)."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def tr(message: str, /, **params: object) -> Text:
    """The message in every language, with `{name}` fields filled from `params`."""
    out = {}
    for lang in LANGS:
        template = message if lang == "en" else translation(lang).gettext(message)
        values = {k: (pick(v, lang) if isinstance(v, dict) else v) for k, v in params.items()}
        out[lang] = template.format(**values)
    return out


def bilingual(*, ja: str, en: str, **params: object) -> Text:
    """Course content (a suite's own message) written in both languages at once."""
    return {"ja": ja.format(**params), "en": en.format(**params)}


def pick(value: Text | str, lang: str) -> str:
    if isinstance(value, str):
        return value
    return value.get(lang) or value.get("en") or next(iter(value.values()), "")


def join(*parts: Text | str | None, sep: Text | str = " ") -> Text:
    """Parts joined per language; None and empty parts are left out."""
    return {lang: pick(sep, lang).join(p for p in (pick(x, lang) for x in parts if x) if p)
            for lang in LANGS}


def default_lang() -> str:
    env = os.environ.get("EDRILL_LANG", "").strip().lower()
    if env in LANGS:
        return env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "ja" if loc.lower().startswith("ja") else "en"


def width(text: str) -> int:
    """Columns `text` takes in a terminal: East Asian wide and full-width characters take 2."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def ljust(text: str, columns: int) -> str:
    """`text` padded with spaces to `columns` terminal columns (Japanese counts double)."""
    return text + " " * max(0, columns - width(text))
