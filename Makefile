# coauthor: the Makefile is the CI. `make run` and `make test` install what a fresh
# Debian machine lacks (libgvc through libgraphviz-dev, zlib headers), then build.
SHELL   := /bin/bash
SWIFT   ?= swift
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT     := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
DATA    ?= Data
OUTPUT  ?= Output

.PHONY: all deps build release test run bench lint format clean fuzz fuzz-build fuzz-smoke fuzz-ci sanitize

all: build

deps:
	@pkg-config --exists libgvc && [ -f /usr/include/zlib.h ] && [ -x /usr/bin/pdftotext ] || { \
	  echo "installing libgraphviz-dev, graphviz, zlib1g-dev and poppler-utils (pdftotext)"; \
	  $(APT) update -qq && $(APT) install -y -qq libgraphviz-dev graphviz zlib1g-dev pkg-config poppler-utils; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) test
	@python3 -c "import networkx, igraph, lxml" 2>/dev/null || { \
	  echo "installing networkx, igraph and lxml for the interop check"; \
	  python3 -m pip install -q networkx igraph lxml || true; }
	@if python3 -c "import networkx" 2>/dev/null; then \
	  python3 Tests/Interop/check_exports.py $$($(SWIFT) build --show-bin-path)/coauthor; \
	else echo "interop check skipped: python3 with networkx not found (pip install networkx)"; fi

run: release
	$(SWIFT) run -c release coauthor run --data $(DATA) --output $(OUTPUT) --timeline

# Benchmarks: release-mode runner beside igraph/NetworKit (see Benchmarks/README.md).
bench: release
	Benchmarks/run.sh

lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Benchmarks

format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Benchmarks

# Fuzzing (libFuzzer, Linux): each target runs FUZZ_SECONDS, seeded from Data/, the shared
# datasets and the committed regression inputs; crashes land in .build-fuzz/crashes/.
# A crash input replays with the normal build: `swift run fuzz-readers FILE`.
FUZZ_TARGETS ?= readers dot graphs
FUZZ_SECONDS ?= 120
FUZZ_BUILD   := .build-fuzz
FUZZ_CONFIG  ?= release
FUZZ_FLAGS   ?= -c $(FUZZ_CONFIG) -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING
FUZZ_SEED    ?= 0
SHARED       ?= ../shared/datasets
REGRESSIONS  := Tests/ReliabilityTests/FuzzRegressions
SEEDS_readers = Data Tests/ReliabilityTests/BadInput $(wildcard $(SHARED)/bibtex $(SHARED)/cv-text $(SHARED)/corpora)
SEEDS_dot     = $(REGRESSIONS)/dot Tests/ReliabilityTests/FuzzSeeds/dot
SEEDS_graphs  = $(wildcard $(SHARED)/graphs) Tests/GraphKitTests/Fixtures
MAXLEN_readers = 8192
MAXLEN_dot     = 8192
MAXLEN_graphs  = 32768

fuzz-build: deps
	@for t in $(FUZZ_TARGETS); do \
	  $(SWIFT) build --build-path $(FUZZ_BUILD) --product fuzz-$$t $(FUZZ_FLAGS) || exit 1; done

fuzz: fuzz-build
	@mkdir -p $(FUZZ_BUILD)/crashes
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
	  case $$t in readers) seeds="$(SEEDS_readers)"; len=$(MAXLEN_readers);; \
	    dot) seeds="$(SEEDS_dot)"; len=$(MAXLEN_dot);; graphs) seeds="$(SEEDS_graphs)"; len=$(MAXLEN_graphs);; esac; \
	  echo "fuzz-$$t: $(FUZZ_SECONDS) s, seeds: $$seeds"; \
	  $(FUZZ_BUILD)/$(FUZZ_CONFIG)/fuzz-$$t $(FUZZ_BUILD)/corpus/$$t $(REGRESSIONS)/$$t $$seeds \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=$$len -timeout=30 -rss_limit_mb=4096 -seed=$(FUZZ_SEED) \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/crashes/$$t- \
	    2>&1 | grep -E '^(INFO: seed|#[0-9]+ *DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss|==|.*Fatal error|.*ERROR|artifact_prefix|Test unit)' \
	    ; status=$${PIPESTATUS[0]}; [ $$status -eq 0 ] || { echo "fuzz-$$t failed ($$status)"; exit 1; }; \
	done

