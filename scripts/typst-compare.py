#!/usr/bin/env python3
"""Compare gongkai with Typst on the same document, in the same run (issue 11).

The document is an example's golden Document dump (Tests/TemplatingTests/Snapshots/…txt), the
finished text of what gongkai typesets. This script turns it into a Typst document set the way
gongkai sets it (page, margins and styles from the format's format.yaml; column widths, alignment,
cell styles, orientation and shrinking from the format's table templates; short tables kept on
one page, from an estimate of their height), then times, each in a fresh process, N times each,
interleaved:

  - gongkai: `gongkai render EXAMPLE.yaml -o OUT.pdf --timing` (the whole pipeline: read and
    derive the data, apply the templates, check, lay out, write the PDF; --timing gives its stages);
  - Typst: `python3 -c 'import typst; typst.compile(…)'` on the generated .typ, with the process's
    wall time and, measured inside the process, the compile-only time (Python's start and the
    import of the typst module are not Typst's doing: the fair figure is compile-only);
  - ten departments: gongkai renders ten copies of the example, each unit renamed, in one process
    (`gongkai render a.yaml b.yaml … --out-dir DIR`); Typst compiles one document holding the ten
    renamed copies, each starting on a new page with its own page numbers.

It prints a Markdown table (median and min of N runs; wall and CPU time, peak RSS, PDF size,
pages, ratio Typst / gongkai) and writes it to --markdown if given. Standard library only,
besides the pip package `typst`; `make compare` runs it.
Usage: python3 scripts/typst-compare.py [--runs 5] [--gongkai .build/release/gongkai] [--markdown FILE]
"""

import argparse
import datetime
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = "Examples/hebei/高阳县医疗保障局-2025.yaml"
DUMP = "Tests/TemplatingTests/Snapshots/hebei--高阳县医疗保障局-2025.txt"
FORMAT_DIR = "Templates/hebei"

# The faces of Fonts/roles.tsv that this document uses (primary face of each role). Typst is given
# a folder holding just these files and no system fonts, so it loads what gongkai loads.
FONT_FILES = [
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
    "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf",
]
# Role → (family, weight for ordinary text), as in Fonts/roles.tsv.
ROLES = {
    "标题": ("Noto Serif CJK SC", "bold"),
    "黑体": ("Noto Sans CJK SC", "regular"),
    "楷体": ("LXGW WenKai", "regular"),
    "正文": ("Noto Serif CJK SC", "regular"),
    "表格": ("Noto Serif CJK SC", "regular"),
}
FALLBACK = "Noto Sans CJK SC"
MM = 72 / 25.4


# ── Reading the format: a few flat keys of format.yaml and the table templates ──────────────────
# (no YAML library: only the simple one-line forms these files use are read)

def flow_mapping(text):
    """`{字体: 标题, 字号: 18, 对齐: 中}` → dict of strings (quotes removed)."""
    inner = text.strip()
    if not (inner.startswith("{") and inner.endswith("}")):
        return {}
    result = {}
    for part in inner[1:-1].split(","):
        if ":" in part:
            key, value = part.split(":", 1)
            result[key.strip()] = value.strip().strip('"').strip("'")
        # parts without a colon (commas inside quoted values) do not occur in the keys read here
    return result


def top_level_section(lines, name):
    """The indented lines under a top-level `name:` key."""
    out, inside = [], False
    for line in lines:
        if re.match(rf"^{re.escape(name)}:\s*$", line):
            inside = True
            continue
        if inside:
            if line and not line[0].isspace() and not line.startswith("#"):
                break
            out.append(line)
    return out


def read_format(format_dir):
    lines = (format_dir / "format.yaml").read_text(encoding="utf-8").splitlines()
    page = {}
    for line in top_level_section(lines, "页面"):
        m = re.match(r"^\s+(\S+):\s*(\S+)", line)
        if m:
            page[m.group(1)] = m.group(2)
    styles = {}
    for line in top_level_section(lines, "样式"):
        m = re.match(r"^\s+(\S+):\s*(\{.*\})\s*(#.*)?$", line)
        if m:
            styles[m.group(1)] = flow_mapping(m.group(2))
    tables = []
    files = sorted((format_dir / "tables").glob("*.yaml"), key=lambda p: (bool(re.search(r"-\d{4}$", p.stem)), p.name))
    for path in files:
        tables.append(read_table_template(path))
    return page, styles, tables


def read_table_template(path):
    spec = {"name": path.stem, "title": None, "titleStyle": "表格标题", "cellStyle": "单元格",
            "orientation": None, "outline": None, "minimumScale": 0.85, "columns": []}
    section = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        m = re.match(r"^(\S+):\s*(.*)$", line)
        if m:
            key, value = m.group(1), m.group(2).strip().strip('"')
            section = key
            if key == "标题":
                spec["title"] = value
            elif key == "标题样式":
                spec["titleStyle"] = value
            elif key == "单元格样式":
                spec["cellStyle"] = value
            elif key == "方向":
                spec["orientation"] = "landscape" if value == "横向" else "portrait"
            elif key == "目录级别":
                spec["outline"] = int(value)
            elif key == "最小缩放":
                spec["minimumScale"] = float(value)
            continue
        if section == "列":
            m = re.match(r"^\s+-\s*(\{.*\})", line)
            if m:
                spec["columns"].append(flow_mapping(m.group(1)))
    return spec


