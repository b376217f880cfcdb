"""The time part of a Dutch question: "op 20 maart 2026", "in maart", "vorige week", "sinds 2024".

``find_timeframe(question, today)`` returns the period the question asks about as an inclusive
``Timeframe(start, end, text, exact_day)``, or None when the question names no time.
``strip_timeframe`` removes those words again, so retrieval searches on the topic alone.

What is understood (``today`` = 2026-11-29 in the examples)
-----------------------------------------------------------
* One day: "op 20 maart 2026", "20 mrt. 2026", "1e januari 2024", "vrijdag 20 maart 2026",
  "20-03-2026", "20/3/2026", "2026-03-20", "gisteren", "eergisteren", "vandaag", "morgen",
  "dinsdag", "afgelopen dinsdag", "vorige week dinsdag", "Prinsjesdag 2025", "3 dagen geleden".
  Without a year ("op 20 maart") the year is the one the question names elsewhere ("... over de
  begroting 2025", "vorig jaar"), when it names exactly one; otherwise the most recent such day
  on or before today. ``exact_day`` is True for these.
* Months, quarters, halves, seasons, years: "in maart" (without a year like a day: the year named
  elsewhere, else the most recent March that has begun), "maart 2025", "in december", "in het
  eerste kwartaal van 2025", "Q3 2024", "de tweede helft van 2024", "in het voorjaar van 2025",
  "in 2024", "uit 2024", "van 2024", "(2024)", "begin 2024" (Jan-Mar), "medio 2024" (May-Aug),
  "eind 2023" (Oct-Dec), "begin maart" (1-10), "half maart" (11-20), "eind maart" (21-end).
* Relative periods: "deze week/maand", "dit kwartaal/jaar" (the whole calendar period), "vorige
  week/maand", "vorig kwartaal/jaar" (the previous calendar period), "volgende week" (the next).
  "de afgelopen maand", "het afgelopen jaar", "de laatste week" and "de afgelopen 3 maanden" are
  rolling windows that end today. "afgelopen maand" without an article is ambiguous between the
  previous calendar month and the last month, so it covers both: from the first day of the
  previous month to today (likewise "afgelopen week/jaar", and "komende week" forward).
* Vergaderjaren: "vergaderjaar 2023-2024" (also 2023/2024, 2023/24), "dit vergaderjaar",
  "vorig vergaderjaar": Prinsjesdag (third Tuesday of September) to the day before the next one,
  computed with ``ingest.extract.prinsjesdag`` and ``vergaderjaar_of``.
* Ranges: "tussen 1 en 15 mei", "tussen maart en mei 2025", "van 1 maart tot 15 april", "1 t/m
  15 mei", "1-15 mei", "tussen 2020 en 2023", "in 2020-2023". A range without a year is the most
  recent one that has begun (or lies in the year named elsewhere).
* Open ends: "sinds januari", "vanaf 1 maart", "na de zomer" run to today (to ``OPEN_END`` when
  they begin after today); "tot 2024", "tot en met maart", "voor 20 maart", "voor de zomer" start
  at ``OPEN_START``. "voor" counts only before a written day or a season: in "de agenda voor
  morgen" or "de begroting voor 2025" it means "for".
* Several expressions: joined by "en", "of" or a comma they are combined ("in maart en april");
  when one lies inside the other the narrower wins ("dit jaar op 20 maart"); otherwise the first.

Not dates: Kamerstuk and Zaak numbers ("32317-913", "kst-19637-3522", "36 200 XII",
"2022Z00782"), "nr. 913", "motie 12", "om 10 uur", a name such as "Mei Li Vos", "van Jan" (an
abbreviated month needs a day or a year), a bare year without a word that makes it one ("motie
2024", "voor 2025"), and the date in the name of an act ("de Wet van 12 mei 2021").

Why not dateparser
------------------
The issue asks for a kept library where one fits, so ``dateparser`` 1.5.0 (which supports Dutch)
was measured in this venv against the Dutch forms above, with ``languages=["nl"]``,
``PREFER_DATES_FROM="past"``, ``DATE_ORDER="DMY"`` and a fixed ``RELATIVE_BASE``:

* Speed was fine: a written date took 0.26 ms median, 0.47 ms p95, 4.5 ms max after warm-up
  (``search_dates`` over a whole question 0.47 ms median, 4.6 ms p95, 6.3 ms max); the import
  took 50-230 ms and the first Dutch parse another 55-130 ms.
* It read 24 of 30 absolute Dutch forms right. It missed "20 febr. 2026", "20 sept. 2025",
  "1e januari 2024", "1ste jan. 2024", "2de mei 2025" and "20 maart jl.". Those forms occur in
  parliamentary texts, and ``ingest.extract`` already handles them for document dates.
  ``ingest.extract.parse_dutch_date`` read all 30 right in 0.002 ms. It is the stdlib parser
  that dated the documents, so questions and documents now read dates the same way.
* Finding dates in a whole question (``search_dates``) gave false positives on parliamentary
  questions: "Mei Li Vos" became May, "21501-07 nr. 1234" the year 1234, and "om 10 uur" a time.
  It also found no ranges or quarters, nor "afgelopen maand", "eind 2023" or vergaderjaren, so
  locating expressions and all period arithmetic have to be our own rules anyway.
* With its default settings it consults the host timezone through ``tzlocal``. With
  ``TZ=Nowhere/Bogus``, ``parse("gisteren")`` raised ``ZoneInfoNotFoundError``. It would also
  add three packages (dateparser, pytz, tzlocal).

So the absolute forms go through ``ingest.extract.parse_dutch_date``; everything else is the
rules below (stdlib ``re``/``datetime``/``calendar``). No new dependency is needed.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ingest.extract import MONTHS, parse_dutch_date, prinsjesdag, vergaderjaar_of

# The ends of a half-open question ("sinds 2024", "voor de zomer"): filter with them as usual.
OPEN_START = datetime.date.min
OPEN_END = datetime.date.max


@dataclass(frozen=True)
class Timeframe:
    start: datetime.date  # inclusive
    end: datetime.date  # inclusive
    text: str  # the words in the question that gave it, e.g. "op 20 maart 2026"
    exact_day: bool  # True when the question names one day


def find_timeframe(question: str, today: datetime.date) -> Timeframe | None:
    """The period `question` asks about, relative to `today`; None when it names no time."""
    if not isinstance(question, str) or not isinstance(today, datetime.date):
        return None
    if isinstance(today, datetime.datetime):
        today = today.date()
    if not question.strip():
        return None
    ctx = _Context(question, today, _year_named(question, today))
    hits = _select(_candidates(ctx))
    hits = _drop_unled(hits, question)
    if not hits:
        return None
    best = _fold(hits, question)
    return Timeframe(best.start, best.end, question[best.begin : best.stop], best.exact_day)


def strip_timeframe(question: str, timeframe: Timeframe | None) -> str:
    """`question` without the words of `timeframe`, tidied for retrieval."""
    if timeframe is None or not timeframe.text or not isinstance(question, str):
        return question
    at = question.find(timeframe.text)
    if at < 0 and len(question.lower()) == len(question):
        at = question.lower().find(timeframe.text.lower())
    if at < 0:
        return question
    rest = question[:at] + " " + question[at + len(timeframe.text) :]
    rest = re.sub(r"\(\s*\)", " ", rest)
    rest = " ".join(rest.split())
    rest = re.sub(r"\s+([?.!,;:)])", r"\1", rest)
    rest = re.sub(r"\(\s+", "(", rest)
    return rest.lstrip(",;: ").strip()


# --------------------------------------------------------------------------------------------
# Internals
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    question: str
    today: datetime.date
    year_hint: int | None  # the one year the question names, if it names exactly one


@dataclass(frozen=True)
class _Hit:
    begin: int  # character offsets in the question
    stop: int
    start: datetime.date
    end: datetime.date
    kind: str  # "written_day", "day", "week", "month", "year", "season", "span", ...
    exact_day: bool = False
    needs_lead: bool = False  # a bare year or month: only a date after "in", "sinds", ...
    led: bool = False  # a lead word was taken in
    default_year: bool = False  # the year was not written (seasons: "voor de zomer")
    season: str = ""


_Handler = Callable[[re.Match[str], _Context], _Hit | None]

FULL_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)  # fmt: skip
_ABBREVIATIONS = sorted((m for m in MONTHS if m not in FULL_MONTHS), key=len, reverse=True)
_MONTH = rf"(?:(?:{'|'.join(FULL_MONTHS)})\b|(?:{'|'.join(_ABBREVIATIONS)})\b\.?)"
_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")"
_YEAR = r"(?:19|20)\d\d(?![\w/-]|\.\d)"  # not "2022Z00782", "2019/1937", "2024-0000123"
_ORD = r"(?:ste|de|e)?"
_NUMBER_WORDS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
}  # fmt: skip
_NUMBER = r"(?:\d{1,3}|" + "|".join(_NUMBER_WORDS) + ")"
_UNIT = r"(?:dagen|dag|weken|week|maanden|maand|kwartalen|kwartaal|jaren|jaar)"
_SEASONS = {  # first month, months long
    "voorjaar": (3, 3), "lente": (3, 3), "zomer": (6, 3), "najaar": (9, 3), "herfst": (9, 3),
    "winter": (12, 3),
}  # fmt: skip
_ORDINALS = {
    "eerste": 1, "1e": 1, "1ste": 1, "tweede": 2, "2e": 2, "2de": 2, "derde": 3, "3e": 3,
    "3de": 3, "vierde": 4, "4e": 4, "4de": 4,
}  # fmt: skip
_ORDINAL = "(?:" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + ")"

# Words before an expression, and what they do to it.
_LEADS = {
    "plain": (
        "in", "uit", "van", "op", "tijdens", "gedurende", "rond", "omstreeks", "d.d.", "per",
        "in de loop van", "in het jaar", "het jaar", "jaar", "kalenderjaar", "in de maand",
        "de maand", "ergens in", "in de periode", "in de periode van",
    ),
    "since": ("sinds", "sedert", "vanaf", "met ingang van", "m.i.v."),
    "after": ("na", "later dan"),
    "until": ("tot en met", "t/m", "uiterlijk"),
    "before": ("tot", "voor", "vóór", "eerder dan"),
    "part_begin": ("begin", "begin van", "het begin van", "aan het begin van"),
    "part_mid": ("medio", "half", "halverwege", "midden", "midden van"),
    "part_end": (
        "eind", "einde", "eind van", "einde van", "het eind van", "het einde van",
        "aan het eind van", "aan het einde van",
    ),
}  # fmt: skip
_LEAD_KIND = {word: kind for kind, words in _LEADS.items() for word in words}
_LEAD_RE = re.compile(
    r"\b(?P<lead>"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_LEAD_KIND, key=len, reverse=True)
    )
    + r")\s+$",
    re.IGNORECASE,
)
# Leads that do not make a bare year or month a date: "op 2024", "voor 2025" ("for 2025").
_NOT_FOR_BARE = frozenset({"op", "rond", "omstreeks", "d.d.", "per", "voor", "vóór"})
_CONJ_RE = re.compile(r"\s*(?:,|,?\s*\b(?:en|of|en/of)\b|&)\s*", re.IGNORECASE)
_CONNECT_RE = re.compile(r"\s*,?\s*(?:(?:van|in|uit)\s+)?", re.IGNORECASE)
_NAMED_ACT_RE = re.compile(
    r"\b(?:wet|besluit|regeling|verdrag|richtlijn|verordening)\s+van\s+$", re.IGNORECASE
)
_NOT_A_YEAR_BEFORE_RE = re.compile(
    r"(?:\b(?:nr|nrs|no|nummer|motie|amendement|artikel|art|lid|stuk|kamerstuk|dossier|"
    r"bijlage|zaak|pagina|blz|p)\.?|[#§])\s*$",
    re.IGNORECASE,
)
_YEAR_TOKEN_RE = re.compile(rf"(?<![\w./-])(?P<y>{_YEAR})")
_RELATIVE_YEAR_RE = re.compile(
    r"\b(?:(?P<this>dit(?:\s+kalender)?\s*jaar)|(?P<last>vorig(?:e)?\s+jaar|verleden\s+jaar)"
    r"|(?P<next>volgend(?:e)?\s+jaar))\b",
    re.IGNORECASE,
)


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: datetime.date, months: int) -> datetime.date:
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    return datetime.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def _months_span(year: int, month: int, count: int) -> tuple[datetime.date, datetime.date]:
    """`count` months from `month` of `year` (count 3 from December runs into February)."""
    first = datetime.date(year, month, 1)
    last = _add_months(first, count - 1)
    return first, _month_end(last.year, last.month)


def _before(text: str, index: int, width: int = 40) -> str:
    return text[max(0, index - width) : index]


def _latest_begun(
    today: datetime.date,
    hint: int | None,
    span: Callable[[int], tuple[datetime.date, datetime.date]],
) -> tuple[datetime.date, datetime.date] | None:
    """The period `span(year)` in the hinted year, else the most recent one begun by today."""
    if hint is not None:
        return span(hint)
    for year in (today.year, today.year - 1):
        start, end = span(year)
        if start <= today:
            return start, end
    return None


def _year_named(question: str, today: datetime.date) -> int | None:
    """The one year the question names ("2025", "vorig jaar"), or None for none or several."""
    years: set[int] = set()
    for match in _YEAR_TOKEN_RE.finditer(question):
        if not _NOT_A_YEAR_BEFORE_RE.search(_before(question, match.start())):
            years.add(int(match["y"]))
    for match in _RELATIVE_YEAR_RE.finditer(question):
        years.add(today.year + (0 if match["this"] else -1 if match["last"] else 1))
    return years.pop() if len(years) == 1 else None


# ----- periods ------------------------------------------------------------------------------


def _vergaderjaar(start_year: int) -> tuple[datetime.date, datetime.date]:
    end = prinsjesdag(start_year + 1) - datetime.timedelta(days=1)
    return prinsjesdag(start_year), end


def _calendar_period(unit: str, day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The calendar week, month, quarter, half year, year or vergaderjaar that holds `day`."""
    if unit == "week":
        monday = day - datetime.timedelta(days=day.weekday())
        return monday, monday + datetime.timedelta(days=6)
    if unit == "month":
        return _months_span(day.year, day.month, 1)
    if unit == "quarter":
        return _months_span(day.year, (day.month - 1) // 3 * 3 + 1, 3)
    if unit == "half":
        return _months_span(day.year, 1 if day.month <= 6 else 7, 6)
    if unit == "vergaderjaar":
        return _vergaderjaar(int(vergaderjaar_of(day)[:4]))
    return datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31)


