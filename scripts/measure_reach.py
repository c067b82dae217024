"""Reach on real code: the share of Keras ``Dense(`` call sites that get a shape.

Measures whichever ``flake8_flatten`` is importable (it prints ``flake8_flatten.__file__``;
``--package-root DIR`` puts DIR first on ``sys.path``, e.g. a ``git worktree`` of an older
commit).  Nothing of the corpora is committed: they are read from bare git mirrors
(``/work/.mirror/<owner>+<name>/repo``, as the ``fetch`` tool leaves them), exported into
``--work`` and converted to plain ``.py`` files with ``scripts/corpus_extract.py``.

For every file, each textual call whose callee is ``Dense`` or ``<anything>.Dense`` is a
call site (once, wherever it is: module level, function, method).  The project's analysis
runs in-process, as ``flake8-flatten shapes`` does (``discover`` + ``summarize``).  A call site
*gets a shape* when some layer of some discovered model is that call (same line and column)
and its output shape is known: *rank-known* (a shape, possibly with unknown sizes) and, of
those, *fully known* (every axis after the batch axis a number).  The others are classified
by their likeliest cause; FLT findings (``lint``, ``# noqa`` honoured) are listed for review.

Usage::

    python scripts/measure_reach.py                       # export (cached), measure, print
    PYTHONPATH=/tmp/before python scripts/measure_reach.py  # or --package-root /tmp/before
    python scripts/measure_reach.py --neuralint           # NeuraLint's sample_buggy_scripts too
    python scripts/measure_reach.py --json out.json       # every call site, for diffing runs
"""

from __future__ import annotations

import argparse
import importlib
import ast
import json
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Corpus:
    name: str
    mirror: str  # <owner>+<name> under --mirror
    pattern: str  # regex on the path inside the repository
    note: str
    keras_only: bool = True  # keep only the files whose text mentions keras


#: The corpus of issue 10 ("keras-io, tensorflow/docs, handson-ml2/3, Deep Learning with
#: Python notebooks, Keras's examples"), each kept to files whose text mentions keras.
CORPORA = (
    Corpus("keras-io", "wariua+keras-io-ko", r"^examples/[^/]+/[^/]+\.py$",
           "examples/<topic>/*.py (the .py sources; their ipynb/ copies are left out)"),
    Corpus("keras-io-guides", "wariua+keras-io-ko", r"^guides/.*\.py$",
           "guides/**/*.py (the .py sources; their ipynb/ copies are left out)"),
    Corpus("tf-docs", "tensorflow+docs", r"^site/en/.*\.ipynb$", "site/en/**/*.ipynb"),
    Corpus("handson-ml2", "ageron+handson-ml2", r"^[^/]+\.ipynb$", "*.ipynb"),
    Corpus("handson-ml3", "ageron+handson-ml3", r"^[^/]+\.ipynb$", "*.ipynb"),
    Corpus("dlwp", "fchollet+deep-learning-with-python-notebooks", r"\.ipynb$",
           "**/*.ipynb (1st, 2nd and 3rd editions)"),
    Corpus("keras-examples", "keras-team+keras", r"^examples/[^/]+\.py$", "examples/*.py"),
)
#: NeuraLint's 34 real programs (StackOverflow and GitHub; its "Synthetic Samples" are
#: TensorFlow programs written for the paper).
NEURALINT = Corpus("neuralint", "neuralint+neuralint",
                   r"^sample_buggy_scripts/(SO|GitHub) Samples/[^/]+\.py$",
                   "sample_buggy_scripts/{SO,GitHub} Samples/*.py (the 34 real programs)",
                   keras_only=False)  # most are snippets without an import line
#: Its missing-Flatten programs and the line of the Dense that lacks the Flatten (the
#: repository has no bug list: 45120429 is its README's Keras example, reported there as
#: "missing flatten"; 38584268 says "Bug is to forget the addition of flatten" above the line;
#: 53119432 and 61030068 feed a Conv1D stack straight into Dense).  Read by hand.
MISSING_FLATTEN = {
    "sample_buggy_scripts/SO Samples/38584268.py": 44,
    "sample_buggy_scripts/SO Samples/45120429.py": 18,
    "sample_buggy_scripts/SO Samples/53119432.py": 9,
    "sample_buggy_scripts/SO Samples/61030068.py": 6,
}
#: corpus_extract.py writes one header line (``# source: ...``) above every file's text:
#: lines are reported without it, so a .py file's lines are its own.
HEADER_LINES = 1
KERAS = re.compile(r"keras", re.IGNORECASE)

