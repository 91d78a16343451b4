"""Stored records: dataclasses whose values never change in place, each declaring every
field once, with the answer member that shows it.

A record holds text, numbers, ``None``, tuples, :class:`FrozenDict` and other records
only, so the one way to change it is to assign an attribute (``record.tags =
FrozenDict(...)``), and the record sees every assignment. That is what lets it keep the
answer it built (:meth:`Record.wire_form`), and the serialiser the answer's JSON, until
something that answer shows is assigned. It pays on reads: a describe page of 100 costs
1.041x the floor's instructions with the kept answers and 1.441x without
(``python benchmarks/instructions.py --calls 60 --base 10 describe``).

With :data:`CHECK_ANSWERS` on (``CHATBOT_MOCK_CHECK_ANSWERS=1``; the test suite turns it on
for every test), every value assigned is checked to be immutable, and every kept answer is
compared with one built afresh whenever it is handed out: a difference raises
:class:`StaleAnswer`.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
from operator import attrgetter
from typing import Any, Callable, ClassVar, Dict, Mapping, NoReturn, Optional, Tuple, TypeVar

K = TypeVar("K")
V = TypeVar("V")

#: Compare every kept answer with a fresh one as it is handed out, and refuse mutable
#: values in records (tests/conftest.py turns it on for the whole suite).
CHECK_ANSWERS = os.environ.get("CHATBOT_MOCK_CHECK_ANSWERS", "") not in ("", "0")

#: One counter for every record in the process: a record assigned after a form was
#: stamped has a higher revision than the form's stamp, whichever record it is.
_revisions = itertools.count(1)
_set_attribute = object.__setattr__


Getter = Callable[[Any], Any]


class StaleAnswer(AssertionError):
    """A record's kept answer differs from the one it builds now: a value was changed
    without the record seeing it (raised only with :data:`CHECK_ANSWERS` on)."""


class FrozenDict(Dict[K, V]):
    """A ``dict`` that refuses changes: equal to a dict, read as fast as one, and
    written as a JSON object, but changed only by building a new one."""

    __slots__ = ()

    def _refuse(self, *_: Any, **__: Any) -> NoReturn:
        raise TypeError(f"a {type(self).__name__} is read-only: assign the record a new one")

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = __ior__ = _refuse

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (dict(self),))

    def __copy__(self) -> FrozenDict[K, V]:
        return self

    def __deepcopy__(self, memo: Dict[int, Any]) -> FrozenDict[K, V]:
        return self


#: A JSON object or list kept in a record (as :func:`freeze` makes them).
JsonObject = FrozenDict[str, Any]
JsonList = Tuple[Any, ...]


def freeze(value: Any) -> Any:
    """JSON as immutable values: objects as :class:`FrozenDict`, lists as tuples."""
    if isinstance(value, dict):
        return FrozenDict({key: freeze(item) for key, item in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(freeze(item) for item in value)
    return value


def thaw(value: Any) -> Any:
    """Immutable values as plain JSON: a copy the caller may change."""
    if isinstance(value, dict):
        return {key: thaw(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [thaw(item) for item in value]
    return value


def is_frozen(value: Any) -> bool:
    """Whether ``value`` can change only by being replaced."""
    if value is None or isinstance(value, (str, int, float, Record)):
        return True
    if type(value) is tuple:
        return all(is_frozen(item) for item in value)
    if isinstance(value, FrozenDict):
        return all(is_frozen(item) for item in value.values())
    return False


class WireForm(FrozenDict[str, Any]):
    """A record's answer, keyed by the output shape's member names.

    Read-only: the serialiser keeps its rendering in :attr:`rendered`, and a changed
    form would answer stale text.
    """

    __slots__ = ("stamp", "rendered")

    def __init__(self, members: Dict[str, Any], stamp: int) -> None:
        super().__init__(members)
        self.stamp = stamp
        #: Whoever renders this form may keep the result here, keyed as it likes.
        self.rendered: Dict[Any, Any] = {}

    def __reduce__(self) -> Tuple[Any, ...]:
        return (WireForm, (dict(self), self.stamp))


def member(
    wire: Optional[str] = None,
    answer: Optional[Callable[[Any], Any]] = None,
    *,
    default: Any = dataclasses.MISSING,
    when_missing: Any = dataclasses.MISSING,
    reference: Optional[Tuple[str, str]] = None,
) -> Any:
    """A record's field, declared once.

    ``wire``: the answer member that shows it (none: kept, never answered), as
    ``answer`` turns it (tags into TagKey/TagValue pairs); ``default``: as a dataclass
    field's. For the snapshot (core/snapshot.py): ``when_missing``, what a snapshot
    that leaves it out means; ``reference``, for a field holding another record, the
    snapshot member that names it and the attribute of the record it holds
    (``("team_id", "team_id")``).
    """
    metadata = {"wire": wire, "answer": answer, "when_missing": when_missing, "reference": reference}
    return dataclasses.field(default=default, metadata=metadata)


class Record:
    """A dataclass of immutable values whose answer is built from its fields.

    :meth:`to_wire` answers every :func:`member` with a wire name, and every member of
    :attr:`shows`; :meth:`wire_form` keeps that answer until the record, or a record
    one of :attr:`shows`'s paths goes through, is assigned.
    """

    #: Answer members no field of the record holds itself: wire name -> dotted attribute
    #: path from the record (``"team.team_id"``). A path through another record
    #: makes the answer show that record, and change when it changes.
    shows: ClassVar[Mapping[str, str]] = {}

    _revision: int = 0
    _wire_form: Optional[WireForm] = None
    #: Getters of the other records the answer shows: set on the class with its answer
    #: table, which :meth:`to_wire` builds before any form is kept.
    _shown_records: ClassVar[Tuple[Getter, ...]] = ()

    def __setattr__(self, name: str, value: Any) -> None:
        # Not self.__dict__: materialising it slows every later attribute read of the
        # record, and a describe page reads 100 of them.
        if CHECK_ANSWERS and not is_frozen(value):
            raise TypeError(f"{type(self).__name__}.{name} must hold immutable values, not {value!r}")
        _set_attribute(self, name, value)
        _set_attribute(self, "_revision", next(_revisions))

    def __getstate__(self) -> Dict[str, Any]:
        # A copy or a pickle leaves the built form and the revision behind: revisions
        # count from 1 again in another process, where a kept stamp would outrank them.
        return {name: value for name, value in self.__dict__.items() if name not in ("_wire_form", "_revision")}

    def to_wire(self) -> Dict[str, Any]:
        """The answer, built afresh: the output shape's member names and values."""
        return {name: get(self) for name, get in _answer_of(type(self)).members}

    def wire_form(self) -> WireForm:
        """The answer, built again only if this record or one it shows has changed."""
        form = self._wire_form
        if form is not None and self._revision < form.stamp:
            stamp = form.stamp
            for shown in self._shown_records:
                if shown(self)._revision >= stamp:
                    break
            else:
                if CHECK_ANSWERS:
                    _check_fresh(self, form)
                return form
        form = WireForm(self.to_wire(), next(_revisions))
        # Kept without a new revision: building the answer changes nothing.
        _set_attribute(self, "_wire_form", form)
        return form


