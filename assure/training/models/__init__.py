"""The records of multi-agency training, one module per part: the practitioners who book (a
profile beside their account), the catalogue of courses and their sessions, bookings with the
waiting list and attendance, evaluations and the quotes chosen from them, and the figures that
come from outside (e-learning completions, agencies' single-agency training returns)."""

from .bookings import Booking
from .courses import Course, Session
from .evaluations import Evaluation, OutcomeConfidence, Quote
from .practitioners import Practitioner
from .returns import ElearningCompletion, TrainingReturn

__all__ = [
    "Booking",
    "Course",
    "ElearningCompletion",
    "Evaluation",
    "OutcomeConfidence",
    "Practitioner",
    "Quote",
    "Session",
    "TrainingReturn",
]
