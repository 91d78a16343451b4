"""AWS Chatbot: the 34 API operations, as plain methods (the console-only steps are in steps.py).

Each API method is named after its operation and takes the caller plus the request's
members as snake_case keywords; it returns the response members by their model names.
Every rule is checked before anything changes, so a refused call leaves no trace (the
one documented exception: see CreateSlackChannelConfiguration in docs/chatbot.md).

The operations are grouped by concern, one module each; this class puts them together.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

from chatbot_mock.chatbot.chime_configurations import ChimeOperations
from chatbot_mock.chatbot.custom_actions import CustomActionOperations
from chatbot_mock.chatbot.deliveries import DeliveryOperations
from chatbot_mock.chatbot.identities import IdentityOperations
from chatbot_mock.chatbot.slack import SlackOperations
from chatbot_mock.chatbot.snapshot import ChatbotSnapshot
from chatbot_mock.chatbot.tagging import TaggingOperations
from chatbot_mock.chatbot.teams import TeamsOperations
from chatbot_mock.core.identity import Caller

#: AWS publishes no numeric Chatbot quotas, so these are generous settings (docs/chatbot.md).
DEFAULT_SETTINGS: Mapping[str, int] = {
    # Slack, Microsoft Teams and Amazon Chime configurations together.
    "chatbot_configurations_per_account": 5000,
    "chatbot_sns_topics_per_configuration": 100,
    "chatbot_guardrail_policies_per_configuration": 50,
    "chatbot_custom_actions_per_account": 1000,
    "chatbot_tags_per_resource": 50,
    # The largest payload a simulated Amazon Chime webhook takes (the Chime guide: 4 KB).
    "chime_webhook_payload_limit_bytes": 4096,
}


class ChatbotBackend(
    SlackOperations,
    TeamsOperations,
    ChimeOperations,
    IdentityOperations,
    CustomActionOperations,
    TaggingOperations,
    ChatbotSnapshot,
    DeliveryOperations,
):
    # -- a glance at the state (for repr) ------------------------------------------------

    def summary(self) -> Dict[str, int]:
        """How many of each kind of resource, over every account that holds any."""
        return self._accounts.summary(
            lambda account: {
                "Slack workspaces": len(account.workspaces),
                "Microsoft Teams teams": len(account.teams),
                "Slack configurations": len(account.slack),
                "Microsoft Teams configurations": len(account.microsoft_teams),
                "Chime configurations": len(account.chime),
                "user identities": len(account.slack_identities) + len(account.teams_identities),
                "custom actions": len(account.custom_actions),
            }
        )

    # -- account preferences ----------------------------------------------------------------

    def get_account_preferences(self, caller: Caller) -> Dict[str, Any]:
        account = self._accounts.peek(caller.account_id)  # reading must not create an account
        if account is None:
            return {"AccountPreferences": _preferences(False, False)}
        return {
            "AccountPreferences": _preferences(
                account.user_authorization_required, account.training_data_collection_enabled
            )
        }

    def update_account_preferences(
        self,
        caller: Caller,
        user_authorization_required: Optional[bool] = None,
        training_data_collection_enabled: Optional[bool] = None,
    ) -> Dict[str, Any]:
        account = self._account(caller)
        if user_authorization_required is not None:
            account.user_authorization_required = user_authorization_required
        if training_data_collection_enabled is not None:
            account.training_data_collection_enabled = training_data_collection_enabled
        return {
            "AccountPreferences": _preferences(
                account.user_authorization_required, account.training_data_collection_enabled
            )
        }


def _preferences(user_authorization_required: bool, training_data_collection_enabled: bool) -> Dict[str, bool]:
    return {
        "UserAuthorizationRequired": user_authorization_required,
        "TrainingDataCollectionEnabled": training_data_collection_enabled,
    }
