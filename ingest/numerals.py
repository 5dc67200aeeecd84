"""Roman numerals, written and read: the labels of a document's parts ("II.", "IV.")."""
from __future__ import annotations

_VALUES = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_DIGITS = {numeral: value for value, numeral in _VALUES if len(numeral) == 1}


def roman(n: int) -> str:
    """4 -> "IV"."""
    out = []
    for value, numeral in _VALUES:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def roman_value(label: str) -> int:
    """"IV" -> 4; a label of roman digits, in capitals."""
    digits = [_DIGITS[c] for c in label]
    return sum(-d if d < nxt else d for d, nxt in zip(digits, [*digits[1:], 0]))
