"""Regenerate docs/coverage.md from the installed botocore models."""

from __future__ import annotations

from pathlib import Path

from chatbot_mock._coverage import coverage_markdown

TARGET = Path(__file__).resolve().parent.parent / "docs" / "coverage.md"

if __name__ == "__main__":
    TARGET.write_text(coverage_markdown(), encoding="utf-8")
    print(f"wrote {TARGET}")
