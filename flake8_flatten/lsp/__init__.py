"""``flake8-flatten lsp``: a language server (pygls, stdio) for Keras shapes in the editor.

- `analysis`: one document's diagnostics, inlay hints and model summaries, computed
  from its text alone (no pygls; the linted code is never imported or run);
- `server`: the pygls server (``pip install flake8-flatten[lsp]``).  Nothing else in
  the package imports it, so the flake8 plugin and the CLI never load pygls.
"""
