"""aiobotocore's clients are answered like boto3's: same state, same errors, same rules.

There is no pytest-asyncio here: each test drives its coroutine with ``asyncio.run``.
Every client sends to port 1 on loopback, which refuses at once, so a call the mock
did not answer fails with EndpointConnectionError and never reaches the network.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Callable, Dict, List

import boto3
import pytest
from aiobotocore.awsrequest import AioAWSResponse
from aiobotocore.config import AioConfig
from aiobotocore.session import AioSession, get_session
from botocore.config import Config
from botocore.exceptions import EndpointConnectionError
from service_checks import raises_service_error

from chatbot_mock import ChatbotMock, mock_chatbot
from chatbot_mock.interception.botocore_defaults import FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY

REGION = "us-east-1"
TEAM = "T012ABCDEFG"
NOWHERE = "http://127.0.0.1:1"
# One attempt: a refused connection must fail at once, not after retries.
NO_RETRIES = AioConfig(retries={"total_max_attempts": 1})
UNKNOWN_ACTION_ARN = "arn:aws:chatbot::123456789012:custom-action/nope"


@pytest.fixture
def credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a developer's shell has: credentials the mock must never need to use."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")


@pytest.fixture
def no_credentials_anywhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A machine where botocore's credential chain finds nothing: no variables, no files."""
    for name in (
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_SECURITY_TOKEN",
        "AWS_PROFILE",
        "AWS_DEFAULT_PROFILE",
        "AWS_ROLE_ARN",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "missing-credentials"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "missing-config"))
    monkeypatch.setenv("BOTO_CONFIG", str(tmp_path / "missing-boto-config"))
    # The chain's last resort asks the instance metadata service, which is not on loopback.
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


def client(service: str) -> Any:
    """An aiobotocore client, to use as ``async with``."""
    return get_session().create_client(service, region_name=REGION, endpoint_url=NOWHERE, config=NO_RETRIES)


def sync_client(service: str) -> Any:
    return boto3.client(
        service, region_name=REGION, endpoint_url=NOWHERE, config=Config(retries={"total_max_attempts": 1})
    )


async def create_action(chatbot: Any, name: str) -> str:
    answer = await chatbot.create_custom_action(ActionName=name, Definition={"CommandText": "echo hi"})
    return answer["CustomActionArn"]  # type: ignore[no-any-return]


async def action_arns(chatbot: Any) -> List[str]:
    """Every custom action, through aiobotocore's paginator."""
    paginator = chatbot.get_paginator("list_custom_actions")
    return [arn async for page in paginator.paginate() for arn in page["CustomActions"]]


async def team_ids(support: Any) -> List[str]:
    answer = await support.list_slack_workspace_configurations()
    return [workspace["teamId"] for workspace in answer["slackWorkspaceConfigurations"]]


# -- both services answer ----------------------------------------------------------------------


def test_support_app_answers_an_aiobotocore_client(chatbot_mock: ChatbotMock) -> None:
    chatbot_mock.support_app.authorize_slack_workspace(TEAM, "acme")

    async def run() -> List[str]:
        async with client("support-app") as support:
            return await team_ids(support)

    assert asyncio.run(run()) == [TEAM]


def test_custom_actions_are_created_read_listed_and_deleted_through_aiobotocore(chatbot_mock: ChatbotMock) -> None:
    async def run() -> None:
        async with client("chatbot") as chatbot:
            arn = await create_action(chatbot, "whoami")
            assert arn == "arn:aws:chatbot::123456789012:custom-action/whoami"

            action = (await chatbot.get_custom_action(CustomActionArn=arn))["CustomAction"]
            assert action == {"CustomActionArn": arn, "ActionName": "whoami", "Definition": {"CommandText": "echo hi"}}
            assert (await chatbot.list_custom_actions())["CustomActions"] == [arn]

            deleted = await chatbot.delete_custom_action(CustomActionArn=arn)
            assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 204
            assert (await chatbot.list_custom_actions())["CustomActions"] == []
            with raises_service_error("ResourceNotFoundException", 404):
                await chatbot.get_custom_action(CustomActionArn=arn)

    asyncio.run(run())


