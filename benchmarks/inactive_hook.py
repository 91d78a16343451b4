"""Cost of the installed emit hook while every mock is off (per emit, and per boto3 call)."""
import timeit

import boto3
from botocore.awsrequest import AWSResponse
from botocore.hooks import HierarchicalEmitter


class Raw:
    def stream(self, **_):
        yield b"{}"

def sqs_client():
    c = boto3.client("sqs", region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b")
    c.meta.events.register("before-send.sqs", lambda request, **_: AWSResponse(request.url, 200, {}, Raw()))
    return c

def measure(label):
    e = HierarchicalEmitter(); e.register("x", lambda **k: None)
    per_emit = min(timeit.repeat(lambda: e.emit("x.y.z", a=1), number=100000, repeat=7)) / 100000 * 1e9
    c = sqs_client()
    call = lambda: c.list_queues()
    for _ in range(200): call()
    per_call = min(timeit.repeat(call, number=2000, repeat=7)) / 2000 * 1e6
    print(f"{label:28s} {per_emit:7.0f} ns/emit   {per_call:7.1f} us per stubbed SQS call")

measure("never installed")
from chatbot_mock import mock_chatbot

with mock_chatbot():
    pass
measure("installed, every mock off")
