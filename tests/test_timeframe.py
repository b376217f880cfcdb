"""The time part of Dutch questions: `find_timeframe` and `strip_timeframe`."""

from __future__ import annotations

import datetime
import random

import pytest

from assistant.timeframe import OPEN_END, OPEN_START, Timeframe, find_timeframe, strip_timeframe
from ingest.extract import prinsjesdag, vergaderjaar_of

D = datetime.date
NOV = D(2026, 11, 29)  # a Sunday
MAR = D(2026, 3, 27)  # a Friday


def found(question: str, today: D) -> tuple[D, D, str, bool] | None:
    tf = find_timeframe(question, today)
    return None if tf is None else (tf.start, tf.end, tf.text, tf.exact_day)


# (question, start, end, text, exact_day) with today = 2026-11-29
NOVEMBER = [
    # one day
    ("Welke toezeggingen zijn er op 20 maart 2026 gedaan?", D(2026, 3, 20), D(2026, 3, 20),
     "op 20 maart 2026", True),
    ("Welke moties zijn op 20 maart aangenomen?", D(2026, 3, 20), D(2026, 3, 20),
     "op 20 maart", True),
    ("Wat zei de minister op 20 maart in het debat over de begroting 2025?", D(2025, 3, 20),
     D(2025, 3, 20), "op 20 maart", True),
    ("Wat is er op 20 maart vorig jaar besloten?", D(2025, 3, 20), D(2025, 3, 20),
     "op 20 maart vorig jaar", True),
    ("brieven van 20-03-2026", D(2026, 3, 20), D(2026, 3, 20), "van 20-03-2026", True),
    ("brieven van 2026-03-20", D(2026, 3, 20), D(2026, 3, 20), "van 2026-03-20", True),
    ("het debat van 20/3/2026", D(2026, 3, 20), D(2026, 3, 20), "van 20/3/2026", True),
    ("de stemmingen van 20 mrt. 2026", D(2026, 3, 20), D(2026, 3, 20), "van 20 mrt. 2026", True),
    ("de brief van 3 febr. 2025", D(2025, 2, 3), D(2025, 2, 3), "van 3 febr. 2025", True),
    ("toezeggingen van 1ste jan. 2024", D(2024, 1, 1), D(2024, 1, 1), "van 1ste jan. 2024", True),
    ("Wat gebeurde er op vrijdag 20 maart 2026?", D(2026, 3, 20), D(2026, 3, 20),
     "op vrijdag 20 maart 2026", True),
    ("het overleg van 20 maart jl.", D(2026, 3, 20), D(2026, 3, 20), "van 20 maart jl.", True),
    ("wat is er gisteren besloten", D(2026, 11, 28), D(2026, 11, 28), "gisteren", True),
    ("Welke moties zijn vandaag ingediend?", NOV, NOV, "vandaag", True),
    ("wat is er eergisteren gestemd", D(2026, 11, 27), D(2026, 11, 27), "eergisteren", True),
    ("wat staat er voor morgen op de agenda", D(2026, 11, 30), D(2026, 11, 30),
     "voor morgen", True),
    ("wat is er afgelopen dinsdag besloten", D(2026, 11, 24), D(2026, 11, 24),
     "afgelopen dinsdag", True),
    ("wat gebeurde er vorige week dinsdag", D(2026, 11, 17), D(2026, 11, 17),
     "vorige week dinsdag", True),
    ("welke brieven kwamen 3 dagen geleden", D(2026, 11, 26), D(2026, 11, 26),
     "3 dagen geleden", True),
    ("wat is er op Prinsjesdag 2025 gepresenteerd", D(2025, 9, 16), D(2025, 9, 16),
     "op Prinsjesdag 2025", True),
    # months, quarters, halves, seasons, years
    ("Welke moties over asiel zijn in maart aangenomen?", D(2026, 3, 1), D(2026, 3, 31),
     "in maart", False),
    ("Welke toezeggingen zijn in december gedaan?", D(2025, 12, 1), D(2025, 12, 31),
     "in december", False),
    ("WELKE MOTIES ZIJN IN DECEMBER 2024 AANGENOMEN", D(2024, 12, 1), D(2024, 12, 31),
     "IN DECEMBER 2024", False),
    ("Wat zei Mei Li Vos in mei?", D(2026, 5, 1), D(2026, 5, 31), "in mei", False),
    ("moties over stikstof in 2024", D(2024, 1, 1), D(2024, 12, 31), "in 2024", False),
    ("brieven uit 2024 over de zorg", D(2024, 1, 1), D(2024, 12, 31), "uit 2024", False),
    ("de voorjaarsnota van 2024", D(2024, 1, 1), D(2024, 12, 31), "van 2024", False),
    ("Motie over de zorg (2024)", D(2024, 1, 1), D(2024, 12, 31), "(2024)", False),
    ("in het eerste kwartaal van 2025", D(2025, 1, 1), D(2025, 3, 31),
     "in het eerste kwartaal van 2025", False),
    ("moties uit Q3 2024", D(2024, 7, 1), D(2024, 9, 30), "uit Q3 2024", False),
    ("in de tweede helft van 2024", D(2024, 7, 1), D(2024, 12, 31),
     "in de tweede helft van 2024", False),
    ("in het voorjaar van 2025", D(2025, 3, 1), D(2025, 5, 31), "in het voorjaar van 2025",
     False),
    ("wat is er eind 2023 besloten", D(2023, 10, 1), D(2023, 12, 31), "eind 2023", False),
    ("begin 2024", D(2024, 1, 1), D(2024, 3, 31), "begin 2024", False),
    ("medio 2024", D(2024, 5, 1), D(2024, 8, 31), "medio 2024", False),
    ("eind maart", D(2026, 3, 21), D(2026, 3, 31), "eind maart", False),
    ("half mei 2025", D(2025, 5, 11), D(2025, 5, 20), "half mei 2025", False),
    # relative periods
    ("wat is er vorige week besloten", D(2026, 11, 16), D(2026, 11, 22), "vorige week", False),
    ("Wat is er deze week besproken?", D(2026, 11, 23), D(2026, 11, 29), "deze week", False),
    ("wat gebeurde er afgelopen maand", D(2026, 10, 1), NOV, "afgelopen maand", False),
    ("wat gebeurde er de afgelopen maand", D(2026, 10, 29), NOV, "de afgelopen maand", False),
    ("vorige maand", D(2026, 10, 1), D(2026, 10, 31), "vorige maand", False),
    ("moties van dit jaar", D(2026, 1, 1), D(2026, 12, 31), "van dit jaar", False),
    ("Welke moties zijn vorig jaar verworpen?", D(2025, 1, 1), D(2025, 12, 31), "vorig jaar",
     False),
    ("het afgelopen jaar", D(2025, 11, 29), NOV, "het afgelopen jaar", False),
    ("in de afgelopen 3 maanden", D(2026, 8, 29), NOV, "in de afgelopen 3 maanden", False),
    ("de laatste twee weken", D(2026, 11, 15), NOV, "de laatste twee weken", False),
    ("vorig kwartaal", D(2026, 7, 1), D(2026, 9, 30), "vorig kwartaal", False),
    ("volgende week", D(2026, 11, 30), D(2026, 12, 6), "volgende week", False),
    ("eind vorig jaar", D(2025, 10, 1), D(2025, 12, 31), "eind vorig jaar", False),
    # vergaderjaren
    ("moties uit vergaderjaar 2023-2024", D(2023, 9, 19), D(2024, 9, 16),
     "uit vergaderjaar 2023-2024", False),
    ("in het vergaderjaar 2023/24", D(2023, 9, 19), D(2024, 9, 16),
     "in het vergaderjaar 2023/24", False),
    ("dit vergaderjaar", D(2026, 9, 15), D(2027, 9, 20), "dit vergaderjaar", False),
    ("vorig vergaderjaar", D(2025, 9, 16), D(2026, 9, 14), "vorig vergaderjaar", False),
    # ranges and open ends
    ("welke brieven sinds januari", D(2026, 1, 1), NOV, "sinds januari", False),
    ("sinds 2024", D(2024, 1, 1), NOV, "sinds 2024", False),
    ("vanaf 1 maart", D(2026, 3, 1), NOV, "vanaf 1 maart", False),
    ("van 2024 tot nu toe", D(2024, 1, 1), NOV, "van 2024 tot nu toe", False),
    ("tussen 1 en 15 mei", D(2026, 5, 1), D(2026, 5, 15), "tussen 1 en 15 mei", False),
    ("tussen 1 maart en 15 april 2025", D(2025, 3, 1), D(2025, 4, 15),
     "tussen 1 maart en 15 april 2025", False),
    ("tussen december en februari", D(2025, 12, 1), D(2026, 2, 28),
     "tussen december en februari", False),
    ("tussen 2020 en 2023", D(2020, 1, 1), D(2023, 12, 31), "tussen 2020 en 2023", False),
    ("van maart t/m mei 2025", D(2025, 3, 1), D(2025, 5, 31), "van maart t/m mei 2025", False),
    ("van 1 tot 15 mei", D(2026, 5, 1), D(2026, 5, 15), "van 1 tot 15 mei", False),
    ("1-15 mei", D(2026, 5, 1), D(2026, 5, 15), "1-15 mei", False),
    ("op 20 en 21 maart 2026", D(2026, 3, 20), D(2026, 3, 21), "op 20 en 21 maart 2026", False),
    ("in de week van 20 maart 2025", D(2025, 3, 17), D(2025, 3, 23),
     "in de week van 20 maart 2025", False),
    ("in 2020-2023", D(2020, 1, 1), D(2023, 12, 31), "in 2020-2023", False),
    ("tussen 20-03-2026 en 2026-04-01", D(2026, 3, 20), D(2026, 4, 1),
     "tussen 20-03-2026 en 2026-04-01", False),
    ("tot en met maart 2025", OPEN_START, D(2025, 3, 31), "tot en met maart 2025", False),
    ("tot 2024", OPEN_START, D(2023, 12, 31), "tot 2024", False),
    ("voor 1 juni 2025", OPEN_START, D(2025, 5, 31), "voor 1 juni 2025", False),
    ("voor de zomer", OPEN_START, D(2026, 5, 31), "voor de zomer", False),
    ("na de zomer", D(2026, 9, 1), NOV, "na de zomer", False),
    # several expressions
    ("in maart en april", D(2026, 3, 1), D(2026, 4, 30), "in maart en april", False),
    ("in 2024 en 2025", D(2024, 1, 1), D(2025, 12, 31), "in 2024 en 2025", False),
    ("dit jaar op 20 maart", D(2026, 3, 20), D(2026, 3, 20), "dit jaar op 20 maart", True),
]  # fmt: skip

