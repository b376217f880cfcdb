"""Pure text extraction: Dutch dates, Kamerstuk references and footnotes.

Everything here works on plain strings and returns plain values; nothing reads files or keeps
state. The readers in ``ingest.sources`` use the date functions, the pipeline uses
``resolve_footnote_references`` (texts) and ``find_references`` (titles and subjects).
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from assistant.documents import Reference, kst_id

# --------------------------------------------------------------------------------------------
# Shared character classes
# --------------------------------------------------------------------------------------------

SUPERSCRIPT_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"  # ⁰¹²³⁴⁵⁶⁷⁸⁹
_TO_ASCII = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
_SUP = f"[{SUPERSCRIPT_DIGITS}]"
_SPACE = "[ \u00a0\u2009\u202f]"  # the space inside "32 317" (plain, no-break or thin)
_DASH = "[-\u2013]"  # hyphen or en dash ("29683–282" occurs in real moties)

# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1,
    "februari": 2, "febr": 2, "feb": 2,
    "maart": 3, "mrt": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
# Not followed by a letter ("mei" in "meivakantie"); superscripts count as \w but are no letter.
_NO_LETTER = rf"(?![^\W\d_{SUPERSCRIPT_DIGITS}])"
# Full month names by number (full names come before abbreviations in MONTHS).
MONTH_NAMES: dict[int, str] = {}
for _name, _number in MONTHS.items():
    MONTH_NAMES.setdefault(_number, _name)


def long_date(date: datetime.date) -> str:
    """5 april 2018."""
    return f"{date.day} {MONTH_NAMES[date.month]} {date.year}"


_MONTH = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?" + _NO_LETTER
_WEEKDAY = (
    r"(?i:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
    r"|ma|di|wo|do|vr|za|zo)\.?,?\s+"
)
_YEAR = r"(?:1[89]|2[01])\d\d"  # 1800-2199: anything else is not a year of a parliamentary text
_ORD = r"(?:ste|de|e)?"  # 1e, 1ste, 2de, 3e
_GAP = r"(?:[ \t\u00a0]+\n?[ \t\u00a0]*|\n[ \t\u00a0]*)"  # spaces, at most one line break
_DAYTOK = rf"[0-3]?\d{_ORD}(?!\d)"
_PAST = r"jl\.?|j\.l\.|jongstleden"
_NEXT = r"a\.s\.?|aanst\.|aanstaande"
# "20 maart 2026", "20 maart² jl.", "1ste jan. 2024"; `days` is an optional list before the last
# day: "14, 15 en 16 maart jl.", "15-16 september 2025", "7 en 8 juli 2025".
_TEXT_DATE = (
    rf"(?P<days>(?:{_DAYTOK}\s*,\s*)*{_DAYTOK}\s*(?:{_DASH}|\ben\b|t/m|tot\s+en\s+met)\s*)?"
    rf"(?P<day>[0-3]?\d){_ORD}{_GAP}(?P<month>{_MONTH})(?P<sup>{_SUP}*)"
    rf"(?:{_GAP}(?P<year>{_YEAR})(?!\d)"
    rf"|\s+(?P<rel>(?i:{_PAST}|{_NEXT})){_NO_LETTER})?"
)
_TEXT_DATE_RE = re.compile(rf"(?<![\w/-])(?<!\d[.,]){_TEXT_DATE}")
_NUMERIC_DATE_RE = re.compile(
    rf"(?<![\w./-])(?P<day>[0-3]?\d)(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)(?P<year>{_YEAR})(?!\d)"
)
_ISO_DATE_RE = re.compile(rf"(?<![\w.])(?P<year>{_YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)")
_DAY_IN_LIST_RE = re.compile(rf"[0-3]?\d{_ORD}(?!\d)")
# Strict forms for parse_dutch_date (one expression, the whole string).
_PARSE_TEXT_RE = re.compile(
    rf"(?:{_WEEKDAY})?(?P<day>[0-3]?\d){_ORD}\s+(?P<month>{_MONTH}){_SUP}*"
    rf"(?:\s+(?P<year>{_YEAR})|\s+(?P<rel>(?i:{_PAST}|{_NEXT})))?"
)
_PARSE_NUMERIC_RE = re.compile(
    rf"(?:{_WEEKDAY})?(?P<day>[0-3]?\d)(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)(?P<year>{_YEAR})"
)
_PARSE_ISO_RE = re.compile(
    rf"(?P<year>{_YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:[T ][0-9:.]+(?:Z|[+-]\d\d:?\d\d)?)?"
)
_RELATIVE_LOOKBACK_YEARS = 8  # enough to find the last 29 februari


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _resolve_without_year(
    day: int, month: int, reference: datetime.date | None, forward: bool = False
) -> datetime.date | None:
    """The most recent `day month` on or before `reference` (on or after it when `forward`)."""
    if reference is None:
        return None
    if isinstance(reference, datetime.datetime):
        reference = reference.date()
    step = 1 if forward else -1
    for offset in range(_RELATIVE_LOOKBACK_YEARS + 1):
        found = _date(reference.year + step * offset, month, day)
        if found is not None and (found >= reference if forward else found <= reference):
            return found
    return None


def _month_number(written: str) -> int:
    return MONTHS[written.rstrip(".").lower()]


def _text_date(
    day: int, month: int, year: str | None, rel: str | None, reference: datetime.date | None
) -> datetime.date | None:
    if year is not None:
        return _date(int(year), month, day)
    forward = rel is not None and rel.lower().startswith("a")
    return _resolve_without_year(day, month, reference, forward=forward)


def parse_dutch_date(text: str, reference: datetime.date | None = None) -> datetime.date | None:
    """Parse one date expression that makes up the whole of `text`.

    Accepted: "27 maart 2026", "1e januari 2024", "1ste jan. 2024", "27 mrt. 2026",
    "Donderdag 8 februari 2018" (a leading weekday is ignored), "27-03-2026", "27/03/2026",
    "2026-03-27" (also with a time: "2025-04-23T00:00:00+02:00"), and without a year "20 maart" or
    "20 maart jl." (the most recent 20 March on or before `reference`) or "20 maart a.s." (the
    first one on or after it). Without a year and without `reference` the answer is None.
    Running text ("Voorgesteld 20 mei 2025") is not one date: use `find_dates` for that.
    Returns None for anything that is not a valid date; never raises.
    """
    if not isinstance(text, str):
        return None
    candidate = " ".join(text.split())
    for attempt in (candidate, candidate.rstrip(".,;:")):
        if not attempt:
            continue
        match = _PARSE_TEXT_RE.fullmatch(attempt)
        if match:
            return _text_date(
                int(match["day"]),
                _month_number(match["month"]),
                match["year"],
                match["rel"],
                reference,
            )
        for pattern in (_PARSE_NUMERIC_RE, _PARSE_ISO_RE):
            match = pattern.fullmatch(attempt)
            if match:
                return _date(int(match["year"]), int(match["month"]), int(match["day"]))
    return None


def find_dates(
    text: str, reference: datetime.date | None = None
) -> list[tuple[str, datetime.date, int]]:
    """All dates in running text as (text as written, date, character offset), in text order.

    Handles "27 maart 2026", "20 maart jl.", "20 maart² jl." (a footnote marker after the month),
    "20 maart" (resolved against `reference`, skipped without one), "27-03-2026" and ISO
    "2026-03-27". A list of days before a month yields one entry per day: "14, 15 en 16 maart
    jl." gives ("14", ...), ("15", ...) and ("16 maart jl.", ...); the same for "15-16 september
    2025". Impossible dates ("31 februari 2026") are left out.
    """
    found: list[tuple[str, datetime.date, int]] = []
    for match in _TEXT_DATE_RE.finditer(text):
        month = _month_number(match["month"])
        last_day = int(match["day"])
        resolved = _text_date(last_day, month, match["year"], match["rel"], reference)
        if resolved is None:
            continue
        if match["days"]:
            base = match.start("days")
            for day_match in _DAY_IN_LIST_RE.finditer(match["days"]):
                day = int(day_match.group().rstrip("stde"))
                if not 1 <= day < last_day:
                    continue
                listed = _date(resolved.year, resolved.month, day)
                if listed is not None:
                    found.append((day_match.group(), listed, base + day_match.start()))
        found.append((text[match.start("day") : match.end()], resolved, match.start("day")))
    for pattern in (_NUMERIC_DATE_RE, _ISO_DATE_RE):
        for match in pattern.finditer(text):
            resolved = _date(int(match["year"]), int(match["month"]), int(match["day"]))
            if resolved is not None:
                found.append((match.group(), resolved, match.start()))
    found.sort(key=lambda item: item[2])
    return found


def prinsjesdag(year: int) -> datetime.date:
    """The third Tuesday of September, on which the parliamentary year (vergaderjaar) opens."""
    first = datetime.date(year, 9, 1)
    first_tuesday = 1 + (1 - first.weekday()) % 7  # Monday is 0, Tuesday 1
    return datetime.date(year, 9, first_tuesday + 14)


def vergaderjaar_of(date: datetime.date) -> str:
    """The parliamentary year a date falls in, written as the Tweede Kamer does: "2025-2026".

    A vergaderjaar runs from Prinsjesdag (the third Tuesday of September, computed exactly, not
    approximated as 1 September) to the day before the next Prinsjesdag. The Tweede Kamer's own
    metadata agrees: documents of 18 September 2023 carry 2022-2023, of 21 September 2023
    2023-2024 (Prinsjesdag 2023 was 19 September).
    """
    if isinstance(date, datetime.datetime):
        date = date.date()
    start = date.year if date >= prinsjesdag(date.year) else date.year - 1
    return f"{start}-{start + 1}"


# --------------------------------------------------------------------------------------------
# Sentences (the context of a reference)
# --------------------------------------------------------------------------------------------

# Abbreviations after which a full stop does not end a sentence even before a capital letter.
_NO_SPLIT_AFTER = frozenset({
    "nr", "nrs", "dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "st", "art", "blz",
    "bijv", "bv", "vgl", "zgn", "resp", "incl", "excl", "ca", "jo", "pag", "o.a", "d.d", "t.a.v",
    "i.v.m", "m.b.t", "m.u.v", "t.v.v", "e.a", "a.s", "z.g.a", "n.a.v", "i.o.m", "m.i.v",
    "jan", "feb", "febr", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
})  # fmt: skip
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
# A full stop, question or exclamation mark, perhaps a closing quote or a footnote marker
# (superscript, "[5 ]" as PDFs of Kamervragen write it, plain digits only at the end of a line:
# "motie?1"), then space and a capital.
_SENTENCE_END_RE = re.compile(
    rf"[.!?\u2026][)\]\"'\u2019\u201d\u00bb{SUPERSCRIPT_DIGITS}]*(?:\[\d{{1,3}}\s?\])?"
    rf"(?:\d{{1,3}}(?=[ \t]*\n))?(\s+)"
    rf"(?=[\"'\u2018\u201c\u00ab]?[{_UPPER}])"
)
# A short line of its own followed by a capital is a heading ("Vraag 1", "Antwoord 1").
_HEADING_LINE_RE = re.compile(rf"(?m)^[ \t]*[^\n]{{1,40}}?(?<![,;:(\u2013-])\n(?=[ \t]*[{_UPPER}])")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n\s*")
# A footnote at the foot of a PDF page: a line that starts with its number and a lower-case
# word, right after a finished sentence ("… gestuurd.\n5 pyrotechnische stoffen …").
_PAGE_FOOTNOTE_RE = re.compile(
    r"[.!?][)\]\"'\u2019\u201d]*[ \t]*\n[ \t]*(?=\d{1,3}[ \t]+[a-z\u00e0-\u00ff])"
)
_TOKEN_BEFORE_DOT_RE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _sentence_starts(text: str) -> list[int]:
    """Offsets at which a sentence (or paragraph) starts; always begins with 0."""
    starts = {0}
    for match in _PARAGRAPH_BREAK_RE.finditer(text):
        starts.add(match.end())
    for match in _HEADING_LINE_RE.finditer(text):
        starts.add(match.end())
    for match in [*_PAGE_FOOTNOTE_RE.finditer(text), *_SENTENCE_END_RE.finditer(text)]:
        if not _after_abbreviation(text, match.start()):
            starts.add(match.end())
    return sorted(starts)


def _after_abbreviation(text: str, end: int) -> bool:
    """Is the mark at `end` the full stop of an abbreviation or initial ("nr.", "J.")?"""
    if text[end] != ".":
        return False
    token = _TOKEN_BEFORE_DOT_RE.search(text[max(0, end - 12) : end + 1])
    if token is None:
        return False
    return len(token.group(1)) == 1 or token.group(1).lower() in _NO_SPLIT_AFTER


class _Sentences:
    """Finds the sentence around an offset, splitting the text once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = _sentence_starts(text)

    def around(self, offset: int) -> str:
        index = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[max(index, 0)]
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return " ".join(self.text[start:end].split())

    def all(self) -> list[str]:
        ends = [*self.starts[1:], len(self.text)]
        found = (" ".join(self.text[a:b].split()) for a, b in zip(self.starts, ends, strict=True))
        return [sentence for sentence in found if sentence]


