#!/usr/bin/env python3
"""Builds spark/tests/fixtures/openalex-sample.jsonl.gz from the OpenAlex CSV export.

No OpenAlex data can be downloaded where this was made, so the JSON-lines sample is the
CSV export's real rows (openalex_dataset.csv.gz, 613 works) put back into the works
snapshot's nested schema: `id`, `doi`, `title`, `display_name`, `publication_year`
(a number), `type`, and `authorships[]` with `author_position`, `raw_author_name`,
`is_corresponding`, `countries` and `author` {`id`, `display_name`, `orcid`}, one entry
per '|'-separated author of the row. A pandas "None" becomes JSON null; rows whose id
or ORCID lists do not line up with the names get null ids/ORCIDs (as the readers do).

    python3 spark/tests/make_fixture.py [CSV] [OUT]
"""

import csv
import gzip
import io
import json
import sys

CSV = "/work/shared/datasets/corpora/biblium/openalex_dataset.csv.gz"
OUT = "spark/tests/fixtures/openalex-sample.jsonl.gz"


def listed(value, count):
    items = value.split("|") if value else []
    if len(items) != count:
        return [None] * count
    return [None if x.strip() in ("", "None", "null", "nan") else x.strip() for x in items]


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else CSV
    out = sys.argv[2] if len(sys.argv) > 2 else OUT
    csv.field_size_limit(1 << 30)
    lines = []
    with gzip.open(src, "rt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            names = row["authorships.author.display_name"].split("|") if row["authorships.author.display_name"] else []
            n = len(names)
            ids = listed(row["authorships.author.id"], n)
            orcids = listed(row["authorships.author.orcid"], n)
            positions = listed(row.get("authorships.author_position", ""), n)
            raw = listed(row.get("authorships.raw_author_name", ""), n)
            corresponding = listed(row.get("authorships.is_corresponding", ""), n)
            authorships = [{
                "author_position": positions[i],
                "author": {"id": ids[i], "display_name": names[i], "orcid": orcids[i]},
                "raw_author_name": raw[i],
                "is_corresponding": corresponding[i] == "True" if corresponding[i] else None,
            } for i in range(n)]
            year = row["publication_year"]
            lines.append(json.dumps({
                "id": row["id"], "doi": row["doi"] or None, "title": row["title"] or None,
                "display_name": row["display_name"] or None,
                "publication_year": int(year) if year.isdigit() else None,
                "type": row["type"] or None, "authorships": authorships,
            }, ensure_ascii=False, separators=(",", ":")))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(out, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as z:
            z.write(data)
    print(f"{out}: {len(lines)} works")


if __name__ == "__main__":
    main()
