"""Server-side validation: every constraint of the model, checked by the mock itself.

botocore checks required members, types and minimum lengths before sending, but not
patterns, maximum lengths or enums; with ``Config(parameter_validation=False)`` it checks
nothing. Either way the service answers ValidationException (400) naming the member and
the rule, and lists every problem of the request in one message.
"""

from __future__ import annotations

import pytest
from support_app_helpers import CHANNEL_ID, ROLE_ARN, TEAM_ID, create_channel, raises_service_error

VALID_CREATE = {
    "teamId": TEAM_ID,
    "channelId": CHANNEL_ID,
    "channelRoleArn": ROLE_ARN,
    "notifyOnCaseSeverity": "none",
}

TEAM_ID_OPERATIONS = {
    "create_slack_channel_configuration": VALID_CREATE,
    "update_slack_channel_configuration": {"teamId": TEAM_ID, "channelId": CHANNEL_ID},
    "delete_slack_channel_configuration": {"teamId": TEAM_ID, "channelId": CHANNEL_ID},
    "delete_slack_workspace_configuration": {"teamId": TEAM_ID},
    "register_slack_workspace_for_organization": {"teamId": TEAM_ID},
}


# -- patterns -------------------------------------------------------------------------------------


@pytest.mark.parametrize("operation", sorted(TEAM_ID_OPERATIONS))
def test_a_team_id_with_whitespace_breaks_its_pattern_in_every_operation(unvalidated, operation):
    request = {**TEAM_ID_OPERATIONS[operation], "teamId": "T012 ABC"}

    with raises_service_error(
        "ValidationException", 400, "1 validation error detected", "Value 'T012 ABC' at 'teamId'", r"pattern: ^\S+$"
    ):
        getattr(unvalidated, operation)(**request)


def test_a_pattern_is_checked_even_when_botocore_validates_parameters(support_app):
    # botocore never checks patterns, so the request reaches the mock.
    with raises_service_error("ValidationException", 400, "at 'channelId'", "regular expression pattern"):
        create_channel(support_app, channel_id="C01 ABC")


def test_a_channel_role_arn_that_is_not_an_iam_role_breaks_its_pattern(unvalidated):
    arn = "arn:aws:iam::123456789012:user/SupportAppUser"

    with raises_service_error("ValidationException", 400, f"Value '{arn}' at 'channelRoleArn'", "role/(.+)$"):
        create_channel(unvalidated, channelRoleArn=arn)


@pytest.mark.parametrize("operation", ["create_slack_channel_configuration", "update_slack_channel_configuration"])
def test_an_empty_channel_name_breaks_its_length_and_pattern(unvalidated, operation):
    with raises_service_error(
        "ValidationException",
        400,
        "2 validation errors detected",
        "at 'channelName' failed to satisfy constraint: Member must have length greater than or equal to 1",
        "at 'channelName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^.+$",
    ):
        getattr(unvalidated, operation)(**{**VALID_CREATE, "channelName": ""})


def test_an_account_alias_with_a_slash_breaks_its_pattern(support_app):
    with raises_service_error("ValidationException", 400, "Value 'acme/prod' at 'accountAlias'", "pattern"):
        support_app.put_account_alias(accountAlias="acme/prod")


@pytest.mark.parametrize("operation", ["list_slack_channel_configurations", "list_slack_workspace_configurations"])
def test_a_next_token_with_whitespace_breaks_its_pattern(support_app, operation):
    with raises_service_error("ValidationException", 400, "at 'nextToken'", "regular expression pattern"):
        getattr(support_app, operation)(nextToken="two words")


# -- maximum lengths ------------------------------------------------------------------------------


@pytest.mark.parametrize("member", ["teamId", "channelId", "channelName"])
def test_a_member_longer_than_256_characters_is_refused(support_app, member):
    with raises_service_error(
        "ValidationException", 400, f"at '{member}'", "Member must have length less than or equal to 256"
    ):
        support_app.create_slack_channel_configuration(**{**VALID_CREATE, member: "x" * 257})


def test_a_member_of_exactly_256_characters_is_accepted(support_app, workspace):
    support_app.create_slack_channel_configuration(**{**VALID_CREATE, "channelId": "C" * 256})

    listed = support_app.list_slack_channel_configurations()["slackChannelConfigurations"]
    assert [c["channelId"] for c in listed] == ["C" * 256]


def test_an_account_alias_longer_than_30_characters_is_refused(support_app):
    with raises_service_error(
        "ValidationException", 400, "at 'accountAlias'", "Member must have length less than or equal to 30"
    ):
        support_app.put_account_alias(accountAlias="a" * 31)


def test_a_channel_role_arn_longer_than_2048_characters_is_refused(support_app):
    arn = ROLE_ARN + "x" * (2049 - len(ROLE_ARN))

    with raises_service_error("ValidationException", 400, "at 'channelRoleArn'", "less than or equal to 2048"):
        create_channel(support_app, channelRoleArn=arn)