# A few seconds per target: a smoke test that the fuzz builds and entries still work
# (debug build: no release compile of every module).
fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=5 FUZZ_CONFIG=debug

# CI's fuzz pass: fuzz-smoke with a fixed libFuzzer seed (the same inputs in the same order
# on every run, so a failure replays), when the toolchain ships clang's libFuzzer runtime.
# Measured on the 2-core machine: the debug fuzz build from nothing ~5 min (it shares nothing
# with `swift test`'s build), the three 5 s runs ~30 s.
FUZZ_CI_SEED ?= 1
FUZZ_RUNTIME = $(wildcard $(dir $(realpath $(shell command -v $(SWIFT))))../lib/clang/*/lib/linux/libclang_rt.fuzzer-$(shell uname -m).a)
fuzz-ci:
	@if [ -z "$(FUZZ_RUNTIME)" ]; then \
	  echo "fuzz pass skipped: no libclang_rt.fuzzer-$$(uname -m).a beside $(SWIFT) (this toolchain cannot build -sanitize=fuzzer)"; \
	else start=$$(date +%s); \
	  $(MAKE) --no-print-directory fuzz-smoke FUZZ_SEED=$(FUZZ_CI_SEED) || exit 1; \
	  echo "fuzz pass: $$(( $$(date +%s) - start )) s (build and 3 targets)"; fi

# Sanitizers: ThreadSanitizer over the parallel algorithms, AddressSanitizer with
# LeakSanitizer over the readers and the reliability suite (bad input, injection, fuzz
# regressions; the `coauthor` processes those tests start are ASan builds too and inherit the
# options). Leaks in swift-foundation (Process, an empty file's read buffer), libgvc,
# fontconfig and XCTest are suppressed by library or function in
# Tests/Sanitizers/lsan-suppressions.txt; any other leak fails the run. Each build is made
# once in its own folder (.build-tsan, .build-asan); measured on 2 shared cores: 27 min for
# both builds and runs.
LSAN_SUPPRESSIONS := $(CURDIR)/Tests/Sanitizers/lsan-suppressions.txt
sanitize: deps
	$(SWIFT) test --build-path .build-tsan --sanitize=thread --filter 'GraphKitTests|CoauthorAnalysisTests'
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(LSAN_SUPPRESSIONS):print_suppressions=0 \
	  $(SWIFT) test --build-path .build-asan --sanitize=address --filter 'BibliographyTests|ReliabilityTests'

clean:
	rm -rf .build .build-fuzz .build-tsan .build-asan

# ---- Spark (spark/; see spark/README.md) ------------------------------------------------
# `make spark-network INPUT=... OUTPUT=...` runs the PySpark job on local[*]; `make
# spark-test` compares it with the Swift tool on the OpenAlex CSV export (skipped with a
# reason when no Java runtime is found); `make spark-deps` installs pyspark when missing.
SPARK_PYTHON  ?= python3
SPARK_MASTER  ?= local[*]
SPARK_MEMORY  ?= 2g
SPARK_ARGS    ?=
SPARK_CSV     ?= $(SHARED)/corpora/biblium/openalex_dataset.csv.gz
# GraphFrames (optional): Maven Central is not needed. `make graphframes-jar
# GRAPHFRAMES_SRC=<checkout of github.com/graphframes/graphframes>` compiles its JAR with
# the Scala compiler pyspark bundles; `spark-test` then also checks its components.
GRAPHFRAMES_SRC ?=
GRAPHFRAMES_OUT := .build-graphframes
GRAPHFRAMES_JAR ?= $(wildcard $(GRAPHFRAMES_OUT)/graphframes.jar)
GRAPHFRAMES_PY  ?= $(if $(wildcard $(GRAPHFRAMES_OUT)/python),$(CURDIR)/$(GRAPHFRAMES_OUT)/python)

.PHONY: spark-deps spark-network spark-test graphframes-jar

spark-deps:
	@command -v java >/dev/null 2>&1 || [ -x "$$JAVA_HOME/bin/java" ] || { echo "installing openjdk-17-jre-headless"; \
	  $(APT) update -qq && $(APT) install -y -qq openjdk-17-jre-headless || true; }
	@$(SPARK_PYTHON) -c "import pyspark" 2>/dev/null || { echo "installing pyspark"; \
	  $(SPARK_PYTHON) -m pip install --quiet pyspark; }
	@$(SPARK_PYTHON) -c "import networkx" 2>/dev/null || $(SPARK_PYTHON) -m pip install --quiet networkx

spark-network: spark-deps
	@[ -n "$(INPUT)" ] && [ -n "$(OUTPUT)" ] || { echo "usage: make spark-network INPUT=works.jsonl.gz|folder|export.csv.gz OUTPUT=folder [SPARK_ARGS='--weighting fractional ...']"; exit 64; }
	PYTHONPATH='$(GRAPHFRAMES_PY)'$${PYTHONPATH:+:$$PYTHONPATH} \
	  $(SPARK_PYTHON) spark/coauthor_network.py $(INPUT) --output $(OUTPUT) \
	  --master '$(SPARK_MASTER)' --driver-memory $(SPARK_MEMORY) \
	  $(if $(GRAPHFRAMES_JAR),--graphframes-jar $(GRAPHFRAMES_JAR)) $(SPARK_ARGS)

spark-test: spark-deps
	@if ! command -v java >/dev/null 2>&1 && [ ! -x "$$JAVA_HOME/bin/java" ]; then \
	  echo "spark test skipped: no Java runtime found (java not on PATH, JAVA_HOME unset); apt-get could not install openjdk-17-jre-headless"; \
	else $(MAKE) --no-print-directory build && \
	  GRAPHFRAMES_JAR='$(GRAPHFRAMES_JAR)' PYTHONPATH='$(GRAPHFRAMES_PY)'$${PYTHONPATH:+:$$PYTHONPATH} \
	  $(SPARK_PYTHON) spark/tests/test_same_network.py $$($(SWIFT) build --show-bin-path)/coauthor $(SPARK_CSV); fi

graphframes-jar: spark-deps
	@[ -n "$(GRAPHFRAMES_SRC)" ] || { echo "usage: make graphframes-jar GRAPHFRAMES_SRC=<checkout of https://github.com/graphframes/graphframes>"; exit 64; }
	spark/build_graphframes.sh '$(GRAPHFRAMES_SRC)' $(GRAPHFRAMES_OUT)
# ---- end Spark --------------------------------------------------------------------------

# --- browser check of report.html (Tests/Browser) ---------------------------------------
# `make test` also opens the HTML report in real headless Chromium (Debian chromium and the
# system chromedriver, never a downloaded one) through selenium: loads without console
# errors, search, zoom/pan, hover card, ego network, sorting, timeline, CSP, screenshots.
.PHONY: browser-deps browser-check
browser-deps:
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || { \
	  echo "installing chromium and chromium-driver"; \
	  $(APT) update -qq && $(APT) install -y -qq chromium chromium-driver; }
	@python3 -c "import selenium" 2>/dev/null || python3 -m pip install -q selenium

browser-check: deps browser-deps
	$(SWIFT) build --product coauthor
	python3 Tests/Browser/check_report.py $$($(SWIFT) build --show-bin-path)/coauthor --data $(DATA)

test: browser-check
# --- end of the browser check ------------------------------------------------------------

# ---- stress (issue 15): resource cases under a memory and a time limit ---------------------
# The gzip bomb, a 100,000-author paper, a 1,000,000-name homepage line and a 1 GiB line, each
# generated into a temporary folder and run by the release `coauthor` under `ulimit -v`
# (STRESS_MEMORY_KB, default 3 GiB) and `timeout` (STRESS_SECONDS, default 300 s); a case
# passes on a clean exit (0 or 1 with its diagnostic, never a signal). Prints `N passed,
# M failed`. Not part of `make test`: see Benchmarks/stress.sh for what it runs and
# docs/reliability-limits.md for the time it takes.
.PHONY: stress
stress: release
	Benchmarks/stress.sh "$$($(SWIFT) build -c release --show-bin-path)/coauthor"
# ---- end stress -----------------------------------------------------------------------------
