"""AWS Chatbot's part of a state snapshot: every account's resources as plain JSON, and
back (docs/inspecting.md describes the format)."""

from __future__ import annotations

from operator import attrgetter
from typing import Any, Callable, Dict, List, Tuple, Type, TypeVar

from chatbot_mock.chatbot.common import ChatbotStore
from chatbot_mock.chatbot.models import (
    DISABLED,
    ChannelConfiguration,
    ChatbotAccount,
    ChatConfiguration,
    ChimeWebhookConfiguration,
    ClientTokenUse,
    ConfiguredTeam,
    CustomAction,
    SlackChannel,
    SlackChannelConfiguration,
    SlackUserIdentity,
    SlackWorkspace,
    TeamsChannelConfiguration,
    TeamsUserIdentity,
)
from chatbot_mock.core.collection import OrderedCollection
from chatbot_mock.core.records import Record, thaw
from chatbot_mock.core.snapshot import Fields, Keys, SnapshotError, Stamps, export_record, read_record, stamped

R = TypeVar("R", bound=Record)

#: Each list of records in an account's snapshot: its name, the kind of record, and
#: where the account keeps them. A record's members are its fields (core/snapshot.py).
_RECORDS: Tuple[Tuple[str, Type[Record], Callable[[ChatbotAccount], OrderedCollection[Any, Any]]], ...] = (
    ("slack_workspaces", SlackWorkspace, attrgetter("workspaces")),
    ("teams", ConfiguredTeam, attrgetter("teams")),
    ("slack_channels", SlackChannel, attrgetter("slack_channel_directory")),
    ("slack_configurations", SlackChannelConfiguration, attrgetter("slack.everything")),
    ("teams_configurations", TeamsChannelConfiguration, attrgetter("microsoft_teams.everything")),
    ("chime_configurations", ChimeWebhookConfiguration, attrgetter("chime")),
    ("slack_user_identities", SlackUserIdentity, attrgetter("slack_identities.everything")),
    ("teams_user_identities", TeamsUserIdentity, attrgetter("teams_identities.everything")),
    ("custom_actions", CustomAction, attrgetter("custom_actions")),
)


#: (kind of record, field) -> the kind of record the field refers to, and what a snapshot
#: naming one that is not there is told.
_REFERENCES: Dict[Tuple[type, str], Tuple[type, str]] = {
    (SlackChannelConfiguration, "team"): (SlackWorkspace, "Slack workspace {} is not among the slack_workspaces"),
    (TeamsChannelConfiguration, "team"): (ConfiguredTeam, "team {} is not among the teams"),
    (SlackUserIdentity, "configuration"): (SlackChannelConfiguration, "no Slack configuration has the ARN {}"),
    (TeamsUserIdentity, "configuration"): (
        TeamsChannelConfiguration, "no Microsoft Teams configuration has the ARN {}"),
}


#: Each kind of configuration and its list.
_KINDS: Tuple[Tuple[Type[ChatConfiguration], str], ...] = (
    (SlackChannelConfiguration, "slack_configurations"),
    (TeamsChannelConfiguration, "teams_configurations"),
    (ChimeWebhookConfiguration, "chime_configurations"),
)


def _export_account(account: ChatbotAccount) -> Dict[str, Any]:
    return {
        **{name: stamped(records(account), export_record) for name, _, records in _RECORDS},
        "client_tokens": [
            {"client_token": token, "request": use.request, "custom_action_arn": use.custom_action_arn}
            for token, use in account.client_tokens.items()
        ],
        "associations": [
            {"order": stamp, "chat_configuration_arn": configuration_arn, "custom_action_arn": action_arn}
            for configuration_arn, associated in account.associations.items()
            for stamp, action_arn, _ in associated.stamped()
        ],
        "reserved_names": sorted(account.reserved_names),
        "user_authorization_required": account.user_authorization_required,
        "training_data_collection_enabled": account.training_data_collection_enabled,
    }


