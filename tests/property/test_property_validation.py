"""The validator's compiled fast path agrees with its wording walk, on every shape.

``ShapeValidator.problems`` answers ``[]`` straight from a predicate compiled per
shape; only when the predicate says no does the walk that words each problem run.
So the predicate must never pass a value the walk would refuse (that would let an
invalid request through), and should never refuse one the walk passes.
"""

from __future__ import annotations

from typing import Any, List, Tuple

import pytest
from botocore.model import Shape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shape_strategies import examples, values

from chatbot_mock.protocol.model import service_specs
from chatbot_mock.protocol.validation import ShapeValidator, is_valid


def _shapes() -> List[Tuple[str, Shape]]:
    shapes = []
    for service, spec in sorted(service_specs().items()):
        for name, operation in sorted(spec.operations.items()):
            if operation.input_shape is not None:
                shapes.append((f"{service} {name} input", operation.input_shape))
            if operation.output_shape is not None:
                shapes.append((f"{service} {name} output", operation.output_shape))
    return shapes


SHAPES = _shapes()


def _distinct_scalar_shapes() -> List[Tuple[str, str]]:
    """One named scalar shape per distinct (type, constraints): composites are covered
    by the operations' shapes above, and scalars with equal constraints behave alike."""
    seen = {}
    for service, spec in sorted(service_specs().items()):
        for name in sorted(spec.model.shape_names):
            shape = spec.model.shape_for(name)
            if shape.type_name in ("structure", "list", "map"):
                continue
            constraints = {key: shape.metadata.get(key) for key in ("min", "max", "pattern", "enum")}
            seen.setdefault(repr((shape.type_name, constraints)), (service, name))
    return sorted(seen.values())


SCALAR_SHAPES = _distinct_scalar_shapes()


def _walk(shape: Shape, value: Any) -> List[str]:
    found: List[str] = []
    ShapeValidator()._validate(shape, value, "", found)
    return found


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_compiled_predicate_agrees_with_the_wording_walk(data: st.DataObject) -> None:
    label, shape = data.draw(st.sampled_from(SHAPES), label="shape")
    value = data.draw(values(shape), label=label)
    problems = _walk(shape, value)
    assert is_valid(shape, value) == (problems == []), problems
    assert ShapeValidator().problems(shape, value) == problems


@pytest.mark.parametrize(("service", "shape_name"), SCALAR_SHAPES, ids=[f"{s}:{n}" for s, n in SCALAR_SHAPES])
@settings(max_examples=examples(20), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_scalar_shape_agrees(service: str, shape_name: str, data: st.DataObject) -> None:
    # Each kind of scalar on its own, so every constraint (an enum, a pattern, a bound)
    # is hit directly and not only when a structure happens to break that one member.
    shape = service_specs()[service].model.shape_for(shape_name)
    value = data.draw(values(shape), label=shape_name)
    problems = _walk(shape, value)
    assert is_valid(shape, value) == (problems == []), problems
