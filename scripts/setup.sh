#!/usr/bin/env bash
# Installs what gongkai needs on a fresh Debian machine, only what is missing, quietly.
# Used by `make demo`, `make test` and .ci/run. Safe to run again and again.
set -euo pipefail

# Debian packages the build and the tests use.
# Render: cairo, HarfBuzz, fontconfig and FreeType headers; the fonts of Fonts/roles.tsv;
# poppler-utils (pdftotext, pdffonts, pdfinfo) and qpdf check the PDFs in RenderTests.
# Layout: ICU's line-break iterator (libicu-dev).
packages=(pkg-config libicu-dev
    libcairo2-dev libharfbuzz-dev libfontconfig1-dev libfreetype-dev
    fonts-noto-cjk fonts-lxgw-wenkai fonts-arphic-ukai fonts-dejavu-core
    poppler-utils qpdf)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "需要安装：${missing[*]}（请以 root 运行，或先执行 sudo apt-get install -y ${missing[*]}）" >&2
        exit 1
    fi
    echo "安装依赖：${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    # apt and debconf talk on stderr even with -qq; their words are shown only when a step fails.
    log=$(mktemp)
    trap 'rm -f "$log"' EXIT
    quietly() { "$@" >"$log" 2>&1 || { cat "$log" >&2; return 1; }; }
    quietly apt-get update
    # A dpkg "cannot access archive" failure has been seen once on this kind of machine: retry once.
    quietly apt-get install -y -qq --no-install-recommends "${missing[@]}" \
        || quietly apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "找不到 swift：请安装 Swift 6（https://www.swift.org/install/linux/）" >&2
    exit 1
fi
