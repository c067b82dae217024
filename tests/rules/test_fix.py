"""`flake8-flatten fix`: the exact text it writes in each style, what it refuses to
touch, idempotence, and (live) that Keras builds every fixed FLT001 model with the
shape the finding promised."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from flake8_flatten.cli import main
from flake8_flatten.discovery import discover
from flake8_flatten.fix import command, fix_source
from flake8_flatten.model import format_shape

from .. import ROOT
from ..conftest import keras_live
from ..expect import findings
from .fixes import assert_fixes, assert_leaves, code

CORPORA = (ROOT / "fixtures", ROOT / "tests" / "models", ROOT / "tests" / "diagnostics")
#: Fixtures whose model is built by a function or class the file never calls: the live
#: test calls it (appended to the fixed copy, so no position moves).
DRIVERS = {"bad_text_cnn.py": "build_model()", "bad_builder_class.py": "Classifier()"}
PROMISE = re.compile(r"\(it then outputs (\(.*?\))\)")


def dense_input_ranks(source: str, tmp_path) -> list:
    """The rank of each Dense's input in the Sequential models real Keras builds from
    ``source`` (run as a file, ``tensorflow.keras`` shimmed to Keras 3)."""
    live = keras_live()
    path = tmp_path / "fixed_model.py"
    path.write_text(source)
    sequential, _ = live.run_corpus_file(path)
    ranks = []
    for record in sequential:
        shapes = [record["input_shape"]] + record["shapes"]
        ranks += [len(shapes[i]) for i, kind in enumerate(record["layers"]) if kind == "Dense"]
    return ranks


def write(tmp_path, source: str):
    path = tmp_path / "fixed_model.py"
    path.write_text(source)
    return path


# -- the styles -------------------------------------------------------------------------


def test_model_add_gets_a_statement_and_the_input_shape_moves_to_the_new_first_layer():
    assert_fixes(code("""
        from keras.models import Sequential
        from keras.layers import Dense, Activation

        model = Sequential()
        model.add(Dense(16, input_shape=(3, 2)))
        model.add(Activation('relu'))
        model.add(Dense(4))
    """), code("""
        from keras.models import Sequential
        from keras.layers import Dense, Activation, Flatten

        model = Sequential()
        model.add(Flatten(input_shape=(3, 2)))
        model.add(Dense(16))
        model.add(Activation('relu'))
        model.add(Dense(4))
    """))


def test_one_layer_per_line_list_gets_a_line_comments_stay_where_they_were():
    assert_fixes(code("""
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential(
            [
                keras.Input(shape=(28, 28, 1)),
                layers.Conv2D(32, 3, activation="relu"),  # features
                # the classifier
                layers.Dense(10, activation="softmax"),  # 10 classes
            ]
        )
    """), code("""
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential(
            [
                keras.Input(shape=(28, 28, 1)),
                layers.Conv2D(32, 3, activation="relu"),  # features
                # the classifier
                layers.Flatten(),
                layers.Dense(10, activation="softmax"),  # 10 classes
            ]
        )
    """))


def test_inline_list_gets_an_element_and_the_name_joins_a_sorted_import_in_order():
    assert_fixes(code("""
        from keras.layers import Conv2D, Dense, MaxPooling2D
        from keras.models import Sequential

        model = Sequential([Conv2D(8, 3, input_shape=(16, 16, 1)), MaxPooling2D(), Dense(2)])
    """), code("""
        from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
        from keras.models import Sequential

        model = Sequential([Conv2D(8, 3, input_shape=(16, 16, 1)), MaxPooling2D(), Flatten(), Dense(2)])
    """))


def test_first_element_of_an_inline_list_hands_its_input_shape_over():
    assert_fixes(code("""
        from keras.layers import Activation, Dense
        from keras.models import Sequential

        model = Sequential([Dense(16, input_shape=(3, 2)), Activation("relu"), Dense(4)])
    """), code("""
        from keras.layers import Activation, Dense, Flatten
        from keras.models import Sequential

        model = Sequential([Flatten(input_shape=(3, 2)), Dense(16), Activation("relu"), Dense(4)])
    """))


def test_functional_dense_gets_its_input_wrapped_and_other_readers_of_x_keep_it():
    assert_fixes(code("""
        import keras
        from keras import layers

        inputs = keras.Input(shape=(28, 28, 1))
        x = layers.Conv2D(32, 3, activation="relu")(inputs)
        logits = layers.Dense(10)(x)
        model = keras.Model(inputs, logits)
    """), code("""
        import keras
        from keras import layers

        inputs = keras.Input(shape=(28, 28, 1))
        x = layers.Conv2D(32, 3, activation="relu")(inputs)
        logits = layers.Dense(10)(layers.Flatten()(x))
        model = keras.Model(inputs, logits)
    """))


def test_a_layer_applied_through_its_name_is_spelled_as_its_constructor():
    assert_fixes(code("""
        import tensorflow as tf

        def build():
            inp = tf.keras.Input(shape=(5, 5))
            dense_layer = tf.keras.layers.Dense(
                10, name="dense")
            return tf.keras.Model(inputs=inp, outputs=dense_layer(inp))

        model = build()
    """), code("""
        import tensorflow as tf

        def build():
            inp = tf.keras.Input(shape=(5, 5))
            dense_layer = tf.keras.layers.Dense(
                10, name="dense")
            return tf.keras.Model(inputs=inp, outputs=dense_layer(tf.keras.layers.Flatten()(inp)))

        model = build()
    """))


def test_a_functional_dense_imported_by_name_is_wrapped_not_taken_for_a_layer_variable():
    """Found by fuzzing ``fix`` over every import spelling: ``Dense(3)(x)`` and its
    ``Dense(3)`` start at one position, and the constructor (a call of the name
    ``Dense``) was taken for the application: "Dense is not assigned a layer call"."""
    assert_fixes(code("""
        from keras.layers import Conv2D, Dense, Input
        from keras.models import Model

        x_in = Input((8, 8, 3))
        x = Conv2D(4, 3)(x_in)
        x = Dense(3, 'softmax')(x)
        net = Model(x_in, x)
    """), code("""
        from keras.layers import Conv2D, Dense, Flatten, Input
        from keras.models import Model

        x_in = Input((8, 8, 3))
        x = Conv2D(4, 3)(x_in)
        x = Dense(3, 'softmax')(Flatten()(x))
        net = Model(x_in, x)
    """))


def test_import_keras_only_spells_the_full_path():
    assert_fixes(code("""
        import keras

        model = keras.Sequential([keras.Input(shape=(8, 8, 3)), keras.layers.Conv2D(4, 3), keras.layers.Dense(2)])
    """), code("""
        import keras

        model = keras.Sequential([keras.Input(shape=(8, 8, 3)), keras.layers.Conv2D(4, 3), keras.layers.Flatten(), keras.layers.Dense(2)])
    """))


def test_tf_keras_functional():
    assert_fixes(code("""
        import tensorflow as tf

        inputs = tf.keras.Input(shape=(8, 8, 3))
        x = tf.keras.layers.Conv2D(4, 3)(inputs)
        x = tf.keras.layers.Dense(2)(x)
        model = tf.keras.Model(inputs, x)
    """), code("""
        import tensorflow as tf

        inputs = tf.keras.Input(shape=(8, 8, 3))
        x = tf.keras.layers.Conv2D(4, 3)(inputs)
        x = tf.keras.layers.Dense(2)(tf.keras.layers.Flatten()(x))
        model = tf.keras.Model(inputs, x)
    """))


def test_aliased_names_get_flatten_appended_to_their_unsorted_import():
    assert_fixes(code("""
        from keras.layers import Dense as D, Conv2D as C
        from keras.models import Sequential

        model = Sequential()
        model.add(C(4, 3, input_shape=(8, 8, 3)))
        model.add(D(2))
    """), code("""
        from keras.layers import Dense as D, Conv2D as C, Flatten
        from keras.models import Sequential

        model = Sequential()
        model.add(C(4, 3, input_shape=(8, 8, 3)))
        model.add(Flatten())
        model.add(D(2))
    """))


def test_module_alias_in_a_helper_function_keeps_indentation_comments_and_trailing_comment():
    assert_fixes(code("""
        import keras.layers as L
        from keras import Sequential


        def build(units):
            model = Sequential()
            model.add(L.Conv2D(4, 3, input_shape=(8, 8, 3)))
            # the classifier
            model.add(L.Dense(units))  # 'units' classes
            return model


        model = build(2)
    """), code("""
        import keras.layers as L
        from keras import Sequential


        def build(units):
            model = Sequential()
            model.add(L.Conv2D(4, 3, input_shape=(8, 8, 3)))
            # the classifier
            model.add(L.Flatten())
            model.add(L.Dense(units))  # 'units' classes
            return model


        model = build(2)
    """))


def test_parenthesized_one_per_line_import_gets_a_line_in_order():
    assert_fixes(code("""
        from keras.layers import (
            Conv2D,
            Dense,
            MaxPooling2D,
        )
        from keras.models import Sequential

        model = Sequential([Conv2D(4, 3, name="é", input_shape=(8, 8, 3)), MaxPooling2D(), Dense(2)])
    """), code("""
        from keras.layers import (
            Conv2D,
            Dense,
            Flatten,
            MaxPooling2D,
        )
        from keras.models import Sequential

        model = Sequential([Conv2D(4, 3, name="é", input_shape=(8, 8, 3)), MaxPooling2D(), Flatten(), Dense(2)])
    """))


def test_an_existing_flatten_import_is_used_as_it_is():
    assert_fixes(code("""
        from keras.layers import Conv2D, Dense
        from keras.layers import Flatten as F
        from keras.models import Sequential

        model = Sequential([Conv2D(4, 3, input_shape=(8, 8, 3)), Dense(2)])
    """), code("""
        from keras.layers import Conv2D, Dense
        from keras.layers import Flatten as F
        from keras.models import Sequential

        model = Sequential([Conv2D(4, 3, input_shape=(8, 8, 3)), F(), Dense(2)])
    """))


def test_windows_line_endings_are_kept():
    before = code("""
        from keras.layers import Conv2D, Dense
        from keras.models import Sequential

        model = Sequential()
        model.add(Conv2D(4, 3, input_shape=(8, 8, 3)))
        model.add(Dense(2))
    """).replace("\n", "\r\n")
    after = code("""
        from keras.layers import Conv2D, Dense, Flatten
        from keras.models import Sequential

        model = Sequential()
        model.add(Conv2D(4, 3, input_shape=(8, 8, 3)))
        model.add(Flatten())
        model.add(Dense(2))
    """).replace("\n", "\r\n")
    assert_fixes(before, after)


def test_pooling_option_inserts_global_pooling_of_the_maps_rank():
    assert_fixes(code("""
        from keras import layers, Sequential

        model = Sequential([layers.Input((8, 3)), layers.Conv1D(4, 3), layers.Dense(2)])
    """), code("""
        from keras import layers, Sequential

        model = Sequential([layers.Input((8, 3)), layers.Conv1D(4, 3), layers.GlobalAveragePooling1D(), layers.Dense(2)])
    """), pooling=True)


def test_maps_of_unknown_size_get_global_pooling_even_without_the_option():
    assert_fixes(code("""
        from keras import layers, Sequential

        model = Sequential([
            layers.Input((None, None, 3)),
            layers.Conv2D(4, 3),
            layers.Dense(2),
        ])
    """), code("""
        from keras import layers, Sequential

        model = Sequential([
            layers.Input((None, None, 3)),
            layers.Conv2D(4, 3),
            layers.GlobalAveragePooling2D(),
            layers.Dense(2),
        ])
    """))


def test_every_finding_of_a_file_is_fixed_in_one_pass():
    source = (ROOT / "tests" / "models" / "missing_flatten_bugs.py").read_text()
    assert findings(source, "FLT001") == [(10, 4, "FLT001"), (24, 12, "FLT001"), (31, 4, "FLT001")]
    result = fix_source(source)
    assert (len(result.applied), result.skipped) == (3, [])
    assert findings(result.source, "FLT001") == []


STAR_IMPORT = code("""
    from tensorflow.keras.layers import *
    from tensorflow.keras.models import Sequential

    model = Sequential()
    model.add(Conv2D(4, 3, input_shape=(8, 8, 3)))
    model.add(Dense(2))
    head = Sequential([Input((6, 6, 4)), MaxPooling2D(), Dense(3)])
