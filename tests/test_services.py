"""Each service is declared once, in its own package, and listed in one tuple; the
protocol layer, the state, the consoles and the mock all follow that list."""

import typing

import pytest

from chatbot_mock import mock_chatbot
from chatbot_mock.consoles import CONSOLES, check_consoles, console_name
from chatbot_mock.protocol.model import service_specs
from chatbot_mock.service_declaration import SERVICE_NAMES, ServiceDeclaration
from chatbot_mock.services import check_declared, declared_services, default_settings


def test_the_two_services_are_declared_in_the_order_of_their_names() -> None:
    assert SERVICE_NAMES == ("chatbot", "support-app")
    assert [service.name for service in declared_services()] == list(SERVICE_NAMES)
    assert list(service_specs()) == list(SERVICE_NAMES)


def test_declarations_that_do_not_follow_the_names_are_a_clear_error() -> None:
    pager = ServiceDeclaration(name="pager", default_settings={}, backend=object)
    chatbot, support_app = declared_services()

    with pytest.raises(RuntimeError, match=r"the declared services are \('chatbot', 'support-app', 'pager'\)"):
        check_declared((chatbot, support_app, pager), SERVICE_NAMES)
    with pytest.raises(RuntimeError, match="declare one service for each name, in that order"):
        check_declared((support_app, chatbot), SERVICE_NAMES)


def test_each_service_has_one_console_an_attribute_of_the_mock() -> None:
    mock = mock_chatbot()

    assert [console.service for console in CONSOLES] == list(SERVICE_NAMES)
    for console in CONSOLES:
        assert isinstance(getattr(mock, console_name(console.service)), console)
    assert console_name("support-app") == "support_app"


def test_consoles_that_do_not_follow_the_names_are_a_clear_error() -> None:
    chatbot, support_app = CONSOLES

    with pytest.raises(RuntimeError, match=r"the consoles are for \('chatbot',\), but the mocked services are"):
        check_consoles((chatbot,), SERVICE_NAMES)
    with pytest.raises(RuntimeError, match="one console each"):
        check_consoles((support_app, chatbot), SERVICE_NAMES)


def test_the_settings_are_every_declared_services_own() -> None:
    for service in declared_services():
        assert service.default_settings.items() <= default_settings().items()
    assert len(default_settings()) == sum(len(service.default_settings) for service in declared_services())


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