# --- the corpora: bare mirror -> raw files -> plain .py ---------------------------------


def _git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(git_dir), *args],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True).stdout


def export(corpus: Corpus, mirror: Path, work: Path) -> Tuple[str, int, List[str]]:
    """Write the corpus's matching files (that mention keras, unless ``keras_only`` is off)
    under work/raw/<name> and convert them into work/py/<name>; ``(commit, files written,
    paths whose blob the mirror lacks)``.  Cached: a second run reuses work/py/<name> when
    the commit and the selection are the same."""
    git_dir = mirror / corpus.mirror / "repo"
    commit = _git(git_dir, "rev-parse", "HEAD").decode().strip()
    raw, out = work / "raw" / corpus.name, work / "py" / corpus.name
    stamp = work / "py" / f"{corpus.name}.commit"
    key = f"{commit} {corpus.pattern} {corpus.keras_only}"
    if stamp.exists() and stamp.read_text().split("\n")[0] == key and out.is_dir():
        lines = stamp.read_text().split("\n")
        return commit, int(lines[1]), [p for p in lines[2:] if p]
    entries = []
    for line in _git(git_dir, "ls-tree", "-r", "-z", "HEAD").split(b"\0"):
        if not line:
            continue
        meta, path = line.split(b"\t", 1)
        _, kind, obj = meta.split()
        path = path.decode("utf-8", "replace")
        if kind == b"blob" and re.search(corpus.pattern, path):
            entries.append((path, obj.decode()))
    absent = []
    shutil.rmtree(raw, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    for path, obj in entries:
        try:
            data = _git(git_dir, "cat-file", "blob", obj)
        except subprocess.CalledProcessError:  # the snapshot leaves its largest files out
            absent.append(path)
            continue
        if corpus.keras_only and not KERAS.search(data.decode("utf-8", "replace")):
            continue
        target = raw / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    sys.path.insert(0, str(HERE))
    from corpus_extract import convert

    sys.path.remove(str(HERE))
    written, errors = convert(raw, out) if raw.is_dir() else (0, [])
    for error in errors:
        print(f"  {corpus.name}: not converted: {error}", file=sys.stderr)
    stamp.write_text("\n".join([key, str(written), *absent]) + "\n")
    return commit, written, absent


# --- Dense call sites and their context -------------------------------------------------


@dataclass
class Site:
    path: str
    line: int
    col: int  # 0-based, as ast and flake8 give it
    classes: Tuple[str, ...]  # enclosing class kinds: "model", "layer", "other"
    in_function: bool
    wrapped: bool  # an argument of another layer: TimeDistributed(Dense(..)), Bidirectional...
    shapes: list = field(default_factory=list)  # (output shape, model record) per layer match


def _base_kind(base: ast.expr, local: Dict[str, str]) -> str:
    name = base.attr if isinstance(base, ast.Attribute) else base.id if isinstance(base, ast.Name) \
        else ""
    if name in local:
        return local[name]
    if name == "Model" or name.endswith("Model") and name != "BaseModel":
        return "model"
    if name == "Layer" or name in ("Wrapper", "RNN", "Sequential"):
        return "layer" if name != "Sequential" else "model"
    return "other"


def class_kinds(tree: ast.Module) -> Dict[str, str]:
    """Per class name defined in the file: "model" (subclasses keras Model, directly or via
    a class of this file), "layer" (subclasses Layer), or "other"."""
    classes = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    kinds: Dict[str, str] = {}
    for _ in range(5):  # a class may subclass one defined below it
        for node in classes:
            found = [_base_kind(b, kinds) for b in node.bases]
            kinds[node.name] = "model" if "model" in found else "layer" if "layer" in found \
                else "other"
    return kinds


def is_dense_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return isinstance(func, ast.Name) and func.id == "Dense" or \
        isinstance(func, ast.Attribute) and func.attr == "Dense"


def _callee(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) \
        else ""


def dense_sites(tree: ast.Module, path: str) -> List[Site]:
    kinds = class_kinds(tree)
    sites: List[Site] = []

    def visit(node: ast.AST, classes: Tuple[str, ...], in_function: bool, wrapped: bool):
        if is_dense_call(node):
            sites.append(Site(path, node.lineno, node.col_offset, classes, in_function, wrapped))
        if isinstance(node, ast.ClassDef):
            classes = classes + (kinds.get(node.name, "other"),)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            in_function = True
        if isinstance(node, ast.Call):
            visit(node.func, classes, in_function, False)
            layer = _callee(node) not in ("", "Sequential") and _callee(node)[0].isupper()
            for child in list(node.args) + [k.value for k in node.keywords]:
                visit(child, classes, in_function, layer)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, classes, in_function, False)

    visit(tree, (), False, False)
    return sites


