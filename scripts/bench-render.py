#!/usr/bin/env python3
"""Time `gongkai render` in fresh processes (release build): the stages of one document, and
documents per second for ten and a hundred departments rendered by one process on every core.
Part of `make bench`; figures go to docs/performance.md with the command that made them."""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

STAGE = re.compile(r"^(.+) ([0-9.]+) ms$")


def run(command):
    """Wall seconds and peak RSS (KB) of one fresh process; stderr kept for --timing."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, errors = process.communicate()
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit("失败：" + " ".join(command) + "\n" + errors.decode(errors="replace"))
    return elapsed, errors.decode()


def peak_memory(command):
    """Peak RSS in MB of one fresh run, through /usr/bin/time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, check=True)
    return int(result.stderr.strip().splitlines()[-1]) / 1024


def stages(binary, example, output, runs):
    """Median wall time per stage over `runs` fresh processes, and the median whole process."""
    per_stage, walls = {}, []
    for _ in range(runs):
        wall, errors = run([binary, "render", example, "-o", output, "--timing"])
        walls.append(wall)
        line = next(l for l in errors.splitlines() if "读取与推算" in l)
        for part in line.split("：", 1)[1].split("，"):
            name, value = STAGE.match(part.strip()).groups()
            per_stage.setdefault(name, []).append(float(value))
    return {name: statistics.median(values) for name, values in per_stage.items()}, statistics.median(walls)


def departments(binary, example, count, jobs, runs):
    """Median wall seconds of one process rendering `count` copies (different names) of the example."""
    folder = tempfile.mkdtemp(prefix="gongkai-bench-")
    try:
        files = []
        for index in range(count):
            path = os.path.join(folder, f"部门{index + 1:03d}.yaml")
            shutil.copyfile(example, path)
            files.append(path)
        command = [binary, "render"] + files + ["--out-dir", os.path.join(folder, "out")]
        if jobs:
            command += ["--jobs", str(jobs)]
        walls = [run(command)[0] for _ in range(runs)]
        return statistics.median(walls), peak_memory(command)
    finally:
        shutil.rmtree(folder)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", default=".build/release/gongkai")
    parser.add_argument("--example", default="Examples/hebei/高阳县医疗保障局-2025.yaml")
    parser.add_argument("--runs", type=int, default=9)
    arguments = parser.parse_args()
    output = os.path.join(tempfile.gettempdir(), "gongkai-bench-one.pdf")

    medians, wall = stages(arguments.binary, arguments.example, output, arguments.runs)
    memory = peak_memory([arguments.binary, "render", arguments.example, "-o", output])
    size = os.path.getsize(output) / 1024
    print(f"一个文件（{os.path.basename(arguments.example)}，{arguments.runs} 次取中位数，新进程）")
    print("| " + " | ".join(medians) + " | 进程总计 | 峰值内存 | PDF |")
    print("|" + "---|" * (len(medians) + 3))
    print("| " + " | ".join(f"{v:.1f} ms" for v in medians.values())
          + f" | {wall * 1000:.0f} ms | {memory:.0f} MB | {size:.0f} KB |")
    print()
    print(f"多个部门（一个进程，{os.cpu_count()} 核；每种 3 次取中位数）")
    print("| 部门数 | 并行 | 用时 | 每秒文件数 | 峰值内存 |")
    print("|---|---|---|---|---|")
    for count in (10, 100):
        for jobs in (1, None):
            seconds, peak = departments(arguments.binary, arguments.example, count, jobs, 3)
            label = "1 个线程" if jobs == 1 else "每核一个"
            print(f"| {count} | {label} | {seconds:.2f} s | {count / seconds:.1f} | {peak:.0f} MB |")


if __name__ == "__main__":
    main()
