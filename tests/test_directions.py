from __future__ import annotations

import pytest

from assistant.directions import (
    DIRECTIONS,
    OPPOSITES,
    direction_nouns,
    directions_named,
    directions_reversed,
)


@pytest.mark.parametrize(
    ("text", "directions"),
    [
        ("om de huurtoeslag te verhogen", {"up"}),
        ("een verhoging van het minimumloon", {"up"}),
        ("dat het minimumloon bevroren moet worden", {"freeze"}),
        ("de tarieven in de jeugdzorg voorlopig bevriezen", {"freeze"}),
        ("indexering van de boetes", {"up"}),
        ("het collegegeld halveren", {"down"}),
        ("het statiegeld op blikjes weer af te schaffen", {"end"}),
        # Undoing an act asks the other way: the text is not read for a direction.
        ("de invoering van statiegeld terugdraaien", set()),
        ("de btw-verhoging volledig terugdraaien", set()),
        ("een verbod op gezichtsbedekkende kleding", {"ban"}),
        ("wetgeving die anonieme donaties verbiedt", {"ban"}),
        ("de spoedeisende hulp in Zutphen open te houden", {"open"}),
        ("bij een sluiting van de SEH", {"close"}),
        ("de regels voor arbeidsmigratie aan te scherpen", {"tighten"}),
        ("het onderzoek uit te breiden naar de hele keten", {"up"}),
        # Words that describe a state, or only start like an act, ask for nothing.
        ("de stijgende huren en hogere prijzen", set()),
        ("zich aansluiten bij de coalitie; het besloten overleg", set()),
        ("mensen met een beperking en het boerkaverbod", set()),
        ("is de motie ingetrokken?", set()),
        # A negated act asks for something else: the text is not read for a direction.
        ("de accijns niet te verhogen", set()),
        ("geen verdere verlaging van het budget en een verbod", set()),
    ],
)
def test_directions_named(text: str, directions: set[str]) -> None:
    assert directions_named(text) == directions


@pytest.mark.parametrize(
    ("asked", "motie", "reversed_"),
    [
        # The motie asks the other way and never the way asked.
        ("het minimumloon bevriezen", "het minimumloon verhogen", {"freeze"}),
        ("de huurtoeslag verhogen", "de sociale huurprijzen verlagen", {"up"}),
        ("rekeningrijden invoeren", "stoppen met de voorbereiding van rekeningrijden", {"start"}),
        ("de SEH openhouden", "de bereikbaarheid na sluiting van de SEH", {"open"}),
        # The motie asks the way asked as well (a second act: a cut elsewhere pays for it).
        ("de regeling uitbreiden", "de regeling uit te breiden en de inhuur te verlagen", set()),
        # A paraphrase in other words of the same way.
        ("het statiegeld afschaffen", "de invoering van statiegeld terugdraaien", set()),
        # Directions that are not opposite, or none asked, or none in the motie.
        ("de regels aanscherpen", "de subsidie verhogen", set()),
        ("de huurtoeslag", "de huurtoeslag verlagen", set()),
        ("de huurtoeslag verhogen", "een onderzoek naar de huurtoeslag", set()),
        # A negation in the motie: it is not read for a direction.
        ("de accijns verlagen", "de accijns niet te verhogen", set()),
    ],
)
def test_directions_reversed(asked: str, motie: str, reversed_: set[str]) -> None:
    assert directions_reversed(directions_named(asked), motie) == reversed_


def test_every_direction_has_a_noun_and_an_opposite() -> None:
    named = {name for pair in OPPOSITES for name in pair}
    assert named == set(DIRECTIONS)
    assert all(noun and forms for noun, forms in DIRECTIONS.values())
    assert direction_nouns(frozenset({"freeze"})) == "bevriezing"
    assert direction_nouns(frozenset({"ban", "end"})) == "een verbod en afschaffing"
