import pytest

from assure.partnerships.models import Attendance
from assure.reports import blocks
from assure.reports.blocks import BlockData, BlockKind


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    """Rendered files of a test go to a directory of its own."""
    settings.MEDIA_ROOT = tmp_path / "private"


def _attendance(context) -> BlockData:
    """A stand-in block kind whose figure moves with the data: board attendance records."""
    count = Attendance.objects.filter(meeting__partnership=context.report.partnership).count()
    return BlockData(
        title="Attendance",
        source="Meeting attendance",
        as_at=context.today.isoformat(),
        paragraphs=[f"{count} attendance records."],
    )


def _conclusion(context) -> BlockData:
    question = context.params.get("question")
    return BlockData(
        title="What the data say",
        source="Scorecard",
        as_at=context.today.isoformat(),
        paragraphs=[f"Question {question}: 3 indicators improved.", "2 actions are overdue."],
    )


def _broken(context) -> BlockData:
    raise RuntimeError("cannot compute")


@pytest.fixture
def stand_in_kinds(monkeypatch):
    """Block kinds of known output in place of the real ones, so these tests do not depend on
    what the real kinds compute (their own tests cover that)."""
    blocks.block_kind("childs-journey")  # load the real kinds first, then shadow some
    for code, compute in {
        "priority-impact": _attendance,
        "conclusion-question": _conclusion,
        "broken": _broken,
    }.items():
        monkeypatch.setitem(blocks.REGISTRY, code, BlockKind(code=code, title=code, description="", compute=compute))
