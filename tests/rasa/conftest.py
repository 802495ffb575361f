"""The Rasa servers come from ``tests/rasa_servers.py`` via the root conftest (shared with e2e)."""
