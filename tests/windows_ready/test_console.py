"""The command line on a console that cannot print everything: a Chinese Windows console or a redirected output
(GBK), an ASCII one (``LC_ALL=C`` without UTF-8 mode). Real processes; nothing requires ``PYTHONIOENCODING``:
a character the console lacks comes out escaped, the command finishes, and the exit code is its own."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RARE = "\U00020bb7"  # 𠮷, a name character outside GBK (in GB18030 only)


def _env(env_extra: dict[str, str], cwd: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONIOENCODING", "LC_", "PYTHONUTF8"))}
    env.update({"PYTHONPATH": str(REPO), "SURVEY_APP_DATA": str(cwd / "data"), **env_extra})
    return env


def _run(env_extra: dict[str, str], *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "survey_app", *args], capture_output=True, cwd=cwd,
                          env=_env(env_extra, cwd), stdin=subprocess.DEVNULL, timeout=300)


# Several commands in ONE process on the same console (each process start costs ~1 CPU-s): each runs the
# module ``python -m survey_app`` runs (``survey_app/__main__.py``, by runpy, with its words in sys.argv as the
# console passed them), its exit code caught from SystemExit as the interpreter would turn it into the
# process's; then an ASCII mark on both streams closes its output.
_SEPARATOR = "@@next@@"
_SEVERAL = r"""
import runpy, sys
commands = [[]]
for word in sys.argv[1:]:
    if word == "@@next@@":  # _SEPARATOR
        commands.append([])
    else:
        commands[-1].append(word)
for argv in commands:
    sys.argv = ["survey_app", *argv]
    try:
        runpy.run_module("survey_app", run_name="__main__")
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    for stream in (sys.stdout, sys.stderr):
        stream.write("\n@@exit %d@@\n" % code)
        stream.flush()
"""
_MARK = re.compile(rb"\n@@exit (-?\d+)@@\n")


def _run_several(env_extra: dict[str, str], commands: list[list[str]], *, cwd: Path
                 ) -> list[subprocess.CompletedProcess]:
    """``python -m survey_app`` for each of ``commands``, in one real process on the console ``env_extra`` makes."""
    words = [w for command in commands for w in (_SEPARATOR, *command)][1:]
    done = subprocess.run([sys.executable, "-c", _SEVERAL, *words], capture_output=True, cwd=cwd,
                          env=_env(env_extra, cwd), stdin=subprocess.DEVNULL, timeout=300)
    assert done.returncode == 0, done.stderr.decode("ascii", "replace")
    outs, errs = _MARK.split(done.stdout), _MARK.split(done.stderr)
    assert len(outs) == len(errs) == 2 * len(commands) + 1 and outs[-1] == errs[-1] == b"", (outs, errs)
    assert outs[1::2] == errs[1::2]
    return [subprocess.CompletedProcess(args, int(code), out, err)
            for args, code, out, err in zip(commands, outs[1::2], outs[0::2], errs[0::2])]


ASCII_CONSOLE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}


def test_an_ascii_console_gets_escapes_not_a_crash(tmp_path: Path) -> None:
    missing = tmp_path / f"{RARE} 项目" / "方案.toml"
    helped, upper, refused = _run_several(ASCII_CONSOLE, [
        ["--help"], ["upper", "1409.50"], ["calc", "--policy", str(missing), "--household", "x.json"]], cwd=tmp_path)
    assert helped.returncode == 0, helped.stderr.decode("ascii", "replace")
    assert b"\\u5f81\\u6536" in helped.stdout  # 征收, escaped: nothing lost, nothing raised
    assert upper.returncode == 0 and upper.stdout.decode("ascii").strip() == (
        "人民币壹仟肆佰零玖元伍角".encode("ascii", "backslashreplace").decode())
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
