"""plan-assistant."""