def _shift(unit: str, day: datetime.date, count: int) -> datetime.date:
    """`day` moved `count` units (negative: back); months keep the day where they can."""
    if unit == "day":
        return day + datetime.timedelta(days=count)
    if unit == "week":
        return day + datetime.timedelta(weeks=count)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "vergaderjaar": 12}[unit]
    return _add_months(day, months * count)


_UNIT_NAMES = {
    "dag": "day", "dagen": "day", "week": "week", "weken": "week", "maand": "month",
    "maanden": "month", "kwartaal": "quarter", "kwartalen": "quarter", "halfjaar": "half",
    "half jaar": "half", "jaar": "year", "jaren": "year", "kalenderjaar": "year",
    "vergaderjaar": "vergaderjaar", "zittingsjaar": "vergaderjaar",
}  # fmt: skip


def _unit(word: str) -> str:
    return _UNIT_NAMES[" ".join(word.lower().split())]


def _number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _season(name: str, year: int) -> tuple[datetime.date, datetime.date]:
    month, count = _SEASONS[name.lower()]
    return _months_span(year, month, count)


def _weekday_before(today: datetime.date, weekday: int, strictly: bool) -> datetime.date:
    back = (today.weekday() - weekday) % 7
    if back == 0 and strictly:
        back = 7
    return today - datetime.timedelta(days=back)


