#!/usr/bin/env bash
# Runs coauthor-bench (release) and the igraph / NetworKit peers on the same files, one
# process per (tool, case), and prints time, peak memory (max RSS) and our/peer ratios.
#
#   Benchmarks/run.sh [FILE...]          default: ca-AstroPh and ca-HepPh
#   CASES="pagerank closeness" Benchmarks/run.sh FILE
#   PEERS="igraph" Benchmarks/run.sh FILE  (default: igraph networkit)
#   Large graph: python3 Benchmarks/generate_large.py --out /tmp/lfr-300k.txt, then
#   CASES="load pagerank approx-betweenness components summary" Benchmarks/run.sh /tmp/lfr-300k.txt
#
# Results are appended as JSON lines to Benchmarks/results-<date>.jsonl and summarised as a
# Markdown table (copy it into RESULTS.md with the machine description).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/datasets/graphs
FILES=("$@")
[ ${#FILES[@]} -eq 0 ] && FILES=("$DATA/ca-AstroPh.txt" "$DATA/ca-HepPh.txt")
CASES=${CASES:-"load pagerank eigenvector betweenness-hops betweenness-weighted closeness harmonic coreness clustering components summary"}
PEERS=${PEERS:-"igraph networkit"}
OUT=${OUT:-Benchmarks/results-$(date -u +%Y%m%dT%H%M%S).jsonl}

# BENCH=path uses a given binary (e.g. a copy, so that a rebuild cannot change it mid-run).
if [ -z "${BENCH:-}" ]; then
  swift build -c release --product coauthor-bench >&2
  BENCH=.build/release/coauthor-bench
fi

peak_of() { awk -F': ' '/Maximum resident set size/ {print $2 / 1024}' "$1"; }
cpu_of() { awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$1"; }

for file in "${FILES[@]}"; do
  for case in $CASES; do
    tmp=$(mktemp)
    # Ours: load + one case; the load line is skipped unless the case is "load".
    if [ "$case" = load ]; then args=(__none__); else args=("$case"); fi
    line=$(/usr/bin/time -v "$BENCH" "$file" "${args[@]}" 2>"$tmp" | grep "\"case\":\"$case\"" || true)
    peak=$(peak_of "$tmp")
    cpu=$(cpu_of "$tmp")
    if [ -n "$line" ]; then
      python3 -c 'import json,sys; r=json.loads(sys.argv[1]); r.update(peer="coauthor", file=sys.argv[2], peak_mb=float(sys.argv[3]), cpu_seconds=float(sys.argv[4])); print(json.dumps(r))' \
        "$line" "$file" "$peak" "$cpu" | tee -a "$OUT"
    fi
    for peer in $PEERS; do
      python3 Benchmarks/peers.py "$peer" "$file" "$case" 2>/dev/null | tee -a "$OUT" || \
        echo "{\"peer\":\"$peer\",\"case\":\"$case\",\"file\":\"$file\",\"seconds\":null,\"result\":\"failed\"}" | tee -a "$OUT"
    done
    rm -f "$tmp"
  done
done
echo
python3 Benchmarks/peers.py report "$OUT"
