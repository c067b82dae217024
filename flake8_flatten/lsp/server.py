"""The pygls language server: ``flake8-flatten lsp`` (stdio).

Per document it keeps the current `Analysis` and the last one whose text parsed.
A change only re-arms a timer (debounce, ``debounce`` ms, 150 by default); when it
fires, the buffer is analysed, diagnostics are published and the client is asked
to refresh its inlay hints.  A request (inlay hints, hover, code action) that finds
the analysis out of date runs it first, so answers always match the text.  Any
exception inside the analysis is logged through ``window/logMessage`` and the last
results stay: the server keeps running whatever the buffer holds.
"""

from __future__ import annotations

import asyncio
import difflib
import gc
import logging
import os
import re
import time
import traceback
from dataclasses import dataclass, field, replace
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from .. import __version__
from ..config import (ConfigError, Options, dense_like_names, keras_version_value, load_pyproject,
                      split_names)
from ..fix import fix_source
from ..notebooks import join_cells
from ..rules.catalog import rules
from . import analysis as _analysis
from .analysis import Analysis, Span, carry_over, hover_text, models_at

NAME = "flake8-flatten"
SOURCE = "flake8-flatten"
#: Settings keys (``workspace/configuration`` section ``flake8-flatten``, or
#: ``initializationOptions``), as in ``[tool.flake8-flatten]``; camelCase works too.
SETTING_KEYS = ("sequence-axes", "verify", "dense-like", "assume-keras", "keras-version", "debounce")
DEFAULT_DEBOUNCE_MS = 150
#: How long a directory's pyproject.toml lookup is trusted before it is read again.
_PYPROJECT_TTL = 2.0

log = logging.getLogger(__name__)


@dataclass
class DocState:
    """One open Python file, or one notebook (its code cells analysed as one source)."""

    uri: str
    notebook: bool = False
    version: int = -1  # the version the analysis is for
    analysis: Optional[Analysis] = None
    good: Optional[Analysis] = None  # the last analysis of a text that parsed
    cells: Tuple[str, ...] = ()  # notebooks: code-cell URIs in order
    cell_starts: Tuple[int, ...] = ()  # notebooks: joined line (1-based) of each cell
    published: Tuple[str, ...] = ()  # URIs that were sent diagnostics
    timer: Optional[asyncio.TimerHandle] = None
    dirty: bool = True
    unpublished: bool = False  # the analysis changed since diagnostics were last sent
    fixes: Dict[bool, Any] = field(default_factory=dict)  # pooling -> FixResult of `fixed_for`
    fixed_for: Optional[str] = None
    noted: bool = False  # the "too large" note was logged
    cache: _analysis.DocumentCache = field(default_factory=_analysis.DocumentCache)


