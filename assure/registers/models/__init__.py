"""The records of the multi-agency registers, one module per part: the entries of each register
(their kind is a library document, never a model) and the monthly uploads they came in; the
private providers who notify placements; and what retention leaves behind (each year's figures)
with the log of its runs."""

from .entries import Entry, Upload
from .priorities import MonitoredUnder
from .providers import Provider
from .retention import RetainedYear, RetentionRun

__all__ = ["Entry", "MonitoredUnder", "Provider", "RetainedYear", "RetentionRun", "Upload"]
