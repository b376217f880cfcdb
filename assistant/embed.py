"""Embedders: the seam (one protocol), the real model, a test stand-in, a llama-index adapter."""

from __future__ import annotations

import hashlib
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from assistant.settings import Settings


class Embedder(Protocol):
    """Turns passages and questions into vectors (each may get its own prompt)."""

    name: str

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


class SentenceTransformerEmbedder:
    """EmbeddingGemma (or any sentence-transformers model) on the CPU."""

    def __init__(self, model: str, dtype: str = "bfloat16", batch_size: int = 16) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        path = Path(model)
        if not path.exists() and ("/" not in model or model.startswith((".", "/"))):
            raise ConfigError(
                f"Embeddingmodel niet gevonden in {model}. Draai eerst `make model` "
                "(of zet KAMER_EMBED_MODEL op een modelmap of hub-id)."
            )
        torch_dtype = getattr(torch, dtype, None)
        if torch_dtype is None:
            raise ConfigError(f"Instelling 'embed_dtype' {dtype!r} is geen torch-dtype.")
        self.name = path.name if path.exists() else model
        self.batch_size = batch_size
        self._model = SentenceTransformer(
            str(path) if path.exists() else model,
            device="cpu",
            model_kwargs={"dtype": torch_dtype},
        )
        prompts = self._model.prompts or {}
        self._has_prompts = "query" in prompts and "document" in prompts

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        encode = self._model.encode_document if self._has_prompts else self._model.encode
        vectors = encode(texts, batch_size=self.batch_size, normalize_embeddings=True)
        return [list(map(float, v)) for v in vectors]

    def embed_query(self, text: str) -> list[float]:
        encode = self._model.encode_query if self._has_prompts else self._model.encode
        vectors = encode([text], normalize_embeddings=True)
        return list(map(float, vectors[0]))


class HashEmbedder:
    """Deterministic stand-in for tests: hashed bag of lower-cased words, L2-normalised."""

    name = "hash-embedder"

    def __init__(self, dimensions: int = 64) -> None:
        self.dimensions = dimensions
        self.calls = 0

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * self.dimensions
        for word in re.findall(r"\w+", text.lower()):
            slot = int(hashlib.md5(word.encode()).hexdigest()[:8], 16) % self.dimensions
            vector[slot] += 1.0
        norm = math.sqrt(sum(x * x for x in vector)) or 1.0
        return [x / norm for x in vector]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls += len(texts)
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


class LlamaIndexEmbedding(BaseEmbedding):
    """Our Embedder behind llama-index's BaseEmbedding, so its retrievers use the same vectors."""

    _embedder: Any = PrivateAttr()

    def __init__(self, embedder: Embedder, **kwargs: Any) -> None:
        super().__init__(model_name=embedder.name, **kwargs)
        self._embedder = embedder

    def _get_query_embedding(self, query: str) -> list[float]:
        return list(self._embedder.embed_query(query))

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return list(self._embedder.embed_documents([text])[0])

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return list(self._embedder.embed_documents(texts))


HASH_MODEL = "hash"


def build_embedder(settings: Settings) -> Embedder:
    """The configured model; embed_model = "hash" gives the light test embedder (no model)."""
    if settings.embed_model == HASH_MODEL:
        return HashEmbedder()
    return SentenceTransformerEmbedder(
        settings.embed_model, dtype=settings.embed_dtype, batch_size=settings.embed_batch_size
    )
