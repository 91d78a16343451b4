"""Which operations of the installed botocore models the mock answers."""

from __future__ import annotations

from typing import List

from chatbot_mock.operations import operation_tables
from chatbot_mock.protocol.model import service_specs


def coverage_markdown() -> str:
    """``docs/coverage.md``: every operation of both services, implemented or not."""
    lines: List[str] = [
        "# Operation coverage",
        "",
        "Generated from the installed botocore models by `python scripts/generate_coverage.py`;",
        "`tests/test_coverage_table.py` fails when this page is stale.",
        "",
    ]
    for service, spec in sorted(service_specs().items()):
        missing = operation_tables()[service].unimplemented
        operations = sorted(spec.operations.values(), key=lambda op: op.name)
        done = sum(1 for op in operations if op.name not in missing)
        lines += [
            f"## {spec.model.metadata['serviceFullName']} (`{service}`, API {spec.model.api_version})",
            "",
            f"{done} of {len(operations)} operations implemented.",
            "",
            "| Operation | HTTP | Success | Implemented |",
            "|---|---|---|---|",
        ]
        for op in operations:
            mark = "**no**" if op.name in missing else "yes"
            lines.append(f"| {op.name} | `{op.http_method} {op.path}` | {op.success_status} | {mark} |")
        lines.append("")
    return "\n".join(lines)
