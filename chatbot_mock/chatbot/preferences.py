"""AWS Chatbot's account preferences: GetAccountPreferences and UpdateAccountPreferences."""

from __future__ import annotations

from typing import Any, Dict, Optional

from chatbot_mock.chatbot.common import OperationGroup
from chatbot_mock.core.identity import Caller


class AccountPreferenceOperations(OperationGroup):
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
