"""One settings object, read once from the environment and an optional TOML file."""

from __future__ import annotations

import dataclasses
import math
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "KAMER_"
CONFIG_FILE_ENV = "KAMER_CONFIG"


@dataclass(frozen=True)
class Settings:
    """Every knob of the assistant. Environment: KAMER_<FIELD> (e.g. KAMER_STORE)."""

    store: Path = Path(".kamer")
    chroma_host: str | None = None  # set to use a shared Chroma server instead of a folder
    chroma_port: int = 8000
    chroma_ssl: bool = False
    chroma_token: str | None = None
    collection_prefix: str = "kamer"
    embed_model: str = str(PROJECT_ROOT / "models" / "embeddinggemma-300m")
    # "auto": bfloat16 where the CPU computes in it natively, else float32 (assistant.embed).
    embed_dtype: str = "auto"
    embed_batch_size: int = 16
    # Keep only the first N dimensions of each vector (EmbeddingGemma is trained for 768, 512,
    # 256 and 128): a third of the memory at 256, for about 3 points of recall@5 (README,
    # "Scale"). 0 keeps them all. A store's vectors and its questions must use the same N.
    embed_dims: int = 0
    max_chunk_words: int = 220
    max_file_mb: int = 50
    # Cosine similarity + half the share of question words a passage must reach to count as an
    # answer; calibrated for EmbeddingGemma on tests/eval (a different model needs its own).
    relevance: float = 0.88
    llm_backend: str = "none"  # none | openai | ollama | llamacpp
    llm_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_path: str | None = None
    llm_timeout: int = 60
    # The LLM above also reads a motie the rules recognise by description but are unsure of
    # (chosen by meaning alone, lacking words of the question, or only the closest) and says
    # whether it asks what the user describes (assistant/llm/reader.py). Off by default: the
    # local 1.5B model reads at chance (README, "A reader for moties"); measure a served model with
    # `kamer eval` before turning it on.
    llm_reads_moties: bool = False
    # The LLM rephrases free answers (each sentence checked against its cited passages); false
    # keeps the answers extractive, e.g. to let the LLM only read moties or to measure that alone.
    llm_rephrases: bool = True
    # `kamer sync`: the Tweede Kamer OData API (ingest/sync.py). Nothing is contacted unless a
    # sync runs.
    sync_url: str = "https://gegevensmagazijn.tweedekamer.nl"
    sync_timeout: float = 60.0  # seconds per request
    sync_user_agent: str = "kamer-assistent/0.1 (Kamerstukken-assistent; kamer sync)"
    sync_retries: int = 5  # tries after the first, on timeouts, connection errors, 429 and 5xx
    sync_backoff: float = 1.0  # seconds before the first retry, doubled each time
    sync_page_size: int = 250  # records per request (the API gives at most 250)
    sync_max_age_hours: int = 24  # `kamer stats` warns when the last sync is older
    # Document kinds (Document.Soort, comma-separated, e.g. "Brief regering,Motie") that the
    # sync asks for, with their files; empty: every kind with a DocumentNummer.
    sync_document_soorten: str = ""
    # The app runs `kamer sync` itself, every sync_every_minutes, while it is open.
    sync_in_app: bool = False
    sync_every_minutes: int = 15
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def document_soorten(self) -> tuple[str, ...]:
        parts = (" ".join(p.split()) for p in self.sync_document_soorten.split(","))
        return tuple(dict.fromkeys(p for p in parts if p))

    @property
    def uses_server(self) -> bool:
        return bool(self.chroma_host)

    def describe_store(self) -> str:
        if self.chroma_host:
            scheme = "https" if self.chroma_ssl else "http"
            return f"Chroma-server {scheme}://{self.chroma_host}:{self.chroma_port}"
        return str(self.store.resolve())

    def with_store(self, store: Path | None) -> Settings:
        return self if store is None else dataclasses.replace(self, store=store)


# Numeric settings and the values they can take (least, greatest); anything else would only
# fail later, file by file (KAMER_MAX_FILE_MB=0 refuses every file) or at the first request.
LIMITS: dict[str, tuple[float, float | None]] = {
    "chroma_port": (1, 65535),
    "embed_batch_size": (1, None),
    "max_chunk_words": (1, None),
    "max_file_mb": (1, None),
    "llm_timeout": (1, None),
    "sync_timeout": (0.1, None),
    "sync_retries": (0, 20),
    "sync_backoff": (0, 600),
    "sync_page_size": (1, 250),
    "sync_max_age_hours": (1, None),
    "sync_every_minutes": (1, None),
}
EMBED_DIMS = (0, 128, 256, 512, 768)


