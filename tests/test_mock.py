"""The public face: one switch, with a context manager, start/stop and a decorator around it."""

import asyncio
import inspect
import os
import threading
import time
import unittest
from typing import Any, Iterator, List

import boto3
import botocore.session
import pytest
from botocore.exceptions import ClientError

import chatbot_mock
from chatbot_mock import ChatbotMock, interception, mock_chatbot
from chatbot_mock._world import World
from chatbot_mock.interception.botocore_defaults import FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY

TEAM = "T012ABCDEFG"


def workspaces(**client_options: Any) -> List[str]:
    client = boto3.client("support-app", region_name="us-east-1", **client_options)
    return [w["teamId"] for w in client.list_slack_workspace_configurations()["slackWorkspaceConfigurations"]]


@pytest.fixture(autouse=True)
def no_mock_left_running() -> Iterator[None]:
    yield
    assert interception.active_state() is None, "a test left a mock running"


# -- the switch ---------------------------------------------------------------------------


def test_the_context_manager_starts_and_stops_the_mock() -> None:
    with mock_chatbot() as mock:
        assert mock.active and interception.active_state() is not None
    assert not mock.active and interception.active_state() is None


def test_start_and_stop_work_without_a_block_and_are_harmless_when_repeated() -> None:
    mock = mock_chatbot()
    mock.stop()  # not started: nothing happens
    mock.start()
    mock.support_app.authorize_slack_workspace(TEAM, "acme")
    assert workspaces() == [TEAM]
    mock.stop()
    mock.stop()
    assert not mock.active


def test_every_outermost_start_begins_with_empty_state() -> None:
    with mock_chatbot() as mock:
        mock.support_app.authorize_slack_workspace(TEAM, "acme")
    with mock_chatbot():
        assert workspaces() == []


def test_nested_mocks_share_the_outer_state() -> None:
    with mock_chatbot() as outer:
        outer.support_app.authorize_slack_workspace(TEAM, "acme")
        with mock_chatbot() as inner:
            assert workspaces() == [TEAM]
            inner.support_app.authorize_slack_workspace("T2", "beta")
        assert workspaces() == [TEAM, "T2"]
        assert outer.active


def test_reset_empties_the_state_on_demand() -> None:
    with mock_chatbot() as mock:
        mock.support_app.authorize_slack_workspace(TEAM, "acme")
        mock.reset()
        assert workspaces() == []


def test_seeding_without_an_active_mock_says_how_to_start_one() -> None:
    with pytest.raises(RuntimeError, match="no chatbot_mock is active.*getting-started"):
        mock_chatbot().support_app.authorize_slack_workspace(TEAM, "acme")


def test_bad_configuration_fails_when_the_mock_is_made() -> None:
    with pytest.raises(ValueError, match="12 digits"):
        mock_chatbot(account_id="12345")
    with pytest.raises(ValueError, match="unknown quota setting"):
        mock_chatbot(quotas={"workspaces": 1})


@pytest.mark.parametrize("account_id", [123456789012, 123456789012.0, b"123456789012"], ids=["int", "float", "bytes"])
def test_an_account_id_that_is_not_a_string_is_a_clear_error(account_id: object) -> None:
    with pytest.raises(TypeError, match=r"account_id must be a string of 12 digits, such as '111122223333', not "):
        mock_chatbot(account_id=account_id)  # type: ignore[arg-type]
    with mock_chatbot() as mock, pytest.raises(TypeError, match="account_id must be a string of 12 digits"):
        with mock.as_account(account_id):  # type: ignore[arg-type]
            pass


@pytest.mark.parametrize("target", ["111122223333", 111122223333], ids=["str", "int"])
def test_an_account_id_given_positionally_is_a_clear_error(target: object) -> None:
    with pytest.raises(TypeError, match=r"decorates a function, method or class.*mock_chatbot\(account_id=\.\.\.\)"):
        mock_chatbot(target)  # type: ignore[call-overload]


ARABIC_INDIC_DIGITS = "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662"


