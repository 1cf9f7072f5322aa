#!/usr/bin/env python3
"""Reads the same BibTeX file with bibtexparser 2.x; prints entries, seconds, peak RSS.

    python3 Benchmarks/bibtex-read/bibtexparser_peer.py FILE [--names-and-latex]

--names-and-latex adds the middlewares that do what coauthor's reader does on top of
parsing (split author lists and names, decode LaTeX to Unicode).
"""
import resource
import sys
import time

import bibtexparser
from bibtexparser import middlewares as m

path = sys.argv[1]
full = "--names-and-latex" in sys.argv
start = time.perf_counter()
# The default parse stack already resolves @string macros and removes enclosing braces.
layers = []
if full:
    layers = [m.LatexDecodingMiddleware(), m.SeparateCoAuthors(), m.SplitNameParts()]
library = bibtexparser.parse_file(path, append_middleware=layers)
entries = len(library.entries)
authors = 0
for entry in library.entries:
    field = entry.fields_dict.get("author")
    if field is not None:
        value = field.value
        authors += len(value) if isinstance(value, list) else len(value.split(" and "))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"bibtexparser {bibtexparser.__version__} mode={'names+latex' if full else 'parse'} "
      f"entries={entries} authors={authors} failed_blocks={len(library.failed_blocks)} "
      f"seconds={seconds:.2f} peak_rss_mb={peak:.0f}")