def _convert(name: str, raw: Any, target: Any) -> Any:
    """Turn a raw env/TOML value into the field's type, or say which key is wrong and how."""
    kind = str(target)
    try:
        if kind in ("int",):
            # TOML gives typed values: 1.5 or true is no whole number (int() would take them).
            if isinstance(raw, bool) or not isinstance(raw, (int, str)):
                raise ValueError(raw)
            return int(raw)
        if kind in ("float",):
            if isinstance(raw, bool) or not math.isfinite(value := float(raw)):
                raise ValueError(raw)
            return value
        if kind in ("bool",):
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in ("1", "true", "ja", "yes", "on"):
                return True
            if text in ("0", "false", "nee", "no", "off", ""):
                return False
            raise ValueError(raw)
        if kind in ("Path",):
            return Path(str(raw)).expanduser()
        if kind in ("str | None",):
            return str(raw) or None
        if kind in ("str",):
            if isinstance(raw, list):  # TOML: sync_document_soorten = ["Motie", "Brief regering"]
                return ",".join(str(part) for part in raw)
            return str(raw)
    except (ValueError, TypeError):
        expected = {"int": "een geheel getal", "float": "een getal", "bool": "true of false"}.get(
            kind, kind
        )
        raise ConfigError(
            f"Instelling '{name}' heeft waarde {raw!r}, verwacht {expected}. "
            f"Zet bijvoorbeeld {ENV_PREFIX}{name.upper()}=..."
        ) from None
    return raw


def _validate(settings: Settings) -> None:
    """Refuse values of the right type that cannot work, naming the setting."""
    for name, (least, greatest) in LIMITS.items():
        value = getattr(settings, name)
        if value < least or (greatest is not None and value > greatest):
            expected = f"minstens {least}" if greatest is None else f"{least} t/m {greatest}"
            raise ConfigError(
                f"Instelling '{name}' heeft waarde {value}, verwacht {expected}. "
                f"Zet bijvoorbeeld {ENV_PREFIX}{name.upper()}={getattr(Settings(), name)}"
            )
    if not settings.sync_url.startswith(("http://", "https://")):
        raise ConfigError(
            f"Instelling 'sync_url' heeft waarde {settings.sync_url!r}, verwacht een adres dat "
            f"met http:// of https:// begint. Zet bijvoorbeeld {ENV_PREFIX}SYNC_URL="
            f"{Settings().sync_url}"
        )
    if settings.llm_reads_moties and settings.llm_backend.strip().lower() == "none":
        raise ConfigError(
            "Instelling 'llm_reads_moties' vraagt een taalmodel, maar 'llm_backend' is 'none'. "
            f"Zet bijvoorbeeld {ENV_PREFIX}LLM_BACKEND=openai met {ENV_PREFIX}LLM_URL en "
            f"{ENV_PREFIX}LLM_MODEL, of {ENV_PREFIX}LLM_READS_MOTIES=false"
        )
    if settings.embed_dims not in EMBED_DIMS:
        raise ConfigError(
            "Instelling 'embed_dims' moet 0 (alles), 128, 256, 512 of 768 zijn, niet "
            f"{settings.embed_dims}. Zet bijvoorbeeld {ENV_PREFIX}EMBED_DIMS=256"
        )


def load_settings(env: dict[str, str] | None = None, config_file: Path | None = None) -> Settings:
    """Defaults, then the TOML file (KAMER_CONFIG or ./kamer.toml), then KAMER_* variables."""
    env = dict(os.environ if env is None else env)
    fields = {f.name: f for f in dataclasses.fields(Settings) if f.name != "extra"}
    values: dict[str, Any] = {}

    path = config_file or Path(env.get(CONFIG_FILE_ENV, "kamer.toml"))
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ConfigError(f"Configuratiebestand {path} is geen geldige TOML: {error}") from None
        for key, raw in data.get("kamer", data).items():
            if key not in fields:
                known = ", ".join(sorted(fields))
                raise ConfigError(f"Onbekende instelling '{key}' in {path}. Bekend: {known}")
            values[key] = _convert(key, raw, fields[key].type)

    for name, spec in fields.items():
        raw = env.get(ENV_PREFIX + name.upper())
        if raw is not None:
            values[name] = _convert(name, raw, spec.type)

    settings = Settings(**values)
    _validate(settings)
    if len(settings.collection_prefix) < 3:
        raise ConfigError("Instelling 'collection_prefix' moet minstens 3 tekens hebben (Chroma).")
    return settings
