#!/usr/bin/env bash
# Builds the libFuzzer target and runs it on mutations of the examples.
#   FUZZ_RUNS   number of executions (default 1000000)
#   FUZZ_SECONDS  stop after this many seconds (libFuzzer -max_total_time; default: no limit)
#   FUZZ_MODE   pipeline: also render each budget through templates, layout and PDF (slower; inputs up to 64 KiB)
# Crashes land in Fuzz/artifacts/; replay one with: swift run gongkai-fuzz Fuzz/artifacts/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${FUZZ_RUNS:-1000000}"
scratch=.build-fuzz

build() {
    swift build -c release --product gongkai-fuzz --scratch-path "$scratch" \
        --sanitize=fuzzer --sanitize=address -Xswiftc -DFUZZING
}
# The binary's coverage counters (libFuzzer prints them on start; -runs=0 executes nothing).
counters() {
    local empty
    empty=$(mktemp -d)
    ASAN_OPTIONS=detect_leaks=0 "$scratch/release/gongkai-fuzz" -runs=0 "$empty" 2>&1 |
        sed -n 's/.*(\([0-9]*\) inline 8-bit counters).*/\1/p' | head -1
    rmdir "$empty"
}
# An incremental rebuild in this scratch path can leave only the recompiled modules
# instrumented (seen: 3,942 counters instead of 60,107), and the fuzzer then runs nearly blind.
# Such a binary is rebuilt from clean, and refused if that does not help.
minimum_counters=20000
build
found=$(counters)
if [ "${found:-0}" -lt "$minimum_counters" ]; then
    echo "模糊测试程序的覆盖计数过少，清理后重新构建" >&2
    swift package clean --scratch-path "$scratch"
    build
    found=$(counters)
fi
if [ "${found:-0}" -lt "$minimum_counters" ]; then
    echo "错误: 模糊测试程序只有 ${found:-0} 个覆盖计数（应不少于 $minimum_counters），未运行" >&2
    exit 1
fi

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
