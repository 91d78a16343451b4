"""Custom actions and their associations with chat configurations."""

from __future__ import annotations

import json
from operator import attrgetter
from typing import Any, Dict, List, Optional

from chatbot_mock.chatbot.common import OperationGroup, listing
from chatbot_mock.chatbot.models import ChatbotAccount, ClientTokenUse, CustomAction, custom_action_arn
from chatbot_mock.core.collection import OrderedCollection
from chatbot_mock.core.identity import Caller
from chatbot_mock.core.records import freeze
from chatbot_mock.core.refusals import Conflict, InvalidInput, NotFound


def _canonical_request(**members: Any) -> str:
    """The request as one comparable text, so a ClientToken replay is recognised
    whatever order its JSON members came in."""
    return json.dumps(members, sort_keys=True, separators=(",", ":"))


def _check_attachments(attachments: Optional[List[Dict[str, Any]]]) -> None:
    """The model marks an attachment's NotificationType optional; the live API refuses an
    attachment without one ("Invalid request body")."""
    for number, attachment in enumerate(attachments or [], start=1):
        if attachment.get("NotificationType") is None:
            raise InvalidInput(f"Invalid request body: attachment {number} has no NotificationType")


class CustomActionOperations(OperationGroup):
    # -- custom actions ---------------------------------------------------------------------

    def create_custom_action(
        self,
        caller: Caller,
        definition: Dict[str, Any],
        action_name: str,
        alias_name: Optional[str] = None,
        attachments: Optional[List[Dict[str, Any]]] = None,
        tags: Optional[List[Dict[str, str]]] = None,
        client_token: Optional[str] = None,
    ) -> Dict[str, Any]:
        _check_attachments(attachments)
        account = self._account(caller)
        request = _canonical_request(
            definition=definition, action_name=action_name, alias_name=alias_name, attachments=attachments, tags=tags
        )
        if client_token is not None:
            used = account.client_tokens.get(client_token)
            if used is not None:
                if used.request == request:
                    return {"CustomActionArn": used.custom_action_arn}  # a retry: same answer, nothing new
                raise Conflict(
                    f"ClientToken {client_token} was already used to create custom action "
                    f"{used.custom_action_arn} with different parameters; use a new token for a new request"
                )
        new_tags = self._new_tags(tags)
        if action_name in account.custom_action_names:
            raise Conflict(
                f"A custom action named {action_name} already exists in AWS account {caller.account_id}"
            )
        self._check_limit(
            "chatbot_custom_actions_per_account",
            len(account.custom_actions) + 1,
            f"Custom actions in AWS account {caller.account_id}",
        )
        action = CustomAction(
            arn=custom_action_arn(caller.partition, caller.account_id, action_name),
            action_name=action_name,
            definition=freeze(definition),
            alias_name=alias_name,
            attachments=freeze(attachments),
            tags=new_tags,
            client_token=client_token,
        )
        account.custom_actions.put(action.arn, action)
        account.custom_action_names[action_name] = action.arn
        if client_token is not None:
            account.client_tokens[client_token] = ClientTokenUse(request, action.arn)
        return {"CustomActionArn": action.arn}

    def get_custom_action(self, caller: Caller, custom_action_arn: str) -> Dict[str, Any]:
        return {"CustomAction": self._custom_action(self._account(caller), caller, custom_action_arn).wire_form()}

    list_custom_actions = listing(
        "ListCustomActions", "CustomActions", lambda account, _: account.custom_actions, answer=attrgetter("arn")
    )

    def update_custom_action(
        self,
        caller: Caller,
        custom_action_arn: str,
        definition: Dict[str, Any],
        alias_name: Optional[str] = None,
        attachments: Optional[List[Dict[str, Any]]] = None,
    ) -> Dict[str, Any]:
        _check_attachments(attachments)
        action = self._custom_action(self._account(caller), caller, custom_action_arn)
        # The update is the whole new action (Definition is required): what it leaves
        # out is gone. ActionName cannot change: it is part of the ARN.
        action.definition = freeze(definition)
        action.alias_name = alias_name
        action.attachments = freeze(attachments)
        return {"CustomActionArn": action.arn}

    def delete_custom_action(self, caller: Caller, custom_action_arn: str) -> None:
        account = self._account(caller)
        action = self._custom_action(account, caller, custom_action_arn)
        for configuration_arn in account.associated_configurations.pop(action.arn, set()):
            self._drop_association(account, configuration_arn, action.arn)
        account.custom_actions.pop(action.arn)
        del account.custom_action_names[action.action_name]
        if action.client_token is not None:
            account.client_tokens.pop(action.client_token, None)

    @staticmethod
    def _custom_action(account: ChatbotAccount, caller: Caller, arn: str) -> CustomAction:
        action = account.custom_actions.get(arn)
        if action is None:
            raise NotFound(
                f"Custom Action Arn {arn} does not exist in AWS account {caller.account_id}!"
            )
        return action

    # -- associations -------------------------------------------------------------------------------

    def associate_to_configuration(self, caller: Caller, resource: str, chat_configuration: str) -> None:
        account = self._account(caller)
        if account.configuration(chat_configuration) is None:
            raise NotFound(f"Channel Arn {chat_configuration} does not exist!")
        action = self._custom_action(account, caller, resource)
        associated = account.associated_with(chat_configuration)
        # Associating again is a no-op: the pair is a set member, not a counted resource.
        associated.put(action.arn, action.arn)
        account.associated_configurations.setdefault(action.arn, set()).add(chat_configuration)

    def disassociate_from_configuration(self, caller: Caller, resource: str, chat_configuration: str) -> None:
        account = self._account(caller)
        associated = account.associations.get(chat_configuration)
        if associated is None or resource not in associated:
            raise NotFound(
                f"Custom action {resource} is not associated with chat configuration {chat_configuration}!"
            )
        self._drop_association(account, chat_configuration, resource)
        configurations = account.associated_configurations[resource]
        configurations.discard(chat_configuration)
        if not configurations:
            del account.associated_configurations[resource]

    # An unknown configuration has no associations: an empty answer, not an error.
    list_associations = listing(
        "ListAssociations",
        "Associations",
        lambda account, arn: account.associations.get(arn or "") or OrderedCollection(),
        filtered_by="chat_configuration",
        answer=lambda arn: {"Resource": arn},
    )

    @staticmethod
    def _drop_association(account: ChatbotAccount, configuration_arn: str, action_arn: str) -> None:
        # An emptied collection stays until its configuration goes, so page tokens
        # issued before it emptied keep their place.
        associated = account.associations.get(configuration_arn)
        if associated is not None:
            associated.pop(action_arn)
