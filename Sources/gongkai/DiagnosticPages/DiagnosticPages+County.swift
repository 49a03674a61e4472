extension DiagnosticPage {
    /// G11 县设置.
    static let countyPages: [DiagnosticPage] = [
        DiagnosticPage(
            code: "G1101",
            explanation: """
                县文件夹根上的 县设置.yaml 有错：未知的键、值的写法不对、县科目库没有写“科目来源”、找不到字体角色表等。
                县设置有错时，batch 不排任何部门。
                """,
            example: """
                # 县/县设置.yaml
                县: 高阳县
                格式: hebei
                年度: 2025
                联系电话: 0312-1234567
                # 运行：gongkai batch 县/ --out-dir 公开/
                """,
            output: "县/县设置.yaml:4:1: 错误: 县设置中没有键“联系电话”（可用：县、格式、年度、名词解释、联系人、政府经济科目对应、字体、科目来源、科目） [G1101]",
            fix: """
                按消息改正（这里应写 联系人: {姓名: 张三, 电话: 0312-1234567}）。
                县设置的写法见 docs/county.md。
                """),
        DiagnosticPage(
            code: "G1102",
            explanation: "县设置.yaml 读不进来：不是 UTF-8 文本（如以 GBK 保存），或大于 4 MiB。",
            example: """
                $ iconv -f UTF-8 -t GBK 原.yaml > 县/县设置.yaml
                $ gongkai batch 县/ --out-dir 公开/
                """,
            output: "县/县设置.yaml: 错误: 无法读取县设置（应为不超过 4 MiB 的 UTF-8 文本） [G1102]",
            fix: "以 UTF-8 重新保存，或转换：iconv -f GBK -t UTF-8 县设置.yaml > 新.yaml，再改回原名。"),
    ]
}
