"""Governance's records, one module per part: the challenge log, the risk register, and the
agendas and minutes of meetings."""

from .agendas import AgendaItem, MeetingMinutes
from .challenges import Challenge
from .risks import Risk, RiskReview

__all__ = ["AgendaItem", "Challenge", "MeetingMinutes", "Risk", "RiskReview"]