# --- classification ---------------------------------------------------------------------

CAUSES = (
    ("model-input-unknown", "in a discovered model whose input is unknown"),
    ("model-input-partial", "in a discovered model whose input has an unknown (or None) size"),
    ("model-shape-lost", "in a discovered model with a fully known input, shape lost before it"),
    ("model-subclass", "inside a keras.Model subclass (not in any discovered model)"),
    ("layer-subclass", "inside a layers.Layer subclass (not in any discovered model)"),
    ("wrapped", "an argument of another layer (TimeDistributed(Dense(..)), ...), no model"),
    ("function", "in a function or method, not in any discovered model"),
    ("module", "at module level, not in any discovered model"),
)


def fully_known(shape) -> bool:
    return shape is not None and all(d is not None for d in shape[1:])


def _input_known(record: dict, fully: bool = False) -> bool:
    """Every input of the model has a known rank (and, ``fully``, known sizes)."""
    inputs = record.get("input_shapes", [record["input_shape"]])
    return bool(inputs) and all(fully_known(s) if fully else s is not None for s in inputs)


def lost_at(site: "Site") -> Optional[str]:
    """Where a model with a fully known input first loses its shape before ``site``: the
    class of the first layer (in call order) whose output is unknown."""
    for _, record in site.shapes:
        if not _input_known(record, fully=True):
            continue
        for layer in record["layers"]:
            if layer["output_shape"] is None:
                return layer["class"]
    return None


def classify(site: Site) -> str:
    if any(shape is not None for shape, _ in site.shapes):
        return "fully-known" if any(fully_known(s) for s, _ in site.shapes) else "rank-known"
    if site.shapes:
        if any(_input_known(record, fully=True) for _, record in site.shapes):
            return "model-shape-lost"
        known = any(_input_known(record) for _, record in site.shapes)
        return "model-input-partial" if known else "model-input-unknown"
    if "model" in site.classes:
        return "model-subclass"
    if "layer" in site.classes:
        return "layer-subclass"
    if site.wrapped:
        return "wrapped"
    return "function" if site.in_function else "module"


# --- measuring --------------------------------------------------------------------------


@dataclass
class FileResult:
    corpus: str
    path: str
    parses: bool = True
    sites: List[Site] = field(default_factory=list)
    models: List[dict] = field(default_factory=list)
    findings: List[str] = field(default_factory=list)
    error: Optional[str] = None


def measure_file(corpus: str, path: Path, root: Path, api) -> FileResult:
    discover, summarize, lint, suppressed = api
    rel = str(path.relative_to(root))
    result = FileResult(corpus, rel)
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError):
        result.parses = False
        return result
    result.sites = dense_sites(tree, rel)
    try:
        result.models = [summarize(model, rel) for model in discover(text)]
        lines = text.splitlines()
        result.findings = [f"{rel}:{f.line - HEADER_LINES}:{f.col + 1}: {f.code} {f.message}"
                           for f in lint(text) if not suppressed(lines, f)]
    except Exception as exc:  # noqa: BLE001 -- a crash is a result, reported, not the end
        result.error = f"{type(exc).__name__}: {exc}"
        return result
    by_position = defaultdict(list)
    for record in result.models:
        for layer in record["layers"]:
            by_position[(layer["line"], layer["col"] - 1)].append((layer["output_shape"], record))
    for site in result.sites:
        site.shapes = by_position.get((site.line, site.col), [])
    return result


