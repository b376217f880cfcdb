"""Toezeggingen from every source, with their status and the evidence for it.

Two sources: Toezegging records of the Tweede Kamer (status as the register writes it) and
commitments found in texts at ingest (`ingest/commitments.py`). A commitment is "nagekomen" only
with a register status that says so or a quoted passage of a text that carries it out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any

from assistant.documents import TOEZEGGING, Document
from assistant.fulfilment import HIGH, LOW, MEDIUM, Evidence, iso
from assistant.records import RecordFilter
from assistant.store import Store
from assistant.tokens import Tokenizer, shared_tokenizer

OPEN, FULFILLED, PARTLY, LAPSED, UNKNOWN = "open", "nagekomen", "deels", "vervallen", "onbekend"
# Register statuses are free text in the live data; these words decide, anything else: onbekend.
REGISTER_STATUS = (
    (re.compile(r"deels", re.I), PARTLY),
    (re.compile(r"afgedaan|voldaan|nagekomen", re.I), FULFILLED),
    (re.compile(r"open", re.I), OPEN),
    (re.compile(r"vervallen|ingetrokken", re.I), LAPSED),
)


@dataclass
class CommitmentRow:
    id: str
    source: str  # register | gedaan | vermeld | nakoming
    made_on: str | None
    who: str | None
    what: str
    quote: str  # verbatim: the register text or the sentence in the document
    doc_id: str
    doc_title: str
    url: str | None
    status: str
    status_text: str
    confidence: str = LOW  # hoog | middel | laag: how sure the status is, see status_text
    deadline_start: str | None = None
    deadline_end: str | None = None
    overdue: bool = False
    references: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # verbatim sentences that spell it out
    context: list[str] = field(default_factory=list)  # verbatim sentences just before it
    rule: str = ""  # the rule of ingest/commitment_rules.py that found it in a text


def register_status(text: str | None) -> str:
    for pattern, status in REGISTER_STATUS:
        if text and pattern.search(text):
            return status
    return UNKNOWN


def _overlap(a: str, b: str, tokenizer: Tokenizer) -> int:
    return len(set(tokenizer(a)) & set(tokenizer(b)))


def collect(store: Store, today: dt.date) -> list[CommitmentRow]:
    """Every commitment in the store, with status and evidence."""
    rows: list[CommitmentRow] = []
    for doc in store.documents(RecordFilter(types=(TOEZEGGING,))):
        rows.append(_register_row(doc))
    stated = [
        (doc, c) for doc in store.documents_with_commitments() for c in doc.extra["commitments"]
    ]
    tokenizer = shared_tokenizer()
    fulfilments = [(doc, c) for doc, c in stated if c["kind"] == "nakoming"]
    used: set[int] = set()
    for doc, item in stated:
        if item["kind"] == "nakoming":
            continue
        row = _text_row(doc, item)
        for index, (carrier, done) in enumerate(fulfilments):
            same_day = item["made_on"] and done["made_on"] == item["made_on"]
            if same_day and _overlap(item["what"], done["what"], tokenizer) >= 2:
                row.status, row.confidence = FULFILLED, MEDIUM
                row.status_text = (
                    "uitgevoerd volgens een latere tekst die een toezegging van dezelfde datum "
                    "over hetzelfde onderwerp nakomt"
                )
                row.evidence.append(
                    Evidence(carrier.id, carrier.title, iso(carrier.date), done["sentence"])
                )
                used.add(index)
        rows.append(row)
    for index, (doc, item) in enumerate(fulfilments):
        if index not in used:  # a text says it carries out a commitment we have no other trace of
            row = _text_row(doc, item)
            row.status, row.confidence = FULFILLED, HIGH
            row.status_text = "deze tekst zegt zelf dat hij de toezegging uitvoert"
            row.evidence.append(Evidence(doc.id, doc.title, iso(doc.date), item["sentence"]))
            rows.append(row)
    for row in rows:
        end = dt.date.fromisoformat(row.deadline_end) if row.deadline_end else None
        row.overdue = row.status == OPEN and end is not None and end < today
    return sorted(rows, key=lambda r: (r.made_on or "", r.id))


def filter_rows(
    rows: list[CommitmentRow],
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    ministerie: str | None = None,
    status: str | None = None,
    dossier: str | None = None,
    overdue: bool = False,
) -> list[CommitmentRow]:
    def keep(row: CommitmentRow) -> bool:
        made = dt.date.fromisoformat(row.made_on) if row.made_on else None
        if (date_from or date_to) and made is None:
            return False
        if made and date_from and made < date_from:
            return False
        if made and date_to and made > date_to:
            return False
        if ministerie and ministerie.lower() not in f"{row.who} {row.quote}".lower():
            return False
        if (
            status
            and status.lower() != row.status
            and status.lower() not in row.status_text.lower()
        ):
            return False
        if dossier and not any(ref.startswith(f"kst-{dossier}") for ref in row.references):
            return False
        return not overdue or row.overdue

    return [row for row in rows if keep(row)]


CSV_COLUMNS = (
    "id",
    "gedaan op",
    "door",
    "wat",
    "status",
    "zekerheid",
    "toelichting",
    "termijn",
    "verlopen",
    "bron",
    "citaat",
    "nader",
    "bewijs",
    "regel",
)


def to_csv(rows: list[CommitmentRow]) -> str:
    """The rows as CSV (Dutch headers), for spreadsheets: one line per commitment."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow(
            [
                r.id,
                r.made_on or "",
                r.who or "",
                r.what,
                r.status,
                r.confidence,
                r.status_text,
                r.deadline_end or "",
                "ja" if r.overdue else "nee",
                r.doc_id,
                r.quote,
                " | ".join(r.details),
                " | ".join(f"{e.id}: {e.quote}" for e in r.evidence),
                r.rule,
            ]
        )
    return out.getvalue()


