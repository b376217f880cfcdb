"""Tests for ingest.extract, on real strings from /work/shared/data wherever possible.

Sources of the strings: the nota (tests/fixtures/extract/nota.txt, a copy of
shared/data/nota/*.txt), "Onderwerp"/"Titel" fields of tk-odata/documenten, the Handelingen XML
(h-tk-*.xml, text with tags stripped and whitespace collapsed), motie bodies of
officiele-publicaties, and the text pypdf extracts from kamervragen/1b650dd7-*.pdf
(tests/fixtures/extract/ah-tk-20232024-1481-page1.txt).
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from assistant.documents import Reference
from ingest.extract import (
    annotated_word,
    find_dates,
    find_references,
    parse_dutch_date,
    prinsjesdag,
    resolve_footnote_references,
    sentence_at,
    split_footnotes,
    vergaderjaar_of,
)

D = datetime.date
EXTRACT = Path(__file__).parent / "fixtures" / "extract"
NOTA_DATE = D(2026, 3, 27)


@pytest.fixture(scope="module")
def nota() -> str:
    return (EXTRACT / "nota.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def kamervraag() -> str:
    return (EXTRACT / "ah-tk-20232024-1481-page1.txt").read_text(encoding="utf-8")


def targets(text: str) -> list[str]:
    return [ref.target for ref in find_references(text)]


# --------------------------------------------------------------------------------------------
# The nota: the acceptance case
# --------------------------------------------------------------------------------------------


def test_nota_footnotes_are_split_off(nota: str) -> None:
    body, notes = split_footnotes(nota)
    assert notes == {
        "1": "Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 913",
        "2": "Tweede Kamer, vergaderjaar 2025-2026, 19 637 nr. 3522",
    }
    assert body.endswith("ter bescherming van de persoonlijke levenssfeer.")
    assert "vergaderjaar" not in body
    assert nota.startswith(body)  # offsets in the body are offsets in the text


def test_nota_footnote_references_carry_the_body_sentence(nota: str) -> None:
    refs = resolve_footnote_references(nota)
    assert [(r.target, r.footnote) for r in refs] == [
        ("kst-32317-913", "1"),
        ("kst-19637-3522", "2"),
    ]
    motie, toezegging = refs
    assert "uitvoering gegeven aan de motie" in motie.context
    assert motie.context.startswith("Hiermee wordt uitvoering gegeven aan de motie¹ van leden Podt")
    assert motie.context.endswith("de implementatie van het migratiepact.")
    assert motie.anchor == "Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 913"
    assert "20 maart" in toezegging.context
    assert toezegging.context.startswith("Alvorens de stand van zaken te schetsen")
    assert toezegging.context.endswith("op 20 maart² jl.")
    assert toezegging.anchor == "Tweede Kamer, vergaderjaar 2025-2026, 19 637 nr. 3522"


def test_nota_dates(nota: str) -> None:
    found = find_dates(nota, NOTA_DATE)
    assert [(written, date) for written, date, _ in found] == [
        ("27 maart 2026", D(2026, 3, 27)),  # Datum
        ("20 maart² jl.", D(2026, 3, 20)),  # the toezegging, with footnote marker
        ("20 maart", D(2026, 3, 20)),  # "aan de toezegging van 20 maart" in 4.1
    ]
    for written, _, offset in found:
        assert nota[offset : offset + len(written)] == written


def test_nota_dates_without_reference_keep_only_full_dates(nota: str) -> None:
    assert [(w, d) for w, d, _ in find_dates(nota)] == [("27 maart 2026", D(2026, 3, 27))]


@pytest.mark.parametrize(("marker", "word"), [("1", "motie"), ("2", "maart"), ("¹", "motie")])
def test_nota_annotated_words(nota: str, marker: str, word: str) -> None:
    assert annotated_word(nota, marker) == word


@pytest.mark.parametrize("marker", ["3", "0", "", "x", "12"])
def test_nota_unknown_marker_has_no_word(nota: str, marker: str) -> None:
    assert annotated_word(nota, marker) is None


def test_nota_without_splitting_finds_the_footnote_lines(nota: str) -> None:
    refs = find_references(nota)
    assert [(r.target, r.footnote) for r in refs] == [
        ("kst-32317-913", None),
        ("kst-19637-3522", None),
    ]
    assert refs[0].context == "¹ Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 913"


def test_nota_letterhead_is_no_reference(nota: str) -> None:
    body, _ = split_footnotes(nota)
    # "Turfmarkt 147", "2511 DP Den Haag", "Postbus 20011", "Onze referentie 7014576"
    assert find_references(body) == []


def test_nota_vergaderjaar_matches_its_footnotes(nota: str) -> None:
    assert vergaderjaar_of(NOTA_DATE) == "2025-2026"
    assert "vergaderjaar 2025-2026" in nota


# --------------------------------------------------------------------------------------------
# Footnote notations
# --------------------------------------------------------------------------------------------


def test_bracket_markers(nota: str) -> None:
    text = nota.replace("¹", "[1]").replace("²", "[2]")
    body, notes = split_footnotes(text)
    assert set(notes) == {"1", "2"}
    assert annotated_word(text, "1") == "motie"
    assert annotated_word(text, "2") == "maart"
    refs = resolve_footnote_references(text)
    assert [(r.target, r.footnote) for r in refs] == [
        ("kst-32317-913", "1"),
        ("kst-19637-3522", "2"),
    ]
    assert "uitvoering gegeven aan de motie[1]" in refs[0].context


def test_plain_digit_footnotes_from_pdf_text(kamervraag: str) -> None:
    body, notes = split_footnotes(kamervraag)
    assert notes == {"1": "Kamerstuk 36 200 IV, nr. 25."}
    assert body.endswith("teerde personen op Curaçao aangehaald.")
    assert annotated_word(kamervraag, "1") == "motie"  # "betreffende motie?1"
    refs = resolve_footnote_references(kamervraag)
    assert [(r.target, r.footnote) for r in refs] == [
        (
            "ah-tk-20232024-1137",
            None,
        ),  # "Zie ook Aanhangsel Handelingen, ... nr. 1137." in the body
        ("kst-36200-IV-25", "1"),
    ]
    assert refs[0].context == "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1137."
    assert refs[1].context.startswith("Kunt u naar aanleiding van de voortgangsbrief")
    assert refs[1].context.endswith("binnen het kader van de betreffende motie?1")


def test_kamervraag_dates(kamervraag: str) -> None:
    found = [(w, d) for w, d, _ in find_dates(kamervraag, D(2024, 4, 11))]
    assert found == [("12 februari 2024", D(2024, 2, 12)), ("11 april 2024", D(2024, 4, 11))]


def test_separator_line_before_footnotes_is_dropped(nota: str) -> None:
    body, notes = split_footnotes(nota)
    text = body + "\n\n____________\n\n" + "\n".join(f"{k} {v}" for k, v in notes.items())
    new_body, new_notes = split_footnotes(text)
    assert new_body == body
    assert new_notes == notes


def test_wrapped_footnote_is_joined(nota: str) -> None:
    body, _ = split_footnotes(nota)
    text = body + "\n\n¹ Tweede Kamer, vergaderjaar 2025-2026,\n32 317, nr. 913\n"
    assert split_footnotes(text)[1] == {
        "1": "Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 913"
    }


def test_text_without_footnotes_is_unchanged() -> None:
    text = "Zij krijgt nr. 199 (31311).\n\nGaat u verder."
    assert split_footnotes(text) == (text, {})
    refs = resolve_footnote_references(text)
    assert refs == find_references(text)
    assert refs[0].footnote is None


def test_numbered_lines_without_markers_in_the_body_are_no_footnotes(nota: str) -> None:
    body, notes = split_footnotes(nota)
    plain_body = body.replace("¹", "").replace("²", "")
    text = plain_body + "\n\n1 Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 913"
    assert split_footnotes(text) == (text, {})


def test_footnotes_must_be_numbered_consecutively(nota: str) -> None:
    body, _ = split_footnotes(nota)
    text = body + "\n\n¹ Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 913\n\n³ iets anders"
    assert split_footnotes(text)[1] == {"3": "iets anders"}


def test_body_text_after_footnotes_means_no_footnote_block(nota: str) -> None:
    text = nota + "\n\nDe persoonsgegevens van de ambtenaren zijn niet openbaar."
    assert split_footnotes(text) == (text, {})


def test_footnote_whose_marker_is_missing_keeps_its_own_sentence(nota: str) -> None:
    text = nota.replace("motie¹", "motie")
    refs = resolve_footnote_references(text)
    first = [r for r in refs if r.footnote == "1"]
    assert len(first) == 1
    assert first[0].context == "Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 913"


@pytest.mark.parametrize("text", ["", "\n\n", "¹", "¹ ", "1 ", "[1]", "0 nul"])
def test_split_footnotes_on_degenerate_input(text: str) -> None:
    body, notes = split_footnotes(text)
    assert isinstance(body, str)
    assert all(k.isdigit() for k in notes)
    assert isinstance(resolve_footnote_references(text), list)


# --------------------------------------------------------------------------------------------
# find_references: real spellings
# --------------------------------------------------------------------------------------------

REAL_REFERENCES: list[tuple[str, list[str]]] = [
    # tk-odata/documenten Onderwerp
    (
        "Beslisnota bij Kamerbrief Uitvoering van de motie van het lid Ouwehand c.s. over afzien "
        "van elke verhoging van de slachtsnelheid (Kamerstuk 33835-242)",
        ["kst-33835-242"],
    ),
    (
        "Inbreng verslag van een schriftelijk overleg over de Uitvoering van de motie van het lid "
        "Ouwehand c.s. over afzien van elke verhoging van de slachtsnelheid (Kamerstuk 33835-242) "
        "(Kamerstuk 33835-250)",
        ["kst-33835-242", "kst-33835-250"],
    ),
    (
        "Uitvoering van de motie van de leden Paternotte en Boswijk over schaduwvlootschepen of "
        "anderszins verdacht opererende schepen tot 393 kilometer uit de kust stoppen en "
        "onderzoeken (Kamerstuk 21501-02-3021)",
        ["kst-21501-02-3021"],
    ),
    (
        "Uitvoering van de motie van de leden Martens-America en Paternotte over de reeds "
        "aangenomen motie-Martens-America c.s. over PhD-studenten met een CSC-beurs in een breder "
        "perspectief bezien (Kamerstuk 36600-VIII-87)",
        ["kst-36600-VIII-87"],
    ),
    (
        "Aan minister LVVN - Verzoek Kamerbrief inhoudelijke voortgang stikstofplan, voortgang "
        "Ministeriële Commissie Economie en Natuurherstel en reactie op motie van het lid Kostic "
        "(Kamerstuk 21501-08, nr. 942), tijdig te ontvangen voor 2 april 2025",
        ["kst-21501-08-942"],
    ),
    (
        "Aan minister LVVN - Verzoek om spoedige reactie over opvolging motie-Bromet/Grinwis "
        "(Kamerstuk 36600-XIV, nr. 29), die de regering verzoekt",
        ["kst-36600-XIV-29"],
    ),
    (
        "Antwoord op vragen van de leden Podt en Van Nispen over Veldzicht en de uitvoering van de "
        "motie-Van Nispen c.s. (Kamerstuk 24 587, nr. 995) ",
        ["kst-24587-995"],
    ),
    (
        "Antwoord op vragen van het lid Ceder over de uitvoering van de motie-Ceder (Kamerstuk "
        "21 501-02, nr. 2948) en het ´Pay-for-Slay-programma´ van de Palestijnse Autoriteit",
        ["kst-21501-02-2948"],
    ),
    (
        "Aan minister BuZa - verzoek om beantwoording schriftelijk overleg d.d. 27 maart 2025 over "
        "de Kabinetsreactie op het advies nr. 48 van de Commissie van advies inzake "
        "volkenrechtelijke vraagstukken (CAVV) (36600-V, nr. 63)",
        ["kst-36600-V-63"],
    ),
    (
        "Appreciatie amendementen van het lid Ceder over middelen voor een koopkrachtimpuls voor "
        "Caribisch Nederland en over meer middelen voor een koopkrachtimpuls voor Caribisch "
        "Nederland (Kamerstuk 36600-IV-27 en  Kamerstuk 36600-IV-28)",
        ["kst-36600-IV-27", "kst-36600-IV-28"],
    ),
    (
        "Appreciatie ingediende amendementen bij het wetgevingsoverleg voorjaarsnota en 1e "
        "Suppletoire begroting (Kamerstuk 36725-X-3 en Kamerstuk 36725-K-3)",
        ["kst-36725-X-3", "kst-36725-K-3"],
    ),
    (
        "Gewijzigde motie van het lid Haage c.s. over jaarlijkse doelstellingen voor het "
        "terugdringen van terugvorderingen en niet-gebruik van toeslagen (t.v.v. 36708-19)",
        ["kst-36708-19"],
    ),
    (
        "Beslisnota bij het verslag van een schriftelijk overleg over de Implementatie van het EU "
        "Migratiepact (Kamerstuk 32317-908)",
        ["kst-32317-908"],
    ),
    (
        "Aan staatssecretaris LVVN - Verzoek om reactie op zienswijze WWF-NL op beschermings wolf "
        "en goudjakhals (33118-295)",
        ["kst-33118-295"],
    ),
    (
        "Aan min BHO verzoek om voor het weekend een appreciatie te ontvangen op gewijzigd "
        "amendement Stoffer/Eerdmans (36600-XVII nr.50)",
        ["kst-36600-XVII-50"],
    ),
    (
        "Advies hoogleraar Kummeling inzake amendement 30585 nr. 23 over de benoemingsprocedure "
        "van met rechtspraak belaste leden/staatsraden ",
        ["kst-30585-23"],
    ),
    (
        "Beslisnota bij Antwoorden op vragen commissie over de Rapportage 2022-2023 inzake het "
        "Nationaal Actieplan Vrouwen, Vrede en Veiligheid (Kamerstuk 26150/36180-223)",
        ["kst-26150-223"],
    ),
    (
        "Beslisnota bij Kamerbrief over driemaandelijks overzicht rechterlijke uitspraken Woo- "
        "verzoeken ten uitvoering van de motie Omtzigt c.s. (Kamerstuk 32802- 64) - oktober 2024",
        ["kst-32802-64"],
    ),
    (
        "Beslisnota bij Opvolging amendement Internationale Neerlandistiek "
        "(Kamerstuk 36200 VIII-56)",
        ["kst-36200-VIII-56"],
    ),
    (
        "Lijst van vragen, gesteld aan de Algemene Rekenkamer, over het rapport Resultaten "
        "verantwoordingsonderzoek 2024 bij het Deltafonds (Kamerstuk36740-J-2) ",
        ["kst-36740-J-2"],
    ),
    (
        "Beslisnota bij lijst van vragen en antwoorden inzake Publicatie Focus op AI bij de "
        "rijksoverheid (Kamerestuk 26643-1226)",
        ["kst-26643-1226"],
    ),
    (
        "Beslisnota bij Lijst van vragen en antwoorden inzake  over de reactie op het rapport ‘De "
        "kracht en kwetsbaarheid van het digitale krijgsmachtnetwerk NAFIN’ van de Algemene "
        "Rekenkamer (Kamerstuk (36592-8)",
        ["kst-36592-8"],
    ),
    (
        "Reactie op het verzoek van het lid Jansen, gedaan bij de regeling van werkzaamheden van "
        "14 januari 2025 over de NAVO-verplichtingen waar minister Agema naar verwijst in haar "
        "antwoorden op vragen van Van Houwelingen (Aanhangsel Handelingen, vergaderjaar 2024-2025, "
        "nr. 998)",
        ["ah-tk-20242025-998"],
    ),
    # Handelingen h-tk-20172018-*.xml
    (
        "de motie-Wassenberg over een reductie van het aantal gehouden dieren "
        "( 21501-08 , nr. 719 );",
        ["kst-21501-08-719"],
    ),
    ("Zij krijgt nr. 199 (31311).", ["kst-31311-199"]),
    ("Zij krijgt nr. 469 ( 29453 ).", ["kst-29453-469"]),
    ("Zij krijgt nr. 726 , was nr. 719 ( 21501-08 ).", ["kst-21501-08-726", "kst-21501-08-719"]),
    (
        "Reactie op de motie van het lid Snels over de informatiepositie van de nationale "
        "rekenkamers - 21501-07-1502",
        ["kst-21501-07-1502"],
    ),
    ("Zij krijgt nr. kst-21501-33-905", ["kst-21501-33-905"]),  # ParlaMint
    # officiele-publicaties, motie bodies
    ("overwegende dat de Kamer bij motie ( 36 410-VI, nr. 87 )", ["kst-36410-VI-87"]),
    ("( 36 410A, nr. 33 )", ["kst-36410-A-33"]),
    ("( 36 600-A, nr. 35 )", ["kst-36600-A-35"]),
    ("overwegende dat de aangenomen motie-Beckerman ( 36 200 XIV, nr. 29 )", ["kst-36200-XIV-29"]),
    (
        "tssecretaris stelt dat jacht en faunabeheer van invloed zijn op de omvang van populaties "
        "van soorten die als natuurlijke prooi voor de wolven dienen "
        "(Kamerstuk 21501–32, nr. 1668 )",
        ["kst-21501-32-1668"],
    ),
    (
        "tijdelijke ondersteuning geregeld is middels de motie-De Groot/Beckerman (Kamerstuk "
        "29683–282);",
        ["kst-29683-282"],
    ),
    (
        "ondanks de aangenomen motie-Eerdmans/Van Dijk (32317–895);",
        ["kst-32317-895"],
    ),
    (
        "overwegende dat door de Kamer het afgelopen jaar al veel moties zijn aangenomen om snel "
        "tot doelsturing over te gaan ( 35 334, nrs. 383 , 348 en 309 ), waaronder specifiek",
        ["kst-35334-383", "kst-35334-348", "kst-35334-309"],
    ),
    (
        "(aangenomen moties 21 501-32, nr. 1570 en 27 858, nr. 621 )",
        ["kst-21501-32-1570", "kst-27858-621"],
    ),
    (
        "overwegende dat er diverse moties (36 600 XX, nr. 47 en 36760, nr. 16) zijn aangenomen",
        ["kst-36600-XX-47", "kst-36760-16"],
    ),
    (
        "constaterende dat de aangenomen moties Becker (35 228, nr. 8 en 32 824, nr. 432) stellen",
        ["kst-35228-8", "kst-32824-432"],
    ),
    (
        "overwegende dat een klein jaar geleden de motie-Grinwis/Boswijk "
        "( 34 682/35 334, nr. 143 )",
        ["kst-34682-143"],
    ),
    ("informele scholing ( 31 293 en 31 289, nr. 653 , bijlage 1)", ["kst-31293-653"]),
    ("zoals blijkt uit Kamerstuk 21 501-21, stuk nr. 2648 ;", ["kst-21501-21-2648"]),
    ("het groenbeheer af te schalen (Kamerstuk 29 385 nr. 119 )", ["kst-29385-119"]),
    ("in de aangenomen motie op stuk nr. 942 (21501–08) ;", ["kst-21501-08-942"]),
    (
        "verzoekt de Minister van VWS niet te bezuinigen op bij- en nascholing van zorgpersoneel "
        "(amendement-Bontenbal c.s. ( 36 000 VIII, nr. 141 , dekking 13a))",
        ["kst-36000-VIII-141"],
    ),
    (
        "overwegende dat de motie-Huizinga-Heringa c.s. (36 600 XVII, letter M) over structureel "
        "herstel van de koppeling niet is uitgevoerd;",
        ["kst-36600-XVII-M"],
    ),
    # kamervragen (text extracted from the PDFs)
    (
        "3 Kamerstuk 21 501-02, nr. 2498 (https://www.tweedekamer.nl/kamerstukken/moties/",
        ["kst-21501-02-2498"],
    ),
    ("5 Kamerstuk 22 054, nr. 395, d.d. 14 juli 2023.", ["kst-22054-395"]),
    ("3 Kamerstuk, 28 828, nr. 70", ["kst-28828-70"]),
    ("1 Bijlage 1 van kamerstuk 32 813, nr. 1395", ["kst-32813-1395"]),
    ("6 Kamerstukken II, 2022/2023, 31 839, nr 874", ["kst-31839-874"]),
    ("2 TK 2023/24, 31 839, nr. 1024.", ["kst-31839-1024"]),
    ("6 Kamerstukken II2015–16, 34 104, nr. 128.", ["kst-34104-128"]),
    ("3 Kamerstukken II 2023/24, 36 410 IV, nr. 49", ["kst-36410-IV-49"]),
    ("1 Kamerstuk 36 410 VIII, nr. 106", ["kst-36410-VIII-106"]),
    ("10 Tweede Kamer, vergaderjaar 2017–2018, 26 485, nr. 267", ["kst-26485-267"]),
    (
        "14 Kamerstukken II, 25 424, nr. 679, nr. 684 en 685, en het IZA midterm review: https://",
        ["kst-25424-679", "kst-25424-684", "kst-25424-685"],
    ),
    ("Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1843.", ["ah-tk-20232024-1843"]),
    ("ah-tk-20232024-1481", ["ah-tk-20232024-1481"]),
    # the nota's footnotes
    ("Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 913", ["kst-32317-913"]),
    ("Tweede Kamer, vergaderjaar 2025-2026, 19 637 nr. 3522", ["kst-19637-3522"]),
    # officielebekendmakingen metadata pointer
    (
        "https://zoek.officielebekendmakingen.nl/h-tk-20172018-50-1/metadata.xml",
        ["h-tk-20172018-50-1"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), REAL_REFERENCES)
def test_real_references(text: str, expected: list[str]) -> None:
    assert targets(text) == expected


SPELLINGS: list[tuple[str, str]] = [
    ("32 317, nr. 913", "kst-32317-913"),
    ("Kamerstuk 33835-242", "kst-33835-242"),
    ("Kamerstukken 33835, nr. 242", "kst-33835-242"),
    ("kst-32317-913", "kst-32317-913"),
    ("19 637 nr. 3522", "kst-19637-3522"),
    ("Kamerstukken II 2025/26, 32 317, nr. 913", "kst-32317-913"),
    ("Kamerstuk 21501-02-3021", "kst-21501-02-3021"),
    ("Kamerstuk 36600-VIII-87", "kst-36600-VIII-87"),
    ("36 200 XII, nr. 60", "kst-36200-XII-60"),
    ("(21501-08, nr. 719)", "kst-21501-08-719"),
    ("Aanhangsel Handelingen II 2023/24, nr. 1234", "ah-tk-20232024-1234"),
    ("Aanhangsel Handelingen I 2023/24, nr. 12", "ah-ek-20232024-12"),
    ("ah-tk-20232024-1234", "ah-tk-20232024-1234"),
    ("h-tk-20172018-70-6", "h-tk-20172018-70-6"),
    ("Handelingen II 2017/18, nr. 70, item 6", "h-tk-20172018-70-6"),
    ("32\u00a0317, nr. 913", "kst-32317-913"),  # no-break space
]


@pytest.mark.parametrize(("text", "target"), SPELLINGS)
def test_spellings(text: str, target: str) -> None:
    assert targets(text) == [target]


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("(21501-08, nr. 719)", "21501-08, nr. 719"),
        ("motie (Kamerstuk 33835-242) over", "Kamerstuk 33835-242"),
        (
            "zie Kamerstukken II 2025/26, 32 317, nr. 913.",
            "Kamerstukken II 2025/26, 32 317, nr. 913",
        ),
        ("Zij krijgt nr. 199 (31311).", "nr. 199 (31311)"),
        ("(t.v.v. 36708-19)", "36708-19"),
        ("Zie ook kst-32317-913.", "kst-32317-913"),
    ],
)
def test_anchor_is_the_text_as_written(text: str, anchor: str) -> None:
    (ref,) = find_references(text)
    assert ref.anchor == anchor
    assert text[text.index(anchor) :].startswith(anchor)


NOT_REFERENCES = [
    "Turfmarkt 147\n\n2511 DP Den Haag\n\nPostbus 20011\n\n2500 EH Den Haag",  # nota letterhead
    "Onze referentie\n\n7014576",  # nota
    "ISSN 0921 - 7398",  # kamervragen footer
    "bel 070 - 370 20 00",
    "€ 32 317",
    "met € 141 miljoen te verhogen.",  # documenten
    "over het advies nr. 48 van de Commissie van advies",  # nr. without a dossier (documenten)
    "de motie op stuk nr. 199 van de leden Wörsdöfer, Bruins en Amhaouch",  # Handelingen
    "vergaderjaar 2024-2025",
    "Rapportage 2022-2023",
    "Defensie Strategie voor Industrie en Innovatie (D-SII) 2025-2029 NL",  # documenten
    "en de toezegging aan meneer Bamenga (TZ202504–026)",  # a toezegging id
    "conform de Europese normen (EN16941–1 en EN16941–2)",  # officiele-publicaties
    "de motie van het lid Van Strien (364410-XII, nr. 44)",  # a typo: six digits
    "(Kamerstuk 36576)",  # a dossier, no document
    "Kamerstuk 36647-(R2204))",  # a dossier, no document
    "36647-(R2204), bijgewerkt t/m nr. 7 (NvW d.d. 17 april 2025)",  # documenten
    "conform de definitie van de motie-Van Campen/Boswijk ( 21501–02 )",  # dossier only
    "Kamerstuk 21501-20",  # dossier 21501-20 (Europese Raad), not nr. 20 of 21501
    "Inbreng verslag schriftelijk overleg (Kamerstuk 21501-362-1701)",  # malformed
    "Aanhangsel Handelingen II 2023/2025, nr. 5",  # not one parliamentary year
    "nr. 3",
    "",
    "2026-03-27",
    "27-03-2026",
]


@pytest.mark.parametrize("text", NOT_REFERENCES)
def test_not_references(text: str) -> None:
    assert find_references(text) == []


def test_bare_dash_form_needs_five_unbroken_digits() -> None:
    assert targets("(33835-242)") == ["kst-33835-242"]
    assert targets("(33 835-242)") == []  # ambiguous without "Kamerstuk"
    assert targets("(Kamerstuk 33 835-242)") == ["kst-33835-242"]
    assert targets("(3383-242)") == []
    assert targets("(33835-02)") == []  # a leading zero: a sub-dossier, not an ondernummer


def test_context_is_the_sentence() -> None:
    text = (
        "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1137. "
        "Dit is de motie-Van Nispen c.s. (Kamerstuk 24 587, nr. 995) over Veldzicht. Einde."
    )
    refs = find_references(text)
    assert [r.context for r in refs] == [
        "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1137.",
        "Dit is de motie-Van Nispen c.s. (Kamerstuk 24 587, nr. 995) over Veldzicht.",
    ]
    assert all(r.footnote is None for r in refs)


def test_references_are_deduplicated_by_target_and_position() -> None:
    text = "(Kamerstuk 33835-242) (Kamerstuk 33835-242)"
    refs = find_references(text)
    assert [r.target for r in refs] == ["kst-33835-242", "kst-33835-242"]  # two places
    assert len({(r.target, text.index(r.anchor)) for r in refs}) == 1  # same anchor text
    listed = find_references("( 35 334, nrs. 383 , 348 en 309 )")
    assert len({r.target for r in listed}) == 3
    assert len({r.anchor for r in listed}) == 1


def test_references_are_references() -> None:
    (ref,) = find_references("32 317, nr. 913")
    assert ref == Reference("kst-32317-913", "32 317, nr. 913", "32 317, nr. 913", None)


# --------------------------------------------------------------------------------------------
# parse_dutch_date
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("27 maart 2026", D(2026, 3, 27)),
        ("1 januari 2024", D(2024, 1, 1)),
        ("27-03-2026", D(2026, 3, 27)),
        ("2026-03-27", D(2026, 3, 27)),
        ("27 mrt. 2026", D(2026, 3, 27)),
        ("27 mrt 2026", D(2026, 3, 27)),
        ("27 MAART 2026", D(2026, 3, 27)),
        ("1e januari 2024", D(2024, 1, 1)),
        ("1ste januari 2024", D(2024, 1, 1)),
        ("2de februari 2024", D(2024, 2, 2)),
        ("3 sept. 2024", D(2024, 9, 3)),
        ("27/03/2026", D(2026, 3, 27)),
        ("7-3-2026", D(2026, 3, 7)),
        ("  27 maart 2026.  ", D(2026, 3, 27)),
        ("29 februari 2024", D(2024, 2, 29)),
        ("Donderdag 8 februari 2018", D(2018, 2, 8)),  # Handelingen <vergaderdatum>
        ("\n    Donderdag 5 april 2018\n   ", D(2018, 4, 5)),  # pretty-printed XML
        ("19 december 2024", D(2024, 12, 19)),  # officiele-publicaties <datum>
        ("2025-04-23T00:00:00+02:00", D(2025, 4, 23)),  # OData Datum
        ("2025-06-12T13:03:10.49+02:00", D(2025, 6, 12)),  # OData GewijzigdOp
    ],
)
def test_parse_dutch_date(text: str, expected: datetime.date) -> None:
    assert parse_dutch_date(text) == expected
    assert parse_dutch_date(text, NOTA_DATE) == expected  # a full date ignores the reference


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("20 maart", NOTA_DATE, D(2026, 3, 20)),
        ("20 maart jl.", NOTA_DATE, D(2026, 3, 20)),
        ("20 maart² jl.", NOTA_DATE, D(2026, 3, 20)),
        ("20 maart jongstleden", NOTA_DATE, D(2026, 3, 20)),
        ("27 maart", NOTA_DATE, D(2026, 3, 27)),  # on the reference date itself
        ("28 maart", NOTA_DATE, D(2025, 3, 28)),  # the most recent one is last year's
        ("1 april jl.", NOTA_DATE, D(2025, 4, 1)),
        ("29 februari jl.", NOTA_DATE, D(2024, 2, 29)),
        ("20 maart a.s.", NOTA_DATE, D(2027, 3, 20)),
        ("28 maart a.s.", NOTA_DATE, D(2026, 3, 28)),
        ("4 april jl.", D(2024, 5, 1), D(2024, 4, 4)),  # kamervragen
        ("20 maart", datetime.datetime(2026, 3, 27, 12, 0), D(2026, 3, 20)),
    ],
)
def test_parse_dutch_date_without_year(
    text: str, reference: datetime.date, expected: datetime.date
) -> None:
    assert parse_dutch_date(text, reference) == expected


@pytest.mark.parametrize("text", ["20 maart", "20 maart jl.", "1 april a.s."])
def test_parse_dutch_date_without_year_or_reference(text: str) -> None:
    assert parse_dutch_date(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "junk",
        "maart 2026",  # no day
        "d.d. maart 2022",  # kamervragen footnote: a month, not a date
        "31 februari 2026",
        "30 februari jl.",
        "32 maart 2026",
        "0 maart 2026",
        "13-13-2026",
        "2026-02-30",
        "2026-13-01",
        "2025-2026",
        "21501-02-3021",
        "kst-32317-913",
        "32 317, nr. 913",
        "Voorgesteld 20 mei 2025",  # running text: one date is not the whole string
        "27 maart 2026 en 28 maart 2026",
        "27 maart 2026 ²",
        "27 maartje 2026",
        "27 maart 3026",
        "14, 15 en 16 maart 2024",
        "¹²³",
        "\x00\x01",
        "9" * 10_000,
        "maart " * 1_000,
    ],
)
def test_parse_dutch_date_rejects(text: str) -> None:
    assert parse_dutch_date(text, NOTA_DATE) is None


# --------------------------------------------------------------------------------------------
# find_dates
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        (  # kamervragen ah-tk-20232024-1481
            "De Staatssecretaris van Justitie en Veiligheid heeft 14, 15 en 16 maart jl. een "
            "werkbezoek afgelegd aan de benedenwindse eilanden Aruba, Curaçao en Bonaire.",
            D(2024, 4, 11),
            [("14", D(2024, 3, 14)), ("15", D(2024, 3, 15)), ("16 maart jl.", D(2024, 3, 16))],
        ),
        (  # documenten
            "Convocatie inbreng schriftelijk overleg op 1 september 2025 t.v.v. de informele "
            "EU-Gezondheidsraad d.d. 15-16 september 2025",
            None,
            [
                ("1 september 2025", D(2025, 9, 1)),
                ("15", D(2025, 9, 15)),
                ("16 september 2025", D(2025, 9, 16)),
            ],
        ),
        (  # documenten
            "Convocatie inbreng schriftelijk overleg op 2 juli 2025 t.v.v. de Informele Raad voor "
            "Werkgelegenheid en Sociaal Beleid op 7 en 8 juli 2025",
            None,
            [("2 juli 2025", D(2025, 7, 2)), ("7", D(2025, 7, 7)), ("8 juli 2025", D(2025, 7, 8))],
        ),
        (  # Handelingen h-tk-20172018-70-6
            "Aan de orde zijn de stemmingen over moties , ingediend bij het VSO Informele "
            "Milieuraad d.d. 10-11 april 2018 ,",
            None,
            [("10", D(2018, 4, 10)), ("11 april 2018", D(2018, 4, 11))],
        ),
        (  # documenten; "2025 - 2028" is no date
            "Aan minister BuZa - Verzoek om beantwoording schriftelijk overleg d.d. 23 april 2025 "
            "over Internationale inzet van Nederlandse militairen, civiele experts en "
            "politiefunctionarissen 2025 - 2028 (Kamerstuk 29521, nr. 493)",
            None,
            [("23 april 2025", D(2025, 4, 23))],
        ),
        (  # documenten
            "Verslag van een rondetafelgesprek, gehouden op 4 juli 2018, over Evaluatie Politiewet "
            "2012 II",
            None,
            [("4 juli 2018", D(2018, 7, 4))],
        ),
        (  # kamervragen footnote: the leading "1" is a marker, "maart 2022" has no day
            "1 NOS, d.d. 1 maart 2024, «Kritiek op besluit provincie Friesland tegen actief "
            "regenboogbeleid», 2 Movisie, d.d. maart 2022, Inventarisatie Regenboogbeleid",
            None,
            [("1 maart 2024", D(2024, 3, 1))],
        ),
        (  # kamervragen, wrapped by the PDF
            "Volksgezondheid, Welzijn en Sport en van Justitie en Veiligheid (ontvangen\n"
            "11 april 2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024,\nnr. 1137.",
            None,
            [("11 april 2024", D(2024, 4, 11))],
        ),
        (  # officiele-publicaties <datumtekst>
            "Voorgesteld 20 mei 2025",
            None,
            [("20 mei 2025", D(2025, 5, 20))],
        ),
        (
            "nota-voortgang-implementatie-migratiepact-2026-03-27.txt",
            None,
            [("2026-03-27", D(2026, 3, 27))],
        ),
        (
            "vastgesteld op 27-03-2026, verstuurd 2026-03-30 en besproken 1ste april 2026.",
            None,
            [
                ("27-03-2026", D(2026, 3, 27)),
                ("2026-03-30", D(2026, 3, 30)),
                ("1ste april 2026", D(2026, 4, 1)),
            ],
        ),
        (
            "op 20 maart jl. en 3 april a.s.",
            NOTA_DATE,
            [
                ("20 maart jl.", D(2026, 3, 20)),
                ("3 april a.s.", D(2026, 4, 3)),
            ],
        ),
    ],
)
def test_find_dates(
    text: str,
    reference: datetime.date | None,
    expected: list[tuple[str, datetime.date]],
) -> None:
    found = find_dates(text, reference)
    assert [(written, date) for written, date, _ in found] == expected
    for written, _, offset in found:
        assert text[offset : offset + len(written)] == written


@pytest.mark.parametrize(
    "text",
    [
        "Tweede Kamer, vergaderjaar 2025-2026, 32 317, nr. 913",
        "Kamerstuk 21501-02-3021",
        "Turfmarkt 147\n\n2511 DP Den Haag",
        "Over twee maanden zal het migratiepact inwerking treden.",
        "de grootste stelselwijziging in 25 jaar.",
        "op 31 februari 2026 en 30-02-2026",
        "ISSN 0921 - 7398",
        "h-tk-20172018-70-6",
        "5 meivakantie 2026",
        "",
    ],
)
def test_find_dates_ignores(text: str) -> None:
    assert find_dates(text, NOTA_DATE) == []


def test_find_dates_skips_year_less_dates_without_reference() -> None:
    assert find_dates("de toezegging van 20 maart") == []
    assert [d for _, d, _ in find_dates("de toezegging van 20 maart", NOTA_DATE)] == [
        D(2026, 3, 20)
    ]


# --------------------------------------------------------------------------------------------
# vergaderjaar_of
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (D(2026, 3, 27), "2025-2026"),  # the nota
        # Dates and Vergaderjaar as the Tweede Kamer's OData Document records pair them:
        (D(2023, 9, 18), "2022-2023"),  # the day before Prinsjesdag 2023 (19 September)
        (D(2023, 9, 21), "2023-2024"),
        (D(2022, 9, 16), "2021-2022"),  # Prinsjesdag 2022 was 20 September
        (D(2022, 9, 21), "2022-2023"),
        (D(2024, 9, 17), "2024-2025"),  # Prinsjesdag 2024 itself
        (D(2024, 9, 16), "2023-2024"),
        (D(2024, 9, 1), "2023-2024"),  # 1 September is not yet the new year
        (D(2024, 1, 1), "2023-2024"),
        (D(2024, 12, 31), "2024-2025"),
        (datetime.datetime(2024, 9, 17, 13, 0), "2024-2025"),
    ],
)
def test_vergaderjaar_of(date: datetime.date, expected: str) -> None:
    assert vergaderjaar_of(date) == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2022, D(2022, 9, 20)),
        (2023, D(2023, 9, 19)),
        (2024, D(2024, 9, 17)),
        (2026, D(2026, 9, 15)),
    ],
)
def test_prinsjesdag_is_the_third_tuesday_of_september(year: int, expected: datetime.date) -> None:
    assert prinsjesdag(year) == expected
    assert expected.weekday() == 1


# --------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        (
            "In het kader van motie-Simons c.s. zijn er in december en januari jl. op ambtelijk "
            "niveau gesprekken gevoerd. Deze gesprekken richtten zich op de uitdagingen.",
            "ambtelijk",
            "In het kader van motie-Simons c.s. zijn er in december en januari jl. op ambtelijk "
            "niveau gesprekken gevoerd.",
        ),
        (
            "actief zijn op o.a. Curaçao en Aruba. Daarna volgt meer.",
            "Curaçao",
            "actief zijn op o.a. Curaçao en Aruba.",
        ),
        (
            "Vraag 1\nKunt u dat toelichten?\nAntwoord 1\nIn het kader van de motie is dat gedaan.",
            "toelichten",
            "Kunt u dat toelichten?",
        ),
        (
            "4.1. Politieke context\n\nMet deze brief wordt de motie uitgevoerd.",
            "brief",
            "Met deze brief wordt de motie uitgevoerd.",
        ),
        ("Geen punt aan het eind", "punt", "Geen punt aan het eind"),
    ],
)
def test_sentence_at(text: str, at: str, expected: str) -> None:
    assert sentence_at(text, text.index(at)) == expected


def test_page_footnote_line_starts_a_sentence() -> None:
    from ingest.extract import sentence_at

    # As pypdf returns a Kamervraag answer page (ah-tk-20232024-1771): footnote after the text.
    text = (
        "Zodra de resultaten gereed zijn, wordt de kabinetsreactie naar Uw Kamer gestuurd.\n"
        "5 pyrotechnische stoffen of preparaten welke zijn bedoeld om het vuurwerk open te "
        "rijten.\nZie nr.\n5 van de regeling."
    )
    assert sentence_at(text, 10).endswith("naar Uw Kamer gestuurd.")
    assert sentence_at(text, 90).startswith("5 pyrotechnische stoffen")
    assert sentence_at(text, len(text) - 3) == "Zie nr. 5 van de regeling."
