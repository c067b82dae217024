"""`flake8-flatten fix`: insert the Flatten() (or global pooling) each FLT001 asks for.

- `planning`: which edit each finding gets, accepted or declined with the reason after
  a re-lint of the edited source (`fix_source`: source in, `FixResult` out, no files);
- `codemod`: the libcst rewrite (imported only when there is something to fix, so
  linting never loads libcst);
- `command`: the CLI command (`fix_paths`): files and notebooks, diff, exit status.
"""

from .planning import fix_source
from .targets import Applied, FixResult, Skipped

__all__ = ["Applied", "FixResult", "Skipped", "fix_source"]
