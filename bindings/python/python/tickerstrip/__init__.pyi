from decimal import Decimal
from typing import Any, Iterable, Literal, Mapping, Optional, TypedDict, Union

import pyarrow

__version__: str

Direction = Literal["up", "down", "unchanged"]
NumberStyle = Literal["auto", "dot", "comma"]
# Strongest first.
Evidence = Literal["arithmetic", "header", "markers", "shape"]
FieldKind = Literal["text", "decimal", "span", "findings"]

# The record's fields, in the order every output writes them.
FIELDS: tuple[str, ...]
# Each field's kind, which says its Arrow columns; read-only.
FIELD_KINDS: Mapping[str, FieldKind]
# The levels of evidence, strongest first.
EVIDENCE: tuple[Evidence, ...]

class ParseError(ValueError):
    """Text that is not a quote where one must be."""

    offset: int
    line: int
    column: int
    quote_index: int

class Quote:
    """One quote: read-only fields, numbers with the scale the page showed."""

    @property
    def symbol(self) -> str: ...
    @property
    def price(self) -> Decimal: ...
    @property
    def direction(self) -> Direction: ...
    @property
    def change(self) -> Optional[Decimal]: ...
    @property
    def percent(self) -> Optional[Decimal]: ...
    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def evidence(self) -> Evidence: ...
    @property
    def name(self) -> Optional[str]: ...
    @property
    def label(self) -> Literal["ticker", "name"]: ...
    @property
    def currency(self) -> Optional[str]: ...
    @property
    def magnitude(self) -> Optional[Literal["k", "M", "B", "T"]]: ...
    @property
    def previous_close(self) -> Optional[Decimal]: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Skipped:
    """Text that holds no quote."""

    @property
    def text(self) -> str: ...
    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def kind(self) -> Literal["text", "truncated", "invalid-utf8"]: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

def parse(
    text: str,
    *,
    number_style: NumberStyle = "auto",
    symbols: Optional[Iterable[str]] = None,
    min_evidence: Evidence = "shape",
) -> list[Quote]: ...
def scan(
    text: str,
    *,
    number_style: NumberStyle = "auto",
    symbols: Optional[Iterable[str]] = None,
    min_evidence: Evidence = "shape",
) -> list[Union[Quote, Skipped]]: ...
def validate(quote: Quote) -> list[str]: ...
def explain(quote: Quote) -> list[str]: ...

class Pattern(TypedDict):
    kind: str
    quotes: int
    of: int

class Report(TypedDict):
    quotes: int
    checkable: int
    checked: int
    uncheckable: int
    findings: dict[str, int]
    pattern: Optional[Pattern]

def report(quotes: Iterable[Union[Quote, Skipped]]) -> Report: ...

class QuoteBatch:
    """The quotes of many pages, for readers of the Arrow PyCapsule interface."""

    def __arrow_c_schema__(self) -> object: ...
    def __arrow_c_array__(self, requested_schema: Optional[object] = None) -> tuple[object, object]: ...
    def __len__(self) -> int: ...

def quote_batch(
    texts: Iterable[Union[str, bytes]],
    ids: Optional[Iterable[Union[int, str]]] = None,
    *,
    number_style: NumberStyle = "auto",
    symbols: Optional[Iterable[str]] = None,
    min_evidence: Evidence = "shape",
) -> QuoteBatch: ...
def to_arrow(
    texts: Iterable[Union[str, bytes]],
    ids: Optional[Iterable[Union[int, str]]] = None,
    *,
    number_style: NumberStyle = "auto",
    symbols: Optional[Iterable[str]] = None,
    min_evidence: Evidence = "shape",
) -> pyarrow.RecordBatch: ...
def arrow_schema(ids: Union[type[int], type[str]] = int) -> pyarrow.Schema: ...
def records(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]: ...
