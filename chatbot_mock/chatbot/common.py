"""What every group of Chatbot operations shares: the state, paging and quotas."""

from __future__ import annotations

import hashlib
from typing import Any, Callable, Dict, List, Optional, Tuple, TypeVar

from chatbot_mock.chatbot.models import (
    ChannelConfiguration,
    ChannelKey,
    ChatbotAccount,
    ChatConfiguration,
    SlackChannelConfiguration,
    Tags,
    TeamsChannelConfiguration,
    administrator_access_arn,
)
from chatbot_mock.services import SharedStores
from chatbot_mock.store.accounts import AccountStore
from chatbot_mock.store.collection import OrderedCollection
from chatbot_mock.store.errors import Conflict, InvalidInput, NotFound, QuotaExceeded
from chatbot_mock.store.identity import Caller

V = TypeVar("V")

#: Every Chatbot listing answers this many items when MaxResults is omitted.
DEFAULT_PAGE_SIZE = 100


def tags_from_request(tags: Optional[List[Dict[str, str]]]) -> Tags:
    """Wire tags as a dict, refusing a key given twice (which would make the result
    depend on the order the service happened to apply them in)."""
    result: Tags = {}
    duplicates: List[str] = []
    for tag in tags or []:
        key = tag["TagKey"]
        if key in result and key not in duplicates:
            duplicates.append(key)
        result[key] = tag["TagValue"]
    if duplicates:
        raise InvalidInput(
            f"Tag keys must be unique within one request; given more than once: {', '.join(duplicates)}"
        )
    return result


def only(key: str, value: Optional[V]) -> OrderedCollection[str, V]:
    """A listing filtered to one ARN: that item, or nothing when it does not exist."""
    collection: OrderedCollection[str, V] = OrderedCollection()
    if value is not None:
        collection.put(key, value)
    return collection


