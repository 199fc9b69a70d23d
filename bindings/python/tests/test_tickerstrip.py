"""The Python package against the crate's conformance files and contract."""

import importlib.metadata
import inspect
import json
import pathlib
import pydoc
import re
import traceback
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
    assert repr(agl) == (
        "Quote(symbol='AGL', price=Decimal('40.13'), direction='up', change=Decimal('0.12'), "
        "percent=Decimal('0.00'), span=(0, 24), evidence='arithmetic', name=None, "
        "label='ticker', currency=None, magnitude=None, previous_close=None)"
    )


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


def test_quotes_and_skipped_text_hash_as_they_compare():
    page = "Markets\nKEL6.34▼ -0.06 (-0.01%)\nRead more\nAGL40.13▲ 0.12 (0.00%)\nEnd"
    first, again = tickerstrip.scan(page), tickerstrip.scan(page)
    assert [type(s).__name__ for s in first] == ["Skipped", "Quote"] * 2 + ["Skipped"]
    assert first == again and first is not again
    assert [hash(a) for a in first] == [hash(b) for b in again]
    # Five different segments: five keys, each found by its equal.
    names = {segment: at for at, segment in enumerate(first)}
    assert [names[segment] for segment in again] == [0, 1, 2, 3, 4]
    assert first[1] != first[3] and first[0] != first[2] and first[0] != first[1]


def test_parse_error_is_named_as_it_is_imported():
    assert repr(tickerstrip.ParseError) == "<class 'tickerstrip.ParseError'>"
    with pytest.raises(tickerstrip.ParseError) as caught:
        tickerstrip.parse("AGL40.13▲ 0.12 (0.00)")
    shown = traceback.format_exception_only(caught.type, caught.value)
    assert shown == [
        "tickerstrip.ParseError: line 1, column 21: expected '%' after percent 0.00, found ')'\n"
    ]


# Each function of the extension module, with the signature help() shows.
SIGNATURES = {
    "parse": "(text, *, number_style='auto', symbols=None, min_evidence='shape')",
    "scan": "(text, *, number_style='auto', symbols=None, min_evidence='shape')",
    "validate": "(quote)",
    "explain": "(quote)",
    "report": "(quotes)",
    "quote_batch": "(texts, ids=None, *, number_style='auto', symbols=None, min_evidence='shape')",
}


@pytest.mark.parametrize("name", SIGNATURES)
def test_help_shows_a_signature_once_then_the_docs(name):
    function = getattr(tickerstrip, name)
    assert str(inspect.signature(function)) == SIGNATURES[name]
    shown = pydoc.render_doc(function, renderer=pydoc.plaintext)
    assert shown.count(f"{name}(") == 1, shown
    assert "--" not in shown, shown
    assert not function.__doc__.startswith(name), function.__doc__


def test_the_version_is_the_installed_package_s():
    assert re.fullmatch(r"\d+\.\d+\.\d+", tickerstrip.__version__)
    assert tickerstrip.__version__ == importlib.metadata.version("tickerstrip")


def test_a_single_page_is_not_an_iterable_of_pages():
    for one in ["AGL40.13▲ 0.12 (0.00%)", b"AGL40.13\xe2\x96\xb2 0.12 (0.00%)"]:
        kind = type(one).__name__
        message = f"texts is a single {kind}, not an iterable of str or bytes: pass [texts] for one"
        # to_arrow raises before it needs pyarrow.
        for convert in [tickerstrip.quote_batch, tickerstrip.to_arrow]:
            with pytest.raises(TypeError) as caught:
                convert(one)
            assert str(caught.value) == message
    assert len(tickerstrip.quote_batch(["AGL40.13▲ 0.12 (0.00%)"])) == 1


STRIP = "N22538,823.91 -123.02 -0.32%"
KEL = tickerstrip.parse("KEL6.34▼ -0.06 (-0.01%)")[0]

