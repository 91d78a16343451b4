"""AWS Organizations as far as these services care: who manages whom."""

from __future__ import annotations

import sys
from typing import Dict, FrozenSet, Iterable, List, NamedTuple, Optional


class Organization(NamedTuple):
    management_account_id: str
    member_account_ids: FrozenSet[str]


class AccountAlreadyInOrganization(ValueError):
    pass


class Organizations:
    """Which organization, if any, each account belongs to."""

    def __init__(self) -> None:
        self._by_account: Dict[str, Organization] = {}

    def create(self, management_account_id: str, member_account_ids: Iterable[str]) -> Organization:
        members = frozenset(member_account_ids) - {management_account_id}
        taken = sorted(a for a in members | {management_account_id} if a in self._by_account)
        if taken:
            raise AccountAlreadyInOrganization(
                f"Account(s) {', '.join(taken)} already belong to an organization"
            )
        organization = Organization(management_account_id, members)
        for account_id in members | {management_account_id}:
            self._by_account[account_id] = organization
        return organization

    def of(self, account_id: str) -> Optional[Organization]:
        """The account's organization: one ``m.create_organization`` made, else, while
        moto's ``mock_aws`` is on, one moto's Organizations holds."""
        found = self._by_account.get(account_id)
        return found if found is not None else _moto_organization_of(account_id)

    def all(self) -> List[Organization]:
        """Each organization once, by management account id."""
        found = {organization.management_account_id: organization for organization in self._by_account.values()}
        return [found[management] for management in sorted(found)]


def _moto_organization_of(account_id: str) -> Optional[Organization]:
    # Only when moto is already imported and switched on: moto is never imported here.
    core = sys.modules.get("moto.core.models")
    models = sys.modules.get("moto.organizations.models")
    if core is None or models is None or not getattr(getattr(core, "botocore_stubber", None), "enabled", False):
        return None
    try:
        # moto keeps an organization in the Organizations backend of the account that
        # created it (its management account), with every account it holds.
        for per_partition in list(models.organizations_backends.values()):
            for backend in list(per_partition.values()):
                organization = backend.org
                if organization is None:
                    continue
                members = {str(account.id) for account in backend.accounts}
                if account_id in members:
                    management = str(organization.master_account_id)
                    return Organization(management, frozenset(members - {management}))
    except Exception:  # a moto whose internals moved: as if moto held no organization
        return None
    return None
