"""AWS Chatbot's part of a state snapshot: every account's resources as plain JSON, and
back (docs/inspecting.md describes the format)."""

from __future__ import annotations

import copy
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple, Type, Union

from chatbot_mock.chatbot.common import ChatbotBackendBase
from chatbot_mock.chatbot.models import (
    DISABLED,
    ENABLED,
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
from chatbot_mock.store.snapshot import Fields, Keys, SnapshotError, Stamps, stamped


def _common(configuration: ChatConfiguration) -> Dict[str, Any]:
    return {
        "arn": configuration.arn,
        "configuration_name": configuration.configuration_name,
        "iam_role_arn": configuration.iam_role_arn,
        "sns_topic_arns": list(configuration.sns_topic_arns),
        "logging_level": configuration.logging_level,
        "tags": dict(configuration.tags),
        "state": configuration.state,
        "state_reason": configuration.state_reason,
    }


def _channel_configuration(configuration: ChannelConfiguration) -> Dict[str, Any]:
    """Slack and Teams configurations: the common members, their team and channel."""
    return {
        **_common(configuration),
        "team_id": configuration.channel_key[0],
        "channel_id": configuration.channel_id,
        "channel_name": configuration.channel_name,
        "guardrail_policy_arns": list(configuration.guardrail_policy_arns),
        "user_authorization_required": configuration.user_authorization_required,
    }


def _teams_configuration(configuration: TeamsChannelConfiguration) -> Dict[str, Any]:
    # The TeamName the create gave, if any: without one the team's current name shows.
    return {**_channel_configuration(configuration), "team_name": configuration.team_name}


def _chime_configuration(configuration: ChimeWebhookConfiguration) -> Dict[str, Any]:
    return {
        **_common(configuration),
        "webhook_description": configuration.webhook_description,
        "webhook_url": configuration.webhook_url,
    }


def _export_account(account: ChatbotAccount) -> Dict[str, Any]:
    return {
        "slack_workspaces": stamped(account.workspaces, lambda w: {"team_id": w.team_id, "team_name": w.team_name}),
        "teams": stamped(
            account.teams, lambda t: {"team_id": t.team_id, "team_name": t.team_name, "tenant_id": t.tenant_id}
        ),
        "slack_channels": stamped(
            account.slack_channel_directory,
            lambda c: {
                "team_id": c.team_id,
                "channel_id": c.channel_id,
                "channel_name": c.channel_name,
                "private": c.private,
            },
        ),
        "slack_configurations": stamped(account.slack.everything, _channel_configuration),
        "teams_configurations": stamped(account.microsoft_teams.everything, _teams_configuration),
        "chime_configurations": stamped(account.chime, _chime_configuration),
        "slack_user_identities": stamped(
            account.slack_identities.everything,
            lambda i: {
                "chat_configuration_arn": i.configuration.arn,
                "slack_user_id": i.slack_user_id,
                "iam_role_arn": i.iam_role_arn,
                "aws_user_identity": i.aws_user_identity,
            },
        ),
        "teams_user_identities": stamped(
            account.teams_identities.everything,
            lambda i: {
                "chat_configuration_arn": i.configuration.arn,
                "user_id": i.user_id,
                "iam_role_arn": i.iam_role_arn,
                "aws_user_identity": i.aws_user_identity,
            },
        ),
        "custom_actions": stamped(
            account.custom_actions,
            lambda a: {
                "arn": a.arn,
                "action_name": a.action_name,
                # Copies: what the caller does with a snapshot must not reach the state.
                "definition": copy.deepcopy(a.definition),
                "alias_name": a.alias_name,
                "attachments": copy.deepcopy(a.attachments),
                "tags": dict(a.tags),
                "client_token": a.client_token,
            },
        ),
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


class ChatbotSnapshot(ChatbotBackendBase):
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
            for what, index, shape, wire in _wire_forms(account):
                found = problems(shape, wire)
                if found:
                    raise SnapshotError(f"{place}.{what}[{index}]: {'; '.join(found)}")
            for index, channel in enumerate(account.slack_channel_directory):
                wire = {"SlackTeamId": channel.team_id, "SlackChannelId": channel.channel_id,
                        "SlackChannelName": channel.channel_name}
                found = problems("SlackChannelConfiguration", wire, partial=True)
                if found:
                    raise SnapshotError(f"{place}.slack_channels[{index}]: {'; '.join(found)}")
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


def _wire_forms(account: ChatbotAccount) -> Iterator[Tuple[str, int, str, Dict[str, Any]]]:
    """(list, index, model shape, wire form) of every record of an account. The two
    places the service departs from botocore's model are filled in for the check: a
    configuration without a SlackChannelName, and a team's name (the model gives TeamName
    a team id's pattern)."""
    for index, workspace in enumerate(account.workspaces):
        yield "slack_workspaces", index, "SlackWorkspace", workspace.to_wire()
    for index, team in enumerate(account.teams):
        yield "teams", index, "ConfiguredTeam", {**team.to_wire(), "TeamName": team.team_id}
    for index, slack in enumerate(account.slack):
        yield "slack_configurations", index, "SlackChannelConfiguration", {
            **slack.to_wire(), "SlackChannelName": slack.channel_name or "-"}
    for index, teams in enumerate(account.microsoft_teams):
        yield "teams_configurations", index, "TeamsChannelConfiguration", teams.to_wire()
    for index, chime in enumerate(account.chime):
        yield "chime_configurations", index, "ChimeWebhookConfiguration", chime.to_wire()
    for index, slack_identity in enumerate(account.slack_identities):
        yield "slack_user_identities", index, "SlackUserIdentity", slack_identity.to_wire()
    for index, teams_identity in enumerate(account.teams_identities):
        yield "teams_user_identities", index, "TeamsUserIdentity", teams_identity.to_wire()
    for index, action in enumerate(account.custom_actions):
        yield "custom_actions", index, "CustomAction", action.to_wire()


def _check_arn(item: Fields, arn: str, account_id: str, resource: str) -> None:
    """An ARN names the account it is kept in, and the resource it is kept as."""
    parts = arn.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn" or parts[2] != "chatbot" or parts[4] != account_id or parts[5] != resource:
        raise SnapshotError(f"{item.where}.arn must be arn:<partition>:chatbot::{account_id}:{resource}, not {arn!r}")


class _Restorer:
    """One account's resources. Each is read (and checked) at once, and put in its
    collections once every stamp is known, in creation order, so what it refers to (a
    configuration's workspace, an identity's configuration) is in place first."""

    def __init__(self, account_id: str, account: ChatbotAccount, fields: Fields, stamps: Stamps) -> None:
        self.account_id = account_id
        self.account = account
        self.fields = fields
        self.stamps = stamps

    def run(self) -> None:
        account, fields, later = self.account, self.fields, self.stamps.later
        once = Keys("Slack workspace").once
        for item in fields.objects("slack_workspaces"):
            workspace = SlackWorkspace(item.text("team_id"), item.text("team_name"))
            once(workspace.team_id, item)
            later(item, account.workspaces.put, workspace.team_id, workspace)
            item.finish()
        once = Keys("team").once
        for item in fields.objects("teams"):
            team = ConfiguredTeam(item.text("team_id"), item.text("team_name"), item.text("tenant_id"))
            once(team.team_id, item)
            later(item, account.teams.put, team.team_id, team)
            item.finish()
        once = Keys("Slack channel").once
        for item in fields.objects("slack_channels"):
            channel = SlackChannel(
                item.text("team_id"), item.text("channel_id"), item.text("channel_name"), item.flag("private")
            )
            once((channel.team_id, channel.channel_id), item)
            later(item, account.slack_channel_directory.put, (channel.team_id, channel.channel_id), channel)
            item.finish()
        arns = Keys("chat configuration with the ARN").once
        for item in fields.objects("slack_configurations"):
            members = self._channel_members(item, SlackChannelConfiguration.KIND)
            arns(members["arn"], item)
            later(item, self._put_channel, item, SlackChannelConfiguration, item.text("team_id"), members)
        for item in fields.objects("teams_configurations"):
            members = {
                **self._channel_members(item, TeamsChannelConfiguration.KIND),
                "team_name": item.optional_text("team_name"),
            }
            arns(members["arn"], item)
            later(item, self._put_channel, item, TeamsChannelConfiguration, item.text("team_id"), members)
        for item in fields.objects("chime_configurations"):
            configuration = ChimeWebhookConfiguration(
                **self._common(item, ChimeWebhookConfiguration.KIND),
                webhook_description=item.text("webhook_description"),
                webhook_url=item.text("webhook_url"),
            )
            arns(configuration.arn, item)
            self._enablement(item, configuration)
            later(item, self._add, item, configuration)
            item.finish()
        identity_kinds = (
            ("slack_user_identities", "slack_user_id", "Slack user identity", SlackUserIdentity),
            ("teams_user_identities", "user_id", "Microsoft Teams user identity", TeamsUserIdentity),
        )
        for list_name, user_member, what, kind in identity_kinds:
            once = Keys(what).once
            for item in fields.objects(list_name):
                identity = self._identity_members(item, user_member)
                once(identity[:2], item)
                later(item, self._put_identity, item, kind, *identity)
                item.finish()
        once = Keys("custom action with the ARN").once
        for item in fields.objects("custom_actions"):
            action = self._custom_action(item)
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

    # -- reading ---------------------------------------------------------------------------------

    def _common(self, item: Fields, kind: str) -> Dict[str, Any]:
        arn, name = item.text("arn"), item.text("configuration_name")
        _check_arn(item, arn, self.account_id, f"chat-configuration/{kind}/{name}")
        return {
            "arn": arn,
            "configuration_name": name,
            "iam_role_arn": item.text("iam_role_arn"),
            "sns_topic_arns": item.texts("sns_topic_arns"),
            "logging_level": item.optional_text("logging_level") or "NONE",
            "tags": item.text_mapping("tags"),
        }

    def _channel_members(self, item: Fields, kind: str) -> Dict[str, Any]:
        return {
            **self._common(item, kind),
            "channel_id": item.text("channel_id"),
            "channel_name": item.optional_text("channel_name"),
            "guardrail_policy_arns": item.texts("guardrail_policy_arns"),
            "user_authorization_required": item.flag("user_authorization_required"),
        }

    @staticmethod
    def _enablement(item: Fields, configuration: ChatConfiguration) -> None:
        state = item.optional_text("state") or ENABLED
        reason = item.optional_text("state_reason")
        if state not in (ENABLED, DISABLED) or (state == DISABLED) != (reason is not None):
            raise SnapshotError(f"{item.where}: state must be ENABLED without a state_reason, or DISABLED with one")
        configuration.state, configuration.state_reason = state, reason

    @staticmethod
    def _identity_members(item: Fields, user_member: str) -> Tuple[str, str, str, Optional[str]]:
        return (
            item.text("chat_configuration_arn"),
            item.text(user_member),
            item.text("iam_role_arn"),
            item.optional_text("aws_user_identity"),
        )

    def _custom_action(self, item: Fields) -> CustomAction:
        # Copies: the caller may go on using the document it loaded.
        definition = copy.deepcopy(item.json("definition"))
        attachments = copy.deepcopy(item.json("attachments"))
        if not isinstance(definition, dict):
            raise SnapshotError(f"{item.where}.definition must be an object (a CustomActionDefinition)")
        if attachments is not None and not isinstance(attachments, list):
            raise SnapshotError(f"{item.where}.attachments must be a list or null")
        arn, name = item.text("arn"), item.text("action_name")
        _check_arn(item, arn, self.account_id, f"custom-action/{name}")
        return CustomAction(
            arn=arn,
            action_name=name,
            definition=definition,
            alias_name=item.optional_text("alias_name"),
            attachments=attachments,
            tags=item.text_mapping("tags"),
            client_token=item.optional_text("client_token"),
        )

    # -- putting back, in creation order ------------------------------------------------------------

    def _put_channel(
        self, item: Fields, kind: Type[ChannelConfiguration], team_id: str, members: Dict[str, Any], stamp: int
    ) -> None:
        """A Slack configuration shares its workspace's record, a Teams one its team's."""
        if kind is SlackChannelConfiguration:
            owner: Any = self.account.workspaces.get(team_id)
            owner_member, where = "workspace", f"Slack workspace {team_id} is not among the slack_workspaces"
        else:
            owner = self.account.teams.get(team_id)
            owner_member, where = "team", f"team {team_id} is not among the teams"
        if owner is None:
            raise SnapshotError(f"{item.where}: {where}")
        configuration = kind(**members, **{owner_member: owner})
        self._enablement(item, configuration)
        item.finish()
        self._add(item, configuration, stamp)

    def _add(self, item: Fields, configuration: ChatConfiguration, stamp: int) -> None:
        account = self.account
        if configuration.configuration_name in account.configuration_names:
            raise SnapshotError(f"{item.where}: a second configuration named {configuration.configuration_name}")
        if isinstance(configuration, ChannelConfiguration) and configuration.channel_key in account.channels_of(
            type(configuration)
        ):
            raise SnapshotError(f"{item.where}: a second configuration for channel {configuration.channel_id}")
        account.add_configuration(configuration, stamp)

    def _put_identity(
        self,
        item: Fields,
        kind: Type[Union[SlackUserIdentity, TeamsUserIdentity]],
        arn: str,
        user_id: str,
        role: str,
        aws_user_identity: Optional[str],
        stamp: int,
    ) -> None:
        """A user identity hangs off a configuration of its platform, in the account."""
        slack = kind is SlackUserIdentity
        configuration = (self.account.slack if slack else self.account.microsoft_teams).get(arn)
        if configuration is None:
            platform = "Slack" if slack else "Microsoft Teams"
            raise SnapshotError(f"{item.where}: no {platform} configuration has the ARN {arn}")
        identity = kind(configuration, user_id, role, aws_user_identity)  # type: ignore[arg-type]
        identities: Any = self.account.slack_identities if slack else self.account.teams_identities
        identities.put(arn, identity.key, identity, stamp)

    def _put_custom_action(self, action: CustomAction, stamp: int) -> None:
        self.account.custom_actions.put(action.arn, action, stamp)
        self.account.custom_action_names[action.action_name] = action.arn

    def _associate(self, configuration_arn: str, action_arn: str, stamp: int) -> None:
        associated = self.account.associated_with(configuration_arn)
        associated.put(action_arn, action_arn, stamp)
        self.account.associated_configurations.setdefault(action_arn, set()).add(configuration_arn)
