from __future__ import annotations

import pytest

from assistant.amounts import number_phrases, numbers_lacking, numbers_named


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("het minimumloon naar €15 per uur", {"15"}),
        ("een pilot met een driejarige pabo", {"3"}),
        ("diertransporten van meer dan zes uur", {"6"}),
        ("de F-16 en de MQ-9-drone", {"16", "9"}),
        ("de 19.000 restaansluitingen en 1,5 miljard", {"19000", "1,5"}),
        # Years, ordinals and "een" are no amount.
        ("het minimumloon in 2023 verhogen", set()),
        ("de Tweede Kamer en het tweede lid", set()),
        ("een motie", set()),
        ("de 50PLUS-motie van JA21 over de 2e lezing", set()),
    ],
)
def test_numbers_named(text: str, numbers: set[str]) -> None:
    assert numbers_named(text) == numbers


def test_numbers_lacking() -> None:
    """Another amount only when the text names none of the numbers asked for and names
    another."""
    asked = numbers_named("de motie om het minimumloon naar 15 euro te verhogen")
    assert numbers_lacking(asked, "over verhogen van het minimumloon naar 14 euro") == {"15"}
    assert not numbers_lacking(asked, "over het minimumloon naar €15 met koppeling")
    assert not numbers_lacking(asked, "over verhogen van het minimumloon")


def test_number_phrases() -> None:
    """A number as the user wrote it, with the word after it unless that is a function word."""
    question = "Is de motie om het minimumloon naar 15 euro te verhogen en €1.500 per maand?"
    assert number_phrases(question, frozenset({"15", "1500"})) == ["15 euro", "€1.500"]
    assert number_phrases("een verkorte, driejarige pabo", frozenset({"3"})) == ["driejarige pabo"]
