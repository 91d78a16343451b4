"""``@mock_chatbot`` on whatever a test can be: a function, a generator, a coroutine, an
async generator, a ``unittest.TestCase`` or a pytest-style class.

Each kind needs the mock on for as long as its body really runs (a generator's body runs
when it is iterated, after the call returned), and each kind of class has its own hook for
"one fresh state per test". The mock itself is only a switch: anything with ``start``,
``stop`` and the context-manager methods.
"""

from __future__ import annotations

import functools
import inspect
import unittest
from typing import Any, Callable, ContextManager, Optional, Protocol, TypeVar

import wrapt

F = TypeVar("F", bound=Callable[..., Any])


class Switch(Protocol):
    """What decorating needs of a mock."""

    def start(self) -> Any: ...

    def stop(self) -> None: ...


def decorate(mock: Switch, target: F) -> F:
    """``target`` with ``mock`` on around every test it runs."""
    if not callable(target):
        hint = " (an account id goes in mock_chatbot(account_id=...))" if isinstance(target, (str, int)) else ""
        raise TypeError(f"mock_chatbot decorates a function, method or class, not {target!r}{hint}")
    if inspect.isclass(target):
        return _decorate_class(mock, target)  # type: ignore[return-value]
    return decorate_function(mock, target)  # type: ignore[arg-type]


def decorate_function(mock: ContextManager[Any], function: F) -> F:
    """A function of any kind that runs its body with ``mock`` on."""
    if inspect.isgeneratorfunction(function):

        @wrapt.decorator
        def run_generator(wrapped: Any, instance: Any, args: Any, kwargs: Any) -> Any:
            with mock:
                return (yield from wrapped(*args, **kwargs))

        return run_generator(function)  # type: ignore[return-value]

    if inspect.isasyncgenfunction(function):

        @wrapt.decorator
        async def run_async_generator(wrapped: Any, instance: Any, args: Any, kwargs: Any) -> Any:
            with mock:
                async for item in wrapped(*args, **kwargs):
                    yield item

        return run_async_generator(function)  # type: ignore[return-value]

    if inspect.iscoroutinefunction(function):

        @wrapt.decorator
        async def run_async(wrapped: Any, instance: Any, args: Any, kwargs: Any) -> Any:
            with mock:
                return await wrapped(*args, **kwargs)

        return run_async(function)  # type: ignore[return-value]

    @wrapt.decorator
    def run(wrapped: Any, instance: Any, args: Any, kwargs: Any) -> Any:
        with mock:
            return wrapped(*args, **kwargs)

    return run(function)  # type: ignore[return-value]


def _decorate_class(mock: Any, cls: type) -> type:
    if issubclass(cls, unittest.TestCase):
        # setUp, the test and tearDown share one fresh state per test.
        original_setup = cls.setUp

        @functools.wraps(original_setup)
        def setUp(test: unittest.TestCase) -> None:
            mock.start()
            test.addCleanup(mock.stop)
            original_setup(test)

        cls.setUp = setUp  # type: ignore[method-assign,assignment]
        return cls
    # pytest-style classes: each test method, inherited ones included, gets fresh
    # state; setup_method and teardown_method run inside that same state.
    for name in dir(cls):
        if name.startswith("test"):
            decorated = _decorate_attribute(mock, inspect.getattr_static(cls, name))
            if decorated is not None:
                setattr(cls, name, decorated)
    original_setup = inspect.getattr_static(cls, "setup_method", None)
    original_teardown = inspect.getattr_static(cls, "teardown_method", None)
    if original_setup is None and original_teardown is None:
        return cls

    def setup_method(instance: Any, method: Any = None) -> None:
        mock.start()
        try:
            if original_setup is not None:
                _call_like_pytest(original_setup, instance, method)
        except BaseException:
            # pytest skips teardown_method when setup fails: stop here or never.
            mock.stop()
            raise

    def teardown_method(instance: Any, method: Any = None) -> None:
        try:
            if original_teardown is not None:
                _call_like_pytest(original_teardown, instance, method)
        finally:
            mock.stop()

    cls.setup_method = setup_method  # type: ignore[attr-defined]
    cls.teardown_method = teardown_method  # type: ignore[attr-defined]
    return cls


def _decorate_attribute(mock: Any, attribute: Any) -> Optional[Any]:
    """A class attribute that is a test, decorated; ``None`` for anything else."""
    if isinstance(attribute, (staticmethod, classmethod)):
        return type(attribute)(decorate_function(mock, attribute.__func__))
    if inspect.isfunction(attribute):
        return decorate_function(mock, attribute)
    return None


def _call_like_pytest(function: Any, instance: Any, method: Any) -> None:
    """Call an xunit-style method as pytest would: with the test method only if it takes one."""
    if isinstance(function, (staticmethod, classmethod)):
        bound = function.__get__(instance, type(instance))
    else:
        bound = function.__get__(instance, type(instance)) if hasattr(function, "__get__") else function
    if len(inspect.signature(bound).parameters) >= 1:
        bound(method)
    else:
        bound()
