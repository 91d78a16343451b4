"""Microsoft Teams: the teams the console configured and the channel configurations in them."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from chatbot_mock.chatbot.common import ChatbotBackendBase
from chatbot_mock.chatbot.models import (
    ChannelKey,
    ChatbotAccount,
    ConfiguredTeam,
    TeamsChannelConfiguration,
    configuration_arn,
)
from chatbot_mock.store.errors import InvalidInput, NotAllowedNow, NotFound
from chatbot_mock.store.identity import Caller

_KIND = "Microsoft Teams channel configuration"


class TeamsOperations(ChatbotBackendBase):
    # -- console-only step (seeding) ------------------------------------------------------

    def authorize_microsoft_teams_team(
        self, account_id: str, team_id: str, team_name: str, tenant_id: str
    ) -> ConfiguredTeam:
        """The console's Microsoft Teams authorisation; authorising again updates the team."""
        account = self._accounts[account_id]
        team = account.teams.get(team_id)
        if team is None:
            team = ConfiguredTeam(team_id, team_name, tenant_id)
            account.teams.put(team_id, team)
        else:
            team.team_name = team_name
            team.tenant_id = tenant_id
        return team

    # -- configured teams -------------------------------------------------------------------

    def list_microsoft_teams_configured_teams(
        self, caller: Caller, max_results: Optional[int] = None, next_token: Optional[str] = None
    ) -> Dict[str, Any]:
        page, token = self._page(
            "ListMicrosoftTeamsConfiguredTeams", self._account(caller).teams, caller, next_token, max_results
        )
        return {"ConfiguredTeams": [team.wire_form() for team in page], "NextToken": token}

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
        account = self._account(caller)
        self._check_list_sizes(sns_topic_arns, guardrail_policy_arns)
        new_tags = self._new_tags(tags)
        self._check_name_free(account, caller, configuration_name)
        team = account.teams.get(team_id)
        if team is None:
            raise NotAllowedNow(
                f"The team id you are using is not configured in AWS account {caller.account_id}: "
                f"configure Microsoft Teams team {team_id} in the AWS Chatbot console first"
            )
        if team.tenant_id != tenant_id:
            raise NotAllowedNow(
                f"The team id you are using is not configured for tenant {tenant_id}: Microsoft Teams team "
                f"{team_id} belongs to tenant {team.tenant_id}"
            )
        channel: ChannelKey = (team_id, channel_id)
        self._check_teams_channel_free(account, caller, channel)
        self._check_configuration_quota(account, caller)
        configuration = TeamsChannelConfiguration(
            arn=configuration_arn(
                caller.partition, caller.account_id, TeamsChannelConfiguration.KIND, configuration_name
            ),
            configuration_name=configuration_name,
            iam_role_arn=iam_role_arn,
            sns_topic_arns=list(sns_topic_arns or []),
            logging_level=logging_level or "NONE",
            tags=new_tags,
            guardrail_policy_arns=self._guardrails(caller, guardrail_policy_arns),
            user_authorization_required=bool(user_authorization_required),
            team=team,
            channel_id=channel_id,
            channel_name=channel_name,
            team_name=team_name,
        )
        account.microsoft_teams.put(team_id, configuration.arn, configuration)
        account.teams_channels[channel] = configuration.arn
        account.configuration_names[configuration_name] = configuration.arn
        return {"ChannelConfiguration": configuration.wire_form()}

    def get_microsoft_teams_channel_configuration(self, caller: Caller, chat_configuration_arn: str) -> Dict[str, Any]:
        configuration = self._teams_configuration(caller, chat_configuration_arn)
        return {"ChannelConfiguration": configuration.wire_form()}

    def list_microsoft_teams_channel_configurations(
        self,
        caller: Caller,
        max_results: Optional[int] = None,
        next_token: Optional[str] = None,
        team_id: Optional[str] = None,
    ) -> Dict[str, Any]:
        configurations = self._account(caller).microsoft_teams
        collection = configurations.everything if team_id is None else configurations.group(team_id)
        page, token = self._page(
            "ListMicrosoftTeamsChannelConfigurations", collection, caller, next_token, max_results, team_id
        )
        return {"TeamChannelConfigurations": [c.wire_form() for c in page], "NextToken": token}

    def update_microsoft_teams_channel_configuration(
        self,
        caller: Caller,
        chat_configuration_arn: str,
        channel_id: str,
        channel_name: Optional[str] = None,
        sns_topic_arns: Optional[List[str]] = None,
        iam_role_arn: Optional[str] = None,
        logging_level: Optional[str] = None,
        guardrail_policy_arns: Optional[List[str]] = None,
        user_authorization_required: Optional[bool] = None,
    ) -> Dict[str, Any]:
        account = self._account(caller)
        # Update operations do not model QuotaExceeded: too long a list is bad input.
        self._check_list_sizes(sns_topic_arns, guardrail_policy_arns)
        configuration = self._teams_configuration(caller, chat_configuration_arn)
        return self._update_channel(
            caller,
            configuration,
            account.teams_channels,
            lambda channel: self._check_teams_channel_free(account, caller, channel),
            channel_id,
            channel_name,
            sns_topic_arns=sns_topic_arns,
            iam_role_arn=iam_role_arn,
            logging_level=logging_level,
            guardrail_policy_arns=guardrail_policy_arns,
            user_authorization_required=user_authorization_required,
        )

    def delete_microsoft_teams_channel_configuration(self, caller: Caller, chat_configuration_arn: str) -> None:
        account = self._account(caller)
        configuration = self._teams_configuration(caller, chat_configuration_arn)
        self._forget_configuration(account, configuration)

    def _teams_configuration(self, caller: Caller, arn: str) -> TeamsChannelConfiguration:
        # GetMicrosoftTeamsChannelConfiguration answers NotFound too,
        # although its model does not list it (docs/chatbot.md).
        configuration = self._account(caller).microsoft_teams.get(arn)
        if configuration is None:
            raise self._not_found(_KIND, arn, caller)
        return configuration

    @staticmethod
    def _check_teams_channel_free(account: ChatbotAccount, caller: Caller, channel: ChannelKey) -> None:
        if channel in account.teams_channels:
            team_id, channel_id = channel
            raise NotAllowedNow(
                f"Microsoft Teams channel with ID {channel_id} in team {team_id} has already been configured "
                f"for AWS account {caller.account_id}."
            )
