"""Pages of Section 11."""
