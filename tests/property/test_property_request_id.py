"""Request ids are version 4 UUIDs, exactly as ``str(uuid.uuid4())`` would make them
from the same random bytes."""

from __future__ import annotations

import importlib
import uuid
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st
from shape_strategies import examples

dispatch_module = importlib.import_module("chatbot_mock.protocol.dispatch")


@settings(max_examples=examples(200), deadline=None)
@given(st.binary(min_size=16, max_size=16))
def test_request_id_is_uuid4_of_the_same_random_bytes(random_bytes: bytes) -> None:
    with mock.patch("os.urandom", return_value=random_bytes):
        made = dispatch_module.request_id()
    assert made == str(uuid.UUID(bytes=random_bytes, version=4))
    parsed = uuid.UUID(made)
    assert parsed.version == 4 and parsed.variant == uuid.RFC_4122


def test_request_ids_differ() -> None:
    ids = {dispatch_module.request_id() for _ in range(1000)}
    assert len(ids) == 1000
