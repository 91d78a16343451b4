"""Tags on chat configurations and custom actions."""

from __future__ import annotations

from typing import Any, Dict, List, Union

from chatbot_mock.chatbot.common import OperationGroup, tags_from_request
from chatbot_mock.chatbot.models import ChatConfiguration, CustomAction, Tags, tags_to_wire
from chatbot_mock.core.identity import Caller
from chatbot_mock.core.refusals import NotFound


class TaggingOperations(OperationGroup):
    def tag_resource(self, caller: Caller, resource_arn: str, tags: List[Dict[str, str]]) -> None:
        given = tags_from_request(tags)
        resource = self._tagged(caller, resource_arn)
        # A key already on the resource takes the new value and keeps its place.
        merged = Tags({**resource.tags, **given})
        self._check_limit("chatbot_tags_per_resource", len(merged), f"Tags on {resource_arn}")
        resource.tags = merged

    def untag_resource(self, caller: Caller, resource_arn: str, tag_keys: List[str]) -> None:
        resource = self._tagged(caller, resource_arn)
        # Keys the resource does not have are ignored, as everywhere in AWS.
        removed = set(tag_keys)
        resource.tags = Tags({key: value for key, value in resource.tags.items() if key not in removed})

    def list_tags_for_resource(self, caller: Caller, resource_arn: str) -> Dict[str, Any]:
        return {"Tags": tags_to_wire(self._tagged(caller, resource_arn).tags)}

    def _tagged(self, caller: Caller, arn: str) -> Union[ChatConfiguration, CustomAction]:
        """The caller's configuration or custom action ``arn``."""
        account = self._account(caller)
        resource = account.configuration(arn) or account.custom_actions.get(arn)
        if resource is None:
            raise NotFound(
                f"No chat configuration or custom action with ARN {arn} exists in AWS account {caller.account_id}"
            )
        return resource
