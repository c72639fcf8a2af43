"""The one pymorphy3 analyzer: any word a profile may hold is parsed, never an exception."""

from __future__ import annotations

from rsnms.lang.formats import times
from rsnms.lang.morph import analyzer, lemma, lemmas


def test_a_word_with_a_letter_unicodedata_cannot_name_is_parsed():
    # Tangut ideographs have no name in unicodedata; pymorphy3 alone raises ValueError on them
    word = "\U00017237ø\U000274b1eē"
    assert lemma(word) == word
    assert analyzer().word_is_known("êk\U000173bbj") is False
    assert lemmas("Центры \U00017237 работают") == "центр \U00017237 работать"


def test_counts_agree_with_their_number():
    assert [times(n) for n in (1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 112)] == [
        "1 раз", "2 раза", "4 раза", "5 раз", "11 раз", "12 раз", "14 раз", "21 раз", "22 раза", "25 раз",
        "101 раз", "112 раз"]