def sentence_finder(text: str) -> Callable[[int], str]:
    """`sentence_at` for many offsets of one text: the text is split once."""
    return _Sentences(text).around


def sentence_at(text: str, offset: int) -> str:
    """The sentence of `text` that contains `offset`, with its whitespace collapsed."""
    return _Sentences(text).around(offset)


def split_sentences(text: str) -> list[str]:
    """Every sentence of `text` in order, whitespace collapsed, as `sentence_at` cuts them."""
    return _Sentences(text).all()


# --------------------------------------------------------------------------------------------
# Kamerstuk references
# --------------------------------------------------------------------------------------------

# Dossiers whose number never stands alone: "21501-20" is the dossier Europese Raad, not
# Kamerstuk nr. 20 of dossier 21501.
_DOSSIERS_WITH_SUBNUMBER = frozenset({"21501"})
_ROMAN_RE = re.compile(r"(?:XX|X)?(?:IX|IV|V?I{1,3}|V)|XX|X")

# "32 317", "36 200 XII", "36 410-VI", "36 410A", "21 501-02", "21501–08", "36688 (R2205)".
_BASE = rf"(?P<base>[1-3]\d{_SPACE}?\d{{3}})(?!\d)"
_SUB = rf"(?:\s*{_DASH}\s*(?P<sub>\d{{2}})(?!\d))?"
_PART = rf"(?:(?:\s*{_DASH}\s*|{_SPACE}?)(?P<part>[IVXL]+|[A-Z]|\(R\d{{3,4}}\))(?![A-Za-z]))?"
# A second dossier of a joint Kamerstuk, "34 682/35 334" or "31 293 en 31 289". The id is taken
# to be built on the first dossier (an assumption: the data holds no joint stuk to check it on).
_CO = (
    rf"(?:(?:\s*/\s*|\s+en\s+)[1-3]\d{_SPACE}?\d{{3}}(?!\d)"
    rf"(?:(?:{_DASH}|{_SPACE})(?:[IVXL]+|[A-Z]|\d{{2}})(?![\w-]))?)?"
)
_DOSSIER = _BASE + _SUB + _PART + _CO
_BEFORE_NUMBER = r"(?<![\w.,/\u20ac-])"  # not inside another number, an id, or after "€"
# "Kamerstuk", "Kamerstukken II 2023/24,", "Tweede Kamer, vergaderjaar 2025-2026,", "TK 2023/24,"
_PREFIX = (
    r"(?P<prefix>(?:\b[Kk]amerstuk(?:ken)?|\bTK|\bTweede\s+Kamer)"
    r"(?:\s*II(?![A-Za-z]))?\s*,?\s*"
    r"(?:(?:vergaderjaar\s+)?\d{4}\s*[-\u2013/]\s*\d{2,4}\s*,?\s*)?)"
)
_NR_WORD = r"(?:stuk\s+)?(?:[Nn]rs?|[Nn]ummers?)\.?"

