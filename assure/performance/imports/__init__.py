"""Imports of published statistics (DfE explore-education-statistics CSVs, ONS estimates) into
observations, by the declarative mappings of library/assure/statistics/; and a partnership's own
figures from its business unit's CSV files (local.py), which are that partnership's alone."""

from .reader import ImportRejected, Problem
from .service import ImportResult, import_statistics

__all__ = ["ImportRejected", "ImportResult", "Problem", "import_statistics"]
