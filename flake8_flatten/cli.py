"""The standalone front-end: ``flake8-flatten shapes`` and ``flake8-flatten check``."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tokenize
from typing import Iterator, List, Optional, Tuple

from . import __version__


class UsageError(Exception):
    """Bad input to the CLI: reported as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one clear line instead of argparse's usage dump
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="flake8-flatten", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    shapes = commands.add_parser("shapes", help="print each model's layers and output shapes")
    shapes.add_argument("--format", choices=("table", "json"), default="table")
    shapes.add_argument("paths", nargs="+", metavar="PATH")
    check = commands.add_parser("check", help="report FLT diagnostics (as the flake8 plugin does)")
    check.add_argument("paths", nargs="+", metavar="PATH")
    return parser


def python_files(paths: List[str]) -> Iterator[str]:
    """The named files, and the .py files under named directories, in sorted order."""
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.endswith(".py"):
                        yield os.path.join(root, name)
        elif os.path.isfile(path) or path == "-":
            yield path
        else:
            raise UsageError(f"no such file or directory: {path}")


def read_source(path: str) -> str:
    """The file's text, decoded as Python does (PEP 263); '-' reads stdin."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:
                data = handle.read()
        import io

        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding)
    except (OSError, SyntaxError, UnicodeDecodeError, LookupError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from exc


def _sources(paths: List[str]) -> Iterator[Tuple[str, str]]:
    for path in python_files(paths):
        yield ("stdin" if path == "-" else path), read_source(path)


def run_shapes(paths: List[str], fmt: str) -> int:
    from .discovery import discover
    from .summary import format_table, summarize

    records = [summarize(model, path) for path, source in _sources(paths)
               for model in discover(source)]
    if fmt == "json":
        print(json.dumps({"models": records}, indent=2))
    else:
        print(format_table(records) if records else "no Keras models found")
    return 0


def run_check(paths: List[str]) -> int:
    from .rules import lint

    found = 0
    for path, source in _sources(paths):
        for finding in lint(source):
            found += 1
            print(f"{path}:{finding.line}:{finding.col + 1}: {finding}")
    return 1 if found else 0


def main(argv: Optional[List[str]] = None) -> int:
    try:
        args = _parser().parse_args(argv)
        if args.command == "shapes":
            return run_shapes(args.paths, args.format)
        return run_check(args.paths)
    except UsageError as exc:
        print(f"flake8-flatten: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
