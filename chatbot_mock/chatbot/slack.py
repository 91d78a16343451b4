"""Slack: the workspaces the console authorised and the channel configurations in them."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from chatbot_mock.chatbot.common import listing, only
from chatbot_mock.chatbot.configurations import ConfigurationOperations
from chatbot_mock.chatbot.models import SlackChannelConfiguration
from chatbot_mock.core.identity import Caller
from chatbot_mock.core.refusals import InvalidInput, NotAllowedNow, console_first

_KIND = SlackChannelConfiguration


class SlackOperations(ConfigurationOperations):
    # -- workspaces ---------------------------------------------------------------------------

    describe_slack_workspaces = listing(
        "DescribeSlackWorkspaces", "SlackWorkspaces", lambda account, _: account.workspaces
    )

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
        account, new_tags = self._check_new_configuration(
            caller, configuration_name, sns_topic_arns, guardrail_policy_arns, tags
        )
        workspace = account.workspaces.get(slack_team_id)
        if workspace is None:
            # The one refusal that leaves a trace: the real service keeps the name.
            account.reserved_names.add(configuration_name)
            raise NotAllowedNow(
                f"AWS Chatbot can't create the configuration because Slack workspace {slack_team_id} "
                f"is not authorized with AWS account {caller.account_id}",
                advice=console_first(
                    "Authorize the workspace",
                    "AWS Chatbot",
                    f"m.chatbot.authorize_slack_workspace({slack_team_id!r}, '<team name>', "
                    f"account_id={caller.account_id!r})",
                )
                + f" As on AWS, this failed create keeps the name {configuration_name!r} reserved in the "
                "account (until m.reset(), or a load_state without it).",
            )
        self._check_channel_free(account, caller, _KIND, (slack_team_id, slack_channel_id))
        self._check_configuration_quota(account, caller)
        configuration = SlackChannelConfiguration(
            *self._common_members(
                caller, _KIND, configuration_name, iam_role_arn, sns_topic_arns, logging_level, new_tags
            ),
            guardrail_policy_arns=self._guardrails(caller, guardrail_policy_arns),
            user_authorization_required=bool(user_authorization_required),
            team=workspace,
            channel_id=slack_channel_id,
            channel_name=slack_channel_name or account.channel_name_from_chat(_KIND, (slack_team_id, slack_channel_id)),
        )
        return {"ChannelConfiguration": self._remember(account, configuration)}

    describe_slack_channel_configurations = listing(
        "DescribeSlackChannelConfigurations",
        "SlackChannelConfigurations",
        lambda account, arn: only(account.slack.everything, arn),
        filtered_by="chat_configuration_arn",
    )

    def update_slack_channel_configuration(
        self,
        caller: Caller,
        chat_configuration_arn: str,
        slack_channel_id: str,
        slack_channel_name: Optional[str] = None,
        **changes: Any,
    ) -> Dict[str, Any]:
        """``changes``: the members every channel configuration has (see ``_update_channel``)."""
        return self._update_channel(
            caller, _KIND, chat_configuration_arn, slack_channel_id, slack_channel_name, **changes
        )

    def delete_slack_channel_configuration(self, caller: Caller, chat_configuration_arn: str) -> None:
        self._delete(caller, _KIND, chat_configuration_arn)
