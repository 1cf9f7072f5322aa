#!/usr/bin/env python3
"""Exact references for weighted betweenness on a graph built to exercise source folding.

Usage (from the package root):

    python3 Tests/GraphKitTests/Fixtures/make_folding_reference.py

Writes Tests/GraphKitTests/Fixtures/centrality/folding.edges (u v weight, one
undirected edge per line) and folding.nodes.tsv (label = node id). GraphKit folds the
searches of leaves into their neighbor and of closed twins with equal weights into one
class representative (Sources/GraphKit/Paths/SourceReduction.swift); this graph has
both, plus closed twins whose weights differ (which must not be folded) and many exact
ties (integer weights 1-8, so 1/2 + 1/2 = 1, 1/4 + 1/4 = 1/2, ...). networkx computes
with dist = fractions.Fraction(1, w): sums and comparisons are exact.
"""
import os
import random
from fractions import Fraction

import networkx as nx

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "centrality")
COMMAND = "python3 Tests/GraphKitTests/Fixtures/make_folding_reference.py"


def build():
    rng = random.Random(16)
    g = nx.Graph()
    weights = [1, 2, 4, 8, 1, 2, 3, 6]  # powers of two dominate: many exact ties
    core = list(range(60))
    for v in core[1:]:
        for u in rng.sample(core[:v], min(v, 2)):
            g.add_edge(u, v, weight=rng.choice(weights))
    nxt = [60]

    def node():
        nxt[0] += 1
        return nxt[0] - 1

    # Twin cliques with equal weights (folded) and with one weight changed (not folded).
    for k in range(10):
        size = 2 + k % 3
        members = [node() for _ in range(size)]
        inner = rng.choice(weights)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                g.add_edge(a, b, weight=inner)
        anchors = rng.sample(core, 2 + k % 2)
        anchor_weights = [rng.choice(weights) for _ in anchors]
        for m in members:
            for a, w in zip(anchors, anchor_weights):
                g.add_edge(m, a, weight=w)
        if k % 2 == 1:  # break the weighted twin property of the last member
            a, w = anchors[0], anchor_weights[0]
            g[members[-1]][a]["weight"] = w % 8 + 1
    # Leaves on core nodes, on twins and on other leaves' neighbors.
    pool = list(g.nodes())
    for _ in range(40):
        g.add_edge(rng.choice(pool), node(), weight=rng.choice(weights))
    # A pendant pair (two nodes of degree 1 joined: neither is folded).
    a, b = node(), node()
    g.add_edge(a, b, weight=3)
    return g


def main():
    g = build()
    for _, _, d in g.edges(data=True):
        d["exact"] = Fraction(1, d["weight"])
    nodes = sorted(g.nodes())
    cols = {"betweenness_inverse_weight": nx.betweenness_centrality(g, normalized=False, weight="exact")}
    with open(os.path.join(OUT, "folding.edges"), "w") as f:
        f.write("# " + COMMAND + "\n")
        for u, v, d in sorted(g.edges(data=True)):
            f.write(f"{u}\t{v}\t{d['weight']}\n")
    with open(os.path.join(OUT, "folding.nodes.tsv"), "w") as f:
        f.write("# " + COMMAND + "\n")
        f.write(f"# networkx {nx.__version__}; distances fractions.Fraction(1, weight)\n")
        f.write("label\t" + "\t".join(cols) + "\n")
        for v in nodes:
            f.write(f"{v}\t" + "\t".join(repr(float(cols[c][v])) for c in cols) + "\n")
    print(f"folding: {len(nodes)} nodes, {g.number_of_edges()} edges")


if __name__ == "__main__":
    main()
