"""Write the rules' documentation from the rule modules: ``docs/rules/FLTNNN.md`` and the
table at the top of README.md (between its marker lines).

    python scripts/gen_docs.py          # rewrite what differs
    python scripts/gen_docs.py --check  # write nothing; exit 1 naming what differs

Each rule's text is its ``RULE`` in ``flake8_flatten/rules/fltNNN.py``; tests/project/test_docs.py
fails when a written file is not what this script would write.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flake8_flatten.rules.docs import PAGES, page_path, rule_page, with_table  # noqa: E402
from flake8_flatten.rules.registry import RULES  # noqa: E402


def expected() -> dict:
    """Every generated file (path relative to the root -> text)."""
    files = {page_path(rule): rule_page(rule) for rule in RULES}
    files["README.md"] = with_table((ROOT / "README.md").read_text(encoding="utf-8"))
    return files


def stale_pages() -> list:
    """Pages in docs/rules/ that no registered rule makes (a rule that was removed)."""
    made = {page_path(rule) for rule in RULES}
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / PAGES).glob("*.md")
                  if str(path.relative_to(ROOT)) not in made)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file differs")
    args = parser.parse_args(argv)
    differing = []
    for relative, text in expected().items():
        path = ROOT / relative
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        differing.append(relative)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    stale = stale_pages()
    for relative in differing:
        print(f"{'differs' if args.check else 'wrote'}: {relative}")
    for relative in stale:
        print(f"made by no rule (delete it): {relative}")
    return 1 if (args.check and differing) or stale else 0


if __name__ == "__main__":
    sys.exit(main())
