"""Governance's views, one module per part."""
