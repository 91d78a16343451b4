"""Tags on chat configurations and custom actions."""

from __future__ import annotations

from typing import Any, Dict, List

from chatbot_mock.chatbot.common import ChatbotBackendBase, tags_from_request
from chatbot_mock.chatbot.exceptions import ResourceNotFoundException, TooManyTagsException
from chatbot_mock.chatbot.models import Tags, tags_to_wire
from chatbot_mock.store.identity import Caller


class TaggingOperations(ChatbotBackendBase):
    def tag_resource(self, caller: Caller, resource_arn: str, tags: List[Dict[str, str]]) -> None:
        given = tags_from_request(tags)
        current = self._tags_of(caller, resource_arn)
        # A key already on the resource takes the new value and keeps its place.
        merged = {**current, **given}
        self._check_limit("chatbot_tags_per_resource", len(merged), f"Tags on {resource_arn}", TooManyTagsException)
        current.update(given)

    def untag_resource(self, caller: Caller, resource_arn: str, tag_keys: List[str]) -> None:
        current = self._tags_of(caller, resource_arn)
        # Keys the resource does not have are ignored, as everywhere in AWS.
        for key in tag_keys:
            current.pop(key, None)

    def list_tags_for_resource(self, caller: Caller, resource_arn: str) -> Dict[str, Any]:
        return {"Tags": tags_to_wire(self._tags_of(caller, resource_arn))}

    def _tags_of(self, caller: Caller, arn: str) -> Tags:
        """The live tag dict of the caller's configuration or custom action ``arn``."""
        account = self._account(caller)
        resource = account.configuration(arn) or account.custom_actions.get(arn)
        if resource is None:
            raise ResourceNotFoundException(
                f"No chat configuration or custom action with ARN {arn} exists in AWS account {caller.account_id}"
            )
        return resource.tags
