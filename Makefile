# Dateline: `make report` (the main job) and `make test` do all the set-up on a fresh machine.
# Every target creates or updates the local virtual environment (.venv) when needed.
# `make help` lists the targets.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
export DATELINE_SHARED ?= $(abspath $(SHARED))
# Offline first: nothing at run time may reach the network for NLTK data.
export NLTK_DATA := $(abspath toolkit/resources/nltk_data)

.DEFAULT_GOAL := help
.PHONY: help venv test lint report evaluate bench punkt nltk-data bundle sentiment-model sentiment-validate lock clean

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-19s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev,train]"
	touch $(STAMP)

venv: $(STAMP) ## create or update the virtual environment from pyproject.toml + constraints.txt

lint: $(STAMP) ## ruff over the package, tests and benchmarks
	$(BIN)/ruff check toolkit tests benchmarks

test: lint ## lint, then run the test suite (gold-set tests skip when ../shared is absent)
	$(BIN)/python -m pytest -q

report: $(STAMP) ## annotate the bundled corpus and execute every notebook into reports/*.html
	$(BIN)/python -m toolkit report

evaluate: $(STAMP) ## score every annotator on the public gold sets in ../shared
	$(BIN)/python -m toolkit evaluate timeml $(DATELINE_SHARED)/gold/timeml
	$(BIN)/python -m toolkit evaluate quotes $(DATELINE_SHARED)/gold/quotes/polnear/data/train --baseline
	$(BIN)/python -m toolkit evaluate quotes $(DATELINE_SHARED)/gold/quotes/polnear/data/dev --baseline
	$(BIN)/python -m toolkit evaluate sentiment $(DATELINE_SHARED)/gold/sentiment/vader/nytEditorialSnippets_GroundTruth.dev.txt
	$(BIN)/python -m toolkit evaluate sentiment $(DATELINE_SHARED)/gold/sentiment/vader/movieReviewSnippets_GroundTruth.txt
	$(BIN)/python -m toolkit evaluate sentiment $(DATELINE_SHARED)/gold/sentiment/newsmtsc/dev_rw.jsonl $(DATELINE_SHARED)/gold/sentiment/newsmtsc/dev_mt.jsonl
	$(BIN)/python -m toolkit evaluate acled tests/fixtures/acled_sample*.csv --baseline

bench: $(STAMP) ## throughput benchmarks (articles/s, MB/s) beside a peer, on the research corpus
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

punkt: $(STAMP) ## retrain the Punkt sentence parameters on the research corpus (needs ../shared)
	$(BIN)/python -m toolkit.resources.build punkt

nltk-data: $(STAMP) ## copy the VADER lexicon from the installed vaderSentiment package into the repo
	$(BIN)/python -m toolkit.resources.build vader

sentiment-model: $(STAMP) ## retrain the news sentiment model from ../shared/gold/sentiment
	$(BIN)/python -m toolkit.resources.build_sentiment

sentiment-validate: $(STAMP) ## cross-validate the news sentiment model (NYT by editorial, NewsMTSC dev); ~10 min
	$(BIN)/python -m toolkit.resources.build_sentiment --validate

bundle: $(STAMP) ## rebuild data/raw/open from ../shared/corpora/open (openly licensed texts)
	$(BIN)/python -m toolkit.io.bundle

lock: $(STAMP) ## rewrite constraints.txt from the current environment
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e ' > constraints.txt

clean: ## remove derived files (data/processed, reports) but keep the environment
	rm -rf data/processed reports .pytest_cache .ruff_cache
