"""Any server that speaks the OpenAI chat-completions API (llama.cpp server, vLLM, LM Studio)."""

from __future__ import annotations

from assistant.llm._http import post_json, unexpected


class OpenAICompatibleLLM:
    """POSTs to `{base_url}/chat/completions`; base_url usually ends in `/v1`."""

    def __init__(
        self, base_url: str, model: str, api_key: str | None = None, timeout: float = 60.0
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.timeout = timeout
        self._api_key = api_key
        self.name = f"OpenAI-compatibel: {model} @ {self.base_url}"

    def complete(self, system: str, prompt: str) -> str:
        url = f"{self.base_url}/chat/completions"
        body = {
            "model": self.model,
            "messages": [
                {"role": "system", "content": system},
                {"role": "user", "content": prompt},
            ],
            "temperature": 0,
        }
        headers = {"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}
        data = post_json(url, body, timeout=self.timeout, headers=headers)
        try:
            content = data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise unexpected(url, data) from None
        if not isinstance(content, str):
            raise unexpected(url, data)
        return content

    def __repr__(self) -> str:  # never show the API key
        return f"OpenAICompatibleLLM({self.base_url!r}, {self.model!r})"
