"""Quotes from page files with a Dask bag, on a local cluster of two workers.

    python dask_quotes.py [FILE ...]

Each partition of the bag of file names is read and scanned by
``tickerstrip.to_arrow`` in a worker process. The quotes are printed as JSON
lines, the records ``tickerstrip --format jsonl -H FILE ...`` prints for the
same files, in the same order. With no files, the conformance pages bundled
with the crate are read.
"""

import pathlib

import tickerstrip
from example_io import input_files, write_lines

def quotes(files):
    """The records of the quotes in a partition's files, in order."""
    files = list(files)
    batch = tickerstrip.to_arrow([pathlib.Path(f).read_bytes() for f in files], ids=files)
    records = tickerstrip.records(batch.to_pylist())
    for record in records:
        record["file"] = record.pop("id")
    return records


def main(files):
    import dask.bag
    from dask.distributed import Client, LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, Client(cluster):
        bag = dask.bag.from_sequence(files, npartitions=min(len(files), 8))
        records = bag.map_partitions(quotes).compute()
    # A bag keeps its order: partitions and the rows in each.
    write_lines(records)


if __name__ == "__main__":
    main(input_files())
