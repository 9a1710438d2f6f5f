"""The region: four partnerships and their agencies.

Local authority codes are the DfE (old) and ONS codes of each council, as in the DfE's list of
English local authorities for 2015. Agencies that serve all of West Mercia belong to all four
partnerships; the rest belong to the partnerships they serve.
"""

import datetime as dt
from dataclasses import dataclass

from assure.partnerships.years import financial_year_of

REGION = "West Midlands"
# The year the demo's history tells (the seed's annual report): its meetings, returns, Section 11
# audit and published report carry that year's dates. The live work waiting for people belongs
# to the current year, relative to the day the demo is loaded (current_year).
YEAR = "2014-15"


def current_year(today: dt.date) -> str:
    """The financial year of the day the demo is loaded, where its live, overdue work belongs."""
    return financial_year_of(today)


SHROPSHIRE = "shropshire"
TELFORD_WREKIN = "telford-wrekin"
HEREFORDSHIRE = "herefordshire"
WORCESTERSHIRE = "worcestershire"
WEST_MERCIA = (SHROPSHIRE, TELFORD_WREKIN, HEREFORDSHIRE, WORCESTERSHIRE)


@dataclass(frozen=True)
class PartnershipSpec:
    slug: str
    name: str
    short_name: str
    la_name: str
    old_la_code: str
    ons_code: str


PARTNERSHIPS = (
    PartnershipSpec(SHROPSHIRE, "Shropshire Safeguarding Children Board", "SSCB", "Shropshire", "893", "E06000051"),
    PartnershipSpec(
        TELFORD_WREKIN,
        "Telford & Wrekin Safeguarding Children Board",
        "TWSCB",
        "Telford and Wrekin",
        "894",
        "E06000020",
    ),
    PartnershipSpec(
        HEREFORDSHIRE,
        "Herefordshire Safeguarding Children Board",
        "HSCB",
        "Herefordshire, County of",
        "884",
        "E06000019",
    ),
    PartnershipSpec(
        WORCESTERSHIRE, "Worcestershire Safeguarding Children Board", "WSCB", "Worcestershire", "885", "E10000034"
    ),
)


@dataclass(frozen=True)
class AgencySpec:
    """An agency, the library code of its type, the partnerships it belongs to, and the role of
    the person who usually represents it (no names: attendance records roles only)."""

    key: str
    name: str
    agency_type: str
    partnerships: tuple[str, ...]
    representative: str
    on_board: bool = True


