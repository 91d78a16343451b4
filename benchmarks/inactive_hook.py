"""What the installed ``emit`` hook costs the host while every mock is off.

The hook stays for the life of the process once a mock has started, so every botocore
event of every service goes through it. One process: a mock is started and stopped
once, then the same stubbed SQS call (a before-send handler answers it; no network)
and the same bare ``emit`` are timed with the hook in place and with botocore's own
``emit`` swapped back in, the two alternating repeat by repeat so that load elsewhere
on the machine lands on both alike. Medians; nothing asserts a time.

    python benchmarks/inactive_hook.py
"""

from __future__ import annotations

import gc
import inspect
import statistics
import time
from typing import Any, Callable, Dict, Iterator, List

import boto3
from botocore.awsrequest import AWSResponse
from botocore.hooks import HierarchicalEmitter

from chatbot_mock import mock_chatbot


class _Raw:
    def stream(self, **_: Any) -> Iterator[bytes]:
        yield b"{}"


def _stubbed_sqs() -> Any:
    client = boto3.client("sqs", region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b")
    client.meta.events.register("before-send.sqs", lambda request, **_: AWSResponse(request.url, 200, {}, _Raw()))
    return client


def _per_call_ns(call: Callable[[], Any], number: int) -> float:
    gc.disable()
    try:
        start = time.perf_counter_ns()
        for _ in range(number):
            call()
        return (time.perf_counter_ns() - start) / number
    finally:
        gc.enable()


def main() -> None:
    with mock_chatbot():
        pass
    hooked = HierarchicalEmitter.__dict__["emit"]
    botocore_emit = inspect.unwrap(hooked)
    emitter = HierarchicalEmitter()
    emitter.register("x", lambda **_: None)
    client = _stubbed_sqs()
    cases: Dict[str, Callable[[], Any]] = {
        "one emit": lambda: emitter.emit("x.y.z", a=1),
        "one stubbed SQS call": client.list_queues,
    }
    numbers = {"one emit": 20_000, "one stubbed SQS call": 300}
    for case, call in cases.items():
        times: Dict[str, List[float]] = {"botocore's emit": [], "hook installed, mock off": []}
        for repeat in range(31):
            order = ["botocore's emit", "hook installed, mock off"]
            for side in order if repeat % 2 else reversed(order):
                HierarchicalEmitter.emit = botocore_emit if side == "botocore's emit" else hooked  # type: ignore[method-assign]
                _per_call_ns(call, numbers[case] // 10)  # warm up
                times[side].append(_per_call_ns(call, numbers[case]))
        HierarchicalEmitter.emit = hooked  # type: ignore[method-assign]
        floor, mine = (statistics.median(values) for values in times.values())
        print(f"{case:22s} botocore's emit {floor / 1000:8.2f} us   hook, mock off {mine / 1000:8.2f} us   "
              f"difference {(mine - floor) / 1000:+.2f} us ({mine / floor:.3f}x)")


if __name__ == "__main__":
    main()
