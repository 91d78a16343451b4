"""Server-side validation of a value against a botocore shape.

botocore's own validator runs in the client and skips maximum lengths, patterns and
enums; the real service checks all of them. This one walks the shape like botocore's
does (one method per shape type) but checks every constraint the model states, and
collects every problem so the error lists all that is wrong at once, in the wording
AWS services use ("1 validation error detected: Value ... at 'x' failed to satisfy
constraint: Member must ...").
"""

from __future__ import annotations

import math
import re
import reprlib
from typing import Any, Callable, Dict, List, Optional, Pattern, Tuple

from botocore.model import Shape

# Model patterns say ``arn:aws:`` where the service means any partition; without this
# an ARN the mock itself issues in aws-cn or aws-us-gov would be refused on the way back.
_FIXED_PARTITION = "arn:aws:"
_ANY_PARTITION = "arn:aws[a-z-]*:"

_patterns: Dict[str, Pattern[str]] = {}


def compiled_pattern(pattern: str) -> Pattern[str]:
    """The model's pattern as the service applies it: to the whole value."""
    compiled = _patterns.get(pattern)
    if compiled is None:
        # As the service's (Java) regexes read them: \w, \d and \s are ASCII classes,
        # and '.' does not match a line break (no DOTALL).
        compiled = re.compile(pattern.replace(_FIXED_PARTITION, _ANY_PARTITION), re.ASCII)
        _patterns[pattern] = compiled
    return compiled


def _describe(value: Any, shape: Shape) -> str:
    if value is None:
        return "null"
    if shape.metadata.get("sensitive"):
        return "'*** sensitive ***'"
    if isinstance(value, str):
        text = f"'{value}'"
    else:
        try:
            text = repr(value)
        except RecursionError:
            # A value nested nearly as deep as json allows: repr runs out of stack, so
            # show its outer levels only.
            text = reprlib.repr(value)
    return text if len(text) <= 80 else text[:77] + "...'"


#: How many problems one validation message words; the rest are counted. AWS caps the
#: list too, and an uncapped one grows with the request (a list of 300,000 bad ARNs made
#: a 111 MB message).
LISTED = 10


class Problems(List[str]):
    """The worded problems (at most :data:`LISTED`) and, in ``total``, how many there were."""

    # A class default rather than an __init__: every request makes one, and nearly all
    # stay empty; the first problem found sets the instance's own count.
    total = 0


#: A shape type's check: (shape, value, path to the value, the problems found so far).
Check = Callable[[Shape, Any, str, Problems], None]


class _StringRules:
    """A string shape's constraints, as the model states them."""

    __slots__ = ("sized", "shortest", "longest", "enum", "pattern", "fullmatch")

    def __init__(self, shape: Shape) -> None:
        metadata = shape.metadata
        self.sized = "min" in metadata or "max" in metadata
        # Bounds that let every length through where the model states none; a length
        # outside them is reported by ShapeValidator._check_size, in its wording.
        self.shortest: int = metadata.get("min", 0)
        self.longest: float = metadata.get("max", math.inf)
        self.enum: Optional[List[str]] = metadata.get("enum") or None
        self.pattern: Optional[str] = metadata.get("pattern")
        self.fullmatch = compiled_pattern(self.pattern).fullmatch if self.pattern is not None else None


class _ListRules:
    """A list shape's length bounds, and its member's shape and check."""

    __slots__ = ("shortest", "longest", "member", "check")

    def __init__(self, shape: Shape, check: Check) -> None:
        metadata = shape.metadata
        # As _StringRules' bounds: a length outside them is reported by _check_size.
        self.shortest: int = metadata.get("min", 0)
        self.longest: float = metadata.get("max", math.inf)
        self.member: Shape = shape.member
        self.check = check


