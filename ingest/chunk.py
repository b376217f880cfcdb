"""Structure-aware chunks: a motie whole, letters by section, Kamervragen per pair, debate turns."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from assistant.documents import Document, Section
from assistant.store import clean_metadata, date_int


@dataclass(frozen=True)
class Chunk:
    id: str  # derived from the document id and the embedded text: same content, same id
    doc_id: str
    index: int
    text: str  # the passage exactly as it stands in the document
    embed_text: str  # what the embedder sees: the passage with its titles carried along
    metadata: dict[str, Any] = field(default_factory=dict)


def split_words(text: str, max_words: int) -> list[str]:
    """Split at paragraph, then sentence boundaries, so that no piece exceeds max_words."""
    pieces: list[str] = []
    current: list[str] = []
    count = 0
    units: list[str] = []
    for paragraph in text.split("\n"):
        if len(paragraph.split()) <= max_words:
            units.append(paragraph)
            continue
        sentence: list[str] = []
        for word in paragraph.split():
            sentence.append(word)
            if word.endswith((".", "?", "!", ";")) or len(sentence) >= max_words:
                units.append(" ".join(sentence))
                sentence = []
        if sentence:
            units.append(" ".join(sentence))
    for unit in units:
        words = len(unit.split())
        if current and count + words > max_words:
            pieces.append("\n".join(current))
            current, count = [], 0
        if unit.strip():
            current.append(unit)
            count += words
    if current:
        pieces.append("\n".join(current))
    return pieces


def document_metadata(doc: Document) -> dict[str, Any]:
    """What every chunk of a document carries, flat and Chroma-friendly."""
    motion = doc.motion
    return {
        "type": doc.type,
        "title": doc.title[:500],
        "date": date_int(doc.date),
        "vergaderjaar": doc.vergaderjaar,
        "dossier": doc.dossier,
        "dossier_title": doc.dossier_title,
        "ondernummer": doc.ondernummer,
        "indieners": ", ".join(p.name for p in doc.indieners) or None,
        "fracties": ", ".join(sorted({p.fractie for p in doc.indieners if p.fractie})) or None,
        "afzender": doc.afzender,
        "url": doc.url,
        "zaak": doc.ids.get("zaak"),
        "outcome": motion.outcome if motion else None,
    }


def chunk_document(doc: Document, max_words: int = 220) -> list[Chunk]:
    sections = doc.sections or ([Section(text=doc.text)] if doc.text.strip() else [])
    if not sections:
        # Moties known only from OData (no text saved) are still findable by their subject.
        sections = [Section(text=doc.title, title=None, kind="onderwerp")]
    base = document_metadata(doc)
    chunks: list[Chunk] = []
    for section in sections:
        whole = section.kind == "motie"
        parts = [section.text] if whole else split_words(section.text, max_words)
        for part in parts:
            header = [doc.title]
            if section.title and section.title != doc.title:
                header.append(section.title)
            speaker = section.speaker
            if speaker:
                who = speaker.name + (f" ({speaker.fractie})" if speaker.fractie else "")
                header.append(who)
            embed_text = "\n".join([" - ".join(header), part])
            digest = hashlib.sha1(f"{doc.id}\n{embed_text}".encode()).hexdigest()[:20]
            metadata = {
                **base,
                "section": section.title,
                "kind": section.kind,
                "speaker": speaker.name if speaker else None,
                "speaker_fractie": speaker.fractie if speaker else None,
                "chunk_index": len(chunks),
            }
            chunks.append(
                Chunk(
                    id=f"{doc.id}#{digest}",
                    doc_id=doc.id,
                    index=len(chunks),
                    text=part,
                    embed_text=embed_text,
                    metadata=clean_metadata(metadata),
                )
            )
    # Two identical passages in one document (a repeated heading) need one chunk only.
    unique: dict[str, Chunk] = {}
    for chunk in chunks:
        unique.setdefault(chunk.id, chunk)
    return list(unique.values())
