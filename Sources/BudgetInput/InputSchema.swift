import BudgetCore

/// The input format (docs/input-format.md): every key a department's YAML file may hold.
public enum InputSchema {
    static let fundSources = Shape.choice(FundSource.allCases.map(\.rawValue))
    static let functionalLeaf = Shape.code(lengths: [7])
    static let economicCode = Shape.code(lengths: [3, 5])
    /// An amount, or an amount with the name of a subject the catalog lacks.
    static let economicAmount = Shape.either([.amount, .record([
        Field("金额", .amount, required: true, "金额"),
        Field("名称", .text, "科目名称（科目库中没有该编码时必填）"),
    ])])

    static let indicator = Shape.record([
        Field("一级指标", .text, "一级指标（省略时沿用上一行）"),
        Field("二级指标", .text, "二级指标（省略时沿用上一行）"),
        Field("三级指标", .text, required: true, "三级指标"),
        Field("描述", .text, "绩效指标描述"),
        Field("指标值", .text, "指标值，如 ≥90%"),
        Field("依据", .text, "指标值确定依据"),
        Field("分值权重", .text, "分值权重"),
        Field("上年完成值", .text, "上年完成值"),
        Field("赋分规则", .text, "指标赋分规则"),
        Field("佐证资料", .text, "佐证资料"),
        Field("备注", .text, "备注"),
    ])

    static let expenditureRow = Shape.record([
        Field("科目", functionalLeaf, required: true, "支出功能分类科目编码（7 位，项）"),
        Field("名称", .text, "科目名称（科目库中没有该编码时必填）"),
        Field("资金来源", fundSources, "资金来源，默认 一般公共预算"),
        Field("人员经费", .amount, "基本支出中的人员经费"),
        Field("公用经费", .amount, "基本支出中的公用经费"),
        Field("基本支出", .amount, "基本支出（不分人员、公用时填写；分开填写时用于核对）"),
        Field("项目支出", .amount, "项目支出（有项目明细时用于核对）"),
        Field("经营支出", .amount, "事业单位经营支出"),
        Field("上缴上级支出", .amount, "上缴上级支出"),
        Field("对附属单位补助支出", .amount, "对附属单位补助支出"),
    ])

    static let quarterPlan = Shape.record([
        Field("一季度", .amount, "一季度计划支出"),
        Field("二季度", .amount, "二季度计划支出"),
        Field("三季度", .amount, "三季度计划支出"),
        Field("四季度", .amount, "四季度计划支出"),
    ])

    static let project = Shape.record([
        Field("名称", .text, required: true, "项目名称"),
        Field("编码", .text, "项目编码"),
        Field("功能科目", functionalLeaf, required: true, "支出功能分类科目编码（7 位）"),
        Field("资金来源", fundSources, "资金来源，默认 一般公共预算"),
        Field("金额", .amount, "预算数（有经济分类时用于核对）"),
        Field("经济分类", .dictionary(key: economicCode, value: economicAmount), "按部门经济分类科目（类或款）的金额"),
        Field("类别", .text, "项目类别，如 专项业务经费、部门主管专项资金"),
        Field("用途", .paragraphs, "预算规模及资金用途"),
        Field("政策依据", .text, "设立的政策依据"),
        Field("承担单位", .text, "项目承担单位"),
        Field("主管部门", .text, "主管部门"),
        Field("资金分配", .paragraphs, "资金分配情况"),
        Field("执行时间", .text, "资金执行时间"),
        Field("负责人", .text, "项目负责人"),
        Field("其他事项", .dictionary(key: .text, value: .text), "格式需要的其他事项，如 补贴人数、补贴标准"),
        Field("支出计划", quarterPlan, "资金支出计划（按季度的当季金额，程序累计）"),
        Field("总体目标", .paragraphs, "项目总体绩效目标"),
        Field("绩效目标", .paragraphs, "绩效目标（逐条）"),
        Field("指标", .list(indicator), "绩效指标"),
    ])

