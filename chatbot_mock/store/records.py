"""Stored records that build their answer form once per change, not once per call.

A describe page of 100 configurations used to build and render the same 100 records
on every call. A :class:`Record` keeps the :class:`WireForm` it built last and builds
a new one only after one of its attributes, or of a record its answer shows
(:attr:`Record.shown_records`), was assigned. The serialiser in turn keeps the JSON
text of a ``WireForm`` on it, so an unchanged record is rendered once, ever.

Changes are seen through attribute assignment only: a record's lists and dicts are
replaced, never changed in place (``record.tags = {...}``, not ``record.tags[k] = v``).
"""

from __future__ import annotations

import dataclasses
import itertools
from operator import attrgetter
from typing import Any, Callable, ClassVar, Dict, List, NoReturn, Optional, Tuple

#: One counter for every record in the process: a record assigned after a form was
#: stamped has a higher revision than the form's stamp, whichever record it is.
_revisions = itertools.count(1)
_set_attribute = object.__setattr__


class WireForm(Dict[str, Any]):
    """A record's answer, keyed by the output shape's member names, and read-only.

    A ``dict`` (so it reads as fast as one and equals one) that refuses changes: the
    serialiser keeps its rendering in :attr:`rendered`, and a changed form would
    answer stale text.
    """

    __slots__ = ("stamp", "rendered")

    def __init__(self, members: Dict[str, Any], stamp: int) -> None:
        super().__init__(members)
        self.stamp = stamp
        #: Whoever renders this form may keep the result here, keyed as it likes.
        self.rendered: Dict[Any, Any] = {}

    def _refuse(self, *_: Any, **__: Any) -> NoReturn:
        raise TypeError("a WireForm is read-only: change the record, and ask it for its form again")

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = __ior__ = _refuse

    def __reduce__(self) -> Tuple[Any, ...]:
        return (WireForm, (dict(self), self.stamp))

    def __deepcopy__(self, memo: Dict[int, Any]) -> WireForm:
        # Read-only, so a copy of a record can share its form.
        return self


class Record:
    """A record whose :meth:`wire_form` is built once per change.

    Subclasses (dataclasses) build their answer in :meth:`to_wire` and name in
    :attr:`shown_records` the other records whose attributes that answer shows, as
    dotted attribute paths from the record (``"configuration.workspace"``).
    """

    shown_records: ClassVar[Tuple[str, ...]] = ()

    _revision: int = 0
    _wire_form: Optional[WireForm] = None
    _shown_getters: ClassVar[Tuple[Callable[[Any], Record], ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._shown_getters = tuple(attrgetter(path) for path in cls.shown_records)
        if "__init__" not in cls.__dict__:
            # @dataclass keeps an __init__ the class already has, so this one stands
            # in for the one it would write (see _untracked_init).
            cls.__init__ = _first_init(cls)  # type: ignore[method-assign]

    def __setattr__(self, name: str, value: Any) -> None:
        # Not self.__dict__: materialising it slows every later attribute read of the
        # record, and a describe page reads 100 of them. (__init__ does not come
        # through here: see _untracked_init.)
        _set_attribute(self, name, value)
        _set_attribute(self, "_revision", next(_revisions))

    def __getstate__(self) -> Dict[str, Any]:
        # A copy or a pickle leaves the built form and the revision behind: revisions
        # count from 1 again in another process, where a kept stamp would outrank them.
        return {name: value for name, value in self.__dict__.items() if name not in ("_wire_form", "_revision")}

    def to_wire(self) -> Dict[str, Any]:
        """The answer, built afresh: the output shape's member names and values."""
        raise NotImplementedError

    def wire_form(self) -> WireForm:
        """The answer, built again only if this record or one it shows has changed."""
        form = self._wire_form
        if form is not None and self._revision < form.stamp:
            stamp = form.stamp
            for shown in self._shown_getters:
                if shown(self)._revision >= stamp:
                    break
            else:
                return form
        form = WireForm(self.to_wire(), next(_revisions))
        # Kept without a new revision: building the answer changes nothing.
        _set_attribute(self, "_wire_form", form)
        return form


class _FromFactory:
    """Stands for "no value given" where a field's default comes from its default_factory
    (shown as a dataclass shows it)."""

    def __repr__(self) -> str:
        return "<factory>"


_FROM_FACTORY = _FromFactory()


def _first_init(cls: type) -> Callable[..., None]:
    """The __init__ a Record subclass starts with: on its first call it puts the right
    one in its place (``@dataclass`` has finished with the class by then) and runs it."""

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        init = _untracked_init(cls)
        if init is not None:
            cls.__init__ = init  # type: ignore[misc]
        elif cls.__dict__.get("__init__") is __init__:
            # Not a dataclass of its own: it inherits its __init__, as it would have.
            delattr(cls, "__init__")
        cls.__init__(self, *args, **kwargs)  # type: ignore[misc]

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


def _untracked_init(cls: type) -> Optional[Callable[..., None]]:
    """A dataclass's __init__, with the same parameters, that sets its fields without
    going through :meth:`Record.__setattr__` and bumps the revision once.

    Making a record is most of what a create does, and one Python-level __setattr__
    call per field cost about six times the assignments themselves. ``None`` for a class
    that is not itself a dataclass, or is one with ``init=False``: it has no __init__ of
    its own to replace.
    """
    params = cls.__dict__.get("__dataclass_params__")
    if "__dataclass_fields__" not in cls.__dict__ or params is None or not params.init:
        return None
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__qualname__}: a Record's __init__ does not call __post_init__")
    namespace: Dict[str, Any] = {"_set": _set_attribute, "_revisions": _revisions, "_FROM_FACTORY": _FROM_FACTORY}
    parameters: List[str] = []
    lines: List[str] = []
    for number, item in enumerate(dataclasses.fields(cls)):
        if not item.init or getattr(item, "kw_only", False):
            raise TypeError(f"{cls.__qualname__}.{item.name}: a Record's fields are all plain __init__ parameters")
        name = item.name
        if item.default is not dataclasses.MISSING:
            namespace[f"_default_{number}"] = item.default
            parameters.append(f"{name}=_default_{number}")
            lines.append(f"    _set(self, {name!r}, {name})")
        elif item.default_factory is not dataclasses.MISSING:
            namespace[f"_factory_{number}"] = item.default_factory
            parameters.append(f"{name}=_FROM_FACTORY")
            lines.append(f"    _set(self, {name!r}, _factory_{number}() if {name} is _FROM_FACTORY else {name})")
        else:
            parameters.append(name)
            lines.append(f"    _set(self, {name!r}, {name})")
    lines.append("    _set(self, '_revision', next(_revisions))")
    source = f"def __init__(self, {', '.join(parameters)}):\n" + "\n".join(lines) + "\n"
    exec(source, namespace)  # noqa: S102 - the text is built from the class's own field names
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = {**{item.name: item.type for item in dataclasses.fields(cls)}, "return": None}
    return init
