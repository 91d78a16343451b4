"""The one way a backend's refusal becomes the service's error.

A backend raises a kind of refusal (``core/refusals.py``); what the caller receives is the
code the operation models for that kind, the refusal's message and the status of the
code's error shape. The dispatcher, the console steps and the server's admin calls all
come through :func:`service_error`; each edge only writes the result its own way (a
rest-json answer, a ``ClientError``, an admin call's JSON).
"""

from __future__ import annotations

import logging
from typing import Mapping

from chatbot_mock.core.refusals import Refusal
from chatbot_mock.protocol.errors import ServiceError
from chatbot_mock.protocol.model import ServiceSpec, code_for

logger = logging.getLogger("chatbot_mock")


def service_error(spec: ServiceSpec, refusal_codes: Mapping[type, str], refused: Refusal, what: str) -> ServiceError:
    """The error ``spec``'s service answers for ``refused``, given the codes of the operation
    or console step ``what`` (``OperationSpec.refusal_codes``, ``ServiceSpec.console_step_codes``).

    The mock's advice goes to the ``chatbot_mock`` logger, never into the answer.
    """
    if refused.advice:
        logger.warning("chatbot_mock: %s refused (%s). %s", what, refused.message, refused.advice)
    error = ServiceError(refused.message, code_for(refusal_codes, refused))
    error.status = spec.status_for(error)
    return error
