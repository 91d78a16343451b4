"""Amazon Chime chat rooms and their incoming webhooks, simulated for code that posts to
them with ``requests`` and for AWS Chatbot's Chime configurations (docs/chatops.md)."""
