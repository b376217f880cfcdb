"""What the sync makes of one OData record: its moment, its identity, whether it is well formed
and kept, and the position a sync has reached (ingest/sync.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from ingest.sources.odata import ZAAK_NUMMER_RE

Record = dict[str, Any]

TIMESTAMP_RE = re.compile(
    r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,12}))?(Z|[+-]\d{2}:\d{2})?$"
)
# Besluit after Zaak: a vote changes the Besluit (and its Stemmingen), not the Zaak's own
# ApiGewijzigdOp, so changed Besluiten have their Zaken fetched again; likewise a changed
# Activiteit (a debate) has the Toezeggingen made in it fetched again. Persoon, Fractie and
# Kamerstukdossier are lookup records (table `reference`).
ENTITIES = (
    "Zaak",
    "Besluit",
    "Document",
    "Toezegging",
    "Activiteit",
    "Kamerstukdossier",
    "Persoon",
    "Fractie",
)
# The Kamer's Ids are GUIDs; only such an Id is sent back in a $filter (as a Guid literal).
GUID_RE = re.compile(r"^[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}$")
NONE = type(None)
# Fields read from each entity and the types they may have (absent counts as None).
FIELD_TYPES: dict[str, dict[str, tuple[type, ...]]] = {
    "Zaak": {
        "Nummer": (str,),
        "Onderwerp": (str, NONE),
        "Soort": (str, NONE),
        "ZaakActor": (list, NONE),
        "Besluit": (list, NONE),
        "Document": (list, NONE),
    },
    "Document": {
        "DocumentNummer": (str, NONE),
        "Onderwerp": (str, NONE),
        "Soort": (str, NONE),
        "ContentType": (str, NONE),
    },
    "Besluit": {
        "BesluitSoort": (str, NONE),
        "Zaak": (list, dict, NONE),
        "Zaak_Id": (str, NONE),
    },
    "Toezegging": {
        "Nummer": (str,),
        "Tekst": (str,),
        "Status": (str, NONE),
        "Activiteit": (dict, NONE),
    },
    "Activiteit": {"Nummer": (str, NONE), "Onderwerp": (str, NONE)},
    "Persoon": {
        "Achternaam": (str,),
        "Tussenvoegsel": (str, NONE),
        "Roepnaam": (str, NONE),
        "Initialen": (str, NONE),
        "Functie": (str, NONE),
    },
    "Fractie": {"Afkorting": (str,), "NaamNL": (str, NONE), "AantalZetels": (int, NONE)},
    "Kamerstukdossier": {"Nummer": (int,), "Toevoeging": (str, NONE), "Titel": (str, NONE)},
}
# Lookup entities kept in the store's `reference` table, and the fields kept of each.
REFERENCE_FIELDS: dict[str, tuple[str, ...]] = {
    "Persoon": ("Id", "Roepnaam", "Initialen", "Tussenvoegsel", "Achternaam", "Functie"),
    "Fractie": ("Id", "Afkorting", "NaamNL", "AantalZetels", "DatumActief", "DatumInactief"),
    "Kamerstukdossier": (
        "Id",
        "Nummer",
        "Toevoeging",
        "Titel",
        "Citeertitel",
        "Afgesloten",
        "HoogsteVolgnummer",
    ),
}


def timestamp_key(value: object) -> str | None:
    """An ApiGewijzigdOp in one form that sorts as text: UTC, seven decimals, 'Z'.
    '2025-06-30T11:50:10.34+02:00' -> '2025-06-30T09:50:10.3400000Z'; not a moment: None."""
    if not isinstance(value, str) or (match := TIMESTAMP_RE.match(value.strip())) is None:
        return None
    whole, fraction, zone = match.groups()
    try:
        moment = dt.datetime.fromisoformat(whole + (zone or "Z"))
    except ValueError:
        return None
    digits = (fraction or "").ljust(7, "0")[:7]
    return f"{moment.astimezone(dt.UTC):%Y-%m-%dT%H:%M:%S}.{digits}Z"


def since_of(day: dt.date) -> str:
    """The position for `--sinds DATUM`: the start of that day (UTC)."""
    return f"{day.isoformat()}T00:00:00.0000000Z"


@dataclass(frozen=True)
class Position:
    """Where an entity's sync stands: every record changed before `since` is processed, and at
    `since` those in `done`; `after` is the last of them in the API's own order (ApiGewijzigdOp,
    Id), from which the next page is asked (keyset paging). None: not known (a position written
    by an older version, or only records without a usable Id at `since`)."""

    since: str
    done: frozenset[str] = frozenset()
    after: str | None = None

    def covers(self, record: object) -> bool:
        """Processed before: at exactly `since`, with its Id among the done ones."""
        if not isinstance(record, dict) or identity(record) not in self.done:
            return False
        return timestamp_key(record.get("ApiGewijzigdOp")) == self.since

    def to_json(self) -> str:
        data: dict[str, Any] = {"since": self.since, "done_ids": sorted(self.done)}
        if self.after is not None:
            data["after"] = self.after
        return json.dumps(data)


def problem_of(entity: str, record: object) -> str | None:
    """Why a record cannot be processed (Dutch), or None."""
    if not isinstance(record, dict):
        return "geen object"
    if not isinstance(record.get("Id"), str) or not record["Id"].strip():
        return "zonder Id"
    if timestamp_key(record.get("ApiGewijzigdOp")) is None:
        return "ApiGewijzigdOp ontbreekt of is geen tijdstip"
    if not isinstance(record.get("Verwijderd", False), bool):
        return "Verwijderd is geen true/false"
    if record.get("Verwijderd"):
        return None
    for name, types in FIELD_TYPES[entity].items():
        value = record.get(name)
        if not isinstance(value, types):
            return f"{name} heeft het verkeerde type ({type(value).__name__})"
        if isinstance(value, str) and NONE not in types and not value.strip():
            return f"{name} is leeg"
    if entity == "Zaak" and not ZAAK_NUMMER_RE.match(record["Nummer"].strip()):
        return f"Nummer {record['Nummer'][:20]!r} is geen Zaaknummer"
    return None


def label_of(record: object) -> str:
    """How a record is named in the report: its Id, else what else names it."""
    if not isinstance(record, dict):
        return "(geen Id)"
    record_id = record.get("Id")
    if isinstance(record_id, str) and record_id.strip():
        return record_id[:80]
    named = "(zonder Id)" if record_id is None else f"(Id {record_id!r:.40})"
    for key in ("Nummer", "DocumentNummer"):
        if isinstance(record.get(key), str):
            return f"{named} {key} {record[key][:40]}"
    return named


def identity(record: object) -> str | None:
    """What a record counts as in a position: its Id; for a dict without a usable Id a digest
    of its content, so that the same broken record at the same moment is reported once."""
    if not isinstance(record, dict):
        return None
    record_id = record.get("Id")
    if isinstance(record_id, str) and record_id.strip():
        return record_id
    body = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return "#" + hashlib.sha1(body.encode()).hexdigest()[:16]


def zaak_ids_of(besluit: Record) -> list[str]:
    """The Zaken a Besluit record names: its expanded `Zaak` navigation (a list, or one
    record) and, should the API carry one, a `Zaak_Id` column."""
    linked = besluit.get("Zaak")
    found = linked if isinstance(linked, list) else [linked]
    ids = [z["Id"] for z in found if isinstance(z, dict) and isinstance(z.get("Id"), str)]
    if isinstance(besluit.get("Zaak_Id"), str):
        ids.append(besluit["Zaak_Id"])
    return list(dict.fromkeys(i.strip() for i in ids if i.strip()))


def dossier_key(nummer: object, toevoeging: object = None) -> str:
    """A Kamerstukdossier as the store names dossiers: '32317', '36600-vii' (lower case)."""
    extra = "-".join(str(toevoeging or "").split())
    return f"{nummer}-{extra}".lower() if extra else str(nummer)


def reference_row(entity: str, record: Record) -> tuple[str, str, dict[str, Any]]:
    """(Id, lookup key, fields kept) of a live Persoon, Fractie or Kamerstukdossier."""
    kept = {name: record.get(name) for name in REFERENCE_FIELDS[entity]}
    if entity == "Persoon":
        key = " ".join(record["Achternaam"].lower().split())
    elif entity == "Fractie":
        key = " ".join(record["Afkorting"].lower().split())
    else:
        key = dossier_key(record["Nummer"], record.get("Toevoeging"))
    return record["Id"], key, kept


def relevant(entity: str, record: Record) -> bool:
    """Records the assistant keeps: Zaken that are moties, Documents with a DocumentNummer."""
    if entity == "Zaak":
        soort = record.get("Soort")
        if isinstance(soort, str):
            return soort.strip().lower().startswith("motie")
        return "Besluit" in record or "ZaakActor" in record
    if entity == "Document":
        return bool(str(record.get("DocumentNummer") or "").strip())
    return True


def staged(entity: str, record: Record) -> Record:
    """The record as the OData reader recognises its entity (it looks at the keys present)."""
    if entity == "Zaak":
        return {"ZaakActor": [], **record}
    if entity == "Toezegging":
        return {"DatumNakoming": None, **record}
    return record
