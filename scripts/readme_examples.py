"""Run every example of README.md and write what it prints under it, so that the README shows
what the commands print today (``tests/test_readme.py`` runs ``--check``).

    python scripts/readme_examples.py           # run the examples, rewrite README.md's outputs
    python scripts/readme_examples.py --check   # run them, exit 1 (with a diff) if README.md differs

In README.md a fenced block of lines starting with ``$ `` is a session: each ``$`` line is a
command, the lines under it what it prints (its standard output; a failing command's error).
The commands run in order, in a fresh folder where ``data/`` is this repository's, so that the
first ``armedkg build`` makes the store the others read. ``armedkg`` commands run in this process
(one Python start, one model load per build); a command ending in ``&`` starts a server in the
background (its port replaced by a free one while it runs), stopped at the end of its block.
Timings such as ``(5.3 s)`` are written as they come and compared as ``(… s)``.

An HTML comment before a block says what to do with it: ``<!-- readme: run, output not shown -->``
runs its commands and checks they succeed without printing their output under them (long
tables); ``<!-- readme: not run -->`` marks a block that is no example to run (``make`` targets
that run this script's own tests, or need ../shared).
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"(?:<!-- readme: (?P<mode>[^>]*?) -->\n)?```\n(?P<body>.*?)```", re.S)
TIMING = re.compile(r"\(\d+(?:\.\d+)? s\)")
PORT = "7878"


@dataclass
class Command:
    line: str  # as written after "$ "
    shown: list[str] = field(default_factory=list)  # the lines under it in the README
    printed: list[str] = field(default_factory=list)  # what it printed when run
    code: int = 0


@dataclass
class Block:
    start: int  # offsets of the body in the README text
    end: int
    mode: str  # "show", "run" or "skip"
    commands: list[Command]


def parse(text: str) -> list[Block]:
    """The README's session blocks (fenced blocks whose first line starts with ``$ ``)."""
    blocks = []
    for match in BLOCK.finditer(text):
        body = match.group("body")
        if not body.startswith("$ "):
            continue
        mode = {"run, output not shown": "run", "not run": "skip"}.get((match.group("mode") or "").strip(), "show")
        commands: list[Command] = []
        for line in body.rstrip("\n").split("\n"):
            if line.startswith("$ "):
                commands.append(Command(line[2:]))
            elif commands:
                commands[-1].shown.append(line)
        for command in commands:
            while command.shown and not command.shown[-1].strip():
                command.shown.pop()
        blocks.append(Block(match.start("body"), match.end("body"), mode, commands))
    return blocks


def free_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return str(s.getsockname()[1])


def _argv(line: str, port: str) -> list[str]:
    return shlex.split(line.replace(PORT, port), comments=True)


def run_armedkg(argv: list[str]) -> tuple[list[str], int]:
    """An ``armedkg`` command in this process: its standard output (and its error, if it fails)."""
    from typer.testing import CliRunner

    from builder.cli import app

    result = CliRunner().invoke(app, argv[1:])
    text = result.stdout if result.exit_code == 0 else result.stdout + result.stderr
    if result.exception and not isinstance(result.exception, SystemExit):
        raise RuntimeError(f"'{' '.join(argv)}' raised {result.exception!r}") from result.exception
    return text.rstrip("\n").split("\n") if text.strip() else [], result.exit_code


def start_server(argv: list[str], port: str) -> subprocess.Popen:
    """A server command in the background; returns once it answers on ``port``."""
    if argv[0] == "armedkg":
        argv = [sys.executable, "-m", "builder.cli", *argv[1:]]
    else:
        argv = [str(Path(sys.executable).parent / argv[0]) if (Path(sys.executable).parent / argv[0]).exists() else argv[0], *argv[1:]]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)})
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"'{' '.join(argv)}' stopped with code {proc.returncode}") from None
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"'{' '.join(argv)}' did not answer on port {port}")


def run_block(block: Block) -> None:
    """Run a block's commands in order (servers in the background until the block ends)."""
    port = free_port()
    servers: list[subprocess.Popen] = []
    try:
        for command in block.commands:
            argv = _argv(command.line, port)
            if argv and argv[-1] == "&":
                servers.append(start_server(argv[:-1], port))
                continue
            if argv[0] != "armedkg":
                raise RuntimeError(f"README example '{command.line}' is not an armedkg command; mark its block 'not run'")
            printed, command.code = run_armedkg(argv)
            command.printed = [line.replace(port, PORT) for line in printed]
    finally:
        for proc in servers:
            proc.terminate()
            proc.wait(10)


@contextmanager
def sandbox():
    """A fresh working folder where ``data`` is this repository's."""
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.symlink(ROOT / "data", Path(tmp) / "data")
        os.chdir(tmp)
        try:
            yield Path(tmp)
        finally:
            os.chdir(here)


def run(text: str) -> list[Block]:
    blocks = parse(text)
    with sandbox():
        for block in blocks:
            if block.mode != "skip":
                run_block(block)
    return blocks


def render(text: str, blocks: list[Block]) -> str:
    """The README with each shown command's output replaced by what it printed."""
    out, last = [], 0
    for block in blocks:
        out.append(text[last : block.start])
        lines = []
        for i, command in enumerate(block.commands):
            lines.append("$ " + command.line)
            if block.mode != "show":
                lines += command.shown
                continue
            lines += command.printed
            if len(command.printed) > 1 and i + 1 < len(block.commands):
                lines.append("")  # a table, then a blank line before the next command
        out.append("\n".join(lines) + "\n")
        last = block.end
    out.append(text[last:])
    return "".join(out)


def problems(blocks: list[Block]) -> list[str]:
    """Commands that failed although the README shows no error for them."""
    return [f"'{c.line}' exited with {c.code}: {' '.join(c.printed)[:300]}" for b in blocks for c in b.commands
            if b.mode != "skip" and c.code != 0 and not any(line.startswith("[E") for line in c.shown)]  # fmt: skip


def main(check: bool = False) -> int:
    text = README.read_text(encoding="utf-8")
    blocks = run(text)
    failed = problems(blocks)
    for line in failed:
        print(line, file=sys.stderr)
    new = render(text, blocks)
    if check:
        old_norm, new_norm = TIMING.sub("(… s)", text), TIMING.sub("(… s)", new)
        if old_norm != new_norm:
            sys.stderr.writelines(difflib.unified_diff(old_norm.splitlines(True), new_norm.splitlines(True), "README.md", "what the commands print"))
            return 1
        return 1 if failed else 0
    README.write_text(new, encoding="utf-8")
    print(f"README.md: {sum(len(b.commands) for b in blocks if b.mode != 'skip')} commands run")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main("--check" in sys.argv[1:]))
