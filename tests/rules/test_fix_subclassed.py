"""`flake8-flatten fix` on subclassed models and custom layers (issue 11 item 6).

FLT001 is reported at the Dense's constructor in ``__init__`` (``self.head = Dense(..)``);
the fix defines ``self.flatten = Flatten()`` (in the file's spelling) just before it and
applies it where the class applies the Dense: ``self.head(x)`` -> ``self.head(self.flatten(x))``.
Each fixed source re-lints clean, a second fix changes nothing, and (live) real Keras builds
it with every Dense on a rank-2 input.  Over the subclassed corpus (``tests/subclassed/bad_*``)
every bad file is fixed or declined with the reason, as listed in `DECLINED`.
"""

from __future__ import annotations

import re
import textwrap

import pytest

from flake8_flatten.fix import fix_source

from .. import TESTS
from ..conftest import keras_live
from ..corpora import recorder
from ..expect import findings
from .fixes import assert_fixes, assert_leaves, code

CORPUS = TESTS / "subclassed"
BAD = sorted(p.name for p in CORPUS.glob("bad_*.py"))
#: The bad corpus files fix declines, and a part of the reason it gives.
DECLINED = {
    "bad_build_layer_dict.py": "not assigned to an attribute of its own",
    "bad_data_two_shapes.py": "392 or 1800 inputs: one weight matrix cannot take both",
}


RECORD = recorder(CORPUS)  # stdlib + numpy at import; Keras only when a file runs


def keras_dense_ranks(source: str, tmp_path, name: str = "fixed_model.py") -> dict:
    """Real Keras runs ``source`` (``tensorflow.keras`` shimmed to Keras 3, ``build`` as
    tf.keras means it): per Dense constructor line, the ranks of the outputs of the
    layers constructed there (a Dense keeps its input's rank: 2 means it got rank 2; a
    ``Dense(..)(Flatten()(x))`` line also holds the Flatten, whose output is rank 2)."""
    keras_live()  # skips without Keras (fails in CI, where Keras is required)
    path = tmp_path / name
    path.write_text(source)
    record = RECORD.run_file(path)
    assert record["builds"], record.get("error") or record.get("unapplied_dense")
    dense = {str(line) for line in RECORD.dense_lines(path)}
    ranks = {int(line): sorted({len(pair[1]) for pair in pairs})
             for line, pairs in record["layers"].items() if line in dense}
    assert ranks and set(ranks) == {int(line) for line in dense}, ranks  # every Dense applied
    return ranks


def assert_flat_in_keras(source: str, tmp_path, name: str = "fixed_model.py") -> None:
    ranks = keras_dense_ranks(source, tmp_path, name)
    assert all(r == [2] for r in ranks.values()), ranks


# -- the example, its input in three ways --------------------------------------------

DIGITNET = code('''
    import numpy as np
    import keras
    from keras import layers


    class DigitNet(keras.Model):
        def __init__(self, num_classes=10):
            super().__init__()
            self.conv = layers.Conv2D(32, 3, activation="relu")
            self.pool = layers.MaxPooling2D()
            # the classifier
            self.head = layers.Dense(num_classes, activation="softmax")

        def call(self, x):
            return self.head(self.pool(self.conv(x)))


''')
DIGITNET_FIXED = code('''
    import numpy as np
    import keras
    from keras import layers


    class DigitNet(keras.Model):
        def __init__(self, num_classes=10):
            super().__init__()
            self.conv = layers.Conv2D(32, 3, activation="relu")
            self.pool = layers.MaxPooling2D()
            # the classifier
            self.flatten = layers.Flatten()
            self.head = layers.Dense(num_classes, activation="softmax")

        def call(self, x):
            return self.head(self.flatten(self.pool(self.conv(x))))


''')
INPUTS = {
    "build": "model = DigitNet()\nmodel.build((None, 28, 28, 1))\n",
    "call": 'model = DigitNet()\nout = model(np.zeros((2, 28, 28, 1), "float32"))\n',
    "input": ("inputs = keras.Input((28, 28, 1))\n"
              "model = keras.Model(inputs, DigitNet()(inputs))\n"),
}


