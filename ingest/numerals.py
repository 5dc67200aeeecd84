"""Roman numerals, written and read: the labels of a document's parts ("II.", "IV."); and the
letters of its lettered points, as Vietnamese documents letter them ("đ)" after "d)", no "f)")."""
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


# the letters a list of points runs through: the alphabet's, with "đ" and without f, j, w, z
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"


def point_letter(n: int) -> str:
    """The n-th point's letter (1 -> "a", 5 -> "đ"), round again after "y"."""
    return POINT_LETTERS[(n - 1) % len(POINT_LETTERS)]


def roman_value(label: str) -> int:
    """"IV" -> 4; a label of roman digits, in capitals."""
    digits = [_DIGITS[c] for c in label]
    return sum(-d if d < nxt else d for d, nxt in zip(digits, [*digits[1:], 0]))
