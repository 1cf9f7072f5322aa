#!/usr/bin/env python3
"""Reads every `coauthor network` export back with networkx and checks nodes, edges,
weights and attributes against the CSV edge table of the same network.

Usage: python3 Tests/Interop/check_exports.py PATH/TO/coauthor [SOURCE...]
(`make test` runs it after `swift test` when python3 can import networkx.)
Exits non-zero with a message on the first mismatch."""
import csv
import json
import math
import os
import subprocess
import sys
import tempfile

import networkx as nx

HOSTILE = 'Ann "Quote" O\'Hara & <b>Bold</b> =SUM(A1) \\N ]]> Zoë'


def export(exe, sources, fmt, out):
    subprocess.run([exe, "network", *sources, "--format", fmt, "-o", out], check=True,
                   stderr=subprocess.DEVNULL)


def reference(exe, sources, folder):
    path = os.path.join(folder, "edges.csv")
    export(exe, sources, "csv", path)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    def unprefix(s):  # the CSV writer neutralises spreadsheet formulas with a leading '
        return s[1:] if s.startswith("'") and s[1:2] in "=+-@\t\r" else s
    return {frozenset((unprefix(r["source"]), unprefix(r["target"]))): float(r["weight"]) for r in rows}


def check(name, graph, expected, label_of, weight_key="weight"):
    got = {}
    for u, v, data in graph.edges(data=True):
        got[frozenset((label_of(u), label_of(v)))] = float(data[weight_key])
    if set(got) != set(expected):
        missing = set(expected) - set(got)
        extra = set(got) - set(expected)
        sys.exit(f"{name}: edge sets differ (missing {list(missing)[:3]}, extra {list(extra)[:3]})")
    for key, w in expected.items():
        if not math.isclose(got[key], w, rel_tol=1e-9, abs_tol=1e-12):
            sys.exit(f"{name}: weight of {sorted(key)} is {got[key]}, expected {w}")
    print(f"{name}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, weights match")


def main():
    exe = sys.argv[1]
    folder = tempfile.mkdtemp(prefix="coauthor-interop-")
    sources = sys.argv[2:]
    if not sources:
        # A small BibTeX corpus with a hostile name, plus the seed CV.
        bib = os.path.join(folder, "hostile.bib")
        with open(bib, "w", encoding="utf-8") as f:
            f.write("@article{a, author = {" + HOSTILE.replace("&", "\\&") + " and Qi Lei and Jason D. Lee},"
                    " title = {A test}, journal = {J}, year = {2020}}\n")
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        sources = [bib, os.path.join(root, "Data", "qi-lei-cv.txt")]
    expected = reference(exe, sources, folder)
    names = {n for key in expected for n in key}

    def path(ext):
        p = os.path.join(folder, "net." + ext)
        return p

    export(exe, sources, "graphml", path("graphml"))
    g = nx.read_graphml(path("graphml"))
    check("graphml", g, expected, lambda n: g.nodes[n]["label"])
    assert all(isinstance(g.nodes[n]["papers"], int) for n in g), "graphml: papers not an integer"
    assert all(isinstance(g.nodes[n]["strength"], float) for n in g), "graphml: strength not a float"

    export(exe, sources, "gexf", path("gexf"))
    g = nx.read_gexf(path("gexf"))
    check("gexf", g, expected, lambda n: g.nodes[n]["label"])
    assert all(isinstance(g.nodes[n]["papers"], int) for n in g), "gexf: papers not an integer"

    export(exe, sources, "gml", path("gml"))
    g = nx.read_gml(path("gml"), label="id")
    check("gml", g, expected, lambda n: g.nodes[n]["label"])

    export(exe, sources, "json", path("json"))
    with open(path("json"), encoding="utf-8") as f:
        g = nx.node_link_graph(json.load(f), edges="links")
    check("json (node-link)", g, expected, lambda n: g.nodes[n]["label"])

    export(exe, sources, "pajek", path("net"))
    g = nx.read_pajek(path("net"))
    # Pajek labels cannot hold a double quote: the writer turns it into an apostrophe.
    pajek_expected = {frozenset(n.replace('"', "'") for n in key): w for key, w in expected.items()}
    check("pajek", nx.Graph(g), pajek_expected, lambda n: n)

    export(exe, sources, "edgelist", path("edgelist"))
    labels = {}
    with open(path("edgelist"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("# ") and "\t" in line:
                node, label = line[2:].rstrip("\n").split("\t", 1)
                labels[node] = label
    g = nx.read_edgelist(path("edgelist"), comments="#", data=(("weight", float),))
    check("edgelist", g, expected, lambda n: labels[n])

    export(exe, sources, "vosviewer", path("vos.json"))
    with open(path("vos.json"), encoding="utf-8") as f:
        vos = json.load(f)["network"]
    g = nx.Graph()
    for item in vos["items"]:
        g.add_node(item["id"], label=item["label"])
    for link in vos["links"]:
        g.add_edge(link["source_id"], link["target_id"], weight=link["strength"])
    check("vosviewer json", g, expected, lambda n: g.nodes[n]["label"])

    export(exe, sources, "dot", path("dot"))
    try:
        import pydot  # noqa: F401
        g = nx.nx_pydot.read_dot(path("dot"))
        print(f"dot: {g.number_of_nodes()} nodes read with pydot")
    except ImportError:
        print("dot: pydot not installed, skipped (the Graphviz tests parse DOT with libgvc)")

    # The BibTeX reader strips HTML tags and TeX commands; quotes, &, formula text,
    # "]]>" and diacritics must survive every format above.
    survivor = 'Ann "Quote" O\'Hara & Bold =SUM(A1)'
    if len(sys.argv) == 2 and not any(n.startswith(survivor) and n.endswith("]]> Zoë") for n in names):
        sys.exit(f"the hostile name did not survive: {sorted(names)[:3]}")
    print("interop: every export read back by networkx", nx.__version__)


if __name__ == "__main__":
    main()
