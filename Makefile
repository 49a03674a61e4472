# gongkai — the two commands of the README, and a few more.
SWIFT ?= swift
SHELL := /bin/bash
EXAMPLES := $(wildcard Examples/*/*.yaml)
# Release builds link the Swift runtime and Foundation statically: a process starts in 12 ms instead
# of 20, and a document renders about a tenth faster (docs/performance.md).
RELEASE := -c release --static-swift-stdlib

.PHONY: setup demo test bench scale compare fuzz clean docs

setup:
	@bash scripts/setup.sh

## demo: set up, build, check every example and render it to out/<name>.pdf
demo: setup
	@$(SWIFT) build $(RELEASE) --product gongkai >/dev/null
	@mkdir -p out
	@for file in $(EXAMPLES); do \
		echo "== $$file"; .build/release/gongkai check "$$file" || exit 1; \
	done
	@.build/release/gongkai render $(EXAMPLES) --out-dir out

## test: set up and run every test
test: setup
	@$(SWIFT) build --build-tests
	@$(SWIFT) test --skip-build --disable-swift-testing

## bench: release build: derivation and typesetting alone, then whole renders in fresh processes
## (stages of one document, documents per second for 10 and 100), then `compare` (docs/performance.md)
bench: setup
	@$(SWIFT) build $(RELEASE) --product gongkai-bench >/dev/null
	@$(SWIFT) build $(RELEASE) --product gongkai >/dev/null
	@.build/release/gongkai-bench derive $(EXAMPLES)
	@mkdir -p .build/bench && .build/release/gongkai-bench render .build/bench
	@python3 scripts/bench-render.py
	@$(MAKE) --no-print-directory compare

## scale: time and memory of render for 250/1,000/4,000 projects and 1,000/10,000/29,000 subject rows (docs/performance.md)
scale: setup
	@$(SWIFT) build $(RELEASE) --product gongkai >/dev/null
	@python3 scripts/scaling-inputs.py .build/scale
	@for f in projects-250 projects-1000 projects-4000 rows-1000 rows-10000 rows-29000; do \
		/usr/bin/time -f "$$f: %e s, %M KB" .build/release/gongkai render .build/scale/$$f.yaml -o .build/scale/$$f.pdf 2>&1 | grep -v "信息\|警告"; \
	done

## compare: gongkai against Typst (pip package typst) on the same document, in the same run: time,
## memory and PDF size of one document and of ten (docs/performance.md); COMPARE_ARGS="--runs 9" etc.
compare: setup
	@$(SWIFT) build $(RELEASE) --product gongkai >/dev/null
	@python3 -c 'import typst' 2>/dev/null || python3 -m pip install --quiet typst
	@python3 scripts/typst-compare.py $(COMPARE_ARGS)

## fuzz: run both libFuzzer modes (not part of make test): parse → derive → check for FUZZ_RUNS
## executions (default 1,000,000), then the whole pipeline to PDF for FUZZ_PIPELINE_SECONDS (default 1800)
fuzz:
	@bash Fuzz/run.sh
	@FUZZ_MODE=pipeline FUZZ_SECONDS=$${FUZZ_PIPELINE_SECONDS:-1800} bash Fuzz/run.sh

clean:
	@rm -rf .build .build-*

## docs: regenerate the key reference in docs/input-format.md and docs/diagnostics.md from the program
docs:
	@$(SWIFT) build --product gongkai >/dev/null
	@python3 scripts/update-input-format.py .build/debug/gongkai docs/input-format.md
	@.build/debug/gongkai explain --all > docs/diagnostics.md
