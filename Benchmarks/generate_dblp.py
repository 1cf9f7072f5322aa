#!/usr/bin/env python3
"""A deterministic DBLP-like corpus, written as dblp.xml-shaped records.

    python3 Benchmarks/generate_dblp.py --papers 7000000 --seed 1 --out /tmp/dblp/dblp.xml
    python3 Benchmarks/generate_dblp.py --papers 250000 --out /tmp/d.xml.gz --stats

Issue 16 point 4's benchmark input: `coauthor run --data FOLDER` on a folder holding the
output reads, resolves and builds the network from records, as it would from the real
dblp.xml (https://dblp.org/xml/; give that file instead when you have it). The same seed
and arguments give the same bytes (numpy's PCG64; gzip is written with mtime 0).

Records are `<article>` (journals, 40 %, a quarter of them CoRR preprints) and
`<inproceedings>` (60 %) with `key`/`mdate` attributes, `<author>`s, `<title>`,
`<pages>`, `<year>`, `<journal>`/`<booktitle>`, `<ee>` (a DOI, or an arXiv address for
CoRR) and, for inproceedings, `<crossref>` — DBLP's element order. Names are ASCII with
DBLP's named Latin-1 entities for some accented names (`M&uuml;ller`, `Jos&eacute;`),
as dblp.xml writes them under its ISO-8859-1 declaration; two people with the same name
get DBLP's homonym numbers ("Wei Wang", "Wei Wang 0001", "Wei Wang 0002", …).

The model and where its numbers come from:

* **Authors per paper** (`AUTHORS_PER_PAPER`): the mode is 2 authors and 95 % of
  papers have at most 5 (dblp.xml of 2018-04-17, agdb.informatik.uni-bremen.de/dblp/
  statistics.php, "publications by number of authors"); the mean is about 3 for recent
  DBLP (KONECT's dblp-author, an older snapshot, has 2.16; CS author counts grow about
  +0.4 per decade, Fernandes, Scientometrics 101 (2014) 257–271, doi:10.1007/
  s11192-014-1331-6). Above 5: a geometric tail to 25 (ratio 0.55), and 0.05 %
  "hyperauthored" papers with 26–300 authors (left out of the edges by coauthor's default
  `--max-authors 25`).
* **Productivity** is Lotka-like: each author's expected paper count is drawn from a
  discrete power law P(n) ∝ n^-α on 1…3,000 (α = 1.78 gives the mean of ~16
  authorships per author that 7 M papers × ~3 authors / 1.3 M authors needs; Lotka's
  classic α is 2). Authorship slots are filled in proportion to it.
* **Community structure and repeated collaboration**: authors belong to labs
  (3 + geometric sizes, mean `LAB_MEAN` = 8) inside fields (about one per 6,500
  authors). A paper's first-drawn author is chosen by productivity over everyone; each
  further author comes from that author's lab with probability 0.94, from the field
  with 0.05 and from anyone with 0.01, each ∝ productivity; an author drawn twice is
  replaced by a lab member (uniformly), then by the field. Labs make pairs repeat
  (about 2.2 author-pair instances per distinct pair); fields give Leiden its
  communities; the 1 % keeps one giant component. These shares were tuned so that
  distinct pairs per paper come out near the issue's 10.7 M / 7 M = 1.53.
* **Years** grow about 8 % a year from 1970 to 2025 (DBLP's per-year counts roughly
  double every nine years); venues belong to fields (about 40 per field).

Measured output (this script's `--stats`, seed 1; "pairs" are distinct unordered
author pairs of papers with at most 25 authors, i.e. coauthor's edges before name
resolution):

| --papers | authors (on a paper) | homonym-numbered | authorships | mean authors | pairs (per paper) | XML |
|---:|---:|---:|---:|---:|---:|---:|
| 250,000 | 46,429 (44,387) | 662 | 756,029 | 3.024 | 352,449 (1.41) | 97 MB |
| 1,000,000 | 185,714 (176,833) | 1,459 | 3,027,521 | 3.028 | 1,404,502 (1.40) | 390 MB |
| 2,000,000 | 371,429 | 2,121 | 6,052,981 | 3.026 | not counted | 780 MB |

Extrapolated to 7 M papers: 1.3 M authors (≈ 1.24 M on a paper), ≈ 21 M authorships,
≈ 9.8–10 M pairs (the issue's 10.7 M: within 10 %), ≈ 2.7 GB of XML. Generation takes
about 12 CPU s per 250,000 papers (numpy + string formatting).

Targets (issue 16): ≈ 7 M papers, 1.3 M authors, ≈ 10.7 M coauthor edges (DBLP's
coauthor network; the real DBLP of 2024 has about 3.6 M persons — the issue's 1.3 M
authors means more papers per author than real DBLP).
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys

import numpy as np

# P(k authors), k = 1..5 (95 % at most five authors, mode 2); the remaining 5 % is a
# geometric tail 6..25 (ratio TAIL_RATIO) plus HYPER (26..300 authors, log-uniform).
AUTHORS_PER_PAPER = {1: 0.15, 2: 0.29, 3: 0.23, 4: 0.16, 5: 0.12}
TAIL_RATIO = 0.55
HYPER = 0.0005
LOTKA_ALPHA = 1.78
LOTKA_MAX = 3000
LAB_MEAN = 8
AUTHORS_PER_FIELD = 6500
P_LAB, P_FIELD = 0.94, 0.05
AUTHORS_PER_PAPER_RATIO = 1.3 / 7.0  # the 1.3 M authors for 7 M papers

SYLLABLES = ("ba be bi bo bu da de di do du fa fe fi ka ke ki ko ku la le li lo lu ma me mi mo mu "
             "na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi "
             "ya yo za zhe xi qi an en in on un ar er or el al ol ing ang ong").split()
COMMON_FAMILY = ("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin "
                 "Gao Luo Kim Lee Park Choi Nguyen Tran Smith Johnson Williams Brown Jones "
                 "Miller Davis Garcia Rodriguez Martinez Kumar Singh Sharma Gupta Patel "
                 "Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Sato Suzuki "
                 "Takahashi Tanaka Watanabe Ito Rossi Russo Ferrari Bianchi Dubois Martin "
                 "Bernard Petit Silva Santos Oliveira Souza Ivanov Petrov Cohen Levy").split()
COMMON_GIVEN = ("Wei Jing Li Yan Hui Lei Jun Yang Tao Ming Xin Yu Hao Jian Lin Min Ying Bin "
                "David Michael John Robert James Thomas Daniel Peter Paul Mark Andrew Richard "
                "Maria Anna Laura Sarah Elena Julia Sofia Hans Klaus Stefan Thomas Andreas "
                "Hiroshi Takashi Kenji Yuki Seung Jae Min Sung Anil Rajesh Amit Sanjay Priya "
                "Marco Luca Giovanni Pierre Jean Michel Carlos Juan Luis Pedro Ivan Sergey").split()
# Names written with dblp.dtd's entities, as dblp.xml writes them.
ENTITY_FAMILY = ("M&uuml;ller Sch&auml;fer J&auml;ger B&ouml;hm Gonz&aacute;lez P&eacute;rez "
                 "L&oacute;pez S&aacute;nchez G&oacute;mez Fern&aacute;ndez Jim&eacute;nez "
                 "Dvo&#345;&aacute;k Nov&aacute;k Ko&ccedil; &Ouml;zt&uuml;rk Bj&ouml;rk "
                 "Ma&ntilde;as Fran&ccedil;ois Le&oacute;n").split()
ENTITY_GIVEN = ("Jos&eacute; Ren&eacute; Andr&eacute; J&ouml;rg J&uuml;rgen Ra&uacute;l "
                "In&eacute;s Bj&ouml;rn S&oslash;ren &Aacute;lvaro Fran&ccedil;ois").split()

WORDS = ("learning network graph data model system analysis algorithm optimization neural "
         "deep query database distributed parallel efficient scalable robust adaptive online "
         "approximate dynamic secure privacy verification program language compiler memory "
         "cache storage index search retrieval ranking recommendation clustering "
         "classification detection recognition segmentation image video speech text "
         "semantic knowledge reasoning logic formal proof type theory complexity bound "
         "sampling estimation inference bayesian probabilistic stochastic markov control "
         "robot sensor wireless mobile edge cloud energy scheduling routing protocol "
         "blockchain consensus fault tolerance reliability testing software architecture "
         "service web social community influence embedding representation transformer "
         "attention reinforcement policy game mechanism auction matching flow cut spectral "
         "kernel sparse matrix tensor linear convex gradient decomposition quantum circuit "
         "hardware accelerator fpga vision 3d mesh rendering simulation visualization user "
         "interaction interface evaluation benchmark framework approach method toward").split()
GLUE = ("for of in with on via using and under over").split()


def synthetic_names(rng: np.random.Generator, count: int, common: list[str], entity: list[str]) -> list[str]:
    """`count` distinct capitalised names: the common ones, the accented ones, then
    two- and three-syllable inventions."""
    names: list[str] = list(dict.fromkeys(common + entity))
    seen = set(names)
    # Two and three syllables give about 428,000 words; 7 M papers need 650,000 family
    # names, and the loop never ended (killed after 28 CPU min). After 1,000 misses in a
    # row a syllable is added. Below saturation (up to 2 M papers: a miss chance of at
    # most 0.8, so 1,000 in a row never happens) the draws and the bytes are unchanged.
    extra = 0
    misses = 0
    while len(names) < count:
        k = (2 if rng.random() < 0.6 else 3) + extra
        word = "".join(SYLLABLES[i] for i in rng.integers(0, len(SYLLABLES), k)).capitalize()
        if word not in seen:
            seen.add(word)
            names.append(word)
            misses = 0
        else:
            misses += 1
            if misses > 1000:
                extra += 1
                misses = 0
    return names[:count]


def zipf_weights(n: int, s: float) -> np.ndarray:
    w = 1.0 / np.arange(1, n + 1, dtype=np.float64) ** s
    return w / w.sum()


def draw_sizes(rng: np.random.Generator, n: int) -> np.ndarray:
    """Authors per paper: AUTHORS_PER_PAPER, the geometric tail 6..25 and HYPER."""
    head = np.array([AUTHORS_PER_PAPER[k] for k in range(1, 6)])
    tail_mass = 1.0 - head.sum() - HYPER
    tail = TAIL_RATIO ** np.arange(20)
    tail = tail / tail.sum() * tail_mass
    probs = np.concatenate([head, tail, [HYPER]])
    values = np.concatenate([np.arange(1, 26), [0]])
    sizes = rng.choice(values, size=n, p=probs / probs.sum())
    hyper = sizes == 0
    sizes[hyper] = np.exp(rng.uniform(np.log(26), np.log(300), hyper.sum())).astype(np.int64)
    return sizes


class Population:
    """Authors with productivity, labs and fields, and the samplers over them."""

    def __init__(self, rng: np.random.Generator, authors: int):
        self.n = authors
        ks = np.arange(1, LOTKA_MAX + 1, dtype=np.float64)
        lotka = ks ** -LOTKA_ALPHA
        self.weight = rng.choice(ks, size=authors, p=lotka / lotka.sum())
        # Labs: consecutive ids in geometric sizes; fields: consecutive labs.
        lab_sizes = []
        total = 0
        while total < authors:
            size = int(min(2 + rng.geometric(1.0 / (LAB_MEAN - 2)), 200))
            lab_sizes.append(size)
            total += size
        lab_sizes[-1] -= total - authors
        self.lab_start = np.concatenate([[0], np.cumsum(lab_sizes)[:-1]]).astype(np.int64)
        self.lab_end = self.lab_start + np.array(lab_sizes, dtype=np.int64)
        self.lab_of = np.repeat(np.arange(len(lab_sizes)), lab_sizes)
        fields = max(1, authors // AUTHORS_PER_FIELD)
        # Fields as contiguous runs of labs of about equal author counts.
        field_of_lab = np.minimum((self.lab_start * fields) // authors, fields - 1)
        self.field_of = field_of_lab[self.lab_of]
        self.fields = fields
        starts = np.searchsorted(field_of_lab, np.arange(fields))
        ends = np.searchsorted(field_of_lab, np.arange(fields), side="right")
        self.field_start = self.lab_start[starts]
        self.field_end = self.lab_end[ends - 1]
        self.cum = np.cumsum(self.weight)
        self.cum0 = np.concatenate([[0.0], self.cum])

    def within(self, rng: np.random.Generator, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """One author per (start, end) id range, ∝ productivity."""
        lo, hi = self.cum0[start], self.cum0[end]
        u = lo + rng.random(len(start)) * (hi - lo)
        return np.minimum(np.searchsorted(self.cum, u, side="right"), end - 1)

    def anyone(self, rng: np.random.Generator, count: int) -> np.ndarray:
        return np.minimum(np.searchsorted(self.cum, rng.random(count) * self.cum[-1], side="right"), self.n - 1)


def author_names(rng: np.random.Generator, authors: int) -> list[str]:
    """DBLP-style names: Zipf given and family names; the second and later holders of a
    name get homonym numbers 0001, 0002, … (DBLP writes them after the name)."""
    given = synthetic_names(rng, max(200, authors // 25), COMMON_GIVEN, ENTITY_GIVEN)
    family = synthetic_names(rng, max(500, authors // 2), COMMON_FAMILY, ENTITY_FAMILY)
    g = rng.choice(len(given), size=authors, p=zipf_weights(len(given), 0.7))
    f = rng.choice(len(family), size=authors, p=zipf_weights(len(family), 0.6))
    seen: dict[tuple[int, int], int] = {}
    names = []
    for gi, fi in zip(g.tolist(), f.tolist()):
        count = seen.get((gi, fi), 0)
        seen[(gi, fi)] = count + 1
        base = f"{given[gi]} {family[fi]}"
        names.append(base if count == 0 else f"{base} {count:04d}")
    return names


def venues_for(fields: int) -> tuple[list[str], list[str]]:
    journals = [f"Trans. Field{f} Sci. {v}" for f in range(fields) for v in range(16)]
    conferences = [f"Conf{f}x{v}" for f in range(fields) for v in range(24)]
    return journals, conferences


def generate(args: argparse.Namespace, out: io.TextIOBase) -> dict:
    rng = np.random.default_rng(args.seed)
    authors = args.authors or max(50, round(args.papers * AUTHORS_PER_PAPER_RATIO))
    pop = Population(rng, authors)
    names = author_names(rng, authors)
    journals, conferences = venues_for(pop.fields)
    years = np.arange(1970, 2026)
    year_p = 1.08 ** (years - 1970)
    year_p /= year_p.sum()
    out.write('<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\n<dblp>\n')
    stats = {"papers": 0, "authorships": 0, "capped_pairs": []}
    used = np.zeros(authors, dtype=bool)
    chunk = 100_000
    serial = 0
    for start in range(0, args.papers, chunk):
        n = min(chunk, args.papers - start)
        sizes = draw_sizes(rng, n)
        first = pop.anyone(rng, n)
        total = int(sizes.sum())
        owner = np.repeat(first, sizes)  # the paper's first-drawn author, per slot
        u = rng.random(total)
        lab = pop.lab_of[owner]
        field = pop.field_of[owner]
        s = np.where(u < P_LAB, pop.lab_start[lab], np.where(u < P_LAB + P_FIELD, pop.field_start[field], 0))
        e = np.where(u < P_LAB, pop.lab_end[lab], np.where(u < P_LAB + P_FIELD, pop.field_end[field], authors))
        slots = pop.within(rng, s, e)
        offsets = np.concatenate([[0], np.cumsum(sizes)])
        slots[offsets[:-1]] = first
        # Replacements for an author drawn twice: lab members uniformly, then the field.
        first4 = np.repeat(first, 8)
        lab4 = pop.lab_of[first4]
        spare_lab = (pop.lab_start[lab4] + (rng.random(8 * n) * (pop.lab_end[lab4] - pop.lab_start[lab4]))
                     .astype(np.int64)).reshape(n, 8)
        spare = np.concatenate([spare_lab, pop.within(rng, pop.field_start[pop.field_of[first4]],
                                                      pop.field_end[pop.field_of[first4]]).reshape(n, 8)], axis=1)
        kinds = rng.random(n)
        year = rng.choice(years, size=n, p=year_p)
        venue = rng.integers(0, 1 << 30, n)
        title_words = rng.integers(0, len(WORDS), (n, 9))
        title_len = rng.integers(4, 10, n)
        glue = rng.integers(0, len(GLUE), n)
        pages = rng.integers(1, 2000, n)
        order = rng.random(total)
        buf = []
        for i in range(n):
            team = list(dict.fromkeys(slots[offsets[i]:offsets[i + 1]].tolist()))
            for extra in spare[i].tolist():
                if len(team) >= sizes[i]:
                    break
                if extra not in team:
                    team.append(extra)
            # The first-drawn author is anywhere in the list, not always first.
            keys = order[offsets[i]:offsets[i] + len(team)]
            team = [a for _, a in sorted(zip(keys.tolist(), team))]
            serial += 1
            y = int(year[i])
            f = int(pop.field_of[first[i]])
            words = [WORDS[w] for w in title_words[i, :title_len[i]].tolist()]
            cut = len(words) // 2
            title = " ".join(words[:cut]).capitalize() + " " + GLUE[glue[i]] + " " + " ".join(words[cut:])
            p = int(pages[i])
            authors_xml = "".join(f"<author>{names[a]}</author>\n" for a in team)
            if kinds[i] < 0.10:
                ee = f"https://arxiv.org/abs/{y % 100:02d}{(serial % 12) + 1:02d}.{serial % 100000:05d}"
                buf.append(f'<article mdate="{y + 1}-01-15" key="journals/corr/abs-{serial}">\n{authors_xml}'
                           f"<title>{title}.</title>\n<year>{y}</year>\n<volume>abs/{serial}</volume>\n"
                           f"<journal>CoRR</journal>\n<ee>{ee}</ee>\n</article>\n")
            elif kinds[i] < 0.40:
                j = journals[f * 16 + int(venue[i]) % 16]
                buf.append(f'<article mdate="{y + 1}-02-10" key="journals/f{f}j{int(venue[i]) % 16}/P{serial}">\n'
                           f"{authors_xml}<title>{title}.</title>\n<pages>{p}-{p + 11}</pages>\n<year>{y}</year>\n"
                           f"<volume>{y - 1969}</volume>\n<journal>{j}</journal>\n"
                           f"<ee>https://doi.org/10.{1000 + f % 9000}/j.{serial}</ee>\n</article>\n")
            else:
                c = conferences[f * 24 + int(venue[i]) % 24]
                buf.append(f'<inproceedings mdate="{y + 1}-03-20" key="conf/{c.lower()}/P{serial}">\n'
                           f"{authors_xml}<title>{title}.</title>\n<pages>{p}-{p + 9}</pages>\n<year>{y}</year>\n"
                           f"<booktitle>{c}</booktitle>\n<ee>https://doi.org/10.{1000 + f % 9000}/c.{serial}</ee>\n"
                           f"<crossref>conf/{c.lower()}/{y}</crossref>\n</inproceedings>\n")
            stats["authorships"] += len(team)
            if args.stats:
                used[team] = True
                if 2 <= len(team) <= 25:
                    t = np.array(sorted(team), dtype=np.int64)
                    a, b = np.triu_indices(len(t), 1)
                    stats["capped_pairs"].append(t[a] * authors + t[b])
        out.write("".join(buf))
        stats["papers"] += n
        print(f"generate_dblp: {stats['papers']:,} papers", file=sys.stderr)
    out.write("</dblp>\n")
    stats["authors"] = authors
    stats["homonym_numbered"] = sum(1 for x in names if x[-4:].isdigit())
    if args.stats:
        stats["authors_used"] = int(used.sum())
        stats["pairs"] = int(np.unique(np.concatenate(stats["capped_pairs"])).size) if stats["capped_pairs"] else 0
    del stats["capped_pairs"]
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--papers", type=int, default=7_000_000, help="records to write (default 7,000,000)")
    parser.add_argument("--authors", type=int, default=0, help="people (default papers × 1.3/7)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="-", help="output path; a name ending in .gz is gzip-compressed; - is stdout")
    parser.add_argument("--stats", action="store_true", help="print papers, authors, pairs on stderr (slower)")
    args = parser.parse_args()
    if args.out == "-":
        stats = generate(args, sys.stdout)
    elif args.out.endswith(".gz"):
        with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as gz, \
                io.TextIOWrapper(gz, encoding="ascii") as out:
            stats = generate(args, out)
    else:
        with open(args.out, "w", encoding="ascii") as out:
            stats = generate(args, out)
    if stats["papers"]:
        stats["mean_authors"] = round(stats["authorships"] / stats["papers"], 3)
    print("generate_dblp: " + ", ".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in stats.items()),
          file=sys.stderr)


if __name__ == "__main__":
    main()
