"""Associations between custom actions and chat configurations."""

from __future__ import annotations

import pytest
from chatbot_helpers import DEFAULT_ACCOUNT, all_items, create_action, raises_service_error

UNKNOWN_CONFIGURATION = f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/slack-channel/nope"
UNKNOWN_ACTION = f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:custom-action/nope"


def associated(client, configuration):
    return [
        a["Resource"] for a in all_items(client, "list_associations", "Associations", ChatConfiguration=configuration)
    ]


@pytest.mark.parametrize("configuration", ["slack_arn", "teams_arn", "chime_arn"])
def test_an_action_can_be_associated_with_every_kind_of_configuration(chatbot, action_arn, configuration, request):
    arn = request.getfixturevalue(configuration)

    answer = chatbot.associate_to_configuration(Resource=action_arn, ChatConfiguration=arn)

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert associated(chatbot, arn) == [action_arn]


def test_associations_are_listed_in_association_order(chatbot, slack_arn):
    arns = [create_action(chatbot, name=name) for name in ("zulu", "alpha", "mike")]
    for arn in reversed(arns):
        chatbot.associate_to_configuration(Resource=arn, ChatConfiguration=slack_arn)

    assert associated(chatbot, slack_arn) == list(reversed(arns))


def test_associating_twice_keeps_one_association(chatbot, action_arn, slack_arn):
    chatbot.associate_to_configuration(Resource=action_arn, ChatConfiguration=slack_arn)
    chatbot.associate_to_configuration(Resource=action_arn, ChatConfiguration=slack_arn)

    assert associated(chatbot, slack_arn) == [action_arn]


def test_associations_of_one_configuration_do_not_show_on_another(chatbot, action_arn, slack_arn, teams_arn):
    chatbot.associate_to_configuration(Resource=action_arn, ChatConfiguration=slack_arn)

    assert associated(chatbot, teams_arn) == []


def test_associating_with_an_unknown_configuration_is_not_found(chatbot, action_arn):
    with raises_service_error("ResourceNotFoundException", 404, f"Channel Arn {UNKNOWN_CONFIGURATION} does not exist!"):
        chatbot.associate_to_configuration(Resource=action_arn, ChatConfiguration=UNKNOWN_CONFIGURATION)


def test_associating_an_unknown_action_is_not_found(chatbot, slack_arn):
    with raises_service_error("ResourceNotFoundException", 404, UNKNOWN_ACTION):
        chatbot.associate_to_configuration(Resource=UNKNOWN_ACTION, ChatConfiguration=slack_arn)

    assert associated(chatbot, slack_arn) == []


def test_listing_associations_of_an_unknown_configuration_answers_an_empty_list(chatbot):
    answer = chatbot.list_associations(ChatConfiguration=UNKNOWN_CONFIGURATION)

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert answer["Associations"] == []


def test_disassociating_answers_204_and_removes_only_that_association(chatbot, slack_arn, teams_arn):
    first, second = create_action(chatbot, name="first"), create_action(chatbot, name="second")
    for action in (first, second):
        chatbot.associate_to_configuration(Resource=action, ChatConfiguration=slack_arn)
    chatbot.associate_to_configuration(Resource=first, ChatConfiguration=teams_arn)

    answer = chatbot.disassociate_from_configuration(Resource=first, ChatConfiguration=slack_arn)

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert associated(chatbot, slack_arn) == [second]
    assert associated(chatbot, teams_arn) == [first]


def test_disassociating_what_is_not_associated_is_not_found(chatbot, action_arn, slack_arn):
    with raises_service_error("ResourceNotFoundException", 404, action_arn, slack_arn):
        chatbot.disassociate_from_configuration(Resource=action_arn, ChatConfiguration=slack_arn)


def test_disassociating_from_an_unknown_configuration_is_not_found(chatbot, action_arn):
    with raises_service_error("ResourceNotFoundException", 404):
        chatbot.disassociate_from_configuration(Resource=action_arn, ChatConfiguration=UNKNOWN_CONFIGURATION)


def test_disassociating_twice_is_not_found_the_second_time(chatbot, action_arn, slack_arn):
    chatbot.associate_to_configuration(Resource=action_arn, ChatConfiguration=slack_arn)
    chatbot.disassociate_from_configuration(Resource=action_arn, ChatConfiguration=slack_arn)

    with raises_service_error("ResourceNotFoundException", 404):
        chatbot.disassociate_from_configuration(Resource=action_arn, ChatConfiguration=slack_arn)


def test_an_action_can_be_associated_again_after_disassociating(chatbot, action_arn, slack_arn):
    chatbot.associate_to_configuration(Resource=action_arn, ChatConfiguration=slack_arn)
    chatbot.disassociate_from_configuration(Resource=action_arn, ChatConfiguration=slack_arn)

    chatbot.associate_to_configuration(Resource=action_arn, ChatConfiguration=slack_arn)

    assert associated(chatbot, slack_arn) == [action_arn]


def test_another_account_cannot_associate_with_my_configuration(chatbot, client_for, slack_arn):
    theirs = client_for("111122223333")
    their_action = create_action(theirs)

    with raises_service_error("ResourceNotFoundException", 404, "Channel Arn"):
        theirs.associate_to_configuration(Resource=their_action, ChatConfiguration=slack_arn)