def test_a_next_token_longer_than_256_characters_is_refused(support_app):
    with raises_service_error("ValidationException", 400, "at 'nextToken'", "less than or equal to 256"):
        support_app.list_slack_channel_configurations(nextToken="t" * 257)


# -- minimum lengths (reached only without botocore's checks) -----------------------------------


def test_a_channel_role_arn_shorter_than_31_characters_is_refused(unvalidated):
    with raises_service_error("ValidationException", 400, "at 'channelRoleArn'", "greater than or equal to 31"):
        create_channel(unvalidated, channelRoleArn="arn:aws:iam::1:role/r")


def test_an_empty_account_alias_is_refused(unvalidated):
    with raises_service_error("ValidationException", 400, "at 'accountAlias'", "greater than or equal to 1"):
        unvalidated.put_account_alias(accountAlias="")


# -- enums ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("operation", ["create_slack_channel_configuration", "update_slack_channel_configuration"])
def test_an_unknown_severity_is_refused_listing_the_valid_values(support_app, operation):
    with raises_service_error(
        "ValidationException",
        400,
        "Value 'low' at 'notifyOnCaseSeverity'",
        "Member must satisfy enum value set: [none, all, high]",
    ):
        getattr(support_app, operation)(**{**VALID_CREATE, "notifyOnCaseSeverity": "low"})


def test_severity_values_are_case_sensitive(support_app):
    with raises_service_error("ValidationException", 400, "Value 'HIGH' at 'notifyOnCaseSeverity'", "enum"):
        create_channel(support_app, notifyOnCaseSeverity="HIGH", notifyOnResolveCase=True)


# -- types ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "flag", ["notifyOnAddCorrespondenceToCase", "notifyOnCreateOrReopenCase", "notifyOnResolveCase"]
)
def test_a_notify_flag_that_is_not_a_boolean_is_refused(unvalidated, flag):
    with raises_service_error("ValidationException", 400, f"Value 'yes' at '{flag}'", "Member must be a boolean"):
        create_channel(unvalidated, **{flag: "yes"})


def test_a_team_id_that_is_not_a_string_is_refused(unvalidated):
    with raises_service_error("ValidationException", 400, "Value 42 at 'teamId'", "Member must be a string"):
        unvalidated.delete_slack_workspace_configuration(teamId=42)


def test_an_account_alias_that_is_not_a_string_is_refused(unvalidated):
    with raises_service_error("ValidationException", 400, "at 'accountAlias'", "Member must be a string"):
        unvalidated.put_account_alias(accountAlias=["acme"])


# -- missing required members ---------------------------------------------------------------------


@pytest.mark.parametrize("member", ["teamId", "channelId", "channelRoleArn", "notifyOnCaseSeverity"])
def test_create_without_a_required_member_is_refused(unvalidated, member):
    request = {name: value for name, value in VALID_CREATE.items() if name != member}

    with raises_service_error(
        "ValidationException", 400, f"Value null at '{member}' failed to satisfy constraint: Member must not be null"
    ):
        unvalidated.create_slack_channel_configuration(**request)


@pytest.mark.parametrize(
    "operation, request_without_member, member",
    [
        ("update_slack_channel_configuration", {"teamId": TEAM_ID}, "channelId"),
        ("delete_slack_channel_configuration", {"channelId": CHANNEL_ID}, "teamId"),
        ("delete_slack_workspace_configuration", {}, "teamId"),
        ("register_slack_workspace_for_organization", {}, "teamId"),
        ("put_account_alias", {}, "accountAlias"),
    ],
)
def test_other_operations_without_a_required_member_are_refused(unvalidated, operation, request_without_member, member):
    with raises_service_error("ValidationException", 400, f"Value null at '{member}'", "must not be null"):
        getattr(unvalidated, operation)(**request_without_member)


# -- several problems at once ---------------------------------------------------------------------


def test_every_problem_of_a_request_is_listed_in_one_message(unvalidated):
    with raises_service_error(
        "ValidationException",
        400,
        "5 validation errors detected: ",
        "Value null at 'teamId'",
        "Value 'C 1' at 'channelId'",
        "Value 'arn:aws:iam::123456789012:user/u' at 'channelRoleArn'",
        "Value 'low' at 'notifyOnCaseSeverity'",
        "Value 1 at 'notifyOnResolveCase'",
    ) as excinfo:
        unvalidated.create_slack_channel_configuration(
            channelId="C 1",
            channelRoleArn="arn:aws:iam::123456789012:user/u",
            notifyOnCaseSeverity="low",
            notifyOnResolveCase=1,
        )

    assert excinfo.value.response["Error"]["Message"].count("; ") == 4


def test_validation_comes_before_every_rule_of_the_backend(unvalidated):
    # No workspace is authorised, which would be a ConflictException; the invalid input wins.
    with raises_service_error("ValidationException", 400, "at 'notifyOnCaseSeverity'"):
        create_channel(unvalidated, notifyOnCaseSeverity="sometimes")

