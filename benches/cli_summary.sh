#!/usr/bin/env bash
# Times the command-line tool's `--summary` against the fair regex program
# (benches/programs/regex_summary.rs) over a seed-format file, whole
# process: the seed page's strip glued to itself up to MIB MiB (default
# 64). Runs alternate, RUNS times each (default 7); it prints every run,
# then the median wall time, the ratio and the peak resident memory of
# each. Pass tool options after the script's name (`--strict`).
set -euo pipefail
cd "$(dirname "$0")/.."

mib=${MIB:-64}
runs=${RUNS:-7}
cargo build --quiet --release --example tickerstrip --example regex_summary

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
file=$scratch/seed-strip.txt
strip=$(head -n 1 tests/data/conformance/seed-page.txt)
copies=$(((mib << 20) / $(printf '%s' "$strip" | wc -c)))
# `yes` stops with SIGPIPE once `head` has its lines.
{ yes "$strip" || true; } | head -n "$copies" | tr -d '\n' >"$file"
echo "input: $(wc -c <"$file") bytes, $copies copies of the seed strip; load: $(cut -d' ' -f1-3 /proc/loadavg)"

tool=(target/release/examples/tickerstrip --summary "$@" "$file")
regex=(target/release/examples/regex_summary "$file")
echo "tool:  $("${tool[@]}" | head -n 1)"
echo "regex: $("${regex[@]}")"

# Wall seconds and peak KiB of one run, appended to the file $1.
measure() {
    local log=$1
    shift
    /usr/bin/time -f '%e %M' -o "$scratch/time" "$@" >/dev/null
    cat "$scratch/time" >>"$log"
}
for run in $(seq "$runs"); do
    measure "$scratch/tool" "${tool[@]}"
    measure "$scratch/regex" "${regex[@]}"
    echo "run $run: tool $(tail -n 1 "$scratch/tool"), regex $(tail -n 1 "$scratch/regex") (s, KiB)"
done

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
tool_s=$(cut -d' ' -f1 "$scratch/tool" | median)
regex_s=$(cut -d' ' -f1 "$scratch/regex" | median)
tool_kib=$(cut -d' ' -f2 "$scratch/tool" | sort -n | tail -n 1)
regex_kib=$(cut -d' ' -f2 "$scratch/regex" | sort -n | tail -n 1)
echo "median wall: tool ${tool_s} s, regex ${regex_s} s; tool at $(awk -v t="$tool_s" -v r="$regex_s" 'BEGIN { printf "%.2f", r / t }')x the regex"
echo "peak memory: tool $((tool_kib / 1024)) MiB, regex $((regex_kib / 1024)) MiB"
