"""The property-based tests: hypothesis drives the mock with generated requests.

The suite runs in pytest's importlib import mode and this directory is not a package,
so it goes on ``sys.path`` here and ``import shape_strategies`` works in its modules.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from hypothesis import settings  # noqa: E402

# CI runs a fixed set of examples, so a run fails only because the code changed; a
# developer's run draws new examples each time (and PROPERTY_EXAMPLES searches deeper).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
