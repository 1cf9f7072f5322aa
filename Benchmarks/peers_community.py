#!/usr/bin/env python3
"""Community detection peers beside coauthor-bench, in the same run.

    python3 Benchmarks/peers_community.py GRAPH [--ours .build/release/coauthor-bench]
                                                [--seeds 10] [--markdown]

GRAPH is an edge list read exactly as GraphKit's EdgeListReader reads it: node
tokens interned in order of first appearance, self-loops dropped, a repeated pair
keeps its first weight, an optional third column is the weight.

For every seed 0..seeds-1 each tool runs once on the same graph; the time is the
call alone (graph construction excluded), as wall seconds and as CPU seconds of
the process (time.process_time: robust when other jobs share the cores; for
NetworKit, which uses every core, it is the sum over threads). The modularity is recomputed by
igraph's Graph.modularity(membership, weights) at resolution 1 for every tool, so
all columns use one formula. With --ours, the release runner's community cases
run first (they time each seed the same way, see CommunityCases.swift).

Tools (defaults unless stated):
  igraph community_leiden(objective_function="modularity", n_iterations=2, beta=0.01)
  leidenalg find_partition(ModularityVertexPartition)         (n_iterations=2)
  leidenalg find_partition(ModularityVertexPartition, n_iterations=-1)  (until stable;
            only with --stable: about 50 CPU seconds per seed on ca-AstroPh)
  igraph community_multilevel (Louvain)
  igraph community_label_propagation
  networkit ParallelLeiden, PLM (Louvain, refine=False), PLP  (all threads)
Tested with python-igraph 1.0.0, leidenalg 0.12.0, networkit 11.3.
"""
import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time

import igraph as ig
import leidenalg
import networkit as nk


def read_edge_list(path):
    ids, edges, weights, seen = {}, [], [], set()

    def intern(token):
        if token not in ids:
            ids[token] = len(ids)
        return ids[token]

    with open(path) as f:
        for line in f:
            fields = line.split()
            if not fields or fields[0].startswith(("#", "%")):
                continue
            u, v = intern(fields[0]), intern(fields[1])
            w = float(fields[2]) if len(fields) > 2 else 1.0
            if u == v:
                continue
            key = (min(u, v), max(u, v))
            if key in seen:
                continue
            seen.add(key)
            edges.append(key)
            weights.append(w)
    return len(ids), edges, weights


def timed(run):
    start, cpu_start = time.perf_counter(), time.process_time()
    membership = run()
    return membership, time.perf_counter() - start, time.process_time() - cpu_start


def peers(n, edges, weights, stable):
    graph = ig.Graph(n=n, edges=edges)
    graph.es["weight"] = weights
    nkg = nk.Graph(n, weighted=True)
    for (u, v), w in zip(edges, weights):
        nkg.addEdge(u, v, w)

    def igraph_seeded(call):
        def run(seed):
            random.seed(seed)
            return call().membership
        return run

    def nk_seeded(make):
        def run(seed):
            nk.setSeed(seed, False)
            algorithm = make()
            algorithm.run()
            return algorithm.getPartition().getVector()
        return run

    tools = [
        ("igraph", "Leiden (modularity, 2 iterations)", igraph_seeded(
            lambda: graph.community_leiden(objective_function="modularity", weights="weight"))),
        ("leidenalg", "Leiden (ModularityVertexPartition, 2 iterations)", lambda seed:
            leidenalg.find_partition(graph, leidenalg.ModularityVertexPartition,
                                     weights="weight", seed=seed).membership),
        ("igraph", "Louvain (community_multilevel)", igraph_seeded(
            lambda: graph.community_multilevel(weights="weight"))),
        ("igraph", "label propagation", igraph_seeded(
            lambda: graph.community_label_propagation(weights="weight"))),
        ("networkit", "ParallelLeiden", nk_seeded(lambda: nk.community.ParallelLeiden(nkg))),
        ("networkit", "PLM (Louvain)", nk_seeded(lambda: nk.community.PLM(nkg, refine=False))),
        ("networkit", "PLP (label propagation)", nk_seeded(lambda: nk.community.PLP(nkg))),
    ]
    if stable:
        tools.insert(2, ("leidenalg", "Leiden (ModularityVertexPartition, until stable)",
                         lambda seed: leidenalg.find_partition(
                             graph, leidenalg.ModularityVertexPartition, weights="weight",
                             seed=seed, n_iterations=-1).membership))
    return graph, tools


OURS = [
    ("leiden", "Leiden (modularity, 2 iterations)"),
    ("leiden-stable", "Leiden (modularity, until stable)"),
    ("louvain", "Louvain"),
    ("label-propagation", "label propagation"),
]


def run_ours(binary, path):
    out = subprocess.run([binary, path] + [case for case, _ in OURS],
                         check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        record = json.loads(line)
        if record["case"] == "load":
            continue
        fields = dict(part.split("=", 1) for part in record["result"].split(";"))
        q = [float(x) for x in fields["q"].split(",")]
        k = [int(x) for x in fields["k"].split(",")]
        s = [float(x) for x in fields["s"].split(",")]
        c = [float(x) for x in fields["c"].split(",")]
        label = dict(OURS)[record["case"]]
        rows.append(("GraphKit", label, q, k, s, c))
    return rows


def summary(tool, label, q, k, s, c):
    return {
        "tool": tool, "algorithm": label, "runs": len(q),
        "modularity_median": statistics.median(q), "modularity_min": min(q),
        "modularity_max": max(q), "communities_median": statistics.median(k),
        "seconds_median": statistics.median(s), "cpu_seconds_median": statistics.median(c),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("graph")
    parser.add_argument("--ours")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--stable", action="store_true", help="also leidenalg until stable")
    args = parser.parse_args()

    n, edges, weights = read_edge_list(args.graph)
    rows = run_ours(args.ours, args.graph) if args.ours else []
    graph, tools = peers(n, edges, weights, args.stable)
    for tool, label, run in tools:
        q, k, s, c = [], [], [], []
        for seed in range(args.seeds):
            membership, seconds, cpu = timed(lambda: run(seed))
            q.append(graph.modularity(membership, weights="weight"))
            k.append(len(set(membership)))
            s.append(seconds)
            c.append(cpu)
            print(f"{tool} {label} seed {seed}: Q={q[-1]:.4f} {seconds:.3f}s", file=sys.stderr,
                  flush=True)
        rows.append((tool, label, q, k, s, c))

    results = [summary(*row) for row in rows]
    if args.markdown:
        name = os.path.basename(args.graph)
        print(f"\n{name}: {n} nodes, {len(edges)} edges; {args.seeds} seeds; "
              f"{platform.node()} {platform.processor() or platform.machine()}, "
              f"{os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n")
        print("| tool | algorithm | modularity median | min – max | communities (median) "
              "| wall s (median) | CPU s (median) |")
        print("|---|---|---:|---:|---:|---:|---:|")
        for r in results:
            print(f"| {r['tool']} | {r['algorithm']} | {r['modularity_median']:.5f} | "
                  f"{r['modularity_min']:.5f} – {r['modularity_max']:.5f} | "
                  f"{r['communities_median']:g} | {r['seconds_median']:.3f} | "
                  f"{r['cpu_seconds_median']:.3f} |")
    else:
        for r in results:
            print(json.dumps(r))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
