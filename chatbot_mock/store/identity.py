"""Who is calling: the account and region a request acts in."""

from __future__ import annotations

from typing import NamedTuple

DEFAULT_ACCOUNT_ID = "123456789012"
DEFAULT_REGION = "us-east-1"


def partition_for(region: str) -> str:
    """The ARN partition a region belongs to."""
    if region.startswith("cn-"):
        return "aws-cn"
    if region.startswith("us-gov-"):
        return "aws-us-gov"
    if region.startswith("us-iso-"):
        return "aws-iso"
    if region.startswith("us-isob-"):
        return "aws-iso-b"
    return "aws"


class Caller(NamedTuple):
    """The account and region one call acts in. State belongs to the account;
    the region only decides the partition of the ARNs the call hands out."""

    account_id: str
    region: str = DEFAULT_REGION

    @property
    def partition(self) -> str:
        return partition_for(self.region)
