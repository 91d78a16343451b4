"""SNS publishes made through botocore reach AWS Chatbot's configurations.

While a mock is on, an ``sns`` ``Publish`` or ``PublishBatch`` that succeeded (whoever
answered it: moto's ``mock_aws``, typically) is delivered as ``m.chatbot.publish`` would
deliver it. The SNS call and its answer are left exactly as they were: the observer
only reads the request's parameters before the call and its parsed answer after.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional

if TYPE_CHECKING:
    from chatbot_mock._world import World

logger = logging.getLogger("chatbot_mock")

_PARAMETERS = "before-parameter-build.sns."
_ANSWERED = "after-call.sns."
#: Where the request's parameters wait for the answer, in the call's own context.
_CONTEXT_KEY = "chatbot_mock.sns_publish"
#: Every event the observer reads.
EVENTS = frozenset(
    f"{prefix}{operation}" for prefix in (_PARAMETERS, _ANSWERED) for operation in ("Publish", "PublishBatch")
)


def observe(event_name: str, kwargs: Mapping[str, Any], state: World) -> None:
    """Read one of :data:`EVENTS`; never lets a failure of its own reach the SNS call."""
    try:
        context = kwargs.get("context")
        if not isinstance(context, dict):
            return
        if event_name.startswith(_PARAMETERS):
            params = kwargs.get("params")
            if isinstance(params, dict):
                context[_CONTEXT_KEY] = dict(params)
            return
        params = context.pop(_CONTEXT_KEY, None)
        response = kwargs.get("http_response")
        parsed = kwargs.get("parsed")
        if params is None or getattr(response, "status_code", 500) >= 300 or not isinstance(parsed, dict):
            return
        published = _published(event_name, params, parsed)
        if published:
            with state.lock:
                chatbot = state.backend("chatbot")
                for topic_arn, message, subject, structure in published:
                    chatbot.publish(topic_arn, message, subject, structure)
    except Exception:  # a defect here must not fail the user's SNS call
        logger.exception("chatbot_mock could not deliver an SNS publish to AWS Chatbot")


def _published(event_name: str, params: Dict[str, Any], parsed: Dict[str, Any]) -> List[Any]:
    """(topic, message, subject, message structure) of each message SNS accepted."""
    topic_arn = params.get("TopicArn", params.get("TargetArn"))
    if not isinstance(topic_arn, str) or not _is_topic(topic_arn):
        return []  # a publish to a phone number or a platform endpoint reaches no topic
    if event_name.endswith(".Publish"):
        return [(topic_arn, params.get("Message", ""), params.get("Subject"), params.get("MessageStructure"))]
    accepted = {entry.get("Id") for entry in parsed.get("Successful", []) if isinstance(entry, dict)}
    entries: List[Dict[str, Any]] = [e for e in params.get("PublishBatchRequestEntries", []) if isinstance(e, dict)]
    return [
        (topic_arn, entry.get("Message", ""), _text(entry.get("Subject")), entry.get("MessageStructure"))
        for entry in entries
        if entry.get("Id") in accepted
    ]


def _text(value: Any) -> Optional[str]:
    return value if isinstance(value, str) else None


def _is_topic(arn: str) -> bool:
    """A topic's ARN (``arn:aws:sns:<region>:<account>:<name>``), not an endpoint's
    (``...:endpoint/<platform>/<app>/<id>``): TargetArn takes either."""
    parts = arn.split(":")
    return len(parts) == 6 and parts[2] == "sns" and "/" not in parts[5]
