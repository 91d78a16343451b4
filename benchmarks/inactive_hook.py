"""What the installed ``emit`` hook costs the host while every mock is off.

The hook stays for the life of the process once a mock has started, so every botocore
event of every service goes through it. Measured in one process: first with botocore
untouched, then after one ``with mock_chatbot(): pass``. Reports the cost of one
``emit`` and of one stubbed SQS call (a before-send handler answers it; no network).

    python benchmarks/inactive_hook.py
"""

from __future__ import annotations

import timeit
from typing import Any, Iterator

import boto3
from botocore.awsrequest import AWSResponse
from botocore.hooks import HierarchicalEmitter


class _Raw:
    def stream(self, **_: Any) -> Iterator[bytes]:
        yield b"{}"


def _stubbed_sqs() -> Any:
    client = boto3.client("sqs", region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b")
    client.meta.events.register("before-send.sqs", lambda request, **_: AWSResponse(request.url, 200, {}, _Raw()))
    return client


def measure(label: str) -> None:
    emitter = HierarchicalEmitter()
    emitter.register("x", lambda **_: None)
    per_emit = min(timeit.repeat(lambda: emitter.emit("x.y.z", a=1), number=100_000, repeat=7)) / 100_000 * 1e9
    client = _stubbed_sqs()

    def call() -> None:
        client.list_queues()

    for _ in range(200):
        call()
    per_call = min(timeit.repeat(call, number=2000, repeat=7)) / 2000 * 1e6
    print(f"{label:28s} {per_emit:7.0f} ns/emit   {per_call:7.1f} us per stubbed SQS call")


def main() -> None:
    measure("never installed")
    from chatbot_mock import mock_chatbot

    with mock_chatbot():
        pass
    measure("installed, every mock off")


if __name__ == "__main__":
    main()
