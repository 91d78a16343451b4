"""AWS Chatbot: the 34 API operations, as plain methods (the console-only steps are in steps.py).

Each API method is named after its operation and takes the caller plus the request's
members as snake_case keywords; it returns the response members by their model names.
Every rule is checked before anything changes, so a refused call leaves no trace (the
one documented exception: see CreateSlackChannelConfiguration in docs/chatbot.md).

The operations are grouped by concern, one module each, over one store (common.py).
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple, Type

from chatbot_mock.chatbot.chime_configurations import ChimeOperations
from chatbot_mock.chatbot.common import ChatbotStore, OperationGroup
from chatbot_mock.chatbot.custom_actions import CustomActionOperations
from chatbot_mock.chatbot.deliveries import Deliveries, Delivery
from chatbot_mock.chatbot.identities import IdentityOperations
from chatbot_mock.chatbot.models import ChatbotAccount
from chatbot_mock.chatbot.preferences import AccountPreferenceOperations
from chatbot_mock.chatbot.slack import SlackOperations
from chatbot_mock.chatbot.snapshot import ChatbotSnapshot
from chatbot_mock.chatbot.tagging import TaggingOperations
from chatbot_mock.chatbot.teams import TeamsOperations
from chatbot_mock.core.accounts import AccountStore
from chatbot_mock.core.snapshot import Fields, Stamps
from chatbot_mock.service_declaration import SharedStores

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


class ChatbotBackend:
    """One store and the groups of operations over it: a composition, not a class made of
    mixins, so each operation is found in one module and each group sees only the store.

    The operation table (``chatbot_mock/operations.py``) finds each API operation's handler
    in one of :attr:`OPERATION_GROUPS`; the rest of the mock reaches the store through the
    few methods below (the console steps, the deliveries, the snapshot).
    """

    OPERATION_GROUPS: Tuple[Type[OperationGroup], ...] = (
        AccountPreferenceOperations,
        SlackOperations,
        TeamsOperations,
        ChimeOperations,
        IdentityOperations,
        CustomActionOperations,
        TaggingOperations,
    )

    def __init__(self, shared: SharedStores) -> None:
        self.store = ChatbotStore(shared)
        self._groups: Dict[type, OperationGroup] = {group: group(self.store) for group in self.OPERATION_GROUPS}
        self._deliveries = Deliveries(self.store)
        self._snapshot = ChatbotSnapshot(self.store)

    def group(self, kind: type) -> OperationGroup:
        """The instance of one of :attr:`OPERATION_GROUPS` that works on this store."""
        found = self._groups.get(kind)
        if found is None:
            raise KeyError(f"{kind!r} is not one of ChatbotBackend's groups of operations")
        return found

    @property
    def accounts(self) -> AccountStore[ChatbotAccount]:
        """Every account's state: what the console steps (chatbot/steps.py) work on."""
        return self.store.accounts

    # -- deliveries (ChatOps) ----------------------------------------------------------------

    def publish(
        self, topic_arn: str, message: str, subject: Optional[str] = None, message_structure: Optional[str] = None
    ) -> List[Delivery]:
        """Deliver one SNS notification to every subscribed configuration (deliveries.py)."""
        return self._deliveries.publish(topic_arn, message, subject, message_structure)

    @property
    def deliveries(self) -> Tuple[Delivery, ...]:
        return self._deliveries.deliveries

    # -- snapshot and views --------------------------------------------------------------

    def export_account(self, account_id: str) -> Dict[str, Any]:
        return self._snapshot.export_account(account_id)

    def quota_use(self, account_id: str) -> Dict[str, int]:
        return self._snapshot.quota_use(account_id)

    def export_state(self) -> Dict[str, Any]:
        return self._snapshot.export_state()

    def restore_state(self, fields: Fields, stamps: Stamps) -> None:
        self._snapshot.restore_state(fields, stamps)

    def check_restored(self, where: str, problems: Callable[..., List[str]]) -> None:
        self._snapshot.check_restored(where, problems)

    # -- a glance at the state (for repr) ------------------------------------------------

    def summary(self) -> Dict[str, int]:
        """How many of each kind of resource, over every account that holds any."""
        return self.store.accounts.summary(
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
