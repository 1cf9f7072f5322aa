#!/usr/bin/env python3
"""Reference node sets for `--ego`, `--component` and `--largest-component`, from networkx.

Usage (from the package root, with ../shared/datasets beside it):

    python3 Tests/CLITests/Fixtures/selection/make_reference.py > Tests/CLITests/Fixtures/selection/netscience.tsv

Reads Newman's netscience.gml by label (as coauthor's GML reader does: self-loops dropped,
weights from `value`) and writes one row per selection: the selection, the number of nodes
and edges, the total weight (6 decimals) and the sorted node labels joined by " | ".
The first line of the output is the command that produced it.
"""
import os
import sys

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
GML = os.path.join(ROOT, "..", "shared", "datasets", "graphs", "netscience.gml")

g = nx.read_gml(GML, label="label")
g.remove_edges_from(list(nx.selfloop_edges(g)))
for _, _, d in g.edges(data=True):
    d["weight"] = float(d.get("value", 1.0))

selections = [
    ("ego\tNEWMAN, M\t1", nx.ego_graph(g, "NEWMAN, M", radius=1)),
    ("ego\tNEWMAN, M\t2", nx.ego_graph(g, "NEWMAN, M", radius=2)),
    ("component\tBARABASI, A\t", g.subgraph(nx.node_connected_component(g, "BARABASI, A"))),
    ("largest\t\t", g.subgraph(max(nx.connected_components(g), key=len))),
]
print("# python3 Tests/CLITests/Fixtures/selection/make_reference.py (networkx %s)" % nx.__version__)
print("# kind\tname\tradius\tnodes\tedges\ttotal_weight\tlabels")
for key, h in selections:
    total = sum(d["weight"] for _, _, d in h.edges(data=True))
    print("%s\t%d\t%d\t%.6f\t%s" % (key, h.number_of_nodes(), h.number_of_edges(), total, " | ".join(sorted(h.nodes()))))
