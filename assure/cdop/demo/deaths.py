"""The demo's child deaths, on the joint Shropshire and Telford & Wrekin panel, 2014-15. Every child
is invented: the names, the dates and the circumstances.

- ``shropshire-01`` .. ``shropshire-20``: Shropshire children reviewed at the panel's five
  meetings of 2014-15, four a meeting (``panel_meeting``, ``reviewed_on`` the meeting's date).
  Age bands 0-27 days 8, 28-364 days 4, 1-4 years 3, 5-9 years 1, 10-14 years 2, 15-17 years 2;
  categories perinatal/neonatal 6, chromosomal, genetic and congenital 4, sudden unexpected and
  unexplained 2, infection 2, trauma and external factors 2 (a 17-year-old driver in a road
  traffic collision, a 3-year-old drowned), acute medical or surgical 1, chronic medical 1,
  malignancy 1, suicide or self-harm 1; expected 12, unexpected 8; modifiable factors identified
  5, none 14, insufficient information 1.
- ``telford-01`` .. ``telford-12``: Telford & Wrekin children reviewed in 2014-15 (an invented
  spread).
- ``open-1`` .. ``open-3``: Shropshire deaths of the last two months (counted back from the day
  the demo is loaded), awaiting the panel; ``paused``: died five months ago, paused for an
  inquest; ``draft``: an agency's notification of yesterday awaiting the manager, a possible
  duplicate of ``open-1`` (the same date of death, date of birth and sex); ``passed-on``: a child
  from Powys who died in Shropshire ten weeks ago, passed to Powys Child Death Overview Panel.

Writes ``made["deaths"]`` (key to ``ChildDeath``)."""

from __future__ import annotations

import datetime as dt

from assure.demo import region
from assure.library.selectors import current_item
from assure.partnerships.models import Meeting

from ..models import ChildDeath
from ..services.deaths import next_death_reference

D = dt.date
E, U = ChildDeath.Expected.EXPECTED, ChildDeath.Expected.UNEXPECTED
IDENTIFIED, NONE, INSUFFICIENT = (
    ChildDeath.Modifiable.IDENTIFIED,
    ChildDeath.Modifiable.NONE,
    ChildDeath.Modifiable.INSUFFICIENT,
)
F, M = ChildDeath.Sex.FEMALE, ChildDeath.Sex.MALE

# (invented name, sex, age at death: days when the unit is "d" else years, category, expected,
#  modifiable, learning)
SHROPSHIRE = [
    ("Amelia Thornbury", F, (2, "d"), "perinatal-neonatal", E, NONE, ""),
    ("Oliver Brackley", M, (0, "d"), "perinatal-neonatal", E, NONE, ""),
    (
        "Isla Penwarden",
        F,
        (5, "d"),
        "perinatal-neonatal",
        E,
        IDENTIFIED,
        "Smoking in pregnancy: midwives to refer every mother who smokes to the stop-smoking service.",
    ),
    ("Harry Colderidge", M, (1, "d"), "perinatal-neonatal", E, NONE, ""),
    ("Ava Stannington", F, (12, "d"), "perinatal-neonatal", E, NONE, ""),
    ("Jacob Merriweather", M, (20, "d"), "perinatal-neonatal", E, NONE, ""),
    ("Poppy Aldercott", F, (3, "d"), "chromosomal-genetic-congenital", E, NONE, ""),
    ("George Fennimore", M, (9, "d"), "chromosomal-genetic-congenital", E, NONE, ""),
    ("Lily Harrowgate", F, (140, "d"), "chromosomal-genetic-congenital", E, NONE, ""),
    (
        "Noah Whitlock",
        M,
        (70, "d"),
        "sudden-unexpected-unexplained",
        U,
        IDENTIFIED,
        "Safer sleeping: health visitors to repeat the advice on sharing a sofa or bed at every contact.",
    ),
    ("Evie Marchwood", F, (200, "d"), "sudden-unexpected-unexplained", U, INSUFFICIENT, ""),
    ("Charlie Pendleford", M, (300, "d"), "infection", U, NONE, ""),
    (
        "Freddie Ashcombe",
        M,
        (3, "y"),
        "trauma-and-external-factors",
        U,
        IDENTIFIED,
        "A drowning in a garden pond: the panel supports the water safety campaign for families with young children.",
    ),
    ("Grace Ollerton", F, (2, "y"), "chromosomal-genetic-congenital", E, NONE, ""),
    (
        "Alfie Brindwood",
        M,
        (1, "y"),
        "infection",
        U,
        IDENTIFIED,
        "Antibiotic use in the community: GPs to follow the sepsis guidance for children under five.",
    ),
    ("Sophie Kettlewell", F, (7, "y"), "malignancy", E, NONE, ""),
    ("Thomas Eldridge", M, (12, "y"), "chronic-medical", E, NONE, ""),
    ("Ella Winterbourne", F, (11, "y"), "acute-medical-or-surgical", U, NONE, ""),
    (
        "Jack Haverleigh",
        M,
        (17, "y"),
        "trauma-and-external-factors",
        U,
        IDENTIFIED,
        "Young drivers: a collision of a newly qualified driver; the panel supports the young driver scheme.",
    ),
    ("Mia Rosthwaite", F, (16, "y"), "suicide-or-self-harm", U, NONE, ""),
]
TELFORD = [
    ("Ruby Callender", F, (4, "d"), "perinatal-neonatal", E, NONE, ""),
    ("Leo Brantwood", M, (1, "d"), "perinatal-neonatal", E, NONE, ""),
    ("Daisy Fothergill", F, (15, "d"), "chromosomal-genetic-congenital", E, NONE, ""),
    (
        "Oscar Linthwaite",
        M,
        (90, "d"),
        "sudden-unexpected-unexplained",
        U,
        IDENTIFIED,
        "Safer sleeping advice repeated at the six-week check.",
    ),
    ("Millie Rowcastle", F, (250, "d"), "infection", U, NONE, ""),
    ("Archie Dunsmore", M, (2, "y"), "acute-medical-or-surgical", U, NONE, ""),
    ("Rosie Tattersall", F, (4, "y"), "chromosomal-genetic-congenital", E, NONE, ""),
    ("Henry Ellingham", M, (8, "y"), "malignancy", E, NONE, ""),
    ("Florence Haddow", F, (13, "y"), "chronic-medical", E, NONE, ""),
    (
        "Theo Waverton",
        M,
        (15, "y"),
        "trauma-and-external-factors",
        U,
        IDENTIFIED,
        "Cycle helmets: a campaign in the secondary schools.",
    ),
    ("Ivy Kelsall", F, (0, "d"), "perinatal-neonatal", E, NONE, ""),
    ("Arthur Bellingham", M, (6, "y"), "chronic-medical", E, NONE, ""),
]
# Telford & Wrekin's reviews at each of the five meetings.
TELFORD_PER_MEETING = (3, 2, 3, 2, 2)
NOTIFIERS = [
    ("Dr Helena Marsh", "Consultant paediatrician", "sath"),
    ("Sgt Owen Pritchard", "Child abuse investigation unit", "police"),
    ("Jan Foley", "Community midwife", "shropshire-community-health"),
]


