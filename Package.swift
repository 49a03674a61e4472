// swift-tools-version:6.0
// gongkai (公开): typesets Chinese government budget disclosure documents.
// One target per pipeline stage; see docs/ARCHITECTURE.md.
import PackageDescription

let package = Package(
    name: "gongkai",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gongkai", targets: ["gongkai"]),
        .library(name: "Budget", targets: ["Budget"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // Money, source positions, diagnostics, percentages and year-over-year changes.
        .target(name: "BudgetCore"),
        // 政府收支分类科目: functional and economic subject names as data.
        .target(name: "Catalog", dependencies: ["BudgetCore"], resources: [.copy("Resources")]),
        // Stage 1: YAML text -> BudgetInput (typed, every value with its source mark).
        .target(name: "BudgetInput", dependencies: ["BudgetCore", "Yams"]),
        // Stage 2: BudgetInput -> Budget (every total, roll-up, share, change; cross-checks).
        .target(name: "Budget", dependencies: ["BudgetCore", "BudgetInput", "Catalog"]),
        // Stage 3: Templates/<format>/ (outline, table specs, template texts) + Budget -> Document.
        .target(name: "Templating", dependencies: ["Budget", "BudgetCore", "Document", "Yams"]),
        // The document to typeset: blocks, styles, page setup; no geometry.
        .target(name: "Document"),
        // Unicode line-break opportunities (ICU's UAX #14 line iterator).
        .target(name: "CICU", linkerSettings: [.linkedLibrary("icuuc")]),
        // Stage 4: Document -> pages of positioned glyph runs and rules; fonts only through TextShaper.
        .target(name: "Layout", dependencies: ["Document", "CICU"]),
        // Stage 5: fonts (fontconfig), shaping (HarfBuzz) and drawing (Cairo PDF, PNG).
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz", providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CFontconfig", pkgConfig: "fontconfig", providers: [.apt(["libfontconfig1-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        // Fonts/: which font family serves each role, with fallbacks (data, found through fontconfig);
        // the bundled roles.tsv is the fallback of GONGKAI_FONTS or a roles.tsv beside the executable.
        .target(name: "Fonts", dependencies: ["BudgetCore"], path: "Fonts", exclude: ["README.md"], resources: [.copy("roles.tsv")]),
        // Answers cairo's repeated em-size glyph loads from the first one (Sources/CGlyphMemo/GlyphMemo.c).
        .target(name: "CGlyphMemo", dependencies: ["CFreeType"]),
        .target(name: "Render", dependencies: ["Document", "Layout", "Fonts", "CCairo", "CHarfBuzz", "CFontconfig", "CFreeType", "CGlyphMemo"]),
        // Stages 1–3 and the glyph check without layout: `check`'s dry run, `render`'s first half.
        .target(name: "Preflight", dependencies: ["Budget", "BudgetCore", "BudgetInput", "Catalog", "Document", "Render", "Templating"]),
        // Thin command-line front end.
        .executableTarget(name: "gongkai", dependencies: [
            "Budget", "BudgetInput", "BudgetCore", "Catalog", "Fonts", "Document", "Layout", "Preflight", "Render", "Templating",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // parse → derive → check on arbitrary bytes (and, with GONGKAI_FUZZ_PIPELINE=1, templates → layout →
        // PDF): libFuzzer with -DFUZZING (Fuzz/run.sh), else a replayer.
        .executableTarget(name: "gongkai-fuzz", dependencies: ["Budget", "Templating", "Document", "Layout", "Render"]),
        // Timing of stages 1–2 on the examples (make bench; docs/performance.md).
        .executableTarget(name: "gongkai-bench", dependencies: ["Budget", "BudgetInput", "Document", "Layout", "Render"]),
        .testTarget(name: "BudgetCoreTests", dependencies: ["BudgetCore"]),
        .testTarget(name: "BudgetInputTests", dependencies: ["BudgetInput", "BudgetCore"]),
        .testTarget(name: "BudgetTests", dependencies: ["Budget", "BudgetInput", "Catalog", "BudgetCore"]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating", "Budget", "Document"]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "Document"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Layout", "Document"]),
        .testTarget(name: "CLITests", dependencies: ["gongkai"]),
    ]
)
