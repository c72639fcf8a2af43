# The two commands of the README: `make build` and `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: build serve test validate system-deps clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# PDFs too when LibreOffice is there (`make system-deps` installs it)
PDF    := $(if $(shell command -v soffice 2>/dev/null),--pdf,)

build: $(STAMP)
	$(VENV)/bin/rsnms build $(PDF)

serve: $(STAMP)
	$(VENV)/bin/rsnms serve

validate: $(STAMP)
	$(VENV)/bin/rsnms validate

system-deps:
	bash scripts/install-system-deps.sh

SARIF  := $(VENV)/share/sarif-2.1.0.json

$(SARIF): $(STAMP)
	bash scripts/fetch-sarif-schema.sh $(SARIF)

test: $(STAMP) system-deps $(SARIF)
	$(VENV)/bin/pytest

clean:
	rm -rf build
