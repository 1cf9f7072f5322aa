#!/usr/bin/env python3
"""Peers for coauthor-bench: the same cases in igraph and NetworKit, on the same file.

    python3 Benchmarks/peers.py igraph|networkit FILE CASE    one case, one JSON line
    python3 Benchmarks/peers.py report RESULTS.jsonl          Markdown table with ratios

Each case runs in a fresh process (run.sh does this) so that its peak memory, read
from getrusage after the case, is load + that case only. Loading is timed: igraph
reads a comment-free copy of the file through Read_Ncol (its reader stops at SNAP's
'#' header; the copy is made before the clock starts) and simplifies; NetworKit uses
its SNAP/GML/METIS reader and removes self-loops. Weighted cases use
distance = 1/weight, as coauthor does. Threads: igraph is single-threaded; NetworKit
uses all cores (OMP), as coauthor does.
"""
import json
import os
import resource
import sys
import tempfile
import time


# Above this many nodes, summary statistics are estimated (as coauthor does above its
# exact-path limit) or skipped where a peer can only compute them exactly.
LARGE = 100_000


def detect(path):
    with open(path, "rb") as f:
        head = f.read(4096).decode("utf-8", "replace").lstrip("\ufeff").lstrip()
    if "graph" in head and "[" in head and head.lower().startswith(("creator", "graph", "#")) and "[" in head:
        if "graph\n[" in head or "graph [" in head:
            return "gml"
    if path.endswith(".graph"):
        return "metis"
    return "edgelist"


def comment_free_copy(path):
    fd, tmp = tempfile.mkstemp(suffix=".ncol")
    with os.fdopen(fd, "w") as out, open(path) as f:
        for line in f:
            if line.strip() and not line.lstrip().startswith(("#", "%")):
                out.write(line)
    return tmp


def run_igraph(path, case):
    import igraph as ig

    fmt = detect(path)
    tmp = comment_free_copy(path) if fmt == "edgelist" else None
    t0 = time.perf_counter()
    if fmt == "gml":
        g = ig.Graph.Read_GML(path)
        if "value" in g.es.attributes():
            g.es["weight"] = g.es["value"]
    elif fmt == "metis":
        raise SystemExit("igraph has no METIS reader")
    else:
        g = ig.Graph.Read_Ncol(tmp, directed=False, weights="if_present")
    g.simplify(multiple=True, loops=True, combine_edges="first")
    load = time.perf_counter() - t0
    if tmp:
        os.unlink(tmp)
    weights = g.es["weight"] if "weight" in g.es.attributes() else None
    dist = [1.0 / w for w in weights] if weights else [1.0] * g.ecount()
    t0 = time.perf_counter()
    c0 = time.process_time()
    if case == "load":
        result = f"nodes={g.vcount()} edges={g.ecount()}"
    elif case == "degree":
        s = g.strength(weights=weights)
        result = f"sum={sum(s)}"
    elif case in ("pagerank", "pagerank-networkx"):
        p = g.pagerank(weights=weights, damping=0.85)  # PRPACK: exact either way
        result = f"sum={sum(p)} max={max(p)}"
    elif case in ("eigenvector", "eigenvector-networkx"):
        e = g.eigenvector_centrality(weights=weights, scale=True)  # maximum 1
        result = f"max={max(e)}"
    elif case == "betweenness-hops":
        b = g.betweenness(directed=False)
        result = f"sum={sum(b)} max={max(b)}"
    elif case == "betweenness-weighted":
        b = g.betweenness(directed=False, weights=dist)
        result = f"sum={sum(b)} max={max(b)}"
    elif case == "closeness":
        c = g.closeness()
        result = f"max={max(x for x in c if x == x)}"
    elif case == "harmonic":
        h = g.harmonic_centrality(normalized=False)
        result = f"max={max(h)}"
    elif case == "closeness-weighted":
        c = g.closeness(weights=dist)
        result = f"max={max(x for x in c if x == x)}"
    elif case == "harmonic-weighted":
        h = g.harmonic_centrality(normalized=False, weights=dist)
        result = f"max={max(h)}"
    elif case == "coreness":
        result = f"max={max(g.coreness())}"
    elif case == "clustering":
        local = g.transitivity_local_undirected(mode="zero")
        result = f"avg={sum(local) / len(local)} transitivity={g.transitivity_undirected()}"
    elif case == "components":
        c = g.connected_components()
        result = f"count={len(c)} largest={max(c.sizes())}"
    elif case == "summary":
        if g.vcount() > LARGE:
            return None  # igraph has only exact path statistics: O(nm), hours at this size
        c = g.connected_components()
        lcc = c.giant()
        result = f"components={len(c)} diameter={lcc.diameter()} apl={lcc.average_path_length()}"
    else:
        return None
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    return {"peer": "igraph", "case": case, "seconds": load if case == "load" else seconds,
            "case_cpu_seconds": cpu, "result": result}


