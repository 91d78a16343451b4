"""The one store every group of Chatbot operations works on, and what the groups share:
listings, quotas and tags."""

from __future__ import annotations

import hashlib
from operator import methodcaller
from typing import Any, Callable, Dict, List, Optional, TypeVar

from botocore import xform_name

from chatbot_mock.chatbot.models import ChatbotAccount, Tags
from chatbot_mock.core.accounts import AccountStore
from chatbot_mock.core.collection import OrderedCollection
from chatbot_mock.core.identity import Caller
from chatbot_mock.core.refusals import InvalidInput, QuotaExceeded
from chatbot_mock.core.settings import quota_advice
from chatbot_mock.service_declaration import SharedStores

V = TypeVar("V")

#: Every Chatbot listing answers this many items when MaxResults is omitted.
DEFAULT_PAGE_SIZE = 100


def tags_from_request(tags: Optional[List[Dict[str, str]]]) -> Tags:
    """Wire tags as a mapping, refusing a key given twice (which would make the result
    depend on the order the service happened to apply them in)."""
    result: Dict[str, str] = {}
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
    return Tags(result)


def only(collection: OrderedCollection[str, V], arn: Optional[str]) -> OrderedCollection[str, V]:
    """What a listing filtered by ``arn`` pages through: the whole collection without a
    filter, else the one item with that ARN (or nothing, when none has it)."""
    if arn is None:
        return collection
    filtered: OrderedCollection[str, V] = OrderedCollection()
    value = collection.get(arn)
    if value is not None:
        filtered.put(arn, value, collection.stamp_of(arn))
    return filtered


#: What a listing pages through: the caller's account and the filter's value -> items.
Source = Callable[[ChatbotAccount, Optional[str]], OrderedCollection[Any, Any]]


def listing(
    operation_name: str,
    items_member: str,
    source: Source,
    filtered_by: Optional[str] = None,
    answer: Callable[[Any], Any] = methodcaller("wire_form"),
) -> Callable[..., Dict[str, Any]]:
    """A List or Describe operation, declared rather than written out: a page of what
    ``source`` finds in the caller's account, each item as ``answer`` gives it (a
    record's wire form unless told), under ``items_member``, with the NextToken.

    ``filtered_by`` names the operation's one optional filter member (its keyword, ``xform_name``d), whose
    value ``source`` receives (``None`` when the request leaves it out).
    """

    def operation(
        self: OperationGroup,
        caller: Caller,
        max_results: Optional[int] = None,
        next_token: Optional[str] = None,
        **given: Any,
    ) -> Dict[str, Any]:
        value = given.pop(filtered_by, None) if filtered_by else None
        if given:  # the model has a member this declaration does not know: a defect here
            raise TypeError(f"{operation_name} takes no {', '.join(sorted(given))}")
        items = source(self._account(caller), value)
        return self._listing(operation_name, items_member, items, caller, next_token, max_results, value, answer)

    operation.__name__ = operation.__qualname__ = xform_name(operation_name)
    operation.__doc__ = f"{operation_name}: a page of {items_member}, filtered by {filtered_by or 'nothing'}"
    return operation


class ChatbotStore:
    """Every account's AWS Chatbot resources, with the settings and page tokens of the world
    they live in: the one object that every group of operations, the console steps, the
    deliveries and the snapshot share."""

    def __init__(self, shared: SharedStores) -> None:
        self.settings = shared.settings
        self.tokens = shared.tokens
        self.chime = shared.chime
        self.accounts: AccountStore[ChatbotAccount] = AccountStore(lambda: ChatbotAccount(shared.stamps))


class OperationGroup:
    """A group of API operations over the store (one module each: Slack, Microsoft Teams,
    custom actions, tagging...), with the helpers every operation needs."""

    def __init__(self, store: ChatbotStore) -> None:
        self._settings = store.settings
        self._tokens = store.tokens
        self._accounts = store.accounts

    def _account(self, caller: Caller) -> ChatbotAccount:
        return self._accounts[caller.account_id]

    def _listing(
        self,
        listing: str,
        items_member: str,
        collection: OrderedCollection[Any, Any],
        caller: Caller,
        next_token: Optional[str],
        max_results: Optional[int],
        filtered_by: Optional[str] = None,
        answer: Callable[[Any], Any] = methodcaller("wire_form"),
    ) -> Dict[str, Any]:
        """One page of ``collection`` in creation order, each item as ``answer`` gives
        it (a record's wire form unless told), under ``items_member``, and the token for
        the next.

        A token names its listing, including the filter it was issued for, so it
        cannot continue a differently filtered listing. Filters are hashed into the
        listing name because an ARN can be longer than a NextToken may be.
        """
        if filtered_by is not None:
            listing += "#" + hashlib.sha256(filtered_by.encode("utf-8")).hexdigest()[:16]
        size = DEFAULT_PAGE_SIZE if max_results is None else max_results
        # A bad token raises InvalidToken, answered as the operation's validation error.
        page, token = self._tokens.page(collection, listing, caller.account_id, next_token, size)
        return {items_member: [answer(item) for item in page], "NextToken": token}

    def _check_limit(self, setting: str, count: int, what: str) -> None:
        """Refuse a request that would leave ``count`` items where the setting allows fewer.
        Each operation answers the quota code it models (creates LimitExceededException,
        TagResource TooManyTagsException, updates their validation error)."""
        limit = self._settings[setting]
        if count > limit:
            raise QuotaExceeded(
                f"{what}: {count} would exceed the limit of {limit}",
                advice=quota_advice(setting, limit),
            )

    def _new_tags(self, tags: Optional[List[Dict[str, str]]]) -> Tags:
        """Tags given to a Create* call: unique keys, within the per-resource limit."""
        if not tags:  # nothing to check: no limit is below 0 (Settings refuses one)
            return Tags()
        result = tags_from_request(tags)
        self._check_limit("chatbot_tags_per_resource", len(result), "Tags on one resource")
        return result
