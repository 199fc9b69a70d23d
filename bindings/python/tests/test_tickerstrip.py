"""The Python package against the crate's conformance files and contract."""

import json
import pathlib
from decimal import Decimal

import pytest

import tickerstrip

CONFORMANCE = pathlib.Path(__file__).resolve().parents[3] / "tests" / "data" / "conformance"
SEED_PAGE = (CONFORMANCE / "seed-page.txt").read_text(encoding="utf-8")


def record(quote):
    """A quote's fields as the conformance `.jsonl` files write them."""
    show = lambda value: None if value is None else str(value)
    return {
        "symbol": quote.symbol,
        "price": str(quote.price),
        "direction": quote.direction,
        "change": show(quote.change),
        "percent": show(quote.percent),
        "span": list(quote.span),
        "findings": tickerstrip.validate(quote),
    }


def utf8_inputs():
    for path in sorted(CONFORMANCE.glob("*.txt")):
        try:
            yield path, path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # the input that is not UTF-8 on purpose


@pytest.mark.parametrize("path,text", list(utf8_inputs()), ids=lambda p: getattr(p, "stem", ""))
def test_conformance_files_give_their_records(path, text):
    expected = [
        json.loads(line)
        for line in path.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    quotes = [s for s in tickerstrip.scan(text) if isinstance(s, tickerstrip.Quote)]
    got = [record(quote) for quote in quotes]
    fields = ["symbol", "price", "direction", "change", "percent", "span", "findings"]
    assert [{k: r[k] for k in fields} for r in got] == [
        {k: r[k] for k in fields} for r in expected
    ]


def test_the_seed_page_names_the_fraction_percents():
    quotes = [s for s in tickerstrip.scan(SEED_PAGE) if isinstance(s, tickerstrip.Quote)]
    assert len(quotes) == 30
    agl = quotes[0]
    assert agl.price == Decimal("40.13") and str(agl.percent) == "0.00"
    assert tickerstrip.validate(agl) == ["percent-is-fraction"]
    assert tickerstrip.explain(agl) == [
        "AGL: percent 0.00 matches change/previous close as a fraction (0.0030); "
        "as a percent it would be 0.30"
    ]
    assert repr(agl).startswith("Quote(symbol=\"AGL\", price=Decimal('40.13')")


def test_segments_join_to_the_text():
    segments = tickerstrip.scan(SEED_PAGE)
    pieces = [
        s.text if isinstance(s, tickerstrip.Skipped) else SEED_PAGE.encode()[s.span[0] : s.span[1]].decode()
        for s in segments
    ]
    assert "".join(pieces) == SEED_PAGE


def test_parse_errors_say_where():
    with pytest.raises(tickerstrip.ParseError) as caught:
        tickerstrip.parse("AGL40.13▲ 0.12 (0.00)")
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.line, error.column, error.offset) == (1, 21, 22)
    assert str(error) == "line 1, column 21: expected '%' after percent 0.00, found ')'"


def test_options_are_keywords():
    text = "DAX 19 012,44 +85,10 (+0,45 %)"
    assert tickerstrip.parse(text, number_style="comma")[0].price == Decimal("19012.44")
    with pytest.raises(ValueError):
        tickerstrip.parse(text, number_style="roman")
    strip = "N22538,823.91 -123.02 -0.32%"
    assert tickerstrip.parse(strip, symbols=["N225"])[0].symbol == "N225"


def test_quotes_are_frozen():
    quote = tickerstrip.parse("KEL6.34▼ -0.06 (-0.01%)")[0]
    with pytest.raises(AttributeError):
        quote.price = Decimal("1")
    assert quote == tickerstrip.parse("KEL6.34▼ -0.06 (-0.01%)")[0]


def test_report_counts_findings_and_names_the_pattern():
    quotes = [s for s in tickerstrip.scan(SEED_PAGE) if isinstance(s, tickerstrip.Quote)]
    totals = tickerstrip.report(quotes)
    assert totals == {
        "quotes": 30,
        "checkable": 30,
        "checked": 30,
        "uncheckable": 0,
        "findings": {"percent-is-fraction": 29, "direction-mismatch": 1},
        "pattern": {"kind": "percent-is-fraction", "quotes": 29, "of": 30},
    }
    assert tickerstrip.report([])["pattern"] is None