# (question, start, end, text, exact_day) with today = 2026-03-27
MARCH = [
    ("op 20 maart", D(2026, 3, 20), D(2026, 3, 20), "op 20 maart", True),
    ("op 28 maart", D(2025, 3, 28), D(2025, 3, 28), "op 28 maart", True),
    ("op 29 februari", D(2024, 2, 29), D(2024, 2, 29), "op 29 februari", True),
    ("in maart", D(2026, 3, 1), D(2026, 3, 31), "in maart", False),
    ("in april", D(2025, 4, 1), D(2025, 4, 30), "in april", False),
    ("in december", D(2025, 12, 1), D(2025, 12, 31), "in december", False),
    ("in maart 2025 en april", D(2025, 3, 1), D(2025, 4, 30), "in maart 2025 en april", False),
    ("tussen 1 en 15 mei", D(2025, 5, 1), D(2025, 5, 15), "tussen 1 en 15 mei", False),
    ("tussen 1 maart en 15 april", D(2026, 3, 1), D(2026, 4, 15), "tussen 1 maart en 15 april",
     False),
    ("sinds januari", D(2026, 1, 1), MAR, "sinds januari", False),
    ("vorige week", D(2026, 3, 16), D(2026, 3, 22), "vorige week", False),
    ("afgelopen maand", D(2026, 2, 1), MAR, "afgelopen maand", False),
    ("dit jaar", D(2026, 1, 1), D(2026, 12, 31), "dit jaar", False),
    ("vorig jaar", D(2025, 1, 1), D(2025, 12, 31), "vorig jaar", False),
    ("in het eerste kwartaal", D(2026, 1, 1), D(2026, 3, 31), "in het eerste kwartaal", False),
    ("in het tweede kwartaal", D(2025, 4, 1), D(2025, 6, 30), "in het tweede kwartaal", False),
    ("in de zomer", D(2025, 6, 1), D(2025, 8, 31), "in de zomer", False),
    ("voor de zomer", OPEN_START, D(2026, 5, 31), "voor de zomer", False),
    ("na de zomer", D(2026, 9, 1), OPEN_END, "na de zomer", False),
    ("dit vergaderjaar", D(2025, 9, 16), D(2026, 9, 14), "dit vergaderjaar", False),
    ("gisteren", D(2026, 3, 26), D(2026, 3, 26), "gisteren", True),
    ("vrijdag", MAR, MAR, "vrijdag", True),
    ("afgelopen vrijdag", D(2026, 3, 20), D(2026, 3, 20), "afgelopen vrijdag", True),
    ("20-03-2026", D(2026, 3, 20), D(2026, 3, 20), "20-03-2026", True),
]  # fmt: skip