# "32 317, nr. 913", "Kamerstukken II 2025/26, 32 317, nr. 913", "19 637 nr. 3522",
# "(21501-08, nr. 719)", "36 200 XII, nr. 60", "35 334, nrs. 383 , 348 en 309".
_NR_FORM_RE = re.compile(
    rf"(?:{_PREFIX}|{_BEFORE_NUMBER}){_DOSSIER}\s*,?\s*{_NR_WORD}\s*(?P<nr>\d{{1,4}})(?!\d)"
)
# "Kamerstuk 33835-242", "Kamerstuk 21501-02-3021", "Kamerstuk 36600-VIII-87", "(t.v.v. 36708-19)",
# "Kamerstuk 26150/36180-223" (joint dossiers: the first counts).
_DASH_FORM_RE = re.compile(
    rf"(?:{_PREFIX}|(?<![\w./-]))(?P<base>[1-3]\d{_SPACE}?\d{{3}})(?:/[1-3]\d{{4}})?"
    rf"(?P<parts>(?:{_DASH}\d{{2}}|(?:{_DASH}|{_SPACE})(?:[IVXL]+|[A-Z]|\(R\d{{3,4}}\)))*)"
    rf"{_DASH}{_SPACE}?(?P<nr>[1-9]\d{{0,3}})(?![^\W_]|[\u2013-])"
)
# "(36 600 XVII, letter M)": stukken numbered with letters.
_LETTER_FORM_RE = re.compile(
    rf"(?:{_PREFIX}|{_BEFORE_NUMBER}){_DOSSIER}\s*,?\s*letter\s+(?P<letter>[A-Z]{{1,3}})(?![\w-])"
)
# Handelingen: "Zij krijgt nr. 199 (31311).", "motie op stuk nr. 942 (21501–08)",
# "Zij krijgt nr. 726 , was nr. 719 ( 21501-08 )".
_INVERTED_RE = re.compile(
    rf"\b[Nn]r\.?\s*(?P<nr>\d{{1,4}})(?:\s*,?\s*was\s+nr\.?\s*(?P<was>\d{{1,4}}))?"
    rf"\s*\(\s*{_DOSSIER}\s*\)"
)
# List continuations after a first number: ", nr. 684" and "(, 348) en 309".
_MORE_NR_RE = re.compile(r"\s*,\s*[Nn]rs?\.?\s*(?P<nr>\d{1,4})(?!\d)")
_EN_LIST_RE = re.compile(
    rf"(?P<items>(?:\s*,\s*\d{{1,4}}(?!\d))*)\s*,?\s*(?:en|&)\s+(?:[Nn]rs?\.?\s*)?"
    rf"(?P<nr>\d{{1,4}})(?!\d)(?!{_SPACE}?\d)(?!\s*,?\s*[Nn]r)"
)
_YEARS = r"(?P<y1>\d{4})\s*[-\u2013/]\s*(?P<y2>\d{4}|\d{2})"
# "Aanhangsel Handelingen II 2023/24, nr. 1234", "Aanhangsel Handelingen, vergaderjaar
# 2024-2025, nr. 998" (the Tweede Kamer unless "I" says Eerste Kamer).
_AANHANGSEL_RE = re.compile(
    rf"\bAanhangsel\s+(?:van\s+de\s+)?Handelingen(?:\s+(?P<kamer>II|I)(?![A-Za-z]))?\s*,?\s*"
    rf"(?:vergaderjaar\s+)?{_YEARS}\s*,?\s*[Nn]r\.?\s*(?P<nr>\d+)(?!\d)"
)
# "Handelingen II 2017/18, nr. 70, item 6" -> h-tk-20172018-70-6
_HANDELINGEN_RE = re.compile(
    rf"(?<!Aanhangsel )(?<!van de )\bHandelingen(?:\s+(?P<kamer>II|I)(?![A-Za-z]))?\s*,?\s*"
    rf"(?:vergaderjaar\s+)?{_YEARS}\s*,?\s*[Nn]r\.?\s*(?P<nr>\d+)\s*,?\s*item\s+(?P<item>\d+)"
)
# Ids as officielebekendmakingen writes them.
_ID_RE = re.compile(
    r"(?<![\w-])(?:kst-[1-3]\d{4}(?:-(?:\d{2}|[IVXL]+|[A-Z]|\(R\d{3,4}\)))*-\d{1,4}"
    r"|ah-(?:tk|ek)-\d{8}-\d+|h-(?:tk|ek)-\d{8}-\d+-\d+|stb-\d{4}-\d+|stcrt-\d{4}-\d+)"
    r"(?![\w-])"
)


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    targets: tuple[str, ...]


