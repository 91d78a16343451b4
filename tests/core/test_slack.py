"""Authorising a Slack workspace, as both services' consoles do."""

from __future__ import annotations

import pytest

from chatbot_mock.core.collection import OrderedCollection
from chatbot_mock.core.refusals import QuotaExceeded
from chatbot_mock.core.slack import SlackWorkspace, authorize_workspace


def test_a_new_workspace_is_made_and_kept() -> None:
    workspaces: OrderedCollection[str, SlackWorkspace] = OrderedCollection()

    workspace = authorize_workspace(workspaces, "T1", "acme", lambda: SlackWorkspace("T1", "acme"))

    assert workspaces.get("T1") is workspace


def test_authorising_again_renames_the_same_workspace_without_making_one() -> None:
    workspaces: OrderedCollection[str, SlackWorkspace] = OrderedCollection()
    first = authorize_workspace(workspaces, "T1", "acme", lambda: SlackWorkspace("T1", "acme"))

    def refuse() -> SlackWorkspace:
        raise AssertionError("a known workspace is not made again")

    again = authorize_workspace(workspaces, "T1", "acme-renamed", refuse)

    assert again is first and first.team_name == "acme-renamed" and len(workspaces) == 1


def test_a_workspace_refused_on_the_way_in_leaves_nothing() -> None:
    workspaces: OrderedCollection[str, SlackWorkspace] = OrderedCollection()

    def over_quota() -> SlackWorkspace:
        raise QuotaExceeded("too many")

    with pytest.raises(QuotaExceeded):
        authorize_workspace(workspaces, "T1", "acme", over_quota)

    assert len(workspaces) == 0
