"""The package and its engine examples against the command-line tool on
the same pages.

The Spark and Dask examples must print exactly the JSON lines that
``tickerstrip --format jsonl -H`` prints for the same files; the DuckDB
example's totals must be those of the tool's records. The quotes of
``scan`` and the records of ``to_arrow`` hold every field of the tool's
records, with ``min_evidence`` as with ``--min-evidence``.
"""

import collections
import importlib.util
import json
import os
import pathlib
import shutil
import subprocess
import sys
from decimal import Decimal

import pytest

import tickerstrip

ROOT = pathlib.Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "bindings" / "python" / "examples"
CONFORMANCE = ROOT / "tests" / "data" / "conformance"


@pytest.fixture(scope="module")
def cli():
    """The command-line tool: `TICKERSTRIP_CLI`, or built with cargo."""
    if "TICKERSTRIP_CLI" in os.environ:
        return [os.environ["TICKERSTRIP_CLI"]]
    if shutil.which("cargo") is None:
        pytest.fail("set TICKERSTRIP_CLI to the tickerstrip binary, or put cargo on PATH")
    manifest = str(ROOT / "Cargo.toml")
    return ["cargo", "run", "--quiet", "--example", "tickerstrip", "--manifest-path", manifest, "--"]


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The conformance files, and pages that join them two by two, so that
    engines split the work over several partitions."""
    folder = tmp_path_factory.mktemp("pages")
    inputs = sorted(CONFORMANCE.glob("*.txt"))
    files = [str(path) for path in inputs]
    for n in range(40):
        first, second = inputs[n % len(inputs)], inputs[(7 * n + 3) % len(inputs)]
        page = folder / f"page-{n:02}.txt"
        page.write_bytes(first.read_bytes() + b"\n" + second.read_bytes())
        files.append(str(page))
    return files


def needs(*modules):
    """Skips a test, before its fixtures run the command-line tool, unless
    every one of ``modules`` is installed; the reason names those missing."""
    missing = [module for module in modules if importlib.util.find_spec(module) is None]
    return pytest.mark.skipif(
        bool(missing),
        reason=f"not installed: {', '.join(missing)} (pip install './bindings/python[examples]')",
    )


def run(command):
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def example(name, files):
    return run([sys.executable, str(EXAMPLES / name), *files])


@pytest.fixture(scope="module")
def cli_lines(cli, pages):
    lines = run([*cli, "--format", "jsonl", "-H", *pages])
    assert len(lines) > 500
    return lines


@needs("pyarrow", "dask", "distributed")
def test_dask_gives_the_rows_of_the_command_line_tool(pages, cli_lines):
    assert example("dask_quotes.py", pages) == cli_lines


@needs("pyarrow", "pandas", "pyspark")
def test_spark_gives_the_rows_of_the_command_line_tool(pages, cli_lines):
    if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
        pytest.skip("Spark needs a Java runtime, and none is installed")
    assert example("spark_quotes.py", pages) == cli_lines


@needs("pyarrow", "duckdb")
def test_duckdb_totals_are_those_of_the_command_line_tool(pages, cli_lines):
    expected = collections.defaultdict(
        lambda: {"quotes": 0, "fraction_percents": 0, "with_findings": 0, "price_sum": Decimal(0)}
    )
    for line in cli_lines:
        record = json.loads(line)
        totals = expected[record["file"]]
        totals["quotes"] += 1
        totals["fraction_percents"] += "percent-is-fraction" in record["findings"]
        totals["with_findings"] += bool(record["findings"])
        totals["price_sum"] += Decimal(record["price"])
    got = [json.loads(line) for line in example("duckdb_quotes.py", pages)]
    assert [row["file"] for row in got] == sorted(expected)
    for row in got:
        want = expected[row.pop("file")]
        assert {**row, "price_sum": Decimal(row["price_sum"])} == want


def json_line(record):
    """A record as ``tickerstrip --format jsonl`` writes it."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def quote_record(quote):
    """The record of a ``Quote``, each field of ``FIELDS`` read from it."""
    record = {}
    for name in tickerstrip.FIELDS:
        kind = tickerstrip.FIELD_KINDS[name]
        if kind == "findings":
            record[name] = tickerstrip.validate(quote)
            continue
        value = getattr(quote, name)
        if kind == "decimal" and value is not None:
            value = str(value)
        elif kind == "span":
            value = list(value)
        record[name] = value
    return record


def test_scan_gives_every_field_of_the_command_line_tool_s_records(cli):
    checked = 0
    for path in sorted(CONFORMANCE.glob("*.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # the input that is not UTF-8 on purpose
        quotes = [s for s in tickerstrip.scan(text) if isinstance(s, tickerstrip.Quote)]
        expected = run([*cli, "--format", "jsonl", str(path)])
        assert [json_line(quote_record(quote)) for quote in quotes] == expected, path.name
        checked += len(quotes)
    assert checked > 100


@needs("pyarrow")
@pytest.mark.parametrize("level", ["arithmetic", "header", "markers", "shape"])
def test_min_evidence_keeps_the_rows_the_command_line_tool_keeps(cli, pages, level):
    expected = run([*cli, "--format", "jsonl", "-H", "--min-evidence", level, *pages])
    batch = tickerstrip.to_arrow(
        [pathlib.Path(page).read_bytes() for page in pages], ids=pages, min_evidence=level
    )
    records = tickerstrip.records(batch.to_pylist())
    for record in records:
        record["file"] = record.pop("id")
    assert [json_line(record) for record in records] == expected
    assert expected, level