# ----- handlers, one per kind of expression ---------------------------------------------------


def _hit(match: re.Match[str], start: datetime.date, end: datetime.date, kind: str) -> _Hit:
    return _Hit(match.start(), match.end(), start, end, kind, exact_day=start == end)


def _parse_written(text: str, has_year: bool, ctx: _Context) -> datetime.date | None:
    """A day as written ("20 maart", "1e jan. 2024", "20 maart jl."), by the ingest parser."""
    text = " ".join(text.split())
    if not has_year and ctx.year_hint is not None:
        return parse_dutch_date(f"{text} {ctx.year_hint}")
    return parse_dutch_date(text, ctx.today)


def _written_day(match: re.Match[str], ctx: _Context) -> _Hit | None:
    if _NAMED_ACT_RE.search(_before(ctx.question, match.start())):
        return None  # "de Wet van 12 mei 2021" names an act
    has_year = match["y"] is not None or match["rel"] is not None
    day = _parse_written(match.group(), has_year, ctx)
    if day is None:
        return None
    return replace(_hit(match, day, day, "written_day"), default_year=not has_year)


def _day_list(match: re.Match[str], ctx: _Context) -> _Hit | None:
    """ "20 en 21 maart", "14, 15 of 16 mei 2025": from the first day to the last."""
    if _NOT_A_YEAR_BEFORE_RE.search(_before(ctx.question, match.start())):
        return None  # "nr. 5 en 20 maart"
    last = _parse_written(match["last"], match["y"] is not None, ctx)
    days = [int(d) for d in re.findall(r"\d+", match["days"])]
    if last is None or not all(1 <= d < last.day for d in days):
        return None
    return replace(_hit(match, last.replace(day=min(days)), last, "span"), exact_day=False)


