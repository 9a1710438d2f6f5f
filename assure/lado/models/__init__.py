"""The records of allegations management, one module per part: the person an allegation is about
(restricted), each referral to the designated officer with the children involved, the meetings
about it, the updates asked of the employer, and the partnership's expected referrals by sector."""

from .figures import SectorExpectation
from .handling import Meeting, UpdateRequest
from .people import Person
from .referrals import Child, Referral

__all__ = ["Child", "Meeting", "Person", "Referral", "SectorExpectation", "UpdateRequest"]
