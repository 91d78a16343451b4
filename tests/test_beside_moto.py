"""Working beside moto's ``mock_aws``: one account per access key, and an environment
that ends as it began whatever order the two mocks start and stop in."""

import os
import warnings
from typing import Dict, Iterator, Optional, Tuple

import boto3
import pytest
from moto import mock_aws

from chatbot_mock import mock_chatbot
from chatbot_mock.interception.botocore_defaults import FAKE_ACCESS_KEY_ID

TEAM = "T012ABCDEFG"
CREDENTIALS = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_DEFAULT_REGION")


@pytest.fixture
def shell(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> Iterator[Dict[str, Optional[str]]]:
    """A developer's shell: real-looking credentials in the environment, no config files."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAREALKEY")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "real-secret")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "real-token")
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.path.join(str(tmp_path), "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", os.path.join(str(tmp_path), "none"))
    yield environment()


def environment() -> Dict[str, Optional[str]]:
    return {name: os.environ.get(name) for name in CREDENTIALS}


def alias() -> Optional[str]:
    return boto3.client("support-app", region_name="us-east-1").get_account_alias().get("accountAlias")


# -- accounts ------------------------------------------------------------------------------------


def test_assume_role_credentials_from_moto_act_in_the_roles_account() -> None:
    with mock_aws(), mock_chatbot():
        sts = boto3.client("sts", region_name="us-east-1")
        assumed = sts.assume_role(RoleArn="arn:aws:iam::222222222222:role/chatops", RoleSessionName="ops")
        keys = assumed["Credentials"]
        session = boto3.Session(
            aws_access_key_id=keys["AccessKeyId"],
            aws_secret_access_key=keys["SecretAccessKey"],
            aws_session_token=keys["SessionToken"],
            region_name="us-east-1",
        )
        # moto and the mock agree on who this is.
        assert session.client("sts").get_caller_identity()["Account"] == "222222222222"
        arn = session.client("chatbot").create_custom_action(
            ActionName="restart", Definition={"CommandText": "echo restart"}
        )["CustomActionArn"]
        assert arn == "arn:aws:chatbot::222222222222:custom-action/restart"
        assert boto3.client("chatbot", region_name="us-east-1").list_custom_actions()["CustomActions"] == []


def test_a_key_moto_issued_beats_as_account_as_a_signature_does() -> None:
    with mock_aws(), mock_chatbot() as mock:
        iam = boto3.client("iam", region_name="us-east-1")
        iam.create_user(UserName="ops")
        key = iam.create_access_key(UserName="ops")["AccessKey"]  # in moto's default account
        as_user = boto3.client(
            "support-app",
            region_name="us-east-1",
            aws_access_key_id=key["AccessKeyId"],
            aws_secret_access_key=key["SecretAccessKey"],
        )
        with mock.as_account("333344445555"):
            as_user.put_account_alias(accountAlias="ops")
            assert alias() is None  # 333344445555 has none
        assert alias() == "ops"  # 123456789012 has it


def test_a_key_moto_issued_means_nothing_once_moto_is_off() -> None:
    with mock_aws():
        sts = boto3.client("sts", region_name="us-east-1")
        keys = sts.assume_role(RoleArn="arn:aws:iam::222222222222:role/chatops", RoleSessionName="ops")["Credentials"]
    with mock_chatbot():
        client = boto3.client(
            "chatbot",
            region_name="us-east-1",
            aws_access_key_id=keys["AccessKeyId"],
            aws_secret_access_key=keys["SecretAccessKey"],
        )
        arn = client.create_custom_action(ActionName="restart", Definition={"CommandText": "echo"})["CustomActionArn"]
        assert ":123456789012:" in arn


# -- the environment, whatever the stop order -------------------------------------------------


ORDERS = {
    # (start order, stop order); the two mocks are "moto" and "ours".
    "nested, moto outside": (("moto", "ours"), ("ours", "moto")),
    "nested, moto inside": (("ours", "moto"), ("moto", "ours")),
    "moto started first and stopped first": (("moto", "ours"), ("moto", "ours")),
    "ours started first and stopped first": (("ours", "moto"), ("ours", "moto")),
}


@pytest.mark.parametrize("starts, stops", ORDERS.values(), ids=ORDERS.keys())
def test_in_every_order_of_starts_and_stops_the_environment_ends_as_it_began_and_quietly(
    shell: Dict[str, Optional[str]], starts: Tuple[str, str], stops: Tuple[str, str]
) -> None:
    mocks = {"moto": mock_aws(), "ours": mock_chatbot()}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in starts:
            mocks[name].start()
        assert alias() is None
        mocks[stops[0]].stop()
        if stops[0] == "moto":
            # Still on, and still answering, whatever moto put back.
            assert alias() is None
        mocks[stops[1]].stop()
    assert environment() == shell


def test_ours_on_alone_after_moto_stopped_first_still_signs_with_fake_keys(
    shell: Dict[str, Optional[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    moto, ours = mock_aws(), mock_chatbot()
    moto.start()
    ours.start()
    moto.stop()  # puts back what it found: no credentials at all
    try:
        assert "AWS_ACCESS_KEY_ID" not in os.environ
        found = boto3.Session().get_credentials()
        assert found is not None and found.access_key == FAKE_ACCESS_KEY_ID
        assert alias() is None
    finally:
        ours.stop()


def test_moto_started_first_and_a_region_set_inside_gives_no_warning(shell: Dict[str, Optional[str]]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with mock_aws(), mock_chatbot():
            os.environ["AWS_DEFAULT_REGION"] = "eu-west-1"  # the user's own change, kept
    assert environment() == {**shell, "AWS_DEFAULT_REGION": "eu-west-1"}


def test_class_decorators_of_both_with_setup_method_end_exact_and_quiet(pytester: pytest.Pytester) -> None:
    # moto's class decorator wraps teardown_method, so chatbot_mock stops while moto is on.
    pytester.makepyfile(
        """
        import os
        import boto3
        from moto import mock_aws
        from chatbot_mock import mock_chatbot

        BEFORE = {name: os.environ.get(name) for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}

        @mock_aws
        @mock_chatbot
        class TestBoth:
            def setup_method(self, method):
                boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="chatops")

            def test_both_answer(self):
                assert boto3.client("support-app", region_name="us-east-1").get_account_alias()

        def test_the_environment_is_as_before():
            assert {name: os.environ.get(name) for name in BEFORE} == BEFORE
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-W", "error::RuntimeWarning")
    result.assert_outcomes(passed=2)
