#!/usr/bin/env bash
# Build a GraphFrames JAR for the Spark that pyspark bundles, from a GraphFrames source
# checkout, with no network: Maven Central is not needed because pyspark's jars/ folder
# holds everything GraphFrames' core compiles against (spark-sql, spark-mllib,
# spark-graphx, slf4j) and the Scala 2.13 compiler itself (scala-compiler.jar, used by
# Spark's REPL). Only a JDK's javac is needed besides (three small Java files).
#
#   spark/build_graphframes.sh SRC OUT
#
# SRC: a checkout of https://github.com/graphframes/graphframes (tested: e49a655b,
# 2026-11, the graphx fork + core modules, Spark 4 shims). OUT: a folder; gets
# graphframes.jar and python/graphframes (the Python API from the same commit, so the
# JVM and Python sides match). The connect plugin and the benchmarks are not built.
set -euo pipefail
SRC=${1:?usage: build_graphframes.sh GRAPHFRAMES_SRC OUT}
OUT=${2:?usage: build_graphframes.sh GRAPHFRAMES_SRC OUT}
PY=${SPARK_PYTHON:-python3}
JARS=$("$PY" -c "import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), 'jars'))")
command -v javac >/dev/null || { echo "build_graphframes.sh: javac not found (a JDK is needed: apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }
scalac_jar=$(ls "$JARS"/scala-compiler-2.13.*.jar 2>/dev/null | head -1)
[ -n "$scalac_jar" ] || { echo "build_graphframes.sh: no scala-compiler-2.13 jar in $JARS" >&2; exit 1; }
[ -d "$SRC/core/src/main/scala" ] && [ -d "$SRC/graphx/src/main/scala" ] || {
  echo "build_graphframes.sh: $SRC is not a GraphFrames checkout (core/ and graphx/ missing)" >&2; exit 1; }
CP=$(ls "$JARS"/*.jar | tr '\n' ':')
SCALA_CP=$scalac_jar:$(ls "$JARS"/scala-library-2.13.*.jar):$(ls "$JARS"/scala-reflect-2.13.*.jar)
work=$(mktemp -d "${TMPDIR:-/tmp}/coauthor-graphframes-XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/classes" "$OUT"
mapfile -t scala_files < <(find "$SRC/graphx/src/main/scala" "$SRC/core/src/main/scala" \
  "$SRC/core/src/main/scala-spark-4" -name '*.scala' | sort)
mapfile -t java_files < <(find "$SRC/graphx/src/main/java" "$SRC/core/src/main/java" -name '*.java' | sort)
echo "compiling ${#scala_files[@]} Scala and ${#java_files[@]} Java files against $JARS"
# Scala first (it reads the Java sources for their signatures), then javac against its classes.
# -Xsource:3 is what GraphFrames' build sets (sbt-tpolecat's source3).
java -Xmx2g -cp "$SCALA_CP" scala.tools.nsc.Main -Xsource:3 -nowarn -d "$work/classes" \
  -classpath "$CP" "${scala_files[@]}" "${java_files[@]}"
javac --release 17 -nowarn -d "$work/classes" -cp "$work/classes:$CP" "${java_files[@]}"
jar cf "$work/graphframes.jar" -C "$work/classes" .
rm -rf "$OUT/python"; mkdir -p "$OUT/python"
cp -r "$SRC/python/graphframes" "$OUT/python/graphframes"
mv "$work/graphframes.jar" "$OUT/graphframes.jar"
echo "$OUT/graphframes.jar ($(wc -c < "$OUT/graphframes.jar") bytes), Python API in $OUT/python"
