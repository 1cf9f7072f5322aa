#!/usr/bin/env python3
"""Generate a large, realistic BibTeX file for the streaming-reader benchmark.

    python3 Benchmarks/generate_bibtex.py --entries 1000000 --seed 1 -o /tmp/bench-1M.bib

The file is not committed (about 0.4 GB for a million entries). Same arguments,
same bytes. What makes it realistic:

- authors are drawn from a pool of people with Zipf-like productivity (a few write
  hundreds of papers, most write one or two), so the coauthor network has hubs;
- author counts per entry follow the shape of real publication lists: mostly 2-6,
  a long tail, and about 0.5 % hyperauthored papers with 30-300 authors;
- names mix "Last, First" and "First Last", initials, von particles ("van der",
  "de la"), LaTeX accents ({\\"o}, \\'{e}, {\\ss}) and raw UTF-8, braced corporate
  names, and some lists end in "and others";
- entry types, @string journal macros with # concatenation, month macros,
  quoted and braced values, % comments, DOIs, arXiv eprints, keywords and (10 %)
  abstracts appear in realistic proportions.
"""

import argparse
import random

FIRST = (
    "James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Wei Fang Jing Li Min Yan Hui "
    "Hiroshi Yuki Takashi Akiko Sven Ingrid Lars Anna Pierre Marie Jean Sophie Luca Giulia "
    "Marco Francesca Javier Lucía Carlos María Ahmed Fatima Omar Aisha Raj Priya Arjun Ananya "
    "Olga Dmitri Ivan Natalia Piotr Katarzyna Jan Eva Mikołaj Zoë Björn Søren José André"
).split()
LAST = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Thompson White Harris "
    "Clark Lewis Robinson Walker Young Allen Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou "
    "Sato Suzuki Takahashi Tanaka Watanabe Müller Schmidt Schneider Fischer Weber Meyer "
    "Wagner Becker Schulz Hoffmann Rossi Russo Ferrari Esposito Bianchi Romano Colombo "
    "Kowalski Nowak Wiśniewski Novák Svoboda Dvořák Petrov Ivanov Smirnov Kuznetsov Singh "
    "Kumar Sharma Patel Gupta Khan Ali Hassan Nielsen Jensen Hansen Andersson Johansson "
    "Larsson Dubois Durand Lefebvre Moreau Fernández Pérez Sánchez Ramírez Torres"
).split()
VON = ["van", "van der", "de", "de la", "von", "di", "da", "del"]
# LaTeX spellings for some of the accented letters above.
LATEX = {
    "ü": '{\\"u}', "ö": '{\\"o}', "é": "\\'{e}", "á": "{\\'a}", "í": "{\\'\\i}", "ř": "\\v{r}",
    "ś": "\\'{s}", "ł": "{\\l}", "ø": "{\\o}", "ß": "{\\ss}", "ë": '{\\"e}', "ó": "\\'{o}",
}
WORDS = (
    "network graph community detection centrality learning deep neural model analysis "
    "efficient scalable robust algorithm approach method framework data large sparse "
    "dynamic temporal spatial bayesian inference optimization stochastic distributed "
    "parallel quantum protein gene expression climate ocean model simulation theory "
    "structure evolution collaboration citation bibliometric measurement estimation "
    "causal random walk spectral clustering embedding representation attention transformer"
).split()
JOURNALS = [
    ("pnas", "Proceedings of the National Academy of Sciences"),
    ("physrev", "Physical Review E"),
    ("jasist", "Journal of the Association for Information Science and Technology"),
    ("nature", "Nature"),
    ("scientometrics", "Scientometrics"),
    ("socnet", "Social Networks"),
    ("jmlr", "Journal of Machine Learning Research"),
    ("plosone", "PLoS ONE"),
]
CONFERENCES = [
    "Proceedings of the International Conference on Machine Learning",
    "Advances in Neural Information Processing Systems",
    "Proceedings of the ACM SIGKDD Conference on Knowledge Discovery and Data Mining",
    "Proceedings of the Web Conference",
    "IEEE International Conference on Data Mining",
    "Workshop on Graph Learning",
]
MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def latexify(text, rng):
    if rng.random() < 0.5:
        return text
    return "".join(LATEX.get(c, c) for c in text)


def make_people(rng, count):
    people = []
    for _ in range(count):
        first = rng.choice(FIRST)
        middle = rng.choice(FIRST)[0] + "." if rng.random() < 0.3 else ""
        last = rng.choice(LAST)
        if rng.random() < 0.15:
            last = last + "-" + rng.choice(LAST)
        von = rng.choice(VON) if rng.random() < 0.04 else ""
        people.append((first, middle, von, last))
    return people


