"""Front-end tests: the CLI, the flake8 plugin, the language server, notebooks, nbQA, pre-commit,
report formats and configuration."""
