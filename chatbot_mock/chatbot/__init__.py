"""AWS Chatbot: its backend, records, errors and console seeding."""
