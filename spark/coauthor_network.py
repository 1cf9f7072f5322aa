#!/usr/bin/env python3
"""coauthor on Apache Spark: the coauthor network of an OpenAlex works snapshot.

Reads OpenAlex works (the snapshot's gzip JSON lines, or the flattened CSV export that
`coauthor` reads), builds the coauthor edge list with coauthor's counting methods
(full count, fractional 1/(n-1), association strength of the full-count network) under
the hyperauthorship cap and a year window, computes degree, strength, connected
components and weighted PageRank, and writes Parquet plus the text files the Swift
tool reads.

    spark-submit --master local[2] spark/coauthor_network.py INPUT... --output OUT
    python3 spark/coauthor_network.py INPUT... --output OUT      # local[*]

See spark/README.md for the outputs and the cluster commands.
"""

from __future__ import annotations

import argparse
import glob
import math
import os
import shutil
import sys
import time

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql import types as T

OPENALEX_PREFIX = "https://openalex.org/"
ORCID_PREFIX = "https://orcid.org/"

# The slice of the OpenAlex work schema the job reads (explicit: no inference pass over
# hundreds of GB). Fields absent from a line read as null.
AUTHOR = T.StructType([
    T.StructField("id", T.StringType()),
    T.StructField("display_name", T.StringType()),
    T.StructField("orcid", T.StringType()),
])
WORK_SCHEMA = T.StructType([
    T.StructField("id", T.StringType()),
    T.StructField("doi", T.StringType()),
    T.StructField("title", T.StringType()),
    T.StructField("display_name", T.StringType()),
    T.StructField("publication_year", T.LongType()),
    T.StructField("authorships", T.ArrayType(T.StructType([
        T.StructField("author", AUTHOR),
        T.StructField("raw_author_name", T.StringType()),
    ]))),
])


def log(message: str) -> None:
    print(f"[coauthor-spark {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def parse_args(argv=None):
    p = argparse.ArgumentParser(
        description="Coauthor network of OpenAlex works on Spark (JSON lines or the CSV export).")
    p.add_argument("inputs", nargs="+", help="files, folders or globs: *.jsonl(.gz)/*.json(.gz)/"
                   "snapshot part files (JSON lines), *.csv(.gz) (OpenAlex CSV export)")
    p.add_argument("--output", "-o", required=True, help="output folder (replaced)")
    p.add_argument("--format", choices=["auto", "json", "csv"], default="auto",
                   help="input format (auto: .csv/.csv.gz is the CSV export, anything else JSON lines)")
    p.add_argument("--key", choices=["id", "orcid", "name"], default="id",
                   help="what a node is: OpenAlex author id (default); ORCID (OpenAlex id where the "
                        "author has none); display name (as the Swift tool's names, without its "
                        "variant merging)")
    p.add_argument("--weighting", choices=["count", "fractional", "association"], default="count",
                   help="the weight written to the text edge lists and used by strength and PageRank")
    p.add_argument("--max-authors", type=int, default=25,
                   help="works with more authors leave the edges (0: keep all); default 25")
    p.add_argument("--from", dest="year_from", type=int, help="first publication year kept")
    p.add_argument("--to", dest="year_to", type=int, help="last publication year kept")
    p.add_argument("--no-dedup", dest="dedup", action="store_false",
                   help="count every listed work (default: one work once, by work id, DOI or title)")
    p.add_argument("--skip-ranks", action="store_true",
                   help="edges and node table only: no components or PageRank (columns left null)")
    p.add_argument("--damping", type=float, default=0.85)
    p.add_argument("--tol", type=float, default=1e-12,
                   help="PageRank stops when the L1 change of one iteration is below this")
    p.add_argument("--max-iter", type=int, default=1000)
    p.add_argument("--graphframes", choices=["auto", "yes", "no"], default="auto",
                   help="connected components with GraphFrames when both its Python package and "
                        "its JAR are there (auto), required (yes) or never (no)")
    p.add_argument("--graphframes-jar", default=None,
                   help="a GraphFrames JAR to put on the classpath when the job is started by "
                        "python3 rather than spark-submit (there: --jars); see "
                        "spark/build_graphframes.sh")
    p.add_argument("--csv-ids", action="store_true",
                   help="edges.csv with node ids instead of display names")
    p.add_argument("--text-outputs", choices=["auto", "yes", "no"], default="auto",
                   help="single-file text outputs (edges.csv, coauthor_map.txt, "
                        "coauthor_network.txt), merged on the driver; auto: only on a local "
                        "file system output")
    p.add_argument("--partitions", type=int, default=0,
                   help="Parquet edge files (range partitions by source); 0: spark.sql.shuffle.partitions")
    p.add_argument("--master", help="Spark master when not started by spark-submit (default local[*])")
    p.add_argument("--driver-memory", default=None, help="spark.driver.memory when not set (e.g. 2g)")
    p.add_argument("--shuffle-partitions", type=int, default=None, help="spark.sql.shuffle.partitions")
    p.add_argument("--checkpoint-dir", default=None,
                   help="reliable checkpoint folder for the iterations (default: local checkpoints)")
    a = p.parse_args(argv)
    if a.max_authors < 0:
        p.error("--max-authors must be >= 0")
    return a


def spark_session(a) -> SparkSession:
    builder = SparkSession.builder.appName("coauthor-network")
    # Under spark-submit the master is already set; by hand, default to all local cores.
    if a.master:
        builder = builder.master(a.master)
    elif "spark.master" not in os.environ.get("PYSPARK_SUBMIT_ARGS", "") and not os.environ.get("SPARK_ENV_LOADED"):
        builder = builder.master(os.environ.get("SPARK_MASTER", "local[*]"))
    if a.driver_memory:
        builder = builder.config("spark.driver.memory", a.driver_memory)
    if a.shuffle_partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(a.shuffle_partitions))
    if a.graphframes_jar:
        if not os.path.isfile(a.graphframes_jar):
            raise SystemExit(f"coauthor-spark: --graphframes-jar {a.graphframes_jar}: no such file")
        builder = builder.config("spark.jars", os.path.abspath(a.graphframes_jar))
    builder = (builder.config("spark.sql.session.timeZone", "UTC")
               .config("spark.ui.showConsoleProgress", "false"))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


