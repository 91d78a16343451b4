"""Replays the wire corpus scenario and compares every answer with ``corpus.json``.

The corpus freezes today's wire behaviour of both services (status, headers other than
the request id, exact body bytes), of the seeding steps and of ``m.state()``. If this
fails after a change that was not meant to change behaviour, the first differing step
names what changed. If the change was meant, re-record with
``python tests/wire_corpus/record.py`` and review the diff of corpus.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

import pytest
from wire_corpus import scenario

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.json"


def _replay() -> List[Dict[str, Any]]:
    """The scenario's entries from this code: in this process, or in a fresh one if this
    one has handed out creation stamps beyond the scenario's anchor (see scenario.py)."""
    try:
        return scenario.run()
    except scenario.StampsDrifted:
        script = (
            "import json, sys; sys.path[:0] = sys.argv[1:]; from wire_corpus import scenario; "
            "print(json.dumps(scenario.run()))"
        )
        done = subprocess.run(
            [sys.executable, "-c", script, str(HERE.parents[1]), str(HERE.parent)],
            check=True, capture_output=True, text=True,
        )
        return json.loads(done.stdout)


def test_every_answer_matches_the_recorded_corpus() -> None:
    recorded = json.loads(CORPUS.read_text(encoding="utf-8"))
    # Through JSON as the recorder writes it, so both sides have the same types.
    replayed = json.loads(json.dumps(_replay()))
    differences = list(scenario.iter_differences(recorded, replayed))
    if differences:
        pytest.fail(f"{len(differences)} step(s) differ from corpus.json; the first:\n{differences[0]}", pytrace=False)


def test_the_corpus_covers_every_operation() -> None:
    recorded = json.loads(CORPUS.read_text(encoding="utf-8"))
    counts = scenario.coverage(recorded)
    assert len(counts) == 44
    assert [name for name, seen in counts.items() if not seen["success"]] == []
    assert len(recorded) >= 150