def test_paginators_give_every_item_once_in_creation_order(chatbot_mock: ChatbotMock) -> None:
    # Not alphabetical, so an answer sorted by name would show.
    names = ["zeta", "alpha", "mu", "beta", "omega"]

    async def run() -> None:
        async with client("chatbot") as chatbot:
            created = [await create_action(chatbot, name) for name in names]
            paginator = chatbot.get_paginator("list_custom_actions")
            pages = [page["CustomActions"] async for page in paginator.paginate(PaginationConfig={"PageSize": 2})]
            assert [len(page) for page in pages] == [2, 2, 1]
            assert [arn for page in pages for arn in page] == created

    asyncio.run(run())


def test_concurrent_calls_on_one_client_are_each_answered_once(chatbot_mock: ChatbotMock) -> None:
    names = [f"action-{number}" for number in range(8)]

    async def run() -> None:
        async with client("chatbot") as chatbot:
            created = await asyncio.gather(*(create_action(chatbot, name) for name in names))
            assert sorted(await action_arns(chatbot)) == sorted(created)
            assert len(set(created)) == len(names)

    asyncio.run(run())


# -- errors and shared state -------------------------------------------------------------------


def test_service_errors_arrive_as_client_errors_with_their_code(chatbot_mock: ChatbotMock) -> None:
    async def run() -> None:
        async with client("chatbot") as chatbot:
            with raises_service_error("ResourceNotFoundException", 404, UNKNOWN_ACTION_ARN):
                await chatbot.delete_custom_action(CustomActionArn=UNKNOWN_ACTION_ARN)
            await create_action(chatbot, "whoami")
            with raises_service_error("ConflictException", 409, "whoami") as excinfo:
                await create_action(chatbot, "whoami")
            # The modelled exception class, as with boto3: callers can catch it by name.
            assert isinstance(excinfo.value, chatbot.exceptions.ConflictException)

    asyncio.run(run())


def test_aiobotocore_and_boto3_clients_share_one_state(chatbot_mock: ChatbotMock) -> None:
    boto3_chatbot = sync_client("chatbot")

    async def run() -> None:
        async with client("chatbot") as chatbot:
            from_async = await create_action(chatbot, "from-async")
            assert boto3_chatbot.list_custom_actions()["CustomActions"] == [from_async]

            from_sync = boto3_chatbot.create_custom_action(
                ActionName="from-sync", Definition={"CommandText": "echo sync"}
            )["CustomActionArn"]
            action = (await chatbot.get_custom_action(CustomActionArn=from_sync))["CustomAction"]
            assert action["Definition"] == {"CommandText": "echo sync"}
            # A name taken through one client is taken for the other.
            with raises_service_error("ConflictException", 409, "from-sync"):
                await create_action(chatbot, "from-sync")

    asyncio.run(run())


# -- refused calls change nothing ---------------------------------------------------------------


