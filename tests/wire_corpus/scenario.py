"""The wire corpus scenario: ONE list of steps, run by ``record.py`` and by ``test_wire_corpus.py``.

Everything goes through the public interface only, so the corpus survives any internal
refactoring: ``mock_chatbot``, its seeding consoles (``m.chatbot``, ``m.support_app``),
``m.set_quota``, ``m.create_organization``, ``m.state``/``m.load_state``, and raw HTTP
through ``requests`` to the services' endpoints with a fixed, fake SigV4 header.

Each step gives one entry: ``{"step": name, "request": ..., "answer": ...}`` for HTTP
(``answer`` is status, headers and the exact body text), ``{"step", "seed", "answer"}``
for a seeding call (what it returned, or the ``ClientError`` code, message and status it
raised), ``{"step", "state"}`` for an ``m.state()`` snapshot.

Determinism (nothing is normalised after the fact except what is listed here):

* ``x-amzn-RequestId`` is a random UUID per answer: left out of the recorded headers
  (so are date-like headers, though the mock sends none today).
* Page tokens are HMAC-signed with a key drawn at random for every mock state: the
  scenario starts by loading ``BASE_SNAPSHOT`` whose ``page_token_key`` is fixed, so
  every token is the same on every run and is recorded literally.
* Tokens (and the ``order`` members of ``m.state()``) also carry creation stamps. The
  base snapshot holds one anchor record (a Slack workspace in a separate account) with
  ``order`` ``ANCHOR_ORDER``, so every stamp handed out after the load is
  ``ANCHOR_ORDER + n``. Since issue 16 each state has stamps of its own, so that holds
  whatever ran before; the code the corpus was recorded with (``ae58a93``) had ONE
  counter per Python process that a load could only raise, and there it held only while
  fewer than ``ANCHOR_ORDER`` stamps had been handed out. :func:`run` still checks it and
  raises :class:`StampsDrifted` rather than answer a drifting corpus (the test then
  replays in a fresh process), so the scenario replays against that code too.
* The caller's account is fixed by ``mock_chatbot(account_id=...)`` and by 12-digit
  access key ids in the signature, so ``MOTO_ACCOUNT_ID`` plays no part.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple, Union

import botocore.session
import requests
from botocore.exceptions import ClientError

from chatbot_mock import mock_chatbot

ACCOUNT = "123456789012"
MANAGEMENT = "210987654321"
MEMBER = "444455556666"
OUTSIDER = "111122223333"
ANCHOR_ACCOUNT = "999999999999"
ANCHOR_ORDER = 10**12
PAGE_TOKEN_KEY = "00112233445566778899aabbccddeeff"

BASE_SNAPSHOT: Dict[str, Any] = {
    "format": "chatbot_mock state",
    "version": 1,
    "settings": {},
    "organizations": [],
    "page_token_key": PAGE_TOKEN_KEY,
    "services": {
        "chatbot": {
            "accounts": {
                ANCHOR_ACCOUNT: {
                    "slack_workspaces": [{"order": ANCHOR_ORDER, "team_id": "T0ANCHOR00", "team_name": "anchor"}]
                }
            }
        },
        "support-app": {"accounts": {}},
    },
}

#: (endpoint host, region, SigV4 signing name) of each service.
ENDPOINTS: Mapping[str, Tuple[str, str, str]] = {
    "chatbot": ("chatbot.us-east-2.amazonaws.com", "us-east-2", "chatbot"),
    "support-app": ("supportapp.us-east-1.amazonaws.com", "us-east-1", "supportapp"),
}
#: Response headers that differ on every answer (see the module docstring).
VOLATILE_HEADERS = frozenset({"x-amzn-requestid", "date", "last-modified", "expires"})

ROLE = f"arn:aws:iam::{ACCOUNT}:role/ChatbotChannelRole"
OTHER_ROLE = f"arn:aws:iam::{ACCOUNT}:role/ChatbotOtherRole"
SUPPORT_ROLE = f"arn:aws:iam::{ACCOUNT}:role/AWSSupportAppInSlack"
TOPIC = f"arn:aws:sns:us-east-2:{ACCOUNT}:alerts"
OTHER_TOPIC = f"arn:aws:sns:us-east-2:{ACCOUNT}:deployments"
READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess"
SLACK_TEAM = "T012ABCDEFG"
SLACK_TEAM_2 = "T098ZYXWVUT"
SLACK_CHANNEL = "C01ABCDEFGH"
PRIVATE_CHANNEL = "C02ZYXWVUTS"
SLACK_USER = "U01ABCDEFGH"
TEAMS_TEAM = "6f7d4c2a-1b3e-4d5f-8a9b-0c1d2e3f4a5b"
TEAMS_TENANT = "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"
TEAMS_CHANNEL = "19%3ab6ef35dc342d56ba5654e6fc6d25a071%40thread.tacv2"
TEAMS_USER = "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e"
WEBHOOK = "https://hooks.chime.aws/incomingwebhooks/a1b2c3d4-e5f6?token=abcdefABCDEF123456"
CLIENT_TOKEN = "client-token-0001-aaaaaaaaaaaaaaaaaaaa"
MISSING_ARN = f"arn:aws:chatbot::{ACCOUNT}:chat-configuration/slack-channel/missing"

Body = Union[str, Dict[str, Any], None]


def authorization(service: str, access_key: str = "AKIAEXAMPLE", signing_name: Optional[str] = None) -> str:
    """A fixed, fake SigV4 header (the mock reads the scope, never checks the signature)."""
    _, region, signing = ENDPOINTS[service]
    scope = f"{access_key}/20260101/{region}/{signing_name or signing}/aws4_request"
    return f"AWS4-HMAC-SHA256 Credential={scope}, SignedHeaders=host, Signature=abc"


class Recorder:
    """Runs steps against the active mock and keeps one entry per step."""

    def __init__(self, mock: Any) -> None:
        self.mock = mock
        self.entries: List[Dict[str, Any]] = []
        self.session = requests.Session()

    def call(
        self,
        step: str,
        service: str,
        path: str,
        body: Body = "{}",
        *,
        account: Optional[str] = None,
        method: str = "POST",
        headers: Optional[Dict[str, str]] = None,
    ) -> Any:
        """Send one raw request; answers the parsed JSON body (``None`` if there is none)."""
        host = ENDPOINTS[service][0]
        url = f"https://{host}{path}"
        text = json.dumps(body) if isinstance(body, dict) else body
        if headers is None:
            headers = {"Authorization": authorization(service, account or "AKIAEXAMPLE")}
            headers["Content-Type"] = "application/json"
        data = None if text is None else text.encode()
        response = self.session.request(method, url, data=data, headers=headers)
        answer_headers = {
            name: value for name, value in response.headers.items() if name.lower() not in VOLATILE_HEADERS
        }
        self.entries.append(
            {
                "step": step,
                "request": {"method": method, "url": url, "headers": dict(sorted(headers.items())), "body": text},
                "answer": {
                    "status": response.status_code,
                    "headers": dict(sorted(answer_headers.items())),
                    "body": response.content.decode("utf-8"),
                },
            }
        )
        return response.json() if response.content else None

    def seed(self, step: str, target: str, *args: Any, **kwargs: Any) -> None:
        """Call ``m.<target>(*args, **kwargs)`` (``target`` like ``chatbot.add_slack_channel``)."""
        function: Any = self.mock
        for name in target.split("."):
            function = getattr(function, name)
        shown = [repr(arg) for arg in args] + [f"{key}={value!r}" for key, value in kwargs.items()]
        answer: Dict[str, Any]
        try:
            returned = function(*args, **kwargs)
        except ClientError as error:
            answer = {
                "error": {
                    "class": "ClientError",
                    "operation": error.operation_name,
                    "code": error.response["Error"]["Code"],
                    "message": error.response["Error"]["Message"],
                    "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
                }
            }
        except (TypeError, ValueError) as error:
            answer = {"error": {"class": type(error).__name__, "message": str(error)}}
        else:
            answer = {"returned": repr(returned)}
        self.entries.append({"step": step, "seed": f"m.{target}({', '.join(shown)})", "answer": answer})

    def state(self, step: str) -> Dict[str, Any]:
        snapshot = self.mock.state()
        self.entries.append({"step": step, "state": snapshot})
        return snapshot


def chatbot(r: Recorder, step: str, path: str, body: Body = "{}", **options: Any) -> Any:
    return r.call(f"chatbot.{step}", "chatbot", path, body, **options)


def support(r: Recorder, step: str, path: str, body: Body = "{}", **options: Any) -> Any:
    return r.call(f"support-app.{step}", "support-app", f"/control{path}", body, **options)


# -- the scenario ---------------------------------------------------------------------------------


def protocol_steps(r: Recorder) -> None:
    """What every request meets before any backend: signature, route, content type, body."""
    describe = "/describe-slack-workspaces"
    chatbot(r, "unsigned_request", describe, headers={"Content-Type": "application/json"})
    wrong_service = {"Authorization": authorization("chatbot", signing_name="s3"), "Content-Type": "application/json"}
    chatbot(r, "signed_for_another_service", describe, headers=wrong_service)
    chatbot(r, "unknown_route", "/no-such-operation")
    chatbot(r, "unknown_route_unsigned", "/no-such-operation", headers={})
    chatbot(r, "wrong_method_GET", describe, None, method="GET")
    support(r, "unknown_route", "/no-such-operation")
    support(r, "unsigned_request", "/get-account-alias", headers={})
    plain = {"Authorization": authorization("chatbot"), "Content-Type": "text/plain"}
    chatbot(r, "wrong_content_type", describe, '{"MaxResults": 5}', headers=plain)
    chatbot(r, "no_content_type", describe, '{"MaxResults": 5}', headers={"Authorization": authorization("chatbot")})
    chatbot(r, "body_not_json", describe, "{not json")
    chatbot(r, "body_json_array", describe, "[1, 2]")
    chatbot(r, "empty_body", describe, "")
    chatbot(r, "max_results_wrong_type", describe, {"MaxResults": "ten"})
    chatbot(r, "max_results_too_small", describe, {"MaxResults": 0})
    chatbot(r, "max_results_too_large", describe, {"MaxResults": 1000})
    chatbot(r, "unknown_member_ignored", describe, {"NoSuchMember": 1})
    support(r, "body_not_json", "/put-account-alias", "nope")


def chatbot_preferences_steps(r: Recorder) -> None:
    chatbot(r, "GetAccountPreferences.default", "/get-account-preferences")
    chatbot(r, "UpdateAccountPreferences.both", "/update-account-preferences",
            {"UserAuthorizationRequired": True, "TrainingDataCollectionEnabled": False})
    chatbot(r, "UpdateAccountPreferences.none", "/update-account-preferences", {})
    chatbot(r, "UpdateAccountPreferences.wrong_type", "/update-account-preferences",
            {"UserAuthorizationRequired": "yes"})
    chatbot(r, "GetAccountPreferences.after_update", "/get-account-preferences")
    chatbot(r, "GetAccountPreferences.body_not_json", "/get-account-preferences", "{")
    chatbot(r, "UpdateAccountPreferences.back", "/update-account-preferences", {"UserAuthorizationRequired": False})


def chatbot_slack_steps(r: Recorder) -> Tuple[str, str]:
    """Slack workspaces, channels, configurations, identities; answers two configuration ARNs."""
    chatbot(r, "DescribeSlackWorkspaces.empty", "/describe-slack-workspaces")
    r.seed("seed.chatbot.authorize_slack_workspace", "chatbot.authorize_slack_workspace", SLACK_TEAM, "acme")
    r.seed("seed.chatbot.authorize_slack_workspace.second", "chatbot.authorize_slack_workspace", SLACK_TEAM_2, "beta")
    r.seed("seed.chatbot.authorize_slack_workspace.rename", "chatbot.authorize_slack_workspace", SLACK_TEAM_2, "beta2")
    r.seed("seed.chatbot.authorize_slack_workspace.refused_bad_id", "chatbot.authorize_slack_workspace", "x y", "bad")
    r.seed("seed.chatbot.authorize_slack_workspace.refused_empty_name", "chatbot.authorize_slack_workspace",
           "T0EMPTYNAME", "")
    page = chatbot(r, "DescribeSlackWorkspaces.page1", "/describe-slack-workspaces", {"MaxResults": 1})
    chatbot(r, "DescribeSlackWorkspaces.page2", "/describe-slack-workspaces",
            {"MaxResults": 1, "NextToken": page["NextToken"]})
    chatbot(r, "DescribeSlackWorkspaces.bad_token", "/describe-slack-workspaces", {"NextToken": "garbage"})
    chatbot(r, "DescribeSlackWorkspaces.token_other_account", "/describe-slack-workspaces",
            {"NextToken": page["NextToken"]}, account=OUTSIDER)
    chatbot(r, "DescribeSlackChannelConfigurations.token_of_other_listing", "/describe-slack-channel-configurations",
            {"NextToken": page["NextToken"]})

    r.seed("seed.chatbot.add_slack_channel.public", "chatbot.add_slack_channel", SLACK_TEAM, SLACK_CHANNEL, "alerts")
    r.seed("seed.chatbot.add_slack_channel.private", "chatbot.add_slack_channel", SLACK_TEAM, PRIVATE_CHANNEL,
           "secret", private=True)
    r.seed("seed.chatbot.add_slack_channel.refused_private_not_bool", "chatbot.add_slack_channel", SLACK_TEAM,
           PRIVATE_CHANNEL, "secret", private="yes")
    r.seed("seed.chatbot.add_slack_channel.refused_bad_channel", "chatbot.add_slack_channel", SLACK_TEAM, "", "x")

    create = "/create-slack-channel-configuration"
    base = {"SlackTeamId": SLACK_TEAM, "IamRoleArn": ROLE}
    first = chatbot(r, "CreateSlackChannelConfiguration.named_by_seeded_channel", create,
                    {**base, "ConfigurationName": "alerts", "SlackChannelId": SLACK_CHANNEL,
                     "SnsTopicArns": [TOPIC], "Tags": [{"TagKey": "team", "TagValue": "ops"}]})
    second = chatbot(r, "CreateSlackChannelConfiguration.private_channel", create,
                     {**base, "ConfigurationName": "private", "SlackChannelId": PRIVATE_CHANNEL,
                      "LoggingLevel": "INFO", "GuardrailPolicyArns": [READ_ONLY], "UserAuthorizationRequired": True})
    chatbot(r, "CreateSlackChannelConfiguration.explicit_name", create,
            {"SlackTeamId": SLACK_TEAM_2, "IamRoleArn": ROLE, "ConfigurationName": "beta-ops",
             "SlackChannelId": "C03BETA0001", "SlackChannelName": "beta-ops"})
    chatbot(r, "CreateSlackChannelConfiguration.duplicate_name", create,
            {**base, "ConfigurationName": "alerts", "SlackChannelId": "C04DUPE0001"})
    chatbot(r, "CreateSlackChannelConfiguration.unknown_workspace", create,
            {"SlackTeamId": "T0UNKNOWN01", "IamRoleArn": ROLE, "ConfigurationName": "nowhere",
             "SlackChannelId": "C05NOWHERE1"})
    chatbot(r, "CreateSlackChannelConfiguration.missing_required", create, {"ConfigurationName": "x"})
    chatbot(r, "CreateSlackChannelConfiguration.bad_logging_level", create,
            {**base, "ConfigurationName": "loud", "SlackChannelId": "C06LOUD0001", "LoggingLevel": "LOUD"})
    chatbot(r, "CreateSlackChannelConfiguration.bad_role_arn", create,
            {**base, "IamRoleArn": "not-an-arn", "ConfigurationName": "badrole", "SlackChannelId": "C07ROLE0001"})

    describe = "/describe-slack-channel-configurations"
    page = chatbot(r, "DescribeSlackChannelConfigurations.page1", describe, {"MaxResults": 2})
    chatbot(r, "DescribeSlackChannelConfigurations.page2", describe, {"MaxResults": 2, "NextToken": page["NextToken"]})
    first_arn = first["ChannelConfiguration"]["ChatConfigurationArn"]
    second_arn = second["ChannelConfiguration"]["ChatConfigurationArn"]
    chatbot(r, "DescribeSlackChannelConfigurations.by_arn", describe, {"ChatConfigurationArn": first_arn})
    chatbot(r, "DescribeSlackChannelConfigurations.by_missing_arn", describe, {"ChatConfigurationArn": MISSING_ARN})
    chatbot(r, "DescribeSlackChannelConfigurations.other_account_empty", describe, account=OUTSIDER)

    update = "/update-slack-channel-configuration"
    chatbot(r, "UpdateSlackChannelConfiguration.ok", update,
            {"ChatConfigurationArn": first_arn, "SlackChannelId": SLACK_CHANNEL, "SnsTopicArns": [TOPIC, OTHER_TOPIC],
             "IamRoleArn": OTHER_ROLE, "LoggingLevel": "ERROR"})
    chatbot(r, "UpdateSlackChannelConfiguration.not_found", update,
            {"ChatConfigurationArn": MISSING_ARN, "SlackChannelId": SLACK_CHANNEL})
    chatbot(r, "UpdateSlackChannelConfiguration.bad_arn", update,
            {"ChatConfigurationArn": "arn:nope", "SlackChannelId": SLACK_CHANNEL})

    r.seed("seed.chatbot.set_configuration_state.disabled", "chatbot.set_configuration_state", second_arn,
           "DISABLED", "Disabled by the organization's chat applications policy")
    r.seed("seed.chatbot.set_configuration_state.refused_bad_state", "chatbot.set_configuration_state", second_arn,
           "PAUSED")
    r.seed("seed.chatbot.set_configuration_state.refused_missing", "chatbot.set_configuration_state", MISSING_ARN,
           "ENABLED")
    chatbot(r, "DescribeSlackChannelConfigurations.after_disable", describe, {"ChatConfigurationArn": second_arn})

    r.seed("seed.chatbot.add_slack_user_identity", "chatbot.add_slack_user_identity", first_arn, SLACK_TEAM,
           SLACK_USER, ROLE, "arn:aws:sts::123456789012:assumed-role/ChatbotChannelRole/u")
    r.seed("seed.chatbot.add_slack_user_identity.second", "chatbot.add_slack_user_identity", first_arn, SLACK_TEAM,
           "U02SECOND01", OTHER_ROLE)
    r.seed("seed.chatbot.add_slack_user_identity.refused_missing_configuration", "chatbot.add_slack_user_identity",
           MISSING_ARN, SLACK_TEAM, SLACK_USER, ROLE)
    r.seed("seed.chatbot.add_slack_user_identity.user_id_with_space", "chatbot.add_slack_user_identity", first_arn,
           SLACK_TEAM, "bad user", ROLE)
    identities = "/describe-slack-user-identities"
    page = chatbot(r, "DescribeSlackUserIdentities.page1", identities, {"MaxResults": 1})
    chatbot(r, "DescribeSlackUserIdentities.page2", identities, {"MaxResults": 1, "NextToken": page["NextToken"]})
    chatbot(r, "DescribeSlackUserIdentities.by_configuration", identities, {"ChatConfigurationArn": first_arn})
    chatbot(r, "DescribeSlackUserIdentities.bad_token", identities, {"NextToken": "AAAA"})
    delete_identity = "/delete-slack-user-identity"
    identity = {"ChatConfigurationArn": first_arn, "SlackTeamId": SLACK_TEAM, "SlackUserId": "U02SECOND01"}
    chatbot(r, "DeleteSlackUserIdentity.ok", delete_identity, identity)
    chatbot(r, "DeleteSlackUserIdentity.again_not_found", delete_identity, identity)
    chatbot(r, "DeleteSlackUserIdentity.missing_member", delete_identity, {"ChatConfigurationArn": first_arn})
    return first_arn, second_arn


def chatbot_teams_steps(r: Recorder) -> str:
    chatbot(r, "ListMicrosoftTeamsConfiguredTeams.empty", "/list-ms-teams-configured-teams")
    r.seed("seed.chatbot.authorize_teams_team", "chatbot.authorize_teams_team", TEAMS_TEAM, "Operations", TEAMS_TENANT)
    r.seed("seed.chatbot.authorize_teams_team.second", "chatbot.authorize_teams_team",
           "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "Platform", TEAMS_TENANT)
    r.seed("seed.chatbot.authorize_teams_team.refused_bad_tenant", "chatbot.authorize_teams_team", TEAMS_TEAM,
           "Operations", "not-a-uuid")
    page = chatbot(r, "ListMicrosoftTeamsConfiguredTeams.page1", "/list-ms-teams-configured-teams", {"MaxResults": 1})
    chatbot(r, "ListMicrosoftTeamsConfiguredTeams.page2", "/list-ms-teams-configured-teams",
            {"MaxResults": 1, "NextToken": page["NextToken"]})
    chatbot(r, "ListMicrosoftTeamsConfiguredTeams.bad_token", "/list-ms-teams-configured-teams",
            {"NextToken": "garbage-token"})

    create = "/create-ms-teams-channel-configuration"
    request = {"ChannelId": TEAMS_CHANNEL, "ChannelName": "ops", "TeamId": TEAMS_TEAM, "TeamName": "Operations",
               "TenantId": TEAMS_TENANT, "IamRoleArn": ROLE, "ConfigurationName": "teams-ops",
               "SnsTopicArns": [TOPIC], "Tags": [{"TagKey": "env", "TagValue": "prod"}]}
    created = chatbot(r, "CreateMicrosoftTeamsChannelConfiguration.ok", create, request)
    arn = created["ChannelConfiguration"]["ChatConfigurationArn"]
    chatbot(r, "CreateMicrosoftTeamsChannelConfiguration.duplicate", create, request)
    chatbot(r, "CreateMicrosoftTeamsChannelConfiguration.unknown_team", create,
            {**request, "TeamId": "11111111-2222-4333-8444-555555555555", "ConfigurationName": "teams-x"})
    chatbot(r, "CreateMicrosoftTeamsChannelConfiguration.missing_tenant", create,
            {k: v for k, v in request.items() if k != "TenantId"})
    chatbot(r, "GetMicrosoftTeamsChannelConfiguration.ok", "/get-ms-teams-channel-configuration",
            {"ChatConfigurationArn": arn})
    missing = f"arn:aws:chatbot::{ACCOUNT}:chat-configuration/microsoft-teams-channel/missing"
    chatbot(r, "GetMicrosoftTeamsChannelConfiguration.not_found", "/get-ms-teams-channel-configuration",
            {"ChatConfigurationArn": missing})
    listing = "/list-ms-teams-channel-configurations"
    chatbot(r, "ListMicrosoftTeamsChannelConfigurations.all", listing)
    chatbot(r, "ListMicrosoftTeamsChannelConfigurations.by_team", listing, {"TeamId": TEAMS_TEAM})
    chatbot(r, "ListMicrosoftTeamsChannelConfigurations.bad_token", listing, {"NextToken": "x"})
    update = "/update-ms-teams-channel-configuration"
    chatbot(r, "UpdateMicrosoftTeamsChannelConfiguration.ok", update,
            {"ChatConfigurationArn": arn, "ChannelId": TEAMS_CHANNEL, "ChannelName": "ops-renamed",
             "LoggingLevel": "INFO", "UserAuthorizationRequired": True})
    chatbot(r, "UpdateMicrosoftTeamsChannelConfiguration.not_found", update,
            {"ChatConfigurationArn": missing, "ChannelId": TEAMS_CHANNEL})

    r.seed("seed.chatbot.add_teams_user_identity", "chatbot.add_teams_user_identity", arn, TEAMS_USER, ROLE)
    r.seed("seed.chatbot.add_teams_user_identity.second", "chatbot.add_teams_user_identity", arn,
           "4d3c2b1a-0f9e-4d8c-a7b6-a5b4c3d2e1f0", OTHER_ROLE, "arn:aws:iam::123456789012:user/someone")
    r.seed("seed.chatbot.add_teams_user_identity.refused_missing", "chatbot.add_teams_user_identity", missing,
           TEAMS_USER, ROLE)
    identities = "/list-ms-teams-user-identities"
    page = chatbot(r, "ListMicrosoftTeamsUserIdentities.page1", identities, {"MaxResults": 1})
    chatbot(r, "ListMicrosoftTeamsUserIdentities.page2", identities, {"MaxResults": 1, "NextToken": page["NextToken"]})
    chatbot(r, "ListMicrosoftTeamsUserIdentities.by_configuration", identities, {"ChatConfigurationArn": arn})
    chatbot(r, "ListMicrosoftTeamsUserIdentities.token_of_other_account", identities,
            {"NextToken": page["NextToken"]}, account=OUTSIDER)
    delete_identity = "/delete-ms-teams-user-identity"
    chatbot(r, "DeleteMicrosoftTeamsUserIdentity.ok", delete_identity,
            {"ChatConfigurationArn": arn, "UserId": TEAMS_USER})
    chatbot(r, "DeleteMicrosoftTeamsUserIdentity.again_not_found", delete_identity,
            {"ChatConfigurationArn": arn, "UserId": TEAMS_USER})
    chatbot(r, "DeleteMicrosoftTeamsConfiguredTeam.with_configuration", "/delete-ms-teams-configured-teams",
            {"TeamId": TEAMS_TEAM})
    chatbot(r, "DeleteMicrosoftTeamsConfiguredTeam.unused", "/delete-ms-teams-configured-teams",
            {"TeamId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"})
    chatbot(r, "DeleteMicrosoftTeamsConfiguredTeam.unknown", "/delete-ms-teams-configured-teams",
            {"TeamId": "11111111-2222-4333-8444-555555555555"})
    return arn


def chatbot_chime_steps(r: Recorder) -> str:
    create = "/create-chime-webhook-configuration"
    request = {"WebhookDescription": "ops-room/alerts", "WebhookUrl": WEBHOOK, "SnsTopicArns": [TOPIC],
               "IamRoleArn": ROLE, "ConfigurationName": "chime-ops", "LoggingLevel": "NONE"}
    arn = chatbot(r, "CreateChimeWebhookConfiguration.ok", create, request)["WebhookConfiguration"][
        "ChatConfigurationArn"]
    chatbot(r, "CreateChimeWebhookConfiguration.second", create, {**request, "ConfigurationName": "chime-dev"})
    chatbot(r, "CreateChimeWebhookConfiguration.duplicate", create, request)
    chatbot(r, "CreateChimeWebhookConfiguration.missing_topics", create,
            {k: v for k, v in request.items() if k != "SnsTopicArns"})
    chatbot(r, "CreateChimeWebhookConfiguration.bad_url", create,
            {**request, "ConfigurationName": "chime-bad", "WebhookUrl": "http://example.com/hook"})
    describe = "/describe-chime-webhook-configurations"
    page = chatbot(r, "DescribeChimeWebhookConfigurations.page1", describe, {"MaxResults": 1})
    chatbot(r, "DescribeChimeWebhookConfigurations.page2", describe, {"MaxResults": 1, "NextToken": page["NextToken"]})
    chatbot(r, "DescribeChimeWebhookConfigurations.by_arn", describe, {"ChatConfigurationArn": arn})
    # Today's behaviour, frozen as it is: base64 decoding ignores what follows the padding.
    chatbot(r, "DescribeChimeWebhookConfigurations.token_with_trailing_AA_accepted", describe,
            {"NextToken": page["NextToken"] + "AA"})
    chatbot(r, "DescribeChimeWebhookConfigurations.bad_token", describe, {"NextToken": "Zm9yZ2VkfHRva2Vu"})
    chatbot(r, "DescribeChimeWebhookConfigurations.max_results_zero", describe, {"MaxResults": 0})
    update = "/update-chime-webhook-configuration"
    chatbot(r, "UpdateChimeWebhookConfiguration.ok", update,
            {"ChatConfigurationArn": arn, "WebhookDescription": "ops-room/renamed", "LoggingLevel": "ERROR"})
    missing = f"arn:aws:chatbot::{ACCOUNT}:chat-configuration/chime-webhook/missing"
    chatbot(r, "UpdateChimeWebhookConfiguration.not_found", update, {"ChatConfigurationArn": missing})
    dev_arn = arn.replace("chime-ops", "chime-dev")
    chatbot(r, "DeleteChimeWebhookConfiguration.ok", "/delete-chime-webhook-configuration",
            {"ChatConfigurationArn": dev_arn})
    chatbot(r, "DeleteChimeWebhookConfiguration.again_not_found", "/delete-chime-webhook-configuration",
            {"ChatConfigurationArn": dev_arn})
    return arn


def chatbot_custom_action_steps(r: Recorder, configuration_arn: str) -> None:
    create = "/create-custom-action"
    definition = {"CommandText": "cloudwatch describe-alarms --state-value ALARM"}
    first = chatbot(r, "CreateCustomAction.ok", create,
                    {"ActionName": "alarms", "Definition": definition, "AliasName": "alarms",
                     "Attachments": [{"NotificationType": "CloudWatch", "ButtonText": "Alarms",
                                      "Criteria": [{"Operator": "HAS_VALUE", "VariableName": "alarm"}],
                                      "Variables": {"alarm": "event.detail.alarmName"}}],
                     "Tags": [{"TagKey": "owner", "TagValue": "ops"}], "ClientToken": CLIENT_TOKEN})
    action_arn = first["CustomActionArn"]
    chatbot(r, "CreateCustomAction.same_client_token_retry", create,
            {"ActionName": "alarms", "Definition": definition, "AliasName": "alarms",
             "Attachments": [{"NotificationType": "CloudWatch", "ButtonText": "Alarms",
                              "Criteria": [{"Operator": "HAS_VALUE", "VariableName": "alarm"}],
                              "Variables": {"alarm": "event.detail.alarmName"}}],
             "Tags": [{"TagKey": "owner", "TagValue": "ops"}], "ClientToken": CLIENT_TOKEN})
    chatbot(r, "CreateCustomAction.client_token_other_request", create,
            {"ActionName": "other", "Definition": definition, "ClientToken": CLIENT_TOKEN})
    chatbot(r, "CreateCustomAction.second", create, {"ActionName": "logs", "Definition": {"CommandText": "logs"}})
    chatbot(r, "CreateCustomAction.third", create, {"ActionName": "whoami", "Definition": {"CommandText": "sts get"}})
    chatbot(r, "CreateCustomAction.duplicate_name", create, {"ActionName": "logs", "Definition": definition})
    chatbot(r, "CreateCustomAction.missing_definition", create, {"ActionName": "nodef"})
    chatbot(r, "CreateCustomAction.bad_name", create, {"ActionName": "bad name!", "Definition": definition})
    chatbot(r, "GetCustomAction.ok", "/get-custom-action", {"CustomActionArn": action_arn})
    missing = action_arn.replace("alarms", "missing")
    chatbot(r, "GetCustomAction.not_found", "/get-custom-action", {"CustomActionArn": missing})
    page = chatbot(r, "ListCustomActions.page1", "/list-custom-actions", {"MaxResults": 2})
    chatbot(r, "ListCustomActions.page2", "/list-custom-actions", {"MaxResults": 2, "NextToken": page["NextToken"]})
    chatbot(r, "ListCustomActions.bad_token", "/list-custom-actions", {"NextToken": "bm9wZQ=="})
    chatbot(r, "UpdateCustomAction.ok", "/update-custom-action",
            {"CustomActionArn": action_arn, "Definition": {"CommandText": "cloudwatch describe-alarms"},
             "AliasName": "alarm"})
    chatbot(r, "UpdateCustomAction.not_found", "/update-custom-action",
            {"CustomActionArn": missing, "Definition": definition})
    chatbot(r, "GetCustomAction.after_update", "/get-custom-action", {"CustomActionArn": action_arn})

    associate = {"Resource": action_arn, "ChatConfiguration": configuration_arn}
    chatbot(r, "AssociateToConfiguration.ok", "/associate-to-configuration", associate)
    chatbot(r, "AssociateToConfiguration.again", "/associate-to-configuration", associate)
    logs_arn = action_arn.replace("alarms", "logs")
    chatbot(r, "AssociateToConfiguration.second", "/associate-to-configuration",
            {"Resource": logs_arn, "ChatConfiguration": configuration_arn})
    chatbot(r, "AssociateToConfiguration.missing_configuration", "/associate-to-configuration",
            {"Resource": action_arn, "ChatConfiguration": MISSING_ARN})
    chatbot(r, "AssociateToConfiguration.missing_action", "/associate-to-configuration",
            {"Resource": missing, "ChatConfiguration": configuration_arn})
    page = chatbot(r, "ListAssociations.page1", "/list-associations",
                   {"ChatConfiguration": configuration_arn, "MaxResults": 1})
    chatbot(r, "ListAssociations.page2", "/list-associations",
            {"ChatConfiguration": configuration_arn, "MaxResults": 1, "NextToken": page["NextToken"]})
    chatbot(r, "ListAssociations.missing_configuration", "/list-associations", {"ChatConfiguration": MISSING_ARN})
    chatbot(r, "ListAssociations.no_configuration_given", "/list-associations", {})
    chatbot(r, "ListAssociations.bad_token", "/list-associations",
            {"ChatConfiguration": configuration_arn, "NextToken": "bm90IGEgdG9rZW4="})
    chatbot(r, "DisassociateFromConfiguration.ok", "/disassociate-from-configuration", associate)
    chatbot(r, "DisassociateFromConfiguration.missing_action", "/disassociate-from-configuration",
            {"Resource": missing, "ChatConfiguration": configuration_arn})
    chatbot(r, "ListAssociations.after_disassociate", "/list-associations", {"ChatConfiguration": configuration_arn})
    whoami_arn = action_arn.replace("alarms", "whoami")
    chatbot(r, "DeleteCustomAction.ok", "/delete-custom-action", {"CustomActionArn": whoami_arn})
    chatbot(r, "DeleteCustomAction.again_not_found", "/delete-custom-action", {"CustomActionArn": whoami_arn})


def chatbot_tagging_steps(r: Recorder, configuration_arn: str) -> None:
    tags = "/list-tags-for-resource"
    chatbot(r, "ListTagsForResource.ok", tags, {"ResourceARN": configuration_arn})
    chatbot(r, "TagResource.ok", "/tag-resource",
            {"ResourceARN": configuration_arn, "Tags": [{"TagKey": "cost", "TagValue": "42"}]})
    chatbot(r, "TagResource.overwrite", "/tag-resource",
            {"ResourceARN": configuration_arn, "Tags": [{"TagKey": "team", "TagValue": "sre"}]})
    chatbot(r, "ListTagsForResource.after_tag", tags, {"ResourceARN": configuration_arn})
    chatbot(r, "TagResource.not_found", "/tag-resource",
            {"ResourceARN": MISSING_ARN, "Tags": [{"TagKey": "a", "TagValue": "b"}]})
    chatbot(r, "TagResource.empty_key", "/tag-resource",
            {"ResourceARN": configuration_arn, "Tags": [{"TagKey": "", "TagValue": "b"}]})
    r.seed("set_quota.chatbot_tags_per_resource", "set_quota", "chatbot_tags_per_resource", 3)
    chatbot(r, "TagResource.too_many_tags", "/tag-resource",
            {"ResourceARN": configuration_arn,
             "Tags": [{"TagKey": "x", "TagValue": "1"}, {"TagKey": "y", "TagValue": "2"}]})
    r.seed("set_quota.chatbot_tags_per_resource.back", "set_quota", "chatbot_tags_per_resource", 50)
    chatbot(r, "UntagResource.ok", "/untag-resource", {"ResourceARN": configuration_arn, "TagKeys": ["cost", "absent"]})
    chatbot(r, "UntagResource.not_found", "/untag-resource", {"ResourceARN": MISSING_ARN, "TagKeys": ["a"]})
    chatbot(r, "ListTagsForResource.after_untag", tags, {"ResourceARN": configuration_arn})
    chatbot(r, "ListTagsForResource.not_found", tags, {"ResourceARN": MISSING_ARN})


def chatbot_quota_steps(r: Recorder) -> None:
    r.seed("set_quota.chatbot_configurations_per_account", "set_quota", "chatbot_configurations_per_account", 5)
    chatbot(r, "CreateSlackChannelConfiguration.over_quota", "/create-slack-channel-configuration",
            {"SlackTeamId": SLACK_TEAM, "IamRoleArn": ROLE, "ConfigurationName": "one-too-many",
             "SlackChannelId": "C08MANY0001"})
    r.seed("set_quota.chatbot_configurations_per_account.back", "set_quota", "chatbot_configurations_per_account", 5000)
    r.seed("set_quota.chatbot_custom_actions_per_account", "set_quota", "chatbot_custom_actions_per_account", 2)
    chatbot(r, "CreateCustomAction.over_quota", "/create-custom-action",
            {"ActionName": "fourth", "Definition": {"CommandText": "x"}})
    r.seed("set_quota.chatbot_custom_actions_per_account.back", "set_quota", "chatbot_custom_actions_per_account", 1000)
    r.seed("set_quota.chatbot_sns_topics_per_configuration", "set_quota", "chatbot_sns_topics_per_configuration", 1)
    chatbot(r, "CreateSlackChannelConfiguration.too_many_topics", "/create-slack-channel-configuration",
            {"SlackTeamId": SLACK_TEAM, "IamRoleArn": ROLE, "ConfigurationName": "topics",
             "SlackChannelId": "C09TOPICS01", "SnsTopicArns": [TOPIC, OTHER_TOPIC]})
    chatbot(r, "UpdateSlackChannelConfiguration.too_many_topics", "/update-slack-channel-configuration",
            {"ChatConfigurationArn": f"arn:aws:chatbot::{ACCOUNT}:chat-configuration/slack-channel/alerts",
             "SlackChannelId": SLACK_CHANNEL, "SnsTopicArns": [TOPIC, OTHER_TOPIC]})
    r.seed("set_quota.chatbot_sns_topics_per_configuration.back", "set_quota", "chatbot_sns_topics_per_configuration",
           100)
    r.seed("set_quota.refused_unknown_name", "set_quota", "no_such_quota", 1)
    r.seed("set_quota.refused_negative", "set_quota", "chatbot_tags_per_resource", -1)


def chatbot_delete_steps(r: Recorder, slack_arn: str, private_arn: str, teams_arn: str) -> None:
    chatbot(r, "DeleteSlackWorkspaceAuthorization.with_configurations", "/delete-slack-workspace-authorization",
            {"SlackTeamId": SLACK_TEAM})
    chatbot(r, "DeleteSlackChannelConfiguration.ok", "/delete-slack-channel-configuration",
            {"ChatConfigurationArn": private_arn})
    chatbot(r, "DeleteSlackChannelConfiguration.again_not_found", "/delete-slack-channel-configuration",
            {"ChatConfigurationArn": private_arn})
    chatbot(r, "DeleteSlackWorkspaceAuthorization.unknown", "/delete-slack-workspace-authorization",
            {"SlackTeamId": "T0UNKNOWN01"})
    chatbot(r, "DeleteSlackChannelConfiguration.beta", "/delete-slack-channel-configuration",
            {"ChatConfigurationArn": f"arn:aws:chatbot::{ACCOUNT}:chat-configuration/slack-channel/beta-ops"})
    chatbot(r, "DeleteSlackWorkspaceAuthorization.ok", "/delete-slack-workspace-authorization",
            {"SlackTeamId": SLACK_TEAM_2})
    chatbot(r, "DescribeSlackWorkspaces.after_delete", "/describe-slack-workspaces")
    chatbot(r, "DeleteMicrosoftTeamsChannelConfiguration.ok", "/delete-ms-teams-channel-configuration",
            {"ChatConfigurationArn": teams_arn})
    chatbot(r, "DeleteMicrosoftTeamsChannelConfiguration.again_not_found", "/delete-ms-teams-channel-configuration",
            {"ChatConfigurationArn": teams_arn})
    chatbot(r, "DeleteMicrosoftTeamsConfiguredTeam.after_configuration_deleted", "/delete-ms-teams-configured-teams",
            {"TeamId": TEAMS_TEAM})
    chatbot(r, "ListMicrosoftTeamsConfiguredTeams.after_delete", "/list-ms-teams-configured-teams")
    chatbot(r, "DescribeSlackChannelConfigurations.remaining", "/describe-slack-channel-configurations")


def support_app_steps(r: Recorder) -> None:
    support(r, "ListSlackWorkspaceConfigurations.empty", "/list-slack-workspace-configurations")
    support(r, "GetAccountAlias.none", "/get-account-alias")
    support(r, "DeleteAccountAlias.none_not_found", "/delete-account-alias")
    support(r, "PutAccountAlias.ok", "/put-account-alias", {"accountAlias": "acme-prod"})
    support(r, "PutAccountAlias.invalid", "/put-account-alias", {"accountAlias": "bad alias!"})
    support(r, "PutAccountAlias.missing", "/put-account-alias", {})
    support(r, "GetAccountAlias.set", "/get-account-alias")
    support(r, "DeleteAccountAlias.ok", "/delete-account-alias")

    seed = "support_app.authorize_slack_workspace"
    r.seed("seed.support_app.authorize_slack_workspace", seed, SLACK_TEAM, "acme")
    r.seed("seed.support_app.authorize_slack_workspace.second", seed, SLACK_TEAM_2, "beta")
    r.seed("seed.support_app.authorize_slack_workspace.rename", seed, SLACK_TEAM_2, "beta-renamed")
    r.seed("seed.support_app.authorize_slack_workspace.refused_bad_id", seed, "has space", "x")
    r.seed("set_quota.support_app_workspaces_per_account", "set_quota", "support_app_workspaces_per_account", 2)
    r.seed("seed.support_app.authorize_slack_workspace.refused_quota", seed, "T0THIRD0001", "third")
    r.seed("set_quota.support_app_workspaces_per_account.back", "set_quota", "support_app_workspaces_per_account", 5)
    r.seed("set_quota.support_app_page_size", "set_quota", "support_app_page_size", 1)
    page = support(r, "ListSlackWorkspaceConfigurations.page1", "/list-slack-workspace-configurations")
    support(r, "ListSlackWorkspaceConfigurations.page2", "/list-slack-workspace-configurations",
            {"nextToken": page["nextToken"]})
    support(r, "ListSlackWorkspaceConfigurations.bad_token", "/list-slack-workspace-configurations",
            {"nextToken": "garbage"})

    create = "/create-slack-channel-configuration"
    request = {"teamId": SLACK_TEAM, "channelId": SLACK_CHANNEL, "channelRoleArn": SUPPORT_ROLE,
               "notifyOnCaseSeverity": "high", "notifyOnCreateOrReopenCase": True, "channelName": "support"}
    support(r, "CreateSlackChannelConfiguration.ok", create, request)
    support(r, "CreateSlackChannelConfiguration.duplicate", create, request)
    support(r, "CreateSlackChannelConfiguration.all_flags", create,
            {"teamId": SLACK_TEAM, "channelId": "C03SECOND01", "channelRoleArn": SUPPORT_ROLE,
             "notifyOnCaseSeverity": "all", "notifyOnAddCorrespondenceToCase": True,
             "notifyOnCreateOrReopenCase": True, "notifyOnResolveCase": False})
    support(r, "CreateSlackChannelConfiguration.third", create,
            {"teamId": SLACK_TEAM_2, "channelId": "C04THIRD001", "channelRoleArn": SUPPORT_ROLE,
             "notifyOnCaseSeverity": "none"})
    support(r, "CreateSlackChannelConfiguration.unauthorized_workspace", create,
            {**request, "teamId": "T0UNKNOWN01"})
    support(r, "CreateSlackChannelConfiguration.bad_severity", create,
            {**request, "channelId": "C05BAD00001", "notifyOnCaseSeverity": "urgent"})
    support(r, "CreateSlackChannelConfiguration.missing_role", create,
            {"teamId": SLACK_TEAM, "channelId": "C06NOROLE01", "notifyOnCaseSeverity": "none"})
    r.seed("set_quota.support_app_channels_per_account", "set_quota", "support_app_channels_per_account", 3)
    support(r, "CreateSlackChannelConfiguration.over_quota", create, {**request, "channelId": "C07QUOTA001"})
    r.seed("set_quota.support_app_channels_per_account.back", "set_quota", "support_app_channels_per_account", 20)
    r.seed("set_quota.support_app_accounts_per_slack_channel", "set_quota", "support_app_accounts_per_slack_channel", 1)
    r.seed("seed.support_app.authorize_slack_workspace.outsider", seed, SLACK_TEAM, "acme", account_id=OUTSIDER)
    support(r, "CreateSlackChannelConfiguration.channel_full", create,
            {**request, "channelRoleArn": f"arn:aws:iam::{OUTSIDER}:role/AWSSupportAppInSlack"}, account=OUTSIDER)
    r.seed("set_quota.support_app_accounts_per_slack_channel.back", "set_quota",
           "support_app_accounts_per_slack_channel", 100)

    r.seed("set_quota.support_app_page_size.two", "set_quota", "support_app_page_size", 2)
    listing = "/list-slack-channel-configurations"
    page = support(r, "ListSlackChannelConfigurations.page1", listing)
    support(r, "ListSlackChannelConfigurations.page2", listing, {"nextToken": page["nextToken"]})
    support(r, "ListSlackChannelConfigurations.bad_token", listing, {"nextToken": page["nextToken"][:-4] + "AAAA"})
    support(r, "ListSlackChannelConfigurations.other_account", listing, account=OUTSIDER)
    r.seed("set_quota.support_app_page_size.back", "set_quota", "support_app_page_size", 10)

    update = "/update-slack-channel-configuration"
    support(r, "UpdateSlackChannelConfiguration.ok", update,
            {"teamId": SLACK_TEAM, "channelId": SLACK_CHANNEL, "notifyOnCaseSeverity": "all",
             "notifyOnResolveCase": True, "channelName": "support-renamed"})
    support(r, "UpdateSlackChannelConfiguration.not_found", update,
            {"teamId": SLACK_TEAM, "channelId": "C0NOTHERE01"})
    support(r, "UpdateSlackChannelConfiguration.severity_without_flags", update,
            {"teamId": SLACK_TEAM_2, "channelId": "C04THIRD001", "notifyOnCaseSeverity": "high"})

    r.seed("seed.support_app.start_live_chat", "support_app.start_live_chat", SLACK_TEAM, SLACK_CHANNEL)
    r.seed("seed.support_app.start_live_chat.refused_not_configured", "support_app.start_live_chat", SLACK_TEAM,
           "C0NOTHERE01")
    delete_channel = "/delete-slack-channel-configuration"
    support(r, "DeleteSlackChannelConfiguration.live_chat_conflict", delete_channel,
            {"teamId": SLACK_TEAM, "channelId": SLACK_CHANNEL})
    support(r, "DeleteSlackWorkspaceConfiguration.live_chat_conflict", "/delete-slack-workspace-configuration",
            {"teamId": SLACK_TEAM})
    r.seed("seed.support_app.end_live_chat", "support_app.end_live_chat", SLACK_TEAM, SLACK_CHANNEL)
    r.seed("seed.support_app.end_live_chat.not_active", "support_app.end_live_chat", SLACK_TEAM, SLACK_CHANNEL)
    support(r, "DeleteSlackChannelConfiguration.ok", delete_channel, {"teamId": SLACK_TEAM, "channelId": SLACK_CHANNEL})
    support(r, "DeleteSlackChannelConfiguration.again_not_found", delete_channel,
            {"teamId": SLACK_TEAM, "channelId": SLACK_CHANNEL})
    support(r, "DeleteSlackWorkspaceConfiguration.ok", "/delete-slack-workspace-configuration",
            {"teamId": SLACK_TEAM_2})
    support(r, "DeleteSlackWorkspaceConfiguration.not_found", "/delete-slack-workspace-configuration",
            {"teamId": "T0UNKNOWN01"})
    support(r, "ListSlackChannelConfigurations.after_deletes", listing)


def organization_steps(r: Recorder) -> None:
    register = "/register-slack-workspace-for-organization"
    r.seed("seed.create_organization", "create_organization", MANAGEMENT, [MEMBER])
    r.seed("seed.create_organization.refused_already_member", "create_organization", OUTSIDER, [MEMBER])
    r.seed("seed.create_organization.refused_bad_account", "create_organization", "123", [])
    r.seed("seed.support_app.authorize_slack_workspace.management", "support_app.authorize_slack_workspace",
           "T0ORGTEAM01", "org", account_id=MANAGEMENT)
    support(r, "RegisterSlackWorkspaceForOrganization.member_before_management", register,
            {"teamId": "T0ORGTEAM01"}, account=MEMBER)
    support(r, "RegisterSlackWorkspaceForOrganization.management", register, {"teamId": "T0ORGTEAM01"},
            account=MANAGEMENT)
    support(r, "RegisterSlackWorkspaceForOrganization.member", register, {"teamId": "T0ORGTEAM01"}, account=MEMBER)
    support(r, "RegisterSlackWorkspaceForOrganization.not_in_organization", register, {"teamId": "T0ORGTEAM01"},
            account=OUTSIDER)
    support(r, "RegisterSlackWorkspaceForOrganization.unknown_team", register, {"teamId": "T0UNKNOWN01"},
            account=MANAGEMENT)
    support(r, "RegisterSlackWorkspaceForOrganization.bad_team_id", register, {"teamId": "bad"}, account=MANAGEMENT)
    support(r, "ListSlackWorkspaceConfigurations.member", "/list-slack-workspace-configurations", account=MEMBER)


def round_trip_steps(r: Recorder) -> None:
    """``m.load_state(m.state())``, then the listings again; and a snapshot that is refused."""
    snapshot = r.state("state.before_round_trip")
    r.seed("load_state.round_trip", "load_state", snapshot)
    r.state("state.after_round_trip")
    chatbot(r, "round_trip.DescribeSlackChannelConfigurations", "/describe-slack-channel-configurations",
            {"MaxResults": 1})
    page = chatbot(r, "round_trip.ListCustomActions", "/list-custom-actions", {"MaxResults": 1})
    chatbot(r, "round_trip.ListCustomActions.page2", "/list-custom-actions",
            {"MaxResults": 1, "NextToken": page["NextToken"]})
    chatbot(r, "round_trip.DescribeChimeWebhookConfigurations", "/describe-chime-webhook-configurations")
    chatbot(r, "round_trip.GetAccountPreferences", "/get-account-preferences")
    support(r, "round_trip.ListSlackWorkspaceConfigurations", "/list-slack-workspace-configurations",
            account=MANAGEMENT)
    support(r, "round_trip.ListSlackChannelConfigurations", "/list-slack-channel-configurations")
    r.seed("load_state.refused_version", "load_state", {**snapshot, "version": 2})
    r.seed("load_state.refused_misspelt_member", "load_state", {**snapshot, "setings": {}})
    chatbot(r, "after_refused_load.ListCustomActions", "/list-custom-actions")


def scenario(r: Recorder) -> None:
    """The one list of steps."""
    r.seed("load_state.base_snapshot", "load_state", BASE_SNAPSHOT)
    r.state("state.base")
    protocol_steps(r)
    chatbot_preferences_steps(r)
    slack_arn, private_arn = chatbot_slack_steps(r)
    teams_arn = chatbot_teams_steps(r)
    chatbot_chime_steps(r)
    r.state("state.chatbot_populated")
    chatbot_custom_action_steps(r, slack_arn)
    chatbot_tagging_steps(r, slack_arn)
    chatbot_quota_steps(r)
    chatbot_delete_steps(r, slack_arn, private_arn, teams_arn)
    support_app_steps(r)
    organization_steps(r)
    round_trip_steps(r)


class StampsDrifted(RuntimeError):
    """This process had handed out creation stamps beyond ``ANCHOR_ORDER`` before the
    scenario ran (it ran here already, or a test loaded a snapshot with a greater
    ``order``): its page tokens and ``order`` members would differ from a fresh run's."""


