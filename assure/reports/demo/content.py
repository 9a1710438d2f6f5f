"""The demo's narratives for Shropshire's 2014-15 annual report, its March 2015 board pack and the
pack for the board's next meeting.

Written for the demo: they follow the themes of the published report but none of its sentences,
and name no one. Every figure a narrative needs is in a data block beside it, computed from the
data, so the narratives hold few figures of their own."""

YEAR = "2014-15"
BOARD_PACK_MEETING = "2015-03-19"
# The agency whose section its own agency lead is asked to write (the demo's Shropshire lead).
CONTRIBUTING_AGENCY = "shropshire-community-health"
# When the 2014-15 report's sections were asked for and accepted, and when it was published:
# after the board's development session of September 2015 that wrote its conclusion.
CONTRIBUTION_DUE = "2015-07-31"
ACCEPTED_ON = "2015-10-01"
PUBLISHED_ON = "2015-10-15"

# The current year's draft annual report: the agency sections asked of agency leads (agency key
# → days from the day the demo is loaded to the due date; a negative one is overdue).
CURRENT_REQUESTS = {"shropshire-community-health": 10, "police": -4}

# Section key → narrative, for the sections written once.
SECTIONS = {
    "foreword": (
        "This report looks back on a year in which the board kept its three priorities and asked harder "
        "questions of itself as well as of its partners.\n\n"
        "Early help now reaches many more families than it did a year ago, and schools have become some of "
        "the board's most active partners. Every partner has had less money and more demand; none has stepped "
        "back from the board's work.\n\n"
        "The figures in this report are drawn straight from the returns partners make to the board, so each "
        "one can be traced to its source. Where they show that we have further to go, the report says so.\n\n"
        "My thanks go to the children and young people who told us what matters to them, and to the staff and "
        "volunteers who keep them safe.\n\n"
        "*Independent chair, Shropshire Safeguarding Children Board*"
    ),
    "introduction": (
        "This is the annual report of the Shropshire Safeguarding Children Board for April 2014 to March 2015. "
        "It sets out how well children in Shropshire were safeguarded during the year, what the board did, "
        "what difference it made, and what it will concentrate on in 2015-16.\n\n"
        "The board is the statutory body, set up under the Children Act 2004 and independently chaired, "
        "through which the council, the police, health services, schools, probation and the voluntary sector "
        "co-ordinate their work to safeguard children and check that it is effective.\n\n"
        "The report goes to the council's chief executive and leader, the police and crime commissioner, the "
        "chair of the health and wellbeing board and the children's trust, and is published on the board's "
        "website. Questions about it are welcome: write to the board's business unit."
    ),
    "context": (
        "Shropshire is a large, rural county with a small number of market towns. Most children do well, "
        "but deprivation is concentrated in a few neighbourhoods where the need for help is much higher.\n\n"
        "Partners are redesigning services with less money. The board's response has been to back early help, "
        "so that families get support before their difficulties grow."
    ),
    "childs-journey": (
        "The figures below follow children from early help to care. More families were assessed for early "
        "help, and referrals to children's social care continued to rise. The rate of section 47 enquiries "
        "went up, as did the number of looked-after children; the board has asked children's social care to "
        "explain both, and the explanation is in the local arrangements section of this report."
    ),
    "the-board": (
        "The board holds its partners to account by challenging their performance and saying clearly where "
        "improvement is needed. It does much of its work through subgroups, supported by a small business unit "
        "hosted by the council."
    ),
    "membership": (
        "Each agency on the board sends a senior representative who can speak for it and commit it. Attendance "
        "is reported to every meeting; the chair writes to any agency whose attendance falls away."
    ),
    "budget": (
        "Partners' contributions met the board's costs for the year. Most of the budget pays for the business "
        "unit and the independent chair; the rest funds training, case reviews and the child death overview "
        "panel shared with Telford & Wrekin."
    ),
    "section11": (
        "Every agency on the board assessed itself against its Section 11 duties, and schools and early years "
        "settings completed their own safeguarding audits. The quality assurance subgroup moderated the returns "
        "and challenged ratings it could not see evidence for.\n\n"
        "Schools are almost fully compliant; early years settings are not, and the council has given children's "
        "centre workers the task of supporting them through the coming year."
    ),
    "training": (
        "The board ran more multi-agency courses this year and trained more delegates than last year. Courses "
        "follow the board's priorities and the learning from reviews; delegates are asked three months later "
        "what they have changed in their practice."
    ),
    "governance": (
        "The board keeps a challenge log of every challenge its members put to an agency, the agency's "
        "response, whether the board was satisfied and what difference it made. Much of the year's challenge "
        "was to health about GPs' part in child protection conferences, which the conference audit found "
        "wanting; one challenge went to the clinical commissioning group's chief officer before it was resolved.\n\n"
        "Challenges still open at the year's end are carried into 2015-16 and reported to every board meeting."
    ),
    "case-reviews": (
        "The Learning and Improvement sub-group carries the functions of a serious case review panel. "
        "Practitioners refer cases to it on the case consideration form; it considers each one at its next "
        "meeting and recommends to the independent chair whether a serious case review, another kind of "
        "learning review or an audit is needed, and the chair decides.\n\n"
        "This year the board contributed to a serious case review led by a neighbouring board, about a young "
        "person placed in the county by another authority. Its findings about placements made from elsewhere, "
        "allegations that were not followed up and a long wait for mental health help have become the board's "
        "own action plan. The sub-group also commissioned three multi-agency audits of single cases, one "
        "followed by a learning event for the practitioners involved, and a learning review of the child sexual "
        "exploitation strategy and panel using the SCIE systems method, in which practitioners told the "
        "reviewers how the work looked to them at the time.\n\n"
        "The sub-group monitors every action plan at each meeting. What the reviews taught is shared through "
        "learning briefings published on the board's website and through the multi-agency training programme."
    ),
    "child-death-reviews": (
        "The Child Death Overview Panel is held jointly with Telford and Wrekin. It reviews the death of every "
        "child normally resident in either area, to learn whether anything could have been done differently and "
        "what might prevent other deaths, and it tells both boards what it found. The rapid response to an "
        "unexpected death follows the West Mercia protocol, which the panel helped to bring up to date this year "
        "with the neighbouring panels.\n\n"
        "The panel's recommendations this year were about reducing smoking in pregnancy, safer sleeping, road "
        "safety and young drivers, and the use of antibiotics in the community. It also exchanged anonymised "
        "cases with another panel to check that both score cases consistently. Small numbers are hidden below "
        "so that no child or family can be recognised."
    ),
    "allegations": (
        "Whenever anyone who works with children, paid or unpaid, may have harmed a child, committed an offence "
        "against one or shown themselves unsuitable to work with children, the employer talks to the local "
        "authority designated officer, whatever the concern was first called. The designated officer advises the "
        "employer, brings in the police and other agencies where they are needed, and follows each case until it "
        "is resolved, as quickly as a fair and thorough process allows. This sits alongside safer recruitment and "
        "safer working practice.\n\n"
        "Referrals rose sharply: the first half of the year alone brought more than the whole of the year before, "
        "and twice as many joint evaluation meetings were held. Employers in private care now know the route, "
        "recording has improved and a dedicated designated officer is easier to reach. More cases went to the "
        "police, and more employers suspended a member of staff while the allegation was looked into.\n\n"
        "Next year the designated officer will keep raising awareness in schools and with private providers, so "
        "that a change of staff does not stop referrals; find out why so few referrals come from health and faith "
        "organisations; and record the organisation each person works for, so that the figures can say more. "
        "Small numbers are hidden below so that no one can be recognised."
    ),
    "board-effectiveness": (
        "The board's business plan for 2014-17 sets three priorities: compromised parenting, children who go "
        "missing (with child sexual exploitation and trafficking), and communication. The scorecard below "
        "follows them, with the practice of child protection itself as a fourth heading."
    ),
    "local-arrangements": (
        "The board judges local arrangements from what children and young people tell it, from inspections, "
        "from the scorecard and from its own audits. Each agency on the board reports on its year below, "
        "followed by the themes the board looked at closely."
    ),
    "conference-quality": (
        "The conference audit shows that more conferences had every key agency present or reporting, and that "
        "parents were more often told the service's view when they had not seen the report in time. Fewer "
        "children attended their own conference, and GPs remain the agency most often missing: both are "
        "actions for 2015-16."
    ),
    "multi-agency-auditing": (
        "When the number of children on a second child protection plan within two years rose quickly, the board "
        "commissioned a multi-agency audit to understand why, looking in particular at compromised parenting. "
        "It found some good analysis of risk, but little evidence of the child's voice being heard directly at "
        "conferences, second plans that repeated the first, and core groups that did not monitor the plan closely "
        "enough. Plans are to be sharper and SMARTer, and decisions to end a plan better recorded.\n\n"
        "The termly audits of the programme and the actions raised from their findings are reported to the "
        "Learning and Improvement sub-group."
    ),
    "child-protection": (
        "More enquiries under section 47 were started than the year before. Many strategy discussions were about "
        "children already open to the new case management teams, which reviewed the cases they took on and found "
        "some met the threshold for an enquiry. The board has asked for an audit of enquiries that do not lead to a "
        "conference, to check that the threshold is applied consistently."
    ),
    "front-door": (
        "The council brought its early help hub and its initial contact team together into one front door. "
        "Recording changed at the same time, which explains much of the movement in re-referrals: the board "
        "has asked for outcomes of referrals to be reported differently from 2015-16."
    ),
    "looked-after-children": (
        "The number of looked-after children rose over the year and then steadied. Support on the edge of care, "
        "including short breaks and family group conferences, is helping more children stay safely at home."
    ),
    "private-fostering": (
        "Fewer private fostering arrangements were notified to the council than the year before. Every visit due "
        "to a continuing arrangement was made on time, but no child in a new arrangement was visited within seven "
        "days, largely because of delay in allocating a social worker. The board does not accept this and expects "
        "to see it put right in 2015-16, together with feedback from the children themselves."
    ),
    "mental-health": (
        "Far fewer children are now held in a police cell under section 136: the health-based place of safety "
        "has replaced it. The board will keep asking how quickly children are seen by mental health services "
        "afterwards."
    ),
    "police": (
        "More offences against children were reported and recorded. The police see this partly as greater "
        "confidence in reporting; the board will follow the figure through 2015-16."
    ),
    "early-help": (
        "Early help assessments rose sharply as the early help strategy took hold across schools, health and "
        "the council's own services. The service's figures for April to December follow. Its audits found "
        "the voice of the child captured more consistently, and good plans where an early help social worker or "
        "mental health worker had been consulted. The panel was judged slightly less effective, mostly because "
        "referrers expected another service always to be allocated."
    ),
    "conclusion": (
        "The board asked itself five questions about the year. Under each, the figures Assure holds are "
        "summarised first; the board's own answer follows from its development session."
    ),
    "challenges": (
        "- To the children's trust: keep early help at the centre of the children's plan.\n"
        "- To the health and wellbeing board: make children's mental health a shared priority.\n"
        "- To the board itself: hear children's own views more directly, and report on impact, not activity."
    ),
    "appendices": (
        "The board's constitution, its membership and budget, the business plan 2014-17, the multi-agency "
        "training report and a glossary are published on the board's website."
    ),
}

