"""Tweede Kamer OData JSON: Zaak (moties with votes or documents), Document pages, Toezegging."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.documents import (
    AANGEHOUDEN,
    AANGENOMEN,
    BRIEF,
    DOCUMENT,
    GEWIJZIGDE_MOTIE,
    INGETROKKEN,
    KAMERVRAAG,
    MOTIE,
    ONBEKEND,
    TOEZEGGING,
    VERWORPEN,
    Document,
    Motion,
    Person,
    Section,
    Vote,
    kst_url,
)
from assistant.errors import RejectedFile

Record = dict[str, Any]

ZAAK_NUMMER_RE = re.compile(r"^\d{4}Z\d{5}$")
TOEZEGGING_NUMMER_RE = re.compile(r"^TZ\d{6}-\d+$")
REPLACES_RE = re.compile(r"t\.v\.v\.\s*([\w-]+?-\d+)\)")
ODATA_DOCUMENT_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Document({id})/resource"
ZAAK_URL = "https://www.tweedekamer.nl/kamerstukken/moties/detail?id={nummer}"

# Document.Soort -> our type; everything else is a metadata-only "document".
DOCUMENT_TYPES = {
    "Motie": MOTIE,
    "Motie (gewijzigd/nader)": GEWIJZIGDE_MOTIE,
    "Brief regering": BRIEF,
    "Brief commissie aan bewindspersoon": BRIEF,
    "Brief lid / fractie": BRIEF,
    "Brief commissie": BRIEF,
    "Schriftelijke vragen": KAMERVRAAG,
    "Antwoord schriftelijke vragen": KAMERVRAAG,
}


def signer_rank(onderwerp: str, name: str) -> int:
    """Position of a member's surname in 'Motie van de leden Podt en Rajkowski over ...'."""
    head = onderwerp.split(" over ")[0].lower()
    surname = name.split()[-1].lower() if name.split() else ""
    position = head.find(surname) if surname else -1
    return position if position >= 0 else len(head) + 1


class SkippedFile(Exception):
    """A well-formed file that holds no documents (e.g. an OData Persoon page). Not an error."""


def parse_datetime(value: Any) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def vote_outcome(besluit_soort: str | None) -> str:
    """'Stemmen - aangenomen' -> aangenomen; a plain 'Stemmen' says nothing: onbekend."""
    soort = (besluit_soort or "").lower()
    for outcome in (AANGENOMEN, VERWORPEN, AANGEHOUDEN, INGETROKKEN):
        if outcome in soort:
            return outcome
    return ONBEKEND


def newest_vote_besluit(besluiten: list[Record]) -> Record | None:
    """The outcome is the newest Besluit whose BesluitSoort starts with 'Stemmen'."""
    voting = [b for b in besluiten if str(b.get("BesluitSoort") or "").startswith("Stemmen")]
    if not voting:
        return None
    return max(voting, key=lambda b: str(b.get("GewijzigdOp") or ""))


def records_of(data: Any) -> list[Record]:
    """An OData payload as a list of records: a page (`value: [...]`), a list, or one record."""
    if isinstance(data, dict) and isinstance(data.get("value"), list):
        data = data["value"]
    if isinstance(data, dict):
        return [data]
    if isinstance(data, list):
        return [r for r in data if isinstance(r, dict)]
    return []


