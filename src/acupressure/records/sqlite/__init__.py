"""Django's SQLite backend, with writers queued (see base.py)."""