# ---------------------------------------------------------------------------- reading


def expand_inputs(inputs):
    """Local paths: folders become their files, globs are expanded; other URIs pass."""
    out = []
    for item in inputs:
        if "://" in item and not item.startswith("file://"):
            out.append(item)
            continue
        path = item[len("file://"):] if item.startswith("file://") else item
        if os.path.isdir(path):
            for root, _, files in os.walk(path):
                # Skip hidden and _-prefixed files, notes, and the snapshot's `manifest`.
                out += [os.path.join(root, f) for f in sorted(files)
                        if not f.startswith((".", "_")) and not f.endswith((".md", ".txt"))
                        and f != "manifest"]
        elif any(c in path for c in "*?["):
            out += sorted(glob.glob(path))
        else:
            out.append(path)
    return sorted(out)


def is_csv(path: str) -> bool:
    lower = path.lower()
    return lower.endswith(".csv") or lower.endswith(".csv.gz")


def clean_id(col, prefix):
    """OpenAlex/ORCID URLs to their short form; empty, 'None', 'null', 'nan' to null."""
    c = F.trim(col)
    c = F.when(c.isin("", "None", "null", "nan"), None).otherwise(c)
    return F.regexp_replace(c, "^" + prefix.replace(".", "\\."), "")


def read_json(spark, paths) -> DataFrame:
    raw = spark.read.schema(WORK_SCHEMA).option("mode", "PERMISSIVE").json(paths)
    return raw.select(
        F.col("id").alias("work"),
        F.col("doi"),
        F.coalesce(F.col("title"), F.col("display_name")).alias("title"),
        F.col("publication_year").cast("int").alias("year"),
        F.transform(
            F.coalesce(F.col("authorships"), F.array()),
            lambda x: F.struct(
                F.coalesce(x["author"]["display_name"], x["raw_author_name"]).alias("name"),
                x["author"]["id"].alias("id"),
                x["author"]["orcid"].alias("orcid"))).alias("authors"))


def read_csv(spark, paths) -> DataFrame:
    """The OpenAlex CSV export: the author columns are parallel lists joined by '|'.

    As in the Swift reader, ids and ORCIDs are used only when their list has as many
    entries as the names; names are trimmed and empty names dropped with their ids.
    """
    raw = (spark.read.option("header", True).option("multiLine", True)
           .option("escape", '"').option("mode", "PERMISSIVE").csv(paths))
    names_col = ("authorships.author.display_name" if "authorships.author.display_name" in raw.columns
                 else "authorships.raw_author_name")

    def split(name):
        if name not in raw.columns:
            return F.lit(None).cast("array<string>")
        c = F.col(f"`{name}`")
        return F.when(c.isNull() | (c == ""), None).otherwise(F.split(c, r"\|"))

    names = F.coalesce(split(names_col), F.array())
    ids, orcids = split("authorships.author.id"), split("authorships.author.orcid")

    def parallel(arr):
        return F.when(arr.isNotNull() & (F.size(arr) == F.size(names)), arr)

    df = raw.select(
        F.col("id").alias("work"),
        F.col("doi") if "doi" in raw.columns else F.lit(None).cast("string").alias("doi"),
        F.coalesce(*[F.col(c) for c in ("title", "display_name") if c in raw.columns],
                   F.lit(None).cast("string")).alias("title"),
        F.regexp_extract(F.col("publication_year"), r"(\d{4})", 1).alias("year_text"),
        names.alias("names"), parallel(ids).alias("ids"), parallel(orcids).alias("orcids"))
    df = df.select(
        "work", "doi", "title",
        F.when(F.col("year_text") == "", None).otherwise(F.col("year_text").cast("int")).alias("year"),
        F.transform(
            F.sequence(F.lit(0), F.size("names") - 1),
            lambda i: F.struct(
                F.trim(F.get(F.col("names"), i)).alias("name"),
                F.get(F.col("ids"), i).alias("id"),
                F.get(F.col("orcids"), i).alias("orcid"))).alias("authors"))
    # sequence(0, -1) is [0, -1] (get gives null out of range): drop the phantom entries
    # of works without names.
    return df.withColumn("authors", F.filter("authors", lambda x: x["name"].isNotNull()))


