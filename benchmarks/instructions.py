#!/usr/bin/env python
"""Instructions per call, the mock against the floor, counted by valgrind's cachegrind.

    python benchmarks/instructions.py                      # every call below, instructions only
    python benchmarks/instructions.py create update        # some of them (describe: a page of 100)
    python benchmarks/instructions.py --cache create       # with cache misses (slower)
    python benchmarks/instructions.py --cache --gc-paused  # the collector paused, as run.py times

Wall-clock ratios on a shared 2-core machine move by 0.1x between runs; an instruction
count does not (with PYTHONHASHSEED fixed). Each figure is the difference between a
process making ``--calls`` calls and one making ``--base`` calls, divided by the
difference in calls, so start-up and set-up cancel out. The set-up is
benchmarks/run.py's: the same clients, floor, requests and account of 100
configurations. ``--cache`` simulates this machine's caches (L1 32 kB; ``LL`` is set to
a 1 MB L2, so its misses are the ones the L3 or memory answer): the mock's code and data
are evicted by botocore's between calls, so its instructions miss more often than
botocore's own, which is why it costs more in wall-clock time than in instructions.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
from typing import Dict, List, Optional, Sequence

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

CALLS = ("create", "update", "delete", "describe", "support_app_pair")
CACHES = ["--cache-sim=yes", "--I1=32768,8,64", "--D1=32768,8,64", "--LL=1048576,16,64"]


def make_calls(side: str, call: str, count: int, most: int) -> None:
    """In the measured process: set up as benchmarks/run.py does, then make ``count``
    calls (``most``: the largest count of the comparison)."""
    import run as bench

    from chatbot_mock import mock_chatbot

    warmup = 30
    if call == "support_app_pair":
        with mock_chatbot() as mock:
            mock.support_app.authorize_slack_workspace(bench.TEAM_ID, "benchmark-workspace")
            client = bench.new_client("support-app")
            floor = bench.Floor("support-app")
            channel = {"teamId": bench.TEAM_ID, "channelId": bench.CHANNEL_ID}
            create = dict(channel, channelName="benchmark", channelRoleArn=bench.SUPPORT_ROLE,
                          notifyOnCaseSeverity="high", notifyOnCreateOrReopenCase=True)
            floor.can(bench.path_of(client, "CreateSlackChannelConfiguration"),
                      bench.capture(lambda: client.create_slack_channel_configuration(**create)))
            floor.can(bench.path_of(client, "DeleteSlackChannelConfiguration"),
                      bench.capture(lambda: client.delete_slack_channel_configuration(**channel)))
            used = client if side == "mock" else floor.client
            for _ in range(warmup + count):
                used.create_slack_channel_configuration(**create)
                used.delete_slack_channel_configuration(**channel)
        return
    with mock_chatbot(quotas={"chatbot_configurations_per_account": 100_000}) as mock:
        bench.seed_chatbot_workspace(mock, bench.TEAM_ID)
        client = bench.new_client("chatbot")
        requests = bench.ChatbotRequests()
        floor = bench.Floor("chatbot")
        held = [client.create_slack_channel_configuration(**requests())["ChannelConfiguration"]["ChatConfigurationArn"]
                for _ in range(100)]
        update = {"ChatConfigurationArn": held[0], "SlackChannelId": "CUPDATED01", "LoggingLevel": "INFO"}
        floor.can(bench.path_of(client, "CreateSlackChannelConfiguration"),
                  bench.capture(lambda: client.create_slack_channel_configuration(**requests())))
        floor.can(bench.path_of(client, "DeleteSlackChannelConfiguration"),
                  bench.capture(lambda: client.delete_slack_channel_configuration(ChatConfigurationArn=held.pop())))
        floor.can(bench.path_of(client, "UpdateSlackChannelConfiguration"),
                  bench.capture(lambda: client.update_slack_channel_configuration(**update)))
        describe = {"MaxResults": 100}
        floor.can(bench.path_of(client, "DescribeSlackChannelConfigurations"),
                  bench.capture(lambda: client.describe_slack_channel_configurations(**describe)))
        used = client if side == "mock" else floor.client
        if call == "describe":
            for _ in range(warmup + count):
                used.describe_slack_channel_configurations(**describe)
            return
        todo = [requests(side) for _ in range(warmup + (most if call == "delete" else count))]
        if call == "create":
            for request in todo:
                used.create_slack_channel_configuration(**request)
        elif call == "delete":
            # As many made whatever the count, so the making cancels out of the difference.
            made = [client.create_slack_channel_configuration(**request)["ChannelConfiguration"]
                    ["ChatConfigurationArn"] for request in todo]
            for arn in made[: warmup + count]:
                used.delete_slack_channel_configuration(ChatConfigurationArn=arn)
        elif call == "update":
            for _ in todo:
                used.update_slack_channel_configuration(**update)


def counted(side: str, call: str, count: int, most: int, cache: bool, gc_paused: bool,
            directory: str) -> subprocess.Popen:  # type: ignore[type-arg]
    out = os.path.join(directory, f"{side}.{call}.{count}")
    command = ["valgrind", "--tool=cachegrind", f"--cachegrind-out-file={out}",
               *(CACHES if cache else ["--cache-sim=no"]),
               sys.executable, os.path.abspath(__file__), *(["--gc-paused"] if gc_paused else []),
               "--in-process", side, call, str(count), str(most)]
    environment = dict(os.environ, PYTHONHASHSEED="0")
    return subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def totals(path: str) -> Dict[str, int]:
    with open(path) as file:
        text = file.read()
    events = re.search(r"^events: (.*)$", text, re.M)
    summary = re.search(r"^summary: (.*)$", text, re.M)
    if events is None or summary is None:
        raise RuntimeError(f"{path}: no cachegrind summary")
    return dict(zip(events.group(1).split(), map(int, summary.group(1).split())))


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("calls", nargs="*", help="which calls (all when none is named)")
    parser.add_argument("--cache", action="store_true", help="simulate the caches too")
    parser.add_argument("--base", type=int, default=20, help="calls in the process subtracted")
    parser.add_argument("--calls", dest="count", type=int, default=220, help="calls in the process measured")
    parser.add_argument("--jobs", type=int, default=2, help="valgrind processes at once")
    parser.add_argument("--gc-paused", action="store_true",
                        help="pause the garbage collector in the measured processes, as run.py does while "
                             "timing: a collection falling in one count's calls and not the other's moves the "
                             "L2 figures by up to 10%% or so")
    parser.add_argument("--in-process", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    unknown = sorted(set(args.calls) - set(CALLS))
    if unknown:
        parser.error(f"unknown call(s) {', '.join(unknown)}; known: {', '.join(CALLS)}")
    if args.in_process:
        side, call, count, most = args.in_process
        if args.gc_paused:
            gc.disable()
        make_calls(side, call, int(count), int(most))
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as directory:
        runs = [(side, call, count) for call in (args.calls or CALLS) for side in ("mock", "floor")
                for count in (args.base, args.count)]
        running: List[subprocess.Popen] = []  # type: ignore[type-arg]
        for run in runs:
            if len(running) >= args.jobs:
                running.pop(0).wait()
            running.append(counted(*run, max(args.base, args.count), args.cache, args.gc_paused, directory))
        for process in running:
            process.wait()
        for call in args.calls or CALLS:
            per_call = {}
            for side in ("mock", "floor"):
                low = totals(os.path.join(directory, f"{side}.{call}.{args.base}"))
                high = totals(os.path.join(directory, f"{side}.{call}.{args.count}"))
                per_call[side] = {event: (high[event] - low[event]) / (args.count - args.base) for event in high}
            mock, floor = per_call["mock"], per_call["floor"]
            added = mock["Ir"] - floor["Ir"]
            line = (f"{call:17s} floor {floor['Ir'] / 1000:8.1f} k  mock {mock['Ir'] / 1000:8.1f} k  "
                    f"mock adds {added / 1000:+7.1f} k instructions ({mock['Ir'] / floor['Ir']:.3f}x)")
            if args.cache:
                line += "".join(f"\n    {event:5s} floor {floor[event]:9.0f}  mock {mock[event]:9.0f}  "
                                f"mock adds {mock[event] - floor[event]:+8.0f}" for event in mock if event != "Ir")
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
