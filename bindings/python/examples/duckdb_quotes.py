"""SQL over the quotes of page files with DuckDB.

    python duckdb_quotes.py [FILE ...]

``tickerstrip.to_arrow`` scans the files into one Arrow batch, and DuckDB
queries it in place: for each file, its quotes, how many show a percent
that is the plain ratio (``percent-is-fraction``), how many have any
finding, and the sum of their prices, exact. One JSON object a line.
With no files, the conformance pages bundled with the crate are read.
"""

import json
import pathlib
import sys

import tickerstrip

BUNDLED = pathlib.Path(__file__).resolve().parents[3] / "tests" / "data" / "conformance"

QUERY = """
SELECT id AS file,
       count(*) AS quotes,
       count(*) FILTER (WHERE list_contains(findings, 'percent-is-fraction')) AS fraction_percents,
       count(*) FILTER (WHERE len(findings) > 0) AS with_findings,
       sum(price) AS price_sum
FROM quotes
GROUP BY id
ORDER BY id
"""


def main(files):
    import duckdb

    quotes = tickerstrip.to_arrow([pathlib.Path(f).read_bytes() for f in files], ids=files)
    connection = duckdb.connect()
    connection.register("quotes", quotes)
    result = connection.sql(QUERY)
    for row in result.fetchall():
        record = dict(zip(result.columns, row))
        record["price_sum"] = format(record["price_sum"].normalize(), "f")
        print(json.dumps(record, ensure_ascii=False, separators=(",", ":")))


if __name__ == "__main__":
    main(sys.argv[1:] or sorted(str(path) for path in BUNDLED.glob("*.txt")))
