"""Terraform's AWS provider as a client of the server: its Chatbot resources apply, plan
with no changes afterwards, update tags and destroy.

Runs where ``terraform`` and a local copy of the AWS provider are available (a filesystem
mirror: ``CHATBOT_MOCK_TERRAFORM_MIRROR``, else ``/opt/tf-plugins``); skipped elsewhere,
since nothing here may reach the network. The provider waits 30 s after each create and
delete, so this takes about two minutes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path
from typing import Any, List

import pytest

from chatbot_mock import _snapshot
from chatbot_mock.server import ThreadedServer

MIRROR = Path(os.environ.get("CHATBOT_MOCK_TERRAFORM_MIRROR", "/opt/tf-plugins"))
PROVIDERS = sorted((MIRROR / "registry.terraform.io" / "hashicorp" / "aws").glob("*/*/terraform-provider-aws*"))

pytestmark = pytest.mark.skipif(
    shutil.which("terraform") is None or not PROVIDERS,
    reason="needs terraform and a local filesystem mirror of the hashicorp/aws provider",
)

TEAM_ID = "6f7d4c2a-1b3e-4d5f-8a9b-0c1d2e3f4a5b"
TENANT_ID = "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"
CONFIGURATION = """
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "%(version)s" }
  }
}
variable "endpoint" { type = string }
variable "team" { type = string }

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "123456789012"
  secret_key                  = "not-a-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints {
    chatbot = var.endpoint
  }
}

data "aws_chatbot_slack_workspace" "acme" {
  slack_team_name = "acme"
}

resource "aws_chatbot_slack_channel_configuration" "alerts" {
  configuration_name = "alerts"
  iam_role_arn       = "arn:aws:iam::123456789012:role/chatbot"
  slack_channel_id   = "C0ALERTS"
  slack_team_id      = data.aws_chatbot_slack_workspace.acme.slack_team_id
  sns_topic_arns     = ["arn:aws:sns:us-east-1:123456789012:alerts"]
  tags               = { team = var.team }
}

resource "aws_chatbot_teams_channel_configuration" "ops" {
  channel_id         = "19%%3ab6ef35dc342d56ba5654e6fc6d25a071%%40thread.tacv2"
  configuration_name = "ops"
  iam_role_arn       = "arn:aws:iam::123456789012:role/chatbot"
  team_id            = "%(team_id)s"
  tenant_id          = "%(tenant_id)s"
  tags               = { team = var.team }
}
"""


def seed(server: ThreadedServer, step: str, arguments: Any) -> None:
    request = urllib.request.Request(
        f"{server.url}/_chatbot_mock/chatbot/{step}", data=json.dumps(arguments).encode(), method="POST")
    with urllib.request.urlopen(request, timeout=5) as answer:
        assert answer.status == 200


def test_the_aws_providers_chatbot_resources_apply_plan_clean_update_tags_and_destroy(tmp_path: Path) -> None:
    version = PROVIDERS[-1].parent.parent.name
    (tmp_path / "main.tf").write_text(
        CONFIGURATION % {"version": version, "team_id": TEAM_ID, "tenant_id": TENANT_ID}, encoding="utf-8"
    )
    (tmp_path / "cli.tfrc").write_text(
        'provider_installation {\n'
        f'  filesystem_mirror {{\n    path = "{MIRROR}"\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }}\n'
        '  direct { exclude = ["registry.terraform.io/hashicorp/aws"] }\n}\n',
        encoding="utf-8",
    )
    environment = {
        **os.environ, "TF_CLI_CONFIG_FILE": str(tmp_path / "cli.tfrc"), "TF_IN_AUTOMATION": "1",
        "CHECKPOINT_DISABLE": "1",
    }

    with ThreadedServer(port=0) as server:
        # The console steps, through the admin calls a non-Python harness would use.
        seed(server, "authorize_slack_workspace", {"team_id": "T012ABCDEFG", "team_name": "acme"})
        seed(server, "authorize_teams_team", {"team_id": TEAM_ID, "team_name": "Ops", "tenant_id": TENANT_ID})

        def terraform(*arguments: str, team: str = "platform") -> subprocess.CompletedProcess:
            variables: List[str] = [] if arguments[0] == "init" else [
                "-var", f"endpoint={server.url}", "-var", f"team={team}"]
            return subprocess.run(
                ["terraform", *arguments, "-input=false", "-no-color", *variables],
                cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=600, check=False,
            )

        def configurations() -> Any:
            accounts = _snapshot.take(server.state)["services"]["chatbot"]["accounts"]
            account = accounts.get("123456789012", {})
            return account.get("slack_configurations", []) + account.get("teams_configurations", [])

        initialised = terraform("init")
        assert initialised.returncode == 0, initialised.stdout + initialised.stderr
        applied = terraform("apply", "-auto-approve")
        assert applied.returncode == 0, applied.stdout + applied.stderr
        assert sorted(c["configuration_name"] for c in configurations()) == ["alerts", "ops"]

        plan = terraform("plan", "-detailed-exitcode")
        assert plan.returncode == 0, plan.stdout + plan.stderr  # 0: no changes

        retagged = terraform("apply", "-auto-approve", team="security")
        assert retagged.returncode == 0, retagged.stdout + retagged.stderr
        assert {c["tags"]["team"] for c in configurations()} == {"security"}

        destroyed = terraform("destroy", "-auto-approve", team="security")
        assert destroyed.returncode == 0, destroyed.stdout + destroyed.stderr
        assert configurations() == []