def _week_of(match: re.Match[str], ctx: _Context) -> _Hit | None:
    """ "de week van 20 maart": the calendar week that holds that day."""
    day = _parse_written(match["day"], match["y"] is not None, ctx)
    if day is None:
        return None
    return _hit(match, *_calendar_period("week", day), "week")


def _numeric_day(match: re.Match[str], ctx: _Context) -> _Hit | None:
    if _NAMED_ACT_RE.search(_before(ctx.question, match.start())):
        return None
    day = parse_dutch_date(match.group())
    return None if day is None else _hit(match, day, day, "written_day")


_RELATIVE_DAYS = {
    "eergisteren": -2, "gisteren": -1, "gisteravond": -1, "gistermiddag": -1,
    "gisterochtend": -1, "gistermorgen": -1, "vandaag": 0, "vanochtend": 0, "vanmorgen": 0,
    "vanmiddag": 0, "vanavond": 0, "vannacht": 0, "morgen": 1, "overmorgen": 2,
}  # fmt: skip


def _relative_day(match: re.Match[str], ctx: _Context) -> _Hit | None:
    word = match.group().lower()
    before = _before(ctx.question, match.start())
    if word == "morgen" and re.search(r"(?:\b(?:de|die|deze|een)|'s)\s+$", before, re.I):
        return None  # "de morgen van 20 maart": the morning, not tomorrow
    day = ctx.today + datetime.timedelta(days=_RELATIVE_DAYS[word])
    return _hit(match, day, day, "day")


def _weekday(match: re.Match[str], ctx: _Context) -> _Hit | None:
    if re.search(r"\b(?:elke|iedere|alle)\s+$", _before(ctx.question, match.start())):
        return None  # "elke dinsdag" is a habit, not a date
    weekday = _WEEKDAYS.index(match["wd"].lower())
    marker = (match["rel"] or match["after"] or "").lower()
    if marker.startswith(("a.s", "aanst", "komende", "volgende")):
        day = ctx.today + datetime.timedelta(days=(weekday - ctx.today.weekday() - 1) % 7 + 1)
    else:
        day = _weekday_before(ctx.today, weekday, strictly=bool(marker))
    return _hit(match, day, day, "day")


def _weekday_in_week(match: re.Match[str], ctx: _Context) -> _Hit | None:
    step = {"vorige": -1, "deze": 0, "volgende": 1}[match["wk"].lower()]
    monday = _calendar_period("week", ctx.today)[0] + datetime.timedelta(weeks=step)
    day = monday + datetime.timedelta(days=_WEEKDAYS.index(match["wd"].lower()))
    return _hit(match, day, day, "day")


def _days_ago(match: re.Match[str], ctx: _Context) -> _Hit | None:
    count, unit = _number(match["n"]), _unit(match["unit"])
    if unit == "day":
        day = ctx.today - datetime.timedelta(days=count)
        return _hit(match, day, day, "day")
    start, end = _calendar_period(unit, _shift(unit, ctx.today, -count))
    return _hit(match, start, end, unit)


