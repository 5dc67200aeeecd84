"""Roman numerals written and read (ingest/numerals.py)."""
from __future__ import annotations

import pytest

from ingest.numerals import roman, roman_value


@pytest.mark.parametrize("n,label", [(1, "I"), (3, "III"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (99, "XCIX")])
def test_a_number_and_its_roman_numeral(n, label):
    assert roman(n) == label
    assert roman_value(label) == n
