"""The demo's invented words about allegations: the names of the people referred, the employers of
each sector with the roles people hold there, the referrers, and what was alleged, advised,
decided and learnt. Every person is invented; the employers are invented too, except the
partnership's own agencies (named by their key in ``assure/demo/region.py``), which are real
organisations, as everywhere in the demo."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass

# --- the people referred (restricted records) --------------------------------------------------------

GIVEN_NAMES = (
    "Adrian",
    "Alison",
    "Amir",
    "Bethan",
    "Callum",
    "Carys",
    "Colin",
    "Dawn",
    "Dean",
    "Elaine",
    "Faisal",
    "Fiona",
    "Gareth",
    "Gemma",
    "Glyn",
    "Hayley",
    "Ian",
    "Jade",
    "Jason",
    "Joanne",
    "Karen",
    "Kieran",
    "Leanne",
    "Lee",
    "Lorraine",
    "Mandy",
    "Martin",
    "Michelle",
    "Nadia",
    "Neil",
    "Nicola",
    "Owen",
    "Paula",
    "Philip",
    "Rachel",
    "Ricky",
    "Sandra",
    "Scott",
    "Shaun",
    "Sian",
    "Simon",
    "Stacey",
    "Stuart",
    "Tanya",
    "Trevor",
    "Vicky",
    "Wayne",
    "Yusuf",
    "Zoe",
    "Bogdan",
    "Agnieszka",
    "Rajesh",
    "Chloe",
    "Kerry",
    "Graham",
    "Helen",
    "Jamal",
    "Malcolm",
    "Rhiannon",
    "Tomasz",
)
FAMILY_NAMES = (
    "Ashby",
    "Bellhouse",
    "Brayford",
    "Carwood",
    "Chettle",
    "Cresswell",
    "Dallow",
    "Denstone",
    "Eddowes",
    "Farlow",
    "Felton",
    "Gatacre",
    "Hadnall",
    "Hinstock",
    "Ibbotson",
    "Jevons",
    "Kemberton",
    "Lacon",
    "Leighton-Price",
    "Lydbury",
    "Marton",
    "Norbury",
    "Okafor",
    "Onibury",
    "Pattingham",
    "Preece",
    "Quatford",
    "Rowton",
    "Ruckley",
    "Sambrook",
    "Shipley",
    "Stanwardine",
    "Tasley",
    "Tilstock",
    "Uppington",
    "Vennor",
    "Wollaston",
    "Yockleton",
    "Adeyemi",
    "Bhatti",
    "Chowdhury",
    "Kowalczyk",
    "Nowak",
    "Mensah",
    "O'Rourke",
    "MacAulay",
    "Pryce",
    "Lloyd-Evans",
    "Hollins",
    "Fenwick",
    "Garbett",
    "Haycock",
    "Millichap",
    "Onions",
    "Tudor-Jones",
)

# The person referred in 2013-14 and again in 2014-15 (the same name and date of birth: an exact
# match, joined by the officer), and again in a current case under a misspelt name (a near match
# left for the officer to check).
REPEAT_NAME = ("Darren", "Whitcombe")
REPEAT_MISSPELT = ("Darran", "Whitcomb")
REPEAT_BORN = dt.date(1979, 8, 23)
RESERVED = {REPEAT_NAME, REPEAT_MISSPELT}


class Names:
    """Invented names, each used once, with dates of birth that no two people share (so the only
    repeat matches in the demo are the ones it means)."""

    def __init__(self, seed: str = "lado-demo-names"):
        pairs = [pair for pair in itertools.product(GIVEN_NAMES, FAMILY_NAMES) if pair not in RESERVED]
        random.Random(seed).shuffle(pairs)
        self._pairs = iter(pairs)
        self._count = itertools.count(1)

    def next(self) -> tuple[str, str, dt.date]:
        given, family = next(self._pairs)
        number = next(self._count)
        # 211 is prime to 10,950 days (about thirty years), so no two dates repeat.
        born = dt.date(1960, 1, 7) + dt.timedelta(days=(number * 211) % 10950)
        if born == REPEAT_BORN:
            born += dt.timedelta(days=10950)
        return given, family, born


# --- employers, roles and referrers by sector --------------------------------------------------------


@dataclass(frozen=True)
class Employer:
    name: str
    agency: str = ""  # key of the partnership's agency (region.py) when the employer is one
    role: tuple[str, str] | None = None  # the only role it has (role, employment basis), if so


@dataclass(frozen=True)
class Sector:
    employers: tuple[Employer, ...]
    roles: tuple[tuple[str, str], ...]  # (role, employment basis)
    referrer_role: str
    ages: tuple[int, int]  # the ages of the children involved, youngest and oldest


SECTORS: dict[str, Sector] = {
    "education": Sector(
        (
            Employer("Brookfield Primary School"),
            Employer("Hollybank Church of England Primary School"),
            Employer("Marches Vale Academy"),
            Employer("Corve Meadow High School"),
            Employer("Kingsfield Junior School"),
            Employer("St Aidan's Catholic Primary School"),
            Employer("Riverbank Special School"),
            Employer("Oakmere Sixth Form College"),
        ),
        (
            ("Teacher", "employed"),
            ("Teaching assistant", "employed"),
            ("Supply teacher", "agency"),
            ("Lunchtime supervisor", "employed"),
            ("PE teacher", "employed"),
            ("Head of year", "employed"),
            ("School caretaker", "employed"),
            ("Peripatetic music teacher", "self-employed"),
        ),
        "Designated safeguarding lead",
        (4, 17),
    ),
    "early-years": Sector(
        (
            Employer("Little Acorns Day Nursery"),
            Employer("Buttercup Pre-school"),
            Employer("Rainbow Tots Nursery"),
            Employer("Willowbrook Children's Centre Nursery"),
            Employer("A registered childminder", role=("Childminder", "self-employed")),
        ),
        (
            ("Nursery practitioner", "employed"),
            ("Room leader", "employed"),
            ("Apprentice nursery practitioner", "employed"),
            ("Bank nursery practitioner", "agency"),
        ),
        "Nursery manager",
        (1, 4),
    ),
    "health": Sector(
        (
            Employer("Shropshire Community Health NHS Trust", "shropshire-community-health"),
            Employer("The Shrewsbury and Telford Hospital NHS Trust", "sath"),
        ),
        (("Staff nurse", "employed"), ("Healthcare assistant", "agency"), ("Paediatric physiotherapist", "employed")),
        "Named nurse for safeguarding children",
        (0, 15),
    ),
    "social-care": Sector(
        (
            Employer("Shropshire Council Children's Social Care", "shropshire-csc"),
            Employer("Shropshire Council Fostering Service", "shropshire-csc", role=("Foster carer", "foster-carer")),
        ),
        (
            ("Residential support worker", "employed"),
            ("Family support worker", "employed"),
            ("Social worker", "employed"),
        ),
        "Team manager",
        (3, 17),
    ),
    "private-care": Sector(
        (
            Employer("Oakridge Children's Homes Ltd"),
            Employer("Hillcrest Residential Care"),
            Employer("Meadowview Independent Fostering", role=("Foster carer", "foster-carer")),
            Employer("Severnbank Care Group"),
        ),
        (
            ("Residential care worker", "employed"),
            ("Support worker", "agency"),
            ("Shift leader", "employed"),
        ),
        "Registered manager",
        (9, 17),
    ),
    "police": Sector(
        (Employer("West Mercia Police", "police"),),
        (("Police constable", "employed"), ("Police community support officer", "employed")),
        "Professional standards department",
        (12, 17),
    ),
    "faith": Sector(
        (Employer("Riverside Community Church"), Employer("Hope Fellowship Youth Club")),
        (("Youth leader", "volunteer"), ("Sunday school helper", "volunteer")),
        "Safeguarding coordinator",
        (6, 14),
    ),
    "voluntary": Sector(
        (
            Employer("Severnside Youth Project"),
            Employer("Hilltop Scout Group"),
            Employer("Marches Young Carers"),
        ),
        (("Youth worker", "employed"), ("Scout leader", "volunteer"), ("Volunteer mentor", "volunteer")),
        "Safeguarding lead",
        (8, 16),
    ),
    "sport": Sector(
        (
            Employer("Hawthorn Juniors Football Club"),
            Employer("Kingfisher Swimming Club"),
            Employer("Castlefields Gymnastics Academy"),
        ),
        (("Football coach", "volunteer"), ("Swimming instructor", "employed"), ("Gymnastics coach", "self-employed")),
        "Club welfare officer",
        (7, 15),
    ),
    "transport": Sector(
        (Employer("Marches Private Hire"), Employer("County Minibuses Ltd")),
        (("Taxi driver on a school contract", "self-employed"), ("Passenger escort", "employed")),
        "Transport contracts manager",
        (5, 16),
    ),
    "other": Sector(
        (
            Employer("Self-employed private tutor", role=("Private tutor", "self-employed")),
            Employer("Stagelight Drama School"),
        ),
        (("Drama teacher", "self-employed"), ("Dance teacher", "self-employed")),
        "Parent",
        (6, 15),
    ),
}

# Who refers, by an invented name; their addresses are on the demo's reserved test domain.
REFERRERS = (
    "Alys Brereton",
    "Ben Hartshorne",
    "Cathy Moorcroft",
    "Dev Ramsbottom",
    "Esther Langford",
    "Frank Oldacre",
    "Gita Sandhu-Reeves",
    "Hugh Penhallow",
    "Isobel Treharne",
    "Jon Wetherall",
    "Kath Ellesmere",
    "Liam Corbishley",
    "Maggie Stennett",
    "Nathan Oduya-Kerr",
    "Olwen Baddeley",
    "Pete Rushbury",
)
EMAIL_DOMAIN = "employers.demo.assure.test"


def email_of(name: str) -> str:
    local = name.lower().replace(" ", ".").replace("'", "")
    return f"{local}@{EMAIL_DOMAIN}"


# --- what was alleged, advised, decided and learnt ------------------------------------------------------

HARM_TESTS = {
    "physical": (["harmed"], ["harmed", "offence"]),
    "emotional": (["harmed"], ["risk"]),
    "sexual": (["harmed", "offence"], ["offence", "unsuitable"]),
    "neglect": (["harmed"], ["risk"]),
    "conduct": (["unsuitable"], ["risk", "unsuitable"]),
    "low-level-concern": ([],),
}
CONTEXTS = {
    "physical": ("work", "work", "own-children"),
    "emotional": ("work",),
    "sexual": ("work", "work", "non-recent"),
    "neglect": ("work",),
    "conduct": ("personal-life", "work", "own-children"),
    "low-level-concern": ("work",),
}
DESCRIPTIONS = {
    "physical": (
        "Said to have grabbed a child by the upper arm, leaving a bruise the parent noticed at home.",
        "A child says they were pushed against a wall during an argument about a mobile phone.",
        "Restrained a child in a way the child's plan does not allow; a mark on the wrist was seen.",
        "A child says they were slapped on the leg for not sitting still.",
    ),
    "emotional": (
        "Alleged to have shouted at and belittled a child in front of the group over several weeks.",
        "Said to have threatened a child that they would be moved away if they told anyone.",
        "Repeatedly called a child names about their weight, as other children report.",
    ),
    "sexual": (
        "Sent a young person messages of a sexual nature on social media.",
        "A young person says the person touched them inappropriately while alone with them.",
        "Found by the police to hold indecent images of children on a home computer.",
        "Gave a young person lifts and gifts and asked them to keep it secret.",
    ),
    "neglect": (
        "A child was left unsupervised near water during an outing.",
        "A child's medication was not given as prescribed for several days.",
        "A young child was left alone in a vehicle while the person went into a shop.",
    ),
    "conduct": (
        "Arrested after a domestic incident at home: a transferable risk to the children worked with.",
        "Convicted of drink driving with their own children in the car.",
        "Shared a personal phone number and social media with pupils against the code of conduct.",
        "Posted offensive comments about children online.",
    ),
    "low-level-concern": (
        "Gave a pupil a lift home without telling anyone; no harm alleged.",
        "Over-familiar messages with a young person on a work phone, out of hours.",
        "Singled a child out for treats and attention, as colleagues noticed.",
    ),
}
ADVICE = {
    "police": "Advised the employer not to investigate or speak to the person until the police had decided; "
    "to consider suspension; and to keep a record of every step.",
    "suspended": "Advised the employer to consider suspension while the facts are established, and to keep the "
    "person informed.",
    "allegation": "Advised the employer to investigate under its disciplinary procedure and to report back to the "
    "designated officer within four weeks.",
    "low-level": "Below the harm threshold: advised the employer to deal with it under its code of conduct and to "
    "keep the concern on file.",
}
ATTENDEES = {
    "police": "Designated officer; detective sergeant, West Mercia Police; social worker, children's social care; "
    "the employer's {referrer}; HR adviser",
    "other": "Designated officer; the employer's {referrer}; HR adviser",
}
DECISIONS = {
    "strategy": "Threshold for section 47 enquiries met. Police to interview the child; children's social care to "
    "visit the family.",
    "joint-evaluation": (
        "Police to lead; the employer to hold its own process until the police say it may begin.",
        "No police involvement. The employer to investigate and report back within four weeks.",
        "The employer to suspend while enquiries are made; the designated officer to be told of any change.",
    ),
    "review": "Enquiries continue. The plan is reviewed; the employer to keep any suspension or change of duties "
    "under review every four weeks.",
    "outcome": "The allegation is substantiated. The employer to decide what follows, and whether the Disclosure "
    "and Barring Service must be told.",
}
LEARNING = {
    "substantiated": (
        "Refresh staff on the code of conduct about contact with children outside work.",
        "Check that the behaviour policy on restraint is known to every member of staff.",
        "Include online contact with children in the induction of every new member of staff.",
    ),
    "unsubstantiated": (
        "Keep a clear record of one-to-one time with children.",
        "Make sure two adults are present on trips and outings.",
    ),
}
