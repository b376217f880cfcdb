"""Tweede Kamer OData JSON: Zaak (moties with votes or documents), Document pages, Toezegging."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
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
from ingest.sources.base import READ_WARNING

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


class BadRecord(Exception):
    """One record that identifies nothing: left out, and named in the file's warning."""


def text_of(record: Record, key: str) -> str:
    """A text field, stripped. Anything else (an object or list where an identifier belongs)
    counts as missing: it must never become an id or part of a URL."""
    value = record.get(key)
    return value.strip() if isinstance(value, str) else ""


def text_or_none(record: Record, key: str) -> str | None:
    """A text field for a Document's text attribute (stored as is): None unless text."""
    return text_of(record, key) or None


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
        # A .json file is JSON whatever it starts with (`42` is no text document).
        return stripped[:1] in (b"{", b"[") or path.suffix.lower() == ".json"

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
        build: Callable[[Record, Path], Document]
        if ZAAK_NUMMER_RE.match(text_of(first, "Nummer")) and (
            "Besluit" in first or "ZaakActor" in first or first.get("Soort") == "Motie"
        ):
            build = self._motion
        elif TOEZEGGING_NUMMER_RE.match(text_of(first, "Nummer")) or "DatumNakoming" in first:
            build = self._commitment
        elif "DocumentNummer" in first:
            # Records without a DocumentNummer (Soort empty, ~20% of the pages) identify nothing.
            records = [r for r in records if r.get("DocumentNummer") not in (None, "")]
            build = self._document
        else:
            raise SkippedFile(f"OData-records zonder documenten ({self._entity_hint(first)})")
        yield from self._each(records, build, path)

    @staticmethod
    def _each(
        records: list[Record], build: Callable[[Record, Path], Document], path: Path
    ) -> list[Document]:
        """The records' documents; a record that identifies nothing is left out and named in
        the first document's READ_WARNING (a file of such records only is refused)."""
        docs: list[Document] = []
        left_out: list[str] = []
        for number, record in enumerate(records, start=1):
            try:
                docs.append(build(record, path))
            except BadRecord as bad:
                record_id = text_of(record, "Id")[:60]
                where = f"record {number}, Id {record_id}" if record_id else f"record {number}"
                left_out.append(f"{bad} ({where})")
        if not docs and left_out:
            raise RejectedFile(left_out[0])
        if left_out:
            more = f"; ... en nog {len(left_out) - 3}" if len(left_out) > 3 else ""
            noun = "record" if len(left_out) == 1 else "records"
            docs[0].extra[READ_WARNING] = (
                f"{len(left_out)} {noun} overgeslagen: {'; '.join(left_out[:3])}{more}"
            )
        return docs

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
        nummer = text_of(zaak, "Nummer")
        onderwerp = " ".join(text_of(zaak, "Onderwerp").split())
        documents = [d for d in zaak.get("Document") or [] if isinstance(d, dict)]
        motie_doc = next(
            (d for d in documents if str(d.get("Soort") or "").startswith("Motie")), None
        )
        gewijzigd = onderwerp.lower().startswith("gewijzigde motie") or (
            motie_doc is not None and "gewijzigd" in str(motie_doc.get("Soort")).lower()
        )
        motion = Motion(
            zaak_id=text_of(zaak, "Id") or None,
            kabinetsappreciatie=text_or_none(zaak, "Kabinetsappreciatie"),
            afgedaan=afgedaan if isinstance(afgedaan := zaak.get("Afgedaan"), bool) else None,
        )
        if (replaced := REPLACES_RE.search(onderwerp)) is not None:
            motion.replaces = f"kst-{replaced.group(1)}"
        besluit = newest_vote_besluit([b for b in zaak.get("Besluit") or [] if isinstance(b, dict)])
        if besluit is not None:
            motion.besluit_soort = text_or_none(besluit, "BesluitSoort")
            motion.outcome = vote_outcome(motion.besluit_soort)
            motion.stemmings_soort = text_or_none(besluit, "StemmingsSoort")
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
        ids = {"zaak": nummer, "zaak_id": text_of(zaak, "Id")}
        identifier = nummer
        date = parse_datetime(zaak.get("GestartOp"))
        if motie_doc is not None:
            ids["documentnummer"] = text_of(motie_doc, "DocumentNummer")
            version = motie_doc.get("HuidigeDocumentVersie")
            version = version if isinstance(version, dict) else {}
            external = text_of(version, "ExterneIdentifier")
            if external.startswith("kst-"):
                identifier = external
            for publicatie in version.get("DocumentPublicatie") or []:
                if isinstance(publicatie, dict) and publicatie.get("DocumentType") == "Xml":
                    ids["publicatie"] = text_of(publicatie, "Id")
            date = parse_datetime(motie_doc.get("Datum")) or date
        if not identifier:
            raise BadRecord("Zaak zonder Nummer")
        indieners = [
            Person(name=text_of(a, "ActorNaam"), fractie=text_or_none(a, "ActorFractie"))
            for a in zaak.get("ZaakActor") or []
            if isinstance(a, dict) and text_of(a, "ActorNaam")
        ]
        indieners.sort(key=lambda person: signer_rank(onderwerp, person.name))
        doc = Document(
            id=identifier,
            type=GEWIJZIGDE_MOTIE if gewijzigd else MOTIE,
            title=onderwerp or f"Motie {nummer}",
            date=date,
            vergaderjaar=text_or_none(zaak, "Vergaderjaar"),
            dossier_title=text_or_none(zaak, "Titel"),
            ondernummer=str(zaak["Volgnummer"]) if zaak.get("Volgnummer") else None,
            indieners=indieners,
            url=kst_url(identifier) or (ZAAK_URL.format(nummer=nummer) if nummer else None),
            ids={k: v for k, v in ids.items() if v},
            motion=motion,
            source=str(path),
        )
        if nummer:
            doc.extra["zaak_url"] = ZAAK_URL.format(nummer=nummer)
        return doc

    def _document(self, record: Record, path: Path) -> Document:
        nummer = text_of(record, "DocumentNummer")
        if not nummer:
            raise BadRecord("Document-record zonder DocumentNummer")
        document_id = text_of(record, "Id")
        ids = {"documentnummer": nummer, "document_id": document_id}
        soort = str(record.get("Soort") or "")
        onderwerp = " ".join(str(record.get("Onderwerp") or "").split())
        titel = " ".join(str(record.get("Titel") or "").split())
        doc = Document(
            id=nummer,
            type=DOCUMENT,
            title=onderwerp or titel or nummer,
            date=parse_datetime(record.get("Datum")),
            vergaderjaar=text_or_none(record, "Vergaderjaar"),
            dossier_title=titel or None,
            url=ODATA_DOCUMENT_URL.format(id=document_id) if document_id else None,
            ids={k: v for k, v in ids.items() if v},
            source=str(path),
        )
        doc.extra["soort"] = soort or None
        doc.extra["kind"] = DOCUMENT_TYPES.get(soort, DOCUMENT)
        doc.extra["metadata_only"] = True
        return doc

    def _commitment(self, record: Record, path: Path) -> Document:
        """A Toezegging record, fields as in tkData-v1-0-toezegging.xsd."""
        nummer = text_of(record, "Nummer")
        tekst = " ".join(text_of(record, "Tekst").split())
        if not nummer or not tekst:
            raise BadRecord("Toezegging zonder Nummer of Tekst")
        name = text_of(record, "Naam") or " ".join(
            part
            for k in ("Initialen", "Tussenvoegsel", "Achternaam")
            if (part := text_of(record, k))
        )
        functie = text_or_none(record, "Functie")
        activiteit = record.get("Activiteit")
        activity = activiteit if isinstance(activiteit, dict) else {}
        ids = {
            "toezegging": nummer,
            "toezegging_id": text_of(record, "Id"),
            # The debate it was made in: a sync fetches the Toezegging again when it changes.
            "activiteit_id": text_of(activity, "Id") or text_of(record, "Activiteit_Id"),
        }
        doc = Document(
            id=nummer,
            type=TOEZEGGING,
            title=tekst if len(tekst) <= 160 else tekst[:157] + "...",
            text=tekst,
            date=parse_datetime(record.get("Aanmaakdatum")),
            indieners=[Person(name=name, role=functie)] if name or functie else [],
            afzender=text_or_none(record, "Ministerie"),
            ids={k: v for k, v in ids.items() if v},
            sections=[Section(text=tekst, title=f"Toezegging {nummer}", kind="toezegging")],
            source=str(path),
        )
        doc.extra.update(
            {
                "status": text_or_none(record, "Status"),
                "datum_nakoming": (
                    d.isoformat() if (d := parse_datetime(record.get("DatumNakoming"))) else None
                ),
                "kamerbrief_nakoming": text_or_none(record, "KamerbriefNakoming"),
                "activiteit": activity.get("Onderwerp")
                or activity.get("Nummer")
                or (activiteit if isinstance(activiteit, str) else None),
                "activiteit_datum": (
                    d.isoformat() if (d := parse_datetime(activity.get("Datum"))) else None
                ),
                # The version of the Activiteit read: a sync fetches the Toezegging again only
                # when the Activiteit changed since.
                "activiteit_gewijzigd": text_or_none(activity, "GewijzigdOp"),
            }
        )
        return doc