""")


def test_a_star_import_already_binds_flatten(tmp_path):
    """Issue 12, item 2: ``fix`` raised TypeError ('ImportStar' object is not iterable)."""
    fixed = STAR_IMPORT.replace("model.add(Dense(2))", "model.add(Flatten())\nmodel.add(Dense(2))") \
        .replace("MaxPooling2D(), Dense(3)", "MaxPooling2D(), Flatten(), Dense(3)")
    assert_fixes(STAR_IMPORT, fixed)
    assert dense_input_ranks(fixed, tmp_path) == [2, 2]


def test_a_star_import_whose_flatten_is_rebound_is_left_alone():
    assert_leaves(STAR_IMPORT.replace("from tensorflow.keras.models", "Flatten = None\nfrom tensorflow.keras.models"),
                  "the name Flatten is bound to something else")


LOOP = code("""
    from keras.layers import Conv2D, Dense, Dropout, MaxPooling2D
    from keras.models import Sequential

    model = Sequential()
    model.add(Conv2D(8, 3, activation="relu", input_shape=(16, 16, 1)))
    model.add(MaxPooling2D())
    # the classifier
    for units in (256, 128):
        model.add(Dense(units, activation="relu"))  # hidden
        model.add(Dropout(0.5))
    model.add(Dense(10, activation="softmax"))
