"""llama-index adapters: our embedder as a llama-index embedding, and our hybrid search (BM25
and vectors, filters, texts from the lexical index) as a llama-index retriever, so llama-index
query engines and agents work on a kamer store. Imports llama-index: only for who needs it."""

from __future__ import annotations

from typing import Any

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import (
    NodeRelationship,
    NodeWithScore,
    QueryBundle,
    RelatedNodeInfo,
    TextNode,
)
from pydantic import PrivateAttr

from assistant.embed import Embedder
from assistant.retrieve import Filters, Retriever


class LlamaIndexEmbedding(BaseEmbedding):
    """Our Embedder behind llama-index's BaseEmbedding, so its indexes use the same vectors."""

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


class KamerRetriever(BaseRetriever):
    """The assistant's hybrid search as a llama-index retriever: nodes carry the passage
    text, its metadata (type, date, dossier, ...) and the document as source."""

    def __init__(self, retriever: Retriever, filters: Filters | None = None, k: int = 8) -> None:
        super().__init__()
        self._search = retriever
        self._filters = filters
        self._k = k

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        found: list[NodeWithScore] = []
        for passage in self._search.search(query_bundle.query_str, self._filters, self._k):
            node = TextNode(id_=passage.chunk_id, text=passage.text, metadata=passage.metadata)
            node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=passage.doc_id)
            found.append(NodeWithScore(node=node, score=passage.score))
        return found
