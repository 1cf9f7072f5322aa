#!/usr/bin/env python3
"""Reads every `coauthor network` export back with networkx (and the edge list with
igraph) and checks nodes, edges, weights and every node attribute against the CSV edge
table and the GraphML export of the same network; validates every GEXF against the
official GEXF 1.3 schema (Tests/Interop/gexf-schema/); runs `coauthor run` on the seed
data and checks its GEXF (viz positions, colours, sizes, spells) and VOSviewer map
file against each other.

Usage: python3 Tests/Interop/check_exports.py PATH/TO/coauthor [SOURCE...]
(`make test` runs it after `swift test`, installing networkx, igraph and lxml with pip
when they are missing.) Exits non-zero with a message on the first mismatch."""
import csv
import json
import math
import os
import re
import subprocess
import sys
import tempfile

import networkx as nx

HOSTILE = 'Ann "Quote" O\'Hara & <b>Bold</b> =SUM(A1) \\N ]]> Zoë'
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
INTEGERS = ["community", "papers", "degree", "core", "firstYear", "lastYear"]
REALS = ["strength", "pagerank", "eigenvector", "betweenness", "closeness", "harmonic", "clustering", "meanYear"]
ATTRIBUTES = INTEGERS + REALS + ["owner"]
VIZ = "http://gexf.net/1.3/viz"


def export(exe, sources, fmt, out):
    subprocess.run([exe, "network", *sources, "--format", fmt, "-o", out], check=True,
                   stderr=subprocess.DEVNULL)


def unprefix(s):  # the CSV writer neutralises spreadsheet formulas with a leading '
    return s[1:] if s.startswith("'") and s[1:2] in "=+-@\t\r" else s


def reference(exe, sources, folder):
    path = os.path.join(folder, "edges.csv")
    export(exe, sources, "csv", path)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and list(rows[0].keys()) == ["Source", "Target", "Weight"], f"csv header: {list(rows[0].keys())}"
    return {frozenset((unprefix(r["Source"]), unprefix(r["Target"]))): float(r["Weight"]) for r in rows}


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


def same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def check_attributes(name, graph, truth, label_of, convert=lambda key, v: v, keys=ATTRIBUTES):
    """Every node's attributes equal GraphML's (by label), with the right types."""
    for n, data in graph.nodes(data=True):
        label = label_of(n)
        for key in keys:
            if key not in truth[label]:
                continue
            if key not in data:
                sys.exit(f"{name}: node {label!r} has no {key}")
            value = convert(key, data[key])
            want = truth[label][key]
            if key == "owner" and not isinstance(value, bool):
                sys.exit(f"{name}: owner of {label!r} is {value!r}, not a boolean")
            if key in INTEGERS and not isinstance(value, int):
                sys.exit(f"{name}: {key} of {label!r} is {value!r}, not an integer")
            if not same(value, want):
                sys.exit(f"{name}: {key} of {label!r} is {value!r}, GraphML says {want!r}")
    print(f"{name}: {len(keys)} attributes of {graph.number_of_nodes()} nodes match")


def schema():
    try:
        from lxml import etree
    except ImportError:
        return None
    return etree.XMLSchema(etree.parse(os.path.join(HERE, "gexf-schema", "gexf.xsd")))


def validate_gexf(path, xsd):
    """Validates against the official 1.3 XSD. Its viz.xsd has no target namespace, so
    viz:* elements (Gephi's own namespace) are checked here and removed before the
    schema check (see gexf-schema/SOURCE.md)."""
    from lxml import etree
    doc = etree.parse(path)
    viz = doc.findall(f".//{{{VIZ}}}*")
    for e in viz:
        tag = etree.QName(e).localname
        if tag == "color":
            for c in "rgb":
                v = int(e.get(c))
                assert 0 <= v <= 255, f"{path}: viz:color {c}={v}"
        elif tag == "position":
            float(e.get("x")), float(e.get("y")), float(e.get("z", "0"))
        elif tag == "size":
            assert float(e.get("value")) >= 0
        else:
            sys.exit(f"{path}: unexpected viz:{tag}")
        e.getparent().remove(e)
    if not xsd.validate(doc):
        sys.exit(f"{path}: not valid GEXF 1.3: {xsd.error_log}")
    print(f"gexf: {os.path.basename(path)} valid against the GEXF 1.3 XSD ({len(viz)} viz elements checked apart)")


