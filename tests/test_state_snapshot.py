"""m.state() and m.load_state(): a snapshot of the whole state as plain JSON, and back.

The round trip is checked over a state that holds every kind of resource of both
services, in two accounts, through ``json.dumps`` and ``json.loads``: after loading,
every list, describe and get answers exactly what it answered before (page tokens
included), the rules that hang on hidden state still hold, and ``m.state()`` gives the
same snapshot again.
"""

from __future__ import annotations

import copy
import json
from typing import Any, Callable, Dict, List

import pytest
from botocore.exceptions import ClientError
from populated_state import ACCOUNT, ATTACHMENT, MEMBER, OTHER, ROLE, TEAM, chatbot, populate, support

from chatbot_mock import SnapshotError, mock_chatbot


def walk(call: Callable[..., Dict[str, Any]], token_name: str, **request: Any) -> List[Dict[str, Any]]:
    """Every page, one item at a time where the operation pages, tokens included."""
    pages = []
    while True:
        page = call(**request)
        page.pop("ResponseMetadata")
        pages.append(page)
        if not page.get(token_name):
            return pages
        request[token_name] = page[token_name]


def answers() -> Dict[str, Any]:
    """What every read of both services answers, in both accounts that hold anything."""
    seen: Dict[str, Any] = {}
    for account in (ACCOUNT, OTHER, MEMBER):
        client, app = chatbot(account), support(account)
        one = {"MaxResults": 1}
        seen[f"{account} workspaces"] = walk(client.describe_slack_workspaces, "NextToken", **one)
        seen[f"{account} teams"] = walk(client.list_microsoft_teams_configured_teams, "NextToken", **one)
        slack = walk(client.describe_slack_channel_configurations, "NextToken", **one)
        seen[f"{account} slack"] = slack
        seen[f"{account} teams configurations"] = walk(
            client.list_microsoft_teams_channel_configurations, "NextToken", **one)
        seen[f"{account} teams of team"] = walk(
            client.list_microsoft_teams_channel_configurations, "NextToken", TeamId=TEAM, **one)
        chime = walk(client.describe_chime_webhook_configurations, "NextToken", **one)
        seen[f"{account} chime"] = chime
        seen[f"{account} slack identities"] = walk(client.describe_slack_user_identities, "NextToken", **one)
        seen[f"{account} teams identities"] = walk(client.list_microsoft_teams_user_identities, "NextToken", **one)
        actions = walk(client.list_custom_actions, "NextToken", **one)
        seen[f"{account} actions"] = actions
        for page in actions:
            for arn in page["CustomActions"]:
                seen[f"{arn} action"] = client.get_custom_action(CustomActionArn=arn)["CustomAction"]
                seen[f"{arn} tags"] = client.list_tags_for_resource(ResourceARN=arn)["Tags"]
        configurations = [c["ChatConfigurationArn"] for page in slack for c in page["SlackChannelConfigurations"]]
        configurations += [c["ChatConfigurationArn"] for page in chime for c in page["WebhookConfigurations"]]
        for arn in configurations:
            seen[f"{arn} associations"] = walk(client.list_associations, "NextToken", ChatConfiguration=arn, **one)
            seen[f"{arn} tags"] = client.list_tags_for_resource(ResourceARN=arn)["Tags"]
            seen[f"{arn} identities"] = walk(
                client.describe_slack_user_identities, "NextToken", ChatConfigurationArn=arn, **one)
        seen[f"{account} preferences"] = client.get_account_preferences()["AccountPreferences"]
        seen[f"{account} support workspaces"] = walk(app.list_slack_workspace_configurations, "nextToken")
        seen[f"{account} support channels"] = walk(app.list_slack_channel_configurations, "nextToken")
        seen[f"{account} alias"] = app.get_account_alias().get("accountAlias")
    return seen


def test_a_snapshot_through_json_restores_every_answer_and_itself() -> None:
    with mock_chatbot() as m:
        populate(m)
        before = answers()
        snapshot = json.loads(json.dumps(m.state()))
    assert len(before[f"{ACCOUNT} slack"]) == 5  # pages of one, so page tokens are compared too

    with mock_chatbot() as restored:
        restored.load_state(snapshot)
        assert answers() == before
        assert restored.state() == snapshot
        assert restored.quota_settings["chatbot_tags_per_resource"] == 7


def test_a_page_token_issued_before_the_snapshot_continues_after_the_restore() -> None:
    with mock_chatbot() as m:
        populate(m)
        first = chatbot().describe_slack_channel_configurations(MaxResults=2)
        snapshot = m.state()
        rest = chatbot().describe_slack_channel_configurations(NextToken=first["NextToken"])
    with mock_chatbot() as restored:
        restored.load_state(snapshot)
        again = chatbot().describe_slack_channel_configurations(NextToken=first["NextToken"])
    assert again["SlackChannelConfigurations"] == rest["SlackChannelConfigurations"]


