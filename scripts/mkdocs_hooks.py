"""mkdocs hooks (mkdocs.yml ``hooks``): the site's changelog page is the repository's
CHANGELOG.md, read at build time, so there is one changelog and no symlink to break on
checkouts without symlinks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

CHANGELOG = Path(__file__).resolve().parent.parent / "CHANGELOG.md"


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    if page.file.src_path == "changelog.md":
        return CHANGELOG.read_text(encoding="utf-8")
    return markdown
