"""The test suite, laid out by what it tests (CONTRIBUTING.md, "Test layout"): rules/, layers/,
discovery/, frontends/, project/; support modules and data folders stay here at the top."""

from pathlib import Path

#: this folder (tests/), where the data folders and support modules are
TESTS = Path(__file__).resolve().parent
#: the checkout (or unpacked sdist)
ROOT = TESTS.parent