def load_api(package_root: Optional[str]):
    if package_root:
        sys.path.insert(0, str(Path(package_root).resolve()))
    import flake8_flatten
    from flake8_flatten.discovery import discover
    from flake8_flatten.rules import lint, suppressed
    from flake8_flatten.summary import summarize

    return flake8_flatten, (discover, summarize, lint, suppressed)


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def report(results: List[FileResult], names: List[str], out=sys.stdout) -> dict:
    """Print the tables; return the figures as a dict."""
    figures = {}
    header = ("corpus", "files", "Dense sites", "with shape", "fully known", "rank only",
              "models", "input unknown")
    rows = [header]
    for name in names + ["total"]:
        mine = [r for r in results if name == "total" or r.corpus == name]
        sites = [s for r in mine for s in r.sites]
        causes = Counter(classify(s) for s in sites)
        models = [m for r in mine for m in r.models]
        unknown_input = sum(not _input_known(m) for m in models)
        shaped = causes["fully-known"] + causes["rank-known"]
        figures[name] = {"files": len(mine), "unparsed": sum(not r.parses for r in mine),
                         "errors": sum(r.error is not None for r in mine),
                         "sites": len(sites), "with_shape": shaped, "causes": dict(causes),
                         "models": len(models), "models_input_unknown": unknown_input}
        rows.append((name, str(len(mine)), str(len(sites)),
                     f"{shaped} ({_pct(shaped, len(sites))})",
                     str(causes["fully-known"]), str(causes["rank-known"]), str(len(models)),
                     f"{unknown_input} ({_pct(unknown_input, len(models))})"))
    print(_table(rows), file=out)
    print(file=out)
    rows = [("cause of no shape",) + tuple(names) + ("total", "share of all sites")]
    total_sites = figures["total"]["sites"]
    for key, text in CAUSES:
        counts = [figures[n]["causes"].get(key, 0) for n in names + ["total"]]
        rows.append((f"{text} [{key}]",) + tuple(map(str, counts))
                    + (_pct(counts[-1], total_sites),))
    print(_table(rows), file=out)
    lost = Counter(lost_at(s) for r in results for s in r.sites
                   if classify(s) == "model-shape-lost")
    if lost:
        print("\n[model-shape-lost] the first layer whose output is unknown, by class: "
              + ", ".join(f"{kind} {n}" for kind, n in lost.most_common(15)), file=out)
    figures["total"]["lost_at"] = dict(lost)
    return figures


def neuralint_table(results: List[FileResult], out=sys.stdout) -> None:
    """NeuraLint's missing-Flatten programs: is the FLT001 at the Dense that lacks the Flatten?"""
    print("\nNeuraLint missing-Flatten programs:", file=out)
    rows = [("program", "Dense line", "shape of that Dense", "FLT001 there", "other findings")]
    for path, line in MISSING_FLATTEN.items():
        mine = [r for r in results if r.path == path + ".py" or r.path == path]
        if not mine:
            rows.append((Path(path).name, str(line), "file not measured", "-", "-"))
            continue
        result = mine[0]
        shapes = [shape for s in result.sites if s.line - HEADER_LINES == line
                  for shape, _ in s.shapes]
        here = [f for f in result.findings if f.split(":")[1] == str(line) and "FLT001" in f]
        rows.append((Path(path).name, str(line),
                     " / ".join("?" if x is None else str(tuple(x)) for x in shapes) or
                     "not in a discovered model",
                     "yes" if here else "no", str(len(result.findings) - len(here))))
    print(_table(rows), file=out)
    others = [f for r in results for f in r.findings
              if not any(r.path.startswith(p) and f.split(":")[1] == str(n)
                         for p, n in MISSING_FLATTEN.items())]
    print(f"other findings in the {len(results)} programs: {len(others)}", file=out)


