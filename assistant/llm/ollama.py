"""A model served by Ollama, through its native `/api/chat` (no streaming)."""

from __future__ import annotations

from assistant.llm._http import post_json, unexpected

DEFAULT_HOST = "http://localhost:11434"
DEFAULT_MODEL = "qwen2.5:3b"


class OllamaLLM:
    """POSTs to `{host}/api/chat` with `"stream": false` and temperature 0."""

    def __init__(
        self, host: str = DEFAULT_HOST, model: str = DEFAULT_MODEL, timeout: float = 60.0
    ) -> None:
        self.host = host.rstrip("/")
        self.model = model
        self.timeout = timeout
        self.name = f"Ollama: {model} @ {self.host}"

    def complete(self, system: str, prompt: str) -> str:
        url = f"{self.host}/api/chat"
        body = {
            "model": self.model,
            "messages": [
                {"role": "system", "content": system},
                {"role": "user", "content": prompt},
            ],
            "stream": False,
            "options": {"temperature": 0},
        }
        data = post_json(url, body, timeout=self.timeout)
        try:
            content = data["message"]["content"]
        except (KeyError, TypeError):
            raise unexpected(url, data) from None
        if not isinstance(content, str):
            raise unexpected(url, data)
        return content
