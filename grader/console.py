"""Output any console can show: UTF-8 terminals as they are, cp932 (Windows Japanese) and
other narrow encodings with readable stand-ins, never a UnicodeEncodeError.

A Windows console with Python 3.6+ writes Unicode, but output redirected to a file or a
pipe, `PYTHONIOENCODING=cp932`, an old IDE's console or a `chcp 932` legacy stdio encodes
in cp932, which has no ✔ ✘ ⏱ · — ² ≈ …. `install` sets the error handler "edrill" on
stdout and stderr: each character the stream's encoding cannot encode becomes the first
stand-in it can encode (✔ → ○ and ✘ → × as a Japanese marker would write them, · → ・,
≤ → ≦, ² → ^2, ...), else "?". Text the encoding can show is never changed.
"""

from __future__ import annotations

import codecs
import sys

HANDLER = "edrill"

# character -> stand-ins, best first; the last one is ASCII
STAND_INS: dict[str, tuple[str, ...]] = {
    "✔": ("○", "OK"), "✘": ("×", "x"), "⏱": ("×", "T"), "…": ("…", "..."),
    "·": ("・", "-"), "—": ("―", "-"), "–": ("-",), "→": ("→", "->"), "←": ("←", "<-"),
    "↔": ("⇔", "<->"), "─": ("─", "-"), "²": ("^2",), "³": ("^3",), "⁴": ("^4",),
    "ᵀ": ("^T",), "≈": ("≒", "~="), "≤": ("≦", "<="), "≥": ("≧", ">="), "½": ("1/2",),
    "⊙": ("*",), "⋯": ("…", "..."), "«": ("≪", "<<"), "»": ("≫", ">>"), "⏎": ("[Enter]",),
    "⌊": ("floor(",), "⌋": (")",), "ᾱ": ("α_bar", "alpha_bar"), "\u0302": ("^",),
    "\u0303": ("~",), "（": ("(",), "）": (")",), "×": ("×", "x"), "○": ("○", "o"),
}


def _encodable(text: str, encoding: str) -> bool:
    try:
        codecs.encode(text, encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def stand_in(char: str, encoding: str) -> str:
    for candidate in STAND_INS.get(char, ()):
        if _encodable(candidate, encoding):
            return candidate
    return "?"


def _handler(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeEncodeError):
        raise err
    text = err.object[err.start:err.end]
    return "".join(stand_in(c, err.encoding) for c in text), err.end


def register() -> None:
    try:
        codecs.lookup_error(HANDLER)
    except LookupError:
        codecs.register_error(HANDLER, _handler)


def install(streams=None) -> None:
    """Set the "edrill" error handler on stdout and stderr (as far as they allow)."""
    register()
    for stream in streams if streams is not None else (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors=HANDLER)
        except (AttributeError, ValueError):
            pass


def safe(text: str, encoding: str | None) -> str:
    """`text` as it would appear on a stream of `encoding` (for writers without streams)."""
    if not encoding or _encodable(text, encoding):
        return text
    register()
    return codecs.encode(text, encoding, HANDLER).decode(encoding)
