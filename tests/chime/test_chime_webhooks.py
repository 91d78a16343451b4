"""Simulated Amazon Chime rooms: code that posts to an incoming webhook with ``requests``
reaches the room, under the rules of Chime's webhook guide, on the test's own clock."""

from __future__ import annotations

import json
from typing import Any, Iterator

import boto3
import pytest
import requests
import responses

from chatbot_mock import mock_chatbot
from chatbot_mock.chime.rooms import ChimeError

TOPIC = "arn:aws:sns:us-east-1:123456789012:alerts"
ROLE = "arn:aws:iam::123456789012:role/ChatbotRole"
CUSTOM = json.dumps({"version": "1.0", "source": "custom", "content": {"description": "Deploy done @Present"}})


@pytest.fixture
def m() -> Iterator[Any]:
    # Whatever the mock does not answer is refused here instead of reaching the network.
    with responses.RequestsMock(assert_all_requests_are_fired=False), mock_chatbot() as mock:
        yield mock


def post(url: str, content: str = "hello", **kwargs: Any) -> requests.Response:
    return requests.post(url, json={"Content": content}, timeout=5, **kwargs)


def test_a_post_reaches_the_room_under_the_webhooks_name(m: Any) -> None:
    room = m.chime.create_room("ops")
    hook = room.create_webhook("deploy-bot")

    answer = post(hook.url, "Build 42 is green :+1: http://ci.example.com")

    assert answer.status_code == 200
    assert answer.json()["RoomId"] == "ops" and answer.json()["MessageId"]
    [message] = room.messages
    assert (message.content, message.webhook, message.mentions) == (
        "Build 42 is green :+1: http://ci.example.com", "deploy-bot", ())


def test_a_webhook_url_has_the_real_form(m: Any) -> None:
    url = m.chime.create_room("ops").create_webhook("bot").url

    assert url.startswith("https://hooks.chime.aws/incomingwebhooks/")
    assert "?token=" in url


def test_all_and_present_callouts_alert_the_members_they_name(m: Any) -> None:
    room = m.chime.create_room("ops")
    room.add_member("alice")
    room.add_member("bob", present=False)
    hook = room.create_webhook("bot")

    post(hook.url, "Everyone @All")
    m.chime.clock.advance(1)
    post(hook.url, "Whoever is here @Present")

    assert [(msg.mentions, msg.alerted) for msg in room.messages] == [
        (("@All",), ("alice", "bob")),
        (("@Present",), ("alice",)),
    ]


def test_a_room_holds_at_most_ten_webhooks(m: Any) -> None:
    room = m.chime.create_room("ops")
    for number in range(10):
        room.create_webhook(f"bot-{number}")

    with pytest.raises(ChimeError, match="already has 10 webhooks"):
        room.create_webhook("one too many")
    room.webhooks[0].delete()
    assert room.create_webhook("fits again").name == "fits again"


def test_one_request_per_second_per_webhook_else_429(m: Any) -> None:
    room = m.chime.create_room("ops")
    first, second = room.create_webhook("first"), room.create_webhook("second")

    assert post(first.url).status_code == 200
    assert post(first.url).status_code == 429
    assert post(second.url).status_code == 200  # each webhook has its own limit
    m.chime.clock.advance(0.999)
    assert post(first.url).status_code == 429
    m.chime.clock.advance(0.001)
    assert post(first.url).status_code == 200
    assert len(room.messages) == 3  # throttled posts leave nothing


