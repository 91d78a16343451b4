"""The mocked services, each declared once, in its own package, and listed here.

A service is a subpackage of ``chatbot_mock`` whose ``service`` module's ``SERVICE`` is a
:class:`~chatbot_mock.service_declaration.ServiceDeclaration`: its name, its quota
settings and its backend. The state, the coverage table and the public mock loop over
:func:`declared_services`; adding a service means adding a folder, its name to
``SERVICE_NAMES`` and its declaration to the tuple below (and its console to
``chatbot_mock/consoles.py``).

An explicit tuple, not a scan of the packages: importing this module imports the two
backends and nothing above them, in an order anyone can read.
"""

from __future__ import annotations

from functools import cache
from typing import Mapping, Tuple

from chatbot_mock.chatbot.service import SERVICE as CHATBOT
from chatbot_mock.service_declaration import SERVICE_NAMES, ServiceDeclaration
from chatbot_mock.support_app.service import SERVICE as SUPPORT_APP

DECLARED_SERVICES: Tuple[ServiceDeclaration, ...] = (CHATBOT, SUPPORT_APP)


def check_declared(declared: Tuple[ServiceDeclaration, ...], names: Tuple[str, ...]) -> None:
    """Refuse declarations that are not one per mocked service, in ``SERVICE_NAMES``' order:
    the protocol layer loads a model for each name, the state a backend for each declaration."""
    found = tuple(service.name for service in declared)
    if found != names:
        raise RuntimeError(
            f"the declared services are {found}, but chatbot_mock.service_declaration.SERVICE_NAMES "
            f"is {names}: declare one service for each name, in that order"
        )


check_declared(DECLARED_SERVICES, SERVICE_NAMES)


def declared_services() -> Tuple[ServiceDeclaration, ...]:
    """Every mocked service's declaration, in ``SERVICE_NAMES``' order."""
    return DECLARED_SERVICES


@cache
def default_settings() -> Mapping[str, int]:
    """Every service's settings, with their defaults."""
    return {name: value for service in DECLARED_SERVICES for name, value in service.default_settings.items()}


@cache
def setting_minimums() -> Mapping[str, int]:
    """The least each setting takes: a page size of 0 would page forever."""
    return {name: 1 for name in default_settings() if name.endswith("_page_size")}
