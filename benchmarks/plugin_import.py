#!/usr/bin/env python
"""What importing the pytest plugin adds to a process that has already imported pytest.

    python benchmarks/plugin_import.py            # 20 processes of each kind
    python benchmarks/plugin_import.py --quick    # 5 of each, for a smoke test

pytest loads ``chatbot_mock._pytest_plugin`` (the ``pytest11`` entry point) in every
run of every project that has the package installed, whether its tests use the mock or
not. This starts fresh interpreters (``sys.executable -c ...``), interleaved, the order
rotating from round to round, and compares the medians of:

(a) ``import pytest``
(b) ``import pytest; import chatbot_mock._pytest_plugin``
(c) (b) followed by ``import chatbot_mock; chatbot_mock.mock_chatbot``: the first real
    use of the mock, which loads botocore, the models and the backends (for
    information: only the tests that use the mock pay it).

Each figure is the median wall time of a whole process, interpreter start-up included,
and beside it the median time the process itself measured around its statements, and
around its last statement alone (less noisy: no start-up, no exit, no pytest import).
Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

# The processes import ``chatbot_mock`` from this checkout, as benchmarks/run.py does.
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PYTEST = ("import pytest",)
PLUGIN = (*PYTEST, "import chatbot_mock._pytest_plugin")
FIRST_USE = (*PLUGIN, "import chatbot_mock; chatbot_mock.mock_chatbot")
#: (label, statements), in the order of the table.
SNIPPETS: Tuple[Tuple[str, Tuple[str, ...]], ...] = (("a", PYTEST), ("b", PLUGIN), ("c", FIRST_USE))
#: What the plugin's import adds to ``sys.modules``, printed once for information.
NEW_MODULES = (
    "import sys; import pytest; _before = set(sys.modules); import chatbot_mock._pytest_plugin; "
    "print(' '.join(sorted(set(sys.modules) - _before)))"
)


def environment(bytecode_cache: Optional[str]) -> Dict[str, str]:
    """The processes' environment. With ``bytecode_cache`` (a directory), every module's
    bytecode is written there by the warm-up and read back by the measured processes,
    as in an ordinary install, whatever PYTHONDONTWRITEBYTECODE says; without it, no
    bytecode is written, so modules without a cache of their own (this checkout's) are
    compiled from source in every process."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (ROOT, env.get("PYTHONPATH"))))
    if bytecode_cache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = bytecode_cache
    return env


def timed_code(statements: Sequence[str]) -> str:
    """The code of a process that runs ``statements`` and prints the nanoseconds each took."""
    lines = ["import time", "_marks = [time.perf_counter_ns()]"]
    for statement in statements:
        lines += [statement, "_marks.append(time.perf_counter_ns())"]
    lines.append("print(*(after - before for before, after in zip(_marks, _marks[1:])))")
    return "\n".join(lines)


@dataclass
class Sample:
    wall: float  # the whole process, start-up and exit included
    inside: float  # all its statements, as the process measured them
    last: float  # its last statement alone


def run_once(statements: Sequence[str], env: Dict[str, str]) -> Sample:
    command = [sys.executable, "-c", timed_code(statements)]
    start = time.perf_counter_ns()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter_ns() - start
    if done.returncode != 0:
        raise RuntimeError(f"{'; '.join(statements)!r} failed:\n{done.stderr}")
    each = [float(ns) for ns in done.stdout.split()]
    return Sample(float(wall), sum(each), each[-1])


def measure(runs: int, env: Dict[str, str]) -> Dict[str, Sample]:
    """Median nanoseconds per snippet, over ``runs`` interleaved rounds."""
    for _, statements in SNIPPETS:  # warm-up: bytecode written (if it is), files in the page cache
        run_once(statements, env)
    samples: Dict[str, List[Sample]] = {label: [] for label, _ in SNIPPETS}
    for round_ in range(runs):
        shift = round_ % len(SNIPPETS)
        for label, statements in SNIPPETS[shift:] + SNIPPETS[:shift]:
            samples[label].append(run_once(statements, env))
    return {
        label: Sample(
            statistics.median(sample.wall for sample in values),
            statistics.median(sample.inside for sample in values),
            statistics.median(sample.last for sample in values),
        )
        for label, values in samples.items()
    }


def fmt_ms(ns: float, signed: bool = False) -> str:
    return f"{ns / 1_000_000:+.2f} ms" if signed else f"{ns / 1_000_000:.2f} ms"


def render(lines: Sequence[Tuple[str, ...]]) -> str:
    header = ("python -c", "process", "inside", "last statement alone")
    table = [header, *lines]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    out = []
    for index, line in enumerate(table):
        out.append("| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)) + " |")
        if index == 0:
            out.append("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(out)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="5 processes of each kind instead of 20")
    parser.add_argument("--runs", type=int, help="processes of each kind (default 20, or 5 with --quick)")
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="write no bytecode: this checkout's modules are compiled from source in every process",
    )
    args = parser.parse_args(argv)
    runs = args.runs or (5 if args.quick else 20)
    with tempfile.TemporaryDirectory(prefix="plugin-import-pycache-") as cache:
        return report(runs, environment(None if args.no_bytecode_cache else cache))


def report(runs: int, env: Dict[str, str]) -> int:
    import pytest

    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), pytest {pytest.__version__}, "
        f"{os.cpu_count()} cores, {platform.machine()} {platform.system()}"
    )
    cached = "PYTHONPYCACHEPREFIX" in env
    print(f"{runs} fresh processes of each kind, interleaved (median); bytecode "
          + ("cached (in a temporary PYTHONPYCACHEPREFIX)" if cached else "not cached: compiled in every process"))
    started = time.perf_counter()
    new_modules = subprocess.run(
        [sys.executable, "-c", NEW_MODULES], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    result = measure(runs, env)
    a, b, c = (result[label] for label, _ in SNIPPETS)
    print()
    print(
        render(
            [
                (f"(a) {'; '.join(PYTEST)}", fmt_ms(a.wall), fmt_ms(a.inside), ""),
                (f"(b) {'; '.join(PLUGIN)}", fmt_ms(b.wall), fmt_ms(b.inside), fmt_ms(b.last)),
                ("the plugin adds: (b) - (a)", fmt_ms(b.wall - a.wall, True), fmt_ms(b.inside - a.inside, True), ""),
                (f"(c) (b); {FIRST_USE[-1]}", fmt_ms(c.wall), fmt_ms(c.inside), fmt_ms(c.last)),
                ("first use adds, for information: (c) - (b)", fmt_ms(c.wall - b.wall, True),
                 fmt_ms(c.inside - b.inside, True), ""),
            ]
        )
    )
    print("\nMedians. process: the whole process's wall time, start-up and exit included; inside: its "
          "statements as it timed them; last statement alone: the plugin's import in (b), the first use in (c).")
    packages = sorted({name.split(".")[0] for name in new_modules})
    print(f"\nmodules the plugin's import adds after pytest: {len(new_modules)}, "
          f"from {len(packages)} top-level package{'s' if len(packages) != 1 else ''} ({', '.join(packages)})")
    print(f"\n{time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
