"""The Section 11 demo: West Mercia's regional 2014-15 cycle and the one before it, and
Shropshire's schools and early years audits."""

from .load import section11_demo_load

__all__ = ["section11_demo_load"]