class ODataReader:
    """JSON as saved from the Tweede Kamer Open Data API (OData v4)."""

    name = "odata-json"

    def sniff(self, path: Path, head: bytes) -> bool:
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        return stripped[:1] in (b"{", b"[")

    def read(self, path: Path) -> Iterator[Document]:
        try:
            data = json.loads(path.read_bytes().decode("utf-8-sig"))
        except UnicodeDecodeError as error:
            raise RejectedFile(f"JSON is geen geldige UTF-8: {error.reason}") from error
        except json.JSONDecodeError as error:
            raise RejectedFile(f"ongeldige JSON (regel {error.lineno}): {error.msg}") from error
        records = records_of(data)
        if not records:
            raise RejectedFile("JSON zonder OData-records")
        first = records[0]
        if ZAAK_NUMMER_RE.match(str(first.get("Nummer") or "")) and (
            "Besluit" in first or "ZaakActor" in first or first.get("Soort") == "Motie"
        ):
            yield from (self._motion(r, path) for r in records)
        elif TOEZEGGING_NUMMER_RE.match(str(first.get("Nummer") or "")) or "DatumNakoming" in first:
            yield from (self._commitment(r, path) for r in records)
        elif "DocumentNummer" in first:
            # Records without a DocumentNummer (Soort empty, ~20% of the pages) identify nothing.
            yield from (self._document(r, path) for r in records if r.get("DocumentNummer"))
        else:
            raise SkippedFile(f"OData-records zonder documenten ({self._entity_hint(first)})")

    @staticmethod
    def _entity_hint(record: Record) -> str:
        if "Besluit_Id" in record:
            return "losse Stemming-records zonder Zaak"
        if "Achternaam" in record:
            return "Persoon"
        if "AantalZetels" in record:
            return "Fractie"
        keys = ", ".join(list(record)[:4])
        return f"velden {keys}"

    def _motion(self, zaak: Record, path: Path) -> Document:
        """One OData Zaak of Soort Motie: a part that the pipeline joins with its other parts."""
        nummer = str(zaak.get("Nummer") or "")
        onderwerp = " ".join(str(zaak.get("Onderwerp") or "").split())
        documents = [d for d in zaak.get("Document") or [] if isinstance(d, dict)]
        motie_doc = next(
            (d for d in documents if str(d.get("Soort") or "").startswith("Motie")), None
        )
        gewijzigd = onderwerp.lower().startswith("gewijzigde motie") or (
            motie_doc is not None and "gewijzigd" in str(motie_doc.get("Soort")).lower()
        )
        motion = Motion(
            zaak_id=zaak.get("Id"),
            kabinetsappreciatie=zaak.get("Kabinetsappreciatie"),
            afgedaan=zaak.get("Afgedaan"),
        )
        if (replaced := REPLACES_RE.search(onderwerp)) is not None:
            motion.replaces = f"kst-{replaced.group(1)}"
        besluit = newest_vote_besluit([b for b in zaak.get("Besluit") or [] if isinstance(b, dict)])
        if besluit is not None:
            motion.outcome = vote_outcome(besluit.get("BesluitSoort"))
            motion.besluit_soort = besluit.get("BesluitSoort")
            motion.stemmings_soort = besluit.get("StemmingsSoort")
            motion.votes = [
                Vote(
                    actor=str(s.get("ActorNaam") or ""),
                    fractie=str(s.get("ActorFractie") or s.get("ActorNaam") or ""),
                    side=str(s.get("Soort") or ""),
                    seats=int(s.get("FractieGrootte") or 0),
                )
                for s in besluit.get("Stemming") or []
                if isinstance(s, dict) and not s.get("Vergissing")
            ]
        ids = {"zaak": nummer, "zaak_id": str(zaak.get("Id") or "")}
        identifier = nummer
        date = parse_datetime(zaak.get("GestartOp"))
        if motie_doc is not None:
            ids["documentnummer"] = str(motie_doc.get("DocumentNummer") or "")
            version = motie_doc.get("HuidigeDocumentVersie") or {}
            external = str(version.get("ExterneIdentifier") or "")
            if external.startswith("kst-"):
                identifier = external
            for publicatie in version.get("DocumentPublicatie") or []:
                if publicatie.get("DocumentType") == "Xml":
                    ids["publicatie"] = str(publicatie.get("Id"))
            date = parse_datetime(motie_doc.get("Datum")) or date
        if not identifier:
            raise RejectedFile("Zaak zonder Nummer")
        indieners = [
            Person(name=str(a.get("ActorNaam")), fractie=a.get("ActorFractie"))
            for a in zaak.get("ZaakActor") or []
            if isinstance(a, dict) and a.get("ActorNaam")
        ]
        indieners.sort(key=lambda person: signer_rank(onderwerp, person.name))
        doc = Document(
            id=identifier,
            type=GEWIJZIGDE_MOTIE if gewijzigd else MOTIE,
            title=onderwerp or f"Motie {nummer}",
            date=date,
            vergaderjaar=zaak.get("Vergaderjaar"),
            dossier_title=zaak.get("Titel"),
            ondernummer=str(zaak["Volgnummer"]) if zaak.get("Volgnummer") else None,
            indieners=indieners,
            url=kst_url(identifier) or ZAAK_URL.format(nummer=nummer),
            ids={k: v for k, v in ids.items() if v},
            motion=motion,
            source=str(path),
        )
        doc.extra["zaak_url"] = ZAAK_URL.format(nummer=nummer)
        return doc

    def _document(self, record: Record, path: Path) -> Document:
        nummer = str(record.get("DocumentNummer") or "")
        if not nummer:
            raise RejectedFile("Document-record zonder DocumentNummer")
        soort = str(record.get("Soort") or "")
        onderwerp = " ".join(str(record.get("Onderwerp") or "").split())
        titel = " ".join(str(record.get("Titel") or "").split())
        doc = Document(
            id=nummer,
            type=DOCUMENT,
            title=onderwerp or titel or nummer,
            date=parse_datetime(record.get("Datum")),
            vergaderjaar=record.get("Vergaderjaar"),
            dossier_title=titel or None,
            url=ODATA_DOCUMENT_URL.format(id=record.get("Id")),
            ids={"documentnummer": nummer, "document_id": str(record.get("Id") or "")},
            source=str(path),
        )
        doc.extra["soort"] = soort or None
        doc.extra["kind"] = DOCUMENT_TYPES.get(soort, DOCUMENT)
        doc.extra["metadata_only"] = True
        return doc

    def _commitment(self, record: Record, path: Path) -> Document:
        """A Toezegging record, fields as in tkData-v1-0-toezegging.xsd."""
        nummer = str(record.get("Nummer") or "")
        tekst = " ".join(str(record.get("Tekst") or "").split())
        if not nummer or not tekst:
            raise RejectedFile("Toezegging zonder Nummer of Tekst")
        name = str(record.get("Naam") or "") or " ".join(
            str(record[k]) for k in ("Initialen", "Tussenvoegsel", "Achternaam") if record.get(k)
        )
        functie = record.get("Functie")
        activiteit = record.get("Activiteit")
        activity = activiteit if isinstance(activiteit, dict) else {}
        doc = Document(
            id=nummer,
            type=TOEZEGGING,
            title=tekst if len(tekst) <= 160 else tekst[:157] + "...",
            text=tekst,
            date=parse_datetime(record.get("Aanmaakdatum")),
            indieners=[Person(name=name, role=functie)] if name or functie else [],
            afzender=record.get("Ministerie"),
            ids={"toezegging": nummer, "toezegging_id": str(record.get("Id") or "")},
            sections=[Section(text=tekst, title=f"Toezegging {nummer}", kind="toezegging")],
            source=str(path),
        )
        doc.extra.update(
            {
                "status": record.get("Status"),
                "datum_nakoming": (
                    d.isoformat() if (d := parse_datetime(record.get("DatumNakoming"))) else None
                ),
                "kamerbrief_nakoming": record.get("KamerbriefNakoming"),
                "activiteit": activity.get("Onderwerp")
                or activity.get("Nummer")
                or (activiteit if isinstance(activiteit, str) else None),
                "activiteit_datum": (
                    d.isoformat() if (d := parse_datetime(activity.get("Datum"))) else None
                ),
            }
        )
        return doc
