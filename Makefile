# coauthor: the Makefile is the CI. `make run` and `make test` install what a fresh
# Debian machine lacks (libgvc through libgraphviz-dev, zlib headers), then build.
SWIFT   ?= swift
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT     := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
DATA    ?= Data
OUTPUT  ?= Output

.PHONY: all deps build release test run bench lint format clean

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

clean:
	rm -rf .build