class ChatbotSnapshot:
    """The store's accounts as plain JSON, and back."""

    def __init__(self, store: ChatbotStore) -> None:
        self._accounts = store.accounts

    def export_account(self, account_id: str) -> Dict[str, Any]:
        """One account as plain JSON (empty lists for an account that holds nothing)."""
        return _export_account(self._accounts.peek(account_id) or ChatbotAccount())

    def quota_use(self, account_id: str) -> Dict[str, int]:
        """How much of each per-account quota setting the account uses."""
        account = self._accounts.peek(account_id) or ChatbotAccount()
        return {
            "chatbot_configurations_per_account": account.configuration_count,
            "chatbot_custom_actions_per_account": len(account.custom_actions),
        }

    def export_state(self) -> Dict[str, Any]:
        """Every account that holds anything, as plain JSON."""
        accounts = {account_id: _export_account(account) for account_id, account in self._accounts.items()}
        return {"accounts": {account_id: data for account_id, data in accounts.items() if any(data.values())}}

    def restore_state(self, fields: Fields, stamps: Stamps) -> None:
        """Bring back what :meth:`export_state` wrote (into a backend that holds nothing)."""
        for account_id, account_fields in fields.accounts():
            _Restorer(account_id, self._accounts[account_id], account_fields, stamps).run()
        fields.finish()

    def check_restored(self, where: str, problems: Callable[..., List[str]]) -> None:
        """After a restore: every record inside its model shape (``problems(shape name,
        wire form)``), and every reference to something that exists."""
        for account_id, account in self._accounts.items():
            place = f"{where}.accounts.{account_id}"
            for name, _, records in _RECORDS:
                for index, record in enumerate(records(account)):
                    found = _problems(record, problems)
                    if found:
                        raise SnapshotError(f"{place}.{name}[{index}]: {'; '.join(found)}")
            for configuration_arn, associated in account.associations.items():
                for action_arn in associated:
                    if account.configuration(configuration_arn) is None or action_arn not in account.custom_actions:
                        raise SnapshotError(
                            f"{place}.associations: {configuration_arn} and {action_arn} must both be in the account"
                        )
            for token, use in account.client_tokens.items():
                action = account.custom_actions.get(use.custom_action_arn)
                if action is None or action.client_token != token:
                    raise SnapshotError(
                        f"{place}.client_tokens: {token} names {use.custom_action_arn}, which is not a custom action "
                        "of the account made with that token"
                    )


def _problems(record: Record, problems: Callable[..., List[str]]) -> List[str]:
    """What in a record breaks the model: its answer against the shape of its name, and
    the one rule no shape says (DISABLED with a reason, ENABLED without). Where the
    service departs from botocore's model, the check follows the service: a Slack channel
    is no answer of its own (its members are what a configuration shows of it), a
    configuration may lack a SlackChannelName, and a team's name is no team id (the
    model gives TeamName a team id's pattern)."""
    wire: Dict[str, Any] = thaw(record.to_wire())
    if isinstance(record, SlackChannel):
        return problems("SlackChannelConfiguration", wire, partial=True)
    if isinstance(record, ConfiguredTeam):
        wire["TeamName"] = record.team_id
    elif isinstance(record, SlackChannelConfiguration):
        wire["SlackChannelName"] = record.channel_name or "-"
    found: List[str] = problems(type(record).__name__, wire)
    if isinstance(record, ChatConfiguration) and (record.state == DISABLED) != (record.state_reason is not None):
        found.append("state must be ENABLED without a state_reason, or DISABLED with one")
    return found


def _check_arn(item: Fields, arn: str, account_id: str, resource: str) -> None:
    """An ARN names the account it is kept in, and the resource it is kept as."""
    parts = arn.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn" or parts[2] != "chatbot" or parts[4] != account_id or parts[5] != resource:
        raise SnapshotError(f"{item.where}.arn must be arn:<partition>:chatbot::{account_id}:{resource}, not {arn!r}")