""")


def test_a_dense_added_first_in_a_loop_gets_one_flatten_before_the_loop(tmp_path):
    """Issue 12, item 4: the loop's first iteration needs the Flatten, the next ones
    get rank 2 already: one statement before the ``for`` (it takes over the comment)."""
    fixed = LOOP.replace("Conv2D, Dense, Dropout, MaxPooling2D", "Conv2D, Dense, Dropout, Flatten, MaxPooling2D") \
        .replace("# the classifier\n", "# the classifier\nmodel.add(Flatten())\n")
    assert_fixes(LOOP, fixed)
    assert dense_input_ranks(fixed, tmp_path) == [2, 2, 2]


def test_a_loop_in_a_helper_with_a_spelled_out_module():
    assert_fixes(code("""
        from tensorflow import keras


        def build(sizes):
            model = keras.Sequential([keras.Input((8, 8, 3)), keras.layers.Conv2D(4, 3)])
            for size in sizes:
                model.add(keras.layers.Dense(size))
            return model


        model = build([16, 8])
    """), code("""
        from tensorflow import keras


        def build(sizes):
            model = keras.Sequential([keras.Input((8, 8, 3)), keras.layers.Conv2D(4, 3)])
            model.add(keras.layers.Flatten())
            for size in sizes:
                model.add(keras.layers.Dense(size))
            return model


        model = build([16, 8])
    """))


def test_a_functional_loop_reassigning_its_tensor_gets_one_flatten_before_the_loop(tmp_path):
    source = code("""
        import keras
        from keras import layers

        inputs = keras.Input((8, 8, 3))
        x = layers.Conv2D(4, 3)(inputs)
        # the head
        for units in (16, 8):
            x = layers.Dense(units, activation="relu")(x)
        outputs = layers.Dense(2)(x)
        model = keras.Model(inputs, outputs)
    """)
    fixed = source.replace("# the head\n", "# the head\nx = layers.Flatten()(x)\n")
    assert_fixes(source, fixed)
    shapes = keras_live().run_corpus_file(write(tmp_path, fixed))[1]["applications"]
    assert shapes["9:8"] == [[None, 16], [None, 8]] and shapes["10:10"] == [[None, 2]]


def test_a_functional_loop_reading_another_name_is_left_alone():
    assert_leaves(code("""
        import keras
        from keras import layers

        inputs = keras.Input((8, 8, 3))
        x = layers.Conv2D(4, 3)(inputs)
        for units in (16,):
            y = layers.Dense(units)(x)
        model = keras.Model(inputs, y)
    """), "inside a loop")


# -- what it leaves alone ---------------------------------------------------------------


def test_a_dense_after_other_layers_of_its_loop_is_left_alone():
    """Each iteration adds a Conv2D and then the Dense: a Flatten before the loop
    would give the second Conv2D a flat input."""
    assert_leaves(code("""
        from keras.layers import Conv2D, Dense
        from keras.models import Sequential

        model = Sequential([Conv2D(4, 3, input_shape=(12, 12, 3))])
        for units in [2, 3]:
            model.add(Conv2D(4, 3))
            model.add(Dense(units))
    """), "inside a loop that calls something before it")


def test_a_dense_in_a_nested_loop_is_left_alone():
    assert_leaves(code("""
        from keras.layers import Conv2D, Dense
        from keras.models import Sequential

        model = Sequential([Conv2D(4, 3, input_shape=(8, 8, 3))])
        for i in [1]:
            for units in [2]:
                model.add(Dense(units))
    """), "inside a loop")


def test_a_shared_layer_is_left_alone_its_weights_fit_its_other_input():
    assert_leaves((ROOT / "tests" / "diagnostics" / "clean_flt004_shared_tower_same_width.py").read_text(),
                  "the fixed file would get FLT004 at line 10")


def test_a_dense_with_another_finding_at_its_position_is_left_alone():
    """Found by fuzzing ``fix``: the second application of a shared Dense is both FLT001
    and FLT004 (weights built for size 6).  Flatten before it made FLT004 vanish from the
    re-lint (the shared-weights check compares inputs of one rank only), and Keras then
    refused the fixed file (size 384, not 6)."""
    assert_leaves(code("""
        from tensorflow.keras import layers, models

        x_in = layers.Input((8, 6, 8, 3))
        h = layers.Concatenate()([x_in, x_in])
        shared = layers.Dense(1)
        h1 = shared(h)
        h2 = shared(h1)
        model = models.Model(x_in, h2)
    """), "the Dense also has FLT004 there: fix that first")


def test_a_taken_name_is_not_shadowed():
    assert_leaves(code("""
        from keras.layers import Conv2D, Dense
        from keras.models import Sequential

        Flatten = "not a layer"
        model = Sequential([Conv2D(4, 3, input_shape=(8, 8, 3)), Dense(2)])
    """), "the name Flatten is already used")


def test_a_fix_that_breaks_a_claim_is_not_made():
    assert_leaves((ROOT / "tests" / "diagnostics" / "clean_flt002_rank3_claim.py").read_text(),
                  "the fixed file would get FLT002")


def test_noqa_findings_are_not_touched_nor_reported_as_unfixed():
    source = code("""
        from keras.layers import Conv2D, Dense
        from keras.models import Sequential

        model = Sequential([Conv2D(4, 3, input_shape=(8, 8, 3)), Dense(2)])  # noqa: E501,FLT001
    """)
    assert findings(source, "FLT001")
    result = fix_source(source)
    assert (result.source, result.applied, result.skipped) == (source, [], [])


# -- every FLT001 file of the repository --------------------------------------------------


@lru_cache(maxsize=None)
def flt001_files() -> tuple:
    return tuple(str(path.relative_to(ROOT)) for corpus in CORPORA for path in sorted(corpus.glob("*.py"))
                 if findings(path.read_text(), "FLT001"))


def test_every_flt001_fixture_is_fixed_and_the_fixed_file_lints_clean():
    expected = json.loads((ROOT / "fixtures" / "expected.json").read_text())
    fixtures = [name for name in flt001_files() if name.startswith("fixtures/")]
    assert fixtures == [f"fixtures/{name}" for name, found in sorted(expected.items())
                        if any(code == "FLT001" for *_, code in found)]
    for name in fixtures:
        result = fix_source((ROOT / name).read_text())
        assert result.skipped == [] and result.applied, name
        assert findings(result.source) == [], name


@pytest.mark.parametrize("name", flt001_files())
def test_fix_keeps_its_promise_and_is_idempotent(name):
    source = (ROOT / name).read_text()
    result = fix_source(source)
    assert fix_source(result.source).source == result.source
    left = findings(result.source, "FLT001")
    assert len(left) == len(result.skipped)  # what was not fixed is still reported, nothing else
    for applied in result.applied:
        promise = PROMISE.search(applied.finding.message)
        if promise is not None:  # Flatten; pooling on unknown sizes promises no shape
            assert format_shape(applied.output) == promise.group(1)
        assert applied.output is not None and len(applied.output) == 2


# -- the command ------------------------------------------------------------------------


README_FIXED = code("""
    import numpy as np
    from keras.models import Sequential
    from keras.layers import Dense, Activation, Flatten

    model = Sequential()
    model.add(Flatten(input_shape=(3, 2)))
    model.add(Dense(16))
    model.add(Activation('relu'))
    model.add(Dense(4))
    x = np.array([[[1, 2], [3, 4], [5, 6]]])
    print(model.predict(x).shape)  # (1, 3, 4) -- the author expected (1, 4)
