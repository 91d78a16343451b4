"""The pytest plugin, registered through the ``pytest11`` entry point.

    def test_it(chatbot_mock):
        chatbot_mock.support_app.authorize_slack_workspace("T012ABCDEFG", "acme")

    @pytest.mark.chatbot_mock(account_id="111122223333", quotas={...})
    def test_configured(): ...          # the marker alone switches the mock on

pytest loads this module in every run of every project that has the package
installed, so importing it loads nothing: no botocore, no models, no AWS configuration.
The mock itself is imported by the first test that uses it.
"""

from __future__ import annotations

import sys
import warnings
from typing import TYPE_CHECKING, Any, Dict, Generator, Iterator, List

import pytest

if TYPE_CHECKING:
    from chatbot_mock._mock import ChatbotMock

MARKER = "chatbot_mock"
#: The keywords the marker takes: those of ``mock_chatbot``.
MARKER_KEYWORDS = ("account_id", "quotas", "fake_credentials")


def pytest_configure(config: Any) -> None:
    config.addinivalue_line(
        "markers",
        "chatbot_mock(account_id=None, quotas=None, fake_credentials=True): "
        "switch the chatbot_mock mock on for this test, configured with these keywords",
    )


def _marker_options(request: Any) -> Dict[str, Any]:
    marker = request.node.get_closest_marker(MARKER)
    if marker is None:
        return {}
    accepted = ", ".join(MARKER_KEYWORDS)
    if marker.args:
        pytest.fail(
            f"@pytest.mark.chatbot_mock takes keywords only ({accepted}), "
            f"not the positional {', '.join(map(repr, marker.args))}",
            pytrace=False,
        )
    unknown = sorted(set(marker.kwargs) - set(MARKER_KEYWORDS))
    if unknown:
        pytest.fail(
            f"@pytest.mark.chatbot_mock got {', '.join(unknown)}; it takes only {accepted}",
            pytrace=False,
        )
    return dict(marker.kwargs)


@pytest.fixture
def chatbot_mock(request: Any) -> Iterator[ChatbotMock]:
    """A started mock of AWS Chatbot and AWS Support App, with fresh state."""
    from chatbot_mock._mock import ChatbotMock

    with ChatbotMock(**_marker_options(request)) as mock:
        yield mock


@pytest.fixture(autouse=True)
def _chatbot_mock_marker(request: Any) -> None:
    # Autouse fixtures are set up first, so the mock is on for every other fixture too.
    if request.node.get_closest_marker(MARKER) is not None:
        request.getfixturevalue(MARKER)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: Any) -> Generator[None, None, None]:
    before = _started_mocks()
    yield
    item.stash[_STARTED_IN_TEST] = [mock for mock in _started_mocks() if mock not in before]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: Any) -> Generator[None, None, None]:
    yield
    leaked = [mock for mock in item.stash.get(_STARTED_IN_TEST, []) if mock.active]
    if leaked:
        warnings.warn(
            pytest.PytestWarning(
                f"{item.nodeid} started chatbot_mock by hand and left it on "
                f"({len(leaked)} start{'s' if len(leaked) > 1 else ''} without stop()): its state leaks "
                "into the tests that follow. Use `with mock_chatbot():`, @mock_chatbot, the chatbot_mock "
                "fixture, or call stop()."
            ),
            stacklevel=1,
        )


_STARTED_IN_TEST = pytest.StashKey[List[Any]]()


def _started_mocks() -> List[Any]:
    # Never import the mock here: a project that does not use it pays nothing.
    module = sys.modules.get("chatbot_mock._mock")
    return list(module.started_mocks()) if module is not None else []
