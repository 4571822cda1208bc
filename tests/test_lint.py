"""The code stays clean by the project's own linters (`make lint`): ruff over the repository and mypy over the
library. A finding fails the suite, so a later change cannot leave them red."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("command", [
    [sys.executable, "-m", "ruff", "check", "."],
    [sys.executable, "-m", "mypy", "assistant"],
], ids=["ruff", "mypy"])
def test_linters_find_nothing(command: list[str]) -> None:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
