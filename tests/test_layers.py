"""The folder layout is the architecture: each layer imports only what is below it.

- ``store/`` (state, records, kinds of refusal) imports no other part of the mock;
- the service packages (backends, records, consoles) know nothing of HTTP: no
  ``protocol/``, no ``interception/`` (consoles reach the models through ``_seeding``),
  and nothing of each other;
- ``protocol/`` knows no service: it reads botocore's models, never a backend module.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Iterator, Set

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "chatbot_mock"
SERVICE_PACKAGES = ("chatbot", "support_app")


def _imported(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def _mock_parts_imported(folder: str, *, exclude: Set[str] = frozenset()) -> Set[str]:
    found = set()
    for path in (PACKAGE / folder).rglob("*.py"):
        if path.name in exclude:
            continue
        for module in _imported(path):
            parts = module.split(".")
            if parts[0] == "chatbot_mock" and len(parts) > 1:
                found.add(parts[1])
    return found - {folder}


def test_the_store_imports_no_other_part_of_the_mock() -> None:
    assert _mock_parts_imported("store") == set()


@pytest.mark.parametrize("service", SERVICE_PACKAGES)
def test_a_service_package_knows_nothing_of_http(service: str) -> None:
    imported = _mock_parts_imported(service)

    assert not imported & {"protocol", "interception", *SERVICE_PACKAGES}, imported


def test_the_protocol_layer_knows_no_service() -> None:
    imported = _mock_parts_imported("protocol")

    assert not imported & {"interception", *SERVICE_PACKAGES}, imported
