"""Returns for Telford & Wrekin, Herefordshire and Worcestershire: INVENTED for the demo.

The seed report is Shropshire's alone, so these figures are made up: each is Shropshire's figure
for the same measure and year, scaled by the area's number of children (for counts) and moved by
a fixed amount drawn from a hash of the partnership, measure and year (the same on every run).
Every observation says in its comment that it is invented."""

import hashlib
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from assure.demo import region

from . import shropshire as s

INVENTED_NOTE = "Invented for the demonstration: not a real figure."


@dataclass(frozen=True)
class AreaSpec:
    slug: str
    children_social_care: str
    early_help: str
    # Children aged 0-17 relative to Shropshire's (ONS mid-2014, rounded).
    children_ratio: Decimal


AREAS = (
    AreaSpec(region.TELFORD_WREKIN, "telford-csc", "telford-early-help", Decimal("0.66")),
    AreaSpec(region.HEREFORDSHIRE, "herefordshire-csc", "herefordshire-early-help", Decimal("0.58")),
    AreaSpec(region.WORCESTERSHIRE, "worcestershire-csc", "worcestershire-early-help", Decimal("1.88")),
)

# The child's journey, and the police figure every partnership shares an agency for.
MEASURES = (
    ("eh-assessments", s.EARLY_HELP),
    ("csc-referrals", s.CSC),
    ("csc-rereferrals-percent", s.CSC),
    ("csc-assessments-45-days-percent", s.CSC),
    ("csc-s47-rate", s.CSC),
    ("csc-icpc-15-days-percent", s.CSC),
    ("csc-cp-plans", s.CSC),
    ("csc-cp-plans-rate", s.CSC),
    ("csc-cp-plans-second-2-years-percent", s.CSC),
    ("csc-lac", s.CSC),
    ("police-offences-against-children-rate", s.POLICE),
)

COUNTS = frozenset({"eh-assessments", "csc-referrals", "csc-cp-plans", "csc-lac"})


@dataclass(frozen=True)
class InventedFigure:
    indicator: str
    agency: str  # the agency key of the region
    value: Decimal


def _shropshire(year: str) -> dict[str, Decimal]:
    return {f.indicator: Decimal(f.value) for f in s.FIGURES[year]}


def _nudge(*parts: str) -> Decimal:
    """A factor between 0.85 and 1.15, fixed for its inputs."""
    draw = hashlib.sha256("|".join(parts).encode()).digest()[0]
    return Decimal("0.85") + Decimal(draw) / Decimal(255) * Decimal("0.30")


def invented_figures(area: AreaSpec, year: str) -> list[InventedFigure]:
    """The invented figures of one partnership for one year, for the measures Shropshire has a
    figure for that year."""
    base = _shropshire(year)
    # Shropshire's 2013-14 return has no count of referrals: make one from 2014-15's.
    base.setdefault("csc-referrals", _shropshire(s.YEAR)["csc-referrals"] * Decimal("0.93"))
    agencies = {s.CSC: area.children_social_care, s.EARLY_HELP: area.early_help, s.POLICE: s.POLICE}
    figures = []
    for code, agency in MEASURES:
        if code not in base:
            continue
        value = base[code] * _nudge(area.slug, code, year)
        if code in COUNTS:
            value = (value * area.children_ratio).quantize(Decimal(1), ROUND_HALF_UP)
        else:
            value = min(value.quantize(Decimal("0.1"), ROUND_HALF_UP), Decimal(100))
        figures.append(InventedFigure(code, agencies[agency], value))
    return figures
