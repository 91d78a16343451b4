"""OrderedCollection pages in creation order, stably across deletions."""

from concurrent.futures import ThreadPoolExecutor
from typing import List

import pytest

from chatbot_mock.core.collection import GREATEST_STAMP, OrderedCollection, StampSource


def walk(collection: OrderedCollection, limit: int) -> List[str]:
    seen: List[str] = []
    after = 0
    while True:
        page, marker = collection.page(after, limit)
        seen += page
        if marker is None:
            return seen
        after = marker


def filled(count: int) -> OrderedCollection:
    collection: OrderedCollection = OrderedCollection()
    for number in range(count):
        collection.put(f"k{number}", f"v{number}")
    return collection


def test_pages_follow_creation_order_and_end_without_a_marker() -> None:
    collection = filled(5)
    stamps = [stamp for stamp, _, _ in collection.stamped()]
    assert collection.page(0, 2) == (["v0", "v1"], stamps[1])
    assert collection.page(stamps[1], 2) == (["v2", "v3"], stamps[3])
    assert collection.page(stamps[3], 2) == (["v4"], None)
    assert collection.page(0, 5) == (["v0", "v1", "v2", "v3", "v4"], None)


def test_stamps_are_never_reused() -> None:
    collection = filled(2)
    last = collection.stamp_of("k1")
    collection.pop("k1")
    assert last is not None and collection.put("k1", "again") > last


def test_an_item_put_back_with_its_stamp_takes_its_old_place() -> None:
    collection = filled(3)
    stamp = collection.stamp_of("k1")
    collection.pop("k1")
    assert stamp is not None and collection.put("k1", "back", stamp) == stamp
    assert walk(collection, 1) == ["v0", "back", "v2"]


def test_stamps_after_a_restore_come_after_every_restored_one() -> None:
    collection = filled(1)
    collection.put("restored", "back", 10**9)
    collection.put("new", "after")
    assert collection.stamp_of("new") == 10**9 + 1


def test_collections_of_one_source_share_its_sequence_and_no_other() -> None:
    stamps = StampSource()
    first: OrderedCollection[str, str] = OrderedCollection(stamps)
    second: OrderedCollection[str, str] = OrderedCollection(stamps)
    elsewhere: OrderedCollection[str, str] = OrderedCollection()
    first.put("a", "a", 10**9)
    assert second.put("b", "b") == 10**9 + 1
    assert elsewhere.put("c", "c") == 1


def test_a_source_hands_out_no_stamp_past_the_greatest() -> None:
    stamps = StampSource()
    stamps.seen(GREATEST_STAMP)
    with pytest.raises(OverflowError):
        stamps.next()


def test_a_source_hands_each_stamp_once_across_threads() -> None:
    stamps = StampSource()
    with ThreadPoolExecutor(max_workers=8) as pool:
        handed = list(pool.map(lambda _: stamps.next(), range(2000)))
    assert sorted(handed) == list(range(1, 2001))


def test_replacing_an_item_keeps_its_place() -> None:
    collection = filled(3)
    collection.put("k0", "new")
    assert walk(collection, 10) == ["new", "v1", "v2"]
    assert len(collection) == 3


def test_deleting_between_pages_neither_skips_nor_repeats() -> None:
    collection = filled(6)
    first, marker = collection.page(0, 2)
    collection.pop("k1")  # already returned
    collection.pop("k2")  # not yet returned
    assert marker is not None
    rest, _ = collection.page(marker, 10)
    assert first + rest == ["v0", "v1", "v3", "v4", "v5"]


def test_pop_of_a_missing_key_is_none_and_membership_is_by_key() -> None:
    collection = filled(1)
    assert collection.pop("nope") is None
    assert "k0" in collection and "v0" not in collection
    assert list(collection) == ["v0"]
