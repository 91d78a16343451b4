"""Hypothesis strategies built from botocore shapes: values that satisfy a shape's
constraints, and values that break them.

``values(shape)`` mixes both. Valid-looking values respect min/max lengths and
ranges, enums and patterns (``from_regex``); invalid ones violate exactly those, go
missing where a member is required, or have the wrong JSON type. Everything drawn is
a plain JSON value (what a request body can carry).
"""

from __future__ import annotations

import base64
import functools
import os
import re
import string
from typing import Any, Dict, List, Optional, Tuple

from botocore.model import Shape
from hypothesis import strategies as st

#: ``PROPERTY_EXAMPLES=10 pytest tests/property`` runs ten times the examples (a deeper
#: search than the suite's default, which keeps it to about twenty seconds).
EXAMPLES_SCALE = float(os.environ.get("PROPERTY_EXAMPLES", "1"))


def examples(count: int) -> int:
    """A test's ``max_examples``, scaled by ``PROPERTY_EXAMPLES``."""
    return max(1, int(count * EXAMPLES_SCALE))


#: How deep nested structures and lists go before the builder stops descending.
MAX_DEPTH = 4
#: Longest list or map a valid value has (the models allow up to 100 or more).
MAX_COLLECTION = 3

JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
ANY_JSON = st.recursive(
    JSON_SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(max_size=10), children, max_size=3)
    ),
    max_leaves=6,
)

_WRONG_TYPES: Dict[str, st.SearchStrategy[Any]] = {
    "string": st.one_of(st.integers(), st.booleans(), st.lists(st.text(max_size=3), max_size=2), st.just({})),
    "integer": st.one_of(st.text(max_size=5), st.booleans(), st.floats(allow_nan=False), st.just([])),
    "long": st.one_of(st.text(max_size=5), st.booleans(), st.floats(allow_nan=False), st.just([])),
    "float": st.one_of(st.text(max_size=5), st.booleans(), st.just({})),
    "double": st.one_of(st.text(max_size=5), st.booleans(), st.just({})),
    "boolean": st.one_of(st.integers(0, 1), st.text(max_size=5), st.just("true"), st.just([])),
    "timestamp": st.one_of(st.booleans(), st.just({}), st.just([1])),
    "blob": st.one_of(st.integers(), st.booleans(), st.just([])),
    "structure": st.one_of(st.text(max_size=5), st.integers(), st.lists(st.integers(), max_size=2), st.booleans()),
    "list": st.one_of(st.text(max_size=5), st.integers(), st.just({}), st.booleans()),
    "map": st.one_of(st.text(max_size=5), st.integers(), st.lists(st.integers(), max_size=2)),
}


def values(shape: Shape, depth: int = 0) -> st.SearchStrategy[Any]:
    """Mostly valid-looking values of ``shape``, often invalid ones."""
    return st.one_of(valid(shape, depth), invalid(shape, depth))


