"""The demo's catalogue of Shropshire's multi-agency training: about a dozen courses at the
library's levels, with learning outcomes, three compromised-parenting courses linked to that
priority of the business plan, an e-learning module and the board's conferences."""

from dataclasses import dataclass

from ..models import Course


@dataclass(frozen=True)
class CourseSpec:
    key: str
    title: str
    level: str
    outcomes: tuple[str, ...]
    delivery: str = Course.Delivery.CLASSROOM
    compromised_parenting: bool = False
    needs_approval: bool = False
    summary: str = ""


COURSES = (
    CourseSpec(
        "working-together",
        "Working together to safeguard children",
        "multi-agency",
        (
            "Recognise the signs of abuse and neglect",
            "Use the local threshold document to decide how to refer",
            "Describe each agency's part in a child protection plan",
        ),
        summary="The board's core course: how agencies work together when a child may be at risk of harm.",
    ),
    CourseSpec(
        "neglect",
        "Neglect: recognising and responding early",
        "multi-agency",
        (
            "Recognise the cumulative harm of neglect",
            "Use a graded care profile with a family",
            "Escalate when help is not making a difference",
        ),
    ),
    CourseSpec(
        "early-help",
        "Early help assessment and the team around the family",
        "multi-agency",
        ("Start an early help assessment", "Lead a team around the family meeting", "Step a case up or down"),
    ),
    CourseSpec(
        "conferences",
        "Child protection conferences and core groups",
        "multi-agency",
        ("Write a report for a conference", "Share a report with parents beforehand", "Contribute to a core group"),
    ),
    CourseSpec(
        "cse",
        "Child sexual exploitation: spotting it and acting on it",
        "specialist",
        (
            "Recognise the warning signs of sexual exploitation",
            "Use the exploitation screening tool",
            "Refer to the multi-agency panel",
        ),
    ),
    CourseSpec(
        "disabled-children",
        "Safeguarding disabled children",
        "specialist",
        ("Recognise why disabled children are more at risk", "Communicate with a child who does not speak"),
    ),
    CourseSpec(
        "cp-domestic-abuse",
        "Compromised parenting: domestic abuse and its effect on children",
        "specialist",
        (
            "Describe the effect of domestic abuse on a child's development",
            "Ask safely about domestic abuse",
            "Use the risk assessment checklist",
        ),
        compromised_parenting=True,
    ),
    CourseSpec(
        "cp-substance",
        "Compromised parenting: parents who misuse drugs or alcohol",
        "specialist",
        ("Recognise when parental substance misuse harms a child", "Work with adult treatment services"),
        compromised_parenting=True,
    ),
    CourseSpec(
        "cp-mental-health",
        "Compromised parenting: parental mental ill health",
        "specialist",
        (
            "Recognise when a parent's mental ill health affects a child",
            "Think family across adult and children's services",
        ),
        compromised_parenting=True,
    ),
    CourseSpec(
        "designated-leads",
        "Designated safeguarding leads in education and early years",
        "designated-lead",
        ("Keep safeguarding records that stand up", "Lead the setting's safeguarding training"),
        needs_approval=True,
    ),
    CourseSpec(
        "elearning",
        "Introduction to safeguarding children (e-learning)",
        "foundation",
        ("Know what to do if a child tells you they are being harmed", "Know who to contact in Shropshire"),
        delivery=Course.Delivery.ELEARNING,
        summary="Forty-five minutes online, for anyone who works or volunteers with children.",
    ),
    CourseSpec(
        "conference-e-safety",
        "Keeping children safe online: the board's conference",
        "specialist",
        ("Understand the risks children meet online",),
        delivery=Course.Delivery.CONFERENCE,
    ),
    CourseSpec(
        "conference-cp",
        "Compromised parenting: the board's conference",
        "specialist",
        ("Understand how parental difficulties combine to harm children",),
        delivery=Course.Delivery.CONFERENCE,
        compromised_parenting=True,
    ),
)

# The courses sessions rotate through each year (the compromised-parenting courses in 2014-15 only).
ROTATION = ("working-together", "neglect", "early-help", "conferences", "cse", "disabled-children", "designated-leads")
COMPROMISED_PARENTING = ("cp-domestic-abuse", "cp-substance", "cp-mental-health")