def _relative_period(match: re.Match[str], ctx: _Context) -> _Hit | None:
    rel, unit, article = match["rel"].lower(), _unit(match["unit"]), match["art"] is not None
    today = ctx.today
    step = {"deze": 0, "dit": 0, "huidige": 0, "lopende": 0, "vorige": -1, "vorig": -1,
            "verleden": -1, "volgende": 1, "volgend": 1}.get(rel)  # fmt: skip
    if step is None and unit == "vergaderjaar":
        step = 1 if rel == "komende" else -1  # "het afgelopen vergaderjaar": the previous one
    if step is not None:
        start, end = _calendar_period(unit, _shift(unit, today, step))
        return _hit(match, start, end, unit)
    if rel == "komende":  # forward to the same day next period; without an article to its end
        end = _shift(unit, today, 1)
        if not article:
            end = max(end, _calendar_period(unit, end)[1])
        return _hit(match, today, end, "rolling")
    # afgelopen, laatste, voorbije: back to the same day last period; "afgelopen maand" without
    # an article may also mean last calendar month, so it reaches back to that month's start.
    start = _shift(unit, today, -1)
    if not article and rel != "laatste":
        start = min(start, _calendar_period(unit, start)[0])
    return _hit(match, start, today, "rolling")


def _rolling(match: re.Match[str], ctx: _Context) -> _Hit | None:
    count, unit = _number(match["n"]), _unit(match["unit"])
    if count == 0:
        return None
    if match["rel"].lower() in ("komende", "volgende"):
        return _hit(match, ctx.today, _shift(unit, ctx.today, count), "rolling")
    return _hit(match, _shift(unit, ctx.today, -count), ctx.today, "rolling")


def _month(match: re.Match[str], ctx: _Context) -> _Hit | None:
    written = match["m"]
    before = _before(ctx.question, match.start())
    if re.search(r"\d\s*$", before):
        return None  # "31 februari 2026": a day that does not exist, not the month
    if match["y"] is None and written.rstrip(".").lower() not in FULL_MONTHS:
        return None  # "van Jan de Vries": an abbreviated month needs a day or a year
    if written == "Mei" and re.match(r"\s+[A-Z]", ctx.question[match.end() :]):
        return None  # "Mei Li Vos"
    month = MONTHS[written.rstrip(".").lower()]
    if match["y"] is not None:
        start, end = _months_span(int(match["y"]), month, 1)
        return _hit(match, start, end, "month")
    found = _latest_begun(ctx.today, ctx.year_hint, lambda y: _months_span(y, month, 1))
    if found is None:
        return None
    return replace(_hit(match, *found, "month"), needs_lead=True, default_year=True)


