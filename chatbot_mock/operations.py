"""The operation table: each operation of each mocked service's model, and its handler.

Built once, when the first state is made: for each operation the model defines, the
backend method named after it (``xform_name``), its signature checked against the model
(``caller``, then one keyword per input member, named as ``xform_name`` names it, the
required ones without a default, the others with one). A handler whose signature does not
match, or a backend method that takes a caller yet answers no operation (a misnamed
handler), fails here, loudly, not on the request that would reach it. An operation with
no handler at all answers NotImplemented, decided here too: the request path only looks
its handler up.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Callable, Dict, List, Mapping, Tuple

from chatbot_mock.protocol.errors import NotImplementedByMock
from chatbot_mock.protocol.model import OperationSpec, ServiceSpec, service_specs
from chatbot_mock.services import declared_services

#: ``handler(backend, caller, **members)``: a backend class's function for one operation.
Handler = Callable[..., Any]

_MISSING = object()
_NAMED = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)


class HandlerMismatch(TypeError):
    """A backend's handler that does not take what the model's operation sends it."""


@dataclass(frozen=True)
class OperationTable:
    """One service's operations: operation name -> handler, and the class it belongs to."""

    service: str
    handlers: Mapping[str, Handler]
    #: The operations the model defines and the backend does not answer (docs/coverage.md).
    unimplemented: Tuple[str, ...]
    #: Operation name -> the class whose instance the handler takes as ``self``: the backend,
    #: or one of its ``OPERATION_GROUPS`` (a backend made of groups over one store).
    owners: Mapping[str, type] = field(default_factory=dict)

    def bind(self, backend: Any) -> Dict[str, Callable[..., Any]]:
        """Operation name -> the handler bound to the object of ``backend`` it belongs to, so a
        call is one dict lookup and one call, whichever group answers it. Each is bound on
        its first call: a world is made on every outermost start, and most never see most
        operations."""
        return _BoundHandlers(self, backend)

    def bind_one(self, name: str, backend: Any) -> Callable[..., Any]:
        owner = self.owners.get(name)
        instance = backend if owner is None or isinstance(backend, owner) else backend.group(owner)
        return self.handlers[name].__get__(instance)


class _BoundHandlers(Dict[str, Callable[..., Any]]):
    def __init__(self, table: OperationTable, backend: Any) -> None:
        super().__init__()
        self._table = table
        self._backend = backend

    def __missing__(self, name: str) -> Callable[..., Any]:
        bound = self[name] = self._table.bind_one(name, self._backend)
        return bound


def build_table(spec: ServiceSpec, backend: type) -> OperationTable:
    """``spec``'s operations and ``backend``'s handlers for them, every handler checked.

    A backend made of groups of operations names them in ``OPERATION_GROUPS``; each
    operation's handler is then looked for in every group, and must be in exactly one.
    """
    groups: Tuple[type, ...] = getattr(backend, "OPERATION_GROUPS", (backend,))
    handlers: Dict[str, Handler] = {}
    owners: Dict[str, type] = {}
    unimplemented: List[str] = []
    for name, operation in spec.operations.items():
        found = [
            (group, inspect.getattr_static(group, operation.method_name))
            for group in groups
            if inspect.getattr_static(group, operation.method_name, _MISSING) is not _MISSING
        ]
        if not found:
            unimplemented.append(name)
            handlers[name] = _not_implemented(spec.name, name)
            continue
        if len(found) > 1:
            named = ", ".join(group.__name__ for group, _ in found)
            raise HandlerMismatch(f"{name} is answered by more than one group of operations: {named}")
        group, handler = found[0]
        if not inspect.isfunction(handler):
            raise HandlerMismatch(f"{group.__name__}.{operation.method_name} is no method: it cannot answer {name}")
        check_handler(operation, handler)
        handlers[name], owners[name] = handler, group
    answered = {operation.method_name for operation in spec.operations.values()}
    for group in groups:
        for attribute in dir(group):
            value = inspect.getattr_static(group, attribute)
            if attribute.startswith("_") or attribute in answered or not inspect.isfunction(value):
                continue
            parameters = list(inspect.signature(value).parameters)
            if parameters[1:2] == ["caller"]:
                raise HandlerMismatch(
                    f"{group.__name__}.{attribute} takes a caller as an operation's handler does, but no "
                    f"{spec.name} operation is named so (xform_name of the operation's name)"
                )
    return OperationTable(spec.name, handlers, tuple(unimplemented), owners)


def check_handler(operation: OperationSpec, handler: Handler) -> None:
    """Refuse a handler whose parameters are not ``self, caller`` and the operation's
    input members as keywords (any of them may be taken by a ``**`` parameter instead)."""
    where = f"{handler.__qualname__} (the handler of {operation.service} {operation.name})"
    parameters = list(inspect.signature(handler).parameters.values())
    if len(parameters) < 2 or parameters[1].name != "caller":
        raise HandlerMismatch(f"{where} must take self and then caller, not {[p.name for p in parameters]}")
    rest = parameters[2:]
    takes_any = any(parameter.kind is inspect.Parameter.VAR_KEYWORD for parameter in rest)
    named = {parameter.name: parameter for parameter in rest if parameter.kind in _NAMED}
    if any(parameter.kind is inspect.Parameter.VAR_POSITIONAL for parameter in rest):
        raise HandlerMismatch(f"{where} takes *args; the members arrive by keyword")
    keywords = operation.argument_names
    shape = operation.input_shape
    required = {keywords[member] for member in shape.required_members} if shape is not None else set()
    for keyword in keywords.values():
        if keyword not in named and not takes_any:
            raise HandlerMismatch(f"{where} takes no {keyword!r}, a member of the operation's input")
    for name, parameter in named.items():
        if name not in keywords.values():
            raise HandlerMismatch(f"{where} takes {name!r}, which is no member of the operation's input")
        has_default = parameter.default is not inspect.Parameter.empty
        if name in required and has_default:
            raise HandlerMismatch(f"{where} gives {name!r} a default, but the model requires it")
        if name not in required and not has_default:
            raise HandlerMismatch(f"{where} requires {name!r}, but the model does not: give it a default")


def _not_implemented(service: str, operation_name: str) -> Handler:
    def not_implemented(backend: Any, caller: Any, **members: Any) -> Any:
        raise NotImplementedByMock(
            f"chatbot_mock does not implement {service} {operation_name} yet (see docs/coverage.md)"
        )

    return not_implemented


@cache
def operation_tables() -> Mapping[str, OperationTable]:
    """Every declared service's table, built and checked once per process."""
    specs = service_specs()
    return {service.name: build_table(specs[service.name], service.backend) for service in declared_services()}