# Calls with a bad argument, the error each raises and its exact message.
BAD_ARGUMENTS = [
    pytest.param(
        lambda: tickerstrip.parse(STRIP, symbols="N225"),
        TypeError,
        "symbols is a single str, not an iterable of str: pass [symbols] for one",
        id="symbols-a-str",
    ),
    pytest.param(
        lambda: tickerstrip.scan(STRIP, symbols=["N225", 225]),
        TypeError,
        "symbols[1] is int, not str",
        id="symbols-an-int-item",
    ),
    pytest.param(
        lambda: tickerstrip.parse(STRIP, symbols=225),
        TypeError,
        "symbols is int, not an iterable of str",
        id="symbols-an-int",
    ),
    pytest.param(
        lambda: tickerstrip.parse(STRIP, number_style="roman"),
        ValueError,
        "number_style: unknown number style 'roman' (expected auto, dot or comma)",
        id="number-style-unknown",
    ),
    *(
        pytest.param(
            lambda convert=convert: convert(STRIP, min_evidence="strong"),
            ValueError,
            "min_evidence: unknown evidence 'strong' "
            "(expected arithmetic, header, markers or shape)",
            id=f"min-evidence-unknown-{name}",
        )
        for name, convert in [
            ("parse", tickerstrip.parse),
            ("scan", tickerstrip.scan),
            ("quote_batch", lambda text, **options: tickerstrip.quote_batch([text], **options)),
        ]
    ),
    pytest.param(
        lambda: tickerstrip.report(KEL),
        TypeError,
        "quotes is Quote, not an iterable of Quote or Skipped",
        id="report-one-quote",
    ),
    pytest.param(
        lambda: tickerstrip.report([KEL, "KEL"]),
        TypeError,
        "quotes[1] is str, not Quote or Skipped",
        id="report-a-str-item",
    ),
    pytest.param(
        lambda: tickerstrip.quote_batch(["a"], ids="x"),
        TypeError,
        "ids is a single str, not an iterable of int or str: pass [ids] for one",
        id="ids-a-str",
    ),
    pytest.param(
        lambda: tickerstrip.quote_batch(["a", 1]),
        TypeError,
        "texts[1] is int, not str or bytes",
        id="texts-an-int-item",
    ),
    pytest.param(
        lambda: tickerstrip.records([{"symbol": "KEL", "price": Decimal("6.34")}]),
        ValueError,
        "rows[0] has no column 'id', 'price_scale', 'direction', 'change', 'change_scale', "
        "'percent', 'percent_scale', 'span_start', 'span_end', 'findings', 'evidence', "
        "'name', 'label', 'currency', 'magnitude', 'previous_close', 'previous_close_scale'; "
        "records reads the rows of a to_arrow batch (batch.to_pylist())",
        id="records-a-row-without-columns",
    ),
    pytest.param(
        lambda: tickerstrip.records([KEL]),
        TypeError,
        "rows[0] is Quote, not a mapping of a to_arrow batch's columns",
        id="records-a-quote-item",
    ),
    pytest.param(
        lambda: tickerstrip.records({"id": 0}),
        TypeError,
        "rows is a single row, not an iterable of rows: pass [rows] for one",
        id="records-one-row",
    ),
    pytest.param(
        lambda: tickerstrip.records(7),
        TypeError,
        "rows is int, not an iterable of rows",
        id="records-an-int",
    ),
]


@pytest.mark.parametrize("call,error,message", BAD_ARGUMENTS)
def test_a_bad_argument_is_named_with_what_it_takes(call, error, message):
    with pytest.raises(error) as caught:
        call()
    assert caught.type is error
    assert str(caught.value) == message


# A row as `to_arrow(...).to_pylist()` gives it, and the record it stands for.
ROW = {
    "id": "page.txt",
    "symbol": "KEL",
    "label": "ticker",
    "price": Decimal("6.3400000000"),
    "price_scale": 2,
    "change": Decimal("-0.0600000000"),
    "change_scale": 2,
    "percent": Decimal("-0.0100000000"),
    "percent_scale": 2,
    "direction": "down",
    "currency": None,
    "magnitude": None,
    "span_start": 0,
    "span_end": 25,
    "findings": ["percent-is-fraction"],
    "evidence": "arithmetic",
    "name": None,
    "previous_close": None,
    "previous_close_scale": None,
}


# The record `tickerstrip --format jsonl` writes for that quote.
KEL_RECORD = (
    '{"symbol":"KEL","price":"6.34","direction":"down","change":"-0.06","percent":"-0.01",'
    '"span":[0,25],"findings":["percent-is-fraction"],"evidence":"arithmetic","name":null,'
    '"label":"ticker","currency":null,"magnitude":null,"previous_close":null}'
)


def test_records_gives_a_list_of_the_tool_s_records():
    got = tickerstrip.records(iter([ROW, ROW]))
    assert isinstance(got, list)
    record = json.loads(KEL_RECORD)
    assert got == [{**record, "id": "page.txt"}] * 2
    assert list(got[0]) == [*record, "id"]
    assert tickerstrip.records([]) == []


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


def test_report_takes_what_scan_gives_and_counts_its_quotes():
    segments = tickerstrip.scan(SEED_PAGE)
    quotes = [s for s in segments if isinstance(s, tickerstrip.Quote)]
    assert len(segments) > len(quotes) == 30
    assert tickerstrip.report(segments) == tickerstrip.report(quotes)
    assert tickerstrip.report(iter(segments))["quotes"] == 30


LUMEN = "Bank of Lumen (BLMN) 12.40 +0.20 (+1.64%)"
CHANGE_ONLY = (CONFORMANCE / "change-only.txt").read_text(encoding="utf-8")


