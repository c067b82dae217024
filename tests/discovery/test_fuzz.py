"""Fuzzing, the short run (CI): random programs never crash any front-end; random
models agree with the NumPy references and with real Keras.

``scripts/fuzz_long.py`` runs the same checks at scale (see docs/measurements.md, "Fuzzing").
Hypothesis is derandomized here so CI is repeatable; the long run draws fresh
programs from its ``--seed``.
"""

from __future__ import annotations

import ast
import inspect

import hypothesmith
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from flake8_flatten.discovery import discover
from flake8_flatten.shapes.engine import run_model

from ..conftest import keras_live
from ..fuzz_oracle import (Tally, check_class_model, check_generated, check_hidden_input, check_source, check_spliced, escaped, failures,
                          fuzz_fix, kerasify, with_keras_header)
from ..model_generator import (ALIASES, BUGGY_STYLES, CLASS_STYLES, EVERY_IMPORT_STYLE, IMPORT_STYLES, NO_IMPORTS,
                              POSITIONAL, buggy, generate)

SHORT = settings(max_examples=120, deadline=None, database=None, derandomize=True,
                 phases=[Phase.generate, Phase.shrink],
                 suppress_health_check=list(HealthCheck))
PROGRAMS = hypothesmith.from_grammar()
MODELS = range(400)  # seeds of generated models; ~10 ms each with Keras


# --- random syntactically valid Python -----------------------------------------------


@SHORT
@given(PROGRAMS)
def test_random_programs_never_raise(source):
    assert not escaped(source)


@SHORT
@given(PROGRAMS)
def test_random_programs_past_the_precheck_never_raise(source):
    assert not escaped(with_keras_header(source))


@SHORT
@given(PROGRAMS, st.integers(0, 2**32 - 1))
def test_random_programs_full_of_keras_calls_never_raise(source, seed):
    """Names replaced by Keras layers, models and ``model.add``: discovery meets Keras
    calls with arbitrary arguments in arbitrary statements."""
    program = kerasify(source, seed)
    if program is not None:
        assert not escaped(program)


@settings(SHORT, max_examples=8)
@given(PROGRAMS, st.integers(0, 2**32 - 1))
def test_cli_on_random_programs_exits_cleanly(source, seed):
    program = kerasify(source, seed) or with_keras_header(source)
    assert not escaped(program, cli=True)


def test_kerasify_puts_keras_calls_in_front_of_discovery():
    programs = [kerasify("m = b([c(4), d(2)])\n", seed) for seed in range(50)]
    assert all(program is not None for program in programs)
    assert any(discover(program) for program in programs)


# --- generated Keras models -------------------------------------------------------------


def test_generator_is_seeded_and_varied():
    assert generate(7).source == generate(7).source
    models = [generate(seed) for seed in MODELS]
    assert {m.style for m in models} == {"list", "add", "functional"}
    assert {m.imports for m in models} == {style.name for style in IMPORT_STYLES}
    assert sum(m.invalid_layers > 0 for m in models) > len(models) // 10
    sources = [m.source for m in models]
    assert any("for " in s for s in sources) and any("def block" in s for s in sources)
    assert any(m.models == 2 for m in models)  # a Sequential block called as a layer
    for model in models:
        ast.parse(model.source)


def test_generated_models_static_engine_agrees_with_numpy():
    tally = Tally()
    for seed in MODELS:
        check_generated(seed, tally, live=False)
    counts = tally.counts
    assert not tally.examples, tally.examples  # escaped exceptions, undiscovered models, disagreements
    assert counts["numpy: static claims"] > 2 * len(MODELS)  # the check is not vacuous
    assert counts["numpy: confirmed"] >= 0.95 * counts["numpy: static claims"]


def test_generated_models_agree_with_live_keras():
    keras_live()
    tally = Tally()
    for seed in MODELS:
        check_generated(seed, tally, live=True)
    counts = tally.counts
    problems = {key: examples for key, examples in tally.examples.items() if "(gaps)" not in key}
    assert not problems, problems  # wrong shapes, claims where Keras refuses, false FLT004, ...
    assert counts["keras: reported shapes compared"] > 2 * len(MODELS)
    assert counts["keras: reported shapes exact"] >= 0.95 * counts["keras: layer shapes Keras built"]
    refused = counts["keras: files failing (build)"] + counts["keras: files failing (arguments)"]
    assert counts["keras: files failing (code)"] == 0
    assert 0.1 * len(MODELS) < refused < 0.6 * len(MODELS)  # both kinds are generated
    assert counts["flt004: confirmed (Keras refuses there)"] >= 0.9 * refused  # recall of FLT004


