"""The language server end to end: a real LSP client (pytest-lsp) drives
``flake8-flatten lsp`` over stdio: initialize, didOpen, didChange, publishDiagnostics,
inlay hints, hover, code action, notebooks, settings, bad input, shutdown."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pytest_lsp", reason="pytest-lsp is in the test extra")
pytest.importorskip("pygls", reason="pygls is the lsp extra")

import pytest_lsp  # noqa: E402
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from flake8_flatten.rules import lint  # noqa: E402

from .. import ROOT, TESTS
from ..conftest import keras_live  # noqa: E402

SERVER = [sys.executable, "-m", "flake8_flatten", "lsp"]
CRASHING_SERVER = [sys.executable, str(TESTS / "lsp_crashing_server.py")]
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS

BAD = textwrap.dedent('''\
    from keras import Input, Sequential, layers

    model = Sequential([
        Input(shape=(28, 28, 1)),
        layers.Conv2D(32, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Dropout(0.25),
        layers.Dense(10, activation="softmax"),
    ])
    model.summary()
    ''')
#: What real Keras prints for BAD's layers (checked against Keras in a test below).
BAD_SHAPES = ["(None, 26, 26, 32)", "(None, 13, 13, 32)", "(None, 13, 13, 32)",
              "(None, 13, 13, 10)"]


def config(command=SERVER) -> ClientServerConfig:
    return ClientServerConfig(server_command=command)


async def start(client: LanguageClient, root: Path, settings=None, editor="visual-studio-code",
                init=None) -> None:
    if settings is not None:
        client.set_configuration(item=settings, section="flake8-flatten")
    await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities(editor), root_uri=root.as_uri(),
        initialization_options=init))


@pytest_lsp.fixture(config=config())
async def client(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=config(CRASHING_SERVER))
async def crashing(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()


async def diagnostics_for(client: LanguageClient, uri: str, version=None, timeout=30.0):
    """Wait until the server has published diagnostics for ``uri`` (at ``version``)."""
    async def wait():
        while True:
            if uri in client.diagnostics and (version is None or client.diagnostic_versions.get(uri)
                                              == version):
                return list(client.diagnostics[uri])
            params = await client.wait_for_notification(PUBLISH)
            client.diagnostic_versions[uri if params.uri == uri else params.uri] = params.version
    if not hasattr(client, "diagnostic_versions"):
        client.diagnostic_versions = {}
    return await asyncio.wait_for(wait(), timeout)


def open_file(client: LanguageClient, path: Path, text: str, version=1) -> str:
    path.write_text(text)
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="python", version=version,
                                             text=text)))
    return uri


def change(client: LanguageClient, uri: str, version: int, start, end, text: str) -> None:
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(*start), end=types.Position(*end)), text=text)]))


async def hints(client: LanguageClient, uri: str, lines=10_000):
    return list(await client.text_document_inlay_hint_async(types.InlayHintParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(0, 0), end=types.Position(lines, 0)))) or [])


def position_of(text: str, needle: str, end=False):
    line = next(i for i, l in enumerate(text.splitlines()) if needle in l)
    col = text.splitlines()[line].index(needle) + (len(needle) if end else 0)
    return line, col


def apply_edits(text: str, edits) -> str:
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def offset(p):
        return offsets[p.line] + p.character if p.line < len(lines) else len(text)
    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


# -- the whole session on a bad file -----------------------------------------------------


@pytest.mark.asyncio
async def test_session_on_a_missing_flatten(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    assert client.capabilities is not None
    uri = open_file(client, tmp_path / "cnn.py", BAD)
    found = await diagnostics_for(client, uri)

    # FLT001 at the Dense call, with the rule's docs and the layer that caused it
    assert [d.code for d in found] == ["FLT001"]
    (diag,) = found
    line, col = position_of(BAD, "layers.Dense(10")
    assert (diag.range.start.line, diag.range.start.character) == (line, col)
    assert (diag.range.end.line, diag.range.end.character) == position_of(
        BAD, 'activation="softmax")', end=True)
    assert diag.source == "flake8-flatten" and diag.severity == types.DiagnosticSeverity.Error
    assert "(None, 13, 13, 10)" in diag.message
    assert diag.code_description.href.endswith("/docs/rules/FLT001.md")
    (related,) = diag.related_information
    assert related.location.uri == uri
    assert related.location.range.start.line == position_of(BAD, "MaxPooling2D")[0]
    assert related.message == "MaxPooling2D outputs (None, 13, 13, 32) here"

    # inlay hints: each layer's output shape at the end of its call; the model line
    # gets its input and total parameters
    got = await hints(client, uri)
    labels = {(h.position.line, h.position.character): h.label for h in got}
    ends = [position_of(BAD, text, end=True) for text in
            ('activation="relu")', "MaxPooling2D()", "Dropout(0.25)", 'activation="softmax")')]
    assert [labels.get(end) for end in ends] == [f"→ {shape}" for shape in BAD_SHAPES]
    model_line = position_of(BAD, "Sequential([")[0]
    assert labels[(model_line, len("model = Sequential(["))] == \
        "  input (None, 28, 28, 1) · 650 params"
    assert len(got) == 5
    assert all(h.kind == types.InlayHintKind.Type for h in got)

    # hover on the model's name and on a layer: the static summary table
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(*position_of(BAD, "model.summary"))))
    text = hover.contents.value
    assert "Sequential 'model', input (None, 28, 28, 1)" in text
    assert "max_pooling2d (MaxPooling2D)  (None, 13, 13, 32)" in text
    assert "Total params: 650" in text and "Output: (None, 13, 13, 10)" in text
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(position_of(BAD, "Conv2D")[0], 12)))
    assert hover.contents.value.startswith("**Conv2D → (None, 26, 26, 32), 320 params**")
    assert "Total params: 650" in hover.contents.value
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 1)))
    assert nothing is None

    # code actions: both fixes, as the same re-linted edit `fix` makes
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))
    titles = [a.title for a in actions]
    assert titles == ["Insert Flatten()", "Insert GlobalAveragePooling2D()"]
    from flake8_flatten.fix import fix_source

    for action, pooling in zip(actions, (False, True)):
        assert action.kind == types.CodeActionKind.QuickFix
        fixed = apply_edits(BAD, action.edit.changes[uri])
        assert fixed == fix_source(BAD, pooling).source
        assert lint(fixed) == []
    assert len(actions[0].edit.changes[uri]) == 1  # one inserted line, nothing else rewritten
    (edit,) = actions[0].edit.changes[uri]
    assert edit.new_text == "    layers.Flatten(),\n"

    # editing: the fix typed in by hand clears the diagnostic and updates the hints
    change(client, uri, 2, (line, 0), (line, 0), "    layers.Flatten(),\n")
    assert await diagnostics_for(client, uri, version=2) == []
    labels = [h.label for h in await hints(client, uri)]
    assert labels == ["  input (None, 28, 28, 1) · 54,410 params", "→ (None, 26, 26, 32)",
                      "→ (None, 13, 13, 32)", "→ (None, 13, 13, 32)", "→ (None, 5408)",
                      "→ (None, 10)"]


@pytest.mark.asyncio
async def test_the_fixed_file_builds_in_real_keras_with_the_hinted_shapes(client, tmp_path):
    """The hints are Keras's own shapes, and the code action's edit builds in Keras."""
    live = keras_live()
    await start(client, tmp_path)
    uri = open_file(client, tmp_path / "cnn.py", BAD)
    (diag,) = await diagnostics_for(client, uri)
    (record,) = live.run_model_file(tmp_path / "cnn.py")
    keras_shapes = [str(tuple(s)) for s in record["shapes"]]
    assert keras_shapes == BAD_SHAPES
    got = [h.label for h in await hints(client, uri)][1:]
    assert got == [f"→ {s}" for s in keras_shapes]

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))
    fixed = apply_edits(BAD, actions[0].edit.changes[uri])
    (tmp_path / "fixed.py").write_text(fixed)
    (record,) = live.run_model_file(tmp_path / "fixed.py")
    assert str(tuple(record["shapes"][-1])) == "(None, 10)"
    uri2 = open_file(client, tmp_path / "fixed2.py", fixed)
    assert await diagnostics_for(client, uri2) == []
    got = [h.label for h in await hints(client, uri2)][1:]
    assert got == [f"→ {tuple(s)}" for s in record["shapes"]]


# -- bad input ----------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_buffer_that_does_not_parse_keeps_hints_on_unchanged_lines(client, tmp_path):
    await start(client, tmp_path)
    uri = open_file(client, tmp_path / "cnn.py", BAD)
    (diag,) = await diagnostics_for(client, uri)
    before = {(h.position.line, h.position.character): h.label for h in await hints(client, uri)}
    # mid-typing, two lines above the Dense: "layers.Conv2D(" never closed, and a new line
    line = position_of(BAD, "Dropout")[0]
    change(client, uri, 2, (line, 0), (line, 0), "    layers.Conv2D(64, \n")
    published = await diagnostics_for(client, uri, version=2)
    # the FLT001 moved down with its unchanged line, exactly onto the Dense again
    (moved,) = published
    assert moved.range.start.line == diag.range.start.line + 1
    assert moved.range.start.character == diag.range.start.character
    text = BAD.splitlines(keepends=True)
    text.insert(line, "    layers.Conv2D(64, \n")
    assert "".join(text).splitlines()[moved.range.start.line].strip().startswith("layers.Dense(10")
    after = {(h.position.line, h.position.character): h.label for h in await hints(client, uri)}
    expected = {(ln + (ln >= line), ch): label for (ln, ch), label in before.items()}
    assert after == expected  # every hint sits on its own unchanged line

    # now the Dense's own line is broken: its diagnostic and hint go, nothing stale stays
    dense = moved.range.start.line
    change(client, uri, 3, (dense, 4), (dense, 10), "")  # "layers.Dense(" -> ".Dense("
    assert await diagnostics_for(client, uri, version=3) == []
    assert all(h.position.line != dense for h in await hints(client, uri))


@pytest.mark.asyncio
async def test_no_keras_no_work_and_huge_buffers_are_capped(client, tmp_path):
    await start(client, tmp_path)
    plain = open_file(client, tmp_path / "plain.py", "import os\nprint(os.sep)\n")
    assert await diagnostics_for(client, plain) == []
    assert await hints(client, plain) == []
    huge_text = BAD + "# " + "x" * 300_000 + "\n"
    huge = open_file(client, tmp_path / "huge.py", huge_text)
    assert await diagnostics_for(client, huge) == []
    assert await hints(client, huge) == []
    assert any("huge.py not analysed: larger than 250 kB" in m.message for m in client.log_messages)


def test_no_work_without_keras_code(monkeypatch):
    """The plugin's cheap pre-check: no parse, no discovery for other files."""
    from flake8_flatten.lsp import analysis

    monkeypatch.setattr(analysis.ast, "parse", lambda *a, **k: pytest.fail("parsed"))
    monkeypatch.setattr(analysis, "discover", lambda *a, **k: pytest.fail("discovered"))
    result = analysis.analyse("import numpy as np\nx = np.zeros((3, 2))\n" * 500)
    assert result.parsed and result.diagnostics == [] and result.hints == []


