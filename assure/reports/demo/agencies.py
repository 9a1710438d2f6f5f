"""What each agency on Shropshire's board reported for 2014-15, for its section of the annual report.

Written for the demo from what the agencies told the board (the draft annual report's §5), in
words of its own and naming no one. The narratives hold no figures: every figure an agency gave
is a data block beside its narrative, read from the returns the agency made (see
assure/performance/demo/shropshire.py), so the published report states what the data hold."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Row:
    indicator: str
    label: str
    subject: str = ""  # how a sentence names it, where it differs from the label


@dataclass(frozen=True)
class Table:
    """An indicator-table block: the agency's figures for the year and the year before."""

    title: str
    first_column: str
    rows: tuple[Row, ...]
    years: int = 2

    def params(self) -> dict:
        return {
            "caption": self.title,
            "first_column": self.first_column,
            "years": self.years,
            "chart": "none",
            "rows": [
                {"indicator": r.indicator, "label": r.label, **({"subject": r.subject} if r.subject else {})}
                for r in self.rows
            ],
        }


@dataclass(frozen=True)
class Chart:
    """An indicator-chart block: one indicator's history over more years."""

    title: str
    indicator: str
    years: int = 5

    def params(self) -> dict:
        return {"indicator": self.indicator, "years": self.years}


@dataclass(frozen=True)
class AgencySection:
    body: str
    blocks: tuple[Table | Chart, ...] = field(default_factory=tuple)

    @staticmethod
    def kind_of(block: Table | Chart) -> str:
        return "indicator-table" if isinstance(block, Table) else "indicator-chart"


_MARAC = Table(
    "Domestic abuse cases discussed at MARAC",
    "MARAC",
    (
        Row("marac-cases", "Cases discussed", "Domestic abuse cases discussed at MARAC"),
        Row("marac-repeat-cases", "Of them, repeat cases", "Repeat cases at MARAC"),
        Row("marac-children", "Children in the households concerned", "Children affected by MARAC cases"),
    ),
)

