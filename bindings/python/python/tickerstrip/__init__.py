"""Scraped stock ticker strips parsed into exact, typed quotes.

>>> from tickerstrip import parse, validate
>>> quote = parse("AGL40.13▲ 0.12 (0.00%)")[0]
>>> quote.price
Decimal('40.13')
>>> validate(quote)
['percent-is-fraction']
"""

from ._tickerstrip import ParseError, Quote, Skipped, explain, parse, report, scan, validate

__all__ = ["ParseError", "Quote", "Skipped", "explain", "parse", "report", "scan", "validate"]
