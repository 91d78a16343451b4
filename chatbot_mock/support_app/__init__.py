"""AWS Support App in Slack: its backend, records, errors and console seeding."""