def _year(match: re.Match[str], ctx: _Context) -> _Hit | None:
    year = int(match["y"])
    hit = _hit(match, datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year")
    q = ctx.question
    if (
        match.start() > 0
        and q[match.start() - 1] == "("
        and q[match.end() : match.end() + 1] == ")"
    ):
        return replace(hit, begin=hit.begin - 1, stop=hit.stop + 1)  # "(2024)"
    return replace(hit, needs_lead=True)


def _years(match: re.Match[str], ctx: _Context) -> _Hit | None:
    first, last = int(match["a"]), int(match["b"])
    if last <= first:
        return None
    hit = _hit(match, datetime.date(first, 1, 1), datetime.date(last, 12, 31), "years")
    return replace(hit, needs_lead=True)  # "in 2020-2023", not "stukken 2020-2023"


def _quarter(match: re.Match[str], ctx: _Context) -> _Hit | None:
    word = match["q"].lower()
    if word == "laatste":
        if match["y"] is None:
            return None  # "het laatste kwartaal": rolling, left to _relative_period
        quarter = 4
    else:
        quarter = _ORDINALS.get(word) or int(word)
    month = 3 * quarter - 2
    if match["y"] is not None:
        start, end = _months_span(int(match["y"]), month, 3)
        return _hit(match, start, end, "quarter")
    found = _latest_begun(ctx.today, ctx.year_hint, lambda y: _months_span(y, month, 3))
    return None if found is None else _hit(match, *found, "quarter")


def _half(match: re.Match[str], ctx: _Context) -> _Hit | None:
    month = 1 if _ORDINALS[match["h"].lower()] == 1 else 7
    if match["y"] is not None:
        start, end = _months_span(int(match["y"]), month, 6)
        return _hit(match, start, end, "half")
    found = _latest_begun(ctx.today, ctx.year_hint, lambda y: _months_span(y, month, 6))
    return None if found is None else _hit(match, *found, "half")


def _season_hit(match: re.Match[str], ctx: _Context) -> _Hit | None:
    name, rel, today = match["s"].lower(), (match["rel"] or "").lower(), ctx.today
    if match["y"] is not None:
        start, end = _season(name, int(match["y"]))
        return _hit(match, start, end, "season")
    if not rel and match["art"] is None:
        return None  # "zomer" alone is no date
    candidates = [_season(name, y) for y in range(today.year - 2, today.year + 2)]
    if rel in ("vorige", "vorig", "afgelopen"):
        found = [c for c in candidates if c[1] < today][-1]
    elif rel in ("deze", "dit"):  # the season we are in, else this year's
        current = [c for c in candidates if c[0] <= today <= c[1]]
        found = current[0] if current else _season(name, today.year)
    elif rel in ("komende", "volgende"):
        found = next(c for c in candidates if c[0] > today)
    elif ctx.year_hint is not None:
        found = _season(name, ctx.year_hint)
    else:
        found = [c for c in candidates if c[0] <= today][-1]
    hit = _hit(match, *found, "season")
    return replace(hit, season=name, default_year=not rel and ctx.year_hint is None)


def _vergaderjaar_hit(match: re.Match[str], ctx: _Context) -> _Hit | None:
    first, second = int(match["a"]), match["b"]
    if int(second) % 100 != (first + 1) % 100 or (len(second) == 4 and int(second) != first + 1):
        return None
    return _hit(match, *_vergaderjaar(first), "vergaderjaar")


def _prinsjesdag(match: re.Match[str], ctx: _Context) -> _Hit | None:
    if match["y"] is not None:
        day = prinsjesdag(int(match["y"]))
    elif ctx.year_hint is not None:
        day = prinsjesdag(ctx.year_hint)
    else:
        day = prinsjesdag(ctx.today.year)
        if day > ctx.today:
            day = prinsjesdag(ctx.today.year - 1)
    return _hit(match, day, day, "written_day")


# ----- ranges ("tussen 1 en 15 mei") ----------------------------------------------------------


def _endpoint(p: str) -> str:
    numeric = (
        rf"[0-3]?\d(?P<{p}sep>[-/.])[01]?\d(?P={p}sep)(?:19|20)\d\d"
        rf"|(?:19|20)\d\d-[01]\d-[0-3]\d"
    )
    return (
        rf"(?:(?P<{p}num>{numeric})(?![\w/-]|\.\d)"
        rf"|(?P<{p}d>[0-3]?\d){_ORD}(?!\d)(?:\s+(?P<{p}m>{_MONTH}))?(?:\s+(?P<{p}y>{_YEAR}))?"
        rf"|(?P<{p}m2>{_MONTH})(?:\s+(?P<{p}y2>{_YEAR}))?"
        rf"|(?P<{p}y3>{_YEAR}))"
    )


@dataclass
class _End:
    day: int | None
    month: int | None
    year: int | None
    year_written: bool


def _end_of(match: re.Match[str], p: str) -> _End | None:
    if match[f"{p}num"]:
        parsed = parse_dutch_date(match[f"{p}num"])
        return None if parsed is None else _End(parsed.day, parsed.month, parsed.year, True)
    month_word = match[f"{p}m"] or match[f"{p}m2"]
    month = MONTHS[month_word.rstrip(".").lower()] if month_word else None
    year_text = match[f"{p}y"] or match[f"{p}y2"] or match[f"{p}y3"]
    year = int(year_text) if year_text else None
    day = int(match[f"{p}d"]) if match[f"{p}d"] else None
    return _End(day, month, year, year is not None)


def _first_day(end: _End) -> datetime.date | None:
    assert end.year is not None
    return _date(end.year, end.month or 1, end.day or 1)


def _last_day(end: _End) -> datetime.date | None:
    assert end.year is not None
    if end.month is None:
        return datetime.date(end.year, 12, 31)
    if end.day is None:
        return _month_end(end.year, end.month)
    return _date(end.year, end.month, end.day)


def _range(match: re.Match[str], ctx: _Context) -> _Hit | None:
    a, b = _end_of(match, "a"), _end_of(match, "b")
    if a is None or b is None:
        return None
    if b.month is None and b.year is None:
        return None  # "tussen 20 en 30": numbers, no dates
    if b.day is not None and b.month is None:
        return None
    if a.day is not None and a.month is None:
        if b.month is None or b.day is None:
            return None  # "1-2024"
        a.month = b.month
    if (a.month is None) != (b.month is None) and (a.year is None or b.year is None):
        return None  # "tussen 2020 en maart": mixed without years
    if a.year is None and b.year is None:
        a.year = b.year = ctx.year_hint
        if a.year is None:
            a.year = b.year = ctx.today.year
            first = _first_day(a)
            if first is None or first > ctx.today:
                a.year = b.year = ctx.today.year - 1
    elif a.year is None:
        a.year = b.year
    elif b.year is None:
        b.year = a.year
    start, end = _first_day(a), _last_day(b)
    if start is not None and end is not None and end < start:
        if not b.year_written and b.year is not None:
            b.year += 1
        elif not a.year_written and a.year is not None:
            a.year -= 1
        start, end = _first_day(a), _last_day(b)
    if start is None or end is None or end < start:
        return None
    return replace(_hit(match, start, end, "span"), exact_day=False)


# ----- the rules ------------------------------------------------------------------------------

_I = re.IGNORECASE
_RULES: list[tuple[re.Pattern[str], _Handler]] = [
    (
        re.compile(
            rf"(?<![\w./-])(?:{_WEEKDAY},?\s+)?[0-3]?\d{_ORD}\s+(?P<m>{_MONTH})"
            rf"(?:\s+(?P<y>{_YEAR})|\s+(?P<rel>jl\.|j\.l\.|jongstleden|a\.s\.|aanstaande)"
            rf"(?!\w))?",
            _I,
        ),
        _written_day,
    ),
    (
        re.compile(
            rf"(?<![\w./-])(?P<days>[0-3]?\d{_ORD}(?:\s*,\s*[0-3]?\d{_ORD})*)"
            rf"\s*(?:,|\ben\b|\bof\b)\s*(?P<last>[0-3]?\d{_ORD}\s+{_MONTH}(?:\s+(?P<y>{_YEAR}))?)",
            _I,
        ),
        _day_list,
    ),
    (
        re.compile(
            rf"\b(?:de\s+)?week\s+van\s+(?P<day>[0-3]?\d{_ORD}\s+{_MONTH}(?:\s+(?P<y>{_YEAR}))?)",
            _I,
        ),
        _week_of,
    ),
    (
        re.compile(
            r"(?<![\w./-])(?:[0-3]?\d(?P<sep>[-/.])[01]?\d(?P=sep)(?:19|20)\d\d"
            r"|(?:19|20)\d\d-[01]?\d-[0-3]?\d)(?![\w/-]|\.\d)"
        ),
        _numeric_day,
    ),
    (re.compile(r"\b(?:" + "|".join(_RELATIVE_DAYS) + r")\b", _I), _relative_day),
    (
        re.compile(
            rf"\b(?:(?P<rel>afgelopen|vorige|jongstleden|aanstaande|komende|volgende)\s+)?"
            rf"(?P<wd>{_WEEKDAY})\b(?:\s+(?P<after>jl\.|j\.l\.|jongstleden|a\.s\.|aanstaande))?",
            _I,
        ),
        _weekday,
    ),
    (
        re.compile(rf"\b(?P<wk>vorige|deze|volgende)\s+week\s+(?P<wd>{_WEEKDAY})\b", _I),
        _weekday_in_week,
    ),
    (
        re.compile(rf"\b(?P<wd>{_WEEKDAY})\s+(?P<wk>vorige|deze|volgende)\s+week\b", _I),
        _weekday_in_week,
    ),
    (re.compile(rf"\b(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})\s+geleden\b", _I), _days_ago),
    (
        re.compile(
            r"\b(?:(?P<art>de|het)\s+)?(?P<rel>deze|dit|huidige|lopende|vorige|vorig|verleden"
            r"|afgelopen|laatste|voorbije|komende|volgende|volgend)\s+(?P<unit>week|maand"
            r"|kwartaal|halfjaar|half\s+jaar|jaar|kalenderjaar|vergaderjaar|zittingsjaar)\b",
            _I,
        ),
        _relative_period,
    ),
    (
        re.compile(
            rf"\b(?:(?:de|het)\s+)?(?P<rel>afgelopen|laatste|voorbije|voorgaande|komende"
            rf"|volgende)\s+(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})\b",
            _I,
        ),
        _rolling,
    ),
    (
        re.compile(rf"\b(?:(?:de\s+)?maand\s+)?(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?", _I),
        _month,
    ),
    (re.compile(rf"(?<![\w./-])(?P<y>{_YEAR})"), _year),
    (
        re.compile(
            r"(?<![\w./-])(?P<a>(?:19|20)\d\d)\s*[-\u2013]\s*(?P<b>(?:19|20)\d\d)(?![\w/-]|\.\d)"
        ),
        _years,
    ),
    (
        re.compile(
            rf"\b(?:(?:het|de)\s+)?(?P<q>{_ORDINAL}|laatste)\s+kwartaal\b"
            rf"(?:\s+(?:van\s+)?(?:(?:het\s+)?jaar\s+)?(?P<y>{_YEAR}))?",
            _I,
        ),
        _quarter,
    ),
    (re.compile(rf"\bQ(?P<q>[1-4])\b(?:\s*[-/]?\s*(?P<y>{_YEAR}))?", _I), _quarter),
    (
        re.compile(
            rf"\b(?:(?:het|de)\s+)?(?P<h>eerste|tweede|1e|2e|1ste|2de)\s+(?:helft|halfjaar"
            rf"|half\s+jaar)\b(?:\s+(?:van\s+)?(?:(?:het\s+)?jaar\s+)?(?P<y>{_YEAR}))?",
            _I,
        ),
        _half,
    ),
    (
        re.compile(
            rf"\b(?:(?P<art>de|het)\s+)?(?:(?P<rel>vorige|vorig|afgelopen|deze|dit|komende"
            rf"|volgende)\s+)?(?P<s>{'|'.join(_SEASONS)})\b(?:\s+(?:van\s+)?(?P<y>{_YEAR}))?",
            _I,
        ),
        _season_hit,
    ),
    (
        re.compile(
            r"\b(?:(?:het|de)\s+)?(?:vergaderjaar|zittingsjaar|parlementaire?\s+jaar)\s+"
            r"(?P<a>(?:19|20)\d\d)\s*[-/\u2013]\s*(?P<b>(?:19|20)?\d\d)(?![\w/-])",
            _I,
        ),
        _vergaderjaar_hit,
    ),
    (re.compile(rf"\bprinsjesdag\b(?:\s+(?P<y>{_YEAR}))?", _I), _prinsjesdag),
    (
        re.compile(rf"\btussen\s+{_endpoint('a')}\s+en\s+{_endpoint('b')}", _I),
        _range,
    ),
    (
        re.compile(
            rf"\b(?:van|vanaf|sinds)\s+{_endpoint('a')}\s*(?:tot\s+en\s+met|t/m|tot(?:\s+aan)?"
            rf"|[-\u2013])\s*{_endpoint('b')}",
            _I,
        ),
        _range,
    ),
    (
        re.compile(
            rf"(?<![\w./-]){_endpoint('a')}\s*(?:t/m|tot\s+en\s+met|[-\u2013])\s*"
            rf"{_endpoint('b')}",
            _I,
        ),
        _range,
    ),
]


# ----- putting hits together ------------------------------------------------------------------


def _with_leads(hit: _Hit, ctx: _Context) -> _Hit:
    """Take in the words before `hit` ("in", "sinds", "eind", ...) and apply what they mean."""
    hit = _to_now(hit, ctx)
    for _ in range(3):
        match = _LEAD_RE.search(ctx.question, max(0, hit.begin - 40), hit.begin)
        if match is None:
            break
        word = " ".join(match["lead"].lower().split())
        kind = _LEAD_KIND[word]
        if hit.kind in ("span", "open") and kind != "plain":
            break
        if hit.needs_lead and not hit.led and word in _NOT_FOR_BARE:
            break
        if kind.startswith("part_"):
            if hit.kind not in ("month", "year") or hit.led:
                break
            start, end = _part(hit, kind)
            hit = replace(hit, begin=match.start(), start=start, end=end, led=True)
            continue
        if kind == "before" and word != "tot" and hit.kind not in ("written_day", "season"):
            kind = "plain"  # "de agenda voor morgen": "for", not "before"
        hit = replace(hit, begin=match.start(), led=True)
        if kind != "plain":
            hit = _open_ended(hit, kind, ctx.today)
        break
    return hit


_TO_NOW_RE = re.compile(r"\s+tot\s+(?:nu(?:\s+toe)?|heden|op\s+heden|vandaag)\b", re.IGNORECASE)


def _to_now(hit: _Hit, ctx: _Context) -> _Hit:
    """ "2024 tot nu toe", "maart tot heden": from the start of the period to today."""
    match = _TO_NOW_RE.match(ctx.question, hit.stop)
    if match is None or hit.kind in ("span", "open") or hit.start > ctx.today:
        return hit
    return replace(hit, stop=match.end(), end=ctx.today, kind="open", exact_day=False, led=True)


def _part(hit: _Hit, kind: str) -> tuple[datetime.date, datetime.date]:
    start = hit.start
    if hit.kind == "month":
        last = hit.end.day
        days = {"part_begin": (1, 10), "part_mid": (11, 20), "part_end": (21, last)}[kind]
        return start.replace(day=days[0]), start.replace(day=days[1])
    months = {"part_begin": (1, 3), "part_mid": (5, 4), "part_end": (10, 3)}[kind]
    return _months_span(start.year, *months)


def _open_ended(hit: _Hit, kind: str, today: datetime.date) -> _Hit:
    if hit.season and hit.default_year and kind in ("before", "after"):
        start, end = _season(hit.season, today.year)  # "voor de zomer": this year's summer
        hit = replace(hit, start=start, end=end)
    if kind == "since":
        start = hit.start
    elif kind == "after":
        start = hit.end + datetime.timedelta(days=1)
    else:
        end = hit.end if kind == "until" else hit.start - datetime.timedelta(days=1)
        return replace(hit, start=OPEN_START, end=end, exact_day=False, kind="open")
    return replace(
        hit, start=start, end=today if start <= today else OPEN_END, exact_day=False, kind="open"
    )


def _candidates(ctx: _Context) -> list[_Hit]:
    hits: list[_Hit] = []
    for pattern, handler in _RULES:
        for match in pattern.finditer(ctx.question):
            try:
                hit = handler(match, ctx)
                if hit is not None:
                    hits.append(_with_leads(hit, ctx))
            except (ValueError, OverflowError):
                continue  # a date outside what datetime can hold (today near year 1 or 9999)
    return hits


def _select(hits: list[_Hit]) -> list[_Hit]:
    """The longest hits that do not overlap, in question order."""
    chosen: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.begin - h.stop, h.begin)):
        if all(hit.stop <= c.begin or hit.begin >= c.stop for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.begin)


