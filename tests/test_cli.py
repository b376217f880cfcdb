from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from assistant.cli import Context, main
from assistant.embed import HashEmbedder


def run(*args: str, store: Path | None = None) -> tuple[int, str]:
    runner = CliRunner()
    extra = ["--store", str(store)] if store else []
    result = runner.invoke(main, [*args, *extra], obj=Context(embedder=HashEmbedder()))
    return result.exit_code, result.output


def all_commands() -> list[str]:
    assert isinstance(main, click.Group)
    return sorted(main.commands)


def test_every_command_has_dutch_help() -> None:
    code, output = run("--help")
    assert code == 0
    for name in all_commands():
        assert name in output
    assert {"ingest", "stats", "show"} <= set(all_commands())


@pytest.mark.parametrize("command", all_commands())
def test_command_help(command: str) -> None:
    code, output = run(command, "--help")
    assert code == 0
    assert "--store" in output
    assert isinstance(main, click.Group)
    help_text = main.commands[command].help or ""
    assert help_text and help_text in " ".join(output.split())
    dutch = ("de", "het", "een", "en", "of", "van")
    assert any(f" {word} " in f" {help_text.lower()} " for word in dutch), help_text


def test_ask_suggests_asking_again_with_the_number_of_a_motie_it_names(
    tmp_path: Path, fixtures: Path
) -> None:
    store = tmp_path / "store"
    assert run("ingest", "--stil", str(fixtures / "xml"), store=store)[0] == 0
    question = "Is de motie van Podt over zeewierteelt aangenomen?"
    code, output = run("ask", question, store=store)
    assert code == 0 and output.startswith("Ik vond geen motie van Podt over zeewierteelt")
    hint = output.split("Bedoelde u een van deze moties?")[1]
    asked_again = hint.split('bijvoorbeeld: "')[1].split('"')[0]
    assert asked_again.startswith(question + " (")
    code, output = run("ask", asked_again, store=store)
    assert code == 0 and not output.startswith("Ik vond geen motie")
    data = json.loads(run("ask", question, "--json", store=store)[1])
    assert data["refused"] and data["suggestions"] == [asked_again.rsplit("(", 1)[1][:-1]]


def test_ingest_show_stats(tmp_path: Path, fixtures: Path) -> None:
    store = tmp_path / "store"
    code, output = run(
        "ingest", "--stil", str(fixtures / "xml"), str(fixtures / "odata" / "zaken"), store=store
    )
    assert code == 0, output
    assert "bestanden ingelezen : 7" in output
    assert "geweigerd           : 0" in output

    code, output = run("show", "kst-32317-913", store=store)
    assert code == 0
    assert "Motie van de leden Podt en Rajkowski" in output
    assert "Indieners           Podt, Rajkowski" in output
    assert "verzoekt het kabinet periodiek" in output
    assert "Kabinetsappreciatie Oordeel Kamer" in output

    code, output = run("show", "2024Z20830", "--json", store=store)
    assert code == 0
    data = json.loads(output)
    assert data["id"] == "kst-32317-913"

    code, output = run("stats", store=store)
    assert code == 0
    assert "motie" in output and "t/m 2025-05-20" in output


def test_ingest_exit_code_is_1_when_a_file_is_rejected(tmp_path: Path, fixtures: Path) -> None:
    bad = tmp_path / "leeg.txt"
    bad.write_text("")
    code, output = run("ingest", "--stil", str(bad), str(fixtures / "xml"), store=tmp_path / "s")
    assert code == 1
    assert "leeg.txt: leeg bestand" in output
    assert "bestanden ingelezen : 4" in output


def test_show_unknown_id_says_what_to_do(tmp_path: Path) -> None:
    code, output = run("show", "kst-1-1", store=tmp_path / "s")
    assert code == 1
    assert "niet gevonden" in output


