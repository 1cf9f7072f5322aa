#!/usr/bin/env python3
"""Publication lists for Benchmarks/lists-scaling.sh (issue 13), made deterministically.

  generate_lists.py hugo OUT_DIR --pages 710 --syntax yaml|toml [--seed 13]
      OUT_DIR/content/publication/<slug>/index.md (+ cite.bib on every third page),
      the page-bundle layout of Hugo academic/wowchemy sites, front matter as the
      academic theme writes it (title, authors, date, publication_types, publication,
      doi, abstract, and the comment block of the theme's template).
  generate_lists.py markdown OUT_FILE --entries 100000 [--seed 13]
      one Markdown list: "## YEAR" headings, "1. Authors (YEAR) Title. *Venue* VOL: PAGES"
      items (the form of many lab pages), one bold name per item (the owner).

Names, titles and venues come from small fixed word lists through random.Random(seed),
so the same arguments give the same bytes on every machine.
"""
import argparse
import os
import random

GIVEN = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "John", "Leslie", "Radia",
         "Tim", "Margaret", "Ken", "Shafi", "Silvio", "Judea", "Yoshua", "Fei-Fei", "José", "Zoë",
         "Søren", "Łukasz", "Chiara", "Hiroshi", "Wen", "Priya", "Olumide", "Ines", "Mateo", "Anika"]
FAMILY = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "McCarthy",
          "Lamport", "Perlman", "Berners-Lee", "Hamilton", "Thompson", "Goldwasser", "Micali", "Pearl",
          "Bengio", "Li", "Müller", "Østergaard", "Kowalski", "Rossi", "Tanaka", "Zhang", "Sharma",
          "Adeyemi", "García", "van der Berg", "O'Neil", "Nakamura"]
WORDS = ["graph", "network", "inference", "learning", "robust", "sparse", "spectral", "community",
         "dynamics", "collaboration", "citation", "temporal", "scalable", "estimation", "model",
         "detection", "structure", "random", "bayesian", "optimal", "analysis", "evidence", "large-scale"]
VENUES = ["Physical Review E", "Journal of Informetrics", "Scientometrics", "Nature Communications",
          "Proceedings of KDD", "Social Networks", "PLOS ONE", "Network Science", "JASIST"]
OWNER = ("Ada", "Lovelace")


def person(rng):
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def authors(rng):
    names = [person(rng) for _ in range(rng.randint(1, 7))]
    names.insert(rng.randrange(len(names) + 1), " ".join(OWNER))
    return names


def title(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 11))]
    return " ".join(words).capitalize()


TEMPLATE_COMMENTS = """
# Publication type.
# Legend:
# 0 = Uncategorized
# 1 = Conference paper
# 2 = Journal article
# 3 = Manuscript
# 4 = Report
# 5 = Book
# 6 = Book section
"""


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hugo(out, pages, syntax, seed):
    rng = random.Random(seed)
    root = os.path.join(out, "content", "publication")
    for i in range(pages):
        year = 1990 + rng.randrange(36)
        slug = f"{year}-{i:04d}"
        folder = os.path.join(root, slug)
        os.makedirs(folder, exist_ok=True)
        names = authors(rng)
        fields = {
            "title": title(rng),
            "date": f"{year}-{rng.randint(1, 12):02d}-01",
            "authors": names,
            "publication_types": [str(rng.choice([1, 2, 2, 3]))],
            "publication": f"*{rng.choice(VENUES)}*",
            "doi": f"10.{1000 + rng.randrange(9000)}/bench.{i}",
            "abstract": " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 200))) + ".",
        }
        if syntax == "toml":
            lines = ["+++"]
            lines.append(f"title = {quote(fields['title'])}")
            lines.append(f"date = {fields['date']}T00:00:00")
            lines.append("draft = false")
            lines.append("")
            lines.append("# Authors. Comma separated list, e.g. `[\"Bob Smith\", \"David Jones\"]`.")
            lines.append("authors = [" + ", ".join(quote(n) for n in names) + "]")
            lines.append(TEMPLATE_COMMENTS.rstrip())
            lines.append(f"publication_types = [{quote(fields['publication_types'][0])}]")
            lines.append(f"publication = {quote(fields['publication'])}")
            lines.append(f"abstract = {quote(fields['abstract'])}")
            lines.append(f"doi = {quote(fields['doi'])}")
            lines.append("featured = false")
            lines.append("")
            lines.append("[image]")
            lines.append('caption = ""')
            lines.append("+++")
        else:
            lines = ["---"]
            lines.append(f"title: {quote(fields['title'])}")
            lines.append("authors:")
            lines.extend(f"- {n}" for n in names)
            lines.append(f"date: \"{fields['date']}\"")
            lines.append(TEMPLATE_COMMENTS.rstrip())
            lines.append(f"publication_types: [\"{fields['publication_types'][0]}\"]")
            lines.append(f"publication: {quote(fields['publication'])}")
            lines.append(f"abstract: {quote(fields['abstract'])}")
            lines.append(f"doi: \"{fields['doi']}\"")
            lines.append("featured: false")
            lines.append("image:")
            lines.append("  caption: ''")
            lines.append("---")
        lines.append("")
        lines.append("Supplementary notes can be added here.")
        with open(os.path.join(folder, "index.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        if i % 3 == 0:
            bib_names = " and ".join(f"{n.split(' ', 1)[1]}, {n.split(' ', 1)[0]}" for n in names)
            with open(os.path.join(folder, "cite.bib"), "w", encoding="utf-8") as f:
                f.write(f"@article{{bench{i},\n  title = {{{fields['title']}}},\n  author = {{{bib_names}}},\n"
                        f"  year = {{{year}}},\n  doi = {{{fields['doi']}}}\n}}\n")


def markdown(out, entries, seed):
    rng = random.Random(seed)
    per_year = max(1, entries // 30)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Publications\n\n")
        written = 0
        year = 2025
        while written < entries:
            f.write(f"## {year}\n\n")
            for _ in range(min(per_year, entries - written)):
                names = authors(rng)
                shown = [f"**{n}**" if n == " ".join(OWNER) else n for n in names]
                volume = rng.randint(1, 120)
                first = rng.randint(1, 2000)
                f.write(f"1. {', '.join(shown)} ({year}) {title(rng)}. *{rng.choice(VENUES)}* "
                        f"{volume}: {first}–{first + rng.randint(5, 30)}\n")
                written += 1
            f.write("\n")
            year -= 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="kind", required=True)
    h = sub.add_parser("hugo")
    h.add_argument("out")
    h.add_argument("--pages", type=int, default=710)
    h.add_argument("--syntax", choices=["yaml", "toml"], default="yaml")
    h.add_argument("--seed", type=int, default=13)
    m = sub.add_parser("markdown")
    m.add_argument("out")
    m.add_argument("--entries", type=int, default=1000)
    m.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    if args.kind == "hugo":
        hugo(args.out, args.pages, args.syntax, args.seed)
    else:
        markdown(args.out, args.entries, args.seed)


if __name__ == "__main__":
    main()