@pytest.mark.asyncio
async def test_a_crash_in_the_analysis_is_logged_and_the_server_lives(crashing, tmp_path):
    """tests/lsp_crashing_server.py makes the analysis raise on "CRASH"."""
    client = crashing
    await start(client, tmp_path)
    uri = open_file(client, tmp_path / "cnn.py", BAD)
    assert len(await diagnostics_for(client, uri)) == 1
    line = position_of(BAD, "model.summary")[0]
    change(client, uri, 2, (line, 0), (line, 0), "# CRASH\n")
    for _ in range(100):
        if any("internal error while analysing" in m.message for m in client.log_messages):
            break
        await asyncio.sleep(0.05)
    errors = [m for m in client.log_messages if m.type == types.MessageType.Error]
    assert errors and "RuntimeError: analysis crashed on purpose" in errors[0].message
    got = await hints(client, uri)  # the server still answers: the last results, kept
    assert len(got) == 5
    change(client, uri, 3, (line, 0), (line + 1, 0), "")  # the crash goes away
    assert len(await diagnostics_for(client, uri, version=3)) == 1
    assert client.error is None


# -- settings -------------------------------------------------------------------------------

README_EXAMPLE = (ROOT / "fixtures" / "readme_example.py").read_text()


@pytest.mark.asyncio
async def test_settings_from_the_client(client, tmp_path):
    await start(client, tmp_path, settings={"sequence-axes": True})
    uri = open_file(client, tmp_path / "readme.py", README_EXAMPLE)
    assert await diagnostics_for(client, uri) == []  # F2 is silent with sequence-axes
    uri2 = open_file(client, tmp_path / "cnn.py", BAD)
    assert [d.code for d in await diagnostics_for(client, uri2)] == ["FLT001"]  # F1 is not