NOT_DATES = [
    "Wat staat in Kamerstuk 32317-913?",
    "Wat is de status van kst-19637-3522?",
    "Welke amendementen zijn er op 36 200 XII?",
    "Wat is zaak 2022Z00782?",
    "Wat zei Omtzigt in nr. 913?",
    "Is motie 12 aangenomen?",
    "Wat staat er in motie 2024 over stikstof?",
    "Hoeveel geld is er voor 2025 gereserveerd?",
    "Wat vindt de minister van de motie van Jan de Vries?",
    "Wat was de inbreng van Mei Li Vos?",
    "Wat besprak de commissie om 10 uur?",
    "Wat regelt de Wet van 12 mei 2021?",
    "Wat zegt artikel 3 lid 2?",
    "Wat zegt EU-richtlijn 2019/1937?",
    "Welke toezegging is TZ202311-045?",
    "Wat is de stand van zaken rond document 2024D12345?",
    "Tussen 20 en 30 procent van de moties",
    "Wat gebeurt er elke dinsdag in de commissie?",
    "Welke stukken horen bij 2020-2023?",
    "Wat staat in de Voorjaarsnota?",
    "Hoe werd er gestemd over het zomerreces?",
    "Op 31 februari 2026?",
    "Wat vindt de PVV van stikstof?",
    "",
    "   ",
]


