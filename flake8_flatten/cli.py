"""The standalone front-end: ``flake8-flatten check``, ``fix``, ``shapes`` and ``lsp``."""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from dataclasses import dataclass
from typing import List, Optional

from . import __version__, rules
from .config import ConfigError, arguments, from_arguments, keras_warning, using
from .discovery import discover
from .fix.command import fix_paths
from .notebooks import NotebookError, NotebookSource, read_notebook
from .report import COLOR_CHOICES, FORMATS, render, reported, wants_color
from .rules import suppressed
from .sources import (NOTEBOOK_SUFFIX, STDIN, UsageError, input_paths, read_bytes, read_python,
                      report_error, too_large)
from .summary import format_table, summarize


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one clear line instead of argparse's usage dump
        raise UsageError(message)


#: What ``flake8-flatten --help`` says first: every command, in a person's words.
DESCRIPTION = ("Keras shape mistakes, found without running the code. Commands: check (the FLT "
               "diagnostics, as the flake8 plugin reports them, also for notebooks), fix (insert "
               "the Flatten() each FLT001 asks for), shapes (a static model.summary()), lsp (a "
               "language server for editors).")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="flake8-flatten", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True,  # each takes --config...
                                     parser_class=functools.partial(_Parser, parents=[arguments()]))
    shapes = commands.add_parser("shapes", help="print each model's layers and output shapes")
    shapes.add_argument("--format", choices=("table", "json"), default="table")
    shapes.add_argument("paths", nargs="+", metavar="PATH")
    check = commands.add_parser("check", help="report FLT diagnostics (as the flake8 plugin does)")
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("--color", choices=COLOR_CHOICES, default="auto",
                       help="colour text output (auto: on a terminal, unless NO_COLOR is set)")
    check.add_argument("--stdin-filename", metavar="NAME",
                       help="the name of the file read from '-' (a .ipynb name reads a notebook)")
    check.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for stdin")
    fix = commands.add_parser("fix", help="insert the Flatten() each FLT001 asks for, in place")
    fix.add_argument("--diff", action="store_true",
                     help="print a unified diff and write nothing (exit 1 if there are changes)")
    fix.add_argument("--pooling", action="store_true",
                     help="insert GlobalAveragePoolingND() instead of Flatten() after feature maps")
    fix.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    lsp = commands.add_parser("lsp", help="run the language server on stdio "
                                          "(needs: pip install 'flake8-flatten[lsp]')")
    lsp.add_argument("--stdio", action="store_true", help="use stdio (the default and only transport)")
    return parser


@dataclass(frozen=True)
class SourceFile:
    """One input as Python text; a notebook's cells joined, with the map back to cells."""

    name: str  # as reports show it: the path given, or --stdin-filename for '-'
    text: str
    notebook: Optional[NotebookSource] = None


def load(path: str, stdin_name: Optional[str] = None) -> SourceFile:
    """Read a Python file or notebook ('-': stdin); UsageError if it cannot be read.
    A file too large to analyse is not read at all: a note, and no text."""
    name = (stdin_name or "stdin") if path == STDIN else path
    if too_large(path):
        return SourceFile(name, "")
    if not name.endswith(NOTEBOOK_SUFFIX):
        return SourceFile(name, read_python(path, name)[0])
    data = read_bytes(path)
    try:
        notebook = read_notebook(data.decode("utf-8-sig"))  # nbformat: UTF-8 JSON
    except (UnicodeDecodeError, NotebookError) as exc:
        raise UsageError(f"cannot read {name}: {exc}") from exc
    return SourceFile(name, notebook.text, notebook)


def run_shapes(args: argparse.Namespace) -> int:
    sources = [load(path) for path in input_paths(args.paths)]
    records = [summarize(model, source.name, source.notebook) for source in sources
               for model in discover(source.text)]
    if args.format == "json":
        print(json.dumps({"models": records}, indent=2))
    else:
        print(format_table(records) if records else "no Keras models found")
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Exit 1 if anything is found, 2 if an input could not be read or checked (the others
    still are)."""
    found, unreadable = [], False
    for path in input_paths(args.paths):
        try:
            source = load(path, args.stdin_filename)
            findings = rules.lint(source.text)  # looked up per call: tests replace it
        except Exception as exc:  # noqa: BLE001 -- a bug on one file must not hide the others
            report_error(exc if isinstance(exc, UsageError) else
                         f"internal error while checking {path}: {type(exc).__name__}: {exc}")
            unreadable = True
            continue
        lines = source.text.splitlines()
        found.extend(reported(source.name, finding, source.notebook) for finding in findings
                     if not suppressed(lines, finding))
    sys.stdout.write(render(args.format, found, wants_color(args.color, sys.stdout, os.environ)))
    return 2 if unreadable else 1 if found else 0


def run_fix(args: argparse.Namespace) -> int:
    return fix_paths(args.paths, args.diff, args.pooling)


def run_lsp(args: argparse.Namespace) -> int:
    try:  # pygls is an optional extra: imported here only
        from .lsp.server import main as serve
    except ImportError as exc:
        raise UsageError(f"the language server needs pygls: pip install 'flake8-flatten[lsp]' "
                         f"({exc})") from exc
    flags = {"sequence-axes": args.sequence_axes, "verify": args.verify,
             "dense-like": args.dense_like}  # the defaults under the client's settings
    return serve({key: value for key, value in flags.items() if value is not None}, args.config)


COMMANDS = {"shapes": run_shapes, "check": run_check, "fix": run_fix, "lsp": run_lsp}


def main(argv: Optional[List[str]] = None) -> int:
    try:
        args = _parser().parse_args(argv)
        if args.command == "lsp":  # settings per document (pyproject.toml, the client)
            return run_lsp(args)
        options = from_arguments(args)  # pyproject.toml's options, flags over them
        said = keras_warning(options)  # keras-version = auto could not tell which Keras
        if said:
            print(f"flake8-flatten: warning: {said}", file=sys.stderr)
        with using(options):
            return COMMANDS[args.command](args)
    except (UsageError, ConfigError) as exc:
        report_error(exc)
        return 2
    except BrokenPipeError:  # ``flake8-flatten shapes ... | head``: the reader left
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
