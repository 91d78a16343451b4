"""PutAccountAlias, GetAccountAlias and DeleteAccountAlias."""

from __future__ import annotations

from support_app_helpers import OTHER_ACCOUNT, raises_service_error


def test_get_without_an_alias_answers_no_account_alias_member(support_app):
    response = support_app.get_account_alias()

    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert "accountAlias" not in response


def test_put_then_get_answers_the_alias(support_app):
    response = support_app.put_account_alias(accountAlias="acme-production")

    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert support_app.get_account_alias()["accountAlias"] == "acme-production"


def test_put_replaces_the_alias(support_app):
    support_app.put_account_alias(accountAlias="first")

    support_app.put_account_alias(accountAlias="second")

    assert support_app.get_account_alias()["accountAlias"] == "second"


def test_put_accepts_word_characters_hyphens_and_spaces(support_app):
    # The model's pattern is ^[\w\- ]+$, maximum length 30.
    support_app.put_account_alias(accountAlias="Acme Prod_eu-1 " + "x" * 15)

    assert support_app.get_account_alias()["accountAlias"] == "Acme Prod_eu-1 " + "x" * 15


def test_delete_removes_the_alias(support_app):
    support_app.put_account_alias(accountAlias="acme")

    response = support_app.delete_account_alias()

    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert "accountAlias" not in support_app.get_account_alias()


def test_delete_without_an_alias_is_not_found(support_app):
    with raises_service_error("ResourceNotFoundException", 404, "has no account alias"):
        support_app.delete_account_alias()


def test_delete_twice_is_not_found_the_second_time(support_app):
    support_app.put_account_alias(accountAlias="acme")
    support_app.delete_account_alias()

    with raises_service_error("ResourceNotFoundException", 404):
        support_app.delete_account_alias()


def test_the_alias_belongs_to_the_calling_account(support_app, client_for):
    other = client_for(OTHER_ACCOUNT)
    support_app.put_account_alias(accountAlias="default-account")

    assert "accountAlias" not in other.get_account_alias()
    with raises_service_error("ResourceNotFoundException", 404, OTHER_ACCOUNT):
        other.delete_account_alias()
    assert support_app.get_account_alias()["accountAlias"] == "default-account"