def test_the_fields_are_the_record_s_in_order_each_with_its_kind():
    assert tickerstrip.FIELDS == (
        "symbol", "price", "direction", "change", "percent", "span", "findings",
        "evidence", "name", "label", "currency", "magnitude", "previous_close",
    )  # fmt: skip
    assert tuple(tickerstrip.FIELD_KINDS) == tickerstrip.FIELDS
    decimals = [name for name, kind in tickerstrip.FIELD_KINDS.items() if kind == "decimal"]
    assert decimals == ["price", "change", "percent", "previous_close"]
    assert tickerstrip.FIELD_KINDS["span"] == "span"
    assert tickerstrip.FIELD_KINDS["findings"] == "findings"
    assert tickerstrip.FIELD_KINDS["evidence"] == tickerstrip.FIELD_KINDS["name"] == "text"
    with pytest.raises(TypeError):
        tickerstrip.FIELD_KINDS["price"] = "text"


# What a quote attribute holds, by the kind of its field.
ATTRIBUTE_TYPES = {"text": (str, type(None)), "decimal": (Decimal, type(None)), "span": tuple}


def test_every_field_but_the_findings_is_an_attribute_of_quote_and_no_other_is():
    fields = [name for name in tickerstrip.FIELDS if name != "findings"]
    properties = [
        name
        for name, value in vars(tickerstrip.Quote).items()
        if inspect.isgetsetdescriptor(value) or isinstance(value, property)
    ]
    assert sorted(properties) == sorted(fields)
    segments = tickerstrip.scan(f"{SEED_PAGE}\n{LUMEN}")
    quotes = [s for s in segments if isinstance(s, tickerstrip.Quote)]
    assert quotes[-1].name == "Bank of Lumen"
    for quote in quotes:
        for name in fields:
            kind = tickerstrip.FIELD_KINDS[name]
            assert isinstance(getattr(quote, name), ATTRIBUTE_TYPES[kind]), (quote, name)
        # The repr shows the same fields, in the record's order.
        assert re.findall(r"(\w+)=", repr(quote)) == fields


def test_a_name_shown_with_its_code_is_the_quote_s_name_and_the_code_its_symbol():
    [quote] = tickerstrip.parse(LUMEN)
    assert (quote.symbol, quote.name, quote.label) == ("BLMN", "Bank of Lumen", "ticker")
    assert (quote.price, quote.change, quote.percent) == (
        Decimal("12.40"), Decimal("0.20"), Decimal("1.64")
    )
    assert quote.evidence == "arithmetic"
    assert "name='Bank of Lumen'" in repr(quote)
    assert tickerstrip.parse("KEL6.34▼ -0.06 (-0.01%)")[0].name is None


def test_evidence_names_what_made_the_reader_believe_each_quote():
    assert tickerstrip.EVIDENCE == ("arithmetic", "header", "markers", "shape")
    quotes = [s for s in tickerstrip.scan(CHANGE_ONLY) if isinstance(s, tickerstrip.Quote)]
    evidence = {quote.symbol: quote.evidence for quote in quotes}
    # A sign marks the change of ABOT and AICL; 555 and AGHA show none.
    assert [evidence[symbol] for symbol in ["ABOT", "AICL", "555", "AGHA"]] == [
        "markers", "markers", "shape", "shape",
    ]  # fmt: skip
    seen = {
        segment.evidence
        for _, text in utf8_inputs()
        for segment in tickerstrip.scan(text)
        if isinstance(segment, tickerstrip.Quote)
    }
    assert seen == set(tickerstrip.EVIDENCE)


@pytest.mark.parametrize("level", ["arithmetic", "header", "markers", "shape"])
def test_min_evidence_keeps_the_quotes_at_least_that_strong(level):
    rank = tickerstrip.EVIDENCE.index
    for path, text in utf8_inputs():
        segments = tickerstrip.scan(text, min_evidence=level)
        kept = [s for s in segments if isinstance(s, tickerstrip.Quote)]
        every = [s for s in tickerstrip.scan(text) if isinstance(s, tickerstrip.Quote)]
        assert kept == [q for q in every if rank(q.evidence) <= rank(level)], path.name
        # What a quote left out held is skipped text: the text is all there.
        assert sum(s.span[1] - s.span[0] for s in segments) == len(text.encode())


def test_min_evidence_in_a_strict_parse_makes_a_weaker_quote_an_error():
    assert len(tickerstrip.parse(CHANGE_ONLY, min_evidence="shape")) == 6
    assert tickerstrip.parse(CHANGE_ONLY) == tickerstrip.parse(CHANGE_ONLY, min_evidence="shape")
    with pytest.raises(tickerstrip.ParseError) as caught:
        tickerstrip.parse(CHANGE_ONLY, min_evidence="markers")
    assert (caught.value.line, caught.value.column) == (1, 1)
    assert tickerstrip.parse(LUMEN, min_evidence="arithmetic")[0].symbol == "BLMN"
