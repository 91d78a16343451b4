"""In-memory state shared by the service backends: identity and accounts, ordered and
grouped collections, pagination tokens, quota settings, organizations, and the error for
input a backend refuses. Nothing here knows HTTP or any one service."""
