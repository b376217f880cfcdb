from __future__ import annotations

import pytest

from assistant.places import PLACES, PREFIX_KEY, places_lacking, places_named


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("een migratieovereenkomst met Egypte", {"Egypte"}),
        ("de Egyptische regering en het Tunesische parlement", {"Egypte", "Tunesië"}),
        ("meer F-16's aan Oekraïne leveren", {"Oekraïne"}),
        ("de Oekraïense graanexport", {"Oekraïne"}),
        ("handel met Australië en Nieuw-Zeeland", {"Australië", "Nieuw-Zeeland"}),
        ("handel met Nieuw Zeeland", {"Nieuw-Zeeland"}),
        ("de kust van Zeeland en de Zeeuwse visserij", {"Zeeland"}),
        ("de EU-Turkije-deal", {"Turkije"}),
        ("Wit-Rusland en de Russische Federatie", {"Belarus", "Rusland"}),
        ("handel met Zuid-Amerika", {"Latijns-Amerika"}),
        ("een Palestijnse staat naast Israël", {"Palestina", "Israël"}),
        ("Aruba, Curaçao en Sint Maarten", {"Aruba", "Curaçao", "Sint Maarten"}),
        ("de gaswinning in Groningen", {"Groningen"}),
        ("de Turken, de Belgen en de Amerikanen", {"Turkije", "België", "Verenigde Staten"}),
        # A capital or a leader stands for its country.
        ("Poetin, het Kremlin en de steun aan Kyiv", {"Rusland", "Oekraïne"}),
        # Roads are places of their own; a language level or Natura 2000 is none.
        ("de verbreding van de A12 en de N201", {"A12", "N201"}),
        ("de knooppunten op de A27/A12 en de A2-verbreding", {"A27", "A12", "A2"}),
        ("N2000-gebieden, een a12, de ZA12, taalniveau A2 en het A2-niveau", set()),
        # Words that only start like a place name no place.
        ("letselschade, de malieveldbezetting en de servicedesk", set()),
        ("Frans Timmermans over de Europese Unie", set()),
    ],
)
def test_places_named(text: str, places: set[str]) -> None:
    assert places_named(text) == places


def test_every_place_has_forms() -> None:
    """Lower case, and a prefix as long as the letters it is looked up by."""
    assert all(forms and all(f == f.lower() for f in forms) for forms in PLACES.values())
    prefixes = [f for forms in PLACES.values() for f in forms if f.endswith("*")]
    assert all(len(f) - 1 >= PREFIX_KEY for f in prefixes)


def test_places_lacking() -> None:
    """A text is about elsewhere only when it names none of a place asked for and names
    another; the places it lacks are then named."""
    egypte = places_named("Hoe liep de motie over een migratieovereenkomst met Egypte af?")
    assert places_lacking(egypte, "Motie over een migratieovereenkomst met Tunesië") == {"Egypte"}
    assert not places_lacking(egypte, "Motie over migratieovereenkomsten met Egypte en Tunesië")
    assert not places_lacking(egypte, "Motie over migratieovereenkomsten met derde landen")
    assert not places_lacking(frozenset(), "Motie over een migratieovereenkomst met Tunesië")
    # Another road is elsewhere; a road and a province are not each other's alternatives.
    a12 = places_named("de motie om Beaumix niet te gebruiken bij de verbreding van de A12")
    assert places_lacking(a12, "voorkomen dat Beaumix bij de A2-verbreding wordt toegepast") == {
        "A12"
    }
    assert not places_lacking(a12, "geen Beaumix bij de verbreding van de A12 in Gelderland")
    assert not places_lacking(a12, "geen Beaumix bij wegwerkzaamheden in Gelderland")
    assert places_lacking(a12 | {"Utrecht"}, "de A12 in Gelderland") == {"Utrecht"}
