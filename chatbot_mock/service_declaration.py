"""How a service is declared, and what its backend is given: the bottom of the services layer.

Every layer may read this module: it imports nothing of the mock but the store. The
protocol layer reads :data:`SERVICE_NAMES` from here, so it loads the models of the
mocked services without importing a single backend.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping, Tuple, Type

if TYPE_CHECKING:
    from chatbot_mock.chime.rooms import ChimeRooms
    from chatbot_mock.core.collection import StampSource
    from chatbot_mock.core.organizations import Organizations
    from chatbot_mock.core.settings import Settings
    from chatbot_mock.core.tokens import PageTokens

#: botocore's names of the mocked services, in the order everything loops over them.
#: ``chatbot_mock/services.py`` declares a backend for each, and fails on import unless
#: its declarations name exactly these, in this order.
SERVICE_NAMES: Tuple[str, ...] = ("chatbot", "support-app")


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
    #: The service's backend class: one method per API operation (checked against the model
    #: by ``chatbot_mock/operations.py``), made from the :class:`SharedStores` once per state.
    backend: Type[Any]