@pytest.mark.parametrize("how", sorted(INPUTS))
def test_digitnet_gets_self_flatten_before_its_dense_and_applies_it_in_call(how):
    before, after = DIGITNET + INPUTS[how], DIGITNET_FIXED + INPUTS[how]
    # at the constructor in __init__ (applied in a functional graph, the class is also
    # reported by that graph, at the same position: both are fixed by the one edit)
    assert findings(before, "FLT001") == [(12, 20, "FLT001")]
    result = fix_source(before)
    assert {(a.layer, a.line, a.col, a.output) for a in result.applied} == {
        ("Flatten", 13, 20, (None, 10))}
    assert_fixes(before, after)


@pytest.mark.parametrize("how", sorted(INPUTS))
def test_digitnet_fixed_builds_in_keras_with_its_dense_on_rank_2(how, tmp_path):
    fixed = fix_source(DIGITNET + INPUTS[how]).source
    assert keras_dense_ranks(fixed, tmp_path) == {13: [2]}


def test_pooling_defines_a_global_pool_attribute():
    before = DIGITNET + INPUTS["build"]
    after = (DIGITNET_FIXED + INPUTS["build"]).replace(
        "self.flatten = layers.Flatten()", "self.global_pool = layers.GlobalAveragePooling2D()"
    ).replace("self.flatten(", "self.global_pool(")
    assert_fixes(before, after, pooling=True)


# -- spellings ----------------------------------------------------------------------------


def test_tf_keras_spelling(tmp_path):
    before = code('''
        import numpy as np
        import tensorflow as tf


        class MyModel(tf.keras.Model):
            def __init__(self):
                super(MyModel, self).__init__()
                self.conv1 = tf.keras.layers.Conv2D(32, 3, activation="relu")
                self.d1 = tf.keras.layers.Dense(128, activation="relu")
                self.d2 = tf.keras.layers.Dense(10)

            def call(self, x, training=False):
                x = self.conv1(x)
                x = self.d1(x, training=training)
                return self.d2(x)


        model = MyModel()
        predictions = model(np.zeros((32, 28, 28, 1), "float32"))
    ''')
    after = before.replace(
        '        self.d1 = tf.keras.layers.Dense(128, activation="relu")\n',
        '        self.flatten = tf.keras.layers.Flatten()\n'
        '        self.d1 = tf.keras.layers.Dense(128, activation="relu")\n',
    ).replace("x = self.d1(x, training=training)", "x = self.d1(self.flatten(x), training=training)")
    assert_fixes(before, after)
    assert_flat_in_keras(after, tmp_path)


def test_from_import_gets_flatten_added_and_a_bare_name(tmp_path):
    before = code('''
        from tensorflow.keras import Model
        from tensorflow.keras.layers import Conv2D, Dense


        class MyModel(Model):
            def __init__(self):
                super().__init__()
                self.conv1 = Conv2D(32, 3, activation="relu")
                self.d1 = Dense(128, activation="relu")
                self.d2 = Dense(10)

            def call(self, x):
                x = self.conv1(x)
                x = self.d1(x)
                return self.d2(x)


        model = MyModel()
        model.build((None, 28, 28, 1))
    ''')
    after = before.replace(
        "import Conv2D, Dense\n", "import Conv2D, Dense, Flatten\n"
    ).replace(
        '        self.d1 = Dense(128, activation="relu")\n',
        '        self.flatten = Flatten()\n        self.d1 = Dense(128, activation="relu")\n',
    ).replace("x = self.d1(x)", "x = self.d1(self.flatten(x))")
    assert_fixes(before, after)
    assert_flat_in_keras(after, tmp_path)


