"""What the `kamer` commands share: the context object, progress bars, safe output."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from assistant.errors import KamerError
from assistant.render import terminal_safe
from assistant.settings import Settings, load_settings
from ingest.extract import parse_dutch_date

if TYPE_CHECKING:
    # Imported where a command needs them: `kamer --help` loads no torch, Chroma or llama-index.
    from assistant.compose import Services
    from assistant.embed import Embedder
    from assistant.store import Store

T = TypeVar("T")


@dataclass
class Context:
    """What the commands share; tests inject a fake embedder through `embedder`."""

    store_path: Path | None = None
    embedder: Embedder | None = None
    services: Services | None = None
    settings_loader: Callable[[], Settings] = load_settings
    _settings: Settings | None = field(default=None, repr=False)

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = self.settings_loader().with_store(self.store_path)
        return self._settings

    def open_store(self) -> Store:
        from assistant.store import Store

        return Store.open(self.settings)

    def get_embedder(self) -> Embedder:
        if self.embedder is None:
            from assistant.embed import build_embedder

            self.embedder = build_embedder(self.settings)
        return self.embedder


class TqdmProgress:
    """Progress bars on stderr, one per stage."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.bar: Any = None

    def stage(self, name: str, total: int) -> None:
        self.done()
        if self.enabled and total:
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=name, unit="st", file=sys.stderr, leave=True)

    def advance(self, amount: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(amount)

    def done(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


store_option = click.option(
    "--store",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Map van de index (standaard .kamer, of KAMER_STORE).",
)


def echo(text: str, err: bool = False) -> None:
    """click.echo for what may hold source text or file names: a title or file name can carry
    escape sequences (window title, clearing the screen), which the terminal must not obey."""
    click.echo(terminal_safe(text), err=err)


def failure(message: str) -> click.ClickException:
    """A Dutch error for the user; it may name a file or document, so it is made safe too."""
    return click.ClickException(terminal_safe(message))


def run_safely(action: Callable[[], T]) -> T:
    try:
        return action()
    except KamerError as error:
        raise failure(str(error)) from None


def date_option(value: str | None, today: dt.date) -> dt.date | None:
    if value is None:
        return None
    parsed = parse_dutch_date(value, today)
    if parsed is None:
        raise click.BadParameter(f"'{value}' is geen datum (bijv. 2026-03-20 of 20 maart 2026)")
    return parsed
