"""Chat configurations of every kind (Slack, Microsoft Teams, Amazon Chime): what their
creates, updates and deletes share. Each kind's module adds what is its own."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple, Type

from chatbot_mock.chatbot.common import OperationGroup
from chatbot_mock.chatbot.models import (
    ENABLED,
    ChannelConfiguration,
    ChatbotAccount,
    ChatConfiguration,
    Tags,
    administrator_access_arn,
    configuration_arn,
)
from chatbot_mock.core.identity import Caller
from chatbot_mock.core.refusals import Conflict, NotAllowedNow, NotFound
from chatbot_mock.core.slack import ChannelKey


class ConfigurationOperations(OperationGroup):
    # -- create ---------------------------------------------------------------------------

    def _check_new_configuration(
        self,
        caller: Caller,
        configuration_name: str,
        sns_topic_arns: Optional[List[str]],
        guardrail_policy_arns: Optional[List[str]],
        tags: Optional[List[Dict[str, str]]],
    ) -> Tuple[ChatbotAccount, Tags]:
        """What every create checks first; answers the account and the new tags."""
        account = self._account(caller)
        self._check_list_sizes(sns_topic_arns, guardrail_policy_arns)
        new_tags = self._new_tags(tags)
        # Names are unique across Slack, Teams and Chime configurations (docs/chatbot.md).
        if configuration_name in account.configuration_names:
            raise Conflict(
                f"A chat configuration named {configuration_name} already exists in AWS account {caller.account_id}"
            )
        if configuration_name in account.reserved_names:
            raise Conflict(
                f"A chat configuration named {configuration_name} already exists in AWS account {caller.account_id}",
                advice=f"No configuration has the name {configuration_name!r}: an earlier "
                "CreateSlackChannelConfiguration with it failed because its Slack workspace was not authorized, "
                "and AWS keeps such a name reserved. Choose another name, or start from a clean state with "
                "m.reset().",
            )
        return account, new_tags

    @staticmethod
    def _common_members(
        caller: Caller,
        kind: Type[ChatConfiguration],
        configuration_name: str,
        iam_role_arn: str,
        sns_topic_arns: Optional[List[str]],
        logging_level: Optional[str],
        tags: Tags,
    ) -> Tuple[str, str, str, Tuple[str, ...], str, Tags, str, None]:
        """The members every kind of new configuration has, with the service's defaults,
        in the order of ChatConfiguration's fields, which come first in every kind's
        (a tuple to spread, not a dict: a create's record is made without building one)."""
        return (
            configuration_arn(caller.partition, caller.account_id, kind.KIND, configuration_name),
            configuration_name,
            iam_role_arn,
            tuple(sns_topic_arns or ()),
            logging_level or "NONE",
            tags,
            ENABLED,
            None,
        )

    @staticmethod
    def _guardrails(caller: Caller, given: Optional[List[str]]) -> Tuple[str, ...]:
        """AdministratorAccess applies when no guardrail is named (an empty list names none)."""
        return tuple(given) if given else (administrator_access_arn(caller.partition),)

    @staticmethod
    def _remember(account: ChatbotAccount, configuration: ChatConfiguration) -> Dict[str, Any]:
        """Keep a new configuration, once every check passed; answers its wire form."""
        account.add_configuration(configuration)
        return configuration.wire_form()

    # -- checks -------------------------------------------------------------------------------

    def _check_list_sizes(
        self, sns_topic_arns: Optional[List[str]], guardrail_policy_arns: Optional[List[str]]
    ) -> None:
        if sns_topic_arns is not None:
            self._check_limit(
                "chatbot_sns_topics_per_configuration", len(sns_topic_arns), "SNS topics in one configuration"
            )
        if guardrail_policy_arns is not None:
            self._check_limit(
                "chatbot_guardrail_policies_per_configuration",
                len(guardrail_policy_arns),
                "Guardrail policies in one configuration",
            )

    @staticmethod
    def _check_channel_free(
        account: ChatbotAccount, caller: Caller, kind: Type[ChannelConfiguration], channel: ChannelKey
    ) -> None:
        if channel in account.channels_of(kind):
            raise NotAllowedNow(
                f"{kind.describe_channel(channel)} has already been configured for AWS account {caller.account_id}."
            )

    def _check_configuration_quota(self, account: ChatbotAccount, caller: Caller) -> None:
        self._check_limit(
            "chatbot_configurations_per_account",
            account.configuration_count + 1,
            f"Chat configurations (Slack, Microsoft Teams and Amazon Chime together) in AWS account "
            f"{caller.account_id}",
        )

    def _configuration(
        self, caller: Caller, kind: Type[ChatConfiguration], arn: str, account: Optional[ChatbotAccount] = None
    ) -> Any:
        """The caller's configuration of this kind, or NotFound (for Teams' Get too,
        although its model does not list it: docs/chatbot.md). ``account``: the caller's,
        when the operation holds it already."""
        if account is None:
            account = self._account(caller)
        configuration = account.configurations_of(kind).get(arn)
        if configuration is None:
            raise NotFound(f"No {kind.LABEL} with ARN {arn} exists in AWS account {caller.account_id}")
        return configuration

    # -- update -------------------------------------------------------------------------------

    def _update_channel(
        self,
        caller: Caller,
        kind: Type[ChannelConfiguration],
        arn: str,
        channel_id: str,
        channel_name: Optional[str],
        sns_topic_arns: Optional[List[str]] = None,
        iam_role_arn: Optional[str] = None,
        logging_level: Optional[str] = None,
        guardrail_policy_arns: Optional[List[str]] = None,
        user_authorization_required: Optional[bool] = None,
    ) -> Dict[str, Any]:
        """The Slack and Teams update. The channel id is required, so an update may move
        the configuration to another channel of its workspace or team."""
        account = self._account(caller)
        self._check_list_sizes(sns_topic_arns, guardrail_policy_arns)
        configuration: ChannelConfiguration = self._configuration(caller, kind, arn, account)
        old_channel = configuration.channel_key
        new_channel: ChannelKey = (old_channel[0], channel_id)
        moved = new_channel != old_channel
        if moved:
            self._check_channel_free(account, caller, kind, new_channel)
        # Every check passed: change the configuration.
        if moved:
            channels = account.channels_of(kind)
            del channels[old_channel]
            channels[new_channel] = configuration.arn
            configuration.channel_id = channel_id
            # The old channel's name would describe the wrong channel.
            configuration.channel_name = channel_name or account.channel_name_from_chat(kind, new_channel)
        elif channel_name is not None:
            configuration.channel_name = channel_name
        self._apply_common_changes(configuration, sns_topic_arns, iam_role_arn, logging_level)
        if guardrail_policy_arns is not None:
            configuration.guardrail_policy_arns = self._guardrails(caller, guardrail_policy_arns)
        if user_authorization_required is not None:
            configuration.user_authorization_required = user_authorization_required
        return {"ChannelConfiguration": configuration.wire_form()}

    @staticmethod
    def _apply_common_changes(
        configuration: ChatConfiguration,
        sns_topic_arns: Optional[List[str]],
        iam_role_arn: Optional[str],
        logging_level: Optional[str],
    ) -> None:
        """An update keeps the current value of every member it does not give."""
        if sns_topic_arns is not None:
            configuration.sns_topic_arns = tuple(sns_topic_arns)
        if iam_role_arn is not None:
            configuration.iam_role_arn = iam_role_arn
        if logging_level is not None:
            configuration.logging_level = logging_level

    # -- delete -------------------------------------------------------------------------------

    def _delete(self, caller: Caller, kind: Type[ChatConfiguration], arn: str) -> None:
        account = self._account(caller)
        account.remove_configuration(self._configuration(caller, kind, arn, account))
