"""Shropshire's figures for the three years before 2013-14 that the annual report gives, so that
its tables and charts going back further come out of the data:

- section 136 detentions of under-18s by place of safety, from the report's table for 2010-11 to
  2014-15 (§5.38): police cell 15, 13 and 12; the 136 suite not in use in 2010-11, then 7 and 12.
  Each year's total is the two places added together;
- the rate of children subject of a child protection plan per 10,000 children in 2011-12, 18.7,
  which the report sets beside 50 in 2013-14 and 55.5 at the end of 2014-15 (§5.99);
- independent schools attending the council's child protection training, 2 (8%) in 2005-06 and
  6 (25%) in 2011-12, which the report sets beside 19 (75%) in 2014-15 (§5.46)."""

import datetime as dt

from .shropshire import CSC, EDUCATION, MENTAL_HEALTH, Figure

NOT_IN_USE = "The health-based place of safety (136 suite) was not in use yet."
TOTAL = "Police cells and the 136 suite added together."

YEARS = ("2005-06", "2010-11", "2011-12", "2012-13")
_INDEPENDENT = "Independent schools attending the council's child protection training."

FIGURES: dict[str, tuple[Figure, ...]] = {
    "2005-06": (
        Figure("edu-independent-schools-training-percent", EDUCATION, "8", _INDEPENDENT, "§5.46"),
        Figure("edu-independent-schools-trained", EDUCATION, "2", _INDEPENDENT, "§5.46"),
    ),
    "2010-11": (
        Figure("s136-police-custody", MENTAL_HEALTH, "15", section="§5.38"),
        Figure("s136-health-place-of-safety", MENTAL_HEALTH, None, NOT_IN_USE, "§5.38"),
        Figure("s136-detentions-under-18", MENTAL_HEALTH, "15", TOTAL, "§5.38"),
    ),
    "2011-12": (
        Figure("s136-police-custody", MENTAL_HEALTH, "13", section="§5.38"),
        Figure("s136-health-place-of-safety", MENTAL_HEALTH, "7", "The 136 suite opened.", "§5.38"),
        Figure("s136-detentions-under-18", MENTAL_HEALTH, "20", TOTAL, "§5.38"),
        Figure(
            "csc-cp-plans-rate",
            CSC,
            "18.7",
            "Before the rate rose more quickly than comparators' (50 in 2013-14).",
            "§5.99",
        ),
        Figure("edu-independent-schools-training-percent", EDUCATION, "25", _INDEPENDENT, "§5.46"),
        Figure("edu-independent-schools-trained", EDUCATION, "6", _INDEPENDENT, "§5.46"),
    ),
    "2012-13": (
        Figure("s136-police-custody", MENTAL_HEALTH, "12", section="§5.38"),
        Figure("s136-health-place-of-safety", MENTAL_HEALTH, "12", section="§5.38"),
        Figure("s136-detentions-under-18", MENTAL_HEALTH, "24", TOTAL, "§5.38"),
    ),
}

# Each year's return was asked for in the April after it ended.
ROUND_DATES = {year: (dt.date(int(year[:4]) + 1, 4, 1), dt.date(int(year[:4]) + 1, 4, 30)) for year in YEARS}
