"""The LLM seam: one required method. An LLM may only rephrase passages, never add facts."""

from __future__ import annotations

from typing import Protocol

from assistant.errors import KamerError


class LLM(Protocol):
    """A chat model that turns a system prompt and a user prompt into text."""

    name: str  # shown to users, e.g. "OpenAI-compatibel: qwen2.5 @ http://localhost:8080/v1"

    def complete(self, system: str, prompt: str) -> str: ...


class LLMError(KamerError):
    """The LLM cannot be reached, loaded or understood. The Dutch message says what to check."""
