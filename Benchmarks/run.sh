#!/usr/bin/env bash
# Runs coauthor-bench (release) and the igraph / NetworKit peers on the same files, one
# process per (tool, case), and prints time, peak memory (max RSS) and our/peer ratios.
#
#   Benchmarks/run.sh [FILE...]          default: ca-AstroPh and ca-HepPh
#   CASES="pagerank closeness" Benchmarks/run.sh FILE
#   PEERS="igraph" Benchmarks/run.sh FILE  (default: igraph networkit)
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

swift build -c release --product coauthor-bench >&2
BENCH=.build/release/coauthor-bench

peak_of() { awk -F': ' '/Maximum resident set size/ {print $2 / 1024}' "$1"; }

for file in "${FILES[@]}"; do
  for case in $CASES; do
    tmp=$(mktemp)
    # Ours: load + one case; the load line is skipped unless the case is "load".
    if [ "$case" = load ]; then args=(__none__); else args=("$case"); fi
    line=$(/usr/bin/time -v "$BENCH" "$file" "${args[@]}" 2>"$tmp" | grep "\"case\":\"$case\"" || true)
    peak=$(peak_of "$tmp")
    if [ -n "$line" ]; then
      python3 -c 'import json,sys; r=json.loads(sys.argv[1]); r.update(peer="coauthor", file=sys.argv[2], peak_mb=float(sys.argv[3])); print(json.dumps(r))' \
        "$line" "$file" "$peak" | tee -a "$OUT"
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
