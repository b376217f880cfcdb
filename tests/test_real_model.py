"""Runs the real EmbeddingGemma model (provisioned by `make model`); slow, kept in `make test`."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from llama_index.core.schema import QueryBundle

from assistant.embed import SentenceTransformerEmbedder
from assistant.llamaindex import KamerRetriever
from assistant.retrieve import ChunkIndex, Retriever
from assistant.settings import Settings, load_settings
from assistant.store import Store
from ingest.pipeline import Ingestor

pytestmark = pytest.mark.real_model


@pytest.fixture(scope="module")
def real_embedder() -> SentenceTransformerEmbedder:
    settings = load_settings(env={})
    if not Path(settings.embed_model).exists():
        pytest.fail(f"model missing at {settings.embed_model}: run `make model`")
    return SentenceTransformerEmbedder(settings.embed_model, batch_size=8)


def test_vectors_are_normalised_768(real_embedder: SentenceTransformerEmbedder) -> None:
    [vector] = real_embedder.embed_documents(["De Kamer, gehoord de beraadslaging"])
    assert len(vector) == 768
    assert math.isclose(math.sqrt(sum(x * x for x in vector)), 1.0, rel_tol=1e-2)  # bf16: 1e-2


def test_fewer_dimensions_are_the_first_ones_normalised(
    real_embedder: SentenceTransformerEmbedder,
) -> None:
    short = SentenceTransformerEmbedder(real_embedder.source, batch_size=8, dims=256)
    short._loaded, short._has_prompts = real_embedder._model(), real_embedder._has_prompts
    text = "De Kamer, gehoord de beraadslaging"
    [full], [cut] = real_embedder.embed_documents([text]), short.embed_documents([text])
    assert len(cut) == 256
    assert math.isclose(math.sqrt(sum(x * x for x in cut)), 1.0, rel_tol=1e-6)
    scale = math.sqrt(sum(x * x for x in full[:256]))
    assert all(
        math.isclose(a, b / scale, abs_tol=1e-6) for a, b in zip(cut, full[:256], strict=True)
    )
    # A question still finds its passage among others with 256 values.
    passages = ["De motie over het migratiepact is aangenomen.", "Het weer is vandaag zonnig."]
    question = short.embed_query("Is de motie over het migratiepact aangenomen?")
    scores = [
        sum(a * b for a, b in zip(question, v, strict=True))
        for v in short.embed_documents(passages)
    ]
    assert scores[0] > scores[1]


def test_llama_index_retrieves_from_our_store(
    real_embedder: SentenceTransformerEmbedder, fixtures: Path, tmp_path: Path
) -> None:
    settings = Settings(store=tmp_path / "store")
    store = Store.open(settings)
    Ingestor(store, real_embedder, settings).run(
        [fixtures / "xml", fixtures / "odata" / "zaken", fixtures / "handelingen"]
    )
    retriever = KamerRetriever(Retriever(store, real_embedder, ChunkIndex.build(store)), k=3)
    hits = retriever.retrieve(
        QueryBundle("motie over de Kamer informeren over de voortgang van het migratiepact")
    )
    assert hits[0].node.ref_doc_id == "kst-32317-913"
    assert "migratiepact" in hits[0].node.get_content().lower()
    assert hits[0].node.metadata["type"] == "motie"


def test_the_bfloat16_copy_gives_the_same_vectors(
    real_embedder: SentenceTransformerEmbedder,
) -> None:
    import torch
    from sentence_transformers import SentenceTransformer

    from assistant.embed import prepared_source

    settings = load_settings(env={})
    copy = Path(settings.embed_model + "-bf16")
    if not (copy / "model.safetensors").is_file():
        pytest.fail(f"bfloat16 copy missing at {copy}: run `make model`")
    assert prepared_source(real_embedder.source, "bfloat16") == str(copy)
    in_bfloat16 = SentenceTransformerEmbedder(real_embedder.source, dtype="bfloat16")
    original = SentenceTransformer(
        settings.embed_model, device="cpu", model_kwargs={"dtype": torch.bfloat16}
    )
    text = ["De Kamer, gehoord de beraadslaging, verzoekt de regering het pact uit te voeren."]
    expected = original.encode_document(text, normalize_embeddings=True)
    assert in_bfloat16.embed_documents(text) == [[float(x) for x in v] for v in expected]
