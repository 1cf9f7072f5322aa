#!/usr/bin/env python3
"""Reference counts of author identifiers in the biblium sample exports.

    python3 Tests/Interop/identifier_counts.py ../shared/datasets/corpora/biblium

Independent of the Swift readers (Python's csv module, plain string handling and the
ISO 7064 MOD 11-2 check from the ORCID documentation). The numbers are typed into
Tests/BibliographyTests/AuthorIdentifierTests.swift and (the "people" lines: author ids
as PersonResolver must treat them) Tests/BibliographyTests/PersonResolver+SourceIDsTests.swift.
"""
import csv
import gzip
import re
import sys

csv.field_size_limit(10**9)


def orcid_ok(raw):
    """Canonical ORCID or None (bad shape or wrong check character)."""
    body = raw.strip()
    body = re.sub(r"^(https?://)?(www\.)?orcid\.org/", "", body, flags=re.I)
    body = body.replace("-", "").replace(" ", "")
    if not re.fullmatch(r"\d{15}[\dXx]", body):
        return None
    total = 0
    for ch in body[:15]:
        total = (total + int(ch)) * 2
    check = (12 - total % 11) % 11
    expected = "X" if check == 10 else str(check)
    if body[15].upper() != expected:
        return None
    b = body[:15] + expected
    return "-".join(b[i:i + 4] for i in range(0, 16, 4))


def openalex(path):
    rows = list(csv.DictReader(gzip.open(path, "rt", encoding="utf-8-sig")))
    valid = invalid = ids = 0
    distinct = set()
    for row in rows:
        names = row["authorships.author.display_name"].split("|")
        orcids = row["authorships.author.orcid"].split("|")
        aids = row["authorships.author.id"].split("|")
        for name, o, a in zip(names, orcids, aids):
            if not name.strip():
                continue
            # The export writes Python's None for an author without an ORCID.
            o = "" if o.strip() in ("None", "null", "nan") else o
            a = "" if a.strip() in ("None", "null", "nan") else a
            if o.strip():
                if orcid_ok(o):
                    valid += 1
                    distinct.add(orcid_ok(o))
                else:
                    invalid += 1
            if a.strip():
                ids += 1
    print(f"openalex: works {len(rows)} valid-orcids {valid} distinct {len(distinct)} "
          f"invalid {invalid} author-ids {ids}")


def people(system, occurrences):
    """What the resolver must do with one id system's (name, id, orcid) occurrences.

    The same id is one person; ids are joined further only by a shared ORCID iD; two
    different ids (not so joined) are two people even under one spelling.
    """
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_orcid = {}
    for _, aid, orcid in occurrences:
        find(aid)
        if orcid:
            if orcid in by_orcid:
                parent[find(aid)] = find(by_orcid[orcid])
            else:
                by_orcid[orcid] = aid
    spellings = {}
    names_of = {}
    for name, aid, _ in occurrences:
        spellings.setdefault(name, set()).add(find(aid))
        names_of.setdefault(aid, set()).add(name)
    ids = {aid for _, aid, _ in occurrences}
    shared = sum(1 for holders in spellings.values() if len(holders) > 1)
    varied = sum(1 for names in names_of.values() if len(names) > 1)
    print(f"people {system}: distinct-ids {len(ids)} id-holders {len({find(a) for a in ids})} "
          f"spellings-of-several-holders {shared} ids-with-several-spellings {varied}")


def openalex_people(path):
    rows = list(csv.DictReader(gzip.open(path, "rt", encoding="utf-8-sig")))
    occurrences = []
    for row in rows:
        for name, o, a in zip(row["authorships.author.display_name"].split("|"),
                              row["authorships.author.orcid"].split("|"),
                              row["authorships.author.id"].split("|")):
            a = a.strip()
            if not name.strip() or a in ("", "None", "null", "nan"):
                continue
            o = "" if o.strip() in ("None", "null", "nan") else o
            occurrences.append((name.strip(), a.rsplit("/", 1)[-1], orcid_ok(o) if o.strip() else None))
    people("openalex", occurrences)


def scopus_people(path):
    rows = list(csv.DictReader(gzip.open(path, "rt", encoding="utf-8-sig")))
    occurrences = []
    for row in rows:
        # "Caffo, Brian (35069047000)": the name as Scopus spells it, with its id.
        for item in row["Author full names"].split(";"):
            m = re.fullmatch(r"\s*(.*?)\s*\((\d+)\)\s*", item)
            if m:
                occurrences.append((m.group(1), m.group(2), None))
    people("scopus", occurrences)


def scopus(path):
    rows = list(csv.DictReader(gzip.open(path, "rt", encoding="utf-8-sig")))
    ids = 0
    for row in rows:
        items = [x.strip() for x in row["Author(s) ID"].split(";")]
        if items and items[-1] == "":
            items.pop()
        ids += sum(1 for x in items if x.isdigit())
    print(f"scopus: rows {len(rows)} author-ids {ids}")


def wos(path):
    text = gzip.open(path, "rt", encoding="utf-8-sig").read()
    oi_items = valid = ri_items = 0
    records = 0
    current = None
    fields = {}
    for line in text.splitlines():
        if line.startswith("PT "):
            records += 1
        if line.startswith("   ") and current:
            fields[current] += " " + line.strip()
            continue
        tag = line[:2]
        current = tag if tag in ("OI", "RI") else None
        if current:
            fields[current] = line[3:].strip()
        if tag == "ER":
            # Distinct ids per record (a record may give one id under two spellings).
            oi = {x.rsplit("/", 1)[1].strip() for x in fields.get("OI", "").split(";") if "/" in x}
            oi_items += len(oi)
            valid += sum(1 for x in oi if orcid_ok(x))
            ri_items += len({x.rsplit("/", 1)[1].strip()
                             for x in fields.get("RI", "").split(";") if "/" in x})
            fields = {}
    print(f"wos: records {records} distinct-ORCIDs-per-record {oi_items} valid {valid} "
          f"distinct-ResearcherIDs-per-record {ri_items}")


if __name__ == "__main__":
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets/corpora/biblium"
    openalex(f"{root}/openalex_dataset.csv.gz")
    scopus(f"{root}/scopus_dataset.csv.gz")
    wos(f"{root}/wos_dataset.txt.gz")
    openalex_people(f"{root}/openalex_dataset.csv.gz")
    scopus_people(f"{root}/scopus_dataset.csv.gz")
