"""The fake's records: entity sets, a fake clock, the OData query subset, and the test controls."""

from __future__ import annotations

import copy
import datetime as dt
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tests.fake_kamer.odata_filter import Filter, Moment, QueryError, moment, parse_filter

Record = dict[str, Any]

# Entity sets with fixture records, Besluit (derived from the Zaken's expanded Besluit lists),
# and sets that exist (answer `{"value": []}`) without them.
DATA_ENTITIES = (
    "Zaak",
    "Document",
    "Toezegging",
    "Activiteit",
    "Persoon",
    "Fractie",
    "Kamerstukdossier",
)
DERIVED_ENTITIES = ("Besluit",)
EMPTY_ENTITIES = ("Stemming", "ZaakActor")
ENTITIES = DATA_ENTITIES + DERIVED_ENTITIES + EMPTY_ENTITIES
# Records stored expanded inside others: (entity, holder, navigation property, link column).
# The expanded copy shows the entity's current record (null once deleted); a change of the
# entity does not stamp the holder, just as a vote does not move its Zaak.
EXPANSIONS = (("Activiteit", "Toezegging", "Activiteit", "Activiteit_Id"),)
# Fields every record has, so a $filter may name them even where no record shows them yet.
SYNC_FIELDS = frozenset({"Id", "GewijzigdOp", "ApiGewijzigdOp", "Verwijderd"})
PAGE_SIZE = 250
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# The clock starts after the fixture window (1-20 December 2024) and ticks one second per change.
CLOCK_START = dt.datetime(2024, 12, 21, 9, 0, tzinfo=dt.UTC)
MALFORMATIONS = ("missing-id", "wrong-type", "not-an-object")


def parse_time(value: str) -> dt.datetime:
    """An ISO 8601 time with offset; Python 3.11 reads the API's seven fractional digits."""
    return dt.datetime.fromisoformat(value)


def api_time(moment: dt.datetime) -> str:
    """ApiGewijzigdOp as the real API writes it: UTC, seven fractional digits, 'Z'."""
    utc = moment.astimezone(dt.UTC)
    return f"{utc:%Y-%m-%dT%H:%M:%S}.{utc.microsecond * 10:07d}Z"


def local_time(moment: dt.datetime) -> str:
    """GewijzigdOp as the real API writes it: Amsterdam offset, milliseconds, trailing zeros cut."""
    text = moment.astimezone(AMSTERDAM).isoformat(timespec="milliseconds")
    return text[:23].rstrip("0").rstrip(".") + text[23:]


@dataclass(frozen=True)
class Query:
    """The supported subset of an OData collection query: $filter (odata_filter.py), $top,
    $skip, $count."""

    where: Filter | None = None
    top: int = PAGE_SIZE
    skip: int = 0
    count: bool = False

    @classmethod
    def parse(cls, params: dict[str, str], page_size: int) -> Query:
        text = params.get("$filter", "")
        top = _count_param(params, "$top", page_size)
        return cls(
            where=parse_filter(text) if text.strip() else None,
            top=min(top, page_size),
            skip=_count_param(params, "$skip", 0),
            count=params.get("$count", "").lower() == "true",
        )

    @property
    def fields(self) -> frozenset[str]:
        return frozenset() if self.where is None else self.where.fields

    def selects(self, record: Record) -> bool:
        return self.where is None or self.where.selects(record)


def _count_param(params: dict[str, str], name: str, default: int) -> int:
    if name not in params:
        return default
    value = params[name]
    if not value.isdigit():
        raise QueryError(f"{name} moet een geheel getal >= 0 zijn, niet {value!r}")
    return int(value)


def order_key(record: Record) -> tuple[Moment, str]:
    """The served order: ApiGewijzigdOp as a moment (the precision the $filter compares at),
    ties by Id as lower-case text (the order a $filter Guid comparison uses)."""
    changed = moment(str(record["ApiGewijzigdOp"]))
    if changed is None:
        raise ValueError(f"ApiGewijzigdOp zonder tijdzone: {record['ApiGewijzigdOp']!r}")
    return changed, str(record["Id"]).lower()


def malform(record: Record, how: str) -> Any:
    """The record as served with a broken shape (the page around it stays valid JSON)."""
    if how == "missing-id":
        return {k: v for k, v in record.items() if k != "Id"}
    if how == "wrong-type":
        return {**record, "Id": 12345, "Verwijderd": "nee"}
    return "<geen record>"


