"""Actions in Shropshire's tracker, written for the demo from themes of the 2014-15 report.
Dates are days relative to the day the demo is loaded, so some actions are always overdue,
some due soon and some already complete, whenever the demo is run."""

from dataclasses import dataclass


@dataclass(frozen=True)
class UpdateSpec:
    days: int  # relative to the load day; negative is in the past
    text: str
    author: str  # role of the Shropshire demo user who wrote it


@dataclass(frozen=True)
class ActionSpec:
    title: str
    description: str
    owner_agency: str
    source_label: str
    status: str
    rag: str
    due: int
    created: int
    owner_role: str = ""  # a Shropshire demo user's role, when the owner has an account
    owner_name: str = ""  # otherwise the owner's role, as shown to users
    completed: int | None = None
    updates: tuple[UpdateSpec, ...] = ()


ACTIONS = (
    ActionSpec(
        title="Find out why more children are subject to a second child protection plan",
        description=(
            "Repeat the multi-agency audit of children made subject to a second plan within two years, and "
            "report the reasons and a plan to reduce repeat plans to the Board."
        ),
        owner_agency="shropshire-csc",
        owner_name="Head of safeguarding, Children's Social Care",
        source_label="Multi-agency audit of repeat child protection plans",
        status="in_progress",
        rag="red",
        due=-21,
        created=-150,
        updates=(
            UpdateSpec(-120, "Audit tool agreed with the Quality Assurance and Performance subgroup.", "auditor"),
            UpdateSpec(-60, "Twelve of the twenty files audited; findings so far echo the first audit.", "auditor"),
            UpdateSpec(-14, "Report delayed: two agencies have not returned their audit answers.", "business-unit"),
        ),
    ),
    ActionSpec(
        title="Raise GPs' contribution to initial child protection conferences",
        description=(
            "Agree with GP practices how they will attend or send a report to every initial conference, and "
            "monitor attendance monthly."
        ),
        owner_agency="shropshire-ccg",
        owner_name="Designated nurse for safeguarding children",
        source_label="Quality assurance of child protection conferences 2014-15",
        status="in_progress",
        rag="amber",
        due=45,
        created=-90,
        updates=(
            UpdateSpec(
                -70, "Conference report template for GPs agreed with the local medical committee.", "board-member"
            ),
            UpdateSpec(-20, "GP reports received for 61% of conferences this quarter, up from 44%.", "business-unit"),
        ),
    ),
    ActionSpec(
        title="Share information about children on child protection plans with the orthopaedic hospital",
        description=(
            "Put in place a way for the hospital to know when a child it treats is on a child protection plan, "
            "and make sure it attends the safeguarding meetings it is invited to."
        ),
        owner_agency="rjah",
        owner_name="Named nurse for safeguarding children",
        source_label="Quality assurance challenge to health partners",
        status="open",
        rag="red",
        due=-7,
        created=-75,
    ),
    ActionSpec(
        title="Audit safeguarding supervision of health visitors and school nurses",
        description=(
            "Check that every health visitor and school nurse has had safeguarding supervision at the expected "
            "frequency, and report the result with any plan to improve."
        ),
        owner_agency="shropshire-community-health",
        owner_role="agency-lead",
        source_label="Section 11 self-assessment 2015",
        status="in_progress",
        rag="green",
        due=30,
        created=-40,
        updates=(
            UpdateSpec(
                -10, "Supervision records for the north and central teams checked; south team next.", "agency-lead"
            ),
        ),
    ),
    ActionSpec(
        title="Launch the strategy for children affected by domestic abuse",
        description="Publish the strategy and practitioner toolkit, and brief practitioners on the referral pathways.",
        owner_agency="shropshire-early-help",
        owner_name="Head of early help",
        source_label="Business plan 2014-17: compromised parenting",
        status="completed",
        rag="green",
        due=-30,
        created=-200,
        completed=-35,
        updates=(
            UpdateSpec(-100, "Referral pathways agreed by the task and finish group.", "business-unit"),
            UpdateSpec(-35, "Strategy and toolkit published on the Board's website; briefings held.", "business-unit"),
        ),
    ),
    ActionSpec(
        title="Publish a learning briefing from the serious case review",
        description="Summarise the review's findings for practitioners and send it to every partner agency.",
        owner_agency="shropshire-csc",
        owner_name="Learning and improvement officer",
        source_label="Serious case review 2014-15",
        status="completed",
        rag="green",
        due=-60,
        created=-180,
        completed=-64,
        updates=(UpdateSpec(-64, "Briefing published and circulated to partner agencies.", "business-unit"),),
    ),
    ActionSpec(
        title="Visit every privately fostered child within seven days of notification",
        description=(
            "Allocate private fostering notifications on the day they arrive, so that the first visit happens "
            "within the seven days the regulations require."
        ),
        owner_agency="shropshire-csc",
        owner_name="Team manager, fostering",
        source_label="Private fostering annual report",
        status="open",
        rag="amber",
        due=60,
        created=-15,
    ),
    ActionSpec(
        title="Move the child sexual exploitation panel's case work to operational services",
        description="Agree where the panel's case work will sit and how the Board will keep oversight of themes.",
        owner_agency="police",
        owner_name="Detective inspector, protecting vulnerable people",
        source_label="Business plan 2014-17: missing children and child sexual exploitation",
        status="in_progress",
        rag="green",
        due=90,
        created=-50,
        updates=(UpdateSpec(-25, "Options paper agreed by the panel; to the Executive Group next.", "business-unit"),),
    ),
)
