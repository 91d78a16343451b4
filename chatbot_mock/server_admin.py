"""The server's admin calls, under ``/_chatbot_mock/``: JSON in, JSON out.

| Call | What it does |
|---|---|
| ``POST reset`` | forget every resource (the settings stay) |
| ``GET state`` / ``POST state`` | the snapshot (``m.state()``) / load one (``m.load_state``) |
| ``GET quotas`` / ``POST quotas`` | the settings in force / change some (``{"name": value}``) |
| ``POST organizations`` | ``{"management_account_id": ..., "member_account_ids": [...]}`` |
| ``POST chatbot/<step>``, ``POST support-app/<step>`` | a seeding step, its arguments by name |
| ``POST chatbot/publish`` | ``{"topic_arn": ..., "message": ..., "subject": ...}``: answers the deliveries |
| ``GET chatbot/deliveries`` | every delivery so far |

A refused step answers the service's error as the in-process step raises it: its status,
and ``{"Code": ..., "Message": ...}``; bad arguments answer 400.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import logging
from typing import Any, Callable, Dict, Optional, Tuple

from chatbot_mock import _snapshot
from chatbot_mock._seeding import ServiceConsole
from chatbot_mock._world import World
from chatbot_mock.consoles import CONSOLES
from chatbot_mock.core.snapshot import SnapshotError
from chatbot_mock.protocol.dispatch import HttpResponse, request_id
from chatbot_mock.protocol.errors import ServiceError
from chatbot_mock.support_app.console import create_organization

logger = logging.getLogger("chatbot_mock")

#: The console methods offered over HTTP: the seeding steps and publish.
_NOT_STEPS = {"account", "accounts"}


def _json(status: int, document: Any) -> HttpResponse:
    headers = {"Content-Type": "application/json", "x-amzn-RequestId": request_id()}
    return HttpResponse(status, headers, json.dumps(document).encode())


def _error(status: int, code: str, message: str) -> HttpResponse:
    return _json(status, {"Code": code, "Message": message})


def answer_admin(state: World, method: str, path: str, body: bytes) -> HttpResponse:
    """The answer to one admin call: ``path`` is what follows ``/_chatbot_mock/``."""
    try:
        arguments = json.loads(body) if body else {}
    except (ValueError, RecursionError):
        return _error(400, "SerializationException", "An admin call takes a JSON object")
    if not isinstance(arguments, dict):
        return _error(400, "SerializationException", "An admin call takes a JSON object")
    route = (method.upper(), path.split("?")[0].rstrip("/"))
    try:
        return _route(state, route, arguments)
    except ServiceError as refused:  # a seeding step's refusal, with its service's status
        return _error(refused.status or 400, refused.code, refused.message)
    except SnapshotError as unreadable:
        return _error(400, "InvalidSnapshot", str(unreadable))
    except (TypeError, ValueError, KeyError) as bad:
        return _error(400, "InvalidArguments", str(bad))
    except Exception as error:  # a defect must answer, not drop the connection
        logger.exception("chatbot_mock could not answer the admin call %s %s", method, path)
        return _error(500, "InternalFailure", f"chatbot_mock could not answer this admin call: {error!r}")


def _route(state: World, route: Tuple[str, str], arguments: Dict[str, Any]) -> HttpResponse:
    method, path = route
    if route == ("POST", "reset"):
        state.reset()
        return _json(200, {})
    if route == ("GET", "state"):
        return _json(200, _snapshot.take(state))
    if route == ("POST", "state"):
        _snapshot.load(state, arguments)
        return _json(200, {})
    if route == ("GET", "quotas"):
        return _json(200, state.settings.as_dict())
    if route == ("POST", "quotas"):
        with state.lock:
            state.settings.update(arguments)
        return _json(200, state.settings.as_dict())
    if route == ("POST", "organizations"):
        members = arguments.get("member_account_ids")
        if not isinstance(members, list) or not all(isinstance(member, str) for member in members):
            raise TypeError("member_account_ids must be a list of account ids")
        create_organization(state, _text(arguments, "management_account_id"), members, client_errors=False)
        return _json(200, {})
    if route == ("GET", "chatbot/deliveries"):
        return _json(200, [dataclasses.asdict(delivery) for delivery in state.backend("chatbot").deliveries])
    service, _, step = path.partition("/")
    console = _consoles(state).get(service)
    if method != "POST" or console is None or not step:
        return _error(404, "UnknownAdminCall", f"No admin call {method} /_chatbot_mock/{path} (see the server docs)")
    function = _step(console, step)
    if function is None:
        return _error(404, "UnknownAdminCall", f"{service} has no seeding step {step!r}")
    result = function(**arguments)
    if step == "publish":
        return _json(200, [dataclasses.asdict(delivery) for delivery in result])
    return _json(200, {})


def _consoles(state: World) -> Dict[str, ServiceConsole]:
    return {console.service: console(lambda: state, client_errors=False) for console in CONSOLES}


def _step(console: ServiceConsole, name: str) -> Optional[Callable[..., Any]]:
    if name.startswith("_") or name in _NOT_STEPS:
        return None
    found = inspect.getattr_static(type(console), name, None)
    return getattr(console, name) if inspect.isfunction(found) else None


def _text(arguments: Dict[str, Any], name: str) -> str:
    value = arguments.get(name)
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string")
    return value
