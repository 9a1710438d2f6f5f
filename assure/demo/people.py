"""The demo's people: one user per persona per partnership, one outsider, and the installation's
operator. Every name is invented. Sign-in addresses follow one pattern,
``<role>@<partnership>.demo.assure.test`` (the operator, of no partnership, is
``operator@demo.assure.test``), on a reserved test domain, so no demo message can reach a real
mailbox."""

from dataclasses import dataclass

from .region import HEREFORDSHIRE, SHROPSHIRE, TELFORD_WREKIN, WORCESTERSHIRE

EMAIL_DOMAIN = "demo.assure.test"
# Shown by load_demo and in docs/demo.md; it opens nothing but a demo database.
DEMO_PASSWORD = "west-mercia-demo-2015"
# The TOTP secret every demo account that needs MFA is enrolled with (base32).
DEMO_TOTP_SECRET = "ASSUREDEMOWESTMERCIAKEEPSAFE2345"

ROLES = (
    "business-unit",
    "board-member",
    "chair",
    "agency-lead",
    "auditor",
    "panel-member",
    "cdop-manager",
    "designated-officer",
    "viewer",
)


@dataclass(frozen=True)
class PersonSpec:
    partnership: str
    role: str
    full_name: str
    job_title: str
    agency: str | None = None  # key of the agency they act for or represent
    local_part: str = ""  # the e-mail's local part when it is not the role
    address: str = ""  # a whole address, for someone who works in several partnerships

    @property
    def email(self) -> str:
        return self.address or f"{self.local_part or self.role}@{self.partnership}.{EMAIL_DOMAIN}"


def _team(partnership: str, names: dict[str, str], *, board_agency: str, lead_agency: str, lead_title: str):
    titles = {
        "business-unit": "Business manager",
        "board-member": "Board member",
        "chair": "Independent chair",
        "agency-lead": lead_title,
        "auditor": "Quality assurance officer",
        "panel-member": "Designated doctor for child deaths",
        "cdop-manager": "Child death review manager",
        "designated-officer": "Local authority designated officer",
        "viewer": "Lay member of the Board",
    }
    agencies = {"board-member": board_agency, "agency-lead": lead_agency}
    return tuple(PersonSpec(partnership, role, names[role], titles[role], agencies.get(role)) for role in ROLES)


PEOPLE = (
    *_team(
        SHROPSHIRE,
        {
            "business-unit": "Harriet Quenby",
            "board-member": "Rowan Attwell",
            "chair": "Marcus Elveden",
            "agency-lead": "Imogen Threlfall",
            "auditor": "Callum Beddoes",
            "panel-member": "Priya Ravensworth",
            "cdop-manager": "Elspeth Marchbank",
            "designated-officer": "Tobias Wenlock",
            "viewer": "Nell Garside",
        },
        board_agency="shropshire-ccg",
        lead_agency="shropshire-community-health",
        lead_title="Named nurse for safeguarding children",
    ),
    *_team(
        TELFORD_WREKIN,
        {
            "business-unit": "Gemma Okonjo-Price",
            "board-member": "Declan Marsh-Whitby",
            "chair": "Bernadette Okoro-Hale",
            "agency-lead": "Yasmin Corbett-Lowe",
            "auditor": "Alun Petherick",
            "panel-member": "Hana Szymanski",
            "cdop-manager": "Rhodri Calloway",
            "designated-officer": "Kwame Asante-Boyd",
            "viewer": "Lottie Brampton",
        },
        board_agency="telford-ccg",
        lead_agency="telford-csc",
        lead_title="Head of safeguarding and quality",
    ),
    *_team(
        HEREFORDSHIRE,
        {
            "business-unit": "Morwenna Tillotson",
            "board-member": "Gideon Ashdown",
            "chair": "Graham Stokesay",
            "agency-lead": "Keziah Fairbairn",
            "auditor": "Ravi Chaudhury-Wells",
            "panel-member": "Dorcas Pilbeam",
            "cdop-manager": "Philippa Danvers-Lee",
            "designated-officer": "Ewan Tregarthen",
            "viewer": "Saffron Lydgate",
        },
        board_agency="herefordshire-ccg",
        lead_agency="wye-valley",
        lead_title="Named nurse for safeguarding children",
    ),
    *_team(
        WORCESTERSHIRE,
        {
            "business-unit": "Anwen Holloway-Pryce",
            "board-member": "Jasper Kettleby",
            "chair": "Ines Malvern-Price",
            "agency-lead": "Maryam Oduya",
            "auditor": "Felix Brabazon",
            "panel-member": "Tamsin Overbury",
            "cdop-manager": "Tobin Ashworth-Reid",
            "designated-officer": "Niall Carrow",
            "viewer": "Rosalind Pettifer",
        },
        board_agency="worcestershire-ccg",
        lead_agency="worcestershire-csc",
        lead_title="Head of safeguarding and quality",
    ),
    # Belongs to Worcestershire only: signed in, they must see nothing of the other three.
    PersonSpec(
        WORCESTERSHIRE,
        "board-member",
        "Oscar Mabbott",
        "Board member",
        agency="worcestershire-acute",
        local_part="outsider",
    ),
    # Acts for West Mercia Police in all four partnerships: one sign-in, and a choice of
    # partnership to work in (the "Switch partnership" link).
    *(
        PersonSpec(
            slug,
            "agency-lead",
            "Marcus Ellery-Vane",
            "Detective inspector, protecting vulnerable people",
            agency="police",
            local_part="police-lead",
            address=f"police-lead@west-mercia.{EMAIL_DOMAIN}",
        )
        for slug in (SHROPSHIRE, TELFORD_WREKIN, HEREFORDSHIRE, WORCESTERSHIRE)
    ),
    # A health visitor who books Shropshire's multi-agency training (her profile is written by
    # assure/training/demo): sees her own bookings and evaluations, nothing of the board's records.
    PersonSpec(SHROPSHIRE, "practitioner", "Wren Hollinshead", "Health visitor"),
    # The registered manager of a private children's homes company who notifies Shropshire of the
    # children placed in its homes (her profile, verified, is written by assure/registers/demo):
    # sees her own notifications only.
    PersonSpec(SHROPSHIRE, "provider", "Isla Brackenbury", "Registered manager"),
)


@dataclass(frozen=True)
class InstallationPersonSpec:
    """Someone holding a role over the whole installation rather than in a partnership."""

    role: str
    full_name: str
    job_title: str

    @property
    def email(self) -> str:
        return f"{self.role}@{EMAIL_DOMAIN}"


# Runs the demo installation and imports the published statistics every partnership compares
# with; a member of no partnership, so signed in they see no partnership's records.
OPERATOR = InstallationPersonSpec("operator", "Idris Pennycuick", "Performance information systems manager")
