"""Compile locale/*/LC_MESSAGES/*.po to .mo beside them, in Python: no GNU gettext needed on a
new machine or in the Docker image. Handles what our catalogues use: msgctxt, msgid, msgstr, plural
entries (msgid_plural, msgstr[N]) and strings continued over several lines."""

import ast
import re
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLURAL_FORM = re.compile(r"msgstr\[\d+\]")


def parse(text):
    """{(context or None, msgid): msgstr} from a .po file's text; the header is msgid "".

    A plural entry is keyed as the .mo format keys it: msgid and msgid_plural joined by NUL,
    its msgstr[0], msgstr[1], … joined by NUL; with any form empty it counts as untranslated."""
    entries, entry, field = {}, {}, None

    def finish():
        forms = sorted(
            (key for key in entry if key.startswith("msgstr[")), key=lambda k: int(k[7:-1])
        )
        if "msgid_plural" in entry and forms:
            values = [entry[key] for key in forms]
            msgid = entry["msgid"] + "\0" + entry["msgid_plural"]
            entries[(entry.get("msgctxt"), msgid)] = "\0".join(values) if all(values) else ""
        elif "msgid" in entry and "msgstr" in entry:
            entries[(entry.get("msgctxt"), entry["msgid"])] = entry["msgstr"]
        entry.clear()

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid"):
            if any(key.startswith("msgstr") for key in entry):
                finish()
            field = keyword
            entry[field] = _string(rest, number)
        elif keyword == "msgid_plural" or PLURAL_FORM.fullmatch(keyword):
            field = keyword
            entry[field] = _string(rest, number)
        elif keyword == "msgstr":
            field = "msgstr"
            entry[field] = _string(rest, number)
        elif line.startswith('"') and field:
            entry[field] += _string(line, number)
        else:
            raise ValueError(f"line {number}: cannot read {raw!r}")
    finish()
    return entries


def _string(quoted, number):
    if not (quoted.startswith('"') and quoted.endswith('"')):
        raise ValueError(f"line {number}: expected a quoted string, got {quoted!r}")
    return ast.literal_eval(quoted)


def mo_bytes(entries):
    """The GNU .mo format: a header, then the sorted originals and translations."""
    keyed = {
        (f"{context}\x04{msgid}" if context else msgid).encode(): msgstr.encode()
        for (context, msgid), msgstr in entries.items()
        if msgstr
    }
    ids = sorted(keyed)
    count = len(ids)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    data_at = translations_at + count * 8
    offsets, data = [], b""
    for key in ids:
        offsets.append((len(key), data_at + len(data)))
        data += key + b"\0"
    translation_offsets = []
    for key in ids:
        translation_offsets.append((len(keyed[key]), data_at + len(data)))
        data += keyed[key] + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, originals_at, translations_at, 0, 0)
    tables = b"".join(struct.pack("<2I", *pair) for pair in offsets + translation_offsets)
    return header + tables + data


def main():
    sources = sorted((ROOT / "locale").glob("*/LC_MESSAGES/*.po"))
    for source in sources:
        target = source.with_suffix(".mo")
        entries = parse(source.read_text(encoding="utf-8"))
        target.write_bytes(mo_bytes(entries))
        print(f"{target.relative_to(ROOT)}: {len(entries) - 1} translations")
    return 0 if sources else 1


if __name__ == "__main__":
    sys.exit(main())