@pytest.mark.asyncio
async def test_settings_from_pyproject_and_initialization_options(client, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[tool.flake8-flatten]\nsequence-axes = true\n")
    await start(client, tmp_path, init={"flake8-flatten": {"denseLike": ["NoisyDense"]}})
    uri = open_file(client, project / "readme.py", README_EXAMPLE)
    assert await diagnostics_for(client, uri) == []
    uri2 = open_file(client, tmp_path / "readme.py", README_EXAMPLE)  # no pyproject here
    assert [d.code for d in await diagnostics_for(client, uri2)] == ["FLT001"]
    noisy = BAD.replace("layers.Dense(10", "NoisyDense(10").replace(
        "from keras import", "from mypkg import NoisyDense\nfrom keras import")
    uri3 = open_file(client, tmp_path / "noisy.py", noisy)
    (diag,) = await diagnostics_for(client, uri3)
    assert diag.message.startswith("NoisyDense(10) gets input (None, 13, 13, 32)")


# -- notebooks --------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_notebook_cells(client, tmp_path):
    await start(client, tmp_path)
    cells = ["from keras import Input, Sequential, layers\n%matplotlib inline",
             "model = Sequential([Input(shape=(28, 28, 1)), layers.Conv2D(32, 3)])",
             "model.add(layers.Dense(10))\nmodel.summary()"]
    notebook_uri = (tmp_path / "nb.ipynb").as_uri()
    cell_uris = [f"{notebook_uri}#cell{i}" for i in range(3)]
    client.notebook_document_did_open(types.DidOpenNotebookDocumentParams(
        notebook_document=types.NotebookDocument(
            uri=notebook_uri, notebook_type="jupyter-notebook", version=1,
            cells=[types.NotebookCell(kind=types.NotebookCellKind.Code, document=uri)
                   for uri in cell_uris]),
        cell_text_documents=[types.TextDocumentItem(uri=uri, language_id="python", version=1,
                                                    text=text)
                             for uri, text in zip(cell_uris, cells)]))
    (diag,) = await diagnostics_for(client, cell_uris[2])
    assert diag.code == "FLT001"
    assert (diag.range.start.line, diag.range.start.character) == (0, 10)
    assert list(client.diagnostics.get(cell_uris[1], [])) == []
    got = await hints(client, cell_uris[1])
    assert [h.label for h in got] == ["→ (None, 26, 26, 32)",  # the Dense of cell 3 counts:
                                      "  input (None, 28, 28, 1) · 650 params"]
    assert all(h.position.line == 0 for h in got)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=cell_uris[2]),
        position=types.Position(1, 2)))
    assert "dense (Dense)" in hover.contents.value and "(None, 26, 26, 10)" in hover.contents.value


