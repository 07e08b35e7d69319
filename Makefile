# armedkg: the two commands that matter are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= armedkg-store

.PHONY: demo test test-fast bench bench-quality browser clean venv readme

venv: $(VENV)/.installed

$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

# Build the graph from the sample articles, run a named query, write the interactive view.
demo: venv
	$(BIN)/armedkg build data/samples --store $(STORE)
	$(BIN)/armedkg query actors_backed_by --store $(STORE)
	$(BIN)/armedkg query claims_of_responsibility --store $(STORE)
	$(BIN)/armedkg view --store $(STORE) -o graph.html
	@echo "open graph.html in a browser (it works offline)"

# Headless Chromium for the browser tests, from Debian's packages (root only; skipped otherwise).
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) >/dev/null \
	      || echo "could not install chromium: browser tests will be skipped"; \
	  else echo "chromium missing and not root: browser tests will be skipped"; fi; \
	fi

test: venv browser
	$(BIN)/python -m pytest -q

# The rule tests: hand-built Docs and the lexicons, no model loaded (well under a minute).
FAST_TESTS := tests/test_assembly.py tests/test_claims.py tests/test_tolls.py tests/test_crowds.py tests/test_harm.py tests/test_constructions.py tests/test_event_roles.py tests/test_treematch.py tests/test_exact_names.py tests/test_document_events.py tests/test_name_patterns.py tests/test_lexicon.py tests/test_dates.py tests/test_document.py tests/test_boilerplate.py tests/test_actor_standing.py tests/test_disappearance.py tests/test_acronym_organisations.py tests/test_literals.py tests/test_state_access.py tests/test_interactions.py tests/test_phrase_lists.py tests/test_unknown_agents.py tests/test_persons_by_role.py tests/test_transfers.py tests/test_generic_mentions.py tests/test_denied_acts.py tests/test_unrealised_acts.py tests/test_descriptive_clauses.py tests/test_outlets_addressed.py tests/test_defined_groups.py tests/test_definite_groups.py tests/test_generic_actor_words.py tests/test_operation_names.py tests/test_qualifying_act_nouns.py tests/test_event_coreference.py tests/test_event_clauses.py tests/test_agent_phrases.py
test-fast: venv
	$(BIN)/python -m pytest -q $(FAST_TESTS)

bench: venv browser
	$(BIN)/python scripts/bench.py

# Run every README example and write what it prints under it (tests/test_readme.py checks it).
readme: venv
	$(BIN)/python scripts/readme_examples.py

EVAL ?= ../shared/eval
SPLIT ?= both
bench-quality: venv
	$(BIN)/armedkg eval $(EVAL)/acled_2020_syria_iraq.jsonl $(EVAL)/acled_2022_world_dev.jsonl $(EVAL)/re3d_dev.jsonl $(EVAL)/docred_conflict_dev.jsonl $(EVAL)/plover_conflict.jsonl $(EVAL)/seed_article.jsonl --split $(SPLIT) --report bench-quality.json

clean:
	rm -rf $(STORE) graph.html .pytest_cache
