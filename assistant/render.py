"""Plain-text views for the terminal (Dutch), shared by the CLI and the app."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections import Counter
from typing import TYPE_CHECKING, Any

from assistant.documents import Document, Reference

if TYPE_CHECKING:
    from ingest.pipeline import IngestReport
    from ingest.sync import SyncReport

# What can turn plain text into a link, an image, emphasis, HTML, a heading, a table or (in
# Streamlit) math, a colour or an icon: escaped in source text before it goes into Markdown.
# An escaped ':' starts no Streamlit directive (:red[...]), an escaped '&' no character
# reference. A bare address (http://..., www....) stays a link that shows where it goes: GFM
# links it in the parsed text, where no escape reaches.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#$|~:&])")
MARKDOWN_ESCAPED = re.compile(r"\\([\\`*_{}\[\]<>#$|~:&])")
MARKDOWN_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\((https?://[^)\s]+)\)")
# Streamlit turns ':material/icon:' into an icon in the parsed text too: an invisible word
# joiner after the colon keeps it text.
ICON = re.compile(r"(\\:)(?=material)")
WORD_JOINER = "\u2060"


SAFE_URL = re.compile(r"^https?://[^\s()<>\[\]]+$")


def md_link(label: str, url: str | None) -> str:
    """A Markdown link with an escaped label; only plain http(s) addresses become links (an
    address from a crafted id cannot close the link early and inject an image)."""
    if url and SAFE_URL.match(url):
        return f"[{md_escape(label)}]({url})"
    return md_escape(label)


def md_escape(text: str) -> str:
    """Source text made inert for Markdown (and Streamlit's additions to it): every Markdown
    character escaped, on one line. Use it for every title, name or file name in Markdown."""
    escaped = MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return ICON.sub(rf"\1{WORD_JOINER}", escaped)


def md_plain(markdown: str) -> str:
    """Back from our Markdown to plain text: links become 'label (url)', escapes are undone."""
    text = MARKDOWN_LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", markdown)
    text = MARKDOWN_ESCAPED.sub(r"\1", text.replace("**", ""))
    return text.replace(WORD_JOINER, "")


# What a terminal obeys instead of printing: escape sequences (colours, clearing the screen,
# the window title, hyperlinks, the clipboard), removed whole, then every other control
# character but newline and tab. A carriage return only as part of a line ending (CSV).
TERMINAL_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # OSC...
    r"|\x1b[ -/]*[0-~]?"  # any other escape
)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


def terminal_safe(text: str) -> str:
    """Text from documents or file names made safe to print: no escape sequences, no control
    characters other than newline and tab. Use it for everything the CLI prints."""
    return CONTROL.sub("", TERMINAL_SEQUENCE.sub("", text))


OUTCOME_LABELS = {
    "aangenomen": "aangenomen",
    "verworpen": "verworpen",
    "aangehouden": "aangehouden",
    "ingetrokken": "ingetrokken",
    "onbekend": "onbekend (geen stemmingsuitslag in de bronnen)",
}


def render_report(report: IngestReport, details: bool = False) -> str:
    from ingest.pipeline import DUPLICATE, INGESTED, REJECTED, SKIPPED, UNCHANGED

    lines = [
        "Samenvatting",
        f"  bestanden ingelezen : {report.count(INGESTED)}",
        f"  ongewijzigd         : {report.count(UNCHANGED)}",
        f"  dubbel              : {report.count(DUPLICATE)}",
        f"  overgeslagen        : {report.count(SKIPPED)}",
        f"  geweigerd           : {report.count(REJECTED)}",
        f"  documenten          : {report.documents} (waarvan {report.records} records)",
        f"  chunks              : {report.chunks_added} nieuw, {report.chunks_kept} ongewijzigd, "
        f"{report.chunks_removed} verwijderd",
    ]
    if report.documents_removed:
        lines.append(f"  documenten verwijderd: {report.documents_removed}")
    skipped = [f for f in report.files if f.status in (SKIPPED, DUPLICATE)]
    if skipped:
        reasons = Counter(f"{f.status}: {f.reason}" for f in skipped)
        lines.append("Overgeslagen of dubbel:")
        if details:
            lines += [f"  {f.path}: {f.status}, {f.reason}" for f in skipped]
        else:
            lines += [f"  {n} x {reason}" for reason, n in reasons.most_common(10)]
    if report.rejected:
        lines.append("Geweigerd:")
        lines += [f"  {f.path}: {f.reason}" for f in report.rejected]
    warnings = [f"{f.path}: {f.warning}" for f in report.files if f.warning] + report.warnings
    if warnings:
        lines.append("Waarschuwingen:")
        lines += [f"  {w}" for w in warnings[:20]]
        if len(warnings) > 20:
            lines.append(f"  ... en nog {len(warnings) - 20}")
    return "\n".join(lines)


def render_stats(figures: dict[str, Any]) -> str:
    lines = [
        f"Index: {figures['store']}",
        f"Documenten: {figures['documents']}   chunks: {figures['chunks']}   "
        f"verwijzingen: {figures['links']}   bestanden: {figures['files']}",
        f"Periode: {figures['first_date'] or '-'} t/m {figures['last_date'] or '-'}",
        "Per soort:",
    ]
    lines += [f"  {kind:<32} {count:>7}" for kind, count in figures["by_type"].items()]
    return "\n".join(lines + render_freshness(figures.get("sync")))


def render_sync(report: SyncReport) -> str:
    """The summary of one `kamer sync`."""
    lines = [f"Synchronisatie met {report.source} ({report.seconds:.1f} s)"]
    for entity, counts in report.entities.items():
        lines.append(
            f"  {entity:<11}: {counts.new} nieuw, {counts.changed} gewijzigd, "
            f"{counts.deleted} verwijderd, {counts.ignored} niet bewaard "
            f"({counts.requests} {'verzoek' if counts.requests == 1 else 'verzoeken'})"
        )
    lines.append(
        f"  bestanden  : {report.files_fetched} opgehaald, {report.files_pending} nog niet "
        "gepubliceerd"
    )
    lines.append(f"Bijgewerkt tot {local_time(report.newest_change)}")
    if report.skipped:
        lines.append(f"Overgeslagen records ({len(report.skipped)}):")
        lines += [f"  {line}" for line in report.skipped[:50]]
        if len(report.skipped) > 50:
            lines.append(f"  ... en nog {len(report.skipped) - 50}")
    if report.warnings:
        lines.append("Waarschuwingen:")
        lines += [f"  {w}" for w in report.warnings[:20]]
    if report.stale_source:
        lines.append(report.stale_source)
    return "\n".join(lines)


def local_time(value: str | None) -> str:
    """An ISO moment (UTC from the API or the sync) as local 'YYYY-MM-DD HH:MM'."""
    if not value:
        return "-"
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"


REFERENCE_NAMES = {
    "Fractie": "fracties",
    "Kamerstukdossier": "dossiers",
    "Persoon": "personen",
}


def render_freshness(sync: dict[str, Any] | None) -> list[str]:
    """What `kamer stats` says about `kamer sync`: nothing for a store never synced."""
    if not sync:
        return []
    last = local_time(sync["last_run"]) if sync["last_run"] else "nog geen gelukt"
    lines = [f"Bijgewerkt tot {local_time(sync['newest_change'])} (laatste synchronisatie {last})"]
    if sync["stale"]:
        lines.append(
            f"Let op: de laatste geslaagde synchronisatie is meer dan {sync['max_age_hours']} uur "
            "geleden; draai `kamer sync` (of kijk waarom die mislukt)."
        )
    if reference := sync.get("reference"):
        named = (f"{n} {REFERENCE_NAMES.get(e, e)}" for e, n in sorted(reference.items()))
        lines.append(f"Opzoekgegevens van de Kamer: {', '.join(named)}")
    if error := sync.get("last_error"):
        lines.append(f"Laatste synchronisatie mislukt ({local_time(error.get('at'))}): ")
        lines[-1] += str(error.get("message"))
    return lines


def _field(label: str, value: object) -> str | None:
    return f"{label:<20}{value}" if value not in (None, "", []) else None


def render_votes(doc: Document) -> list[str]:
    motion = doc.motion
    if motion is None:
        return []
    lines = [_field("Uitslag", OUTCOME_LABELS.get(motion.outcome, motion.outcome))]
    if motion.votes:
        totals = motion.totals()
        how = "hoofdelijk, per lid" if motion.hoofdelijk else "zetels per fractie"
        lines.append(
            _field(
                "Stemmen", f"{totals.get('Voor', 0)} voor, {totals.get('Tegen', 0)} tegen ({how})"
            )
        )
        for side in ("Voor", "Tegen", "Niet deelgenomen"):
            fracties = motion.fracties(side)
            if fracties:
                lines.append(_field(f"  {side}", ", ".join(fracties)))
    lines += [
        _field("Kabinetsappreciatie", motion.kabinetsappreciatie),
        _field(
            "Afgedaan", None if motion.afgedaan is None else ("ja" if motion.afgedaan else "nee")
        ),
        _field("Vervangt", motion.replaces),
    ]
    return [line for line in lines if line]


def render_document(
    doc: Document, incoming: list[Reference], chunks: list[tuple[str, str, Any]]
) -> str:
    indieners = ", ".join(p.name + (f" ({p.fractie})" if p.fractie else "") for p in doc.indieners)
    other_ids = ", ".join(f"{k}={v}" for k, v in sorted(doc.ids.items()))
    header = [
        doc.title,
        "=" * min(len(doc.title), 100),
        _field("Id", doc.id),
        _field("Andere nummers", other_ids),
        _field("Soort", doc.extra.get("soort") or doc.type),
        _field("Datum", doc.date.isoformat() if doc.date else None),
        _field("Vergaderjaar", doc.vergaderjaar),
        _field("Dossier", " ".join(x for x in (doc.dossier, doc.dossier_title) if x)),
        _field("Ondernummer", doc.ondernummer),
        _field("Indieners", indieners),
        _field("Afzender", doc.afzender),
        _field("Status", doc.extra.get("status")),
        _field("Bron", doc.url),
        _field("Bestand", doc.source),
    ]
    lines = [line for line in header if line] + render_votes(doc)
    if doc.text:
        lines += ["", "Tekst:"]
        lines += [textwrap.indent(textwrap.fill(p, 100), "  ") for p in doc.text.split("\n") if p]
    if doc.references:
        lines += ["", "Verwijst naar:"]
        for ref in doc.references:
            note = f" (voetnoot {ref.footnote})" if ref.footnote else ""
            lines.append(f'  {ref.target}{note}: "{ref.anchor}"')
            if ref.context:
                lines.append(f"      in: {textwrap.shorten(ref.context, 160)}")
    if incoming:
        lines += ["", "Wordt genoemd in:"]
        lines += [f"  {ref.target}: {textwrap.shorten(ref.context, 140)}" for ref in incoming]
    if chunks:
        lines += ["", f"Chunks ({len(chunks)}):"]
        for chunk_id, text, _ in chunks:
            lines.append(f"  [{chunk_id}] {textwrap.shorten(text, 140)}")
    return "\n".join(lines)


PART_HEADINGS = {
    "dev": "DEV (alles wat bij het bijstellen is gelezen)",
    "test": "TEST (blind gelabeld, niet gelezen bij het bijstellen)",
}


def render_eval(parts: dict[str, dict[str, Any]]) -> str:
    """`kamer eval`: each part ("dev", "test") under its own heading."""
    blocks = []
    for name, summary in parts.items():
        heading = PART_HEADINGS.get(name, name)
        blocks.append("\n".join([f"== {heading} ==", *_eval_lines(summary)]))
    return "\n\n".join(blocks)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _named_line(named: dict[str, int] | None) -> list[str]:
    if not named or not named["refused"]:
        return []
    return [
        f"Onterecht geweigerd: {named['refused']}; daarbij de bedoelde bron toch genoemd: "
        f"{named['named']} (als eerste: {named['named_first']})"
    ]


def _eval_lines(summary: dict[str, Any]) -> list[str]:
    lines = list(summary.get("missing", []))
    if setup := summary.get("setup"):
        read = f"; moties bij twijfel gelezen door: {setup['reader']}" if setup["reader"] else ""
        lines.append(f"Antwoorden: {setup['llm']}{read}")
    if "questions" in summary:
        lines += [
            f"Vragen: {summary['questions']}",
            f"recall@5 (verwachte bronnen geciteerd): {_pct(summary['recall@5'])}",
            f"Citaten geldig (letterlijk in de bron): {_pct(summary['citation_validity'])}",
            f"Weigeren terecht/onterecht goed:        {_pct(summary['refusal_accuracy'])}",
            f"Weigeringen: precisie {_pct(summary.get('refusal_precision'))} (terecht van alle "
            f"weigeringen), recall {_pct(summary.get('refusal_recall'))} (geweigerd van de "
            "vragen die geweigerd moesten worden)",
            *_named_line(summary.get("named_when_refused")),
            "Feitjuistheid per soort vraag:",
        ]
        lines += [
            f"  {kind:<24} {_pct(value)}" for kind, value in summary["accuracy_by_kind"].items()
        ]
        latency = summary["latency_ms"]
        lines.append(
            f"Latentie (ms): gestructureerd p50 {latency['structured_p50']} p95 "
            f"{latency['structured_p95']}; vrij p50 {latency['free_p50']} p95 "
            f"{latency['free_p95']}"
        )
    for name, figures in (summary.get("per_set") or {}).items():
        kinds = ", ".join(f"{k} {_pct(v)}" for k, v in figures["accuracy_by_kind"].items())
        lines.append(
            f"  {name} ({figures['questions']} vragen): {kinds}; weigeringen precisie "
            f"{_pct(figures['refusal_precision'])}, recall {_pct(figures['refusal_recall'])}"
        )
    for name, extraction in (summary.get("commitment_extraction") or {}).items():
        lines.append(
            f"Toezeggingen uit teksten, {name} ({extraction['sentences']} gelabelde zinnen): "
            f"precisie {extraction['precision']:.3f}, recall {extraction['recall']:.3f}"
        )
        clear = extraction.get("without_borderline")
        if clear:
            lines.append(
                f"  zonder twijfelgevallen ('borderline', {clear['sentences']} zinnen): "
                f"precisie {clear['precision']:.3f}, recall {clear['recall']:.3f}"
            )
    if summary.get("retrieval_recall@5"):
        lines.append(
            "Retrieval recall@5 per methode: "
            + ", ".join(
                f"{mode} {value:.3f}" for mode, value in summary["retrieval_recall@5"].items()
            )
        )
    return lines


def render_commitments(rows: list[Any]) -> str:
    if not rows:
        return "Geen toezeggingen gevonden die aan de filters voldoen."
    lines = [f"Toezeggingen ({len(rows)}):"]
    for r in rows:
        when = r.made_on or "datum onbekend"
        deadline = f", termijn t/m {r.deadline_end}" if r.deadline_end else ""
        late = " (VERLOPEN)" if r.overdue else ""
        lines.append(
            f"- {r.id} [{r.status}{late}, zekerheid {r.confidence}] gedaan {when}{deadline}, "
            f"door {r.who or '?'}"
        )
        lines.append(f"    status: {r.status_text}")
        lines.append(f"    {textwrap.shorten(r.what, 160)}")
        lines.append(f'    bron: {r.doc_title} ({r.doc_id}): "{textwrap.shorten(r.quote, 200)}"')
        for detail in r.details:
            lines.append(f'    nader: "{textwrap.shorten(detail, 200)}"')
        if r.confirmed:
            confirmed = textwrap.shorten(r.confirmed, 200)
            lines.append(f'    bevestigd door de voorzitter: "{confirmed}"')
        for e in r.evidence:
            lines.append(f'    bewijs: {e.title} ({e.id}): "{textwrap.shorten(e.quote, 200)}"')
    return "\n".join(lines)
