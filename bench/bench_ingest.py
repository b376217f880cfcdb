"""Ingest benchmark: our pipeline against llama-index's default pipeline, same process, same model.

A fixed slice of ../shared/data is ingested twice into fresh Chroma stores:
- baseline: SimpleDirectoryReader -> VectorStoreIndex (default SentenceSplitter) -> Chroma
- ours: ingest.pipeline.Ingestor (format readers, motie parts joined, structure-aware chunks)
Both embed with the same EmbeddingGemma model through the same Embedder. Printed: documents/s,
chunks/s, peak RSS growth, metadata fields per chunk, and the ratios ours / baseline.

    .venv/bin/python bench/bench_ingest.py [--data ../shared/data] [--moties 30]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.embed import Embedder, build_embedder
from assistant.llamaindex import LlamaIndexEmbedding  # noqa: E402
from assistant.settings import Settings, load_settings  # noqa: E402
from assistant.store import Store  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(action: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run action, sampling RSS every 50 ms; report seconds and peak RSS growth."""
    start_rss = rss_mb()
    peak = [start_rss]
    running = [True]

    def sample() -> None:
        while running[0]:
            peak[0] = max(peak[0], rss_mb())
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    running[0] = False
    sampler.join()
    return {**result, "seconds": seconds, "peak_rss_growth_mb": peak[0] - start_rss}


def pick_slice(data: Path, moties: int) -> list[Path]:
    """The nota, N moties with their Zaak and XML, N voted moties, three Handelingen files and
    the ParlaMint debate. No PDFs: the default reader needs llama-index-readers-file for those."""
    files = sorted((data / "nota").glob("*"))
    zaken = sorted((data / "tk-odata" / "moties-met-documenten-2023-2025").glob("*.json"))
    taken = 0
    for zaak_path in zaken:
        zaak = json.loads(zaak_path.read_text(encoding="utf-8"))
        for document in zaak.get("Document") or []:
            for publicatie in (document.get("HuidigeDocumentVersie") or {}).get(
                "DocumentPublicatie"
            ) or []:
                xml = data / "officiele-publicaties" / f"{publicatie.get('Id')}.xml"
                if xml.is_file():
                    files += [zaak_path, xml]
                    taken += 1
        if taken >= moties:
            break
    votes = sorted((data / "tk-odata" / "moties-met-stemmingen-2022-2023").rglob("*.json"))
    files += votes[:moties]
    files += [data / "handelingen" / f"h-tk-20172018-70-{n}.xml" for n in (1, 6, 8)]
    files += sorted((data / "handelingen").glob("ParlaMint-*.xml"))
    return files


def run_baseline(files: list[Path], embedder: Embedder, folder: Path) -> dict[str, Any]:
    from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex
    from llama_index.vector_stores.chroma import ChromaVectorStore

    store = Store.open(Settings(store=folder, collection_prefix="baseline"))
    vector_store = ChromaVectorStore(chroma_collection=store.chunks)
    documents = SimpleDirectoryReader(input_files=[str(f) for f in files]).load_data()
    VectorStoreIndex.from_documents(
        documents,
        storage_context=StorageContext.from_defaults(vector_store=vector_store),
        embed_model=LlamaIndexEmbedding(embedder),
    )
    got = store.chunks.get(include=["metadatas"], limit=50)
    fields = [len([k for k in m if not k.startswith("_")]) for m in got["metadatas"] or [] if m]
    return {
        "files": len(files),
        "documents": len(documents),
        "chunks": store.chunks.count(),
        "metadata_fields_per_chunk": sum(fields) / max(1, len(fields)),
    }


def run_ours(
    files: list[Path], embedder: Embedder, folder: Path, settings: Settings
) -> dict[str, Any]:
    from ingest.pipeline import Ingestor

    local = Settings(
        store=folder, embed_model=settings.embed_model, embed_batch_size=settings.embed_batch_size
    )
    store = Store.open(local)
    report = Ingestor(store, embedder, local).run(files)
    got = store.chunks.get(include=["metadatas"], limit=50)
    fields = [len([k for k in m if not k.startswith("_")]) for m in got["metadatas"] or [] if m]
    return {
        "files": len(files),
        "documents": report.documents,
        "chunks": store.chunks.count(),
        "rejected": len(report.rejected),
        "metadata_fields_per_chunk": sum(fields) / max(1, len(fields)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Ingest benchmark (ours vs llama-index default)")
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).parent.parent.parent / "shared" / "data"
    )
    parser.add_argument("--moties", type=int, default=30)
    args = parser.parse_args()
    settings = load_settings()
    files = pick_slice(args.data, args.moties)
    print(f"slice: {len(files)} files from {args.data}")
    embedder = build_embedder(settings)
    embedder.embed_documents(["opwarmen"] * 4)  # load kernels before timing either run

    with tempfile.TemporaryDirectory() as tmp:
        baseline = measure(lambda: run_baseline(files, embedder, Path(tmp) / "baseline"))
        print(f"baseline done: {baseline}", flush=True)
        ours = measure(lambda: run_ours(files, embedder, Path(tmp) / "ours", settings))
        print(f"ours done: {ours}", flush=True)

    rows = []
    for name, figures in (("llama-index default", baseline), ("kamer pipeline", ours)):
        figures["documents_per_s"] = figures["documents"] / figures["seconds"]
        figures["files_per_s"] = figures["files"] / figures["seconds"]
        figures["chunks_per_s"] = figures["chunks"] / figures["seconds"]
        rows.append((name, figures))
        print(
            f"{name:<20} {figures['seconds']:7.1f} s  files/s {figures['files_per_s']:6.2f}  "
            f"documents {figures['documents']:5d} ({figures['documents_per_s']:6.2f}/s)  "
            f"chunks {figures['chunks']:5d} ({figures['chunks_per_s']:6.2f}/s)  "
            f"peak RSS +{figures['peak_rss_growth_mb']:6.0f} MB  "
            f"metadata fields/chunk {figures['metadata_fields_per_chunk']:.1f}"
        )
    print(
        f"ratio ours/baseline: wall time {baseline['seconds'] / ours['seconds']:.2f}x faster, "
        f"files/s {ours['files_per_s'] / baseline['files_per_s']:.2f}x, "
        f"peak memory {ours['peak_rss_growth_mb'] / max(1.0, baseline['peak_rss_growth_mb']):.2f}x"
    )


if __name__ == "__main__":
    main()
