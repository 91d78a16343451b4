#!/usr/bin/env python
"""Where the mock's time per call goes: cProfile over a loop of real boto3 calls.

    python benchmarks/profile_path.py                 # Support App create + delete + list
    python benchmarks/profile_path.py --chatbot       # Chatbot create + describe (page of 100) + delete
    python benchmarks/profile_path.py --calls 5000 --top 40

Prints the mock's own functions (chatbot_mock/...) by cumulative time, and what share
of the whole loop the mock's request path took. cProfile inflates many-small-call
code, so read the ranking, not the absolute times (benchmarks/run.py has those).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
from typing import Any, Callable, List, Optional, Sequence

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import run as bench  # noqa: E402 - benchmarks/run.py, for its clients and requests

from chatbot_mock import mock_chatbot  # noqa: E402


def support_app_loop(mock: Any) -> Callable[[], None]:
    mock.support_app.authorize_slack_workspace(bench.TEAM_ID, "profile-workspace")
    client = bench.new_client("support-app")
    channel = {"teamId": bench.TEAM_ID, "channelId": bench.CHANNEL_ID}
    create = dict(channel, channelRoleArn=bench.SUPPORT_ROLE, notifyOnCaseSeverity="high",
                  notifyOnCreateOrReopenCase=True)

    def one() -> None:
        client.create_slack_channel_configuration(**create)
        client.list_slack_channel_configurations()
        client.delete_slack_channel_configuration(**channel)

    return one


def chatbot_loop(mock: Any) -> Callable[[], None]:
    bench.seed_chatbot_workspace(mock, bench.TEAM_ID)
    client = bench.new_client("chatbot")
    requests = bench.ChatbotRequests()
    for _ in range(99):
        client.create_slack_channel_configuration(**requests())

    def one() -> None:
        arn = client.create_slack_channel_configuration(**requests())["ChannelConfiguration"]["ChatConfigurationArn"]
        client.describe_slack_channel_configurations(MaxResults=100)
        client.delete_slack_channel_configuration(ChatConfigurationArn=arn)

    return one


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--chatbot", action="store_true", help="profile Chatbot calls instead of Support App")
    parser.add_argument("--calls", type=int, default=2000, help="loop iterations (each makes three calls)")
    parser.add_argument("--top", type=int, default=25, help="how many of the mock's functions to list")
    args = parser.parse_args(argv)
    with mock_chatbot() as mock:
        one = chatbot_loop(mock) if args.chatbot else support_app_loop(mock)
        for _ in range(200):
            one()
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.calls):
            one()
        profile.disable()
    stats = pstats.Stats(profile)
    total = stats.total_tt  # type: ignore[attr-defined]
    entries: List[Any] = [
        (key, value) for key, value in stats.stats.items()  # type: ignore[attr-defined]
        if key[2] == "_answer" and key[0].endswith(os.path.join("chatbot_mock", "interception", "botocore_feed.py"))
    ]
    inside = sum(value[3] for _, value in entries)
    print(f"{args.calls * 3} calls; the mock's request path took {inside / total:.1%} of the profiled time\n")
    stats.sort_stats("cumulative").print_stats(r"chatbot_mock", args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
