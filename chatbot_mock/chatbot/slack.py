"""Slack: the workspaces the console authorised and the channel configurations in them."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from chatbot_mock.chatbot.common import ChatbotBackendBase, only
from chatbot_mock.chatbot.models import (
    ChatbotAccount,
    SlackChannelConfiguration,
    SlackWorkspace,
    configuration_arn,
)
from chatbot_mock.store.errors import InvalidInput, NotAllowedNow
from chatbot_mock.store.identity import Caller
from chatbot_mock.store.slack import ChannelKey, authorize_workspace

_KIND = "Slack channel configuration"


class SlackOperations(ChatbotBackendBase):
    # -- console-only step (seeding) ------------------------------------------------------

    def authorize_slack_workspace(self, account_id: str, team_id: str, team_name: str) -> SlackWorkspace:
        """The console's OAuth authorisation; authorising again renames the workspace."""
        workspaces = self._accounts[account_id].workspaces
        return authorize_workspace(workspaces, team_id, team_name, lambda: SlackWorkspace(team_id, team_name))

    # -- workspaces ---------------------------------------------------------------------------

    def describe_slack_workspaces(
        self, caller: Caller, max_results: Optional[int] = None, next_token: Optional[str] = None
    ) -> Dict[str, Any]:
        page, token = self._page(
            "DescribeSlackWorkspaces", self._account(caller).workspaces, caller, next_token, max_results
        )
        return {"SlackWorkspaces": [workspace.wire_form() for workspace in page], "NextToken": token}

    def delete_slack_workspace_authorization(self, caller: Caller, slack_team_id: str) -> None:
        account = self._account(caller)
        if slack_team_id not in account.workspaces:
            return  # idempotent, as on the real service
        configured = account.slack.group_size(slack_team_id)
        if configured:
            # No reference names this refusal's code; the operation's model lists one
            # client error, InvalidParameterException, and that is what it answers.
            raise InvalidInput(
                f"Slack workspace {slack_team_id} still has {configured} configured channel(s) in AWS account "
                f"{caller.account_id}: delete every channel configuration in the workspace before deleting "
                "its authorization"
            )
        account.workspaces.pop(slack_team_id)

    # -- channel configurations -----------------------------------------------------------------

    def create_slack_channel_configuration(
        self,
        caller: Caller,
        slack_team_id: str,
        slack_channel_id: str,
        iam_role_arn: str,
        configuration_name: str,
        slack_channel_name: Optional[str] = None,
        sns_topic_arns: Optional[List[str]] = None,
        logging_level: Optional[str] = None,
        guardrail_policy_arns: Optional[List[str]] = None,
        user_authorization_required: Optional[bool] = None,
        tags: Optional[List[Dict[str, str]]] = None,
    ) -> Dict[str, Any]:
        account = self._account(caller)
        self._check_list_sizes(sns_topic_arns, guardrail_policy_arns)
        new_tags = self._new_tags(tags)
        self._check_name_free(account, caller, configuration_name)
        workspace = account.workspaces.get(slack_team_id)
        if workspace is None:
            # The one refusal that leaves a trace: the real service keeps the name.
            account.reserved_names.add(configuration_name)
            raise NotAllowedNow(
                f"Slack workspace {slack_team_id} is not authorized with AWS account {caller.account_id}: "
                "authorize it in the AWS Chatbot console first"
            )
        channel: ChannelKey = (slack_team_id, slack_channel_id)
        self._check_slack_channel_free(account, caller, channel)
        self._check_configuration_quota(account, caller)
        configuration = SlackChannelConfiguration(
            arn=configuration_arn(
                caller.partition, caller.account_id, SlackChannelConfiguration.KIND, configuration_name
            ),
            configuration_name=configuration_name,
            iam_role_arn=iam_role_arn,
            sns_topic_arns=list(sns_topic_arns or []),
            logging_level=logging_level or "NONE",
            tags=new_tags,
            guardrail_policy_arns=self._guardrails(caller, guardrail_policy_arns),
            user_authorization_required=bool(user_authorization_required),
            workspace=workspace,
            channel_id=slack_channel_id,
            channel_name=slack_channel_name or SlackChannelConfiguration.default_channel_name(slack_channel_id),
        )
        account.slack.put(slack_team_id, configuration.arn, configuration)
        account.slack_channels[channel] = configuration.arn
        account.configuration_names[configuration_name] = configuration.arn
        return {"ChannelConfiguration": configuration.wire_form()}

    def describe_slack_channel_configurations(
        self,
        caller: Caller,
        max_results: Optional[int] = None,
        next_token: Optional[str] = None,
        chat_configuration_arn: Optional[str] = None,
    ) -> Dict[str, Any]:
        account = self._account(caller)
        if chat_configuration_arn is None:
            collection = account.slack.everything
        else:
            collection = only(chat_configuration_arn, account.slack.get(chat_configuration_arn))
        page, token = self._page(
            "DescribeSlackChannelConfigurations", collection, caller, next_token, max_results, chat_configuration_arn
        )
        return {"SlackChannelConfigurations": [c.wire_form() for c in page], "NextToken": token}

    def update_slack_channel_configuration(
        self,
        caller: Caller,
        chat_configuration_arn: str,
        slack_channel_id: str,
        slack_channel_name: Optional[str] = None,
        sns_topic_arns: Optional[List[str]] = None,
        iam_role_arn: Optional[str] = None,
        logging_level: Optional[str] = None,
        guardrail_policy_arns: Optional[List[str]] = None,
        user_authorization_required: Optional[bool] = None,
    ) -> Dict[str, Any]:
        account = self._account(caller)
        # Update operations do not model QuotaExceeded: too long a list is bad input.
        self._check_list_sizes(sns_topic_arns, guardrail_policy_arns)
        configuration = account.slack.get(chat_configuration_arn)
        if configuration is None:
            raise self._not_found(_KIND, chat_configuration_arn, caller)
        return self._update_channel(
            caller,
            configuration,
            account.slack_channels,
            lambda channel: self._check_slack_channel_free(account, caller, channel),
            slack_channel_id,
            slack_channel_name,
            sns_topic_arns=sns_topic_arns,
            iam_role_arn=iam_role_arn,
            logging_level=logging_level,
            guardrail_policy_arns=guardrail_policy_arns,
            user_authorization_required=user_authorization_required,
        )

    def delete_slack_channel_configuration(self, caller: Caller, chat_configuration_arn: str) -> None:
        account = self._account(caller)
        configuration = account.slack.get(chat_configuration_arn)
        if configuration is None:
            raise self._not_found(_KIND, chat_configuration_arn, caller)
        self._forget_configuration(account, configuration)

    @staticmethod
    def _check_slack_channel_free(account: ChatbotAccount, caller: Caller, channel: ChannelKey) -> None:
        if channel in account.slack_channels:
            team_id, channel_id = channel
            raise NotAllowedNow(
                f"Slack channel with ID {channel_id} in Slack team {team_id} has already been configured "
                f"for AWS account {caller.account_id}."
            )
