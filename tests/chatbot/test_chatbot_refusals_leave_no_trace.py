"""A refused request changes nothing: every rule is checked before anything is written.

Each case runs against a well-populated account (every kind of configuration, user
identities, custom actions, associations, tags, preferences) and compares everything
the API can read back before and after. The one documented exception, a Slack create
in an unauthorised workspace keeping its name, is tested in the Slack tests.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Tuple

import pytest
from chatbot_helpers import (
    DEFAULT_ACCOUNT,
    OTHER_SLACK_CHANNEL_ID,
    OTHER_TEAMS_CHANNEL_ID,
    ROLE_ARN,
    SLACK_CHANNEL_ID,
    SLACK_TEAM_ID,
    SLACK_USER_ID,
    TEAMS_CHANNEL_ID,
    TEAMS_TEAM_ID,
    TEAMS_USER_ID,
    account_state,
    create_action,
    create_chime,
    create_slack,
    create_teams,
    raises_service_error,
    tags,
    uuid_for,
)

FREE_SLACK_CHANNEL_ID = "C0FREE"
FREE_TEAMS_CHANNEL_ID = "19%3afree%40thread.tacv2"
TOKEN = "client-token-0123456789abcdef0123456789"
TOO_MANY_TAGS = [{"TagKey": f"key-{i}", "TagValue": "v"} for i in range(51)]
DUPLICATE_TAGS = [{"TagKey": "team", "TagValue": "a"}, {"TagKey": "team", "TagValue": "b"}]
UNKNOWN_CONFIGURATION = f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/slack-channel/nope"
UNKNOWN_ACTION = f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:custom-action/nope"

WorldAccess = Dict[str, str]


@pytest.fixture
def world(chatbot_mock: Any, chatbot: Any, slack_arn: str, teams_arn: str, chime_arn: str) -> WorldAccess:
    """An account with a bit of everything."""
    chatbot_mock.chatbot.add_slack_user_identity(slack_arn, SLACK_TEAM_ID, SLACK_USER_ID, ROLE_ARN)
    chatbot_mock.chatbot.add_teams_user_identity(teams_arn, TEAMS_USER_ID, ROLE_ARN)
    action = create_action(chatbot, ClientToken=TOKEN, Tags=tags(team="ops"))
    chatbot.associate_to_configuration(Resource=action, ChatConfiguration=slack_arn)
    chatbot.tag_resource(ResourceARN=slack_arn, Tags=tags(team="ops"))
    chatbot.update_account_preferences(TrainingDataCollectionEnabled=True)
    # Second channels of each kind, for refusals that need an obstacle.
    create_slack(chatbot, name="slack-second", channel_id=OTHER_SLACK_CHANNEL_ID)
    create_teams(chatbot, name="teams-second", channel_id=OTHER_TEAMS_CHANNEL_ID)
    return {"slack": slack_arn, "teams": teams_arn, "chime": chime_arn, "action": action}


REFUSALS: Dict[str, Tuple[str, int, Callable[[Any, WorldAccess], Any]]] = {
    # (expected code, status, the refused call)
    "slack name in use": (
        "ConflictException",
        409,
        lambda c, w: create_slack(c, channel_id=FREE_SLACK_CHANNEL_ID),
    ),
    "teams name in use by slack": (
        "ConflictException",
        409,
        lambda c, w: create_teams(c, name="slack-alerts", channel_id=FREE_TEAMS_CHANNEL_ID),
    ),
    "chime name in use by teams": ("ConflictException", 409, lambda c, w: create_chime(c, name="teams-alerts")),
    "slack channel already configured": ("InvalidRequestException", 400, lambda c, w: create_slack(c, name="other")),
    "teams channel already configured": ("InvalidRequestException", 400, lambda c, w: create_teams(c, name="other")),
    "teams team not configured": (
        "InvalidRequestException",
        400,
        lambda c, w: create_teams(c, name="other", team_id=uuid_for(5)),
    ),
    "teams tenant mismatch": (
        "InvalidRequestException",
        400,
        lambda c, w: create_teams(c, name="other", channel_id=FREE_TEAMS_CHANNEL_ID, tenant_id=uuid_for(5)),
    ),
    "duplicate tags at create": (
        "InvalidParameterException",
        400,
        lambda c, w: create_chime(c, name="other", Tags=DUPLICATE_TAGS),
    ),
    "too many tags at create": (
        "LimitExceededException",
        403,
        lambda c, w: create_slack(c, name="other", channel_id=FREE_SLACK_CHANNEL_ID, Tags=TOO_MANY_TAGS),
    ),
    "update slack onto a configured channel": (
        "InvalidRequestException",
        400,
        lambda c, w: c.update_slack_channel_configuration(
            ChatConfigurationArn=w["slack"], SlackChannelId=OTHER_SLACK_CHANNEL_ID, LoggingLevel="ERROR"
        ),
    ),
    "update teams onto a configured channel": (
        "InvalidRequestException",
        400,
        lambda c, w: c.update_microsoft_teams_channel_configuration(
            ChatConfigurationArn=w["teams"], ChannelId=OTHER_TEAMS_CHANNEL_ID, LoggingLevel="ERROR"
        ),
    ),
    "update unknown slack configuration": (
        "ResourceNotFoundException",
        404,
        lambda c, w: c.update_slack_channel_configuration(
            ChatConfigurationArn=UNKNOWN_CONFIGURATION, SlackChannelId=SLACK_CHANNEL_ID
        ),
    ),
    "update teams with a chime arn": (
        "ResourceNotFoundException",
        404,
        lambda c, w: c.update_microsoft_teams_channel_configuration(
            ChatConfigurationArn=w["chime"], ChannelId=TEAMS_CHANNEL_ID
        ),
    ),
    "delete unknown chime configuration": (
        "ResourceNotFoundException",
        404,
        lambda c, w: c.delete_chime_webhook_configuration(ChatConfigurationArn=UNKNOWN_CONFIGURATION),
    ),
    "delete workspace with channels": (
        "InvalidParameterException",
        400,
        lambda c, w: c.delete_slack_workspace_authorization(SlackTeamId=SLACK_TEAM_ID),
    ),
    "delete team with channels": (
        "InvalidParameterException",
        400,
        lambda c, w: c.delete_microsoft_teams_configured_team(TeamId=TEAMS_TEAM_ID),
    ),
    "delete unknown team": (
        "ResourceNotFoundException",
        404,
        lambda c, w: c.delete_microsoft_teams_configured_team(TeamId=uuid_for(5)),
    ),
    "delete unknown slack identity": (
        "ResourceNotFoundException",
        404,
        lambda c, w: c.delete_slack_user_identity(
            ChatConfigurationArn=w["slack"], SlackTeamId=SLACK_TEAM_ID, SlackUserId="UNOBODY"
        ),
    ),
    "delete unknown teams identity": (
        "ResourceNotFoundException",
        404,
        lambda c, w: c.delete_microsoft_teams_user_identity(ChatConfigurationArn=w["teams"], UserId=uuid_for(5)),
    ),
    "custom action name in use": ("ConflictException", 409, lambda c, w: create_action(c, command="other")),
    "client token reused for another request": (
        "ConflictException",
        409,
        lambda c, w: create_action(c, name="other", ClientToken=TOKEN),
    ),
    "custom action with duplicate tags": (
        "InvalidRequestException",
        400,
        lambda c, w: create_action(c, name="other", Tags=DUPLICATE_TAGS),
    ),
    "update unknown custom action": (
        "ResourceNotFoundException",
        404,
        lambda c, w: c.update_custom_action(CustomActionArn=UNKNOWN_ACTION, Definition={"CommandText": "x"}),
    ),
    "delete unknown custom action": (
        "ResourceNotFoundException",
        404,
        lambda c, w: c.delete_custom_action(CustomActionArn=UNKNOWN_ACTION),
    ),
    "associate with unknown configuration": (
        "ResourceNotFoundException",
        404,
        lambda c, w: c.associate_to_configuration(Resource=w["action"], ChatConfiguration=UNKNOWN_CONFIGURATION),
    ),
    "associate unknown action": (
        "ResourceNotFoundException",
        404,
        lambda c, w: c.associate_to_configuration(Resource=UNKNOWN_ACTION, ChatConfiguration=w["teams"]),
    ),
    "disassociate what is not associated": (
        "ResourceNotFoundException",
        404,
        lambda c, w: c.disassociate_from_configuration(Resource=w["action"], ChatConfiguration=w["teams"]),
    ),
    "tag unknown resource": (
        "ResourceNotFoundException",
        404,
        lambda c, w: c.tag_resource(ResourceARN=UNKNOWN_CONFIGURATION, Tags=tags(k="v")),
    ),
    "tag with duplicate keys": (
        "InvalidRequestException",
        400,
        lambda c, w: c.tag_resource(ResourceARN=w["slack"], Tags=DUPLICATE_TAGS),
    ),
    "tag past the limit": (
        "TooManyTagsException",
        400,
        lambda c, w: c.tag_resource(ResourceARN=w["action"], Tags=TOO_MANY_TAGS),
    ),
    "untag unknown resource": (
        "ResourceNotFoundException",
        404,
        lambda c, w: c.untag_resource(ResourceARN=UNKNOWN_ACTION, TagKeys=["team"]),
    ),
    "forged page token": (
        "InvalidParameterException",
        400,
        lambda c, w: c.describe_slack_channel_configurations(NextToken="forged-token"),
    ),
}


@pytest.mark.parametrize(("code", "status", "refused"), list(REFUSALS.values()), ids=list(REFUSALS))
def test_a_refused_request_leaves_the_account_unchanged(chatbot, world, code, status, refused):
    before = account_state(chatbot)

    with raises_service_error(code, status):
        refused(chatbot, world)

    assert account_state(chatbot) == before


def test_the_refusals_cover_every_error_code_the_backend_raises():
    assert {code for code, _, _ in REFUSALS.values()} == {
        "ConflictException",
        "InvalidRequestException",
        "InvalidParameterException",
        "LimitExceededException",
        "ResourceNotFoundException",
        "TooManyTagsException",
    }
