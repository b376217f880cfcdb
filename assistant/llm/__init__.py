"""Optional LLM layer: answers stay extractive; an LLM may only rephrase, and is checked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.errors import ConfigError
from assistant.llm.base import LLM, LLMError
from assistant.llm.grounding import GroundedAnswer, check_grounding, rewrite_with_llm

if TYPE_CHECKING:
    from assistant.settings import Settings

BACKENDS = ("none", "openai", "ollama", "llamacpp")

__all__ = [
    "BACKENDS",
    "LLM",
    "GroundedAnswer",
    "LLMError",
    "build_llm",
    "llm_from_settings",
    "check_grounding",
    "rewrite_with_llm",
]


def llm_from_settings(settings: Settings) -> LLM | None:
    """The LLM the settings ask for (KAMER_LLM_*), or None."""
    return build_llm(
        settings.llm_backend,
        url=settings.llm_url,
        model=settings.llm_model,
        api_key=settings.llm_api_key,
        path=settings.llm_path,
        timeout=float(settings.llm_timeout),
    )


def build_llm(
    backend: str,
    *,
    url: str | None,
    model: str | None,
    api_key: str | None,
    path: str | None,
    timeout: float = 60.0,
) -> LLM | None:
    """The configured LLM, or None for "none". Builds clients only; nothing is sent yet."""
    kind = backend.strip().lower()
    if kind == "none":
        return None
    if kind == "openai":
        from assistant.llm.openai_compat import OpenAICompatibleLLM

        return OpenAICompatibleLLM(
            _required("llm_url", url, "bijvoorbeeld http://localhost:8080/v1"),
            _required("llm_model", model, "de modelnaam die de server kent"),
            api_key=api_key or None,
            timeout=timeout,
        )
    if kind == "ollama":
        from assistant.llm.ollama import DEFAULT_HOST, DEFAULT_MODEL, OllamaLLM

        return OllamaLLM(url or DEFAULT_HOST, model or DEFAULT_MODEL, timeout=timeout)
    if kind == "llamacpp":
        from assistant.llm.llamacpp import LlamaCppLLM

        return LlamaCppLLM(_required("llm_path", path, "het pad naar een .gguf-bestand"))
    allowed = ", ".join(repr(b) for b in BACKENDS)
    raise ConfigError(
        f"Instelling 'llm_backend' heeft waarde {backend!r}, verwacht een van {allowed}. "
        "Zet bijvoorbeeld KAMER_LLM_BACKEND=none."
    )


def _required(key: str, value: str | None, hint: str) -> str:
    if not value:
        raise ConfigError(
            f"Instelling '{key}' ontbreekt voor deze llm_backend; verwacht {hint}. "
            f"Zet bijvoorbeeld KAMER_{key.upper()}=..."
        )
    return value
