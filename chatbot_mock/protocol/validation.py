"""Server-side validation of a value against a botocore shape.

botocore's own validator runs in the client and skips maximum lengths, patterns and
enums; the real service checks all of them. This one walks the shape like botocore's
does (one method per shape type) but checks every constraint the model states, and
collects every problem so the error lists all that is wrong at once, in the wording
AWS services use ("1 validation error detected: Value ... at 'x' failed to satisfy
constraint: Member must ...").

Most requests are valid, so :meth:`ShapeValidator.problems` first asks a predicate
compiled once per shape (and kept on the shape) whether the value has any problem at
all; only when it has does the walk that words every problem run. The predicate reads
no shape metadata and builds no paths, and is exactly as strict as the walk.
"""

from __future__ import annotations

import re
import reprlib
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Pattern, Tuple

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


class ShapeValidator:
    """Checks a parsed value against a shape and reports every problem found."""

    def problems(self, shape: Shape, value: Any, path: str = "") -> List[str]:
        if is_valid(shape, value):
            return []
        found: List[str] = []
        self._validate(shape, value, path, found)
        return found

    def _validate(self, shape: Shape, value: Any, path: str, found: List[str]) -> None:
        check: Callable[[Shape, Any, str, List[str]], None] = getattr(
            self, f"_validate_{shape.type_name}", self._validate_unknown
        )
        check(shape, value, path, found)

    @staticmethod
    def _fail(found: List[str], value: Any, shape: Shape, path: str, rule: str) -> None:
        found.append(f"Value {_describe(value, shape)} at '{path}' failed to satisfy constraint: Member must {rule}")

    def _validate_structure(self, shape: Shape, value: Any, path: str, found: List[str]) -> None:
        if not isinstance(value, dict):
            self._fail(found, value, shape, path or "body", "be a structure (JSON object)")
            return
        members = shape.members
        for name in shape.required_members:
            if value.get(name) is None:
                self._fail(found, None, members[name], _join(path, name), "not be null")
        for name, member_value in value.items():
            member_shape = members.get(name)
            # Unknown members are ignored, as AWS services ignore them.
            if member_shape is not None and member_value is not None:
                self._validate(member_shape, member_value, _join(path, name), found)

    def _validate_list(self, shape: Shape, value: Any, path: str, found: List[str]) -> None:
        if not isinstance(value, list):
            self._fail(found, value, shape, path, "be a list (JSON array)")
            return
        self._check_size(shape, value, path, found)
        member = shape.member
        for index, item in enumerate(value):
            item_path = f"{path}.{index + 1}.member"
            if item is None:
                self._fail(found, None, member, item_path, "not be null")
            else:
                self._validate(member, item, item_path, found)

    def _validate_map(self, shape: Shape, value: Any, path: str, found: List[str]) -> None:
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

    def _validate_string(self, shape: Shape, value: Any, path: str, found: List[str]) -> None:
        if not isinstance(value, str):
            self._fail(found, value, shape, path, "be a string")
            return
        self._check_size(shape, value, path, found)
        metadata = shape.metadata
        enum = metadata.get("enum")
        if enum and value not in enum:
            self._fail(found, value, shape, path, f"satisfy enum value set: [{', '.join(enum)}]")
        pattern = metadata.get("pattern")
        if pattern is not None and compiled_pattern(pattern).fullmatch(value) is None:
            self._fail(found, value, shape, path, f"satisfy regular expression pattern: {pattern}")

    def _validate_integer(self, shape: Shape, value: Any, path: str, found: List[str]) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            self._fail(found, value, shape, path, "be an integer")
            return
        self._check_range(shape, value, path, found)

    _validate_long = _validate_integer

    def _validate_float(self, shape: Shape, value: Any, path: str, found: List[str]) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self._fail(found, value, shape, path, "be a number")
            return
        self._check_range(shape, value, path, found)

    _validate_double = _validate_float

    def _validate_boolean(self, shape: Shape, value: Any, path: str, found: List[str]) -> None:
        if not isinstance(value, bool):
            self._fail(found, value, shape, path, "be a boolean")

    def _validate_timestamp(self, shape: Shape, value: Any, path: str, found: List[str]) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            self._fail(found, value, shape, path, "be a timestamp")

    def _validate_blob(self, shape: Shape, value: Any, path: str, found: List[str]) -> None:
        if not isinstance(value, str):
            self._fail(found, value, shape, path, "be base64-encoded binary data")

    def _validate_unknown(self, shape: Shape, value: Any, path: str, found: List[str]) -> None:
        raise TypeError(f"shape {shape.name} has type {shape.type_name}, which the validator does not know")

    def _check_size(self, shape: Shape, value: Any, path: str, found: List[str]) -> None:
        metadata = shape.metadata
        minimum: Optional[int] = metadata.get("min")
        maximum: Optional[int] = metadata.get("max")
        if minimum is not None and len(value) < minimum:
            self._fail(found, value, shape, path, f"have length greater than or equal to {minimum}")
        if maximum is not None and len(value) > maximum:
            self._fail(found, value, shape, path, f"have length less than or equal to {maximum}")

    def _check_range(self, shape: Shape, value: Any, path: str, found: List[str]) -> None:
        metadata = shape.metadata
        minimum = metadata.get("min")
        maximum = metadata.get("max")
        if minimum is not None and value < minimum:
            self._fail(found, value, shape, path, f"have value greater than or equal to {minimum}")
        if maximum is not None and value > maximum:
            self._fail(found, value, shape, path, f"have value less than or equal to {maximum}")


