#!/usr/bin/env python
"""How much the mock costs on top of botocore itself, in one run.

    python benchmarks/run.py            # the full run (about two minutes)
    python benchmarks/run.py --quick    # a short run, for a smoke test

(a) Support App calls through the mock against a *floor*: a client of the same
    service whose first ``before-send`` handler returns a canned ``AWSResponse``
    with the very status, headers and body the mock answers for that call. botocore
    serialises, signs and parses exactly the same bytes on both sides, so
    ``mock / floor`` is the mock's own overhead (interception, routing, validation,
    the backend, serialisation).
(b) ``with mock_chatbot(): pass`` against moto's ``with mock_aws(): pass``.
(c) Chatbot's common calls against the same kind of floor, and a page of 100 when
    the account holds 100 vs 10,000 configurations.
(d) The same kind of floor for aiobotocore clients: a Support App call and a Chatbot
    call through an aiobotocore client the mock answers, against an aiobotocore client
    whose first ``before-send`` handler returns a canned ``AioAWSResponse``. Each
    measurement awaits its loop of calls in one event loop of its own. Skipped when
    aiobotocore is not installed.

Timing: ``time.perf_counter_ns`` around a loop of calls, after warm-up calls, with
the garbage collector paused (as ``timeit`` does); each figure is the median of
several repeats, and the mock's and the floor's repeats alternate so machine noise
hits both alike. Clients are created once, outside every timed loop. Nothing here
asserts a time: the targets are printed with whether this run met them.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import platform
import statistics
import sys
import time
import types
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Coroutine, Dict, List, Mapping, Optional, Sequence, Tuple

# The benchmark runs from a checkout: make ``chatbot_mock`` importable without installing.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import boto3  # noqa: E402
from botocore.awsrequest import AWSResponse  # noqa: E402
from botocore.config import Config  # noqa: E402
from botocore.hooks import HierarchicalEmitter  # noqa: E402

import chatbot_mock  # noqa: E402
from chatbot_mock import mock_chatbot  # noqa: E402
from chatbot_mock.interception import botocore_feed  # noqa: E402

#: botocore's own emit, taken before any mock wraps it (see Floor).
BOTOCORE_EMIT = HierarchicalEmitter.emit

REGION = "us-east-1"
ACCOUNT_ID = "123456789012"
TEAM_ID = "T012ABCDEFG"
CHANNEL_ID = "C012ABCDEFG"
SUPPORT_ROLE = f"arn:aws:iam::{ACCOUNT_ID}:role/AWSSupportSlackAppTutorialRole"
CHATBOT_ROLE = f"arn:aws:iam::{ACCOUNT_ID}:role/chatbot-benchmark"
SNS_TOPIC = f"arn:aws:sns:{REGION}:{ACCOUNT_ID}:chatbot-benchmark"
# No retries, so a refused call is seen at once instead of being retried with back-off.
CLIENT_CONFIG = Config(retries={"max_attempts": 1, "mode": "standard"})

#: Per-call targets: mock / floor at most this (issue 16's decision: reads 1.15x; creates,
#: updates and deletes, which build and keep records, 1.25x).
RATIO_TARGET = 1.15
WRITE_RATIO_TARGET = 1.25
_WRITES = ("create", "update", "delete")
#: ``with mock_chatbot(): pass`` at most this many nanoseconds.
ENTER_EXIT_TARGET_NS = 50_000

TimedStep = Callable[[int], int]  # n -> nanoseconds that n calls took


# -- measuring --------------------------------------------------------------------------------


@dataclass
class Plan:
    iterations: int
    repeats: int
    warmup: int


@dataclass
class Row:
    section: str
    name: str
    mock_ns: float
    floor_ns: Optional[float] = None
    floor_label: str = "floor"
    target: str = ""
    met: Optional[bool] = None
    note: str = ""

    @property
    def ratio(self) -> Optional[float]:
        return None if self.floor_ns is None else self.mock_ns / self.floor_ns


@dataclass
class Side:
    """One side of a comparison: named steps run in order within a repeat (so a
    ``create`` step can hand what it made to a ``delete`` step)."""

    steps: Sequence[Tuple[str, TimedStep]]


def loop(call: Callable[[], Any]) -> TimedStep:
    """A timed step that makes ``call`` n times."""

    def timed(n: int) -> int:
        counter = time.perf_counter_ns
        start = counter()
        for _ in range(n):
            call()
        return counter() - start

    return timed


def async_loop(call: Callable[[], Awaitable[Any]]) -> TimedStep:
    """A timed step that awaits ``call()`` n times, all in one event loop (made and
    closed outside the time)."""

    async def calls(n: int) -> int:
        counter = time.perf_counter_ns
        start = counter()
        for _ in range(n):
            await call()
        return counter() - start

    def timed(n: int) -> int:
        return asyncio.run(calls(n))

    return timed


def compare(sides: Mapping[str, Side], plan: Plan) -> Dict[str, Dict[str, float]]:
    """Median nanoseconds per call of each step of each side.

    Every side warms up first. Then, repeat after repeat, every side runs once; the
    order of the sides rotates between repeats so that neither always goes first.
    """
    names = list(sides)
    for name in names:
        side = sides[name]
        for _, step in side.steps:
            step(plan.warmup)
    samples: Dict[str, Dict[str, List[float]]] = {
        name: {step_name: [] for step_name, _ in sides[name].steps} for name in names
    }
    for repeat in range(plan.repeats):
        order = names[repeat % len(names) :] + names[: repeat % len(names)]
        for name in order:
            side = sides[name]
            gc.collect()
            was_enabled = gc.isenabled()
            gc.disable()
            try:
                for step_name, step in side.steps:
                    samples[name][step_name].append(step(plan.iterations) / plan.iterations)
            finally:
                if was_enabled:
                    gc.enable()
    return {
        name: {step: statistics.median(values) for step, values in steps.items()} for name, steps in samples.items()
    }


# -- the floor --------------------------------------------------------------------------------


class _CannedBody:
    """The raw stream botocore reads a canned body from (what the mock hands it too)."""

    __slots__ = ("_body",)

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Any:
        yield self._body


class _AsyncCannedBody:
    """The raw stream aiobotocore awaits a canned body from (what the mock hands it too)."""

    __slots__ = ("_body",)

    def __init__(self, body: bytes) -> None:
        self._body = body

    async def read(self, *_: Any) -> bytes:
        return self._body


@dataclass
class Canned:
    status: int
    headers: Dict[str, str]
    body: bytes


class Floor:
    """A client of the same service that never leaves botocore: its first
    ``before-send`` handler answers each operation with a canned response.

    While a mock is active it wraps ``HierarchicalEmitter.emit`` for every client; this
    client's emitter gets botocore's own ``emit`` back, so nothing of the mock runs on
    it (not even the wrapper); everything else botocore does (serialise, sign, parse)
    is the same.
    """

    def __init__(self, service: str, client: Any = None) -> None:
        self.service = service
        self.client = new_client(service) if client is None else client
        events = self.client.meta.events
        emitter = events._emitter
        emitter.emit = types.MethodType(BOTOCORE_EMIT, emitter)
        event = f"before-send.{self.client.meta.service_model.service_id.hyphenize()}"
        self._canned: Dict[str, Canned] = {}
        events.register_first(event, self._answer)

    def can(self, operation: str, canned: Canned) -> None:
        self._canned[operation] = canned

    def _answer(self, request: Any, **_: Any) -> AWSResponse:
        # The operation is the last label of the event name; read it from the path,
        # which every rest-json operation of these services has to itself.
        canned = self._canned[request.url.rsplit("/", 1)[1]]
        return AWSResponse(request.url, canned.status, dict(canned.headers), _CannedBody(canned.body))


class AsyncFloor(Floor):
    """The floor of an aiobotocore client (from :func:`new_async_client`): the same
    handler, on the same botocore ``emit``, answering the ``AioAWSResponse`` that
    aiobotocore reads (its raw body awaited), as the mock does."""

    def __init__(self, service: str, client: Any) -> None:
        from aiobotocore.awsrequest import AioAWSResponse

        self._response_class = AioAWSResponse
        super().__init__(service, client)

    def _answer(self, request: Any, **_: Any) -> AWSResponse:
        canned = self._canned[request.url.rsplit("/", 1)[1]]
        response: AWSResponse = self._response_class(
            request.url, canned.status, dict(canned.headers), _AsyncCannedBody(canned.body)
        )
        return response


def new_client(service: str, access_key: str = "AKIACHATBOTMOCKBENCH") -> Any:
    """A client made once, outside every timed loop. A 12-digit access key id is the
    account the mock acts in; any other means the mock's default account."""
    session = boto3.session.Session(
        aws_access_key_id=access_key,
        aws_secret_access_key="benchmark-secret",
        region_name=REGION,
    )
    return session.client(service, config=CLIENT_CONFIG)


