"""The `kamer` command line. Messages are Dutch; errors become ClickExceptions here, at the edge."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
import textwrap
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from assistant.cli_base import (
    Context,
    TqdmProgress,
    date_option,
    echo,
    failure,
    run_safely,
    store_option,
)
from assistant.cli_sync import sync
from assistant.render import (
    render_commitments,
    render_document,
    render_eval,
    render_report,
    render_stats,
    terminal_safe,
)
from assistant.settings import PROJECT_ROOT

if TYPE_CHECKING:
    # Imported where a command needs them: `kamer --help` loads no torch, Chroma or llama-index.
    from assistant.answer import Answer
    from assistant.compose import Services
LABELLED = PROJECT_ROOT / "tests" / "fixtures" / "commitments"
EVAL_DIR = PROJECT_ROOT / "tests" / "eval"
# The statuses of assistant.commitments, spelled out: importing it would load the store.
COMMITMENT_STATUSES = ("open", "nagekomen", "deels", "vervallen", "onbekend")


@click.group(help="Assistent voor Kamerstukken: inlezen, doorzoeken en tonen met bronnen.")
@click.version_option(package_name="kamer-assistent", message="kamer %(version)s")
@click.pass_context
def main(ctx: click.Context) -> None:
    ctx.ensure_object(Context)


@main.command(help="Lees bestanden of mappen in (recursief) en werk de index bij.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--stil", is_flag=True, help="Geen voortgangsbalk tonen.")
@click.option("--details", is_flag=True, help="Toon ook elk overgeslagen of dubbel bestand.")
@click.pass_obj
def ingest(
    obj: Context, paths: tuple[Path, ...], store: Path | None, stil: bool, details: bool
) -> None:
    from ingest.pipeline import Ingestor

    if store is not None:
        obj.store_path = store

    def action() -> bool:
        target = obj.open_store()
        echo(f"Index: {target.describe()}", err=True)
        ingestor = Ingestor(
            target, obj.get_embedder(), obj.settings, progress=TqdmProgress(enabled=not stil)
        )
        report = ingestor.run(list(paths))
        echo(render_report(report, details=details))
        return report.ok

    if not run_safely(action):
        sys.exit(1)


@main.command(help="Toon wat er in de index staat: aantallen per soort, periode, locatie.")
@store_option
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON.")
@click.pass_obj
def stats(obj: Context, store: Path | None, as_json: bool) -> None:
    if store is not None:
        obj.store_path = store
    figures = run_safely(lambda: obj.open_store().stats())
    echo(json.dumps(figures, ensure_ascii=False, indent=2) if as_json else render_stats(figures))


@main.command(
    help="Controleer de index (schema, aantallen, passages en vectoren zonder elkaar, zoekindex, "
    "schrijfslot) en zeg wat er mis is en hoe het te herstellen."
)
@store_option
@click.option(
    "--repair",
    is_flag=True,
    help="Herstel wat veilig kan: verwijder losse vectoren en passages en bouw een kapotte "
    "zoekindex opnieuw op (onder het schrijfslot).",
)
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON.")
@click.pass_obj
def doctor(obj: Context, store: Path | None, repair: bool, as_json: bool) -> None:
    from assistant.doctor import diagnose, render_diagnosis

    if store is not None:
        obj.store_path = store
    found = run_safely(lambda: diagnose(obj.settings, repair=repair, embedder=obj.embedder))
    if as_json:
        echo(json.dumps(found.to_json(), ensure_ascii=False, indent=2))
    else:
        echo(render_diagnosis(found))
    if found.problems:
        sys.exit(1)


@main.command(help="Toon één document: metadata, verwijzingen (beide kanten op) en chunks.")
@click.argument("identifier")
@store_option
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON.")
@click.option("--chunks/--geen-chunks", default=True, help="Toon de chunks van het document.")
@click.pass_obj
def show(obj: Context, identifier: str, store: Path | None, as_json: bool, chunks: bool) -> None:
    if store is not None:
        obj.store_path = store

    def action() -> str:
        target = obj.open_store()
        doc = target.get_document(identifier)
        if doc is None:
            raise failure(
                f"Document '{identifier}' niet gevonden in {target.describe()}. "
                "Probeer een Kamerstuknummer (kst-32317-913), Zaaknummer of DocumentNummer."
            )
        incoming = target.links_to(doc.id)
        doc_chunks = target.get_chunks(doc.id) if chunks else []
        if as_json:
            return json.dumps(
                {
                    **doc.to_dict(),
                    "referenced_by": [r.__dict__ for r in incoming],
                    "chunks": [{"id": c[0], "text": c[1]} for c in doc_chunks],
                },
                ensure_ascii=False,
                indent=2,
            )
        return render_document(doc, incoming, doc_chunks)

    echo(run_safely(action))


def _services(obj: Context) -> Services:
    from assistant.compose import build_services

    if obj.services is None:
        obj.services = build_services(obj.settings, embedder=obj.embedder)
    return obj.services


def _print_answer(answer: Answer) -> None:
    echo(answer.answer)
    if answer.citations:
        echo("\nBronnen:")
        for c in answer.citations:
            echo(f"[{c.n}] {c.title} ({c.id}, {c.type}, {c.date or 'zonder datum'})")
            if c.url:
                echo(f"    {c.url}")
            echo(f'    "{textwrap.shorten(c.quote, 300)}"')
    if answer.suggestions:
        from assistant.answer import naming, suggestion_prompt

        echo(
            f"\n{suggestion_prompt(answer)} Stel uw vraag dan opnieuw met het nummer erbij, "
            f'bijvoorbeeld: "{naming(answer.question, answer.suggestions[0])}"'
        )
    echo(f"\n({answer.backend})", err=True)


def _emit(answer: Answer, as_json: bool) -> None:
    if as_json:
        echo(json.dumps(answer.to_json(), ensure_ascii=False))
    else:
        _print_answer(answer)


@main.command(help="Stel een vraag; het antwoord noemt zijn bronnen met citaten.")
@click.argument("vraag")
@store_option
@click.option("--json", "as_json", is_flag=True, help="Precies één JSON-object op stdout.")
@click.pass_obj
def ask(obj: Context, vraag: str, store: Path | None, as_json: bool) -> None:
    if not vraag.strip():
        raise click.UsageError(
            'Stel een vraag, bijvoorbeeld: kamer ask "Wat is de status van motie 32317-913?"'
        )
    if store is not None:
        obj.store_path = store
    _emit(run_safely(lambda: _services(obj).answerer.ask(vraag)), as_json)


@main.command(help="Toon alles over één motie: uitslag, stemmen, appreciatie en uitvoering.")
@click.argument("identifier")
@store_option
@click.option("--json", "as_json", is_flag=True, help="Precies één JSON-object op stdout.")
@click.pass_obj
def motie(obj: Context, identifier: str, store: Path | None, as_json: bool) -> None:
    if store is not None:
        obj.store_path = store
    answer = run_safely(lambda: _services(obj).answerer.motion_report(identifier))
    _emit(answer, as_json)
    if answer.refused:
        sys.exit(1)


def _status_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    status = value.strip().lower()
    if status not in COMMITMENT_STATUSES:
        allowed = ", ".join(COMMITMENT_STATUSES)
        raise click.BadParameter(f"'{value}' is geen status; kies uit: {allowed}")
    return status


@main.command(help="Toon toezeggingen uit het register en uit teksten, met status en bewijs.")
@click.option("--datum", help="Gedaan op deze datum (2026-03-20 of '20 maart 2026').")
@click.option("--van", "van", help="Gedaan op of na deze datum.")
@click.option("--tot", "tot", help="Gedaan op of voor deze datum.")
@click.option("--ministerie", help="Alleen van dit ministerie of deze bewindspersoon.")
@click.option(
    "--status", callback=_status_option, help="open, nagekomen, deels, vervallen of onbekend."
)
@click.option("--dossier", help="Alleen met een verwijzing naar dit dossier (bijv. 19637).")
@click.option(
    "--verlopen", is_flag=True, help="Alleen open toezeggingen waarvan de termijn voorbij is."
)
@click.option(
    "--peildatum", help="De datum waartegen 'verlopen' wordt bepaald (standaard vandaag)."
)
@store_option
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Uitvoer als CSV.")
@click.option(
    "--explain", "explain", is_flag=True, help="Toon per toezegging de regel die haar vond."
)
@click.option(
    "--explain-zin",
    "explain_zin",
    metavar="ZIN",
    help="Leg uit welke regel deze ene zin als toezegging ziet (of wat hem tegenhoudt).",
)
@click.option(
    "--schriftelijk",
    is_flag=True,
    help="Bij --explain-zin: lees de zin als brief of schriftelijk antwoord, niet als debat.",
)
@click.pass_obj
def toezeggingen(
    obj: Context,
    datum: str | None,
    van: str | None,
    tot: str | None,
    ministerie: str | None,
    status: str | None,
    dossier: str | None,
    verlopen: bool,
    peildatum: str | None,
    store: Path | None,
    as_json: bool,
    as_csv: bool,
    explain: bool,
    explain_zin: str | None,
    schriftelijk: bool,
) -> None:
    from assistant.commitments import collect, explain_rows, filter_rows, to_csv

    if explain_zin is not None:
        from ingest.commitment_rules import describe

        echo(describe(" ".join(explain_zin.split()), written=schriftelijk))
        return
    if store is not None:
        obj.store_path = store
    today = date_option(peildatum, dt.date.today()) or dt.date.today()
    day = date_option(datum, today)
    start, end = day or date_option(van, today), day or date_option(tot, today)
    rows = run_safely(
        lambda: collect(obj.open_store(), today, date_from=start, date_to=end, dossier=dossier)
    )
    rows = filter_rows(
        rows,
        date_from=start,
        date_to=end,
        ministerie=ministerie,
        status=status,
        dossier=dossier,
        overdue=verlopen,
    )
    if as_json:
        echo(json.dumps([dataclasses.asdict(r) for r in rows], ensure_ascii=False, indent=2))
    elif as_csv:
        sys.stdout.write(terminal_safe(to_csv(rows)))
    elif explain:
        echo(explain_rows(rows))
    else:
        echo(render_commitments(rows))


@main.command(
    "tweede-mening",
    help="Laat het ingestelde taalmodel de toezeggingen in één document nalopen (ter controle).",
)
@click.argument("identifier")
@store_option
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON.")
@click.pass_obj
def tweede_mening(obj: Context, identifier: str, store: Path | None, as_json: bool) -> None:
    from assistant.llm import llm_from_settings
    from assistant.llm.commitments import second_opinion

    if store is not None:
        obj.store_path = store
    llm = run_safely(lambda: llm_from_settings(obj.settings))
    if llm is None:
        raise failure(
            "Geen taalmodel ingesteld. Zet KAMER_LLM_BACKEND (openai, ollama of llamacpp) en "
            "KAMER_LLM_URL/KAMER_LLM_MODEL of KAMER_LLM_PATH."
        )
    doc = run_safely(lambda: obj.open_store().get_document(identifier))
    if doc is None:
        raise failure(f"Document '{identifier}' niet gevonden in de index.")
    rules = [str(c["sentence"]) for c in doc.extra.get("commitments", [])]
    opinion = run_safely(lambda: second_opinion(llm, doc, rules))
    if as_json:
        echo(json.dumps(dataclasses.asdict(opinion), ensure_ascii=False, indent=2))
        return
    echo(f"Tweede mening van {llm.name} over {doc.id} ({len(rules)} door de regels gevonden)")
    for title, sentences in (
        ("Bevestigd", opinion.confirmed),
        ("Twijfel van het taalmodel (regels vonden ze wel)", opinion.doubted),
        (
            "Voorgesteld door het taalmodel, letterlijk in de tekst (niet opgenomen)",
            opinion.proposed,
        ),
    ):
        echo(f"{title} ({len(sentences)}):")
        echo("\n".join(f'  - "{s}"' for s in sentences) or "  -")
    if opinion.unquoted:
        echo(f"Genegeerd: {len(opinion.unquoted)} regel(s) die niet letterlijk in de tekst staan.")


@main.command(help="Maak een briefing over een dossier: moties, toezeggingen, brieven, tijdlijn.")
@click.option("--dossier", required=True, help="Dossiernummer, bijv. 32317.")
@click.option(
    "--sinds",
    help="Alleen moties en toezeggingen vanaf deze datum (standaard: de nieuwste 150 moties).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "docx"]),
    default="md",
    show_default=True,
    help="Markdown of Word.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Schrijf naar dit bestand (nodig voor docx).",
)
@store_option
@click.pass_obj
def briefing(
    obj: Context, dossier: str, sinds: str | None, fmt: str, out: Path | None, store: Path | None
) -> None:
    from assistant.briefing import Briefing, build_briefing, to_docx, to_markdown

    if store is not None:
        obj.store_path = store
    from assistant.retrieve import ChunkIndex

    today = dt.date.today()
    since = date_option(sinds, today)

    def build() -> Briefing:
        # The chunk index (no embedding model) lets letters that name a motie by its indieners
        # count, as in the app and in `kamer motie`.
        store_ = obj.open_store()
        return build_briefing(
            store_, dossier.replace(" ", ""), today, ChunkIndex.build(store_), since
        )

    result = run_safely(build)
    if not (result.moties or result.commitments or result.letters):
        raise failure(f"Niets gevonden over dossier {dossier} in de index.")
    markdown = to_markdown(result, today)
    if fmt == "docx":
        if out is None:
            raise click.UsageError("Voor --format docx is --out BESTAND nodig.")
        to_docx(markdown, out)
        echo(f"Briefing geschreven naar {out}")
    elif out is not None:
        out.write_text(markdown, encoding="utf-8")
        echo(f"Briefing geschreven naar {out}")
    else:
        echo(markdown)


@main.command(help="Voer een gesprek in de terminal; vervolgvragen gaan over het vorige antwoord.")
@store_option
@click.pass_obj
def chat(obj: Context, store: Path | None) -> None:
    if store is not None:
        obj.store_path = store
    services = run_safely(lambda: _services(obj))
    from assistant.ask import Conversation

    conversation = Conversation()
    echo("Stel uw vraag (leeg of 'stop' om te stoppen).")
    while True:
        try:
            vraag = click.prompt("vraag", default="", show_default=False)
        except (EOFError, click.Abort):
            break
        if vraag.strip().lower() in ("", "stop", "exit", "quit"):
            break
        _print_answer(run_safely(partial(services.answerer.ask, vraag, conversation)))
        echo("")


@main.command(
    help="Start een toegangspoort voor een gedeelde Chroma-server: alleen verzoeken met een "
    "geldige toegangssleutel (uit KAMER_GATEWAY_TOKENS of --tokens-bestand) gaan door. De "
    "records in de map van de index (--store) deelt het team apart; zie docs/team.md."
)
@click.option(
    "--chroma",
    default="http://127.0.0.1:8000",
    show_default=True,
    help="De Chroma-server achter de poort (zonder poortnummer: 8000).",
)
@click.option(
    "--poort", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Luisterpoort."
)
@click.option(
    "--adres",
    default="127.0.0.1",
    show_default=True,
    help="Luisteradres; TLS ervoor met een reverse proxy of --tls-cert/--tls-key.",
)
@click.option(
    "--tokens-bestand",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Bestand met toegangssleutels, één per regel (naast KAMER_GATEWAY_TOKENS). Een sleutel "
    "is nooit een optie: `ps` toont die aan iedereen.",
)
@click.option(
    "--max-mb",
    type=click.FloatRange(0, min_open=True),
    default=64,
    show_default=True,
    help="Grootste verzoek dat doorgaat, in MB.",
)
@click.option(
    "--wachttijd",
    type=click.FloatRange(0, min_open=True),
    default=60,
    show_default=True,
    help="Seconden wachten op de Chroma-server (daarna 504).",
)
@click.option(
    "--tls-cert", type=click.Path(path_type=Path, dir_okay=False), help="Certificaat (PEM)."
)
@click.option("--tls-key", type=click.Path(path_type=Path, dir_okay=False), help="Sleutel (PEM).")
def gateway(
    chroma: str,
    poort: int,
    adres: str,
    tokens_bestand: Path | None,
    max_mb: float,
    wachttijd: float,
    tls_cert: Path | None,
    tls_key: Path | None,
) -> None:
    from assistant.gateway import build_gateway, configure_logging, token_file_warning

    server = run_safely(
        lambda: build_gateway(
            chroma,
            (adres, poort),
            tokens_bestand,
            max_mb=max_mb,
            timeout=wachttijd,
            tls_cert=tls_cert,
            tls_key=tls_key,
        )
    )
    warning = token_file_warning(tokens_bestand) if tokens_bestand else None
    if warning:
        echo(warning, err=True)
    configure_logging()
    echo(
        f"Toegangspoort {server.url} voor Chroma-server {server.config.upstream} "
        f"({len(server.config.digests)} sleutel(s)); stoppen met Ctrl+C.",
        err=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        echo("Gestopt.", err=True)
    finally:
        server.server_close()


@main.command(
    help="Toon de evaluatiecijfers van het dev- en het testdeel: recall@5, feitjuistheid, "
    "citaten, weigeringen en gevonden toezeggingen."
)
@click.option(
    "--deel",
    type=click.Choice(["dev", "test", "alles"]),
    default="alles",
    show_default=True,
    help="Welk deel: dev (gelezen bij het bijstellen), test (blind gelabeld) of allebei.",
)
@click.option(
    "--vragen",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    multiple=True,
    default=sorted(EVAL_DIR.joinpath("dev").glob("*.jsonl")),
    help="Vragenbestand(en) (JSONL) van het devdeel; standaard alle in tests/eval/dev.",
)
@click.option(
    "--gelabeld",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=LABELLED / "labelled.jsonl",
    show_default=True,
    help="Gelabelde zinnen (devdeel) voor precisie en recall van gevonden toezeggingen.",
)
@click.option(
    "--gelabeld-volledig",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    multiple=True,
    default=[LABELLED / "dev1" / "dev1.jsonl", LABELLED / "dev2" / "dev2.jsonl"],
    help="Documenten (devdeel) met elke toezegging gelabeld: elke andere vondst telt als fout.",
)
@store_option
@click.option("--details", is_flag=True, help="Toon elke fout beantwoorde vraag van het devdeel.")
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON (beide delen apart).")
@click.pass_obj
def eval(  # noqa: A001
    obj: Context,
    deel: str,
    vragen: tuple[Path, ...],
    gelabeld: Path,
    gelabeld_volledig: tuple[Path, ...],
    store: Path | None,
    details: bool,
    as_json: bool,
) -> None:
    from assistant.evaluate import evaluate_dev, evaluate_test

    if store is not None:
        obj.store_path = store
    services = run_safely(lambda: _services(obj))
    parts: dict[str, Any] = {}
    report = None
    if deel in ("dev", "alles"):
        parts["dev"], report = evaluate_dev(
            list(vragen),
            gelabeld,
            list(gelabeld_volledig),
            services.answerer,
            services.store,
            PROJECT_ROOT,
            sorted(EVAL_DIR.joinpath("dev").glob("kamervragen*")),
        )
    if deel in ("test", "alles"):
        parts["test"] = evaluate_test(
            EVAL_DIR / "test", services.answerer, services.store, PROJECT_ROOT
        )
    # Figures with a language model are not those of the rules alone: each part says which.
    reader = services.answerer.reader
    setup = {"llm": services.backend, "reader": reader.name if reader else None}
    for summary in parts.values():
        summary["setup"] = setup
    if as_json:
        echo(json.dumps(parts, ensure_ascii=False, indent=2))
    else:
        echo(render_eval(parts))
    if details and report is not None:
        echo("Fout beantwoord (devdeel; het testdeel toont geen details):")
        for result in report.results:
            if not (result.correct and result.citations_valid):
                echo(f"  {result.id} ({result.kind}): {result.detail or 'citaat ongeldig'}")


main.add_command(sync)
