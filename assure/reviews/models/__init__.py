"""The records of case reviews and learning, one module per part: case considerations (referrals)
and the chair's decisions, serious incidents and their rapid reviews, the reviews themselves with
what agencies contribute, their findings, recommendations and action plans, and learning
briefings."""

from .briefings import Briefing
from .incidents import Incident
from .referrals import Referral
from .reviews import Contribution, Conversation, ProgressReport, Recommendation, Review, ReviewFinding

__all__ = [
    "Briefing",
    "Contribution",
    "Conversation",
    "Incident",
    "ProgressReport",
    "Recommendation",
    "Referral",
    "Review",
    "ReviewFinding",
]