@pytest.mark.parametrize(("question", "start", "end", "text", "exact_day"), NOVEMBER)
def test_november(question: str, start: D, end: D, text: str, exact_day: bool) -> None:
    assert found(question, NOV) == (start, end, text, exact_day)


@pytest.mark.parametrize(("question", "start", "end", "text", "exact_day"), MARCH)
def test_march(question: str, start: D, end: D, text: str, exact_day: bool) -> None:
    assert found(question, MAR) == (start, end, text, exact_day)


@pytest.mark.parametrize("question", NOT_DATES)
@pytest.mark.parametrize("today", [NOV, MAR], ids=["nov", "mar"])
def test_not_a_timeframe(question: str, today: D) -> None:
    assert find_timeframe(question, today) is None


@pytest.mark.parametrize(
    ("question", "stripped"),
    [
        ("Welke toezeggingen zijn op 20 maart 2026 gedaan?", "Welke toezeggingen zijn gedaan?"),
        ("Moties over asiel zijn in maart verworpen?", "Moties over asiel zijn verworpen?"),
        ("wat is er vorige week besloten", "wat is er besloten"),
        ("Sinds januari, welke brieven over jeugdzorg?", "welke brieven over jeugdzorg?"),
        ("Motie over de zorg (2024) aangenomen?", "Motie over de zorg aangenomen?"),
        ("Welke moties zijn er in 2024 ingediend?", "Welke moties zijn er ingediend?"),
        ("Wat staat in Kamerstuk 32317-913?", "Wat staat in Kamerstuk 32317-913?"),
    ],
)  # fmt: skip
def test_strip_timeframe(question: str, stripped: str) -> None:
    assert strip_timeframe(question, find_timeframe(question, NOV)) == stripped


