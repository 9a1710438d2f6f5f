"""The records of child death reviews, one module per part: the panel and the partnerships that
share it, each child's death from notification to the panel's analysis (with the factors the
panel found), the reports agencies are asked for, and the anonymised exchange of cases with
another panel."""

from .deaths import ChildDeath, Factor
from .exchanges import Exchange, ExchangeCase
from .panels import Panel, PanelPartnership
from .reports import AgencyReport

__all__ = ["AgencyReport", "ChildDeath", "Exchange", "ExchangeCase", "Factor", "Panel", "PanelPartnership"]
