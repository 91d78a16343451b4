"""The mocked services, each declared once, in its own package.

A service is a subpackage of ``chatbot_mock`` with a ``service`` module whose ``SERVICE``
is a :class:`ServiceDeclaration`. The state, the dispatcher's models, the coverage
table and the public mock all loop over :func:`declared_services`: adding a service
means adding a folder.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Callable, Dict, Mapping, Tuple

if TYPE_CHECKING:
    from chatbot_mock._state import MockState
    from chatbot_mock.chime.rooms import ChimeRooms
    from chatbot_mock.store.collection import StampSource
    from chatbot_mock.store.organizations import Organizations
    from chatbot_mock.store.settings import Settings
    from chatbot_mock.store.tokens import PageTokens


_FIRST_CAP = re.compile(r"(.)([A-Z][a-z]+)")
_ALL_CAP = re.compile(r"([a-z0-9])([A-Z])")


def snake_case(name: str) -> str:
    """A model name as a Python name: ``CreateSlackChannelConfiguration`` ->
    ``create_slack_channel_configuration``. A backend's method for an operation, and its
    keyword for a request member, are named so."""
    return _ALL_CAP.sub(r"\1_\2", _FIRST_CAP.sub(r"\1_\2", name)).lower()


@dataclass(frozen=True)
class SharedStores:
    """What every backend of one state shares: settings, page tokens, organizations, and
    the simulated Amazon Chime rooms that Chime configurations post to, and the creation
    stamps every collection of the state hands out."""

    settings: Settings
    tokens: PageTokens
    organizations: Organizations
    chime: ChimeRooms
    stamps: StampSource


@dataclass(frozen=True)
class ServiceDeclaration:
    #: botocore's name of the service (``get_service_model(name)``).
    name: str
    #: The service's quota settings and their defaults (docs/quotas.md).
    default_settings: Mapping[str, int]
    #: The service's backend: one method per operation, made once per state.
    backend: Callable[[SharedStores], Any]
    #: Makes the service's console (seeding) for a mock, given how to find the active state.
    console: Callable[[Callable[[], MockState]], Any]

    @property
    def console_name(self) -> str:
        """The attribute a mock shows the service's console as: ``mock.chatbot``,
        ``mock.support_app``."""
        return self.name.replace("-", "_")


@cache
def declared_services() -> Tuple[ServiceDeclaration, ...]:
    """Every service package's declaration, by service name."""
    import chatbot_mock

    found: Dict[str, ServiceDeclaration] = {}
    for package in pkgutil.iter_modules(chatbot_mock.__path__):
        module_name = f"chatbot_mock.{package.name}.service"
        if not package.ispkg or importlib.util.find_spec(module_name) is None:
            continue
        declared = getattr(importlib.import_module(module_name), "SERVICE", None)
        if not isinstance(declared, ServiceDeclaration):
            continue  # a module that happens to be called ``service`` declares nothing
        if declared.name in found:
            raise RuntimeError(f"{module_name} declares {declared.name!r}, which another package declares too")
        found[declared.name] = declared
    return tuple(found[name] for name in sorted(found))


@cache
def default_settings() -> Mapping[str, int]:
    """Every service's settings, with their defaults."""
    return {name: value for service in declared_services() for name, value in service.default_settings.items()}


@cache
def setting_minimums() -> Mapping[str, int]:
    """The least each setting takes: a page size of 0 would page forever."""
    return {name: 1 for name in default_settings() if name.endswith("_page_size")}
