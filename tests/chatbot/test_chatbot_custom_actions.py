"""Custom actions: create (with ClientToken idempotency), get, list, update, delete."""

from __future__ import annotations

import pytest
from chatbot_helpers import (
    DEFAULT_ACCOUNT,
    all_items,
    create_action,
    raises_service_error,
    tags,
)

TOKEN = "client-token-0123456789abcdef0123456789"
OTHER_TOKEN = "client-token-fedcba9876543210fedcba9876"
ATTACHMENTS = [
    {
        "NotificationType": "CloudWatch",
        "ButtonText": "Show logs",
        "Criteria": [{"Operator": "EQUALS", "VariableName": "state", "Value": "ALARM"}],
        "Variables": {"alarm": "event.detail.alarmName"},
    }
]
UNKNOWN_ARN = f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:custom-action/nope"


def custom_action(client, arn):
    return client.get_custom_action(CustomActionArn=arn)["CustomAction"]


def action_arns(client):
    return all_items(client, "list_custom_actions", "CustomActions")


# -- create -----------------------------------------------------------------------------------------


def test_create_answers_201_with_the_arn_built_from_the_name(chatbot):
    answer = chatbot.create_custom_action(ActionName="whoami", Definition={"CommandText": "sts get-caller-identity"})

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert answer["CustomActionArn"] == f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:custom-action/whoami"


def test_get_answers_every_member_given_at_create(chatbot):
    arn = create_action(chatbot, name="logs", command="logs tail $alarm", AliasName="tail", Attachments=ATTACHMENTS)

    assert custom_action(chatbot, arn) == {
        "CustomActionArn": arn,
        "ActionName": "logs",
        "Definition": {"CommandText": "logs tail $alarm"},
        "AliasName": "tail",
        "Attachments": ATTACHMENTS,
    }


def test_get_omits_what_create_did_not_give(chatbot, action_arn):
    assert set(custom_action(chatbot, action_arn)) == {"CustomActionArn", "ActionName", "Definition"}


def test_a_name_in_use_conflicts(chatbot, action_arn):
    with raises_service_error("ConflictException", 409, "whoami"):
        create_action(chatbot, name="whoami", command="something else")


def test_a_deleted_actions_name_is_free_again(chatbot, action_arn):
    chatbot.delete_custom_action(CustomActionArn=action_arn)

    assert create_action(chatbot, name="whoami") == action_arn


def test_repeating_a_create_with_the_same_client_token_answers_the_same_action(chatbot):
    first = create_action(chatbot, ClientToken=TOKEN, Tags=tags(team="ops"))
    again = create_action(chatbot, ClientToken=TOKEN, Tags=tags(team="ops"))

    assert again == first
    assert action_arns(chatbot) == [first]


def test_reusing_a_client_token_for_a_different_request_conflicts(chatbot):
    create_action(chatbot, ClientToken=TOKEN)

    with raises_service_error("ConflictException", 409, TOKEN, "different parameters"):
        create_action(chatbot, name="other", ClientToken=TOKEN)

    assert len(action_arns(chatbot)) == 1


def test_reusing_a_client_token_with_a_changed_definition_conflicts(chatbot):
    create_action(chatbot, ClientToken=TOKEN)

    with raises_service_error("ConflictException", 409, TOKEN):
        create_action(chatbot, command="sts get-session-token", ClientToken=TOKEN)


def test_a_new_client_token_for_a_name_in_use_conflicts_on_the_name(chatbot):
    create_action(chatbot, ClientToken=TOKEN)

    with raises_service_error("ConflictException", 409, "A custom action named whoami"):
        create_action(chatbot, ClientToken=OTHER_TOKEN)


def test_a_deleted_actions_client_token_creates_afresh(chatbot):
    arn = create_action(chatbot, ClientToken=TOKEN)
    chatbot.delete_custom_action(CustomActionArn=arn)

    assert create_action(chatbot, ClientToken=TOKEN) == arn
    assert action_arns(chatbot) == [arn]


def test_create_with_tags_tags_the_action(chatbot):
    arn = create_action(chatbot, Tags=tags(team="ops"))

    assert chatbot.list_tags_for_resource(ResourceARN=arn)["Tags"] == tags(team="ops")


# -- list ---------------------------------------------------------------------------------------------


