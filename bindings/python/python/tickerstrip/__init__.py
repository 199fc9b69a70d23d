"""Scraped stock ticker strips parsed into exact, typed quotes.

>>> from tickerstrip import parse, validate
>>> quote = parse("AGL40.13▲ 0.12 (0.00%)")[0]
>>> quote.price
Decimal('40.13')
>>> validate(quote)
['percent-is-fraction']
"""

from decimal import Context, Decimal, Inexact, InvalidOperation

from ._tickerstrip import (
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


def to_arrow(texts, ids=None, *, number_style="auto", symbols=None):
    """The quotes of many pages as one ``pyarrow.RecordBatch``, a row a quote.

    Pages are scanned on all cores without the GIL. ``texts`` holds ``str``
    or ``bytes`` pages (bytes that are not UTF-8 are skipped, as the
    command-line tool skips them); ``ids`` names each page with an ``int``
    or a ``str`` and defaults to the page's index. Numbers are
    ``decimal128(38, 10)`` with the scale shown in a ``*_scale`` column;
    ``records`` gives them back as shown. Needs pyarrow
    (``pip install 'tickerstrip[arrow]'``); ``quote_batch`` gives the same
    batch to any reader of the Arrow PyCapsule interface.

    >>> row = to_arrow(["AGL40.13▲ 0.12 (0.00%)"]).to_pylist()[0]
    >>> row["price"], row["price_scale"], row["findings"]
    (Decimal('40.1300000000'), 2, ['percent-is-fraction'])
    """
    batch = quote_batch(texts, ids, number_style=number_style, symbols=symbols)
    return _pyarrow().record_batch(batch)


def arrow_schema(ids=int):
    """The schema of ``to_arrow``'s batches whose ``ids`` are ``int`` or ``str``.

    >>> arrow_schema(str).field("id").type
    DataType(string)
    """
    if ids not in (int, str):
        raise TypeError(f"ids is int or str, not {ids!r}")
    return _pyarrow().schema(_empty_batch(ids is str))


# The fields of the command-line tool's records, in its order.
_RECORD = (
    "symbol",
    "price",
    "direction",
    "change",
    "percent",
    "span",
    "findings",
    "label",
    "currency",
    "magnitude",
    "previous_close",
)
_NUMBERS = ("price", "change", "percent", "previous_close")


def records(rows):
    """Rows of a ``to_arrow`` batch as the command-line tool's JSON records.

    ``rows`` are mappings, as ``batch.to_pylist()`` gives them (or Spark's
    ``Row.asDict()``). Each record has the tool's fields in its order: the
    numbers as strings with the scale the page showed (``"0.00"``),
    ``span`` as ``[start, end]``; then the row's ``id``.

    >>> next(records(to_arrow(["AGL40.13▲ 0.12 (0.00%)"]).to_pylist()))["percent"]
    '0.00'
    """
    for row in rows:
        record = {}
        for name in _RECORD:
            if name in _NUMBERS:
                record[name] = _shown(row[name], row[f"{name}_scale"])
            elif name == "span":
                record[name] = [row["span_start"], row["span_end"]]
            else:
                record[name] = row[name]
        record["findings"] = list(record["findings"])
        record["id"] = row["id"]
        yield record


# Room for any decimal128(38, 10) value at any scale shown (at most 28),
# and an error, never a rounding, should a value hold more places.
_EXACT = Context(prec=64, traps=[InvalidOperation, Inexact])


def _shown(value, scale):
    """``value`` with ``scale`` decimal places, as a string, or ``None``."""
    if value is None:
        return None
    return format(Decimal(value).quantize(Decimal(1).scaleb(-scale), context=_EXACT), "f")
