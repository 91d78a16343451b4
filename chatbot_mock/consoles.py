"""Each mocked service's console (``mock.chatbot``, ``mock.support_app``): the seeding API.

The consoles sit in the seeding layer, above the backends their steps run on, so the
services' declarations (``chatbot_mock/services.py``) cannot name them: they are listed
here, one per mocked service, in ``SERVICE_NAMES``' order (checked on import).
"""

from __future__ import annotations

from typing import Tuple, Type

from chatbot_mock._seeding import ServiceConsole
from chatbot_mock.chatbot.console import ChatbotConsole
from chatbot_mock.service_declaration import SERVICE_NAMES
from chatbot_mock.support_app.console import SupportAppConsole

CONSOLES: Tuple[Type[ServiceConsole], ...] = (ChatbotConsole, SupportAppConsole)


def check_consoles(consoles: Tuple[Type[ServiceConsole], ...], names: Tuple[str, ...]) -> None:
    """Refuse a list that is not one console per mocked service, in ``SERVICE_NAMES``' order."""
    found = tuple(console.service for console in consoles)
    if found != names:
        raise RuntimeError(f"the consoles are for {found}, but the mocked services are {names}: one console each")


check_consoles(CONSOLES, SERVICE_NAMES)


def console_name(service: str) -> str:
    """The attribute a mock shows a service's console as: ``mock.chatbot``, ``mock.support_app``."""
    return service.replace("-", "_")
