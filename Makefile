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
	@pkg-config --exists libgvc && [ -f /usr/include/zlib.h ] || { \
	  echo "installing libgraphviz-dev, graphviz and zlib1g-dev"; \
	  $(APT) update -qq && $(APT) install -y -qq libgraphviz-dev graphviz zlib1g-dev pkg-config; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) test
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
