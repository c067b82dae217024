"""A real editor: Neovim's built-in LSP client, headless, runs ``flake8-flatten lsp``
on a file with a missing Flatten() and receives the FLT001 diagnostic, the hover
summary and the inlay hints, then applies the code action's edit itself.

Neovim comes from Debian (scripts/setup.sh installs it when missing).  Without it
the test skips, except where FLAKE8_FLATTEN_REQUIRE_KERAS=1 (CI): there it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_flatten.rules import lint

from .. import TESTS
from .test_lsp import BAD, BAD_SHAPES, position_of

SCRIPT = TESTS / "nvim" / "lsp_session.lua"


def nvim() -> str:
    found = shutil.which("nvim")
    if found is None:
        if os.environ.get("FLAKE8_FLATTEN_REQUIRE_KERAS"):
            pytest.fail("Neovim (nvim) is required here; scripts/setup.sh installs it with apt-get")
        pytest.skip("Neovim not installed (scripts/setup.sh installs it; CI requires it)")
    return found


def server_command() -> list:
    script = Path(sys.executable).with_name("flake8-flatten")  # the console script, as editors run it
    return [str(script), "lsp"] if script.exists() else [sys.executable, "-m", "flake8_flatten", "lsp"]


def test_neovim_gets_the_diagnostic_hover_hints_and_fix(tmp_path):
    pytest.importorskip("pygls", reason="pygls is the lsp extra")
    editor = nvim()
    path = tmp_path / "cnn.py"
    path.write_text(BAD)
    out = tmp_path / "result.json"
    hover_at = position_of(BAD, "model.summary")
    env = {**os.environ, "FLT_FILE": str(path), "FLT_OUT": str(out),
           "FLT_SERVER": "\t".join(server_command()), "FLT_HOVER": "%d,%d" % hover_at,
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    proc = subprocess.run([editor, "--headless", "--clean", "-n", "-i", "NONE",
                           "-c", f"luafile {SCRIPT}"], env=env, cwd=tmp_path,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=180)
    assert out.exists(), f"nvim wrote nothing (exit {proc.returncode}): {proc.stderr[-2000:]}"
    result = json.loads(out.read_text())
    assert result["errors"] == []

    (diag,) = result["diagnostics"]
    line, col = position_of(BAD, "layers.Dense(10")
    assert (diag["lnum"], diag["col"]) == (line, col)
    assert diag["code"] == "FLT001" and diag["source"] == "flake8-flatten"
    assert diag["message"].startswith("Dense(10) gets input (None, 13, 13, 32) of rank 4")

    hover = result["hover"]
    assert "Sequential 'model', input (None, 28, 28, 1)" in hover
    assert "dense (Dense)                 (None, 13, 13, 10)      330" in hover
    assert "Total params: 650" in hover

    labels = [hint["label"] for hint in result["hints"]]
    assert labels == ["  input (None, 28, 28, 1) · 650 params"] + [f"→ {s}" for s in BAD_SHAPES]

    assert result["actions"] == ["Insert Flatten()", "Insert GlobalAveragePooling2D()"]
    fixed = result["fixed"]
    assert "    layers.Flatten(),\n    layers.Dense(10" in fixed
    assert lint(fixed) == []
    assert result["diagnostics_after_fix"] == 0
