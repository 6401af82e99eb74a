"""Isolation: student code runs only in worker processes forked by a fork-server."""