class FlattenServer(LanguageServer):
    def __init__(self) -> None:
        notebooks = types.NotebookDocumentSyncOptions(notebook_selector=[
            types.NotebookDocumentFilterWithCells(
                cells=[types.NotebookCellLanguage(language="python")], notebook="*")])
        super().__init__(NAME, __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         notebook_document_sync=notebooks)
        self.docs: Dict[str, DocState] = {}
        self.settings: Dict[str, Any] = {}
        self.debounce = DEFAULT_DEBOUNCE_MS / 1000
        self._pyproject: Dict[str, Tuple[float, Options, Optional[str]]] = {}
        self._warned: set = set()
        self.ready = False  # the client's settings are in (or it has none to give)
        self.config_path: Optional[str] = None  # --config: this pyproject.toml, not the nearest
        self.analyses = 0
        self._frozen = False
        self._notifications = 0

    def _prune_futures(self) -> None:
        """pygls 2.1 files each notification's handler future under a fresh id in
        ``protocol._request_futures`` and never removes it (about 1.5 kB per keystroke:
        60 MB over a day of typing).  A request's future is removed as soon as it is
        done, so the done ones left there are notifications': drop them."""
        futures = getattr(self.protocol, "_request_futures", None)
        if not isinstance(futures, dict):
            return
        for key, future in list(futures.items()):
            if future.done():
                futures.pop(key, None)  # how many analyses ran (tests and the benchmark read it)

    # -- logging ----------------------------------------------------------------

    def log(self, message: str, level: types.MessageType = types.MessageType.Info) -> None:
        try:
            self.window_log_message(types.LogMessageParams(type=level, message=message))
        except Exception:  # noqa: BLE001 -- no client to tell: stderr
            log.exception("could not send window/logMessage")

    # -- settings ---------------------------------------------------------------

    def apply_settings(self, settings: Any) -> None:
        if not isinstance(settings, dict):
            return
        if isinstance(settings.get(NAME), dict):  # {"flake8-flatten": {...}}
            settings = settings[NAME]
        known = {}
        for key, value in settings.items():
            dashed = "".join("-" + c.lower() if c.isupper() else c for c in key).replace("_", "-")
            if dashed in SETTING_KEYS:
                known[dashed] = value
        self.settings.update(known)
        debounce = self.settings.get("debounce")
        if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) and debounce >= 0:
            self.debounce = debounce / 1000

    def options_for(self, uri: str) -> Options:
        """pyproject.toml's ``[tool.flake8-flatten]`` nearest the file, with the
        client's settings over it.  A bad setting or file is logged once and ignored."""
        options = self._pyproject_options(_directory(uri))
        settings = self.settings
        try:
            if isinstance(settings.get("sequence-axes"), bool):
                options = replace(options, sequence_axes=settings["sequence-axes"])
            if isinstance(settings.get("verify"), bool):
                options = replace(options, verify=settings["verify"])
            if isinstance(settings.get("assume-keras"), bool):
                options = replace(options, assume_keras=settings["assume-keras"])
            if settings.get("keras-version") is not None:
                options = replace(options, keras_version=keras_version_value(
                    settings["keras-version"], "keras-version setting"))
            names = settings.get("dense-like")
            if isinstance(names, str):
                names = split_names(names)
            if names:
                options = replace(options, dense_like=dense_like_names(names, "dense-like setting"))
        except ConfigError as exc:
            self._warn(str(exc))
        return options

    def _pyproject_options(self, directory: Optional[str]) -> Options:
        if directory is None:
            return Options()
        now = time.monotonic()
        cached = self._pyproject.get(directory)
        if cached is None or now - cached[0] > _PYPROJECT_TTL:
            error = None
            try:
                options = load_pyproject(self.config_path, start=directory)
            except (ConfigError, OSError) as exc:
                options, error = Options(), str(exc)
            if len(self._pyproject) > 256:
                self._pyproject.clear()
            cached = self._pyproject[directory] = (now, options, error)
        if cached[2] is not None:
            self._warn(f"{cached[2]} (using the defaults)")
        return cached[1]

    def _warn(self, message: str) -> None:
        if message not in self._warned:
            self._warned.add(message)
            self.log(f"flake8-flatten: {message}", types.MessageType.Warning)

    # -- scheduling ---------------------------------------------------------------

    def become_ready(self) -> None:
        """The settings are in: analyse what is open.  Also called a second after a
        document opens, for a client that never sends ``initialized`` or never
        answers ``workspace/configuration``."""
        if not self.ready:
            self.ready = True
            for state in list(self.docs.values()):
                self.schedule(state, 0)

    def schedule(self, state: DocState, delay: Optional[float] = None) -> None:
        self._notifications += 1
        if self._notifications % 64 == 0:
            self._prune_futures()
        state.dirty = True
        state.fixes, state.fixed_for = {}, None
        if state.timer is not None:
            state.timer.cancel()
            state.timer = None
        if not self.ready:  # analysed once the client's settings are in
            asyncio.get_running_loop().call_later(1.0, self.become_ready)
            return
        delay = self.debounce if delay is None else delay
        state.timer = asyncio.get_running_loop().call_later(delay, self.refresh, state.uri)

    def refresh(self, key: str) -> None:
        """Analyse now (the timer fired), publish, ask for fresh inlay hints."""
        state = self.docs.get(key)
        if state is None:
            return
        if state.timer is not None:
            state.timer.cancel()
            state.timer = None
        self.ensure(state)
        if state.unpublished:  # also when a request already brought it up to date
            state.unpublished = False
            self.publish(state)
            self._refresh_hints()

    def ensure(self, state: DocState) -> bool:
        """Bring ``state.analysis`` up to date with the text; False if nothing changed."""
        if not state.dirty:
            return False
        state.dirty = False
        try:
            text, lines, version, notebook = self._text(state)
        except Exception:  # noqa: BLE001 -- the document vanished under us
            self.log(f"flake8-flatten: cannot read {state.uri}:\n{traceback.format_exc()}",
                     types.MessageType.Error)
            return False
        try:
            self.analyses += 1
            result = _analysis.analyse(text, self.options_for(state.uri), _display_name(state.uri),
                                       notebook, state.cache)
        except Exception:  # noqa: BLE001 -- a bug in the analysis must not kill the server
            self.log(f"flake8-flatten: internal error while analysing {state.uri} "
                     f"(last results kept):\n{traceback.format_exc()}", types.MessageType.Error)
            if state.good is not None:
                state.analysis = carry_over(state.good, lines)
                state.unpublished = True
            return True
        if not self._frozen:  # the imports are done: keep the collector off their objects
            gc.freeze()  # (a full collection no longer walks them: no 100 ms pauses)
            self._frozen = True
        if result.note and not state.noted:
            state.noted = True
            self.log(f"flake8-flatten: {_display_name(state.uri)} {result.note}",
                     types.MessageType.Warning)
        if not result.parsed and state.good is not None:
            result = carry_over(state.good, lines)
        elif result.parsed:
            state.good = result
        state.analysis, state.version = result, version
        state.unpublished = True
        return True

    def _text(self, state: DocState):
        if not state.notebook:
            document = self.workspace.get_text_document(state.uri)
            source = document.source
            return source, _analysis.split_lines(source), document.version, None
        notebook = self.workspace.get_notebook_document(notebook_uri=state.uri)
        cells = [cell.document for cell in notebook.cells
                 if cell.kind == types.NotebookCellKind.Code]
        sources = [self.workspace.get_text_document(uri).source for uri in cells]
        joined = join_cells(sources)
        state.cells, state.cell_starts = tuple(cells), joined.cell_starts
        return joined.text, _analysis.split_lines(joined.text), notebook.version, joined

    def _refresh_hints(self) -> None:
        caps = self.client_capabilities.workspace
        hints = caps.inlay_hint if caps is not None else None
        if hints is not None and hints.refresh_support:
            try:
                self.workspace_inlay_hint_refresh(None)
            except Exception:  # noqa: BLE001
                log.exception("inlay hint refresh failed")

    # -- positions ------------------------------------------------------------------

    def locate(self, state: DocState, uri: str, position: types.Position) -> Optional[Tuple[int, int]]:
        """A client position in ``uri`` as a (line, code-point column) of the analysis."""
        document = self.workspace.get_text_document(uri)
        lines = document.lines
        point = document.position_codec.position_from_client_units(lines, position)
        line = point.line
        if state.notebook:
            if uri not in state.cells:
                return None
            line += state.cell_starts[state.cells.index(uri)] - 1
        return line, point.character

    def place(self, state: DocState, span: Span) -> Optional[Tuple[str, types.Range]]:
        """A span of the analysis as (URI, client range); None across notebook cells."""
        uri, start = self._where(state, span.start)
        end_uri, end = self._where(state, span.end)
        if uri is None or end_uri != uri:
            return None
        return uri, types.Range(start=start, end=end)

    def _where(self, state: DocState, pos: Tuple[int, int]):
        line, col = pos
        uri = state.uri
        if state.notebook:
            import bisect

            index = bisect.bisect_right(state.cell_starts, line + 1) - 1
            if not 0 <= index < len(state.cells):
                return None, None
            uri, line = state.cells[index], line + 1 - state.cell_starts[index]
        lines = state.analysis.lines
        text = lines[pos[0]] if 0 <= pos[0] < len(lines) else ""
        encoding = self.workspace.position_encoding
        return uri, types.Position(line=line, character=_units(text[:col], encoding))

    # -- publishing -----------------------------------------------------------------

    def publish(self, state: DocState) -> None:
        by_uri: Dict[str, List[types.Diagnostic]] = {uri: [] for uri in state.published}
        if state.notebook:
            by_uri.update({uri: [] for uri in state.cells})
        else:
            by_uri.setdefault(state.uri, [])
        catalog = rules()
        for item in state.analysis.diagnostics:
            placed = self.place(state, item.span)
            if placed is None:
                continue
            uri, range_ = placed
            related = []
            for rel in item.related:
                where = self.place(state, rel.span)
                if where is not None:
                    related.append(types.DiagnosticRelatedInformation(
                        location=types.Location(uri=where[0], range=where[1]), message=rel.message))
            rule = catalog.get(item.code)
            by_uri.setdefault(uri, []).append(types.Diagnostic(
                range=range_, message=item.message, severity=types.DiagnosticSeverity.Error,
                code=item.code, source=SOURCE,
                code_description=types.CodeDescription(href=rule.help_uri) if rule else None,
                related_information=related or None,
                data={"line": item.finding.line, "col": item.finding.col}))
        for uri, diagnostics in by_uri.items():
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=uri, diagnostics=diagnostics,
                version=None if state.notebook else state.version))
        state.published = tuple(uri for uri, d in by_uri.items() if d)

    def close(self, uri: str) -> None:
        """A document or notebook closed: its pending analysis dropped, its diagnostics cleared."""
        state = self.docs.pop(uri, None)
        if state is not None:
            if state.timer is not None:
                state.timer.cancel()
            self.clear(state)

    def clear(self, state: DocState) -> None:
        for uri in set(state.published) | ({state.uri} if not state.notebook else set(state.cells)):
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # -- lookups ----------------------------------------------------------------------

    def state_for(self, uri: str) -> Optional[DocState]:
        """The state a text document belongs to: its own, or its notebook's."""
        state = self.docs.get(uri)
        if state is not None:
            return state
        notebook = self.workspace.get_notebook_document(cell_uri=uri)
        return self.docs.get(notebook.uri) if notebook is not None else None


