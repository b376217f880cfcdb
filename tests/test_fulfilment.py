"""Motie fulfilment (by text, by a letter's subject, none) and leads from later letters."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from assistant.commitments import CommitmentRow
from assistant.compose import build_services
from assistant.documents import MOTIE, Document, Motion
from assistant.embed import HashEmbedder
from assistant.fulfilment import (
    CARRIED_OUT,
    FULFILMENT_RE,
    HIGH,
    LOW,
    MEDIUM,
    NAMED,
    NOT_APPLICABLE,
    UNKNOWN,
    later_letters,
    motion_fulfilment,
    named_in_subjects,
)
from assistant.question import COMMITMENT, MOTION, parse_question
from assistant.retrieve import ChunkIndex
from assistant.settings import Settings
from assistant.store import Store
from ingest.pipeline import Ingestor

FIXTURES = Path(__file__).parent / "fixtures"


def letter(number: str, subject: str, day: str, soort: str = "Brief regering") -> dict[str, object]:
    """An OData Document record as the API returns it (subject only, no text)."""
    return {
        "Id": f"00000000-0000-0000-0000-{number[-12:].rjust(12, '0')}",
        "Soort": soort,
        "DocumentNummer": number,
        "Titel": None,
        "Onderwerp": subject,
        "Datum": f"{day}T00:00:00+02:00",
        "Vergaderjaar": "2024-2025",
        "Kamer": 2,
        "Organisatie": "Tweede Kamer",
        "Verwijderd": False,
    }


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("fulfilment")
    page = folder / "document_page_1.json"
    page.write_text(
        json.dumps(
            [
                letter(
                    "2025D90001",
                    "Uitvoering motie van de leden Koekkoek en Ceder over de belangen van het "
                    "kind (Kamerstuk 19637-3185)",
                    "2025-04-04",
                ),
                letter(
                    "2025D90002",
                    "Kabinetsreactie op het rapport ‘Leren van twee vuurwerkrampen’ van de "
                    "Universiteit Twente",
                    "2025-09-05",
                ),
                letter("2025D90003", "Agenda Informele Energieraad vuurwerkrampen", "2025-09-06"),
                letter(
                    "2025D90004",
                    "Reactie op de motie van het lid Rikkers-Oosterkamp over afspraken over een "
                    "regionaal budget (Kamerstuk 34104-439)",
                    "2025-03-17",
                ),
                letter(
                    "2025D90005",
                    "Aan bewindspersoon - Verzoek brief inzake uitvoering van de motie van het "
                    "lid Rikkers-Oosterkamp (Kamerstuk 34104-439)",
                    "2025-02-20",
                    soort="Brief commissie aan bewindspersoon",
                ),
                letter(
                    "2025D90007",
                    "Uitvoering van de gewijzigde motie over een andere beveiliging van de "
                    "kerncentrale (Kamerstuk 29665-562)",
                    "2025-05-02",
                ),
                letter(
                    "2023D90008",
                    "Reactie op de motie van het lid Baudet over uitspreken dat Nederlandse "
                    "dienstplichtigen nooit mogen worden uitgezonden om in Oekraïne te vechten "
                    "(Kamerstuk 21501-20-1900)",
                    "2023-06-01",
                ),
                letter(
                    "2023D90009",
                    "Opvolging motie van het lid Baudet over de inburgering van statushouders "
                    "(Kamerstuk 32824-999)",
                    "2023-06-02",
                ),
                letter(
                    "2025D90006",
                    "Convocatie schriftelijk overleg over de reactie op de motie van het lid "
                    "Rikkers-Oosterkamp (Kamerstuk 34104-439)",
                    "2025-03-27",
                    soort="Convocatie",
                ),
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    settings = Settings(store=folder / "store")
    opened = Store.open(settings)
    Ingestor(opened, HashEmbedder(), settings).run(
        [
            FIXTURES / "xml",
            FIXTURES / "odata" / "zaken",
            FIXTURES / "odata" / "stemmingen",
            FIXTURES / "nota",
            page,
        ]
    )
    return opened


def store_index(store: Store) -> ChunkIndex:
    return ChunkIndex.build(store)


def test_carried_out_by_a_sentence_in_a_text_is_high(store: Store) -> None:
    doc = store.get_document("kst-32317-913")
    assert doc is not None
    found = motion_fulfilment(store, doc)
    assert (found.status, found.confidence) == (CARRIED_OUT, HIGH)
    assert "Hiermee wordt uitvoering gegeven aan de motie" in found.evidence[0].quote


def test_carried_out_by_a_letter_subject_only_is_medium(store: Store) -> None:
    doc = store.get_document("kst-19637-3185")
    assert doc is not None and doc.motion is not None and doc.motion.outcome == "aangenomen"
    found = motion_fulfilment(store, doc)
    assert (found.status, found.confidence) == (CARRIED_OUT, MEDIUM)
    assert found.evidence[0].id == "2025D90001" and found.evidence[0].kind == "onderwerp"


def test_rejected_and_unknown_motions(store: Store) -> None:
    rejected = store.get_document("2022Z00782")
    assert rejected is not None and rejected.motion is not None
    assert rejected.motion.outcome == "verworpen"
    assert motion_fulfilment(store, rejected).status == NOT_APPLICABLE
    unknown = store.get_document("kst-34104-439")
    assert unknown is not None
    found = motion_fulfilment(store, unknown)
    assert (found.status, found.confidence) == (UNKNOWN, LOW)
    # The government's reaction is shown as a reaction, not as carrying it out; the committee's
    # request for a letter "inzake uitvoering" and its convocation are neither.
    assert [e.id for e in found.responses] == ["2025D90004"]
    assert found.evidence == []


def test_a_replaced_motie_is_carried_out_when_its_replacement_is(store: Store) -> None:
    """The letter names the gewijzigde motie that was voted on; asked about the motie it
    replaced, the answer follows the replacement and says so."""
    newer = store.get_document("kst-29665-562")
    assert newer is not None and newer.motion is not None
    original = Document(
        id=newer.motion.replaces or "",
        type=MOTIE,
        title="Motie (vervangen)",
        motion=Motion(outcome="onbekend"),
    )
    assert original.id == "kst-29665-541"
    found = motion_fulfilment(store, original)
    assert [d.id for d in found.replaced_by] == ["kst-29665-562"]
    assert found.status == CARRIED_OUT
    assert [(e.id, e.via) for e in found.evidence] == [("2025D90007", "kst-29665-562")]
    assert motion_fulfilment(store, newer).evidence[0].via == ""


def test_a_motie_known_only_by_its_zaak_is_found_in_a_letter_subject_by_indiener(
    store: Store,
) -> None:
    """A Zaak from the vote records carries no Kamerstuk number, so a letter that names the
    motie by number cannot be linked by it. Its subject names the first indiener and repeats
    the motie's subject: that letter is found; one on another motie of the member is not."""
    doc = store.get_document("2023Z03167")
    assert doc is not None and not doc.id.startswith("kst-")
    found = named_in_subjects(store, store_index(store), doc)
    assert [(e.id, e.kind) for e in found] == [("2023D90008", NAMED)]
    assert [e.id for e in motion_fulfilment(store, doc, store_index(store)).responses] == [
        "2023D90008"
    ]
    # A rejected motie has nothing to carry out: no search for it.
    rejected = store.get_document("2022Z00782")
    assert rejected is not None
    assert named_in_subjects(store, store_index(store), rejected) == []