def test_shapes_stated_without_the_input_are_keras_s():
    """Generated models described with their input hidden: the shapes still stated (after
    a Flatten, a global pooling, an RNN of an unknown input) are those Keras built."""
    keras_live()
    tally = Tally()
    for seed in MODELS:
        check_hidden_input(seed, tally)
    assert not failures(tally), failures(tally)
    assert tally.counts["hidden input: shapes stated"] > len(MODELS) // 4  # not vacuous
    assert tally.counts["hidden input: shapes exact"] >= 0.9 * tally.counts["hidden input: shapes stated"]


@SHORT
@given(PROGRAMS, st.integers(0, 2**32 - 1))
def test_generated_models_with_odd_expressions_spliced_in(donor, seed):
    """Expressions of random programs (and odd values) as layer arguments: nothing
    escapes and the NumPy references never disagree with the static engine."""
    tally = Tally()
    check_spliced(seed, donor, tally, live=False)
    assert not failures(tally), failures(tally)


def test_spliced_models_never_contradict_live_keras():
    """Where Keras builds a layer of a spliced model the static shape is Keras's, and
    FLT004 is never reported where Keras builds.  (A spliced value Keras refuses --
    ``Dense(units='same')``, ``Dropout(2.5)`` -- may still get a claimed shape:
    argument checks are modelled only for sizes, see fuzz_oracle.)"""
    keras_live()
    tally = Tally()
    for seed in range(200):
        check_spliced(seed, "", tally, live=True)
    assert not failures(tally), failures(tally)
    assert tally.counts["keras: reported shapes compared"] > 50


def test_positional_parameters_are_keras_signatures():
    """The generator writes these parameters positionally: they must be Keras 3's order."""
    keras = keras_live().keras
    for kind, names in POSITIONAL.items():
        parameters = [p.name for p in inspect.signature(getattr(keras.layers, kind)).parameters.values()
                      if p.kind is p.POSITIONAL_OR_KEYWORD]
        assert tuple(parameters[:len(names)]) == names, kind


REACH_SEEDS = range(400, 460)


@pytest.mark.parametrize("imports", [NO_IMPORTS.name, ALIASES.name])
def test_generated_models_without_imports_and_with_aliases_agree_with_live_keras(imports):
    """Issue 10's spellings: a snippet with no import line (Keras's names unbound) and
    layers spelled through aliases (``tfk = tf.keras; L = tfk.layers``) read as the
    same models: every stated shape is Keras's, FLT004 only where Keras refuses."""
    keras_live()
    tally = Tally()
    for seed in REACH_SEEDS:
        generated = generate(seed, imports=imports)
        assert ("import" in generated.source) == (imports != NO_IMPORTS.name)
        check_source(generated.source, f"seed {seed}", tally, True, generated.models)
    counts = tally.counts
    problems = {key: examples for key, examples in tally.examples.items() if "(gaps)" not in key}
    assert not problems, problems
    assert counts["keras: reported shapes compared"] > 2 * len(REACH_SEEDS)
    assert counts["keras: reported shapes exact"] >= 0.95 * counts["keras: layer shapes Keras built"]


CLASS_SEEDS = range(40)


def test_class_styles_are_drawn_only_on_request():
    """Subclassed models and custom layers come only from ``kind=...``: the seeds of
    the other styles make the files they made before."""
    assert {generate(seed).style for seed in MODELS} == {"list", "add", "functional"}
    for kind in CLASS_STYLES:
        models = [generate(seed, kind=kind) for seed in CLASS_SEEDS]
        assert {m.style for m in models} == {kind}
        assert generate(3, kind=kind).source == generate(3, kind=kind).source
        sources = [m.source for m in models]
        for model in models:
            ast.parse(model.source)
        assert all("class " in text and "def call(self" in text for text in sources)
        assert any(" * " in text or " + " in text or "ops." in text for text in sources)  # ops between
    subclassed = [generate(seed, kind="subclassed") for seed in CLASS_SEEDS]
    assert {m.detail for m in subclassed} == {"build", "call", "predict", "input"}
    texts = "".join(m.source for m in subclassed)
    assert "for layer in self." in texts or "for block in self." in texts  # a list of layers
    assert "Sequential([" in texts and "    def block_" in texts  # a Sequential attribute, a helper
    custom = [generate(seed, kind="custom") for seed in CLASS_SEEDS]
    assert {m.detail for m in custom} == {"list", "functional"}


