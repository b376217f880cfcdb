"""Toezeggingen from every source, with their status and the evidence for it.

Two sources: Toezegging records of the Tweede Kamer (status as the register writes it) and
commitments found in texts at ingest (`ingest/commitments.py`). A commitment is "nagekomen" only
with a register status that says so or a quoted passage of a text that carries it out.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any

from assistant.documents import TOEZEGGING, Document
from assistant.fulfilment import HIGH, LOW, MEDIUM, Evidence, iso
from assistant.records import RecordFilter, batches
from assistant.store import Store, date_int
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
    confirmed: str = ""  # verbatim: the chair's words that call it a commitment, in a debate


def register_status(text: str | None) -> str:
    for pattern, status in REGISTER_STATUS:
        if text and pattern.search(text):
            return status
    return UNKNOWN


def _overlap(a: str, b: str, tokenizer: Tokenizer) -> int:
    return len(set(tokenizer(a)) & set(tokenizer(b)))


Stated = tuple[str, int, dict[str, Any]]  # (doc_id, place in its list, stored body)


def collect(
    store: Store,
    today: dt.date,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    dossier: str | None = None,
    doc_ids: list[str] | None = None,
    registers: bool = True,
    newest: int | None = None,
) -> list[CommitmentRow]:
    """The commitments of a period (made on a day in it), of a dossier (naming one of its
    Kamerstukken, or stated in `doc_ids`), or all of them, with status and evidence: indexed
    queries, no document text read."""
    start, end = date_int(date_from), date_int(date_to)
    rows: list[CommitmentRow] = []
    if registers:
        # Register entries of the period; with `doc_ids`, those among them.
        where = RecordFilter(types=(TOEZEGGING,), date_from=start, date_to=end)
        if doc_ids is None:
            registered = store.documents(where)
        else:
            registered = [
                doc
                for part in batches(doc_ids)
                for doc in store.documents(dataclasses.replace(where, ids=tuple(part)))
            ]
        rows += [_register_row(doc) for doc in registered]
    if dossier is None and doc_ids is None:
        stated = store.db.commitments(date_from=start, date_to=end, newest=newest)
    else:
        found: dict[tuple[str, int], Stated] = {}
        if dossier is not None:
            for hit in store.db.commitments(
                date_from=start, date_to=end, ref_prefix=f"kst-{dossier}-", newest=newest
            ):
                found[hit[0], hit[1]] = hit
        if doc_ids is not None:
            for hit in store.db.commitments(
                date_from=start, date_to=end, doc_ids=doc_ids, newest=newest
            ):
                found[hit[0], hit[1]] = hit
        stated = sorted(found.values(), key=lambda r: (_made_on(r) or "", r[0], r[1]))
        stated = stated[-newest:] if newest else stated
    # A text that carries out a commitment made on the same day: found by that day.
    days = sorted({int(d.replace("-", "")) for d in (_made_on(r) for r in stated) if d})
    fulfilments = {(r[0], r[1]): r for r in stated if r[2]["item"]["kind"] == "nakoming"}
    for at in range(0, len(days), 500):
        for hit in store.db.commitments(kinds=("nakoming",), made_on=days[at : at + 500]):
            fulfilments.setdefault((hit[0], hit[1]), hit)
    tokenizer = shared_tokenizer()
    used: set[tuple[str, int]] = set()
    for doc_id, index, body in stated:
        item = body["item"]
        if item["kind"] == "nakoming":
            continue
        row = _text_row(doc_id, index, body)
        for key, (carrier_id, _, done_body) in fulfilments.items():
            done = done_body["item"]
            same_day = item.get("made_on") and done.get("made_on") == item["made_on"]
            if same_day and _overlap(item["what"], done["what"], tokenizer) >= 2:
                row.status, row.confidence = FULFILLED, MEDIUM
                row.status_text = (
                    "uitgevoerd volgens een latere tekst die een toezegging van dezelfde datum "
                    "over hetzelfde onderwerp nakomt"
                )
                row.evidence.append(
                    Evidence(carrier_id, done_body["title"], done_body["date"], done["sentence"])
                )
                used.add(key)
        rows.append(row)
    for doc_id, index, body in stated:
        # A text says it carries out a commitment we have no other trace of.
        if body["item"]["kind"] == "nakoming" and (doc_id, index) not in used:
            row = _text_row(doc_id, index, body)
            row.status, row.confidence = FULFILLED, HIGH
            row.status_text = "deze tekst zegt zelf dat hij de toezegging uitvoert"
            row.evidence.append(
                Evidence(doc_id, body["title"], body["date"], body["item"]["sentence"])
            )
            rows.append(row)
    for row in rows:
        deadline = dt.date.fromisoformat(row.deadline_end) if row.deadline_end else None
        row.overdue = row.status == OPEN and deadline is not None and deadline < today
    return sorted(rows, key=lambda r: (r.made_on or "", r.id))


def _made_on(row: Stated) -> str | None:
    made = row[2]["item"].get("made_on")
    return str(made) if made else None


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
    "bevestigd door voorzitter",
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
                r.confirmed,
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


def _text_row(doc_id: str, index: int, body: dict[str, Any]) -> CommitmentRow:
    item = body["item"]
    return CommitmentRow(
        id=f"{doc_id}#t{index + 1}",
        source=str(item["kind"]),
        made_on=item.get("made_on"),
        who=item.get("who"),
        what=str(item.get("what") or ""),
        quote=str(item["sentence"]),
        doc_id=doc_id,
        doc_title=str(body.get("title") or ""),
        url=body.get("url"),
        status=OPEN if item["kind"] != "nakoming" else FULFILLED,
        status_text="geen bron gevonden die de toezegging uitvoert",
        deadline_start=item.get("deadline_start"),
        deadline_end=item.get("deadline_end"),
        references=list(item.get("references") or []),
        details=[str(d) for d in item.get("details") or []],
        context=[str(c) for c in item.get("context") or []],
        rule=str(item.get("rule") or ""),
        confirmed=str(item.get("confirmed") or ""),
    )