def test_opvolging_of_a_motie_is_fulfilment_wording() -> None:
    assert FULFILMENT_RE.search("Opvolging motie van het lid Kathmann c.s. over het .nl-domein")
    assert FULFILMENT_RE.search("Opvolging aan de motie van het lid Teunissen c.s. over ...")
    assert not FULFILMENT_RE.search("Opvolging van de adviezen van de politie")


@pytest.mark.parametrize(
    "question",
    [
        "Heeft het kabinet iets gedaan met de motie-Rikkers-Oosterkamp over het regionale budget?",
        "Is er iets gebeurd met de motie 34104-439?",
        "Is er opvolging gegeven aan de gewijzigde motie 34104-439?",
        "Is de motie 34104-439 al opgepakt?",
        "Heeft de regering de motie 34104-439 al onderzocht, zoals de motie vroeg?",
    ],
)
def test_ways_of_asking_whether_a_motie_was_carried_out(question: str) -> None:
    assert "fulfilment" in parse_question(question, dt.date(2026, 12, 5)).aspects


def test_a_reaction_letter_is_named_instead_of_nothing_found(store: Store) -> None:
    answerer = build_services(
        Settings(store=store.settings.store), embedder=HashEmbedder(), store=store
    ).answerer
    answer = answerer.ask("Is motie 34104-439 uitgevoerd?")
    assert "Reactie van het kabinet: 'Reactie op de motie van het lid Rikkers-Oosterkamp" in (
        answer.answer
    )
    assert "Het kabinet heeft dus op de motie gereageerd" in answer.answer
    assert "geen document dat meldt" not in answer.answer


def test_later_letters_are_leads_by_words_and_date(store: Store) -> None:
    words = ["vuurwerkrampen", "Universiteit", "Kabinetsreactie"]
    leads = later_letters(store, words, dt.date(2024, 5, 17))
    assert [e.id for e in leads] == ["2025D90002"]  # the agenda lacks a deliverable word
    assert leads[0].kind == "onderwerp" and leads[0].date == "2025-09-05"
    assert later_letters(store, words, dt.date(2025, 10, 1)) == []  # only letters after it
    assert later_letters(store, ["vuurwerkrampen"], None) == []  # one shared word is too weak


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Wat zegde minister Jetten in het debat over de Energieraad toe?", COMMITMENT),
        ("Heeft minister De Jonge de brief over Careyn naar de Kamer gestuurd?", COMMITMENT),
        ("Is de staatssecretaris teruggekomen op de betaaltermijn?", COMMITMENT),
        ("Is motie 36541-8 uitgevoerd?", MOTION),
    ],
)
def test_commitment_questions_without_the_word_toezegging(question: str, intent: str) -> None:
    assert parse_question(question, dt.date(2026, 11, 29)).intent == intent


