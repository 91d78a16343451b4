"""A request body, whatever a client sends it as, becomes the bytes dispatch takes."""

import io
from typing import Any

import pytest

from chatbot_mock.interception.request_body import as_bytes

DATA = b'{"accountAlias": "ops"}'


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (None, b""),
        ('{"accountAlias": "ops"}', DATA),
        (DATA, DATA),
        (bytearray(DATA), DATA),
        (memoryview(DATA), DATA),
        (io.BytesIO(DATA), DATA),
        (io.StringIO('{"accountAlias": "ops"}'), DATA),
        (iter([DATA[:5], DATA[5:].decode()]), DATA),
    ],
    ids=["none", "str", "bytes", "bytearray", "memoryview", "binary file", "text file", "chunks"],
)
def test_every_kind_of_body_is_read_whole(body: Any, expected: bytes) -> None:
    assert as_bytes(body) == expected


def test_a_file_body_is_put_back_where_it_was_so_a_retry_reads_it_again() -> None:
    body = io.BytesIO(DATA)

    assert as_bytes(body) == DATA
    assert body.tell() == 0
    assert as_bytes(body) == DATA


def test_a_file_body_is_read_from_where_it_stands_and_left_there() -> None:
    body = io.BytesIO(b"skipped" + DATA)
    body.seek(len(b"skipped"))

    assert as_bytes(body) == DATA
    assert body.tell() == len(b"skipped")
