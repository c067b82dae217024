"""Rule tests: FLT001-FLT005 findings on realistic scripts and snippets, and `fix`."""
