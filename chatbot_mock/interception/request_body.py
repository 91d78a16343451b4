"""A request body, whatever a client sends it as, as the bytes dispatch takes."""

from __future__ import annotations

from typing import Any


def as_bytes(body: Any) -> bytes:
    """``None``, text, bytes-like, a file (read, then put back where it was, so a retry can
    read it again) or an iterable of chunks (``requests`` sends those chunked)."""
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body)
    if hasattr(body, "read"):
        position = body.tell() if hasattr(body, "tell") else None
        data = body.read()
        if position is not None:
            body.seek(position)
        return data.encode("utf-8") if isinstance(data, str) else bytes(data)
    return b"".join(chunk.encode("utf-8") if isinstance(chunk, str) else bytes(chunk) for chunk in body)
