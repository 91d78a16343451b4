"""Support App records, per account."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Set

from chatbot_mock.core import slack
from chatbot_mock.core.collection import OrderedCollection, StampSource, collection_field, make_collections
from chatbot_mock.core.records import Record, member
from chatbot_mock.core.slack import ChannelKey


@dataclass
class SlackWorkspace(slack.SlackWorkspace):
    shows = {"teamId": "team_id", "teamName": "team_name"}

    #: Set on the management account's copy once registered for its organization.
    allow_organization_member_account: bool = member("allowOrganizationMemberAccount", default=False)


@dataclass
class SlackChannelConfiguration(Record):
    team_id: str = member("teamId")
    channel_id: str = member("channelId")
    channel_name: Optional[str] = member("channelName")
    channel_role_arn: str = member("channelRoleArn")
    notify_on_case_severity: str = member("notifyOnCaseSeverity")
    notify_on_add_correspondence_to_case: bool = member("notifyOnAddCorrespondenceToCase", default=False)
    notify_on_create_or_reopen_case: bool = member("notifyOnCreateOrReopenCase", default=False)
    notify_on_resolve_case: bool = member("notifyOnResolveCase", default=False)


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
