# The two commands of the README, and a few more for developers.
.PHONY: demo test setup assets lint format

demo:            ## set up, load the demo region and serve it on http://127.0.0.1:8000/
	./scripts/demo.sh

test:            ## set up and run the whole test suite (DATABASE_URL selects the database)
	./scripts/test.sh

setup:
	./scripts/setup.sh --browser

assets:
	cd frontend && npm ci --no-audit --no-fund && node build.mjs

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format:
	.venv/bin/ruff check --fix . && .venv/bin/ruff format .