# Agency key (assure.demo.region) → its section. The community health trust's own section is
# written by its agency lead (content.CONTRIBUTION) and is not here.
AGENCY_SECTIONS: dict[str, AgencySection] = {
    "police": AgencySection(
        "## A force working as an alliance\n\n"
        "The police work with their neighbouring force as one alliance whose purpose is protecting people from "
        "harm. This year the alliance moved officers and money to the crimes that do most harm: three teams now "
        "investigate child sexual exploitation and nothing else, one of them for Telford and Shropshire, and the "
        "regional organised crime unit has added analysts and co-ordinators for exploitation that crosses force "
        "boundaries.\n\n"
        "## What inspectors found\n\n"
        "The inspectorate of constabulary looked at how crime is recorded, at forced marriage, honour-based "
        "violence and female genital mutilation, and, in November 2014, at the force's child protection work; the "
        "College of Policing reviewed its response to exploitation at the force's own request. They found much to "
        "praise: how officers treat children as victims, information sharing with partners and the investigation "
        "of complex crimes against children. The force reports its progress on their recommendations to the board, "
        "with a strategic post to drive the improvement plans.\n\n"
        "## Children in custody, at home and in care\n\n"
        "Since the child protection inspection the force counts the children kept in custody overnight after "
        "being charged, and reports them to the board. Every domestic abuse incident is risk-assessed: officers "
        "record the children of the household, whether they saw what happened and whether they were seen safe and "
        "well, and every incident where children are part of the family goes to children's social care. Through "
        "Operation Encompass the child's school hears of it, usually by nine the next morning.\n\n"
        "Many children from other parts of the country live in the county's children's homes, most of them run "
        "by private providers. A small team of officers is working with the homes to make the children less "
        "vulnerable, to avoid criminalising children in care and to reduce calls on the police.\n\n"
        "## What the board should expect\n\n"
        "Progress against the inspections' recommendations, the figures for children held overnight, and the "
        "police joining the multi-agency front door in 2015-16.",
        (
            Table(
                "Children in police custody and in the county's care homes",
                "West Mercia Police",
                (
                    Row(
                        "police-custody-overnight",
                        "Children held in custody overnight after charge",
                        "Children held in custody overnight after charge",
                    ),
                    Row(
                        "police-children-in-care-homes",
                        "Children placed in the county's care homes",
                        "Children placed in the county's care homes",
                    ),
                ),
            ),
        ),
    ),
    "probation": AgencySection(
        "## A service reorganised\n\n"
        "In the summer of 2014 probation was divided nationally. The National Probation Service now supervises the "
        "offenders who pose the highest risk, through a Midlands division that covers West Mercia, and a community "
        "rehabilitation company supervises the rest. A protocol between the two says how cases pass from one to the "
        "other and how each keeps its duty to safeguard children.\n\n"
        "## What inspection found\n\n"
        "A national inspection of safeguarding in probation work found weak management oversight and audit, "
        "little influence on safeguarding boards, checks with children's social care that were not always made, "
        "too few home visits, and risk to children in households with domestic abuse often poorly assessed. The "
        "former local trust was not among those inspected, but the service has accepted that the findings apply to "
        "it and is working through an action plan the board monitors. A later inspection of work with adult "
        "offenders pointed to the same gaps, and to poor attendance at child protection conferences.\n\n"
        "## Checks before sentence\n\n"
        "The service told the board that replies to its checks with children's social care came too late for "
        "reports to court. Since the council's early help hub took the checks over, the replies come far more "
        "quickly, and more children are protected as a result.\n\n"
        "## Managing the most serious offenders\n\n"
        "With the police, the prison service and other agencies the service manages the offenders who pose the "
        "highest risk through the multi-agency public protection arrangements (MAPPA), agreeing where they live, "
        "whom they must avoid and the work they must do. The only count available covers the whole of West Mercia; "
        "the board has asked for Shropshire's own.",
        (
            Table(
                "Offenders eligible for multi-agency public protection arrangements",
                "MAPPA",
                (Row("mappa-eligible-offenders", "MAPPA-eligible offenders, West Mercia at 31 March"),),
            ),
        ),
    ),
    "crc": AgencySection(
        "## A new partner\n\n"
        "The community rehabilitation company was formed when probation was divided in 2014 and has since passed "
        "into private ownership. It supervises the offenders who pose a low or medium risk, many of whom are "
        "parents or live with children.\n\n"
        "## Its part in safeguarding\n\n"
        "The company follows the protocol agreed with the National Probation Service for cases that move between "
        "them, checks with children's social care before it plans work with an offender who has contact with "
        "children, and takes part in MARAC. It will join the county's multi-agency front door in 2015-16.\n\n"
        "## What the board should expect\n\n"
        "Evidence that its staff make and follow up referrals to children's social care, and a report on the "
        "programmes open to perpetrators of domestic abuse who are not ordered by a court to attend one.",
    ),
    "yos": AgencySection(
        "## The service\n\n"
        "The youth offending service supervises children and young people given an out-of-court disposal or a "
        "court order. It serves Telford & Wrekin as well as Shropshire.\n\n"
        "## Inspection\n\n"
        "An inspection of how probation and youth offending teams protect children reported in August 2014, and "
        "the service reported its findings to the board. Managers are to plan and intervene with other agencies, "
        "involve parents and carers, use police intelligence in joint work and show better safeguarding outcomes "
        "for young people who offend. The service's representatives on boards are to make information sharing "
        "consistent, measure the results of joint working and help social care staff understand what youth "
        "offending staff do. The head of service is meeting the children's social care leads of each council in "
        "West Mercia to settle how information is exchanged and plans made together.\n\n"
        "## Children who abuse others\n\n"
        "The police's figures for young people suspected of sexual offences, and what became of their cases, are "
        "below. Most of the offences involved inciting another child to take part in sexual activity. The service "
        "will report to the board in 2015-16 on who these young people are and the context of their offending.",
        (
            Table(
                "Young people suspected of sexual offences",
                "Young people suspected of sexual offences",
                (
                    Row("police-young-sexual-offence-suspects", "Young people suspected"),
                    Row("police-young-sexual-offence-repeat", "Of them, suspected of two offences"),
                    Row("police-young-sexual-offence-charged", "Charged"),
                    Row("police-young-sexual-offence-cautioned", "Cautioned"),
                    Row("police-young-sexual-offence-resolutions", "Given a community resolution"),
                ),
            ),
        ),
    ),
    "cafcass": AgencySection(
        "## Its part\n\n"
        "Cafcass speaks for children in the family courts: in care proceedings, and where parents cannot agree "
        "where a child should live or whom they should see. Before the first hearing of a dispute between parents "
        "its advisers check with the police and the council, and they refer to children's social care any child "
        "they believe is at risk.\n\n"
        "## This year\n\n"
        "Cafcass answered the region's Section 11 audit once for the four boards it serves. It has worked with the "
        "council as the council plans for permanence, so that care proceedings conclude without delay.\n\n"
        "## What the board should expect\n\n"
        "Evidence that its safeguarding checks reach the court in time, and its view of how well the council's "
        "work before proceedings prepares cases.",
    ),
    "shropshire-csc": AgencySection(
        "## What the board watched\n\n"
        "The board followed four things in children's social care this year: what budget reductions did to "
        "safeguarding services, the rate of referrals and re-referrals, how the early help strategy changed demand, "
        "and children made subject to a second child protection plan.\n\n"
        "## The front door\n\n"
        "The early help hub and the initial contact team became one front door in November 2014, and a professional "
        "conversation with the referrer became a recorded outcome of a referral. That change explains most of the "
        "fall in referrals recorded as needing no further action and much of the rise in re-referrals; compared "
        "like for like, fewer referrals ended without an assessment. The board challenged a measure that says "
        "nothing of what happened to the child, and outcomes will be reported differently from 2015-16, when the "
        "police, probation, the community rehabilitation company and health join the front door.\n\n"
        "## Child protection\n\n"
        "The case management teams set up in April 2014 reviewed the children in need they took on, and found that "
        "some met the threshold for an enquiry under section 47. Fewer enquiries led to an initial conference; the "
        "service and the board will audit those that closed. The rate of children on a plan, which had risen faster "
        "than comparators', is now in line with them. Children on a second plan within two years kept increasing "
        "after the board's audit of September 2014, so a second audit is under way.\n\n"
        "## Looked-after children and private fostering\n\n"
        "The number of looked-after children steadied during the year, and fewer were accommodated by voluntary "
        "agreement, as short breaks and family group conferences helped more children stay safely at home. No child "
        "in a new private fostering arrangement was visited within seven days of the council hearing of it; the "
        "board has said this is not acceptable.\n\n"
        "## Allegations against people who work with children\n\n"
        "In the first half of the year the designated officer received more referrals than in the whole of the "
        "year before, and joint evaluation meetings more than doubled, as private providers learnt how to refer and "
        "the council gave the designated officer more time. More cases became police investigations, and more "
        "employers suspended a member of staff while an allegation was looked into. Next year the officer will ask "
        "why so few referrals come from health services and faith groups, and will record each referred person's "
        "employer so the figures can be analysed.",
        (
            Table(
                "Children's social care: the year in figures",
                "Children's social care",
                (
                    Row("csc-referrals", "Referrals received", "Referrals to children's social care"),
                    Row("csc-rereferrals-percent", "Re-referrals within 12 months", "Re-referrals within 12 months"),
                    Row(
                        "csc-cp-plans-rate",
                        "Children on a child protection plan, per 10,000 children",
                        "Children on a child protection plan per 10,000 children",
                    ),
                    Row(
                        "csc-cp-plans-second-2-years",
                        "Children on a second plan within two years, in March",
                        "Children on a second plan within two years",
                    ),
                    Row("csc-lac", "Looked-after children at 31 March", "Looked-after children"),
                    Row(
                        "pf-initial-visits-7-days-percent",
                        "New private fostering arrangements visited within 7 days",
                        "New private fostering arrangements visited within 7 days",
                    ),
                ),
            ),
        ),
    ),
    "shropshire-early-help": AgencySection(
        "## Reach\n\n"
        "Early help now reaches many more children and families than a year ago, through schools, health services, "
        "the voluntary sector and the council's own teams. The service counted its first nine months for this "
        "report; those counts are in the early help section, and the children with a plan near the year's end "
        "are below.\n\n"
        "## What its audits found\n\n"
        "Audits of how well early help works, of how families step into it and of the quality of its assessment "
        "tools found the child's voice recorded more consistently with the new wellbeing tool, though the needs "
        "behind its scores were not always analysed. Assessments made with advice from an early help social worker "
        "or a primary mental health worker were good and led to good plans. Agencies mostly worked well together, "
        "though not in every case, and the threshold for early help was well understood.\n\n"
        "## The panel and what changed for families\n\n"
        "Those who use the early help and resource panel judged it a little less effective than in 2013, mostly "
        "because referrers expected another service always to be allocated when the panel questioned the need. A "
        "survey of practitioners in December 2014 found them more confident than the review of 2012 did. The "
        "wellbeing tools show children feeling more accepted, valued and responsible, parents healthier and more "
        "valued, and most families' relationships improving.\n\n"
        "## Next year\n\n"
        "Commission a wider early help portfolio with the community and voluntary sector; use the troubled families "
        "programme's data to shape services; and ask families for their views online, on prepaid postcards, by a "
        "follow-up call some months later and at an event for children.",
        (
            Table(
                "Early help plans, the panel and families",
                "Early help",
                (
                    Row("eh-plans", "Children with a targeted early help plan"),
                    Row(
                        "eh-panel-effective-percent",
                        "Early help and resource panel judged effective",
                        "The early help and resource panel judged effective",
                    ),
                    Row("eh-families-improved-percent", "Families whose relationships improved"),
                ),
            ),
        ),
    ),
    "shropshire-education": AgencySection(
        "## Watching over every school and setting\n\n"
        "The council's education improvement service and the schools safeguarding group check every maintained "
        "school, academy, free school, early years setting and childcare provider each year, follow up the support "
        "they target at any that fall short every quarter, and read every Ofsted report. From September 2015 they "
        "will report through a quality assurance framework to the learning and skills safeguarding group.\n\n"
        "## Inspections\n\n"
        "No school Ofsted inspected this year was inadequate for behaviour and safety. Those that required "
        "improvement did so for pupils' behaviour in lessons; none raised a safeguarding concern. In every report "
        "pupils said they felt safe and knew how to raise a worry, and nearly every parent who answered agreed.\n\n"
        "## Children missing education\n\n"
        "The register of children missing education is longer than a year ago. Some cases are only a matter of "
        "tracking a move between schools; others are children at real risk, and finding and placing them comes "
        "first. Children of Gypsy, Roma and Traveller families, Shropshire's largest minority group, are more "
        "likely than others to miss school or be educated at home.\n\n"
        "## Reduced timetables and home education\n\n"
        "Since January 2014 schools must tell the council of every pupil on a reduced timetable, keep every child "
        "on roll unless the parents choose to educate at home, and avoid informal exclusions. Most families who "
        "educate at home work well with the council, which always talks with the young person; a few refuse to "
        "engage. Where education at home is unsatisfactory the council tries to bring the child back into school "
        "and asks the courts for school attendance orders. An engagement officer appointed in September 2014 is "
        "helping.\n\n"
        "## Independent schools\n\n"
        "Independent schools formed their own safeguarding group in March 2014, which sends two members to the "
        "schools safeguarding group, and far more of them now attend the council's child protection training; "
        "some also train in house.\n\n"
        "## What the board should expect\n\n"
        "The board will seek assurance in 2015-16 that children outside mainstream education are safe.",
        (
            Table(
                "Children missing education",
                "Children missing education",
                (
                    Row("edu-cme", "Children on the register"),
                    Row("edu-cme-other-areas", "Of them, not Shropshire children"),
                    Row("edu-cme-closed", "Cases closed during the year"),
                    Row("edu-cme-cp-concerns", "Cases with child protection concerns"),
                    Row("edu-cme-grt", "Gypsy, Roma and Traveller children"),
                ),
            ),
            Table(
                "Elective home education and reduced timetables",
                "Outside full-time school",
                (
                    Row("edu-ehe-registered", "Children on the elective home education register"),
                    Row("edu-ehe-not-engaging-families", "Home-educating families who do not engage"),
                    Row("edu-ehe-not-engaging", "Their children"),
                    Row("edu-ehe-unsatisfactory", "Children whose home education is unsatisfactory"),
                    Row("edu-school-attendance-orders", "School attendance orders before the courts"),
                    Row("edu-part-time-timetables", "Pupils on a reduced timetable"),
                    Row("edu-part-time-timetables-primary", "Of them, primary-aged"),
                ),
            ),
            Table(
                "Schools inspected, training and attendance",
                "Schools",
                (
                    Row("edu-schools-inspected", "Schools inspected by Ofsted"),
                    Row("edu-schools-behaviour-safety-ri", "Of them, requiring improvement in behaviour and safety"),
                    Row("edu-parents-child-safe-percent", "Parents replying who agreed their child is safe at school"),
                    Row("edu-schools-training-compliant-percent", "Schools meeting the training requirements"),
                    Row("edu-attendance-percent", "Attendance, primary and secondary schools"),
                    Row("edu-independent-schools-trained", "Independent schools attending child protection training"),
                ),
            ),
            Chart(
                "Independent schools attending child protection training",
                "edu-independent-schools-training-percent",
                10,
            ),
        ),
    ),
    "shropshire-public-health": AgencySection(
        "## Health and wellbeing\n\n"
        "The health and wellbeing board, hosted by the council, brings the NHS, public health, adult social care "
        "and children's services together with councillors and Healthwatch to plan for the county's needs and "
        "narrow its inequalities in health, early help for families among them. Improving mental health is one of "
        "its priorities.\n\n"
        "## Commissioning for children\n\n"
        "Public health now commissions the school health service, and health visiting is to follow from October "
        "2015 after negotiation with NHS England. The transfer is going to plan, and the family nurse partnership "
        "set up in the county has proved its worth. The board will hear how the new arrangements work in "
        "2015-16.\n\n"
        "## Child deaths\n\n"
        "Public health hosts the child death overview panel that Shropshire shares with Telford & Wrekin; its "
        "meetings and the deaths it reviewed are below. As in earlier years, and as across England, most of the "
        "children who died were babies in their first four weeks, most of whom never left hospital, and deaths "
        "become fewer as children grow older.",
        (
            Table(
                "The child death overview panel",
                "Child death overview panel",
                (
                    Row("cdop-meetings", "Meetings of the panel"),
                    Row("cdop-reviews", "Child deaths reviewed"),
                ),
            ),
        ),
    ),
    "shropshire-ccg": AgencySection(
        "## What the group commissions\n\n"
        "The clinical commissioning group, whose members are the county's GP practices, commissions community "
        "health services for children, specialist mental health services, services for people with learning "
        "disabilities and hospital care. From 2015-16 NHS England has delegated to it the commissioning of GP "
        "services as well.\n\n"
        "## GPs and child protection\n\n"
        "GPs remain the professionals most often missing from child protection conferences: the table shows the "
        "conferences where professionals were not adequately represented and the share of those absences that "
        "were GPs'. The group has agreed a report template for GPs with the local medical committee and follows "
        "their contribution month by month.\n\n"
        "## Children's mental health\n\n"
        "Schools told the board that children wait too long for CAMHS, that thresholds are too high, and that they "
        "are left to do work they cannot do safely. The group reviewed CAMHS from end to end with children, "
        "families and professionals. A multi-agency transformation plan now aims at joined-up commissioning across "
        "all four tiers and on into adult services for young adults, quicker access, better transitions, therapies "
        "with evidence behind them and parity of esteem between mental and physical health; the children's trust "
        "oversees it for the health and wellbeing board.\n\n"
        "## What the board should expect\n\n"
        "Better access to CAMHS and evidence of its impact, health care for children placed in the county by other "
        "authorities, and every part of the health system sharing information and taking part in child protection.",
        (
            Table(
                "GP practices and their part in child protection conferences",
                "GPs and conferences",
                (
                    Row("ccg-gp-practices", "GP practices in the group"),
                    Row("cpc-agencies-absent", "Conferences where professionals were not adequately represented"),
                    Row("cpc-gp-absence-percent", "Share of the absences that were GPs'"),
                ),
            ),
        ),
    ),
    "sath": AgencySection(
        "## Inspection\n\n"
        "The Care Quality Commission judged the trust's safeguarding procedures and policies outstanding. Its "
        "inspectors noted that every department where children are seen has a link to the safeguarding team, and "
        "that safeguarding information is shared well.\n\n"
        "## Working with others on site\n\n"
        "An independent domestic violence adviser works in the hospital, and a health visitor co-ordinator links "
        "the emergency department and the children's ward with the health visiting and school nursing services.\n\n"
        "## What the board should expect\n\n"
        "The trust's part in the national child protection information sharing project, and its contribution to "
        "child protection conferences for the children it treats.",
    ),
    "sssft": AgencySection(
        "## Section 136\n\n"
        "Far fewer children are now held in a police cell under section 136 of the Mental Health Act, since the "
        "health-based place of safety opened. The total detained is the highest yet, and the board will keep "
        "asking why. Almost every child held was followed up by CAMHS, and most were taken to the place of safety "
        "by ambulance with the police in attendance, as they should be; that share covers Telford & Wrekin as "
        "well.\n\n"
        "## Crisis care\n\n"
        "With the other health and care organisations of the county the trust signed up to the mental health "
        "crisis care concordat. A joint plan for children's and adults' crisis care has been sent in, and a group "
        "meets regularly to check that it is followed.\n\n"
        "## What the board should expect\n\n"
        "Quicker access to mental health services for children after a crisis, and health care for looked-after "
        "children placed in the county from elsewhere.",
        (
            Table(
                "Under-18s detained under section 136",
                "Section 136",
                (
                    Row("s136-detentions-under-18", "Under-18s detained under section 136"),
                    Row("s136-camhs-follow-up-percent", "Followed up by CAMHS"),
                    Row("s136-ambulance-percent", "Taken to the place of safety by ambulance"),
                ),
            ),
        ),
    ),
    "rjah": AgencySection(
        "## What the board asked of the hospital\n\n"
        "The board's quality assurance found two things to improve at the orthopaedic hospital: how it learns that "
        "a child it treats is on a child protection plan, and how often it attends the safeguarding meetings it is "
        "invited to.\n\n"
        "## What the hospital is doing\n\n"
        "The hospital has taken on an action in the board's tracker to receive information about children on "
        "plans and to attend those meetings; its named nurse for safeguarding children reports progress to the "
        "board's health safeguarding group.\n\n"
        "## What the board should expect\n\n"
        "Evidence that information about children on plans reaches the clinics that see them, and better "
        "attendance, which the board's attendance record will show.",
    ),
    "shropshire-primary-schools": AgencySection(
        "## Safeguarding in primary schools\n\n"
        "Every primary school completes the annual safeguarding audit of schools. Across all schools almost every "
        "criterion was met; the gaps were training on relationships and sex education and on equal opportunities. "
        "Every school met the training requirements. Each term a school reviews the files of at least three "
        "vulnerable children and acts on what it finds, through early help, other agencies or its own support.\n\n"
        "## Attendance and exclusions\n\n"
        "Attendance at primary and secondary schools rose again and stays above the national average, and special "
        "schools are now above the national average for special schools. Pupils with special educational needs and "
        "Gypsy, Roma and Traveller children attend less well, and schools are supported to close the gap. "
        "Exclusions, always low in the county, fell slightly.\n\n"
        "## What the board should expect\n\n"
        "The quality assurance framework that from September 2015 will check every school's safeguarding and "
        "point the council's support where it is needed.",
        (
            Table(
                "Primary schools: audit, training, attendance and reduced timetables",
                "Schools",
                (
                    Row("edu-schools-audit-compliant-percent", "Schools' safeguarding audit criteria met"),
                    Row("edu-schools-training-compliant-percent", "Schools meeting the training requirements"),
                    Row("edu-attendance-percent", "Attendance, primary and secondary schools"),
                    Row("edu-part-time-timetables-primary", "Primary-aged pupils on a reduced timetable"),
                ),
            ),
        ),
    ),
    "shropshire-secondary-schools": AgencySection(
        "## Mental health in schools\n\n"
        "Through the schools safeguarding group, head teachers and designated leads told the board what they see "
        "of children's mental health: waits for CAMHS too long, thresholds too high, cases turned down without a "
        "specialist assessment, and schools left to do work they cannot do safely. Their report led the clinical "
        "commissioning group to review CAMHS.\n\n"
        "## Young people's own message\n\n"
        "Young people showed the board's development session the e-safety videos they had made. They want "
        "prevention in school to be frequent and blunt about the consequences for the young person, and they asked "
        "whether devices belong in bedrooms at all. The board's e-safety group is acting on what they said.\n\n"
        "## Children out of school\n\n"
        "Most school-age children brought to the exploitation panel attend school part time or not at all. "
        "Secondary schools hold most of the county's reduced timetables, and every school attendance order before "
        "the courts concerns a secondary-age child.",
        (
            Table(
                "Secondary-age pupils out of full-time school",
                "Secondary schools",
                (
                    Row("edu-part-time-timetables", "Pupils on a reduced timetable, all ages"),
                    Row("edu-school-attendance-orders", "School attendance orders before the courts"),
                    Row("edu-attendance-percent", "Attendance, primary and secondary schools"),
                ),
            ),
        ),
    ),
    "shropshire-voluntary": AgencySection(
        "## Domestic abuse\n\n"
        "Housing associations and specialist domestic abuse services sit at the multi-agency risk assessment "
        "conference (MARAC) beside the police, probation, children's services and the NHS, sharing what each knows "
        "of the households at highest risk so that one safety plan can be agreed. The cases it discussed are below. "
        "The agencies say they lack the capacity to analyse what became of them; the board has challenged this, so "
        "that it can judge how well MARAC works.\n\n"
        "## Early help\n\n"
        "The early help strategy depends on community and voluntary groups to help people help themselves, and the "
        "council's commissioning of early help will give them a larger part in 2015-16.\n\n"
        "## What the board should expect\n\n"
        "Fewer offences against children, good support for young people who pose a risk to others, and every "
        "public protection agency taking part in child protection and the hidden harm agenda.",
        (_MARAC,),
    ),
    "shropshire-lay-members": AgencySection(
        "## Looking in from the community\n\n"
        "The board's lay members bring the view of people who live in the county and do not work in its services. "
        "This year they joined the development session where young people spoke about staying safe online, and "
        "pressed board members on how preventive education works in schools.\n\n"
        "## What they saw\n\n"
        "They found a board more willing to be challenged and to challenge, asking agencies for evidence of the "
        "difference they make rather than lists of what they did, and they welcomed the review of the board's "
        "structure and membership.\n\n"
        "## What they will look for\n\n"
        "Children's and families' own voices heard directly at the board, and reports that say what changed for "
        "children.",
    ),
}
