"""Embedders: the seam (one protocol), the real model and a test stand-in.

Nothing heavy is imported here: torch and sentence-transformers load with the first vector
(a question about a motie by number needs none). The llama-index adapter is in
`assistant.llamaindex`.
"""

from __future__ import annotations

import hashlib
import math
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from assistant.settings import Settings


# The name of the model's prompt for symmetric comparison (sentence-transformers `prompts`).
SIMILARITY_PROMPT = "STS"
# `embed_dtype` "auto": bfloat16 where the CPU computes in it natively, float32 elsewhere.
AUTO_DTYPE = "auto"
# CPU flags (Linux /proc/cpuinfo) of native bfloat16 arithmetic: x86 AVX-512 BF16 and AMX, the
# Arm BF16 extension. Without them torch emulates bfloat16, four to six times slower than float32
# on an AVX2-only CPU (`bench/bench_dtype.py`).
BF16_FLAGS = frozenset({"avx512_bf16", "amx_bf16", "bf16"})
CPUINFO = Path("/proc/cpuinfo")


class Embedder(Protocol):
    """Turns passages and questions into vectors (each may get its own prompt)."""

    name: str

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...

    def embed_similar(self, texts: list[str]) -> list[list[float]]:
        """Vectors for comparing short texts with each other, both sides alike: a question's
        subject in the user's words and the subject of a motie."""
        ...


class SentenceTransformerEmbedder:
    """EmbeddingGemma (or any sentence-transformers model) on the CPU."""

    def __init__(
        self, model: str, dtype: str = AUTO_DTYPE, batch_size: int = 16, dims: int = 0
    ) -> None:
        path = Path(model)
        if not path.exists() and ("/" not in model or model.startswith((".", "/"))):
            raise ConfigError(
                f"Embeddingmodel niet gevonden in {model}. Draai eerst `make model` "
                "(of zet KAMER_EMBED_MODEL op een modelmap of hub-id)."
            )
        self.name = path.name if path.exists() else model
        self.source = str(path) if path.exists() else model
        self.dtype = chosen_dtype(dtype)
        self.batch_size = batch_size
        self.dims = dims
        self._loaded: Any = None
        self._has_prompts = False
        self._similarity_prompt: str | None = None
        self._loading = threading.Lock()  # the app's first-start worker and a question may race

    @property
    def loaded(self) -> bool:
        return self._loaded is not None

    def _model(self) -> Any:
        """The model, loaded on first use (seconds, and about 1.5 GB)."""
        with self._loading:
            return self._load()

    def _load(self) -> Any:
        if self._loaded is None:
            import torch
            from sentence_transformers import SentenceTransformer

            torch_dtype = getattr(torch, self.dtype, None)
            if not isinstance(torch_dtype, torch.dtype):
                raise ConfigError(f"Instelling 'embed_dtype' {self.dtype!r} is geen torch-dtype.")
            model = SentenceTransformer(
                prepared_source(self.source, self.dtype),
                device="cpu",
                model_kwargs={"dtype": torch_dtype},
            )
            prompts = model.prompts or {}
            self._has_prompts = "query" in prompts and "document" in prompts
            # EmbeddingGemma's "task: sentence similarity" prompt; other models encode plainly.
            self._similarity_prompt = SIMILARITY_PROMPT if SIMILARITY_PROMPT in prompts else None
            self._loaded = model
        return self._loaded

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        model = self._model()
        encode = model.encode_document if self._has_prompts else model.encode
        vectors = encode(texts, batch_size=self.batch_size, normalize_embeddings=True)
        return [truncated(v, self.dims) for v in vectors]

    def embed_query(self, text: str) -> list[float]:
        model = self._model()
        encode = model.encode_query if self._has_prompts else model.encode
        vectors = encode([text], normalize_embeddings=True)
        return truncated(vectors[0], self.dims)

    def embed_similar(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        model = self._model()
        vectors = model.encode(
            texts,
            prompt_name=self._similarity_prompt,
            batch_size=self.batch_size,
            normalize_embeddings=True,
        )
        return [truncated(v, self.dims) for v in vectors]


def chosen_dtype(dtype: str, cpuinfo: Path = CPUINFO) -> str:
    """The dtype to compute in: `dtype` as set, or for "auto" bfloat16 when the CPU has native
    bfloat16 arithmetic (half the memory, faster) and float32 when it would be emulated."""
    if dtype != AUTO_DTYPE:
        return dtype
    return "bfloat16" if native_bfloat16(cpuinfo) else "float32"


def native_bfloat16(cpuinfo: Path = CPUINFO) -> bool:
    """Whether the CPU flags (x86 "flags", Arm "Features") name native bfloat16 arithmetic;
    False where they cannot be read (not Linux)."""
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() in ("flags", "features") and BF16_FLAGS & set(value.split()):
            return True
    return False


def prepared_source(source: str, dtype: str) -> str:
    """The model folder to load: its bfloat16 copy beside it (`make model` writes one: the
    same weights, no float32 copy in memory while loading) when computing in bfloat16."""
    copy = Path(source + "-bf16")
    if dtype == "bfloat16" and (copy / "model.safetensors").is_file():
        return str(copy)
    return source


def truncated(vector: Any, dims: int) -> list[float]:
    """The first `dims` values, length 1 again (all of them when dims is 0)."""
    values = [float(x) for x in (vector[:dims] if dims else vector)]
    norm = math.sqrt(sum(x * x for x in values)) or 1.0
    return [x / norm for x in values] if dims else values


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

    def embed_similar(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]


HASH_MODEL = "hash"


def build_embedder(settings: Settings) -> Embedder:
    """The configured model; embed_model = "hash" gives the light test embedder (no model)."""
    if settings.embed_model == HASH_MODEL:
        return HashEmbedder()
    return SentenceTransformerEmbedder(
        settings.embed_model,
        dtype=settings.embed_dtype,
        batch_size=settings.embed_batch_size,
        dims=settings.embed_dims,
    )