def valid(shape: Shape, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values meant to satisfy every constraint of ``shape`` (a pattern hypothesis
    cannot generate from falls back to text, which may not)."""
    builder = _VALID.get(shape.type_name)
    return ANY_JSON if builder is None else builder(shape, depth)


def invalid(shape: Shape, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values that break a constraint of ``shape`` (or one of its members)."""
    options: List[st.SearchStrategy[Any]] = [_WRONG_TYPES.get(shape.type_name, st.nothing())]
    builder = _INVALID.get(shape.type_name)
    if builder is not None:
        options.extend(builder(shape, depth))
    return st.one_of(*options)


def request_bodies(input_shape: Optional[Shape]) -> st.SearchStrategy[Dict[str, Any]]:
    """Request documents (the members of an operation's input) for an operation:
    valid-looking, or broken in one of many ways, sometimes with unknown members."""
    unknown = st.dictionaries(st.text(alphabet=string.ascii_letters, min_size=1, max_size=8), JSON_SCALARS, max_size=2)
    if input_shape is None:
        return st.one_of(st.just({}), unknown)
    members = set(input_shape.members)  # type: ignore[attr-defined]
    # Half valid-looking, half broken (one_of picks its branches about evenly).
    documents = st.one_of(valid(input_shape), st.one_of(*_invalid_structure(input_shape, 0)))
    return st.one_of(
        documents,
        st.builds(lambda document, extra: {**{k: v for k, v in extra.items() if k not in members}, **document},
                  documents, unknown),
    )


# -- strings ------------------------------------------------------------------------------------


def _bounds(shape: Shape) -> Tuple[int, Optional[int]]:
    return int(shape.metadata.get("min", 0)), shape.metadata.get("max")


@functools.cache
def _pattern_strategy(pattern: str, minimum: int, maximum: Optional[int]) -> st.SearchStrategy[str]:
    try:
        # A single character class repeated ("[\x21-\x7F]+") takes its length bounds
        # into the pattern: filtering short draws out would reject nearly all of them.
        repeated = re.fullmatch(r"\^?(\[[^\]]+\])\+\$?", pattern)
        if repeated is not None:
            pattern = f"{repeated.group(1)}{{{max(minimum, 1)},{maximum or max(minimum, 1) + 20}}}"
        # As the service reads its patterns: \w, \d and \s are ASCII classes.
        compiled = re.compile(pattern, re.ASCII)
        strategy = st.from_regex(compiled, fullmatch=True)
    except (re.error, ValueError, TypeError):
        return st.text(alphabet=string.ascii_letters + string.digits, min_size=minimum, max_size=maximum)
    return strategy.filter(lambda value: len(value) >= minimum and (maximum is None or len(value) <= maximum))


def _valid_string(shape: Shape, depth: int) -> st.SearchStrategy[Any]:
    minimum, maximum = _bounds(shape)
    enum = shape.metadata.get("enum")
    if enum:
        return st.sampled_from(list(enum))
    pattern = shape.metadata.get("pattern")
    if pattern is not None:
        return _pattern_strategy(pattern, minimum, maximum)
    upper = min(maximum, minimum + 30) if maximum is not None else minimum + 30
    text = st.text(min_size=minimum, max_size=upper)
    # Now and then a lone surrogate, which a JSON \ud800 escape decodes to.
    with_surrogate = st.text(min_size=max(minimum - 1, 0), max_size=max(upper - 1, 0)).map(lambda t: t + "\ud800")
    return st.one_of(text, with_surrogate) if upper >= 1 else text


def _invalid_string(shape: Shape, depth: int) -> List[st.SearchStrategy[Any]]:
    minimum, maximum = _bounds(shape)
    options: List[st.SearchStrategy[Any]] = []
    if minimum > 0:
        options.append(st.text(alphabet="ab1", max_size=minimum - 1))
    if maximum is not None:
        # Built from a repeated character: drawing thousands of characters one by one
        # would overrun hypothesis's buffer.
        options.append(st.integers(1, 3).map(lambda extra: "A1" * ((maximum + extra) // 2 + 1)))
    if shape.metadata.get("enum"):
        options.append(st.sampled_from(["", "NOT_A_MEMBER", "lowercase"]))
    if shape.metadata.get("pattern") is not None:
        options.append(st.text(alphabet=" \t\n!@#$%^&*()<>;'\"\\\u00e9\u4e2d", min_size=1, max_size=12))
    return options


# -- numbers, booleans, timestamps, blobs ----------------------------------------------------


def _valid_integer(shape: Shape, depth: int) -> st.SearchStrategy[Any]:
    return st.integers(min_value=shape.metadata.get("min"), max_value=shape.metadata.get("max"))


def _invalid_integer(shape: Shape, depth: int) -> List[st.SearchStrategy[Any]]:
    options: List[st.SearchStrategy[Any]] = []
    minimum, maximum = shape.metadata.get("min"), shape.metadata.get("max")
    if minimum is not None:
        options.append(st.integers(max_value=minimum - 1, min_value=minimum - 2**40))
    if maximum is not None:
        options.append(st.integers(min_value=maximum + 1, max_value=maximum + 2**40))
    options.append(st.floats(allow_nan=False, allow_infinity=False).filter(lambda value: value != int(value)))
    return options


def _valid_float(shape: Shape, depth: int) -> st.SearchStrategy[Any]:
    return st.floats(
        min_value=shape.metadata.get("min"), max_value=shape.metadata.get("max"), allow_nan=False, allow_infinity=False
    )


def _valid_boolean(shape: Shape, depth: int) -> st.SearchStrategy[Any]:
    return st.booleans()


def _valid_timestamp(shape: Shape, depth: int) -> st.SearchStrategy[Any]:
    return st.one_of(st.integers(0, 2**33), st.just("2026-01-01T00:00:00Z"))


def _valid_blob(shape: Shape, depth: int) -> st.SearchStrategy[Any]:
    return st.binary(max_size=20).map(lambda data: base64.b64encode(data).decode("ascii"))


# -- collections ------------------------------------------------------------------------------


def _valid_list(shape: Shape, depth: int) -> st.SearchStrategy[Any]:
    minimum, maximum = _bounds(shape)
    if depth >= MAX_DEPTH and minimum == 0:
        return st.just([])
    upper = min(maximum if maximum is not None else MAX_COLLECTION, max(minimum, MAX_COLLECTION))
    return st.lists(valid(shape.member, depth + 1), min_size=minimum, max_size=upper)  # type: ignore[attr-defined]


def _invalid_list(shape: Shape, depth: int) -> List[st.SearchStrategy[Any]]:
    minimum, maximum = _bounds(shape)
    member = shape.member  # type: ignore[attr-defined]
    options: List[st.SearchStrategy[Any]] = [
        # A null item, or one item that is itself broken.
        st.lists(valid(member, depth + 1), max_size=2).map(lambda items: [*items, None]),
    ]
    if depth < MAX_DEPTH:
        options.append(st.tuples(invalid(member, depth + 1)).map(list))
    if maximum is not None and maximum <= 200:
        options.append(valid(member, depth + 1).map(lambda item: [item] * (maximum + 1)))
    if minimum > 0:
        options.append(st.just([]))
    return options


def _valid_map(shape: Shape, depth: int) -> st.SearchStrategy[Any]:
    minimum, maximum = _bounds(shape)
    if depth >= MAX_DEPTH and minimum == 0:
        return st.just({})
    upper = min(maximum if maximum is not None else MAX_COLLECTION, max(minimum, MAX_COLLECTION))
    return st.dictionaries(
        valid(shape.key, depth + 1), valid(shape.value, depth + 1),  # type: ignore[attr-defined]
        min_size=minimum, max_size=upper,
    )


def _invalid_map(shape: Shape, depth: int) -> List[st.SearchStrategy[Any]]:
    return [
        st.dictionaries(valid(shape.key, depth + 1), st.none(), min_size=1, max_size=1),  # type: ignore[attr-defined]
        st.dictionaries(invalid(shape.key, depth + 1).filter(lambda key: isinstance(key, str)),  # type: ignore[attr-defined]
                        valid(shape.value, depth + 1), min_size=1, max_size=1),  # type: ignore[attr-defined]
    ]


def _structures(shape: Shape, depth: int, member: Any) -> st.SearchStrategy[Dict[str, Any]]:
    """Structures whose members are drawn by ``member`` (valid or any), with every
    required member present or one of them missing, and optional members at random."""
    members: Dict[str, Shape] = shape.members  # type: ignore[attr-defined]
    required = [name for name in shape.required_members if name in members]  # type: ignore[attr-defined]
    optional = [name for name in members if name not in required]
    if depth >= MAX_DEPTH:
        optional = []
    fixed = {name: member(members[name], depth + 1) for name in required}
    extra = {name: member(members[name], depth + 1) for name in optional}
    return st.fixed_dictionaries(fixed, optional=extra)


def _valid_structure(shape: Shape, depth: int) -> st.SearchStrategy[Any]:
    return _structures(shape, depth, member=valid)


def _invalid_structure(shape: Shape, depth: int) -> List[st.SearchStrategy[Any]]:
    members: Dict[str, Shape] = shape.members  # type: ignore[attr-defined]
    required = [name for name in shape.required_members if name in members]  # type: ignore[attr-defined]
    options: List[st.SearchStrategy[Any]] = []
    if required:
        def drop(document: Dict[str, Any], name: str, null: bool) -> Dict[str, Any]:
            document = dict(document)
            if null:
                document[name] = None
            else:
                document.pop(name, None)
            return document

        options.append(
            st.builds(drop, _valid_structure(shape, depth), st.sampled_from(required), st.booleans())
        )
    if members and depth < MAX_DEPTH:
        # One member broken, the rest valid.
        def broken(document: Dict[str, Any], name_and_value: Tuple[str, Any]) -> Dict[str, Any]:
            return {**document, name_and_value[0]: name_and_value[1]}

        names = sorted(members)
        options.append(
            st.builds(
                broken,
                _valid_structure(shape, depth),
                st.sampled_from(names).flatmap(
                    lambda name: st.tuples(st.just(name), invalid(members[name], depth + 1))
                ),
            )
        )
    return options


_VALID = {
    "string": _valid_string,
    "integer": _valid_integer,
    "long": _valid_integer,
    "float": _valid_float,
    "double": _valid_float,
    "boolean": _valid_boolean,
    "timestamp": _valid_timestamp,
    "blob": _valid_blob,
    "list": _valid_list,
    "map": _valid_map,
    "structure": _valid_structure,
}
_INVALID = {
    "string": _invalid_string,
    "integer": _invalid_integer,
    "long": _invalid_integer,
    "list": _invalid_list,
    "map": _invalid_map,
    "structure": _invalid_structure,
}
