"""A Lambda-style handler posts to an Amazon Chime incoming webhook with requests.

chatbot_mock simulates the Chime room behind the webhook URL, with Chime's rules:
1 request per second per webhook (429), a payload size limit (413), a regenerated or
deleted URL (404), an outage (503). Its clock is the test's: nothing sleeps.

Run it: python examples/lambda_posts_to_chime.py
"""

import os

import requests

from chatbot_mock import mock_chatbot


def handler(event, context=None):
    """The code under test: post a deployment's outcome to the team's Chime room."""
    content = f"Deploy of {event['service']} {event['version']}: {event['outcome']}"
    if event["outcome"] != "succeeded":
        content += " @Present"
    response = requests.post(os.environ["CHIME_WEBHOOK_URL"], json={"Content": content}, timeout=5)
    return {"statusCode": response.status_code}


def main() -> None:
    with mock_chatbot() as m:
        room = m.chime.create_room("Deployments")
        room.add_member("alice")
        room.add_member("bob", present=False)
        os.environ["CHIME_WEBHOOK_URL"] = room.create_webhook("deploy-bot").url

        assert handler({"service": "checkout", "version": "1.4.2", "outcome": "succeeded"}) == {"statusCode": 200}
        # A second post within the same second is throttled, as Chime does.
        assert handler({"service": "checkout", "version": "1.4.3", "outcome": "failed"}) == {"statusCode": 429}
        m.chime.clock.advance(1)
        assert handler({"service": "checkout", "version": "1.4.3", "outcome": "failed"}) == {"statusCode": 200}

        m.chime.unavailable = True
        assert handler({"service": "cart", "version": "2.0.0", "outcome": "succeeded"}) == {"statusCode": 503}

        for message in room.messages:
            print(f"{message.webhook} (Webhook): {message.content}  alerts: {', '.join(message.alerted) or '-'}")


if __name__ == "__main__":
    main()
