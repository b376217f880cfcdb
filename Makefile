# Two entry points: `make run` (set up, build the store from corpus/, start the app)
# and `make test` (set up, run the whole test suite). Everything else is a step of those.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MODEL := models/embeddinggemma-300m/model.safetensors
MODEL_BF16 := models/embeddinggemma-300m-bf16/model.safetensors
PORT ?= 8501

export ANONYMIZED_TELEMETRY := False
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup run test lint model browser bench clean

setup: $(STAMP) $(MODEL) $(MODEL_BF16)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first, from the CPU wheel (a plain resolve would pull a multi-GB CUDA build)
	$(BIN)/python -m pip install --quiet "torch==2.13.0"
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The model as published (sha256 checked) and its bfloat16 copy (see scripts/fetch_model.py):
# one run makes both (a grouped target); the touch marks them newer than the script when it only
# found them ready.
$(MODEL) $(MODEL_BF16) &: scripts/fetch_model.py | $(STAMP)
	$(BIN)/python scripts/fetch_model.py
	touch $(MODEL) $(MODEL_BF16)

model: $(MODEL) $(MODEL_BF16)

run: setup
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true

# Headless Chromium for the browser test (tests/e2e), from Debian's package; Playwright drives
# it via /usr/bin/chromium, so nothing is downloaded at test time.
CHROMIUM := /usr/bin/chromium

browser:
	@if [ -x $(CHROMIUM) ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; \
	else echo "make browser: $(CHROMIUM) is missing and installing it needs root or sudo;" \
		"run 'apt-get install chromium' as root" >&2; exit 1; fi; \
	echo "Installing chromium (Debian package) for the browser test"; \
	$$SUDO apt-get update -q && \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium \
	|| { echo "make browser: apt-get install chromium failed" >&2; exit 1; }; \
	[ -x $(CHROMIUM) ] || { echo "make browser: $(CHROMIUM) still missing" >&2; exit 1; }

test: setup browser
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

bench: setup
	$(BIN)/python bench/bench_ingest.py

clean:
	rm -rf $(VENV) .kamer .pytest_cache .mypy_cache .ruff_cache
