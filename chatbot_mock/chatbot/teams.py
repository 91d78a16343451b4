"""Microsoft Teams: the teams the console configured and the channel configurations in them."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from chatbot_mock.chatbot.common import listing
from chatbot_mock.chatbot.configurations import ConfigurationOperations
from chatbot_mock.chatbot.models import TeamsChannelConfiguration
from chatbot_mock.core.identity import Caller
from chatbot_mock.core.refusals import InvalidInput, NotAllowedNow, NotFound, console_first

_KIND = TeamsChannelConfiguration


class TeamsOperations(ConfigurationOperations):
    # -- configured teams -------------------------------------------------------------------

    list_microsoft_teams_configured_teams = listing(
        "ListMicrosoftTeamsConfiguredTeams", "ConfiguredTeams", lambda account, _: account.teams
    )

    def delete_microsoft_teams_configured_team(self, caller: Caller, team_id: str) -> None:
        account = self._account(caller)
        if team_id not in account.teams:
            raise NotFound(
                f"No Team found for the team id {team_id} in AWS account {caller.account_id}"
            )
        configured = account.microsoft_teams.group_size(team_id)
        if configured:
            # No reference names this refusal's code; the operation's model lists one
            # client error, InvalidParameterException, and that is what it answers. (An
            # unknown team answers NotFound above, which the model does
            # not list but the real service answers: service-facts.md.)
            raise InvalidInput(
                f"Microsoft Teams team {team_id} still has {configured} configured channel(s) in AWS account "
                f"{caller.account_id}: delete every channel configuration of the team before removing the team"
            )
        account.teams.pop(team_id)

    # -- channel configurations -----------------------------------------------------------------

    def create_microsoft_teams_channel_configuration(
        self,
        caller: Caller,
        channel_id: str,
        team_id: str,
        tenant_id: str,
        iam_role_arn: str,
        configuration_name: str,
        channel_name: Optional[str] = None,
        team_name: Optional[str] = None,
        sns_topic_arns: Optional[List[str]] = None,
        logging_level: Optional[str] = None,
        guardrail_policy_arns: Optional[List[str]] = None,
        user_authorization_required: Optional[bool] = None,
        tags: Optional[List[Dict[str, str]]] = None,
    ) -> Dict[str, Any]:
        account, new_tags = self._check_new_configuration(
            caller, configuration_name, sns_topic_arns, guardrail_policy_arns, tags
        )
        team = account.teams.get(team_id)
        if team is None:
            step = f"m.chatbot.authorize_teams_team({team_id!r}, '<team name>', {tenant_id!r}, "
            step += f"account_id={caller.account_id!r})"
            raise NotAllowedNow(
                f"The team id you are using is not configured in AWS account {caller.account_id}",
                advice=console_first("Configure the team", "AWS Chatbot", step),
            )
        if team.tenant_id != tenant_id:
            raise NotAllowedNow(
                f"The team id you are using is not configured for tenant {tenant_id}",
                advice=f"Microsoft Teams team {team_id} was configured in tenant {team.tenant_id}.",
            )
        self._check_channel_free(account, caller, _KIND, (team_id, channel_id))
        self._check_configuration_quota(account, caller)
        configuration = TeamsChannelConfiguration(
            *self._common_members(
                caller, _KIND, configuration_name, iam_role_arn, sns_topic_arns, logging_level, new_tags
            ),
            guardrail_policy_arns=self._guardrails(caller, guardrail_policy_arns),
            user_authorization_required=bool(user_authorization_required),
            team=team,
            channel_id=channel_id,
            channel_name=channel_name,
            team_name=team_name,
        )
        return {"ChannelConfiguration": self._remember(account, configuration)}

    def get_microsoft_teams_channel_configuration(self, caller: Caller, chat_configuration_arn: str) -> Dict[str, Any]:
        # Answers NotFound, although its model does not list it (docs/chatbot.md).
        return {"ChannelConfiguration": self._configuration(caller, _KIND, chat_configuration_arn).wire_form()}

    list_microsoft_teams_channel_configurations = listing(
        "ListMicrosoftTeamsChannelConfigurations",
        "TeamChannelConfigurations",
        lambda account, team_id: account.microsoft_teams.of_group(team_id),
        filtered_by="team_id",
    )

    def update_microsoft_teams_channel_configuration(
        self,
        caller: Caller,
        chat_configuration_arn: str,
        channel_id: str,
        channel_name: Optional[str] = None,
        **changes: Any,
    ) -> Dict[str, Any]:
        """``changes``: the members every channel configuration has (see ``_update_channel``)."""
        return self._update_channel(caller, _KIND, chat_configuration_arn, channel_id, channel_name, **changes)

    def delete_microsoft_teams_channel_configuration(self, caller: Caller, chat_configuration_arn: str) -> None:
        self._delete(caller, _KIND, chat_configuration_arn)
