"""The judge of `kamer eval`: is an answer right on exactly the facts its question expects?

Strict on purpose (issue #10, "Measuring honestly"): a fact counts only when it is stated once and
unambiguously, on the right side and from the expected document. Each rule has a test in
tests/test_evaluate.py. The wording parsed here is the extractive answerer's
(`assistant/ask_motions.py`, `assistant/ask_commitments.py`).
"""

from __future__ import annotations

import re
from typing import Any

from assistant.answer import Answer, Citation

# "Stemmen: 32 voor, 117 tegen." The digits are whole numbers: "132 voor" is not "32 voor".
VOTES_RE = re.compile(r"(?<!\d)(\d+) voor, (\d+) tegen\b")
# "Voor stemden: BIJ1, SP, PvdA [4]." up to the citation marker or the end of the sentence.
SIDE_LABELS = {"fracties_voor": "Voor stemden", "fracties_tegen": "Tegen stemden"}
# A period after a one-letter word is an initial ("S.H. Simons"), not the end of the list.
LIST_END = r"\s*(?:\[\d+\]|(?<!\b\w)\.(?=\s|$)|$)"
INDIENERS_RE = re.compile(rf"Ingediend door ([^\[\n]+?){LIST_END}", re.M)
APPRECIATIE_RE = re.compile(rf"Kabinetsappreciatie: ([^\[\n]+?){LIST_END}", re.M | re.I)
OUTCOME_CLAIM_RE = re.compile(r"\bis (aangenomen|verworpen)\b", re.I)
OPPOSITE = {"aangenomen": "verworpen", "verworpen": "aangenomen"}
UNKNOWN_OUTCOME_RE = re.compile(
    r"uitslag\w* staat niet in de geïndexeerde bronnen|uitslag niet in de bronnen", re.I
)
# Status claims about one commitment or motie. "Geen document dat meldt dat deze motie is
# uitgevoerd" says the opposite of done, so the not-done phrases are taken out before the done
# words are looked for.
NOT_DONE_RE = re.compile(r"geen uitvoering gevonden[^.\n]*|geen document dat meldt[^.\n]*", re.I)
DONE_RE = re.compile(r"\bnagekomen\b|\buitgevoerd\b|\buitvoering \(zekerheid", re.I)
MARKER_RE = re.compile(r"\[(\d+)\]")
# Text between double quotes is the source's words, not the answer's claim.
QUOTED_RE = re.compile(r'"[^"\n]*"|“[^”\n]*”')
# Words that belong to a surname ("Van Dijk") rather than come before it ("Jimmy Dijk").
TUSSENVOEGSELS = frozenset("van de der den ter te ten het 't in op d' la le du von".split())


def judge(item: dict[str, Any], answer: Answer) -> tuple[bool, str]:
    """Is the answer right on the facts the question expects? (correct, why not)"""
    expected: dict[str, Any] = item["expected"]
    if expected.get("refuse"):
        return judge_refusal(expected, answer)
    if answer.refused:
        return False, "weigerde onterecht"
    ids = cited_ids(answer.citations)
    wanted = list(expected.get("ids") or [])
    if wanted and not any(i in ids for i in wanted):
        return False, f"verwachte bron {wanted} niet geciteerd"
    if "ids_any" in expected and not any(i in ids for i in expected["ids_any"]):
        return False, "geen van de verwachte moties geciteerd"
    for check in CHECKS:
        problem = check(expected, answer)
        if problem:
            return False, problem
    return True, ""


def judge_refusal(expected: dict[str, Any], answer: Answer) -> tuple[bool, str]:
    """A refuse item is right only when the answer refuses. Naming an alternative in the refusal
    ("Ik vond geen motie over X; wel over Y") is still a refusal."""
    if answer.refused:
        return True, ""
    wrong = [i for i in expected.get("not_ids", []) if i in cited_ids(answer.citations)]
    if wrong:
        return False, f"moest weigeren, maar gaf {', '.join(wrong)} als antwoord"
    return False, "moest weigeren"