def _units(text: str, encoding) -> int:
    if text.isascii() or encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8"))
    return len(text.encode("utf-16-le")) // 2


def _directory(uri: str) -> Optional[str]:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return os.path.dirname(unquote(parsed.path))


def _display_name(uri: str) -> str:
    parsed = urlparse(uri)
    return os.path.basename(unquote(parsed.path)) or uri


def _is_python(document: types.TextDocumentItem) -> bool:
    return document.language_id == "python" or document.uri.endswith((".py", ".pyi"))


server = FlattenServer()


def _guard(handler):
    """Features never raise into pygls: an error is logged and an empty answer given."""
    import functools

    @functools.wraps(handler)
    def wrapped(ls: FlattenServer, params):
        try:
            return handler(ls, params)
        except Exception:  # noqa: BLE001
            ls.log(f"flake8-flatten: internal error in {handler.__name__}:\n"
                   f"{traceback.format_exc()}", types.MessageType.Error)
            return None
    return wrapped


@server.feature(types.INITIALIZE)
@_guard
def initialize(ls: FlattenServer, params: types.InitializeParams):
    ls.apply_settings(params.initialization_options)


@server.feature(types.INITIALIZED)
async def initialized(ls: FlattenServer, params: types.InitializedParams):
    try:
        await _pull_configuration(ls)
    finally:
        if ls.ready:  # the fallback came first: analyse again with the settings
            for state in list(ls.docs.values()):
                ls.schedule(state, 0)
        ls.become_ready()


