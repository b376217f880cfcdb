from __future__ import annotations

import pytest

from assistant.directions import (
    DIRECTIONS,
    EXTENTS,
    OPPOSITES,
    Asked,
    acts_about,
    direction_context,
    direction_words,
    directions_named,
    directions_reversed,
    only_studied,
    shared_ways,
    studied_alike,
)


def asked(toward: set[str], against: set[str] | None = None) -> Asked:
    return Asked(frozenset(toward), frozenset(against or ()))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("om de huurtoeslag te verhogen", asked({"up"})),
        ("een verhoging van het minimumloon", asked({"up"})),
        ("dat het minimumloon bevroren moet worden", asked({"freeze"})),
        ("de tarieven in de jeugdzorg voorlopig bevriezen", asked({"freeze"})),
        ("indexering van de boetes", asked({"up"})),
        ("het collegegeld halveren", asked({"down", "halve"})),
        ("de kinderbijslag twee keer zo hoog maken", asked({"up", "double"})),
        ("de natuurvergunning in stand te laten", asked({"keep"})),
        ("de aanleg van windparken versnellen", asked({"faster"})),
        ("asielzoekers sneller een verblijfsvergunning geven", asked({"faster"})),
        # Everyday words for raising and lowering an amount.
        ("of de heffingen op de winning van gas omhoog kunnen", asked({"up"})),
        ("de kosten van kinderopvang omlaag brengen", asked({"down"})),
        ("de huren naar beneden bijstellen", asked({"down"})),
        # "bevriende landen" are friendly ones: nothing is frozen.
        ("samen met bevriende landen een coalitie opzetten", asked(set())),
        ("het laten staan van mijnbouwplatforms op de Noordzee", asked({"keep"})),
        ("de platforms laten staan en niet verwijderen", asked({"keep"})),
        ("geen aanpassingen maken in de gezinshereniging", asked({"keep"})),
        ("de regeling ongewijzigd laten", asked({"keep"})),
        ("het doorontwikkelen van de STAP-regeling", asked({"keep"})),
        ("de verwijsindex behouden en verder ontwikkelen", asked({"keep"})),
        # The noun of an act inside a compound: the accijns is what is raised.
        ("afzien van de accijnsverhoging op brandstof", asked(set(), {"up"})),
        ("een lastenverlaging voor gezinnen", asked({"down"})),
        ("de zorgbezuinigingen schrappen", asked(set(), {"down"})),
        ("de bouw van de centrale uit te stellen", asked({"delay"})),
        ("het openbaar vervoer mogelijk te maken", asked({"allow"})),
        ("de regeling voor energiearmoede te verlengen", asked({"keep"})),
        ("de straffen voor geweld te verzwaren", asked({"tighten"})),
        ("de uitzettingen naar Syrië op te schorten", asked({"delay"})),
        ("kolencentrales uit te faseren", asked({"end"})),
        # One closes a contract or a deal as well as a hospital.
        ("langjarige contracten kunnen sluiten voor opvanglocaties", asked(set())),
        ("het statiegeld op blikjes weer af te schaffen", asked({"end"})),
        ("een einde maken aan omzetplafonds in de ggz", asked({"end"})),
        ("een verbod op gezichtsbedekkende kleding", asked({"ban"})),
        ("wetgeving die anonieme donaties verbiedt", asked({"ban"})),
        ("de spoedeisende hulp in Zutphen open te houden", asked({"open"})),
        ("bij een sluiting van de SEH", asked({"close"})),
        ("de regels voor arbeidsmigratie aan te scherpen", asked({"tighten"})),
        ("het onderzoek uit te breiden naar de hele keten", asked({"up"})),
        # Setting up the noun of another act asks for that act.
        ("een tijdelijke stop in te stellen op het gebruik", asked({"end"})),
        ("een verbod in te voeren op lachgas", asked({"ban"})),
        # Undoing or preventing one asks against it.
        ("de btw-verhoging volledig terugdraaien", asked(set(), {"up"})),
        ("de geplande bezuinigingen in de jeugdzorg te schrappen", asked(set(), {"down"})),
        ("het schrappen van de geplande bezuinigingen", asked(set(), {"down"})),
        ("de invoering van statiegeld terugdraaien", asked(set(), {"start"})),
        ("het verbod op lachgas opheffen", asked(set(), {"ban"})),
        ("een verhoging van het eigen risico voorkomen", asked(set(), {"up"})),
        ("de halvering van de subsidie terugdraaien", asked(set(), {"down", "halve"})),
        ("de extra bezuinigingen op de zorg op te schorten", asked(set(), {"down"})),
        # Preventing anything else asks for nothing; ending one thing and moving another is
        # not read at all.
        ("armoede onder kinderen tegengaan", asked(set())),
        ("na het afbouwen van de regeling stoppen met de heffingen", asked(set())),
        ("de subsidie afbouwen en daarna stoppen", asked(set())),
        # Words that describe a state, or only start like an act, ask for nothing.
        ("de stijgende huren en hogere prijzen", asked(set())),
        ("zich aansluiten bij de coalitie; het besloten overleg", asked(set())),
        ("mensen met een beperking", asked(set())),
        # The effects of an act are no act asked.
        ("de gevolgen van de bezuinigingen voor de jeugdzorg in kaart brengen", asked(set())),
        # ... but a study of what an act would bring asks for it.
        ("de effecten in kaart brengen voor het afschaffen van de eigen bijdrage", asked({"end"})),
        # A negated act is asked against.
        ("de accijns niet te verhogen", asked(set(), {"up"})),
        ("geen verhoging van de lastendruk voor het bedrijfsleven", asked(set(), {"up"})),
        ("tot nader order afzien van sluiting van het veld", asked(set(), {"close"})),
        ("geen verdere verlaging van het budget en een verbod", asked({"ban"}, {"down"})),
        ("te voorkomen dat er wordt bezuinigd op de zorg", asked(set(), {"down"})),
        ("een alternatief voor de verhoging van het btw-tarief", asked(set(), {"up"})),
        # ... and one further from the act leaves open what it negates: the text is not read.
        ("lesmaterialen waarvan vaststaat dat ze niet werken terugdringen", asked(set())),
        ("de spoedeisende hulp niet vergroot maar juist verkleint", asked(set())),
        # "geen" with the thing the act is about asks not to take it.
        ("geen extra belasting op vlees invoeren", asked(set(), {"start"})),
        ("het niet afschalen van de dienstregeling", asked(set(), {"down"})),
        (
            "geen (toename van) nachtvluchten voor commercieel verkeer toe te staan",
            asked(set(), {"allow"}),
        ),
    ],
)
def test_directions_named(text: str, expected: Asked) -> None:
    assert directions_named(text) == expected


