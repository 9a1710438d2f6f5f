"""Governance's services, one module per part."""