def title_pattern(title):
    """A template title with {{…}} placeholders → a regex; literal length for ranking."""
    parts = re.split(r"\{\{.*?\}\}|\{%.*?%\}", title)
    return re.compile("^" + ".*?".join(re.escape(p) for p in parts) + "$"), sum(len(p) for p in parts)


def match_template(table, templates):
    if table["title"]:
        best = None
        for spec in templates:
            if spec["title"] is None:
                continue
            pattern, weight = title_pattern(spec["title"])
            if pattern.match(table["title"]) and (best is None or weight > best[0]):
                best = (weight, spec)
        if best:
            return best[1]
    else:
        for spec in templates:
            if spec["title"] is None and len(spec["columns"]) == table["columns"]:
                return spec
    return None


# ── Reading the dump (Sources/Document/DocumentDump.swift) ───────────────────────────────────────

SPAN = re.compile(r"⟨(跨行|跨列)(\d+)⟩")


def parse_cells(text):
    if text.endswith(" |"):
        text += " "
    cells = []
    for raw in text.split(" | "):
        rowspan = colspan = 1
        for kind, n in SPAN.findall(raw):
            if kind == "跨行":
                rowspan = int(n)
            else:
                colspan = int(n)
        cells.append({"text": SPAN.sub("", raw).replace("⏎", "\n"), "rowspan": rowspan, "colspan": colspan})
    return cells


def parse_dump(text):
    title, blocks, table = "", [], None
    for line in text.split("\n"):
        if not line:
            continue
        if line.startswith("  ") and table is not None:
            body = line[2:]
            kind, _, rest = body.partition(" ")
            if kind == "说明行":
                parts = rest.split("｜")
                table["captions"].append([p.strip() for p in parts] + [""] * (3 - len(parts)))
            elif kind == "合并相同":
                table["merging"] = [int(n) - 1 for n in re.findall(r"\d+", rest)]
            elif kind == "表头":
                table["header"].append(parse_cells(rest))
            elif kind == "行":
                table["body"].append(parse_cells(rest))
            elif kind == "注":
                table["notes"].append(rest)
            else:
                raise SystemExit(f"dump: unknown table line: {line}")
            continue
        table = None
        if line.startswith("# "):
            title = line[2:]
        elif m := re.match(r"^标题(\d) (.*)$", line):
            blocks.append({"kind": "heading", "level": int(m.group(1)), "text": m.group(2)})
        elif line.startswith("段落 "):
            blocks.append({"kind": "paragraph", "text": line[3:]})
        elif line == "分页" or line.startswith("分页 "):
            word = line[3:].strip()
            orientation = {"横向": "landscape", "landscape": "landscape", "纵向": "portrait", "portrait": "portrait"}.get(word)
            blocks.append({"kind": "pagebreak", "orientation": orientation})
        elif line.startswith("目录 "):
            blocks.append({"kind": "contents", "title": line[3:]})
        elif line.startswith("表格"):
            table = {"kind": "table", "title": line[3:] if len(line) > 3 else "", "captions": [], "merging": [],
                     "header": [], "body": [], "notes": []}
            blocks.append(table)
        else:
            raise SystemExit(f"dump: unknown line: {line}")
    for block in blocks:
        if block["kind"] == "table":
            block["columns"] = max([sum(c["colspan"] for c in row) for row in block["header"] + block["body"]] or [1])
    return title, blocks


def place_cells(rows):
    """(row, column, cell) for each cell: cells fill the free places left to right, skipping the
    places taken by row spans from above (TableGrid)."""
    occupied = set()
    for r, row in enumerate(rows):
        column = 0
        for cell in row:
            while (r, column) in occupied:
                column += 1
            yield r, column, cell
            for dr in range(cell["rowspan"]):
                for dc in range(cell["colspan"]):
                    occupied.add((r + dr, column + dc))
            column += cell["colspan"]


def estimate(text, size):
    return sum(0.5 if ord(ch) < 128 else 1.0 for ch in text) * size


# ── Writing Typst ───────────────────────────────────────────────────────────────────────────────

def string(text):
    """A Typst string literal: set as text, no markup (no smart quotes, no `-` lists, no `//`)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def style_call(name, spec):
    """The Typst helper for one style of format.yaml."""
    family, weight = ROLES[spec.get("字体", "正文")]
    if spec.get("粗体") == "true":
        weight = "bold"
    size = float(spec.get("字号", 16))
    line = float(spec.get("行距", round(size * 1.5)))
    align = {"中": "center", "左": "left", "右": "right", "两端": "left"}[spec.get("对齐", "两端")]
    justify = "true" if spec.get("对齐", "两端") == "两端" else "false"
    indent = float(spec.get("首行缩进", 0))
    return (f"#let {name}(body, sticky: false) = styled({string(family)}, {string(weight)}, {size}pt, {line}pt, "
            f"{align}, {justify}, {indent}em, {float(spec.get('段前', 0))}pt, {float(spec.get('段后', 0))}pt, sticky, body)")


PRELUDE = r"""
// Each line is as tall as the style's 行距, its em box centred in it (gongkai's PageFlow);
// paragraphs and blocks follow each other with the styles' 段前/段后 only.
#let styled(family, weight, size, line, halign, justify, indent, before, after, sticky, body) = block(
  above: before, below: after, sticky: sticky, width: 100%, {
    let extra = (line - size) / 2
    set text(font: (family, FALLBACK), weight: weight, size: size,
             top-edge: extra + 0.88 * size, bottom-edge: -(extra + 0.12 * size))
    set par(justify: justify, leading: 0pt, spacing: 0pt, first-line-indent: (amount: indent, all: true))
    set align(halign)
    // par(…): since Typst 0.13 lone inline text in a block is no paragraph and gets no first-line indent
    if type(body) == str { par(body) } else { body }
  })