@pytest.mark.parametrize(
    ("question", "motie", "reversed_"),
    [
        # The motie asks the other way and never the way asked.
        ("het minimumloon bevriezen", "het minimumloon verhogen", {"bevriezing"}),
        ("de huurtoeslag verhogen", "de sociale huurprijzen verlagen", {"verhoging"}),
        (
            "rekeningrijden invoeren",
            "stoppen met de voorbereiding van rekeningrijden",
            {"invoering"},
        ),
        ("de SEH openhouden", "de bereikbaarheid na sluiting van de SEH", {"openhouden"}),
        ("milieuzones uitbreiden naar meer steden", "de milieuzones afschaffen", {"verhoging"}),
        # An undone act is asked against, but is not its opposite: a cut that a motie takes
        # back is not taken for more money.
        (
            "extra bezuinigen op de jeugdzorg",
            "de bezuinigingen op de jeugdzorg schrappen",
            {"verlaging"},
        ),
        ("het budget verhogen", "de bezuinigingen op het budget schrappen", set()),
        ("lachgas verbieden", "het verbod op lachgas opheffen", {"een verbod"}),
        # Another extent of the same direction.
        ("de kinderbijslag verdubbelen", "de kinderbijslag verhogen", {"verdubbeling"}),
        ("de kinderbijslag verdubbelen", "de kinderbijslag te verdubbelen", set()),
        ("de kinderbijslag verhogen", "de kinderbijslag te verdubbelen", set()),
        ("de subsidie halveren", "de subsidie verlagen", {"halvering"}),
        # Keeping, speeding up and allowing against their opposites.
        ("de vergunning in stand laten", "de vergunning per direct intrekken", {"behoud"}),
        (
            "de bouw van windparken versnellen",
            "stoppen met het bouwen van windparken",
            {"versnelling"},
        ),
        (
            "de bouw van windparken versnellen",
            "de bouw van windparken te pauzeren",
            {"versnelling"},
        ),
        ("regenwater verbieden", "het gebruik van regenwater mogelijk maken", {"een verbod"}),
        # Tightening clashes with ending; ending a practice is banning it.
        ("de kostendelersnorm aanscherpen", "de kostendelersnorm afschaffen", {"aanscherping"}),
        (
            "een einde maken aan het lozen",
            "het lozen verbieden en het lozingsverbod aanscherpen",
            set(),
        ),
        # "het niet hebben van" negates no act.
        (
            "boetes afschaffen",
            "de boetes voor het niet hebben van een zorgverzekering te verlagen",
            {"afschaffing"},
        ),
        # A further act than the motie asks, or another extent; not the reverse.
        ("de boetes helemaal afschaffen", "de boetes verlagen", {"afschaffing"}),
        ("de boetes verlagen", "de boetes afschaffen", set()),
        ("gokreclame verbieden", "gokreclame verder beperken", {"een verbod"}),
        ("de accijnskorting verdubbelen", "de accijnskorting verlengen", {"verdubbeling"}),
        ("de regeling permanent maken", "de regeling verlengen", {"permanent maken"}),
        ("de regeling verlengen", "de regeling permanent maken", set()),
        ("de taaltoets verplicht maken", "de taaltoets schrappen", {"invoering"}),
        ("Russisch lng blijven importeren", "stoppen met importeren van Russisch lng", {"behoud"}),
        ("de regeling verlengen", "de regeling per 2026 beëindigen", {"behoud"}),
        (
            "de STAP-regeling afschaffen",
            "het doorontwikkelen van de STAP-regeling",
            {"afschaffing"},
        ),
        # Only the directions that clash are named.
        ("het veld versneld sluiten", "afzien van sluiting van het veld", {"sluiting"}),
        # The motie asks not to take the direction asked, or the question asks not to.
        ("de lasten verhogen", "geen verhoging van de lastendruk", {"verhoging"}),
        ("de accijns niet verhogen", "de accijns verhogen", {"geen verhoging"}),
        # The motie asks the way asked as well (a second act: a cut elsewhere pays for it).
        ("de regeling uitbreiden", "de regeling uit te breiden en de inhuur te verlagen", set()),
        # A paraphrase in other words of the same way.
        ("het statiegeld afschaffen", "de invoering van statiegeld terugdraaien", set()),
        ("de btw op fietsreparaties verlagen", "de btw-verhoging terugdraaien", set()),
        # Directions that are not opposite, or none asked, or none in the motie.
        ("de regels aanscherpen", "de subsidie verhogen", set()),
        ("de huurtoeslag", "de huurtoeslag verlagen", set()),
        ("de huurtoeslag verhogen", "een onderzoek naar de huurtoeslag", set()),
        (
            "de gezinshereniging beperken",
            "geen aanpassingen maken in de gezinshereniging",
            {"verlaging"},
        ),
        ("de accijns verlagen", "de accijns niet te verhogen", set()),
    ],
)
def test_directions_reversed(question: str, motie: str, reversed_: set[str]) -> None:
    assert directions_reversed(directions_named(question), motie) == reversed_


