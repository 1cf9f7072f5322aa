#!/bin/sh
# Builds the streaming BibTeX benchmark and runs it beside Python's bibtexparser.
#   sh Benchmarks/bibtex-read/run.sh ENTRIES   (default 100000)
# Needs: python3; `pip install bibtexparser==2.1.0` for the peer.
set -eu
cd "$(dirname "$0")/../.."
n=${1:-100000}
file=/tmp/coauthor-bench-$n.bib
[ -f "$file" ] || python3 Benchmarks/generate_bibtex.py --entries "$n" --seed 1 -o "$file"
mkdir -p .build/bibtex-read
swiftc -O -module-name BibTeXRead -o .build/bibtex-read/bibtex-read \
  Sources/Bibliography/Model/*.swift Sources/Bibliography/Readers/*.swift \
  Sources/Bibliography/Support/*.swift Benchmarks/bibtex-read/main.swift
ls -l "$file"
.build/bibtex-read/bibtex-read "$file"
.build/bibtex-read/bibtex-read "$file" --whole
python3 Benchmarks/bibtex-read/bibtexparser_peer.py "$file"
python3 Benchmarks/bibtex-read/bibtexparser_peer.py "$file" --names-and-latex
