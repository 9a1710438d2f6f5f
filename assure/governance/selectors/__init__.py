"""Governance's selectors, one module per part."""
