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
from collections import Counter
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


@pytest.fixture
def chatbot_mock_server() -> Iterator[Any]:
    """A started server of both services on a free loopback port, with state of its own:
    point any client at ``chatbot_mock_server.url``."""
    from chatbot_mock.server import ThreadedServer

    with ThreadedServer(port=0) as server:
        yield server


@pytest.fixture(autouse=True)
def _chatbot_mock_marker(request: Any) -> None:
    # Autouse fixtures are set up first, so the mock is on for every other fixture too.
    if request.node.get_closest_marker(MARKER) is not None:
        request.getfixturevalue(MARKER)


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef: Any, request: Any) -> Generator[None, None, None]:
    # A mock a wider-scoped fixture starts stays on past this test on purpose.
    before = _started_mocks()
    yield
    if fixturedef.scope != "function":
        kept = _new_starts(before, _started_mocks())
        if kept:
            _kept_on_by_fixtures.update(kept)
            # Once the fixture is finished, a start of the same mock is checked again.
            fixturedef.addfinalizer(lambda: _kept_on_by_fixtures.subtract(kept))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: Any) -> Generator[None, None, None]:
    before = _started_mocks()
    yield
    item.stash[_STARTED_IN_TEST] = _new_starts(before, _started_mocks())


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: Any) -> Generator[None, None, None]:
    yield
    started = item.stash.get(_STARTED_IN_TEST, Counter())
    leaked = (started - +_kept_on_by_fixtures) & Counter(_started_mocks())
    if leaked:
        count = sum(leaked.values())
        warnings.warn(
            pytest.PytestWarning(
                f"{item.nodeid} started chatbot_mock by hand and left it on "
                f"({count} start{'s' if count > 1 else ''} without stop()): its state leaks "
                "into the tests that follow. Use `with mock_chatbot():`, @mock_chatbot, the chatbot_mock "
                "fixture, or call stop()."
            ),
            stacklevel=1,
        )


#: How many times each mock (by id) was started in the test's body and is still on.
_STARTED_IN_TEST = pytest.StashKey["Counter[int]"]()
#: Starts made while a fixture wider than a test was set up, and so kept on on purpose.
_kept_on_by_fixtures: Counter[int] = Counter()


def _started_mocks() -> List[int]:
    # Never import the mock here: a project that does not use it pays nothing.
    module = sys.modules.get("chatbot_mock._mock")
    return [id(mock) for mock in module.started_mocks()] if module is not None else []


def _new_starts(before: List[int], after: List[int]) -> Counter[int]:
    return Counter(after) - Counter(before)
