"""GetAccountPreferences and UpdateAccountPreferences."""

from __future__ import annotations

from chatbot_helpers import OTHER_ACCOUNT, create_slack

BOTH_OFF = {"UserAuthorizationRequired": False, "TrainingDataCollectionEnabled": False}


def test_a_new_account_has_both_preferences_off(chatbot):
    assert chatbot.get_account_preferences()["AccountPreferences"] == BOTH_OFF


def test_update_changes_only_the_preference_given_and_answers_both(chatbot):
    answer = chatbot.update_account_preferences(UserAuthorizationRequired=True)

    assert answer["AccountPreferences"] == {"UserAuthorizationRequired": True, "TrainingDataCollectionEnabled": False}

    answer = chatbot.update_account_preferences(TrainingDataCollectionEnabled=True)

    assert answer["AccountPreferences"] == {"UserAuthorizationRequired": True, "TrainingDataCollectionEnabled": True}


def test_update_with_nothing_given_changes_nothing(chatbot):
    chatbot.update_account_preferences(TrainingDataCollectionEnabled=True)

    answer = chatbot.update_account_preferences()

    assert answer["AccountPreferences"] == {"UserAuthorizationRequired": False, "TrainingDataCollectionEnabled": True}


def test_preferences_can_be_switched_off_again(chatbot):
    chatbot.update_account_preferences(UserAuthorizationRequired=True, TrainingDataCollectionEnabled=True)

    chatbot.update_account_preferences(UserAuthorizationRequired=False, TrainingDataCollectionEnabled=False)

    assert chatbot.get_account_preferences()["AccountPreferences"] == BOTH_OFF


def test_get_answers_what_update_set(chatbot):
    chatbot.update_account_preferences(UserAuthorizationRequired=True)

    assert chatbot.get_account_preferences()["AccountPreferences"]["UserAuthorizationRequired"] is True


def test_preferences_belong_to_one_account(chatbot, client_for):
    chatbot.update_account_preferences(UserAuthorizationRequired=True)

    assert client_for(OTHER_ACCOUNT).get_account_preferences()["AccountPreferences"] == BOTH_OFF


def test_preferences_are_shared_by_every_region(chatbot, client_for):
    client_for(region="eu-west-1").update_account_preferences(TrainingDataCollectionEnabled=True)

    assert client_for(region="ap-southeast-1").get_account_preferences()["AccountPreferences"] == {
        "UserAuthorizationRequired": False,
        "TrainingDataCollectionEnabled": True,
    }


def test_the_account_preference_does_not_change_a_new_configurations_own_setting(chatbot, workspace):
    chatbot.update_account_preferences(UserAuthorizationRequired=True)

    assert create_slack(chatbot)["UserAuthorizationRequired"] is False
