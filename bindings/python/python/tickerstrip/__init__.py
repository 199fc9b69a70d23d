"""Scraped stock ticker strips parsed into exact, typed quotes.

>>> from tickerstrip import parse, validate
>>> quote = parse("AGL40.13▲ 0.12 (0.00%)")[0]
>>> quote.price
Decimal('40.13')
>>> validate(quote)
['percent-is-fraction']
"""

from collections.abc import Mapping
from decimal import Context, Decimal, Inexact, InvalidOperation

from ._tickerstrip import (
    __version__,
    EVIDENCE,
    FIELD_KINDS,
    FIELDS,
    ParseError,
    Quote,
    QuoteBatch,
    Skipped,
    empty_batch as _empty_batch,
    explain,
    parse,
    quote_batch,
    report,
    scan,
    validate,
)

__all__ = [
    "EVIDENCE",
    "FIELD_KINDS",
    "FIELDS",
    "ParseError",
    "Quote",
    "QuoteBatch",
    "Skipped",
    "arrow_schema",
    "explain",
    "parse",
    "quote_batch",
    "records",
    "report",
    "scan",
    "to_arrow",
    "validate",
]


def _pyarrow():
    try:
        import pyarrow
    except ImportError as missing:
        raise ImportError("this needs pyarrow: pip install 'tickerstrip[arrow]'") from missing
    return pyarrow


def to_arrow(texts, ids=None, *, number_style="auto", symbols=None, min_evidence="shape"):
    """The quotes of many pages as one ``pyarrow.RecordBatch``, a row a quote.

    Pages are scanned on all cores without the GIL. ``texts`` is an
    iterable of ``str`` or ``bytes`` pages (bytes that are not UTF-8 are
    skipped, as the command-line tool skips them); a single page is a
    ``TypeError``, to be given as ``[page]``. ``ids`` names each page with
    an ``int`` or a ``str`` and defaults to the page's index. Quotes whose
    evidence is weaker than ``min_evidence`` (one of ``EVIDENCE``) are left
    out.

    The columns are ``id``, then those of each of ``FIELDS`` in its order,
    by its kind (``FIELD_KINDS``): text a ``string`` column; a decimal a
    ``decimal128(38, 10)`` column and the scale shown in ``<name>_scale``
    (``int8``); the span ``span_start`` and ``span_end`` (``int64``); the
    findings a list of strings. ``records`` gives the rows back as the
    command-line tool's records. Needs pyarrow
    (``pip install 'tickerstrip[arrow]'``); ``quote_batch`` gives the same
    batch to any reader of the Arrow PyCapsule interface.

    >>> row = to_arrow(["AGL40.13▲ 0.12 (0.00%)"]).to_pylist()[0]
    >>> row["price"], row["price_scale"], row["findings"], row["evidence"]
    (Decimal('40.1300000000'), 2, ['percent-is-fraction'], 'arithmetic')
    """
    batch = quote_batch(
        texts, ids, number_style=number_style, symbols=symbols, min_evidence=min_evidence
    )
    return _pyarrow().record_batch(batch)


def arrow_schema(ids=int):
    """The schema of ``to_arrow``'s batches whose ``ids`` are ``int`` or ``str``.

    >>> arrow_schema(str).field("id").type
    DataType(string)
    """
    if ids not in (int, str):
        raise TypeError(f"ids is int or str, not {ids!r}")
    return _pyarrow().schema(_empty_batch(ids is str))


# Room for any decimal128(38, 10) value at any scale shown (at most 28),
# and an error, never a rounding, should a value hold more places.
_EXACT = Context(prec=64, traps=[InvalidOperation, Inexact])


def _shown(value, scale):
    """``value`` with ``scale`` decimal places, as a string, or ``None``."""
    if value is None:
        return None
    return format(Decimal(value).quantize(Decimal(1).scaleb(-scale), context=_EXACT), "f")


def _columns(name, kind):
    """The columns of a ``to_arrow`` batch that hold the field ``name`` of ``kind``."""
    if kind == "decimal":
        return (name, f"{name}_scale")
    if kind == "span":
        return (f"{name}_start", f"{name}_end")
    return (name,)


# How a record shows the value of each kind of field, from its columns.
_SHOW = {
    "text": lambda text: text,
    "decimal": _shown,
    "span": lambda start, end: [start, end],
    "findings": list,
}

# Each field of the record, in its order, with its columns and how it is
# shown; a kind of field this package does not know fails here, at import.
_RECORD = tuple(
    (name, _columns(name, FIELD_KINDS[name]), _SHOW[FIELD_KINDS[name]]) for name in FIELDS
)

# The columns `records` reads from each row.
_COLUMNS = ("id", *(column for _, columns, _ in _RECORD for column in columns))


def records(rows):
    """Rows of a ``to_arrow`` batch as the command-line tool's JSON records.

    ``rows`` is an iterable of mappings, as ``batch.to_pylist()`` gives them
    (or Spark's ``Row.asDict()``); the result is a list, a record a row.
    Each record has the tool's fields, ``FIELDS``, in their order: the
    numbers as strings with the scale the page showed (``"0.00"``),
    ``span`` as ``[start, end]``; then the row's ``id``. A row that is not
    a mapping is a ``TypeError``, one without a column of the batch a
    ``ValueError``; both name the row.

    >>> records(to_arrow(["AGL40.13▲ 0.12 (0.00%)"]).to_pylist())[0]["percent"]
    '0.00'
    """
    if isinstance(rows, Mapping):
        raise TypeError("rows is a single row, not an iterable of rows: pass [rows] for one")
    try:
        rows = iter(rows)
    except TypeError:
        raise TypeError(f"rows is {type(rows).__name__}, not an iterable of rows") from None
    return [_record(at, row) for at, row in enumerate(rows)]


def _record(at, row):
    """The record of ``row``, which is item ``at`` of ``rows``."""
    if not isinstance(row, Mapping):
        raise TypeError(
            f"rows[{at}] is {type(row).__name__}, not a mapping of a to_arrow batch's columns"
        )
    missing = [column for column in _COLUMNS if column not in row]
    if missing:
        raise ValueError(
            f"rows[{at}] has no column {', '.join(map(repr, missing))}; "
            "records reads the rows of a to_arrow batch (batch.to_pylist())"
        )
    record = {name: show(*(row[column] for column in columns)) for name, columns, show in _RECORD}
    record["id"] = row["id"]
    return record

