"""AWS Chatbot records, per account, and the ARNs that name them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Dict, List, Mapping, Optional, Set, Tuple, Type, TypeVar, Union

from chatbot_mock.core import slack
from chatbot_mock.core.collection import OrderedCollection, StampSource, collection_field, make_collections
from chatbot_mock.core.grouped import GroupedCollection
from chatbot_mock.core.records import FrozenDict, JsonList, JsonObject, Record, member
from chatbot_mock.core.slack import ChannelKey

#: Every resource the mock hands out is live as soon as it exists, unless seeding
#: disables a configuration.
ENABLED = "ENABLED"
DISABLED = "DISABLED"

#: (configuration ARN, Slack team id, Slack user id)
SlackIdentityKey = Tuple[str, str, str]
#: (configuration ARN, Microsoft Teams user id)
TeamsIdentityKey = Tuple[str, str]
C = TypeVar("C", bound="ChatConfiguration")

#: Tag key -> value, in the order the keys were first set.
Tags = FrozenDict[str, str]


# -- ARNs ----------------------------------------------------------------------------------


def configuration_arn(partition: str, account_id: str, kind: str, name: str) -> str:
    """Chatbot ARNs carry no region: configurations belong to the account."""
    return f"arn:{partition}:chatbot::{account_id}:chat-configuration/{kind}/{name}"


def custom_action_arn(partition: str, account_id: str, action_name: str) -> str:
    return f"arn:{partition}:chatbot::{account_id}:custom-action/{action_name}"


def administrator_access_arn(partition: str) -> str:
    """The guardrail the service applies when a configuration names none."""
    return f"arn:{partition}:iam::aws:policy/AdministratorAccess"


def account_of(arn: str) -> Optional[str]:
    """The account field of an ARN, or None when the text is not shaped like one."""
    parts = arn.split(":", 5)
    return parts[4] if len(parts) == 6 and parts[0] == "arn" else None


def tags_to_wire(tags: Mapping[str, str]) -> List[Dict[str, str]]:
    return [{"TagKey": key, "TagValue": value} for key, value in tags.items()]


# -- what the console authorises ------------------------------------------------------------


@dataclass
class SlackWorkspace(slack.SlackWorkspace):
    #: The console authorised it, so it is live.
    state: ClassVar[str] = ENABLED
    shows = {"SlackTeamId": "team_id", "SlackTeamName": "team_name", "State": "state"}


@dataclass
class ConfiguredTeam(Record):
    team_id: str = member("TeamId")
    team_name: str = member("TeamName")
    tenant_id: str = member("TenantId")

    state: ClassVar[str] = ENABLED
    shows = {"State": "state"}


@dataclass
class SlackChannel(Record):
    """A channel as Slack describes it to the service: seeded, since only Slack knows it.

    The real service asks Slack for a channel's name; Slack names a public channel, but
    not a private one the AWS Chatbot app was not invited to. No answer shows it whole:
    its answer is what a configuration in the channel shows of it (checked on restore).
    """

    team_id: str = member("SlackTeamId")
    channel_id: str = member("SlackChannelId")
    channel_name: str = member("SlackChannelName")
    private: bool = member(default=False)

    @property
    def told_name(self) -> Optional[str]:
        """The name Slack tells the service, if any."""
        return None if self.private else self.channel_name


# -- chat configurations --------------------------------------------------------------------


@dataclass
class ChatConfiguration(Record):
    """What the three kinds of configuration share (each answers its own wire shape)."""

    #: The kind's part of its ARNs, and how messages name it.
    KIND: ClassVar[str] = ""
    LABEL: ClassVar[str] = ""

    arn: str = member("ChatConfigurationArn")
    configuration_name: str = member("ConfigurationName")
    iam_role_arn: str = member("IamRoleArn")
    sns_topic_arns: Tuple[str, ...] = member("SnsTopicArns")
    logging_level: str = member("LoggingLevel", when_missing="NONE")
    tags: Tags = member("Tags", tags_to_wire)
    #: ENABLED, or DISABLED with a reason when an organization's chat-applications policy
    #: denies the configuration: only seeding changes it (``m.chatbot.set_configuration_state``).
    state: str = member("State", when_missing=ENABLED)
    state_reason: Optional[str] = member("StateReason")


@dataclass
class ChannelConfiguration(ChatConfiguration):
    """Slack and Microsoft Teams configurations: a channel of a team, with guardrails."""

    #: The Slack workspace or Microsoft Teams team the channel is in, shared with the
    #: account's record of it: a re-authorisation that renames it shows in every
    #: configuration's answer. (Each kind answers it and the channel under its own names.)
    team: Union[SlackWorkspace, ConfiguredTeam] = member(reference=("team_id", "team_id"))
    channel_id: str = member()
    channel_name: Optional[str] = member()
    guardrail_policy_arns: Tuple[str, ...] = member("GuardrailPolicyArns")
    user_authorization_required: bool = member("UserAuthorizationRequired")

    @property
    def channel_key(self) -> ChannelKey:
        """(team, channel): one configuration per channel per account."""
        return (self.team.team_id, self.channel_id)

    @staticmethod
    def describe_channel(channel: ChannelKey) -> str:
        """How the service names a channel of this kind in its messages."""
        raise NotImplementedError


@dataclass
class SlackChannelConfiguration(ChannelConfiguration):
    KIND: ClassVar[str] = "slack-channel"
    LABEL: ClassVar[str] = "Slack channel configuration"
    shows = {
        "SlackTeamId": "team.team_id",
        "SlackTeamName": "team.team_name",
        "SlackChannelId": "channel_id",
        "SlackChannelName": "channel_name",
    }

    @staticmethod
    def describe_channel(channel: ChannelKey) -> str:
        return f"Slack channel with ID {channel[1]} in Slack team {channel[0]}"


@dataclass
class TeamsChannelConfiguration(ChannelConfiguration):
    KIND: ClassVar[str] = "microsoft-teams-channel"
    LABEL: ClassVar[str] = "Microsoft Teams channel configuration"
    shows = {
        "TeamId": "team.team_id",
        "TeamName": "shown_team_name",
        "TenantId": "team.tenant_id",
        "ChannelId": "channel_id",
        "ChannelName": "channel_name",
    }

    #: The TeamName the create call gave; without one the team's current name shows,
    #: as a Slack configuration shows its workspace's current name.
    team_name: Optional[str] = member()

    @property
    def shown_team_name(self) -> str:
        return self.team_name or self.team.team_name

    @staticmethod
    def describe_channel(channel: ChannelKey) -> str:
        return f"Microsoft Teams channel with ID {channel[1]} in team {channel[0]}"


@dataclass
class ChimeWebhookConfiguration(ChatConfiguration):
    KIND: ClassVar[str] = "chime-webhook"
    LABEL: ClassVar[str] = "Amazon Chime webhook configuration"

    webhook_description: str = member("WebhookDescription")
    #: Kept although no answer shows it: the service never returns the webhook's secret URL.
    webhook_url: str = member()


# -- user identities (seeded: users create them by talking to the bot) -----------------------


@dataclass
class SlackUserIdentity(Record):
    shows = {"ChatConfigurationArn": "configuration.arn", "SlackTeamId": "configuration.team.team_id"}

    configuration: SlackChannelConfiguration = member(reference=("chat_configuration_arn", "arn"))
    slack_user_id: str = member("SlackUserId")
    iam_role_arn: str = member("IamRoleArn")
    aws_user_identity: Optional[str] = member("AwsUserIdentity", default=None)

    @property
    def key(self) -> SlackIdentityKey:
        return (self.configuration.arn, self.configuration.team.team_id, self.slack_user_id)


@dataclass
class TeamsUserIdentity(Record):
    shows = {
        "ChatConfigurationArn": "configuration.arn",
        "TeamId": "configuration.team.team_id",
        "TeamsTenantId": "configuration.team.tenant_id",
        "TeamsChannelId": "configuration.channel_id",
    }

    configuration: TeamsChannelConfiguration = member(reference=("chat_configuration_arn", "arn"))
    user_id: str = member("UserId")
    iam_role_arn: str = member("IamRoleArn")
    aws_user_identity: Optional[str] = member("AwsUserIdentity", default=None)

    @property
    def key(self) -> TeamsIdentityKey:
        return (self.configuration.arn, self.user_id)


# -- custom actions ---------------------------------------------------------------------------


@dataclass
class CustomAction(Record):
    arn: str = member("CustomActionArn")
    action_name: str = member("ActionName")
    #: Wire-shaped (CustomActionDefinition / CustomActionAttachment): only the members the
    #: model defines, as the request parser kept them.
    definition: JsonObject = member("Definition")
    alias_name: Optional[str] = member("AliasName")
    attachments: Optional[JsonList] = member("Attachments")
    tags: Tags = member()
    #: The ClientToken that created it, forgotten with the action.
    client_token: Optional[str] = member(default=None)


@dataclass
class ClientTokenUse:
    """What a CreateCustomAction ClientToken was first used for."""

    request: str  # canonical JSON of the request without its token
    custom_action_arn: str


# -- the account ---------------------------------------------------------------------------------

#: Each kind of configuration -> the ChatbotAccount attribute holding that kind.
_COLLECTION_OF: Dict[type, str] = {
    SlackChannelConfiguration: "slack",
    TeamsChannelConfiguration: "microsoft_teams",
    ChimeWebhookConfiguration: "chime",
}


@dataclass
class ChatbotAccount:
    #: The state's creation stamps, which every collection below hands out.
    stamps: StampSource = field(default_factory=StampSource, repr=False)
    workspaces: OrderedCollection[str, SlackWorkspace] = collection_field(OrderedCollection)
    teams: OrderedCollection[str, ConfiguredTeam] = collection_field(OrderedCollection)

    # Configurations by ARN; Slack and Teams ones also grouped by team id.
    slack: GroupedCollection[str, str, SlackChannelConfiguration] = collection_field(GroupedCollection)
    microsoft_teams: GroupedCollection[str, str, TeamsChannelConfiguration] = collection_field(GroupedCollection)
    chime: OrderedCollection[str, ChimeWebhookConfiguration] = collection_field(OrderedCollection)
    #: Configuration name -> ARN, across the three kinds.
    configuration_names: Dict[str, str] = field(default_factory=dict)
    #: Names a failed Slack create kept (the real service keeps them too).
    reserved_names: Set[str] = field(default_factory=set)
    #: (team, channel) -> ARN of the one configuration the account may have there.
    slack_channels: Dict[ChannelKey, str] = field(default_factory=dict)
    teams_channels: Dict[ChannelKey, str] = field(default_factory=dict)
    #: What Slack would tell the service about channels, as seeding declared them.
    slack_channel_directory: OrderedCollection[ChannelKey, SlackChannel] = collection_field(OrderedCollection)

    # User identities, grouped by configuration ARN.
    slack_identities: GroupedCollection[str, SlackIdentityKey, SlackUserIdentity] = collection_field(GroupedCollection)
    teams_identities: GroupedCollection[str, TeamsIdentityKey, TeamsUserIdentity] = collection_field(GroupedCollection)

    custom_actions: OrderedCollection[str, CustomAction] = collection_field(OrderedCollection)
    #: Action name -> ARN (the ARN's partition is the creating caller's).
    custom_action_names: Dict[str, str] = field(default_factory=dict)
    client_tokens: Dict[str, ClientTokenUse] = field(default_factory=dict)
    #: Configuration ARN -> the custom action ARNs associated with it, in association order.
    associations: Dict[str, OrderedCollection[str, str]] = field(default_factory=dict)
    #: Custom action ARN -> configuration ARNs it is associated with (for cascading deletes).
    associated_configurations: Dict[str, Set[str]] = field(default_factory=dict)

    user_authorization_required: bool = False
    training_data_collection_enabled: bool = False

    def __post_init__(self) -> None:
        make_collections(self)

    def associated_with(self, configuration_arn: str) -> OrderedCollection[str, str]:
        """The custom actions associated with a configuration, made empty on first use."""
        associated = self.associations.get(configuration_arn)
        if associated is None:
            associated = self.associations[configuration_arn] = OrderedCollection(self.stamps)
        return associated

    @property
    def configuration_count(self) -> int:
        # Every configuration of the three kinds has its own name here (add_configuration
        # and remove_configuration keep them together): one len instead of six calls.
        return len(self.configuration_names)

    def configurations_of(self, kind: Type[C]) -> Union[GroupedCollection[str, str, C], OrderedCollection[str, C]]:
        """The configurations of one kind, by ARN (Slack and Teams ones grouped by team)."""
        collection: Union[GroupedCollection[str, str, C], OrderedCollection[str, C]] = getattr(
            self, _COLLECTION_OF[kind]
        )
        return collection

    def channels_of(self, kind: Type[ChannelConfiguration]) -> Dict[ChannelKey, str]:
        """(team, channel) -> the ARN of the one configuration of this kind there."""
        return self.slack_channels if kind is SlackChannelConfiguration else self.teams_channels

    def channel_name_from_chat(self, kind: Type[ChannelConfiguration], channel: ChannelKey) -> Optional[str]:
        """The name a configuration shows for a channel when its request gave none: what
        Slack tells the service (nothing for a private or undeclared channel). No
        reference says Microsoft Teams names channels to the service, so Teams shows none."""
        if kind is not SlackChannelConfiguration:
            return None
        known = self.slack_channel_directory.get(channel)
        return None if known is None else known.told_name

    def add_configuration(self, configuration: ChatConfiguration, stamp: Optional[int] = None) -> None:
        """Keep a new configuration under its ARN, its name and (Slack, Teams) its channel
        (``stamp``: its creation stamp, when a snapshot brings it back)."""
        arn = configuration.arn
        if isinstance(configuration, SlackChannelConfiguration):
            self.slack.put(configuration.team.team_id, arn, configuration, stamp)
            self.slack_channels[configuration.channel_key] = arn
        elif isinstance(configuration, TeamsChannelConfiguration):
            self.microsoft_teams.put(configuration.team.team_id, arn, configuration, stamp)
            self.teams_channels[configuration.channel_key] = arn
        elif isinstance(configuration, ChimeWebhookConfiguration):
            self.chime.put(arn, configuration, stamp)
        self.configuration_names[configuration.configuration_name] = arn

    def remove_configuration(self, configuration: ChatConfiguration) -> None:
        """Forget a configuration and everything that hangs off it: its name, its
        channel, its user identities, its associations (its tags live on the record)."""
        arn = configuration.arn
        self.configurations_of(type(configuration)).pop(arn)
        if isinstance(configuration, ChannelConfiguration):
            self.channels_of(type(configuration)).pop(configuration.channel_key, None)
        self.configuration_names.pop(configuration.configuration_name, None)
        self.slack_identities.pop_group(arn)
        self.teams_identities.pop_group(arn)
        associated = self.associations.get(arn)
        if associated is None:
            return
        # Emptied rather than dropped, like every listed collection (see GroupedCollection.pop).
        for action_arn in list(associated):
            associated.pop(action_arn)
            configurations = self.associated_configurations.get(action_arn)
            if configurations is not None:
                configurations.discard(arn)
                if not configurations:
                    del self.associated_configurations[action_arn]

    def configuration(self, arn: str) -> Optional[ChatConfiguration]:
        """The configuration of any kind with this ARN."""
        found: Optional[ChatConfiguration] = self.slack.get(arn) or self.microsoft_teams.get(arn)
        return found if found is not None else self.chime.get(arn)