def test_list_answers_arns_in_creation_order(chatbot):
    arns = [create_action(chatbot, name=name) for name in ("zulu", "alpha", "mike")]

    assert action_arns(chatbot) == arns


def test_list_of_a_new_account_answers_an_empty_list(chatbot):
    assert chatbot.list_custom_actions()["CustomActions"] == []


# -- get / update / delete of unknown actions ---------------------------------------------------------


def test_get_of_an_unknown_action_is_not_found(chatbot):
    with raises_service_error("ResourceNotFoundException", 404, UNKNOWN_ARN):
        chatbot.get_custom_action(CustomActionArn=UNKNOWN_ARN)


def test_update_of_an_unknown_action_is_not_found(chatbot):
    with raises_service_error("ResourceNotFoundException", 404, UNKNOWN_ARN):
        chatbot.update_custom_action(CustomActionArn=UNKNOWN_ARN, Definition={"CommandText": "sts get-caller-identity"})


def test_delete_of_an_unknown_action_is_not_found(chatbot):
    with raises_service_error("ResourceNotFoundException", 404, UNKNOWN_ARN):
        chatbot.delete_custom_action(CustomActionArn=UNKNOWN_ARN)


def test_another_accounts_action_is_not_found(chatbot, client_for, action_arn):
    with raises_service_error("ResourceNotFoundException", 404):
        client_for("111122223333").get_custom_action(CustomActionArn=action_arn)


# -- update ---------------------------------------------------------------------------------------------


def test_update_answers_the_arn_and_changes_the_members_given(chatbot, action_arn):
    answer = chatbot.update_custom_action(
        CustomActionArn=action_arn,
        Definition={"CommandText": "sts get-session-token"},
        AliasName="session",
        Attachments=ATTACHMENTS,
    )

    assert answer["CustomActionArn"] == action_arn
    assert custom_action(chatbot, action_arn) == {
        "CustomActionArn": action_arn,
        "ActionName": "whoami",
        "Definition": {"CommandText": "sts get-session-token"},
        "AliasName": "session",
        "Attachments": ATTACHMENTS,
    }


def test_an_update_is_the_whole_new_action_so_what_it_leaves_out_is_gone(chatbot):
    arn = create_action(chatbot, AliasName="me", Attachments=ATTACHMENTS)

    chatbot.update_custom_action(CustomActionArn=arn, Definition={"CommandText": "sts get-session-token"})

    action = custom_action(chatbot, arn)
    assert "AliasName" not in action and "Attachments" not in action
    assert action["Definition"] == {"CommandText": "sts get-session-token"}


@pytest.mark.parametrize("operation", ["create", "update"])
def test_an_attachment_without_a_notification_type_is_an_invalid_request(chatbot, action_arn, operation):
    # The model marks NotificationType optional; the live API answers "Invalid request body".
    attachments = [{"ButtonText": "Show logs"}]
    before = custom_action(chatbot, action_arn)

    with raises_service_error("InvalidRequestException", 400, "NotificationType"):
        if operation == "create":
            create_action(chatbot, name="other", Attachments=attachments)
        else:
            chatbot.update_custom_action(
                CustomActionArn=action_arn, Definition={"CommandText": "x"}, Attachments=attachments
            )

    assert custom_action(chatbot, action_arn) == before
    assert len(chatbot.list_custom_actions()["CustomActions"]) == 1


# -- delete -----------------------------------------------------------------------------------------------


def test_delete_answers_204_and_removes_the_action(chatbot, action_arn):
    answer = chatbot.delete_custom_action(CustomActionArn=action_arn)

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert action_arns(chatbot) == []


def test_delete_removes_the_actions_associations(chatbot, action_arn, slack_arn, teams_arn):
    for configuration in (slack_arn, teams_arn):
        chatbot.associate_to_configuration(Resource=action_arn, ChatConfiguration=configuration)

    chatbot.delete_custom_action(CustomActionArn=action_arn)

    assert chatbot.list_associations(ChatConfiguration=slack_arn)["Associations"] == []
    assert chatbot.list_associations(ChatConfiguration=teams_arn)["Associations"] == []


def test_delete_removes_the_actions_tags(chatbot, action_arn):
    chatbot.tag_resource(ResourceARN=action_arn, Tags=tags(team="ops"))
    chatbot.delete_custom_action(CustomActionArn=action_arn)

    assert chatbot.list_tags_for_resource(ResourceARN=create_action(chatbot))["Tags"] == []