def cited_ids(citations: list[Citation]) -> list[str]:
    """Every id of every cited document, its other numbers (zaak, documentnummer) included."""
    seen: dict[str, None] = {}
    for citation in citations:
        seen.setdefault(citation.id, None)
        for value in citation.ids.values():
            seen.setdefault(value, None)
    return list(seen)


def cites(citation: Citation, wanted: list[str]) -> bool:
    return citation.id in wanted or any(v in wanted for v in citation.ids.values())


def collapse(text: str) -> str:
    return " ".join(text.split()).lower()


def own_words(text: str) -> str:
    """The answer without what it quotes."""
    return QUOTED_RE.sub(" ", text)


# -- one check per expected field: each returns why the answer fails, or "" -------------------


def check_outcome(expected: dict[str, Any], answer: Answer) -> str:
    if "outcome" not in expected:
        return ""
    outcome = expected["outcome"]
    claims = {m.lower() for m in OUTCOME_CLAIM_RE.findall(own_words(answer.answer))}
    if outcome == "onbekend":
        if claims:
            return f"uitslag onbekend, maar het antwoord zegt {' en '.join(sorted(claims))}"
        if not UNKNOWN_OUTCOME_RE.search(answer.answer):
            return "onbekende uitslag niet als onbekend gemeld"
        return ""
    if outcome not in claims:
        return f"uitslag {outcome} ontbreekt"
    if OPPOSITE.get(outcome) in claims:
        return f"uitslag {outcome}, maar het antwoord zegt ook {OPPOSITE[outcome]}"
    return ""


def check_votes(expected: dict[str, Any], answer: Answer) -> str:
    if "voor" not in expected:
        return ""
    want = (int(expected["voor"]), int(expected["tegen"]))
    said = {(int(v), int(t)) for v, t in VOTES_RE.findall(answer.answer)}
    if said != {want}:
        return f"verwacht {want[0]} voor, {want[1]} tegen; gezegd: {sorted(said) or 'niets'}"
    return ""


def check_fracties(expected: dict[str, Any], answer: Answer) -> str:
    """Per side, as sets: "PvdA" is not "GroenLinks-PvdA", and a fractie on the other side fails."""
    for key, label in SIDE_LABELS.items():
        if key not in expected:
            continue
        want = {name.casefold() for name in expected[key]}
        lists = re.findall(rf"{label}: ([^\[\n]*?){LIST_END}", answer.answer, re.M)
        if not lists and want:
            return f"'{label}' ontbreekt"
        for listed in lists:
            said = {name.strip().casefold() for name in listed.split(",") if name.strip()}
            if said != want:
                missing = ", ".join(sorted(want - said)) or "-"
                extra = ", ".join(sorted(said - want)) or "-"
                return f"{label}: ontbreekt {missing}; ten onrechte {extra}"
    return ""


def same_surname(said: str, expected: str) -> bool:
    """'Jimmy Dijk' names Dijk; 'Van Dijk' does not; 'Diederik van Dijk' names Van Dijk."""
    words, surname = said.casefold().split(), expected.casefold().split()
    if words == surname:
        return True
    if len(words) > len(surname) and words[-len(surname) :] == surname:
        return words[-len(surname) - 1] not in TUSSENVOEGSELS
    return False


def check_indieners(expected: dict[str, Any], answer: Answer) -> str:
    """All indieners as whole surnames, first indiener first, in signing order."""
    if "indieners" not in expected:
        return ""
    want: list[str] = expected["indieners"]
    listed = INDIENERS_RE.search(answer.answer)
    if listed is not None:
        said = [re.sub(r"\s*\([^)]*\)", "", n).strip() for n in listed.group(1).split(",")]
        said = [n for n in said if n]
        if len(said) == len(want) and all(map(same_surname, said, want)):
            return ""
        return f"indieners {', '.join(said)}; verwacht {', '.join(want)} (in die volgorde)"
    # Free wording: each surname as a whole word, in order.
    position = -1
    for name in want:
        found = [
            m.start()
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", answer.answer, re.I)
            if not _after_tussenvoegsel(answer.answer, m.start(), name)
        ]
        later = [p for p in found if p > position]
        if not later:
            return f"indiener {name} ontbreekt of staat niet op zijn plaats"
        position = later[0]
    return ""