def test_every_direction_has_a_noun_and_an_opposite() -> None:
    named = {name for pair in OPPOSITES for name in pair}
    assert named | set(EXTENTS) == set(DIRECTIONS)
    assert set(EXTENTS.values()) <= named
    assert all(noun and forms for noun, forms in DIRECTIONS.values())


def test_the_ways_two_texts_ask_alike_and_the_words_for_them() -> None:
    question = "de liberalisatiegrens niet op te trekken"
    motie = "de liberalisatiegrens niet verhogen"
    assert shared_ways(directions_named(question), directions_named(motie)) == {"up"}
    assert shared_ways(directions_named("het lozen beëindigen"), asked({"ban"})) == {"end"}
    assert shared_ways(directions_named("de huren bevriezen"), directions_named(motie)) == set()
    assert direction_words(question, frozenset({"up"})) == ("op te trekken",)
    both = "de huren bevriezen en de liberalisatiegrens optrekken"
    assert direction_words(both, frozenset({"freeze"})) == ("bevriezen",)
    # What the act is about stands next to it, either side.
    assert direction_context("de btw verlagen", frozenset({"down"})) == ("de btw verlagen",)
    [after] = direction_context("een verhoging van de huurtoeslag", frozenset({"up"}))
    assert "huurtoeslag" in after


BOTH_WAYS = "de btw op boodschappen verlagen en dit dekken door het verhogen van de bankbelasting"


@pytest.mark.parametrize(
    ("about", "read"),
    [
        # Each act with its own object: the part about the asked object is read alone.
        ("btw", "de btw op boodschappen verlagen en dit dekken door het"),
        ("bankbelasting", "en dit dekken door het verhogen van de bankbelasting"),
        ("zorg", ""),
    ],
)
def test_the_acts_on_one_object_are_read_apart_from_the_others(about: str, read: str) -> None:
    assert acts_about(BOTH_WAYS, lambda text: about in text).strip() == read


