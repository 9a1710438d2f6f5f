from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "assure.partnerships"
    label = "partnerships"

    def ready(self) -> None:
        from assure.core.computations import register_computation
        from assure.core.menu import Part, register, register_installation_page
        from assure.core.waiting import WaitingKind, register_waiting

        from .computations import BODY, attendance_percent, meetings_held
        from .hooks import FirstStep, register_first_step
        from .waiting import AGENCIES_WITHOUT_LEAD, MEETINGS, agencies_without_lead, meetings_to_attend

        register(
            Part(
                group="home",
                label="Home",
                url_name="partnerships:home",
                permission="partnerships.view",
                description="What needs you, then the partnership's overview: its registers and next meetings.",
                order=10,
                covers=("partnerships:home",),
            ),
            Part(
                group="board",
                label="Agencies",
                url_name="partnerships:agencies",
                permission="partnerships.view",
                description="The partner agencies, their type and sector, and which of them sit on the board.",
                order=10,
                covers=("partnerships:agenc*",),
            ),
            Part(
                group="board",
                label="Subgroups",
                url_name="partnerships:subgroups",
                permission="partnerships.view",
                description="Subgroups, panels and task and finish groups, with their terms of reference.",
                order=20,
                covers=("partnerships:subgroup*",),
            ),
            Part(
                group="board",
                label="Meetings",
                url_name="partnerships:meetings",
                permission="partnerships.view",
                description="The board's and the subgroups' meetings, who attended and their confidential items.",
                order=30,
                covers=("partnerships:meeting*", "partnerships:confidential_minute*"),
            ),
            Part(
                group="board",
                label="Attendance",
                url_name="partnerships:attendance_report",
                permission="partnerships.view",
                description="Each agency's attendance at the board and subgroups, by financial year.",
                order=40,
                covers=("partnerships:attendance_report",),
            ),
            Part(
                group="board",
                label="Budget",
                url_name="partnerships:budget",
                permission="partnerships.view",
                description="Contributions by partner and spending, by financial year.",
                order=50,
                covers=("partnerships:budget", "partnerships:contribution_*", "partnerships:expenditure_*"),
            ),
        )
        # The operator's pages, outside every partnership: creating partnerships and inviting
        # each one's first business unit officer.
        register_installation_page(
            "Partnerships",
            "installation_partnerships:list",
            "partnerships.create",
            description="Create a partnership for a local authority and invite its first business unit officer.",
        )
        register_first_step(
            FirstStep(
                label="Add the partnership's agencies",
                hint="The police, health, local authority and other partners, and which of them sit on the board.",
                is_done=lambda partnership: partnership.agency_links.filter(left_on__isnull=True).exists(),
                order=10,
                url_name="partnerships:agency_create",
                permission="partnerships.manage",
            ),
            FirstStep(
                label="Invite the partnership's members",
                hint="Board members, agency leads and the rest of the business unit, each with their role.",
                is_done=lambda partnership: (
                    partnership.memberships.filter(is_active=True).exclude(role="business-unit").exists()
                ),
                order=20,
                url_name="accounts:member_add",
                permission="members.manage",
            ),
        )
        # What waits for a person in the partnership's own registers, on their home page.
        register_waiting(
            WaitingKind(
                key=AGENCIES_WITHOUT_LEAD,
                label="Agency without a lead",
                order=90,
                items=agencies_without_lead,
            ),
            WaitingKind(key=MEETINGS, label="Meeting", order=80, items=meetings_to_attend),
        )
        # Figures the core dataset counts from the partnership's registers rather than has typed in.
        register_computation(
            "partnerships.meetings_held",
            meetings_held,
            "Meetings of the board, the subgroups or both held in the financial year, from the meetings register.",
            parameters={"body": BODY},
        )
        register_computation(
            "partnerships.attendance_percent",
            attendance_percent,
            "Places taken (present or by a deputy) out of the places recorded at the body's meetings of the "
            "financial year, from the attendance register.",
            parameters={"body": BODY},
        )
