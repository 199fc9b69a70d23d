"""``to_arrow`` against the crate's ``par_report``, on the same machine in one run.

    python bindings/python/benches/to_arrow_speed.py [MIB] [ROUNDS]

Builds MIB MiB (default 64) of the seed page's strip glued to itself, as
``benches/cli_summary.sh`` does, and times, alternating, ROUNDS times each
(default 5):

- ``par_report`` over it as one strip, in the Rust program
  ``par_report_seconds`` (the file is read before the clock starts);
- ``to_arrow`` over the same text cut into pages of about 64 KiB at quote
  boundaries, as ``str`` and as ``bytes``, the pages in memory before the
  clock starts, the clock stopped once pyarrow holds the batch.

Both read every quote and validate it; ``to_arrow`` also builds the batch.
It checks that both find the same quotes and findings, then prints every
run, the medians, throughputs and the ratio, and the machine's load.
"""

import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import pyarrow.compute as pc

import tickerstrip

ROOT = pathlib.Path(__file__).resolve().parents[3]
PAGE_BYTES = 64 * 1024


def load():
    return " ".join(pathlib.Path("/proc/loadavg").read_text().split()[:3])


def main(mib=64, rounds=5):
    subprocess.run(
        ["cargo", "build", "--quiet", "--release", "--features", "parallel",
         "--example", "par_report_seconds", "--manifest-path", str(ROOT / "Cargo.toml")],
        check=True,
    )
    program = ROOT / "target" / "release" / "examples" / "par_report_seconds"
    strip = (ROOT / "tests" / "data" / "conformance" / "seed-page.txt").read_text(
        encoding="utf-8"
    ).splitlines()[0]
    copies = (mib << 20) // len(strip.encode())
    per_page = max(1, PAGE_BYTES // len(strip.encode()))
    text = strip * copies
    pages = [strip * min(per_page, copies - at) for at in range(0, copies, per_page)]
    page_bytes = [page.encode() for page in pages]
    size = len(text.encode())
    print(f"input: {size} bytes, {copies} copies of the seed strip, {len(pages)} pages; "
          f"{os.cpu_count()} cores; load before: {load()}")

    with tempfile.TemporaryDirectory() as scratch:
        path = pathlib.Path(scratch) / "seed-strip.txt"
        path.write_text(text, encoding="utf-8")
        times = {"par_report": [], "to_arrow str": [], "to_arrow bytes": []}
        for run in range(1, rounds + 1):
            out = subprocess.run([str(program), str(path)], check=True, capture_output=True,
                                 text=True).stdout.split()
            seconds, quotes, fractions = float(out[0]), int(out[1]), int(out[2])
            times["par_report"].append(seconds)
            for name, inputs in (("to_arrow str", pages), ("to_arrow bytes", page_bytes)):
                start = time.perf_counter()
                batch = tickerstrip.to_arrow(inputs)
                times[name].append(time.perf_counter() - start)
                # A quote has each finding kind at most once.
                kinds = pc.list_flatten(batch.column("findings"))
                found = pc.sum(pc.equal(kinds, "percent-is-fraction")).as_py()
                assert (batch.num_rows, found) == (quotes, fractions), (name, batch.num_rows, found)
                del batch
            print(f"round {run}: " + ", ".join(f"{k} {v[-1]:.3f} s" for k, v in times.items()))
    print(f"quotes: {quotes}, percent-is-fraction: {fractions}; load after: {load()}")
    base = statistics.median(times["par_report"])
    for name, runs in times.items():
        median = statistics.median(runs)
        print(f"{name:>15}: median {median:.3f} s, {size / median / 2**20:6.1f} MiB/s, "
              f"{base / median:.2f}x par_report")


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))