def test_star_import_and_a_taken_attribute_name():
    before = code('''
        from keras import Model
        from keras.layers import *


        class Net(Model):
            def __init__(self):
                super().__init__()
                self.flatten = Conv2D(8, 3)
                self.head = Dense(10)

            def call(self, x):
                return self.head(self.flatten(x))


        class Other(Model):
            def __init__(self):
                super().__init__()
                self.conv = Conv2D(8, 3)
                self.head = Dense(10)

            def call(self, x):
                return self.head(self.conv(x))


        model = Net()
        model.build((None, 28, 28, 1))
        other = Other()
        other.build((None, 28, 28, 1))
    ''')
    after = before.replace(
        "        self.flatten = Conv2D(8, 3)\n        self.head = Dense(10)\n",
        "        self.flatten = Conv2D(8, 3)\n        self.flatten_1 = Flatten()\n"
        "        self.head = Dense(10)\n",
    ).replace(
        "return self.head(self.flatten(x))", "return self.head(self.flatten_1(self.flatten(x)))"
    ).replace(
        "        self.conv = Conv2D(8, 3)\n        self.head = Dense(10)\n",
        "        self.conv = Conv2D(8, 3)\n        self.flatten = Flatten()\n"
        "        self.head = Dense(10)\n",
    ).replace("return self.head(self.conv(x))", "return self.head(self.flatten(self.conv(x)))")
    assert_fixes(before, after)


def test_a_snippet_without_imports_gets_a_bare_flatten():
    before = code('''
        class Net(keras.Model):
            def __init__(self):
                super().__init__()
                self.conv = Conv2D(8, 3)
                self.head = Dense(10)

            def call(self, x):
                return self.head(self.conv(x))


        model = Net()
        model.build((None, 28, 28, 1))
    ''')
    after = before.replace(
        "        self.head = Dense(10)\n", "        self.flatten = Flatten()\n        self.head = Dense(10)\n"
    ).replace("self.head(self.conv(x))", "self.head(self.flatten(self.conv(x)))")
    assert_fixes(before, after)


# -- custom layers ------------------------------------------------------------------------

CUSTOM_HEAD = code('''
    import keras
    from keras import layers


    class ClassifierHead(layers.Layer):
        def __init__(self, num_classes, **kwargs):
            super().__init__(**kwargs)
            self.drop = layers.Dropout(0.3)
            self.fc = layers.Dense(num_classes, activation="softmax")

        def call(self, x, training=None):
            return self.fc(self.drop(x, training=training))


    model = keras.Sequential([
        keras.Input((28, 28, 1)),
        layers.Conv2D(16, 3, activation="relu"),
        layers.MaxPooling2D(),
        ClassifierHead(10),
    ])
''')


def test_a_custom_layers_inner_dense(tmp_path):
    after = CUSTOM_HEAD.replace(
        '        self.fc = layers.Dense(num_classes, activation="softmax")\n',
        '        self.flatten = layers.Flatten()\n'
        '        self.fc = layers.Dense(num_classes, activation="softmax")\n',
    ).replace("self.fc(self.drop(x, training=training))",
              "self.fc(self.flatten(self.drop(x, training=training)))")
    assert_fixes(CUSTOM_HEAD, after)
    assert_flat_in_keras(after, tmp_path)


def test_a_dense_applied_in_a_helper_method(tmp_path):
    before = (CORPUS / "bad_build_helper_method.py").read_text()
    result = fix_source(before)
    assert [a.line for a in result.applied] == [12]
    assert "        return self.fc2(self.fc1(self.flatten(x)))\n" in result.source
    assert findings(result.source, "FLT001") == [] and fix_source(result.source).source == result.source
    assert_flat_in_keras(result.source, tmp_path)


# -- declined, with the reason --------------------------------------------------------------

NET = code('''
    import keras
    from keras import layers


    class Net(keras.Model):
        def __init__(self):
            super().__init__()
            self.conv = layers.Conv2D(8, 3)
            self.head = layers.Dense(10)
    {extra}
        def call(self, x):
    {body}


    model = Net()
    model.build((None, 28, 28, 1))
''')


def net(body: str, extra: str = "") -> str:
    return NET.format(body=textwrap.indent(code(body), " " * 8), extra=textwrap.indent(code(extra), " " * 8))


def test_keyword_arguments_of_the_application_stay():
    before = net('''
        return self.head(self.conv(x), training=None)
    ''')
    result = fix_source(before)
    assert result.skipped == [] and len(result.applied) == 1
    assert "return self.head(self.flatten(self.conv(x)), training=None)" in result.source


def test_declines_a_dense_applied_twice_in_a_chain():
    assert_leaves(net('''
        x = self.head(self.conv(x))
        return self.head(x)
    '''), "self.head is applied more than once")


