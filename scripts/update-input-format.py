#!/usr/bin/env python3
"""Replaces the generated key reference in docs/input-format.md with `gongkai schema --markdown`."""
import subprocess
import sys

binary, path = sys.argv[1], sys.argv[2]
begin, end = "<!-- 以下由 gongkai schema --markdown 生成 -->\n", "<!-- 生成结束 -->"
reference = subprocess.run([binary, "schema", "--markdown"], check=True, capture_output=True, text=True).stdout
text = open(path, encoding="utf-8").read()
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(path, "w", encoding="utf-8").write(head + begin + reference + end + tail)
