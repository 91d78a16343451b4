"""One hook on one attribute: put in once, and put back only when calls no longer reach it.

Every hook of the feeds works this way. A hook still sitting where it was put is
reached for sure; otherwise a probe call through the attribute tells whether it still
is (beneath another library's patch, say). Only a hook no call reaches any more (taken
away by a library that unwound a patch it made before the hook went in) is put in again,
so hooks never stack.
"""

from __future__ import annotations

import inspect
import sys
from typing import Any, Callable

import wrapt


class Hook:
    """``owner.attribute``, hooked by ``install(owner)``. ``probe(owner)`` calls through the
    attribute; the hook is reached when the call answers ``answer``, as only the hook does."""

    def __init__(
        self,
        owner: Callable[[], Any],
        attribute: str,
        install: Callable[[Any], Any],
        probe: Callable[[Any], Any],
        answer: Any,
    ) -> None:
        self._owner = owner
        self._attribute = attribute
        self._install = install
        self._probe = probe
        self._answer = answer
        self._installed: Any = None

    def put_in(self) -> None:
        owner = self._owner()
        if owner is not None:
            self._installed = self._install(owner)

    def ensure(self) -> None:
        """Put the hook in unless calls still reach it; nothing while its owner is not loaded."""
        owner = self._owner()
        if owner is None or vars(owner).get(self._attribute) is self._installed:
            return
        if not self._reached(owner):
            self.put_in()

    def _reached(self, owner: Any) -> bool:
        try:
            answer = self._probe(owner)
        except Exception:  # the unhooked original fails on a probe's stand-in object
            return False
        if inspect.iscoroutine(answer):  # an unhooked coroutine function: never run it
            answer.close()
        return answer is self._answer


def wrapped_by(wrapper: Callable[..., Any], attribute: str) -> Callable[[Any], Any]:
    """An ``install`` that wraps ``owner.attribute`` with a wrapt ``wrapper``."""
    return lambda owner: wrapt.wrap_function_wrapper(owner, attribute, wrapper)


def class_in(module: str, name: str, defining: str) -> Callable[[], Any]:
    """An ``owner`` that is a class of a module the mock never imports itself, once it is
    loaded and defines ``defining`` itself (an inherited method is hooked where it lives)."""

    def owner() -> Any:
        found = getattr(sys.modules.get(module), name, None)
        return found if found is not None and defining in vars(found) else None

    return owner