    static let figureAmounts: [Field] = [
        Field("合计", .amount, "收支总计"),
        Field("基本支出", .amount, "基本支出"),
        Field("人员经费", .amount, "人员经费"),
        Field("公用经费", .amount, "公用经费"),
        Field("项目支出", .amount, "项目支出"),
        Field("收入", .dictionary(key: fundSources, value: .amount), "按资金来源的收入"),
        Field("科目", .dictionary(key: .code(lengths: [3, 5, 7]), value: .amount), "按支出功能分类科目（类、款、项）的金额"),
        Field("经济科目", .dictionary(key: economicCode, value: .amount), "按部门经济分类科目的金额"),
        Field("政府经济科目", .dictionary(key: economicCode, value: .amount), "按政府经济分类科目的金额"),
        Field("三公经费", .either([.amount, threePublicItems]), "“三公”经费合计或分项"),
        Field("机关运行经费", .amount, "机关运行经费"),
        Field("政府采购", .amount, "政府采购预算"),
    ]

    static let figureReasons: [Field] = [
        Field("合计", .text, "收支总计增减的原因"),
        Field("基本支出", .text, "基本支出增减的原因"),
        Field("人员经费", .text, "人员经费增减的原因"),
        Field("公用经费", .text, "公用经费增减的原因"),
        Field("项目支出", .text, "项目支出增减的原因"),
        Field("收入", .dictionary(key: fundSources, value: .text), "各资金来源增减的原因"),
        Field("科目", .dictionary(key: .code(lengths: [3, 5, 7]), value: .text), "各功能科目增减的原因"),
        Field("经济科目", .dictionary(key: economicCode, value: .text), "各经济科目增减的原因"),
        Field("政府经济科目", .dictionary(key: economicCode, value: .text), "各政府经济科目增减的原因"),
        Field("三公经费", .either([.text, .dictionary(key: .choice(ThreePublicItem.allCases.map(\.rawValue)), value: .text)]), "“三公”经费增减的原因"),
        Field("机关运行经费", .text, "机关运行经费增减的原因"),
    ]

    static let threePublicItems = Shape.record(ThreePublicItem.allCases.map {
        Field($0.rawValue, .amount, $0.doc)
    })

    static let priorYear = Shape.either([
        .text,
        .record([Field("文件", .text, "上年数据文件（相对于本文件的路径）")] + figureAmounts),
    ])

    static let overview = Shape.record([
        Field("职责", .paragraphs, "部门职责（逐条）"),
        Field("工作任务", .paragraphs, "工作任务（逐条）"),
        Field("机构设置说明", .paragraphs, "机构设置的文字说明"),
        Field("机构", .list(.record([
            Field("名称", .text, required: true, "单位名称"),
            Field("性质", .text, "单位性质，如 行政、事业"),
            Field("规格", .text, "单位规格，如 正科级"),
            Field("经费保障形式", .text, "经费保障形式，如 财政拨款"),
        ])), "机构设置表"),
        Field("人员", .record([
            Field("截止日期", .date, "人员数截止日期"),
            Field("编制", .count, "编制数"),
            Field("行政编制", .count, "行政编制"),
            Field("事业编制", .count, "事业编制"),
            Field("实有", .count, "实有人数"),
            Field("实有行政", .count, "实有行政人员"),
            Field("实有事业", .count, "实有事业人员"),
            Field("在职", .count, "在职人数"),
            Field("在职增加", .integer(minimum: -100_000), "在职人数比上年增加（减少为负数）"),
            Field("退休", .count, "退休人数"),
            Field("退休增加", .integer(minimum: -100_000), "退休人数比上年增加"),
            Field("离休", .count, "离休人数"),
            Field("离休增加", .integer(minimum: -100_000), "离休人数比上年增加"),
        ]), "人员情况"),
    ])

    /// The kinds of unit a department is made of; 机关运行经费 is the 公用经费 of the first two.
    static let unitKinds = Shape.choice(BudgetInput.Nature.allCases.map(\.rawValue))