def works_table(spark, a) -> DataFrame:
    """One row per work: work, year, keys (distinct node keys in author order), names."""
    paths = expand_inputs(a.inputs)
    if not paths:
        raise SystemExit("coauthor-spark: no input files")
    csv_paths = [p for p in paths if (a.format == "csv" or (a.format == "auto" and is_csv(p)))]
    json_paths = [p for p in paths if p not in csv_paths]
    parts = []
    if json_paths:
        parts.append(read_json(spark, json_paths).withColumn("source", F.lit(0)))
    if csv_paths:
        parts.append(read_csv(spark, csv_paths).withColumn("source", F.lit(1)))
    # Listing order (within one file, its line order), for "the first listing is kept".
    parts = [p.withColumn("ordinal", F.struct("source", F.monotonically_increasing_id().alias("n")))
             for p in parts]
    works = parts[0] if len(parts) == 1 else parts[0].unionByName(parts[1])

    def key_of(x):
        name = F.trim(x["name"])
        oid = clean_id(x["id"], OPENALEX_PREFIX)
        if a.key == "name":
            return F.when(name != "", name)
        if a.key == "orcid":
            return F.coalesce(clean_id(x["orcid"], ORCID_PREFIX), oid)
        return oid

    works = works.select(
        "ordinal", "title",
        F.regexp_replace(F.col("work"), "^https://openalex\\.org/", "").alias("work"),
        F.lower(F.regexp_replace(F.col("doi"), "^https?://(dx\\.)?doi\\.org/", "")).alias("doi"),
        "year",
        F.filter(F.transform("authors", lambda x: F.struct(
            key_of(x).alias("key"), F.trim(x["name"]).alias("name"))),
            lambda x: x["key"].isNotNull() & x["name"].isNotNull() & (x["name"] != "")).alias("authors"))
    # Lines that are not works (no id: a corrupt record, a stray JSON file) are left out.
    works = works.filter(F.col("work").isNotNull() & (F.col("work") != ""))
    if a.year_from is not None:
        works = works.filter(F.col("year") >= a.year_from)
    if a.year_to is not None:
        works = works.filter(F.col("year") <= a.year_to)
    if a.dedup:
        # Deduplication reads the table several times (by id, by DOI, title candidates):
        # parse the input once and keep the narrow table (spilled to disk when large).
        # Materialised before use: the branches' stages start together, and each would
        # parse the input again while the cache is still empty.
        works = works.persist(StorageLevel.MEMORY_AND_DISK)
        works.count()
        works = deduplicate(works)
    # A person at most once per work (first listing kept), as in the Swift corpus.
    works = works.select(
        "work", "year",
        F.array_distinct(F.transform("authors", lambda x: x["key"])).alias("keys"),
        "authors")
    return works


# Latin letters with diacritics and their base letters, for folding titles and names
# (the Swift side folds with Foundation's diacritic-insensitive comparison).
ACCENTED = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿźżž"
PLAIN = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz"
assert len(ACCENTED) == len(PLAIN)


def folded(col):
    return F.regexp_replace(F.translate(F.lower(col), ACCENTED, PLAIN), r"[^\p{L}\p{N}]", "")