def test_store_from_environment(
    tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KAMER_STORE", str(tmp_path / "env-store"))
    code, _ = run("ingest", "--stil", str(fixtures / "xml"))
    assert code == 0
    assert (tmp_path / "env-store").is_dir()


# An OSC sequence (sets the terminal's window title) and a CSI one (clears the screen); click
# strips only the latter, and only when the output is no terminal.
TERMINAL_ATTACK = "\x1b]0;pwned\x07\x1b[2J\x9b2J\x7f"


def test_terminal_safe_removes_escape_sequences_and_control_characters() -> None:
    from assistant.render import terminal_safe

    assert terminal_safe(f"titel{TERMINAL_ATTACK} rest") == "titel rest"
    hyperlink = "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"  # OSC 8, ended by ESC and backslash
    assert terminal_safe(f"\x1b[31mrood\x1b[0m {hyperlink}") == "rood link"
    # Newline, tab and a CRLF line ending (CSV) stay; a lone carriage return and NUL go.
    assert terminal_safe("a\tb\nc\r\nd\re\x00") == "a\tb\nc\r\nde"


def test_output_with_hostile_file_names_and_fields_has_no_escape_sequences(
    tmp_path: Path, fixtures: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / f"kapot{TERMINAL_ATTACK}.pdf").write_bytes(b"%PDF-1.4 dit is geen pdf")
    register = json.loads(
        (fixtures / "odata" / "toezeggingen" / "toezeggingen_constructed.json").read_text("utf-8")
    )
    register["value"][0]["Tekst"] += TERMINAL_ATTACK
    register["value"][0]["Naam"] = f"minister{TERMINAL_ATTACK}"
    (corpus / "toezeggingen.json").write_text(json.dumps(register), encoding="utf-8")
    store = tmp_path / "store"

    code, output = run("ingest", "--stil", str(corpus), store=store)
    assert code == 1 and "kapot.pdf" in output  # the refused file, named without its escapes
    outputs = [output]
    for args in (
        ("toezeggingen",),
        ("toezeggingen", "--csv"),
        ("toezeggingen", "--explain"),
        ("show", "TZ202603-041"),
        ("ask", "Welke toezeggingen zijn er op 20 maart 2026 gedaan?"),
    ):
        code, output = run(*args, store=store)
        assert code == 0 and "definitief asielbesluit" in output, output
        outputs.append(output)
    for output in outputs:
        assert not {"\x1b", "\x07", "\x9b", "\x7f"} & set(output), repr(output)


def test_toezeggingen_refuses_an_unknown_status(tmp_path: Path, fixtures: Path) -> None:
    code, output = run("toezeggingen", "--status", "klaar", store=tmp_path / "s")
    assert code == 2
    assert "'klaar' is geen status; kies uit: open, nagekomen, deels, vervallen, onbekend" in output

    store = tmp_path / "store"
    assert run("ingest", "--stil", str(fixtures / "odata" / "toezeggingen"), store=store)[0] == 0
    code, output = run("toezeggingen", "--status", "OPEN", "--json", store=store)
    assert code == 0, output
    assert {row["status"] for row in json.loads(output)} == {"open"}


def test_toezeggingen_show_the_chairs_confirmation(tmp_path: Path, fixtures: Path) -> None:
    store = tmp_path / "store"
    assert run("ingest", "--stil", str(fixtures / "tei"), store=store)[0] == 0
    code, output = run("toezeggingen", store=store)
    assert code == 0, output
    assert 'bevestigd door de voorzitter: "Dat is een toezegging."' in output
    code, output = run("toezeggingen", "--json", store=store)
    confirmed = [row for row in json.loads(output) if row["confirmed"]]
    assert [row["confirmed"] for row in confirmed] == ["Dat is een toezegging."]
    assert "commissie-SCHEER" in " ".join(confirmed[0]["context"])
    code, output = run("toezeggingen", "--csv", store=store)
    table = list(csv.DictReader(io.StringIO(output)))
    assert [
        r["bevestigd door voorzitter"] for r in table if r["regel"].startswith("voorzitter")
    ] == ["Dat is een toezegging."]


def test_status_choices_are_the_commitment_statuses() -> None:
    from assistant import commitments
    from assistant.cli import COMMITMENT_STATUSES

    assert COMMITMENT_STATUSES == (
        commitments.OPEN,
        commitments.FULFILLED,
        commitments.PARTLY,
        commitments.LAPSED,
        commitments.UNKNOWN,
    )


@pytest.mark.parametrize("question", ["", "  \t "])
def test_ask_without_a_question_asks_for_one(tmp_path: Path, question: str) -> None:
    code, output = run("ask", question, store=tmp_path / "s")
    assert code == 2
    assert "Stel een vraag, bijvoorbeeld: kamer ask" in output
    assert not (tmp_path / "s").exists()  # nothing searched, no index opened
