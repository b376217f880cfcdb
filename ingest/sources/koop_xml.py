"""KOOP officiële publicatie XML: Kamerstukken (moties, brieven) and Handelingen."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from assistant.documents import (
    BRIEF,
    GEWIJZIGDE_MOTIE,
    HANDELINGEN,
    KAMERSTUK,
    MOTIE,
    Document,
    Person,
    Section,
    kst_id,
    kst_url,
    normalize_dossier,
)
from assistant.errors import RejectedFile
from ingest.extract import parse_dutch_date

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
EXTERN_ID_RE = re.compile(r"officielebekendmakingen\.nl/([a-z]+-[\w-]+?)/metadata\.xml")
REPLACES_RE = re.compile(r"ter vervanging van die gedrukt onder nr\.?\s*(\d+)", re.IGNORECASE)
MOTIE_CLOSING = "en gaat over tot de orde van de dag"


def text_of(element: ET.Element | None) -> str:
    """All text inside an element, with the pretty-print whitespace collapsed."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def paragraphs(element: ET.Element) -> list[str]:
    return [t for t in (text_of(al) for al in element.iter("al")) if t]


def read_meta(root: ET.Element) -> dict[str, str]:
    meta: dict[str, str] = {}
    for node in root.iter("meta"):
        name, content = node.get("name"), node.get("content")
        if not name or content is None:
            continue
        scheme = node.get("scheme") or ""
        # DC.type occurs several times; keep the Kamerstuk type under its own key.
        key = f"{name}:{scheme}" if name == "DC.type" else name
        meta.setdefault(key, content.strip())
    return meta


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class KoopXmlReader:
    """Officiële publicatie XML as KOOP publishes it (both metadata variants)."""

    name = "koop-xml"

    def sniff(self, path: Path, head: bytes) -> bool:
        return b"<officiele-publicatie" in head

    def read(self, path: Path) -> Iterator[Document]:
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as error:
            raise RejectedFile(f"ongeldige XML: {error}") from error
        meta = read_meta(root)
        if (stuk := root.find("kamerstuk")) is not None:
            yield self._kamerstuk(path, stuk, meta)
        elif (handelingen := root.find("handelingen")) is not None:
            yield self._handelingen(path, handelingen, meta)
        else:
            kinds = ", ".join(child.tag for child in root if child.tag != "metadata")
            raise RejectedFile(f"officiële publicatie van een onbekende soort ({kinds or 'leeg'})")

    def _kamerstuk(self, path: Path, kamerstuk: ET.Element, meta: dict[str, str]) -> Document:
        dossier_raw = text_of(kamerstuk.find("dossier/dossiernummer/dossiernr"))
        dossier = meta.get("OVERHEIDop.dossiernummer") or normalize_dossier(dossier_raw)
        dossier = normalize_dossier(dossier) if dossier else ""
        stuk = kamerstuk.find("stuk")
        if stuk is None:
            raise RejectedFile("Kamerstuk zonder <stuk>")
        ondernummer = meta.get("OVERHEIDop.ondernummer") or text_of(stuk.find("stuknr/ondernummer"))
        identifier = meta.get("DC.identifier") or self._extern_id(meta)
        if not identifier:
            if not (dossier and ondernummer):
                raise RejectedFile("geen dossiernummer en ondernummer gevonden")
            identifier = kst_id(dossier, ondernummer)

        heading = text_of(stuk.find("titel"))
        kamerstuk_type = meta.get("DC.type:OVERHEIDop.KamerstukTypen", "")
        doc_type = self._type(kamerstuk_type, heading)
        algemeen = stuk.find("algemeen")
        body = paragraphs(algemeen if algemeen is not None else stuk)
        date = parse_iso(meta.get("DCTERMS.issued"))
        datum = stuk.find(".//datum")
        if date is None and datum is not None:
            date = parse_iso(datum.get("isodatum"))
        vergaderjaar = meta.get("OVERHEIDop.vergaderjaar") or self._vergaderjaar(kamerstuk)

        doc = Document(
            id=identifier,
            type=doc_type,
            title=meta.get("OVERHEIDop.documenttitel") or self._title(heading, body, doc_type),
            text="\n".join(body),
            date=date,
            vergaderjaar=vergaderjaar,
            dossier=dossier or None,
            dossier_title=meta.get("OVERHEIDop.dossiertitel")
            or text_of(kamerstuk.find("dossier/titel"))
            or None,
            ondernummer=ondernummer or None,
            url=kst_url(identifier),
            source=str(path),
        )
        if UUID_RE.match(path.stem):
            # Files saved from the OData API are named after their DocumentPublicatie.Id.
            doc.ids["publicatie"] = path.stem
        if doc_type in (MOTIE, GEWIJZIGDE_MOTIE):
            doc.indieners = [Person(name) for name in self._signatures(body)]
            if not doc.indieners and meta.get("OVERHEIDop.indiener"):
                doc.indieners = [Person(meta["OVERHEIDop.indiener"])]
            doc.sections = [Section(text=doc.text, title=doc.title, kind="motie")]
            if (replaced := REPLACES_RE.search(heading)) and dossier:
                doc.extra["replaces"] = kst_id(dossier, replaced.group(1))
        else:
            doc.sections = self._sections(stuk)
            if meta.get("DC.creator") and "Staten-Generaal" not in meta["DC.creator"]:
                doc.afzender = meta["DC.creator"]
        return doc

    @staticmethod
    def _extern_id(meta: dict[str, str]) -> str | None:
        match = EXTERN_ID_RE.search(meta.get("OVERHEIDop.externMetadataRecord", ""))
        return match.group(1) if match else None

    @staticmethod
    def _type(kamerstuk_type: str, heading: str) -> str:
        label = f"{kamerstuk_type} {heading}".lower()
        if "gewijzigde motie" in label or "nader gewijzigde motie" in label:
            return GEWIJZIGDE_MOTIE
        if "motie" in label:
            return MOTIE
        if "brief" in label:
            return BRIEF
        return KAMERSTUK

    @staticmethod
    def _vergaderjaar(kamerstuk: ET.Element) -> str | None:
        for regel in kamerstuk.iter("tekstregel"):
            if regel.get("inhoud") == "vergaderjaar":
                match = re.search(r"(\d{4})\s*[-/]\s*(\d{4})", text_of(regel))
                if match:
                    return f"{match.group(1)}-{match.group(2)}"
        return None

    @staticmethod
    def _signatures(body: list[str]) -> list[str]:
        """Signers follow the closing formula, one per paragraph, in order."""
        for index, line in enumerate(body):
            if line.lower().rstrip(".").startswith(MOTIE_CLOSING):
                return [name for name in body[index + 1 :] if len(name) < 80]
        return []

    @staticmethod
    def _title(heading: str, body: list[str], doc_type: str) -> str:
        if doc_type in (MOTIE, GEWIJZIGDE_MOTIE):
            signers = KoopXmlReader._signatures(body)
            if signers:
                leden = "het lid" if len(signers) == 1 else "de leden"
                names = (
                    signers[0]
                    if len(signers) == 1
                    else " en ".join([", ".join(signers[:-1]), signers[-1]])
                )
                prefix = "Gewijzigde motie" if doc_type == GEWIJZIGDE_MOTIE else "Motie"
                return f"{prefix} van {leden} {names}"
        return heading[:1] + heading[1:].lower() if heading.isupper() else heading

    @staticmethod
    def _sections(stuk: ET.Element) -> list[Section]:
        sections: list[Section] = []
        for part in stuk.iter("tekst"):
            lines = paragraphs(part)
            if lines:
                sections.append(Section(text="\n".join(lines)))
        return sections

    def _handelingen(self, path: Path, handelingen: ET.Element, meta: dict[str, str]) -> Document:
        identifier = meta.get("DC.identifier") or self._extern_id(meta) or path.stem
        if not identifier.startswith("h-"):
            identifier = f"h-{path.stem}" if not path.stem.startswith("h-") else path.stem
        match = re.match(r"h-tk-(\d{4})(\d{4})-", identifier)
        vergaderjaar = f"{match.group(1)}-{match.group(2)}" if match else None
        sections: list[Section] = []
        title = ""
        for part in handelingen:
            item = text_of(part.find("item-titel")) or text_of(part.find("vergadering-nummer"))
            title = title or item
            for child in part:
                if child.tag == "spreekbeurt":
                    speaker = self._speaker(child.find("spreker"))
                    lines = [p for tekst in child.findall("tekst") for p in paragraphs(tekst)]
                    kind = "spreekbeurt"
                elif child.tag in ("nr", "item-titel", "vergadering-nummer"):
                    continue
                else:  # onderwerp, tekst, divisie (lists of ingekomen stukken), ...
                    speaker = None
                    lines = paragraphs(child)
                    kind = "tekst"
                if lines:
                    heading = text_of(child.find("kop/titel")) or item or None
                    sections.append(
                        Section(text="\n".join(lines), title=heading, kind=kind, speaker=speaker)
                    )
        date = parse_iso(meta.get("DCTERMS.available"))
        if date is None:
            date = parse_dutch_date(text_of(handelingen.find("vergadering/vergaderdatum")))
        if not sections:
            raise RejectedFile("Handelingen zonder tekst of spreekbeurt")
        return Document(
            id=identifier,
            type=HANDELINGEN,
            title=meta.get("DC.title") or title or identifier,
            text="\n\n".join(
                f"{s.speaker.name}: {s.text}" if s.speaker else s.text for s in sections
            ),
            date=date,
            vergaderjaar=vergaderjaar,
            url=kst_url(identifier),
            sections=sections,
            source=str(path),
        )

    @staticmethod
    def _speaker(spreker: ET.Element | None) -> Person | None:
        if spreker is None:
            return None
        prefix = text_of(spreker.find("voorvoegsels"))
        surname = text_of(spreker.find("naam"))
        name = " ".join(part for part in (prefix, surname) if part)
        fractie = text_of(spreker.find("politiek")) or None
        functie = text_of(spreker.find("functie")) or None
        if surname.lower() == "voorzitter":
            functie = "voorzitter"
        return Person(name=name or "onbekend", fractie=fractie, role=functie)
