"""``python -m chatbot_mock demo``: a short tour of the mock through boto3."""

from __future__ import annotations

import sys
from typing import List, Optional


def main(argv: Optional[List[str]] = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["demo"]:
        from chatbot_mock._demo import run_demo

        run_demo()
        return 0
    print("usage: python -m chatbot_mock demo", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
