#!/usr/bin/env python3
"""Exact references for inverse-weight shortest paths on graphs full of exact ties.

Usage (from the package root):

    python3 Tests/GraphKitTests/Fixtures/make_ties_reference.py

Writes Tests/GraphKitTests/Fixtures/centrality/ties.edges (u v weight, one undirected
edge per line) and ties.nodes.tsv (label = node id). The graph is built to break a
floating-point Dijkstra: integer coauthor counts whose inverse lengths tie exactly as
fractions but not as doubles (ten steps of 1/10 against one of 1; 1/3 + 1/6 against
1/2; 1/6 + 1/6 + 1/6 against 1/2 ...), a ladder of such gadgets, and 40 random nodes
with weights drawn from {1, 2, 3, 5, 6, 10}. networkx computes with
dist = fractions.Fraction(1, w): sums and comparisons are exact, so every tie counts.
The last columns give networkx with dist = 1.0 / w (doubles) for comparison: where
they differ from the exact ones, a floating-point Dijkstra gets them wrong.
"""
import os
import random
from fractions import Fraction

import networkx as nx

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "centrality")
COMMAND = "python3 Tests/GraphKitTests/Fixtures/make_ties_reference.py"


def build():
    g = nx.Graph()
    nxt = [0]

    def node():
        nxt[0] += 1
        return nxt[0] - 1

    def chain(a, b, weights):
        prev = a
        for w in weights[:-1]:
            v = node()
            g.add_edge(prev, v, weight=w)
            prev = v
        g.add_edge(prev, b, weight=weights[-1])

    hubs = [node() for _ in range(6)]
    gadgets = [
        ([1], [10] * 10),          # 1 vs 10 × 1/10 (0.9999999999999999 in doubles)
        ([2], [3, 6]),             # 1/2 vs 1/3 + 1/6
        ([2], [6, 6, 6]),          # 1/2 vs 3 × 1/6
        ([1], [5, 5, 5, 5, 5]),    # 1 vs 5 × 1/5
        ([1], [3, 3, 3]),          # 1 vs 3 × 1/3
        ([1], [2, 3, 6]),          # 1 vs 1/2 + 1/3 + 1/6
        ([5], [10, 10]),           # 1/5 vs 2 × 1/10
        ([1], [10, 5, 2, 5]),      # 1 vs 1/10 + 1/5 + 1/2 + 1/5
    ]
    for k, (short, long) in enumerate(gadgets):
        a, b = hubs[k % 6], hubs[(k + 1) % 6]
        chain(a, b, short) if not g.has_edge(a, b) else chain(a, b, [short[0], short[0]])
        chain(a, b, long)
    rng = random.Random(7)
    extra = [node() for _ in range(40)]
    pool = list(g.nodes())
    for v in extra:
        for u in rng.sample(pool, 2):
            g.add_edge(u, v, weight=rng.choice([1, 2, 3, 5, 6, 10]))
        pool.append(v)
    return g


def main():
    g = build()
    for _, _, d in g.edges(data=True):
        d["exact"] = Fraction(1, d["weight"])
        d["float"] = 1.0 / d["weight"]
    nodes = sorted(g.nodes())
    cols = {
        "betweenness_inverse_weight": nx.betweenness_centrality(g, normalized=False, weight="exact"),
        "closeness_inverse_weight": nx.closeness_centrality(g, distance="exact"),
        "harmonic_inverse_weight": nx.harmonic_centrality(g, distance="exact"),
        "betweenness_float": nx.betweenness_centrality(g, normalized=False, weight="float"),
    }
    with open(os.path.join(OUT, "ties.edges"), "w") as f:
        f.write("# " + COMMAND + "\n")
        for u, v, d in sorted(g.edges(data=True)):
            f.write(f"{u}\t{v}\t{d['weight']}\n")
    with open(os.path.join(OUT, "ties.nodes.tsv"), "w") as f:
        f.write("# " + COMMAND + "\n")
        f.write(f"# networkx {nx.__version__}; distances fractions.Fraction(1, weight)\n")
        f.write("label\t" + "\t".join(cols) + "\n")
        for v in nodes:
            f.write(f"{v}\t" + "\t".join(repr(float(cols[c][v])) for c in cols) + "\n")
    wrong = sum(1 for v in nodes if abs(cols["betweenness_float"][v] - cols["betweenness_inverse_weight"][v]) > 1e-9)
    print(f"ties: {len(nodes)} nodes, {g.number_of_edges()} edges; float betweenness wrong on {wrong} nodes")


if __name__ == "__main__":
    main()
