"""``flake8-flatten lsp`` whose analysis raises on a buffer containing "CRASH": for
tests/frontends/test_lsp.py, which checks the error is logged and the server keeps serving."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flake8_flatten.lsp import analysis, server  # noqa: E402

_analyse = analysis.analyse


def analyse(text, *args, **kwargs):
    if "CRASH" in text:
        raise RuntimeError("analysis crashed on purpose")
    return _analyse(text, *args, **kwargs)


analysis.analyse = analyse

if __name__ == "__main__":
    sys.exit(server.main())
