# The project's tasks; the README's commands do not depend on this file.
# make test | make lint | make docs | make format
PY := .venv/bin/python

.PHONY: test lint docs format

test:
	.venv/bin/pytest

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy src

docs:
	$(PY) scripts/update_help.py
	$(PY) scripts/update_docs.py
	$(PY) scripts/update_config_docs.py

format:
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .
