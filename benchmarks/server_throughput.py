#!/usr/bin/env python
"""Requests per second: a describe call against the chatbot_mock server, and a comparable
rest-json call against moto's server, with the same kind of boto3 client, in one run.

    python benchmarks/server_throughput.py            # about a minute
    python benchmarks/server_throughput.py --quick    # a smoke test

chatbot_mock: ``describe_slack_channel_configurations`` in an account holding 10
configurations. moto (``ThreadedMotoServer``): IoT ``list_things`` with 10 things (IoT is
rest-json as Chatbot is, and its list answers a page of small records too). Each client
sends its calls one after the other over one keep-alive connection; the two alternate
repeat by repeat; each figure is the median of the repeats. Nothing asserts a time.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import sys
import time
from typing import Any, Callable, Dict, List

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import boto3  # noqa: E402
from moto.server import ThreadedMotoServer  # noqa: E402

from chatbot_mock.server import ThreadedServer  # noqa: E402

ACCOUNT = "123456789012"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def client(service: str, url: str) -> Any:
    return boto3.client(service, region_name="us-east-1", endpoint_url=url,
                        aws_access_key_id=ACCOUNT, aws_secret_access_key="not-a-secret")


def per_second(call: Callable[[], Any], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        call()
    return calls / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    arguments = parser.parse_args()
    calls, repeats = (20, 3) if arguments.quick else (200, 9)

    moto_port = free_port()
    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # moto's server logs every request
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=moto_port, verbose=False)
    moto.start()
    try:
        with ThreadedServer(port=0) as ours:
            from chatbot_mock.chatbot.console import ChatbotConsole

            ChatbotConsole(lambda: ours.state).authorize_slack_workspace("T012ABCDEFG", "acme", account_id=ACCOUNT)
            chatbot = client("chatbot", ours.url)
            for number in range(10):
                chatbot.create_slack_channel_configuration(
                    ConfigurationName=f"c{number}", SlackTeamId="T012ABCDEFG", SlackChannelId=f"C{number}",
                    IamRoleArn=f"arn:aws:iam::{ACCOUNT}:role/chatbot",
                    SnsTopicArns=[f"arn:aws:sns:us-east-1:{ACCOUNT}:alerts"])
            iot = client("iot", f"http://127.0.0.1:{moto_port}")
            for number in range(10):
                iot.create_thing(thingName=f"thing-{number}")
            sides: Dict[str, Callable[[], Any]] = {
                "chatbot_mock server: chatbot describe_slack_channel_configurations (10)":
                    lambda: chatbot.describe_slack_channel_configurations(),
                "moto server: iot list_things (10)": lambda: iot.list_things(),
            }
            for call in sides.values():
                per_second(call, calls // 4 or 1)  # warm up
            rates: Dict[str, List[float]] = {name: [] for name in sides}
            for repeat in range(repeats):
                for name in (list(sides) if repeat % 2 == 0 else list(sides)[::-1]):
                    rates[name].append(per_second(sides[name], calls))
    finally:
        moto.stop()

    ours_rate, moto_rate = (statistics.median(rates[name]) for name in sides)
    print(f"{calls} sequential calls x {repeats} repeats (median), one boto3 client each, keep-alive")
    print("| server and call | requests per second |")
    print("|---|---|")
    for name in sides:
        print(f"| {name} | {statistics.median(rates[name]):.0f} |")
    print(f"\nchatbot_mock / moto: {ours_rate / moto_rate:.2f}x (target: at least 2x)")


if __name__ == "__main__":
    main()
