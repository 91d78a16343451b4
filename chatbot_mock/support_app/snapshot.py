"""AWS Support App's part of a state snapshot: every account's resources as plain JSON,
and back (docs/inspecting.md describes the format)."""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Set

from chatbot_mock.core.accounts import AccountStore
from chatbot_mock.core.refusals import InvalidInput
from chatbot_mock.core.slack import ChannelKey
from chatbot_mock.core.snapshot import Fields, Keys, SnapshotError, Stamps, export_record, read_record, stamped
from chatbot_mock.support_app.models import SlackChannelConfiguration, SlackWorkspace, SupportAppAccount
from chatbot_mock.support_app.rules import NOTIFY_FLAGS, check_notification_rules


def _no_references(item: Fields, kind: type, field: str, key: str) -> None:
    raise TypeError(f"{item.where}: a Support App record refers to no other")


class SupportAppSnapshot:
    """The backend's state as JSON; mixed into the backend, whose attributes these are."""

    _accounts: AccountStore[SupportAppAccount]
    _channel_accounts: Dict[ChannelKey, Set[str]]
    _organization_workspaces: Dict[str, Set[str]]

    def export_account(self, account_id: str) -> Dict[str, Any]:
        """One account as plain JSON (empty lists for an account that holds nothing)."""
        account = self._accounts.peek(account_id) or SupportAppAccount()
        return {
            "slack_workspaces": stamped(account.workspaces, export_record),
            "channel_configurations": stamped(account.channels, export_record),
            "live_chats": [
                {"team_id": team_id, "channel_id": channel_id} for team_id, channel_id in sorted(account.live_chats)
            ],
            "account_alias": account.account_alias,
            "registered_for_organization": sorted(self._organization_workspaces.get(account_id, ())),
        }

    def quota_use(self, account_id: str) -> Dict[str, int]:
        """How much of each per-account quota setting the account uses."""
        account = self._accounts.peek(account_id) or SupportAppAccount()
        return {
            "support_app_workspaces_per_account": len(account.workspaces),
            "support_app_channels_per_account": len(account.channels),
        }

    def export_state(self) -> Dict[str, Any]:
        """Every account that holds anything, as plain JSON."""
        accounts = {account_id: self.export_account(account_id) for account_id, _ in self._accounts.items()}
        return {"accounts": {account_id: data for account_id, data in accounts.items() if any(data.values())}}

    def restore_state(self, fields: Fields, stamps: Stamps) -> None:
        """Bring back what :meth:`export_state` wrote (into a backend that holds nothing)."""
        for account_id, account_fields in fields.accounts():
            self._restore_account(account_id, account_fields, stamps)
        fields.finish()

    def check_restored(self, where: str, problems: Callable[..., List[str]]) -> None:
        """After a restore: every record inside its model shape and the notification
        rules (``problems(shape name, wire form)``), and every reference to something
        that exists."""
        for account_id, account in self._accounts.items():
            place = f"{where}.accounts.{account_id}"
            for index, workspace in enumerate(account.workspaces):
                found = problems("SlackWorkspaceConfiguration", workspace.to_wire())
                if found:
                    raise SnapshotError(f"{place}.slack_workspaces[{index}]: {'; '.join(found)}")
            for index, channel in enumerate(account.channels):
                found = problems("SlackChannelConfiguration", channel.to_wire())
                try:
                    flags = {flag: getattr(channel, flag) for flag in NOTIFY_FLAGS}
                    check_notification_rules(channel.notify_on_case_severity, flags, NOTIFY_FLAGS)
                except InvalidInput as broken:
                    found.append(broken.message)
                if found:
                    raise SnapshotError(f"{place}.channel_configurations[{index}]: {'; '.join(found)}")
            for team_id, channel_id in sorted(account.live_chats):
                if (team_id, channel_id) not in account.channels:
                    raise SnapshotError(
                        f"{place}.live_chats: channel {channel_id} of {team_id} has no channel configuration"
                    )
            for team_id in sorted(self._organization_workspaces.get(account_id, ())):
                registered = account.workspaces.get(team_id)
                if registered is None or not registered.allow_organization_member_account:
                    raise SnapshotError(
                        f"{place}.registered_for_organization: {team_id} must be one of the account's "
                        "slack_workspaces, with allow_organization_member_account true"
                    )

    def _restore_account(self, account_id: str, fields: Fields, stamps: Stamps) -> None:
        account = self._accounts[account_id]
        once = Keys("Slack workspace").once
        for item in fields.objects("slack_workspaces"):
            workspace = read_record(SlackWorkspace, item, _no_references)
            once(workspace.team_id, item)
            stamps.later(item, account.workspaces.put, workspace.team_id, workspace)
            item.finish()
        once = Keys("channel configuration for").once
        for item in fields.objects("channel_configurations"):
            configuration = read_record(SlackChannelConfiguration, item, _no_references)
            once((configuration.team_id, configuration.channel_id), item)
            stamps.later(item, self._put_channel, item, account_id, configuration)
            item.finish()
        once = Keys("live chat in").once
        for item in fields.objects("live_chats"):
            chat = (item.text("team_id"), item.text("channel_id"))
            once(chat, item)
            account.live_chats.add(chat)
            item.finish()
        account.account_alias = fields.optional_text("account_alias")
        registered = fields.texts("registered_for_organization")
        if registered:
            self._organization_workspaces[account_id] = set(registered)
        fields.finish()

    def _put_channel(self, item: Fields, account_id: str, configuration: SlackChannelConfiguration, stamp: int) -> None:
        account = self._accounts[account_id]
        if configuration.team_id not in account.workspaces:
            raise SnapshotError(f"{item.where}: workspace {configuration.team_id} is not among the slack_workspaces")
        key = (configuration.team_id, configuration.channel_id)
        account.channels.put(key, configuration, stamp)
        self._channel_accounts.setdefault(key, set()).add(account_id)
