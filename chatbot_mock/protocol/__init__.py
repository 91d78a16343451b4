"""The protocol layer: HTTP request in, HTTP response out, driven by botocore's models.
It knows shapes and wire formats, and nothing about Slack, Teams or quotas."""

from chatbot_mock.protocol.dispatch import HttpResponse, dispatch
from chatbot_mock.protocol.errors import ServiceError

__all__ = ["HttpResponse", "ServiceError", "dispatch"]