def _canonical_kst(base: str, suffixes: list[str], nr: str) -> str:
    # normalize_dossier reads "21501 -02" and "36200 -XII" as dossier plus suffix.
    dossier = " ".join([re.sub(r"\D", "", base), *(f"-{s}" for s in suffixes if s)])
    return kst_id(dossier, nr if nr.isalpha() else nr.lstrip("0") or "0")


def _valid_part(part: str | None) -> bool:
    return part is None or len(part) == 1 or part.startswith("(") or bool(_ROMAN_RE.fullmatch(part))


def _valid_years(y1: str, y2: str) -> str | None:
    first = int(y1)
    second = int(y2) if len(y2) == 4 else first // 100 * 100 + int(y2)
    if len(y2) == 2 and second < first:
        second += 100
    return f"{first}{second}" if second == first + 1 else None


def _more_numbers(text: str, pos: int) -> tuple[list[str], int]:
    """Ondernummers that continue a reference: ", nr. 684 en 685", ", 348 en 309"."""
    numbers: list[str] = []
    while True:
        match = _MORE_NR_RE.match(text, pos)
        if match:
            numbers.append(match["nr"])
            pos = match.end()
            continue
        match = _EN_LIST_RE.match(text, pos)
        if match:
            numbers.extend(re.findall(r"\d+", match["items"]))
            numbers.append(match["nr"])
            pos = match.end()
        return numbers, pos


