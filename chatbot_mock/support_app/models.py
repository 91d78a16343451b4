"""Support App records, per account."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Optional, Set

from chatbot_mock.store import slack
from chatbot_mock.store.collection import OrderedCollection, StampSource, collection_field, make_collections
from chatbot_mock.store.records import Record
from chatbot_mock.store.slack import ChannelKey


@dataclass
class SlackWorkspace(slack.SlackWorkspace):
    #: Set on the management account's copy once registered for its organization.
    allow_organization_member_account: bool = False

    def to_wire(self) -> Dict[str, Any]:
        return {
            "teamId": self.team_id,
            "teamName": self.team_name,
            "allowOrganizationMemberAccount": self.allow_organization_member_account,
        }


@dataclass
class SlackChannelConfiguration(Record):
    team_id: str
    channel_id: str
    channel_role_arn: str
    notify_on_case_severity: str
    channel_name: Optional[str] = None
    notify_on_add_correspondence_to_case: bool = False
    notify_on_create_or_reopen_case: bool = False
    notify_on_resolve_case: bool = False

    def to_wire(self) -> Dict[str, Any]:
        return {
            "teamId": self.team_id,
            "channelId": self.channel_id,
            "channelName": self.channel_name,
            "channelRoleArn": self.channel_role_arn,
            "notifyOnCaseSeverity": self.notify_on_case_severity,
            "notifyOnAddCorrespondenceToCase": self.notify_on_add_correspondence_to_case,
            "notifyOnCreateOrReopenCase": self.notify_on_create_or_reopen_case,
            "notifyOnResolveCase": self.notify_on_resolve_case,
        }


@dataclass
class SupportAppAccount:
    #: The state's creation stamps, which every collection below hands out.
    stamps: StampSource = field(default_factory=StampSource, repr=False)
    workspaces: OrderedCollection[str, SlackWorkspace] = collection_field(OrderedCollection)
    channels: OrderedCollection[ChannelKey, SlackChannelConfiguration] = collection_field(OrderedCollection)
    live_chats: Set[ChannelKey] = field(default_factory=set)
    account_alias: Optional[str] = None

    def __post_init__(self) -> None:
        make_collections(self)
