"""Reads of reports: what a user may see, a report's contents and its contributions."""
