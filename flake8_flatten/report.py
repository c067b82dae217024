"""Output formats of ``flake8-flatten check``: text, JSON, SARIF 2.1.0, GitHub annotations.

Every format renders the same ``Reported`` records, so a position means the same in all
of them: ``line`` is the line in the file (for a notebook, in its code cells joined in
order), ``column`` is 1-based, and a notebook finding also names its cell.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Dict, Mapping, Optional, Sequence, TextIO
from urllib.parse import quote

from . import __version__
from .notebooks import NotebookSource
from .rules import Finding
from .rules.catalog import README_URL, rules

FORMATS = ("text", "json", "sarif", "github")
COLOR_CHOICES = ("auto", "always", "never")

SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"  # SARIF uriBaseId: relative paths are relative to the working directory

_BOLD, _RED, _CYAN, _RESET = "\033[1m", "\033[31m", "\033[36m", "\033[m"
_GITHUB_COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


@dataclass(frozen=True)
class Reported:
    """One finding with its place; the JSON format prints exactly these fields."""

    path: str
    line: int  # 1-based; in a notebook, the line in its joined code cells
    column: int  # 1-based
    code: str
    message: str
    cell: Optional[int] = None  # notebooks: code cell number, from 1
    cell_line: Optional[int] = None  # notebooks: line in that cell, from 1


def reported(path: str, finding: Finding, notebook: Optional[NotebookSource] = None) -> Reported:
    cell = cell_line = None
    if notebook is not None:
        cell, cell_line = notebook.locate(finding.line)
    return Reported(path, finding.line, finding.col + 1, finding.code, finding.message,
                    cell, cell_line)


def wants_color(choice: str, stream: TextIO, environ: Mapping[str, str]) -> bool:
    """--color: 'auto' colours a terminal unless NO_COLOR is set (https://no-color.org)."""
    if choice != "auto":
        return choice == "always"
    return not environ.get("NO_COLOR") and stream.isatty()


def render(fmt: str, findings: Sequence[Reported], color: bool = False) -> str:
    """All findings in one format, as the text to write to stdout (empty for none in text)."""
    return _RENDERERS[fmt](findings, color)


def render_text(findings: Sequence[Reported], color: bool) -> str:
    """flake8's ``path:line:col: CODE message``; notebooks ``path:cell_N:line:col: ...``."""
    return "".join(_text_line(finding, color) + "\n" for finding in findings)


def _text_line(finding: Reported, color: bool) -> str:
    place = ([finding.path] + ([f"cell_{finding.cell}", str(finding.cell_line)]
                               if finding.cell is not None else [str(finding.line)])
             + [str(finding.column)])
    if not color:
        return ":".join(place) + f": {finding.code} {finding.message}"
    separator = f"{_CYAN}:{_RESET}"
    return (f"{_BOLD}{place[0]}{_RESET}{separator}" + separator.join(place[1:]) + separator
            + f" {_BOLD}{_RED}{finding.code}{_RESET} {finding.message}")


def render_json(findings: Sequence[Reported], color: bool = False) -> str:
    return json.dumps([asdict(finding) for finding in findings], indent=2) + "\n"


def render_sarif(findings: Sequence[Reported], color: bool = False) -> str:
    return json.dumps(sarif_log(findings), indent=2) + "\n"


def sarif_log(findings: Sequence[Reported]) -> dict:
    """A SARIF 2.1.0 log with one run: the rule catalog and one result per finding."""
    catalog = rules()
    index = {code: position for position, code in enumerate(catalog)}
    driver = {
        "name": "flake8-flatten",
        "version": __version__,
        "informationUri": README_URL,
        "rules": [{
            "id": rule.code,
            "shortDescription": {"text": rule.short_description},
            "fullDescription": {"text": rule.full_description},
            "helpUri": rule.help_uri,
            "defaultConfiguration": {"level": rule.level},
        } for rule in catalog.values()],
    }
    return {
        "$schema": SARIF_SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "originalUriBaseIds": {SOURCE_ROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
            "results": [_sarif_result(finding, catalog[finding.code].level, index[finding.code])
                        for finding in findings],
        }],
    }


def _sarif_result(finding: Reported, level: str, rule_index: int) -> dict:
    result = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": level,
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": artifact_location(finding.path),
            "region": {"startLine": finding.line, "startColumn": finding.column},
        }}],
    }
    if finding.cell is not None:
        result["properties"] = {"notebookCell": finding.cell, "notebookCellLine": finding.cell_line}
    return result


def artifact_location(path: str) -> dict:
    """A path under the working directory as a relative URI (to %SRCROOT%), others absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(Path.cwd())
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": SOURCE_ROOT}


def render_github(findings: Sequence[Reported], color: bool = False) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    catalog = rules()
    lines = []
    for finding in findings:
        title = finding.code if finding.cell is None else (
            f"{finding.code} (cell {finding.cell}, line {finding.cell_line})")
        properties = ",".join(f"{key}={_escape_property(str(value))}" for key, value in (
            ("file", Path(finding.path).as_posix()), ("line", finding.line),
            ("col", finding.column), ("title", title)))
        command = _GITHUB_COMMANDS[catalog[finding.code].level]
        lines.append(f"::{command} {properties}::{_escape_data(finding.message)}\n")
    return "".join(lines)


def _escape_data(text: str) -> str:
    """GitHub's escaping of a command's message: %, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A property value additionally escapes the ':' and ',' that delimit properties."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_RENDERERS: Dict[str, Callable[[Sequence[Reported], bool], str]] = {
    "text": render_text, "json": render_json, "sarif": render_sarif, "github": render_github,
}
