"""`to_arrow`: many pages into one Arrow batch, its schema, ids and limits."""

import doctest
import json
import pathlib
import re
import threading
import time
from decimal import Decimal

import pytest

import tickerstrip

pa = pytest.importorskip(
    "pyarrow", reason="to_arrow needs pyarrow: pip install './bindings/python[arrow]'"
)

CONFORMANCE = pathlib.Path(__file__).resolve().parents[3] / "tests" / "data" / "conformance"
INPUTS = sorted(CONFORMANCE.glob("*.txt"))
# The fields the conformance files' `.jsonl` records hold.
CONFORMANCE_FIELDS = ["symbol", "price", "direction", "change", "percent", "span", "findings"]


def expected_records(path):
    lines = path.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def only(fields, rows):
    return [{k: row[k] for k in fields} for row in rows]


def test_every_conformance_file_gives_its_records_through_one_batch():
    pages = [path.read_bytes() for path in INPUTS]
    batch = tickerstrip.to_arrow(pages, ids=[path.name for path in INPUTS])
    got = tickerstrip.records(batch.to_pylist())
    for path in INPUTS:
        rows = [row for row in got if row["id"] == path.name]
        expected = only(CONFORMANCE_FIELDS, expected_records(path))
        assert only(CONFORMANCE_FIELDS, rows) == expected, path.name
    assert len(got) == sum(len(expected_records(path)) for path in INPUTS)


def test_str_and_bytes_pages_give_the_same_rows():
    texts = []
    for path in INPUTS:
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
    as_str = tickerstrip.to_arrow(texts)
    as_bytes = tickerstrip.to_arrow([text.encode() for text in texts])
    assert as_str.num_rows > 100
    assert as_str.equals(as_bytes)


def test_the_schema_has_the_documented_columns_and_no_unsigned_types():
    schema = tickerstrip.to_arrow(["AGL40.13▲ 0.12 (0.00%)"]).schema
    decimal = pa.decimal128(38, 10)
    # Name, type and whether it may be null, in the record's order; a
    # decimal's value is null where the column cannot hold it exactly.
    assert [(f.name, f.type, f.nullable) for f in schema] == [
        ("id", pa.int64(), False),
        ("symbol", pa.string(), False),
        ("price", decimal, True),
        ("price_scale", pa.int8(), False),
        ("direction", pa.string(), False),
        ("change", decimal, True),
        ("change_scale", pa.int8(), True),
        ("percent", decimal, True),
        ("percent_scale", pa.int8(), True),
        ("span_start", pa.int64(), False),
        ("span_end", pa.int64(), False),
        ("findings", pa.list_(pa.field("item", pa.string(), nullable=False)), False),
        ("evidence", pa.string(), False),
        ("name", pa.string(), True),
        ("label", pa.string(), False),
        ("currency", pa.string(), True),
        ("magnitude", pa.string(), True),
        ("previous_close", decimal, True),
        ("previous_close_scale", pa.int8(), True),
    ]
    assert not any(pa.types.is_unsigned_integer(f.type) for f in schema)
    assert tickerstrip.arrow_schema(int) == schema
    assert tickerstrip.arrow_schema(str).field("id").type == pa.string()
    with pytest.raises(TypeError):
        tickerstrip.arrow_schema(float)


# The columns of a field of each kind, as the README lists them.
KIND_COLUMNS = {
    "text": lambda name: [name],
    "decimal": lambda name: [name, f"{name}_scale"],
    "span": lambda name: [f"{name}_start", f"{name}_end"],
    "findings": lambda name: [name],
}


def test_the_columns_follow_the_record_s_fields():
    schema = tickerstrip.arrow_schema(str)
    columns = [
        column
        for name, kind in tickerstrip.FIELD_KINDS.items()
        for column in KIND_COLUMNS[kind](name)
    ]
    assert schema.names == ["id", *columns]
    assert list(tickerstrip.FIELD_KINDS) == list(tickerstrip.FIELDS)


def test_evidence_and_name_are_columns_and_record_fields():
    pages = [
        "Bank of Lumen (BLMN) 12.40 +0.20 (+1.64%)",
        "KQ4.12+6.74%",
        "555 7.120000 0.33 | ABOT 812.000000 -4.10 | AGHA 11.870000 0.12",
    ]
    batch = tickerstrip.to_arrow(pages)
    assert batch.column("name").to_pylist() == ["Bank of Lumen", None, None, None, None]
    assert batch.column("evidence").to_pylist() == [
        "arithmetic", "markers", "shape", "markers", "shape",
    ]  # fmt: skip
    [lumen, *_] = tickerstrip.records(batch.to_pylist())
    shown = (lumen["symbol"], lumen["name"], lumen["evidence"])
    assert shown == ("BLMN", "Bank of Lumen", "arithmetic")
    assert list(lumen) == [*tickerstrip.FIELDS, "id"]


