#!/usr/bin/env python3
"""Reference values for GraphKit's community tests, computed by igraph and leidenalg.

Run from the package root:
    python3 Tests/GraphKitTests/Fixtures/community/make_fixtures.py

Writes, beside this script:
  community.json   graphs (edge lists), partitions of them, and for each partition
                   igraph's modularity at several resolutions and leidenalg's CPM
                   quality (graphs without self-loops only: leidenalg then reports
                   sum_c [2 w_c - gamma n_c (n_c - 1)], twice the paper's H; with
                   self-loops it applies its own correction); igraph's NMI and
                   adjusted Rand index for pairs of partitions. The first field,
                   "command", is the command above.
  netscience.edges Newman's netscience coauthorship graph (shared/datasets/graphs/
                   netscience.gml) as a weighted edge list "u v weight" with the GML
                   node ids, for the benchmark runner (the 128 isolated nodes have
                   no edge line; modularity does not depend on them).
Tested with python-igraph 1.0.0 and leidenalg 0.12.0.
"""
import json
import os
import random

import igraph as ig
import leidenalg
import networkx as nx

COMMAND = "python3 Tests/GraphKitTests/Fixtures/community/make_fixtures.py"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
NETSCIENCE = os.path.join(ROOT, "..", "shared", "datasets", "graphs", "netscience.gml")
RESOLUTIONS = [0.5, 1.0, 1.5]
CPM_RESOLUTIONS = [0.05, 0.2]


def dense(membership):
    ids = {}
    return [ids.setdefault(c, len(ids)) for c in membership]


def partition_entry(graph, name, membership):
    membership = dense(membership)
    weights = graph.es["weight"]
    loops = any(e.source == e.target for e in graph.es)
    return {
        "name": name,
        "membership": membership,
        "modularity": [
            graph.modularity(membership, weights=weights, resolution=g) for g in RESOLUTIONS
        ],
        "cpm": [
            leidenalg.CPMVertexPartition(
                graph, initial_membership=membership, weights=weights, resolution_parameter=g
            ).quality()
            for g in CPM_RESOLUTIONS
        ] if not loops else None,
    }


def random_membership(rng, n, k):
    return [rng.randrange(k) for _ in range(n)]


def graph_entry(name, graph, partitions):
    return {
        "name": name,
        "nodeCount": graph.vcount(),
        "edges": [[e.source, e.target, e["weight"]] for e in graph.es],
        "resolutions": RESOLUTIONS,
        "cpmResolutions": CPM_RESOLUTIONS,
        "partitions": [partition_entry(graph, n, m) for n, m in partitions],
    }


def main():
    rng = random.Random(20261123)
    out = {"command": COMMAND, "graphs": [], "comparisons": []}

    # Zachary's karate club, unweighted (the graph of the known optimum Q = 0.4198).
    karate = ig.Graph.Famous("Zachary")
    karate.es["weight"] = [1.0] * karate.ecount()
    factions = [0 if d["club"] == "Mr. Hi" else 1 for _, d in nx.karate_club_graph().nodes(data=True)]
    karate_parts = [
        ("factions", factions),
        ("optimum", karate.community_optimal_modularity().membership),
        ("multilevel", karate.community_multilevel(weights="weight").membership),
        ("singletons", list(range(34))),
        ("whole", [0] * 34),
        ("random4", random_membership(rng, 34, 4)),
        ("random9", random_membership(rng, 34, 9)),
    ]
    out["graphs"].append(graph_entry("karate", karate, karate_parts))

    # A random weighted graph with self-loops and an isolated node.
    n = 40
    pairs = set()
    while len(pairs) < 110:
        u, v = rng.randrange(n - 1), rng.randrange(n - 1)  # node n-1 stays isolated
        if u != v:
            pairs.add((min(u, v), max(u, v)))
    loops = [(u, u) for u in (3, 17, 25)]
    edges = sorted(pairs) + loops
    weighted = ig.Graph(n=n, edges=edges)
    weighted.es["weight"] = [round(rng.uniform(0.1, 5.0), 3) for _ in edges]
    weighted_parts = [
        ("multilevel", weighted.community_multilevel(weights="weight").membership),
        ("random3", random_membership(rng, n, 3)),
        ("random7", random_membership(rng, n, 7)),
    ]
    out["graphs"].append(graph_entry("weighted-loops", weighted, weighted_parts))

    # netscience, weighted by Newman's shared-paper weights.
    net = ig.Graph.Read_GML(NETSCIENCE)
    net.es["weight"] = net.es["value"]
    net_parts = [
        ("multilevel", net.community_multilevel(weights="weight").membership),
        ("leiden", net.community_leiden(objective_function="modularity", weights="weight",
                                        n_iterations=-1).membership),
        ("random20", random_membership(rng, net.vcount(), 20)),
    ]
    out["graphs"].append(graph_entry("netscience", net, net_parts))

    for graph in out["graphs"]:
        parts = graph["partitions"]
        for i in range(len(parts)):
            for j in range(i + 1, len(parts)):
                a, b = parts[i]["membership"], parts[j]["membership"]
                out["comparisons"].append({
                    "graph": graph["name"], "a": parts[i]["name"], "b": parts[j]["name"],
                    "nmi": ig.compare_communities(a, b, method="nmi"),
                    "ari": ig.compare_communities(a, b, method="adjusted_rand"),
                })

    # One graph or comparison per line: readable diffs, "command" on the first line.
    with open(os.path.join(HERE, "community.json"), "w") as f:
        f.write('{"command": %s,\n"graphs": [\n' % json.dumps(COMMAND))
        f.write(",\n".join(json.dumps(g) for g in out["graphs"]))
        f.write('],\n"comparisons": [\n')
        f.write(",\n".join(json.dumps(c) for c in out["comparisons"]))
        f.write("]}\n")

    with open(os.path.join(HERE, "netscience.edges"), "w") as f:
        f.write(f"# {COMMAND}\n")
        f.write("# netscience (M. E. J. Newman, Phys. Rev. E 74, 036104, 2006): GML id, GML id, value\n")
        for e in net.es:
            f.write(f"{e.source} {e.target} {e['value']!r}\n")


if __name__ == "__main__":
    main()
