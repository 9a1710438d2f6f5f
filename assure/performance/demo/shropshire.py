"""Shropshire's own figures for 2013-14 and 2014-15, as its agencies returned them to the Board.

Every figure is the one the Shropshire Safeguarding Children Board's draft annual report for
2014-15 gives (§2 "the child's journey in numbers", §3.30, §4, §5); the section is named in
``SOURCE``. A figure that covers less than the year, or a wider area, says so in its comment, as
an agency would; so does every change large enough to need a comment before a return can be
submitted. The report gives no figure for some measures in some years: those are simply not
returned. The child protection conference figures of §5.8 and §5.9 are not returned: Assure counts
them from the conferences' checklists (assure/audits/demo/conferences.py).
"""

from dataclasses import dataclass

SOURCE = "Shropshire Safeguarding Children Board, draft annual report 2014-15"

CSC = "shropshire-csc"
EARLY_HELP = "shropshire-early-help"
EDUCATION = "shropshire-education"
POLICE = "police"
PROBATION = "probation"
MENTAL_HEALTH = "sssft"
PUBLIC_HEALTH = "shropshire-public-health"
CCG = "shropshire-ccg"
# The Board's business unit is hosted by the council: its training figures come in the council's
# children's services return (the region has no agency for the business unit itself).
BUSINESS_UNIT_HOST = CSC


@dataclass(frozen=True)
class Figure:
    indicator: str
    agency: str
    value: str | None  # None: returned as not available, with the comment saying why
    comment: str = ""
    section: str = ""
    # A percentage returned with the counts it is worked out from, as the agency gives them.
    numerator: str = ""
    denominator: str = ""


PREVIOUS_YEAR = "2013-14"
YEAR = "2014-15"

# Where the facts about the area come from (§2 names each source).
_CENSUS = "Census 2011, the latest census."
_MID_2014 = "ONS mid-year estimate for 2014."
_IDACI = "Income Deprivation Affecting Children Index 2010."
_SCHOOL_CENSUS = "School census, January 2015; nursery-aged children not counted."

