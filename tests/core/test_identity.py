"""Who is calling: a region decides the partition of the ARNs a call hands out."""

import pytest

from chatbot_mock.core.identity import Caller, partition_for


@pytest.mark.parametrize(
    ("region", "partition"),
    [
        ("us-east-1", "aws"),
        ("eu-west-2", "aws"),
        ("ap-southeast-3", "aws"),
        ("cn-north-1", "aws-cn"),
        ("cn-northwest-1", "aws-cn"),
        ("us-gov-west-1", "aws-us-gov"),
        ("us-gov-east-1", "aws-us-gov"),
        ("us-iso-east-1", "aws-iso"),
        ("us-isob-east-1", "aws-iso-b"),
    ],
)
def test_every_region_of_a_partition_belongs_to_that_partition(region: str, partition: str) -> None:
    assert partition_for(region) == partition


def test_a_caller_issues_arns_in_its_regions_partition() -> None:
    assert Caller("111122223333", "cn-northwest-1").partition == "aws-cn"
    assert Caller("111122223333").partition == "aws"
