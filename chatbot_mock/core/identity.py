"""Who is calling: the account and region a request acts in."""

from __future__ import annotations

import functools
import os
import sys
from typing import NamedTuple, Optional

DEFAULT_ACCOUNT_ID = "123456789012"
DEFAULT_REGION = "us-east-1"


def is_account_id(value: object) -> bool:
    """Twelve ASCII digits: what AWS accepts as an account id."""
    return isinstance(value, str) and len(value) == 12 and value.isascii() and value.isdigit()


def check_account_id(account_id: object, what: str = "account_id") -> str:
    """``account_id`` if it is 12 ASCII digits, else a TypeError or ValueError naming
    ``what``: an id AWS would not accept would end up in ARNs the model refuses."""
    if not isinstance(account_id, str):
        raise TypeError(
            f"{what} must be a string of 12 digits, such as '111122223333', not {type(account_id).__name__} "
            f"{account_id!r} (a number would lose leading zeros)"
        )
    if not is_account_id(account_id):
        raise ValueError(f"{what} must be 12 digits (0-9), such as '111122223333', not {account_id!r}")
    return account_id


def moto_account_id() -> Optional[str]:
    """``MOTO_ACCOUNT_ID``, as moto reads it, once checked; ``None`` when unset or empty."""
    value = os.environ.get("MOTO_ACCOUNT_ID")
    return check_account_id(value, "the MOTO_ACCOUNT_ID environment variable") if value else None


def fallback_account(chosen: Optional[str]) -> str:
    """The account of a call whose signature names none: the mock's own choice (an open
    ``as_account`` block, else a mock's ``account_id``), else ``MOTO_ACCOUNT_ID`` as moto
    reads it, else ``123456789012``. Seeding with ``account_id=None`` uses the same order."""
    return chosen or moto_account_id() or DEFAULT_ACCOUNT_ID


def account_for_access_key(access_key: str) -> Optional[str]:
    """The account a request's access key id belongs to, if it names one.

    A 12-digit key id is the account itself: the convention local AWS emulators share.
    While moto's ``mock_aws`` is on, a key moto issued (an IAM user's access key, or
    credentials from ``sts.assume_role``) belongs to the account moto gave it, so one test
    acts in one account across moto's services and these. Otherwise ``None``.
    """
    # is_account_id, without its call: every request comes through here.
    if len(access_key) == 12 and access_key.isascii() and access_key.isdigit():
        return access_key
    return _moto_account_for(access_key) if access_key else None


def _moto_account_for(access_key: str) -> Optional[str]:
    # Only when moto is already imported and switched on: moto is never imported here.
    core = sys.modules.get("moto.core.models")
    iam = sys.modules.get("moto.iam.models")
    if core is None or iam is None:
        return None
    stubber = getattr(core, "botocore_stubber", None)
    if not getattr(stubber, "enabled", False):
        return None
    try:
        # moto keeps every key it issued (assume_role's temporary ones included) in the
        # IAM backend of the key's account, one per partition.
        for account_id, account in list(iam.iam_backends.items()):
            for partition in list(account.values()):
                if access_key in partition.access_keys:
                    return str(account_id)
    except Exception:  # a moto whose internals moved: fall back to the usual order
        return None
    return None


# Cached: a create asks twice per call, and a call's region comes from its signature,
# so the size is bounded (a request may name any region).
@functools.lru_cache(maxsize=64)
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
