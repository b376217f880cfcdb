"""Rebuild tests/fake_kamer/data/ from the real records in ../shared/data (deterministic).

    python -m tests.fake_kamer.build_fixtures

Real records are copied with every field value unchanged, except the top-level ApiGewijzigdOp,
which is re-dated into 1-20 December 2024 (the original goes into data/provenance.json), and
`"Soort": "Motie"` and `"Verwijderd": false` constructed for the Zaak records of
moties-met-stemmingen, whose saving script selected fields without them (that folder holds only
moties). The Activiteit that a Toezegging expands is the Activiteit record itself, so the
expanded copy shows the re-dated ApiGewijzigdOp too. Real: Zaak, Document, Activiteit, Persoon,
Fractie. Constructed: Toezegging and Kamerstukdossier. See README.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tests.fake_kamer.feed import DATA_ENTITIES

Record = dict[str, Any]

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
SHARED = HERE.parents[2] / "shared" / "data"
ODATA = SHARED / "tk-odata"

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WINDOW_START = dt.datetime(2024, 12, 1, 7, 0, tzinfo=dt.UTC)
WINDOW_END = dt.datetime(2024, 12, 20, 17, 0, tzinfo=dt.UTC)
VOTED_MOTIONS = 30
DOCUMENTED_MOTIONS = 20
DOCUMENTS = 50
# The motie that the nota in ../shared/data/nota carries out (Podt and Rajkowski).
NOTA_MOTIE = "kst-32317-913"
# Real Activiteit records besides those the Toezeggingen expand: alive and deleted.
OTHER_ACTIVITIES = 10
DELETED_ACTIVITIES = 2
# Real Persoon records besides the indieners of the sample's moties (and the deleted one).
OTHER_PERSONS = 2
# A Kamerstuk number: kst-<dossier>[-<toevoeging>]-<volgnummer>, e.g. kst-21501-20-2180.
KAMERSTUK_RE = re.compile(r"^kst-(?P<nummer>\d+)(?:-(?P<toevoeging>[\w-]+?))?-(?P<volgnummer>\d+)$")
ENTITIES = DATA_ENTITIES


def api_time(moment: dt.datetime, salt: str) -> str:
    """ApiGewijzigdOp as the real API writes it: UTC, seven fractional digits, 'Z'."""
    fraction = int(hashlib.sha256(salt.encode()).hexdigest(), 16) % 10_000_000
    return f"{moment.astimezone(dt.UTC):%Y-%m-%dT%H:%M:%S}.{fraction:07d}Z"


def local_time(moment: dt.datetime) -> str:
    """GewijzigdOp-style time: Amsterdam offset, milliseconds without trailing zeros."""
    local = moment.replace(tzinfo=AMSTERDAM) if moment.tzinfo is None else moment
    local = local.astimezone(AMSTERDAM)
    text = local.isoformat(timespec="milliseconds")
    seconds, offset = text[:23], text[23:]
    return seconds.rstrip("0").rstrip(".") + offset


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def spread(count: int, wanted: int) -> list[int]:
    """`wanted` indices spread evenly over range(count)."""
    return sorted({i * count // wanted for i in range(wanted)})


def redate(records: list[Record], sources: dict[str, str], log: list[Record], salt: str) -> None:
    """New ApiGewijzigdOp values in the window, in the records' original order."""
    order = sorted(records, key=lambda r: (str(r.get("ApiGewijzigdOp") or ""), r["Id"]))
    step = (WINDOW_END - WINDOW_START) / max(len(order), 1)
    for index, record in enumerate(order):
        original = record.get("ApiGewijzigdOp")
        record["ApiGewijzigdOp"] = api_time(WINDOW_START + step * index, salt + record["Id"])
        log.append(
            {
                "Id": record["Id"],
                "bron": sources[record["Id"]],
                "ApiGewijzigdOp_origineel": original,
                "ApiGewijzigdOp": record["ApiGewijzigdOp"],
            }
        )


def with_missing_fields(zaak: Record) -> Record:
    """Insert the fields the saving script left out where the real API puts them (as in the
    moties-met-documenten Zaken): Soort after Nummer, Verwijderd after ApiGewijzigdOp."""
    out: Record = {}
    for key, value in zaak.items():
        out[key] = value
        if key == "Nummer":
            out["Soort"] = "Motie"
        if key == "ApiGewijzigdOp":
            out["Verwijderd"] = False
    return out


