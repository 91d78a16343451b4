"""Quota settings: documented defaults, with one layer of overrides per mock that is on."""

from __future__ import annotations

from typing import Dict, List, Mapping, Optional, Tuple


class Settings:
    """Named integer limits. Unknown names are refused, so a typo in
    ``mock_chatbot(quotas=...)`` fails loudly instead of being ignored.

    The values in force are a base (the defaults, or what a loaded snapshot set) under a
    stack of layers, one per mock that is on, innermost last: a mock started inside
    another overrides what it names until it stops, when its layer goes and the outer
    values show again. No mock has to remember what it replaced.
    """

    def __init__(
        self,
        defaults: Mapping[str, int],
        overrides: Optional[Mapping[str, int]] = None,
        minimums: Optional[Mapping[str, int]] = None,
    ) -> None:
        # A page size of 0 would hand out tokens forever; such settings name their floor.
        self._minimums: Dict[str, int] = dict(minimums or {})
        self._base: Dict[str, int] = dict(defaults)
        self._layers: List[Tuple[object, Dict[str, int]]] = []
        if overrides:
            self._base.update(self.checked(overrides))
        #: The values in force, worked out when a layer changes: quota checks read it on
        #: every create.
        self._values: Dict[str, int] = dict(self._base)

    def checked(self, overrides: Mapping[str, int]) -> Dict[str, int]:
        """``overrides`` as a dict, or ``ValueError`` naming an unknown setting or a bad value."""
        unknown = sorted(set(overrides) - set(self._base))
        if unknown:
            raise ValueError(
                f"unknown quota setting(s) {', '.join(unknown)}; known settings: {', '.join(sorted(self._base))}"
                " (see docs/quotas.md)"
            )
        for name, value in overrides.items():
            minimum = self._minimums.get(name, 0)
            if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
                kind = "a non-negative integer" if minimum == 0 else f"an integer of at least {minimum}"
                raise ValueError(f"quota setting {name} must be {kind}, not {value!r}")
        return dict(overrides)

    # -- layers --------------------------------------------------------------------------

    def push_layer(self, owner: object, overrides: Mapping[str, int]) -> None:
        """``owner``'s overrides take effect above every layer pushed before."""
        self._layers.append((owner, self.checked(overrides)))
        self._resolve()

    def pop_layer(self, owner: object) -> None:
        """Remove ``owner``'s innermost layer (harmless if it has none)."""
        for index in range(len(self._layers) - 1, -1, -1):
            if self._layers[index][0] is owner:
                del self._layers[index]
                self._resolve()
                return

    def set_in_layer(self, owner: object, overrides: Mapping[str, int]) -> None:
        """Change ``owner``'s innermost layer: in force now unless a layer above it
        overrides the same setting, and gone when that layer is popped."""
        checked = self.checked(overrides)
        for layer_owner, layer in reversed(self._layers):
            if layer_owner is owner:
                layer.update(checked)
                self._resolve()
                return
        raise LookupError(f"{owner!r} has no layer of settings")

    def update(self, overrides: Mapping[str, int]) -> None:
        """Change settings now, in the innermost layer (the base when there is none)."""
        checked = self.checked(overrides)
        (self._layers[-1][1] if self._layers else self._base).update(checked)
        self._resolve()

    def replace_all(self, values: Mapping[str, int]) -> None:
        """Every setting as ``values`` says, whatever the layers held: a loaded snapshot's
        settings stay in force as its resources do, after inner mocks stop."""
        self._base.update(self.checked(values))
        for _, layer in self._layers:
            layer.clear()
        self._resolve()

    def _resolve(self) -> None:
        values = dict(self._base)
        for _, layer in self._layers:
            values.update(layer)
        self._values = values

    # -- reading -------------------------------------------------------------------------

    def __getitem__(self, name: str) -> int:
        return self._values[name]

    def as_dict(self) -> Dict[str, int]:
        return dict(self._values)


def quota_advice(setting: str, limit: int) -> str:
    """Where a refused call's limit comes from, for the mock's advice (never the message)."""
    return (
        f"The limit of {limit} is the mock's quota setting {setting!r}: change it with "
        f"m.set_quota({setting!r}, n), or mock_chatbot(quotas={{{setting!r}: n}}) (docs/quotas.md)."
    )
