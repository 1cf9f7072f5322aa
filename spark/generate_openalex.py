#!/usr/bin/env python3
"""An OpenAlex-like works snapshot for scale tests: gzip JSON lines, deterministic by seed.

    python3 spark/generate_openalex.py --works 1000000 --seed 1 --output /tmp/oa-1m

writes OUTPUT/updated_date=2026-01-01/part_000.gz, part_001.gz, ... (WORKS_PER_PART
works each, and _generator-stats.json, which readers skip), in the snapshot's schema (the fields the job reads, plus title):
`id`, `doi`, `title`, `display_name`, `publication_year`, `authorships[]` with
`author_position`, `author.id`, `author.display_name`, `author.orcid`,
`raw_author_name`.

Authors per work: heavy-tailed. 0.2 % of works are "hyperauthored" (100 to 3000
authors, Pareto tail); the rest have 1 + a discretised log-normal (mu 1.1, sigma 0.75),
mean about 4.6 overall, median 3. Author productivity: authors are drawn with weights 1 + Pareto(1.8) (a Lotka-like
heavy tail) from a pool of 0.7 authors per work, mixed with local teams (60 % of a
work's coauthors are drawn near its first author in a shuffled order), so the network
has a giant component, communities and many small groups. 40 % of authors have an ORCID
(valid check character).
"""

import argparse
import gzip
import json
import os

import numpy as np

FIRST = ("Anna Ben Chen Daniel Elena Farid Grace Hiro Ines Jonas Kai Lena Mateo Nadia Omar Priya "
         "Quentin Rosa Sven Tara Umar Vera Wei Xenia Yusuf Zoe Ahmed Bea Carlos Dmitri").split()
LAST = ("Smith Müller Wang Garcia Kumar Rossi Novak Kim Silva Nguyen Tanaka Ivanova Jensen Dubois "
        "Okafor Cohen Fischer Haddad Larsen Moreau Petrov Santos Weber Yilmaz Zhang Bauer Costa "
        "Eriksen Horvat Lopez").split()


def orcid_of(aid):
    """A valid ORCID iD (ISO 7064 11,2 check character) made from the author number."""
    digits = f"{aid % 10 ** 15:015d}"
    total = 0
    for d in digits:
        total = (total + int(d)) * 2
    check = (12 - total % 11) % 11
    full = digits + ("X" if check == 10 else str(check))
    return "https://orcid.org/" + "-".join(full[i:i + 4] for i in range(0, 16, 4))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--works", type=int, default=1_000_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--output", required=True)
    p.add_argument("--works-per-part", type=int, default=250_000)
    p.add_argument("--authors-per-work", type=float, default=0.7, help="author pool size / works")
    a = p.parse_args()
    rng = np.random.default_rng(a.seed)
    pool = max(10, int(a.works * a.authors_per_work))
    # A fixed random order of the pool: "near the first author" means near in this order.
    order = rng.permutation(pool)
    position = np.empty(pool, dtype=np.int64)
    position[order] = np.arange(pool)
    # Productivity: each author's weight is 1 + Pareto(1.8) (Lotka-like tail).
    cumulative = np.cumsum(1.0 + rng.pareto(1.8, pool))
    folder = os.path.join(a.output, "updated_date=2026-01-01")
    os.makedirs(folder, exist_ok=True)
    stats = {"works": 0, "authorships": 0, "max_authors": 0, "over_25": 0, "over_100": 0,
             "pairs_capped_25": 0}
    part = 0
    for start in range(0, a.works, a.works_per_part):
        count = min(a.works_per_part, a.works - start)
        hyper = rng.random(count) < 0.002
        sizes = 1 + np.floor(rng.lognormal(1.1, 0.75, count)).astype(np.int64)
        sizes = np.minimum(sizes, 60)
        sizes[hyper] = np.minimum(100 + (rng.pareto(1.2, hyper.sum()) * 150).astype(np.int64), 3000)
        years = np.clip(np.round(rng.normal(2012, 9, count)), 1950, 2025).astype(np.int64)
        total = int(sizes.sum())
        global_pick = np.searchsorted(cumulative, rng.random(total) * cumulative[-1])
        local = rng.random(total) < 0.6
        offsets = rng.integers(-40, 41, total)
        path = os.path.join(folder, f"part_{part:03d}.gz")
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
            k = 0
            for i in range(count):
                n = int(sizes[i])
                ids = global_pick[k:k + n].copy()
                lead_pos = position[ids[0]]
                near = order[(lead_pos + offsets[k:k + n]) % pool]
                ids[1:] = np.where(local[k + 1:k + n], near[1:], ids[1:])
                k += n
                work = start + i + 1
                authorships = []
                seen = set()
                for j, aid in enumerate(ids.tolist()):
                    if aid in seen:
                        continue
                    seen.add(aid)
                    name = f"{FIRST[aid % 30]} {chr(65 + (aid // 30) % 26)}. {LAST[(aid // 780) % 30]}"
                    orcid = orcid_of(aid) if aid % 5 < 2 else None
                    authorships.append({
                        "author_position": "first" if j == 0 else ("last" if j == n - 1 else "middle"),
                        "author": {"id": f"https://openalex.org/A{5000000000 + aid}",
                                   "display_name": name, "orcid": orcid},
                        "raw_author_name": name})
                m = len(authorships)
                stats["authorships"] += m
                stats["max_authors"] = max(stats["max_authors"], m)
                stats["over_25"] += m > 25
                stats["over_100"] += m > 100
                if m <= 25:
                    stats["pairs_capped_25"] += m * (m - 1) // 2
                title = f"Synthetic work {work}"
                out.write(json.dumps({
                    "id": f"https://openalex.org/W{work}", "doi": f"https://doi.org/10.5555/synthetic.{work}",
                    "title": title, "display_name": title, "publication_year": int(years[i]),
                    "authorships": authorships}, ensure_ascii=False, separators=(",", ":")) + "\n")
        stats["works"] += count
        part += 1
    stats["mean_authors"] = round(stats["authorships"] / max(1, stats["works"]), 3)
    stats["author_pool"] = pool
    with open(os.path.join(a.output, "_generator-stats.json"), "w") as f:
        json.dump(stats, f, indent=1, sort_keys=True)
    print(json.dumps(stats, sort_keys=True))


if __name__ == "__main__":
    main()
