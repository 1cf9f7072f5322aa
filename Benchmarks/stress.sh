#!/usr/bin/env bash
# `make stress`: the resource cases of issue 15, each under a memory limit (ulimit -v in a
# subshell) and a time limit (timeout). Inputs are generated on the fly into a temporary
# folder (deleted at the end), never committed. A case passes when `coauthor` exits
# cleanly (status 0 or 1: a diagnostic, never a signal, a trap or the time limit) and its
# stderr says what the case expects.
#
#   Benchmarks/stress.sh PATH/TO/coauthor
#   STRESS_MEMORY_KB=3145728 STRESS_SECONDS=300 Benchmarks/stress.sh …
set -u
COAUTHOR=${1:?usage: stress.sh PATH/TO/coauthor}
MEMORY_KB=${STRESS_MEMORY_KB:-3145728}   # 3 GiB of address space
SECONDS_LIMIT=${STRESS_SECONDS:-300}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/coauthor-stress.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0

# case NAME EXPECTED-STDERR-REGEX COMMAND…   (an empty regex: only a clean exit is checked)
run_case() {
  local name=$1 expect=$2
  shift 2
  local start=$(date +%s.%N)
  # /usr/bin/time -v (when installed) measures the case: CPU seconds and peak RSS of
  # coauthor (wall time alone says little on a shared machine).
  local timer=()
  [ -x /usr/bin/time ] && timer=(/usr/bin/time -f '%U %S %M' -o "$WORK/$name.time")
  ( ulimit -v "$MEMORY_KB"; exec "${timer[@]}" timeout --signal=KILL "$SECONDS_LIMIT" "$@" ) \
    >"$WORK/$name.out" 2>"$WORK/$name.err"
  local status=$?
  local usage=""
  if [ -s "$WORK/$name.time" ]; then
    usage=$(tail -1 "$WORK/$name.time" | awk '{ printf "CPU %6.1f s  RSS %5d MiB", $1 + $2, $3 / 1024 }')
  fi
  local took=$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)")
  local verdict=pass why=""
  if [ $status -gt 1 ]; then
    verdict=FAIL
    why="exit status $status$([ $status -ge 128 ] && echo " (signal $((status - 128)))")"
  elif grep -q -E 'Fatal error|Segmentation|Illegal instruction' "$WORK/$name.err"; then
    verdict=FAIL why="trap in stderr"
  elif [ -n "$expect" ] && ! grep -q -E "$expect" "$WORK/$name.err"; then
    verdict=FAIL why="stderr lacks /$expect/"
  fi
  if [ $verdict = pass ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  printf '%-20s %s  status %3d  wall %6s s  %s  %s\n' "$name" "$verdict" "$status" "$took" "$usage" "$why"
  [ $verdict = pass ] || head -c 600 "$WORK/$name.err" | sed 's/^/    | /'
}

echo "generating inputs in $WORK (memory limit $((MEMORY_KB / 1024)) MiB, time limit ${SECONDS_LIMIT} s)"
# 1. gzip bomb: 1 GiB of zeros as ~1 MiB of gzip, and the same as an edge list's tail.
head -c 1G /dev/zero | gzip -1 >"$WORK/bomb.bib.gz"
{ printf '1 2\n2 3\n'; head -c 1G /dev/zero | tr '\0' '\n'; } | gzip -1 >"$WORK/bomb-edges.txt.gz"
# 2. one paper with 100,000 authors.
python3 - "$WORK/hyper.bib" <<'PY'
import sys
names = " and ".join(f"Author{i:06d}, Given{i}" for i in range(100_000))
with open(sys.argv[1], "w") as f:
    f.write("@article{small, author = {Lovelace, Ada and Babbage, Charles}, title = {Notes}, year = 1843}\n")
    f.write("@article{hyper, author = {" + names + "}, title = {Observation of everything}, year = 2012}\n")
PY
# 3. a homepage line with 1,000,000 collaborators.
python3 - "$WORK/homepage.txt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("Collaborators: " + ", ".join(f"Person{i} Surname{i % 997} ({i % 9 + 1})" for i in range(1_000_000)) + "\n")
PY
# 4. a 1 GiB line: a CSV header, then one line of a billion characters.
{ printf 'title,authors,year\n'; head -c 1G /dev/zero | tr '\0' 'a'; printf '\nA title,Ada Lovelace,1843\n'; } >"$WORK/line.csv"
ls -la "$WORK" | sed 's/^/  /'

run_case gzip-bomb-bib     'inflates to more than|unknown format' "$COAUTHOR" parse "$WORK/bomb.bib.gz"
run_case gzip-bomb-graph   'inflates to more than'              "$COAUTHOR" metrics "$WORK/bomb-edges.txt.gz"
run_case hyperauthor-parse ''                                   "$COAUTHOR" parse "$WORK/hyper.bib" --format json
mkdir -p "$WORK/run-data" "$WORK/run-out"
cp "$WORK/hyper.bib" "$WORK/run-data/hyper.bib"
run_case hyperauthor-run   ''                                   "$COAUTHOR" run --data "$WORK/run-data" --output "$WORK/run-out"
run_case homepage-1M-names ''                                   "$COAUTHOR" parse "$WORK/homepage.txt"
run_case line-1GiB         'over the limit|COAUTHOR_MAX_LINE'   "$COAUTHOR" parse "$WORK/line.csv"

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