def test_a_call_that_cannot_be_answered_fails_before_any_state_changes(
    chatbot_mock: ChatbotMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def run() -> None:
        async with client("chatbot") as chatbot:
            # An aiobotocore without the response type the mock answers with.
            with monkeypatch.context() as patch:
                patch.delattr("aiobotocore.awsrequest.AioAWSResponse")
                with pytest.raises(RuntimeError, match="AioAWSResponse"):
                    await create_action(chatbot, "whoami")
            assert await action_arns(chatbot) == []
            # Nothing half-made: the same create goes through, with no ConflictException.
            arn = await create_action(chatbot, "whoami")
            assert await action_arns(chatbot) == [arn]

    asyncio.run(run())


def test_a_before_send_handler_that_raises_stops_the_call_before_any_state_changes(
    chatbot_mock: ChatbotMock,
) -> None:
    class Refused(Exception):
        pass

    def refuse(request: Any, **_: Any) -> None:
        raise Refused(request.url)

    async def run() -> None:
        async with client("chatbot") as chatbot:
            chatbot.meta.events.register("before-send.chatbot.CreateCustomAction", refuse)
            with pytest.raises(Refused):
                await create_action(chatbot, "whoami")
            assert await action_arns(chatbot) == []

    asyncio.run(run())


# -- credentials -------------------------------------------------------------------------------


def test_a_mock_on_in_an_environment_without_credentials_signs_aiobotocore_calls_with_fake_ones(
    no_credentials_anywhere: None,
) -> None:
    access_keys: List[str] = []

    def record_access_key(request: Any, **_: Any) -> None:
        authorization = request.headers["Authorization"].decode()
        access_keys.append(authorization.split("Credential=")[1].split("/")[0])

    async def run() -> List[str]:
        async with client("chatbot") as chatbot:
            chatbot.meta.events.register("before-send.chatbot", record_access_key)
            return await action_arns(chatbot)

    with mock_chatbot():
        assert asyncio.run(run()) == []
    assert access_keys == [FAKE_ACCESS_KEY_ID]
    # The credentials came from the mock: with it off, the same environment has none.
    assert asyncio.run(get_session().get_credentials()) is None


def test_the_credential_fallback_is_off_with_fake_credentials_off(no_credentials_anywhere: None) -> None:
    with mock_chatbot(fake_credentials=False):
        assert asyncio.run(get_session().get_credentials()) is None


def test_the_fallback_gives_aiobotocore_credentials_it_can_await(no_credentials_anywhere: None) -> None:
    async def frozen(session: AioSession) -> Any:
        found = await session.get_credentials()
        return await found.get_frozen_credentials()

    with mock_chatbot():
        keys = asyncio.run(frozen(get_session()))
    assert (keys.access_key, keys.secret_key) == (FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY)


# -- when the mock answers ---------------------------------------------------------------------


def test_a_client_made_before_the_mock_started_is_answered_only_while_it_is_on(credentials: None) -> None:
    async def run() -> None:
        async with client("support-app") as support:
            with pytest.raises(EndpointConnectionError):
                await team_ids(support)
            with mock_chatbot() as mock:
                mock.support_app.authorize_slack_workspace(TEAM, "acme")
                assert await team_ids(support) == [TEAM]
            # Mock off means untouched: the call goes to the HTTP layer, and port 1 refuses it.
            with pytest.raises(EndpointConnectionError):
                await team_ids(support)

    asyncio.run(run())


class _AsyncRaw:
    def __init__(self, body: bytes) -> None:
        self.body = body

    async def read(self, *_: Any) -> bytes:
        return self.body


def moto_like_answer(request: Any) -> AioAWSResponse:
    """What moto's handler answers for a host it does not know."""
    return AioAWSResponse(request.url, 404, {}, _AsyncRaw(b"Not yet implemented"))


def recording_handler(calls: List[str], as_coroutine: bool) -> Callable[..., Any]:
    if as_coroutine:

        async def answer_async(request: Any, **_: Any) -> AioAWSResponse:
            calls.append(request.url)
            return moto_like_answer(request)

        return answer_async

    def answer(request: Any, **_: Any) -> AioAWSResponse:
        calls.append(request.url)
        return moto_like_answer(request)

    return answer


@pytest.mark.parametrize("as_coroutine", [False, True], ids=["function", "coroutine function"])
def test_a_users_before_send_handler_still_runs_and_the_mocks_answer_wins(
    chatbot_mock: ChatbotMock, as_coroutine: bool
) -> None:
    calls: List[str] = []

    async def run() -> Dict[str, Any]:
        async with client("chatbot") as chatbot:
            chatbot.meta.events.register_first("before-send.chatbot", recording_handler(calls, as_coroutine))
            arn = await create_action(chatbot, "whoami")
            return (await chatbot.get_custom_action(CustomActionArn=arn))["CustomAction"]  # type: ignore[no-any-return]

    assert asyncio.run(run())["ActionName"] == "whoami"
    assert calls == [f"{NOWHERE}/create-custom-action", f"{NOWHERE}/get-custom-action"]