def deduplicate(works: DataFrame) -> DataFrame:
    """One work counted once, as the Swift corpus does: the same OpenAlex work id or DOI,
    or the same folded title (12+ characters) with years at most 2 apart (or unknown)
    and at least half of the shorter author list shared by family name. The first
    listing is kept; a later listing matching an earlier one is dropped (Swift compares with the
    earlier kept ones only: the two differ only for chains of three near-copies).
    """
    first = Window.partitionBy("work").orderBy("ordinal")
    works = works.withColumn("_r", F.row_number().over(first)).filter("_r = 1").drop("_r")
    has_doi = F.col("doi").isNotNull() & (F.col("doi") != "")
    by_doi = Window.partitionBy("doi").orderBy("ordinal")
    works = (works.filter(has_doi).withColumn("_r", F.row_number().over(by_doi)).filter("_r = 1")
             .drop("_r").unionByName(works.filter(~has_doi)))
    # Materialised: the title branch below reads this table four times, and without it
    # each read repeats the two shuffles of the whole table above (18 full shuffles of
    # the works seen at 1 M works instead of 3).
    works = works.persist(StorageLevel.MEMORY_AND_DISK)
    works.count()
    # Title candidates: only titles listed more than once are compared.
    works = works.withColumn("ftitle", folded(F.col("title")))
    families = F.array_distinct(F.transform("authors", lambda x: F.element_at(
        F.split(F.trim(F.translate(F.lower(x["name"]), ACCENTED, PLAIN)), r"\s+"), -1)))
    fullnames = F.array_distinct(F.transform("authors", lambda x: folded(x["name"])))
    titled = works.filter(F.length("ftitle") >= 12)
    repeated = titled.groupBy("ftitle").count().filter("count > 1").select("ftitle")
    cand = titled.join(repeated, "ftitle").select(
        "ftitle", "ordinal", "work", "year", families.alias("fam"), F.size(fullnames).alias("nk"))
    a, b = cand.alias("a"), cand.alias("b")
    dropped = (a.join(b, (F.col("a.ftitle") == F.col("b.ftitle")) & (F.col("a.ordinal") < F.col("b.ordinal")))
               .filter(F.col("a.year").isNull() | F.col("b.year").isNull()
                       | (F.abs(F.col("a.year") - F.col("b.year")) <= 2))
               .filter((F.least("a.nk", "b.nk") == 0)
                       | (2 * F.size(F.array_intersect("a.fam", "b.fam")) >= F.least("a.nk", "b.nk")))
               .select(F.col("b.work").alias("work")).distinct())
    return works.join(dropped, "work", "left_anti").drop("ftitle")


# ---------------------------------------------------------------------------- network


def build_edges(works: DataFrame, ids: DataFrame, max_authors: int) -> DataFrame:
    """(s, t, count, fractional) with s < t, over capped works, on the dense node ids.

    `ids` maps each key to a long `vid` increasing with the key, so the order of ids is
    the order of keys and the pairs need no string comparison or string shuffle.
    """
    w = works.select("work", "keys", F.size("keys").alias("n")).filter(F.col("n") >= 2)
    if max_authors > 0:
        w = w.filter(F.col("n") <= max_authors)
    listed = w.select("work", "n", F.explode("keys").alias("key")).join(ids, "key")
    w = listed.groupBy("work", "n").agg(F.array_sort(F.collect_list("vid")).alias("k"))
    # All pairs i < j of the sorted id array, generated inside the row: no self-join.
    pairs = w.select(
        F.explode(F.flatten(F.transform(
            F.sequence(F.lit(0), F.col("n") - 2),
            lambda i: F.transform(
                F.sequence(i + 1, F.col("n") - 1),
                lambda j: F.struct(F.col("k")[i].alias("s"), F.col("k")[j].alias("t")))))).alias("p"),
        (F.lit(1.0) / (F.col("n") - 1)).alias("share"))
    return (pairs.groupBy(F.col("p.s").alias("s"), F.col("p.t").alias("t"))
            .agg(F.count(F.lit(1)).alias("count"), F.sum("share").alias("fractional")))


def build_nodes(works: DataFrame) -> DataFrame:
    """Every author of a kept work (also single authors and hyperauthored works):
    key, label (the most frequent display name, ties by the smallest), papers, years."""
    listed = works.select("year", F.explode("authors").alias("x")).select(
        F.col("x.key").alias("key"), F.col("x.name").alias("name"), "year")
    # papers: distinct works per key (names are per listing; keys are distinct per work).
    per_key = works.select("year", F.explode("keys").alias("key")).groupBy("key").agg(
        F.count(F.lit(1)).alias("papers"), F.min("year").alias("first_year"),
        F.max("year").alias("last_year"))
    names = listed.groupBy("key", "name").count()
    best = Window.partitionBy("key").orderBy(F.desc("count"), F.asc("name"))
    labels = names.withColumn("_r", F.row_number().over(best)).filter("_r = 1").select(
        "key", F.col("name").alias("label"))
    return per_key.join(labels, "key", "left")


def association(edges: DataFrame) -> DataFrame:
    """a'_ij = 2m a_ij / (k_i k_j) on the full-count network (k: total link strength)."""
    k = (edges.select(F.col("s").alias("vid"), "count")
         .unionByName(edges.select(F.col("t").alias("vid"), "count"))
         .groupBy("vid").agg(F.sum("count").alias("k")))
    k = k.localCheckpoint(eager=True)
    two_m = k.agg(F.sum("k")).first()[0] or 0.0
    ks, kt = k.select(F.col("vid").alias("s"), F.col("k").alias("ks")), \
        k.select(F.col("vid").alias("t"), F.col("k").alias("kt"))
    return (edges.join(ks, "s").join(kt, "t")
            .withColumn("association", F.lit(float(two_m)) * F.col("count") / (F.col("ks") * F.col("kt")))
            .drop("ks", "kt"))


def both_directions(edges: DataFrame, weight: str, partitions: int) -> DataFrame:
    """The arcs u -> v of both directions, hash-partitioned by u (the iterations join on u
    without shuffling them again)."""
    return (edges.select(F.col("s").alias("u"), F.col("t").alias("v"), F.col(weight).alias("w"))
            .unionByName(edges.select(F.col("t").alias("u"), F.col("s").alias("v"), F.col(weight).alias("w")))
            .repartition(partitions, "u"))


