"""Pagination tokens are opaque and only the issuing mock state accepts them."""

import pytest

from chatbot_mock.core.tokens import InvalidToken, PageTokens


def test_a_token_round_trips_for_the_same_listing_and_account() -> None:
    tokens = PageTokens()
    assert tokens.position(tokens.issue("ListThings", "123456789012", 42), "ListThings", "123456789012") == 42


@pytest.mark.parametrize(
    "forged",
    ["abc", "", "bm90IGEgdG9rZW4=", "====", "x" * 300, "TGlzdFRoaW5nc3wxMjM0NTY3ODkwMTJ8MHz__g=="],
)
def test_forged_tokens_are_refused(forged: str) -> None:
    with pytest.raises(InvalidToken):
        PageTokens().position(forged, "ListThings", "123456789012")


def test_a_token_from_another_state_is_refused() -> None:
    token = PageTokens().issue("ListThings", "123456789012", 1)
    with pytest.raises(InvalidToken):
        PageTokens().position(token, "ListThings", "123456789012")


def test_a_token_for_another_listing_or_account_is_refused() -> None:
    tokens = PageTokens()
    token = tokens.issue("ListThings", "123456789012", 1)
    with pytest.raises(InvalidToken, match="another request"):
        tokens.position(token, "ListOtherThings", "123456789012")
    with pytest.raises(InvalidToken, match="another request"):
        tokens.position(token, "ListThings", "111122223333")


def test_page_walks_a_collection_by_token_and_ends_without_one() -> None:
    from chatbot_mock.core.collection import OrderedCollection

    tokens = PageTokens()
    collection: OrderedCollection = OrderedCollection()
    for number in range(5):
        collection.put(number, f"v{number}")
    first, token = tokens.page(collection, "ListThings", "123456789012", None, 3)
    rest, last = tokens.page(collection, "ListThings", "123456789012", token, 3)
    assert (first, rest, last) == (["v0", "v1", "v2"], ["v3", "v4"], None)
    with pytest.raises(InvalidToken):
        tokens.page(collection, "ListOtherThings", "123456789012", token, 3)
