"""``python -m chatbot_mock demo``, the README's first command, tours both services."""

import os

import pytest

from chatbot_mock.__main__ import main


def test_the_demo_shows_quota_and_conflict_errors_and_leaves_the_environment_as_it_was(
    capsys: pytest.CaptureFixture[str],
) -> None:
    environment = dict(os.environ)
    assert main(["demo"]) == 0
    printed = capsys.readouterr().out
    assert "the 21st create_slack_channel_configuration\n    -> ServiceQuotaExceededException (HTTP 402)" in printed
    assert "authorising workspace number 6\n    -> ServiceQuotaExceededException (HTTP 402)" in printed
    assert "arn:aws:chatbot::123456789012:chat-configuration/slack-channel/ops-alerts" in printed
    assert "the same configuration name again\n    -> ConflictException (HTTP 409)" in printed
    assert "NotImplemented" not in printed and "InternalFailure" not in printed
    assert dict(os.environ) == environment


def test_without_a_command_it_prints_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "usage: chatbot-mock" in error and "{demo,server}" in error