def _born(died: dt.date, age: tuple[int, str], offset: int) -> dt.date:
    """A date of birth giving the age at death: ``offset`` days past the birthday for years."""
    number, unit = age
    if unit == "d":
        return died - dt.timedelta(days=number)
    return died.replace(year=died.year - number) - dt.timedelta(days=offset)


def deaths_demo_load(*, partnerships, agencies, users, today, made) -> None:
    panel = made["panel"]
    shropshire = partnerships[region.SHROPSHIRE]
    telford = partnerships[region.TELFORD_WREKIN]
    manager = users[(region.SHROPSHIRE, "cdop-manager")]
    meetings = list(
        Meeting.objects.filter(
            subgroup=panel.subgroup, held_on__gte=D(2014, 4, 1), held_on__lte=D(2015, 3, 31)
        ).order_by("held_on")
    )
    categories = {}
    involved = {
        "health": agencies["sath"],
        "police": agencies["police"],
        "shropshire-csc": agencies["shropshire-csc"],
        "telford-csc": agencies["telford-csc"],
        "shropshire-schools": agencies["shropshire-primary-schools"],
        "telford-schools": agencies["telford-education"],
    }
    deaths: dict[str, ChildDeath] = {}

    def create(key: str, *, agencies_involved, **fields) -> ChildDeath:
        death = ChildDeath.objects.create(
            reference=next_death_reference(), panel=panel, recorded_by=panel, created_by=manager, **fields
        )
        death.agencies_involved.set(agencies_involved)
        deaths[key] = death
        return death

    def reviewed(key, row, partnership, meeting, number) -> None:
        name, sex, age, category, expected, modifiable, learning = row
        died = meeting.held_on - dt.timedelta(days=45 + 9 * (number % 5))
        notifier = NOTIFIERS[number % len(NOTIFIERS)]
        unexpected = expected == U
        if category not in categories:
            categories[category] = current_item(kind="cdop-category", code=category)
        schools = age[1] == "y" and age[0] >= 5
        home = "shropshire" if partnership == shropshire else "telford"
        create(
            key,
            partnership=partnership,
            status=ChildDeath.Status.REVIEWED,
            child_name=name,
            date_of_birth=_born(died, age, 30 + number),
            sex=sex,
            date_of_death=died,
            expected=expected,
            designated_doctor_confirmed=True if unexpected else None,
            post_mortem_required=unexpected,
            certificate_issued=True,
            notified_on=died + dt.timedelta(days=1),
            notifier_name=notifier[0],
            notifier_role=notifier[1],
            notifier_agency=agencies[notifier[2]],
            jar_needed=unexpected,
            jar_met_on=died + dt.timedelta(days=2) if unexpected else None,
            panel_meeting=meeting,
            reviewed_on=meeting.held_on,
            category=categories[category],
            modifiable=modifiable,
            learning=learning,
            agencies_involved=[involved["health"], involved[f"{home}-csc"]]
            + ([involved["police"]] if unexpected else [])
            + ([involved[f"{home}-schools"]] if schools else []),
        )

    for number, row in enumerate(SHROPSHIRE):
        reviewed(f"shropshire-{number + 1:02d}", row, shropshire, meetings[number // 4], number)
    number = 0
    for index, count in enumerate(TELFORD_PER_MEETING):
        for _ in range(count):
            reviewed(f"telford-{number + 1:02d}", TELFORD[number], telford, meetings[index], number + 3)
            number += 1

    open_children = [
        ("open-1", "Maisie Drayfield", F, 60, 135, E),
        ("open-2", "Reuben Ashworth", M, 50, 993, U),
        ("open-3", "Hattie Greenslade", F, 40, 12, E),
    ]
    for key, name, sex, days_ago, age_in_days, expected in open_children:
        died = today - dt.timedelta(days=days_ago)
        born = died - dt.timedelta(days=age_in_days)
        create(
            key,
            partnership=shropshire,
            status=ChildDeath.Status.NOTIFIED,
            child_name=name,
            date_of_birth=born,
            sex=sex,
            date_of_death=died,
            expected=expected,
            post_mortem_required=expected == U,
            notified_on=died + dt.timedelta(days=1),
            notifier_name="Dr Helena Marsh",
            notifier_role="Consultant paediatrician",
            notifier_agency=agencies["sath"],
            jar_needed=expected == U,
            jar_met_on=died + dt.timedelta(days=1) if expected == U else None,
            agencies_involved=[involved["health"], involved["shropshire-csc"]],
        )
    # The open deaths are recent, counted back from the day the demo is loaded, so their clocks
    # read as they would in a working panel; the reviewed ones are 2014-15's.
    paused_died = today - dt.timedelta(days=160)
    passed_died = today - dt.timedelta(days=75)
    create(
        "paused",
        partnership=shropshire,
        status=ChildDeath.Status.PAUSED,
        child_name="Finley Oakenshaw",
        date_of_birth=paused_died - dt.timedelta(days=2328),
        sex=M,
        date_of_death=paused_died,
        expected=U,
        designated_doctor_confirmed=True,
        post_mortem_required=True,
        certificate_issued=False,
        circumstances="Injured in a fall at a farm; the coroner has opened an inquest.",
        notified_on=paused_died,
        notifier_name="Sgt Owen Pritchard",
        notifier_role="Child abuse investigation unit",
        notifier_agency=agencies["police"],
        jar_needed=True,
        jar_met_on=paused_died + dt.timedelta(days=2),
        paused_on=paused_died + dt.timedelta(days=27),
        paused_reason="inquest: The coroner's inquest is listed for the spring.",
        agencies_involved=[
            involved["health"],
            involved["police"],
            involved["shropshire-csc"],
            involved["shropshire-schools"],
        ],
    )
    first = deaths["open-1"]
    create(
        "draft",
        partnership=shropshire,
        status=ChildDeath.Status.DRAFT,
        child_name="Maisy Drayfield",
        date_of_birth=first.date_of_birth,
        sex=first.sex,
        date_of_death=first.date_of_death,
        expected=E,
        notified_on=today - dt.timedelta(days=1),
        notifier_name="Jan Foley",
        notifier_role="Community midwife",
        notifier_agency=agencies["shropshire-community-health"],
        agencies_involved=[involved["health"]],
    )
    create(
        "passed-on",
        partnership=None,
        home_area="Powys",
        status=ChildDeath.Status.PASSED_ON,
        child_name="Dylan Pryce-Morgan",
        date_of_birth=passed_died - dt.timedelta(days=1600),
        sex=M,
        date_of_death=passed_died,
        expected=U,
        designated_doctor_confirmed=True,
        post_mortem_required=True,
        notified_on=passed_died,
        notifier_name="Dr Helena Marsh",
        notifier_role="Consultant paediatrician",
        notifier_agency=agencies["sath"],
        jar_needed=True,
        jar_met_on=passed_died + dt.timedelta(days=1),
        passed_on_to_name="Powys Child Death Overview Panel",
        passed_on_on=passed_died + dt.timedelta(days=3),
        agencies_involved=[involved["health"]],
    )
    made["deaths"] = deaths
