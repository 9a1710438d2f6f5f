"""Shropshire's scorecard: under each priority of its business plan 2014-17 (the plan's own demo,
assure/plans/demo.py: the three priorities of annual report §4.1 and high quality safeguarding
practice from §4.2's second strategic objective), the core dataset's indicators that show
progress on it. Targets and tolerances are invented but
plausible: the report states none."""

from dataclasses import dataclass

from . import shropshire as s


@dataclass(frozen=True)
class LineSpec:
    indicator: str
    owner: str
    target: str | None = None
    tolerance: str | None = None


@dataclass(frozen=True)
class PrioritySpec:
    title: str  # a priority of the business plan (assure/plans/demo.py), found by its title
    lines: tuple[LineSpec, ...]


PRIORITIES = (
    PrioritySpec(
        "Compromised parenting",
        (
            LineSpec("eh-assessments", s.EARLY_HELP, "500", "50"),
            LineSpec("eh-plans", s.EARLY_HELP),
            LineSpec("eh-panel-effective-percent", s.EARLY_HELP, "65", "5"),
            LineSpec("csc-cp-plans-second-2-years-percent", s.CSC, "8", "2"),
            LineSpec("marac-cases", s.POLICE),
            LineSpec("marac-children", s.POLICE),
            LineSpec("training-conference-delegates", s.BUSINESS_UNIT_HOST, "150", "25"),
        ),
    ),
    PrioritySpec(
        "Children who go missing, child sexual exploitation and trafficking",
        (
            LineSpec("cse-panel-referrals", s.CSC),
            # Counted from the multi-agency registers (assure/registers/demo). Custody after charge
            # has a case in 2015-16, which would open the scorecard on a year of one figure: it is
            # on the registers' own pages and the annual report instead.
            LineSpec("missing-episodes", s.POLICE),
            LineSpec("return-interviews-taken-up", s.CSC),
            LineSpec("encompass-school-told-by-nine", s.POLICE, "80", "5"),
            LineSpec("placement-notifications", s.CSC),
            LineSpec("csc-lac", s.CSC),
            LineSpec("csc-lac-placed-from-elsewhere", s.CSC),
            LineSpec("police-offences-against-children-rate", s.POLICE, "25", "3"),
            LineSpec("edu-cme", s.EDUCATION),
            LineSpec("edu-part-time-timetables", s.EDUCATION, "40", "10"),
            LineSpec("pf-initial-visits-7-days-percent", s.CSC, "100", "10"),
        ),
    ),
    PrioritySpec(
        "Communication",
        (
            LineSpec("training-sessions", s.BUSINESS_UNIT_HOST, "40", "4"),
            LineSpec("training-delegates", s.BUSINESS_UNIT_HOST, "800", "80"),
            # Counted from engagement's records (assure/engagement/demo); the workshops of April and May
            # 2015 fall in 2015-16, so their attendance is on engagement's own pages instead.
            LineSpec("engagement-campaign-reach", s.BUSINESS_UNIT_HOST),
            LineSpec("engagement-survey-responses", s.BUSINESS_UNIT_HOST),
            LineSpec("edu-schools-audit-compliant-percent", s.EDUCATION, "95", "3"),
            LineSpec("edu-early-years-audit-compliant-percent", s.EDUCATION, "75", "10"),
        ),
    ),
    PrioritySpec(
        "High quality safeguarding practice",
        (
            LineSpec("csc-referrals", s.CSC),
            LineSpec("csc-referrals-not-assessed-percent", s.CSC, "35", "5"),
            LineSpec("csc-rereferrals-percent", s.CSC, "22", "3"),
            LineSpec("csc-assessments-45-days-percent", s.CSC, "85", "5"),
            LineSpec("csc-s47-rate", s.CSC),
            LineSpec("csc-icpc-15-days-percent", s.CSC, "90", "5"),
            LineSpec("csc-cp-plans-rate", s.CSC),
            LineSpec("csc-cp-plans-2-years-percent", s.CSC, "5", "2"),
            LineSpec("cpc-agencies-present-percent", s.CSC, "75", "10"),
            LineSpec("cpc-child-present-percent", s.CSC, "30", "5"),
            LineSpec("cpc-gp-absence-percent", s.CSC, "25", "10"),
            LineSpec("s136-police-custody", s.MENTAL_HEALTH, "0", "1"),
            # The DfE's published measures: compared with England, the region and neighbours.
            LineSpec("dfe-referrals", s.CSC),
            LineSpec("dfe-referrals-rate", s.CSC),
            LineSpec("dfe-rereferrals-percent", s.CSC, "22", "3"),
            LineSpec("dfe-cpp-starts-rate", s.CSC),
            LineSpec("dfe-cpp-subsequent-percent", s.CSC, "15", "3"),
        ),
    ),
)
