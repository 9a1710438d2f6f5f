from django.apps import AppConfig


class Section11Config(AppConfig):
    name = "assure.section11"
    label = "section11"
    verbose_name = "Section 11"

    def ready(self) -> None:
        from assure.core.computations import Parameter, register_computation
        from assure.core.menu import Part, register
        from assure.core.waiting import register_waiting
        from assure.notifications.reminders import register_reminder_source
        from assure.partnerships.hooks import on_partnership_changed

        from .cache import bump_partnership_cycles
        from .computations import compliance_percent
        from .selectors.cycles import section11_waiting
        from .services.reminders import reminders_due
        from .waiting import WAITING_KINDS

        register(
            Part(
                group="assurance",
                label="Section 11",
                url_name="section11:cycles",
                permission="section11.view",
                description="Agencies' Section 11 self-assessments of how they safeguard children, their "
                "moderation and analysis.",
                order=30,
                waiting=section11_waiting,
            )
        )
        # What waits for each person on their home page: returns and challenges to answer,
        # answers to review, returns overdue to chase.
        register_waiting(*WAITING_KINDS)
        # Returns not handed in, reminded by the daily reminders on the cycle's reminder days.
        register_reminder_source("section11-return", reminders_due)
        # A cycle's cached pages show its partnerships' agencies: a change to them moves the cycles on.
        on_partnership_changed(bump_partnership_cycles)
        # Records other parts of Assure may point at (a challenge's "about", a paper, evidence).
        from .links import register_links

        register_links()
        # Figures the core dataset counts from the returns rather than has typed in.
        register_computation(
            "section11.compliance_percent",
            compliance_percent,
            "Criteria rated compliant, out of the applicable criteria rated, in the accepted returns of the "
            "partnership's agencies to one framework's cycles, per cycle year.",
            parameters={
                "framework": Parameter("The code of the Section 11 framework answered.", names="section11-framework")
            },
        )
