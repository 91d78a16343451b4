"""Record the wire corpus: ``python tests/wire_corpus/record.py`` from the repository root.

Runs the scenario in ``scenario.py`` against the current code and writes
``tests/wire_corpus/corpus.json`` (pretty-printed, keys sorted), then prints how many
steps it holds and how many of the 44 operations it covers with a success and with an
error answer. ``test_wire_corpus.py`` replays the same scenario and compares. Re-record
only when a change of wire behaviour is intended, and review the diff of corpus.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Dict, List

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.json"
# The repository's package (not an installed one) and the scenario beside this file.
sys.path[:0] = [str(HERE.parents[1]), str(HERE.parent)]

from wire_corpus import scenario  # noqa: E402


def dumps(entries: List[Dict[str, Any]]) -> str:
    """The corpus file's exact text: the one serialisation the recorder and the test share."""
    return json.dumps(entries, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def report(entries: List[Dict[str, Any]]) -> str:
    counts = scenario.coverage(entries)
    succeeded = sorted(name for name, seen in counts.items() if seen["success"])
    failed = sorted(name for name, seen in counts.items() if seen["error"])
    lines = [
        f"{len(entries)} steps",
        f"operations with a success answer: {len(succeeded)} of {len(counts)}",
        f"operations with an error answer: {len(failed)} of {len(counts)}",
    ]
    missing = sorted(set(counts) - set(succeeded))
    if missing:
        lines.append(f"NO success answer for: {', '.join(missing)}")
    no_error = sorted(set(counts) - set(failed))
    if no_error:
        lines.append(f"no error answer for: {', '.join(no_error)}")
    return "\n".join(lines)


def main() -> int:
    entries = scenario.run()
    CORPUS.write_text(dumps(entries), encoding="utf-8")
    print(f"wrote {CORPUS}")
    print(report(entries))
    return 0 if all(seen["success"] for seen in scenario.coverage(entries).values()) else 1


if __name__ == "__main__":
    sys.exit(main())