""")


def test_diff_prints_the_change_writes_nothing_and_exits_1(tmp_path, capsys):
    path = tmp_path / "example.py"
    original = (ROOT / "fixtures" / "readme_example.py").read_bytes()
    path.write_bytes(original)
    assert main(["fix", "--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert path.read_bytes() == original
    assert out == (f"--- {path} (before)\n+++ {path} (fixed)\n"
                   "@@ -1,9 +1,10 @@\n"
                   " import numpy as np\n"
                   " from keras.models import Sequential\n"
                   "-from keras.layers import Dense, Activation\n"
                   "+from keras.layers import Dense, Activation, Flatten\n"
                   " \n"
                   " model = Sequential()\n"
                   "-model.add(Dense(16, input_shape=(3, 2)))\n"
                   "+model.add(Flatten(input_shape=(3, 2)))\n"
                   "+model.add(Dense(16))\n"
                   " model.add(Activation('relu'))\n"
                   " model.add(Dense(4))\n"
                   " x = np.array([[[1, 2], [3, 4], [5, 6]]])\n")


def test_fix_rewrites_in_place_then_has_nothing_left(tmp_path, capsys):
    path = tmp_path / "example.py"
    path.write_bytes((ROOT / "fixtures" / "readme_example.py").read_bytes())
    assert main(["fix", str(tmp_path)]) == 0
    assert path.read_text() == README_FIXED
    assert f"{path}: fixed 1 FLT001" in capsys.readouterr().err
    assert main(["fix", "--diff", str(path)]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("cookie, encoding", [("# -*- coding: latin-1 -*-\n", "latin-1"),
                                              ("", "utf-8-sig")])
def test_encoding_and_everything_else_survive_byte_for_byte(tmp_path, cookie, encoding):
    before = (cookie + code("""
        from keras.layers import Conv2D, Dense  # caf\xe9
        from keras.models import Sequential

        model = Sequential([Conv2D(4, 3, input_shape=(8, 8, 3)), Dense(2)])  # na\xefve
    """)).replace("\n", "\r\n")
    path = tmp_path / "encoded.py"
    path.write_bytes(before.encode(encoding))
    assert main(["fix", str(path)]) == 0
    expected = before.replace("Conv2D, Dense  #", "Conv2D, Dense, Flatten  #").replace(
        "Dense(2)]", "Flatten(), Dense(2)]")
    assert path.read_bytes() == expected.encode(encoding)


def test_a_finding_left_unfixed_is_said_on_stderr_and_exits_1(tmp_path, capsys):
    path = tmp_path / "claim.py"
    path.write_text((ROOT / "tests" / "diagnostics" / "clean_flt002_rank3_claim.py").read_text())
    assert main(["fix", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:7:5: FLT001 not fixed: the fixed file would get FLT002 at line 13")


@pytest.mark.parametrize("argv", [["fix", "/no/such/file.py"], ["fix", "-"], ["fix"],
                                  ["fix", "--bogus", "x.py"]])
def test_bad_input_is_one_line_and_exit_2(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("flake8-flatten: error: ") and err.count("\n") == 1


# -- live Keras -----------------------------------------------------------------------------


def live_cases() -> list:
    """Every FLT001 file whose fixed version lints clean (so it runs to the end in Keras), but
    not one that trains: `run_corpus_file` makes compile() a no-op, so its fit would refuse."""
    return [name for name in flt001_files() if not findings(fix_source((ROOT / name).read_text()).source)
            and ".fit(" not in (ROOT / name).read_text()]


@pytest.mark.parametrize("name", live_cases())
def test_keras_builds_the_fixed_model_with_the_promised_shape(name, tmp_path):
    live = keras_live()
    result = fix_source((ROOT / name).read_text())
    assert result.applied
    path = tmp_path / Path(name).name
    driver = DRIVERS.get(path.name)
    path.write_text(result.source + (f"\n{driver}\n" if driver else ""))
    sequential, functional = live.run_corpus_file(path)
    records = {(r["line"], r["col"]): r for r in sequential}
    models = discover(result.source)
    for applied in result.applied:
        promised = list(applied.output)
        if any(model.kind == "Functional" and any((c.line, c.col) == (applied.line, applied.col)
                                                  for c in model.layers) for model in models):
            assert functional["applications"][f"{applied.line}:{applied.col}"] == [promised]
            continue
        model, index = next((m, i) for m in models for i, c in enumerate(m.layers)
                            if (c.line, c.col) == (applied.line, applied.col))
        record = records[(model.line, model.col)]
        assert record["layers"][index - 1:index + 1] == [applied.layer, "Dense"]
        assert record["shapes"][index] == promised


def test_an_unwritable_file_is_one_line_exit_2_and_left_as_it_was(tmp_path, capsys, monkeypatch):
    path = tmp_path / "example.py"
    original = (ROOT / "fixtures" / "readme_example.py").read_bytes()
    path.write_bytes(original)

    def refuse_writes(name, mode="r", *args, **kwargs):
        if "w" in mode:
            raise PermissionError(13, "Permission denied", str(name))
        return open(name, mode, *args, **kwargs)

    monkeypatch.setattr(command, "open", refuse_writes, raising=False)
    assert main(["fix", str(path)]) == 2
    assert capsys.readouterr().err == f"flake8-flatten: error: cannot write {path}: Permission denied\n"
    assert path.read_bytes() == original


def test_a_file_that_is_not_a_notebook_is_one_line_exit_2_and_the_others_are_fixed(tmp_path, capsys):
    (tmp_path / "analysis.ipynb").write_text("{}")
    fixed = tmp_path / "model.py"
    fixed.write_bytes((ROOT / "fixtures" / "readme_example.py").read_bytes())
    assert main(["fix", str(tmp_path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"flake8-flatten: error: cannot read {tmp_path / 'analysis.ipynb'}: ")
    assert err[1:] == [f"{fixed}: fixed 1 FLT001"]
    assert fixed.read_text() == README_FIXED


def test_diff_into_a_closed_pipe_ends_quietly(tmp_path):
    """Issue 12, item 7: ``fix --diff ... | head -1`` printed "cannot fix ...:
    BrokenPipeError" and exited 2.  The diffs (~60 kB each, past any pipe buffer) go
    to a reader that leaves after one line: no word on stderr, the CLI's exit 1."""
    comment = "  # " + "x" * 30_000
    for index in range(4):
        (tmp_path / f"model{index}.py").write_text(code("""
            from keras.layers import Conv2D, Dense
            from keras.models import Sequential

            model = Sequential([Conv2D(4, 3, input_shape=(8, 8, 3)), Dense(2)])
        """).replace("])\n", "])" + comment + "\n"))
    process = subprocess.Popen([sys.executable, "-m", "flake8_flatten", "fix", "--diff", str(tmp_path)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    first = process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read()
    assert process.wait(timeout=120) == 1
    assert first.startswith(b"--- ") and err == b""
