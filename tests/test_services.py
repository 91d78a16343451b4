"""Each service is declared once, in its own package; everything that loops over the
services finds them there, so adding a service means adding a folder."""

import sys
import typing
from pathlib import Path
from typing import Any

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
        "SERVICE = ServiceDeclaration(name='pager', default_settings={'pager_quota': 1},\n"
        "                             backend=object, console=lambda state: None)\n"
    )
    monkeypatch.setattr(chatbot_mock, "__path__", [*chatbot_mock.__path__, str(tmp_path)])
    try:
        found = declared_services.__wrapped__()  # the cached answer is the installed package's
    finally:
        for name in ("chatbot_mock.pager.service", "chatbot_mock.pager"):
            sys.modules.pop(name, None)
    assert [service.name for service in found] == ["chatbot", "pager", "support-app"]


def _add_package(root: Path, name: str, service_source: str) -> None:
    package = root / name
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "service.py").write_text(service_source)


def _discover(root: Path, monkeypatch: pytest.MonkeyPatch, *names: str) -> Any:
    monkeypatch.setattr(chatbot_mock, "__path__", [*chatbot_mock.__path__, str(root)])
    try:
        return declared_services.__wrapped__()
    finally:
        for name in names:
            sys.modules.pop(f"chatbot_mock.{name}.service", None)
            sys.modules.pop(f"chatbot_mock.{name}", None)


def test_a_module_called_service_that_declares_nothing_is_not_a_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_package(tmp_path, "helpers", '"""Helpers that happen to live in a module called service."""\n')
    found = _discover(tmp_path, monkeypatch, "helpers")
    assert [service.name for service in found] == ["chatbot", "support-app"]


def test_two_packages_declaring_one_service_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _add_package(
        tmp_path,
        "chatbot_again",
        "from chatbot_mock.services import ServiceDeclaration\n"
        "SERVICE = ServiceDeclaration(name='chatbot', default_settings={},\n"
        "                             backend=object, console=lambda state: None)\n",
    )
    with pytest.raises(RuntimeError, match="declares 'chatbot', which another package declares too"):
        _discover(tmp_path, monkeypatch, "chatbot_again")


def test_the_mocks_consoles_are_known_to_type_hints_at_run_time() -> None:
    from chatbot_mock._mock import ChatbotMock
    from chatbot_mock.chatbot.console import ChatbotConsole
    from chatbot_mock.chime.console import ChimeConsole
    from chatbot_mock.support_app.console import SupportAppConsole

    assert typing.get_type_hints(ChatbotMock) == {
        "chatbot": ChatbotConsole,
        "support_app": SupportAppConsole,
        "chime": ChimeConsole,
    }
