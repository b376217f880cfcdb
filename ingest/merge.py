"""Join the parts of one motie into one record.

A motie arrives in up to three parts: an OData Zaak with Besluit/Stemming (outcome, votes,
indieners with fractie), an OData Zaak with Document -> DocumentPublicatie (Kamerstuk number,
Afgedaan), and the KOOP XML (text, signers, dossier). Parts are joined on Zaak.Id, the Kamerstuk
id and the DocumentPublicatie.Id the XML file is named after.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from assistant.documents import (
    GEWIJZIGDE_MOTIE,
    MOTIE,
    ONBEKEND,
    Document,
    Motion,
    Person,
    kst_url,
)

MOTION_TYPES = (MOTIE, GEWIJZIGDE_MOTIE)
T = TypeVar("T")


def is_motion_part(doc: Document) -> bool:
    return doc.type in MOTION_TYPES and not doc.extra.get("metadata_only")


def part_key(doc: Document) -> str:
    """Stable key of a part in the store: one per role, so a re-read part replaces itself."""
    if doc.motion is not None and doc.ids.get("zaak_id"):
        role = "votes" if doc.motion.besluit_soort or doc.motion.votes else "docs"
        return f"zaak:{doc.ids['zaak_id']}:{role}"
    return f"text:{doc.id}"


def odata_part_keys(zaak_id: str) -> list[str]:
    """The keys `part_key` gives the OData parts of one Zaak, in either role."""
    return [f"zaak:{zaak_id}:votes", f"zaak:{zaak_id}:docs"]


def join_keys(doc: Document) -> list[str]:
    keys = []
    if doc.ids.get("zaak_id"):
        keys.append(f"zaak_id:{doc.ids['zaak_id']}")
    if doc.id.startswith("kst-"):
        keys.append(f"kst:{doc.id}")
    if doc.ids.get("publicatie"):
        keys.append(f"publicatie:{doc.ids['publicatie']}")
    return keys


def group_parts(parts: Iterable[Document]) -> list[list[Document]]:
    """Union-find over shared join keys."""
    items = list(parts)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for index, doc in enumerate(items):
        for key in join_keys(doc):
            if key in owner:
                parent[find(index)] = find(owner[key])
            else:
                owner[key] = index
    groups: dict[int, list[Document]] = {}
    for index, doc in enumerate(items):
        groups.setdefault(find(index), []).append(doc)
    return list(groups.values())


def _first(values: Iterable[T | None]) -> T | None:
    for value in values:
        if value not in (None, ""):
            return value
    return None


def _indieners(text_part: Document | None, odata_parts: list[Document]) -> list[Person]:
    """Signers in the order of the text, with fractie from ZaakActor where the name matches."""
    actors = [p for part in odata_parts for p in part.indieners]
    if text_part is None or not text_part.indieners:
        unique: dict[str, Person] = {}
        for person in actors:
            unique.setdefault(person.name, person)
        return list(unique.values())
    people = []
    for signer in text_part.indieners:
        surname = signer.name.lower()
        match = next((a for a in actors if a.name.lower().endswith(surname)), None)
        people.append(
            Person(
                name=match.name if match else signer.name, fractie=match.fractie if match else None
            )
        )
    return people


def merge_motion(parts: list[Document]) -> Document:
    """One record from the parts of one motie; the text part wins for text, OData for votes."""
    text_part = next((p for p in parts if p.motion is None), None)
    odata_parts = [p for p in parts if p.motion is not None]
    voted = [p for p in odata_parts if p.motion and (p.motion.besluit_soort or p.motion.votes)]
    vote_part = voted[0] if voted else None
    ordered = ([text_part] if text_part else []) + odata_parts

    kst = _first(p.id for p in ordered if p.id.startswith("kst-"))
    identifier = kst or _first(p.id for p in ordered) or parts[0].id
    ids: dict[str, str] = {}
    for part in ordered:
        for key, value in part.ids.items():
            ids.setdefault(key, value)

    motions = [p.motion for p in odata_parts if p.motion is not None]
    motion = Motion(
        zaak_id=_first(m.zaak_id for m in motions),
        kabinetsappreciatie=_first(m.kabinetsappreciatie for m in motions),
        afgedaan=_first(m.afgedaan for m in motions),
        replaces=_first(
            [*(m.replaces for m in motions), text_part.extra.get("replaces") if text_part else None]
        ),
    )
    if vote_part is not None and vote_part.motion is not None:
        motion.outcome = vote_part.motion.outcome
        motion.besluit_soort = vote_part.motion.besluit_soort
        motion.stemmings_soort = vote_part.motion.stemmings_soort
        motion.votes = list(vote_part.motion.votes)
    else:
        motion.outcome = ONBEKEND

    odata_title = _first(p.title for p in odata_parts)
    text_title = text_part.title if text_part else None
    # The OData Onderwerp says what the motie is about; the XML title often only who filed it.
    title = odata_title if odata_title and " over " in odata_title else (text_title or odata_title)
    merged = Document(
        id=identifier,
        type=GEWIJZIGDE_MOTIE if any(p.type == GEWIJZIGDE_MOTIE for p in parts) else MOTIE,
        title=title or identifier,
        text=text_part.text if text_part else "",
        date=_first([text_part.date if text_part else None, *(p.date for p in odata_parts)]),
        vergaderjaar=_first(p.vergaderjaar for p in ordered),
        dossier=_first(p.dossier for p in ordered),
        dossier_title=_first(p.dossier_title for p in ordered),
        ondernummer=_first(p.ondernummer for p in ordered),
        indieners=_indieners(text_part, odata_parts),
        url=kst_url(identifier) or _first(p.url for p in ordered),
        ids=ids,
        sections=list(text_part.sections) if text_part else [],
        references=[r for p in ordered for r in p.references],
        motion=motion,
        source=(text_part or parts[0]).source,
    )
    if zaak_url := _first(p.extra.get("zaak_url") for p in odata_parts):
        merged.extra["zaak_url"] = zaak_url
    merged.extra["sources"] = sorted({p.source for p in parts})
    if not text_part:
        merged.extra["no_text"] = True
    return merged


def superseded_ids(parts: list[Document], merged: Document) -> set[str]:
    """Ids the parts were stored under before the join found a better one (e.g. Zaak nummer)."""
    return {p.id for p in parts if p.id != merged.id}
