"""In-memory state shared by the service backends: identity, ordered collections,
pagination tokens and quota settings. Nothing here knows HTTP or any one service."""