def checkpoint(df: DataFrame, reliable: bool, eager: bool = True) -> DataFrame:
    return df.checkpoint(eager=eager) if reliable else df.localCheckpoint(eager=eager)


def components_dataframe(ids: DataFrame, arcs: DataFrame, partitions: int, reliable: bool) -> DataFrame:
    """Connected components by minimum-label propagation with pointer jumping.

    Each round: label(v) = min(label(v), labels of v's neighbours), then
    label(v) = label(label(v)) twice. Labels only decrease and stay inside the
    component, so the fixed point is the smallest id of each component. The arcs are
    partitioned by u and the labels too, so a round shuffles only the partial minima by
    target and the labels for the jumps; the round ends in one job that materialises the
    labels and counts the changed ones.
    """
    labels = checkpoint(ids.select(F.col("vid").alias("u"), F.col("vid").alias("c"))
                        .repartition(partitions, "u"), reliable)
    rounds = 0
    while True:
        rounds += 1
        least = (arcs.join(labels, "u").groupBy(F.col("v").alias("u")).agg(F.min("c").alias("m")))
        spread = (labels.join(least, "u", "left")
                  .select("u", F.col("c").alias("old"), F.least("c", F.coalesce("m", "c")).alias("c")))
        for _ in range(2):  # pointer jumping: c <- label(c)
            target = spread.select(F.col("u").alias("c"), F.col("c").alias("cc"))
            spread = (spread.join(target, "c", "left")
                      .select("u", "old", F.least("c", F.coalesce("cc", "c")).alias("c")))
        spread = checkpoint(spread.repartition(partitions, "u"), reliable, eager=False)
        changed = spread.filter(F.col("c") != F.col("old")).count()
        labels = spread.select("u", "c")
        log(f"components round {rounds}: {changed} labels changed")
        if changed == 0:
            break
    return labels.select(F.col("u").alias("vid"), F.col("c").alias("component_vid"))


def graphframes_available(spark):
    """(True, None) when GraphFrames can run: its Python package imports and its JVM
    classes are on the session's classpath (the PyPI package alone has no JAR, and a JAR
    without the package cannot be called); else (False, what is missing)."""
    try:
        import graphframes  # noqa: F401, PLC0415 (optional dependency)
    except ImportError:
        return False, "the graphframes Python package is not importable"
    from py4j.java_gateway import JavaClass  # noqa: PLC0415
    # py4j gives a JavaPackage, not a JavaClass, for a name it cannot load.
    if not isinstance(spark.sparkContext._jvm.org.graphframes.GraphFramePythonAPI, JavaClass):
        return False, ("the GraphFrames JAR is not on the classpath (spark-submit --jars, "
                       "or --graphframes-jar)")
    return True, None


def components_graphframes(spark, ids: DataFrame, edges: DataFrame, checkpoint_dir: str):
    from graphframes import GraphFrame  # noqa: PLC0415 (optional dependency)
    spark.sparkContext.setCheckpointDir(checkpoint_dir)
    g = GraphFrame(ids.select(F.col("vid").alias("id")),
                   edges.select(F.col("s").alias("src"), F.col("t").alias("dst")))
    cc = g.connectedComponents()
    # GraphFrames labels by a long; name each component by its smallest id, as above.
    smallest = cc.groupBy("component").agg(F.min("id").alias("component_vid"))
    return cc.join(smallest, "component").select(F.col("id").alias("vid"), "component_vid")