# -- the plugin and the CLI never load pygls -----------------------------------------------


def test_plugin_and_cli_do_not_import_pygls(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(BAD)
    script = textwrap.dedent(f"""
        import sys
        from flake8_flatten.plugin import FlattenChecker
        from flake8_flatten import cli
        from flake8_flatten.rules import lint
        assert lint(open({str(bad)!r}).read())
        for command in ("check", "shapes"):
            cli.main([command, {str(bad)!r}])
        from flake8.main.cli import main
        try:
            main([{str(bad)!r}])
        except SystemExit:
            pass
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("pygls", "lsprotocol")
                        or m.startswith("flake8_flatten.lsp"))
        print("LOADED", loaded, file=sys.stderr)
        sys.exit(1 if loaded else 0)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "FLT001" in proc.stdout, proc.stderr
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_lsp_command_says_what_to_install_without_pygls(tmp_path):
    """``flake8-flatten lsp`` without the extra: one line, exit 2 (pygls hidden)."""
    hide = tmp_path / "hide"
    hide.mkdir()
    (hide / "pygls").mkdir()
    (hide / "pygls" / "__init__.py").write_text("raise ImportError('pygls hidden for the test')\n")
    proc = subprocess.run([sys.executable, "-m", "flake8_flatten", "lsp"], capture_output=True,
                          text=True, stdin=subprocess.DEVNULL,
                          env={**os.environ, "PYTHONPATH": f"{hide}{os.pathsep}{ROOT}"})
    assert proc.returncode == 2
    assert "pip install 'flake8-flatten[lsp]'" in proc.stderr


def test_analysis_agrees_with_lint():
    """The server runs the rules itself (one discovery for findings and hints): the
    same findings as lint() on every fixture and test model."""
    from flake8_flatten.lsp.analysis import analyse

    files = sorted((ROOT / "fixtures").glob("*.py")) + sorted((ROOT / "tests" / "models").glob("*.py")) \
        + sorted((ROOT / "tests" / "subclassed").glob("**/*.py"))
    checked = 0
    for path in files:
        text = path.read_text()
        lines = text.splitlines()
        from flake8_flatten.rules import suppressed

        expected = [f for f in lint(text) if not suppressed(lines, f)]
        assert [d.finding for d in analyse(text).diagnostics] == expected, path
        checked += bool(expected)
    assert checked >= 5


# -- code actions a fix refuses, closing, incremental analysis through the client ----------

#: The fix would contradict the assertion (FLT002): `fix` declines it, with the reason.
CLAIMED = BAD + "assert model.output_shape == (None, 13, 13, 10)\n"


@pytest.mark.asyncio
async def test_a_fix_the_codemod_refuses_is_shown_disabled_with_the_reason(client, tmp_path):
    await start(client, tmp_path)
    uri = open_file(client, tmp_path / "claimed.py", CLAIMED)
    (diag,) = await diagnostics_for(client, uri)
    assert diag.code == "FLT001"
    from flake8_flatten.fix import fix_source

    (skipped,) = fix_source(CLAIMED).skipped
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))
    (action,) = actions
    assert action.edit is None
    assert action.disabled.reason == f"not fixed: {skipped.reason}"


@pytest.mark.asyncio
async def test_closing_a_file_clears_its_diagnostics(client, tmp_path):
    await start(client, tmp_path)
    uri = open_file(client, tmp_path / "cnn.py", BAD)
    assert len(await diagnostics_for(client, uri)) == 1
    client.diagnostics.pop(uri, None)
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert await diagnostics_for(client, uri) == []


@pytest.mark.asyncio
async def test_many_edits_in_a_row_end_on_the_right_answer(client, tmp_path):
    """Keystrokes faster than the debounce: one analysis of the final text, whose
    diagnostics and hints are exactly those of analysing that text from scratch."""
    from flake8_flatten.lsp.analysis import analyse

    await start(client, tmp_path)
    uri = open_file(client, tmp_path / "cnn.py", BAD)
    await diagnostics_for(client, uri)
    text = BAD
    line = position_of(BAD, "Conv2D(32")[0]
    col = BAD.splitlines()[line].index("32")
    version = 1
    for digit in "64128":  # Conv2D(32 -> Conv2D(6, (64, ..., (128
        version += 1
        change(client, uri, version, (line, col), (line, col + 2), digit + digit)
        lines = text.splitlines(keepends=True)
        lines[line] = lines[line][:col] + digit + digit + lines[line][col + 2:]
        text = "".join(lines)
    published = await diagnostics_for(client, uri, version=version)
    fresh = analyse(text)
    assert [d.message for d in published] == [d.message for d in fresh.diagnostics]
    assert [h.label for h in await hints(client, uri)] == [h.label for h in fresh.hints]
    assert "(None, 13, 13, 88)" in published[0].message


@pytest.mark.asyncio
async def test_a_request_before_the_debounce_fires_still_gets_diagnostics_published(client, tmp_path):
    """A hover right after a keystroke analyses the new text at once (the answer must
    match it); the diagnostics of that text are still published when the timer fires."""
    await start(client, tmp_path, init={"flake8-flatten": {"debounce": 400}})
    uri = open_file(client, tmp_path / "cnn.py", BAD)
    await diagnostics_for(client, uri)
    line = position_of(BAD, "layers.Dense(10")[0]
    change(client, uri, 2, (line, 0), (line, 0), "    layers.Flatten(),\n")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(position_of(BAD, "model.summary")[0] + 1, 2)))
    assert "flatten (Flatten)" in hover.contents.value
    assert await diagnostics_for(client, uri, version=2) == []


def test_a_client_that_never_sends_initialized_still_gets_diagnostics(tmp_path):
    """A bare pygls client: initialize, then didOpen without ``initialized`` (the
    server waits a second for settings that never come, then analyses)."""
    from pygls.lsp.client import LanguageClient as BareClient

    async def session():
        client = BareClient("bare", "1")
        published = asyncio.get_running_loop().create_future()

        @client.feature(PUBLISH)
        def on_publish(params):
            if not published.done():
                published.set_result(params)

        await client.start_io(*SERVER)
        path = tmp_path / "cnn.py"
        path.write_text(BAD)
        await client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=tmp_path.as_uri()))
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="python",
                                                 version=1, text=BAD)))
        params = await asyncio.wait_for(published, 30)
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
        return [d.code for d in params.diagnostics]

    assert asyncio.run(session()) == ["FLT001"]


@pytest.mark.asyncio
async def test_keras_version_and_assume_keras_settings_from_the_client(client, tmp_path):
    """Issue 16's and issue 10's options as client settings: Keras 2's AveragePooling2D()
    pools by 2 (Keras 3 refuses it); bare names are not Keras's with assume-keras off."""
    await start(client, tmp_path, settings={"keras-version": "2", "assume-keras": False})
    pooling = ("import keras\nfrom keras import layers\n"
               "model = keras.Sequential([keras.Input((8, 8, 3)), layers.AveragePooling2D()])\n")
    uri = open_file(client, tmp_path / "pool.py", pooling)
    assert await diagnostics_for(client, uri) == []  # FLT004 under Keras 3 only
    snippet = ("model = Sequential()\nmodel.add(Dense(16, input_shape=(3, 2)))\n"
               "model.add(Dense(4))\n")
    uri2 = open_file(client, tmp_path / "snippet.py", snippet)
    assert await diagnostics_for(client, uri2) == []  # FLT001 with assume-keras on
    uri3 = open_file(client, tmp_path / "cnn.py", BAD)  # the same settings still report
    assert [d.code for d in await diagnostics_for(client, uri3)] == ["FLT001"]
