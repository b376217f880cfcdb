"""`kamer sync`: the command line of ingest/sync.py (once, or every so often)."""

from __future__ import annotations

import datetime as dt
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from assistant.cli_base import (
    Context,
    TqdmProgress,
    date_option,
    echo,
    run_safely,
    store_option,
)
from assistant.errors import KamerError
from assistant.render import render_sync
from ingest.sync_records import ENTITIES as SYNC_ENTITIES

if TYPE_CHECKING:
    from ingest.sync import Syncer


class SyncProgress(TqdmProgress):
    """One bar per entity without a known total: the records read so far."""

    def stage(self, name: str, total: int) -> None:
        self.done()
        if self.enabled:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total or None, desc=name, unit=" records", file=sys.stderr, leave=False
            )


INTERVAL = re.compile(r"^\s*(\d+)\s*(s|sec|m|min|h|u|uur)?\s*$", re.IGNORECASE)
SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "u": 3600, "uur": 3600}


def parse_interval(value: str) -> int:
    """'15m' -> 900, '1h' -> 3600, '30s' -> 30 (a bare number is minutes)."""
    match = INTERVAL.match(value)
    if match is None or int(match.group(1)) == 0:
        raise click.BadParameter(f"'{value}' is geen tijdsduur (bijvoorbeeld 30s, 15m of 1h)")
    return int(match.group(1)) * SECONDS[(match.group(2) or "m").lower()]


def parse_categories(value: str) -> list[str]:
    known = {name.lower(): name for name in SYNC_ENTITIES}
    chosen = [part.strip() for part in value.split(",") if part.strip()]
    wrong = [part for part in chosen if part.lower() not in known]
    if wrong or not chosen:
        named = ", ".join(wrong) or "(geen)"
        raise click.BadParameter(
            f"onbekende categorie {named}; kies uit {', '.join(SYNC_ENTITIES)}"
        )
    return list(dict.fromkeys(known[part.lower()] for part in chosen))


@click.command(
    help="Haal bij de Tweede Kamer (OData-API) op wat er sinds de vorige keer nieuw of gewijzigd "
    "is (moties met stemmingen, besluiten over moties, documenten en hun bestanden, "
    "toezeggingen en de debatten waarin ze zijn gedaan, en als opzoekgegevens Kamerleden, "
    "fracties en dossiers) en werk de index bij; "
    "verwijderde records gaan eruit. Een onderbroken synchronisatie gaat de volgende keer verder "
    "waar die stopte. Zonder --elke één keer."
)
@store_option
@click.option(
    "--sinds",
    metavar="DATUM",
    help="Begin bij deze datum (2024-12-01 of '1 december 2024', 00:00 UTC), alleen voor "
    "categorieën zonder opgeslagen positie: een opgeslagen positie gaat voor, zodat dezelfde "
    "opdracht steeds kan draaien. Met --herstart vervangt --sinds de opgeslagen positie.",
)
@click.option(
    "--herstart",
    is_flag=True,
    help="Begin elke gekozen categorie opnieuw bij --sinds. Wat al binnen is, blijft; "
    "ongewijzigde tekst kost geen nieuwe embeddings.",
)
@click.option(
    "--categorieen",
    default=",".join(SYNC_ENTITIES),
    show_default=True,
    help="Welke entiteiten, gescheiden door komma's.",
)
@click.option("--eenmalig", is_flag=True, help="Eén keer synchroniseren (de standaard).")
@click.option(
    "--elke",
    metavar="DUUR",
    help="Blijf synchroniseren, elke DUUR (30s, 15m, 1h); stoppen met Ctrl+C.",
)
@click.option("--stil", is_flag=True, help="Geen voortgangsbalk tonen.")
@click.pass_obj
def sync(
    obj: Context,
    store: Path | None,
    sinds: str | None,
    herstart: bool,
    categorieen: str,
    eenmalig: bool,
    elke: str | None,
    stil: bool,
) -> None:
    from ingest.sync import Syncer, since_of

    if store is not None:
        obj.store_path = store
    if eenmalig and elke:
        raise click.UsageError("Kies --eenmalig of --elke, niet allebei.")
    if herstart and not sinds:
        raise click.UsageError("--herstart heeft --sinds DATUM nodig: vanaf wanneer opnieuw?")
    interval = parse_interval(elke) if elke else None
    entities = parse_categories(categorieen)
    day = date_option(sinds, dt.date.today())
    since = since_of(day) if day else None

    def build() -> Syncer:
        target = obj.open_store()
        echo(f"Index: {target.describe()}", err=True)
        progress = SyncProgress(enabled=not stil)
        return Syncer(target, obj.get_embedder(), obj.settings, progress=progress)

    syncer = run_safely(build)
    if interval is None:
        try:
            report = run_safely(lambda: syncer.run(entities, since, restart=herstart))
        except KeyboardInterrupt:
            echo("Onderbroken; de volgende `kamer sync` gaat verder waar deze stopte.", err=True)
            sys.exit(130)
        echo(render_sync(report))
        return
    restart = herstart
    try:
        while True:
            started = time.monotonic()
            try:
                echo(render_sync(syncer.run(entities, since, restart=restart)))
                restart = False  # --herstart once, not every round
            except KamerError as error:
                echo(f"Fout: {error}", err=True)
            wait = max(0.0, interval - (time.monotonic() - started))
            then = dt.datetime.now() + dt.timedelta(seconds=wait)
            echo(f"Volgende synchronisatie om {then:%H:%M:%S} (stoppen met Ctrl+C).", err=True)
            time.sleep(wait)
    except KeyboardInterrupt:
        echo("Gestopt; de volgende `kamer sync` gaat verder waar deze stopte.", err=True)