#let cells(family, size, line) = (
  font: (family, FALLBACK), size: size,
  top-edge: (line - size) / 2 + 0.88 * size, bottom-edge: -((line - size) / 2 + 0.12 * size))
// A table the page can hold starts on a fresh page rather than run over a page break (gongkai's
// TableLayout.Keep); a longer one runs on with its header repeated. By default the script decides
// from an estimate (`whole`: an unbreakable block, as a Typst author would mark a short table);
// with --typst-measures-keep, Typst measures each table first (`keep`), which lays it out twice.
#let whole(body) = block(breakable: false, body)
#let keep(body) = layout(size => {
  if measure(body, width: size.width).height <= size.height { block(breakable: false, body) } else { body }
})
#show heading: it => par(it.body)
""".replace("FALLBACK", string(FALLBACK))


class Writer:
    def __init__(self, page, styles, templates, measures_keep=False):
        self.page, self.styles, self.templates = page, styles, templates
        self.measures_keep = measures_keep
        self.names = {}  # style name → Typst helper name
        self.unmatched = []

    def helper(self, style):
        if style not in self.names:
            self.names[style] = f"st{len(self.names)}"
        return self.names[style]

    def preamble(self, title, keywords):
        p = self.page
        top, bottom, left, right = (float(p.get(k, d)) for k, d in
                                    (("上边距", 37), ("下边距", 35), ("左边距", 28), ("右边距", 26)))
        number = {"短横": "[\\- #counter(page).display() \\-]", "中文": "[第 #counter(page).display() 页]"}.get(p.get("页码", "短横"))
        footer = f"context align(center, text(font: {string(ROLES['正文'][0])}, size: 14pt){number})" if number else "none"
        out = [
            f"#set document(title: {string(title)}, keywords: ({', '.join(string(k) for k in keywords)},))",
            f"#set page(paper: \"a4\", margin: (top: {top}mm, bottom: {bottom}mm, left: {left}mm, right: {right}mm),",
            f"  footer-descent: 7mm, footer: {footer})",
            # Landscape pages: the binding margin stays on the left, the right margin goes to the top (PageFlow).
            f"#let landscape-margin = (top: {right}mm, bottom: {bottom}mm, left: {left}mm, right: {right}mm)",
            f"#let portrait-margin = (top: {top}mm, bottom: {bottom}mm, left: {left}mm, right: {right}mm)",
            "#let landscape(body) = page(flipped: true, margin: landscape-margin, body)",
            "#let portrait(body) = page(flipped: false, margin: portrait-margin, body)",
            f"#set text(font: ({string(ROLES['正文'][0])}, {string(FALLBACK)}), lang: \"zh\", region: \"cn\", size: 16pt)",
            PRELUDE,
        ]
        for name, spec in self.styles.items():
            out.append(f"// {name}")
            out.append(style_call(self.helper(name), spec))
        return "\n".join(out) + "\n"

    def document(self, blocks):
        out = []
        i = 0
        orientation = "portrait"  # of the pages that 分页 started
        while i < len(blocks):
            block = blocks[i]
            kind = block["kind"]
            if kind == "heading":
                level, text = block["level"], block["text"]
                style, listed = f"标题{level}", True
                if level == 2 and "说明标题" in self.styles and not re.match(r"^[一二三四五六七八九十百]+、", text):
                    # hebei's unnumbered 说明标题 under 第一部分: centred, not in contents or bookmarks
                    style, listed = "说明标题", False
                if style not in self.styles:
                    style = "正文"
                flag = "true" if listed else "false"
                out.append(f"#{self.helper(style)}(sticky: true, heading(level: {level}, outlined: {flag}, bookmarked: {flag}, {self.plain(style, text)}))")
            elif kind == "paragraph":
                out.append(f"#{self.helper(self.paragraph_style(block['text']))}({string(block['text'])})")
            elif kind == "pagebreak":
                # 分页 starts a page of the given orientation, portrait when none is given (PageFlow.startPage)
                wanted = block["orientation"] or "portrait"
                if wanted == orientation:
                    out.append("#pagebreak(weak: true)")
                else:
                    out.append(f"#set page(flipped: {'true' if wanted == 'landscape' else 'false'}, margin: {wanted}-margin)")
                    orientation = wanted
            elif kind == "contents":
                if "目录标题" in self.styles:
                    out.append(f"#{self.helper('目录标题')}(sticky: true, {string(block['title'])})")
                entry = self.styles.get("目录条目", {})
                out.append(f"#{{ set text(size: {float(entry.get('字号', 14))}pt); "
                           f"outline(title: {'none' if '目录标题' in self.styles else string(block['title'])}, depth: 2) }}")
            elif kind == "table":
                # A titled table followed by an untitled one without captions (项目绩效目标表 and its
                # 项目绩效指标表) is kept together when the two fit on a page, except right after a
                # heading, whose own keep decides (FlowState.keepWithContinuation).
                group = [block]
                after_heading = i > 0 and blocks[i - 1]["kind"] == "heading"
                while (not after_heading and i + 1 < len(blocks) and blocks[i + 1]["kind"] == "table"
                       and not blocks[i + 1]["title"] and not blocks[i + 1]["captions"]):
                    i += 1
                    group.append(blocks[i])
                laid = [self.geometry(t) for t in group]
                turn = "landscape" if any(g["orientation"] == "landscape" for g in laid) else "portrait"
                body = self.kept(group, laid)
                if turn != orientation:
                    # a table of the other orientation goes on pages of its own; the next tables of
                    # that orientation share them (TableLayout.place), then the flow turns back
                    while i + 1 < len(blocks) and blocks[i + 1]["kind"] == "table":
                        following = self.geometry(blocks[i + 1])
                        if following["orientation"] != turn:
                            break
                        i += 1
                        body += "\n" + self.kept([blocks[i]], [following])
                    out.append(f"#{turn}[\n" + body + "\n]")
                else:
                    out.append(body)
            i += 1
        return "\n".join(out) + "\n"

    def kept(self, tables, laid):
        """Tables that go together, kept on one page where they fit (TableLayout.Keep)."""
        text = "\n".join(self.table(t, g) for t, g in zip(tables, laid))
        if self.measures_keep:
            return "#keep[\n" + text + "\n]"
        p = self.page
        bottom = float(p.get("下边距", 35))
        page = (297 - float(p.get("上边距", 37)) - bottom if laid[0]["orientation"] == "portrait"
                else 210 - float(p.get("右边距", 26)) - bottom) * MM
        height = sum(self.height(t, g) for t, g in zip(tables, laid))
        # 3 % for the estimate's error: a table that nearly fills a page may run over a break
        return "#whole[\n" + text + "\n]" if height <= 0.97 * page else text

    def height(self, table, geometry):
        """The table's estimated height with title, captions and notes: cells wrap at the
        estimated column widths (TableColumns) and rows are as tall as their tallest cell."""
        spec, columns, scale = geometry["spec"], geometry["columns"], geometry["scale"]
        cell_style = self.styles.get(spec["cellStyle"], self.styles.get("单元格", {}))
        base_size, base_line = float(cell_style.get("字号", 10.5)), float(cell_style.get("行距", 14))
        size, line, pad = base_size * scale, base_line * scale, 3 * scale
        p = self.page
        available = ((210 if geometry["orientation"] == "portrait" else 297)
                     - float(p.get("左边距", 28)) - float(p.get("右边距", 26))) * MM
        widths, weights = [], {}
        for index, column in enumerate(columns):
            words = column.get("宽", "比例 1").split()
            if words[0] == "比例":
                weights[index] = float(words[1])
                widths.append(0.0)
            elif words[0] == "适应":
                widths.append(min(float(words[1]) * scale, geometry["fitted"][index] * scale + 2 * pad))
            else:
                widths.append(float(words[0]) * scale)
        left = max(0.0, available - sum(widths))
        for index, weight in weights.items():
            widths[index] = max(2 * size + 2 * pad, left * weight / sum(weights.values()))

        def lines(text, width, font_size):
            return sum(max(1, math.ceil(estimate(part, font_size) / max(width, 1))) for part in text.split("\n"))

        total = 0.0
        for rows in (table["header"], self.merged_body(table)):
            heights = [line + 2 * 2 * scale] * len(rows)
            spanning = []
            for r, column, cell in place_cells(rows):
                width = sum(widths[column:column + cell["colspan"]]) - 2 * pad
                need = lines(cell["text"], width, size) * line + 4 * scale if cell["text"] else 0
                if cell["rowspan"] == 1:
                    heights[r] = max(heights[r], need)
                else:
                    spanning.append((r, cell["rowspan"], need))
            for r, span, need in spanning:
                have = sum(heights[r:r + span])
                if need > have and r + span - 1 < len(heights):
                    heights[r + span - 1] += need - have
            total += sum(heights)
        if table["title"]:
            title = self.styles.get(spec["titleStyle"], {})
            title_size, title_line = float(title.get("字号", 18)), float(title.get("行距", 30))
            total += (float(title.get("段前", 0)) + float(title.get("段后", 0))
                      + lines(table["title"], available, title_size) * title_line)
        total += len(table["captions"]) * line
        total += sum(lines(note, available, base_size) * base_line for note in table["notes"])
        return total

    def plain(self, style, text):
        """A heading's text with the style's size and weight set on it: Typst's own heading rules
        (bold, 1.4 em …) apply to the heading's body, and only the text itself can override them."""
        spec = self.styles.get(style, {})
        weight = "bold" if spec.get("粗体") == "true" else ROLES[spec.get("字体", "正文")][1]
        return f"text(size: {float(spec.get('字号', 16))}pt, weight: {string(weight)}, {string(text)})"

    @staticmethod
    def paragraph_style(text):
        # 小标题 (bold) in hebei: “部门职责：”, “机构设置：”, “1、收入说明” … — short run-in heads.
        if len(text) <= 12 and (text.endswith("：") or re.match(r"^\d+、\S+(说明|情况)$", text)):
            return "小标题"
        return "正文"

    def geometry(self, table):
        """Orientation, scale and columns as gongkai's TableLayout.prepare chooses them: fixed and
        fitted columns at full width and proportional ones at four characters must fit the page's
        text width, else the table shrinks (to the template's 最小缩放, default 0.85), else it
        goes on a landscape page. Fitted widths are estimated here (CJK 1 em, ASCII ½ em: tables
        use half-width figures); Typst measures the cells itself (`auto` columns)."""
        spec = match_template(table, self.templates)
        if spec is None:
            self.unmatched.append(table["title"])
            spec = {"titleStyle": "表格标题", "cellStyle": "单元格", "outline": None, "orientation": None,
                    "minimumScale": 0.85, "columns": []}
        n = table["columns"]
        columns = spec["columns"] if len(spec["columns"]) == n else [{"宽": "比例 1"}] * n
        style = self.styles.get(spec["cellStyle"], self.styles.get("单元格", {}))
        size = float(style.get("字号", 10.5))
        fitted = [0.0] * n
        for rows in (table["header"], table["body"]):
            for _, column, cell in place_cells(rows):
                if cell["colspan"] == 1 and cell["text"] and column < n:
                    fitted[column] = max(fitted[column], max(estimate(line, size) for line in cell["text"].split("\n")))
        needed = 0.0
        for column, spec_column in enumerate(columns):
            words = spec_column.get("宽", "比例 1").split()
            if words[0] == "比例":
                needed += 4 * size + 6
            elif words[0] == "适应":
                needed += min(float(words[1]), fitted[column] + 6)
            else:
                needed += float(words[0])
        p = self.page
        left, right = float(p.get("左边距", 28)) * MM, float(p.get("右边距", 26)) * MM
        portrait, landscape = 210 * MM - left - right, 297 * MM - left - right
        minimum = spec["minimumScale"]
        if spec["orientation"] == "landscape":
            orientation, scale = "landscape", min(1, max(minimum, landscape / needed))
        elif spec["orientation"] == "portrait":
            orientation, scale = "portrait", min(1, max(minimum, portrait / needed))
        elif needed <= portrait:
            orientation, scale = "portrait", 1.0
        elif needed * minimum <= portrait:
            orientation, scale = "portrait", portrait / needed
        else:
            orientation, scale = "landscape", min(1, max(minimum, landscape / needed))
        return {"spec": spec, "columns": columns, "orientation": orientation, "scale": scale, "fitted": fitted}

    def table(self, table, geometry):
        spec, columns, scale = geometry["spec"], geometry["columns"], geometry["scale"]
        widths, aligns = [], []
        for column in columns:
            words = column.get("宽", "比例 1").split()
            if words[0] == "比例":
                widths.append(f"{float(words[1])}fr")
            elif words[0] == "适应":
                widths.append("auto")  # as wide as the widest cell (gongkai caps it at the given maximum)
            else:
                widths.append(f"{float(words[0]) * scale:.2f}pt")
            if column.get("数字") == "true":
                aligns.append("right")
            else:
                aligns.append({"中": "center", "右": "right"}.get(column.get("对齐"), "left"))
        cell_style = self.styles.get(spec["cellStyle"], self.styles.get("单元格", {}))
        family = ROLES[cell_style.get("字体", "表格")][0]
        base_size = float(cell_style.get("字号", 10.5))
        base_line = float(cell_style.get("行距", 14))
        size, line = base_size * scale, base_line * scale
        title_style = spec["titleStyle"]
        out = []
        if table["title"]:
            level = spec.get("outline")
            text = string(table["title"])
            title = (f"heading(level: {level}, outlined: true, bookmarked: true, {self.plain(title_style, table['title'])})"
                     if level else text)
            out.append(f"#{self.helper(title_style)}(sticky: true, {title})")
        text_args = f"..cells({string(family)}, {size:.2f}pt, {line:.2f}pt)"
        note_args = f"..cells({string(family)}, {base_size}pt, {base_line}pt)"
        for left, center, right in table["captions"]:
            out.append(f"#block(sticky: true, below: 0pt, above: 0pt, {{ set text({text_args}); "
                       f"grid(columns: (1fr, auto, 1fr), column-gutter: {size:.2f}pt, align(left, {string(left)}), "
                       f"align(center, {string(center)}), align(right, {string(right)})) }})")
        rows = []
        if table["header"]:
            rows = ["    table.header(repeat: true,\n" + ",\n".join(
                "      " + ", ".join(self.cell(c, True) for c in row) for row in table["header"]) + ")"]
        for row in self.merged_body(table):
            if row:
                rows.append("    " + ", ".join(self.cell(c, False) for c in row))
        out.append(
            f"#block(above: 0pt, below: 0pt, {{ set text({text_args}); set par(justify: false, first-line-indent: 0pt, leading: 0pt)\n"
            f"  align(center, table(columns: ({', '.join(widths)},), stroke: {0.5 * max(scale, 0.8):.2f}pt, "
            f"inset: (x: {3 * scale:.2f}pt, y: {2 * scale:.2f}pt),\n"
            f"    align: ({', '.join(a + ' + horizon' for a in aligns)},),\n" + ",\n".join(rows) + ")) })")
        for note in table["notes"]:
            out.append(f"#block(above: 0pt, below: 0pt, {{ set text({note_args}); "
                       f"set par(justify: false, first-line-indent: 0pt, leading: 0pt); {string(note)} }})")
        return "\n".join(out)

    def cell(self, cell, header):
        args = []
        if cell["rowspan"] > 1:
            args.append(f"rowspan: {cell['rowspan']}")
        if cell["colspan"] > 1:
            args.append(f"colspan: {cell['colspan']}")
        if header:
            args.append("align: center + horizon")
        if not args:
            return string(cell["text"])
        return f"table.cell({', '.join(args)}, {string(cell['text'])})"

    @staticmethod
    def merged_body(table):
        """Body rows with `合并相同` columns merged: runs of equal non-empty text become one cell
        spanning the run (Table.Column.mergesEqualRuns); a run also ends where a merging column to
        its left changes."""
        body = [[dict(c) for c in row] for row in table["body"]]
        if not table["merging"]:
            return body
        grid = [{} for _ in body]
        for r, column, cell in place_cells(body):
            grid[r][column] = cell
        drop = set()
        for column in sorted(table["merging"]):
            r = 0
            while r < len(grid):
                cell = grid[r].get(column)
                if not cell or not cell["text"] or cell["rowspan"] > 1 or cell["colspan"] > 1:
                    r += 1
                    continue
                end = r + 1
                while end < len(grid):
                    other = grid[end].get(column)
                    left_same = all(grid[end].get(c, {}).get("text") == grid[r].get(c, {}).get("text")
                                    for c in table["merging"] if c < column)
                    if not (other and other["text"] == cell["text"] and other["rowspan"] == 1
                            and other["colspan"] == 1 and left_same):
                        break
                    drop.add(id(other))
                    end += 1
                cell["rowspan"] = end - r
                r = end
        return [[c for c in row if id(c) not in drop] for row in body]