def _drop_unled(hits: list[_Hit], question: str) -> list[_Hit]:
    """Bare years and months count only after a lead word, or in a list ("in 2024 en 2025")."""
    kept: list[_Hit] = []
    for hit in hits:
        if hit.needs_lead and not hit.led:
            if not kept or not _CONJ_RE.fullmatch(question[kept[-1].stop : hit.begin]):
                continue
            if kept[-1].kind not in (hit.kind, "open"):
                continue
        kept.append(hit)
    return kept


def _fold(hits: list[_Hit], question: str) -> _Hit:
    best = hits[0]
    for hit in hits[1:]:
        between = question[best.stop : hit.begin]
        if _CONJ_RE.fullmatch(between):
            start, end = min(best.start, hit.start), max(best.end, hit.end)
            best = replace(best, stop=hit.stop, start=start, end=end, kind="span")
            best = replace(best, exact_day=best.exact_day and hit.exact_day and start == end)
        elif best.start <= hit.start and hit.end <= best.end:
            adjacent = _CONNECT_RE.fullmatch(between) is not None
            best = replace(hit, begin=best.begin) if adjacent else hit
        elif (
            hit.start <= best.start
            and best.end <= hit.end
            and _CONNECT_RE.fullmatch(between) is not None
        ):
            best = replace(best, stop=hit.stop)  # "op 20 maart vorig jaar"
    return best