def voted_motions(exclude: set[str]) -> tuple[list[Record], dict[str, str]]:
    files = sorted((ODATA / "moties-met-stemmingen-2022-2023").glob("*/*.json"))
    records = [(f, load(f)) for f in files]
    records = [(f, r) for f, r in records if r["Id"] not in exclude]

    def first(test: Callable[[Record], bool]) -> int:
        return next(i for i, (_, r) in enumerate(records) if test(r))

    def soort(r: Record, stemming: str, besluit: str) -> bool:
        return any(
            b.get("StemmingsSoort") == stemming and b.get("BesluitSoort") == besluit
            for b in r["Besluit"]
        )

    wanted = {
        first(lambda r: soort(r, "Hoofdelijk", "Stemmen - aangenomen")),
        first(lambda r: soort(r, "Hoofdelijk", "Stemmen")),
    }
    wanted.update(spread(len(records), VOTED_MOTIONS - len(wanted)))
    chosen = [records[i] for i in sorted(wanted)][:VOTED_MOTIONS]
    sources = {r["Id"]: str(f.relative_to(SHARED)) for f, r in chosen}
    return [with_missing_fields(r) for _, r in chosen], sources


def motie_document(zaak: Record) -> Record | None:
    return next(
        (d for d in zaak.get("Document") or [] if str(d.get("Soort") or "").startswith("Motie")),
        None,
    )


def xml_publicatie(document: Record) -> str | None:
    version = document.get("HuidigeDocumentVersie") or {}
    for publicatie in version.get("DocumentPublicatie") or []:
        path = SHARED / "officiele-publicaties" / f"{publicatie['Id']}.xml"
        if publicatie.get("DocumentType") == "Xml" and path.exists():
            return str(publicatie["Id"])
    return None


def documented_motions(
    page_ids: set[str],
) -> tuple[list[Record], dict[str, str], list[str], set[str]]:
    files = sorted((ODATA / "moties-met-documenten-2023-2025").glob("*.json"))
    eligible = []
    for path in files:
        zaak = load(path)
        document = motie_document(zaak)
        if document and document["Id"] in page_ids and xml_publicatie(document):
            eligible.append((path, zaak, document))
    eligible.sort(key=lambda item: str(item[1].get("GestartOp")))

    def external(item: tuple[Path, Record, Record]) -> str:
        return str((item[2].get("HuidigeDocumentVersie") or {}).get("ExterneIdentifier"))

    wanted = {
        next(i for i, item in enumerate(eligible) if external(item) == NOTA_MOTIE),
        next(i for i, item in enumerate(eligible) if item[2]["Soort"] == "Motie (gewijzigd/nader)"),
    }
    for index in spread(len(eligible), DOCUMENTED_MOTIONS):
        if len(wanted) == DOCUMENTED_MOTIONS:
            break
        wanted.add(index)
    chosen = [eligible[i] for i in sorted(wanted)]
    sources = {zaak["Id"]: str(path.relative_to(SHARED)) for path, zaak, _ in chosen}
    publicaties = [str(xml_publicatie(document)) for _, _, document in chosen]
    document_ids = {document["Id"] for _, _, document in chosen}
    return [zaak for _, zaak, _ in chosen], sources, publicaties, document_ids