def write_typst(dump, format_dir, out, renames=None, measures_keep=False):
    """Writes the dump as a Typst document; with `renames` (pairs of old and new unit name), one
    copy of the document per pair, the unit renamed, each starting on a new page at page 1."""
    page, styles, templates = read_format(format_dir)
    text = dump.read_text(encoding="utf-8")
    writer = Writer(page, styles, templates, measures_keep)
    parts = []
    for n, (old, new) in enumerate(renames or [("", "")]):
        title, blocks = parse_dump(text.replace(old, new) if old else text)
        if n:
            parts.append("#pagebreak()\n#counter(page).update(1)\n")
        parts.append(writer.document(blocks))
    title, _ = parse_dump(text)
    out.write_text(writer.preamble(title, [title]) + "".join(parts), encoding="utf-8")
    return writer.unmatched


# ── Measuring ───────────────────────────────────────────────────────────────────────────────────

TYPST_RUNNER = """
import json, sys, time
t0 = time.perf_counter()
import typst
t1 = time.perf_counter()
typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]], ignore_system_fonts=True,
              pdf_tags=sys.argv[4] == "1")
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "compile": t2 - t1}))
"""


def run(command):
    """Runs a fresh process; returns (wall seconds, CPU seconds (user + system), peak RSS in KB, stdout, stderr)."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            err.seek(0)
            raise SystemExit(f"failed ({process.returncode}): {' '.join(map(str, command))}\n{err.read().decode(errors='replace')}")
        out.seek(0)
        err.seek(0)
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, out.read().decode(), err.read().decode()


def pdf_pages(path):
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        m = re.search(r"^Pages:\s+(\d+)", info, re.M)
        if m:
            return int(m.group(1))
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def git_head():
    result = subprocess.run(["git", "log", "-1", "--format=%h"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() or "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each measurement (default 5)")
    parser.add_argument("--gongkai", default=".build/release/gongkai", help="the gongkai binary (built if missing)")
    parser.add_argument("--example", default=EXAMPLE)
    parser.add_argument("--dump", default=DUMP, help="the example's golden Document dump")
    parser.add_argument("--format-dir", default=FORMAT_DIR, help="the format's template folder")
    parser.add_argument("--copies", type=int, default=10, help="documents in the many-departments run (default 10)")
    parser.add_argument("--work", help="folder for the generated files (default: a temporary folder, removed)")
    parser.add_argument("--markdown", help="also write the Markdown table to this file")
    parser.add_argument("--typst-pdf-tags", action="store_true",
                        help="let Typst write a tagged PDF (its default; off here: gongkai writes no tagged structure)")
    parser.add_argument("--typst-measures-keep", action="store_true",
                        help="let Typst measure each table to keep the short ones on one page (lays them out "
                             "twice); default: the script estimates which tables fit")
    parser.add_argument("--identical-copies", action="store_true",
                        help="make the many-documents run ten identical documents (default: each unit renamed)")
    parser.add_argument("--generate-only", action="store_true", help="write the .typ files and compile once, no timing")
    args = parser.parse_args()

    gongkai = (ROOT / args.gongkai).resolve() if not os.path.isabs(args.gongkai) else Path(args.gongkai)
    if not gongkai.exists():
        print(f"building {gongkai} …", file=sys.stderr)
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "gongkai"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    try:
        import typst  # noqa: F401  (only to fail early with a clear message)
    except ImportError:
        raise SystemExit("the pip package typst is missing: python3 -m pip install typst")
    typst_version = subprocess.run([sys.executable, "-c", "import importlib.metadata as m; print(m.version('typst'))"],
                                   capture_output=True, text=True).stdout.strip()

    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="typst-compare-"))
    work.mkdir(parents=True, exist_ok=True)
    fonts = work / "fonts"
    fonts.mkdir(exist_ok=True)
    for file in FONT_FILES:
        link = fonts / Path(file).name
        if not link.exists():
            link.symlink_to(file)

    format_dir = ROOT / args.format_dir
    one_typ, many_typ = work / "document.typ", work / f"document-x{args.copies}.typ"
    example = (ROOT / args.example).resolve()
    data = example.read_text(encoding="utf-8")
    # Ten departments, not one ten times: each copy's unit gets its own name (甲, 乙, …), in the
    # data for gongkai and in the text for Typst, so that neither can reuse a whole table.
    unit = re.search(r"^名称:\s*[\"']?([^\s\"'#]+)", data, re.M).group(1)
    marks = "甲乙丙丁戊己庚辛壬癸"
    renames = [(unit, unit + (marks[n] if n < len(marks) else str(n + 1))) for n in range(args.copies)]
    if args.identical_copies:
        renames = [(unit, unit)] * args.copies
    unmatched = write_typst(ROOT / args.dump, format_dir, one_typ, measures_keep=args.typst_measures_keep)
    write_typst(ROOT / args.dump, format_dir, many_typ, renames=renames, measures_keep=args.typst_measures_keep)
    if unmatched:
        print(f"warning: tables without a template (default columns): {unmatched}", file=sys.stderr)

    many_dir, many_out = work / "departments", work / "departments-pdf"
    many_dir.mkdir(exist_ok=True)
    many_out.mkdir(exist_ok=True)
    copies = []
    for n, (old, new) in enumerate(renames):
        copy = many_dir / f"{example.stem}-{n + 1:02d}.yaml"
        copy.write_text(data.replace(old, new), encoding="utf-8")
        copies.append(copy)
    # A “上年” (prior year) written as a file name is read next to the data file: copy it along.
    prior = re.search(r"^上年:\s*[\"']?([^\s\"'#]+\.ya?ml)", example.read_text(encoding="utf-8"), re.M)
    if prior and (example.parent / prior.group(1)).is_file():
        shutil.copyfile(example.parent / prior.group(1), many_dir / Path(prior.group(1)).name)

    g_pdf, t_pdf, t_many_pdf = work / "gongkai.pdf", work / "typst.pdf", work / f"typst-x{args.copies}.pdf"
    tags = "1" if args.typst_pdf_tags else "0"
    # --timing: gongkai's stages on standard error (读取与推算, 字符检查, 模板, 排版, 写 PDF)
    g_one = [str(gongkai), "render", str(example), "-o", str(g_pdf), "--timing"]
    t_one = [sys.executable, "-c", TYPST_RUNNER, str(one_typ), str(t_pdf), str(fonts), tags]
    g_many = [str(gongkai), "render", *map(str, copies), "--out-dir", str(many_out)]
    t_many = [sys.executable, "-c", TYPST_RUNNER, str(many_typ), str(t_many_pdf), str(fonts), tags]

    # One untimed run of each: the binaries, Python and the fonts are in the page cache for all.
    for command in (g_one, t_one, g_many, t_many):
        run(command)
    if args.generate_only:
        print(f"{work}: gongkai {pdf_pages(g_pdf)} pages, Typst {pdf_pages(t_pdf)} pages")
        return

    r = {}

    stages = {}

    def record(prefix, command, typst=False):
        wall, cpu, rss, out, err = run(command)
        if prefix == "g":
            line = next((l for l in err.splitlines() if "ms" in l and "：" in l), "")
            for name, value in re.findall(r"([^，：]+?) ([\d.]+) ms", line.split("：", 1)[-1]):
                stages.setdefault(name.strip(), []).append(float(value) / 1000)
        for key, value in (("wall", wall), ("cpu", cpu), ("rss", rss)):
            r.setdefault(f"{prefix}_{key}", []).append(value)
        if typst:
            r.setdefault(f"{prefix}_compile", []).append(json.loads(out.strip().splitlines()[-1])["compile"])

    for n in range(args.runs):
        record("g", g_one)
        record("t", t_one, typst=True)
        record("gm", g_many)
        record("tm", t_many, typst=True)
        print(f"run {n + 1}/{args.runs}: gongkai {r['g_wall'][-1]:.3f} s, Typst {r['t_wall'][-1]:.3f} s "
              f"(compile {r['t_compile'][-1]:.3f} s); ×{args.copies}: gongkai {r['gm_wall'][-1]:.3f} s, "
              f"Typst {r['tm_wall'][-1]:.3f} s (compile {r['tm_compile'][-1]:.3f} s)", file=sys.stderr)

    g_size, t_size = g_pdf.stat().st_size, t_pdf.stat().st_size
    g_pages, t_pages = pdf_pages(g_pdf), pdf_pages(t_pdf)
    gm_size = sum(p.stat().st_size for p in many_out.glob("*.pdf"))
    tm_size = t_many_pdf.stat().st_size
    gm_pages = sum(pdf_pages(p) for p in many_out.glob("*.pdf"))
    tm_pages = pdf_pages(t_many_pdf)
    med = {key: statistics.median(values) for key, values in r.items()}
    low = {key: min(values) for key, values in r.items()}

    def ms(key):
        return f"{med[key] * 1000:.0f} ({low[key] * 1000:.0f})"

    def mb(key):
        return f"{max(r[key]) / 1024:.0f}"

    def ratio(a, b):
        return f"{a / b:.2f}×"

    # gongkai's stages, medians; typesetting = layout and writing the PDF (what Typst's compile does
    # from text that is already final), not reading the data and applying the templates.
    stage_median = {name: statistics.median(values) for name, values in stages.items()}
    typesetting = [name for name in stage_median if name in ("排版", "写 PDF")]
    typeset = sum(stage_median[name] for name in typesetting)
    typeset_ms = f"{typeset * 1000:.0f}"
    k = args.copies
    shown = args.gongkai if not os.path.isabs(args.gongkai) else gongkai
    lines = [
        f"{args.runs} fresh processes each, interleaved, after one untimed run of each; times in ms, "
        f"median (min). gongkai `{shown}` at {git_head()}, Typst {typst_version} (pip `typst`, "
        f"Python {platform.python_version()}); {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f} at the end, "
        f"{datetime.date.today().isoformat()}.",
        "",
        "| measure | gongkai | Typst | Typst / gongkai |",
        "|---|---|---|---|",
        f"| 1 document: wall time, whole process | {ms('g_wall')} | {ms('t_wall')} | {ratio(med['t_wall'], med['g_wall'])} |",
        f"| 1 document: wall time, gongkai whole process vs Typst compile only | {ms('g_wall')} | {ms('t_compile')} | "
        f"{ratio(med['t_compile'], med['g_wall'])} |",
        *([f"| 1 document: gongkai typesetting only ({' + '.join(typesetting)}, its --timing) vs Typst compile only | "
            f"{typeset_ms} | {ms('t_compile')} | {ratio(med['t_compile'], typeset)} |"] if typesetting else []),
        f"| 1 document: CPU time (user + system), whole process | {ms('g_cpu')} | {ms('t_cpu')} | {ratio(med['t_cpu'], med['g_cpu'])} |",
        f"| 1 document: peak RSS (MB) | {mb('g_rss')} | {mb('t_rss')} | {ratio(max(r['t_rss']), max(r['g_rss']))} |",
        f"| 1 document: PDF size (KB) | {g_size / 1024:.0f} | {t_size / 1024:.0f} | {ratio(t_size, g_size)} |",
        f"| 1 document: pages | {g_pages} | {t_pages} | |",
        f"| {k} documents, one process: wall time, whole process | {ms('gm_wall')} | {ms('tm_wall')} | "
        f"{ratio(med['tm_wall'], med['gm_wall'])} |",
        f"| {k} documents: wall time, gongkai whole process vs Typst compile only | {ms('gm_wall')} | {ms('tm_compile')} | "
        f"{ratio(med['tm_compile'], med['gm_wall'])} |",
        f"| {k} documents: CPU time (user + system), whole process | {ms('gm_cpu')} | {ms('tm_cpu')} | "
        f"{ratio(med['tm_cpu'], med['gm_cpu'])} |",
        f"| {k} documents: documents per second (Typst: compile only) | {k / med['gm_wall']:.1f} | {k / med['tm_compile']:.1f} | "
        f"{ratio(med['gm_wall'], med['tm_compile'])} |",
        f"| {k} documents: peak RSS (MB) | {mb('gm_rss')} | {mb('tm_rss')} | {ratio(max(r['tm_rss']), max(r['gm_rss']))} |",
        f"| {k} documents: PDF size (KB; gongkai {k} files, Typst one) | {gm_size / 1024:.0f} | {tm_size / 1024:.0f} | "
        f"{ratio(tm_size, gm_size)} |",
        f"| {k} documents: pages | {gm_pages} | {tm_pages} | |",
        "",
        f"gongkai: `gongkai render` from the YAML data (read, derive, templates, self-check, layout, PDF). "
        f"Typst: the same document's finished text (`{args.dump}`) as a generated .typ, compiled with "
        f"`typst.compile` (fonts: the {len(FONT_FILES)} files of Fonts/roles.tsv's primary faces, no system fonts"
        f"{'' if args.typst_pdf_tags else ', no PDF tags'}"
        f"{', short tables measured by Typst' if args.typst_measures_keep else ''}); Python's start and `import typst` took "
        f"{(med['t_wall'] - med['t_compile']) * 1000:.0f} ms of Typst's whole process. {k} documents: "
        + (f"the same document {k} times." if args.identical_copies else
           f"the example with its unit renamed ({unit}甲 … ), {k} data files for gongkai, one .typ of {k} parts for Typst."),
        "",
        "gongkai's stages (its --timing, median ms): "
        + ", ".join(f"{name} {value * 1000:.0f}" for name, value in stage_median.items()) + ".",
    ]
    table = "\n".join(lines) + "\n"
    print(table)
    if args.markdown:
        Path(args.markdown).write_text(table, encoding="utf-8")
    if args.work:
        print(f"files: {work}", file=sys.stderr)
    else:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
