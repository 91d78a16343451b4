"""The notifyOnCaseSeverity rules (ValidationException, 400) on create and on update.

* ``high`` / ``all``: at least one of the three notify flags must be true.
* ``none``: every notify flag *given in the request* must be false.
* On create an omitted flag is false; on update it keeps its current value.
"""

from __future__ import annotations

import pytest
from support_app_helpers import (
    CHANNEL_ID,
    TEAM_ID,
    channel_configuration,
    channel_configurations,
    create_channel,
    raises_service_error,
)

FLAGS = ("notifyOnAddCorrespondenceToCase", "notifyOnCreateOrReopenCase", "notifyOnResolveCase")
ALL_OFF = dict.fromkeys(FLAGS, False)


def update(client, **members):
    return client.update_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID, **members)


# -- create --------------------------------------------------------------------------------


@pytest.mark.parametrize("severity", ["high", "all"])
@pytest.mark.parametrize("flag", FLAGS)
def test_create_with_high_or_all_accepts_any_single_flag_on(support_app, workspace, severity, flag):
    create_channel(support_app, notifyOnCaseSeverity=severity, **{flag: True})

    configuration = channel_configuration(support_app, TEAM_ID, CHANNEL_ID)
    assert configuration["notifyOnCaseSeverity"] == severity
    assert {name: configuration[name] for name in FLAGS} == {**ALL_OFF, flag: True}


@pytest.mark.parametrize("severity", ["high", "all"])
def test_create_with_high_or_all_and_no_flags_is_refused(support_app, workspace, severity):
    with raises_service_error("ValidationException", 400, f"notifyOnCaseSeverity is '{severity}'", "must be true"):
        create_channel(support_app, notifyOnCaseSeverity=severity)


@pytest.mark.parametrize("severity", ["high", "all"])
def test_create_with_high_or_all_and_every_flag_false_is_refused(support_app, workspace, severity):
    with raises_service_error("ValidationException", 400, "at least one of"):
        create_channel(support_app, notifyOnCaseSeverity=severity, **ALL_OFF)


def test_create_with_none_accepts_flags_given_as_false(support_app, workspace):
    create_channel(support_app, notifyOnCaseSeverity="none", **ALL_OFF)

    assert channel_configuration(support_app, TEAM_ID, CHANNEL_ID)["notifyOnCaseSeverity"] == "none"


@pytest.mark.parametrize("flag", FLAGS)
def test_create_with_none_and_a_flag_on_is_refused_naming_the_flag(support_app, workspace, flag):
    with raises_service_error("ValidationException", 400, "notifyOnCaseSeverity is 'none'", flag, "must be false"):
        create_channel(support_app, notifyOnCaseSeverity="none", **{flag: True})


def test_create_with_none_names_every_flag_that_is_on(support_app, workspace):
    with raises_service_error("ValidationException", 400, "notifyOnAddCorrespondenceToCase, notifyOnResolveCase"):
        create_channel(
            support_app, notifyOnCaseSeverity="none", notifyOnAddCorrespondenceToCase=True, notifyOnResolveCase=True
        )


def test_refused_create_adds_no_configuration(support_app, workspace):
    with raises_service_error("ValidationException", 400):
        create_channel(support_app, notifyOnCaseSeverity="high")

    assert channel_configurations(support_app) == []


def test_notification_rules_are_checked_before_the_workspace_is(support_app):
    # No workspace: the request itself is invalid, which the service reports first.
    with raises_service_error("ValidationException", 400, "at least one of"):
        create_channel(support_app, notifyOnCaseSeverity="all")


# -- update --------------------------------------------------------------------------------


def test_update_to_high_without_flags_keeps_the_current_flag_that_is_on(support_app, workspace):
    create_channel(support_app, notifyOnCaseSeverity="all", notifyOnResolveCase=True)

    response = update(support_app, notifyOnCaseSeverity="high")

    assert response["notifyOnCaseSeverity"] == "high"
    assert response["notifyOnResolveCase"] is True


def test_update_to_high_is_refused_when_no_flag_is_on_now_or_in_the_request(support_app, workspace):
    create_channel(support_app, notifyOnCaseSeverity="none")

    with raises_service_error("ValidationException", 400, "notifyOnCaseSeverity is 'high'", "at least one of"):
        update(support_app, notifyOnCaseSeverity="high")


def test_update_to_all_with_a_flag_switched_on_is_accepted(support_app, workspace):
    create_channel(support_app, notifyOnCaseSeverity="none")

    response = update(support_app, notifyOnCaseSeverity="all", notifyOnAddCorrespondenceToCase=True)

    assert response["notifyOnCaseSeverity"] == "all"
    assert response["notifyOnAddCorrespondenceToCase"] is True


def test_update_switching_off_the_last_flag_under_the_current_high_is_refused(support_app, channel):
    # The fixture's configuration is 'high' with only notifyOnCreateOrReopenCase on.
    with raises_service_error("ValidationException", 400, "notifyOnCaseSeverity is 'high'"):
        update(support_app, notifyOnCreateOrReopenCase=False)


def test_update_switching_off_one_of_two_flags_under_high_is_accepted(support_app, workspace):
    create_channel(support_app, notifyOnCaseSeverity="high", notifyOnResolveCase=True, notifyOnCreateOrReopenCase=True)

    response = update(support_app, notifyOnResolveCase=False)

    assert response["notifyOnResolveCase"] is False
    assert response["notifyOnCreateOrReopenCase"] is True


@pytest.mark.parametrize("flag", FLAGS)
def test_update_to_none_with_a_flag_given_as_true_is_refused(support_app, channel, flag):
    with raises_service_error("ValidationException", 400, "notifyOnCaseSeverity is 'none'", flag):
        update(support_app, notifyOnCaseSeverity="none", **{flag: True})


def test_update_to_none_switching_every_flag_off_is_accepted(support_app, channel):
    response = update(support_app, notifyOnCaseSeverity="none", **ALL_OFF)

    assert response["notifyOnCaseSeverity"] == "none"
    assert {name: response[name] for name in FLAGS} == ALL_OFF


def test_update_to_none_only_checks_the_flags_given_in_the_request_and_clears_the_rest(support_app, channel):
    # The reference: "any of the following parameters that you specify in your request must be false".
    # Accepted, then no flag stays on: no create could make such a configuration.
    response = update(support_app, notifyOnCaseSeverity="none")

    assert response["notifyOnCaseSeverity"] == "none"
    assert response["notifyOnCreateOrReopenCase"] is False
    assert channel_configuration(support_app, TEAM_ID, CHANNEL_ID)["notifyOnCreateOrReopenCase"] is False


def test_update_switching_a_flag_on_while_severity_stays_none_is_refused(support_app, workspace):
    create_channel(support_app, notifyOnCaseSeverity="none")

    with raises_service_error("ValidationException", 400, "notifyOnCaseSeverity is 'none'", "notifyOnResolveCase"):
        update(support_app, notifyOnResolveCase=True)


def test_refused_update_changes_nothing(support_app, channel):
    with raises_service_error("ValidationException", 400):
        update(support_app, channelName="renamed", notifyOnCaseSeverity="none", notifyOnResolveCase=True)

    assert channel_configuration(support_app, TEAM_ID, CHANNEL_ID) == channel