def _euro_before(text: str, start: int) -> bool:
    return text[max(0, start - 5) : start].rstrip().endswith(("\u20ac", "EUR"))


def _candidates(text: str) -> Iterator[_Found]:
    for match in _ID_RE.finditer(text):
        yield _Found(match.start(), match.end(), (match.group(),))

    for match in _NR_FORM_RE.finditer(text):
        if not _valid_part(match["part"]) or _euro_before(text, match.start("base")):
            continue
        base = re.sub(r"\D", "", match["base"])
        if base in _DOSSIERS_WITH_SUBNUMBER and not match["sub"]:
            continue
        numbers, end = _more_numbers(text, match.end())
        suffixes = [match["sub"] or "", match["part"] or ""]
        targets = tuple(_canonical_kst(base, suffixes, nr) for nr in [match["nr"], *numbers])
        yield _Found(match.start(), end, targets)

    for match in _DASH_FORM_RE.finditer(text):
        base = re.sub(r"\D", "", match["base"])
        if not match["prefix"] and not match["base"].isdigit():
            continue  # without "Kamerstuk" only the unambiguous "33835-242" counts
        parts = [p.strip() for p in re.split(_DASH, match["parts"]) if p.strip()]
        parts = [q for p in parts for q in p.split()]
        if any(p.isalpha() and not _valid_part(p) for p in parts):
            continue
        numeric = [p for p in parts if p.isdigit()]
        if len(numeric) > 1 or (base in _DOSSIERS_WITH_SUBNUMBER and not numeric):
            continue
        yield _Found(match.start(), match.end(), (_canonical_kst(base, parts, match["nr"]),))

    for match in _LETTER_FORM_RE.finditer(text):
        if _valid_part(match["part"]):
            suffixes = [match["sub"] or "", match["part"] or ""]
            target = _canonical_kst(match["base"], suffixes, match["letter"])
            yield _Found(match.start(), match.end(), (target,))

    for match in _INVERTED_RE.finditer(text):
        if not _valid_part(match["part"]):
            continue
        base = re.sub(r"\D", "", match["base"])
        suffixes = [match["sub"] or "", match["part"] or ""]
        numbers = [match["nr"], *([match["was"]] if match["was"] else [])]
        yield _Found(
            match.start(), match.end(), tuple(_canonical_kst(base, suffixes, n) for n in numbers)
        )

    for match in _AANHANGSEL_RE.finditer(text):
        years = _valid_years(match["y1"], match["y2"])
        if years:
            kamer = "ek" if match["kamer"] == "I" else "tk"
            yield _Found(match.start(), match.end(), (f"ah-{kamer}-{years}-{match['nr']}",))

    for match in _HANDELINGEN_RE.finditer(text):
        years = _valid_years(match["y1"], match["y2"])
        if years:
            kamer = "ek" if match["kamer"] == "I" else "tk"
            target = f"h-{kamer}-{years}-{match['nr']}-{match['item']}"
            yield _Found(match.start(), match.end(), (target,))


