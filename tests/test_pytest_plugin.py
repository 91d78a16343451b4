"""The pytest plugin: a fixture yielding a started mock, configured by a marker."""

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
    result.stdout.fnmatch_lines(["*chatbot_mock(account_id=None, quotas=None, fake_credentials=True)*"])
