"""The command line on a console that cannot print everything: a Chinese Windows console or a redirected output
(GBK), an ASCII one (``LC_ALL=C`` without UTF-8 mode). Real processes; nothing requires ``PYTHONIOENCODING``:
a character the console lacks comes out escaped, the command finishes, and the exit code is its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RARE = "\U00020bb7"  # 𠮷, a name character outside GBK (in GB18030 only)


def _run(env_extra: dict[str, str], *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONIOENCODING", "LC_", "PYTHONUTF8"))}
    env.update({"PYTHONPATH": str(REPO), "SURVEY_APP_DATA": str(cwd / "data"), **env_extra})
    return subprocess.run([sys.executable, "-m", "survey_app", *args], capture_output=True, cwd=cwd, env=env,
                          stdin=subprocess.DEVNULL, timeout=300)


ASCII_CONSOLE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}


def test_an_ascii_console_gets_escapes_not_a_crash(tmp_path: Path) -> None:
    helped = _run(ASCII_CONSOLE, "--help", cwd=tmp_path)
    assert helped.returncode == 0, helped.stderr.decode("ascii", "replace")
    assert b"\\u5f81\\u6536" in helped.stdout  # 征收, escaped: nothing lost, nothing raised
    upper = _run(ASCII_CONSOLE, "upper", "1409.50", cwd=tmp_path)
    assert upper.returncode == 0 and upper.stdout.decode("ascii").strip() == (
        "人民币壹仟肆佰零玖元伍角".encode("ascii", "backslashreplace").decode())
    missing = tmp_path / f"{RARE} 项目" / "方案.toml"
    refused = _run(ASCII_CONSOLE, "calc", "--policy", str(missing), "--household", "x.json", cwd=tmp_path)
    err = refused.stderr.decode("ascii")  # every byte ASCII
    assert refused.returncode == 1 and "Traceback" not in err and "\\u9519\\u8bef" in err  # 错误: …


def test_a_gbk_console_reads_chinese_and_file_names(tmp_path: Path) -> None:
    folder = tmp_path / f"{RARE}家 项目"
    done = _run({"PYTHONIOENCODING": "gbk", "PYTHONUTF8": "0"}, "--db", str(folder / "演示.sqlite3"), "demo",
                "--households", "8", "--seed", "2", cwd=tmp_path)
    out, err = done.stdout.decode("gbk"), done.stderr.decode("gbk")  # both are valid GBK
    assert done.returncode == 0, err
    assert "已生成 8 户" in out and "演示账号" in out
    assert f"\\U00020bb7家 项目{os.sep}演示.sqlite3" in out  # the name GBK lacks, escaped; the rest readable
    assert "Traceback" not in err and (folder / "演示.sqlite3").is_file()
