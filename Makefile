# The two commands of the README: `make build` and `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: build test validate system-deps clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(VENV)/bin/rsnms build

validate: $(STAMP)
	$(VENV)/bin/rsnms validate

system-deps:
	bash scripts/install-system-deps.sh

test: $(STAMP) system-deps
	$(VENV)/bin/pytest

clean:
	rm -rf build
