"""Each service is declared once, in its own package; everything that loops over the
services finds them there, so adding a service means adding a folder."""

import sys
from pathlib import Path

import pytest

import chatbot_mock
from chatbot_mock import mock_chatbot
from chatbot_mock.protocol.model import service_specs
from chatbot_mock.services import declared_services, default_settings


def test_the_two_services_are_declared_by_their_packages() -> None:
    assert [service.name for service in declared_services()] == ["chatbot", "support-app"]
    assert sorted(service_specs()) == ["chatbot", "support-app"]


def test_each_declared_console_is_an_attribute_of_the_mock() -> None:
    mock = mock_chatbot()
    for service in declared_services():
        assert isinstance(getattr(mock, service.console_name), service.console)


def test_the_settings_are_every_declared_services_own() -> None:
    for service in declared_services():
        assert service.default_settings.items() <= default_settings().items()
    assert len(default_settings()) == sum(len(service.default_settings) for service in declared_services())


def test_a_new_folder_with_a_service_module_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "pager"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "service.py").write_text(
        "from chatbot_mock.services import ServiceDeclaration\n"
        "SERVICE = ServiceDeclaration(name='pager', console_name='pager', default_settings={'pager_quota': 1},\n"
        "                             backend=object, console=lambda state: None)\n"
    )
    monkeypatch.setattr(chatbot_mock, "__path__", [*chatbot_mock.__path__, str(tmp_path)])
    try:
        found = declared_services.__wrapped__()  # the cached answer is the installed package's
    finally:
        for name in ("chatbot_mock.pager.service", "chatbot_mock.pager"):
            sys.modules.pop(name, None)
    assert [service.name for service in found] == ["chatbot", "pager", "support-app"]
