"""Records hold immutable values, answer from one table of their fields, and keep that
answer until something it shows is assigned (core/records.py)."""

from __future__ import annotations

import copy
import pickle
from dataclasses import dataclass
from typing import Any, ClassVar, Optional, Tuple

import pytest

from chatbot_mock.core import records
from chatbot_mock.core.records import FrozenDict, Record, StaleAnswer, WireForm, freeze, member, thaw


@dataclass
class Owner(Record):
    name: str = member("Name")


@dataclass
class Pet(Record):
    shows = {"Owner": "owner.name", "Kind": "kind"}
    kind: ClassVar[str] = "dog"

    name: str = member("Name")
    owner: Owner = member()
    toys: Tuple[str, ...] = member("Toys")
    tags: FrozenDict[str, str] = member("Tags", lambda tags: [{"Key": k, "Value": v} for k, v in tags.items()])
    chip: Optional[str] = member(default=None)


def rex(owner: Optional[Owner] = None) -> Pet:
    return Pet("rex", owner or Owner("ann"), ("ball",), FrozenDict({"a": "1"}))


def test_the_answer_is_every_field_with_a_wire_name_and_every_shown_path() -> None:
    assert rex().to_wire() == {
        "Name": "rex", "Toys": ("ball",), "Tags": [{"Key": "a", "Value": "1"}], "Owner": "ann", "Kind": "dog"}


def test_an_unchanged_record_answers_the_form_it_built() -> None:
    pet = rex()

    assert pet.wire_form() is pet.wire_form()


def test_an_assignment_builds_the_form_again() -> None:
    pet = rex()
    before = pet.wire_form()

    pet.name = "max"

    assert pet.wire_form()["Name"] == "max"
    assert before["Name"] == "rex"


def test_a_change_to_a_shown_record_builds_the_form_again() -> None:
    owner = Owner("ann")
    pet = rex(owner)
    pet.wire_form()

    owner.name = "bob"

    assert pet.wire_form()["Owner"] == "bob"


def test_a_change_to_another_record_keeps_the_form() -> None:
    pet = rex()
    form = pet.wire_form()

    Owner("someone else").name = "changed"

    assert pet.wire_form() is form


def test_a_tuple_replaced_is_seen() -> None:
    pet = rex()
    pet.wire_form()

    pet.toys = (*pet.toys, "bone")

    assert pet.wire_form()["Toys"] == ("ball", "bone")


@pytest.mark.parametrize(
    "change",
    [
        lambda tags: tags.__setitem__("a", "x"),
        lambda tags: tags.__delitem__("a"),
        lambda tags: tags.update(a="x"),
        lambda tags: tags.pop("a"),
        lambda tags: tags.popitem(),
        lambda tags: tags.clear(),
        lambda tags: tags.setdefault("b", "x"),
        lambda tags: tags.__ior__({"b": "x"}),
    ],
    ids=["set", "delete", "update", "pop", "popitem", "clear", "setdefault", "ior"],
)
def test_a_frozen_dict_and_a_wire_form_refuse_changes_in_place(change: Any) -> None:
    # The shape of a planted bug: ``del configuration.tags[key]`` in UntagResource.
    pet = rex()
    for held in (pet.tags, WireForm({"a": "1"}, 7)):
        with pytest.raises(TypeError, match="read-only"):
            change(held)
        assert held == {"a": "1"}


def test_a_tuple_refuses_changes_in_place() -> None:
    # The shape of the other: ``configuration.sns_topic_arns[:] = ...`` on update.
    pet = rex()
    with pytest.raises(TypeError):
        pet.toys[:] = ("bone",)  # type: ignore[index]


def test_a_record_refuses_a_value_that_could_change_in_place() -> None:
    assert records.CHECK_ANSWERS, "tests/conftest.py turns the check on for every test"
    pet = rex()
    for mutable in (["bone"], {"a": "1"}, ("ok", ["nested"]), FrozenDict({"a": ["nested"]}), {"set"}):
        with pytest.raises(TypeError, match="immutable"):
            pet.toys = mutable  # type: ignore[assignment]


@pytest.fixture
def unchecked_values(monkeypatch: pytest.MonkeyPatch) -> None:
    """Values go in unchecked: how a mutable value would slip into a record without the check."""
    monkeypatch.setattr(records, "is_frozen", lambda value: True)


def test_a_kept_answer_that_went_stale_raises_when_handed_out(unchecked_values: None) -> None:
    pet = rex()
    pet.tags = {"a": "1"}  # type: ignore[assignment]
    pet.wire_form()

    pet.tags["a"] = "changed behind the record's back"

    with pytest.raises(StaleAnswer, match="Tags"):
        pet.wire_form()


def test_without_the_check_a_stale_answer_would_go_out(unchecked_values: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # What the check is for: the kept answer is handed out as it is.
    monkeypatch.setattr(records, "CHECK_ANSWERS", False)
    pet = rex()
    pet.tags = {"a": "1"}  # type: ignore[assignment]
    pet.wire_form()

    pet.tags["a"] = "changed"

    assert pet.wire_form()["Tags"] == [{"Key": "a", "Value": "1"}]


def test_freeze_and_thaw_are_inverse_over_json() -> None:
    document = {"a": [1, {"b": ["c"]}], "d": None}

    frozen = freeze(document)

    assert frozen == {"a": (1, {"b": ("c",)}), "d": None} and records.is_frozen(frozen)
    assert thaw(frozen) == document and type(thaw(frozen)["a"]) is list


def test_frozen_values_survive_copying_and_pickling() -> None:
    tags = FrozenDict({"a": "1"})
    form = WireForm({"Name": "ann"}, 7)

    assert copy.deepcopy(tags) is tags and copy.deepcopy(form) is form
    assert pickle.loads(pickle.dumps(tags)) == tags
    restored = pickle.loads(pickle.dumps(form))
    assert restored == {"Name": "ann"} and restored.stamp == 7 and isinstance(restored, WireForm)


def test_a_copied_record_changes_alone() -> None:
    owner = Owner("ann")
    twin = copy.deepcopy(owner)

    twin.name = "bob"

    assert owner.wire_form() == {"Name": "ann"}
    assert twin.wire_form() == {"Name": "bob"}


def test_a_pickled_record_leaves_its_form_behind() -> None:
    # In another process revisions count from 1 again: a kept stamp would outrank them.
    owner = Owner("ann")
    owner.wire_form()

    restored = pickle.loads(pickle.dumps(owner))

    assert restored._wire_form is None and restored._revision == 0
    restored.name = "bob"
    assert restored.wire_form() == {"Name": "bob"}


def test_a_new_record_is_newer_than_every_form_built_before_it() -> None:
    older = Owner("ann")
    stamp = older.wire_form().stamp

    newer = Owner("bob")

    assert newer._revision > stamp
    form = newer.wire_form()
    assert newer.wire_form() is form
    newer.name = "cat"
    assert newer.wire_form() == {"Name": "cat"}
