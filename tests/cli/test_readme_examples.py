"""Every command line in the README's 命令行 block runs as written, in order, in an empty folder.

The block is read from README.md itself, so an example that stops working (a renamed option, a household that
is not 已测算 in the demo, a password the demo does not have) fails here. Lines run in-process through the CLI's
main(); `export` lines and ``VAR=value`` prefixes set the environment; ``…`` stands for a password the reader
chooses, and the test chooses one. The district's roster and the appraiser's results (入户名册.xlsx,
评估结果.xlsx) are the two files a reader brings: the test writes them as a district would. Relative paths under
the repository (resources/, docs/) resolve against it; /tmp/… against the test's own folder. The benchmark line
(`python -m bench …`) is not a survey-app command and is left to `make bench`. ``demo-sync`` runs as written
but builds its HQ from 12 demo households instead of its default 300 (``SYNC_DEMO_HOUSEHOLDS``: what the
line shows — the option parsing, the HQ, the two enrolled laptops and the USB folder — does not depend on
the size, and 300 cost ~7 CPU-s here; tests/sync and tests/ui run the same demo at 12 and 30).
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SYNC_DEMO_HOUSEHOLDS = 12
CHOSEN = {"SURVEY_APP_PASSWORD": "Gd7!admin-pass-24", "SURVEY_APP_RECOVERY_PASSWORD": "Rc7!recovery-pass-2",
          "SURVEY_APP_NEW_PASSWORD": "Zh5!worker-pass-8"}


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## 命令行 / Command line", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines, pending = [], ""
    for raw in block.splitlines():
        line = re.sub(r"\s+#\s.*$", "", raw).strip()  # comments after two spaces and a '#'
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        lines.append(pending + line)
        pending = ""
    return lines


def _groups() -> dict[str, list[str]]:
    """The block in the reader's order: the real project, then the demo (its own `export` starts it)."""
    real, demo, current = [], [], None
    for line in readme_commands():
        if line.startswith("export ") and "hq123456" in line:
            current = demo
        elif current is None:
            current = real
        current.append(line)
    return {"real_project": real, "demo": [x for x in demo if "demo-sync" not in x],
            "demo_sync": [x for x in demo if "demo-sync" in x or x.startswith("export ")]}


def _write_district_files(folder: Path) -> None:
    from openpyxl import Workbook

    from survey_app.core.domain.validation import resident_id_check_digit

    def ident(n: int) -> str:
        first17 = f"43010219{60 + n:02d}0{n % 9 + 1}1{n:01d}{n:03d}"[:17]
        return first17 + resident_id_check_digit(first17)

    roster = Workbook()
    ws = roster.active
    ws.append(["芙蓉路片区入户调查名册"])
    ws.append(["序号", "户号", "户主姓名", "公民身份号码", "联系电话", "房屋坐落", "地块", "产权证号", "建筑面积（㎡）", "用途"])
    for n, name in enumerate(["刘建华", "陈秀英", "周国强"], start=1):
        ws.append([n, f"A1-{n:04d}", name, ident(n), f"1397310{n:04d}", f"芙蓉区古稻田路{n}号", "A1",
                   f"湘(2019)长沙市不动产权第{n:07d}号", "56.30", "住宅"])
    roster.save(folder / "入户名册.xlsx")
    appraisals = Workbook()
    ws = appraisals.active
    ws.append(["户号", "部位", "评估单价（元/㎡）", "结构", "评估报告编号", "评估机构"])
    for n in range(1, 4):
        ws.append([f"A1-{n:04d}", "证载房屋", "13670", "砖混", f"湘华评字〔2024〕第{n:03d}号", "湖南华信房地产评估有限公司"])
    appraisals.save(folder / "评估结果.xlsx")


def _argv(line: str, folder: Path, env: dict[str, str]) -> list[str] | None:
    words = shlex.split(line)
    if words[0] == "export":
        for pair in words[1:]:
            key, value = pair.split("=", 1)
            env[key] = CHOSEN[key] if value == "…" else value
        return None
    while "=" in words[0] and not words[0].startswith(("-", ".")):
        key, value = words.pop(0).split("=", 1)
        env[key] = CHOSEN[key] if value == "…" else value
    if words[0] != ".venv/bin/survey-app":
        assert words[:3] == [".venv/bin/python", "-m", "bench"], f"README 中有测试不认识的命令：{line}"
        return None
    args = []
    for w in words[1:]:
        if w.startswith("/tmp/"):
            w = str(folder / w[len("/tmp/"):])
        elif (ROOT / w).exists() and "/" in w:
            w = str(ROOT / w)
        args.append(w)
    return args


@pytest.mark.parametrize("group", ["real_project", "demo", "demo_sync"])
def test_every_readme_command_runs(group: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture) -> None:
    from survey_app.cli import main

    commands = _groups()[group]
    assert len(commands) >= 2, "README 的命令行示例少了一组"
    monkeypatch.chdir(tmp_path)
    _write_district_files(tmp_path)
    if group == "demo_sync":
        from survey_app.core.services.demo import sync_demo

        made = []
        real = sync_demo.create_sync_demo

        def smaller(folder: Path, *, households: int = 300, seed: int = 1) -> sync_demo.SyncDemo:
            made.append(households)
            return real(folder, households=min(households, SYNC_DEMO_HOUSEHOLDS), seed=seed)

        monkeypatch.setattr(sync_demo, "create_sync_demo", smaller)
    env: dict[str, str] = {}
    for line in commands:
        args = _argv(line, tmp_path, env)
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        if args is None:
            continue
        code = main(args)
        out, err = capsys.readouterr()
        assert code == 0, f"README 示例失败：{line}\n{out}\n{err}"
        assert "Traceback" not in out + err
    if group == "real_project":
        assert (tmp_path / "名册模板.xlsx").is_file() and (tmp_path / "台账.xlsx").is_file()
    if group == "demo":
        assert (tmp_path / "协议.pdf").read_bytes().startswith(b"%PDF")
    if group == "demo_sync":
        assert made == [300]  # the README's line, parsed as written (its default size), ran once
        assert (tmp_path / "sync-demo" / "hq.sqlite3").is_file() and (tmp_path / "sync-demo" / "usb").is_dir()


def test_the_readme_block_is_read_whole() -> None:
    """The parser sees every survey-app line of the block (a broken split would make the test above vacuous)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8").split("## 命令行 / Command line", 1)[1]
    block = text.split("```sh", 1)[1].split("```", 1)[0]
    expected = sum(1 for raw in block.splitlines() if ".venv/bin/survey-app" in raw)
    groups = _groups()
    seen = {line for g in groups.values() for line in g if "survey-app" in line}
    assert len(seen) == expected
