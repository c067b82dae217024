"""Run flake8 with the flake8-flatten plugin ("FLT") removed, or kept.

Usage: python bench/flake8_without_plugin.py [--keep-plugin] <flake8 args...>

Both benchmark variants go through this wrapper so they pay the same start-up
cost; only the plain variant filters the plugin out.  In flake8 7.x,
``flake8.options.parse_args`` calls ``finder.find_plugins(cfg, opts)`` through
the module attribute, so replacing that attribute is enough: a dropped plugin is
never imported.
"""

import sys

from flake8.main import cli
from flake8.plugins import finder

PLUGIN_ENTRY_POINT = "FLT"


def _install_filter() -> None:
    """Make ``find_plugins`` drop every plugin whose entry point is named FLT."""
    original = finder.find_plugins

    def find_plugins(cfg, opts):
        return [p for p in original(cfg, opts) if p.entry_point.name != PLUGIN_ENTRY_POINT]

    finder.find_plugins = find_plugins


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--keep-plugin"]:
        args = args[1:]
    else:
        _install_filter()
    raise SystemExit(cli.main(args))