async def _pull_configuration(ls: FlattenServer) -> None:
    caps = ls.client_capabilities.workspace
    if caps is None or not caps.configuration:
        return
    try:
        result = await asyncio.wait_for(ls.workspace_configuration_async(types.ConfigurationParams(
            items=[types.ConfigurationItem(section=NAME)])), 5.0)
    except Exception:  # noqa: BLE001 -- a client that cannot answer: keep what we have
        ls.log(f"flake8-flatten: workspace/configuration failed:\n{traceback.format_exc()}",
               types.MessageType.Warning)
        return
    if result:
        ls.apply_settings(result[0])


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: FlattenServer, params: types.DidChangeConfigurationParams):
    ls.apply_settings(params.settings)
    ls._pyproject.clear()
    await _pull_configuration(ls)
    for state in list(ls.docs.values()):
        ls.schedule(state, 0)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
@_guard
def did_open(ls: FlattenServer, params: types.DidOpenTextDocumentParams):
    document = params.text_document
    if _is_python(document) and ls.workspace.get_notebook_document(cell_uri=document.uri) is None:
        state = ls.docs.setdefault(document.uri, DocState(document.uri))
        ls.schedule(state, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
@_guard
def did_change(ls: FlattenServer, params: types.DidChangeTextDocumentParams):
    state = ls.docs.get(params.text_document.uri)
    if state is not None:
        ls.schedule(state)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
@_guard
def did_save(ls: FlattenServer, params: types.DidSaveTextDocumentParams):
    ls._pyproject.clear()  # a saved pyproject.toml applies from now on


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
@_guard
def did_close(ls: FlattenServer, params: types.DidCloseTextDocumentParams):
    ls.close(params.text_document.uri)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_OPEN)
