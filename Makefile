# gongkai — the two commands of the README, and a few more.
SWIFT ?= swift
SHELL := /bin/bash
EXAMPLES := $(wildcard Examples/*/*.yaml)

.PHONY: setup demo test bench fuzz clean docs

setup:
	@bash scripts/setup.sh

## demo: set up, build, and check every example (rendering joins when the renderer lands)
demo: setup
	@$(SWIFT) build -c release --product gongkai >/dev/null
	@for file in $(EXAMPLES); do \
		echo "== $$file"; .build/release/gongkai check "$$file" || exit 1; \
	done

## test: set up and run every test
test: setup
	@$(SWIFT) build --build-tests
	@$(SWIFT) test --skip-build --disable-swift-testing

## bench: time derivation in a release build (docs/performance.md)
bench: setup
	@$(SWIFT) run -c release gongkai-bench $(EXAMPLES)

## fuzz: run the libFuzzer target (not part of make test); FUZZ_RUNS=N to change the count
fuzz:
	@bash Fuzz/run.sh

clean:
	@rm -rf .build .build-*

## docs: regenerate the key reference in docs/input-format.md from the program
docs:
	@$(SWIFT) build --product gongkai >/dev/null
	@python3 scripts/update-input-format.py .build/debug/gongkai docs/input-format.md
