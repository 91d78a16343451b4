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
import subprocess
import sys
import threading
from pathlib import Path
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


def test_a_workspace_without_an_order_loads_under_configurations_that_give_one() -> None:
    # Items without an order go after every ordered one, but a configuration still finds
    # its workspace (and an identity its configuration) whichever of them gives an order.
    snapshot = {
        "format": "chatbot_mock state",
        "version": 1,
        "services": {
            "chatbot": {"accounts": {ACCOUNT: {
                "slack_workspaces": [{"team_id": "T012ABCDEFG", "team_name": "acme"}],
                "slack_configurations": [
                    {"order": 1, "arn": f"arn:aws:chatbot::{ACCOUNT}:chat-configuration/slack-channel/first",
                     "configuration_name": "first", "iam_role_arn": ROLE, "team_id": "T012ABCDEFG",
                     "channel_id": "C1", "channel_name": "first"},
                ],
            }}},
        },
    }
    with mock_chatbot() as m:
        m.load_state(snapshot)
        listed = chatbot().describe_slack_channel_configurations()["SlackChannelConfigurations"]
        workspaces = chatbot_account(m.state())["slack_workspaces"]
    assert [(c["ConfigurationName"], c["SlackTeamName"]) for c in listed] == [("first", "acme")]
    assert [(w["team_id"], w["order"]) for w in workspaces] == [("T012ABCDEFG", 2)]


def chatbot_account(snapshot: Dict[str, Any], account: str = ACCOUNT) -> Dict[str, Any]:
    return snapshot["services"]["chatbot"]["accounts"][account]  # type: ignore[no-any-return]


def support_account(snapshot: Dict[str, Any], account: str = ACCOUNT) -> Dict[str, Any]:
    return snapshot["services"]["support-app"]["accounts"][account]  # type: ignore[no-any-return]


def _twice(items: List[Dict[str, Any]], **changes: Any) -> None:
    items.append({**copy.deepcopy(items[0]), "order": 10**6, **changes})


