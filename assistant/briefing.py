"""A dossier briefing: moties (status, votes), toezeggingen (status, evidence), latest letters,
and a dated timeline. Every line names its source with a link."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from assistant.commitments import CommitmentRow, collect
from assistant.documents import GEWIJZIGDE_MOTIE, MOTIE, ONBEKEND, Document
from assistant.fulfilment import CARRIED_OUT, NOT_FOUND, MotionFulfilment, motion_fulfilment
from assistant.records import RecordFilter
from assistant.render import md_escape, md_link, md_plain
from assistant.retrieve import ChunkIndex
from assistant.store import Store

LATEST_LETTERS = 10
# A briefing covers the newest moties and commitments of its period: a large dossier (a
# budget, an EU council series) has thousands, more than a reader or one request can take.
BRIEFING_MOTIES = 150
BRIEFING_COMMITMENTS = 150


@dataclass
class Briefing:
    dossier: str
    title: str
    moties: list[Document] = field(default_factory=list)
    fulfilment: dict[str, MotionFulfilment] = field(default_factory=dict)
    commitments: list[CommitmentRow] = field(default_factory=list)
    letters: list[Document] = field(default_factory=list)
    since: dt.date | None = None
    moties_total: int = 0  # in the dossier and period; `moties` holds the newest of them

    def timeline(self) -> list[tuple[str, str, str]]:
        """(date, event, source id) for everything dated, oldest first."""
        events = [
            (d.date.isoformat(), f"motie {d.id}: {outcome(d)}", d.id) for d in self.moties if d.date
        ]
        events += [
            (c.made_on, f"toezegging: {c.what}", c.doc_id) for c in self.commitments if c.made_on
        ]
        events += [
            (d.date.isoformat(), f"{kind(d)}: {d.title}", d.id) for d in self.letters if d.date
        ]
        return sorted(events)

    def open_moties(self) -> list[Document]:
        """Aangenomen moties for which no document reports that they were carried out."""
        return [
            d
            for d in self.moties
            if d.id in self.fulfilment and self.fulfilment[d.id].status == NOT_FOUND
        ]


def outcome(doc: Document) -> str:
    motion = doc.motion
    if motion is None or motion.outcome == ONBEKEND:
        return "uitslag niet in de bronnen"
    totals = motion.totals()
    return f"{motion.outcome} ({totals.get('Voor', 0)} voor, {totals.get('Tegen', 0)} tegen)"


def kind(doc: Document) -> str:
    return str(doc.extra.get("soort") or doc.type)


def link(doc_id: str, url: str | None) -> str:
    return md_link(doc_id, url)


def build_briefing(
    store: Store,
    dossier: str,
    today: dt.date,
    index: ChunkIndex | None = None,
    since: dt.date | None = None,
) -> Briefing:
    """The dossier's moties with their fulfilment, its commitments and latest letters, from
    `since` on: the newest BRIEFING_MOTIES moties and BRIEFING_COMMITMENTS commitments. With
    the chunk `index`, letters that name a motie only by its indieners count too (as in `kamer
    motie`)."""
    wanted = RecordFilter(
        types=(MOTIE, GEWIJZIGDE_MOTIE),
        dossier=dossier,
        date_from=since.year * 10000 + since.month * 100 + since.day if since else None,
    )
    moties = store.documents(wanted, limit=BRIEFING_MOTIES, newest=True)
    total = len(moties) if len(moties) < BRIEFING_MOTIES else store.count(wanted)
    prefix = f"kst-{dossier}-"
    # Letters and other documents that refer to a Kamerstuk of the dossier.
    sources = store.sources_linking_under(prefix)
    linked = set(sources)
    # The latest of them that are no motie: chosen by date in the index, only those read.
    letters = store.latest(sources, exclude_types=(MOTIE, GEWIJZIGDE_MOTIE), limit=LATEST_LETTERS)
    # Commitments that name a Kamerstuk of the dossier, or stand in a document that does.
    commitments = [
        c
        for c in collect(
            store, today, dossier=dossier, doc_ids=sources, date_from=since,
            newest=BRIEFING_COMMITMENTS,
        )
        if c.doc_id in linked or any(r.startswith(prefix) for r in c.references)
    ]  # fmt: skip
    title = (
        store.dossier_title(dossier)
        or next((d.dossier_title for d in moties if d.dossier_title), None)
        or dossier
    )
    fulfilment = {d.id: motion_fulfilment(store, d, index) for d in moties}
    return Briefing(dossier, title, moties, fulfilment, commitments, letters, since, total)


def to_markdown(briefing: Briefing, today: dt.date) -> str:
    lines = [
        f"# Briefing dossier {md_escape(briefing.dossier)}: {md_escape(briefing.title)}",
        "",
        f"Opgesteld op {today.isoformat()} uit de geïndexeerde bronnen; "
        "elke regel noemt zijn bron.",
        "",
        f"## Moties ({moties_count(briefing)})",
        "",
    ]
    for doc in briefing.moties:
        appreciatie = doc.motion.kabinetsappreciatie if doc.motion else None
        extra = f"; kabinetsappreciatie: {md_escape(appreciatie)}" if appreciatie else ""
        lines.append(
            f"- {doc.date or '?'} {md_escape(doc.title)}: {outcome(doc)}{extra} "
            f"({link(doc.id, doc.url)})"
        )
        found = briefing.fulfilment.get(doc.id)
        if found is not None and found.status in (CARRIED_OUT, NOT_FOUND):
            lines.append(f"  - uitvoering: {found.status} (zekerheid {found.confidence})")
            lines += [evidence_line(e.quote, e.id) for e in found.evidence]
    open_moties = briefing.open_moties()
    lines += ["", f"## Aangenomen moties zonder gevonden uitvoering ({len(open_moties)})", ""]
    lines += [f"- {d.date or '?'} {md_escape(d.title)} ({link(d.id, d.url)})" for d in open_moties]
    lines += ["", f"## Toezeggingen ({len(briefing.commitments)})", ""]
    for row in briefing.commitments:
        deadline = f", termijn t/m {row.deadline_end}" if row.deadline_end else ""
        late = " (verlopen)" if row.overdue else ""
        lines.append(
            f"- {row.made_on or '?'} {md_escape(row.who or '?')}: {md_escape(row.what)} — "
            f"**{row.status}{late}**, zekerheid {row.confidence}{deadline} "
            f'({link(row.doc_id, row.url)}: "{md_escape(row.quote)}")'
        )
        lines += [f'  - nader: "{md_escape(detail)}"' for detail in row.details]
        lines += [evidence_line(e.quote, e.id) for e in row.evidence]
    lines += ["", f"## Laatste brieven en documenten ({len(briefing.letters)})", ""]
    for doc in briefing.letters:
        lines.append(
            f"- {doc.date or '?'} {md_escape(kind(doc))}: {md_escape(doc.title)} "
            f"({link(doc.id, doc.url)})"
        )
    lines += ["", "## Tijdlijn", ""]
    lines += [
        f"- {date}: {md_escape(event)} ({md_escape(source)})"
        for date, event, source in briefing.timeline()
    ]
    return "\n".join(lines) + "\n"


def moties_count(briefing: Briefing) -> str:
    period = f" sinds {briefing.since.isoformat()}" if briefing.since else ""
    if briefing.moties_total <= len(briefing.moties):
        return f"{len(briefing.moties)}{period}"
    return (
        f"de nieuwste {len(briefing.moties)} van {briefing.moties_total}{period}; "
        "kies een latere begindatum voor een volledig overzicht"
    )


def evidence_line(quote: str, doc_id: str) -> str:
    return f'  - bewijs: "{md_escape(quote)}" ({md_escape(doc_id)})'


def to_docx(markdown: str, target: Path | BinaryIO) -> None:
    """The Markdown briefing as a Word document: headings, bullets and paragraphs."""
    from docx import Document as WordDocument

    word = WordDocument()
    for line in map(md_plain, markdown.splitlines()):
        if line.startswith("# "):
            word.add_heading(line[2:], level=1)
        elif line.startswith("## "):
            word.add_heading(line[3:], level=2)
        elif line.startswith("  - "):
            word.add_paragraph(line[4:], style="List Bullet 2")
        elif line.startswith("- "):
            word.add_paragraph(line[2:], style="List Bullet")
        elif line.strip():
            word.add_paragraph(line)
    word.save(str(target) if isinstance(target, Path) else target)