def new_async_client(session: Any, service: str, access_key: str = "AKIACHATBOTMOCKBENCH") -> Any:
    """An aiobotocore client of ``session``, made and entered once, outside every timed
    loop, in an event loop of its own (entering opens no connection; none is ever made).
    Close it with :func:`close_async_client`."""
    from aiobotocore.config import AioConfig

    context = session.create_client(
        service,
        region_name=REGION,
        aws_access_key_id=access_key,
        aws_secret_access_key="benchmark-secret",
        config=AioConfig(retries=CLIENT_CONFIG.retries),
    )
    return asyncio.run(context.__aenter__())


def close_async_client(client: Any) -> None:
    asyncio.run(client.close())


def path_of(client: Any, operation: str) -> str:
    return str(client.meta.service_model.operation_model(operation).http["requestUri"]).rsplit("/", 1)[1]


# -- (a) Support App ---------------------------------------------------------------------------


def bench_support_app(plan: Plan) -> List[Row]:
    rows: List[Row] = []
    with mock_chatbot() as mock:
        mock.support_app.authorize_slack_workspace(TEAM_ID, "benchmark-workspace")
        client = new_client("support-app")
        client.put_account_alias(accountAlias="benchmark-alias")
        floor = Floor("support-app")

        def can(operation: str, call: Callable[[], Any]) -> None:
            floor.can(path_of(client, operation), capture(call))

        channel = {"teamId": TEAM_ID, "channelId": CHANNEL_ID}
        create_args = dict(
            channel,
            channelName="benchmark",
            channelRoleArn=SUPPORT_ROLE,
            notifyOnCaseSeverity="high",
            notifyOnCreateOrReopenCase=True,
        )
        # Ten channels: a full page of ListSlackChannelConfigurations (its page size).
        for number in range(10):
            client.create_slack_channel_configuration(**dict(create_args, channelId=f"CPAGE{number:06d}"))
        can("ListSlackWorkspaceConfigurations", client.list_slack_workspace_configurations)
        can("ListSlackChannelConfigurations", client.list_slack_channel_configurations)
        can("GetAccountAlias", client.get_account_alias)
        # Create and delete are canned from a real create and delete of the same channel.
        floor.can(path_of(client, "CreateSlackChannelConfiguration"),
                  capture(lambda: client.create_slack_channel_configuration(**create_args)))
        floor.can(path_of(client, "DeleteSlackChannelConfiguration"),
                  capture(lambda: client.delete_slack_channel_configuration(**channel)))

        def create_delete() -> None:
            client.create_slack_channel_configuration(**create_args)
            client.delete_slack_channel_configuration(**channel)

        def floor_create_delete() -> None:
            floor.client.create_slack_channel_configuration(**create_args)
            floor.client.delete_slack_channel_configuration(**channel)

        cases: List[Tuple[str, Callable[[], Any], Callable[[], Any], int]] = [
            ("list_slack_workspace_configurations", client.list_slack_workspace_configurations,
             floor.client.list_slack_workspace_configurations, 1),
            ("list_slack_channel_configurations (page of 10)", client.list_slack_channel_configurations,
             floor.client.list_slack_channel_configurations, 1),
            ("get_account_alias", client.get_account_alias, floor.client.get_account_alias, 1),
            ("create+delete_slack_channel_configuration", create_delete, floor_create_delete, 2),
        ]
        for name, mock_call, floor_call, calls in cases:
            if calls == 1:
                same_answer(name, mock_call, floor_call)
            result = compare({"mock": Side([(name, loop(mock_call))]), "floor": Side([(name, loop(floor_call))])}, plan)
            mock_ns, floor_ns = result["mock"][name] / calls, result["floor"][name] / calls
            rows.append(ratio_row("a) Support App", name + (" (per call)" if calls > 1 else ""), mock_ns, floor_ns))
    return rows