def _after_tussenvoegsel(text: str, start: int, name: str) -> bool:
    before = text[:start].split()
    return bool(before) and before[-1].casefold() in TUSSENVOEGSELS and " " not in name.strip()


def check_appreciatie(expected: dict[str, Any], answer: Answer) -> str:
    if "kabinetsappreciatie" not in expected:
        return ""
    want = collapse(expected["kabinetsappreciatie"])
    if want not in collapse(answer.answer):
        return "kabinetsappreciatie ontbreekt"
    said = {collapse(m) for m in APPRECIATIE_RE.findall(answer.answer)}
    if said - {want}:
        return f"kabinetsappreciatie {', '.join(sorted(said - {want}))}; verwacht {want}"
    return ""


def check_replaced(expected: dict[str, Any], answer: Answer) -> str:
    if "replaced_by" in expected and expected["replaced_by"] not in answer.answer:
        return "vervangende motie ontbreekt"
    return ""


def check_count(expected: dict[str, Any], answer: Answer) -> str:
    """A list question with a crisp condition names exactly `count` moties."""
    count = expected.get("count")
    if not isinstance(count, int):
        return ""
    named = len({c.id for c in answer.citations})
    return "" if named == count else f"{named} moties genoemd, verwacht {count}"


def segments_about(expected: dict[str, Any], answer: Answer) -> list[str]:
    """The lines of the answer about the expected item: those citing an expected document with,
    when facts are expected, a quote that holds one. A one-paragraph answer is one line."""
    wanted = list(expected.get("ids") or [])
    facts = [collapse(f) for f in expected.get("facts", [])]
    by_n = {c.n: c for c in answer.citations}
    about = []
    for line in answer.answer.splitlines():
        cited = [by_n[int(n)] for n in MARKER_RE.findall(line) if int(n) in by_n]
        ours = [c for c in cited if not wanted or cites(c, wanted)]
        if ours and (not facts or any(f in collapse(c.quote) for c in ours for f in facts)):
            about.append(line)
    return about or [answer.answer]


def check_status(expected: dict[str, Any], answer: Answer) -> str:
    """Status "open" must be said and the item not also be called done; "nagekomen" likewise."""
    status = expected.get("status")
    if status not in ("open", "nagekomen"):
        return ""
    about = own_words("\n".join(segments_about(expected, answer)))
    not_done = bool(NOT_DONE_RE.search(about))
    done = bool(DONE_RE.search(NOT_DONE_RE.sub(" ", about)))
    if status == "open":
        if not not_done:
            return "niet gezegd dat er geen uitvoering is gevonden"
        if done:
            return "open, maar ook als nagekomen of uitgevoerd gemeld"
        return ""
    if not done:
        return "uitvoering niet gemeld"
    if not_done:
        return "nagekomen, maar het antwoord zegt ook dat er geen uitvoering is gevonden"
    return ""


# A number written with its thousands apart or together: "32 824, nr. 425" is "32824, nr. 425".
DIGIT_GROUP_RE = re.compile(r"(?<=\d) (?=\d{3}\b)")


def check_facts(expected: dict[str, Any], answer: Answer) -> str:
    """A fact counts only in the quote of a citation of an expected document."""
    wanted = list(expected.get("ids") or [])
    quotes = collapse(" ".join(c.quote for c in answer.citations if not wanted or cites(c, wanted)))
    quotes = DIGIT_GROUP_RE.sub("", quotes)
    for fact in expected.get("facts", []):
        if DIGIT_GROUP_RE.sub("", collapse(fact)) not in quotes:
            return f"feit '{fact}' niet in de geciteerde passages van {wanted or 'de bronnen'}"
    return ""


CHECKS = (
    check_outcome,
    check_votes,
    check_fracties,
    check_indieners,
    check_appreciatie,
    check_replaced,
    check_count,
    check_status,
    check_facts,
)
