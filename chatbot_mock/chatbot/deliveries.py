"""Notification delivery: an SNS message reaches every configuration subscribed to its
topic, as AWS Chatbot would post it (docs/chatops.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterator, List, Optional, Tuple

from chatbot_mock.chatbot.common import ChatbotStore
from chatbot_mock.chatbot.models import (
    DISABLED,
    ChatConfiguration,
    ChimeWebhookConfiguration,
    SlackChannelConfiguration,
    TeamsChannelConfiguration,
)
from chatbot_mock.chatbot.notification_formats import NotDelivered, Rendered, message_for_chatbot, render


@dataclass(frozen=True)
class Delivery:
    """One notification, for one configuration: what its channel shows, or why not."""

    configuration_arn: str
    #: ``slack``, ``microsoft-teams`` or ``chime``.
    platform: str
    #: The Slack or Teams channel id, or the Chime webhook's description.
    channel: str
    topic_arn: str
    #: As published (for a MessageStructure="json" publish, the message Chatbot receives).
    message: str
    subject: Optional[str]
    #: What the channel shows; ``None`` when nothing was delivered.
    text: Optional[str]
    delivered: bool
    #: Why nothing was delivered, else ``None``.
    reason: Optional[str]


def _platform_and_channel(configuration: ChatConfiguration) -> Tuple[str, str]:
    if isinstance(configuration, SlackChannelConfiguration):
        return "slack", configuration.channel_id
    if isinstance(configuration, TeamsChannelConfiguration):
        return "microsoft-teams", configuration.channel_id
    assert isinstance(configuration, ChimeWebhookConfiguration)
    return "chime", configuration.webhook_description


class Deliveries:
    """SNS notifications delivered to the store's configurations, and every delivery so far."""

    def __init__(self, store: ChatbotStore) -> None:
        self._accounts = store.accounts
        self._chime = store.chime
        self._deliveries: List[Delivery] = []

    @property
    def deliveries(self) -> Tuple[Delivery, ...]:
        return tuple(self._deliveries)

    def publish(
        self, topic_arn: str, message: str, subject: Optional[str] = None, message_structure: Optional[str] = None
    ) -> List[Delivery]:
        """Deliver one SNS notification to every configuration, in any account, whose
        SnsTopicArns holds the topic, in the order they were created."""
        received = message_for_chatbot(message, message_structure)
        rendered: Optional[Rendered] = None
        problem: Optional[str] = None
        try:
            if topic_arn.endswith(".fifo"):
                raise NotDelivered(
                    "SNS FIFO topics deliver only to Amazon SQS queues, not to HTTPS endpoints such as "
                    "AWS Chatbot's: use a standard topic"
                )
            rendered = render(received)
        except NotDelivered as refused:
            problem = str(refused)
        made = [
            self._deliver(configuration, topic_arn, received, subject, rendered, problem)
            for configuration in self._subscribed(topic_arn)
        ]
        self._deliveries.extend(made)
        return made

    def _subscribed(self, topic_arn: str) -> Iterator[ChatConfiguration]:
        """In the order they were created, across kinds and accounts (stamps are one
        sequence for every collection)."""
        stamped = [
            entry
            for _, account in self._accounts.items()
            for collection in (account.slack.everything, account.microsoft_teams.everything, account.chime)
            for entry in collection.stamped()
            if topic_arn in entry[2].sns_topic_arns
        ]
        for _, _, configuration in sorted(stamped, key=lambda entry: entry[0]):
            yield configuration

    def _deliver(
        self,
        configuration: ChatConfiguration,
        topic_arn: str,
        message: str,
        subject: Optional[str],
        rendered: Optional[Rendered],
        problem: Optional[str],
    ) -> Delivery:
        platform, channel = _platform_and_channel(configuration)

        def delivery(text: Optional[str], reason: Optional[str]) -> Delivery:
            return Delivery(
                configuration.arn, platform, channel, topic_arn, message, subject, text, reason is None, reason
            )

        if configuration.state == DISABLED:
            return delivery(None, f"the configuration is DISABLED: {configuration.state_reason}")
        if rendered is None:
            return delivery(None, problem)
        if isinstance(configuration, ChimeWebhookConfiguration) and self._chime.in_use:
            # Once the test simulates Chime rooms, deliveries go through their webhooks'
            # rules; until then a Chime channel is, like Slack's, the delivery record.
            answer = self._chime.post(configuration.webhook_url, json.dumps({"Content": rendered.text}).encode())
            if answer.status != 200:
                return delivery(None, f"Amazon Chime answered {answer.status}: {answer.body.get('Message')}")
        return delivery(rendered.text, None)
