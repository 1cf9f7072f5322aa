#!/usr/bin/env bash
# Reader scaling (issue 15): the inputs that used to cost quadratic time, at 1×, 10× and
# 100× sizes, through `coauthor parse`. Linear readers show ~10× time per 10× size (small
# sizes are dominated by process start-up, ~0.1 s). Prints one line per case and size:
# seconds (wall) and peak RSS (MiB).
#
#   Benchmarks/reader-scaling.sh PATH/TO/coauthor      (a release build for real numbers)
set -u
COAUTHOR=${1:?usage: reader-scaling.sh PATH/TO/coauthor}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/coauthor-scaling.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

measure() {  # measure LABEL FILE [ARGS…]
  local label=$1 file=$2
  shift 2
  /usr/bin/time -f '%e %M' -o "$WORK/time" "$COAUTHOR" parse "$file" "$@" >/dev/null 2>"$WORK/stderr"
  local status=$?
  read -r seconds kb <"$WORK/time"
  printf '%-34s %9s bytes  %7.2f s  %6d MiB  exit %d\n' "$label" "$(stat -c %s "$file")" "$seconds" $((kb / 1024)) "$status"
}

for n in 10000 100000 1000000; do
  python3 -c "
import sys
n=int(sys.argv[1])
print(', '.join(f'Person{i} Surname{i % 997} ({i % 9 + 1})' for i in range(n)))" "$n" >"$WORK/home-$n.txt"
  measure "homepage line, $n names" "$WORK/home-$n.txt"
done
for n in 2000 20000 200000; do
  python3 -c "
import sys
n=int(sys.argv[1])
print('@article{a, author = {Lovelace, Ada}, title = {\$' + 'x^2'*n + '\$}}')" "$n" >"$WORK/math-$n.bib"
  measure "BibTeX title, $n math ^" "$WORK/math-$n.bib"
done
for n in 1000 10000 100000; do
  python3 -c "
import sys
n=int(sys.argv[1])
print('@article{a, author = {Lovelace, Ada}, title = ' + '{'*n + 'Notes ' * 1000 + '}'*n + '}')" "$n" >"$WORK/deep-$n.bib"
  measure "BibTeX title, $n nested braces" "$WORK/deep-$n.bib"
done
for n in 1000 10000 100000; do
  python3 -c "
import sys
n=int(sys.argv[1])
print('@article{a, title = {Big}, author = {' + ' and '.join(f'Author{i:06d}, Given{i}' for i in range(n)) + '}}')" "$n" >"$WORK/authors-$n.bib"
  measure "BibTeX paper, $n authors" "$WORK/authors-$n.bib"
done
