"""The read-only API of the core dataset: observations and scorecards of a partnership, as JSON
or CSV, with an OpenAPI schema. A person's token carries exactly their permissions."""
