#!/usr/bin/env python
"""What a delivery to AWS Chatbot adds to an SNS publish that moto answers.

    python benchmarks/delivery_cost.py            # about half a minute
    python benchmarks/delivery_cost.py --quick    # a smoke test

Three ways of one ``sns.publish`` of a CloudWatch alarm notification, all answered by
moto's ``mock_aws`` through the same client, in one run:

- moto alone (``mock_chatbot`` off);
- ``mock_chatbot`` on, the topic subscribed by no configuration (what observing a
  publish costs);
- ``mock_chatbot`` on, the topic subscribed by one Slack configuration (one delivery:
  the message read, rendered and recorded).

Each figure is the median of repeats of a loop of publishes, the three alternating
repeat by repeat, the garbage collector paused while timing. Nothing asserts a time.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
from typing import Callable, Dict, List

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import boto3  # noqa: E402
from moto import mock_aws  # noqa: E402

from chatbot_mock import mock_chatbot  # noqa: E402

ALARM = json.dumps({
    "AlarmName": "cpu-high", "AWSAccountId": "123456789012", "NewStateValue": "ALARM", "OldStateValue": "OK",
    "NewStateReason": "Threshold Crossed", "Region": "US East (N. Virginia)",
})


def timed(loop: Callable[[int], None], calls: int) -> float:
    gc.disable()
    try:
        start = time.perf_counter_ns()
        loop(calls)
        return (time.perf_counter_ns() - start) / calls / 1000
    finally:
        gc.enable()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    arguments = parser.parse_args()
    calls, repeats, warm_up = (20, 5, 20) if arguments.quick else (100, 21, 100)

    with mock_aws():
        sns = boto3.client("sns", region_name="us-east-1")
        quiet = sns.create_topic(Name="nobody-listens")["TopicArn"]
        subscribed = sns.create_topic(Name="alarms")["TopicArn"]
        ours = mock_chatbot()
        ours.start()
        ours.chatbot.authorize_slack_workspace("T012ABCDEFG", "acme")
        boto3.client("chatbot", region_name="us-east-1").create_slack_channel_configuration(
            ConfigurationName="alarms", SlackTeamId="T012ABCDEFG", SlackChannelId="C0ALARMS",
            IamRoleArn="arn:aws:iam::123456789012:role/chatbot", SnsTopicArns=[subscribed])
        state_holder = ours  # keeps the configuration: switched off and on by start/stop below

        def publish_to(topic: str) -> Callable[[int], None]:
            def loop(n: int) -> None:
                for _ in range(n):
                    sns.publish(TopicArn=topic, Message=ALARM)
            return loop

        sides: Dict[str, Callable[[int], None]] = {
            "moto alone": publish_to(subscribed),
            "mock on, no subscriber": publish_to(quiet),
            "mock on, one delivery": publish_to(subscribed),
        }
        # "moto alone" is the mock switched off: its hooks stay in for the life of the
        # process, as after any stop. Stopping the outermost mock would forget the
        # configuration, so the benchmark flips the switch a stop flips.
        from chatbot_mock.interception import switch

        state = switch.active
        for name, loop in sides.items():
            switch.active = None if name == "moto alone" else state
            loop(warm_up)
        results: Dict[str, List[float]] = {name: [] for name in sides}
        for repeat in range(repeats):
            order = list(sides)[repeat % 3:] + list(sides)[: repeat % 3]
            for name in order:
                switch.active = None if name == "moto alone" else state
                results[name].append(timed(sides[name], calls))
        switch.active = state
        delivered = len(state_holder.chatbot.deliveries)
        ours.stop()

    base = statistics.median(results["moto alone"])
    print(f"sns.publish answered by moto, {calls} calls x {repeats} repeats (median); {delivered} deliveries made")
    print("| publish | per call | over moto alone |")
    print("|---|---|---|")
    for name, figures in results.items():
        median = statistics.median(figures)
        print(f"| {name} | {median:.1f} us | {median - base:+.1f} us |")


if __name__ == "__main__":
    main()
