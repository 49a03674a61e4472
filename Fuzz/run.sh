#!/usr/bin/env bash
# Builds the libFuzzer target and runs it on mutations of the examples.
#   FUZZ_RUNS   number of executions (default 1000000)
#   FUZZ_JOBS   parallel workers (default 1)
#   FUZZ_SECONDS  stop after this many seconds (libFuzzer -max_total_time; default: no limit)
#   FUZZ_MODE   pipeline: also render each budget through templates, layout and PDF (slower; inputs up to 64 KiB)
# Crashes land in Fuzz/artifacts/; replay one with: swift run gongkai-fuzz Fuzz/artifacts/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${FUZZ_RUNS:-1000000}"
scratch=.build-fuzz

swift build -c release --product gongkai-fuzz --scratch-path "$scratch" \
    --sanitize=fuzzer --sanitize=address -Xswiftc -DFUZZING

mkdir -p Fuzz/corpus Fuzz/artifacts
cp Examples/*/*.yaml Fuzz/corpus/ 2>/dev/null || true
cp Fuzz/seeds/* Fuzz/corpus/ 2>/dev/null || true

# detect_leaks=0: LeakSanitizer cannot see pointers that Swift keeps in enum payloads' spare
# bits, so the schema's lazily built globals (held for the process's life) show up as "leaks"
# at exit. AddressSanitizer's checks of every access stay on.
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
max_len=16384
if [ "${FUZZ_MODE:-}" = pipeline ]; then
    export GONGKAI_FUZZ_PIPELINE=1
    max_len=65536
fi
"$scratch/release/gongkai-fuzz" Fuzz/corpus \
    -runs="$runs" -max_total_time="${FUZZ_SECONDS:-0}" -detect_leaks=0 -max_len="$max_len" -timeout=30 -rss_limit_mb=4096 \
    -dict=Fuzz/yaml.dict -artifact_prefix=Fuzz/artifacts/ -print_final_stats=1
