#!/usr/bin/env python3
"""igraph and NetworKit on the coauthor edge list of a `coauthor run` (issue 16 point 4).

    python3 Benchmarks/dblp_peers.py igraph|networkit EDGES.csv [--leiden-iterations 2]

EDGES.csv is `coauthor-network.edges.csv` from the run (Source,Target,source_name,
target_name,Weight): the peers get the network coauthor built from the records, with
its weights. One process runs every case in turn and prints one JSON line per case:
wall seconds, CPU seconds of the case (`time.process_time()`, all threads), and the
process's peak RSS so far (getrusage; it only grows, so a case's own peak is at most
that). Cases: load (numpy arrays → graph, the CSV parse is timed apart as `parse`),
degree (strength), pagerank, coreness, clustering (local + global transitivity),
components, leiden (modularity, weights), and where the peer has one an approximate
betweenness with a guarantee (NetworKit's `ApproxBetweenness`, Riondato–Kornaropoulos,
ε = 0.01, δ = 0.1 — the guarantee coauthor states; igraph has none) and approximate
closeness (NetworKit's `ApproxCloseness`, sampled sources; igraph has none).
igraph is single-threaded; NetworKit uses every core (OMP).
"""
import argparse
import json
import resource
import sys
import time

import numpy as np


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_edges(path):
    """Source, Target and Weight columns (names may hold commas inside quotes: the
    first two fields and the last are read)."""
    us, vs, ws = [], [], []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            a, b, rest = line.split(",", 2)
            us.append(int(a))
            vs.append(int(b))
            ws.append(float(rest.rsplit(",", 1)[1]))
    return np.array(us, dtype=np.int64), np.array(vs, dtype=np.int64), np.array(ws, dtype=np.float64)


class Clock:
    def __init__(self, peer):
        self.peer = peer

    def case(self, name, fn):
        w0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        print(json.dumps({"peer": self.peer, "case": name, "seconds": round(wall, 3),
                          "cpu_seconds": round(cpu, 3), "peak_rss_mb": round(peak_mb()),
                          "result": result}), flush=True)
        return result


def run_igraph(us, vs, ws, n, clock, args):
    import igraph as ig

    holder = {}

    def load():
        g = ig.Graph(n=n, edges=np.column_stack([us, vs]).tolist(), directed=False)
        g.es["weight"] = ws.tolist()
        holder["g"] = g
        return {"nodes": g.vcount(), "edges": g.ecount()}

    clock.case("load", load)
    g = holder["g"]
    clock.case("degree", lambda: {"max_strength": max(g.strength(weights="weight"))})
    clock.case("pagerank", lambda: {"max": max(g.pagerank(weights="weight"))})
    clock.case("coreness", lambda: {"max": max(g.coreness())})

    def clustering():
        local = g.transitivity_local_undirected(mode="zero")
        return {"average": sum(local) / len(local), "transitivity": g.transitivity_undirected()}

    clock.case("clustering", clustering)
    clock.case("components", lambda: {"count": len(g.connected_components())})

    def leiden():
        part = g.community_leiden(objective_function="modularity", weights="weight",
                                  n_iterations=args.leiden_iterations)
        return {"communities": len(part), "modularity": g.modularity(part.membership, weights="weight")}

    clock.case("leiden", leiden)


def run_networkit(us, vs, ws, n, clock, args):
    import networkit as nk

    holder = {}

    def load():
        g = nk.Graph(n, weighted=True, directed=False)
        g.addEdges((ws, (us, vs)), checkMultiEdge=False)
        holder["g"] = g
        return {"nodes": g.numberOfNodes(), "edges": g.numberOfEdges()}

    clock.case("load", load)
    g = holder["g"]

    def degree():
        return {"max_strength": max(g.weightedDegree(u) for u in range(n))}

    clock.case("degree", degree)

    def pagerank():
        pr = nk.centrality.PageRank(g, tol=1e-9)
        pr.run()
        return {"max": max(pr.scores()), "iterations": pr.numberOfIterations()}

    clock.case("pagerank", pagerank)

    def coreness():
        cd = nk.centrality.CoreDecomposition(g)
        cd.run()
        return {"max": cd.maxCoreNumber()}

    clock.case("coreness", coreness)

    def clustering():
        lcc = nk.centrality.LocalClusteringCoefficient(g, turbo=True)
        lcc.run()
        s = lcc.scores()
        return {"average": sum(s) / len(s)}

    clock.case("clustering", clustering)

    def components():
        cc = nk.components.ConnectedComponents(g)
        cc.run()
        return {"count": cc.numberOfComponents()}

    clock.case("components", components)

    def leiden():
        algo = nk.community.ParallelLeiden(g, iterations=args.leiden_iterations, randomize=True)
        algo.run()
        part = algo.getPartition()
        return {"communities": part.numberOfSubsets(), "modularity": nk.community.Modularity().getQuality(part, g)}

    clock.case("leiden", leiden)

    def louvain():
        algo = nk.community.PLM(g, refine=False)
        algo.run()
        part = algo.getPartition()
        return {"communities": part.numberOfSubsets(), "modularity": nk.community.Modularity().getQuality(part, g)}

    clock.case("louvain (PLM)", louvain)

    def closeness():
        ac = nk.centrality.ApproxCloseness(g, args.closeness_samples, epsilon=0.1, normalized=True)
        ac.run()
        return {"max": max(ac.scores()), "samples": args.closeness_samples}

    clock.case("approx-closeness", closeness)

    if args.betweenness:
        def betweenness():
            ab = nk.centrality.ApproxBetweenness(g, epsilon=0.01, delta=0.1)
            ab.run()
            return {"max": max(ab.scores()), "samples": ab.numberOfSamples()}

        clock.case("approx-betweenness (eps 0.01, delta 0.1)", betweenness)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("peer", choices=["igraph", "networkit"])
    parser.add_argument("edges")
    parser.add_argument("--leiden-iterations", type=int, default=2)
    parser.add_argument("--closeness-samples", type=int, default=1000)
    parser.add_argument("--betweenness", action="store_true", help="also NetworKit's ApproxBetweenness (slow)")
    args = parser.parse_args()
    clock = Clock(args.peer)
    holder = {}

    def parse():
        holder["e"] = read_edges(args.edges)
        return {"rows": int(holder["e"][0].size)}

    clock.case("parse (CSV, not counted)", parse)
    us, vs, ws = holder["e"]
    n = int(max(us.max(initial=-1), vs.max(initial=-1))) + 1
    (run_igraph if args.peer == "igraph" else run_networkit)(us, vs, ws, n, clock, args)


if __name__ == "__main__":
    main()
