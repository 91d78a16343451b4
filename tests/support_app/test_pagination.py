"""ListSlackChannelConfigurations and ListSlackWorkspaceConfigurations pages.

A page holds ``support_app_page_size`` items (10 unless overridden); ``nextToken`` comes
only when more remain. Tokens are opaque: only the listing and account that got one may
bring it back.
"""

from __future__ import annotations

import base64

import pytest
from support_app_helpers import (
    OTHER_ACCOUNT,
    TEAM_ID,
    TEAM_NAME,
    channel_configurations,
    create_channel,
    new_client,
    raises_service_error,
    workspace_configurations,
)

SMALL_PAGES = pytest.mark.chatbot_mock(quotas={"support_app_page_size": 3})


def create_channels(client, count):
    names = [f"C{index:02d}" for index in range(count)]
    for name in names:
        create_channel(client, channel_id=name)
    return names


def channel_page(client, **request):
    page = client.list_slack_channel_configurations(**request)
    return [c["channelId"] for c in page["slackChannelConfigurations"]], page.get("nextToken")


# -- page size and nextToken ----------------------------------------------------------------------


def test_ten_configurations_fit_in_one_page_without_a_token(support_app, workspace):
    names = create_channels(support_app, 10)

    assert channel_page(support_app) == (names, None)


def test_the_eleventh_configuration_goes_to_a_second_page(support_app, workspace):
    names = create_channels(support_app, 11)

    first, token = channel_page(support_app)
    second, last_token = channel_page(support_app, nextToken=token)

    assert (first, second, last_token) == (names[:10], names[10:], None)


def test_a_full_last_page_carries_no_token(support_app, workspace):
    names = create_channels(support_app, 20)

    first, token = channel_page(support_app)
    second, last_token = channel_page(support_app, nextToken=token)

    assert (first, second, last_token) == (names[:10], names[10:], None)


@pytest.mark.chatbot_mock(quotas={"support_app_workspaces_per_account": 12})
def test_workspaces_are_paged_by_ten(support_app, chatbot_mock):
    for index in range(12):
        chatbot_mock.support_app.authorize_slack_workspace(f"T{index:02d}", f"team {index}")

    first = support_app.list_slack_workspace_configurations()
    second = support_app.list_slack_workspace_configurations(nextToken=first["nextToken"])

    assert len(first["slackWorkspaceConfigurations"]) == 10
    assert [w["teamId"] for w in second["slackWorkspaceConfigurations"]] == ["T10", "T11"]
    assert "nextToken" not in second


def test_five_workspaces_fit_in_one_page(support_app, chatbot_mock):
    for index in range(5):
        chatbot_mock.support_app.authorize_slack_workspace(f"T{index}", f"team {index}")

    response = support_app.list_slack_workspace_configurations()

    assert len(response["slackWorkspaceConfigurations"]) == 5
    assert "nextToken" not in response


@SMALL_PAGES
def test_the_page_size_setting_sets_the_page_length(support_app, workspace):
    names = create_channels(support_app, 7)

    first, token = channel_page(support_app)
    second, token = channel_page(support_app, nextToken=token)
    third, token = channel_page(support_app, nextToken=token)

    assert (first, second, third, token) == (names[0:3], names[3:6], names[6:7], None)


@SMALL_PAGES
def test_walking_the_pages_yields_every_configuration_once_in_order(support_app, workspace):
    names = create_channels(support_app, 17)

    assert [c["channelId"] for c in channel_configurations(support_app)] == names


@pytest.mark.chatbot_mock(quotas={"support_app_page_size": 2, "support_app_workspaces_per_account": 7})
def test_walking_the_workspace_pages_yields_every_workspace_once_in_order(support_app, chatbot_mock):
    for index in range(7):
        chatbot_mock.support_app.authorize_slack_workspace(f"T{index}", f"team {index}")

    assert [w["teamId"] for w in workspace_configurations(support_app)] == [f"T{index}" for index in range(7)]


@SMALL_PAGES
def test_a_token_can_be_used_again_for_the_same_page(support_app, workspace):
    create_channels(support_app, 7)
    _, token = channel_page(support_app)

    assert channel_page(support_app, nextToken=token) == channel_page(support_app, nextToken=token)


# -- changes between pages ------------------------------------------------------------------------


@SMALL_PAGES
def test_deleting_seen_and_unseen_items_between_pages_neither_skips_nor_repeats(support_app, workspace):
    names = create_channels(support_app, 9)
    seen, token = channel_page(support_app)
    support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=names[2])  # the page's last item
    support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=names[4])  # not seen yet

    while token:
        page, token = channel_page(support_app, nextToken=token)
        seen.extend(page)

    assert seen == [name for name in names if name != names[4]]