# Constructed Toezegging records (see README.md): real Activiteit (by Nummer, nested as
# $expand=Activiteit returns it), real function and ministry names, fictional person names,
# constructed Nummer and Tekst. `brief` names a real Brief regering whose subject fits.
COMMITMENTS: list[dict[str, Any]] = [
    {
        "activiteit": "2023A07780",
        "volgnummer": 41,
        "tekst": "De minister voor Klimaat en Energie informeert de Kamer in de eerstvolgende "
        "voortgangsbrief over de aanpak van netcongestie over de stand van de "
        "flexibele-transportrechtcontracten.",
        "functie": "Minister voor Klimaat en Energie",
        "ministerie": "Economische Zaken en Klimaat",
        "status": "Afgedaan",
        "nakoming": "2025-03-31",
        "brief": "Voortgang aanpak netcongestie",
    },
    {
        "activiteit": "2023A07279",
        "volgnummer": 57,
        "tekst": "De staatssecretaris stuurt de Kamer voor de zomer een brief over de stand van "
        "de versterkingsoperatie in Groningen.",
        "functie": "Staatssecretaris van Economische Zaken en Klimaat",
        "ministerie": "Economische Zaken en Klimaat",
        "status": "Deels afgedaan",
        "nakoming": "2024-07-01",
        "brief": "Staat van de veiligheid van Groningen",
    },
    {
        "activiteit": "2024A00383",
        "volgnummer": 12,
        "tekst": "De minister komt voor het einde van het jaar terug op de uitwerking van het "
        "Nationaal Plan Energiesysteem voor de regionale netten.",
        "functie": "Minister voor Klimaat en Energie",
        "ministerie": "Economische Zaken en Klimaat",
        "status": "Vervallen",
        "nakoming": "2024-12-31",
    },
    {
        "activiteit": "2023A07201",
        "volgnummer": 88,
        "tekst": "De minister informeert de Kamer in het eerste kwartaal van 2025 over de "
        "voortgang van de klimaat- en energiemaatregelen.",
        "functie": "Minister voor Klimaat en Energie",
        "ministerie": "Economische Zaken en Klimaat",
        "status": "Openstaand",
        "nakoming": "2025-03-31",
    },
    {
        "activiteit": "2023A06478",
        "volgnummer": 103,
        "tekst": "De minister zal de Kamer schriftelijk informeren over de uitkomst van het "
        "overleg met de sector over het landbouwakkoord.",
        "functie": "Minister van Landbouw, Natuur en Voedselkwaliteit",
        "ministerie": "Landbouw, Natuur en Voedselkwaliteit",
        "status": "Openstaand",
        "nakoming": None,
    },
    {
        "activiteit": "2023A06497",
        "volgnummer": 131,
        "tekst": "De minister stuurt de Kamer voor de zomer een brief over de stand van zaken "
        "van de gebiedsprogramma's en de stikstofdoelen.",
        "functie": "Minister voor Natuur en Stikstof",
        "ministerie": "Landbouw, Natuur en Voedselkwaliteit",
        "status": "Afgedaan",
        "nakoming": "2025-03-31",
        "brief": "Voortgang Nationaal Kennisprogramma Stikstof",
    },
    {
        "activiteit": "2023A07545",
        "volgnummer": 19,
        "tekst": "De minister doet in het verslag van de Landbouw- en Visserijraad verslag van de "
        "inzet op de vereenvoudiging van het gemeenschappelijk landbouwbeleid.",
        "functie": "Minister van Landbouw, Natuur en Voedselkwaliteit",
        "ministerie": "Landbouw, Natuur en Voedselkwaliteit",
        "status": "Afgedaan",
        "nakoming": "2025-02-15",
        "brief": "Verslag Landbouw- en Visserijraad",
    },
    {
        "activiteit": "2023A07078",
        "volgnummer": 164,
        "tekst": "De minister informeert de Kamer over de Nederlandse inzet bij de "
        "handelsonderhandelingen en de stand van de handelsakkoorden.",
        "functie": "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
        "ministerie": "Buitenlandse Zaken",
        "status": "Openstaand",
        "nakoming": "2025-06-30",
    },
    {
        "activiteit": "2023A07352",
        "volgnummer": 77,
        "tekst": "De minister zegt toe de Kamer te informeren over de Nederlandse inzet voor de "
        "Raad voor Concurrentievermogen op het gebied van ruimtevaart.",
        "functie": "Minister van Economische Zaken en Klimaat",
        "ministerie": "Economische Zaken en Klimaat",
        "status": "Openstaand",
        "nakoming": "2025-01-31",
    },
    {
        "activiteit": "2023A06526",
        "volgnummer": 25,
        "tekst": "De minister stuurt de Kamer een uitwerking van de gevolgen van de nota van "
        "wijziging op artikel 2.1 van de Wet dieren.",
        "functie": "Minister van Landbouw, Natuur en Voedselkwaliteit",
        "ministerie": "Landbouw, Natuur en Voedselkwaliteit",
        "status": "Openstaand",
        "nakoming": "2024-04-30",
    },
]
FICTIONAL_NAMES = [("Voorbeeld", "A.B."), ("Proef", "C."), ("Model", "D.E."), ("Staal", "F.")]


