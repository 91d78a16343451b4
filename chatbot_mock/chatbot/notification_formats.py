"""What AWS Chatbot makes of an SNS message: which formats it delivers, and the text a
channel shows for each (docs/chatops.md).

AWS Chatbot delivers notifications from AWS services (CloudWatch alarms, EventBridge
events whose source is an AWS service) and its own custom notifications; it does not
pass arbitrary text through SNS topics. The text is the mock's rendering: the facts a
channel's message carries (what fired, its state, where), not Slack's or Teams' markup.
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, List, NamedTuple, Optional


class Rendered(NamedTuple):
    """A message AWS Chatbot delivers: what kind it is, and the text a channel shows."""

    kind: str
    text: str


class NotDelivered(Exception):
    """A message AWS Chatbot does not deliver; the message says why."""


def message_for_chatbot(message: str, message_structure: Optional[str]) -> str:
    """The message AWS Chatbot receives. For a publish with MessageStructure="json", SNS
    sends each protocol its own: Chatbot's subscription is an HTTPS endpoint, so it gets
    the "https" message, else the "default" one."""
    if message_structure != "json":
        return message
    try:
        per_protocol = json.loads(message)
    except ValueError:
        return message  # SNS itself refuses this publish; nothing reaches Chatbot
    if not isinstance(per_protocol, dict):
        return message
    chosen = per_protocol.get("https", per_protocol.get("default"))
    return chosen if isinstance(chosen, str) else message


def render(message: str) -> Rendered:
    """The kind and text of a message AWS Chatbot delivers; :class:`NotDelivered` otherwise."""
    try:
        document = json.loads(message)
    except ValueError:
        document = None
    if not isinstance(document, dict):
        if _CFN_LINE.search(message) and "StackId='" in message:
            return _stack_event(message)
        if message.startswith("AWS Budget Notification"):
            return Rendered("budgets", "\n".join(line for line in message.splitlines()[:4] if line.strip()))
        raise NotDelivered(
            "AWS Chatbot does not pass arbitrary text through SNS topics: publish a notification of an "
            "AWS service (a CloudWatch alarm, an event, a CloudFormation, AWS Budgets or developer tools "
            "notification) or an AWS Chatbot custom notification"
        )
    if document.get("source") == "custom":
        return _custom(document)
    if "AlarmName" in document and "NewStateValue" in document:
        return _alarm(document)
    if "detail-type" in document and "source" in document:
        return _event(document)
    if "detailType" in document and "source" in document and "notificationRuleArn" in document:
        return _developer_tools(document)
    raise NotDelivered(
        "AWS Chatbot does not recognise this JSON as a notification it supports: not a CloudWatch alarm "
        "(AlarmName, NewStateValue), an EventBridge event (source, detail-type) or a custom notification "
        '(version "1.0", source "custom", content.description)'
    )


def _alarm(alarm: Dict[str, Any]) -> Rendered:
    where = [f"CloudWatch Alarm | {alarm['AlarmName']}"]
    if alarm.get("Region"):
        where.append(str(alarm["Region"]))
    if alarm.get("AWSAccountId"):
        where.append(f"Account: {alarm['AWSAccountId']}")
    old_state = f"{alarm['OldStateValue']} -> " if alarm.get("OldStateValue") else ""
    lines = [" | ".join(where), f"State: {old_state}{alarm['NewStateValue']}"]
    if alarm.get("AlarmDescription"):
        lines.append(f"Description: {alarm['AlarmDescription']}")
    if alarm.get("NewStateReason"):
        lines.append(f"Reason: {alarm['NewStateReason']}")
    return Rendered("cloudwatch-alarm", "\n".join(lines))


_CFN_LINE = re.compile(r"^(\w+)='(.*)'$", re.MULTILINE)


def _stack_event(message: str) -> Rendered:
    """A CloudFormation stack notification: ``Key='value'`` lines, as CloudFormation sends them."""
    fields = dict(_CFN_LINE.findall(message))
    lines = [
        f"CloudFormation | {fields.get('StackName', '')} | {fields.get('LogicalResourceId', '')} "
        f"{fields.get('ResourceStatus', '')}".rstrip(),
    ]
    if fields.get("ResourceStatusReason"):
        lines.append(f"Reason: {fields['ResourceStatusReason']}")
    return Rendered("cloudformation", "\n".join(lines))


def _developer_tools(notification: Dict[str, Any]) -> Rendered:
    """A notification of a notification rule for AWS developer tools (CodePipeline,
    CodeBuild, CodeCommit, CodeDeploy): ``detailType`` where EventBridge says ``detail-type``."""
    source = notification.get("source")
    detail_type = notification.get("detailType")
    if not isinstance(source, str) or not source.startswith("aws.") or not isinstance(detail_type, str):
        raise NotDelivered("A developer tools notification needs a source aws.* and a detailType")
    return Rendered(
        "developer-tools",
        f"{detail_type} | {notification.get('region', '')} | Account: {notification.get('account', '')}",
    )


def _event(event: Dict[str, Any]) -> Rendered:
    source = event.get("source")
    if not isinstance(event.get("detail-type"), str) or not event["detail-type"]:
        raise NotDelivered("An EventBridge event needs a detail-type")
    if not isinstance(source, str) or not source.startswith("aws."):
        raise NotDelivered(
            f"AWS Chatbot delivers EventBridge events from AWS services (source aws.*), not from {source!r}: "
            "send your own events as AWS Chatbot custom notifications"
        )
    lines = [f"{event['detail-type']} | {event.get('region', '')} | Account: {event.get('account', '')}"]
    resources = event.get("resources")
    if isinstance(resources, list) and resources:
        lines.append("Resources: " + ", ".join(str(resource) for resource in resources))
    detail = event.get("detail")
    if isinstance(detail, dict) and detail:
        plain = [f"{key}: {value}" for key, value in detail.items() if not isinstance(value, (dict, list))]
        lines.append(", ".join(plain))
    return Rendered("event", "\n".join(line for line in lines if line))


def _custom(notification: Dict[str, Any]) -> Rendered:
    content = notification.get("content")
    problems: List[str] = []
    if notification.get("version") != "1.0":
        problems.append('version must be "1.0"')
    if not isinstance(content, dict):
        problems.append("content must be an object")
    else:
        description = content.get("description")
        if not isinstance(description, str) or not description.strip():
            problems.append("content.description must be a non-empty string")
        if content.get("textType", "client-markdown") != "client-markdown":
            problems.append('content.textType must be "client-markdown"')
        for name in ("nextSteps", "keywords"):
            listed = content.get(name, [])
            if not isinstance(listed, list) or not all(isinstance(item, str) for item in listed):
                problems.append(f"content.{name} must be a list of strings")
    if problems:
        raise NotDelivered("Invalid AWS Chatbot custom notification: " + "; ".join(problems))
    assert isinstance(content, dict)
    lines = [content["title"]] if isinstance(content.get("title"), str) and content["title"] else []
    lines.append(content["description"])
    next_steps = content.get("nextSteps")
    if isinstance(next_steps, list) and next_steps:
        lines.append("Next steps:")
        lines.extend(f"- {step}" for step in next_steps)
    return Rendered("custom", "\n".join(lines))
