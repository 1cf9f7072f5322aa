#!/usr/bin/env bash
# Issue 16 point 4: `coauthor run` end to end on a DBLP-sized corpus, and igraph and
# NetworKit on the edge list it builds (Benchmarks/RESULTS.md, "Issue 16 point 4").
#
#   Benchmarks/dblp-scale.sh [PAPERS...]           default: 250000 1000000 2000000
#   DBLP_XML=/path/to/dblp.xml Benchmarks/dblp-scale.sh   the real dblp.xml instead
#
# Environment: COAUTHOR (binary; default .build/release/coauthor — build it with
# `swift build -c release`), WORK (default /tmp/dblp-scale), RUN_ARGS (default
# "--distance hops --budget 60"), PEERS (default "igraph networkit"; empty: none).
# Per size it writes WORK/N/: dblp.xml (generate_dblp.py, seed 1), out/ (the run),
# stages.log (COAUTHOR_STAGE_LOG: wall, CPU, RSS and peak per step), time.txt
# (/usr/bin/time -v, with `uptime` before and after), peers-*.jsonl.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
COAUTHOR="${COAUTHOR:-$here/../.build/release/coauthor}"
WORK="${WORK:-/tmp/dblp-scale}"
RUN_ARGS="${RUN_ARGS:---distance hops --budget 60}"
PEERS="${PEERS-igraph networkit}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(250000 1000000 2000000)
[ -n "${DBLP_XML:-}" ] && sizes=(real)

for n in "${sizes[@]}"; do
  dir="$WORK/$n"
  mkdir -p "$dir/data"
  if [ "$n" = real ]; then
    ln -sf "$DBLP_XML" "$dir/data/dblp.xml"
  elif [ ! -s "$dir/data/dblp.xml" ]; then
    python3 "$here/generate_dblp.py" --papers "$n" --seed 1 --out "$dir/data/dblp.xml" 2> "$dir/generate.log"
  fi
  rm -rf "$dir/out" "$dir/stages.log"
  { echo "date $(date -u +%FT%TZ)"; echo "before: $(uptime)"; } > "$dir/time.txt"
  # shellcheck disable=SC2086
  COAUTHOR_STAGE_LOG="$dir/stages.log" /usr/bin/time -v "$COAUTHOR" run --data "$dir/data" --output "$dir/out" \
    $RUN_ARGS > "$dir/run.log" 2>> "$dir/time.txt" || echo "coauthor exited $? (see $dir/run.log)" >> "$dir/time.txt"
  echo "after: $(uptime)" >> "$dir/time.txt"
  for peer in $PEERS; do
    { echo "before: $(uptime)"; } > "$dir/peers-$peer.time"
    /usr/bin/time -v python3 "$here/dblp_peers.py" "$peer" "$dir/out/coauthor-network.edges.csv" \
      > "$dir/peers-$peer.jsonl" 2>> "$dir/peers-$peer.time" || true
    echo "after: $(uptime)" >> "$dir/peers-$peer.time"
  done
  echo "== $n"
  grep -E "Elapsed|Maximum resident|User time|System time" "$dir/time.txt"
  cut -c1-200 "$dir/stages.log"
  cat "$dir"/peers-*.jsonl 2>/dev/null || true
done
