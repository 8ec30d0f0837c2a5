# kubegrid: `make run` renders the built-in example, `make test` runs every test.
SWIFT ?= swift
VENV ?= .venv
PYTHON ?= python3
KUBEGRID = .build/debug/kubegrid

.PHONY: deps build release run test venv bench clean kubernetes-types

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

# Release builds link the Swift runtime and Foundation statically: the binary starts in
# about 4 ms instead of 8, which is most of a small render's time.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

run: release
	.build/release/kubegrid render insightedge --name demo -f examples/umbrella-dev.yaml

$(VENV)/.installed: Tests/Parity/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r Tests/Parity/requirements.txt
	touch $@

venv: $(VENV)/.installed

# The generated Kubernetes types and served OpenAPI definitions must be what the scripts write.
test: deps venv
	$(VENV)/bin/python scripts/generate-kubernetes-types.py --check
	$(VENV)/bin/python scripts/generate-openapi.py --check
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	KUBEGRID=$(CURDIR)/$(KUBEGRID) $(VENV)/bin/python -m pytest -q Tests/Parity

# Benchmarks that print figures (release builds): render against Helm and libyaml,
# lint, the simulator's scheduler, and simulate --scenario all on 512 partitions. Every
# one runs even when an earlier one misses its line; the run fails at the end if any did.
bench: release venv
	PYTHON=$(VENV)/bin/python scripts/bench.sh

# Regenerates the Kubernetes types and the served OpenAPI definitions after a change to the tables.
kubernetes-types: venv
	$(VENV)/bin/python scripts/generate-kubernetes-types.py
	$(VENV)/bin/python scripts/generate-openapi.py

clean:
	rm -rf .build $(VENV)
