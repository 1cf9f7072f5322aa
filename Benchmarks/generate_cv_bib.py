#!/usr/bin/env python3
"""Generate a researcher's .bib with a realistic team structure, and a data folder
around it, for timing `coauthor run`'s figures.

    python3 Benchmarks/generate_cv_bib.py --people 700 --seed 1 -o /tmp/cv700
    coauthor run --data /tmp/cv700 --output /tmp/cv700-out

    python3 Benchmarks/generate_cv_bib.py --people 12000 --owner-share 0.02 -o /tmp/hep12k

Same arguments, same bytes. The folder holds `publications.bib` and a `manifest.json`
naming the owner. What makes it realistic (the shape of issue 14's 125-entry,
695-person CV, and of ca-HepPh at --people 12000):

- people belong to teams (labs, consortia) of 4 to 60 members with a lifetime of a
  few years; a paper is written mostly inside one team, with a guest or two from
  another team 30 % of the time, so the network is cliques of cliques joined by
  a few bridges (what makes curved spline routing expensive);
- author counts per paper: mostly 3-8, a tail up to 20, 4 % with 26-80 authors
  (left out of the edges by --max-authors 25, listed in the report);
- team sizes and member productivity are skewed (a few members on most papers);
- the owner is on every paper at the default --owner-share 1 (a CV); with a small
  share the file is a field's bibliography (ca-HepPh-like) with the owner on a few.
"""

import argparse
import json
import os
import random

FIRST = (
    "James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Wei Fang Jing Li Min Yan Hui "
    "Hiroshi Yuki Takashi Akiko Sven Ingrid Lars Anna Pierre Marie Jean Sophie Luca Giulia "
    "Marco Francesca Javier Lucia Carlos Maria Ahmed Fatima Omar Aisha Raj Priya Arjun Ananya "
    "Olga Dmitri Ivan Natalia Piotr Katarzyna Jan Eva Zoe Bjorn Soren Jose Andre Noor Tariq"
).split()
LAST = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Sato Suzuki Takahashi Tanaka Watanabe "
    "Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Rossi Russo Ferrari Esposito "
    "Dubois Moreau Laurent Simon Michel Kowalski Nowak Wisniewski Ivanov Petrov Sidorov "
    "Andersson Johansson Karlsson Nielsen Hansen Jensen Kumar Singh Sharma Patel Gupta Khan"
).split()
WORDS = (
    "learning graph networks sparse robust optimization stochastic gradient kernel bayesian "
    "inference causal representation transformer attention quantum lattice collider neutrino "
    "scattering amplitude gauge symmetry spectral clustering embedding convex online bandit "
    "reinforcement policy generalization adversarial federated privacy language vision protein"
).split()


def names(count, rng):
    seen, out = set(), []
    while len(out) < count:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = f"{first} {chr(65 + rng.randrange(26))}. {last}" if len(out) > 3000 else f"{first} {last}"
        if name in seen:
            name = f"{first} {chr(65 + rng.randrange(26))}{chr(65 + rng.randrange(26))} {last}"
        if name in seen:
            continue
        seen.add(name)
        out.append(name)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--people", type=int, default=700)
    ap.add_argument("--papers", type=int, default=None, help="default: people / 5.5 (the issue's CV)")
    ap.add_argument("--owner-share", type=float, default=1.0, help="fraction of papers with the owner")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", required=True, help="data folder to create")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    people = names(args.people, rng)
    owner = "Ada Q. Owner"
    # Teams: skewed sizes, every person in one home team.
    teams, i = [], 0
    while i < len(people):
        size = min(len(people) - i, max(4, int(rng.paretovariate(1.3) * 6)) if rng.random() > 0.1 else rng.randint(30, 60))
        teams.append(people[i : i + size])
        i += size
    start_years = [rng.randint(2004, 2022) for _ in teams]
    papers = args.papers or max(10, round(args.people / 5.5))
    # Every person appears at least once: the first papers walk through the teams.
    pending = list(range(len(people)))
    index_of = {p: k for k, p in enumerate(people)}
    used = set()
    entries = []
    for k in range(papers):
        t = k % len(teams) if k < len(teams) else rng.randrange(len(teams))
        team = teams[t]
        r = rng.random()
        n = rng.randint(26, 80) if r < 0.04 else (rng.randint(9, 20) if r < 0.2 else rng.randint(2, 7))
        weights = [1.0 / (j + 1) ** 0.8 for j in range(len(team))]
        authors = []
        for _ in range(min(n, len(team))):
            a = rng.choices(team, weights)[0]
            if a not in authors:
                authors.append(a)
        if rng.random() < 0.3:
            other = teams[rng.randrange(len(teams))]
            authors += [g for g in rng.sample(other, min(2, len(other))) if g not in authors]
        # Cover people not used yet so the network has about --people people.
        remaining = papers - k
        need = len(pending) - len(used & set(pending))
        quota = max(0, -(-need // max(1, remaining)))
        for p in [p for p in team if p not in used][:quota]:
            if p not in authors:
                authors.append(p)
        if quota and len(authors) < quota:
            for q in pending:
                if people[q] not in used and people[q] not in authors:
                    authors.append(people[q])
                    if len(authors) >= quota + 2:
                        break
        used.update(authors)
        if rng.random() < args.owner_share or k == 0:
            authors.insert(rng.randrange(min(3, len(authors) + 1)), owner)
        year = min(2025, start_years[t] + rng.randint(0, 6))
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))).capitalize()
        entries.append(
            f"@article{{p{k},\n  author = {{{' and '.join(authors)}}},\n  title = {{{title}}},\n"
            f"  journal = {{Journal of {rng.choice(WORDS).capitalize()}}},\n  year = {{{year}}}\n}}\n")
    os.makedirs(args.output, exist_ok=True)
    with open(os.path.join(args.output, "publications.bib"), "w", encoding="utf-8") as f:
        f.write("\n".join(entries))
    with open(os.path.join(args.output, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"sources": [{"file": "publications.bib", "owner": owner, "format": "bibtex"}]}, f, indent=2)
    print(f"{len(entries)} entries, {len(used) + 1} people, {len(teams)} teams -> {args.output}")


if __name__ == "__main__":
    main()
