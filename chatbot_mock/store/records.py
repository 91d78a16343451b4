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

import itertools
from operator import attrgetter
from typing import Any, Callable, ClassVar, Dict, NoReturn, Optional, Tuple

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

    def __setattr__(self, name: str, value: Any) -> None:
        # A dataclass __init__ comes through here once per field: the module-level
        # alias spares looking object.__setattr__ up twice a field (about a tenth of
        # making a record). Not self.__dict__: materialising it slows every later
        # attribute read of the record, and a describe page reads 100 of them.
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