def explain_rows(rows: list[CommitmentRow]) -> str:
    """Per commitment the rule that found it and its kind (`kamer toezeggingen --explain`)."""
    if not rows:
        return "Geen toezeggingen gevonden die aan de filters voldoen."
    lines = [f"Toezeggingen ({len(rows)}), met de regel die ze vond:"]
    for r in rows:
        if r.source == "register":
            why = "register (geen regel: een Toezegging-record van de Tweede Kamer)"
        else:
            rule = r.rule or "onbekend (opgeslagen voordat regels een naam hadden)"
            why = f"regel {rule} ({r.source})"
        lines.append(f"- {r.id} [{r.status}] {why}")
        lines.append(f'    "{r.quote}"')
    return "\n".join(lines)


def _register_row(doc: Document) -> CommitmentRow:
    status_text = str(doc.extra.get("status") or "")
    who = doc.indieners[0].name if doc.indieners else doc.afzender
    row = CommitmentRow(
        id=doc.id,
        source="register",
        made_on=iso(doc.date),
        who=who,
        what=doc.text,
        quote=doc.text,
        doc_id=doc.id,
        doc_title=doc.title,
        url=doc.url,
        status=register_status(status_text),
        status_text=f"registerstatus: {status_text}" if status_text else "registerstatus onbekend",
        confidence=HIGH if register_status(status_text) != UNKNOWN else LOW,
        deadline_end=doc.extra.get("datum_nakoming"),
    )
    if doc.extra.get("kamerbrief_nakoming"):
        row.evidence.append(
            Evidence(
                str(doc.extra["kamerbrief_nakoming"]),
                "Kamerbrief nakoming",
                None,
                f"Kamerbrief nakoming: {doc.extra['kamerbrief_nakoming']}",
                "register",
            )
        )
    return row


def _text_row(doc: Document, item: dict[str, Any]) -> CommitmentRow:
    index = doc.extra.get("commitments", []).index(item)
    return CommitmentRow(
        id=f"{doc.id}#t{index + 1}",
        source=str(item["kind"]),
        made_on=item.get("made_on"),
        who=item.get("who"),
        what=str(item.get("what") or ""),
        quote=str(item["sentence"]),
        doc_id=doc.id,
        doc_title=doc.title,
        url=doc.url,
        status=OPEN if item["kind"] != "nakoming" else FULFILLED,
        status_text="geen bron gevonden die de toezegging uitvoert",
        deadline_start=item.get("deadline_start"),
        deadline_end=item.get("deadline_end"),
        references=list(item.get("references") or []),
        details=[str(d) for d in item.get("details") or []],
        context=[str(c) for c in item.get("context") or []],
        rule=str(item.get("rule") or ""),
    )