def pages_of(folder: str, pattern: str = "*.json") -> list[tuple[str, Record]]:
    """(source, record) for every record of the saved pages, in file order."""
    return [
        (str(path.relative_to(SHARED)), record)
        for path in sorted((ODATA / folder).glob(pattern))
        for record in load(path)
    ]


def activiteiten() -> dict[str, tuple[str, Record]]:
    return {
        record["Nummer"]: (source, record)
        for source, record in pages_of("activiteit")
        if record.get("Nummer") and not record.get("Verwijderd")
    }


def letter_for(keyword: str, letters: list[Record]) -> Record:
    return next(r for r in letters if keyword.lower() in str(r.get("Onderwerp")).lower())


def commitments(letters: list[Record]) -> tuple[list[Record], dict[str, str], list[Record]]:
    activities = activiteiten()
    records, sources, used_letters = [], {}, []
    for index, spec in enumerate(COMMITMENTS):
        source, activity = activities[spec["activiteit"]]
        day = dt.datetime.fromisoformat(activity["Datum"])
        achternaam, initialen = FICTIONAL_NAMES[index % len(FICTIONAL_NAMES)]
        nummer = f"TZ{day:%Y%m}-{spec['volgnummer']:03d}"
        brief = letter_for(spec["brief"], letters) if spec.get("brief") else None
        if brief is not None:
            used_letters.append(brief)
        created = day + dt.timedelta(days=1, hours=2, minutes=index, milliseconds=index * 37)
        nakoming = spec["nakoming"]
        record = {
            "Id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"fake-kamer/toezegging/{nummer}")),
            "Nummer": nummer,
            "Tekst": spec["tekst"],
            "Aanmaakdatum": local_time(created),
            "Status": spec["status"],
            "DatumNakoming": local_time(dt.datetime.fromisoformat(nakoming)) if nakoming else None,
            "KamerbriefNakoming": brief["DocumentNummer"] if brief else None,
            "Ministerie": spec["ministerie"],
            "Naam": f"{achternaam}, {initialen}",
            "Initialen": initialen,
            "Tussenvoegsel": None,
            "Achternaam": achternaam,
            "Voornaam": None,
            "Achtervoegsel": None,
            "Titulatuur": None,
            "Functie": spec["functie"],
            "ActiviteitNummer": activity["Nummer"],
            "Activiteit_Id": activity["Id"],
            "Fractie_Id": None,
            "Persoon_Id": None,
            "GewijzigdOp": local_time(created + dt.timedelta(milliseconds=500)),
            "ApiGewijzigdOp": api_time(created + dt.timedelta(seconds=3), nummer),
            "Verwijderd": False,
            "Activiteit": activity,
        }
        records.append(record)
        sources[record["Id"]] = f"geconstrueerd; Activiteit uit {source}"
    return records, sources, used_letters


def activities(expanded: list[Record]) -> tuple[list[Record], dict[str, str]]:
    """The Activiteiten the Toezeggingen expand (the very objects, so that both show the same
    re-dated ApiGewijzigdOp), and real others spread over the saved pages, alive and deleted."""
    pages = pages_of("activiteit")
    source_of = {record["Id"]: source for source, record in pages}
    chosen = {record["Id"]: (source_of[record["Id"]], record) for record in expanded}
    alive = [(s, r) for s, r in pages if not r.get("Verwijderd") and r["Id"] not in chosen]
    deleted = [(s, r) for s, r in pages if r.get("Verwijderd")]
    for source, record in [alive[i] for i in spread(len(alive), OTHER_ACTIVITIES)]:
        chosen[record["Id"]] = (source, record)
    for source, record in [deleted[i] for i in spread(len(deleted), DELETED_ACTIVITIES)]:
        chosen[record["Id"]] = (source, record)
    return [r for _, r in chosen.values()], {i: s for i, (s, _) in chosen.items()}


def actor_name(name: str) -> str:
    """ZaakActor.ActorNaam without the roepnaam: 'M. (Martin) Bosma' -> 'M. Bosma'."""
    return " ".join(re.sub(r"\([^)]*\)", " ", name).split())


