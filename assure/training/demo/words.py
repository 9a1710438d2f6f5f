"""The demo's invented practitioners, courses and trainers. Every name is made up; no one named in
the annual report the demo draws on appears."""

FIRST_NAMES = (
    "Ailsa", "Barnaby", "Cerys", "Dominic", "Eilidh", "Fergus", "Gwen", "Hamish", "Isla", "Jonah",
    "Kirsty", "Lachlan", "Maisie", "Nico", "Orla", "Piers", "Rhiannon", "Soren", "Tilly", "Umar",
    "Verity", "Wilf", "Xanthe", "Yusuf", "Zara", "Anouk", "Bram", "Cleo", "Dev", "Esme",
    "Finlay", "Greer", "Hari", "Imani", "Jude", "Kit", "Lowri", "Milo", "Nia", "Oren",
)  # fmt: skip
SURNAMES = (
    "Abernethy", "Blackwood", "Carrington", "Dunmore", "Elsworth", "Fairweather", "Galloway",
    "Hartigan", "Ingleby", "Jessop", "Kilbride", "Langridge", "Merriman", "Northcott", "Oakhurst",
    "Pendleford", "Quarrie", "Rushbrooke", "Stainforth", "Thorncliffe", "Underhay", "Vosper",
    "Westacott", "Yarwood", "Ashcombe", "Brightwell", "Coldridge", "Dewhirst", "Eldridge", "Frogmore",
)  # fmt: skip

# The trainers as the calendar names them.
TRAINERS = (
    "Delphine Ashgrove and Rufus Kettering",
    "Saskia Morrow",
    "Idris Valance and Petra Holm",
    "Lorcan Whitby",
    "Freya Castellan",
)

# Job roles by the agency's type.
ROLES = {
    "police": ("Detective constable", "Police constable", "Public protection officer"),
    "childrens-social-care": ("Social worker", "Senior social worker", "Family support worker"),
    "early-help": ("Early help practitioner", "Family worker"),
    "education-service": ("Education welfare officer", "Inclusion officer"),
    "public-health": ("Public health nurse", "Health improvement officer"),
    "community-health-trust": ("Health visitor", "School nurse", "Community midwife"),
    "acute-trust": ("Paediatric nurse", "Emergency department nurse", "Midwife"),
    "mental-health-trust": ("CAMHS practitioner", "Community psychiatric nurse"),
    "school": ("Designated safeguarding lead", "Teacher", "Pastoral manager"),
    "college": ("Student support officer", "Lecturer"),
    "early-years": ("Nursery practitioner", "Childminder", "Early years manager"),
    "voluntary-organisation": ("Youth worker", "Volunteer coordinator", "Family support volunteer"),
    "probation": ("Probation officer",),
    "youth-offending": ("Youth offending officer",),
}
DEFAULT_ROLES = ("Practitioner",)

QUOTES_AFTER = (
    "I now know exactly who to call when I am worried about a child.",
    "Hearing from the police and health in the same room made the threshold document make sense.",
    "The case study on parental drinking changed how I will ask about it at home visits.",
)

# Delegates' answers to the evaluation questionnaires, drawn in turn (none names anyone).
HOPES = (
    "How to tell when a worry about a child has reached the threshold for a referral.",
    "Who does what in the other agencies, so I know who to ring.",
    "How to speak to parents about concerns without losing their trust.",
    "More confidence in writing a referral that is clear about the risk.",
    "To understand what happens after I make a referral.",
    "How to recognise the signs when a parent's own difficulties are affecting the children.",
)
PRACTICE = (
    "I meet it every week or so and usually talk it through with my manager first.",
    "Not often; when I do I follow our own policy and call the designated lead.",
    "Regularly, mostly in home visits, and I record my concerns and share them with the health visitor.",
    "I see it in school most terms and pass concerns to our safeguarding lead.",
    "Rarely, which is why I want to be ready when it happens.",
)
DIFFERENTLY = QUOTES_AFTER + (
    "I will ask about who else lives in the household at every first visit.",
    "I will use the chronology template before I write a referral.",
    "I will check back with the other agencies instead of assuming someone else has acted.",
    "I will record the child's own words and not only what the adults tell me.",
    "I will talk to my manager sooner when something does not feel right.",
)
COMMENTS = (
    "The group discussion was the most useful part of the day.",
    "A little long in the afternoon, but worth it.",
    "More time on the case studies would have helped.",
    "Good to meet colleagues from agencies I rarely see.",
)
CHANGED = (
    "I now ask about domestic abuse directly, and have found it easier than I expected.",
    "I ring the other agencies before closing a case, not after.",
    "My referrals are shorter and say plainly what the risk to the child is.",
    "I share concerns about a parent's drinking at the team meeting instead of waiting.",
    "I use the threshold document when I talk to families about why I am worried.",
)
EXAMPLES = (
    "At a home visit I noticed the signs we had talked about and arranged a joint visit with the school nurse.",
    "I used the questions from the course when a parent told me about arguments at home, and made a referral.",
    "I called the police public protection unit for advice rather than waiting for the next review.",
)
BARRIERS = (
    "Caseloads are high, so there is little time to follow up with other agencies.",
    "It can be hard to reach the right person in another agency by phone.",
    "Staff changes in my team mean I am the only one who went on the course.",
)