# Priority title → the report's short introduction to the priority's section; the year's review
# and its evidence are the business plan's (assure/plans/demo.py), which the section's blocks show.
PRIORITY_INTROS = {
    "Compromised parenting": "The board kept this priority for a third year: the harm it names is still the "
    "commonest thread in the lives of children on plans.",
    "Children who go missing, child sexual exploitation and trafficking": "The year brought a new definition of "
    "missing and a sharper focus on children placed in the county's children's homes.",
    "Communication": "The board's duty to tell the area how to keep children safe, and to hear back from it.",
    "High quality safeguarding practice": "How the board checks the quality of practice along the child's journey.",
}

# The community health trust's section, written by its own agency lead; every other agency's
# section is in agencies.py.
CONTRIBUTION = (
    "## Our year\n\n"
    "A nurse specialist for safeguarding children joined the trust in November 2014 to support the named nurse, "
    "and more of our community staff were trained at the level their roles need.\n\n"
    "## Sharing information\n\n"
    "The county is piloting the national child protection information sharing project, which tells our "
    "unscheduled care staff when a child they see is on a plan or looked after, and lets the council know the "
    "child was seen.\n\n"
    "## What our audits found\n\n"
    "- Health visitors recorded the voice of the child more consistently.\n"
    "- Information sharing with school nurses about children on plans needs to be quicker.\n\n"
    "## Next year\n\n"
    "Health visiting moves to the council's commissioning from October 2015: we will keep the service steady for "
    "families through the change, and give the board evidence from our contracts of how we commission safely."
)

NEXT_BOARD_PACK = {
    "agenda": (
        "1. Welcome, apologies and declarations of interest\n"
        "2. Minutes of the last meeting and matters arising\n"
        "3. The scorecard and the exception report, with the owning agencies' commentary *(for discussion)*\n"
        "4. Section 11 returns still outstanding *(for decision: escalation to the agencies' chief officers)*\n"
        "5. Data returns for the year so far *(for information)*\n"
        "6. The draft annual report: sections still to come from agencies *(for information)*\n"
        "7. Actions overdue *(for discussion)*\n"
        "8. Any other business"
    ),
}

BOARD_PACK = {
    "agenda": (
        "1. Welcome, apologies and declarations of interest\n"
        "2. Minutes of the last meeting and matters arising\n"
        "3. The scorecard and the exception report *(for discussion)*\n"
        "4. Section 11 returns for 2015 *(for information)*\n"
        "5. Strategy for children living with domestic abuse *(for decision)*\n"
        "6. Priorities for 2015-16 *(for decision)*\n"
        "7. Any other business"
    ),
}
