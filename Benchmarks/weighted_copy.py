#!/usr/bin/env python3
"""A weighted copy of a SNAP edge list with reproducible integer "coauthor count" weights.

    python3 Benchmarks/weighted_copy.py IN.txt OUT.txt

The SNAP coauthor graphs carry no weights, and ../shared/datasets/README.md defines none,
so the weighted benchmarks use these: for the undirected pair of original ids a < b
(integers), h = splitmix64(a · 2^32 + b) and w = 1 + (number of trailing zero bits of h,
at most 7). So P(w = k) = 2^-k for k < 8: most pairs wrote one paper together, a few
many, as in real counts (1..8, lcm 840). Each undirected edge is written once
(`a<TAB>b<TAB>w`, sorted), self-loops dropped, the SNAP header kept as comments. GraphKit
(EdgeListReader), igraph (Read_Ncol, weights) and NetworKit read the same file.
"""
import sys

MASK = (1 << 64) - 1


def splitmix64(x):
    x = (x + 0x9E3779B97F4A7C15) & MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
    return x ^ (x >> 31)


def weight(a, b):
    h = splitmix64((a << 32) + b)
    tz = 0
    while tz < 7 and not (h >> tz) & 1:
        tz += 1
    return 1 + tz


def main():
    src, dst = sys.argv[1:3]
    header, pairs = [], set()
    for line in open(src):
        if line.startswith("#"):
            header.append(line)
            continue
        f = line.split()
        if len(f) < 2:
            continue
        a, b = int(f[0]), int(f[1])
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    with open(dst, "w") as out:
        out.writelines(header)
        out.write(f"# weighted copy: python3 Benchmarks/weighted_copy.py {src} {dst}\n")
        for a, b in sorted(pairs):
            out.write(f"{a}\t{b}\t{weight(a, b)}\n")
    counts = {}
    for a, b in pairs:
        counts[weight(a, b)] = counts.get(weight(a, b), 0) + 1
    print(f"{dst}: {len(pairs)} edges, weights {dict(sorted(counts.items()))}", file=sys.stderr)


if __name__ == "__main__":
    main()
