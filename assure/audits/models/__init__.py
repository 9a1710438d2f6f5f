"""The audits app's records, one module per part: the programme and its audits with the case
files audited (``programme``), what they found (``findings``), and the child protection
conferences quality-assured (``conferences``)."""

from .conferences import Conference
from .findings import Finding
from .programme import Audit, CaseAudit, CaseReference, Programme

__all__ = ["Audit", "CaseAudit", "CaseReference", "Conference", "Finding", "Programme"]
