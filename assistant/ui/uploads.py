"""Uploaded files into the index: checks, safe names, ingest, one result per file."""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from assistant.compose import Services
from assistant.errors import KamerError
from assistant.store import local_folder
from ingest.pipeline import DUPLICATE, INGESTED, REJECTED, SKIPPED, UNCHANGED, Ingestor, Progress

ALLOWED = ("pdf", "docx", "txt", "md", "xml", "json", "csv", "tsv")
STATUS_LABELS = {
    INGESTED: "ingelezen",
    UNCHANGED: "al in de index (ongewijzigd)",
    DUPLICATE: "dubbel (zelfde inhoud al in de index)",
    SKIPPED: "overgeslagen",
    REJECTED: "geweigerd",
}

logger = logging.getLogger(__name__)


def safe_name(name: str, content: bytes) -> str:
    """A file name that cannot leave the upload folder or clash: the base name reduced to
    letters, digits, '.', '-' and '_', with a short content hash so equal names never
    overwrite each other."""
    base = Path(name.replace("\\", "/")).name
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = suffix, ""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("._-")[:80] or "bestand"
    suffix = re.sub(r"[^A-Za-z0-9]+", "", suffix).lower()[:8]
    digest = hashlib.sha256(content).hexdigest()[:10]
    return f"{stem}-{digest}.{suffix}" if suffix else f"{stem}-{digest}"


def upload_folder(built: Services) -> Path:
    folder = local_folder(built.settings) / "uploads"
    folder.mkdir(exist_ok=True)
    return folder


def ingest_uploads(
    built: Services, uploads: list[tuple[str, bytes]], progress: Progress | None = None
) -> list[dict[str, str]]:
    """Write the accepted files, ingest them, and return one result row per uploaded file.

    Files are checked before anything is written; what the pipeline refuses is removed again.
    Nothing already in the index is touched by a refused file."""
    limit = built.settings.max_file_mb * 1024 * 1024
    folder = upload_folder(built)
    rows: list[dict[str, str]] = []
    saved: dict[str, str] = {}  # path on disk -> name as uploaded
    for name, content in uploads:
        suffix = name.rpartition(".")[2].lower()
        if suffix not in ALLOWED:
            reason = f"soort bestand niet ondersteund (toegestaan: {', '.join(ALLOWED)})"
            rows.append({"bestand": name, "resultaat": "geweigerd", "reden": reason})
        elif len(content) > limit:
            reason = (
                f"te groot ({len(content) / 1048576:.1f} MB; maximum "
                f"{built.settings.max_file_mb} MB)"
            )
            rows.append({"bestand": name, "resultaat": "geweigerd", "reden": reason})
        elif not content:
            rows.append({"bestand": name, "resultaat": "geweigerd", "reden": "leeg bestand"})
        else:
            target = folder / safe_name(name, content)
            target.write_bytes(content)
            saved[str(target)] = name
    if saved:
        try:
            with built.store.writer_lock():
                ingestor = Ingestor(built.store, built.embedder, built.settings, progress=progress)
                report = ingestor.run([Path(p) for p in saved])
        except Exception as error:
            for path in saved:  # no upload stays behind when the ingest fails as a whole
                Path(path).unlink(missing_ok=True)
            if isinstance(error, KamerError):
                raise
            # The page shows a Dutch message; the traceback goes to the server log only.
            logger.exception("ingest of uploads failed")
            raise KamerError(f"onverwachte fout bij het inlezen ({type(error).__name__})") from None
        built.refresh()
        for outcome in report.files:
            name = saved.get(outcome.path) or saved.get(str(Path(outcome.path))) or outcome.path
            rows.append(
                {
                    "bestand": name,
                    "resultaat": STATUS_LABELS.get(outcome.status, outcome.status),
                    "reden": outcome.reason or outcome.warning,
                    "documenten": ", ".join(outcome.doc_ids),
                }
            )
        # Refused or skipped files and second copies do not stay around.
        for outcome in report.files:
            if outcome.status in (REJECTED, SKIPPED, DUPLICATE):
                Path(outcome.path).unlink(missing_ok=True)
    return rows