UNREADABLE = {
    "older version": (lambda s: s.update(version=0), "format version 0"),
    "a version that is not a whole number": (lambda s: s.update(version=True), "format version True"),
    "not a snapshot": (lambda s: s.update(format="something else"), "not a chatbot_mock state snapshot"),
    "missing member": (lambda s: chatbot_account(s)["slack_configurations"][0].pop("arn"),
                       f"snapshot.services.chatbot.accounts.{ACCOUNT}.slack_configurations[0] has no 'arn'"),
    "misspelt member": (lambda s: chatbot_account(s)["slack_workspaces"][0].update(teem_id="x"),
                        "members this format does not: teem_id"),
    "wrong type": (lambda s: support_account(s)["channel_configurations"][0].update(notify_on_resolve_case="yes"),
                   "notify_on_resolve_case must be true or false"),
    "bad setting": (lambda s: s["settings"].update(support_app_page_size=0), "support_app_page_size"),
    "unknown service": (lambda s: s["services"].update(sns={}), "members this format does not: sns"),
    "an account key that is no account id": (
        lambda s: s["services"]["chatbot"]["accounts"].update(abc={}), "'abc' is not an account id"),
    "an organization of no account ids": (
        lambda s: s["organizations"].append({"management_account_id": "abc", "member_account_ids": []}),
        "'abc' is not an account id"),
    "a configuration whose workspace is not there": (
        lambda s: chatbot_account(s)["slack_workspaces"].pop(0),
        "Slack workspace T012ABCDEFG is not among the slack_workspaces"),
    "an association of nothing": (
        lambda s: chatbot_account(s)["associations"].append({
            "order": 10**6, "chat_configuration_arn": f"arn:aws:chatbot::{ACCOUNT}:chat-configuration/slack-channel/x",
            "custom_action_arn": f"arn:aws:chatbot::{ACCOUNT}:custom-action/ghost"}),
        "must both be in the account"),
    "a client token of no action": (
        lambda s: chatbot_account(s)["client_tokens"].append({
            "client_token": "t" * 40, "request": "{}",
            "custom_action_arn": f"arn:aws:chatbot::{ACCOUNT}:custom-action/x"}),
        "is not a custom action of the account made with that token"),
    "a live chat in a channel with no configuration": (
        lambda s: support_account(s)["live_chats"].append({"team_id": "TS0", "channel_id": "CNONE"}),
        "channel CNONE of TS0 has no channel configuration"),
    "a workspace registered for an organization but not there": (
        lambda s: support_account(s)["registered_for_organization"].append("TNONE"),
        "registered_for_organization: TNONE"),
    "an order given twice": (
        lambda s: chatbot_account(s)["slack_workspaces"][1].update(
            order=chatbot_account(s)["slack_workspaces"][0]["order"]),
        "is given to another item too"),
    "an order too great": (lambda s: chatbot_account(s)["slack_workspaces"][1].update(order=2**63), "must be from 1"),
    "two configurations with one ARN": (
        lambda s: _twice(chatbot_account(s)["chime_configurations"], configuration_name="chime-2"),
        "chime-webhook/chime"),
    "two workspaces with one id": (
        lambda s: _twice(chatbot_account(s)["slack_workspaces"]), "a second Slack workspace"),
    "two custom actions with one ARN": (
        lambda s: _twice(chatbot_account(s)["custom_actions"]), "a second custom action"),
    "two Support App channels in one place": (
        lambda s: _twice(support_account(s)["channel_configurations"]), "a second channel configuration for"),
    "an ARN of another account": (
        lambda s: chatbot_account(s)["chime_configurations"][0].update(
            arn="arn:aws:chatbot::999999999999:chat-configuration/chime-webhook/chime"),
        f"arn must be arn:<partition>:chatbot::{ACCOUNT}:chat-configuration/chime-webhook/chime"),
    "an ARN of another kind": (
        lambda s: chatbot_account(s)["chime_configurations"][0].update(
            arn=f"arn:aws:chatbot::{ACCOUNT}:chat-configuration/slack-channel/chime"), "arn must be"),
    "a command that is not text": (
        lambda s: chatbot_account(s)["custom_actions"][0]["definition"].update(CommandText=5),
        "custom_actions[0]: Value 5 at 'Definition.CommandText' failed to satisfy constraint"),
    "an attachment that is not an object": (
        lambda s: chatbot_account(s)["custom_actions"][0].update(attachments=[5]), "custom_actions[0]"),
    "a team name the model forbids": (
        lambda s: chatbot_account(s)["slack_workspaces"][1].update(team_name=""), "slack_workspaces[1]"),
    "a channel name the model forbids": (
        lambda s: chatbot_account(s)["slack_channels"][0].update(channel_name="x" * 256), "slack_channels[0]"),
    "a logging level the model forbids": (
        lambda s: chatbot_account(s)["chime_configurations"][0].update(logging_level="LOUD"),
        "chime_configurations[0]"),
    "notifications no call could set": (
        lambda s: support_account(s)["channel_configurations"][0].update(notify_on_create_or_reopen_case=False),
        "at least one of notifyOnAddCorrespondenceToCase"),
}


@pytest.mark.parametrize(("change", "fragment"), list(UNREADABLE.values()), ids=list(UNREADABLE))
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


def test_a_snapshot_is_a_copy_both_ways() -> None:
    with mock_chatbot() as m:
        populate(m)
        arn = f"arn:aws:chatbot::{ACCOUNT}:custom-action/action-0"
        taken = m.state()
        chatbot_account(taken)["custom_actions"][0]["definition"]["CommandText"] = "changed in the snapshot"
        chatbot_account(taken)["custom_actions"][0]["attachments"][0]["Variables"]["alarm"] = "changed"
        assert chatbot().get_custom_action(CustomActionArn=arn)["CustomAction"]["Definition"] == {
            "CommandText": "echo 0"}

        loaded = m.state()
        m.load_state(loaded)
        chatbot_account(loaded)["custom_actions"][0]["definition"]["CommandText"] = "changed after loading"
        assert chatbot().get_custom_action(CustomActionArn=arn)["CustomAction"]["Definition"] == {
            "CommandText": "echo 0"}


def test_settings_a_snapshot_leaves_out_take_their_defaults() -> None:
    with mock_chatbot() as m:
        m.set_quota("chatbot_configurations_per_account", 1)
        m.load_state({"format": "chatbot_mock state", "version": 1})
        assert m.quota_settings["chatbot_configurations_per_account"] == 5000


def test_loaded_settings_outlast_the_nested_mocks_around_the_load() -> None:
    with mock_chatbot() as outer:
        snapshot = outer.state()
        snapshot["settings"]["chatbot_configurations_per_account"] = 1
        with mock_chatbot(quotas={"chatbot_configurations_per_account": 7}) as inner:
            inner.load_state(snapshot)
            assert outer.quota_settings["chatbot_configurations_per_account"] == 1
        assert outer.quota_settings["chatbot_configurations_per_account"] == 1
        assert outer.state() == snapshot


