"""A local GGUF model through llama-cpp-python (an optional extra: `pip install -e .[llm]`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.llm.base import LLMError


class LlamaCppLLM:
    """Loads the GGUF file once; `complete` runs a chat completion at temperature 0."""

    def __init__(self, model_path: str, n_ctx: int = 4096, n_threads: int | None = None) -> None:
        try:
            import llama_cpp
        except ImportError as exc:
            raise LLMError(
                "llama-cpp-python is niet geïnstalleerd; installeer met `pip install -e .[llm]` "
                "(bouwen duurt ongeveer 9 minuten) of kies llm_backend 'ollama' of 'openai'."
            ) from exc
        path = Path(model_path).expanduser()
        if not path.is_file():
            raise LLMError(
                f"GGUF-model niet gevonden: {path}. "
                "Zet de instelling 'llm_path' op een .gguf-bestand."
            )
        self.model_path = path
        self.name = f"llama.cpp: {path.name}"
        try:
            self._llama: Any = llama_cpp.Llama(
                model_path=str(path), n_ctx=n_ctx, n_threads=n_threads, verbose=False
            )
        except ValueError as exc:  # llama-cpp-python raises ValueError for unreadable models
            raise LLMError(f"GGUF-model {path} kan niet worden geladen: {exc}") from exc

    def complete(self, system: str, prompt: str) -> str:
        result = self._llama.create_chat_completion(
            messages=[
                {"role": "system", "content": system},
                {"role": "user", "content": prompt},
            ],
            temperature=0,
        )
        try:
            content = result["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise LLMError(f"llama.cpp gaf een onverwacht antwoord: {result!r:.200}") from None
        return str(content or "")
