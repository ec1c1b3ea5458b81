"""Reading answers from a plain HTML test form (the page works without JavaScript)."""

from __future__ import annotations

from assessments.selectors import DisplayQuestion


def answer_from_post(question: DisplayQuestion, data) -> object:
    """The answer to `question` in a submitted form, in the JSON shape scoring expects, or None.

    Field names: `q<id>` (single, true/false, short, multiple as several values), `q<id>_<left id>`
    (matching: the chosen right id), `q<id>_<option id>` (ordering: the position typed, 1 = first).
    """
    name = f"q{question.id}"
    if question.kind in ("single", "true_false"):
        value = data.get(name)
        return value if value in {option for option, _label in question.options} else None
    if question.kind == "multiple":
        valid = {option for option, _label in question.options}
        values = [value for value in data.getlist(name) if value in valid]
        return values if name in data or values else None
    if question.kind == "short":
        value = data.get(name, "")
        return value.strip()[:200] if value.strip() else None
    if question.kind == "matching":
        valid_right = {right for right, _label in question.right}
        pairs = {left: data.get(f"{name}_{left}") for left, _label in question.left}
        pairs = {left: right for left, right in pairs.items() if right in valid_right}
        return pairs or None
    if question.kind == "ordering":
        positions = []
        for option, _label in question.options:
            try:
                positions.append((int(data.get(f"{name}_{option}", "")), option))
            except ValueError:
                return None
        return [option for _position, option in sorted(positions)]
    return None
