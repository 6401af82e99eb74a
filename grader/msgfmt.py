"""Gettext catalogues: read a `.po` source, write the compiled `.mo` the package ships.

A translator edits `grader/locale/<lang>.po`; `grader build` compiles it to
`grader/locale/<lang>/LC_MESSAGES/edrill.mo`, which `grader.i18n` reads with the standard
`gettext` module (`build --check` fails when the `.mo` is older than its source). The writer
follows the GNU MO layout: a header, two tables of (length, offset) pairs for the sorted
msgids and their msgstrs, then the NUL-terminated strings. Fuzzy entries and empty
translations are left out, as `msgfmt` does.
"""

from __future__ import annotations

import ast
import struct
from pathlib import Path

DOMAIN = "edrill"
MAGIC = 0x950412DE


class PoError(ValueError):
    """A `.po` file that cannot be read; the message names the line and the fix."""


def read_po(path: Path) -> dict[str, str]:
    """msgid -> msgstr of a `.po` file, the header entry (msgid "") included."""
    entries: dict[str, str] = {}
    fuzzy = False
    key: str | None = None
    parts: dict[str, list[str]] = {}

    def flush() -> None:
        nonlocal fuzzy, key
        if "msgid" in parts and "msgstr" in parts:
            msgid, msgstr = "".join(parts["msgid"]), "".join(parts["msgstr"])
            if msgstr and not (fuzzy and msgid):
                entries[msgid] = msgstr
        elif parts:
            raise PoError(f"{path}: an entry without msgstr before line {number}: "
                          "give every msgid a msgstr line")
        parts.clear()
        fuzzy, key = False, None

    number = 0
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        try:
            if line.startswith("#,") and "fuzzy" in line:
                flush()
                fuzzy = True
            elif line.startswith("msgid "):
                if "msgid" in parts:
                    flush()
                key = "msgid"
                parts[key] = [ast.literal_eval(line[6:])]
            elif line.startswith("msgstr "):
                if "msgid" not in parts:
                    raise PoError(f"{path}:{number}: msgstr without a msgid before it")
                key = "msgstr"
                parts[key] = [ast.literal_eval(line[7:])]
            elif line.startswith('"'):
                if key is None:
                    raise PoError(f"{path}:{number}: a string outside an entry")
                parts[key].append(ast.literal_eval(line))
            elif not line or line.startswith("#"):
                if not line:
                    flush()
            else:
                raise PoError(f"{path}:{number}: cannot read {line[:40]!r}: expected msgid, "
                              "msgstr, a quoted string, a comment or a blank line")
        except (SyntaxError, ValueError) as exc:
            if isinstance(exc, PoError):
                raise
            raise PoError(f"{path}:{number}: a malformed string ({exc}): "
                          "quote it like a C string, \"...\"") from None
    flush()
    return entries


def mo_bytes(entries: dict[str, str]) -> bytes:
    """The GNU MO file of `entries` (msgids sorted, as gettext's binary search needs)."""
    ids = sorted(entries)
    keys = [i.encode("utf-8") for i in ids]
    values = [entries[i].encode("utf-8") for i in ids]
    n = len(ids)
    header_size = 7 * 4
    ids_table = header_size
    strs_table = ids_table + n * 8
    data = strs_table + n * 8
    key_offsets, offset = [], data
    for k in keys:
        key_offsets.append((len(k), offset))
        offset += len(k) + 1
    value_offsets = []
    for v in values:
        value_offsets.append((len(v), offset))
        offset += len(v) + 1
    out = [struct.pack("<7I", MAGIC, 0, n, ids_table, strs_table, 0, 0)]
    out += [struct.pack("<2I", *pair) for pair in key_offsets + value_offsets]
    out += [k + b"\0" for k in keys] + [v + b"\0" for v in values]
    return b"".join(out)


def mo_path(locale_dir: Path, lang: str) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def compile_catalogues(locale_dir: Path, check: bool = False) -> list[Path]:
    """Compile every `<lang>.po` of `locale_dir`; the `.mo` files written (or stale, with check)."""
    changed = []
    for po in sorted(locale_dir.glob("*.po")):
        target = mo_path(locale_dir, po.stem)
        compiled = mo_bytes(read_po(po))
        if target.exists() and target.read_bytes() == compiled:
            continue
        changed.append(target)
        if not check:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".mo.tmp")
            tmp.write_bytes(compiled)
            tmp.replace(target)
    return changed