def person_name(person: Record) -> str:
    parts = (person.get("Initialen"), person.get("Tussenvoegsel"), person.get("Achternaam"))
    return " ".join(str(part) for part in parts if part)


def persons(zaken: list[Record]) -> tuple[list[Record], dict[str, str]]:
    """The indieners of the sample's moties that the saved page has (matched on initials,
    tussenvoegsel and achternaam), its deleted records, and a few others."""
    pages = pages_of("persoon", "persoon_page_1_*.json")
    indieners = {
        actor_name(str(actor.get("ActorNaam")))
        for zaak in zaken
        for actor in zaak.get("ZaakActor") or []
    }
    chosen = {
        r["Id"]: (s, r) for s, r in pages if r.get("Verwijderd") or person_name(r) in indieners
    }
    others = [(s, r) for s, r in pages if r["Id"] not in chosen]
    for source, record in [others[i] for i in spread(len(others), OTHER_PERSONS)]:
        chosen[record["Id"]] = (source, record)
    return [r for _, r in chosen.values()], {i: s for i, (s, _) in chosen.items()}


def dossier_key(zaak: Record) -> tuple[int, str | None, int, Record] | None:
    """Dossier number, toevoeging and volgnummer of a motie Zaak's Kamerstuk, and its Document."""
    document = motie_document(zaak)
    if document is None:
        return None
    version = document.get("HuidigeDocumentVersie") or {}
    match = KAMERSTUK_RE.match(str(version.get("ExterneIdentifier") or ""))
    if match is None:
        return None
    return int(match["nummer"]), match["toevoeging"], int(match["volgnummer"]), document


def dossiers(
    zaken: list[Record], zaak_sources: dict[str, str]
) -> tuple[list[Record], dict[str, str]]:
    """Constructed Kamerstukdossier records, one per dossier (number and toevoeging) of the
    sample's motie Kamerstukken: Titel from the Zaak, HoogsteVolgnummer the highest motie
    number seen, GewijzigdOp the newest GewijzigdOp of those motie Documents."""
    grouped: dict[tuple[int, str | None], list[tuple[Record, int, Record]]] = {}
    for zaak in zaken:
        if (found := dossier_key(zaak)) is not None:
            nummer, toevoeging, volgnummer, document = found
            grouped.setdefault((nummer, toevoeging), []).append((zaak, volgnummer, document))
    records, sources = [], {}
    for (nummer, toevoeging), members in sorted(grouped.items(), key=lambda i: str(i[0])):
        name = f"{nummer}-{toevoeging}" if toevoeging else str(nummer)
        changed = max(dt.datetime.fromisoformat(d["GewijzigdOp"]) for _, _, d in members)
        zaak = members[0][0]
        record = {
            "Id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"fake-kamer/kamerstukdossier/{name}")),
            "Titel": zaak["Titel"],
            "Citeertitel": None,
            "Alias": None,
            "Nummer": nummer,
            "Toevoeging": toevoeging,
            "HoogsteVolgnummer": max(volgnummer for _, volgnummer, _ in members),
            "Afgesloten": False,
            "Kamer": "Tweede Kamer",
            "GewijzigdOp": local_time(changed),
            "ApiGewijzigdOp": api_time(changed, name),
            "Verwijderd": False,
        }
        records.append(record)
        sources[record["Id"]] = (
            f"geconstrueerd; uit Zaak {zaak['Nummer']} ({zaak_sources[zaak['Id']]})"
        )
    return records, sources


def documents(
    pages: list[tuple[str, Record]], wanted_ids: set[str], letters: list[Record]
) -> tuple[list[Record], dict[str, str]]:
    by_id = {r["Id"]: (source, r) for source, r in pages}
    chosen = {i: by_id[i] for i in sorted(wanted_ids)}
    chosen.update({r["Id"]: by_id[r["Id"]] for r in letters})
    deleted = [(s, r) for s, r in pages if r.get("Verwijderd")]
    for source, record in [deleted[i] for i in spread(len(deleted), 3)]:
        chosen[record["Id"]] = (source, record)
    soorten = ["Antwoord schriftelijke vragen", "Schriftelijke vragen", "Stenogram", "Amendement"]
    for soort in soorten:
        source, record = next((s, r) for s, r in pages if r.get("Soort") == soort)
        chosen[record["Id"]] = (source, record)
    carried_out = [
        (s, r) for s, r in pages if str(r.get("Onderwerp")).startswith("Uitvoering van de motie")
    ]
    for source, record in carried_out[:3]:
        chosen[record["Id"]] = (source, record)
    alive = [(s, r) for s, r in pages if not r.get("Verwijderd") and r["Id"] not in chosen]
    for source, record in [alive[i] for i in spread(len(alive), DOCUMENTS - len(chosen))]:
        chosen[record["Id"]] = (source, record)
    return [r for _, r in chosen.values()], {i: s for i, (s, _) in chosen.items()}