def format_name(person, rng):
    first, middle, von, last = person
    if rng.random() < 0.35:
        first = first[0] + "."
    given = " ".join(x for x in (first, middle) if x)
    given = latexify(given, rng)
    last = latexify(last, rng)
    if rng.random() < 0.6:
        return f"{von + ' ' if von else ''}{last}, {given}"
    return f"{given} {von + ' ' if von else ''}{last}"


def author_count(rng):
    r = rng.random()
    if r < 0.005:
        return rng.randint(30, 300)
    if r < 0.05:
        return rng.randint(8, 25)
    return max(1, min(12, int(rng.gammavariate(2.2, 1.6)) + 1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=0, help="pool size (default entries/4)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    people = make_people(rng, args.people or max(1000, args.entries // 4))
    # Zipf-like productivity: person i is drawn with weight 1/(i+10)^0.9.
    weights = [1.0 / (i + 10) ** 0.9 for i in range(len(people))]
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)

    with open(args.output, "w", encoding="utf-8") as out:
        out.write("% Generated by Benchmarks/generate_bibtex.py "
                  f"--entries {args.entries} --seed {args.seed}\n\n")
        for macro, name in JOURNALS:
            out.write(f'@string{{{macro} = "{name}"}}\n')
        out.write("\n")
        for n in range(args.entries):
            k = author_count(rng)
            chosen = rng.choices(range(len(people)), cum_weights=cumulative, k=k)
            names = [format_name(people[i], rng) for i in dict.fromkeys(chosen)]
            if rng.random() < 0.01:
                names.append("{The " + rng.choice(WORDS).title() + " Consortium}")
            if len(names) > 10 and rng.random() < 0.3:
                names = names[:10] + ["others"]
            title_words = rng.sample(WORDS, rng.randint(4, 12))
            title = " ".join(title_words).capitalize()
            if rng.random() < 0.2:
                title = "{" + title_words[0].upper() + "}: " + title
            year = rng.randint(1970, 2025)
            key = f"{people[chosen[0]][3].split('-')[0].lower()}{year}{n}"
            r = rng.random()
            lines = []
            if r < 0.55:
                kind = "article"
                macro, _ = rng.choice(JOURNALS)
                lines.append(f"  journal = {macro},")
                lines.append(f"  volume = {{{rng.randint(1, 120)}}},")
                lines.append(f"  pages = {{{rng.randint(1, 900)}--{rng.randint(901, 999)}}},")
            elif r < 0.85:
                kind = rng.choice(["inproceedings", "InProceedings", "conference"])
                lines.append(f"  booktitle = {{{rng.choice(CONFERENCES)}}},")
            elif r < 0.93:
                kind = "misc"
                lines.append(f"  eprint = {{{year % 100:02d}{rng.randint(1, 12):02d}."
                             f"{rng.randint(0, 99999):05d}}},")
                lines.append("  archivePrefix = {arXiv},")
            elif r < 0.97:
                kind = rng.choice(["phdthesis", "mastersthesis"])
                lines.append(f"  school = {{University of {rng.choice(LAST)}}},")
            else:
                kind = rng.choice(["book", "incollection", "techreport"])
                lines.append(f"  publisher = {{{rng.choice(LAST)} Press}},")
            quote = rng.random() < 0.2
            author_value = " and ".join(names)
            author = f'"{author_value}"' if quote else f"{{{author_value}}}"
            out.write(f"@{kind}{{{key},\n")
            out.write(f"  author = {author},\n")
            out.write(f"  title = {{{title}}},\n")
            out.writelines(line + "\n" for line in lines)
            out.write(f"  year = {year},\n" if rng.random() < 0.5 else f"  year = {{{year}}},\n")
            if rng.random() < 0.3:
                out.write(f"  month = {rng.choice(MONTHS)},\n")
            if rng.random() < 0.6:
                out.write(f"  doi = {{10.{rng.randint(1000, 9999)}/{rng.randint(10**6, 10**7)}}},\n")
            if rng.random() < 0.3:
                out.write(f"  keywords = {{{', '.join(rng.sample(WORDS, 3))}}},\n")
            if rng.random() < 0.1:
                abstract = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 120)))
                out.write(f"  abstract = {{{abstract.capitalize()}.}},\n")
            if rng.random() < 0.05:
                out.write("  % note = {to check},\n")
            out.write("}\n\n")


if __name__ == "__main__":
    main()