def test_the_rules_that_hang_on_hidden_state_hold_after_a_restore() -> None:
    with mock_chatbot() as m:
        populate(m)
        snapshot = m.state()
    with mock_chatbot() as restored:
        restored.load_state(snapshot)
        client = chatbot()
        restored.chatbot.authorize_slack_workspace("T0NOTAUTHORIZED", "late")
        with pytest.raises(ClientError, match="ConflictException"):  # the reserved name
            client.create_slack_channel_configuration(
                ConfigurationName="kept", SlackTeamId="T0NOTAUTHORIZED", SlackChannelId="C1", IamRoleArn=ROLE)
        replay = client.create_custom_action(  # a ClientToken retry answers the same ARN
            ActionName="action-0", Definition={"CommandText": "echo 0"}, AliasName="a0", Attachments=ATTACHMENT,
            Tags=[{"TagKey": "k", "TagValue": "v"}], ClientToken="token-0-0123456789abcdef0123456789")
        assert replay["CustomActionArn"] == f"arn:aws:chatbot::{ACCOUNT}:custom-action/action-0"
        with pytest.raises(ClientError, match="ConflictException"):  # the live chat
            support().delete_slack_channel_configuration(teamId="TS0", channelId="CS0")
        with pytest.raises(ClientError, match="InvalidRequestException"):  # the channel is taken
            client.create_slack_channel_configuration(
                ConfigurationName="again", SlackTeamId="T012ABCDEFG", SlackChannelId="C01PUBLIC", IamRoleArn=ROLE)
        # A new resource comes after every restored one.
        client.create_custom_action(ActionName="newest", Definition={"CommandText": "echo new"})
        assert client.list_custom_actions()["CustomActions"][-1].endswith("/newest")
        # The organization came back: a member registers the management account's workspace.
        assert support(MEMBER).register_slack_workspace_for_organization(teamId="TORG")["accountType"] == "member"


def test_a_snapshot_written_by_hand_needs_no_creation_order() -> None:
    snapshot = {
        "format": "chatbot_mock state",
        "version": 1,
        "services": {
            "chatbot": {"accounts": {ACCOUNT: {
                "slack_workspaces": [{"team_id": "T012ABCDEFG", "team_name": "acme"}],
                "slack_configurations": [
                    {"arn": f"arn:aws:chatbot::{ACCOUNT}:chat-configuration/slack-channel/{name}",
                     "configuration_name": name, "iam_role_arn": ROLE, "team_id": "T012ABCDEFG",
                     "channel_id": channel, "channel_name": name}
                    for name, channel in (("first", "C1"), ("second", "C2"))
                ],
            }}},
        },
    }
    with mock_chatbot() as m:
        m.load_state(snapshot)
        listed = chatbot().describe_slack_channel_configurations()["SlackChannelConfigurations"]
    assert [(c["ConfigurationName"], c["SlackTeamName"], c["LoggingLevel"]) for c in listed] == [
        ("first", "acme", "NONE"), ("second", "acme", "NONE")]


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda s: s.update(version=0), "format version 0"),
        (lambda s: s.update(format="something else"), "not a chatbot_mock state snapshot"),
        (lambda s: s["services"]["chatbot"]["accounts"][ACCOUNT]["slack_configurations"][0].pop("arn"),
         f"snapshot.services.chatbot.accounts.{ACCOUNT}.slack_configurations[0] has no 'arn'"),
        (lambda s: s["services"]["chatbot"]["accounts"][ACCOUNT]["slack_workspaces"][0].update(teem_id="x"),
         "members this format does not: teem_id"),
        (lambda s: s["services"]["chatbot"]["accounts"][ACCOUNT]["slack_workspaces"].pop(0),
         "Slack workspace T012ABCDEFG is not among the slack_workspaces"),
        (lambda s: s["services"]["support-app"]["accounts"][ACCOUNT]["channel_configurations"][0].update(
            notify_on_resolve_case="yes"), "notify_on_resolve_case must be true or false"),
        (lambda s: s["settings"].update(support_app_page_size=0), "support_app_page_size"),
        (lambda s: s["services"].update(sns={}), "members this format does not: sns"),
    ],
    ids=["older version", "not a snapshot", "missing member", "misspelt member", "dangling reference",
         "wrong type", "bad setting", "unknown service"],
)
def test_a_snapshot_that_cannot_be_read_is_refused_and_changes_nothing(change: Any, fragment: str) -> None:
    with mock_chatbot() as m:
        populate(m)
        good = m.state()
    broken = copy.deepcopy(good)
    change(broken)
    with mock_chatbot() as m:
        m.chatbot.authorize_slack_workspace("TKEEP", "keep")
        m.set_quota("support_app_page_size", 3)
        before = m.state()
        with pytest.raises(SnapshotError, match=None) as refused:
            m.load_state(broken)
        assert fragment in str(refused.value)
        assert m.state() == before


def test_state_and_load_state_need_an_active_mock() -> None:
    m = mock_chatbot()
    with pytest.raises(RuntimeError, match="no chatbot_mock is active"):
        m.state()
    with pytest.raises(RuntimeError, match="no chatbot_mock is active"):
        m.load_state({})
