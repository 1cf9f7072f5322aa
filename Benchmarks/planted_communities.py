#!/usr/bin/env python3
"""Community detection on a graph with planted communities: NMI against the truth.

    python3 Benchmarks/planted_communities.py --coauthor .build/release/coauthor \
        [--nodes 300000] [--seed 42] [--runs 3]

Generates the LFR graph of Benchmarks/generate_large.py (same parameters and seed,
NetworKit's LFRGenerator, mu 0.2) with its planted partition, then runs, on the same
file in the same run: coauthor's Leiden (`coauthor communities --format csv`, timed as
a whole command including reading the file), igraph's community_leiden
(objective_function="modularity") and leidenalg's ModularityVertexPartition.
Prints one Markdown row per tool: modularity (recomputed by igraph, unweighted),
communities, NMI against the planted partition, seconds.
"""
import argparse
import csv
import io
import statistics
import subprocess
import time

import igraph as ig
import leidenalg
import networkit as nk


def lfr(nodes, seed):
    nk.engineering.setSeed(seed, False)
    nk.engineering.setNumberOfThreads(1)
    gen = nk.generators.LFRGenerator(nodes)
    gen.generatePowerlawDegreeSequence(8, 300, -2)
    gen.generatePowerlawCommunitySizeSequence(20, 1000, -1)
    gen.setMu(0.2)
    g = gen.generate()
    truth = gen.getPartition()
    g.removeSelfLoops()
    g.removeMultiEdges()
    return g, [truth.subsetOf(u) for u in range(g.numberOfNodes())]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--coauthor", required=True)
    ap.add_argument("--nodes", type=int, default=300_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", default="/tmp/lfr-planted.txt")
    a = ap.parse_args()
    g, truth = lfr(a.nodes, a.seed)
    edges = list(g.iterEdges())
    with open(a.out, "w") as f:
        f.write(f"# LFR n={a.nodes} mu=0.2 seed={a.seed} (Benchmarks/planted_communities.py)\n")
        for u, v in edges:
            f.write(f"{u}\t{v}\n")
    n = g.numberOfNodes()
    graph = ig.Graph(n=n, edges=edges)
    print(f"{a.out}: {n} nodes, {len(edges)} edges, {len(set(truth))} planted communities")
    print("| tool | modularity (median) | communities | NMI vs planted (median) | seconds (median) |")
    print("|---|---:|---:|---:|---:|")

    def report(name, memberships, seconds):
        q = [graph.modularity(m) for m in memberships]
        nmi = [ig.compare_communities(truth, m, method="nmi") for m in memberships]
        k = [len(set(m)) for m in memberships]
        print(f"| {name} | {statistics.median(q):.5f} | {statistics.median(k):.0f} |"
              f" {statistics.median(nmi):.4f} | {statistics.median(seconds):.2f} |", flush=True)

    ours, times = [], []
    for seed in range(a.runs):
        t = time.time()
        out = subprocess.run([a.coauthor, "communities", a.out, "--format", "csv", "--seed", str(seed)],
                             check=True, capture_output=True, text=True).stdout
        times.append(time.time() - t)
        membership = [0] * n
        for row in csv.DictReader(io.StringIO(out)):
            membership[int(row["name"])] = int(row["community"])
        ours.append(membership)
    report("coauthor Leiden (whole command, incl. reading)", ours, times)

    res, times = [], []
    for seed in range(a.runs):
        ig.set_random_number_generator(__import__("random").Random(seed))
        t = time.time()
        res.append(graph.community_leiden(objective_function="modularity").membership)
        times.append(time.time() - t)
    report("igraph community_leiden (call only)", res, times)

    res, times = [], []
    for seed in range(a.runs):
        t = time.time()
        res.append(leidenalg.find_partition(graph, leidenalg.ModularityVertexPartition, seed=seed).membership)
        times.append(time.time() - t)
    report("leidenalg ModularityVertexPartition (call only)", res, times)


if __name__ == "__main__":
    main()
