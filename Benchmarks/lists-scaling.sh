#!/usr/bin/env bash
# Reading publication lists (issue 13): a 710-page Hugo folder (content/publication/*/index.md,
# YAML and TOML front matter, a cite.bib beside every third page) and Markdown lists of
# 1k, 10k and 100k entries, each through `coauthor parse` once. Prints one line per case:
# input bytes, records read, wall seconds and peak RSS (MiB) from /usr/bin/time -f '%e %M'.
# Inputs come from Benchmarks/generate_lists.py with a fixed seed (the same bytes every run).
#
#   swift build -c release
#   Benchmarks/lists-scaling.sh .build/release/coauthor
#
# A front-matter folder is read page by page (one page in memory at a time); a Markdown
# list is one document, read whole. Linear readers show ~10x time per 10x entries (the
# small cases are dominated by process start-up, ~0.1 s).
set -u
COAUTHOR=${1:?usage: lists-scaling.sh PATH/TO/coauthor}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/coauthor-lists.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

measure() {  # measure LABEL PATH
  local label=$1 input=$2
  /usr/bin/time -f '%e %M' -o "$WORK/time" "$COAUTHOR" parse "$input" --format csv >"$WORK/out.csv" 2>"$WORK/stderr"
  local status=$?
  local seconds kb records bytes
  read -r seconds kb <"$WORK/time"
  records=$(($(wc -l <"$WORK/out.csv") - 1))
  bytes=$(du -sb "$input" | cut -f1)
  printf '%-32s %11s bytes  %7d records  %7.2f s  %6d MiB  exit %d\n' \
    "$label" "$bytes" "$records" "$seconds" $((kb / 1024)) "$status"
}

for syntax in yaml toml; do
  python3 "$HERE/generate_lists.py" hugo "$WORK/hugo-$syntax" --pages 710 --syntax "$syntax"
  measure "Hugo folder, 710 pages, $syntax" "$WORK/hugo-$syntax"
done
for n in 1000 10000 100000; do
  python3 "$HERE/generate_lists.py" markdown "$WORK/list-$n.md" --entries "$n"
  measure "Markdown list, $n entries" "$WORK/list-$n.md"
done
