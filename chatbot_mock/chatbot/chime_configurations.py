"""Amazon Chime webhook configurations."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from chatbot_mock.chatbot.common import listing, only
from chatbot_mock.chatbot.configurations import ConfigurationOperations
from chatbot_mock.chatbot.models import ChimeWebhookConfiguration
from chatbot_mock.core.identity import Caller

_KIND = ChimeWebhookConfiguration


class ChimeOperations(ConfigurationOperations):
    def create_chime_webhook_configuration(
        self,
        caller: Caller,
        webhook_description: str,
        webhook_url: str,
        sns_topic_arns: List[str],
        iam_role_arn: str,
        configuration_name: str,
        logging_level: Optional[str] = None,
        tags: Optional[List[Dict[str, str]]] = None,
    ) -> Dict[str, Any]:
        account, new_tags = self._check_new_configuration(caller, configuration_name, sns_topic_arns, None, tags)
        self._check_configuration_quota(account, caller)
        configuration = ChimeWebhookConfiguration(
            *self._common_members(
                caller, _KIND, configuration_name, iam_role_arn, sns_topic_arns, logging_level, new_tags
            ),
            webhook_description=webhook_description,
            webhook_url=webhook_url,
        )
        return {"WebhookConfiguration": self._remember(account, configuration)}

    describe_chime_webhook_configurations = listing(
        "DescribeChimeWebhookConfigurations",
        "WebhookConfigurations",
        lambda account, arn: only(account.chime, arn),
        filtered_by="chat_configuration_arn",
    )

    def update_chime_webhook_configuration(
        self,
        caller: Caller,
        chat_configuration_arn: str,
        webhook_description: Optional[str] = None,
        webhook_url: Optional[str] = None,
        sns_topic_arns: Optional[List[str]] = None,
        iam_role_arn: Optional[str] = None,
        logging_level: Optional[str] = None,
    ) -> Dict[str, Any]:
        self._check_list_sizes(sns_topic_arns, None)
        configuration: ChimeWebhookConfiguration = self._configuration(caller, _KIND, chat_configuration_arn)
        if webhook_description is not None:
            configuration.webhook_description = webhook_description
        if webhook_url is not None:
            configuration.webhook_url = webhook_url
        self._apply_common_changes(configuration, sns_topic_arns, iam_role_arn, logging_level)
        return {"WebhookConfiguration": configuration.wire_form()}

    def delete_chime_webhook_configuration(self, caller: Caller, chat_configuration_arn: str) -> None:
        self._delete(caller, _KIND, chat_configuration_arn)
