#!/bin/sh
# Builds the streaming BibTeX benchmark and runs it beside Python's bibtexparser.
#   sh Benchmarks/bibtex-read/run.sh ENTRIES   (default 100000)
# Needs: python3; `pip install bibtexparser==2.1.0` for the peer.
set -eu
cd "$(dirname "$0")/../.."
n=${1:-100000}
file=/tmp/coauthor-bench-$n.bib
[ -f "$file" ] || python3 Benchmarks/generate_bibtex.py --entries "$n" --seed 1 -o "$file"
swift build -c release --product bibtex-read-bench
bench="$(swift build -c release --show-bin-path)/bibtex-read-bench"
ls -l "$file"
"$bench" "$file"
"$bench" "$file" --whole
"$bench" "$file" --network
python3 Benchmarks/bibtex-read/bibtexparser_peer.py "$file"
python3 Benchmarks/bibtex-read/bibtexparser_peer.py "$file" --names-and-latex
