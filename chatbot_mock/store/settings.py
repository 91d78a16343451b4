"""Quota settings: documented defaults, overridable per mock."""

from __future__ import annotations

from typing import Dict, Mapping, Optional


class Settings:
    """Named integer limits. Unknown names are refused, so a typo in
    ``mock_chatbot(quotas=...)`` fails loudly instead of being ignored."""

    def __init__(self, defaults: Mapping[str, int], overrides: Optional[Mapping[str, int]] = None) -> None:
        self._values: Dict[str, int] = dict(defaults)
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
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"quota setting {name} must be a non-negative integer, not {value!r}")
        self._values.update(overrides)

    def __getitem__(self, name: str) -> int:
        return self._values[name]

    def as_dict(self) -> Dict[str, int]:
        return dict(self._values)
