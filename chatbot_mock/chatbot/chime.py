"""Amazon Chime webhook configurations."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from chatbot_mock.chatbot.common import ChatbotBackendBase, only
from chatbot_mock.chatbot.models import ChimeWebhookConfiguration, configuration_arn
from chatbot_mock.store.identity import Caller

_KIND = "Amazon Chime webhook configuration"


class ChimeOperations(ChatbotBackendBase):
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
        account = self._account(caller)
        self._check_list_sizes(sns_topic_arns, None)
        new_tags = self._new_tags(tags)
        self._check_name_free(account, caller, configuration_name)
        self._check_configuration_quota(account, caller)
        configuration = ChimeWebhookConfiguration(
            arn=configuration_arn(
                caller.partition, caller.account_id, ChimeWebhookConfiguration.KIND, configuration_name
            ),
            configuration_name=configuration_name,
            iam_role_arn=iam_role_arn,
            sns_topic_arns=list(sns_topic_arns),
            logging_level=logging_level or "NONE",
            tags=new_tags,
            webhook_description=webhook_description,
            webhook_url=webhook_url,
        )
        account.chime.put(configuration.arn, configuration)
        account.configuration_names[configuration_name] = configuration.arn
        return {"WebhookConfiguration": configuration.wire_form()}

    def describe_chime_webhook_configurations(
        self,
        caller: Caller,
        max_results: Optional[int] = None,
        next_token: Optional[str] = None,
        chat_configuration_arn: Optional[str] = None,
    ) -> Dict[str, Any]:
        account = self._account(caller)
        if chat_configuration_arn is None:
            collection = account.chime
        else:
            collection = only(chat_configuration_arn, account.chime.get(chat_configuration_arn))
        page, token = self._page(
            "DescribeChimeWebhookConfigurations", collection, caller, next_token, max_results, chat_configuration_arn
        )
        return {"WebhookConfigurations": [c.wire_form() for c in page], "NextToken": token}

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
        # Update operations do not model QuotaExceeded: too long a list is bad input.
        self._check_list_sizes(sns_topic_arns, None)
        configuration = self._account(caller).chime.get(chat_configuration_arn)
        if configuration is None:
            raise self._not_found(_KIND, chat_configuration_arn, caller)
        if webhook_description is not None:
            configuration.webhook_description = webhook_description
        if webhook_url is not None:
            configuration.webhook_url = webhook_url
        self._apply_common_changes(configuration, sns_topic_arns, iam_role_arn, logging_level)
        return {"WebhookConfiguration": configuration.wire_form()}

    def delete_chime_webhook_configuration(self, caller: Caller, chat_configuration_arn: str) -> None:
        account = self._account(caller)
        configuration = account.chime.get(chat_configuration_arn)
        if configuration is None:
            raise self._not_found(_KIND, chat_configuration_arn, caller)
        self._forget_configuration(account, configuration)
