"""What every test runs inside: pytester, and no way out to the network."""

import ipaddress
import os
import socket
from typing import Any, Iterator

import pytest

from chatbot_mock.core import records

# Every answer a record kept is compared with a fresh one as it goes out, and every value
# a record is given must be immutable: a change in place fails the test that makes it.
# (The environment too, for the servers and interpreters tests start.)
os.environ["CHATBOT_MOCK_CHECK_ANSWERS"] = "1"
records.CHECK_ANSWERS = True

pytest_plugins = ["pytester", "races"]

_getaddrinfo = socket.getaddrinfo
_connect = socket.socket.connect


def _is_loopback(host: Any) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host is None or host == "localhost":
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _loopback_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    if not _is_loopback(host):
        raise socket.gaierror(socket.EAI_NONAME, f"the test suite never leaves this machine: {host!r} is not loopback")
    return _getaddrinfo(host, *args, **kwargs)


def _loopback_connect(self: socket.socket, address: Any) -> Any:
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):
        raise ConnectionRefusedError(f"the test suite never leaves this machine: {address!r} is not loopback")
    return _connect(self, address)


@pytest.fixture(autouse=True, scope="session")
def no_network() -> Iterator[None]:
    """A request the mock failed to answer must fail here, at once, and never reach AWS
    (or the instance metadata service) with whatever credentials the machine has."""
    patch = pytest.MonkeyPatch()
    patch.setattr(socket, "getaddrinfo", _loopback_getaddrinfo)
    patch.setattr(socket.socket, "connect", _loopback_connect)
    yield
    patch.undo()