def run() -> List[Dict[str, Any]]:
    """Run the scenario in a fresh mock; answers every entry in order. Raises
    :class:`StampsDrifted` if the answers cannot be those of a fresh process."""
    with mock_chatbot(account_id=ACCOUNT) as mock:
        recorder = Recorder(mock)
        scenario(recorder)
        # The first record the scenario made (the seeded Slack workspace, still there)
        # must carry the first stamp after the anchor's.
        first = mock.state()["services"]["chatbot"]["accounts"][ACCOUNT]["slack_workspaces"][0]
    if first["order"] != ANCHOR_ORDER + 1:
        raise StampsDrifted(f"creation stamps started at {first['order']}, not {ANCHOR_ORDER + 1}: use a new process")
    return recorder.entries


# -- coverage -------------------------------------------------------------------------------------


def operations() -> Dict[Tuple[str, str], str]:
    """(service, request path) -> operation name, for both services, from botocore's model."""
    session = botocore.session.get_session()
    found = {}
    for service in ENDPOINTS:
        model = session.get_service_model(service)
        for name in model.operation_names:
            found[(service, model.operation_model(name).http["requestUri"])] = name
    return found


def coverage(entries: List[Dict[str, Any]]) -> Dict[str, Dict[str, int]]:
    """Per operation (``service:Operation``): how many success and error answers the corpus holds."""
    by_route = operations()
    counts = {f"{service}:{name}": {"success": 0, "error": 0} for (service, _), name in by_route.items()}
    for entry in entries:
        request = entry.get("request")
        if request is None:
            continue
        host, path = request["url"][len("https://"):].split("/", 1)
        service = next(name for name, endpoint in ENDPOINTS.items() if endpoint[0] == host)
        name = by_route.get((service, "/" + path))
        if name is not None:
            counts[f"{service}:{name}"]["success" if entry["answer"]["status"] < 300 else "error"] += 1
    return counts


def _leaf_differences(old: Any, new: Any, where: str) -> Iterator[str]:
    """Each place where two JSON values differ, as ``where: recorded ... / replayed ...``."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            yield from _leaf_differences(old.get(key), new.get(key), f"{where}.{key}")
    elif old != new:
        recorded, replayed = json.dumps(old, sort_keys=True), json.dumps(new, sort_keys=True)
        yield f"{where}:\n    recorded: {recorded}\n    replayed: {replayed}"


def iter_differences(recorded: List[Dict[str, Any]], replayed: List[Dict[str, Any]]) -> Iterator[str]:
    """A description of each step whose entry differs, in order, naming the members that differ."""
    for index, (old, new) in enumerate(zip(recorded, replayed)):
        if old != new:
            details = "\n  ".join(_leaf_differences(old, new, "entry"))
            yield f"step {index} {old.get('step')!r}:\n  {details}"
    if len(recorded) != len(replayed):
        yield f"the corpus holds {len(recorded)} steps, the replay made {len(replayed)}"
