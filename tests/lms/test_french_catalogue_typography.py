"""Every French string of the catalogue puts a no-break space before : ; ? ! (issue 19, item 7).

French writes "Statut : validé", "Prêt ?" with a space that must not break the line before the sign:
U+00A0 (or the narrow U+202F). A plain space lets a phone's line start with a lone ":"; no space at
all is English typography. Not concerned: times (9:00), web addresses (https://, ?next=), HTML tags
and entities (&amp;), and the few strings that show a file's syntax, listed in EXCEPTIONS.

Also a script: `.venv/bin/python tests/lms/test_french_catalogue_typography.py --fix` puts the
no-break spaces into locale/fr/LC_MESSAGES/django.po in place (only msgstr lines change; nothing is
reordered or rewrapped).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "fr" / "LC_MESSAGES" / "django.po"
NO_BREAK = "\u00a0\u202f"
SIGNS = ":;?!"
# msgids whose French shows a syntax to type or read as is ("name: value" lines of a content file):
# there the sign follows the word with no space, as the parser and the English text have it.
EXCEPTIONS = {
    "The file must hold named fields (“name: value” lines).",
    "A block is one line “type: content”, for example “rich_text: <p>…</p>”.",
    # The points comment of a GIFT file (assessments/exchange/gift.py), written as the file has it.
    "[points:%(value)s] is not a whole number above zero.",
}
# Where a sign is not punctuation: a time (9:00), an address (https://, ?next=), a tag or an entity.
NOT_PUNCTUATION = re.compile(r"<[^<>]*>|&#?\w+;|\d:\d\d|\w+://\S*|\?\w+=\S*")
SIGN = re.compile(r"(?P<space>[ \x00]*)(?P<sign>[:;?!])")
SEPARATOR = "\x00"  # between the lines of one msgstr, so a space at the end of a line counts


def problems(text: str) -> list[tuple[int, str]]:
    """(position, what is wrong) of each : ; ? ! of a French string without its no-break space."""
    skipped = [range(match.start(), match.end()) for match in NOT_PUNCTUATION.finditer(text)]
    found = []
    for match in SIGN.finditer(text):
        at = match.start("sign")
        if any(at in span for span in skipped):
            continue
        before = text[: match.start()].rstrip(SEPARATOR)
        if match.group("space").strip(SEPARATOR):
            found.append((at, "plain space"))
        elif not before or before[-1] not in NO_BREAK + SIGNS:
            found.append((at, "no space"))
    return found


def fixed(text: str) -> str:
    """`text` with a no-break space before each sign `problems` names (replacing a plain space)."""
    for at, _kind in reversed(problems(text)):
        start = at
        while start > 0 and text[start - 1] in " " + SEPARATOR:
            start -= 1
        gap = text[start:at]
        # The no-break space takes the place of the last plain space; a line break stays where it was.
        if " " in gap:
            last = gap.rindex(" ")
            gap = gap[:last].replace(" ", "") + "\u00a0" + gap[last + 1 :].replace(" ", "")
        else:
            gap = gap + "\u00a0" if not gap else "\u00a0" + gap
        text = text[:start] + gap + text[at:]
    return text


def _entries(lines: list[str]):
    """(msgid, [line numbers of one msgstr]) for each translated string of the catalogue."""
    msgid: list[str] = []
    block: list[int] = []
    state = ""
    for number, line in enumerate([*lines, ""]):
        keyword = line.split(" ", 1)[0] if not line.startswith('"') else ""
        if line.startswith('"'):
            (msgid if state == "msgid" else block if state == "msgstr" else []).append(
                line if state == "msgid" else number
            )
            continue
        if state == "msgstr" and block:
            yield _content(msgid), block
            block = []
        if keyword == "msgid":
            state, msgid = "msgid", [line[len("msgid ") :]]
        elif keyword.startswith("msgstr"):
            state, block = "msgstr", [number]
        else:
            state = "" if keyword != "msgid_plural" else "plural"


def _inside(line: str) -> str:
    """What a catalogue line holds between its quotes (still escaped)."""
    return line[line.index('"') + 1 : line.rindex('"')]


def _content(quoted: list[str]) -> str:
    return "".join(_inside(line) for line in quoted).replace('\\"', '"')


def catalogue_problems(lines: list[str]) -> list[str]:
    found = []
    for msgid, block in _entries(lines):
        if not msgid or msgid in EXCEPTIONS:
            continue
        text = SEPARATOR.join(_inside(lines[n]) for n in block)
        for at, kind in problems(text):
            shown = text[max(0, at - 30) : at + 10].replace(SEPARATOR, "")
            found.append(f"line {block[0] + 1}: {kind} before {text[at]!r} in …{shown}…")
    return found


def fix_catalogue(lines: list[str]) -> list[str]:
    lines = list(lines)
    for msgid, block in _entries(lines):
        if not msgid or msgid in EXCEPTIONS:
            continue
        parts = [(lines[n][: lines[n].index('"') + 1], _inside(lines[n])) for n in block]
        text = fixed(SEPARATOR.join(content for _prefix, content in parts))
        for n, (prefix, _old), content in zip(block, parts, text.split(SEPARATOR), strict=True):
            lines[n] = f'{prefix}{content}"'
    return lines


def test_every_french_string_has_a_no_break_space_before_its_punctuation():
    lines = CATALOGUE.read_text(encoding="utf-8").split("\n")
    assert catalogue_problems(lines) == []


def test_the_check_knows_french_punctuation_from_times_addresses_and_tags():
    assert problems("Statut\u00a0: validé\u202f; prêt\u00a0?\u00a0!") == []
    assert problems("De 9:00 à 16:00, voir https://exemple.org/a?next=/b et <a href='x'>ici</a> &amp; là.") == []
    assert [kind for _at, kind in problems("Statut : validé; prêt ?")] == ["plain space", "no space", "plain space"]
    assert problems(":") == [(0, "no space")]
    assert fixed("Statut : validé; prêt ?") == "Statut\u00a0: validé\u00a0; prêt\u00a0?"
    assert fixed("Nom " + SEPARATOR + ": x") == "Nom\u00a0" + SEPARATOR + ": x"


if __name__ == "__main__" and sys.argv[1:] == ["--fix"]:
    original = CATALOGUE.read_text(encoding="utf-8").split("\n")
    changed = fix_catalogue(original)
    CATALOGUE.write_text("\n".join(changed), encoding="utf-8")
    print(sum(a != b for a, b in zip(original, changed, strict=True)), "lines changed")