def pagerank(ids: DataFrame, arcs: DataFrame, damping: float, tol: float, max_iter: int,
             partitions: int, reliable: bool, batch: int = 10):
    """Weighted PageRank to its fixed point, as igraph's PRPACK and networkx:

    x'(v) = (1-d)/N + d * (sum_u x(u) w_uv / s_u + D/N),  D = sum of x over nodes with
    s_u = 0 (dangling mass spread uniformly), from x = 1/N, until sum |x' - x| < tol.

    A sparse matrix-vector product per iteration over the transition table (u, v, w/s_u),
    cached and hash-partitioned by u, as the rank vector is, so their join moves nothing;
    the products are summed by v with map-side partial sums (one shuffle of at most N
    rows per partition and iteration). The network is undirected, so a dangling node has
    no arcs at all: all of them hold one value, a scalar recurrence kept on the driver,
    and D needs no pass over the data. So the iterations need no global aggregate but
    the L1 change, and up to `batch` of them run as one Spark job: each node carries its
    previous value (a self row of the transition table brings it to the sum by v) and the
    change of every iteration of the batch, and one job materialises the vector (a
    checkpoint, so the plan does not grow) and sums the changes. The batch length follows
    the observed convergence rate; when the stopping rule holds inside a batch, the batch
    is redone up to that iteration, so the result and the iteration count are those of
    one-at-a-time iterations.
    """
    n = ids.count()
    positive = arcs.filter(F.col("w") > 0)
    strength = positive.groupBy("u").agg(F.sum("w").alias("s"))
    transition = (positive.join(strength, "u")
                  .select("u", "v", (F.col("w") / F.col("s")).alias("p"), F.lit(False).alias("self"))
                  .unionByName(strength.select("u", F.col("u").alias("v"), F.lit(0.0).alias("p"),
                                               F.lit(True).alias("self")))
                  .repartition(partitions, "u").persist(StorageLevel.MEMORY_AND_DISK))
    linked = transition.filter("self").count()
    dangling = n - linked
    ranks = checkpoint(strength.select("u", F.lit(1.0 / n).alias("x")).repartition(partitions, "u"),
                       reliable)
    lone = 1.0 / n  # the value of every dangling node

    def advance(start, lone, steps):
        cur, changes_lone, lones = start.select("u", "x"), [], []
        for j in range(steps):
            teleport = (1.0 - damping) / n + damping * dangling * lone / n
            kept = [f"d{i}" for i in range(j)]
            summed = (transition.join(cur, "u").groupBy(F.col("v").alias("u")).agg(
                F.sum(F.col("x") * F.col("p")).alias("c"),
                F.max(F.when(F.col("self"), F.col("x"))).alias("old"),
                *[F.max(F.when(F.col("self"), F.col(k))).alias(k) for k in kept]))
            x = F.lit(teleport) + F.lit(damping) * F.col("c")
            cur = summed.select("u", x.alias("x"), *kept, F.abs(x - F.col("old")).alias(f"d{j}"))
            changes_lone.append(dangling * abs(teleport - lone))
            lone = teleport
            lones.append(lone)
        cur = checkpoint(cur.repartition(partitions, "u"), reliable, eager=False)
        sums = cur.agg(*[F.sum(f"d{j}").alias(f"d{j}") for j in range(steps)],
                       F.sum("x").alias("total")).first()
        changes = [(sums[f"d{j}"] or 0.0) + changes_lone[j] for j in range(steps)]
        return cur.select("u", "x"), lone, changes, (sums["total"] or 0.0) + dangling * lone

    iteration, change, steps = 0, float("inf"), min(batch, max_iter)
    while iteration < max_iter:
        steps = max(1, min(steps, max_iter - iteration))
        new, new_lone, changes, total = advance(ranks, lone, steps)
        hit = next((j for j, c in enumerate(changes) if c < tol), None)
        if hit is not None and hit < steps - 1:
            new, new_lone, changes, total = advance(ranks, lone, hit + 1)
        ranks, lone = new, new_lone
        iteration += len(changes)
        change = changes[-1]
        log(f"pagerank iteration {iteration}: L1 change {change:.3e}, sum {total:.15f}")
        if change < tol:
            break
        # Iterations left at the last observed rate, up to `batch`.
        steps = batch
        if len(changes) >= 2 and 0 < changes[-1] < changes[-2]:
            rate = changes[-1] / changes[-2]
            steps = max(1, min(batch, math.ceil(math.log(tol / change) / math.log(rate))))
    transition.unpersist()
    result = (ids.select(F.col("vid").alias("u")).join(ranks, "u", "left")
              .select(F.col("u").alias("vid"), F.coalesce("x", F.lit(lone)).alias("pagerank")))
    return result, iteration, change


# ---------------------------------------------------------------------------- output


def local_dir(path: str):
    if path.startswith("file://"):
        return path[len("file://"):]
    return None if "://" in path else path


def merge_parts(folder: str, target: str, header: str | None):
    """Concatenates Spark's part files (written without headers) into one file."""
    parts = sorted(glob.glob(os.path.join(folder, "part-*")))
    with open(target, "wb") as out:
        if header is not None:
            out.write((header + "\n").encode())
        for part in parts:
            with open(part, "rb") as f:
                shutil.copyfileobj(f, out, 1 << 20)
    shutil.rmtree(folder)


def tsv_text(col):
    return F.regexp_replace(F.coalesce(col.cast("string"), F.lit("")), "[\t\r\n]", " ")