def _check_fresh(record: Record, form: WireForm) -> None:
    fresh = record.to_wire()
    if fresh != dict(form):
        changed = sorted(name for name in fresh.keys() | form.keys() if fresh.get(name) != form.get(name))
        raise StaleAnswer(
            f"{type(record).__name__}: its kept answer differs from a fresh one in {', '.join(changed)} "
            f"(kept {[form.get(name) for name in changed]!r}, fresh {[fresh.get(name) for name in changed]!r}): "
            "a value was changed in place"
        )


@dataclasses.dataclass(frozen=True)
class _Answer:
    #: (wire name, getter) of every member the answer shows.
    members: Tuple[Tuple[str, Getter], ...]
    #: Getters of the other records the answer shows.
    shown_records: Tuple[Getter, ...]


_answers: Dict[type, _Answer] = {}


def _answer_of(kind: type) -> _Answer:
    """A record class's answer table, built on first use (``@dataclass`` has finished
    with the class by then)."""
    found = _answers.get(kind)
    if found is None:
        found = _answers[kind] = _build_answer(kind)
        kind._shown_records = found.shown_records  # type: ignore[attr-defined]
    return found


def _build_answer(kind: type) -> _Answer:
    members = []
    for item in dataclasses.fields(kind):
        wire = item.metadata.get("wire")
        if wire is not None:
            convert = item.metadata["answer"]
            get = attrgetter(item.name)
            members.append((wire, get if convert is None else _converted(convert, get)))
    shows: Mapping[str, str] = kind.shows  # type: ignore[attr-defined]
    members.extend((wire, attrgetter(path)) for wire, path in shows.items())
    through = {".".join(path.split(".")[:end]) for path in shows.values() for end in range(1, path.count(".") + 1)}
    return _Answer(tuple(members), tuple(attrgetter(path) for path in sorted(through)))


def _converted(convert: Callable[[Any], Any], get: Getter) -> Getter:
    return lambda record: convert(get(record))