def read_vos_map(path):
    with open(path, newline="", encoding="utf-8") as f:
        lines = f.read().splitlines()
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        fields = line.split("\t")
        assert fields[1].startswith('"') and fields[1].endswith('"'), f"{path}: label not quoted: {fields[1]}"
        fields[1] = fields[1][1:-1].replace('""', '"')
        rows.append(dict(zip(header, fields)))
    return header, rows


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
        sources = [bib, os.path.join(ROOT, "Data", "qi-lei-cv.txt")]
    expected = reference(exe, sources, folder)
    names = {n for key in expected for n in key}
    xsd = schema()

    def path(ext):
        return os.path.join(folder, "net." + ext)

    export(exe, sources, "graphml", path("graphml"))
    g = nx.read_graphml(path("graphml"))
    check("graphml", g, expected, lambda n: g.nodes[n]["label"])
    truth = {d["label"]: {k: d[k] for k in ATTRIBUTES if k in d} for _, d in g.nodes(data=True)}
    id_label = {n: d["label"] for n, d in g.nodes(data=True)}
    for key in ATTRIBUTES:
        if not all(key in t for t in truth.values()):
            sys.exit(f"graphml: attribute {key} missing")
    check_attributes("graphml", g, truth, lambda n: g.nodes[n]["label"])
    if not any(t["owner"] for t in truth.values()):
        sys.exit("graphml: no owner flagged")

    export(exe, sources, "gexf", path("gexf"))
    if xsd is not None:
        validate_gexf(path("gexf"), xsd)
    else:
        print("gexf: lxml not installed, XSD validation skipped (pip install lxml)")
    g = nx.read_gexf(path("gexf"))
    check("gexf", g, expected, lambda n: g.nodes[n]["label"])
    check_attributes("gexf", g, truth, lambda n: g.nodes[n]["label"])
    spells = [d.get("spells") for _, d in g.nodes(data=True)]
    if not any(spells):
        sys.exit("gexf: no spells")
    for (_, d) in g.nodes(data=True):
        for s, e in d.get("spells", []):
            if not (d["firstYear"] <= s <= e <= d["lastYear"]):
                sys.exit(f"gexf: spell {s}-{e} of {d['label']!r} outside {d['firstYear']}-{d['lastYear']}")
    print("gexf: spells lie within each person's first and last year")

    export(exe, sources, "gml", path("gml"))
    g = nx.read_gml(path("gml"), label="id")
    check("gml", g, expected, lambda n: g.nodes[n]["label"])
    check_attributes("gml", g, truth, lambda n: g.nodes[n]["label"],
                     convert=lambda k, v: bool(v) if k == "owner" else v)

    export(exe, sources, "json", path("json"))
    with open(path("json"), encoding="utf-8") as f:
        data = json.load(f)
    if "edges" not in data:
        sys.exit("json: no 'edges' key (networkx 3.6's default)")
    g = nx.node_link_graph(data)  # networkx 3.6's defaults: edges="edges"
    check("json (node-link)", g, expected, lambda n: g.nodes[n]["label"])
    check_attributes("json (node-link)", g, truth, lambda n: g.nodes[n]["label"],
                     convert=lambda k, v: float(v) if k in REALS else v)

    export(exe, sources, "pajek", path("net"))
    g = nx.read_pajek(path("net"))
    # Pajek labels cannot hold a double quote: the writer turns it into an apostrophe.
    pajek_expected = {frozenset(n.replace('"', "'") for n in key): w for key, w in expected.items()}
    check("pajek", nx.Graph(g), pajek_expected, lambda n: n)

    export(exe, sources, "edgelist", path("edgelist"))
    g = nx.read_edgelist(path("edgelist"), data=(("weight", float),))
    check("edgelist (networkx)", g, expected, lambda n: id_label["n" + n])
    try:
        import igraph as ig
        h = ig.Graph.Read_Ncol(path("edgelist"), names=True, weights=True, directed=False)
        gi = nx.Graph()
        for e in h.es:
            gi.add_edge(h.vs[e.source]["name"], h.vs[e.target]["name"], weight=e["weight"])
        check(f"edgelist (igraph {ig.__version__} Read_Ncol)", gi, expected, lambda n: id_label["n" + n])
    except ImportError:
        print("edgelist: python-igraph not installed, Read_Ncol skipped (pip install igraph)")

    export(exe, sources, "vosviewer", path("vos.json"))
    with open(path("vos.json"), encoding="utf-8") as f:
        vos = json.load(f)["network"]
    g = nx.Graph()
    for item in vos["items"]:
        g.add_node(item["id"], label=item["label"], cluster=item.get("cluster"),
                   Documents=item["weights"].get("Documents"), year=item.get("scores", {}).get("Avg. pub. year"))
    for link in vos["links"]:
        g.add_edge(link["source_id"], link["target_id"], weight=link["strength"])
    check("vosviewer json", g, expected, lambda n: g.nodes[n]["label"])
    for n, d in g.nodes(data=True):
        t = truth[d["label"]]
        if d["cluster"] != t["community"] or d["Documents"] != t["papers"] or not same(d["year"], t["meanYear"]):
            sys.exit(f"vosviewer json: {d} disagrees with GraphML {t}")
    print("vosviewer json: cluster, weight Documents and score Avg. pub. year match")

    vmap = os.path.join(folder, "net_map.txt")
    export(exe, sources, "vosviewer-map", vmap)
    header, rows = read_vos_map(vmap)
    for column in ["id", "label", "cluster", "weight<Links>", "weight<Total link strength>", "weight<Documents>", "score<Avg. pub. year>"]:
        if column not in header:
            sys.exit(f"vosviewer map: no {column} column ({header})")
    for r in rows:
        t = truth[r["label"]]
        if int(r["cluster"]) != t["community"] or int(float(r["weight<Documents>"])) != t["papers"] \
                or not same(float(r["score<Avg. pub. year>"]), t["meanYear"]):
            sys.exit(f"vosviewer map: {r} disagrees with GraphML {t}")
    print(f"vosviewer map: {len(rows)} quoted labels, cluster, weight<Documents>, score<Avg. pub. year> match")

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

    if len(sys.argv) == 2:
        check_run(exe, folder, xsd)
    print("interop: every export read back by networkx", nx.__version__)


