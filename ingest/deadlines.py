"""Dates in commitment sentences: the deadline a promise sets and the day a reported one was made.

"voor de zomer" ends 1 July, "in het eerste kwartaal" is January-March; a follow-up sentence may
name a month on its own ("U hoort dat half mei."). Relative words are read against a reference
date, normally the date of the document or of the commitment.
"""

from __future__ import annotations

import datetime as dt
import re

from ingest.extract import MONTHS, find_dates

_I = re.IGNORECASE
MONTH_NAMES = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
)
_YEAR_WORD = r"(?P<year>(?:19|20)\d\d|dit\s+jaar|volgend\s+jaar|het\s+komende\s+jaar)"
_SEASONS = {"voorjaar": (3, 5), "lente": (3, 5), "zomer": (6, 8), "najaar": (9, 11)}
_QUARTERS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4}


def _year(word: str | None, ref: dt.date | None) -> int | None:
    if word and word[0].isdigit():
        return int(word)
    if ref is None:
        return None
    return (
        ref.year + 1 if word and word.lower().startswith(("volgend", "het komende")) else ref.year
    )


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _span(year: int | None, first: int, last: int) -> tuple[dt.date | None, dt.date | None]:
    if year is None:
        return None, None
    return dt.date(year, first, 1), _month_end(year, last)


def deadline(sentence: str, ref: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """(start, end) of the deadline written in `sentence`, relative to `ref`; (None, None) if none.

    "voor de zomer" ends 1 July, "rond de zomer" is June-August, "binnen drie weken" and "over
    een paar maanden" count from `ref`, "voor 1 juni" ends 31 May, "in februari" is that month,
    "eind 2024" October-December, "begin 2025" January-March, "medio 2018" May-August, "in het
    eerste kwartaal" January-March, "dit najaar" September-November. "binnenkort" is no
    deadline.
    """
    match = re.search(
        rf"\bvoor\s+(?:de\s+)?zomer(?:reces)?(?:\s+(?:van\s+)?{_YEAR_WORD})?", sentence, _I
    )
    if match:
        year = _year(match["year"], ref)
        return None, (dt.date(year, 7, 1) if year else None)
    match = re.search(
        rf"\bvoor\s+(?:het\s+)?(?:eind(?:e)?|kerstreces)(?:\s+van)?\s+{_YEAR_WORD}?", sentence, _I
    )
    if match:
        year = _year(match["year"], ref)
        return None, (dt.date(year, 12, 31) if year else None)
    match = re.search(r"\b(?:rond|omstreeks)\s+de\s+zomer\b", sentence, _I)
    if match and ref is not None:
        return _span(ref.year + (ref.month > 8), 6, 8)
    within = _within(sentence, ref)
    if within is not None:
        return None, within
    for text, date, offset in find_dates(sentence, ref):
        before = sentence[max(0, offset - 14) : offset].lower()
        if ref is not None and date < ref and not re.search(r"\d{4}", text):
            date = find_dates(text, ref.replace(year=ref.year + 1, day=min(ref.day, 28)))[-1][1]
        if re.search(r"\b(?:voor|vóór)\s+$", before):
            return None, date - dt.timedelta(days=1)
        if re.search(r"\b(?:uiterlijk|niet\s+later\s+dan)(?:\s+op)?\s+$", before) and text:
            return None, date
    match = re.search(
        rf"\b(?P<w>eind|einde|begin|medio|halverwege)\s+(?:van\s+)?{_YEAR_WORD}", sentence, _I
    )
    if match:
        months = {"eind": (10, 12), "einde": (10, 12), "begin": (1, 3)}.get(
            match["w"].lower(), (5, 8)
        )
        return _span(_year(match["year"], ref), *months)
    match = re.search(
        rf"\b(?P<q>eerste|tweede|derde|vierde)\s+kwartaal(?:\s+van\s+{_YEAR_WORD})?", sentence, _I
    )
    if match:
        quarter = _QUARTERS[match["q"].lower()]
        return _span(_year(match["year"], ref), 3 * quarter - 2, 3 * quarter)
    match = re.search(
        rf"\b(?:dit|deze|het|in\s+het|komend)\s+(?P<s>voorjaar|lente|zomer|najaar)"
        rf"(?:\s+(?:van\s+)?{_YEAR_WORD})?",
        sentence,
        _I,
    )
    if match:
        return _span(_year(match["year"], ref), *_SEASONS[match["s"].lower()])
    match = re.search(
        rf"\bin\s+(?:de\s+maand\s+)?(?P<m>{MONTH_NAMES})\b(?:\s+(?P<year>(?:19|20)\d\d))?(?!\s*\d)",
        sentence,
        _I,
    )
    if match:
        month = MONTHS[match["m"].lower()]
        year = _year(match["year"], ref)
        if year is not None and match["year"] is None and ref is not None and month < ref.month:
            year += 1
        return _span(year, month, month)
    return None, None


# "een paar", "enkele" and "een aantal" weeks or months: read as three, the far end.
_COUNTS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "acht": 8, "tien": 10}
_SOME = r"een\s+paar|enkele|een\s+aantal|een\s+(?:\w+\s+)?tal"


def _within(sentence: str, ref: dt.date | None) -> dt.date | None:
    """The end of "binnen drie weken", "over een paar maanden", "binnen zes maanden" from `ref`."""
    if ref is None:
        return None
    match = re.search(
        rf"\b(?:binnen|over)\s+(?P<n>\d{{1,2}}|{_SOME}|{'|'.join(_COUNTS)})\s+"
        r"(?P<unit>weken|week|maanden|maand)\b",
        sentence,
        _I,
    )
    if match is None:
        return None
    written = match["n"].lower()
    count = int(written) if written.isdigit() else _COUNTS.get(written, 3)
    if match["unit"].lower() in ("week", "weken"):
        return ref + dt.timedelta(weeks=count)
    month = ref.month - 1 + count
    year, month = ref.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(ref.day, _month_end(year, month).day))


def detail_deadline(sentence: str, ref: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """The deadline a follow-up sentence sets. Besides what `deadline` reads, a month on its own
    counts there ("U hoort dat half mei.", "Mag ik er juni van maken?"): the promise is known."""
    start, end = deadline(sentence, ref)
    if end is not None or ref is None:
        return start, end
    match = re.search(rf"\b(?P<m>{MONTH_NAMES})\b(?!\s*\d)", sentence, _I)
    if match is None:
        return None, None
    month = MONTHS[match["m"].lower()]
    return _span(ref.year + (month < ref.month), month, month)


def made_on_date(sentence: str, ref: dt.date | None) -> dt.date | None:
    """The first date in the sentence that is no deadline and not after `ref`."""
    for _, date, offset in find_dates(sentence, ref):
        before = sentence[max(0, offset - 14) : offset].lower()
        if re.search(
            r"\b(?:voor|vóór|uiterlijk|na|per|deadline(?:\s+van)?|termijn(?:\s+van)?)\s+$", before
        ):
            continue
        if ref is None or date <= ref:
            return date
    return None
