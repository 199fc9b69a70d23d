"""SQL over the quotes of page files with DuckDB.

    python duckdb_quotes.py [FILE ...]

``tickerstrip.to_arrow`` scans the files into one Arrow batch, and DuckDB
queries it in place: for each file, its quotes, how many show a percent
that is the plain ratio (``percent-is-fraction``), how many have any
finding, and the sum of their prices, exact. One JSON object a line.
With no files, the conformance pages bundled with the crate are read.
"""

import pathlib

import tickerstrip
from example_io import input_files, write_lines

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
    totals = [dict(zip(result.columns, row)) for row in result.fetchall()]
    for record in totals:
        record["price_sum"] = format(record["price_sum"].normalize(), "f")
    write_lines(totals)


if __name__ == "__main__":
    main(input_files())
