"""Amazon Chime webhook configurations: create, describe, update, delete."""

from __future__ import annotations

from chatbot_helpers import (
    DEFAULT_ACCOUNT,
    OTHER_ROLE_ARN,
    OTHER_TOPIC_ARN,
    ROLE_ARN,
    TOPIC_ARN,
    WEBHOOK_DESCRIPTION,
    WEBHOOK_URL,
    all_items,
    chime_configurations,
    create_action,
    create_chime,
    raises_service_error,
    tags,
)

UNKNOWN_ARN = f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/chime-webhook/nope"


def test_create_answers_201_without_the_webhook_url(chatbot):
    answer = chatbot.create_chime_webhook_configuration(
        ConfigurationName="room",
        WebhookUrl=WEBHOOK_URL,
        WebhookDescription=WEBHOOK_DESCRIPTION,
        SnsTopicArns=[TOPIC_ARN],
        IamRoleArn=ROLE_ARN,
    )

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert answer["WebhookConfiguration"] == {
        "ChatConfigurationArn": f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/chime-webhook/room",
        "ConfigurationName": "room",
        "WebhookDescription": WEBHOOK_DESCRIPTION,
        "IamRoleArn": ROLE_ARN,
        "SnsTopicArns": [TOPIC_ARN],
        "LoggingLevel": "NONE",
        "Tags": [],
        "State": "ENABLED",
    }


def test_create_keeps_the_logging_level_and_tags_given(chatbot):
    configuration = create_chime(chatbot, LoggingLevel="ERROR", Tags=tags(room="ops"))

    assert (configuration["LoggingLevel"], configuration["Tags"]) == ("ERROR", tags(room="ops"))


def test_describe_answers_what_create_answered_in_creation_order(chatbot):
    first = create_chime(chatbot, name="first")
    second = create_chime(chatbot, name="second")

    assert chime_configurations(chatbot) == [first, second]


def test_describe_by_arn_answers_only_that_configuration(chatbot):
    create_chime(chatbot, name="first")
    second = create_chime(chatbot, name="second")

    assert chime_configurations(chatbot, ChatConfigurationArn=second["ChatConfigurationArn"]) == [second]


def test_describe_by_an_unknown_arn_answers_an_empty_list(chatbot, chime_configuration):
    answer = chatbot.describe_chime_webhook_configurations(ChatConfigurationArn=UNKNOWN_ARN)

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert answer["WebhookConfigurations"] == []


def test_two_configurations_may_share_a_webhook(chatbot):
    create_chime(chatbot, name="first")
    create_chime(chatbot, name="second")

    assert len(chime_configurations(chatbot)) == 2


def test_update_changes_the_members_given(chatbot, chime_arn):
    updated = chatbot.update_chime_webhook_configuration(
        ChatConfigurationArn=chime_arn,
        WebhookDescription="room/renamed",
        WebhookUrl="https://hooks.chime.aws/incomingwebhooks/ffff-0000?token=newtoken",
        SnsTopicArns=[OTHER_TOPIC_ARN],
        IamRoleArn=OTHER_ROLE_ARN,
        LoggingLevel="INFO",
    )["WebhookConfiguration"]

    assert (updated["WebhookDescription"], updated["SnsTopicArns"], updated["IamRoleArn"], updated["LoggingLevel"]) == (
        "room/renamed",
        [OTHER_TOPIC_ARN],
        OTHER_ROLE_ARN,
        "INFO",
    )
    assert chime_configurations(chatbot) == [updated]


def test_update_keeps_the_members_it_does_not_give(chatbot):
    created = create_chime(chatbot, LoggingLevel="ERROR", Tags=tags(room="ops"))

    updated = chatbot.update_chime_webhook_configuration(ChatConfigurationArn=created["ChatConfigurationArn"])

    assert updated["WebhookConfiguration"] == created


def test_update_of_an_unknown_configuration_is_not_found(chatbot):
    with raises_service_error("ResourceNotFoundException", 404, UNKNOWN_ARN):
        chatbot.update_chime_webhook_configuration(ChatConfigurationArn=UNKNOWN_ARN, LoggingLevel="INFO")


def test_delete_answers_204_and_removes_the_configuration(chatbot, chime_arn):
    answer = chatbot.delete_chime_webhook_configuration(ChatConfigurationArn=chime_arn)

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert chime_configurations(chatbot) == []


def test_delete_of_an_unknown_configuration_is_not_found(chatbot):
    with raises_service_error("ResourceNotFoundException", 404, UNKNOWN_ARN):
        chatbot.delete_chime_webhook_configuration(ChatConfigurationArn=UNKNOWN_ARN)


def test_delete_of_a_slack_configuration_through_the_chime_operation_is_not_found(chatbot, slack_arn):
    with raises_service_error("ResourceNotFoundException", 404, "Amazon Chime webhook configuration"):
        chatbot.delete_chime_webhook_configuration(ChatConfigurationArn=slack_arn)


def test_delete_removes_associations_and_tags(chatbot, chime_arn):
    action = create_action(chatbot)
    chatbot.associate_to_configuration(Resource=action, ChatConfiguration=chime_arn)

    chatbot.delete_chime_webhook_configuration(ChatConfigurationArn=chime_arn)

    assert all_items(chatbot, "list_associations", "Associations", ChatConfiguration=chime_arn) == []
    with raises_service_error("ResourceNotFoundException", 404):
        chatbot.list_tags_for_resource(ResourceARN=chime_arn)
