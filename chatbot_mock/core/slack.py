"""What both services keep of Slack: the workspaces the console authorised, and channels
by (team, channel)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Tuple, TypeVar

from chatbot_mock.core.collection import OrderedCollection
from chatbot_mock.core.records import Record, member

#: (team id, channel id): a Slack channel (Chatbot keys Microsoft Teams channels alike).
ChannelKey = Tuple[str, str]


@dataclass
class SlackWorkspace(Record):
    """A Slack workspace the console authorised in one account (each service answers it
    in its own shape, under :attr:`Record.shows`)."""

    team_id: str = member()
    team_name: str = member()


W = TypeVar("W", bound=SlackWorkspace)


def authorize_workspace(
    workspaces: OrderedCollection[str, W], team_id: str, team_name: str, new: Callable[[], W]
) -> W:
    """The console's OAuth authorisation of a workspace in an account.

    Authorising a workspace again renames it: Slack tells the console its current name.
    A new one is made by ``new``, which may refuse it (Support App's quota) before
    anything changes.
    """
    workspace = workspaces.get(team_id)
    if workspace is not None:
        workspace.team_name = team_name
        return workspace
    workspace = new()
    workspaces.put(team_id, workspace)
    return workspace
