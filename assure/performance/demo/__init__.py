"""The demo's core dataset: benchmarks, Shropshire's returns and scorecard from its annual report,
invented returns for the rest of West Mercia, and an exception report."""

from .load import PerformanceDemoFailed, PerformanceDemoReport, performance_demo_exceptions, performance_demo_load

__all__ = ["PerformanceDemoFailed", "PerformanceDemoReport", "performance_demo_exceptions", "performance_demo_load"]