# -- the compiled predicates ---------------------------------------------------------------

Predicate = Callable[[Any], bool]

#: Where a shape keeps its compiled predicate (beside botocore's own cached properties).
_PREDICATE = "_chatbot_mock_is_valid"


def is_valid(shape: Shape, value: Any) -> bool:
    """Whether :meth:`ShapeValidator.problems` would find nothing wrong with ``value``."""
    return predicate(shape)(value)


def predicate(shape: Shape) -> Predicate:
    """The shape's compiled predicate, compiled on first use and kept on the shape.

    Kept on the shape object rather than in a table keyed by ``id(shape)``, so a shape
    that is garbage-collected takes its predicate with it and no id is ever reused.
    """
    compiled: Optional[Predicate] = shape.__dict__.get(_PREDICATE)
    if compiled is None:
        compiled = _COMPILERS.get(shape.type_name, _compile_unknown)(shape)
        shape.__dict__[_PREDICATE] = compiled
    return compiled


def _compile_structure(shape: Shape) -> Predicate:
    # The members' predicates are looked up on the first check, not here: models may
    # be recursive, and compiling a shape never compiles its members.
    required: Tuple[str, ...] = tuple(shape.required_members)
    checks: Optional[Dict[str, Predicate]] = None

    def check(value: Any) -> bool:
        nonlocal checks
        if checks is None:
            checks = {name: predicate(member) for name, member in shape.members.items()}
        if not isinstance(value, dict):
            return False
        for name in required:
            if value.get(name) is None:
                return False
        for name, member_value in value.items():
            if member_value is not None:
                member_check = checks.get(name)
                if member_check is not None and not member_check(member_value):
                    return False
        return True

    return check


def _size_bounds(shape: Shape) -> Tuple[Optional[int], Optional[int]]:
    return shape.metadata.get("min"), shape.metadata.get("max")


def _compile_list(shape: Shape) -> Predicate:
    member_shape = shape.member
    member: Optional[Predicate] = None
    minimum, maximum = _size_bounds(shape)

    def check(value: Any) -> bool:
        nonlocal member
        if member is None:
            member = predicate(member_shape)
        if not isinstance(value, list):
            return False
        if (minimum is not None and len(value) < minimum) or (maximum is not None and len(value) > maximum):
            return False
        for item in value:
            if item is None or not member(item):
                return False
        return True

    return check


def _compile_map(shape: Shape) -> Predicate:
    key_shape, value_shape = shape.key, shape.value
    key_check: Optional[Predicate] = None
    value_check: Optional[Predicate] = None
    minimum, maximum = _size_bounds(shape)

    def check(value: Any) -> bool:
        nonlocal key_check, value_check
        if key_check is None or value_check is None:
            key_check, value_check = predicate(key_shape), predicate(value_shape)
        if not isinstance(value, dict):
            return False
        if (minimum is not None and len(value) < minimum) or (maximum is not None and len(value) > maximum):
            return False
        for key, item in value.items():
            if not key_check(key) or item is None or not value_check(item):
                return False
        return True

    return check


def _compile_string(shape: Shape) -> Predicate:
    minimum, maximum = _size_bounds(shape)
    enum_values = shape.metadata.get("enum")
    enum: Optional[FrozenSet[str]] = frozenset(enum_values) if enum_values else None
    pattern = shape.metadata.get("pattern")
    fullmatch = compiled_pattern(pattern).fullmatch if pattern is not None else None

    def check(value: Any) -> bool:
        if not isinstance(value, str):
            return False
        if (minimum is not None and len(value) < minimum) or (maximum is not None and len(value) > maximum):
            return False
        if enum is not None and value not in enum:
            return False
        return fullmatch is None or fullmatch(value) is not None

    return check


def _compile_range(shape: Shape, kinds: Tuple[type, ...]) -> Predicate:
    minimum = shape.metadata.get("min")
    maximum = shape.metadata.get("max")

    def check(value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, kinds):
            return False
        return not ((minimum is not None and value < minimum) or (maximum is not None and value > maximum))

    return check


def _compile_integer(shape: Shape) -> Predicate:
    return _compile_range(shape, (int,))


def _compile_float(shape: Shape) -> Predicate:
    return _compile_range(shape, (int, float))


def _compile_boolean(shape: Shape) -> Predicate:
    return lambda value: isinstance(value, bool)


def _compile_timestamp(shape: Shape) -> Predicate:
    return lambda value: not isinstance(value, bool) and isinstance(value, (int, float, str))


def _compile_blob(shape: Shape) -> Predicate:
    return lambda value: isinstance(value, str)


def _compile_unknown(shape: Shape) -> Predicate:
    # Never valid: the wording walk then reaches the shape and raises its TypeError.
    return lambda value: False


_COMPILERS: Dict[str, Callable[[Shape], Predicate]] = {
    "structure": _compile_structure,
    "list": _compile_list,
    "map": _compile_map,
    "string": _compile_string,
    "integer": _compile_integer,
    "long": _compile_integer,
    "float": _compile_float,
    "double": _compile_float,
    "boolean": _compile_boolean,
    "timestamp": _compile_timestamp,
    "blob": _compile_blob,
}


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def summarize(problems: List[str]) -> str:
    """AWS's wording for a list of constraint violations."""
    count = len(problems)
    noun = "error" if count == 1 else "errors"
    return f"{count} validation {noun} detected: " + "; ".join(problems)
