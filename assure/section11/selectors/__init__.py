"""Reads of Section 11: every function takes the requesting user (see access.py for who sees what)."""
