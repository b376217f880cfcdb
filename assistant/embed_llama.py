"""Our Embedder behind llama-index's BaseEmbedding, so llama-index retrievers and indexes use
the same vectors as the assistant (imports llama-index: only for who needs it)."""

from __future__ import annotations

from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from assistant.embed import Embedder


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