class ChatbotBackendBase:
    """State and helpers; the operations live in the mixins built on this class."""

    def __init__(self, shared: SharedStores) -> None:
        self._settings = shared.settings
        self._tokens = shared.tokens
        self._accounts: AccountStore[ChatbotAccount] = AccountStore(ChatbotAccount)

    def _account(self, caller: Caller) -> ChatbotAccount:
        return self._accounts[caller.account_id]

    def _page(
        self,
        listing: str,
        collection: OrderedCollection[Any, V],
        caller: Caller,
        next_token: Optional[str],
        max_results: Optional[int],
        filtered_by: Optional[str] = None,
    ) -> Tuple[List[V], Optional[str]]:
        """One page of ``collection`` in creation order, and the token for the next.

        A token names its listing, including the filter it was issued for, so it
        cannot continue a differently filtered listing. Filters are hashed into the
        listing name because an ARN can be longer than a NextToken may be.
        """
        if filtered_by is not None:
            listing += "#" + hashlib.sha256(filtered_by.encode("utf-8")).hexdigest()[:16]
        size = DEFAULT_PAGE_SIZE if max_results is None else max_results
        # A bad token raises InvalidToken, answered as the operation's validation error.
        return self._tokens.page(collection, listing, caller.account_id, next_token, size)

    def _check_limit(self, setting: str, count: int, what: str) -> None:
        """Refuse a request that would leave ``count`` items where the setting allows fewer.
        Each operation answers the quota code it models (creates LimitExceededException,
        TagResource TooManyTagsException, updates their validation error)."""
        limit = self._settings[setting]
        if count > limit:
            raise QuotaExceeded(
                f"{what}: {count} would exceed the limit of {limit} (quota setting {setting}; see docs/chatbot.md)"
            )

    def _new_tags(self, tags: Optional[List[Dict[str, str]]]) -> Tags:
        """Tags given to a Create* call: unique keys, within the per-resource limit.
        Create operations model QuotaExceeded, not QuotaExceeded."""
        result = tags_from_request(tags)
        self._check_limit("chatbot_tags_per_resource", len(result), "Tags on one resource")
        return result

    # -- chat configurations, whatever their kind ----------------------------------------

    def _check_list_sizes(
        self,
        sns_topic_arns: Optional[List[str]],
        guardrail_policy_arns: Optional[List[str]],
    ) -> None:
        if sns_topic_arns is not None:
            self._check_limit(
                "chatbot_sns_topics_per_configuration", len(sns_topic_arns), "SNS topics in one configuration"
            )
        if guardrail_policy_arns is not None:
            self._check_limit(
                "chatbot_guardrail_policies_per_configuration",
                len(guardrail_policy_arns),
                "Guardrail policies in one configuration",
            )

    @staticmethod
    def _guardrails(caller: Caller, given: Optional[List[str]]) -> List[str]:
        """AdministratorAccess applies when no guardrail is named (an empty list names none)."""
        return list(given) if given else [administrator_access_arn(caller.partition)]

    @staticmethod
    def _apply_common_changes(
        configuration: ChatConfiguration,
        sns_topic_arns: Optional[List[str]],
        iam_role_arn: Optional[str],
        logging_level: Optional[str],
    ) -> None:
        """An update keeps the current value of every member it does not give."""
        if sns_topic_arns is not None:
            configuration.sns_topic_arns = list(sns_topic_arns)
        if iam_role_arn is not None:
            configuration.iam_role_arn = iam_role_arn
        if logging_level is not None:
            configuration.logging_level = logging_level

    def _update_channel(
        self,
        caller: Caller,
        configuration: ChannelConfiguration,
        configured_channels: Dict[ChannelKey, str],
        check_channel_free: Callable[[ChannelKey], None],
        channel_id: str,
        channel_name: Optional[str],
        **changes: Any,
    ) -> Dict[str, Any]:
        """The Slack and Teams update, once the configuration is found and the lists
        are checked. The channel id is required, so an update may move the
        configuration to another channel of its workspace or team."""
        old_channel = configuration.channel_key
        new_channel: ChannelKey = (old_channel[0], channel_id)
        moved = new_channel != old_channel
        if moved:
            check_channel_free(new_channel)
        # Every check passed: change the configuration.
        if moved:
            del configured_channels[old_channel]
            configured_channels[new_channel] = configuration.arn
            configuration.channel_id = channel_id
            # The old channel's name would describe the wrong channel.
            configuration.channel_name = channel_name or configuration.default_channel_name(channel_id)
        elif channel_name is not None:
            configuration.channel_name = channel_name
        self._apply_channel_changes(configuration, caller, **changes)
        return {"ChannelConfiguration": configuration.wire_form()}

    def _apply_channel_changes(
        self,
        configuration: ChannelConfiguration,
        caller: Caller,
        sns_topic_arns: Optional[List[str]],
        iam_role_arn: Optional[str],
        logging_level: Optional[str],
        guardrail_policy_arns: Optional[List[str]],
        user_authorization_required: Optional[bool],
    ) -> None:
        """Write the changes. Never raises: callers check everything first, so that a
        refused update leaves the configuration as it was."""
        self._apply_common_changes(configuration, sns_topic_arns, iam_role_arn, logging_level)
        if guardrail_policy_arns is not None:
            configuration.guardrail_policy_arns = self._guardrails(caller, guardrail_policy_arns)
        if user_authorization_required is not None:
            configuration.user_authorization_required = user_authorization_required

    @staticmethod
    def _check_name_free(account: ChatbotAccount, caller: Caller, name: str) -> None:
        # Names are unique across Slack, Teams and Chime configurations (docs/chatbot.md).
        if name in account.configuration_names:
            raise Conflict(
                f"A chat configuration named {name} already exists in AWS account {caller.account_id}"
            )
        if name in account.reserved_names:
            raise Conflict(
                f"The chat configuration name {name} is already in use in AWS account {caller.account_id} "
                "(an earlier CreateSlackChannelConfiguration with this name failed and kept the name)"
            )

    def _check_configuration_quota(self, account: ChatbotAccount, caller: Caller) -> None:
        self._check_limit(
            "chatbot_configurations_per_account",
            account.configuration_count + 1,
            f"Chat configurations (Slack, Microsoft Teams and Amazon Chime together) in AWS account "
            f"{caller.account_id}",
        )

    @staticmethod
    def _not_found(kind: str, arn: str, caller: Caller) -> NotFound:
        return NotFound(f"No {kind} with ARN {arn} exists in AWS account {caller.account_id}")

    @staticmethod
    def _forget_configuration(account: ChatbotAccount, configuration: ChatConfiguration) -> None:
        """Delete a configuration and everything that hangs off it: its name, its
        channel, its user identities, its associations (its tags live on the record)."""
        arn = configuration.arn
        if isinstance(configuration, SlackChannelConfiguration):
            account.slack.pop(arn)
            account.slack_channels.pop(configuration.channel_key, None)
        elif isinstance(configuration, TeamsChannelConfiguration):
            account.microsoft_teams.pop(arn)
            account.teams_channels.pop(configuration.channel_key, None)
        else:
            account.chime.pop(arn)
        account.configuration_names.pop(configuration.configuration_name, None)
        account.slack_identities.pop_group(arn)
        account.teams_identities.pop_group(arn)
        associated = account.associations.get(arn)
        if associated is None:
            return
        # Emptied rather than dropped, like every listed collection (see GroupedCollection.pop).
        for action_arn in list(associated):
            associated.pop(action_arn)
            configurations = account.associated_configurations.get(action_arn)
            if configurations is not None:
                configurations.discard(arn)
                if not configurations:
                    del account.associated_configurations[action_arn]
