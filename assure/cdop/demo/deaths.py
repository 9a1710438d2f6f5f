def deaths_demo_load(*, partnerships, agencies, users, today, made) -> None:
    """Written with the part."""