def test_min_evidence_leaves_the_weaker_quotes_out_of_the_batch():
    pages = [path.read_bytes() for path in INPUTS]
    every = tickerstrip.to_arrow(pages)
    rank = tickerstrip.EVIDENCE.index
    for level in tickerstrip.EVIDENCE:
        kept = tickerstrip.to_arrow(pages, min_evidence=level)
        evidence = every.column("evidence").to_pylist()
        strong = [rank(shown) <= rank(level) for shown in evidence]
        assert kept.equals(every.filter(pa.array(strong))), level
    assert tickerstrip.to_arrow(pages, min_evidence="shape").equals(every)
    assert set(every.column("evidence").to_pylist()) == set(tickerstrip.EVIDENCE)
    with pytest.raises(ValueError, match="min_evidence: unknown evidence 'strong'"):
        tickerstrip.to_arrow(pages, min_evidence="strong")


def test_decimals_keep_their_value_and_their_scale():
    batch = tickerstrip.to_arrow(["AGL40.13▲ 0.12 (0.00%) btc$71.4k+1.2%"])
    row = batch.to_pylist()[0]
    assert (row["price"], row["price_scale"]) == (Decimal("40.13"), 2)
    assert (row["percent"], row["percent_scale"]) == (Decimal(0), 2)
    [record] = tickerstrip.records([row])
    assert (record["price"], record["percent"], record["span"]) == ("40.13", "0.00", [0, 24])
    btc = tickerstrip.records(batch.to_pylist())[1]
    assert (btc["price"], btc["magnitude"], btc["currency"]) == ("71400", "k", "$")


def test_a_value_the_column_cannot_hold_exactly_is_null_never_rounded():
    batch = tickerstrip.to_arrow(["ABC1.123456789012 +0.1 (1%)", "DEF1.12345678900 +0.1 (1%)"])
    rows = batch.to_pylist()
    assert (rows[0]["price"], rows[0]["price_scale"]) == (None, 12)
    assert rows[0]["change"] == Decimal("0.1")
    assert (rows[1]["price"], rows[1]["price_scale"]) == (Decimal("1.123456789"), 11)
    assert tickerstrip.records(rows[1:])[0]["price"] == "1.12345678900"


def test_records_show_values_of_every_width_the_columns_hold():
    # The widest price, and one of the ten places the column holds (its
    # previous close is not zero: a quote whose change is all its price
    # is not read).
    text = "ABC1234567890123456789012345678.9 +0.1 (1%) DEF0.0000000002 +0.0000000001 (100%)"
    rows = tickerstrip.to_arrow([text]).to_pylist()
    prices = [record["price"] for record in tickerstrip.records(rows)]
    assert prices == ["1234567890123456789012345678.9", "0.0000000002"]


def test_ids_name_pages_by_index_int_or_str():
    pages = ["AGL40.13▲ 0.12 (0.00%)", "no quotes", "KEL6.34▼ -0.06 (-0.01%) KQ4.12+6.74%"]
    assert tickerstrip.to_arrow(pages).column("id").to_pylist() == [0, 2, 2]
    assert tickerstrip.to_arrow(pages, ids=[7, 8, 9]).column("id").to_pylist() == [7, 9, 9]
    named = tickerstrip.to_arrow(pages, ids=["a", "b", "c"])
    assert named.column("id").to_pylist() == ["a", "c", "c"]
    assert named.column("span_start").to_pylist() == [0, 0, 26]  # byte offsets: ▼ is 3 bytes
    assert tickerstrip.to_arrow(iter(pages), ids=iter("abc")).equals(named)


