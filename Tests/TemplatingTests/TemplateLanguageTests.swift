import BudgetCore
import Dispatch
import Foundation
@testable import Templating
import XCTest

/// The template language itself (TemplateLexer, TemplateParser, TemplateEvaluation …) on a small
/// view written here: every construct the formats use, the errors and their places, and texts
/// written to break it, which must give a Chinese error, never a crash.
final class TemplateLanguageTests: XCTestCase {
    let book = FigureBook()
    let log = PrintLog()
    lazy var view: [NameKey: TemplateValue] = [
        "单位": .record(TemplateRecord("单位", ["名称": .text("高阳县医疗保障局"), "层级": .text("部门")])),
        "年度": .int(2025),
        "零": .int(0),
        "负": .int(-1),
        "空": .text(""),
        "支出": .record(TemplateRecord("支出", ["合计": .figure(book.figure("支出.合计", Money(fen: 5_958_800_000))),
                                              "基本支出": .figure(book.figure("支出.基本支出", .zero))])),
        "职责": .list([.text("甲"), .text("乙"), .text("丙")]),
        "无项": .list([]),
        "行": .list([.record(TemplateRecord("行", ["名称": .text("一"), "级别": .int(1)])),
                    .record(TemplateRecord("行", ["名称": .text("二"), "级别": .int(2)])),
                    .record(TemplateRecord("行", ["名称": .text("三"), "级别": .int(1)]))]),
        "表": .dictionary(["上年结转-单位资金": .text("有"), "码": .text("208")]),
        "码": .text("上年结转-单位资金"),
        "比上年": .record(TemplateRecord("比上年", ["有": .bool(true)])),
        "日期": .text("2024-01-25"),
    ]

    var filters: TemplateFilterEnvironment {
        TemplateFilterEnvironment(amounts: TemplateFilters.Amounts(unit: .wanYuan, decimals: 2, changeWording: .standard), log: log,
                                  yearData: ["类": .list([.text("201"), .text("208")])])
    }

    func render(_ text: String, line: Int = 10, column: Int = 5) throws -> String {
        try CompiledText(text, source: TemplateSource(file: "t.yaml", line: line, column: column)).render(TemplateScope(view), filters)
    }