def main() -> None:
    pages = [
        (str(path.relative_to(SHARED)), record)
        for path in sorted((ODATA / "documenten").glob("*.json"))
        for record in load(path)
    ]
    page_ids = {r["Id"] for _, r in pages}
    documented, doc_sources, publicaties, motie_documents = documented_motions(page_ids)
    voted, vote_sources = voted_motions(exclude={z["Id"] for z in documented})
    letters = [r for _, r in pages if r.get("Soort") == "Brief regering"]
    toezeggingen, tz_sources, used_letters = commitments(letters)
    docs, document_sources = documents(pages, motie_documents, used_letters)
    acts, act_sources = activities([t["Activiteit"] for t in toezeggingen])
    zaken = voted + documented
    people, person_sources = persons(zaken)
    fractie_pages = pages_of("fractie", "fractie_page_1_*.json")
    fracties = [record for _, record in fractie_pages]
    fractie_sources = {record["Id"]: source for source, record in fractie_pages}
    kamerstukdossiers, dossier_sources = dossiers(documented, doc_sources)

    provenance: dict[str, list[Record]] = {entity: [] for entity in ENTITIES}
    redate(zaken, vote_sources | doc_sources, provenance["Zaak"], "Zaak")
    # One tie on purpose: two Zaken with the same ApiGewijzigdOp, ordered by Id.
    ordered = sorted(zaken, key=lambda z: (z["ApiGewijzigdOp"], z["Id"]))
    ordered[11]["ApiGewijzigdOp"] = ordered[10]["ApiGewijzigdOp"]
    for entry in provenance["Zaak"]:
        if entry["Id"] == ordered[11]["Id"]:
            entry["ApiGewijzigdOp"] = ordered[10]["ApiGewijzigdOp"]
    redate(docs, document_sources, provenance["Document"], "Document")
    redate(toezeggingen, tz_sources, provenance["Toezegging"], "Toezegging")
    redate(acts, act_sources, provenance["Activiteit"], "Activiteit")
    redate(people, person_sources, provenance["Persoon"], "Persoon")
    redate(fracties, fractie_sources, provenance["Fractie"], "Fractie")
    redate(kamerstukdossiers, dossier_sources, provenance["Kamerstukdossier"], "Kamerstukdossier")
    sets = {
        "Zaak": zaken,
        "Document": docs,
        "Toezegging": toezeggingen,
        "Activiteit": acts,
        "Persoon": people,
        "Fractie": fracties,
        "Kamerstukdossier": kamerstukdossiers,
    }

    if DATA.exists():
        shutil.rmtree(DATA)
    (DATA / "publicaties").mkdir(parents=True)
    for entity, records in sets.items():
        records.sort(key=lambda r: (r["ApiGewijzigdOp"], r["Id"]))
        text = json.dumps({"value": records}, ensure_ascii=False, indent=1)
        (DATA / f"{entity}.json").write_text(text + "\n", encoding="utf-8")
    for publicatie in publicaties:
        name = f"{publicatie}.xml"
        shutil.copyfile(SHARED / "officiele-publicaties" / name, DATA / "publicaties" / name)
    text = json.dumps(provenance, ensure_ascii=False, indent=1)
    (DATA / "provenance.json").write_text(text + "\n", encoding="utf-8")
    total = sum(p.stat().st_size for p in DATA.rglob("*") if p.is_file())
    counts = ", ".join(f"{len(records)} {entity}" for entity, records in sets.items())
    print(f"{counts}, {len(publicaties)} XML; {total / 1e6:.2f} MB in {DATA}")


if __name__ == "__main__":
    main()