class ShapeValidator:
    """Checks a parsed value against a shape and reports every problem found."""

    def __init__(self) -> None:
        self._checks: Dict[str, Check] = {
            name[len("_validate_") :]: getattr(self, name)
            for name in dir(self)
            if name.startswith("_validate_") and name != "_validate_unknown"
        }

        #: String shape -> its constraints, read from the model once (strings are most of
        #: every request).
        self._string_rules: Dict[Shape, _StringRules] = {}
        #: Structure shape -> member name -> (member shape, its check), read from the
        #: model once: the walk then calls each member's check straight away.
        self._member_checks: Dict[Shape, Dict[str, Tuple[Shape, Check]]] = {}
        #: List shape -> its bounds and its member's check, read from the model once.
        self._list_rules: Dict[Shape, _ListRules] = {}

    def problems(self, shape: Shape, value: Any, path: str = "") -> Problems:
        """Every problem with ``value``: the first :data:`LISTED` worded, all counted."""
        found = Problems()
        self._checks.get(shape.type_name, self._validate_unknown)(shape, value, path, found)
        return found

    def _validate(self, shape: Shape, value: Any, path: str, found: Problems) -> None:
        self._check_of(shape)(shape, value, path, found)

    def _check_of(self, shape: Shape) -> Check:
        return self._checks.get(shape.type_name, self._validate_unknown)

    @staticmethod
    def _fail(found: Problems, value: Any, shape: Shape, path: str, rule: str) -> None:
        found.total += 1
        if len(found) < LISTED:  # a list of a million bad items is counted, not worded
            found.append(
                f"Value {_describe(value, shape)} at '{path}' failed to satisfy constraint: Member must {rule}"
            )

    def _validate_structure(self, shape: Shape, value: Any, path: str, found: Problems) -> None:
        if not isinstance(value, dict):
            self._fail(found, value, shape, path or "body", "be a structure (JSON object)")
            return
        for name in shape.required_members:
            if value.get(name) is None:
                self._fail(found, None, shape.members[name], _join(path, name), "not be null")
        checks = self._member_checks.get(shape)
        if checks is None:
            checks = self._member_checks[shape] = {
                name: (member, self._check_of(member)) for name, member in shape.members.items()
            }
        for name, member_value in value.items():
            entry = checks.get(name)
            # Unknown members are ignored, as AWS services ignore them.
            if entry is not None and member_value is not None:
                member, check = entry
                check(member, member_value, f"{path}.{name}" if path else name, found)

    def _validate_list(self, shape: Shape, value: Any, path: str, found: Problems) -> None:
        if not isinstance(value, list):
            self._fail(found, value, shape, path, "be a list (JSON array)")
            return
        rules = self._list_rules.get(shape)
        if rules is None:
            rules = self._list_rules[shape] = _ListRules(shape, self._check_of(shape.member))
        if not rules.shortest <= len(value) <= rules.longest:
            self._check_size(shape, value, path, found)
        member, check = rules.member, rules.check
        for index, item in enumerate(value):
            item_path = f"{path}.{index + 1}.member"
            if item is None:
                self._fail(found, None, member, item_path, "not be null")
            else:
                check(member, item, item_path, found)

    def _validate_map(self, shape: Shape, value: Any, path: str, found: Problems) -> None:
        if not isinstance(value, dict):
            self._fail(found, value, shape, path, "be a map (JSON object)")
            return
        self._check_size(shape, value, path, found)
        for key, item in value.items():
            self._validate(shape.key, key, f"{path}.{key}.key", found)
            if item is None:
                self._fail(found, None, shape.value, f"{path}.{key}.value", "not be null")
            else:
                self._validate(shape.value, item, f"{path}.{key}.value", found)

    def _validate_string(self, shape: Shape, value: Any, path: str, found: Problems) -> None:
        if not isinstance(value, str):
            self._fail(found, value, shape, path, "be a string")
            return
        rules = self._string_rules.get(shape)
        if rules is None:
            rules = self._string_rules[shape] = _StringRules(shape)
        if rules.sized and not rules.shortest <= len(value) <= rules.longest:
            self._check_size(shape, value, path, found)
        if rules.enum is not None and value not in rules.enum:
            self._fail(found, value, shape, path, f"satisfy enum value set: [{', '.join(rules.enum)}]")
        if rules.fullmatch is not None and rules.fullmatch(value) is None:
            self._fail(found, value, shape, path, f"satisfy regular expression pattern: {rules.pattern}")

    def _validate_integer(self, shape: Shape, value: Any, path: str, found: Problems) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            self._fail(found, value, shape, path, "be an integer")
            return
        self._check_range(shape, value, path, found)

    _validate_long = _validate_integer

    def _validate_float(self, shape: Shape, value: Any, path: str, found: Problems) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self._fail(found, value, shape, path, "be a number")
            return
        self._check_range(shape, value, path, found)

    _validate_double = _validate_float

    def _validate_boolean(self, shape: Shape, value: Any, path: str, found: Problems) -> None:
        if not isinstance(value, bool):
            self._fail(found, value, shape, path, "be a boolean")

    def _validate_timestamp(self, shape: Shape, value: Any, path: str, found: Problems) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            self._fail(found, value, shape, path, "be a timestamp")

    def _validate_blob(self, shape: Shape, value: Any, path: str, found: Problems) -> None:
        if not isinstance(value, str):
            self._fail(found, value, shape, path, "be base64-encoded binary data")

    def _validate_unknown(self, shape: Shape, value: Any, path: str, found: Problems) -> None:
        raise TypeError(f"shape {shape.name} has type {shape.type_name}, which the validator does not know")

    def _check_size(self, shape: Shape, value: Any, path: str, found: Problems) -> None:
        metadata = shape.metadata
        minimum: Optional[int] = metadata.get("min")
        maximum: Optional[int] = metadata.get("max")
        if minimum is not None and len(value) < minimum:
            self._fail(found, value, shape, path, f"have length greater than or equal to {minimum}")
        if maximum is not None and len(value) > maximum:
            self._fail(found, value, shape, path, f"have length less than or equal to {maximum}")

    def _check_range(self, shape: Shape, value: Any, path: str, found: Problems) -> None:
        metadata = shape.metadata
        minimum = metadata.get("min")
        maximum = metadata.get("max")
        if minimum is not None and value < minimum:
            self._fail(found, value, shape, path, f"have value greater than or equal to {minimum}")
        if maximum is not None and value > maximum:
            self._fail(found, value, shape, path, f"have value less than or equal to {maximum}")


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def summarize(problems: List[str]) -> str:
    """AWS's wording for a list of constraint violations: how many, then the first
    :data:`LISTED`, and how many more there were."""
    count = max(len(problems), getattr(problems, "total", 0))
    noun = "error" if count == 1 else "errors"
    listed = problems[:LISTED]
    more = count - len(listed)
    return f"{count} validation {noun} detected: " + "; ".join(listed) + (f"; and {more} more" if more else "")