def _located_references(text: str) -> list[tuple[int, Reference]]:
    """References with the offset of their anchor, overlaps resolved, in text order."""
    kept: list[_Found] = []
    for found in sorted(_candidates(text), key=lambda f: (f.start, -(f.end - f.start))):
        if kept and found.start < kept[-1].end:
            last = kept[-1]
            if (found.start, found.end) == (last.start, last.end):
                kept[-1] = _Found(last.start, last.end, last.targets + found.targets)
            continue  # a shorter reading of text already taken
        kept.append(found)
    sentences = _Sentences(text)
    result: list[tuple[int, Reference]] = []
    seen: set[tuple[str, int]] = set()
    for found in kept:
        anchor = text[found.start : found.end]
        context = sentences.around(found.start)
        for target in found.targets:
            if (target, found.start) not in seen:
                seen.add((target, found.start))
                result.append((found.start, Reference(target, anchor, context, None)))
    return result


def find_references(text: str) -> list[Reference]:
    """Kamerstuk, Aanhangsel and Handelingen references in `text`, in text order.

    Every spelling resolves to the id officielebekendmakingen uses: "32 317, nr. 913",
    "Kamerstukken II 2025/26, 32 317, nr. 913", "19 637 nr. 3522" and "kst-32317-913" to
    kst-32317-913; "Kamerstuk 21501-02-3021" to kst-21501-02-3021 (dossier 21501-02);
    "36 200 XII, nr. 60" and "Kamerstuk 36200-XII-60" to kst-36200-XII-60; "Zij krijgt nr. 199
    (31311)" to kst-31311-199; "Aanhangsel Handelingen II 2023/24, nr. 1234" to
    ah-tk-20232024-1234; "Handelingen II 2017/18, nr. 70, item 6" to h-tk-20172018-70-6.
    A dash form without the word Kamerstuk ("t.v.v. 36708-19") counts only when written
    unambiguously: five digits without a space, a dash, a number. A dossier without a number
    ("Kamerstuk 36576", "21501-02") is not a reference to a document and is left out.
    anchor is the citation as written (with "Kamerstuk ..." when that is written), context the
    sentence it stands in, footnote None. One Reference per (target, anchor offset).
    """
    if not text:
        return []
    return [ref for _, ref in _located_references(text)]


