"""English for the HQ 补偿方案 tab (survey_app/ui/hq/policy_tab.py). Merged by fill_en.py:
``EN = {context: {chinese source: english}}``."""

EN: dict[str, dict[str, str]] = {
    "PublishDialog": {
        "发布补偿方案": "Publish compensation policy",
        "将发布：{label}\n内容哈希（发布后锁定，不能再修改）：\n{hash}":
            "About to publish: {label}\nContent hash (locked once published, never changed):\n{hash}",
        "发布原因，如：依据××号文调整临时安置费标准":
            "Reason, e.g. transition fee adjusted under notice no. ××",
        "发布原因（可不填，默认“首次发布”）": "Reason (optional; default “first version”)",
        "发布": "Publish",
        "发布原因": "Reason",
    },
    "PolicyTab": {
        "载入方案文件…": "Load policy file…",
        "发布…": "Publish…",
        "尚未载入方案文件。载入后先列出全部问题，再可试算、比较和发布。":
            "No policy file loaded. Loading lists every problem first; then preview, compare and publish.",
        "问题": "Problems",
        "白话说明": "Plain explanation",
        "试算预览": "Preview",
        "与已发布版本比较": "Compare with published",
        "版本与重新测算": "Versions and recalculation",
        "内置样例户": "Built-in sample household",
        "本项目住户，户号：": "Project household, code:",
        "试算": "Calculate",
        "已发布的版本（最新在前）": "Published versions (newest first)",
        "选择补偿方案文件": "Choose a policy file",
        "补偿方案 (*.toml);;所有文件 (*)": "Policy files (*.toml);;All files (*)",
        "正在检查方案…": "Checking the policy…",
        "没有发现问题。": "No problems found.",
        "与已发布的“{label}”相比：": "Compared with the published “{label}”:",
        "本项目还没有已发布的版本：这将是第一个版本。":
            "This project has no published version yet: this will be the first.",
        "{name}：检查通过，内容哈希 {hash}": "{name}: checked, content hash {hash}",
        "{name}：发现 {n} 个问题，须改正后才能发布": "{name}: {n} problem(s) found; correct them before publishing",
        "此文件与当前已发布版本内容相同，无需发布。":
            "This file has the same content as the current published version: nothing to publish.",
        "操作未能完成，请重试或联系技术支持。": "The operation could not be completed. Try again or contact support.",
        "请输入户号，或选择内置样例户。": "Enter a household code, or choose the built-in sample household.",
        "试算未能完成。": "The preview calculation could not be completed.",
        "正在试算…": "Calculating…",
        "正在发布…": "Publishing…",
        "已发布“{label}”，内容哈希 {hash}。新版本将随下一次任务包下发到笔记本；"
        "按旧版本测算的住户列在“版本与重新测算”中，需重新测算（未自动改动）。":
            "Published “{label}”, content hash {hash}. The new version goes to the laptops with the next "
            "assignment bundle; households calculated under an older version are listed under “Versions and "
            "recalculation” and need recalculating (nothing was changed automatically).",
        "当前": "current",
        "旧版本": "older",
        "　原因：{reason}": "  reason: {reason}",
        "还没有发布过补偿方案。": "No policy has been published yet.",
        "按旧版本测算、需要重新测算的住户：{n} 户（不会自动重新测算，也不会改动已有测算）":
            "Households calculated under an older version, to recalculate: {n} (nothing is recalculated "
            "or changed automatically)",
    },
}