def besluit_record(besluit: Record, zaak_id: str) -> Record:
    """A Besluit as its own entity set serves it: its fields as nested in the Zaak (Stemming
    included), Verwijderd, and the link to its Zaak as the navigation `Zaak` expanded to the Id
    (`Besluit?$expand=Zaak($select=Id)`); the real entity has no `Zaak_Id` column."""
    record = copy.deepcopy(besluit)
    record.setdefault("Verwijderd", False)
    record["Zaak"] = [{"Id": zaak_id}]
    return record


def tombstone(record: Record) -> Record:
    """A deleted record as the real API serves it: every field kept, values emptied.
    Seen in tk-odata/documenten and tk-odata/activiteit (Verwijderd true, all else null)."""
    keep = ("Id", "GewijzigdOp", "ApiGewijzigdOp", "Verwijderd")
    return {
        key: value if key in keep else ([] if isinstance(value, list) else None)
        for key, value in record.items()
    }


class Feed:
    """Entity sets keyed by Id, all access under one lock (the HTTP server is threaded)."""

    def __init__(self, fixtures_dir: Path | None) -> None:
        self.lock = threading.RLock()
        self.sets: dict[str, dict[str, Record]] = {entity: {} for entity in ENTITIES}
        self.malformed: dict[tuple[str, str], str] = {}
        self.files: dict[str, tuple[bytes, str]] = {}
        self.clock = CLOCK_START
        if fixtures_dir is not None:
            self._load(fixtures_dir)

    def _load(self, folder: Path) -> None:
        for entity in ENTITIES:
            path = folder / f"{entity}.json"
            if path.exists():
                page = json.loads(path.read_text(encoding="utf-8"))
                for record in page["value"]:
                    self.sets[entity][record["Id"]] = record
        # Document(Id)/resource: the motie's officiële publicatie, joined via
        # Zaak.Document -> HuidigeDocumentVersie -> DocumentPublicatie (DocumentType Xml).
        for zaak in self.sets["Zaak"].values():
            for document in zaak.get("Document") or []:
                version = document.get("HuidigeDocumentVersie") or {}
                for publicatie in version.get("DocumentPublicatie") or []:
                    xml = folder / "publicaties" / f"{publicatie['Id']}.xml"
                    if publicatie.get("DocumentType") == "Xml" and xml.exists():
                        content = (xml.read_bytes(), "application/xml")
                        self.files[document["Id"]] = content
                        self.files[publicatie["Id"]] = content
        for zaak in self.sets["Zaak"].values():
            for besluit in zaak.get("Besluit") or []:
                if isinstance(besluit, dict) and isinstance(besluit.get("Id"), str):
                    self.sets["Besluit"][besluit["Id"]] = besluit_record(besluit, zaak["Id"])
        newest = [parse_time(r["ApiGewijzigdOp"]) for s in self.sets.values() for r in s.values()]
        self.clock = max([CLOCK_START, *newest])

    def tick(self) -> dt.datetime:
        """The fake clock's next instant: strictly increasing, one second per change."""
        with self.lock:
            self.clock += dt.timedelta(seconds=1)
            return self.clock

    def entity_set(self, entity: str) -> dict[str, Record]:
        if entity not in self.sets:
            raise KeyError(f"onbekende entiteit {entity!r}; bekend: {', '.join(ENTITIES)}")
        return self.sets[entity]

    def ordered(self, entity: str) -> list[Record]:
        with self.lock:
            return sorted(self.entity_set(entity).values(), key=order_key)

    def check_fields(self, entity: str, fields: frozenset[str]) -> None:
        """A $filter naming a property that none of the entity's records has is refused, as the
        real API refuses an unknown property (an empty set cannot tell, and lets it pass)."""
        records = self.entity_set(entity).values()
        known = {key for record in records for key in record} | SYNC_FIELDS
        if records and (unknown := sorted(fields - known)):
            raise QueryError(
                f"$filter noemt {', '.join(unknown)}: geen veld van {entity}; "
                f"wel: {', '.join(sorted(known))}"
            )

    def page(self, entity: str, query: Query) -> tuple[list[Any], int]:
        """One page of served records (malformed where asked) and the total that matched."""
        with self.lock:
            self.check_fields(entity, query.fields)
            matched = [r for r in self.ordered(entity) if query.selects(r)]
            chosen = matched[query.skip : query.skip + query.top]
            served = [
                malform(r, how) if (how := self.malformed.get((entity, r["Id"]))) else r
                for r in chosen
            ]
            return copy.deepcopy(served), len(matched)

    def get(self, entity: str, record_id: str) -> Any:
        with self.lock:
            record = self.entity_set(entity).get(record_id)
            if record is None:
                return None
            how = self.malformed.get((entity, record_id))
            return copy.deepcopy(malform(record, how) if how else record)

    def stamp(self, record: Record, *, content_changed: bool) -> None:
        now = self.tick()
        record["ApiGewijzigdOp"] = api_time(now)
        if content_changed:
            record["GewijzigdOp"] = local_time(now - dt.timedelta(seconds=1))

    def changed(self, entity: str, record: Record) -> Record:
        if not isinstance(record.get("Id"), str) or not record["Id"]:
            raise ValueError("changed() vraagt een record met een Id (GUID-tekst)")
        with self.lock:
            stored = copy.deepcopy(record)
            stored.setdefault("Verwijderd", False)
            self.stamp(stored, content_changed=True)
            self.entity_set(entity)[stored["Id"]] = stored
            self.malformed.pop((entity, stored["Id"]), None)
            self.show_expanded(entity, stored)
            return copy.deepcopy(stored)

    def existing(self, entity: str, record_id: str) -> Record:
        record = self.entity_set(entity).get(record_id)
        if record is None:
            raise KeyError(f"geen {entity} met Id {record_id}")
        return record

    def delete(self, entity: str, record_id: str) -> Record:
        with self.lock:
            dead = tombstone(self.existing(entity, record_id))
            dead["Verwijderd"] = True
            self.stamp(dead, content_changed=True)
            self.sets[entity][record_id] = dead
            self.show_expanded(entity, dead)
            if entity == "Besluit":  # gone from its Zaak's expansion; the Zaak is not stamped
                for zaak in self.sets["Zaak"].values():
                    if isinstance(zaak.get("Besluit"), list):
                        zaak["Besluit"] = [b for b in zaak["Besluit"] if b.get("Id") != record_id]
            return copy.deepcopy(dead)

    def vote(self, zaak_id: str, besluit: Record) -> Record:
        """A decision recorded on a Zaak: the Besluit (with its Stemmingen) gets a new
        ApiGewijzigdOp and appears in the Zaak's expansion (replacing one with its Id); the
        Zaak's own ApiGewijzigdOp and GewijzigdOp stay as they were."""
        if not isinstance(besluit.get("Id"), str) or not besluit["Id"]:
            raise ValueError("vote() vraagt een Besluit met een Id (GUID-tekst)")
        with self.lock:
            zaak = self.existing("Zaak", zaak_id)
            nested = copy.deepcopy(besluit)
            nested.setdefault("Verwijderd", False)
            self.stamp(nested, content_changed=True)
            others = [b for b in zaak.get("Besluit") or [] if b.get("Id") != nested["Id"]]
            zaak["Besluit"] = [*others, nested]
            stored = besluit_record(nested, zaak_id)
            self.sets["Besluit"][stored["Id"]] = stored
            self.malformed.pop(("Besluit", stored["Id"]), None)
            return copy.deepcopy(stored)

    def reemit(self, entity: str, ids: list[str] | None) -> list[str]:
        with self.lock:
            chosen = [r["Id"] for r in self.ordered(entity)] if ids is None else list(ids)
            for record_id in chosen:
                record = self.existing(entity, record_id)
                self.stamp(record, content_changed=False)
                self.show_expanded(entity, record)
            return chosen

    def malform(self, entity: str, record_id: str, how: str) -> None:
        if how not in MALFORMATIONS:
            raise ValueError(f"malformed(how=...) is een van {', '.join(MALFORMATIONS)}")
        with self.lock:
            record = self.existing(entity, record_id)
            self.stamp(record, content_changed=False)
            self.show_expanded(entity, record)
            self.malformed[(entity, record_id)] = how

    def show_expanded(self, entity: str, record: Record) -> None:
        """The record as the records that expand it show it (EXPANSIONS): a copy, or null once
        it is deleted; those records are not stamped."""
        shown = None if record.get("Verwijderd") is True else record
        for source, holder, navigation, link in EXPANSIONS:
            if source != entity:
                continue
            for other in self.sets[holder].values():
                nested = other.get(navigation)
                nested_id = nested.get("Id") if isinstance(nested, dict) else None
                if record["Id"] in (other.get(link), nested_id):
                    other[navigation] = copy.deepcopy(shown)
