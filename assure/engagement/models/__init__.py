"""The records of engagement, one module per part: campaigns with their activities and measures,
surveys (answered on the questionnaire engine), the voices heard (and the quotes chosen from
them), and the board's events."""

from .campaigns import Activity, Campaign, Measure
from .events import Event
from .surveys import Survey
from .voices import Voice

__all__ = ["Activity", "Campaign", "Event", "Measure", "Survey", "Voice"]
