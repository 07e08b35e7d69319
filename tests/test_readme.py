"""Every `$ ` example of README.md runs, in order, and prints what the README shows under it
(timings aside): scripts/readme_examples.py --check. After a change that moves a figure (the
extraction finds more, a column is added), run `python scripts/readme_examples.py` to rewrite the
README's outputs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("java") is None, reason="the README's 'armedkg reason' runs HermiT, which needs Java")
def test_readme_examples_print_what_the_readme_shows():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "readme_examples.py"), "--check"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-6000:]


def test_readme_examples_parse_and_render_round_trip():
    sys.path.insert(0, str(ROOT / "scripts"))
    import readme_examples

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = readme_examples.parse(text)
    commands = [c.line for b in blocks if b.mode != "skip" for c in b.commands]
    assert len(commands) >= 30 and commands[0] == "armedkg build data/samples"
    assert any(c.startswith("armedkg serve") and c.endswith("&") for c in commands)
    for block in blocks:  # rendering what the README shows gives the README back
        for command in block.commands:
            command.printed = command.shown
    assert readme_examples.render(text, blocks) == text
