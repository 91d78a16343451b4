"""What botocore finds while a mock is on: fake credentials in place of whatever a
session would hand out, a default region, and ``os.environ`` never written."""

import os
from typing import Any, Iterator, List

import boto3
import botocore.session
import pytest
from moto import mock_aws

from chatbot_mock import mock_chatbot
from chatbot_mock.interception.botocore_defaults import FAKE_ACCESS_KEY_ID

SHELL_KEY = "AKIAREALSHELLKEY"


@pytest.fixture
def shell(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> Iterator[None]:
    """A developer's shell: real-looking keys with a session token, and config files of
    its own, so nothing of the machine running the tests leaks in."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", SHELL_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "real-secret")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "real-token")
    for name in ("AWS_PROFILE", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_CREDENTIAL_EXPIRATION"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)
    yield


def signing(client: Any) -> List[str]:
    """The access key and session token a client signs its next request with."""
    seen: List[str] = []

    def record(request: Any, **_: Any) -> None:
        authorization = request.headers["Authorization"].decode()
        token = request.headers.get("X-Amz-Security-Token")
        seen.extend([authorization.split("Credential=")[1].split("/")[0], token.decode() if token else ""])

    client.meta.events.register("before-send", record)
    client.get_account_alias()
    return seen


def support_app(session: Any = None) -> Any:
    return (session or boto3).client("support-app", region_name="us-east-1")


def test_credentials_a_session_found_before_the_start_are_not_used_inside(shell: None) -> None:
    support_app()  # boto3's default session finds, and keeps, the shell's keys
    with mock_chatbot():
        assert signing(support_app()) == [FAKE_ACCESS_KEY_ID, ""]
    # Nothing of the mock's is kept once it is off.
    assert boto3.DEFAULT_SESSION is not None
    assert boto3.DEFAULT_SESSION.get_credentials().access_key == SHELL_KEY


def test_keys_given_to_a_session_explicitly_are_the_callers_choice(shell: None) -> None:
    with mock_chatbot():
        session = boto3.Session(aws_access_key_id="AKIDGIVEN", aws_secret_access_key="x")
        assert signing(support_app(session))[0] == "AKIDGIVEN"


def test_a_named_profile_gives_way_without_running_its_credential_chain(shell: None, tmp_path: Any) -> None:
    # Without the mock, this profile would call STS with the environment's keys.
    (tmp_path / "config").write_text(
        "[profile ops]\nrole_arn = arn:aws:iam::111122223333:role/ops\ncredential_source = Environment\n"
    )
    with mock_chatbot():
        assert signing(support_app(boto3.Session(profile_name="ops")))[0] == FAKE_ACCESS_KEY_ID


def test_keys_that_name_an_account_are_used_without_the_shells_token(
    shell: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with mock_chatbot():
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", "111122223333")
        assert signing(support_app()) == ["111122223333", ""]
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", SHELL_KEY)
        assert signing(support_app()) == [FAKE_ACCESS_KEY_ID, ""]


def test_a_twelve_digit_key_set_before_the_start_still_names_its_account(
    shell: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "111122223333")
    with mock_chatbot():
        assert signing(support_app())[0] == "111122223333"


def test_the_shells_keys_put_back_by_moto_stopping_first_give_way_too(shell: None) -> None:
    moto, ours = mock_aws(), mock_chatbot()
    moto.start()
    ours.start()
    moto.stop()  # puts the shell's keys back while the mock is still on
    try:
        assert os.environ["AWS_ACCESS_KEY_ID"] == SHELL_KEY
        assert signing(support_app()) == [FAKE_ACCESS_KEY_ID, ""]
    finally:
        ours.stop()


def test_with_fake_credentials_off_sessions_find_what_they_always_would(shell: None) -> None:
    with mock_chatbot(fake_credentials=False):
        assert signing(support_app()) == [SHELL_KEY, "real-token"]


def test_the_default_region_fills_only_the_whole_lookup_chain(shell: None) -> None:
    session = botocore.session.get_session()
    with mock_chatbot():
        assert session.get_config_variable("region") == "us-east-1"
        assert session.get_config_variable("region", methods=("instance",)) is None
    assert session.get_config_variable("region") is None


def test_the_environment_is_never_written(shell: None, monkeypatch: pytest.MonkeyPatch) -> None:
    before = dict(os.environ)
    with mock_chatbot():
        support_app().get_account_alias()
        assert dict(os.environ) == before
    assert dict(os.environ) == before


def test_a_key_moto_issued_by_assume_role_keeps_the_token_issued_with_it(
    shell: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with mock_aws(), mock_chatbot():
        sts = boto3.client("sts", region_name="us-east-1")
        keys = sts.assume_role(RoleArn="arn:aws:iam::222222222222:role/ops", RoleSessionName="ops")["Credentials"]
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", keys["AccessKeyId"])
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", keys["SecretAccessKey"])
        monkeypatch.setenv("AWS_SESSION_TOKEN", keys["SessionToken"])
        assert signing(support_app(boto3.Session())) == [keys["AccessKeyId"], keys["SessionToken"]]
        assert boto3.Session().client("sts", region_name="us-east-1").get_caller_identity()["Account"] == (
            "222222222222"
        )


def test_the_async_credential_hook_taken_away_is_put_back_at_the_next_start(shell: None) -> None:
    import asyncio
    import inspect
    import unittest.mock

    from aiobotocore.session import AioSession

    with mock_chatbot():
        pass  # aiobotocore is loaded by now, and hooked
    original = inspect.unwrap(AioSession.__dict__["get_credentials"])
    with unittest.mock.patch.object(AioSession, "get_credentials", original), mock_chatbot():
        found = asyncio.run(AioSession().get_credentials())
        assert found.access_key == FAKE_ACCESS_KEY_ID


def test_aiobotocore_credentials_stay_awaitable_under_a_plain_function_wrapper(shell: None) -> None:
    import asyncio
    import functools
    import inspect

    from aiobotocore.session import AioSession

    with mock_chatbot():
        pass  # aiobotocore's session is hooked by now
    original = inspect.unwrap(AioSession.__dict__["get_credentials"])

    # Another library's plain wrapper in place of the hook: the next start hooks on top of it.
    @functools.wraps(original)
    def traced(self: Any, *args: Any, **kwargs: Any) -> Any:
        return original(self, *args, **kwargs)

    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(AioSession, "get_credentials", traced)
    try:
        with mock_chatbot():
            found = asyncio.run(AioSession().get_credentials())
            assert found.access_key == FAKE_ACCESS_KEY_ID
    finally:
        monkeypatch.undo()


def test_the_region_hook_taken_away_is_put_back_at_the_next_start(shell: None) -> None:
    import inspect
    import unittest.mock

    session_class = botocore.session.Session
    original = inspect.unwrap(session_class.__dict__["get_config_variable"])
    with unittest.mock.patch.object(session_class, "get_config_variable", original), mock_chatbot():
        assert botocore.session.get_session().get_config_variable("region") == "us-east-1"
