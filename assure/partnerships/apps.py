from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "assure.partnerships"
    label = "partnerships"

    def ready(self) -> None:
        from assure.core.menu import Part, register

        register(
            Part(
                group="home",
                label="Home",
                url_name="partnerships:home",
                permission="partnerships.view",
                description="The partnership's overview: its registers and next meetings.",
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
