"""The property-based tests: hypothesis drives the mock with generated requests.

The suite runs in pytest's importlib import mode and this directory is not a package,
so it goes on ``sys.path`` here and ``import shape_strategies`` works in its modules.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
