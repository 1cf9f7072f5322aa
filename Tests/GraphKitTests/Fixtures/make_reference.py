#!/usr/bin/env python3
"""Reference values for GraphKit's centrality tests, computed with networkx.

Usage (from the package root, with ../shared/datasets beside it):

    python3 Tests/GraphKitTests/Fixtures/make_reference.py DATASET [DATASET...]

DATASET is karate, netscience or ca-GrQc. Writes
Tests/GraphKitTests/Fixtures/centrality/DATASET.nodes.tsv (one row per node, keyed by
label) and DATASET.scalars.tsv. The first line of each file is the exact command that
produced it.

Conventions (the same as GraphKit's readers): self-loops are removed; an undirected
edge listed twice in a SNAP file is one edge; GML edge weights come from `value`;
inverse-weight distances are the edge attribute dist = 1/weight.
"""
import math
import os
import sys

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DATASETS = os.path.join(ROOT, "..", "shared", "datasets", "graphs")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "centrality")


def load(name):
    if name == "karate":
        g = nx.karate_club_graph()
        h = nx.Graph()
        h.add_nodes_from(str(v) for v in g.nodes())
        # Unweighted: every edge weight 1 (networkx 3 attaches meeting counts; dropped here).
        h.add_edges_from((str(u), str(v), {"weight": 1.0}) for u, v in g.edges())
        return h
    if name == "netscience":
        g = nx.read_gml(os.path.join(DATASETS, "netscience.gml"), label="label")
        for _, _, d in g.edges(data=True):
            d["weight"] = float(d.get("value", 1.0))
        return g
    if name == "ca-GrQc":
        g = nx.read_edgelist(os.path.join(DATASETS, "ca-GrQc.txt"), nodetype=str, comments="#")
        for _, _, d in g.edges(data=True):
            d["weight"] = 1.0
        return g
    raise SystemExit(f"unknown dataset {name}")


def fmt(x):
    return repr(float(x))


def main():
    command = "python3 Tests/GraphKitTests/Fixtures/make_reference.py " + " ".join(sys.argv[1:])
    os.makedirs(OUT, exist_ok=True)
    for name in sys.argv[1:]:
        g = load(name)
        g.remove_edges_from(list(nx.selfloop_edges(g)))
        for _, _, d in g.edges(data=True):
            d["dist"] = 1.0 / d["weight"]
        nodes = list(g.nodes())
        cols = {}
        cols["degree"] = dict(g.degree())
        cols["strength"] = dict(g.degree(weight="weight"))
        cols["degree_centrality"] = nx.degree_centrality(g)
        cols["pagerank"] = nx.pagerank(g, alpha=0.85, weight="weight")
        cols["pagerank_unweighted"] = nx.pagerank(g, alpha=0.85, weight=None)
        cols["eigenvector"] = nx.eigenvector_centrality(g, weight="weight", max_iter=100, tol=1e-6)
        cols["betweenness_hops"] = nx.betweenness_centrality(g, normalized=False, weight=None)
        cols["betweenness_hops_normalized"] = nx.betweenness_centrality(g, normalized=True, weight=None)
        cols["closeness_hops"] = nx.closeness_centrality(g)
        cols["harmonic_hops"] = nx.harmonic_centrality(g)
        if name != "ca-GrQc":  # unit weights there: inverse-weight equals hops
            cols["betweenness_inverse_weight"] = nx.betweenness_centrality(g, normalized=False, weight="dist")
            cols["closeness_inverse_weight"] = nx.closeness_centrality(g, distance="dist")
            cols["harmonic_inverse_weight"] = nx.harmonic_centrality(g, distance="dist")
        cols["core_number"] = nx.core_number(g)
        cols["triangles"] = nx.triangles(g)
        cols["clustering"] = nx.clustering(g)
        cols["clustering_geometric_mean"] = nx.clustering(g, weight="weight")
        names = list(cols)
        with open(os.path.join(OUT, f"{name}.nodes.tsv"), "w") as f:
            f.write("# " + command + "\n")
            f.write("label\t" + "\t".join(names) + "\n")
            for v in nodes:
                f.write(str(v).replace("\t", " ") + "\t" + "\t".join(fmt(cols[c][v]) for c in names) + "\n")
        lcc = g.subgraph(max(nx.connected_components(g), key=len)).copy()
        scalars = {
            "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "density": nx.density(g),
            "components": nx.number_connected_components(g),
            "largest_component_nodes": lcc.number_of_nodes(),
            "average_clustering": nx.average_clustering(g),
            "average_clustering_geometric_mean": nx.average_clustering(g, weight="weight"),
            "transitivity": nx.transitivity(g),
            "diameter_hops": nx.diameter(lcc),
            "average_path_length_hops": nx.average_shortest_path_length(lcc),
        }
        if name != "ca-GrQc":
            scalars["diameter_inverse_weight"] = nx.diameter(lcc, weight="dist")
            scalars["average_path_length_inverse_weight"] = nx.average_shortest_path_length(lcc, weight="dist")
        with open(os.path.join(OUT, f"{name}.scalars.tsv"), "w") as f:
            f.write("# " + command + "\n")
            f.write(f"# networkx {nx.__version__}\n")
            for k, v in scalars.items():
                f.write(f"{k}\t{fmt(v)}\n")
        print(f"{name}: {len(nodes)} nodes written", file=sys.stderr)


if __name__ == "__main__":
    main()
