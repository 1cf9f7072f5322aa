#!/usr/bin/env python3
"""Generates the large coauthorship-like benchmark graph (not committed).

    python3 Benchmarks/generate_large.py --out /tmp/lfr-300k.txt [--nodes 300000] [--seed 42]

NetworKit's LFR generator (Lancichinetti, Fortunato, Radicchi, Phys. Rev. E 78, 046110,
2008): power-law degrees (exponent -2, average 8, maximum 300), power-law community
sizes (exponent -1, 20..1000 nodes), mixing parameter 0.2. Coauthorship networks have
heavy-tailed degrees and strong communities, which LFR imitates; a real >= 1M-edge
coauthor graph (com-DBLP) is not available offline here (shared/datasets/README.md).
Written as a SNAP-style edge list (tab, each undirected edge once, '#' header) with
an integer weight column 1..5 drawn from the same seed, so weighted cases have work.
"""
import argparse
import random
import time

import networkit as nk


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--nodes", type=int, default=300_000)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    nk.engineering.setSeed(a.seed, False)
    nk.engineering.setNumberOfThreads(1)  # the sequence generators are seeded per thread
    t = time.time()
    lfr = nk.generators.LFRGenerator(a.nodes)
    lfr.generatePowerlawDegreeSequence(8, 300, -2)
    lfr.generatePowerlawCommunitySizeSequence(20, 1000, -1)
    lfr.setMu(0.2)
    g = lfr.generate()
    g.removeSelfLoops()
    g.removeMultiEdges()
    rng = random.Random(a.seed)
    with open(a.out, "w") as f:
        f.write(f"# LFR benchmark graph: n={g.numberOfNodes()} m={g.numberOfEdges()} avg degree 8, max 300,"
                f" degree exponent -2, community sizes 20..1000 exponent -1, mu 0.2, seed {a.seed}\n")
        f.write(f"# python3 Benchmarks/generate_large.py --out {a.out} --nodes {a.nodes} --seed {a.seed}\n")
        f.write("# FromNodeId\tToNodeId\tWeight\n")
        for u, v in g.iterEdges():
            f.write(f"{u}\t{v}\t{rng.randint(1, 5)}\n")
    print(f"{a.out}: {g.numberOfNodes()} nodes, {g.numberOfEdges()} edges in {time.time() - t:.1f} s")


if __name__ == "__main__":
    main()