FIGURES: dict[str, tuple[Figure, ...]] = {
    PREVIOUS_YEAR: (
        Figure("eh-assessments", EARLY_HELP, "424", section="§2"),
        Figure("eh-panel-effective-percent", EARLY_HELP, "58.3", section="§5.91"),
        Figure(
            "csc-referrals-nfa-percent",
            CSC,
            "44.5",
            "At the end of March 2014, before a professional conversation was recorded as an outcome.",
            "§5.93",
        ),
        Figure("csc-referrals-not-assessed-percent", CSC, "44.5", section="§5.94"),
        Figure("csc-rereferrals-percent", CSC, "21", section="§5.92"),
        Figure("csc-s47-rate", CSC, "74", section="§2"),
        Figure("csc-cp-plans-rate", CSC, "50", section="§5.99"),
        Figure("csc-cp-plans-second-2-years-percent", CSC, "13", section="§2"),
        Figure(
            "csc-cp-plans-second-2-years",
            CSC,
            "40",
            "In March 2014, from 2 in June 2013: the rise the Board's multi-agency audit looked into.",
            "§5.13",
        ),
        Figure("csc-lac", CSC, "271", "At 31 March 2014.", "§2"),
        Figure("csc-lac-section-20-percent", CSC, "40", "In April 2014.", "§5.99"),
        Figure("police-offences-against-children-rate", POLICE, "22.3", section="§2"),
        Figure(
            "mappa-eligible-offenders",
            PROBATION,
            "1329",
            "At 31 March 2014, across the whole of West Mercia: no figure for Shropshire alone is available.",
            "§5.87",
        ),
        # The CSE panel's referrals (11) are counted from its register (assure/registers/demo).
        Figure("pf-notifications", CSC, "9", section="§5.99"),
        Figure("pf-visits-in-time-percent", CSC, "60", section="§5.99"),
        Figure("s136-detentions-under-18", MENTAL_HEALTH, "25", section="§5.38"),
        Figure("s136-police-custody", MENTAL_HEALTH, "4", section="§5.38"),
        Figure("s136-health-place-of-safety", MENTAL_HEALTH, "21", section="§5.38"),
        # The training figures (35 sessions, 699 delegates) are counted from the training records
        # (assure/training/demo), not returned.
    ),
    YEAR: (
        # Early help (§2, §5.91).
        Figure(
            "eh-assessments",
            EARLY_HELP,
            "577",
            "Up from 424 as the early help strategy takes hold. The early help section of the annual report "
            "gives the same number for April to December 2014.",
            "§2, §5.91",
        ),
        Figure(
            "eh-plans",
            EARLY_HELP,
            "960",
            "Approximately: children with a targeted early help plan on 26 February 2015, the latest count when "
            "this return was made.",
            "§2, §5.91",
        ),
        # The early help service's report to the Board covers April to December 2014: its counts
        # are returned as the nine months' measures, never as the year's.
        Figure("eh-referrals-apr-dec", EARLY_HELP, "543", "April to December 2014.", "§5.91"),
        Figure("eh-assessments-apr-dec", EARLY_HELP, "577", "April to December 2014.", "§5.91"),
        Figure("eh-episodes-apr-dec", EARLY_HELP, "737", "April to December 2014.", "§5.91"),
        Figure(
            "eh-wellbeing-assessments-apr-dec", EARLY_HELP, "304", "Initial Webstars, April to December 2014.", "§5.91"
        ),
        Figure("eh-closures-apr-dec", EARLY_HELP, "107", "April to December 2014.", "§5.91"),
        Figure(
            "eh-audits",
            EARLY_HELP,
            "3",
            "Effectiveness of early help, stepping into early help, and the quality of assessment tools.",
            "§5.91",
        ),
        Figure(
            "eh-panel-effective-percent",
            EARLY_HELP,
            "54",
            "Partners expected another service always to be allocated where the panel challenged the assessment "
            "of need.",
            "§5.91",
        ),
        Figure("eh-families-improved-percent", EARLY_HELP, "91", "Families whose relationships improved.", "§5.91"),
        # Children's social care: the front door (§2, §5.92-5.95).
        Figure(
            "csc-referrals",
            CSC,
            "2626",
            "Referrals received in the year as counted locally; the DfE's published figure for the year differs.",
            "§2",
        ),
        Figure(
            "csc-referrals-nfa-percent",
            CSC,
            "7.7",
            "From 2014-15 a professional conversation is recorded as an outcome, where many referrals were "
            "recorded as no further action before: the fall is mostly a change of recording.",
            "§5.93",
        ),
        Figure(
            "csc-referrals-not-assessed-percent",
            CSC,
            "39",
            "Like for like with 2013-14 (44.5%): thresholds are increasingly well understood.",
            "§5.94",
        ),
        Figure(
            "csc-rereferrals-percent",
            CSC,
            "27.2",
            "Up from 21%: professionals who come back to discuss progress after a professional conversation are "
            "counted as re-referrals since the front door was redesigned.",
            "§5.92, §5.93",
        ),
        Figure("csc-assessments-45-days-percent", CSC, "90", section="§2"),
        # Child protection (§2, §5.96-5.99).
        Figure("csc-strategy-discussions", CSC, "903", section="§5.96"),
        Figure(
            "csc-strategy-discussions-open-cases",
            CSC,
            "395",
            "Strategy discussions from case management teams, about children already open to them.",
            "§5.96",
        ),
        Figure(
            "csc-strategy-discussions-open-cases-percent",
            CSC,
            "43.74",
            "395 of 903 strategy discussions came from case management teams; the annual report prints 43.75%.",
            "§5.96",
            numerator="395",
            denominator="903",
        ),
        Figure("csc-s47-rate", CSC, "84", section="§2"),
        Figure("csc-icpc-15-days-percent", CSC, "85.5", section="§2"),
        Figure("csc-cp-plans", CSC, "249", section="§2"),
        Figure("csc-cp-plans-rate", CSC, "55.5", "At the end of 2014-15: now in line with comparators.", "§5.99"),
        Figure("csc-cp-plans-2-years-percent", CSC, "0.8", section="§2"),
        Figure(
            "csc-cp-plans-second-2-years-percent",
            CSC,
            "10",
            "Down from 13%; the Board has commissioned a further multi-agency audit of second plans.",
            "§2, §5.14",
        ),
        # Looked-after children (§2, §5.99).
        Figure(
            "csc-lac",
            CSC,
            "313",
            "At 31 March 2015 (317 on 14 November 2014): up 15.5% on the year.",
            "§2, §5.99",
        ),
        Figure("csc-lac-mid-year", CSC, "317", "On 14 November 2014.", "§5.99"),
        Figure("csc-lac-section-20-percent", CSC, "36", "In March 2015 (40% in April 2014).", "§5.99"),
        # The edge of care (§5.99).
        Figure(
            "csc-short-breaks-planned", CSC, "29", "Support on the edge of care is aimed at 8 to 16 year olds.", "§5.99"
        ),
        Figure("csc-short-breaks-planned-looked-after", CSC, "2", "Of the 29.", "§5.99"),
        Figure("csc-short-breaks-crisis", CSC, "13", "In the six-month pilot of crisis short breaks.", "§5.99"),
        Figure("csc-short-breaks-crisis-looked-after", CSC, "6", "Of the 13, in the six-month pilot.", "§5.99"),
        Figure(
            "csc-lac-placed-from-elsewhere",
            CSC,
            "486",
            "Approximately: looked-after children placed in Shropshire by other authorities with private providers.",
            "§4 priority 2",
        ),
        # Police and public protection (§2, §5.66, §5.83, §5.89).
        Figure(
            "police-offences-against-children-rate",
            POLICE,
            "34.5",
            "Up from 22.3: more offences against children reported and recorded.",
            "§2",
        ),
        Figure(
            "police-custody-overnight",
            POLICE,
            "4",
            "Cases from November 2014 to July 2015, since monitoring began after the HMIC child protection inspection.",
            "§5.66",
        ),
        Figure(
            "police-young-sexual-offence-suspects",
            POLICE,
            "48",
            "1 July 2013 to 30 June 2014: 3 charged, 34 cautioned, 2 community resolutions.",
            "§5.83",
        ),
        Figure("police-young-sexual-offence-charged", POLICE, "3", "1 July 2013 to 30 June 2014.", "§5.83"),
        Figure("police-young-sexual-offence-cautioned", POLICE, "34", "1 July 2013 to 30 June 2014.", "§5.83"),
        Figure("police-young-sexual-offence-resolutions", POLICE, "2", "1 July 2013 to 30 June 2014.", "§5.83"),
        Figure(
            "police-young-sexual-offence-repeat",
            POLICE,
            "3",
            "Each suspected of two offences, 1 July 2013 to 30 June 2014.",
            "§5.83",
        ),
        Figure(
            "police-children-in-care-homes",
            POLICE,
            "400",
            "More than 400, placed from across the United Kingdom: the count the policing area plans its work with "
            "care homes on.",
            "§5.71",
        ),
        # The MARAC's cases, repeats and children (175, 26, 207; §5.89) and the CSE panel's referrals (50,
        # §4 priority 2) are counted from the multi-agency registers (assure/registers/demo), not returned.
        Figure("cse-empower-participants", CSC, "42", "Girls in 8 sessions of the Empower programme.", "§4 priority 2"),
        # Private fostering (§5.99).
        Figure("pf-notifications", CSC, "8", section="§5.99"),
        Figure(
            "pf-visits-in-time-percent",
            CSC,
            "100",
            "Arrangements continuing from before April 2014: every scheduled visit was on time (60% in 2013-14).",
            "§5.99",
        ),
        Figure(
            "pf-initial-visits-7-days-percent",
            CSC,
            "0",
            "Children were visited, but none within 7 days, largely because of delay in allocation.",
            "§5.99",
        ),
        # Section 136 (§5.38).
        Figure("s136-detentions-under-18", MENTAL_HEALTH, "27", "The highest total yet.", "§5.38"),
        Figure(
            "s136-police-custody",
            MENTAL_HEALTH,
            "1",
            "Down from 4: the 136 suite is now the place of safety.",
            "§5.38",
        ),
        Figure("s136-health-place-of-safety", MENTAL_HEALTH, "26", section="§5.38"),
        Figure("s136-camhs-follow-up-percent", MENTAL_HEALTH, "94", "February 2014 to January 2015.", "§5.38"),
        Figure(
            "s136-ambulance-percent",
            MENTAL_HEALTH,
            "72",
            "Shropshire and Telford & Wrekin together: no figure for Shropshire alone.",
            "§5.38",
        ),
        # Education (§5.42-5.57).
        Figure("edu-cme", EDUCATION, "243", "On the register now; 13 of them are not Shropshire children.", "§5.52"),
        Figure("edu-cme-closed", EDUCATION, "13", section="§5.52"),
        Figure(
            "edu-cme-other-areas", EDUCATION, "13", "Tracked until the authority they live in takes them on.", "§5.52"
        ),
        Figure(
            "edu-cme-cp-concerns",
            EDUCATION,
            "8",
            "Among the cases of the year: none of them a looked-after child.",
            "§5.52",
        ),
        Figure("edu-cme-grt", EDUCATION, "15", "Fewer than the year before.", "§5.52"),
        Figure(
            "edu-ehe-registered",
            EDUCATION,
            "200",
            "Up to 200 is usual; more families are likely to home educate without registering.",
            "§5.55",
        ),
        Figure("edu-ehe-not-engaging", EDUCATION, "10", "Ten children in five families.", "§5.55"),
        Figure("edu-ehe-not-engaging-families", EDUCATION, "5", section="§5.55"),
        Figure("edu-ehe-unsatisfactory", EDUCATION, "6", section="§5.57"),
        Figure("edu-school-attendance-orders", EDUCATION, "4", "In progress in the courts.", "§5.57"),
        Figure("edu-part-time-timetables", EDUCATION, "53", "Pupils on a reduced timetable now.", "§5.54"),
        Figure("edu-part-time-timetables-primary", EDUCATION, "6", section="§5.54"),
        Figure("edu-attendance-percent", EDUCATION, "95.8", "Primary and secondary combined.", "§5.48"),
        Figure(
            "edu-parents-child-safe-percent",
            EDUCATION,
            "95",
            "Parents replying at the 20 school inspections from April 2014 to February 2015.",
            "§5.42",
        ),
        Figure("edu-schools-inspected", EDUCATION, "20", "April 2014 to February 2015.", "§5.42"),
        Figure(
            "edu-schools-behaviour-safety-ri",
            EDUCATION,
            "3",
            "None inadequate; the issues were pupils' behaviour in lessons, with no safeguarding concern.",
            "§5.42",
        ),
        Figure("edu-schools-training-compliant-percent", EDUCATION, "100", section="§5.42"),
        Figure("edu-independent-schools-training-percent", EDUCATION, "75", "19 independent schools.", "§5.46"),
        Figure(
            "edu-independent-schools-trained",
            EDUCATION,
            "19",
            "Some independent schools also train in house or through other agencies.",
            "§5.46",
        ),
        Figure("edu-schools-audit-compliant-percent", EDUCATION, "98", section="§5.43"),
        Figure("edu-early-years-audit-compliant-percent", EDUCATION, "42", section="§5.43"),
        # The area and its children (§2): the latest figures the council holds.
        Figure("context-area-square-miles", PUBLIC_HEALTH, "1235", section="§2"),
        Figure("context-population", PUBLIC_HEALTH, "310100", _MID_2014, "§2"),
        Figure(
            "context-minority-ethnic-percent",
            PUBLIC_HEALTH,
            "4.6",
            f"{_CENSUS} Includes white other, Gypsy or Traveller and Irish.",
            "§2",
        ),
        Figure(
            "context-main-towns-percent",
            PUBLIC_HEALTH,
            "40.1",
            f"{_CENSUS} Shrewsbury, Oswestry, Whitchurch, Market Drayton, Ludlow and Bridgnorth.",
            "§2",
        ),
        Figure("context-children-under-19", PUBLIC_HEALTH, "66400", f"Approximately. {_MID_2014}", "§2"),
        Figure("context-children-under-19-percent", PUBLIC_HEALTH, "21.4", _MID_2014, "§2"),
        Figure("context-minority-ethnic-children-percent", PUBLIC_HEALTH, "6.1", f"Approximately. {_CENSUS}", "§2"),
        Figure("context-minority-ethnic-children-england-percent", PUBLIC_HEALTH, "24.2", _CENSUS, "§2"),
        Figure("context-income-deprived-children-percent", PUBLIC_HEALTH, "13", f"Approximately. {_IDACI}", "§2"),
        Figure("context-deprived-small-areas", PUBLIC_HEALTH, "6", f"Each covering up to 1,500 people. {_IDACI}", "§2"),
        Figure("context-deprived-small-areas-children", PUBLIC_HEALTH, "751", f"An estimate. {_IDACI}", "§2"),
        Figure("context-deprived-small-areas-children-percent", PUBLIC_HEALTH, "40", _IDACI, "§2"),
        Figure("context-free-school-meals-percent", EDUCATION, "10", "Below the national average.", "§2"),
        Figure("context-english-additional-language", EDUCATION, "1040", _SCHOOL_CENSUS, "§2"),
        Figure("context-english-additional-language-percent", EDUCATION, "2.9", _SCHOOL_CENSUS, "§2"),
        Figure("context-schools", EDUCATION, "153", "Maintained schools and academies.", "§2"),
        Figure("context-maintained-primary-schools", EDUCATION, "110", section="§2"),
        Figure("context-maintained-infant-schools", EDUCATION, "5", section="§2"),
        Figure("context-maintained-junior-schools", EDUCATION, "5", section="§2"),
        Figure("context-maintained-all-through-schools", EDUCATION, "1", section="§2"),
        Figure("context-maintained-secondary-schools", EDUCATION, "7", section="§2"),
        Figure("context-maintained-special-schools", EDUCATION, "2", section="§2"),
        Figure("context-maintained-nurseries", EDUCATION, "42", section="§2"),
        Figure("context-academies", EDUCATION, "23", "One of them a free school.", "§2"),
        Figure("context-primary-academies", EDUCATION, "8", section="§2"),
        Figure("context-secondary-academies", EDUCATION, "13", section="§2"),
        Figure("context-special-academies", EDUCATION, "1", section="§2"),
        Figure("context-free-schools", EDUCATION, "1", section="§2"),
        # Health commissioning (§5.25).
        Figure("ccg-gp-practices", CCG, "44", "Member practices of the clinical commissioning group.", "§5.25"),
        # Child deaths (§5.4) and training (§3.30, §4).
        Figure(
            "cdop-meetings",
            PUBLIC_HEALTH,
            "5",
            "The panel shared with Telford & Wrekin.",
            "§5.4",
        ),
        Figure(
            "cdop-reviews",
            PUBLIC_HEALTH,
            "20",
            "Reviewed at five meetings of the panel shared with Telford & Wrekin.",
            "§5.4",
        ),
        # The training figures (42 sessions, 948 delegates, 179 at the November 2014 conference) are
        # counted from the training records (assure/training/demo), not returned.
    ),
}
