#!/usr/bin/env python3
"""Writes large but valid data files for the scaling benchmark (docs/performance.md):
N projects under one subject, or N subject rows (7-digit 项, named in 科目名称), from the 2023
Hebei example. Usage: scaling-inputs.py OUT_DIR"""
import os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = open(os.path.join(ROOT, "Examples/hebei/高阳县医疗保障局-2023.yaml"), encoding="utf-8").read()

PROJECT = """  - 名称: "测试项目{n}"
    功能科目: 2101506
    金额: 1.00
    经济分类: {{30201: 0.40, 30239: 0.60}}
    绩效目标: ["目标{n}"]
    指标:
      - {{一级指标: 产出指标, 二级指标: 数量指标, 三级指标: "数量{n}", 指标值: "1"}}
"""

def with_projects(n):
    start, end = BASE.index("项目:\n"), BASE.index("\n项目支出说明:")
    return BASE[:start] + "项目:\n" + "".join(PROJECT.format(n=k) for k in range(n)) + BASE[end:]

CLASSES = [201, 202, 203, 204, 205, 206, 207, 208, 210, 211, 212, 213, 214, 215, 216, 217, 219, 220, 221, 222,
           223, 224, 227, 229, 230, 231, 232, 233, 234]

def with_rows(n):
    """n extra 项 paid from 事业收入, spread over 款 xx90–xx99 of every 类, each 款 and 项 named."""
    rows, names = [], set()
    for k in range(n):
        kuan = CLASSES[(k // 1000) % len(CLASSES)] * 100 + 90 + (k // 100) % 10
        xiang = f"{kuan}{k % 100:02d}"
        rows.append(f"  - {{科目: {xiang}, 资金来源: 事业收入, 人员经费: 0.01}}\n")
        names.update([str(kuan), xiang])
    named = "".join(f"  {code}: 测试科目{code}\n" for code in sorted(names))
    text = BASE.replace("支出:\n", "支出:\n" + "".join(rows), 1)
    return text.replace("科目名称:\n", "科目名称:\n" + named, 1)

def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for n in (250, 1000, 4000):
        open(os.path.join(out, f"projects-{n}.yaml"), "w", encoding="utf-8").write(with_projects(n))
    for n in (1000, 10000, 29000):
        open(os.path.join(out, f"rows-{n}.yaml"), "w", encoding="utf-8").write(with_rows(n))

if __name__ == "__main__":
    main()
