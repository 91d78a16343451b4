"""docs/coverage.md is generated from the installed botocore model and kept current."""

from pathlib import Path

import botocore.session

from chatbot_mock._coverage import coverage_markdown

COVERAGE_PAGE = Path(__file__).resolve().parent.parent / "docs" / "coverage.md"


def test_the_checked_in_coverage_table_matches_the_installed_models() -> None:
    assert COVERAGE_PAGE.read_text(encoding="utf-8") == coverage_markdown(), (
        "docs/coverage.md is stale: run python scripts/generate_coverage.py"
    )


def test_the_coverage_table_lists_every_operation_of_both_services() -> None:
    page = coverage_markdown()
    session = botocore.session.get_session()
    for service in ("chatbot", "support-app"):
        for operation in session.get_service_model(service).operation_names:
            assert f"| {operation} |" in page


def test_every_support_app_operation_is_implemented() -> None:
    support_app = coverage_markdown().split("## AWS Support App", 1)[1]
    assert "**no**" not in support_app