    static let memberUnit = Shape.record([
        Field("名称", .text, required: true, "单位名称"),
        Field("类型", unitKinds, required: true, "单位类型：行政、参公事业（参照公务员法管理的事业单位）或 事业"),
        Field("公用经费", .amount, "该单位的一般公共预算公用经费（各单位之和应等于部门的公用经费）"),
    ])

    static let procurement = Shape.record([
        Field("货物", .amount, "政府采购货物预算"),
        Field("工程", .amount, "政府采购工程预算"),
        Field("服务", .amount, "政府采购服务预算"),
        Field("中小企业预留", .amount, "面向中小企业预留金额"),
        Field("小微企业预留", .amount, "其中面向小微企业预留金额"),
        Field("明细", .list(.record([
            Field("项目名称", .text, required: true, "政府采购项目名称"),
            Field("品目", .text, required: true, "采购物品名称"),
            Field("类别", .choice(["货物", "工程", "服务"]), required: true, "货物、工程或服务"),
            Field("目录序号", .text, "政府采购目录序号"),
            Field("计量单位", .text, "计量单位"),
            Field("数量", .count, "数量"),
            Field("单价", .amount, "单价"),
            Field("金额", .amount, required: true, "政府采购金额"),
            Field("资金来源", fundSources, "资金来源，默认 一般公共预算"),
            Field("中小企业预留", .amount, "预留中小微企业份额"),
        ])), "政府采购明细"),
    ])

    static let countAndValue = Shape.record([
        Field("数量", .count, "数量"),
        Field("面积", .text, "面积（平方米）"),
        Field("金额", .amount, "价值"),
    ])

    static let assets = Shape.record([
        Field("截止日期", .date, required: true, "资产数截止日期"),
        Field("资产总额", countAndValue, "资产总额（用于核对）"),
        Field("房屋", countAndValue, "房屋"),
        Field("办公用房", countAndValue, "其中办公用房"),
        Field("车辆", .list(.record([
            Field("类型", .text, required: true, "车辆类型，如 一般公务用车、执法执勤用车、其他车辆"),
            Field("数量", .count, required: true, "数量（辆）"),
            Field("金额", .amount, "价值"),
        ])), "车辆，按类型"),
        Field("大型设备", .list(.record([
            Field("单价标准", .text, required: true, "单价标准（万元以上），如 20、50、100"),
            Field("数量", .count, required: true, "台（套）"),
            Field("金额", .amount, "价值"),
        ])), "大型设备"),
        Field("办公家具", countAndValue, "办公家具"),
        Field("其他", countAndValue, "其他固定资产"),
        Field("拟购置", .record([
            Field("金额", .amount, "本年拟购置固定资产总额"),
            Field("车辆", .count, "拟购置车辆数"),
            Field("大型设备", .count, "拟购置大型设备数"),
        ]), "本年度拟购置"),
    ])

    static let departmentPerformance = Shape.record([
        Field("总体目标", .paragraphs, "部门整体绩效目标"),
        Field("分项", .list(.record([
            Field("名称", .text, required: true, "分项名称"),
            Field("职责描述", .paragraphs, "职责描述"),
            Field("绩效目标", .paragraphs, "绩效目标"),
        ])), "分项绩效目标"),
        Field("保障措施", .paragraphs, "工作保障措施"),
        Field("任务", .list(.record([
            Field("名称", .text, required: true, "任务名称"),
            Field("内容", .text, "主要内容"),
            Field("金额", .amount, "预算金额"),
            Field("其他资金", .amount, "其中其他资金"),
        ])), "年度主要任务"),
        Field("指标", .list(indicator), "部门整体绩效指标"),
    ])

    /// The whole file.
    /// The keys a data file may have at its top: a file with none of them is not a data file.
    public static var topLevelKeys: Set<String> {
        guard case .record(let fields) = root else { return [] }
        return Set(fields.map(\.key))
    }