AGENCIES = (
    # Serve all of West Mercia.
    AgencySpec("police", "West Mercia Police", "police", WEST_MERCIA, "Head of protecting vulnerable people"),
    AgencySpec(
        "probation",
        "National Probation Service",
        "probation",
        WEST_MERCIA,
        "Head of public protection, Midlands division",
    ),
    AgencySpec(
        "crc",
        "Warwickshire and West Mercia Community Rehabilitation Company",
        "community-rehabilitation",
        WEST_MERCIA,
        "Director of operations",
    ),
    AgencySpec("yos", "West Mercia Youth Offending Service", "youth-offending", WEST_MERCIA, "Head of service"),
    AgencySpec(
        "ambulance",
        "West Midlands Ambulance Service NHS Foundation Trust",
        "ambulance-trust",
        WEST_MERCIA,
        "Safeguarding lead",
        on_board=False,
    ),
    AgencySpec("cafcass", "Cafcass", "cafcass", WEST_MERCIA, "Service manager"),
    # Shropshire Council and Shropshire's own partners.
    AgencySpec(
        "shropshire-csc",
        "Shropshire Council Children's Social Care",
        "childrens-social-care",
        (SHROPSHIRE,),
        "Director of children's services",
    ),
    AgencySpec(
        "shropshire-early-help", "Shropshire Council Early Help", "early-help", (SHROPSHIRE,), "Head of early help"
    ),
    AgencySpec(
        "shropshire-education",
        "Shropshire Council Education Access Service",
        "education-service",
        (SHROPSHIRE,),
        "Head of education access",
    ),
    AgencySpec(
        "shropshire-public-health",
        "Shropshire Council Public Health",
        "public-health",
        (SHROPSHIRE,),
        "Director of public health",
    ),
    AgencySpec(
        "shropshire-ccg",
        "Shropshire Clinical Commissioning Group",
        "health-commissioner",
        (SHROPSHIRE,),
        "Director of nursing and quality",
    ),
    AgencySpec(
        "shropshire-community-health",
        "Shropshire Community Health NHS Trust",
        "community-health-trust",
        (SHROPSHIRE, TELFORD_WREKIN),
        "Director of nursing",
    ),
    AgencySpec(
        "sath",
        "The Shrewsbury and Telford Hospital NHS Trust",
        "acute-trust",
        (SHROPSHIRE, TELFORD_WREKIN),
        "Head of safeguarding",
    ),
    AgencySpec(
        "sssft",
        "South Staffordshire and Shropshire Healthcare NHS Foundation Trust",
        "mental-health-trust",
        (SHROPSHIRE, TELFORD_WREKIN),
        "Safeguarding lead",
    ),
    AgencySpec(
        "rjah",
        "The Robert Jones and Agnes Hunt Orthopaedic Hospital NHS Foundation Trust",
        "specialist-health-trust",
        (SHROPSHIRE,),
        "Named nurse for safeguarding children",
    ),
    AgencySpec(
        "shropshire-primary-schools",
        "Shropshire primary schools (head teacher representative)",
        "school",
        (SHROPSHIRE,),
        "Primary head teacher",
    ),
    AgencySpec(
        "shropshire-secondary-schools",
        "Shropshire secondary schools (head teacher representative)",
        "school",
        (SHROPSHIRE,),
        "Secondary head teacher",
    ),
    AgencySpec(
        "shropshire-colleges",
        "Shropshire further education colleges (representative)",
        "college",
        (SHROPSHIRE,),
        "College safeguarding lead",
        on_board=False,
    ),
    AgencySpec(
        "shropshire-early-years",
        "Shropshire early years settings (representative)",
        "early-years",
        (SHROPSHIRE,),
        "Early years setting manager",
        on_board=False,
    ),
    AgencySpec(
        "shropshire-voluntary",
        "Shropshire voluntary and community sector (representative)",
        "voluntary-organisation",
        (SHROPSHIRE,),
        "Voluntary sector representative",
    ),
    AgencySpec(
        "shropshire-lay-members",
        "Shropshire Safeguarding Children Board lay members",
        "lay-member",
        (SHROPSHIRE,),
        "Lay member",
    ),
    # Telford & Wrekin.
    AgencySpec(
        "telford-csc",
        "Telford & Wrekin Council Children's Social Care",
        "childrens-social-care",
        (TELFORD_WREKIN,),
        "Assistant director, children's safeguarding",
    ),
    AgencySpec(
        "telford-early-help",
        "Telford & Wrekin Council Early Help",
        "early-help",
        (TELFORD_WREKIN,),
        "Head of early help and support",
    ),
    AgencySpec(
        "telford-education",
        "Telford & Wrekin Council Education and Skills",
        "education-service",
        (TELFORD_WREKIN,),
        "Head of education",
    ),
    AgencySpec(
        "telford-public-health",
        "Telford & Wrekin Council Public Health",
        "public-health",
        (TELFORD_WREKIN,),
        "Director of public health",
    ),
    AgencySpec(
        "telford-ccg",
        "Telford and Wrekin Clinical Commissioning Group",
        "health-commissioner",
        (TELFORD_WREKIN,),
        "Designated nurse for safeguarding children",
    ),
    # Herefordshire.
    AgencySpec(
        "herefordshire-csc",
        "Herefordshire Council Children's Social Care",
        "childrens-social-care",
        (HEREFORDSHIRE,),
        "Director of children's wellbeing",
    ),
    AgencySpec(
        "herefordshire-early-help",
        "Herefordshire Council Early Help",
        "early-help",
        (HEREFORDSHIRE,),
        "Early help manager",
    ),
    AgencySpec(
        "herefordshire-education",
        "Herefordshire Council Education Services",
        "education-service",
        (HEREFORDSHIRE,),
        "Head of learning and achievement",
    ),
    AgencySpec(
        "herefordshire-public-health",
        "Herefordshire Council Public Health",
        "public-health",
        (HEREFORDSHIRE,),
        "Director of public health",
    ),
    AgencySpec(
        "herefordshire-ccg",
        "Herefordshire Clinical Commissioning Group",
        "health-commissioner",
        (HEREFORDSHIRE,),
        "Director of quality and nursing",
    ),
    AgencySpec("wye-valley", "Wye Valley NHS Trust", "acute-trust", (HEREFORDSHIRE,), "Head of safeguarding"),
    AgencySpec(
        "2gether",
        "2gether NHS Foundation Trust",
        "mental-health-trust",
        (HEREFORDSHIRE,),
        "Safeguarding lead",
    ),
    # Worcestershire.
    AgencySpec(
        "worcestershire-csc",
        "Worcestershire County Council Children's Social Care",
        "childrens-social-care",
        (WORCESTERSHIRE,),
        "Director of children's services",
    ),
    AgencySpec(
        "worcestershire-early-help",
        "Worcestershire County Council Early Help",
        "early-help",
        (WORCESTERSHIRE,),
        "Early help commissioning manager",
    ),
    AgencySpec(
        "worcestershire-education",
        "Worcestershire County Council Education Services",
        "education-service",
        (WORCESTERSHIRE,),
        "Head of education safeguarding",
    ),
    AgencySpec(
        "worcestershire-public-health",
        "Worcestershire County Council Public Health",
        "public-health",
        (WORCESTERSHIRE,),
        "Director of public health",
    ),
    AgencySpec(
        "worcestershire-ccg",
        "NHS South Worcestershire Clinical Commissioning Group",
        "health-commissioner",
        (WORCESTERSHIRE,),
        "Chief nursing officer",
    ),
    AgencySpec(
        "worcestershire-acute",
        "Worcestershire Acute Hospitals NHS Trust",
        "acute-trust",
        (WORCESTERSHIRE,),
        "Head of safeguarding",
    ),
    AgencySpec(
        "worcestershire-health-care",
        "Worcestershire Health and Care NHS Trust",
        "community-health-trust",
        (WORCESTERSHIRE,),
        "Director of nursing",
    ),
)

# Agencies whose attendance the demo shows as patchy, as the Shropshire report asks of the
# orthopaedic hospital ("improved attendance at safeguarding meetings").
PATCHY_ATTENDERS = frozenset({"rjah"})
