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
