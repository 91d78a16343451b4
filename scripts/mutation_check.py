"""Plant one-line bugs (mutants) one at a time and see whether the test suite catches them.

    python -m scripts.mutation_check                      # every mutant in scripts/mutants.py
    python -m scripts.mutation_check --only M01,M07       # some of them
    python -m scripts.mutation_check --tests tests/core  # against a subset of the suite
    python -m scripts.mutation_check --check              # only say whether each mutant still applies
    python -m scripts.mutation_check --results scripts/mutation_results_before.md

Each mutant names a file, the text of exactly one of its lines (compared stripped) and the
line to put in its place (indented as the original). A mutant whose original text matches
no line, or more than one, is refused and named: after a refactor, update the list. For
each mutant the tool writes the changed file, runs ``python -m pytest -x -q -p no:randomly``
from the repository root, and puts the original bytes (and times) back whatever happens,
Ctrl-C included. A mutant is caught when pytest fails; the first failing test is recorded.

The tests run with the repository root first on PYTHONPATH (so subprocesses the tests
start import the working tree too), without writing bytecode (a mutant's .pyc must never
outlive it), and, when the package is not installed, with a stub of its metadata in a
temporary folder so pytest still finds the package's plugin (pyproject's pytest11 entry).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.metadata
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TIMEOUT = 8 * 60
PYTEST = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", "-rfE"]
#: pytest's short summary line: "FAILED node id - message" (a parametrised node id may hold spaces).
_FIRST_FAILURE = re.compile(r"^(FAILED|ERROR) (.+?)(?: - .*)?$")


@dataclasses.dataclass(frozen=True)
class Mutant:
    id: str
    file: str
    original: str
    replacement: str
    description: str
    area: str = ""
    why: str = ""


@dataclasses.dataclass
class Outcome:
    mutant: Mutant
    status: str  # CAUGHT, SURVIVED, TIMEOUT, NOT APPLIED, INVALID, ERROR
    detail: str = ""
    seconds: float = 0.0

    @property
    def caught(self) -> bool:
        # A timeout is not counted as caught: on a loaded machine the whole suite can take
        # as long as the timeout, so a survivor could pass for a hang.
        return self.status == "CAUGHT"


class NotApplicable(Exception):
    """The mutant's original line is not (exactly once) in its file."""


def load_mutants() -> List[Mutant]:
    if str(ROOT) not in sys.path:  # run as a file (python scripts/mutation_check.py), not with -m
        sys.path.insert(0, str(ROOT))
    from scripts.mutants import MUTANTS

    mutants = [Mutant(**entry) for entry in MUTANTS]
    ids = [mutant.id for mutant in mutants]
    duplicates = sorted({one for one in ids if ids.count(one) > 1})
    if duplicates:
        raise SystemExit(f"duplicate mutant ids in scripts/mutants.py: {', '.join(duplicates)}")
    return mutants


def mutated_text(mutant: Mutant, text: str) -> str:
    """``text`` with the mutant's one line replaced; NotApplicable unless it matches exactly once."""
    lines = text.splitlines(keepends=True)
    wanted = mutant.original.strip()
    matches = [index for index, line in enumerate(lines) if line.strip() == wanted]
    if len(matches) != 1:
        where = "no line" if not matches else f"{len(matches)} lines ({', '.join(str(i + 1) for i in matches)})"
        raise NotApplicable(f"{mutant.id}: {where} of {mutant.file} reads {wanted!r}; update scripts/mutants.py")
    index = matches[0]
    line = lines[index]
    indent = line[: len(line) - len(line.lstrip())]
    body = line.rstrip("\r\n")
    ending = line[len(body) :]
    new_line = indent + mutant.replacement.strip() + ending
    if new_line == line:
        raise NotApplicable(f"{mutant.id}: the replacement is the original line")
    lines[index] = new_line
    return "".join(lines)