def write_outputs(spark, a, edges: DataFrame, nodes: DataFrame, components: DataFrame):
    out = a.output
    partitions = a.partitions or int(spark.conf.get("spark.sql.shuffle.partitions"))
    (edges.select("source", "target", "count", "fractional", "association")
     .repartitionByRange(partitions, "source").sortWithinPartitions("source", "target")
     .write.mode("overwrite").parquet(os.path.join(out, "parquet", "edges")))
    (nodes.repartitionByRange(partitions, "key").sortWithinPartitions("key")
     .write.mode("overwrite").parquet(os.path.join(out, "parquet", "nodes")))
    components.coalesce(1).write.mode("overwrite").parquet(os.path.join(out, "parquet", "components"))
    local = local_dir(out)
    text = a.text_outputs == "yes" or (a.text_outputs == "auto" and local is not None)
    if not text:
        return
    if local is None:
        raise SystemExit("coauthor-spark: --text-outputs yes needs a local output folder")
    w = a.weighting
    # edges.csv: Source,Target,Weight (Gephi's edge-table header, as `coauthor network
    # --format csv` writes it) with display names, or ids with --csv-ids; RFC 4180 quoting.
    # (`edges` carries both ends' labels as sl, tl.)
    e = edges
    if a.csv_ids:
        e = e.select(F.col("source").alias("s"), F.col("target").alias("t"), F.col(w).alias("weight"))
    else:
        e = e.select(F.col("sl").alias("s"), F.col("tl").alias("t"), F.col(w).alias("weight"))
    tmp = os.path.join(local, "_tmp")
    (e.orderBy("s", "t").write.mode("overwrite").option("header", False).option("quoteAll", False)
     .option("escape", '"').csv(tmp + "/edges"))
    merge_parts(tmp + "/edges", os.path.join(local, "edges.csv"), "Source,Target,Weight")
    # The node table and network as the VOSviewer-style pair coauthor reads as a plain graph:
    # coauthor_map.txt (tab-separated, header id, label, ...) and coauthor_network.txt
    # ('id id weight'). Ids must hold no space, tab or comma: OpenAlex ids and ORCIDs do
    # not; with --key name the ids are 1..N in label order.
    cols = ["label", "papers", "first_year", "last_year", "degree", "strength", "component", "pagerank"]
    if a.key == "name":
        ids = nodes.select("key", F.row_number().over(Window.orderBy("key")).cast("string").alias("id"))
        table = nodes.join(ids, "key")
    else:
        ids, table = None, nodes.withColumn("id", F.col("key"))
    (table.orderBy("key").select(*[tsv_text(F.col(c)).alias(c) if c == "label" else
                                   F.col(c).cast("string").alias(c) for c in ["id"] + cols])
     .write.mode("overwrite").option("sep", "\t").option("quote", "\u0000").csv(tmp + "/map"))
    merge_parts(tmp + "/map", os.path.join(local, "coauthor_map.txt"), "\t".join(["id"] + cols))
    if ids is None:
        net = edges.orderBy("source", "target").select("source", "target", F.col(w).cast("string"))
    else:
        net = (edges.join(ids.select(F.col("key").alias("source"), F.col("id").alias("i")), "source")
               .join(ids.select(F.col("key").alias("target"), F.col("id").alias("j")), "target")
               .orderBy("source", "target").select("i", "j", F.col(w).cast("string")))
    net.write.mode("overwrite").option("sep", "\t").csv(tmp + "/network")
    merge_parts(tmp + "/network", os.path.join(local, "coauthor_network.txt"), None)
    shutil.rmtree(tmp, ignore_errors=True)


def input_bytes(paths) -> int:
    total = 0
    for p in paths:
        local = local_dir(p)
        if local and os.path.isfile(local):
            total += os.path.getsize(local)
    return total