def same_answer(name: str, mock_call: Callable[[], Any], floor_call: Callable[[], Any]) -> None:
    """Refuse to compare against a floor that does not answer what the mock answers."""
    mock_answer, floor_answer = mock_call(), floor_call()
    for answer in (mock_answer, floor_answer):
        answer.pop("ResponseMetadata", None)
    if mock_answer != floor_answer:
        raise RuntimeError(f"{name}: the floor answers {floor_answer!r:.300}, the mock {mock_answer!r:.300}")


def capture(call: Callable[[], Any]) -> Canned:
    """Run ``call`` through the mock once and return what the mock answered it."""
    captured: List[Canned] = []
    original = botocore_feed._dispatch

    def recording(service: str, request: Any, state: Any) -> Any:
        response = original(service, request, state)
        captured.append(Canned(response.status, dict(response.headers), response.body))
        return response

    botocore_feed._dispatch = recording
    try:
        call()
    finally:
        botocore_feed._dispatch = original
    return captured[-1]


def ratio_row(section: str, name: str, mock_ns: float, floor_ns: float) -> Row:
    ratio = mock_ns / floor_ns
    target = WRITE_RATIO_TARGET if any(word in name for word in _WRITES) else RATIO_TARGET
    return Row(section, name, mock_ns, floor_ns, target=f"<= {target:.2f}x", met=ratio <= target)