def _table(rows: List[tuple]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                               for i, (c, w) in enumerate(zip(row, widths))).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"),
                        help="the directory of <owner>+<name>/repo bare git mirrors")
    parser.add_argument("--work", type=Path, default=Path("/tmp/measure_reach"),
                        help="where the corpora are exported and converted (a cache)")
    parser.add_argument("--package-root", help="import flake8_flatten from this directory")
    parser.add_argument("--corpus", action="append", choices=[c.name for c in CORPORA],
                        help="only these corpora (repeatable; default: all)")
    parser.add_argument("--neuralint", action="store_true",
                        help="also NeuraLint's sample_buggy_scripts (a separate table)")
    parser.add_argument("--json", type=Path, help="write every call site and figure here")
    parser.add_argument("--sites", choices=list(dict(CAUSES)) + ["none"], default="none",
                        help="list the call sites of one cause")
    parser.add_argument("--keras-version", choices=("2", "3"),
                        help="judge the code by this Keras (default: the linter's own default)")
    args = parser.parse_args(argv)

    package, api = load_api(args.package_root)
    if args.keras_version:
        config = importlib.import_module("flake8_flatten.config")
        config._ACTIVE.set(config.Options(keras_version=args.keras_version))
        print(f"keras-version: {args.keras_version}")
    print(f"flake8_flatten: {package.__file__}")
    try:
        head = subprocess.run(["git", "-C", str(Path(package.__file__).parent), "rev-parse",
                               "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(Path(package.__file__).parent), "status",
                                "--porcelain", "--", "."], capture_output=True,
                               text=True).stdout.strip()
        print(f"commit: {head or '?'}{' (flake8_flatten/ modified)' if dirty else ''}")
    except OSError:
        pass
    corpora = [c for c in CORPORA if not args.corpus or c.name in args.corpus]
    groups = [corpora] + ([[NEURALINT]] if args.neuralint else [])
    everything = {}
    for group in groups:
        results: List[FileResult] = []
        for corpus in group:
            commit, written, absent = export(corpus, args.mirror, args.work)
            print(f"{corpus.name}: {corpus.mirror}@{commit[:12]} {corpus.note}: {written} files"
                  + (f"; absent from the mirror: {', '.join(absent)}" if absent else ""))
            root = args.work / "py" / corpus.name
            start = time.perf_counter()
            for path in sorted(root.rglob("*.py")):
                results.append(measure_file(corpus.name, path, root, api))
            print(f"  measured in {time.perf_counter() - start:.1f} s")
        print()
        names = [c.name for c in group]
        figures = report(results, names)
        unparsed = [r.path for r in results if not r.parses]
        errors = [f"{r.path}: {r.error}" for r in results if r.error]
        print(f"\nfiles that do not parse: {len(unparsed)}"
              + (f" ({', '.join(unparsed[:8])}{', ...' if len(unparsed) > 8 else ''})"
                 if unparsed else ""))
        print(f"exceptions from flake8_flatten: {len(errors)}")
        for line in errors:
            print(f"  {line}")
        findings = [f"{r.corpus}/{f}" for r in results for f in r.findings]
        print(f"\nFLT findings: {len(findings)}")
        for line in findings:
            print(f"  {line}")
        if group == [NEURALINT]:
            neuralint_table(results)
        if args.sites != "none":
            print(f"\ncall sites [{args.sites}]:")
            for r in results:
                for s in r.sites:
                    if classify(s) == args.sites:
                        print(f"  {r.corpus}/{s.path}:{s.line - HEADER_LINES}:{s.col + 1}")
        everything["+".join(names)] = {
            "figures": figures, "findings": findings, "unparsed": unparsed, "errors": errors,
            "sites": [{"corpus": r.corpus, "path": s.path, "line": s.line - HEADER_LINES,
                       "col": s.col + 1,
                       "class": classify(s), "shapes": [shape for shape, _ in s.shapes]}
                      for r in results for s in r.sites]}
        print()
    if args.json:
        args.json.write_text(json.dumps({"flake8_flatten": package.__file__, **everything},
                                        indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
