"""Quota settings: documented defaults, overridable per mock."""

from __future__ import annotations

from typing import Dict, Mapping, Optional


class Settings:
    """Named integer limits. Unknown names are refused, so a typo in
    ``mock_chatbot(quotas=...)`` fails loudly instead of being ignored."""

    def __init__(
        self,
        defaults: Mapping[str, int],
        overrides: Optional[Mapping[str, int]] = None,
        minimums: Optional[Mapping[str, int]] = None,
    ) -> None:
        self._values: Dict[str, int] = dict(defaults)
        # A page size of 0 would hand out tokens forever; such settings name their floor.
        self._minimums: Dict[str, int] = dict(minimums or {})
        if overrides:
            self.update(overrides)

    def update(self, overrides: Mapping[str, int]) -> None:
        unknown = sorted(set(overrides) - set(self._values))
        if unknown:
            raise ValueError(
                f"unknown quota setting(s) {', '.join(unknown)}; known settings: {', '.join(sorted(self._values))}"
                " (see docs/quotas.md)"
            )
        for name, value in overrides.items():
            minimum = self._minimums.get(name, 0)
            if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
                kind = "a non-negative integer" if minimum == 0 else f"an integer of at least {minimum}"
                raise ValueError(f"quota setting {name} must be {kind}, not {value!r}")
        self._values.update(overrides)

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
