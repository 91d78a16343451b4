"""The validator, on every shape of both models: what the strategies build to satisfy
a shape passes, and whatever botocore's own client-side validator refuses, ours
refuses too.

botocore's ``ParamValidator`` is an independent implementation of a subset of the
rules (types, required members, minimum lengths and ranges); the service checks all
of them and more (maximum lengths, patterns, enums), so ours must be at least as
strict everywhere botocore speaks.
"""

from __future__ import annotations

from typing import List, Tuple

import pytest
from botocore.model import Shape
from botocore.validate import ParamValidator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shape_strategies import examples, valid, values

from chatbot_mock.protocol.model import service_specs
from chatbot_mock.protocol.validation import ShapeValidator


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


def _botocore_refuses(shape: Shape, value: object) -> bool:
    return ParamValidator().validate(value, shape).has_errors()


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_value_built_to_satisfy_the_shape_passes(data: st.DataObject) -> None:
    label, shape = data.draw(st.sampled_from(SHAPES), label="shape")
    value = data.draw(valid(shape), label=label)
    assert ShapeValidator().problems(shape, value) == []


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_what_botocore_refuses_the_validator_refuses(data: st.DataObject) -> None:
    label, shape = data.draw(st.sampled_from(SHAPES), label="shape")
    value = data.draw(values(shape), label=label)
    if _botocore_refuses(shape, value):
        assert ShapeValidator().problems(shape, value) != []


@pytest.mark.parametrize(("service", "shape_name"), SCALAR_SHAPES, ids=[f"{s}:{n}" for s, n in SCALAR_SHAPES])
@settings(max_examples=examples(20), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_scalar_shape_is_checked_at_least_as_strictly_as_botocore(
    service: str, shape_name: str, data: st.DataObject
) -> None:
    # Each kind of scalar on its own, so every constraint (an enum, a pattern, a bound)
    # is hit directly and not only when a structure happens to break that one member.
    shape = service_specs()[service].model.shape_for(shape_name)
    value = data.draw(values(shape), label=shape_name)
    if _botocore_refuses(shape, value):
        assert ShapeValidator().problems(shape, value) != []