@_guard
def notebook_open(ls: FlattenServer, params: types.DidOpenNotebookDocumentParams):
    uri = params.notebook_document.uri
    ls.schedule(ls.docs.setdefault(uri, DocState(uri, notebook=True)), 0)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_CHANGE)
@_guard
def notebook_change(ls: FlattenServer, params: types.DidChangeNotebookDocumentParams):
    state = ls.docs.get(params.notebook_document.uri)
    if state is not None:
        ls.schedule(state)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_CLOSE)
@_guard
def notebook_close(ls: FlattenServer, params: types.DidCloseNotebookDocumentParams):
    ls.close(params.notebook_document.uri)


@server.feature(types.TEXT_DOCUMENT_INLAY_HINT)
@_guard
def inlay_hints(ls: FlattenServer, params: types.InlayHintParams):
    uri = params.text_document.uri
    state = ls.state_for(uri)
    if state is None:
        return []
    ls.ensure(state)
    if state.analysis is None:
        return []
    first, last = params.range.start.line, params.range.end.line
    hints = []
    for hint in state.analysis.hints:
        where_uri, position = ls._where(state, hint.position)
        if where_uri != uri or not first <= position.line <= last:
            continue
        hints.append(types.InlayHint(
            position=position, label=hint.label, kind=types.InlayHintKind.Type,
            padding_left=hint.label.startswith("→"), tooltip=hint.tooltip or None))
    return hints


@server.feature(types.TEXT_DOCUMENT_HOVER)
@_guard
def hover(ls: FlattenServer, params: types.HoverParams):
    uri = params.text_document.uri
    state = ls.state_for(uri)
    if state is None:
        return None
    ls.ensure(state)
    if state.analysis is None:
        return None
    pos = ls.locate(state, uri, params.position)
    if pos is None:
        return None
    found, span = models_at(state.analysis, pos)
    if not found:
        return None
    markdown = _supports_markdown(ls)
    placed = ls.place(state, span) if span is not None else None
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText,
            value=hover_text(found, markdown)),
        range=placed[1] if placed is not None and placed[0] == uri else None)