def test_declines_a_dense_applied_in_a_loop():
    assert_leaves(net('''
        for _ in range(1):
            x = self.head(self.conv(x))
        return x
    '''), "the Dense is inside a loop: the new layer would be added on every iteration")


def plan_declines(source: str, reason: str) -> None:
    """The codemod itself refuses the class's Dense (line 9; sources lint does not report
    yet, the guards being there for when discovery follows them)."""
    from flake8_flatten.fix.codemod import Codemod
    from flake8_flatten.fix.targets import Target, Unfixable
    from flake8_flatten.rules import Finding

    target = Target(0, True, Finding(9, 20, "FLT001", "Dense(10)"), "Flatten", (None, 10))
    with pytest.raises(Unfixable, match=re.escape(reason)):
        Codemod(source).plan([target])


@pytest.mark.parametrize("body, extra, reason", [
    ("y = self.head(self.conv(x))\nreturn self.head(x) + y\n", "",
     "self.head is applied more than once (lines 12, 13)"),
    ("return self.head(self.conv(x))\n", "def other(self, x):\n    return self.head(x)\n",
     "self.head is applied more than once (lines 11, 14)"),
    ("return self.head(self.conv(x))\n", "def reset(self):\n    self.head = layers.Dense(3)\n",
     "self.head is assigned more than once"),
    ("return self.head(self.conv(x))\n", "def heads(self):\n    return [self.head]\n",
     "self.head is used other than by calling it (line 11)"),
    ("return self.head(inputs=self.conv(x))\n", "", "self.head(...) is not applied to a single tensor"),
    ("return self.head(*[self.conv(x)])\n", "", "self.head(...) is not applied to a single tensor"),
    ("return self.conv(x)\n", "", "self.head is never applied in the class"),
])
def test_the_codemod_declines_what_it_cannot_follow(body, extra, reason):
    plan_declines(net(body, extra), reason)


def test_declines_a_class_without_call():
    source = net("return x\n").replace("def call(self, x):", "def forward(self, x):")
    plan_declines(source, "self.head is never applied in the class (it has no call method)")


def test_declines_a_dense_in_a_layer_dict():
    assert_leaves((CORPUS / "bad_build_layer_dict.py").read_text(),
                  "not assigned to an attribute of its own")


def test_declines_flatten_when_one_model_takes_two_input_sizes_and_pooling_fixes_it(tmp_path):
    source = (CORPUS / "bad_data_two_shapes.py").read_text()
    assert_leaves(source, "after Flatten() the Dense would get 392 or 1800 inputs")
    pooled = fix_source(source, pooling=True)
    assert pooled.skipped == [] and len(pooled.applied) == 1  # one finding per place
    assert "self.global_pool = layers.GlobalAveragePooling2D()" in pooled.source
    assert findings(pooled.source, "FLT001") == []
    assert_flat_in_keras(pooled.source, tmp_path)


# -- the subclassed corpus ------------------------------------------------------------------


@pytest.mark.parametrize("name", BAD)
def test_corpus_bad_file_is_fixed_or_declined_with_its_reason(name):
    source = (CORPUS / name).read_text()
    result = fix_source(source)
    if name in DECLINED:
        assert result.source == source and not result.applied
        assert result.skipped and all(DECLINED[name] in s.reason for s in result.skipped), result.skipped
        return
    assert result.applied and not result.skipped, result.skipped
    assert findings(result.source, "FLT001") == []
    assert len(findings(result.source)) == len(findings(source)) - len(result.applied)
    assert fix_source(result.source).source == result.source
    marked = {i for i, line in enumerate(result.source.splitlines(), 1)
              if line.rstrip().endswith("# FLT001")}  # the mark stays on the Dense's line
    assert {a.line for a in result.applied} == marked


@pytest.mark.parametrize("name", sorted(set(BAD) - set(DECLINED)))
def test_corpus_fixed_file_builds_in_keras_with_no_dense_on_rank_above_2(name, tmp_path):
    fixed = fix_source((CORPUS / name).read_text()).source
    ranks = keras_dense_ranks(fixed, tmp_path, name)
    assert all(r == [2] for r in ranks.values()), ranks
