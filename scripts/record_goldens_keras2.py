"""Record goldens from real Keras 2 (tf-keras behind TensorFlow) and list where it differs from Keras 3.

Run from the main environment:  python scripts/record_goldens_keras2.py
(``--only layers|diagnostics|declarations`` records one part; ``--differences`` only
prints the differences of the committed goldens).  The Keras 2 side runs in a separate
interpreter, ``.venv-keras2/bin/python`` (or FLAKE8_FLATTEN_KERAS2_PYTHON), made by
``bash scripts/setup_keras2.sh``; the Keras 3 side of the declaration snippets runs here.
Writes tests/golden/{layer_shapes,diagnostics,declarations}_keras2.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.keras2_live import interpreter  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"
FILES = {"layers": "layer_shapes_keras2.json", "diagnostics": "diagnostics_keras2.json",
         "declarations": "declarations_keras2.json"}


def run_keras2(part: str) -> dict:
    """``python -m tests.keras2_live PART`` in the Keras 2 interpreter."""
    python = interpreter()
    if not python.exists():
        sys.exit(f"no Keras 2 interpreter at {python}: run bash scripts/setup_keras2.sh")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        proc = subprocess.run([str(python), "-m", "tests.keras2_live", part, str(out)], cwd=ROOT,
                              capture_output=True, text=True)
        if proc.returncode:
            sys.exit(f"Keras 2 run failed:\n{proc.stderr[-3000:]}")
        return json.loads(out.read_text())


def record(part: str) -> None:
    result = run_keras2(part)
    meta = {"keras_version": result["keras_version"], "tensorflow_version": result["tensorflow_version"],
            "package": "tf-keras", "backend": "tensorflow"}
    if part == "layers":
        body = {"cases": result["cases"]}
        summary = f"{len(body['cases'])} layer cases"
    elif part == "diagnostics":
        body = {"files": result["files"]}
        summary = f"{len(body['files'])} diagnostics scripts"
    else:
        from tests import keras_live
        from tests.keras_versions import FEEDING, SNIPPETS, snippet_outcome

        every = {**SNIPPETS, **FEEDING}
        with keras_live.tensorflow_shim():
            keras3 = {name: snippet_outcome(keras_live.keras, source) for name, source in every.items()}
        body = {"keras3_version": keras_live.keras.__version__,
                "snippets": {name: {"keras2": result["declarations"][name], "keras3": keras3[name]}
                             for name in every}}
        summary = f"{len(every)} declaration and feeding snippets (Keras 2 and Keras 3)"
    path = GOLDEN / FILES[part]
    path.write_text(json.dumps({**meta, **body}, indent=1) + "\n")
    print(f"recorded {summary} from tf-keras {meta['keras_version']} -> {path.relative_to(ROOT)}")


def _brief(outcome: dict) -> str:
    if "error" in outcome:
        return "refused: " + outcome["error"][:90]
    if outcome.get("outcome") == "ok":
        return "runs"
    if outcome.get("outcome") == "error":
        return f"fails at line {outcome.get('line')}: {outcome.get('type')}: {outcome.get('message', '')[:80]}"
    if outcome.get("built") is False:
        return "unbuilt"
    if "output_shape" in outcome:
        return f"input {tuple(outcome['input_shape'])} -> {tuple(outcome['output_shape'])}, {outcome['params']} params"
    return f"{tuple(outcome['shape'])}, {outcome.get('params')} params"


def differences() -> list:
    """(what, construct, Keras 2, Keras 3) for every recorded case where they differ."""
    rows = []
    k3 = json.loads((GOLDEN / "layer_shapes.json").read_text())["cases"]
    k2 = json.loads((GOLDEN / FILES["layers"]).read_text())["cases"]
    for case, three in k3.items():
        two = k2.get(case)
        if two is not None and (("error" in two) != ("error" in three) or two.get("shape") != three.get("shape")
                                or two.get("params") != three.get("params")):
            rows.append(("layer", case, _brief(two), _brief(three)))
    k3 = json.loads((GOLDEN / "diagnostics.json").read_text())["files"]
    k2 = json.loads((GOLDEN / FILES["diagnostics"]).read_text())["files"]
    for name, three in k3.items():
        two = k2.get(name)
        if two is not None and (two["outcome"], two.get("line")) != (three["outcome"], three.get("line")):
            rows.append(("script", f"tests/diagnostics/{name}", _brief(two), _brief(three)))
    snippets = json.loads((GOLDEN / FILES["declarations"]).read_text())["snippets"]
    for name, both in snippets.items():
        if both["keras2"] != both["keras3"]:
            rows.append(("model", name, _brief(both["keras2"]), _brief(both["keras3"])))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=tuple(FILES), help="record only this part")
    parser.add_argument("--differences", action="store_true",
                        help="only print where the committed Keras 2 and Keras 3 goldens differ")
    args = parser.parse_args()
    if not args.differences:
        for part in FILES:
            if args.only in (None, part):
                record(part)
    rows = differences()
    print(f"\n{len(rows)} differences (kind | construct | Keras 2 | Keras 3):")
    for row in rows:
        print(" | ".join(row))


if __name__ == "__main__":
    main()