def test_an_account_id_of_non_ascii_digits_is_refused_wherever_it_enters() -> None:
    # str.isdigit() accepts these; AWS and the models' patterns do not.
    with pytest.raises(ValueError, match="12 digits"):
        mock_chatbot(account_id=ARABIC_INDIC_DIGITS)
    with mock_chatbot() as mock:
        with pytest.raises(ValueError, match="12 digits"), mock.as_account(ARABIC_INDIC_DIGITS):
            pass
        with pytest.raises(ValueError, match="account_id must be 12 digits"):
            mock.support_app.authorize_slack_workspace(TEAM, "acme", account_id=ARABIC_INDIC_DIGITS)
        with pytest.raises(ValueError, match="account_id must be 12 digits"):
            mock.chatbot.authorize_slack_workspace(TEAM, "acme", account_id=ARABIC_INDIC_DIGITS)
        with pytest.raises(ValueError, match="account ids must be 12 digits"):
            mock.create_organization("111122223333", [ARABIC_INDIC_DIGITS])
        # As a signature's access key it names no account: the call acts in the default one.
        mock.support_app.authorize_slack_workspace(TEAM, "acme")
        assert workspaces(aws_access_key_id=ARABIC_INDIC_DIGITS, aws_secret_access_key="x") == [TEAM]


# -- quotas --------------------------------------------------------------------------------


def test_quotas_given_to_the_mock_apply_and_a_nested_override_ends_with_its_mock() -> None:
    with mock_chatbot(quotas={"support_app_workspaces_per_account": 1}) as outer:
        outer.support_app.authorize_slack_workspace(TEAM, "acme")
        with pytest.raises(ClientError) as refused:
            outer.support_app.authorize_slack_workspace("T2", "beta")
        assert refused.value.response["Error"]["Code"] == "ServiceQuotaExceededException"
        with mock_chatbot(quotas={"support_app_workspaces_per_account": 2}):
            outer.support_app.authorize_slack_workspace("T2", "beta")
        assert outer.quota_settings["support_app_workspaces_per_account"] == 1


# -- accounts -------------------------------------------------------------------------------


def test_the_mocks_account_and_as_account_choose_where_calls_act() -> None:
    with mock_chatbot(account_id="111122223333") as mock:
        mock.support_app.authorize_slack_workspace(TEAM, "acme")
        with mock.as_account("444455556666"):
            assert workspaces() == []
            mock.support_app.authorize_slack_workspace("T2", "beta")
            assert workspaces() == ["T2"]
        assert workspaces() == [TEAM]
        assert workspaces(aws_access_key_id="444455556666", aws_secret_access_key="x") == ["T2"]


def test_an_as_account_block_beats_a_mock_started_inside_it() -> None:
    with mock_chatbot() as mock, mock.as_account("111111111111"):
        with mock_chatbot(account_id="222222222222") as inner:
            inner.support_app.authorize_slack_workspace(TEAM, "acme")
        assert workspaces() == [TEAM]


def test_seeding_can_name_its_account_explicitly() -> None:
    with mock_chatbot() as mock:
        mock.support_app.authorize_slack_workspace(TEAM, "acme", account_id="555566667777")
        assert workspaces() == []
        with mock.as_account("555566667777"):
            assert workspaces() == [TEAM]