def test_a_payload_over_the_limit_is_413_and_the_limit_is_a_setting(m: Any) -> None:
    hook = m.chime.create_room("ops").create_webhook("bot")
    envelope = len(b'{"Content": ""}')

    # The limit counts bytes: "é" is two of them in UTF-8.
    assert requests.post(hook.url, data=json.dumps({"Content": "x" * (4096 - envelope)}), timeout=5).status_code == 200
    m.chime.clock.advance(1)
    over = json.dumps({"Content": "é" * ((4096 - envelope) // 2 + 1)}, ensure_ascii=False).encode()
    assert requests.post(hook.url, data=over, timeout=5).status_code == 413
    assert post(hook.url, "x" * 4100).status_code == 413
    m.set_quota("chime_webhook_payload_limit_bytes", 16 * 1024)
    assert post(hook.url, "x" * 4100).status_code == 200


def test_a_regenerated_webhooks_old_url_is_404(m: Any) -> None:
    hook = m.chime.create_room("ops").create_webhook("bot")
    old = hook.url

    new = hook.regenerate()

    assert new == hook.url != old
    assert post(old).status_code == 404
    assert post(new).status_code == 200


def test_a_deleted_webhooks_url_is_404(m: Any) -> None:
    room = m.chime.create_room("ops")
    hook = room.create_webhook("bot")

    hook.delete()

    assert post(hook.url).status_code == 404
    assert room.webhooks == ()
    with pytest.raises(ChimeError, match="was deleted"):
        hook.regenerate()


@pytest.mark.parametrize(
    "make_url",
    [
        lambda url: url.replace("token=", "token=x"),
        lambda url: url.split("?")[0],
        lambda url: "https://hooks.chime.aws/incomingwebhooks/not-a-webhook?token=abc",
        lambda url: "https://hooks.chime.aws/somewhere-else",
    ],
    ids=["wrong token", "no token", "unknown webhook", "not a webhook path"],
)
def test_an_invalid_url_or_token_is_403(m: Any, make_url: Any) -> None:
    hook = m.chime.create_room("ops").create_webhook("bot")

    assert post(make_url(hook.url)).status_code == 403


def test_an_outage_the_test_switches_on_is_503(m: Any) -> None:
    hook = m.chime.create_room("ops").create_webhook("bot")

    m.chime.unavailable = True
    assert post(hook.url).status_code == 503
    m.chime.unavailable = False
    assert post(hook.url).status_code == 200


@pytest.mark.parametrize("body", [b"not json", b'{"content": "lower case"}', b'{"Content": 5}', b"[]"])
def test_a_payload_without_content_text_is_400(m: Any, body: bytes) -> None:
    hook = m.chime.create_room("ops").create_webhook("bot")

    assert requests.post(hook.url, data=body, timeout=5).status_code == 400


def test_only_post_is_answered(m: Any) -> None:
    hook = m.chime.create_room("ops").create_webhook("bot")

    assert requests.get(hook.url, timeout=5).status_code == 405


def test_the_clock_only_moves_forward_by_finite_amounts(m: Any) -> None:
    with pytest.raises(ValueError, match="only moves forward"):
        m.chime.clock.advance(-1)
    for wrong in (float("nan"), float("inf"), "1"):
        with pytest.raises(ValueError, match="finite number of seconds"):
            m.chime.clock.advance(wrong)
    with pytest.raises(AttributeError):
        m.chime.clock.now = 5


def test_ten_tenths_of_a_second_make_a_second(m: Any) -> None:
    hook = m.chime.create_room("ops").create_webhook("bot")
    post(hook.url)
    for _ in range(10):
        m.chime.clock.advance(0.1)

    assert post(hook.url).status_code == 200


def test_a_member_is_mentioned_by_alias_or_full_address_not_inside_a_word(m: Any) -> None:
    room = m.chime.create_room("ops")
    room.add_member("alice")
    room.add_member("bob", present=False)
    room.add_member("carol")
    hook = room.create_webhook("bot")

    post(hook.url, "@alice and @bob@example.com, not @dave; mail ops@All.com or x@Present")

    [message] = room.messages
    assert message.mentions == ("@alice", "@bob@example.com")
    assert message.alerted == ("alice", "bob")


def test_a_reset_forgets_rooms_and_keeps_the_clock(m: Any) -> None:
    room = m.chime.create_room("ops")
    clock = m.chime.clock
    m.reset()

    with pytest.raises(ChimeError, match="reset or stopped"):
        room.create_webhook("late")
    assert m.chime.rooms == ()
    clock.advance(2)
    assert m.chime.clock.now == 2


def test_a_trailing_dot_host_reaches_the_webhook(m: Any) -> None:
    hook = m.chime.create_room("ops").create_webhook("bot")

    assert post(hook.url.replace("hooks.chime.aws/", "hooks.chime.aws./")).status_code == 200


@responses.activate
def test_other_requests_traffic_passes_through_untouched() -> None:
    responses.add(responses.POST, "https://hooks.slack.com/services/T0/B0/x", body="ok")
    responses.add(responses.POST, "https://hooks.chime.aws.example.com/incomingwebhooks/x", body="not chime")
    with mock_chatbot():
        assert requests.post("https://hooks.slack.com/services/T0/B0/x", timeout=5).text == "ok"
        assert requests.post("https://hooks.chime.aws.example.com/incomingwebhooks/x", timeout=5).text == "not chime"


@responses.activate
def test_after_stop_chime_urls_are_left_alone() -> None:
    with mock_chatbot() as mock:
        url = mock.chime.create_room("ops").create_webhook("bot").url
    responses.add(responses.POST, url.split("?")[0], body="underneath")
    assert post(url).text == "underneath"


# -- AWS Chatbot's Chime configurations ------------------------------------------------------


def chime_configuration(url: str) -> Any:
    client = boto3.client("chatbot", region_name="us-east-1")
    return client.create_chime_webhook_configuration(
        ConfigurationName="chime", WebhookUrl=url, WebhookDescription="ops/bot", SnsTopicArns=[TOPIC], IamRoleArn=ROLE
    )["WebhookConfiguration"]


def test_a_chime_configuration_posts_its_deliveries_into_the_room(m: Any) -> None:
    room = m.chime.create_room("ops")
    room.add_member("alice")
    chime_configuration(room.create_webhook("bot").url)

    [delivery] = m.chatbot.publish(TOPIC, CUSTOM)

    assert delivery.delivered and delivery.channel == "ops/bot"
    [message] = room.messages
    assert (message.content, message.webhook, message.alerted) == ("Deploy done @Present", "bot", ("alice",))


def test_a_delivery_to_a_deleted_webhook_fails_with_chimes_answer(m: Any) -> None:
    hook = m.chime.create_room("ops").create_webhook("bot")
    chime_configuration(hook.url)
    hook.delete()

    [delivery] = m.chatbot.publish(TOPIC, CUSTOM)

    assert (delivery.delivered, delivery.text) == (False, None)
    assert delivery.reason == "Amazon Chime answered 404: The webhook was regenerated or deleted"


def test_deliveries_share_the_webhooks_rate_limit(m: Any) -> None:
    room = m.chime.create_room("ops")
    chime_configuration(room.create_webhook("bot").url)

    first, second = (m.chatbot.publish(TOPIC, CUSTOM)[0] for _ in range(2))

    assert (first.delivered, second.delivered) == (True, False)
    assert second.reason.startswith("Amazon Chime answered 429")
    assert len(room.messages) == 1


def test_once_rooms_are_simulated_a_url_none_has_is_refused_like_chime_would(m: Any) -> None:
    m.chime.create_room("ops")
    chime_configuration("https://hooks.chime.aws/incomingwebhooks/a1b2c3d4-e5f6?token=abcdefABCDEF123456")

    [delivery] = m.chatbot.publish(TOPIC, CUSTOM)

    assert delivery.reason == "Amazon Chime answered 403: Invalid webhook URL"


def test_without_simulated_rooms_a_chime_delivery_is_the_record_alone(m: Any) -> None:
    chime_configuration("https://hooks.chime.aws/incomingwebhooks/a1b2c3d4-e5f6?token=abcdefABCDEF123456")

    [delivery] = m.chatbot.publish(TOPIC, CUSTOM)

    assert (delivery.delivered, delivery.text) == (True, "Deploy done @Present")


def test_without_simulated_rooms_chime_urls_pass_through_to_the_tests_own_mock() -> None:
    url = "https://hooks.chime.aws/incomingwebhooks/a1b2c3d4-e5f6?token=abcdefABCDEF123456"
    with responses.RequestsMock() as mocked, mock_chatbot():
        mocked.add(responses.POST, url.split("?")[0], json={"MessageId": "theirs"})
        assert post(url).json() == {"MessageId": "theirs"}


def test_the_chime_console_needs_an_active_mock() -> None:
    with pytest.raises(RuntimeError, match="no chatbot_mock is active"):
        mock_chatbot().chime.create_room("ops")
