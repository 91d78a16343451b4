"""The suite itself never leaves the machine (tests/conftest.py): a request the mock
failed to answer fails at once instead of reaching AWS."""

import socket

import pytest


def test_names_other_than_loopback_are_never_resolved() -> None:
    with pytest.raises(socket.gaierror, match="never leaves this machine"):
        socket.getaddrinfo("chatbot.us-east-1.amazonaws.com", 443)
    assert socket.getaddrinfo("127.0.0.1", 1)


def test_addresses_other_than_loopback_are_never_connected_to() -> None:
    # The instance metadata service, which botocore asks when it finds no credentials.
    with socket.socket() as sock, pytest.raises(ConnectionRefusedError, match="never leaves this machine"):
        sock.connect(("169.254.169.254", 80))