def run_networkit(path, case):
    import networkit as nk

    fmt = detect(path)
    t0 = time.perf_counter()
    if fmt == "gml":
        g = nk.graphio.GMLGraphReader().read(path)
    elif fmt == "metis":
        g = nk.graphio.METISGraphReader().read(path)
    else:
        g = nk.graphio.EdgeListReader("\t", 0, "#", continuous=False, directed=False).read(path)
    g.removeSelfLoops()
    g.removeMultiEdges()
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    c0 = time.process_time()
    if case == "load":
        result = f"nodes={g.numberOfNodes()} edges={g.numberOfEdges()}"
    elif case == "degree":
        result = f"sum={sum(g.weightedDegree(u) for u in g.iterNodes())}"
    elif case == "pagerank":
        a = nk.centrality.PageRank(g, damp=0.85, tol=1e-6)
        a.run()
        result = f"max={max(a.scores())}"
    elif case == "eigenvector":
        a = nk.centrality.EigenvectorCentrality(g)
        a.run()
        result = f"max={max(a.scores())}"
    elif case == "betweenness-hops":
        a = nk.centrality.Betweenness(g, normalized=False)
        a.run()
        result = f"sum={sum(a.scores()) / 2}"
    elif case == "betweenness-weighted":
        # Lengths 1/w (1 on an unweighted file); NetworKit reads a third column as weight.
        h = nk.graphtools.toWeighted(g) if not g.isWeighted() else g
        if g.isWeighted():
            for u, v, w in list(h.iterEdgesWeights()):
                h.setWeight(u, v, 1.0 / w)
        a = nk.centrality.Betweenness(h, normalized=False)
        a.run()
        result = f"sum={sum(a.scores()) / 2}"
    elif case == "approx-betweenness":
        a = nk.centrality.ApproxBetweenness(g, epsilon=0.01, delta=0.1)
        a.run()
        result = f"max={max(a.scores())} samples={a.numberOfSamples()}"
    elif case == "closeness":
        a = nk.centrality.Closeness(g, True, nk.centrality.ClosenessVariant.GENERALIZED)
        a.run()
        result = f"max={max(a.scores())}"
    elif case == "harmonic":
        a = nk.centrality.HarmonicCloseness(g, normalized=False)
        a.run()
        result = f"max={max(a.scores())}"
    elif case == "coreness":
        a = nk.centrality.CoreDecomposition(g)
        a.run()
        result = f"max={max(a.scores())}"
    elif case == "clustering":
        a = nk.centrality.LocalClusteringCoefficient(g, turbo=True)
        a.run()
        s = a.scores()
        result = f"avg={sum(s) / len(s)}"
    elif case == "components":
        a = nk.components.ConnectedComponents(g)
        a.run()
        result = f"count={a.numberOfComponents()}"
    elif case == "summary":
        a = nk.components.ConnectedComponents(g)
        a.run()
        lcc = nk.components.ConnectedComponents.extractLargestConnectedComponent(g, True)
        if g.numberOfNodes() > LARGE:
            d = nk.distance.Diameter(lcc, algo=nk.distance.DiameterAlgo.ESTIMATED_RANGE, error=0.1)
        else:
            d = nk.distance.Diameter(lcc, algo=nk.distance.DiameterAlgo.EXACT)
        d.run()
        result = f"components={a.numberOfComponents()} diameter={d.getDiameter()[0]}"
    else:
        return None
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    return {"peer": "networkit", "case": case, "seconds": load if case == "load" else seconds,
            "case_cpu_seconds": cpu, "result": result}


def report(path):
    rows = {}
    for line in open(path):
        if not line.strip():
            continue
        r = json.loads(line)
        rows.setdefault((r["file"], r["case"]), {})[r["peer"]] = r
    print("| file | case | coauthor s | igraph s | NetworKit s | ours/igraph | ours/NetworKit | coauthor MB | igraph MB | NetworKit MB | CPU s coauthor / igraph / NetworKit | case CPU s coauthor / igraph / NetworKit |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")

    def cell(r, key, fmt):
        return fmt.format(r[key]) if r and r.get(key) is not None else "n/a"

    for (file, case), peers in rows.items():
        ours, ig, nk = peers.get("coauthor"), peers.get("igraph"), peers.get("networkit")

        def ratio(p):
            if ours and p and p.get("seconds"):
                return f"{ours['seconds'] / p['seconds']:.2f}"
            return "n/a"

        print(
            f"| {os.path.basename(file)} | {case} | {cell(ours, 'seconds', '{:.3f}')} | {cell(ig, 'seconds', '{:.3f}')} | "
            f"{cell(nk, 'seconds', '{:.3f}')} | {ratio(ig)} | {ratio(nk)} | {cell(ours, 'peak_mb', '{:.0f}')} | "
            f"{cell(ig, 'peak_mb', '{:.0f}')} | {cell(nk, 'peak_mb', '{:.0f}')} | "
            f"{cell(ours, 'cpu_seconds', '{:.1f}')} / {cell(ig, 'cpu_seconds', '{:.1f}')} / {cell(nk, 'cpu_seconds', '{:.1f}')} | "
            f"{cell(ours, 'case_cpu_seconds', '{:.2f}')} / {cell(ig, 'case_cpu_seconds', '{:.2f}')} / {cell(nk, 'case_cpu_seconds', '{:.2f}')} |"
        )


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "report":
        report(sys.argv[2])
        return
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    peer, path, case = sys.argv[1:]
    runner = {"igraph": run_igraph, "networkit": run_networkit}[peer]
    before = resource.getrusage(resource.RUSAGE_SELF)
    r = runner(path, case)
    after = resource.getrusage(resource.RUSAGE_SELF)
    if r is None:
        print(json.dumps({"peer": peer, "case": case, "file": path, "seconds": None, "result": "not available"}))
        return
    r["file"] = path
    # CPU seconds of the whole process (load + case), comparable with /usr/bin/time for ours.
    r["cpu_seconds"] = after.ru_utime + after.ru_stime
    r["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(r))


if __name__ == "__main__":
    main()
