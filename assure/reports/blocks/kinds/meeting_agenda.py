"""The agenda of a board pack's meeting, from the meeting's agenda in governance: each item in
order with who presents it, whether it is for decision, discussion or information, and its paper;
and the minutes of the last meeting of the board, for approval."""

from assure.governance.selectors.agendas import agenda_for_pack, minutes_of, previous_meeting

from .. import BlockContext, BlockData, register
from ._common import block, reader_of, table

SOURCE = "The meeting's agenda, as the business unit built it in Assure."


def _day(day) -> str:
    return f"{day.day} {day:%B %Y}"


@register(
    "meeting-agenda",
    title="Agenda",
    description="A board pack's meeting's agenda: items in order with presenter, purpose and paper, and the "
    "minutes of the last meeting for approval.",
)
def compute(context: BlockContext) -> BlockData:
    meeting = getattr(context.report, "meeting", None)
    title = "Agenda"
    if meeting is None:
        return block(context, title=title, source=SOURCE, empty="This report is not for a meeting, so has no agenda.")
    reader = reader_of(context)
    lines = agenda_for_pack(user=reader, meeting=meeting)
    title = f"Agenda, {meeting.body_name.lower()} meeting of {_day(meeting.held_on)}"
    if not lines:
        return block(context, title=title, source=SOURCE, empty="The meeting's agenda has no items yet.")
    paragraphs = [
        f"The {meeting.body_name.lower()} meets on {meeting.held_on:%A} {_day(meeting.held_on)}"
        + (f" at {meeting.location}." if meeting.location else ".")
    ]
    earlier = previous_meeting(user=reader, meeting=meeting)
    if earlier is not None:
        record = minutes_of(user=reader, meeting=earlier)
        if record is not None and record.is_approved:
            paragraphs.append(f"The minutes of the meeting of {_day(earlier.held_on)} have been approved.")
        else:
            paragraphs.append(
                f"The minutes of the meeting of {_day(earlier.held_on)} are presented for approval, with matters "
                "arising."
            )
    rows = [[line.number, line.title, line.presenter or "–", line.purpose, line.paper or "–"] for line in lines]
    tables = [table("Agenda items", ["Item", "Title", "Presenter", "Purpose", "Paper"], rows, [False] * 5)]
    return block(context, title=title, source=SOURCE, paragraphs=paragraphs, tables=tables)