def _supports_markdown(ls: FlattenServer) -> bool:
    document = ls.client_capabilities.text_document
    formats = document.hover.content_format if document and document.hover else None
    return not formats or types.MarkupKind.Markdown in formats


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
@_guard
def code_action(ls: FlattenServer, params: types.CodeActionParams):
    uri = params.text_document.uri
    state = ls.docs.get(uri)
    if state is None or state.notebook:  # `fix` does not rewrite notebooks either
        return None
    ls.ensure(state)
    if state.analysis is None or not state.analysis.parsed:
        return None
    document = ls.workspace.get_text_document(uri)
    wanted = params.range
    actions = []
    for item in state.analysis.diagnostics:
        if item.code != "FLT001":
            continue
        placed = ls.place(state, item.span)
        if placed is None or not _overlaps(placed[1], wanted):
            continue
        diagnostic = types.Diagnostic(range=placed[1], message=item.message, code=item.code,
                                      source=SOURCE, severity=types.DiagnosticSeverity.Error)
        actions.extend(_fix_actions(ls, state, document, item, diagnostic))
    return actions or None


def _fix_actions(ls: FlattenServer, state: DocState, document, item, diagnostic) -> List[types.CodeAction]:
    source = document.source
    if state.fixed_for != source:
        state.fixes, state.fixed_for = {}, source
    actions, offered = [], set()
    for pooling in (False, True):
        if pooling not in state.fixes:
            state.fixes[pooling] = fix_source(source, pooling)
        result = state.fixes[pooling]
        applied = next((a for a in result.applied if a.finding == item.finding), None)
        if applied is None:
            skipped = next((k for k in result.skipped if k.finding == item.finding), None)
            if skipped is not None and not pooling and _disabled_support(ls):
                actions.append(types.CodeAction(  # shown greyed out, with fix's reason
                    title="Insert Flatten()", kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    disabled=types.CodeActionDisabled(reason=f"not fixed: {skipped.reason}")))
                break
            continue
        if applied.layer in offered:
            continue
        offered.add(applied.layer)
        others = len(result.applied) - 1
        title = f"Insert {applied.layer}()" + (
            f" (also fixes {others} other FLT001 in this file)" if others else "")
        actions.append(types.CodeAction(
            title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
            is_preferred=not pooling,
            edit=types.WorkspaceEdit(changes={state.uri: text_edits(
                source, result.source, ls.workspace.position_encoding)})))
    return actions


def _disabled_support(ls: FlattenServer) -> bool:
    document = ls.client_capabilities.text_document
    action = document.code_action if document is not None else None
    return bool(action is not None and action.disabled_support)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    start = (a.start.line, a.start.character)
    end = (a.end.line, a.end.character)
    return not ((b.end.line, b.end.character) < start or end < (b.start.line, b.start.character))


def text_edits(before: str, after: str, encoding=types.PositionEncodingKind.Utf16) -> List[types.TextEdit]:
    """Line-level edits turning ``before`` into ``after`` (only the lines that differ)."""
    old, new = _keepends(before), _keepends(after)
    edits = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        edits.append(types.TextEdit(range=types.Range(start=_line_start(old, i1, encoding),
                                                      end=_line_start(old, i2, encoding)),
                                    new_text="".join(new[j1:j2])))
    return edits


def _keepends(text: str) -> List[str]:
    """Lines with their breaks, as LSP counts lines (not str.splitlines: no \\f, \\u2028)."""
    return _LINE.findall(text)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _line_start(lines: List[str], index: int, encoding) -> types.Position:
    """The start of line ``index``; past the last line, the end of the text."""
    if index < len(lines) or not lines:
        return types.Position(line=index, character=0)
    last = lines[-1]
    if last.endswith(("\n", "\r")):
        return types.Position(line=len(lines), character=0)
    return types.Position(line=len(lines) - 1, character=_units(last, encoding))


def main(settings: Optional[dict] = None, config: Optional[str] = None) -> int:
    """Serve on stdio.  ``settings`` (the command line's flags) apply under the
    client's; ``config`` is a pyproject.toml to read instead of the nearest one."""
    logging.basicConfig(level=logging.WARNING, format="flake8-flatten lsp: %(message)s")
    server.apply_settings(settings or {})
    server.config_path = config
    server.start_io()
    return 0
