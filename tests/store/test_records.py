"""Records build their answer once per change (store/records.py)."""

from __future__ import annotations

import copy
import inspect
import pickle
from dataclasses import dataclass, field
from typing import Any, Dict

import pytest

from chatbot_mock.store.records import Record, WireForm


@dataclass
class Owner(Record):
    name: str

    def to_wire(self) -> Dict[str, Any]:
        return {"Name": self.name}


@dataclass
class Pet(Record):
    name: str
    owner: Owner
    toys: list

    def to_wire(self) -> Dict[str, Any]:
        return {"Name": self.name, "Owner": self.owner.name, "Toys": list(self.toys)}

    shown_records = ("owner",)


def test_an_unchanged_record_answers_the_form_it_built() -> None:
    pet = Pet("rex", Owner("ann"), ["ball"])

    assert pet.wire_form() is pet.wire_form()


def test_an_assignment_builds_the_form_again() -> None:
    pet = Pet("rex", Owner("ann"), ["ball"])
    before = pet.wire_form()

    pet.name = "max"

    assert pet.wire_form() == {"Name": "max", "Owner": "ann", "Toys": ["ball"]}
    assert before == {"Name": "rex", "Owner": "ann", "Toys": ["ball"]}


def test_a_change_to_a_shown_record_builds_the_form_again() -> None:
    owner = Owner("ann")
    pet = Pet("rex", owner, [])
    pet.wire_form()

    owner.name = "bob"

    assert pet.wire_form()["Owner"] == "bob"


def test_a_change_to_another_record_keeps_the_form() -> None:
    pet = Pet("rex", Owner("ann"), [])
    form = pet.wire_form()

    Owner("someone else").name = "changed"

    assert pet.wire_form() is form


def test_a_list_replaced_is_seen() -> None:
    pet = Pet("rex", Owner("ann"), ["ball"])
    pet.wire_form()

    pet.toys = [*pet.toys, "bone"]

    assert pet.wire_form()["Toys"] == ["ball", "bone"]


@pytest.mark.parametrize(
    "change",
    [
        lambda form: form.__setitem__("Name", "x"),
        lambda form: form.__delitem__("Name"),
        lambda form: form.update(Name="x"),
        lambda form: form.pop("Name"),
        lambda form: form.popitem(),
        lambda form: form.clear(),
        lambda form: form.setdefault("Other", "x"),
    ],
    ids=["set", "delete", "update", "pop", "popitem", "clear", "setdefault"],
)
def test_a_wire_form_refuses_changes(change: Any) -> None:
    form = Owner("ann").wire_form()

    with pytest.raises(TypeError, match="read-only"):
        change(form)

    assert form == {"Name": "ann"}


def test_a_wire_form_survives_copying_and_pickling() -> None:
    form = WireForm({"Name": "ann"}, 7)

    assert copy.deepcopy(form) is form
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


@dataclass
class Collar(Record):
    colour: str
    tags: Dict[str, str] = field(default_factory=dict)
    size: int = 3

    def to_wire(self) -> Dict[str, Any]:
        return {"Colour": self.colour}


class PlainCollar(Collar):
    """A subclass that is no dataclass of its own."""


def test_a_record_takes_the_parameters_a_dataclass_would() -> None:
    @dataclass
    class Twin:
        colour: str
        tags: Dict[str, str] = field(default_factory=dict)
        size: int = 3

    made = Collar("red")
    assert (made.colour, made.tags, made.size) == ("red", {}, 3)
    assert Collar("red").tags is not made.tags  # a factory per instance
    assert Collar("red", {"a": "b"}, size=5) == Collar(colour="red", tags={"a": "b"}, size=5)
    assert str(inspect.signature(Collar)) == str(inspect.signature(Twin))
    for wrong in ((), ("red", {}, 3, 4)):
        with pytest.raises(TypeError):
            Collar(*wrong)
    with pytest.raises(TypeError):
        Collar("red", colour="blue")


def test_a_subclass_that_is_no_dataclass_keeps_the_inherited_init() -> None:
    plain = PlainCollar("blue", size=4)
    assert (plain.colour, plain.tags, plain.size) == ("blue", {}, 4)
    assert "__init__" not in PlainCollar.__dict__


def test_a_new_record_is_newer_than_every_form_built_before_it() -> None:
    older = Owner("ann")
    stamp = older.wire_form().stamp

    newer = Owner("bob")

    assert newer._revision > stamp
    form = newer.wire_form()
    assert newer.wire_form() is form
    newer.name = "cat"
    assert newer.wire_form() == {"Name": "cat"}
