"""Shropshire's subgroups, as its 2014-15 annual report describes them (sections 3.6-3.8,
3.10, 3.17, 3.21 and 3.28). The terms of reference are written for the demo, not quoted."""

import datetime as dt
from dataclasses import dataclass

from .region import SHROPSHIRE


@dataclass(frozen=True)
class SubgroupSpec:
    name: str
    purpose: str
    terms_of_reference: str
    chair: str
    agencies: tuple[str, ...]
    meetings: tuple[dt.date, ...]


def _dates(*isodates: str) -> tuple[dt.date, ...]:
    return tuple(dt.date.fromisoformat(d) for d in isodates)


SUBGROUP_PARTNERSHIP = SHROPSHIRE
TERMS_REVIEWED_ON = dt.date(2014, 6, 1)

SUBGROUPS = (
    SubgroupSpec(
        name="Executive Group",
        purpose="Steers the Board's business plan between Board meetings and co-ordinates the subgroups.",
        terms_of_reference=(
            "The Executive Group keeps the Board's business plan on track between Board meetings. It agrees "
            "each Board agenda, receives a short report from every subgroup chair, and escalates to the Board "
            "any risk, slippage or disagreement it cannot resolve. It oversees the budget and the business "
            "unit's work programme, and it decides which matters need a task and finish group."
        ),
        chair="Independent chair of the Board",
        agencies=("shropshire-csc", "police", "shropshire-ccg", "shropshire-education", "shropshire-public-health"),
        meetings=_dates("2014-04-17", "2014-06-19", "2014-08-21", "2014-10-16", "2014-12-18", "2015-02-19"),
    ),
    SubgroupSpec(
        name="Quality Assurance and Performance",
        purpose="Holds partners to account through the scorecard, the exception report, audits and Section 11.",
        terms_of_reference=(
            "The subgroup maintains the partnership's scorecard and prepares the exception report for each Board "
            "meeting. It runs the programme of multi-agency case file audits, three tiers deep: oversight, "
            "practice and compliance. It moderates agencies' Section 11 self-assessments and schools' section 175 "
            "returns, and it asks partners for evidence when their figures or returns raise a question."
        ),
        chair="Head of quality assurance, Shropshire Council",
        agencies=(
            "shropshire-csc",
            "shropshire-early-help",
            "police",
            "shropshire-ccg",
            "shropshire-community-health",
            "sath",
            "sssft",
            "shropshire-education",
            "probation",
        ),
        meetings=_dates("2014-05-08", "2014-08-07", "2014-11-06", "2015-02-05"),
    ),
    SubgroupSpec(
        name="Learning and Improvement",
        purpose="Decides on case reviews, including serious case reviews, and turns their learning into practice.",
        terms_of_reference=(
            "The subgroup carries the functions of a serious case review panel. It considers every case referred "
            "on a case consideration form and recommends to the independent chair whether a serious case review, "
            "another kind of learning review or a themed audit is needed. It commissions and oversees reviews, "
            "monitors the action plans that follow them, and publishes learning briefings for practitioners. It "
            "works closely with the child death overview panel."
        ),
        chair="Designated nurse for safeguarding children, Shropshire Clinical Commissioning Group",
        agencies=(
            "shropshire-csc",
            "police",
            "shropshire-ccg",
            "shropshire-community-health",
            "sath",
            "sssft",
            "shropshire-education",
            "probation",
            "yos",
        ),
        meetings=_dates("2014-05-22", "2014-08-28", "2014-11-27", "2015-02-26"),
    ),
    SubgroupSpec(
        name="Multi-agency Training",
        purpose="Plans, delivers and evaluates the Board's multi-agency training programme.",
        terms_of_reference=(
            "The subgroup sets the annual multi-agency training programme from what reviews, audits and the "
            "Board's priorities show practitioners need. It quality assures trainers and courses, follows up "
            "delegates three months after each course to see what changed in their practice, and collects "
            "partners' single-agency training figures. It reports take-up and under-representation to the Board."
        ),
        chair="Workforce development manager, Shropshire Council",
        agencies=(
            "shropshire-csc",
            "shropshire-early-help",
            "police",
            "shropshire-community-health",
            "sath",
            "shropshire-primary-schools",
            "shropshire-early-years",
            "shropshire-voluntary",
        ),
        meetings=_dates("2014-06-05", "2014-09-04", "2014-12-04", "2015-03-05"),
    ),
    SubgroupSpec(
        name="Communications",
        purpose="Runs the Board's website, campaigns and engagement with the public, practitioners and young people.",
        terms_of_reference=(
            "The subgroup keeps the communications strategy up to date and plans time-limited campaigns with "
            "partners. It looks after the Board's website, measures each campaign's reach when it ends and reports "
            "it to the Board, and makes sure children, young people and parents are heard in what the Board "
            "publishes."
        ),
        chair="Lay member of the Board",
        agencies=(
            "shropshire-csc",
            "shropshire-public-health",
            "police",
            "shropshire-secondary-schools",
            "shropshire-voluntary",
            "shropshire-lay-members",
        ),
        meetings=_dates("2014-06-12", "2014-09-11", "2014-12-11", "2015-03-12"),
    ),
    SubgroupSpec(
        name="Child Death Overview Panel",
        purpose="Reviews the death of every child in Shropshire and Telford & Wrekin; held jointly by the two boards.",
        terms_of_reference=(
            "The panel is held jointly with Telford & Wrekin Safeguarding Children Board and reviews the death of "
            "every child normally resident in either area. It collects the minimum data set for each death, decides "
            "whether there were modifiable factors, and reports patterns and public health lessons to both boards. "
            "It tells the chair of the relevant board at once about any death that may need a serious case review, "
            "and it oversees the rapid response to unexpected deaths."
        ),
        chair="Consultant in public health, Shropshire Council",
        agencies=(
            "shropshire-public-health",
            "telford-public-health",
            "shropshire-ccg",
            "telford-ccg",
            "shropshire-csc",
            "telford-csc",
            "police",
            "sath",
            "shropshire-community-health",
            "ambulance",
        ),
        meetings=_dates("2014-04-29", "2014-07-15", "2014-09-30", "2014-12-09", "2015-03-10"),
    ),
    SubgroupSpec(
        name="Child Sexual Exploitation and Missing Children Panel",
        purpose="Shares information and plans for children who go missing or are at risk of sexual exploitation.",
        terms_of_reference=(
            "The panel considers each child referred to it as at risk of sexual exploitation or repeatedly missing, "
            "agrees a multi-agency plan, and reviews it until the risk has reduced. It maps locations and people of "
            "concern with the police, tracks return interviews after missing episodes, and reports themes to the "
            "Board. Its case work is due to pass to operational services in 2015-16."
        ),
        chair="Detective inspector, West Mercia Police",
        agencies=(
            "police",
            "shropshire-csc",
            "shropshire-early-help",
            "shropshire-education",
            "shropshire-community-health",
            "sssft",
            "yos",
            "shropshire-voluntary",
        ),
        meetings=_dates("2014-05-13", "2014-08-12", "2014-11-11", "2015-02-10"),
    ),
    SubgroupSpec(
        name="Schools Safeguarding Group",
        purpose="Links the Board with schools, colleges and early years settings of every phase.",
        terms_of_reference=(
            "The group brings together head teachers, designated safeguarding leads and the council's education "
            "services. It oversees schools' and early years settings' annual safeguarding audits, shares learning "
            "from reviews with schools, and raises with the Board what schools see, such as access to child and "
            "adolescent mental health services. Two members represent the independent schools."
        ),
        chair="Safeguarding lead for education, Shropshire Council",
        agencies=(
            "shropshire-education",
            "shropshire-primary-schools",
            "shropshire-secondary-schools",
            "shropshire-colleges",
            "shropshire-early-years",
            "shropshire-csc",
            "police",
            "shropshire-community-health",
        ),
        meetings=_dates("2014-06-26", "2014-10-02", "2015-01-15", "2015-03-26"),
    ),
    SubgroupSpec(
        name="Disabled Children Task and Finish Group",
        purpose="A task and finish group on safeguarding disabled children, reporting to the Board in 2015.",
        terms_of_reference=(
            "The group collects baseline figures on disabled children in Shropshire, raises professionals' "
            "awareness of disabled children's extra vulnerability to abuse, and checks local services against "
            "national practice guidance on safeguarding disabled children. It makes recommendations to the Board "
            "and then closes."
        ),
        chair="Lay member of the Board",
        agencies=(
            "shropshire-csc",
            "shropshire-early-help",
            "shropshire-community-health",
            "shropshire-education",
            "shropshire-voluntary",
            "shropshire-lay-members",
        ),
        meetings=_dates("2014-09-23", "2014-12-16", "2015-03-17"),
    ),
)