class _Restorer:
    """One account's resources. Each is read (and checked) at once, and put in its
    collections once every stamp is known, in creation order."""

    def __init__(self, account_id: str, account: ChatbotAccount, fields: Fields, stamps: Stamps) -> None:
        self.account_id = account_id
        self.account = account
        self.fields = fields
        self.stamps = stamps
        #: What references resolve to: the records read so far, by kind and key.
        self.read: Dict[type, Dict[str, Record]] = {
            kind: {} for kind in (SlackWorkspace, ConfiguredTeam, *(kind for kind, _ in _KINDS))}

    def run(self) -> None:
        account, fields, later = self.account, self.fields, self.stamps.later
        teams: Tuple[Tuple[str, str, Type[Any], OrderedCollection[str, Any]], ...] = (
            ("slack_workspaces", "Slack workspace", SlackWorkspace, account.workspaces),
            ("teams", "team", ConfiguredTeam, account.teams),
        )
        for list_name, what, team_kind, collection in teams:
            once = Keys(what).once
            for item in fields.objects(list_name):
                team = self._read(team_kind, item)
                once(team.team_id, item)
                self.read[team_kind][team.team_id] = team
                later(item, collection.put, team.team_id, team)
                item.finish()
        once = Keys("Slack channel").once
        for item in fields.objects("slack_channels"):
            channel = self._read(SlackChannel, item)
            once((channel.team_id, channel.channel_id), item)
            later(item, account.slack_channel_directory.put, (channel.team_id, channel.channel_id), channel)
            item.finish()
        once = Keys("chat configuration with the ARN").once
        for kind, list_name in _KINDS:
            for item in fields.objects(list_name):
                configuration = self._read(kind, item)
                _check_arn(item, configuration.arn, self.account_id,
                           f"chat-configuration/{kind.KIND}/{configuration.configuration_name}")
                once(configuration.arn, item)
                self.read[kind][configuration.arn] = configuration
                later(item, self._add, item, configuration)
                item.finish()
        identity_kinds = (
            ("slack_user_identities", "Slack user identity", SlackUserIdentity, attrgetter("slack_identities")),
            ("teams_user_identities", "Microsoft Teams user identity", TeamsUserIdentity,
             attrgetter("teams_identities")),
        )
        for list_name, what, identity_kind, identities in identity_kinds:
            once = Keys(what).once
            for item in fields.objects(list_name):
                identity: Any = self._read(identity_kind, item)
                once(identity.key, item)
                later(item, identities(account).put, identity.configuration.arn, identity.key, identity)
                item.finish()
        once = Keys("custom action with the ARN").once
        for item in fields.objects("custom_actions"):
            action = self._read(CustomAction, item)
            _check_arn(item, action.arn, self.account_id, f"custom-action/{action.action_name}")
            once(action.arn, item)
            later(item, self._put_custom_action, action)
            item.finish()
        once = Keys("client token").once
        for item in fields.objects("client_tokens"):
            use = ClientTokenUse(item.text("request"), item.text("custom_action_arn"))
            once(item.text("client_token"), item)
            account.client_tokens[item.text("client_token")] = use
            item.finish()
        once = Keys("association").once
        for item in fields.objects("associations"):
            pair = (item.text("chat_configuration_arn"), item.text("custom_action_arn"))
            once(pair, item)
            later(item, self._associate, *pair)
            item.finish()
        account.reserved_names.update(fields.texts("reserved_names"))
        account.user_authorization_required = fields.flag("user_authorization_required")
        account.training_data_collection_enabled = fields.flag("training_data_collection_enabled")
        fields.finish()

    def _read(self, kind: Type[R], item: Fields) -> R:
        return read_record(kind, item, self._find)

    def _find(self, item: Fields, kind: type, field: str, key: str) -> Record:
        """The record a ``kind`` record's ``field`` names, among those read so far."""
        target, dangling = _REFERENCES[(kind, field)]
        found = self.read[target].get(key)
        if found is None:
            raise SnapshotError(f"{item.where}: {dangling.format(key)}")
        return found

    # -- putting back, in creation order ------------------------------------------------------------

    def _add(self, item: Fields, configuration: ChatConfiguration, stamp: int) -> None:
        account = self.account
        if configuration.configuration_name in account.configuration_names:
            raise SnapshotError(f"{item.where}: a second configuration named {configuration.configuration_name}")
        if isinstance(configuration, ChannelConfiguration) and configuration.channel_key in account.channels_of(
            type(configuration)
        ):
            raise SnapshotError(f"{item.where}: a second configuration for channel {configuration.channel_id}")
        account.add_configuration(configuration, stamp)

    def _put_custom_action(self, action: CustomAction, stamp: int) -> None:
        self.account.custom_actions.put(action.arn, action, stamp)
        self.account.custom_action_names[action.action_name] = action.arn

    def _associate(self, configuration_arn: str, action_arn: str, stamp: int) -> None:
        self.account.associated_with(configuration_arn).put(action_arn, action_arn, stamp)
        self.account.associated_configurations.setdefault(action_arn, set()).add(configuration_arn)