def test_toe_te_voegen_is_no_commitment_question() -> None:
    parsed = parse_question("Wat zegt de nota over het toe te voegen artikel?", dt.date(2026, 1, 1))
    assert parsed.intent != COMMITMENT


def test_briefing_shows_fulfilment_and_escapes_source_text(store: Store, tmp_path: Path) -> None:
    from docx import Document as WordDocument

    from assistant.briefing import build_briefing, to_docx, to_markdown

    today = dt.date(2026, 11, 29)
    briefing = build_briefing(store, "19637", today)
    markdown = to_markdown(briefing, today)
    assert "uitvoering: uitgevoerd (zekerheid middel)" in markdown
    assert "## Aangenomen moties zonder gevonden uitvoering (0)" in markdown
    target = tmp_path / "b.docx"
    to_docx(markdown, target)
    text = "\n".join(p.text for p in WordDocument(str(target)).paragraphs)
    assert "\\" not in text and "](" not in text  # Markdown escapes and links undone
    assert "kst-19637-3185 (https://zoek.officielebekendmakingen.nl/kst-19637-3185.html)" in text


def test_markdown_escape_keeps_source_text_inert() -> None:
    from assistant.render import md_escape, md_plain

    hostile = "Titel [klik](https://example.org) **vet** <b>x</b> $x$ # kop"
    escaped = md_escape(hostile)
    assert "[klik](" not in escaped and "<b>" not in escaped and "$x$" not in escaped
    assert md_plain(escaped) == hostile


def _row(quote: str, made_on: str = "2024-05-17") -> CommitmentRow:
    return CommitmentRow(
        id="tekst-test#1",
        source="gedaan",
        made_on=made_on,
        who="staatssecretaris van Infrastructuur en Waterstaat",
        what=quote,
        quote=quote,
        doc_id="ah-tk-test",
        doc_title="Vragen over vuurwerkopslag",
        url=None,
        status="open",
        status_text="",
        context=["Het rapport van de Universiteit Twente 'Leren van twee vuurwerkrampen' ..."],
    )


def test_a_later_letter_that_is_the_promised_stuk_counts_as_probably_kept(
    store: Store,
) -> None:
    answerer = build_services(
        Settings(store=store.settings.store), embedder=HashEmbedder(), store=store
    ).answerer
    promise = _row(
        "Zodra het onderzoek gereed is, wordt de kabinetsreactie naar uw Kamer gestuurd."
    )
    found = answerer._delivered(promise)
    assert found is not None and found.id == "2025D90002"
    # Not after the letter, not without a promised kind of stuk, not on another subject.
    assert answerer._delivered(_row(promise.quote, made_on="2025-10-01")) is None
    assert answerer._delivered(_row("Ik zal de Kamer informeren.")) is None
    other = _row("De kabinetsreactie op het advies over windparken volgt.")
    other.context = ["Windparken op zee."]
    other.doc_title = "Vragen over windparken"
    assert answerer._delivered(other) is None


def test_briefing_of_a_large_dossier_shows_the_newest_moties_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant import briefing as module
    from assistant.documents import Document, Motion

    store = Store.open(Settings(store=tmp_path / "store"))
    store.put_documents(
        [
            Document(
                f"kst-99999-{n}", "motie", f"Motie {n}", f"Verzoekt de regering {n}",
                date=dt.date(2025, n, 1), dossier="99999", motion=Motion(outcome="verworpen"),
            )
            for n in (3, 1, 2)
        ]
    )  # fmt: skip
    today = dt.date(2026, 11, 29)
    full = module.build_briefing(store, "99999", today)
    assert [d.id for d in full.moties] == ["kst-99999-1", "kst-99999-2", "kst-99999-3"]
    assert full.moties_total == 3
    assert "## Moties (3)" in module.to_markdown(full, today)

    monkeypatch.setattr(module, "BRIEFING_MOTIES", 2)
    capped = module.build_briefing(store, "99999", today)
    assert [d.id for d in capped.moties] == ["kst-99999-2", "kst-99999-3"]
    assert capped.moties_total == 3
    assert "## Moties (de nieuwste 2 van 3;" in module.to_markdown(capped, today)

    since = module.build_briefing(store, "99999", today, since=dt.date(2025, 2, 1))
    assert [d.id for d in since.moties] == ["kst-99999-2", "kst-99999-3"]
    assert "## Moties (2 sinds 2025-02-01)" in module.to_markdown(since, today)


def test_a_crafted_address_cannot_close_a_briefing_link_early() -> None:
    from assistant.briefing import link

    crafted = "https://zoek.officielebekendmakingen.nl/kst-1) ![x](http://127.0.0.1:9/p.png"
    shown = link("kst-1", crafted)
    assert "![" not in shown and "](http" not in shown
    assert link("kst-1", "https://zoek.officielebekendmakingen.nl/kst-1.html") == (
        "[kst-1](https://zoek.officielebekendmakingen.nl/kst-1.html)"
    )