# -- (b) enter and exit -------------------------------------------------------------------------


def bench_enter_exit(plan: Plan) -> List[Row]:
    from moto import mock_aws  # imported here: moto adds a before-send handler to new sessions

    def chatbot_enter_exit() -> None:
        with mock_chatbot():
            pass

    def moto_enter_exit() -> None:
        with mock_aws():
            pass

    # moto's enter+exit is ~40x slower: fewer iterations keep the run short.
    moto_iterations = max(plan.iterations // 20, 10)

    def moto_step(n: int) -> int:
        return loop(moto_enter_exit)(moto_iterations) * n // moto_iterations

    result = compare(
        {"mock": Side([("enter_exit", loop(chatbot_enter_exit))]), "moto": Side([("enter_exit", moto_step)])},
        Plan(plan.iterations, plan.repeats, max(plan.warmup // 10, 5)),
    )
    mock_ns, moto_ns = result["mock"]["enter_exit"], result["moto"]["enter_exit"]
    return [
        Row(
            "b) enter+exit",
            "with mock_chatbot(): pass",
            mock_ns,
            moto_ns,
            floor_label="moto mock_aws",
            target=f"< {ENTER_EXIT_TARGET_NS / 1000:.0f} us",
            met=mock_ns < ENTER_EXIT_TARGET_NS,
        )
    ]


# -- (c) Chatbot ---------------------------------------------------------------------------------


CHATBOT_OPERATIONS = (
    "CreateSlackChannelConfiguration",
    "DescribeSlackChannelConfigurations",
    "UpdateSlackChannelConfiguration",
    "DeleteSlackChannelConfiguration",
)
def seed_chatbot_workspace(mock: Any, team_id: str, account_id: Optional[str] = None) -> None:
    """Authorise the Slack workspace in the Chatbot console (creating a Slack channel
    configuration needs it)."""
    mock.chatbot.authorize_slack_workspace(team_id, "benchmark-workspace", account_id=account_id)


class ChatbotRequests:
    """Distinct, valid CreateSlackChannelConfiguration requests."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, prefix: str = "bench") -> Dict[str, Any]:
        self.count += 1
        return {
            "SlackTeamId": TEAM_ID,
            "SlackChannelId": f"C{self.count:010d}",
            "SlackChannelName": "benchmark",
            "SnsTopicArns": [SNS_TOPIC],
            "IamRoleArn": CHATBOT_ROLE,
            "ConfigurationName": f"{prefix}-{self.count}",
            "LoggingLevel": "ERROR",
        }


def bench_chatbot(plan: Plan, large: int) -> List[Row]:
    section = "c) Chatbot"
    quotas = {"chatbot_configurations_per_account": large + (plan.repeats + 2) * plan.iterations + 1000}
    with mock_chatbot(quotas=quotas) as mock:
        seed_chatbot_workspace(mock, TEAM_ID)
        client = new_client("chatbot")
        requests = ChatbotRequests()
        return bench_chatbot_calls(plan, client, requests, section) + bench_chatbot_scaling(
            plan, mock, requests, large, section
        )


def bench_chatbot_calls(plan: Plan, client: Any, requests: ChatbotRequests, section: str) -> List[Row]:
    floor = Floor("chatbot")

    def create(request: Dict[str, Any]) -> str:
        return str(client.create_slack_channel_configuration(**request)["ChannelConfiguration"]["ChatConfigurationArn"])

    # The account holds 100 configurations while describe is measured (creates and
    # deletes are measured in balanced pairs of steps).
    held = [create(requests()) for _ in range(100)]
    update_request = {"ChatConfigurationArn": held[0], "SlackChannelId": "CUPDATED01", "LoggingLevel": "INFO"}
    describe_request = {"MaxResults": 100}
    floor.can(path_of(client, "CreateSlackChannelConfiguration"), capture(lambda: create(requests())))
    floor.can(path_of(client, "DeleteSlackChannelConfiguration"),
              capture(lambda: client.delete_slack_channel_configuration(ChatConfigurationArn=held.pop())))
    # Update first: the describe canned after it shows the updated configuration.
    floor.can(path_of(client, "UpdateSlackChannelConfiguration"),
              capture(lambda: client.update_slack_channel_configuration(**update_request)))
    floor.can(path_of(client, "DescribeSlackChannelConfigurations"),
              capture(lambda: client.describe_slack_channel_configurations(**describe_request)))

    def creator(client_: Any, made: List[str], prefix: str) -> TimedStep:
        def timed(n: int) -> int:
            todo = [requests(prefix) for _ in range(n)]
            call = client_.create_slack_channel_configuration
            start = time.perf_counter_ns()
            for request in todo:
                made.append(call(**request)["ChannelConfiguration"]["ChatConfigurationArn"])
            return time.perf_counter_ns() - start

        return timed

    def deleter(client_: Any, made: List[str]) -> TimedStep:
        def timed(n: int) -> int:
            todo = [made.pop() for _ in range(n)]
            call = client_.delete_slack_channel_configuration
            start = time.perf_counter_ns()
            for arn in todo:
                call(ChatConfigurationArn=arn)
            return time.perf_counter_ns() - start

        return timed

    def describe_with(client_: Any) -> Callable[[], Any]:
        return lambda: client_.describe_slack_channel_configurations(**describe_request)

    def update_with(client_: Any) -> Callable[[], Any]:
        return lambda: client_.update_slack_channel_configuration(**update_request)

    same_answer("describe", describe_with(client), describe_with(floor.client))
    same_answer("update", update_with(client), update_with(floor.client))
    made: List[str] = []
    floor_made: List[str] = []
    names = (
        "create_slack_channel_configuration",
        "delete_slack_channel_configuration",
        "describe_slack_channel_configurations (page of 100)",
        "update_slack_channel_configuration",
    )
    mock_steps = [creator(client, made, "bench"), deleter(client, made), loop(describe_with(client)),
                  loop(update_with(client))]
    floor_steps = [creator(floor.client, floor_made, "floor"), deleter(floor.client, floor_made),
                   loop(describe_with(floor.client)), loop(update_with(floor.client))]
    result = compare(
        {"mock": Side(list(zip(names, mock_steps))), "floor": Side(list(zip(names, floor_steps)))}, plan
    )
    return [ratio_row(section, name, result["mock"][name], result["floor"][name]) for name in names]


SMALL_ACCOUNT = "111111111111"
LARGE_ACCOUNT = "222222222222"
#: The scaling rows' own target: a page costs the same whatever the account holds.
SCALING_TARGET = 1.25


def bench_chatbot_scaling(plan: Plan, mock: Any, requests: ChatbotRequests, large: int, section: str) -> List[Row]:
    """A page of 100 from an account holding 100 configurations against one holding
    ``large`` (its first page, and a page halfway through by NextToken).

    The calling account is the 12-digit access key id of each client's credentials,
    so the two accounts are measured side by side, interleaved like every other pair.
    """
    small_client = new_client("chatbot", access_key=SMALL_ACCOUNT)
    large_client = new_client("chatbot", access_key=LARGE_ACCOUNT)
    for account_id, client, count in ((SMALL_ACCOUNT, small_client, 100), (LARGE_ACCOUNT, large_client, large)):
        seed_chatbot_workspace(mock, TEAM_ID, account_id)
        for _ in range(count):
            client.create_slack_channel_configuration(**requests("seed"))
    held = {name: len(collect_all(client)) for name, client in (("small", small_client), ("large", large_client))}
    # The token of the page halfway through the large account.
    token: Optional[str] = None
    for _ in range(held["large"] // 200):
        token = large_client.describe_slack_channel_configurations(
            MaxResults=100, **({"NextToken": token} if token else {})
        ).get("NextToken")
    deep_request: Dict[str, Any] = {"NextToken": token} if token else {}

    def page(client: Any, **request: Any) -> TimedStep:
        describe = client.describe_slack_channel_configurations
        return loop(lambda: describe(MaxResults=100, **request))

    result = compare(
        {
            "small": Side([("page", page(small_client))]),
            "large": Side([("page", page(large_client))]),
            "deep": Side([("page", page(large_client, **deep_request))]),
        },
        plan,
    )
    rows = []
    for side, label in (("large", "first page"), ("deep", f"page {held['large'] // 200 + 1} by NextToken")):
        value = result[side]["page"]
        rows.append(
            Row(
                section,
                f"describe page of 100 from {held['large']:,} configs, {label}",
                value,
                result["small"]["page"],
                floor_label=f"same from {held['small']}",
                target=f"<= {SCALING_TARGET:.2f}x",
                met=value / result["small"]["page"] <= SCALING_TARGET,
            )
        )
    return rows


def collect_all(client: Any) -> List[Any]:
    items: List[Any] = []
    token: Optional[str] = None
    while True:
        page = client.describe_slack_channel_configurations(MaxResults=100, **({"NextToken": token} if token else {}))
        items.extend(page.get("SlackChannelConfigurations", []))
        token = page.get("NextToken")
        if not token:
            return items


def skipped(section: str, operation: str, why: str) -> Row:
    return Row(section, operation, 0.0, note=f"skipped: {why}")


# -- (d) aiobotocore -----------------------------------------------------------------------------


def bench_aiobotocore(plan: Plan) -> List[Row]:
    """A call of each service through an aiobotocore client the mock answers, against an
    :class:`AsyncFloor`, measured as in (a) and (c). One call each: an async pair of
    sides takes about ten seconds of the run."""
    section = "d) aiobotocore"
    try:
        import aiobotocore  # noqa: F401
    except ImportError:
        return [skipped(section, "all", "aiobotocore is not installed")]
    from aiobotocore.session import get_session

    # One session for every client: a session per client would load the models and the
    # endpoint data again for each, and every gc.collect() in compare() walks them all.
    session = get_session()
    clients: List[Any] = []

    def made(service: str) -> Any:
        clients.append(new_async_client(session, service))
        return clients[-1]

    def run(call: Callable[[], Coroutine[Any, Any, Any]]) -> Callable[[], Any]:
        return lambda: asyncio.run(call())

    with mock_chatbot() as mock:
        try:
            mock.support_app.authorize_slack_workspace(TEAM_ID, "benchmark-workspace")
            seed_chatbot_workspace(mock, TEAM_ID)
            requests = ChatbotRequests()
            support, chatbot = made("support-app"), made("chatbot")
            floors = {"support-app": AsyncFloor("support-app", made("support-app")),
                      "chatbot": AsyncFloor("chatbot", made("chatbot"))}
            run(lambda: support.put_account_alias(accountAlias="benchmark-alias"))()
            # (row, client the mock answers, operation, the call given either client)
            cases: List[Tuple[str, Any, str, Callable[[Any], Callable[[], Coroutine[Any, Any, Any]]]]] = [
                ("Support App get_account_alias", support, "GetAccountAlias",
                 lambda client: client.get_account_alias),
            ]
            rows: List[Row] = []
            created = run(lambda: chatbot.create_slack_channel_configuration(**requests()))()
            update_request = {"ChatConfigurationArn": created["ChannelConfiguration"]["ChatConfigurationArn"],
                              "SlackChannelId": "CUPDATED01", "LoggingLevel": "INFO"}
            cases.append(("Chatbot update_slack_channel_configuration", chatbot, "UpdateSlackChannelConfiguration",
                          lambda client: lambda: client.update_slack_channel_configuration(**update_request)))
            for name, client, operation, call_with in cases:
                floor = floors[client.meta.service_model.service_name]
                mock_call, floor_call = call_with(client), call_with(floor.client)
                floor.can(path_of(client, operation), capture(run(mock_call)))
                same_answer(name, run(mock_call), run(floor_call))
                result = compare(
                    {"mock": Side([(name, async_loop(mock_call))]), "floor": Side([(name, async_loop(floor_call))])},
                    plan,
                )
                rows.append(ratio_row(section, name, result["mock"][name], result["floor"][name]))
            return rows
        finally:
            for client in clients:
                close_async_client(client)


# -- output -------------------------------------------------------------------------------------


def fmt_ns(ns: Optional[float]) -> str:
    if ns is None:
        return ""
    if ns >= 1_000_000:
        return f"{ns / 1_000_000:.2f} ms"
    return f"{ns / 1000:.1f} us"


def render(rows: Sequence[Row]) -> str:
    header = ("benchmark", "mock", "baseline", "baseline is", "difference", "ratio", "target", "met")
    table: List[Tuple[str, ...]] = [header]
    for row in rows:
        if row.note:
            table.append((f"{row.section}: {row.name}", row.note, "", "", "", "", "", ""))
            continue
        ratio = row.ratio
        table.append(
            (
                f"{row.section}: {row.name}",
                fmt_ns(row.mock_ns),
                fmt_ns(row.floor_ns),
                row.floor_label if row.floor_ns is not None else "",
                "" if row.floor_ns is None else ("+" if row.mock_ns >= row.floor_ns else "-")
                + fmt_ns(abs(row.mock_ns - row.floor_ns)),
                "" if ratio is None else f"{ratio:.2f}x",
                row.target,
                "" if row.met is None else ("yes" if row.met else "NO"),
            )
        )
    widths = [max(len(line[i]) for line in table if not (line[1].startswith("skipped") and i == 1)) for i in
              range(len(header))]
    lines = []
    for index, line in enumerate(table):
        if line[1].startswith("skipped"):
            lines.append(f"| {line[0].ljust(widths[0])} | {line[1]}")
            continue
        lines.append("| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)) + " |")
        if index == 0:
            lines.append("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="a short run with fewer iterations and repeats")
    parser.add_argument("--only", choices=("a", "b", "c", "d"), action="append", help="run only these sections")
    args = parser.parse_args(argv)
    # Many short repeats rather than a few long ones: mock and floor alternate every
    # few tens of milliseconds, so a burst of load elsewhere on the machine lands in a
    # few samples of either side, and the median steps over them.
    plan = Plan(iterations=50, repeats=7, warmup=50) if args.quick else Plan(iterations=100, repeats=41, warmup=200)
    large = 2_000 if args.quick else 10_000
    sections = set(args.only or ("a", "b", "c", "d"))

    print(
        f"chatbot_mock {chatbot_mock.__version__}, "
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"boto3 {boto3.__version__}, {os.cpu_count()} cores, {platform.machine()} {platform.system()}"
    )
    print(f"{'quick' if args.quick else 'full'} run: {plan.iterations} calls x {plan.repeats} repeats "
          f"(median), {plan.warmup} warm-up calls")
    rows: List[Row] = []
    started = time.perf_counter()
    # Clients for (a), (c) and (d) are created before moto is imported by (b).
    if "a" in sections:
        rows.extend(bench_support_app(plan))
    if "c" in sections:
        rows.extend(bench_chatbot(plan, large))
    if "d" in sections:
        rows.extend(bench_aiobotocore(plan))
    if "b" in sections:
        rows.extend(bench_enter_exit(plan))
    rows.sort(key=lambda row: row.section)
    print()
    print(render(rows))
    print(f"\n{time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
