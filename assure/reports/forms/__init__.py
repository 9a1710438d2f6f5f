"""Forms of the report pages."""