def test_moto_account_id_is_the_fallback_account(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTO_ACCOUNT_ID", "999988887777")
    with mock_chatbot() as mock:
        mock.support_app.authorize_slack_workspace(TEAM, "acme")
        with mock.as_account("999988887777"):
            assert workspaces() == [TEAM]


@pytest.mark.parametrize("value", ["acct|one", "12345", ARABIC_INDIC_DIGITS])
def test_a_malformed_moto_account_id_is_refused_at_start_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("MOTO_ACCOUNT_ID", value)
    mock = mock_chatbot()

    with pytest.raises(ValueError, match="the MOTO_ACCOUNT_ID environment variable must be 12 digits"):
        mock.start()

    assert not mock.active


def test_a_malformed_moto_account_id_is_not_read_by_a_mock_with_its_own_account(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MOTO_ACCOUNT_ID", "acct|one")

    with mock_chatbot(account_id="111122223333") as mock:
        mock.support_app.authorize_slack_workspace(TEAM, "acme")
        assert workspaces() == [TEAM]


def test_a_moto_account_id_made_malformed_after_the_start_is_refused_where_it_would_decide(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    with mock_chatbot() as mock:
        monkeypatch.setenv("MOTO_ACCOUNT_ID", "acct|one")
        with pytest.raises(ValueError, match="MOTO_ACCOUNT_ID"):
            mock.support_app.authorize_slack_workspace(TEAM, "acme")
        # A call answers as AWS answers credentials that name no account (403, which
        # botocore does not retry), and the log says why.
        with pytest.raises(ClientError) as refused:
            workspaces()
        assert refused.value.response["Error"]["Code"] == "InvalidClientTokenId"
        assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
        assert "MOTO_ACCOUNT_ID" in caplog.text
        # An explicit account does not consult it.
        mock.support_app.authorize_slack_workspace(TEAM, "acme", account_id="111122223333")


def test_an_account_block_closing_while_another_thread_starts_a_mock_leaves_the_right_account(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Starts change the account stack under the mocks' switch, as_account under the
    # state's lock; the thread that closes its block works out the account slowly here,
    # so the start lands in the middle of it.
    working_out = threading.Event()
    find = World._find_current_account
    closing_calls: List[None] = []

    def slowly(self: World) -> Any:
        found = find(self)
        if threading.current_thread().name == "closing":
            closing_calls.append(None)
            if len(closing_calls) == 2:  # the block closing, not opening
                working_out.set()
                time.sleep(0.2)
        return found

    monkeypatch.setattr(World, "_find_current_account", slowly)
    with mock_chatbot() as outer:

        def close_a_block() -> None:
            with outer.as_account("111111111111"):
                pass

        opened_later = threading.Thread(target=close_a_block, name="closing")
        opened_later.start()
        working_out.wait(5)
        with mock_chatbot(account_id="222222222222"):
            opened_later.join()
            assert interception.active_state().current_account() == "222222222222"
            outer.support_app.authorize_slack_workspace(TEAM, "acme")
            assert workspaces(aws_access_key_id="222222222222", aws_secret_access_key="x") == [TEAM]


def test_seeding_again_and_again_keeps_no_more_of_the_model() -> None:
    from chatbot_mock import _seeding

    with mock_chatbot() as mock:
        mock.chatbot.authorize_slack_workspace(TEAM, "acme")
        kept = len(_seeding._validator._string_rules)
        for number in range(50):
            mock.chatbot.authorize_slack_workspace(TEAM, f"acme-{number}")
        assert len(_seeding._validator._string_rules) == kept


def test_as_account_refuses_a_malformed_account() -> None:
    with mock_chatbot() as mock, pytest.raises(ValueError, match="12 digits"):
        with mock.as_account("nope"):
            pass


# -- environment ---------------------------------------------------------------------------


CREDENTIAL_VARIABLES = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_DEFAULT_REGION")


def credentials_botocore_finds() -> Any:
    return botocore.session.get_session().get_credentials()


def test_botocore_gets_fake_credentials_in_place_of_the_shells_and_the_environment_is_untouched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAREALKEY")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "real-secret")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "real-token")
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    monkeypatch.delenv("AWS_REGION", raising=False)
    before = dict(os.environ)
    with mock_chatbot():
        assert dict(os.environ) == before
        found = credentials_botocore_finds()
        assert (found.access_key, found.secret_key, found.token) == (
            FAKE_ACCESS_KEY_ID,
            FAKE_SECRET_ACCESS_KEY,
            None,
        )
        # A client made now needs no region or credentials of the user's.
        client = boto3.client("support-app")
        assert client.meta.region_name == "us-east-1"
        assert client.list_slack_workspace_configurations()["slackWorkspaceConfigurations"] == []
    assert dict(os.environ) == before
    assert credentials_botocore_finds().access_key == "AKIAREALKEY"


def test_a_twelve_digit_key_put_in_the_environment_inside_the_mock_picks_the_account(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A test picks an account the emulators' way, by a 12-digit access key id.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAREALKEY")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "real-secret")
    with mock_chatbot() as mock:
        mock.support_app.authorize_slack_workspace(TEAM, "acme", account_id="111122223333")
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", "111122223333")
        assert credentials_botocore_finds().access_key == "111122223333"
        # A session of its own, whose lookup sees the key now in the environment.
        client = boto3.Session().client("support-app", region_name="us-east-1")
        assert [w["teamId"] for w in client.list_slack_workspace_configurations()["slackWorkspaceConfigurations"]] == [
            TEAM
        ]
        # Put back the shell's keys, and the fake ones are used again.
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAREALKEY")
        assert credentials_botocore_finds().access_key == FAKE_ACCESS_KEY_ID


def test_an_expiry_in_the_environment_does_not_turn_the_fake_keys_into_expired_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # aws-vault and `aws configure export-credentials` shells set this; botocore would
    # treat keys from the environment as expired refreshable credentials and refuse to sign.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "ASIAREALKEY")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "real-secret")
    monkeypatch.setenv("AWS_CREDENTIAL_EXPIRATION", "2020-01-01T00:00:00Z")
    with mock_chatbot():
        assert boto3.client("support-app", region_name="us-east-1").get_account_alias()


def test_a_region_the_user_chose_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    with mock_chatbot():
        assert boto3.client("support-app").meta.region_name == "eu-west-1"


def test_a_region_chosen_through_aws_region_is_carried_over(monkeypatch: pytest.MonkeyPatch) -> None:
    # botocore reads only AWS_DEFAULT_REGION; the other SDKs read AWS_REGION.
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    monkeypatch.setenv("AWS_REGION", "eu-west-1")
    with mock_chatbot():
        assert boto3.client("support-app").meta.region_name == "eu-west-1"
    assert "AWS_DEFAULT_REGION" not in os.environ


def test_fake_credentials_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAMINE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "mine")
    with mock_chatbot(fake_credentials=False):
        assert credentials_botocore_finds().access_key == "AKIAMINE"


# -- the decorator --------------------------------------------------------------------------


def test_the_decorator_works_with_and_without_parentheses() -> None:
    @mock_chatbot
    def bare() -> List[str]:
        return workspaces()

    @mock_chatbot(account_id="111122223333")
    def configured() -> bool:
        return interception.active_state() is not None

    assert bare() == [] and configured()


def test_the_decorator_keeps_the_signature_and_gives_each_call_fresh_state() -> None:
    mock = mock_chatbot()

    @mock
    def seed_and_count(team: str, name: str = "acme") -> int:
        mock.support_app.authorize_slack_workspace(team, name)
        return len(workspaces())

    assert list(inspect.signature(seed_and_count).parameters) == ["team", "name"]
    assert seed_and_count(TEAM) == 1
    assert seed_and_count("T2") == 1


def test_a_decorated_generator_runs_inside_the_mock_while_it_is_iterated() -> None:
    @mock_chatbot
    def generate() -> Iterator[bool]:
        yield interception.active_state() is not None
        yield interception.active_state() is not None

    assert inspect.isgeneratorfunction(generate)
    assert list(generate()) == [True, True]
    assert interception.active_state() is None


def test_a_decorated_async_generator_runs_inside_the_mock_while_it_is_iterated() -> None:
    @mock_chatbot
    async def generate() -> Any:
        yield interception.active_state() is not None

    async def collect() -> List[bool]:
        return [item async for item in generate()]

    assert asyncio.run(collect()) == [True]


def test_the_decorator_wraps_coroutine_functions() -> None:
    @mock_chatbot
    async def list_async() -> List[str]:
        return workspaces()

    assert inspect.iscoroutinefunction(list_async)
    assert asyncio.run(list_async()) == []


@mock_chatbot
class TestADecoratedClass:
    """Each test method of a decorated class gets fresh state."""

    def test_first_sees_an_empty_state(self) -> None:
        assert workspaces() == []
        ChatbotMock().support_app.authorize_slack_workspace(TEAM, "acme")

    def test_second_sees_an_empty_state_too(self) -> None:
        assert workspaces() == []
        ChatbotMock().support_app.authorize_slack_workspace(TEAM, "acme")


@mock_chatbot
class TestADecoratedClassWithSetupMethod:
    """setup_method runs inside the same fresh state as its test."""

    def setup_method(self, method: Any) -> None:
        ChatbotMock().support_app.authorize_slack_workspace(TEAM, "acme")

    def test_sees_what_setup_method_seeded(self) -> None:
        assert workspaces() == [TEAM]

    def test_sees_only_its_own_setup(self) -> None:
        assert workspaces() == [TEAM]


@mock_chatbot
class ADecoratedTestCase(unittest.TestCase):
    """unittest: setUp, the test and tearDown share one fresh state per test."""

    def setUp(self) -> None:
        ChatbotMock().support_app.authorize_slack_workspace(TEAM, "acme")

    def test_sees_what_set_up_seeded(self) -> None:
        self.assertEqual(workspaces(), [TEAM])

    def test_sees_only_its_own_set_up(self) -> None:
        self.assertEqual(workspaces(), [TEAM])


class _SharedTests:
    """Tests a decorated class inherits must run inside the mock too."""

    def test_inherited_runs_inside_the_mock(self) -> None:
        assert interception.active_state() is not None
        assert workspaces() == []


@mock_chatbot
class TestInheritedTestsAreDecorated(_SharedTests):
    @classmethod
    def test_a_classmethod_test_runs_inside_the_mock(cls) -> None:
        assert interception.active_state() is not None

    @staticmethod
    def test_a_staticmethod_test_runs_inside_the_mock() -> None:
        assert interception.active_state() is not None


def test_a_teardown_method_alone_runs_inside_the_tests_state(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import boto3
        from chatbot_mock import ChatbotMock, mock_chatbot

        def workspaces():
            client = boto3.client("support-app", region_name="us-east-1")
            return [w["teamId"] for w in client.list_slack_workspace_configurations()["slackWorkspaceConfigurations"]]

        @mock_chatbot
        class TestTeardownMethodAlone:
            def teardown_method(self):
                assert workspaces() == ["T012ABCDEFG"]  # an error at teardown otherwise

            def test_seeds_a_workspace(self):
                ChatbotMock().support_app.authorize_slack_workspace("T012ABCDEFG", "acme")
        """
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_a_failing_setup_method_does_not_leave_the_mock_running(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        from chatbot_mock import mock_chatbot, interception

        @mock_chatbot
        class TestBroken:
            def setup_method(self, method):
                raise RuntimeError("setup failed")

            def test_never_runs(self):
                pass

        def test_afterwards_no_mock_is_active():
            assert interception.active_state() is None
        """
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, errors=1)


def test_bad_input_refused_by_a_seeding_step_arrives_with_the_steps_validation_code() -> None:
    from chatbot_mock._seeding import run_seeding_step
    from chatbot_mock.core.refusals import InvalidInput
    from chatbot_mock.protocol.errors import ServiceError

    def step() -> None:
        raise InvalidInput("that input is refused")

    with mock_chatbot():
        state = interception.active_state()
        assert state is not None
        with pytest.raises(ServiceError) as refused:
            run_seeding_step(
                state, "chatbot", "AuthorizeSlackWorkspace", step, validation_error="InvalidRequestException"
            )
    assert (refused.value.code, refused.value.message, refused.value.status) == (
        "InvalidRequestException", "that input is refused", 400
    )


# -- changing quotas ----------------------------------------------------------------------


def test_set_quota_on_an_active_mock_takes_effect_at_once() -> None:
    with mock_chatbot() as mock:
        mock.set_quota("support_app_workspaces_per_account", 1)
        mock.support_app.authorize_slack_workspace(TEAM, "acme")
        with pytest.raises(ClientError) as refused:
            mock.support_app.authorize_slack_workspace("T2", "beta")
        assert refused.value.response["Error"]["Code"] == "ServiceQuotaExceededException"
        assert mock.quota_settings["support_app_workspaces_per_account"] == 1


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [("workspaces", 1, "unknown quota setting"), ("support_app_workspaces_per_account", -1, "non-negative integer")],
)
def test_set_quota_is_checked_like_the_constructors_quotas(name: str, value: int, message: str) -> None:
    with mock_chatbot() as mock:
        before = mock.quota_settings
        with pytest.raises(ValueError, match=message):
            mock.set_quota(name, value)
        assert mock.quota_settings == before


def test_a_nested_mocks_set_quota_ends_with_it() -> None:
    with mock_chatbot() as outer:
        with mock_chatbot() as inner:
            inner.set_quota("support_app_workspaces_per_account", 1)
        assert outer.quota_settings["support_app_workspaces_per_account"] == 5


def test_set_quota_on_a_mock_that_is_not_active_applies_at_its_next_start() -> None:
    mock = mock_chatbot()
    mock.set_quota("support_app_workspaces_per_account", 2)
    with mock:
        assert mock.quota_settings["support_app_workspaces_per_account"] == 2


def test_assigning_quotas_to_an_active_mock_is_refused_naming_set_quota() -> None:
    with mock_chatbot() as mock:
        with pytest.raises(AttributeError, match=r"set_quota\(name, value\)"):
            mock.quotas = {"support_app_workspaces_per_account": 1}
        with pytest.raises(TypeError):
            mock.quotas["support_app_workspaces_per_account"] = 1  # type: ignore[index]
        assert mock.quota_settings["support_app_workspaces_per_account"] == 5
    mock.quotas = {"support_app_workspaces_per_account": 3}
    with mock:
        assert mock.quota_settings["support_app_workspaces_per_account"] == 3


# -- reaching the mock ----------------------------------------------------------------------


def test_active_mock_is_the_innermost_mock_that_is_on() -> None:
    assert chatbot_mock.active_mock() is None
    with mock_chatbot() as outer:
        assert chatbot_mock.active_mock() is outer
        with mock_chatbot() as inner:
            assert chatbot_mock.active_mock() is inner
        assert chatbot_mock.active_mock() is outer
    assert chatbot_mock.active_mock() is None


@mock_chatbot
def test_a_bare_decorator_reaches_its_mock_through_active_mock() -> None:
    mock = chatbot_mock.active_mock()
    assert mock is not None
    mock.support_app.authorize_slack_workspace(TEAM, "acme")
    assert workspaces() == [TEAM]


def test_account_id_reports_where_calls_act_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MOTO_ACCOUNT_ID", raising=False)
    assert chatbot_mock.DEFAULT_ACCOUNT_ID == "123456789012"
    mock = mock_chatbot()
    assert mock.account_id == chatbot_mock.DEFAULT_ACCOUNT_ID
    with mock:
        assert mock.account_id == "123456789012"
        assert "account_id='123456789012'" in repr(mock)
        with mock.as_account("111122223333"):
            assert mock.account_id == "111122223333"
        with pytest.raises(AttributeError, match="as_account"):
            mock.account_id = "222233334444"
    monkeypatch.setenv("MOTO_ACCOUNT_ID", "999988887777")
    assert mock.account_id == "999988887777"
    mock.account_id = "222233334444"
    with mock:
        assert mock.account_id == "222233334444"
        assert workspaces() == []


def test_repr_does_not_raise_over_a_malformed_moto_account_id(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTO_ACCOUNT_ID", "acct|one")

    assert "MOTO_ACCOUNT_ID is not an account id" in repr(mock_chatbot())


def test_an_outer_mocks_set_quota_outlasts_a_mock_nested_inside_it() -> None:
    with mock_chatbot() as outer:
        with mock_chatbot():
            outer.set_quota("support_app_workspaces_per_account", 3)
            assert outer.quota_settings["support_app_workspaces_per_account"] == 3
        assert outer.quota_settings["support_app_workspaces_per_account"] == 3


def test_a_nested_mocks_own_quota_stays_in_force_over_an_outer_set_quota() -> None:
    with mock_chatbot() as outer:
        with mock_chatbot(quotas={"support_app_workspaces_per_account": 1}) as inner:
            outer.set_quota("support_app_workspaces_per_account", 3)
            assert inner.quota_settings["support_app_workspaces_per_account"] == 1
        assert outer.quota_settings["support_app_workspaces_per_account"] == 3


def test_a_mock_stopped_out_of_order_takes_only_its_own_quotas_with_it() -> None:
    # Each mock's quotas are a layer of its own: stopping a middle mock first removes that
    # layer alone; the innermost keeps its override, and the outer's show again after it.
    workspaces_quota, pages = "support_app_workspaces_per_account", "support_app_page_size"
    outer = mock_chatbot(quotas={workspaces_quota: 1}).start()
    middle = mock_chatbot(quotas={workspaces_quota: 2}).start()
    inner = mock_chatbot(quotas={pages: 3}).start()
    try:
        middle.stop()
        assert (outer.quota_settings[workspaces_quota], outer.quota_settings[pages]) == (1, 3)
        inner.stop()
        assert (outer.quota_settings[workspaces_quota], outer.quota_settings[pages]) == (1, 10)
    finally:
        for mock in (inner, middle, outer):
            mock.stop()


def test_a_console_shows_what_it_holds_at_a_glance() -> None:
    mock = mock_chatbot()
    assert repr(mock.chatbot) == "<ChatbotConsole: no mock is active>"
    with mock:
        assert repr(mock.support_app) == "<SupportAppConsole: empty>"
        mock.support_app.authorize_slack_workspace(TEAM, "acme")
        mock.support_app.authorize_slack_workspace(TEAM, "acme", account_id="111122223333")
        mock.chatbot.authorize_slack_workspace(TEAM, "acme")
        workspaces(aws_access_key_id="444455556666", aws_secret_access_key="x")  # a read makes no account

        assert repr(mock.support_app) == "<SupportAppConsole: 2 account(s) holding Slack workspaces: 2>"
        assert repr(mock.chatbot) == "<ChatbotConsole: 1 account(s) holding Slack workspaces: 1>"
