"""The one document model every reader produces and every later stage consumes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

# "32 317", "21 501", "36200": digits in groups of three after the first.
DOSSIER_HEAD_RE = re.compile(r"^(\d{1,3}(?: \d{3})+|\d+)(.*)$")

# Document types, in the words users see them in.
MOTIE = "motie"
GEWIJZIGDE_MOTIE = "gewijzigde motie"
BRIEF = "brief"
NOTA = "nota"
KAMERVRAAG = "kamervraag"
HANDELINGEN = "handelingen"
TOEZEGGING = "toezegging"
KAMERSTUK = "kamerstuk"
DOCUMENT = "document"  # metadata-only Document record from the OData API

# Motion outcomes. Unknown stays unknown: never default an outcome.
AANGENOMEN = "aangenomen"
VERWORPEN = "verworpen"
AANGEHOUDEN = "aangehouden"
INGETROKKEN = "ingetrokken"
ONBEKEND = "onbekend"


@dataclass(frozen=True)
class Person:
    name: str
    fractie: str | None = None
    role: str | None = None  # e.g. "minister van Asiel en Migratie", "voorzitter"


@dataclass(frozen=True)
class Section:
    """A structural part of a document: a paragraph group, a Vraag/Antwoord pair, a spreekbeurt."""

    text: str
    title: str | None = None
    kind: str = "tekst"  # tekst | vraag-antwoord | spreekbeurt | motie
    speaker: Person | None = None


@dataclass(frozen=True)
class Reference:
    """A link from one document to another, found in its text or metadata."""

    target: str  # canonical id of the referenced document, e.g. kst-32317-913
    anchor: str  # the text as written, e.g. "32 317, nr. 913"
    context: str = ""  # the sentence in which the reference (or its footnote marker) stands
    footnote: str | None = None  # footnote marker that led to it, e.g. "1"


@dataclass(frozen=True)
class Vote:
    """One line of a stemming: a fractie (or, hoofdelijk, a member) voting for or against."""

    actor: str
    fractie: str
    side: str  # Voor | Tegen | Niet deelgenomen
    seats: int


@dataclass
class Motion:
    """What is known about the outcome of a motie. None means: not in the sources."""

    zaak_id: str | None = None
    outcome: str = ONBEKEND
    besluit_soort: str | None = None
    stemmings_soort: str | None = None
    votes: list[Vote] = field(default_factory=list)
    kabinetsappreciatie: str | None = None
    afgedaan: bool | None = None
    replaces: str | None = None  # gewijzigde motie: "t.v.v." canonical id

    @property
    def hoofdelijk(self) -> bool:
        return (self.stemmings_soort or "").lower() == "hoofdelijk"

    def totals(self) -> dict[str, int]:
        """Seats per side; a hoofdelijke stemming counts one per member."""
        result: dict[str, int] = {}
        for vote in self.votes:
            result[vote.side] = result.get(vote.side, 0) + (1 if self.hoofdelijk else vote.seats)
        return result

    def fracties(self, side: str) -> list[str]:
        seen: dict[str, None] = {}
        for vote in self.votes:
            if vote.side == side:
                seen.setdefault(vote.fractie, None)
        return list(seen)


@dataclass
class Document:
    id: str
    type: str
    title: str
    text: str = ""
    date: dt.date | None = None
    vergaderjaar: str | None = None
    dossier: str | None = None  # "32317", "36200-XII"
    dossier_title: str | None = None
    ondernummer: str | None = None
    indieners: list[Person] = field(default_factory=list)
    afzender: str | None = None  # ministerie or other sender
    url: str | None = None
    ids: dict[str, str] = field(default_factory=dict)  # zaak, documentnummer, zaak_id, ...
    sections: list[Section] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    motion: Motion | None = None
    source: str = ""  # path of the file it came from
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        data = dict(data)
        data["date"] = dt.date.fromisoformat(data["date"]) if data.get("date") else None
        data["indieners"] = [Person(**p) for p in data.get("indieners", [])]
        data["sections"] = [
            Section(**{**s, "speaker": Person(**s["speaker"]) if s.get("speaker") else None})
            for s in data.get("sections", [])
        ]
        data["references"] = [Reference(**r) for r in data.get("references", [])]
        if data.get("motion"):
            motion = dict(data["motion"])
            motion["votes"] = [Vote(**v) for v in motion.get("votes", [])]
            data["motion"] = Motion(**motion)
        return cls(**data)


def kst_id(dossier: str, ondernummer: str | int) -> str:
    """Kamerstuk id as officielebekendmakingen writes it: kst-32317-913, kst-36200-XII-60."""
    return f"kst-{normalize_dossier(dossier)}-{str(ondernummer).strip()}"


def normalize_dossier(dossier: str) -> str:
    """'32 317' -> '32317'; '36 200 XII' -> '36200-XII'; '21 501-08' -> '21501-08'."""
    text = " ".join(dossier.replace("\u00a0", " ").split())
    match = DOSSIER_HEAD_RE.match(text)
    if match is None:
        return text
    head = match.group(1).replace(" ", "")
    rest = [part for part in re.split(r"[\s\-\u2013]+", match.group(2)) if part]
    return "-".join([head, *rest])


def kst_url(doc_id: str) -> str | None:
    """Public URL for ids that officielebekendmakingen serves."""
    if doc_id.startswith(("kst-", "ah-tk-", "h-tk-", "stb-", "stcrt-")):
        return f"https://zoek.officielebekendmakingen.nl/{doc_id}.html"
    return None
