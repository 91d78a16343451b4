"""The pytest plugin: a fixture yielding a started mock, configured by a marker."""

import sys

import pytest

pytest_plugins = ["pytester"]


def test_the_fixture_and_marker_are_available_once_the_package_is_installed(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import boto3
        import pytest

        def teams():
            client = boto3.client("support-app", region_name="us-east-1")
            return [w["teamId"] for w in client.list_slack_workspace_configurations()["slackWorkspaceConfigurations"]]

        def test_fixture_yields_a_started_mock(chatbot_mock):
            assert chatbot_mock.active
            chatbot_mock.support_app.authorize_slack_workspace("T012ABCDEFG", "acme")
            assert teams() == ["T012ABCDEFG"]

        def test_each_test_starts_empty(chatbot_mock):
            assert teams() == []

        @pytest.mark.chatbot_mock(account_id="111122223333", quotas={"support_app_workspaces_per_account": 0})
        def test_marker_configures_the_fixture(chatbot_mock):
            assert chatbot_mock.account_id == "111122223333"
            assert chatbot_mock.quota_settings["support_app_workspaces_per_account"] == 0

        @pytest.fixture
        def team():
            return "T999"

        from chatbot_mock import mock_chatbot

        @mock_chatbot
        def test_decorated_tests_still_receive_fixtures(team):
            assert team == "T999" and teams() == []
        """
    )
    result = pytester.runpytest_inprocess("--strict-markers", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=4)


def test_the_marker_is_registered(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_inprocess("--markers")
    result.stdout.fnmatch_lines(
        ["*chatbot_mock(account_id=None, quotas=None, fake_credentials=True): switch the chatbot_mock mock on*"]
    )


# -- the plugin is loaded by every pytest run, so it must cost nothing until used ------------


def test_a_bad_aws_profile_does_not_break_a_pytest_run_that_never_uses_the_mock(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_PROFILE", "no-such-profile-anywhere")
    pytester.makepyfile("def test_trivial():\n    assert True\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_a_bad_aws_profile_does_not_stop_the_mock_loading_its_models(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_PROFILE", "no-such-profile-anywhere")
    pytester.makepyfile(
        """
        from chatbot_mock.protocol.model import service_specs

        def test_models(chatbot_mock):
            assert sorted(service_specs()) == ["chatbot", "support-app"]
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_importing_the_plugin_loads_neither_botocore_nor_the_mock(pytester: pytest.Pytester) -> None:
    script = pytester.makepyfile(
        check="""
        import sys
        import pytest
        before = set(sys.modules)
        import chatbot_mock._pytest_plugin
        loaded = sorted(set(sys.modules) - before)
        heavy = [name for name in loaded if name.split(".")[0] in ("botocore", "boto3", "wrapt", "responses")]
        assert not heavy, heavy
        assert "chatbot_mock._mock" not in sys.modules, loaded
        print("OK")
        """
    )
    result = pytester.run(sys.executable, str(script))
    assert result.ret == 0, result.stderr.str()
    result.stdout.fnmatch_lines(["OK"])


# -- the marker -----------------------------------------------------------------------------

MARKER_ALONE = """
    import boto3
    import pytest
    from botocore.config import Config

    # Were the mock off, these would fail at once: nothing listens on port 1.
    def support_app():
        return boto3.client("support-app", region_name="us-east-1", endpoint_url="http://127.0.0.1:1",
                            config=Config(retries={"total_max_attempts": 1}))

    @pytest.fixture
    def alias():
        # A fixture of the test's own: the marker's mock is already on while it runs.
        support_app().put_account_alias(accountAlias="from-a-fixture")
        return "from-a-fixture"

    @pytest.mark.chatbot_mock(account_id="111122223333")
    def test_the_marker_alone_switches_the_mock_on(alias):
        assert support_app().get_account_alias()["accountAlias"] == alias
        from chatbot_mock._mock import started_mocks
        assert [m.account_id for m in started_mocks()] == ["111122223333"]

    @pytest.mark.chatbot_mock
    def test_a_bare_marker_works_too():
        assert "accountAlias" not in support_app().get_account_alias()

    def test_without_the_marker_the_mock_is_off():
        from botocore.exceptions import EndpointConnectionError
        client = boto3.client("support-app", region_name="us-east-1", endpoint_url="http://127.0.0.1:1",
                              aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="x",
                              config=Config(retries={"total_max_attempts": 1}))
        with pytest.raises(EndpointConnectionError):
            client.get_account_alias()
"""


def test_the_marker_alone_switches_the_mock_on_for_its_test(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(MARKER_ALONE)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--strict-markers")
    result.assert_outcomes(passed=3)


@pytest.mark.parametrize(
    "marker, expected",
    [
        ('chatbot_mock("111122223333")', "*keywords only (account_id, quotas, fake_credentials)*'111122223333'*"),
        ('chatbot_mock(acount_id="111122223333")', "*got acount_id; it takes only account_id, quotas, fake_cred*"),
    ],
    ids=["positional", "misspelt keyword"],
)
def test_a_wrong_marker_argument_is_a_clear_error(pytester: pytest.Pytester, marker: str, expected: str) -> None:
    pytester.makepyfile(
        f"""
        import pytest

        @pytest.mark.{marker}
        def test_it():
            pass
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([expected])


# -- a mock left on ---------------------------------------------------------------------------


def test_a_mock_started_by_hand_and_left_on_warns_naming_the_test(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        from chatbot_mock import mock_chatbot

        def test_leaks():
            mock_chatbot().start()

        def test_cleans_up():
            mock = mock_chatbot().start()
            mock.stop()

        def test_after():
            with mock_chatbot():
                pass
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-W", "always::pytest.PytestWarning")
    result.assert_outcomes(passed=3, warnings=1)
    result.stdout.fnmatch_lines(["*test_leaks started chatbot_mock by hand and left it on*"])
    assert "test_cleans_up started" not in result.stdout.str()
    assert "test_after started" not in result.stdout.str()


def test_a_mock_started_again_in_the_test_or_kept_on_by_a_wider_fixture(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest
        from chatbot_mock import mock_chatbot

        @pytest.fixture(scope="class")
        def kept_on():
            mock = mock_chatbot().start()
            yield mock
            mock.stop()

        def test_starts_the_fixtures_mock_again(chatbot_mock):
            chatbot_mock.start()

        class TestWithAClassFixture:
            def test_asks_for_it_in_the_body(self, request):
                assert request.getfixturevalue("kept_on").active

            def test_shares_it(self, kept_on):
                assert kept_on.active
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-W", "always::pytest.PytestWarning")
    result.assert_outcomes(passed=3, warnings=1)
    result.stdout.fnmatch_lines(["*test_starts_the_fixtures_mock_again started chatbot_mock by hand*"])
    assert "TestWithAClassFixture" not in result.stdout.str()


@pytest.mark.parametrize(
    "change",
    [
        'monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")',
        'monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")',
        'monkeypatch.setenv("AWS_ACCESS_KEY_ID", "111122223333")',
        'monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)',
    ],
    ids=["a region", "the default region", "an account's key", "no token"],
)
def test_monkeypatch_torn_down_after_the_fixture_leaves_the_environment_exact(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    for name in ("AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"):
        monkeypatch.delenv(name, raising=False)
    pytester.makepyfile(
        f"""
        import os

        NAMES = ("AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
        BEFORE = {{name: os.environ.get(name) for name in NAMES}}

        # monkeypatch is set up first, so it is torn down after the mock has stopped.
        def test_changes_the_environment(monkeypatch, chatbot_mock):
            {change}

        def test_the_environment_is_as_before():
            assert {{name: os.environ.get(name) for name in NAMES}} == BEFORE
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


def test_a_mock_once_kept_on_by_a_fixture_is_checked_again_after_the_fixture_ends(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_a="""
        import pytest
        from chatbot_mock import mock_chatbot

        SHARED = mock_chatbot()

        @pytest.fixture(scope="module")
        def shared():
            SHARED.start()
            yield SHARED
            SHARED.stop()

        def test_uses_it(shared):
            assert shared.active
        """,
        test_b="""
        from test_a import SHARED

        def test_leaks_the_same_mock():
            SHARED.start()
        """,
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-W", "always::pytest.PytestWarning")
    result.assert_outcomes(passed=2, warnings=1)
    result.stdout.fnmatch_lines(["*test_leaks_the_same_mock started chatbot_mock by hand*"])
