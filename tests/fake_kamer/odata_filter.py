"""The fake's OData v4 `$filter`: a small parser that turns the text into a predicate over a
record, or refuses it (QueryError, answered 400) - never a filter silently ignored.

Grammar (a subset of OData v4.01 URL conventions, section 5.1.1; keywords lower case):

    expr       := and_expr ('or' and_expr)*
    and_expr   := unary ('and' unary)*
    unary      := 'not' unary | '(' expr ')' | comparison | 'startswith(' Field ',' string ')'
    comparison := Field ('eq'|'ne'|'gt'|'ge'|'lt'|'le') literal
    Field      := a top-level property name [A-Za-z_][A-Za-z0-9_]* (no navigation path, no any())
    literal    := DateTimeOffset | Guid | 'string' ('' is a quote) | true | false | null | integer

Semantics:
- a DateTimeOffset literal needs a time and an offset (`2024-12-01T00:00:00Z`,
  `2024-12-21T09:00:01.0000000Z`, `2024-12-01T08:00:00+01:00`) and compares as a moment, to the
  full written precision (up to 12 fractional digits), with the record's value read as one;
- a Guid compares case-insensitively as text, the order `order_key` in feed.py gives ties;
- strings compare as Python strings; booleans and null with eq/ne only; integers as numbers;
- a null or absent value: `eq` is false and `ne` true against a non-null literal (OData: null
  equals only null), the ordering operators false;
- a value whose type does not fit the literal makes the comparison false (`ne` included).
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Record = Mapping[str, Any]
Predicate = Callable[[Record], bool]
# A moment: the time to the second in UTC, and the fraction of a second in 12 digits.
Moment = tuple[dt.datetime, int]

SUPPORTED = (
    "ondersteund: Veld eq|ne|gt|ge|lt|le waarde, met als waarde een tijd met tijdzone "
    "(2024-12-01T00:00:00Z of 2024-12-01T08:00:00+01:00), een Guid, 'tekst' ('' voor een "
    "aanhalingsteken), true, false, null of een geheel getal; startswith(Veld,'tekst'); "
    "and, or, not en haakjes. Bijvoorbeeld: "
    "ApiGewijzigdOp ge 2024-12-01T00:00:00Z and Verwijderd eq false"
)
OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "gt": operator.gt,
    "ge": operator.ge,
    "lt": operator.lt,
    "le": operator.le,
}
KEYWORDS = frozenset({"and", "or", "not", "true", "false", "null", *OPERATORS})
FUNCTIONS = ("startswith",)
MAX_DEPTH = 32  # nested parentheses and 'not'; deeper is refused rather than recursed into

TOKEN_RE = re.compile(
    r"(?P<space>\s+)"
    r"|(?P<string>'(?:[^']|'')*')"
    r"|(?P<guid>[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12})(?![\w-])"
    r"|(?P<time>\d{4}-\d{2}-\d{2}[\w:.+-]*)"
    r"|(?P<number>-?\d+)(?![\w.:-])"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<punct>[(),/])"
    r"|(?P<other>[^\s(),/']+)"  # anything else: refused where the parser meets it
)
TIME_RE = re.compile(
    r"(?P<base>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(?P<fraction>\d{1,12}))?"
    r"(?P<offset>Z|[+-]\d{2}:\d{2})"
)
OFFSET_RE = re.compile(r"(?:Z|[+-]\d{2}:\d{2})$")
GUID_RE = re.compile(r"[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}")


class QueryError(ValueError):
    """A query the fake (and so the contract) does not support: answered with 400."""


def moment(text: str) -> Moment | None:
    """An ISO 8601 time with offset as a moment, to the full written precision (Python's
    datetime keeps six fractional digits, the API writes seven); None when it is not one."""
    match = TIME_RE.fullmatch(text)
    if match is None:
        return None
    try:
        base = dt.datetime.fromisoformat(match["base"] + match["offset"])
    except ValueError:
        return None
    return base.astimezone(dt.UTC), int((match["fraction"] or "").ljust(12, "0"))


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    position: int


@dataclass(frozen=True)
class Literal:
    kind: str  # "time", "guid", "string", "bool", "null", "int"
    value: Any


@dataclass(frozen=True)
class Filter:
    """A parsed $filter: its text, the predicate, and the property names it reads."""

    text: str
    predicate: Predicate
    fields: frozenset[str]

    def selects(self, record: Record) -> bool:
        return self.predicate(record)


def parse_filter(text: str) -> Filter:
    """The $filter text as a Filter; QueryError (Dutch, naming what was not understood and
    what is supported) for anything outside the grammar above."""
    parser = _Parser(text)
    predicate = parser.parse()
    return Filter(text, predicate, frozenset(parser.fields))


def _problem(text: str, position: int, reason: str) -> QueryError:
    rest = text[position:] if position < len(text) else "(einde)"
    return QueryError(f"$filter niet begrepen: {reason}, bij {rest!r} in {text!r}; {SUPPORTED}")


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        match = TOKEN_RE.match(text, position)
        if match is None:  # only an opening quote without its closing one is left
            raise _problem(text, position, "tekst zonder afsluitend aanhalingsteken")
        kind = str(match.lastgroup)
        if kind != "space":
            tokens.append(Token(kind, match.group(), position))
        position = match.end()
    return tokens


def time_problem(text: str) -> str | None:
    """Why a date-like token is not a DateTimeOffset literal; None when it is one."""
    if moment(text) is not None:
        return None
    if "T" not in text:
        return (
            f"datum zonder tijd {text!r}: een DateTimeOffset heeft een tijd en een tijdzone, "
            "zoals 2024-12-01T00:00:00Z"
        )
    if OFFSET_RE.search(text) is None:
        return (
            f"tijd zonder tijdzone {text!r}: een DateTimeOffset eindigt op Z of een offset "
            "zoals +01:00 (in de URL %2B01:00; een onbeschermde '+' wordt een spatie)"
        )
    return f"ongeldige tijd {text!r}"


def string_value(token: Token) -> str:
    return token.text[1:-1].replace("''", "'")


def coerce(kind: str, value: Any) -> Any:
    """The record's value as the literal's type, or None when it does not fit."""
    if kind == "time":
        return moment(value) if isinstance(value, str) else None
    if kind == "guid":
        fits = isinstance(value, str) and GUID_RE.fullmatch(value)
        return value.lower() if fits else None
    if kind == "string":
        return value if isinstance(value, str) else None
    if kind == "bool":
        return value if isinstance(value, bool) else None
    if kind == "int":
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return value if number else None
    return None


def comparison(field: str, op: str, literal: Literal) -> Predicate:
    compare = OPERATORS[op]

    def predicate(record: Record) -> bool:
        value = record.get(field)
        if literal.kind == "null":
            return (value is None) == (op == "eq")
        if value is None:
            return op == "ne"
        coerced = coerce(literal.kind, value)
        return coerced is not None and compare(coerced, literal.value)

    return predicate


def starts_with(field: str, prefix: str) -> Predicate:
    def predicate(record: Record) -> bool:
        value = record.get(field)
        return isinstance(value, str) and value.startswith(prefix)

    return predicate


def any_of(parts: list[Predicate]) -> Predicate:
    return lambda record: any(part(record) for part in parts)


def all_of(parts: list[Predicate]) -> Predicate:
    return lambda record: all(part(record) for part in parts)


def negation(inner: Predicate) -> Predicate:
    return lambda record: not inner(record)


class _Parser:
    """Recursive descent over the tokens, one method per grammar rule."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0
        self.depth = 0
        self.fields: set[str] = set()

    def problem(self, reason: str, token: Token | None = None) -> QueryError:
        position = token.position if token is not None else len(self.text)
        return _problem(self.text, position, reason)

    def peek(self) -> Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self, wanted: str) -> Token:
        token = self.peek()
        if token is None:
            raise self.problem(f"onverwacht einde, verwacht {wanted}")
        self.index += 1
        return token

    def expect(self, text: str) -> None:
        token = self.take(repr(text))
        if token.text != text:
            raise self.problem(f"verwacht {text!r}, niet {token.text!r}", token)

    def at(self, text: str) -> bool:
        token = self.peek()
        return token is not None and token.kind in ("name", "punct") and token.text == text

    def parse(self) -> Predicate:
        predicate = self.expression()
        token = self.peek()
        if token is not None:
            raise self.problem(f"onverwacht {token.text!r} na een volledige voorwaarde", token)
        return predicate

    def nested(self, rule: Callable[[], Predicate]) -> Predicate:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.problem(f"meer dan {MAX_DEPTH} niveaus van haakjes of 'not'", self.peek())
        try:
            return rule()
        finally:
            self.depth -= 1

    def expression(self) -> Predicate:
        parts = [self.conjunction()]
        while self.at("or"):
            self.index += 1
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else any_of(parts)

    def conjunction(self) -> Predicate:
        parts = [self.unary()]
        while self.at("and"):
            self.index += 1
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else all_of(parts)

    def unary(self) -> Predicate:
        token = self.take("een voorwaarde")
        if token.kind == "name" and token.text == "not":
            return negation(self.nested(self.unary))
        if token.text == "(":
            inner = self.nested(self.expression)
            closing = self.peek()
            if closing is None or closing.text != ")":
                raise self.problem("haakje '(' zonder bijbehorend ')'", closing)
            self.index += 1
            return inner
        if token.kind != "name" or token.text in KEYWORDS:
            raise self.problem(f"verwacht een veld, 'not' of '(', niet {token.text!r}", token)
        if self.at("("):
            return self.function(token)
        return self.comparison(self.field(token))

    def field(self, token: Token) -> str:
        if self.at("/"):
            raise self.problem(
                f"navigatiepad {token.text}/... niet ondersteund: alleen velden van het record "
                "zelf (geen Entiteit/Veld, geen any() of all())",
                token,
            )
        self.fields.add(token.text)
        return token.text

    def function(self, name: Token) -> Predicate:
        if name.text not in FUNCTIONS:
            raise self.problem(f"functie {name.text}() niet ondersteund", name)
        self.expect("(")
        token = self.take("een veld")
        if token.kind != "name" or token.text in KEYWORDS:
            raise self.problem(f"verwacht een veld in startswith(), niet {token.text!r}", token)
        field = self.field(token)
        self.expect(",")
        prefix = self.take("'tekst'")
        if prefix.kind != "string":
            raise self.problem(f"startswith() vraagt 'tekst', niet {prefix.text!r}", prefix)
        self.expect(")")
        return starts_with(field, string_value(prefix))

    def comparison(self, field: str) -> Predicate:
        op = self.take("eq, ne, gt, ge, lt of le")
        if op.kind != "name" or op.text not in OPERATORS:
            raise self.problem(
                f"verwacht eq, ne, gt, ge, lt of le na {field}, niet {op.text!r}", op
            )
        literal = self.literal(f"{field} {op.text}")
        if literal.kind in ("bool", "null") and op.text not in ("eq", "ne"):
            raise self.problem(f"{op.text} met true, false of null; alleen eq en ne", op)
        return comparison(field, op.text, literal)

    def literal(self, after: str) -> Literal:
        token = self.take(f"een waarde na {after!r}")
        if token.kind == "string":
            return Literal("string", string_value(token))
        if token.kind == "guid":
            return Literal("guid", token.text.lower())
        if token.kind == "number":
            return Literal("int", int(token.text))
        if token.kind == "time":
            if (reason := time_problem(token.text)) is not None:
                raise self.problem(reason, token)
            return Literal("time", moment(token.text))
        if token.kind == "name" and token.text in ("true", "false"):
            return Literal("bool", token.text == "true")
        if token.kind == "name" and token.text == "null":
            return Literal("null", None)
        if token.kind == "name":
            raise self.problem(
                f"{token.text!r} is geen waarde (tekst staat tussen enkele aanhalingstekens)", token
            )
        raise self.problem(f"verwacht een waarde na {after!r}, niet {token.text!r}", token)
