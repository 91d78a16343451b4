"""The scripts in examples/ run as a user would run them, in a fresh process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(name: str) -> str:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name)], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_cloudwatch_alarm_reaches_a_slack_channel_and_a_chime_room() -> None:
    output = run("alarm_to_slack_and_chime.py")

    assert "Slack #C0ONCALL:\nCloudWatch Alarm | checkout-latency" in output
    assert "Chime room 'Checkout on-call' (AWS Chatbot (Webhook)):\nCloudWatch Alarm | checkout-latency" in output


def test_a_lambda_style_handler_posts_to_a_chime_webhook() -> None:
    output = run("lambda_posts_to_chime.py")

    assert output.splitlines() == [
        "deploy-bot (Webhook): Deploy of checkout 1.4.2: succeeded  alerts: -",
        "deploy-bot (Webhook): Deploy of checkout 1.4.3: failed @Present  alerts: alice",
    ]


@pytest.mark.parametrize("script", sorted(path.name for path in EXAMPLES.glob("*.py")))
def test_every_example_is_tested_here(script: str) -> None:
    assert script in Path(__file__).read_text(encoding="utf-8")
