#!/usr/bin/env python3
"""Reference values from igraph's exact solvers for GraphKit's iterative-metric tests.

Usage (from the package root, with ../shared/datasets beside it):

    python3 Tests/GraphKitTests/Fixtures/make_igraph_reference.py DATASET [DATASET...]

DATASET is netscience, ca-GrQc (every node) or ca-AstroPh (1,000 nodes drawn with
random.Random(1) from the sorted labels, plus the 20 top-ranked by PageRank). Writes
Tests/GraphKitTests/Fixtures/centrality/DATASET.igraph.tsv, one row per node keyed by
label; the first line is the exact command that produced it, the second the versions.

Columns:
- pagerank: Graph.pagerank(weights=w, damping=0.85) (PRPACK: solves the linear system
  exactly; dangling nodes teleport uniformly);
- pagerank_unweighted: the same with weights=None;
- eigenvector: Graph.eigenvector_centrality(weights=w, scale=True) (ARPACK; maximum 1;
  on a disconnected graph nodes outside the leading component get round-off, about
  1e-17, where GraphKit writes 0).

Conventions as make_reference.py (GraphKit's readers): self-loops removed; an
undirected edge listed twice in a SNAP file is one edge (weight 1); GML weights from
`value`.
"""
import os
import random
import sys
import warnings

import igraph as ig

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DATASETS = os.path.join(ROOT, "..", "shared", "datasets", "graphs")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "centrality")


def load(name):
    """(labels, edges, weights) with self-loops removed and repeated pairs merged."""
    if name == "netscience":
        g = ig.Graph.Read_GML(os.path.join(DATASETS, "netscience.gml"))
        labels = [str(x) for x in g.vs["label"]]
        edges = {}
        for e in g.es:
            u, v = e.tuple
            if u != v:
                # A repeated GML edge is a second record: weights add (GraphKit's reader).
                key = (min(u, v), max(u, v))
                edges[key] = edges.get(key, 0.0) + float(e["value"])
        return labels, list(edges), list(edges.values())
    path = os.path.join(DATASETS, f"{name}.txt")
    index, labels, edges = {}, [], set()
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        a, b = line.split()[:2]
        for x in (a, b):
            if x not in index:
                index[x] = len(labels)
                labels.append(x)
        u, v = index[a], index[b]
        if u != v:
            edges.add((min(u, v), max(u, v)))
    edges = sorted(edges)
    return labels, edges, [1.0] * len(edges)


def main():
    command = "python3 Tests/GraphKitTests/Fixtures/make_igraph_reference.py " + " ".join(sys.argv[1:])
    for name in sys.argv[1:]:
        labels, edges, weights = load(name)
        g = ig.Graph(n=len(labels), edges=edges)
        g.es["weight"] = weights
        cols = {
            "pagerank": g.pagerank(weights="weight", damping=0.85),
            "pagerank_unweighted": g.pagerank(weights=None, damping=0.85),
        }
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "not meaningful for disconnected graphs"
            cols["eigenvector"] = g.eigenvector_centrality(weights="weight", scale=True)
        rows = list(range(len(labels)))
        if name == "ca-AstroPh":
            order = sorted(rows, key=lambda v: labels[v])
            chosen = set(random.Random(1).sample(order, 1000))
            chosen |= set(sorted(rows, key=lambda v: -cols["pagerank"][v])[:20])
            rows = sorted(chosen, key=lambda v: labels[v])
        names = list(cols)
        with open(os.path.join(OUT, f"{name}.igraph.tsv"), "w") as f:
            f.write("# " + command + "\n")
            f.write(f"# python-igraph {ig.__version__}\n")
            f.write("label\t" + "\t".join(names) + "\n")
            for v in rows:
                f.write(labels[v].replace("\t", " ") + "\t" + "\t".join(repr(float(cols[c][v])) for c in names) + "\n")
        print(f"{name}: {len(rows)} of {len(labels)} nodes written", file=sys.stderr)


if __name__ == "__main__":
    main()
