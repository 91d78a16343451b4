"""AWS Organizations as far as these services care: who manages whom."""

from __future__ import annotations

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
        return self._by_account.get(account_id)

    def all(self) -> List[Organization]:
        """Each organization once, by management account id."""
        found = {organization.management_account_id: organization for organization in self._by_account.values()}
        return [found[management] for management in sorted(found)]
