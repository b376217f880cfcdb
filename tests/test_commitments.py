"""Commitments (toezeggingen) extracted from real documents."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from assistant.documents import KAMERVRAAG, Document, Section
from ingest.commitments import Commitment, extract_commitments
from ingest.deadlines import deadline, detail_deadline
from ingest.sources.koop_xml import KoopXmlReader
from ingest.sources.pdf import PdfReader
from ingest.sources.tei import TeiReader
from ingest.sources.text import TextReader

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
NOTA = "tests/fixtures/nota/nota-voortgang-implementatie-migratiepact-2026-03-27.txt"
TEI = "tests/fixtures/tei/ParlaMint-NL_2022-01-20-tweedekamer-5.xml"
H61 = "tests/fixtures/commitments/h-tk-20172018-61-10.xml"
H70_14 = "tests/fixtures/handelingen/h-tk-20172018-70-14.xml"
KV2168 = "tests/fixtures/commitments/1cf0c343-2da4-429d-8a6d-729da6008af1.pdf"


@cache
def load(relative: str) -> Document:
    path = ROOT / relative
    if path.suffix == ".txt":
        docs = list(TextReader().read(path))
    elif path.suffix == ".pdf":
        docs = list(PdfReader().read(path))
    elif "ParlaMint" in path.name:
        docs = list(TeiReader().read(path))
    else:
        docs = list(KoopXmlReader().read(path))
    assert len(docs) == 1
    return docs[0]


@cache
def commitments(relative: str) -> tuple[Commitment, ...]:
    return tuple(extract_commitments(load(relative)))


def find(relative: str, fragment: str) -> Commitment:
    found = [c for c in commitments(relative) if fragment in c.sentence]
    assert len(found) == 1, [c.sentence for c in commitments(relative)]
    return found[0]


def collapsed(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("relative", [NOTA, TEI, H61, H70_14, KV2168])
def test_sentences_are_verbatim(relative: str) -> None:
    doc = load(relative)
    texts = [collapsed(doc.text)] + [collapsed(s.text) for s in doc.sections]
    assert commitments(relative)
    for commitment in commitments(relative):
        assert any(commitment.sentence in text for text in texts), commitment.sentence
        assert commitment.doc_id == doc.id
        assert commitment.rule  # every commitment names the rule that found it


def test_nota_vermeld() -> None:
    c = find(NOTA, "zoals u heeft toegezegd aan de Tweede Kamer op 20 maart")
    assert c.kind == "vermeld"
    assert c.made_on == dt.date(2026, 3, 20)
    assert c.to == "Tweede Kamer"
    assert c.what.startswith("nader ingaan op het rapport")
    assert c.what.endswith("door de IND")
    assert "kst-19637-3522" in c.references
    assert c.who == "De Minister van Asiel en Migratie"
    assert (c.deadline_start, c.deadline_end) == (None, None)


def test_nota_nakoming() -> None:
    c = find(NOTA, "doet u gestand aan de toezegging van 20 maart")
    assert c.kind == "nakoming"
    assert c.rule == "nakoming-gestand-doen"
    assert c.made_on == dt.date(2026, 3, 20)
    assert c.what == "nader ingaan op het rapport van de IND"
    assert c.section_title == "4.1. Politieke context"


def test_nota_gedaan() -> None:
    c = find(NOTA, "dat u de Kamer over deze bevindingen aanvullend zult informeren")
    assert c.kind == "gedaan"
    assert c.to == "de Kamer"
    assert c.made_on == dt.date(2026, 3, 27)
    assert (c.deadline_start, c.deadline_end) == (None, None)
    assert c.what.startswith("de Kamer over deze bevindingen aanvullend informeren")


def test_nota_motie_is_no_commitment() -> None:
    assert not [c for c in commitments(NOTA) if "uitvoering gegeven aan de motie" in c.sentence]
    assert len(commitments(NOTA)) == 3


def test_debate_beleidsbrief_in_februari() -> None:
    c = find(TEI, "Ik zal die beleidsbrief in februari naar de Kamer sturen")
    assert c.kind == "gedaan"
    assert c.who == "Minister Jetten"
    assert c.to == "de Kamer"
    assert c.made_on == dt.date(2022, 1, 20)
    assert (c.deadline_start, c.deadline_end) == (dt.date(2022, 2, 1), dt.date(2022, 2, 28))
    assert c.what == "die beleidsbrief in februari naar de Kamer sturen"


def test_debate_chair_confirmed_promise() -> None:
    c = find(TEI, "dan zal ik die de Kamer doen toekomen")
    assert c.kind == "gedaan"
    assert c.rule == "voorzitter-dat-is-een-toezegging"
    assert c.who == "Minister Jetten"
    assert c.made_on == dt.date(2022, 1, 20)
    titles = [s.text for s in load(TEI).sections]
    assert any("Dat is een toezegging" in text for text in titles)


def test_debate_binnenkort_has_no_deadline() -> None:
    c = find(TEI, "Ik zal de Kamer binnenkort informeren over de reactie van Nederland")
    assert c.kind == "gedaan"
    assert (c.deadline_start, c.deadline_end) == (None, None)


def test_debate_negatives() -> None:
    sentences = {c.sentence for c in commitments(TEI)}
    for negative in (
        "Ik zal het kort houden.",
        "Daar zal ik zo meteen nog wat meer over zeggen in reactie op de motie van mevrouw Kröger.",
        "Dat is een toezegging.",
    ):
        assert negative not in sentences
    assert not [s for s in sentences if s.endswith("?") or "verzoekt de regering" in s]


def test_handelingen_staatssecretaris() -> None:
    c = find(H61, "Ik wil daar ook zeker op terugkomen bij de Kamer")
    assert c.kind == "gedaan"
    assert c.who == "Staatssecretaris Keijzer"
    assert c.to == "de Kamer"
    c = find(H61, "Ik wil de heer Wörsdörfer toezeggen")
    assert c.kind == "gedaan"
    assert c.to == "de heer Wörsdörfer"


def test_handelingen_member_reports_commitment() -> None:
    c = find(H61, "De staatssecretaris zegde toe enkele door de Wereldbank gebruikte criteria")
    assert c.kind == "vermeld"
    assert c.who == "de staatssecretaris"
    assert c.what.startswith("enkele door de Wereldbank gebruikte criteria meenemen bij")
    sentences = {c.sentence for c in commitments(H61)}
    assert "Dan zal ik meetekenen en zal ik deze misschien aanhouden of intrekken." not in sentences


def test_ingekomen_stuk_naar_aanleiding_van_toezegging() -> None:
    c = find(H70_14, "naar aanleiding van toezegging tijdens het algemeen overleg Visserij")
    assert c.kind == "nakoming"
    assert c.made_on == dt.date(2018, 3, 27)
    assert "kst-32201-89" in c.references


def test_kamervraag_eind_2024() -> None:
    assert load(KV2168).id == "ah-tk-20232024-2168"
    c = find(KV2168, "Conform de toezegging van mijn ambtsvoorganger")
    assert c.kind == "vermeld"
    assert c.who == "mijn ambtsvoorganger"
    assert c.to == "de Kamer"
    assert (c.deadline_start, c.deadline_end) == (dt.date(2024, 10, 1), dt.date(2024, 12, 31))
    assert c.what == "de Kamer hierover eind 2024 nader informeren"
    sentences = {c.sentence for c in commitments(KV2168)}
    assert "Wanneer zult u de Kamer hierover informeren?" not in sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik stuur de brief voor de zomer.", (None, dt.date(2026, 7, 1))),
        ("Ik stuur de brief voor 1 juni.", (None, dt.date(2026, 5, 31))),
        ("Ik stuur de brief in februari.", (dt.date(2027, 2, 1), dt.date(2027, 2, 28))),
        ("Ik stuur de brief eind 2024.", (dt.date(2024, 10, 1), dt.date(2024, 12, 31))),
        ("in het eerste kwartaal", (dt.date(2026, 1, 1), dt.date(2026, 3, 31))),
        ("Dat doe ik dit najaar.", (dt.date(2026, 9, 1), dt.date(2026, 11, 30))),
        ("Ik informeer u binnenkort.", (None, None)),
        (
            "Dat kan ik binnen een paar maanden per brief hier hebben liggen.",
            (None, dt.date(2026, 6, 27)),
        ),
        ("Ik stuur u binnen drie weken een brief.", (None, dt.date(2026, 4, 17))),
        ("om over een aantal weken met een aanpak te komen", (None, dt.date(2026, 4, 17))),
        ("Ik kom omstreeks de zomer met een reactie.", (dt.date(2026, 6, 1), dt.date(2026, 8, 31))),
        ("binnen 10 maanden", (None, dt.date(2027, 1, 27))),
        ("Ik informeer u zo snel mogelijk.", (None, None)),
    ],
)
def test_deadline(text: str, expected: tuple[dt.date | None, dt.date | None]) -> None:
    assert deadline(text, dt.date(2026, 3, 27)) == expected


def test_labelled_precision_recall() -> None:
    from assistant.evaluate import commitment_precision_recall

    figures = commitment_precision_recall(FIXTURES / "commitments" / "labelled.jsonl", ROOT)
    print(f"commitments: {figures}")
    assert figures["sentences"] >= 30
    assert figures["precision"] >= 0.9
    assert figures["recall"] >= 0.8


def test_dev1_precision_recall_floor() -> None:
    """Regression floor on the exhaustively labelled dev1 documents (README there).

    The first measurement, before any rule was written against these sentences, gave
    precision 0.95 and recall 0.18; the figures below guard what the later rules and the
    follow-up sentences reached (0.98 / 0.89), so this set is in sample now.
    """
    from assistant.evaluate import commitment_precision_recall

    figures = commitment_precision_recall(
        FIXTURES / "commitments" / "dev1" / "dev1.jsonl", ROOT, exhaustive=True
    )
    print(f"dev1 commitments: {figures}")
    assert figures["true_positives"] + figures["false_negatives"] >= 100
    assert figures["precision"] >= 0.95
    assert figures["recall"] >= 0.85


@pytest.mark.parametrize(
    ("sentence", "written", "expected"),
    [
        # Real sentences from Kamervraag answers (../shared/data/kamervragen).
        ("Zo zal ik bijvoorbeeld overleg initiëren met softwareleveranciers.", True, "gedaan"),
        ("Ik ga er dan ook vanuit dat Bunq dit tot de bodem uitzoekt.", True, None),
        ("Daarvoor zal ik ingaan op de rol die het Rijk heeft in dit project.", True, None),
        ("Ik zal mij daar vanuit mijn rol ook voor blijven inzetten.", True, None),
        ("Ik zal dat niet doen.", True, None),
        # In a debate a first-person future needs a date to be a commitment.
        ("Ik zal de vragen in volgorde beantwoorden.", False, None),
        ("Na de zomer zal ik met de provincies de kansrijke gebieden verkennen.", False, "gedaan"),
    ],
)
def test_first_person_future(sentence: str, written: bool, expected: str | None) -> None:
    from ingest.commitments import classify

    verdict = classify(sentence, written=written)
    assert (verdict.kind if verdict else None) == expected


@pytest.mark.parametrize(
    ("sentence", "government", "expected"),
    [
        # Real sentences from Handelingen and Kamervraag answers (dev1/ and ../shared/data).
        ("Ik ben bereid om in overleg met de sector te bezien of en hoe dat kan.", True, "gedaan"),
        ("Ik ben niet bereid om die regeling te wijzigen.", True, None),
        (
            "Dat gesprek ga ik aan, maar wel met de nodige reserves, voeg ik daaraan toe.",
            True,
            "gedaan",
        ),
        (
            "Anders maak ik daar een aparte brief van, want het mag de andere "
            "elementen niet vertragen.",
            True,
            "gedaan",
        ),
        ("Ik maak uit de brief op dat het kabinet twijfelt.", True, None),
        ("Ik schets dat ook in de aanpak waarmee we komen.", True, "gedaan"),
        (
            "Dat is ook de achtergrond van de inzet van het kabinet om over een "
            "aantal weken met een "
            "fraudeaanpak richting de Kamer te komen.",
            True,
            "gedaan",
        ),
        (
            "De heer Veldman en andere indieners kunnen erop rekenen dat wij dat "
            "blijven voortzetten.",
            True,
            "gedaan",
        ),
        # A statement before a question is still a statement.
        (
            "Ik heb ook toegezegd, terug te komen op de organisatie en de "
            "kleinschaligheid: op welke "
            "manier normeren we op dit moment kleinschaligheid?",
            True,
            "vermeld",
        ),
        ("Kan de minister toezeggen dat hij terugkomt op de kleinschaligheid?", True, None),
        # Members reporting what the government will still send.
        (
            "Wij kijken uit naar de invulling van die zin in het programma dat de "
            "minister binnenkort "
            "naar de Tweede Kamer stuurt.",
            False,
            "vermeld",
        ),
        (
            "Mevrouw Dik-Faber wil dat ik het al betrek bij de brief die nog komt "
            "over het rapport.",
            False,
            "vermeld",
        ),
        (
            "Ik vraag de staatssecretaris om mee te nemen dat zij in de "
            "rapportages die zij naar de "
            "Kamer stuurt ook de resultaten inzichtelijk maakt.",
            False,
            None,
        ),
        ("Ik wil de minister bedanken voor haar toezeggingen.", False, "vermeld"),
        ("De minister zal hier in tweede termijn op terugkomen.", False, None),
        (
            "Dan zal ik vragen om de hele kwestie van waar we staan op papier te zetten.",
            True,
            "gedaan",
        ),
    ],
)
def test_promise_wording(sentence: str, government: bool, expected: str | None) -> None:
    from ingest.commitments import classify

    verdict = classify(sentence, may_promise=government)
    assert (verdict.kind if verdict else None) == expected


def test_written_earlier_letter_and_looking_further() -> None:
    from ingest.commitments import classify

    earlier = (
        "In de Kamerbrief van 15 december jl. is eveneens aangegeven dat het kabinet uw Kamer na "
        "de afronding van het herbeoordelingsproces, binnen de geldende juridische en commerciële "
        "randvoorwaarden, zo goed mogelijk informeert over de uitkomsten hiervan."
    )
    verdict = classify(earlier, written=True)
    assert verdict is not None
    assert (verdict.kind, verdict.rule) == ("vermeld", "vermeld-eerder-aangegeven-informeren")
    further = "Ik kan dat percentage niet verklaren en laat hier nog nader naar kijken."
    verdict = classify(further, written=True)
    assert verdict is not None
    assert (verdict.kind, verdict.rule) == ("gedaan", "later-laat-ik-nader-kijken")


H70_5 = "tests/fixtures/commitments/dev1/h-tk-20172018-70-5.xml"


def test_follow_ups_in_a_debate() -> None:
    """The sentences after a promise that say what the letter holds and when it comes."""
    doc = load(H70_5)
    found = commitments(H70_5)
    details = {detail: c for c in found for detail in c.details}
    inventory = find(H70_5, "Ik maak wel een inventarisatie van het huidige instrumentarium")
    assert "Daarbij betrek ik de lessons learned." in inventory.details
    assert "U hoort dat half mei." in details
    assert "Stel dat ik die in juni stuur." in details
    # The chair and members do not commit; talk of the debate itself is no detail.
    speakers = {collapsed(s.text): s for s in doc.sections}
    for detail in details:
        section = next(s for text, s in speakers.items() if detail in text)
        assert section.speaker is not None
        assert section.speaker.name.startswith("Minister"), detail
        assert detail not in {c.sentence for c in found}
    assert "Juni staat." not in details
    assert "Dan kunnen we het debat daarover vervolgen." not in details


def written_answer(text: str, date: dt.date) -> Document:
    """A written answer to Kamervragen as the PDF reader builds it: one Vraag/Antwoord section."""
    return Document(
        id="ah-tk-test",
        type=KAMERVRAAG,
        title="Antwoord op vragen",
        text=text,
        date=date,
        sections=[Section(title="Vraag 1", text=text, kind="vraag-antwoord")],
    )


def test_follow_up_sets_the_deadline() -> None:
    text = (
        "Antwoord 4\n"
        "Ik zal uw Kamer informeren over de uitkomsten van het onderzoek. "
        "Hierin zullen ook de gevolgen van de vertraging een plek krijgen. "
        "U ontvangt die brief in juni. "
        "Daarnaast zal Gasunie onderzoeken of er alternatieven zijn."
    )
    (promise,) = extract_commitments(written_answer(text, dt.date(2024, 3, 1)))
    assert promise.sentence.startswith("Ik zal uw Kamer informeren")
    assert promise.details == (
        "Hierin zullen ook de gevolgen van de vertraging een plek krijgen.",
        "U ontvangt die brief in juni.",
    )
    assert (promise.deadline_start, promise.deadline_end) == (
        dt.date(2024, 6, 1),
        dt.date(2024, 6, 30),
    )


def test_a_sentence_that_names_the_promised_letter_again_spells_it_out() -> None:
    """Real sentences from tests/eval/dev/kamervragen4 (row 23504) and dev/kamervragen2 (row
    24195): the letter promised is named again ("Die brief ...") or pointed at ("daarin")."""
    text = (
        "Antwoord 2\n"
        "Voor beantwoording van deze vraag verwijs ik als concessieverlener naar de brief die ik "
        "uw Kamer in september stuur met het uitgangspuntenkader decentralisatie. "
        "Die brief wordt gelijktijdig met het Programma van Eisen voor de nieuwe "
        "hoofdrailnetconcessie verstuurd. "
        "Ook de rol van banken zal daarin aan bod komen. "
        "De vervoerder heeft dat niet gedaan."
    )
    (promise,) = extract_commitments(written_answer(text, dt.date(2022, 6, 1)))
    assert promise.rule == "kamer-krijgt-met-tijd"
    assert promise.details == (
        "Die brief wordt gelijktijdig met het Programma van Eisen voor de nieuwe "
        "hoofdrailnetconcessie verstuurd.",
        "Ook de rol van banken zal daarin aan bod komen.",
    )


def test_what_the_promised_letter_will_go_into_spells_it_out_and_a_report_does_not() -> None:
    """Real sentences from tests/eval/dev/kamervragen (rows 11837 and 12919): "Daarbij zal ik
    ingaan op ..." is about the promised letter, not about how this answer goes on; a perfect
    tense with a date reports what was done."""
    text = (
        "Antwoord 1\n"
        "Nog voor het einde van dit jaar wil ik uw Kamer informeren over de impact van de "
        "energiecrisis op de energie-intensieve industrie. "
        "Daarbij zal ik ingaan op het handelingsperspectief om de problemen in de "
        "energie-intensieve industrie te adresseren. "
        "De vaste commissie voor VWS heeft dit verzoek op 16 februari ook gedaan."
    )
    (promise,) = extract_commitments(written_answer(text, dt.date(2022, 10, 1)))
    assert promise.details == (
        "Daarbij zal ik ingaan op het handelingsperspectief om de problemen in de "
        "energie-intensieve industrie te adresseren.",
    )
    # On its own, the same words are how a text goes on: no commitment.
    alone = "Antwoord 2\nDaarbij zal ik ingaan op de vragen van het lid Kops."
    assert extract_commitments(written_answer(alone, dt.date(2022, 10, 1))) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U hoort dat half mei.", (dt.date(2018, 5, 1), dt.date(2018, 5, 31))),
        ("Mag ik er juni van maken?", (dt.date(2018, 6, 1), dt.date(2018, 6, 30))),
        ("Dat wordt februari.", (dt.date(2019, 2, 1), dt.date(2019, 2, 28))),
        ("Ik denk een weekje of drie.", (None, None)),
    ],
)
def test_detail_deadline(text: str, expected: tuple[dt.date | None, dt.date | None]) -> None:
    assert detail_deadline(text, dt.date(2018, 4, 5)) == expected


def test_context_tells_what_the_promise_is_about() -> None:
    """ "Ik wil daar ook zeker op terugkomen" is about what the sentences before it say."""
    promise = find(H61, "Ik wil daar ook zeker op terugkomen bij de Kamer")
    assert len(promise.context) == 2
    assert "overheden rekeningen betalen binnen 30 dagen" in promise.context[0]
    speech = next(s for s in load(H61).sections if "zeker op terugkomen" in s.text)
    assert all(sentence in collapsed(speech.text) for sentence in promise.context)


def test_a_debate_promise_that_answers_a_member_has_their_question_as_context() -> None:
    """Jetten's promise early in his turn answers Kröger's question just before it: her last
    sentences (commissie-SCHEER, JRC) come before his own in the context. His promise of a
    beleidsbrief, far into a turn that follows the chair's words, gets no such question."""
    promise = find(TEI, "dan zal ik die de Kamer doen toekomen")
    asked, *own = promise.context
    assert "commissie-SCHEER" in asked and "JRC" in asked and asked.endswith("?")
    sections = load(TEI).sections
    turn = next(n for n, s in enumerate(sections) if "doen toekomen" in s.text)
    assert sections[turn - 1].speaker is not None
    assert "Kröger" in sections[turn - 1].speaker.name
    assert all(sentence in collapsed(sections[turn - 1].text) for sentence in promise.context[:2])
    assert all(sentence in collapsed(sections[turn].text) for sentence in own[-2:])
    letter = find(TEI, "Ik zal die beleidsbrief in februari naar de Kamer sturen")
    speech = next(s for s in sections if "beleidsbrief in februari" in s.text)
    assert all(sentence in collapsed(speech.text) for sentence in letter.context)


def test_a_deadline_is_not_when_it_was_promised() -> None:
    from ingest.deadlines import made_on_date

    member = (
        "Ik wil dat zien in de brief die we halverwege mei krijgen over de deadline van 1 april."
    )
    assert made_on_date(member, dt.date(2018, 4, 5)) is None
    assert made_on_date("Ik heb op 20 maart toegezegd ...", dt.date(2026, 3, 27)) == dt.date(
        2026, 3, 20
    )
