"""AWS Support App: the 10 API operations, as plain methods (the console-only steps are in steps.py).

Each API method is named after its operation and takes the caller plus the request's
members as snake_case keywords; it returns the response members by their model names.
Every rule is checked before anything changes, so a refused call leaves no trace.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set

from chatbot_mock.core.accounts import AccountStore
from chatbot_mock.core.identity import Caller
from chatbot_mock.core.refusals import Conflict, NotFound, QuotaExceeded, console_first
from chatbot_mock.core.settings import Settings, quota_advice
from chatbot_mock.core.slack import ChannelKey
from chatbot_mock.service_declaration import SharedStores
from chatbot_mock.support_app.models import (
    SlackChannelConfiguration,
    SlackWorkspace,
    SupportAppAccount,
)
from chatbot_mock.support_app.rules import NOTIFY_FLAGS, check_notification_rules
from chatbot_mock.support_app.snapshot import SupportAppSnapshot

#: The limits from the Support App API reference, and the page size of its two lists.
DEFAULT_SETTINGS = {
    "support_app_workspaces_per_account": 5,
    "support_app_channels_per_account": 20,
    "support_app_accounts_per_slack_channel": 100,
    "support_app_page_size": 10,
}

def check_workspace_quota(settings: Settings, account: SupportAppAccount) -> None:
    """Refuse one more workspace in an account that has as many as it may (the console's
    authorisation and RegisterSlackWorkspaceForOrganization both add one)."""
    limit = settings["support_app_workspaces_per_account"]
    if len(account.workspaces) >= limit:
        raise QuotaExceeded(
            f"Your AWS account already has the maximum of {limit} Slack workspaces",
            advice=quota_advice("support_app_workspaces_per_account", limit),
        )


class SupportAppBackend(SupportAppSnapshot):
    def __init__(self, shared: SharedStores) -> None:
        self._settings = shared.settings
        self._tokens = shared.tokens
        self._organizations = shared.organizations
        self._accounts: AccountStore[SupportAppAccount] = AccountStore(lambda: SupportAppAccount(shared.stamps))
        # (team, channel) -> accounts that configured it; the 100-accounts rule spans accounts.
        self._channel_accounts: Dict[ChannelKey, Set[str]] = {}
        # management account -> Slack team ids it registered for its organization.
        self._organization_workspaces: Dict[str, Set[str]] = {}

    @property
    def accounts(self) -> AccountStore[SupportAppAccount]:
        """Every account's state: the store the console steps (support_app/steps.py) share."""
        return self._accounts

    @property
    def settings(self) -> Settings:
        return self._settings

    # -- a glance at the state (for repr) ------------------------------------------------

    def summary(self) -> Dict[str, int]:
        """How many of each kind of resource, over every account that holds any."""
        return self._accounts.summary(
            lambda account: {
                "Slack workspaces": len(account.workspaces),
                "channel configurations": len(account.channels),
                "live chats": len(account.live_chats),
                "account aliases": int(account.account_alias is not None),
            }
        )

    # -- channel configurations ---------------------------------------------------------

    def create_slack_channel_configuration(
        self,
        caller: Caller,
        team_id: str,
        channel_id: str,
        channel_role_arn: str,
        notify_on_case_severity: str,
        channel_name: Optional[str] = None,
        notify_on_add_correspondence_to_case: bool = False,
        notify_on_create_or_reopen_case: bool = False,
        notify_on_resolve_case: bool = False,
    ) -> None:
        flags = {
            "notify_on_add_correspondence_to_case": notify_on_add_correspondence_to_case,
            "notify_on_create_or_reopen_case": notify_on_create_or_reopen_case,
            "notify_on_resolve_case": notify_on_resolve_case,
        }
        check_notification_rules(notify_on_case_severity, flags, NOTIFY_FLAGS)
        account = self._accounts[caller.account_id]
        self._require_workspace(account, team_id, "add a Slack channel configuration")
        key = (team_id, channel_id)
        if key in account.channels:
            raise Conflict(
                f"The Slack channel configuration for channel {channel_id} in workspace {team_id} "
                "already exists in your AWS account"
            )
        channel_limit = self._settings["support_app_channels_per_account"]
        if len(account.channels) >= channel_limit:
            raise QuotaExceeded(
                f"Your AWS account already has the maximum of {channel_limit} Slack channel configurations",
                advice=quota_advice("support_app_channels_per_account", channel_limit),
            )
        accounts = self._channel_accounts.get(key, set())
        account_limit = self._settings["support_app_accounts_per_slack_channel"]
        if len(accounts) >= account_limit:
            raise QuotaExceeded(
                f"Slack channel {channel_id} in workspace {team_id} is already configured by the maximum "
                f"of {account_limit} AWS accounts",
                advice=quota_advice("support_app_accounts_per_slack_channel", account_limit),
            )
        account.channels.put(
            key,
            SlackChannelConfiguration(
                team_id=team_id,
                channel_id=channel_id,
                channel_name=channel_name,
                channel_role_arn=channel_role_arn,
                notify_on_case_severity=notify_on_case_severity,
                **flags,
            ),
        )
        self._channel_accounts.setdefault(key, set()).add(caller.account_id)

    def update_slack_channel_configuration(
        self, caller: Caller, team_id: str, channel_id: str, **changes: Any
    ) -> Dict[str, Any]:
        account = self._accounts[caller.account_id]
        self._require_workspace(account, team_id, "update a Slack channel configuration")
        configuration = self._require_channel(account, caller, team_id, channel_id)
        severity = changes.get("notify_on_case_severity", configuration.notify_on_case_severity)
        given_flags = [flag for flag in NOTIFY_FLAGS if flag in changes]
        effective = {flag: changes.get(flag, getattr(configuration, flag)) for flag in NOTIFY_FLAGS}
        check_notification_rules(severity, effective, given_flags)
        if severity == "none":
            # Accepted, as the reference words it (only flags in the request are checked),
            # and cleared: no create can make a configuration that notifies nothing yet
            # has a notification on (docs/support-app.md).
            changes = {**{flag: False for flag in NOTIFY_FLAGS}, **changes}
        for name, value in changes.items():
            setattr(configuration, name, value)
        return configuration.wire_form()

    def delete_slack_channel_configuration(self, caller: Caller, team_id: str, channel_id: str) -> None:
        account = self._accounts[caller.account_id]
        self._require_workspace(account, team_id, "delete a Slack channel configuration")
        self._require_channel(account, caller, team_id, channel_id)
        if (team_id, channel_id) in account.live_chats:
            raise Conflict(
                f"Slack channel {channel_id} has an active live chat with AWS Support; "
                "end the chat before deleting its configuration",
                advice=f"A live chat was started by seeding: end it with "
                f"m.support_app.end_live_chat({team_id!r}, {channel_id!r}, account_id={caller.account_id!r}).",
            )
        self._remove_channel(account, caller.account_id, (team_id, channel_id))

    def list_slack_channel_configurations(self, caller: Caller, next_token: Optional[str] = None) -> Dict[str, Any]:
        account = self._accounts[caller.account_id]
        page, token = self._page(account.channels, "ListSlackChannelConfigurations", caller, next_token)
        return {"slackChannelConfigurations": [c.wire_form() for c in page], "nextToken": token}

    # -- workspaces ---------------------------------------------------------------------

    def list_slack_workspace_configurations(self, caller: Caller, next_token: Optional[str] = None) -> Dict[str, Any]:
        account = self._accounts[caller.account_id]
        page, token = self._page(account.workspaces, "ListSlackWorkspaceConfigurations", caller, next_token)
        return {"slackWorkspaceConfigurations": [w.wire_form() for w in page], "nextToken": token}

    def delete_slack_workspace_configuration(self, caller: Caller, team_id: str) -> None:
        account = self._accounts[caller.account_id]
        if team_id not in account.workspaces:
            raise NotFound(
                f"The Slack workspace {team_id} is not configured in account {caller.account_id}"
            )
        if any(team == team_id for team, _ in account.live_chats):
            raise Conflict(
                f"The Slack workspace {team_id} has a channel with an active live chat with AWS Support; "
                "end the chat before deleting the workspace",
                advice="A live chat was started by seeding: end it with m.support_app.end_live_chat(...).",
            )
        # The workspace's channel configurations go with it (documented in docs/support-app.md).
        for key in [key for key in self._channel_keys(account) if key[0] == team_id]:
            self._remove_channel(account, caller.account_id, key)
        account.workspaces.pop(team_id)
        self._organization_workspaces.get(caller.account_id, set()).discard(team_id)

    def register_slack_workspace_for_organization(self, caller: Caller, team_id: str) -> Dict[str, Any]:
        organization = self._organizations.of(caller.account_id)
        if organization is None:
            raise Conflict(
                f"Account {caller.account_id} doesn't belong to an organization in AWS Organizations"
            )
        management_id = organization.management_account_id
        management = self._accounts[management_id]
        if caller.account_id == management_id:
            workspace = management.workspaces.get(team_id)
            if workspace is None:
                raise NotFound(
                    f"The Slack workspace {team_id} is not authorized in account {management_id}",
                    advice=console_first(
                        "Authorize it",
                        "AWS Support Center",
                        f"m.support_app.authorize_slack_workspace({team_id!r}, '<team name>', "
                        f"account_id={management_id!r})",
                    ),
                )
            workspace.allow_organization_member_account = True
            self._organization_workspaces.setdefault(management_id, set()).add(team_id)
            return {"teamId": team_id, "teamName": workspace.team_name, "accountType": "management"}
        registered = self._organization_workspaces.get(management_id, set())
        management_workspace = management.workspaces.get(team_id)
        if team_id not in registered or management_workspace is None:
            raise Conflict(
                f"The management account {management_id} hasn't registered the Slack workspace {team_id} "
                "for the organization yet"
            )
        account = self._accounts[caller.account_id]
        if team_id not in account.workspaces:
            check_workspace_quota(self._settings, account)
            account.workspaces.put(team_id, SlackWorkspace(team_id, management_workspace.team_name))
        return {"teamId": team_id, "teamName": management_workspace.team_name, "accountType": "member"}

    # -- account alias ------------------------------------------------------------------

    def put_account_alias(self, caller: Caller, account_alias: str) -> None:
        self._accounts[caller.account_id].account_alias = account_alias

    def get_account_alias(self, caller: Caller) -> Dict[str, Any]:
        account = self._accounts.peek(caller.account_id)
        return {"accountAlias": account.account_alias if account else None}

    def delete_account_alias(self, caller: Caller) -> None:
        account = self._accounts[caller.account_id]
        if account.account_alias is None:
            raise NotFound(f"Account {caller.account_id} has no account alias")
        account.account_alias = None

    # -- shared checks --------------------------------------------------------------------

    @staticmethod
    def _require_workspace(account: SupportAppAccount, team_id: str, action: str) -> None:
        if team_id not in account.workspaces:
            raise Conflict(
                f"You can't {action} before you add the Slack workspace {team_id} to your AWS account",
                advice=console_first(
                    "Authorize the workspace",
                    "AWS Support Center",
                    f"m.support_app.authorize_slack_workspace({team_id!r}, '<team name>')",
                ),
            )

    @staticmethod
    def _require_channel(
        account: SupportAppAccount, caller: Caller, team_id: str, channel_id: str
    ) -> SlackChannelConfiguration:
        configuration = account.channels.get((team_id, channel_id))
        if configuration is None:
            raise NotFound(
                f"No Slack channel configuration for channel {channel_id} in workspace {team_id} "
                f"in account {caller.account_id}"
            )
        return configuration

    @staticmethod
    def _channel_keys(account: SupportAppAccount) -> List[ChannelKey]:
        return [(c.team_id, c.channel_id) for c in account.channels]

    def _remove_channel(self, account: SupportAppAccount, account_id: str, key: ChannelKey) -> None:
        account.channels.pop(key)
        account.live_chats.discard(key)
        accounts = self._channel_accounts.get(key)
        if accounts is not None:
            accounts.discard(account_id)
            if not accounts:
                del self._channel_accounts[key]

    def _page(self, collection: Any, listing: str, caller: Caller, next_token: Optional[str]) -> Any:
        # A bad token raises InvalidToken, which the dispatcher answers as InvalidInput.
        return self._tokens.page(
            collection, listing, caller.account_id, next_token, self._settings["support_app_page_size"]
        )
