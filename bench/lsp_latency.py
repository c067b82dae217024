"""Latency and memory of ``flake8-flatten lsp`` on a 1,000-line Keras file.

    .venv/bin/python bench/lsp_latency.py [--changes 200] [--session 20000] [--json out.json]

A real LSP client (pygls's) starts the server over stdio, opens a generated
1,000-line Keras file (34 models: Sequential ``.add`` CNNs, Sequential lists,
functional models, plus ordinary Python between them, one missing Flatten) and:

1. **latency**: after 20 warm-up edits, ``--changes`` edits, one at a time, each a
   typical keystroke (a digit of a layer argument, a character in a comment, a new
   line); per edit the time from sending ``didChange`` to having both the new
   ``publishDiagnostics`` (for that version) and the ``inlayHint`` answer for the
   60 lines around the edit (what an editor window shows), with the
   debounce set to 0 so only our work is timed.  Median, p90, max.  The in-process
   time of `analysis.analyse` alone on the same texts is given too, with the
   document's cache (as the server runs it) and from scratch, and the server's CPU
   time per change (mean over the run: wall times on a shared machine include waiting
   for a core; the 1-minute load average at the end is reported with them).
2. **memory**: a scripted session of ``--session`` didChange's (default 20,000; at
   ~5 keystrokes a second, over an hour of typing) in bursts of 10 with the default
   150 ms debounce replaced by 5 ms, each burst waited for (so about one analysis per
   burst), with syntax errors mid-way, lines added and removed, and every 50th burst
   a hover and an inlay-hint request.  The server's RSS (from /proc) is sampled
   every 1,000 changes.

Nothing but the standard library, pygls and lsprotocol.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

HEADER = '''"""A generated Keras training module: {models} models, for bench/lsp_latency.py."""
import numpy as np
import keras
from keras import Input, Model, Sequential, layers

BATCH = 32
'''

CNN = '''

def build_cnn_{i}(classes={classes}):
    """A small image classifier, built layer by layer."""
    model = Sequential(name="cnn_{i}")
    model.add(Input(shape=({size}, {size}, 3)))
    model.add(layers.Conv2D({filters}, 3, padding="same", activation="relu"))
    model.add(layers.BatchNormalization())
    model.add(layers.MaxPooling2D())
    model.add(layers.Conv2D({filters2}, 3, activation="relu"))
    model.add(layers.MaxPooling2D())
    model.add(layers.Dropout(0.25))
    model.add(layers.Flatten())
    model.add(layers.Dense(128, activation="relu"))
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(classes, activation="softmax"))
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    return model
'''

LIST = '''

mlp_{i} = keras.Sequential([
    Input(shape=({features},)),
    layers.Dense(64, activation="relu"),
    layers.Dropout(0.1),
    layers.Dense(32, activation="relu"),
    layers.Dense(1),
])
'''

FUNCTIONAL = '''

def build_tower_{i}():
    inputs = Input(shape=({length}, {channels}))
    x = layers.Conv1D(32, 5, activation="relu")(inputs)
    x = layers.MaxPooling1D(2)(x)
    x = layers.Conv1D(64, 3, activation="relu")(x)
    x = layers.GlobalAveragePooling1D()(x)
    hidden = layers.Dense(32, activation="relu")(x)
    outputs = layers.Dense(4, activation="softmax")(hidden)
    return Model(inputs, outputs, name="tower_{i}")
'''

PLAIN = '''

def normalise_{i}(batch):
    """Ordinary code between the models."""
    mean = np.mean(batch, axis=0)
    std = np.std(batch, axis=0) + 1e-7
    return (batch - mean) / std


def batches_{i}(data, size=BATCH):
    for start in range(0, len(data), size):
        yield normalise_{i}(data[start:start + size])
'''

BAD = '''

forgot_flatten = Sequential([
    Input(shape=(28, 28, 1)),
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Dense(10, activation="softmax"),
])
'''


def keras_file(lines: int = 1000) -> str:
    """A realistic module of exactly ``lines`` lines."""
    parts, i = [BAD], 0
    while True:
        block = [CNN, LIST, FUNCTIONAL, PLAIN][i % 4].format(
            i=i, classes=10 + i % 5, size=32 + 8 * (i % 4), filters=16 * (1 + i % 3),
            filters2=32 + 16 * (i % 2), features=8 + i, length=64 + i, channels=1 + i % 3)
        text = HEADER.format(models="{models}") + "".join(parts) + block
        if text.count("\n") > lines - 1:
            break
        parts.append(block)
        i += 1
    text = HEADER + "".join(parts)
    text = text.format(models=text.count("Sequential(") + text.count("Model(inputs"))
    missing = lines - text.count("\n")
    return text + "\n" * missing


def edits(text: str, count: int, seed_line: int = 0):
    """``count`` keystroke-sized edits: (line, start, end, new text), each applied to the
    text the previous ones made: a layer argument's digit changed, a comment typed, a
    blank line inserted and deleted again, an unclosed call typed and completed."""
    lines = text.split("\n")
    conv = [n for n, line in enumerate(lines) if "layers.Conv2D(" in line]
    dense = [n for n, line in enumerate(lines) if "layers.Dense(64" in line]
    out = []
    for k in range(count):
        step = k % 6
        if step in (0, 1):  # Conv2D(16 -> Conv2D(17 and back
            n = conv[(k // 6) % len(conv)]
            col = lines[n].index("Conv2D(") + len("Conv2D(") + 1
            digit = lines[n][col]
            new = str((int(digit) + 1) % 10) if step == 0 else None
            if step == 1:
                new = str((int(digit) - 1) % 10)
            out.append((n, col, col + 1, new))
            lines[n] = lines[n][:col] + new + lines[n][col + 1:]
        elif step == 2:  # type a comment character at the end of a Dense line
            n = dense[(k // 6) % len(dense)]
            out.append((n, len(lines[n]), len(lines[n]), "  # x"))
            lines[n] += "  # x"
        elif step == 3:  # and delete it
            n = dense[(k // 6) % len(dense)]
            out.append((n, len(lines[n]) - 5, len(lines[n]), ""))
            lines[n] = lines[n][:-5]
        elif step == 4:  # an unclosed call on a new line: the buffer does not parse
            n = dense[(k // 6) % len(dense)]
            out.append((n, 0, 0, "    layers.Dense(\n"))
            lines.insert(n, "    layers.Dense(")
        else:  # the line removed again
            n = dense[(k // 6) % len(dense)]
            out.append((n, 0, None, ""))  # None: to the start of the next line
            del lines[n]
    return out


class Client:
    def __init__(self, command):
        self.client = LanguageClient("lsp-latency-bench", "1")
        self.command = command
        self.published = {}
        self.waiters = []

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_publish(params: types.PublishDiagnosticsParams):
            self.published[params.uri] = (params.version, params.diagnostics)
            for waiter in list(self.waiters):
                version, future = waiter
                if params.version is not None and params.version >= version and not future.done():
                    future.set_result(params.diagnostics)

        @self.client.feature(types.WORKSPACE_CONFIGURATION)
        def on_configuration(params):
            return [self.settings for _ in params.items]

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def on_log(params):
            if params.type == types.MessageType.Error:
                print("server error:", params.message[:500], file=sys.stderr)

        self.settings = {"debounce": 0}

    async def start(self, root: Path):
        await self.client.start_io(*self.command)
        await self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(
                configuration=True)),
            root_uri=root.as_uri(), initialization_options={"flake8-flatten": self.settings}))
        self.client.initialized(types.InitializedParams())

    def pid(self) -> int:
        return self.client._server.pid

    def wait_version(self, version: int):
        future = asyncio.get_running_loop().create_future()
        self.waiters.append((version, future))
        future.add_done_callback(lambda _: self.waiters.remove((version, future)))
        return future

    def open(self, uri: str, text: str):
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="python", version=1, text=text)))

    def change(self, uri: str, version: int, edit, lines):
        line, start, end, new = edit
        end_pos = types.Position(line + 1, 0) if end is None else types.Position(line, end)
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line, start), end=end_pos), text=new)]))

    async def hints(self, uri: str, first: int, last: int):
        return await self.client.text_document_inlay_hint_async(types.InlayHintParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(first, 0), end=types.Position(last, 0))))

    async def hover(self, uri: str, line: int, col: int):
        return await self.client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line, col)))

    async def stop(self):
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


#: The lines an editor window shows: inlay hints are asked for the visible range.
VIEW = 60


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (clock ticks: 10 ms resolution, so
    only sums over many changes mean anything)."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def apply(text: str, edit) -> str:
    lines = text.split("\n")
    line, start, end, new = edit
    if end is None:
        del lines[line]
        return "\n".join(lines)
    lines[line] = lines[line][:start] + new + lines[line][end:]
    return "\n".join(lines)


def in_process(texts, cached: bool) -> list:
    """`analyse` alone on each text, one after the other, with the document's cache
    (as the server runs it) or from scratch."""
    from flake8_flatten.lsp.analysis import DocumentCache, analyse

    cache = DocumentCache()
    analyse(texts[0], cache=cache)
    times = []
    for text in texts[1:]:
        start = time.perf_counter()
        analyse(text, cache=cache if cached else None)
        times.append((time.perf_counter() - start) * 1000)
    return times


async def run(args) -> dict:
    text = keras_file(1000)
    command = [sys.executable, "-m", "flake8_flatten", "lsp"]
    report = {"file_lines": text.count("\n"), "file_chars": len(text),
              "models": text.count("Sequential(") + text.count("Model(inputs")}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = root / "models.py"
        path.write_text(text)
        uri = path.as_uri()

        # -- latency ----------------------------------------------------------------
        client = Client(command)
        await client.start(root)
        waiting = client.wait_version(1)
        client.open(uri, text)
        first = await asyncio.wait_for(waiting, 120)
        report["diagnostics_on_open"] = [d.code for d in first]
        hints = await client.hints(uri, 0, 2000)
        report["hints_on_open"] = len(hints)
        all_edits = edits(text, 20 + args.changes)
        version, current, texts, latencies = 1, text, [], []
        cpu_start = None
        for k, edit in enumerate(all_edits):
            if k == 20:
                cpu_start = cpu_seconds(client.pid())
            version += 1
            current = apply(current, edit)
            waiting = client.wait_version(version)
            start = time.perf_counter()
            client.change(uri, version, edit, None)
            await asyncio.wait_for(waiting, 60)
            await client.hints(uri, max(0, edit[0] - VIEW // 2), edit[0] + VIEW // 2)
            elapsed = (time.perf_counter() - start) * 1000
            if k >= 20:
                latencies.append(elapsed)
                texts.append(current)
        report["latency_ms"] = _stats(latencies)
        report["server_cpu_ms_per_change_mean"] = round(
            (cpu_seconds(client.pid()) - cpu_start) * 1000 / len(latencies), 1)
        report["load_average_1min"] = os.getloadavg()[0]
        report["rss_mb_after_latency"] = round(rss_mb(client.pid()), 1)
        await client.stop()
        report["in_process_analyse_ms"] = _stats(in_process(texts, cached=True))
        report["in_process_analyse_from_scratch_ms"] = _stats(in_process(texts, cached=False))

        # -- memory over a long session ---------------------------------------------------
        if args.session:
            client = Client(command)
            client.settings = {"debounce": 5}
            await client.start(root)
            waiting = client.wait_version(1)
            client.open(uri, text)
            await asyncio.wait_for(waiting, 120)
            samples = [(0, round(rss_mb(client.pid()), 1))]
            version, current = 1, text
            session_edits = edits(text, args.session)
            start = time.perf_counter()
            for k, edit in enumerate(session_edits, 1):
                version += 1
                current = apply(current, edit)
                if k % 10 == 0:
                    waiting = client.wait_version(version)
                    client.change(uri, version, edit, None)
                    await asyncio.wait_for(waiting, 60)
                    if k % 500 == 0:
                        await client.hints(uri, 0, 2000)
                        await client.hover(uri, 10, 6)
                else:
                    client.change(uri, version, edit, None)
                if k % 1000 == 0:
                    samples.append((k, round(rss_mb(client.pid()), 1)))
            report["session"] = {"changes": args.session, "seconds": round(time.perf_counter() - start, 1),
                                 "rss_mb": samples}
            await client.stop()
    return report


def _stats(values) -> dict:
    values = sorted(values)
    return {"n": len(values), "median": round(statistics.median(values), 1),
            "p90": round(values[int(0.9 * (len(values) - 1))], 1), "max": round(values[-1], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--session", type=int, default=20_000)
    parser.add_argument("--json", metavar="PATH")
    args = parser.parse_args()
    report = asyncio.run(run(args))
    print(json.dumps(report, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
