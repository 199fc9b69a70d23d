"""What the engine examples share: the files they read, and how they write
their JSON lines."""

import json
import os
import pathlib
import sys

BUNDLED = pathlib.Path(__file__).resolve().parents[3] / "tests" / "data" / "conformance"


def input_files():
    """The files named on the command line, or else the conformance pages
    bundled with the crate."""
    return sys.argv[1:] or sorted(str(path) for path in BUNDLED.glob("*.txt"))


def write_lines(records):
    """Writes each record as one JSON line, as ``tickerstrip --format jsonl``
    does, and stops quietly when the reader closes the pipe (``| head``)."""
    try:
        for record in records:
            print(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        sys.stdout.flush()
    except BrokenPipeError:
        # Python flushes standard output once more as it exits.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
