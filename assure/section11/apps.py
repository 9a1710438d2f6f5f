from django.apps import AppConfig


class Section11Config(AppConfig):
    name = "assure.section11"
    label = "section11"
    verbose_name = "Section 11"

    def ready(self) -> None:
        from assure.core.computations import Parameter, register_computation
        from assure.core.daily import register_daily
        from assure.core.menu import Part, register
        from assure.partnerships.hooks import on_partnership_changed

        from .cache import bump_partnership_cycles
        from .computations import compliance_percent
        from .selectors.cycles import section11_waiting

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
        register_daily("section11_reminders")
        # A cycle's cached pages show its partnerships' agencies: a change to them moves the cycles on.
        on_partnership_changed(bump_partnership_cycles)
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
