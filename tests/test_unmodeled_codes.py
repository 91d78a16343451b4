"""docs/errors.md names every code the mock answers that an operation's model does not
list. Each row must really be missing from the model, and each case must answer it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Dict, Set, Tuple

import boto3
import botocore.config
import botocore.session
import pytest
from botocore.exceptions import ClientError

from chatbot_mock import mock_chatbot

DOC = Path(__file__).resolve().parent.parent / "docs" / "errors.md"
ACCOUNT = "123456789012"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/r"


def documented() -> Set[Tuple[str, str]]:
    section = DOC.read_text(encoding="utf-8").split("## Codes an operation's model does not list")[1]
    section = section.split("\n## ")[0]
    rows = set()
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[1].startswith("`"):
            for operation in cells[0].split(","):
                rows.add((operation.strip(), cells[1].strip("`")))
    return rows


def _service_of(operation: str) -> str:
    session = botocore.session.get_session()
    for service in ("chatbot", "support-app"):
        if operation in session.get_service_model(service).operation_names:
            return service
    raise AssertionError(f"{operation} is in neither model")


def test_the_table_names_only_codes_the_models_really_leave_out() -> None:
    session = botocore.session.get_session()
    rows = documented()
    assert len(rows) >= 10
    for operation, code in rows:
        model = session.get_service_model(_service_of(operation)).operation_model(operation)
        assert code not in {error.name for error in model.error_shapes}, (operation, code)


def _chatbot(mock: Any) -> Any:
    return boto3.client("chatbot", region_name="us-east-1")


def _support(mock: Any) -> Any:
    return boto3.client("support-app", region_name="us-east-1")


def _unknown_configuration(kind: str) -> str:
    return f"arn:aws:chatbot::{ACCOUNT}:chat-configuration/{kind}/nope"


def _member_at_quota(mock: Any) -> Any:
    mock.create_organization("111111111111", ["222222222222"])
    mock.support_app.authorize_slack_workspace("TORG", "org", account_id="111111111111")
    with mock.as_account("111111111111"):
        _support(mock).register_slack_workspace_for_organization(teamId="TORG")
    for number in range(5):
        mock.support_app.authorize_slack_workspace(f"T{number}", "w", account_id="222222222222")
    with mock.as_account("222222222222"):
        _support(mock).register_slack_workspace_for_organization(teamId="TORG")


CASES: Dict[Tuple[str, str], Callable[[Any], None]] = {
    ("GetMicrosoftTeamsChannelConfiguration", "ResourceNotFoundException"): lambda mock: _chatbot(
        mock
    ).get_microsoft_teams_channel_configuration(ChatConfigurationArn=_unknown_configuration("microsoft-teams-channel")),
    ("DeleteMicrosoftTeamsConfiguredTeam", "ResourceNotFoundException"): lambda mock: _chatbot(
        mock
    ).delete_microsoft_teams_configured_team(TeamId="6f7d4c2a-1b3e-4d5f-8a9b-0c1d2e3f4a5b"),
    ("AssociateToConfiguration", "ResourceNotFoundException"): lambda mock: _chatbot(mock).associate_to_configuration(
        Resource=f"arn:aws:chatbot::{ACCOUNT}:custom-action/nope",
        ChatConfiguration=_unknown_configuration("slack-channel"),
    ),
    ("DisassociateFromConfiguration", "ResourceNotFoundException"): lambda mock: _chatbot(
        mock
    ).disassociate_from_configuration(
        Resource=f"arn:aws:chatbot::{ACCOUNT}:custom-action/nope",
        ChatConfiguration=_unknown_configuration("slack-channel"),
    ),
    ("ListAssociations", "InvalidRequestException"): lambda mock: _chatbot(mock).list_associations(
        ChatConfiguration=_unknown_configuration("slack-channel"), NextToken="not-a-token"
    ),
    ("ListSlackChannelConfigurations", "ValidationException"): lambda mock: _support(
        mock
    ).list_slack_channel_configurations(nextToken="not-a-token"),
    ("ListSlackWorkspaceConfigurations", "ValidationException"): lambda mock: _support(
        mock
    ).list_slack_workspace_configurations(nextToken="not-a-token"),
    ("RegisterSlackWorkspaceForOrganization", "ServiceQuotaExceededException"): _member_at_quota,
}


def _tagging_case(operation: str) -> Callable[[Any], None]:
    def call(mock: Any) -> None:
        client = _chatbot(mock)
        mock.chatbot.authorize_slack_workspace("T012ABCDEFG", "acme")
        arn = client.create_slack_channel_configuration(
            ConfigurationName="c", SlackTeamId="T012ABCDEFG", SlackChannelId="C1", IamRoleArn=ROLE
        )["ChannelConfiguration"]["ChatConfigurationArn"]
        twice = [{"TagKey": "k", "TagValue": "1"}, {"TagKey": "k", "TagValue": "2"}]
        if operation == "TagResource":
            client.tag_resource(ResourceARN=arn, Tags=twice)
        elif operation == "UntagResource":
            # A constraint the model states (TagKey length), which botocore's own
            # validation would catch first: send it unvalidated.
            unvalidated = boto3.client(
                "chatbot", region_name="us-east-1", config=botocore.config.Config(parameter_validation=False)
            )
            unvalidated.untag_resource(ResourceARN=arn, TagKeys=[""])
        else:
            unvalidated = boto3.client(
                "chatbot", region_name="us-east-1", config=botocore.config.Config(parameter_validation=False)
            )
            unvalidated.list_tags_for_resource(ResourceARN="x")

    return call


for _operation in ("TagResource", "UntagResource", "ListTagsForResource"):
    CASES[(_operation, "InvalidRequestException")] = _tagging_case(_operation)


def test_every_documented_row_has_a_case() -> None:
    assert set(CASES) == documented()


@pytest.mark.parametrize(("operation", "code"), sorted(CASES), ids=[f"{o}-{c}" for o, c in sorted(CASES)])
def test_each_case_answers_the_documented_code(operation: str, code: str) -> None:
    with mock_chatbot() as mock, pytest.raises(ClientError) as refused:
        CASES[(operation, code)](mock)

    assert refused.value.operation_name == operation
    assert refused.value.response["Error"]["Code"] == code