def test_any_mapping_loads() -> None:
    from types import MappingProxyType

    with mock_chatbot() as m:
        populate(m)
        snapshot = m.state()
    with mock_chatbot() as restored:
        restored.load_state(MappingProxyType(snapshot))
        assert restored.state() == snapshot


def test_a_call_racing_a_load_lands_in_the_loaded_world(monkeypatch: pytest.MonkeyPatch) -> None:
    from chatbot_mock import _snapshot
    from chatbot_mock._world import World

    original = World.call

    def load_first(self: World, *args: Any) -> Any:
        # Another thread loads an empty world just before this call takes the lock.
        empty = {"format": "chatbot_mock state", "version": 1}
        loader = threading.Thread(target=_snapshot.load, args=(self, empty))
        loader.start()
        loader.join()
        return original(self, *args)

    with mock_chatbot():
        monkeypatch.setattr(World, "call", load_first)
        client = chatbot()
        arn = client.create_custom_action(ActionName="racer", Definition={"CommandText": "echo"})["CustomActionArn"]
        monkeypatch.setattr(World, "call", original)
        assert client.list_custom_actions()["CustomActions"] == [arn]


def test_resources_made_after_a_restore_come_after_it_in_a_fresh_process(tmp_path: Any) -> None:
    # A fresh process, whose creation stamps start low: the restore must move them on.
    script = tmp_path / "restore.py"
    script.write_text(
        "import boto3\n"
        "from chatbot_mock import mock_chatbot\n"
        "snapshot = {'format': 'chatbot_mock state', 'version': 1, 'services': {'chatbot': {'accounts': {\n"
        "    '123456789012': {'slack_workspaces': [{'order': 1000, 'team_id': 'TOLD', 'team_name': 'old'}]}}}}}\n"
        "with mock_chatbot() as m:\n"
        "    m.load_state(snapshot)\n"
        "    m.chatbot.authorize_slack_workspace('TNEW', 'new')\n"
        "    listed = boto3.client('chatbot', region_name='us-east-1').describe_slack_workspaces()\n"
        "    print([w['SlackTeamId'] for w in listed['SlackWorkspaces']])\n",
        encoding="utf-8",
    )
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['TOLD', 'TNEW']"


def _ordered_items(snapshot: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [item for service in snapshot["services"].values() for account in service["accounts"].values()
            for items in account.values() if isinstance(items, list)
            for item in items if isinstance(item, dict) and "order" in item]


def _with_huge_orders(snapshot: Dict[str, Any]) -> Dict[str, Any]:
    """The snapshot with every order raised by 2**53."""
    huge = copy.deepcopy(snapshot)
    for item in _ordered_items(huge):
        item["order"] += 2**53
    return huge


def test_huge_orders_loaded_in_one_mock_leave_another_mocks_round_trips_alone() -> None:
    with mock_chatbot() as m:
        populate(m)
        huge = _with_huge_orders(m.state())
    with mock_chatbot() as m:
        m.load_state(huge)
    with mock_chatbot() as m:
        populate(m)
        snapshot = json.loads(json.dumps(m.state()))
        assert max(item["order"] for item in _ordered_items(snapshot)) < 1000
        m.load_state(snapshot)
        assert m.state() == snapshot


def test_items_made_after_huge_orders_were_loaded_round_trip() -> None:
    with mock_chatbot() as m:
        populate(m)
        m.load_state(_with_huge_orders(m.state()))
        chatbot(ACCOUNT).create_chime_webhook_configuration(
            WebhookDescription="after", WebhookUrl="https://hooks.chime.aws/incomingwebhooks/after?token=x",
            SnsTopicArns=[], IamRoleArn=ROLE, ConfigurationName="made-after-the-load")
        before = answers()
        snapshot = json.loads(json.dumps(m.state()))
        m.load_state(snapshot)
        assert answers() == before
        assert m.state() == snapshot


def test_a_snapshot_taken_before_records_held_immutable_values_loads_and_answers_the_same() -> None:
    # tests/data/snapshot_v1.json: populate()'s state and every answer, recorded with the
    # code before the records' fields were declared once (format version 1, unchanged).
    recorded = json.loads((Path(__file__).parent / "data" / "snapshot_v1.json").read_text(encoding="utf-8"))
    with mock_chatbot() as m:
        m.load_state(recorded["snapshot"])
        assert json.loads(json.dumps(answers(), default=str)) == recorded["answers"]
        assert m.state() == recorded["snapshot"]
