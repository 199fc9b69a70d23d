"""Quotes from page files with PySpark, on a local cluster of two cores.

    python spark_quotes.py [FILE ...]

Spark reads the files as binary pages, and ``mapInArrow`` hands each batch
of pages to ``tickerstrip.to_arrow``, on the executors. The quotes are
printed as JSON lines, the records ``tickerstrip --format jsonl -H FILE ...``
prints for the same files, in the same order. With no files, the
conformance pages bundled with the crate are read.
"""

import os
import pathlib
import sys
from urllib.parse import unquote, urlparse

import tickerstrip
from example_io import input_files, write_lines

def quotes(batches):
    """The quotes of each batch of pages, a batch of quotes for each."""
    for pages in batches:
        yield tickerstrip.to_arrow(
            pages.column("content").to_pylist(), ids=pages.column("path").to_pylist()
        )


def main(files):
    from pyspark.sql import SparkSession
    from pyspark.sql.pandas.types import from_arrow_schema

    # The executors run this interpreter, which has tickerstrip installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("tickerstrip")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        pages = spark.read.format("binaryFile").load([str(pathlib.Path(f).resolve()) for f in files])
        schema = from_arrow_schema(tickerstrip.arrow_schema(str))
        rows = pages.select("path", "content").mapInArrow(quotes, schema).collect()
    finally:
        spark.stop()
    # Spark names a page by its URI; print it as it was given.
    given = {pathlib.Path(f).resolve(): (at, f) for at, f in enumerate(files)}
    found = []
    for record in tickerstrip.records(row.asDict() for row in rows):
        at, name = given[pathlib.Path(unquote(urlparse(record.pop("id")).path))]
        found.append((at, record["span"][0], {**record, "file": name}))
    write_lines(record for _, _, record in sorted(found, key=lambda item: item[:2]))


if __name__ == "__main__":
    main(input_files())