def check_run(exe, folder, xsd):
    """`coauthor run` writes GEXF (with the figure's drawing) and VOSviewer files."""
    out = os.path.join(folder, "run")
    subprocess.run([exe, "run", "--data", os.path.join(ROOT, "Data"), "--output", out, "--quiet"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    gexf = os.path.join(out, "coauthor-network.gexf")
    if xsd is not None:
        validate_gexf(gexf, xsd)
    g = nx.read_gexf(gexf)
    drawn = {d["label"]: d["viz"] for _, d in g.nodes(data=True) if "viz" in d}
    if not drawn:
        sys.exit("run: coauthor-network.gexf has no viz positions")
    for label, viz in drawn.items():
        if not ({"color", "position", "size"} <= set(viz)):
            sys.exit(f"run: viz of {label!r} incomplete: {viz}")
    header, rows = read_vos_map(os.path.join(out, "coauthor-network_map.txt"))
    for column in ["x", "y", "cluster", "weight<Documents>", "score<Avg. pub. year>"]:
        if column not in header:
            sys.exit(f"run: VOSviewer map has no {column}")
    communities = {d["label"]: d["community"] for _, d in g.nodes(data=True)}
    for r in rows:
        if int(r["cluster"]) != communities[r["label"]]:
            sys.exit(f"run: cluster of {r['label']!r} differs from the GEXF community")
        if r["label"] in drawn:
            p = drawn[r["label"]]["position"]
            if not (same(float(r["x"]), p["x"]) and same(float(r["y"]), p["y"])):
                sys.exit(f"run: position of {r['label']!r} differs between GEXF and VOSviewer")
    network = os.path.join(out, "coauthor-network_network.txt")
    links = sum(1 for line in open(network, encoding="utf-8") if line.strip())
    if links != g.number_of_edges():
        sys.exit(f"run: {links} VOSviewer links, {g.number_of_edges()} GEXF edges")
    print(f"run: GEXF with {len(drawn)} drawn nodes (viz), VOSviewer map and network agree")


if __name__ == "__main__":
    main()