def test_bad_arguments_are_errors_that_say_which_item():
    with pytest.raises(ValueError, match="2 ids for 3 texts"):
        tickerstrip.to_arrow(["a", "b", "c"], ids=[1, 2])
    with pytest.raises(TypeError, match=r"ids\[1\]"):
        tickerstrip.to_arrow(["a", "b"], ids=["x", 2])
    with pytest.raises(TypeError, match=r"ids\[1\]"):
        tickerstrip.to_arrow(["a", "b"], ids=[1, "x"])
    with pytest.raises(TypeError, match=r"ids\[0\]"):
        tickerstrip.to_arrow(["a"], ids=[2**70])
    with pytest.raises(TypeError, match=r"texts\[1\] is int"):
        tickerstrip.to_arrow(["a", 3])
    with pytest.raises(ValueError, match="number style"):
        tickerstrip.to_arrow(["a"], number_style="roman")


def test_options_reach_every_page():
    pages = ["DAX18.310,42 +95,10 +0,52%"] * 3
    batch = tickerstrip.to_arrow(pages, number_style="comma")
    assert batch.column("price").to_pylist() == [Decimal("18310.42")] * 3
    glued = tickerstrip.to_arrow(["N22538,823.91 +1.00 (0.00%)"], symbols=["N225"])
    assert glued.column("symbol").to_pylist() == ["N225"]


def test_no_pages_give_an_empty_batch():
    assert tickerstrip.to_arrow([]).num_rows == 0
    assert len(tickerstrip.quote_batch([])) == 0


def test_the_batch_is_read_through_the_capsule_interface_without_pyarrow_calls():
    batch = tickerstrip.quote_batch(["AGL40.13▲ 0.12 (0.00%)"])
    assert repr(batch) == "QuoteBatch(rows=1)"
    table = pa.table(batch)
    assert table.column("symbol").to_pylist() == ["AGL"]


def test_the_gil_is_released_while_pages_are_scanned():
    # The main thread runs Python code while another thread is inside
    # `to_arrow`. Were the GIL held while pages are scanned, the main
    # thread would stall for the whole scan: its longest stall would be
    # most of the call. Released, it stalls only while the other thread
    # runs Python code, for a switch interval at a time.
    pages = [(CONFORMANCE / "seed-page.txt").read_text(encoding="utf-8")] * 4000
    call = []

    def convert():
        begin = time.perf_counter()
        rows = tickerstrip.to_arrow(pages).num_rows
        call.append((rows, time.perf_counter() - begin))

    worker = threading.Thread(target=convert)
    longest_stall, last = 0.0, time.perf_counter()
    worker.start()
    while worker.is_alive():
        now = time.perf_counter()
        longest_stall, last = max(longest_stall, now - last), now
    worker.join()
    [(rows, seconds)] = call
    assert rows == 120_000
    assert longest_stall < seconds / 3, (longest_stall, seconds)


def test_threads_share_the_module_and_agree():
    pages = [path.read_bytes() for path in INPUTS] * 20
    expected = tickerstrip.to_arrow(pages)
    results = [None] * 4

    def convert(at):
        results[at] = tickerstrip.to_arrow(pages)

    threads = [threading.Thread(target=convert, args=(at,)) for at in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result.equals(expected) for result in results)


def test_a_64_mib_archive_goes_through_in_one_batch():
    pages = [path.read_bytes() for path in INPUTS]
    rows_each = [len(expected_records(path)) for path in INPUTS]
    archive, size = [], 0
    while size < 64 * 1024 * 1024:
        archive.extend(pages)
        size += sum(len(page) for page in pages)
    batch = tickerstrip.to_arrow(archive)
    rounds = len(archive) // len(pages)
    assert batch.num_rows == rounds * sum(rows_each)
    # The last round's rows are those of the files on their own.
    ids = batch.column("id").to_pylist()
    last = batch.slice(ids.index(len(archive) - len(pages)))
    alone = tickerstrip.to_arrow(pages)
    assert last.drop_columns(["id"]).equals(alone.drop_columns(["id"]))


def test_the_package_docs_run():
    result = doctest.testmod(tickerstrip)
    assert result.attempted >= 4 and result.failed == 0


def test_the_readme_lists_each_field_under_its_kind():
    readme = pathlib.Path(__file__).resolve().parents[1] / "README.md"
    lines = readme.read_text(encoding="utf-8").splitlines()
    rows = [line for line in lines if line.startswith("| ")]
    listed = {}
    for row in rows[2:]:  # under the header and its rule
        kind, fields, _ = [cell.strip() for cell in row.strip("|").split("|")]
        listed[kind] = re.findall(r"`(\w+)`", fields)
    kinds = {}
    for name, kind in tickerstrip.FIELD_KINDS.items():
        kinds.setdefault(kind, []).append(name)
    assert listed == kinds