def test_strip_without_timeframe_or_foreign_text() -> None:
    assert strip_timeframe("wat is er besloten", None) == "wat is er besloten"
    foreign = Timeframe(NOV, NOV, "gisteren", True)
    assert strip_timeframe("wat is er besloten", foreign) == "wat is er besloten"
    assert strip_timeframe("Wat is er GISTEREN besloten?", foreign) == "Wat is er besloten?"


def test_vergaderjaar_agrees_with_ingest() -> None:
    tf = find_timeframe("vergaderjaar 2023-2024", NOV)
    assert tf is not None
    assert tf.start == prinsjesdag(2023)
    assert tf.end == prinsjesdag(2024) - datetime.timedelta(days=1)
    assert vergaderjaar_of(tf.start) == vergaderjaar_of(tf.end) == "2023-2024"
    assert vergaderjaar_of(tf.end + datetime.timedelta(days=1)) == "2024-2025"


def test_vergaderjaar_needs_consecutive_years() -> None:
    assert find_timeframe("vergaderjaar 2023-2025", NOV) is None


def test_today_may_be_a_datetime() -> None:
    now = datetime.datetime(2026, 11, 29, 15, 30)
    assert found("gisteren", now) == (D(2026, 11, 28), D(2026, 11, 28), "gisteren", True)


@pytest.mark.parametrize(
    "today", [D(1, 1, 1), D(9999, 12, 31), D(2024, 2, 29), NOV], ids=["min", "max", "leap", "nov"]
)
def test_never_raises_on_odd_input(today: D) -> None:
    words = (
        "in op van uit sinds vanaf na tot t/m voor tussen en of , ( ) - / begin eind medio maart "
        "Mei jan dec. 1 20 31 29 0 2024 2023-2024 20-03-2026 2026-02-30 32317-913 vorige "
        "afgelopen de het laatste komende 3 twee dagen weken maand jaar kwartaal Q4 vergaderjaar "
        "zomer winter gisteren morgen dinsdag jl. a.s. prinsjesdag nu toe geleden eerste helft"
    ).split()
    rng = random.Random(2026)
    for _ in range(1500):
        question = " ".join(rng.choice(words) for _ in range(rng.randint(1, 9)))
        tf = find_timeframe(question, today)
        rest = strip_timeframe(question, tf)
        if tf is not None:
            assert tf.start <= tf.end
            assert tf.text in question
            assert len(rest) <= len(question)
    for odd in ["\x00", "2024" * 2000, "in maart en " * 500, "é€\u00a0\n\t"]:
        find_timeframe(odd, today)


def test_rejects_values_of_the_wrong_type() -> None:
    assert find_timeframe(None, NOV) is None  # type: ignore[arg-type]
    assert find_timeframe("gisteren", "2026-11-29") is None  # type: ignore[arg-type]