    /// The error a text gives, as `line:column: message`.
    func failure(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let printed = try render(text)
            XCTFail("no error, printed “\(printed)”", file: file, line: line)
            return ""
        } catch let error as TemplateError {
            XCTAssertEqual(error.file, "t.yaml", file: file, line: line)
            return "\(error.line):\(error.column): \(error.message)"
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return ""
        }
    }

    // MARK: Values and filters

    func testValuesMembersIndexesAndKeys() throws {
        XCTAssertEqual(try render("{{单位.名称}}{{ 年度 }}年{{  单位.层级  }}"), "高阳县医疗保障局2025年部门")
        XCTAssertEqual(try render("{{ 职责.0 }}{{ 职责.2 }}{{ 职责.first }}{{ 职责.last }}{{ 职责.count }}{{ 职责.9 }}"), "甲丙甲丙3")
        XCTAssertEqual(try render("{{ 行.1.名称 }}"), "二")
        XCTAssertEqual(try render("{{ 表[码] }}{{ 表[\"码\"] }}{{ 表['码'] }}{{ 表.没有 }}"), "有208208")
        XCTAssertEqual(try render("{{ \"双引号\" }}{{ '单引号' }}{{ 12 }}{{ true }}"), "双引号单引号12true")
        XCTAssertEqual(try render("纯文字，没有标签"), "纯文字，没有标签")
        XCTAssertEqual(try render("{# 注释不印 #}前后"), "前后")
    }

    func testFiltersWithAndWithoutArguments() throws {
        XCTAssertEqual(try render("{{ 支出.合计|金额 }}/{{ 支出.基本支出|金额或空 }}/{{ 支出.合计 | 千分位 }}"), "5958.80//5,958.80")
        XCTAssertEqual(log.take().map(\.id), ["支出.合计", "支出.基本支出", "支出.合计"])
        XCTAssertEqual(try render("{{ 职责|join:\"、\" }}|{{ 职责|join:', ' }}|{{ 职责|join }}"), "甲、乙、丙|甲, 乙, 丙|甲乙丙")
        XCTAssertEqual(try render("{{ 表.没有|default:\"无\" }}{{ 表.没有|default:单位.层级 }}{{ 空|default:\"不换\" }}"), "无部门")
        XCTAssertEqual(try render("{% if 比上年|有:\"有\" %}有{% endif %}{% if 比上年|有:\"合计\" %}合计{% endif %}"), "有")
        XCTAssertEqual(try render("{{ \"对个人和家庭的补助\"|补后缀:\"支出\" }}、{{ \"工资福利支出\"|补后缀:\"支出\" }}"), "对个人和家庭的补助支出、工资福利支出")
        XCTAssertEqual(try render("{{ 年度|中文序号 }}{{ 行.count|中文序号 }}{{ 日期|中文日期 }}{{ 日期|年份 }}"), "2025三2024年01月25日2024")
        XCTAssertEqual(try render("{% for 码 in \"类\"|年度数据 %}{{ 码 }};{% endfor %}"), "201;208;")
        XCTAssertEqual(try render("{% if 支出.合计|非零 %}非零{% endif %}{% if 支出.基本支出|非零 %}不该印{% endif %}"), "非零")
    }

    /// A line break inside a tag is a space, as Stencil read tags: `join:'\n'` joins with a space.
    func testATagMayRunOverLines() throws {
        XCTAssertEqual(try render("{% if 单位\n  and 年度 %}是{% endif %}"), "是")
        XCTAssertEqual(try render("{{ 职责|join:'\n' }}"), "甲 乙 丙")
    }

    // MARK: Conditions

    func testConditions() throws {
        XCTAssertEqual(try render("{% if 零 %}零{% elif 负 %}负{% elif 空 %}空{% elif 无项 %}无项{% else %}都不是{% endif %}"), "都不是")
        XCTAssertEqual(try render("{% if 年度 == 2025 %}等{% endif %}{% if 单位.层级 != '部门' %}不等{% endif %}{% if 单位.层级 == \"部门\" %}部门{% endif %}"),
                       "等部门")
        XCTAssertEqual(try render("{% if 年度 > 2024 and 年度 < 2026 and 年度 >= 2025 and 年度 <= 2025 %}中{% endif %}"), "中")
        XCTAssertEqual(try render("{% if 单位.层级 > 1 %}文字不比大小{% else %}否{% endif %}"), "否")
        XCTAssertEqual(try render("{% if \"2025\" == 年度 %}文字不等于数{% else %}否{% endif %}"), "否")
        XCTAssertEqual(try render("{% if 表.没有 == 表.也没有 %}没有等于没有{% endif %}"), "没有等于没有")
        // not binds tighter than and, and than or.
        XCTAssertEqual(try render("{% if not 空 and 年度 %}一{% endif %}{% if 空 or 零 or 年度 %}二{% endif %}{% if 空 and 零 or 年度 %}三{% endif %}"),
                       "一二三")
        XCTAssertEqual(try render("{% if not 年度 == 1 %}四{% endif %}{% if (空 or 年度) and not (零) %}五{% endif %}{% if not not 年度 %}六{% endif %}"),
                       "四五六")
        XCTAssertEqual(try render("{% if 行 %}列表{% endif %}{% if 表 %}映射{% endif %}{% if 支出.基本支出 %}金额在就是真{% endif %}"), "列表映射金额在就是真")
    }

    func testCompiledConditionsAndLists() throws {
        let source = TemplateSource(file: "t.yaml", line: 3, column: 7)
        let scope = TemplateScope(view)
        XCTAssertTrue(try CompiledCondition("年度 == 2025 and not 空", source: source).holds(scope, filters))
        XCTAssertFalse(try CompiledCondition("支出.基本支出|非零", source: source).holds(scope, filters))
        XCTAssertTrue(try CompiledCondition("{% if 年度 %}1{% endif %}", source: source).holds(scope, filters))
        XCTAssertFalse(try CompiledCondition("{{ 零 }}", source: source).holds(scope, filters))
        XCTAssertEqual(try CompiledList("行", source: source).elements(scope, filters, year: 2025).count, 3)
        XCTAssertEqual(try CompiledList("\"类\"|年度数据", source: source).elements(scope, filters, year: 2025).map(\.rendered), ["201", "208"])
        XCTAssertThrowsError(try CompiledList("单位.名称", source: source).elements(scope, filters, year: 2025)) { error in
            XCTAssertEqual("\(error)", "t.yaml:3:7: 模板错误: “单位.名称”不是列表")
        }
        XCTAssertThrowsError(try CompiledCondition("年度 ==", source: source).holds(scope, filters)) { error in
            XCTAssertEqual("\(error)", "t.yaml:3:7: 模板错误: “==”的右边缺少值（“年度 ==”）")
        }
    }

    // MARK: Loops

    func testLoops() throws {
        XCTAssertEqual(try render("{% for 条 in 职责 %}{{ forloop.counter }}.{{ 条 }}{% if not forloop.last %}、{% endif %}{% endfor %}"), "1.甲、2.乙、3.丙")
        XCTAssertEqual(try render("{% for 条 in 职责 %}{% if forloop.first %}[{% endif %}{{ forloop.counter0 }}/{{ forloop.length }}{% endfor %}"), "[0/31/32/3")
        XCTAssertEqual(try render("{% for 条 in 无项 %}{{ 条 }}{% empty %}没有{% endfor %}"), "没有")
        XCTAssertEqual(try render("{% for r in 行 where r.级别 == 1 %}{{ r.名称 }}{{ forloop.counter }}{% endfor %}"), "一1三2")
        XCTAssertEqual(try render("{% for r in 行 where r.级别 == 9 %}{{ r.名称 }}{% empty %}空{% endfor %}"), "空")
        // forloop is the innermost loop's; the outer element stays visible.
        XCTAssertEqual(try render("{% for r in 行 %}{% for 条 in 职责 %}{% if forloop.last %}{{ r.名称 }}{{ 条 }}{% endif %}{% endfor %}{% endfor %}"),
                       "一丙二丙三丙")
        XCTAssertEqual(try render("{% for 条 in 表.没有 %}x{% empty %}无{% endfor %}"), "无")
    }

    func testWhitespaceControl() throws {
        XCTAssertEqual(try render("a \n {%- if 年度 -%} \n b \n {%- endif -%} \n c"), "abc")
        XCTAssertEqual(try render("a {% if 年度 %} b {% endif %} c"), "a  b  c")
    }

    // MARK: Errors and their places

    func testUnknownNamesAreErrorsAtTheirLine() {
        XCTAssertTrue(failure("{{ 支处.合计 }}").hasPrefix("10:5: 未知的变量“支处”（可用：单位、年度、支出、无项、日期、比上年、"))
        // On a later line of the text: that line, column 1.
        XCTAssertTrue(failure("第一行\n第二行{{ 支处 }}").hasPrefix("11:1: 未知的变量“支处”"))
        // In a key, a filter's argument, a loop's where: all checked before the text runs.
        XCTAssertTrue(failure("{{ 表[没有] }}").hasPrefix("10:5: 未知的变量“没有”"))
        XCTAssertTrue(failure("{{ 空|default:没有 }}").hasPrefix("10:5: 未知的变量“没有”"))
        XCTAssertTrue(failure("{% for r in 行 where 没有 %}{% endfor %}").hasPrefix("10:5: 未知的变量“没有”"))
        // A loop's variable is known inside the loop only.
        XCTAssertTrue(failure("{% for r in 行 %}{% endfor %}{{ r }}").hasPrefix("10:5: 未知的变量“r”"))
        XCTAssertEqual(try render("{{ forloop.counter }}"), "", "forloop outside a loop is nothing, as in Stencil")
    }

    func testMembersTheDataLacks() {
        XCTAssertEqual(failure("{{ 支出.合记 }}"), "10:5: 数据中没有“支出.合记”（可用：合计、基本支出）")
        // Where nothing failed after it: at the text's own line and column.
        XCTAssertEqual(failure("一\n二\n{{ 支出.合记 }}"), "10:5: 数据中没有“支出.合记”（可用：合计、基本支出）")
        // Where a filter then got nothing: at the line of that tag.
        XCTAssertEqual(failure("一\n{{ 支出.合记|金额 }}"), "11:1: 数据中没有“支出.合记”（可用：合计、基本支出）")
        XCTAssertEqual(failure("{{ 表.没有|金额 }}"), "10:5: 过滤器“金额”没有得到金额（名称写错了，或这一项数据没有？）")
        XCTAssertEqual(failure("{{ 单位.名称|金额 }}"), "10:5: 过滤器“金额”只能用于金额，得到的是“高阳县医疗保障局”")
        XCTAssertTrue(failure("{{ 职责[零零] }}").hasPrefix("10:5: 未知的变量“零零”"))
        XCTAssertEqual(failure("{{ 职责[表.没有] }}"), "10:5: “职责[表.没有]”中的键“表.没有”没有值")
    }

    func testFilterMistakes() {
        XCTAssertTrue(failure("{{ 年度|金钱 }}").hasPrefix("10:5: 未知的过滤器“金钱”（可用：金额、金额或空、"))
        XCTAssertEqual(failure("一\n{{ 年度|中文序号:1 }}"), "11:1: 过滤器“中文序号”不带参数")
        XCTAssertEqual(failure("{{ 职责|join:\"a\",\"b\" }}"), "10:5: 过滤器“join”最多带一个参数（分隔符）")
        XCTAssertEqual(failure("{{ 比上年|有 }}"), "10:5: 过滤器“有”写成 记录|有:\"键\"")
        XCTAssertEqual(failure("{{ 单位.名称|中文序号 }}"), "10:5: 过滤器“中文序号”需要整数")
        XCTAssertEqual(failure("{{ 单位.名称|年度数据 }}"), "10:5: format.yaml 的“数据”中没有“高阳县医疗保障局”")
        XCTAssertEqual(failure("{{ 单位|中文日期 }}"), "10:5: 过滤器“中文日期”需要“年-月-日”形式的日期，得到的是“单位”")
        XCTAssertEqual(failure("{% for x in 单位 %}{% endfor %}"), "10:5: “单位”不是列表，不能用“{% for %}”逐项列出（得到的是“单位”）")
    }

    func testMalformedTextsAreChineseErrorsAtTheirLine() {
        XCTAssertEqual(failure("{% if 年度 %}没有结束"), "10:5: “{% if %}”没有对应的“{% endif %}”")
        XCTAssertEqual(failure("一\n二{% endif %}"), "11:1: 多了“{% endif %}”：前面没有对应的“{% if %}”")
        XCTAssertEqual(failure("{% endfor %}"), "10:5: 多了“{% endfor %}”：前面没有对应的“{% for %}”")
        XCTAssertEqual(failure("{% if 年度 %}{% else %}{% elif 零 %}{% endif %}"), "10:5: “{% else %}”之后只能是“{% endif %}”，不能再有“{% elif %}”")
        XCTAssertEqual(failure("{% for x in 行 %}{% if x %}{% endfor %}"), "10:5: “{% if %}”到“{% endfor %}”还没有结束：缺少“{% endif %}”")
        XCTAssertEqual(failure("{% for x in 行 %}{% empty %}{% empty %}{% endfor %}"), "10:5: “{% empty %}”之后只能是“{% endfor %}”")
        XCTAssertEqual(failure("{% endif 年度 %}"), "10:5: 多了“{% endif %}”：前面没有对应的“{% if %}”")
        XCTAssertEqual(failure("{% if 年度 %}{% endif 年度 %}"), "10:5: “{% endif %}”后面不能再写“年度”")
        XCTAssertEqual(failure("{% include \"x\" %}"), "10:5: 未知的标签“include”（可用：if、elif、else、endif、for、empty、endfor）")
        XCTAssertEqual(failure("{% %}"), "10:5: “{% %}”中缺少标签")
        XCTAssertEqual(failure("{{ }}"), "10:5: “{{ }}”中缺少值")
        XCTAssertEqual(failure("前\n{{ 年度"), "11:1: “{{”没有对应的“}}”")
        XCTAssertEqual(failure("{% if 年度"), "10:5: “{%”没有对应的“%}”")
        XCTAssertEqual(failure("{{ 年度 单位 }}"), "10:5: “{{ }}”中多了“单位”（“年度 单位”）：只能写一个值和它的过滤器")
        XCTAssertEqual(failure("{% if %}{% endif %}"), "10:5: “{% if %}”缺少条件")
        XCTAssertEqual(failure("{% if 年度 年度 %}{% endif %}"), "10:5: 条件中多了“年度”（“年度 年度”）")
        XCTAssertEqual(failure("{% if and %}{% endif %}"), "10:5: “and”不能当作值（“and”）")
        XCTAssertEqual(failure("{% if 年度 = 1 %}{% endif %}"), "10:5: “=”应写成“==”（“年度 = 1”）")
        XCTAssertEqual(failure("{% if (年度 %}{% endif %}"), "10:5: “(”没有对应的“)”（“(年度”）")
        XCTAssertEqual(failure("{% if 年度 == 1 == 1 %}{% endif %}"), "10:5: “==”不能接着另一个比较（“年度 == 1 == 1”）")
        XCTAssertEqual(failure("{% if \"未完 %}{% endif %}"), "10:5: 引号没有结束（“\"未完”）")
        XCTAssertEqual(failure("{% for x, y in 行 %}{% endfor %}"), "10:5: “{% for %}”应写成 {% for 项 in 列表 %}，只能有一个变量（“for x, y in 行”）")
        XCTAssertEqual(failure("{% for 行 %}{% endfor %}"), "10:5: “{% for %}”应写成 {% for 项 in 列表 %}，只能有一个变量（“for 行”）")
        XCTAssertEqual(failure("{{ 表.[码] }}"), "10:5: 变量“表.[码]”中的“[”前面缺少名字")
        XCTAssertEqual(failure("{{ 表[码 }}"), "10:5: 变量“表[码”中的“[”没有对应的“]”")
        XCTAssertEqual(failure("{{ 表[] }}"), "10:5: 变量“表[]”中有空的“[]”")
        XCTAssertEqual(failure("{{ 表..码 }}"), "10:5: 变量“表..码”中多了“.”")
        XCTAssertEqual(failure("{{ 表[码]名 }}"), "10:5: 变量“表[码]名”中“]”后面应是“.”或“[”")
        XCTAssertEqual(failure("{{ 年度| }}"), "10:5: “|”后面缺少过滤器的名字（“年度|”）")
        XCTAssertEqual(failure("{{ 年度|join: }}"), "10:5: 过滤器“join”的“:”后面缺少参数（“年度|join:”）")
    }

    /// The first mistake of a text is the one reported: a broken text before its unknown names.
    func testTheFirstMistakeIsReported() {
        XCTAssertEqual(failure("{{ 没有 }}{% if 年度 %}"), "10:5: “{% if %}”没有对应的“{% endif %}”")
        XCTAssertTrue(failure("{{ 没有|金钱 }}").hasPrefix("10:5: 未知的变量“没有”"))
    }

    // MARK: Hostile texts

    func testDeepNestingIsAnErrorNotACrash() {
        let ifs = String(repeating: "{% if 年度 %}", count: 10_000) + String(repeating: "{% endif %}", count: 10_000)
        XCTAssertEqual(failure(ifs), "10:5: 标签嵌套太深（超过 32 层）")
        let loops = String(repeating: "{% for x in 行 %}", count: 200) + String(repeating: "{% endfor %}", count: 200)
        XCTAssertEqual(failure(loops), "10:5: 标签嵌套太深（超过 32 层）")
        XCTAssertTrue(failure("{% if " + String(repeating: "(", count: 5_000) + "年度" + String(repeating: ")", count: 5_000) + " %}{% endif %}")
            .hasPrefix("10:5: 条件嵌套太深（超过 32 层）"))
        XCTAssertTrue(failure("{% if " + String(repeating: "not ", count: 5_000) + "年度 %}{% endif %}").hasPrefix("10:5: 条件中的“not”太多"))
        XCTAssertTrue(failure("{{ " + String(repeating: "表[", count: 5_000) + "码" + String(repeating: "]", count: 5_000) + " }}")
            .contains("嵌套太深"))
        // Within the limits, nesting works.
        let nested = String(repeating: "{% if 年度 %}", count: 30) + "深" + String(repeating: "{% endif %}", count: 30)
        XCTAssertEqual(try render(nested), "深")
        XCTAssertEqual(try render("{% if " + String(repeating: "not ", count: 30) + "年度 %}真{% else %}假{% endif %}"), "真")
    }

    /// Long chains of `and`/`or` are flat lists, run without recursion.
    func testLongChainsRun() throws {
        let all = Array(repeating: "年度", count: 20_000).joined(separator: " and ")
        XCTAssertEqual(try render("{% if \(all) %}都真{% endif %}"), "都真")
        let any = Array(repeating: "零", count: 20_000).joined(separator: " or ") + " or 年度"
        XCTAssertEqual(try render("{% if \(any) %}有真{% endif %}"), "有真")
        let text = String(repeating: "{{ 年度 }}", count: 20_000)
        XCTAssertEqual(try render(text).count, 80_000)
    }

    func testOddTextsAreTextOrErrors() throws {
        XCTAssertEqual(try render("{ 不是标签 } %} }} #}"), "{ 不是标签 } %} }} #}")
        XCTAssertEqual(failure("{{{ 年度 }}}"), "10:5: “{{ }}”中多了“年度”（“{ 年度”）：只能写一个值和它的过滤器")
    }

    // MARK: Sharing

    /// A compiled text is immutable: many threads render it at once, each with its own data.
    func testACompiledTextIsSharedBetweenThreads() {
        let text = CompiledText("{% for r in 行 where r.级别 == 1 %}{{ r.名称 }}{{ forloop.counter }}{% endfor %}{{ 年度|中文序号 }}",
                                source: TemplateSource(file: "t.yaml", line: 1, column: 1))
        let view = self.view
        final class Results: @unchecked Sendable {
            private let lock = NSLock()
            private var texts: [Int: String] = [:]
            subscript(index: Int) -> String? {
                get { lock.lock(); defer { lock.unlock() }; return texts[index] }
                set { lock.lock(); texts[index] = newValue; lock.unlock() }
            }
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            var own = view
            own["年度"] = .int(2000 + index)
            let filters = TemplateFilterEnvironment(amounts: nil, log: nil, yearData: [:])
            results[index] = (try? text.render(TemplateScope(own), filters)) ?? "error"
        }
        for index in 0..<64 { XCTAssertEqual(results[index], "一1三2\(2000 + index)") }
    }
}