def _plugin_stub(folder: Path) -> Optional[Path]:
    """A dist-info for the package in ``folder`` when it is not installed, so that pytest
    (and pytester's subprocesses) load its plugin; ``None`` when it is installed."""
    if any(entry.name == "chatbot_mock" for entry in importlib.metadata.entry_points(group="pytest11")):
        return None
    try:
        import tomllib
    except ImportError:  # Python < 3.11: fall back to the entry point the project declares today
        points = {"chatbot_mock": "chatbot_mock._pytest_plugin"}
    else:
        project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
        points = project.get("entry-points", {}).get("pytest11", {})
    info = folder / "chatbot_mock-0.0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: chatbot_mock\nVersion: 0.0.0\n", encoding="utf-8")
    entries = "".join(f"{name} = {target}\n" for name, target in points.items())
    (info / "entry_points.txt").write_text("[pytest11]\n" + entries, encoding="utf-8")
    return folder


def _environment(stub: Optional[Path]) -> Dict[str, str]:
    env = dict(os.environ)
    paths = [str(ROOT)] + ([str(stub)] if stub else []) + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_pytest(tests: Sequence[str], timeout: float, env: Dict[str, str]) -> Tuple[Optional[int], str]:
    """(pytest's exit code, or None on timeout; its output)."""
    process = subprocess.Popen(
        [*PYTEST, *tests],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=timeout)
        return process.returncode, output
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        return None, output
    finally:
        if process.poll() is None:  # Ctrl-C: end pytest and what it started, then go on to restore
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def first_failure(output: str) -> str:
    for line in output.splitlines():
        found = _FIRST_FAILURE.match(line)
        if found:
            return f"{found.group(1)} {found.group(2)}"
    tail = [line for line in output.splitlines() if line.strip()]
    return tail[-1] if tail else "(no output)"


def check_mutant(mutant: Mutant, tests: Sequence[str], timeout: float, env: Dict[str, str]) -> Outcome:
    path = ROOT / mutant.file
    if not path.is_file():
        return Outcome(mutant, "NOT APPLIED", f"{mutant.file} does not exist; update scripts/mutants.py")
    original = path.read_bytes()
    times = os.stat(path)
    try:
        changed = mutated_text(mutant, original.decode("utf-8"))
    except NotApplicable as refusal:
        return Outcome(mutant, "NOT APPLIED", str(refusal))
    try:
        compile(changed, str(path), "exec")
    except SyntaxError as error:
        return Outcome(mutant, "INVALID", f"the mutated file does not compile: {error}")
    started = time.monotonic()
    try:
        path.write_bytes(changed.encode("utf-8"))
        code, output = run_pytest(tests, timeout, env)
    finally:
        path.write_bytes(original)
        os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))
    seconds = time.monotonic() - started
    if code is None:
        return Outcome(mutant, "TIMEOUT", f"no answer within {timeout:.0f} s", seconds)
    if code == 0:
        return Outcome(mutant, "SURVIVED", "", seconds)
    if code in (1, 2):  # failed tests; interrupted by a collection error
        return Outcome(mutant, "CAUGHT", first_failure(output), seconds)
    return Outcome(mutant, "ERROR", f"pytest exited {code}: {first_failure(output)}", seconds)


def _cell(text: str, longest: int = 160) -> str:
    text = text if len(text) <= longest else text[: longest - 3] + "..."
    return text.replace("|", "\\|").replace("\n", " ")


def table(outcomes: Sequence[Outcome]) -> str:
    rows = ["| id | area | file | description | result | caught by | seconds |", "|---|---|---|---|---|---|---|"]
    for outcome in outcomes:
        mutant = outcome.mutant
        caught_by = outcome.detail if outcome.status != "SURVIVED" else "**SURVIVED**"
        rows.append(
            f"| {mutant.id} | {_cell(mutant.area)} | `{mutant.file}` | {_cell(mutant.description)} | "
            f"{outcome.status} | {_cell(caught_by)} | {outcome.seconds:.0f} |"
        )
    return "\n".join(rows)


def score(outcomes: Sequence[Outcome]) -> str:
    run = [outcome for outcome in outcomes if outcome.status in ("CAUGHT", "TIMEOUT", "SURVIVED")]
    caught = sum(outcome.caught for outcome in run)
    skipped = len(outcomes) - len(run)
    timeouts = sum(outcome.status == "TIMEOUT" for outcome in run)
    text = f"score: {caught}/{len(run)} caught"
    if run:
        text += f" ({100 * caught / len(run):.0f}%)"
    if timeouts:
        text += f"; {timeouts} timed out (counted as not caught: rerun them with a longer --timeout)"
    if skipped:
        text += f"; {skipped} not run (not applied, invalid or error)"
    return text