def test_a_motie_that_asks_both_ways_asks_the_other_way_on_the_thing_asked() -> None:
    btw = acts_about(BOTH_WAYS, lambda text: "btw" in text)
    assert directions_reversed(directions_named("de btw verhogen"), BOTH_WAYS) == set()
    assert directions_reversed(directions_named("de btw verhogen"), btw) == {"verhoging"}


@pytest.mark.parametrize(
    ("motie", "about", "expected"),
    [
        # Scrapping the cuts on the zorg asks against cutting it, not for ending it.
        (
            "de bezuinigingen op de zorg schrappen en de btw verlagen",
            "zorg",
            asked(set(), {"down"}),
        ),
        ("de bezuinigingen op de zorg schrappen en de btw verlagen", "btw", asked({"down"})),
        # The act that undoes the raise is read with it, though its own object is the raise.
        (
            "het terugdraaien van de verhoging van de accijns op bier en het verhogen van de "
            "tabaksaccijns",
            "bier",
            asked(set(), {"up"}),
        ),
        (
            "het terugdraaien van de verhoging van de accijns op bier en het verhogen van de "
            "tabaksaccijns",
            "tabak",
            asked({"up"}),
        ),
        ("het terugdraaien van de accijnsverhoging op bier", "bier", asked(set(), {"up"})),
    ],
)
def test_acts_next_to_one_another_are_read_together(
    motie: str, about: str, expected: Asked
) -> None:
    assert directions_named(acts_about(motie, lambda text: about in text)) == expected


@pytest.mark.parametrize(
    ("question", "motie", "lacking"),
    [
        # A study, a talk or a plan where the question asks for the act itself.
        (
            "het wetsvoorstel intrekken",
            "een impactanalyse van de Wet verduidelijking beoordeling arbeidsrelaties",
            {"afschaffing"},
        ),
        (
            "sociale media bij wet verbieden voor kinderen",
            "op Europees niveau de mogelijkheid verkennen tot leeftijdsverificatie",
            {"een verbod"},
        ),
        ("de huurtoeslag verhogen", "een onderzoek naar de huurtoeslag", {"verhoging"}),
        (
            "de kinderbijslag verdubbelen",
            "de kinderbijslag monitoren",
            {"verhoging", "verdubbeling"},
        ),
        # The act is named, as what is studied or as its context: the user may mean it.
        ("de huurtoeslag verhogen", "onderzoeken hoe de huurtoeslag kan worden verhoogd", set()),
        (
            "de salderingsregeling afschaffen",
            "de gevolgen van de afschaffing van de salderingsregeling in kaart brengen",
            set(),
        ),
        ("het lozen beëindigen", "onderzoeken of het lozen kan worden verboden", set()),
        (
            "wettelijk mogelijk maken dat politiegegevens worden bewaard",
            "te onderzoeken of in de wet ruimte kan worden gecreëerd om gegevens te bewaren",
            set(),
        ),
        ("de kinderbijslag verdubbelen", "onderzoek naar het verhogen van de kinderbijslag", set()),
        # No study asked, no act asked, or an existing study named.
        ("de huurtoeslag verhogen", "de huurtoeslag bevriezen", set()),
        ("onderzoek naar de huurtoeslag", "een onderzoek naar de huurtoeslag", set()),
        ("het gebruik van Beaumix verbieden", "zolang het onderzoek ernaar loopt", set()),
        ("het gebruik van Beaumix verbieden", "de uitkomst van het onderzoek naar Beaumix", set()),
    ],
)
def test_a_study_only_is_not_the_act_asked(question: str, motie: str, lacking: set[str]) -> None:
    assert only_studied(directions_named(question), motie) == lacking


@pytest.mark.parametrize(
    ("question", "motie", "held"),
    [
        # A study asked in the user's words, of a motie that asks a study in its own.
        (
            "de Rekenkamer laten uitzoeken of uitvoeringsdiensten meer werk verzetten",
            "de Algemene Rekenkamer onderzoek laten doen naar de productiviteit",
            ("uitzoeken",),
        ),
        (
            "uit te zoeken of de heffingen omhoog kunnen",
            "het in kaart brengen van de optie van een verhoging van de mijnbouwheffingen",
            ("uit te zoeken",),
        ),
        # No study in the motie, or none asked: nothing the motie says in words of its own.
        ("laten uitzoeken of de heffingen omhoog kunnen", "de mijnbouwheffingen verhogen", ()),
        ("de mijnbouwheffingen verhogen", "het in kaart brengen van de optie", ()),
    ],
)
def test_a_study_asked_alike_is_said_in_the_motie_s_own_words(
    question: str, motie: str, held: tuple[str, ...]
) -> None:
    assert studied_alike(question, motie) == held
