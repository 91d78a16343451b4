"""In-memory mocks of AWS Chatbot and AWS Support App for botocore and boto3.

    from chatbot_mock import mock_chatbot

    with mock_chatbot() as m:
        m.support_app.authorize_slack_workspace("T012ABCDEFG", "acme")
        ...
"""

from chatbot_mock._mock import ChatbotMock, mock_chatbot

__version__ = "0.1.0"

__all__ = ["ChatbotMock", "__version__", "mock_chatbot"]
