"""One test per commitment rule, generated from the table in `ingest/commitment_rules.py`.

Policy: a rule's example must match the rule's own pattern and be classified with the rule's
kind by the rule itself or by an earlier rule of the same kind (a sentence can hold two
wordings; the first in the table names it). Its counterexample must not fire the rule.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

import pytest

from assistant.documents import HANDELINGEN, Document, Person, Section
from ingest.commitment_rules import (
    CHAIR,
    RULE,
    RULES,
    UITSLUITING,
    VOORWAARDE,
    Rule,
    chair_rule,
    explain,
)
from ingest.commitments import extract_commitments
from ingest.detect import choose_reader, default_readers

ROOT = Path(__file__).resolve().parent.parent
DEBATE_SOURCES = ("handelingen", "/tei/", "h-tk-")


def collapsed(text: str) -> str:
    return " ".join(text.split())


@cache
def source_text(relative: str) -> str:
    """Everything the project reads from a file, whitespace collapsed; for JSON/XML also the raw
    file, so a title in an OData export counts."""
    path = ROOT / relative
    if not path.exists():
        pytest.skip(f"{relative} ontbreekt (../shared/data niet aanwezig)")
    if path.suffix == ".jsonl":  # real Kamervraag answers kept as text (tests/eval/dev)
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        return "\n".join(collapsed(str(row.get("answer", ""))) for row in rows)
    docs = list(choose_reader(path, default_readers()).read(path))
    parts = [d.title or "" for d in docs] + [d.text for d in docs]
    parts += [s.text for d in docs for s in d.sections]
    if path.suffix != ".pdf":
        parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(collapsed(p) for p in parts)


def written(source: str) -> bool:
    return not any(marker in source for marker in DEBATE_SOURCES)


def ids(rules: list[Rule]) -> list[str]:
    return [rule.name for rule in rules]


SENTENCE_RULES = [r for r in RULES if r.scope != CHAIR and r.kind not in (UITSLUITING, VOORWAARDE)]
GUARDS = [r for r in RULES if r.kind == UITSLUITING]
CHAIR_RULES = [r for r in RULES if r.scope == CHAIR]
FIRING = [r for r in SENTENCE_RULES if r.example_fires]


def test_names_are_unique_and_guards_exist() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        for guard in rule.blocked_by:
            assert RULE[guard].kind == UITSLUITING, (rule.name, guard)
        if rule.debate_needs:
            assert RULE[rule.debate_needs].kind == VOORWAARDE


def test_rules_without_a_real_example_say_so() -> None:
    for rule in RULES:
        if not rule.example_fires:
            assert "echte zin" in rule.note, rule.name  # and why it does not fire


@pytest.mark.parametrize("rule", RULES, ids=ids(list(RULES)))
def test_examples_are_real_sentences(rule: Rule) -> None:
    assert rule.example in source_text(rule.source), rule.source
    assert rule.counterexample in source_text(rule.counter_source), rule.counter_source


@pytest.mark.parametrize("rule", FIRING, ids=ids(FIRING))
def test_example_fires_the_rule(rule: Rule) -> None:
    assert rule.pattern.search(rule.example)
    verdict = explain(rule.example, written=written(rule.source))
    assert verdict.kind == rule.kind, verdict
    assert verdict.rule is not None
    order = [r.name for r in RULES]
    fired = RULE[verdict.rule]
    assert fired.kind == rule.kind and order.index(fired.name) <= order.index(rule.name)


@pytest.mark.parametrize("rule", SENTENCE_RULES, ids=ids(SENTENCE_RULES))
def test_counterexample_does_not_fire_the_rule(rule: Rule) -> None:
    for may_promise in (True, False):
        verdict = explain(rule.counterexample, may_promise=may_promise, written=True)
        assert verdict.rule != rule.name, verdict


@pytest.mark.parametrize("rule", GUARDS, ids=ids(GUARDS))
def test_guard_blocks_its_example_only(rule: Rule) -> None:
    def guards(sentence: str, source: str) -> set[str]:
        return {g for _, g in explain(sentence, written=written(source)).blocked}

    assert rule.name in guards(rule.example, rule.source)
    assert rule.name not in guards(rule.counterexample, rule.counter_source)


def test_date_condition() -> None:
    dated = RULE["gedateerd"]
    assert dated.pattern.search(dated.example)
    assert not dated.pattern.search(dated.counterexample)
    assert explain(dated.example, written=False).rule == "eerste-persoon-toekomst"
    undated = "Ik zal de vragen in volgorde beantwoorden."  # tests/test_commitments.py
    assert ("eerste-persoon-toekomst", "ontbreekt:gedateerd") in explain(undated).blocked


@pytest.mark.parametrize("rule", CHAIR_RULES, ids=ids(CHAIR_RULES))
def test_chair_rules(rule: Rule) -> None:
    if rule.example_fires:
        assert chair_rule(rule.example) is rule
    assert chair_rule(rule.counterexample) is not rule


@pytest.mark.parametrize(
    ("wording", "rule"),
    [
        # Wordings named in issue #10 that no real sentence in the data uses yet. They are the
        # issue's fragments, filled in only where the issue writes "X", "Y" or "...".
        ("Hiermee voldoe ik aan de toezegging aan het lid X.", "nakoming-hiermee-toezegging"),
        ("Daarmee voldoe ik aan de toezegging aan het lid X.", "nakoming-voldoen-aan-toezegging"),
        ("Daarmee kom ik de toezegging aan het lid X na.", "nakoming-kom-toezegging-na"),
        (
            "Zoals toegezegd aan het lid X in het commissiedebat Y van 12 maart 2025 stuur ik u "
            "het overzicht.",
            "nakoming-zoals-toegezegd-stuur-ik-u",
        ),
        ("Zoals toegezegd is het onderzoek afgerond.", "nakoming-zoals-toegezegd-is-gedaan"),
        ("Die vraag beantwoord ik schriftelijk.", "later-schriftelijk-beantwoorden"),
        ("Ik kom daar schriftelijk op terug.", "later-kom-ik-terug"),
        ("U krijgt daar een brief over.", "later-u-krijgt-een-brief"),
        ("Ik zal de Kamer daarover per brief informeren.", "belofte-ik-zal-informeren"),
    ],
)
def test_issue_wordings(wording: str, rule: str) -> None:
    verdict = explain(wording, written=False)
    assert (verdict.kind, verdict.rule) == (RULE[rule].kind, rule)


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        # Real sentences of DEV Kamervraag answers (tests/eval/dev/kamervragen3).
        (
            "NS heeft toegezegd onverminderd door te zullen gaan met het verbeteren van de "
            "sociale veiligheid in de treinen en op stations.",
            None,
        ),
        ("Mijn voorganger heeft toegezegd de Kamer te informeren.", "vermeld-heeft-toegezegd"),
        ("De minister heeft toegezegd de Kamer te informeren.", "vermeld-heeft-toegezegd"),
    ],
)
def test_written_wordings(sentence: str, rule: str | None) -> None:
    """A promise by someone outside the government is no commitment of the government; one
    by the minister or a predecessor is."""
    assert explain(sentence, written=True).rule == rule


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # Real sentences of DEV Kamervraag answers (tests/eval/dev/kamervragen4 and 7).
        (
            "Dit doet de NZa in nauw overleg met het CBR en daarbij zullen ook partijen uit het "
            "veld worden betrokken.",
            False,
        ),
        (
            "Ik zal bij het uitwerken van deze herziening alle noodzakelijke zorgvuldigheid "
            "betrachten en ruimte nemen voor afstemming met de sector, deskundigen en andere "
            "belanghebbenden.",
            False,
        ),
        ("Ook zal ik mij blijven inzetten voor een goede samenwerking.", False),
        ("De uitkomsten zullen worden betrokken bij de evaluatie van de wet.", True),
        ("Wij zullen de mogelijkheden uitwerken.", True),
        ("Ik zal uw Kamer blijven informeren over de voortgang.", True),
    ],
)
def test_effort_and_involvement_are_no_promise(sentence: str, promise: bool) -> None:
    """People who "worden betrokken", work named as a noun ("bij het uitwerken") and an effort
    without anything the Kamer gets ("zal mij blijven inzetten") promise nothing; a text
    included in a later one, and work or a report to come, do."""
    assert (explain(sentence, written=True).kind == "gedaan") is promise


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        # Real sentences of DEV Kamervraag answers (tests/eval/dev/kamervragen, 2 and 4).
        (
            "Uw Kamer wordt op de hoogte gehouden van de voortgang van de Verbeteragenda middels "
            "voortgangsrapportages.",
            True,
        ),
        (
            "Bijstellingen en aanvullingen vinden plaats in de Milieuraad en worden met uw Kamer "
            "gedeeld.",
            True,
        ),
        (
            "Indien dit wel het geval is wordt uw Kamer daarover zoals gebruikelijk geïnformeerd.",
            True,
        ),
        ("Via deze toetsing wordt uw Kamer geïnformeerd.", False),
        # Work promised by the minister's ministry or a colleague (dev/kamervragen, 2 and 3).
        (
            "Mijn departement zal in contact treden met de Britse collega’s om (nadere) lering te "
            "trekken van de Britse aanpak van criminele uitbuiting.",
            True,
        ),
        (
            "De komende maanden gaat mijn ministerie, samen met het Ministerie van VWS, in overleg "
            "met de brancheorganisaties en rechtspraak over de opvolging van de aanbevelingen uit "
            "het onderzoek van de Universiteit van Amsterdam.",
            True,
        ),
        (
            "De Staatssecretaris van BZK zal bezien welke overige documenten hierover in bezit "
            "zijn.",
            True,
        ),
        ("De minister van Financiën heeft dit in 2023 besloten.", False),
        # "hiermee": with this subject, or by this letter.
        ("Ik ga hiermee aan de slag.", True),
        ("Hiermee informeer ik uw Kamer over de stand van zaken.", False),
    ],
)
def test_the_kamer_informed_in_the_passive_and_work_by_the_ministry(
    sentence: str, promise: bool
) -> None:
    """The Kamer kept informed, or something shared with it, in the passive ("wordt de Kamer
    geïnformeerd" without a condition before it says how things go now); work the minister's
    ministry or a colleague will do."""
    assert (explain(sentence, written=True).kind == "gedaan") is promise


def test_chair_noting_a_commitment_marks_the_promise_before() -> None:
    """A debate as the readers build it: the minister promises, the chair notes it."""
    minister = Person(name="Minister Jetten", role="minister")
    chair = Person(name="De voorzitter", role="voorzitter")
    promise = (  # tests/fixtures/tei: the minister's words before "Dat is een toezegging."
        "Maar als mevrouw Kröger daar graag nog wat uitgebreidere schriftelijke beantwoording op "
        "wil, dan zal ik die de Kamer doen toekomen."
    )
    doc = Document(
        id="h-test",
        type=HANDELINGEN,
        title="Debat",
        text="",
        date=dt.date(2022, 1, 20),
        sections=[
            Section(text=promise, kind="spreekbeurt", speaker=minister),
            Section(text="Ik noteer dat als toezegging.", kind="spreekbeurt", speaker=chair),
        ],
    )
    assert chair_rule("Ik noteer dat als toezegging.") is RULE["voorzitter-noteert-toezegging"]
    (found,) = extract_commitments(doc)
    assert found.kind == "gedaan"
    assert found.rule == "voorzitter-noteert-toezegging"
