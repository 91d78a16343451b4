"""Read-only views: what either console seeded and every resource the API created, per
account, as records with attribute access; and the mock as an HTML table in Jupyter."""

from __future__ import annotations

from typing import Any

import pytest
from populated_state import ACCOUNT, MEMBER, OTHER, ROLE, TENANT, chatbot, populate, support

from chatbot_mock import mock_chatbot
from chatbot_mock.views import Quota


@pytest.fixture
def populated() -> Any:
    with mock_chatbot() as m:
        populate(m)
        yield m


def test_every_chatbot_resource_kind_reads_as_records(populated: Any) -> None:
    account = populated.chatbot.account()

    assert account.account_id == ACCOUNT
    assert [w.team_name for w in account.slack_workspaces] == ["acme", "other"]
    assert [(t.team_name, t.tenant_id) for t in account.teams] == [("Operations", TENANT)]
    assert [(c.channel_name, c.private) for c in account.slack_channels] == [("ops-alerts", False), ("secret", True)]
    slack = account.slack_configurations
    assert [c.configuration_name for c in slack] == ["slack-0", "slack-1", "slack-3", "slack-4", "slack-other"]
    assert (slack[0].channel_name, slack[0].tags["team"], slack[0].sns_topic_arns) == (
        "ops-alerts", "0", ("arn:aws:sns:us-east-1:123456789012:alerts",))
    assert (slack[1].channel_name, slack[1].state) == (None, "DISABLED")
    assert [(c.team_name, c.channel_name) for c in account.teams_configurations] == [("Ops team", "ops")]
    assert [c.webhook_description for c in account.chime_configurations] == ["room/alerts"]
    assert [i.slack_user_id for i in account.slack_user_identities] == ["U01", "U02", "U03"]
    assert len(account.teams_user_identities) == 1
    assert [a.alias_name for a in account.custom_actions] == ["a0", "a1", "a2"]
    assert account.custom_actions[0].definition["CommandText"] == "echo 0"
    assert [a.custom_action_arn.rsplit("/", 1)[1] for a in account.associations] == [
        "action-0", "action-2", "action-2"]
    assert account.reserved_names == ("kept",)
    assert (account.user_authorization_required, account.training_data_collection_enabled) == (False, True)


def test_every_support_app_resource_kind_reads_as_records(populated: Any) -> None:
    account = populated.support_app.account()
    management = populated.support_app.account(OTHER)

    assert [w.team_id for w in account.slack_workspaces] == ["TS0", "TS1", "TS2"]
    assert len(account.channel_configurations) == 11  # twelve made, one deleted
    assert account.channel_configurations[0].notify_on_create_or_reopen_case is True
    assert [(chat.team_id, chat.channel_id) for chat in account.live_chats] == [("TS0", "CS0")]
    assert account.account_alias == "ops-account"
    assert management.slack_workspaces[0].allow_organization_member_account is True
    assert management.registered_for_organization == ("TORG",)


def test_quotas_show_what_each_account_uses_against_its_limit(populated: Any) -> None:
    populated.set_quota("support_app_channels_per_account", 15)

    assert populated.chatbot.account().quotas == (
        Quota("chatbot_configurations_per_account", 7, 5000),
        Quota("chatbot_custom_actions_per_account", 3, 1000),
    )
    assert Quota("support_app_channels_per_account", 11, 15) in populated.support_app.account().quotas


def test_accounts_lists_only_accounts_that_hold_something(populated: Any) -> None:
    chatbot(MEMBER).get_account_preferences()  # a read makes nothing

    assert list(populated.chatbot.accounts) == [ACCOUNT, OTHER]
    assert sorted(populated.support_app.accounts) == sorted([ACCOUNT, OTHER, MEMBER])
    assert populated.chatbot.accounts[OTHER].custom_actions[0].action_name == "theirs"


def test_an_account_that_holds_nothing_reads_empty_and_is_not_created() -> None:
    with mock_chatbot() as m:
        empty = m.chatbot.account("999999999999")
        assert (empty.slack_configurations, empty.custom_actions) == ((), ())
        assert list(m.chatbot.accounts) == []


def test_account_none_is_the_account_a_call_would_use_now(populated: Any) -> None:
    with populated.as_account(OTHER):
        assert populated.chatbot.account().account_id == OTHER


def test_a_view_is_a_copy_that_cannot_change_the_state(populated: Any) -> None:
    account = populated.chatbot.account()
    configuration = account.slack_configurations[0]

    with pytest.raises(AttributeError, match="read-only"):
        configuration.channel_name = "changed"
    with pytest.raises(TypeError):
        configuration.tags["team"] = "changed"  # type: ignore[index]
    plain = configuration.as_dict()
    plain["tags"]["team"] = "changed"
    chatbot().update_slack_channel_configuration(
        ChatConfigurationArn=configuration.arn, SlackChannelId="C01PUBLIC", LoggingLevel="ERROR")

    assert configuration.logging_level == "INFO"  # taken before the update
    assert populated.chatbot.account().slack_configurations[0].logging_level == "ERROR"
    assert populated.chatbot.account().slack_configurations[0].tags["team"] == "0"


def test_a_misspelt_member_names_the_members_there_are(populated: Any) -> None:
    with pytest.raises(AttributeError, match="has no member 'chanel_name'; its members: arn, "):
        _ = populated.chatbot.account().slack_configurations[0].chanel_name


def test_views_need_an_active_mock() -> None:
    with pytest.raises(RuntimeError, match="no chatbot_mock is active"):
        mock_chatbot().chatbot.account()


# -- in Jupyter -----------------------------------------------------------------------------


def test_the_mock_renders_one_html_row_per_resource(populated: Any) -> None:
    table = populated._repr_html_()

    chatbot_resources = sum(
        len(value) for account in populated.chatbot.accounts.values() for value in account.as_dict().values()
        if isinstance(value, list) and value and isinstance(value[0], dict)
    )
    support_resources = sum(
        len(value) for account in populated.support_app.accounts.values() for value in account.as_dict().values()
        if isinstance(value, list) and value and isinstance(value[0], dict)
    )
    assert table.count("<tr>") == 1 + chatbot_resources + support_resources
    assert "<td>SlackChannelConfiguration</td>" in table and "<td>LiveChat</td>" in table


def test_html_cells_are_escaped() -> None:
    with mock_chatbot() as m:
        m.chatbot.authorize_slack_workspace("T012ABCDEFG", "<script>alert(1)</script>")
        table = m._repr_html_()
        console_table = m.chatbot._repr_html_()
    assert "<script>" not in table and "&lt;script&gt;alert(1)&lt;/script&gt;" in table
    assert "<script>" not in console_table


def test_an_inactive_mock_renders_a_line_not_a_table() -> None:
    assert mock_chatbot()._repr_html_().startswith("<p>&lt;ChatbotMock")


def test_support_and_chatbot_views_agree_with_the_api(populated: Any) -> None:
    listed = support().list_slack_channel_configurations()["slackChannelConfigurations"]
    viewed = populated.support_app.account().channel_configurations[: len(listed)]

    assert [c["channelId"] for c in listed] == [c.channel_id for c in viewed]
    assert chatbot().describe_slack_channel_configurations()["SlackChannelConfigurations"][0]["IamRoleArn"] == ROLE


def test_views_copy_and_pickle_like_values(populated: Any) -> None:
    import copy
    import pickle

    account = populated.chatbot.account()

    assert copy.deepcopy(account) == account
    assert pickle.loads(pickle.dumps(account)) == account
    assert copy.copy(account.slack_configurations[0]).tags == {"team": "0"}