    public static let root = Shape.record([
        Field("名称", .text, required: true, "部门（单位）名称，如 高阳县医疗保障局"),
        Field("编码", .code(lengths: [3, 6, 9]), "部门（单位）编码，如 450、450001"),
        Field("年度", .integer(minimum: 2000, maximum: 2100), required: true, "预算年度（2000–2100）"),
        // Any name: the formats are the folders of Templates/, which stage 1 does not read; the
        // check against them is DocumentBuild's, at this line.
        Field("格式", .text, required: true, "公开格式（省份模板）：Templates/ 下的文件夹名，如 hebei（gongkai formats 列出可用的格式）"),
        Field("金额单位", .choice(AmountUnit.allCases.map(\.rawValue)), required: true, "金额单位：万元 或 元"),
        Field("层级", .choice(["部门", "单位"]), "部门预算或单位预算，默认 部门"),
        Field("单位性质", unitKinds, "行政、参公事业或事业单位（决定政府经济分类的对应关系：参公事业按行政），默认 行政"),
        Field("主管部门", .text, "主管部门名称（单位预算时）"),
        Field("主管部门编码", .code(lengths: [3, 6]), "主管部门编码"),
        Field("上年", priorYear, "上年数据：上年文件的相对路径，或直接写出上年数"),
        Field("概况", overview, "部门概况"),
        Field("所属单位", .list(memberUnit), "部门所属的单位及其类型（推算机关运行经费）"),
        Field("支出", .list(expenditureRow), required: true, "按支出功能分类科目（项）的支出"),
        Field("基本支出经济分类", .record([
            Field("人员经费", .dictionary(key: economicCode, value: economicAmount), "人员经费按部门经济分类款"),
            Field("公用经费", .dictionary(key: economicCode, value: economicAmount), "公用经费按部门经济分类款"),
        ]), "一般公共预算基本支出按部门经济分类"),
        Field("项目", .list(project), "项目明细"),
        Field("项目支出说明", .text, "项目支出主要用于什么（支出说明中“主要为……等”的部分），如“离休干部医药费、医疗救助资金”"),
        Field("政府经济科目对应", .dictionary(key: economicCode, value: .code(lengths: [3, 5])),
              "部门经济分类科目 → 政府经济分类科目，补充或改写科目库的对应关系（按单位性质），如 {30107: 50101}"),
        Field("科目名称", .dictionary(key: .code(lengths: [3, 5, 7]), value: .text), "科目库中没有的功能或经济科目的名称"),
        Field("科目说明", .dictionary(key: .code(lengths: [3, 5, 7]), value: .paragraphs), "功能科目的用途说明，如“主要用于缴纳职工住房公积金”"),
        Field("三公经费", threePublicItems, "财政拨款“三公”经费及会议费、培训费"),
        Field("机关运行经费", .record([
            Field("金额", .amount, "机关运行经费（能由所属单位推算时用于核对；否则不得多于公用经费）"),
            Field("用途", .paragraphs, "主要用途"),
        ]), "机关运行经费"),
        Field("政府采购", procurement, "政府采购预算"),
        Field("国有资产", assets, "国有资产占用情况"),
        Field("部门整体绩效", departmentPerformance, "部门整体绩效目标"),
        Field("增减原因", .record(figureReasons), "与上年相比增减变化的原因"),
        Field("核对数", .record(figureAmounts), "从预算系统抄录的合计数，只用于核对"),
        Field("其他说明", .paragraphs, "其他需要说明的事项"),
        Field("保密审查", .text, "保密审查情况，如 已审查"),
        Field("负责人审签", .text, "部门（单位）主要负责人审签情况，如 已审签"),
        Field("空表理由", .dictionary(key: .text, value: .text), "公开空表的理由，按表名，如“政府性基金: 不涉及”"),
        Field("名词解释", .list(.record([
            Field("词", .text, required: true, "名词"),
            Field("解释", .text, required: true, "解释"),
        ])), "名词解释（覆盖模板默认）"),
        Field("联系人", .record([
            Field("姓名", .text, "联系人"),
            Field("电话", .text, "联系电话"),
        ]), "联系人"),
        Field("落款日期", .date, "落款日期"),
    ])
}
