"""The language server's analysis without a client: the incremental parse equals
ast.parse, the span scanner equals the tree's call ends, the per-model cache changes
nothing, and a buffer that does not parse keeps only what sits on unchanged lines."""

from __future__ import annotations

import ast
import random

import pytest

from flake8_flatten.discovery import discover
from flake8_flatten.lsp import analysis
from flake8_flatten.lsp.analysis import DocumentCache, analyse, carry_over, split_lines

from .. import ROOT

FILES = sorted((ROOT / "fixtures").glob("*.py")) + sorted((ROOT / "tests" / "models").glob("*.py"))
SNIPPETS = ["", "x = 1\n", "    y = (2,\n", ")\n", "@decorator\n", "def f():\n    return 3\n",
            "model.add(layers.Dense(4))\n", "'''\n", "a = 1; b = (\n2)\n", "\\\n", "#c\n"]


def random_edit(rng: random.Random, text: str) -> str:
    """Replace a random run of lines (possibly none) by a random snippet or by other
    lines of the text; part of a line now and then."""
    lines = text.splitlines(keepends=True)
    i = rng.randrange(len(lines) + 1)
    j = min(len(lines), i + rng.choice([0, 0, 1, 1, 2, 5]))
    choice = rng.random()
    if choice < 0.4:
        new = rng.choice(SNIPPETS)
    elif choice < 0.7 and lines:
        k = rng.randrange(len(lines))
        new = "".join(lines[k:k + rng.randint(1, 4)])
    else:  # a character typed or deleted within a line
        if not lines:
            return text + "x"
        line = lines[min(i, len(lines) - 1)]
        c = rng.randrange(len(line))
        new_line = line[:c] + rng.choice(["", "1", "(", ")", " ", "#", "x"]) + line[c + 1:]
        i = min(i, len(lines) - 1)
        return "".join(lines[:i] + [new_line] + lines[i + 1:])
    return "".join(lines[:i] + [new] + lines[j:])


def full(tree) -> str:
    return ast.dump(tree, include_attributes=True)


@pytest.mark.parametrize("path", FILES[::3], ids=lambda p: p.name)
def test_incremental_parse_equals_ast_parse(path):
    rng = random.Random(path.name)
    text = path.read_text()
    cache = DocumentCache()
    cache.parse(text, split_lines(text))
    reused = 0
    good = text
    for _ in range(150):
        text = random_edit(rng, text)
        lines = split_lines(text)
        try:
            expected = ast.parse(text)
        except (SyntaxError, ValueError):
            with pytest.raises((SyntaxError, ValueError)):
                cache.parse(text, lines)
            if rng.random() < 0.6:
                text = good  # the typist fixes it, mostly
            continue
        good = text
        before = cache.tree.body[:]
        got = cache.parse(text, lines)
        reused += any(node in before for node in got.body)
        assert full(got) == full(expected)
    assert reused > 10  # the point: statements are reused


def test_spans_end_where_the_tree_says():
    """The text scanner's end of every layer call and model call is the end of the
    outermost ast.Call starting there (``Dense(10)(x)``, not ``Dense(10)``)."""
    checked = 0
    for path in FILES:
        text = path.read_text()
        tree = ast.parse(text)
        lines = split_lines(text)
        ends = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                key, end = (node.lineno, node.col_offset), (node.end_lineno, node.end_col_offset)
                ends[key] = max(end, ends.get(key, (0, 0)))
        scanner = analysis._Spans(lines)  # no tree: the scan alone
        for model in discover(text, tree):
            for line, col in [(model.line, model.col)] + [(c.line, c.col) for c in model.layers]:
                if (line, col) not in ends:
                    continue
                span = scanner.span(line, col)
                end_line, end_col = ends[(line, col)]
                assert span is not None, (path.name, line, col)
                assert span.end == (end_line - 1, analysis.char_col(lines[end_line - 1], end_col)), \
                    (path.name, line, col)
                checked += 1
    assert checked > 300


def test_the_model_cache_changes_nothing():
    rng = random.Random(7)
    for path in FILES[::2]:
        text = path.read_text()
        cache = DocumentCache()
        analyse(text, cache=cache)
        for _ in range(15):
            text = random_edit(rng, text)
            cached, fresh = analyse(text, cache=cache), analyse(text)
            assert cached.parsed == fresh.parsed
            assert cached.diagnostics == fresh.diagnostics, path.name
            assert cached.hints == fresh.hints, path.name
            assert [m.record for m in cached.models] == [m.record for m in fresh.models]
        assert len(cache.models) == len(analyse(text).models) or not analyse(text).parsed


def test_carry_over_keeps_only_unchanged_lines():
    text = (ROOT / "fixtures" / "bad_cnn_classifier.py").read_text()
    good = analyse(text)
    assert good.diagnostics and good.hints
    lines = split_lines(text)
    dense = good.diagnostics[0].span.start[0]
    broken = lines[:dense] + ["    broken(("] + lines[dense:]
    kept = carry_over(good, broken)
    assert not kept.parsed
    assert [d.span.start[0] for d in kept.diagnostics] == [dense + 1]
    for hint in kept.hints:  # each kept hint is on the same text as before
        old = next(h for h in good.hints if h.label == hint.label and h.position[1] == hint.position[1])
        assert broken[hint.position[0]] == lines[old.position[0]]
    # a change on the Dense's own line drops its diagnostic and hint
    broken = lines[:dense] + [lines[dense][:10]] + lines[dense + 1:]
    kept = carry_over(good, broken)
    assert kept.diagnostics == []
    assert all(h.position[0] != dense for h in kept.hints)


def test_hints_show_unknown_sizes_as_question_marks_and_skip_unknown_shapes():
    text = (
        "from keras import Input, Sequential, layers\n"
        "model = Sequential([\n"
        "    Input(shape=(None, 5)),\n"
        "    layers.LSTM(8, return_sequences=True),\n"
        "    layers.Dense(16),\n"
        "    layers.Lambda(lambda t: t),\n"  # unknown: nothing after it is known
        "    layers.Dense(2),\n"
        "])\n"
    )
    labels = {h.position[0]: h.label for h in analyse(text).hints}
    assert labels[3] == "→ (None, ?, 8)"
    assert labels[4] == "→ (None, ?, 16)"
    assert 5 not in labels and 6 not in labels
    assert labels[1] == "  input (None, ?, 5)"  # total params unknown: not shown
    assert analysis.format_hint_shape((None, 10)) == "(None, 10)"
    assert analysis.format_hint_shape((None,)) == "(None,)"
    assert analysis.format_hint_shape((32, None, 3)) == "(32, ?, 3)"