@pytest.mark.parametrize("kind", CLASS_STYLES)
def test_subclassed_models_and_custom_layers_agree_with_live_keras(kind):
    """Issue 11: generated subclassed models (layers made in ``__init__``, applied in
    ``call``, input from ``build``, a NumPy call, ``predict`` or ``keras.Input``) and
    custom layers in Sequential and functional models, in every import spelling:
    nothing escapes, every shape stated (at the layers' constructors in ``__init__``)
    is Keras's and the NumPy reference's, FLT004 only where Keras refuses."""
    keras_live()
    tally = Tally()
    for seed in CLASS_SEEDS:
        imports = EVERY_IMPORT_STYLE[seed % len(EVERY_IMPORT_STYLE)].name
        check_class_model(seed, kind, tally, True, imports)
    counts = tally.counts
    problems = {key: examples for key, examples in tally.examples.items() if "(gaps)" not in key}
    assert not problems, problems  # escaped, wrong shapes, NumPy disagreements, false FLT004
    assert counts["keras: reported shapes compared"] > 2 * len(CLASS_SEEDS)
    assert counts["keras: reported shapes exact"] >= 0.75 * counts["keras: layer shapes Keras built"]
    assert counts[f"{kind}: classes followed by discovery"] >= 0.7 * counts[f"{kind}: classes generated"]
    if kind == "custom":  # refusals of the plain layers around custom layers are found
        assert counts["flt004: confirmed (Keras refuses there)"] > 0
    # inside a traced ``call`` FLT004 stays silent (model.TRACED: Keras skips the build
    # checks there, and the long run found 95 refusals it did not make): only gaps


# --- fix on generated models --------------------------------------------------------------

FIX_SEEDS = range(len(EVERY_IMPORT_STYLE) * len(BUGGY_STYLES))  # each spelling in each style once


def test_fix_on_every_import_spelling_and_model_style_in_files_and_notebooks():
    """``fix`` on models with the Flatten forgotten -- every import spelling (the star
    import too) in every style (a list, ``model.add``, ``model.add`` in loops, lists
    concatenated, functional, functional in a loop), as files and as notebooks with
    magics -- and on generated models with their Flatten taken out: no exception, each
    FLT001 fixed or declined with a reason (the declined ones are what is left), no
    new finding, a second fix changes nothing, notebooks validate and keep their magics;
    real Keras builds every fixed file, each fixed Dense outputs the promised shape,
    and no Dense of a fixed model with the bug gets a rank>2 input."""
    keras_live()
    tally = Tally()
    for seed in FIX_SEEDS:
        fuzz_fix(seed, tally, live=True)
    counts = tally.counts
    assert not tally.examples, tally.examples
    assert any("import *" in buggy(seed).source for seed in FIX_SEEDS)
    assert counts["fix (file): FLT001 found"] > len(FIX_SEEDS)  # not vacuous
    declined = counts["fix (file): FLT001 found"] - counts["fix (file): FLT001 fixed"]
    assert declined <= 5  # shared layers, a Dense with another finding at its position
    assert counts["fix (notebook): FLT001 fixed"] >= 0.8 * counts["fix (notebook): FLT001 found"] > 0
    assert counts["fix (keras): fixed Dense outputs confirmed"] >= counts["fix (file): FLT001 fixed"] - 2
    assert counts["fix (keras): files with every Dense on rank 2"] >= 0.8 * len(FIX_SEEDS)


# --- what the fuzzers found ----------------------------------------------------------

ZERO_STRIDE = """\
import keras
from keras import layers
m = keras.Sequential([keras.Input((8, 8, 3)), layers.Dense(4), layers.MaxPooling2D(2, 0, "same")])
"""


def test_zero_stride_never_crashes_the_numpy_reference():
    """The model fuzzer's first escaped exception (spliced seed 1000020): the 'same'
    padding reference divided by a zero stride inside lint()."""
    from flake8_flatten.model import LayerCall
    from flake8_flatten.verify import reference_graph

    assert not escaped(ZERO_STRIDE)
    pooling = LayerCall("MaxPooling2D", (2, 0, "same"))
    assert reference_graph([(None, 8, 8, 3)], [pooling], [(0,)], 48) == [None]


def test_global_pooling_reference_reads_keepdims_as_keras_does():
    """Spliced seed 1003297: ``keepdims=(3, None)`` is true to Keras (it keeps the axis);
    the reference took only ``True`` itself as true.  An unknown value cannot run."""
    from flake8_flatten.model import UNKNOWN, LayerCall
    from flake8_flatten.verify import reference_graph

    def reference(keepdims):
        call = LayerCall("GlobalAveragePooling1D", (), (("keepdims", keepdims),))
        return reference_graph([(None, 5, 2)], [call], [(0,)], 48)

    assert reference((3, None)) == [(0, 1, 2)]
    assert reference(0) == [(0, 2)]
    assert reference(UNKNOWN) == [None]


# --- what the fuzzers found in discovery and the layer rules --------------------------

SPATIAL_DROPOUT_INPUT_SHAPE = """\
import keras
from keras import layers
model = keras.Sequential([layers.SpatialDropout1D(0.1, input_shape=(11, 3)), layers.Flatten()])
"""


def test_input_shape_on_a_layer_that_refuses_it_claims_nothing():
    (model,) = discover(SPATIAL_DROPOUT_INPUT_SHAPE)
    assert all(r.output_shape is None for r in run_model(model).results)