def partitions_for(spark, a, paths) -> tuple[int, int]:
    """Shuffle partitions for reading and building (from the input's compressed size: one
    per 64 MB, at least two per core) and for the graph iterations (one per 4 M arcs, at
    least two per core). --shuffle-partitions or a spark.sql.shuffle.partitions set by
    spark-submit fix both."""
    fixed = a.shuffle_partitions or (
        int(spark.sparkContext.getConf().get("spark.sql.shuffle.partitions"))
        if spark.sparkContext.getConf().contains("spark.sql.shuffle.partitions") else None)
    if fixed:
        return fixed, fixed
    cores = spark.sparkContext.defaultParallelism
    size = input_bytes(paths)
    build = max(2 * cores, -(-size // (64 << 20))) if size else 200
    return build, None


def run(spark, a) -> dict:
    """Builds and writes the network for parsed arguments `a`; returns a summary."""
    started = time.time()
    reliable = bool(a.checkpoint_dir)
    if reliable:
        spark.sparkContext.setCheckpointDir(a.checkpoint_dir)
    build_parts, graph_parts = partitions_for(spark, a, expand_inputs(a.inputs))
    saved_parts = spark.conf.get("spark.sql.shuffle.partitions")
    spark.conf.set("spark.sql.shuffle.partitions", str(build_parts))
    log(f"Spark {spark.version}, master {spark.sparkContext.master}, key {a.key}, "
        f"weighting {a.weighting}, max authors {a.max_authors or 'all'}, "
        f"{build_parts} shuffle partitions")

    works = works_table(spark, a).persist(StorageLevel.MEMORY_AND_DISK)
    work_count = works.count()
    capped = works.filter(F.size("keys") > a.max_authors).count() if a.max_authors > 0 else 0
    log(f"{work_count} works kept, {capped} above the cap of {a.max_authors} authors")

    # Nodes, numbered: vid increases with the key (a range-partitioned sort, then
    # partition index and row in the upper and lower bits), so the smallest vid of a
    # component is its smallest key and s < t on vids is source < target on keys.
    nodes = (build_nodes(works).orderBy("key")
             .withColumn("vid", F.monotonically_increasing_id()))
    nodes = checkpoint(nodes, reliable)
    ids = nodes.select("key", "vid")
    # The pair aggregation is materialised once (association reads it three times).
    edges = checkpoint(build_edges(works, ids, a.max_authors), reliable)
    edges = checkpoint(association(edges), reliable)
    works.unpersist()
    edge_count, node_count = edges.count(), nodes.count()
    log(f"{node_count} authors, {edge_count} coauthor pairs")

    if graph_parts is None:
        graph_parts = max(2 * spark.sparkContext.defaultParallelism, -(-2 * edge_count // 4_000_000))
    spark.conf.set("spark.sql.shuffle.partitions", str(graph_parts))
    arcs = both_directions(edges, a.weighting, graph_parts).persist(StorageLevel.MEMORY_AND_DISK)
    degree = arcs.groupBy(F.col("u").alias("vid")).agg(F.count(F.lit(1)).alias("degree"),
                                                       F.sum("w").alias("strength"))
    summary = {"works": work_count, "capped_works": capped, "nodes": node_count,
               "edges": edge_count}
    if a.skip_ranks:
        table = (nodes.join(degree, "vid", "left").select(
            "key", "label", "papers", "first_year", "last_year",
            F.coalesce("degree", F.lit(0)).cast("long").alias("degree"),
            F.coalesce("strength", F.lit(0.0)).alias("strength"),
            F.lit(None).cast("int").alias("component"), F.lit(None).cast("long").alias("component_size"),
            F.lit(None).cast("double").alias("pagerank"), "vid"))
        numbered = spark.createDataFrame([], "component int, size long, component_key string")
    else:
        arcs.count()
        log(f"{graph_parts} partitions for the iterations")
        use_gf, why_not = graphframes_available(spark)
        if not use_gf and a.graphframes == "yes":
            raise SystemExit(f"coauthor-spark: --graphframes yes but {why_not}")
        use_gf = use_gf and a.graphframes != "no"
        summary["components_method"] = "graphframes" if use_gf else "dataframe"
        if use_gf:
            log("connected components with GraphFrames")
            comp = components_graphframes(spark, ids, edges, a.checkpoint_dir or os.path.join(
                local_dir(a.output) or "/tmp", "_checkpoints"))
        else:
            comp = components_dataframe(ids, arcs, graph_parts, reliable)
        comp = checkpoint(comp, reliable)
        sizes = comp.groupBy("component_vid").agg(F.count(F.lit(1)).alias("size"))
        # Components numbered 0, 1, ... by size (largest first), ties by smallest key.
        numbered = (sizes.withColumn("component", F.row_number().over(
            Window.orderBy(F.desc("size"), F.asc("component_vid"))) - 1)
            .join(ids.select(F.col("vid").alias("component_vid"), F.col("key").alias("component_key")),
                  "component_vid"))
        numbered = checkpoint(numbered, reliable)
        pr, iterations, change = pagerank(ids, arcs, a.damping, a.tol, a.max_iter, graph_parts, reliable)
        log(f"pagerank: {iterations} iterations, last L1 change {change:.3e}")
        summary.update(pagerank_iterations=iterations, pagerank_change=change)
        table = (nodes.join(degree, "vid", "left").join(comp, "vid").join(numbered, "component_vid")
                 .join(pr, "vid")
                 .select("key", "label", "papers", "first_year", "last_year",
                         F.coalesce("degree", F.lit(0)).cast("long").alias("degree"),
                         F.coalesce("strength", F.lit(0.0)).alias("strength"),
                         "component", F.col("size").alias("component_size"), "pagerank", "vid"))
    table = checkpoint(table, reliable)
    spark.conf.set("spark.sql.shuffle.partitions", str(build_parts))
    # The edges by key, with both ends' labels (for edges.csv), mapped back once.
    ends = nodes.select("vid", "key", "label")
    named = (edges.join(ends.select(F.col("vid").alias("s"), F.col("key").alias("source"),
                                    F.col("label").alias("sl")), "s")
             .join(ends.select(F.col("vid").alias("t"), F.col("key").alias("target"),
                               F.col("label").alias("tl")), "t")
             .select("source", "target", "sl", "tl", "count", "fractional", "association"))
    named = checkpoint(named, reliable)
    write_outputs(spark, a, named, table.drop("vid"),
                  numbered.select("component", "size", F.col("component_key").alias("smallest_key")))
    arcs.unpersist()
    if not a.skip_ranks:
        giant = numbered.orderBy("component").first()
        summary.update(components=numbered.count(), largest_component=giant["size"] if giant else 0)
    spark.conf.set("spark.sql.shuffle.partitions", saved_parts)
    summary["seconds"] = round(time.time() - started, 1)
    log(f"done: {summary}, output {a.output}")
    return summary


def main(argv=None) -> int:
    a = parse_args(argv)
    spark = spark_session(a)
    run(spark, a)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
