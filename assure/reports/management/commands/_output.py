"""What the report commands share: generating a report's document at once and writing it."""

import time
from pathlib import Path

from django.core.management.base import CommandError

from ...document import document_for
from ...models import Report
from ...render import render


def write_document(command, *, report: Report, format: str, output: str) -> None:
    """Generate ``report`` as ``format`` in this process and write it to ``output``."""
    target = Path(output)
    if not target.parent.exists():
        raise CommandError(f"The folder {target.parent} does not exist.")
    started = time.perf_counter()

    def progress(percent: int, stage: str) -> None:
        if command.verbosity >= 2:
            command.stderr.write(f"{percent:3d}% {stage}")

    content = render(document_for(report), format, progress=progress)
    target.write_bytes(content)
    seconds = time.perf_counter() - started
    state = "published" if report.is_published else "draft"
    command.stdout.write(f"Wrote {target} ({len(content):,} bytes, {format.upper()}, {state}) in {seconds:.1f} s.")