# --------------------------------------------------------------------------------------------
# Footnotes
# --------------------------------------------------------------------------------------------

_FOOTNOTE_LINE_RE = re.compile(
    rf"[ \t]*(?:(?P<sup>{_SUP}+)[ \t]*|\[(?P<bracket>\d{{1,3}})\][ \t]*|(?P<plain>\d{{1,3}})[ \t]+)"
    r"(?P<text>\S.*?)\s*"
)
_SEPARATOR_LINE_RE = re.compile(r"\s*(?:[_\-\u2013\u2014=*]{3,}|(?i:voetnoten|noten)\s*:?)\s*")
_MAX_FOOTNOTE_LINES = 6
_CLOSERS = ")]\"'\u2019\u201d\u00bb.,;:?!"
_WORD_CHARS = "'\u2019-"


@dataclass(frozen=True)
class _Marker:
    position: int  # offset of the marker in the body
    word: str | None  # the word it is attached to


def _word_before(body: str, end: int) -> str | None:
    """The word that ends at `end`, skipping closing punctuation: 'motie' in 'motie)¹'."""
    pos = end
    while pos > 0 and body[pos - 1] in _CLOSERS:
        pos -= 1
    start = pos
    while start > 0 and (body[start - 1].isalnum() or body[start - 1] in _WORD_CHARS):
        start -= 1
    word = body[start:pos].strip(_WORD_CHARS)
    return word or None


def _find_marker(body: str, marker: str) -> _Marker | None:
    """Where footnote `marker` ("1") stands in the body: "motie¹", "motie[1]", or "motie1"."""
    if not marker.isdigit():
        return None
    superscript = marker.translate(_TO_SUPERSCRIPT)
    patterns = (
        rf"(?<!{_SUP}){re.escape(superscript)}(?!{_SUP})",
        rf"\[{re.escape(marker)}\]",
        # Plain digits glued to a lowercase word (text extracted from PDF): "motie1", "motie?1".
        rf"(?<=[a-z\u00df-\u00ff])[?!)\u2019\"]?{re.escape(marker)}(?![\w{SUPERSCRIPT_DIGITS}])",
    )
    for kind, pattern in enumerate(patterns):
        match = re.search(pattern, body)
        if match:
            digits_at = match.end() - len(marker) if kind == 2 else match.start()
            return _Marker(match.start(), _word_before(body, digits_at))
    return None


def _marker_value(match: re.Match[str]) -> str:
    raw = match["sup"] or match["bracket"] or match["plain"] or ""
    return str(int(raw.translate(_TO_ASCII)))


def split_footnotes(text: str) -> tuple[str, dict[str, str]]:
    """Split the block of footnotes off the end of a plain text.

    Footnote lines start with a marker: superscript digits ("¹ Tweede Kamer, vergaderjaar
    2025-2026, 32 317, nr. 913"), "[1] ..." or plain digits ("1 Kamerstukken II ..."). The block
    is the run of such lines at the end of the text (a footnote may wrap onto following lines,
    blank lines may separate footnotes), numbered consecutively. With plain-digit markers the
    block only counts when a marker is also found in the body, so a numbered list at the end of
    a letter is not taken for footnotes. A separator line ("____", "Voetnoten") before the block
    is dropped. Returns (body, {"1": footnote text}); the body is the text before the block,
    right-stripped, so offsets in it are offsets in `text`. Footnotes per page (PDF) are not
    recognised; only a block at the end.
    """
    lines = text.splitlines(keepends=True)
    notes = _footnote_block(lines)
    if not notes:
        return text, {}
    cut = notes[0].line
    while cut > 0 and not lines[cut - 1].strip():
        cut -= 1
    if cut > 0 and _SEPARATOR_LINE_RE.fullmatch(lines[cut - 1].rstrip("\r\n")):
        cut -= 1
    body = "".join(lines[:cut]).rstrip()
    result = {str(note.marker): " ".join(" ".join(note.texts).split()) for note in notes}
    if any(note.plain for note in notes) and not any(_find_marker(body, m) for m in result):
        return text, {}
    return body, result


@dataclass
class _Note:
    line: int
    marker: int
    plain: bool
    texts: list[str]