@SMALL_PAGES
def test_deleting_everything_left_between_pages_answers_an_empty_last_page(support_app, workspace):
    names = create_channels(support_app, 5)
    _, token = channel_page(support_app)
    for name in names[3:]:
        support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=name)

    assert channel_page(support_app, nextToken=token) == ([], None)


@SMALL_PAGES
def test_a_configuration_created_between_pages_appears_at_the_end(support_app, workspace):
    names = create_channels(support_app, 4)
    seen, token = channel_page(support_app)
    create_channel(support_app, channel_id="C-late")

    while token:
        page, token = channel_page(support_app, nextToken=token)
        seen.extend(page)

    assert seen == [*names, "C-late"]


@pytest.mark.chatbot_mock(quotas={"support_app_page_size": 2})
def test_deleting_a_workspace_between_pages_neither_skips_nor_repeats(support_app, chatbot_mock):
    for team_id in ("T0", "T1", "T2", "T3", "T4"):
        chatbot_mock.support_app.authorize_slack_workspace(team_id, team_id)
    first = support_app.list_slack_workspace_configurations()
    support_app.delete_slack_workspace_configuration(teamId="T1")
    support_app.delete_slack_workspace_configuration(teamId="T3")

    rest = support_app.list_slack_workspace_configurations(nextToken=first["nextToken"])

    assert [w["teamId"] for w in first["slackWorkspaceConfigurations"]] == ["T0", "T1"]
    assert [w["teamId"] for w in rest["slackWorkspaceConfigurations"]] == ["T2", "T4"]
    assert "nextToken" not in rest


# -- tokens that are refused --------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    ["not-a-token", "AAAA", base64.urlsafe_b64encode(b"ListSlackChannelConfigurations|123456789012|0|forged").decode()],
)
def test_a_forged_token_is_refused(support_app, token):
    with raises_service_error("ValidationException", 400, "is not a token this service issued"):
        support_app.list_slack_channel_configurations(nextToken=token)


@SMALL_PAGES
def test_a_tampered_token_is_refused(support_app, workspace):
    create_channels(support_app, 4)
    _, token = channel_page(support_app)
    listing, account_id, _position, signature = base64.urlsafe_b64decode(token).split(b"|")
    tampered = base64.urlsafe_b64encode(b"|".join([listing, account_id, b"1", signature])).decode()

    with raises_service_error("ValidationException", 400, "not a token this service issued"):
        support_app.list_slack_channel_configurations(nextToken=tampered)


def test_a_forged_token_with_non_ascii_bytes_is_refused(chatbot_mock):
    client = new_client(retries={"total_max_attempts": 1})
    token = base64.urlsafe_b64encode(b"ListSlackChannelConfigurations|123456789012|0|\xff\xfe").decode()

    with raises_service_error("ValidationException", 400, "not a token this service issued"):
        client.list_slack_channel_configurations(nextToken=token)


@SMALL_PAGES
def test_a_token_from_the_workspace_listing_is_refused_by_the_channel_listing(support_app, chatbot_mock):
    for index in range(4):
        chatbot_mock.support_app.authorize_slack_workspace(f"T{index}", f"team {index}")
    token = support_app.list_slack_workspace_configurations()["nextToken"]

    with raises_service_error("ValidationException", 400, "was issued for another request"):
        support_app.list_slack_channel_configurations(nextToken=token)


@SMALL_PAGES
def test_a_token_from_the_channel_listing_is_refused_by_the_workspace_listing(support_app, workspace):
    create_channels(support_app, 4)
    _, token = channel_page(support_app)

    with raises_service_error("ValidationException", 400, "was issued for another request"):
        support_app.list_slack_workspace_configurations(nextToken=token)


@SMALL_PAGES
def test_a_token_from_another_account_is_refused(support_app, client_for, chatbot_mock, workspace):
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=OTHER_ACCOUNT)
    other = client_for(OTHER_ACCOUNT)
    create_channels(other, 4)
    create_channels(support_app, 4)
    _, token = channel_page(other)

    with raises_service_error("ValidationException", 400, "was issued for another request"):
        support_app.list_slack_channel_configurations(nextToken=token)


@SMALL_PAGES
def test_a_token_from_before_a_reset_is_refused(support_app, chatbot_mock, workspace):
    create_channels(support_app, 4)
    _, token = channel_page(support_app)
    chatbot_mock.reset()

    with raises_service_error("ValidationException", 400, "not a token this service issued"):
        support_app.list_slack_channel_configurations(nextToken=token)