def _selected(mutants: List[Mutant], only: Optional[str]) -> List[Mutant]:
    if not only:
        return mutants
    wanted = [one.strip() for one in only.split(",") if one.strip()]
    known = {mutant.id for mutant in mutants}
    unknown = [one for one in wanted if one not in known]
    if unknown:
        raise SystemExit(f"no mutant with id {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    by_id = {mutant.id: mutant for mutant in mutants}
    return [by_id[one] for one in dict.fromkeys(wanted)]  # in the order given


def _terminate_as_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _iterate(mutants: Sequence[Mutant], tests: Sequence[str], timeout: float, env: Dict[str, str]) -> Iterator[Outcome]:
    for number, mutant in enumerate(mutants, 1):
        print(f"[{number}/{len(mutants)}] {mutant.id} {mutant.file}: {mutant.description}", flush=True)
        outcome = check_mutant(mutant, tests, timeout, env)
        print(f"    -> {outcome.status} {outcome.detail} ({outcome.seconds:.0f} s)", flush=True)
        yield outcome


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--only", help="comma-separated mutant ids, run in the order given")
    parser.add_argument("--tests", nargs="*", default=[], help="test paths or node ids (default: the whole suite)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per mutant (default 480)")
    parser.add_argument("--check", action="store_true", help="only check that each mutant applies; run nothing")
    parser.add_argument("--baseline", action="store_true", help="first run the tests unmutated; stop if they fail")
    parser.add_argument("--results", type=Path, help="also write the table and score to this Markdown file")
    options = parser.parse_args(argv)

    mutants = _selected(load_mutants(), options.only)
    if options.check:
        problems = []
        for mutant in mutants:
            path = ROOT / mutant.file
            try:
                mutated_text(mutant, path.read_text(encoding="utf-8") if path.is_file() else "")
            except NotApplicable as refusal:
                problems.append(str(refusal))
        print("\n".join(problems) if problems else f"all {len(mutants)} mutants apply")
        return 1 if problems else 0

    signal.signal(signal.SIGTERM, _terminate_as_interrupt)
    outcomes: List[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="mutation-check-") as folder:
        env = _environment(_plugin_stub(Path(folder)))
        if options.baseline:
            print("baseline: the tests unmutated ...", flush=True)
            code, output = run_pytest(options.tests, options.timeout, env)
            if code != 0:
                print(f"baseline fails ({first_failure(output)}): fix that first", file=sys.stderr)
                return 2
        try:
            for outcome in _iterate(mutants, options.tests, options.timeout, env):
                outcomes.append(outcome)
                if options.results:  # after each mutant, so an interrupted run keeps what it found
                    _write_results(options.results, options.tests, outcomes, mutants)
        except KeyboardInterrupt:
            print("\ninterrupted: every file was restored; results so far:", file=sys.stderr)
    report = table(outcomes) + "\n\n" + score(outcomes)
    print("\n" + report)
    survivors = [outcome.mutant for outcome in outcomes if outcome.status == "SURVIVED"]
    if survivors:
        lines = [f"  {mutant.id}: {mutant.why or mutant.description}" for mutant in survivors]
        print("\nsurvivors:\n" + "\n".join(lines))
    if options.results:
        _write_results(options.results, options.tests, outcomes, mutants)
    return 0


def _write_results(path: Path, tests: Sequence[str], outcomes: Sequence[Outcome], mutants: Sequence[Mutant]) -> None:
    command = "python -m scripts.mutation_check" + (f" --tests {' '.join(tests)}" if tests else "")
    done = {outcome.mutant.id for outcome in outcomes}
    pending = [mutant.id for mutant in mutants if mutant.id not in done]
    text = f"# Mutation check\n\n`{command}` (each mutant: `{' '.join(PYTEST[1:])}`)\n\n"
    text += table(outcomes) + "\n\n" + score(outcomes) + "\n"
    if pending:
        text += f"\nNot run: {', '.join(pending)}\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