def _footnote_block(lines: list[str]) -> list[_Note]:
    """The consecutively numbered footnotes that end the text, with their line numbers."""
    matches = [_FOOTNOTE_LINE_RE.fullmatch(line.rstrip("\r\n")) for line in lines]
    blank = [not line.strip() for line in lines]
    # A paragraph that does not start with a marker is body: the block comes after the last one.
    start = 0
    for index in range(1, len(lines)):
        if blank[index - 1] and not blank[index] and matches[index] is None:
            start = index + 1
    notes: list[_Note] = []
    for index in range(start, len(lines)):
        if blank[index]:
            continue
        match = matches[index]
        after_blank = index == 0 or blank[index - 1]
        if match is not None:
            value = int(_marker_value(match))
            plain = bool(match["plain"])
            if value > 0 and (value == notes[-1].marker + 1 if notes else True):
                notes.append(_Note(index, value, plain, [match["text"]]))
                continue
            if not (plain and notes and not after_blank):
                # An out-of-sequence marker starts again; "32 317, nr. 913" below a footnote
                # line is that footnote wrapping.
                notes = [_Note(index, value, plain, [match["text"]])] if value > 0 else []
                continue
        if notes and not after_blank and len(notes[-1].texts) <= _MAX_FOOTNOTE_LINES:
            notes[-1].texts.append(lines[index].strip())
        else:
            notes = []  # body text; a footnote wraps onto a few lines, not onto a page
    return notes


def annotated_word(text: str, marker: str) -> str | None:
    """The word in the body that footnote `marker` is attached to ("motie" for "motie¹").

    `text` may be the whole text (footnotes are split off first) or only the body. None when the
    marker does not occur, or stands alone.
    """
    body, _ = split_footnotes(text)
    found = _find_marker(body, marker.translate(_TO_ASCII).strip("[] "))
    return found.word if found else None


def resolve_footnote_references(text: str) -> list[Reference]:
    """All references of a text with footnotes, in the order of the body.

    References inside a footnote come back with anchor = the citation as written in the
    footnote, context = the body sentence in which the marker stands (the sentence of the
    footnote itself if the marker is not found), footnote = the marker ("1"). References written
    in the body itself come back as `find_references` gives them (footnote None).
    """
    body, notes = split_footnotes(text)
    sentences = _Sentences(body)
    located: list[tuple[int, int, Reference]] = []
    for position, ref in _located_references(body):
        located.append((position, 1, ref))
    for marker, note in notes.items():
        found = _find_marker(body, marker)
        for _, ref in _located_references(note):
            context = sentences.around(found.position) if found else ref.context
            position = found.position if found else len(body)
            located.append((position, 0, Reference(ref.target, ref.anchor, context, marker)))
    located.sort(key=lambda item: (item[0], item[1]))
    return [ref for _, _, ref in located]


KST_ID_RE = re.compile(r"kst-(\d+)(?:-([A-Z]+))?-(\d+)$", re.IGNORECASE)


def identifier_pattern(identifier: str) -> re.Pattern[str]:
    """How texts write an identifier. A Kamerstuk in any spelling: "kst-36471-64",
    "36471-64", "36 471-64", "36 471, nr. 64", "36 410 XIV, nr. 38"; anything else as written,
    case and spacing ignored."""
    kst = KST_ID_RE.match(identifier)
    if kst is None:
        parts = identifier.split()
        return re.compile(r"\s*".join(re.escape(part) for part in parts), re.IGNORECASE)
    dossier, roman, number = kst.groups()
    digits = r"\s?".join(re.escape(d) for d in dossier) if len(dossier) > 3 else dossier
    roman_part = rf"[\s-]{roman}" if roman else ""
    return re.compile(
        rf"(?<![\d-])(?:kst-)?{digits}{roman_part}(?:-|,?\s*nrs?\.?\s*){number}(?!\d)",
        re.IGNORECASE,
    )


def sentences_naming(text: str, literal: str) -> list[str]:
    """The body sentences of `text` that name `literal` (an identifier such as "TZ202309-010"
    or a Kamerstuk in any spelling): where it is written in the body, and where the marker of
    a footnote that names it stands ("... de toezegging³ is hiermee afgedaan" with footnote 3
    "TZ202309-010"). Case and spacing are ignored."""
    wanted = identifier_pattern(literal)
    body, notes = split_footnotes(text)
    sentences = _Sentences(body)
    found: dict[str, None] = {}
    for match in wanted.finditer(body):
        found.setdefault(sentences.around(match.start()), None)
    for marker, note in notes.items():
        if wanted.search(note):
            at = _find_marker(body, marker)
            found.setdefault(sentences.around(at.position) if at else " ".join(note.split()), None)
    return [sentence for sentence in found if sentence]
