from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "assure.audit"
    label = "audit"

    def ready(self) -> None:
        from auditlog.signals import post_log

        from assure.core.menu import Part, register

        from .scoping import scope_log_entry

        post_log.connect(scope_log_entry, dispatch_uid="assure.audit.scope_log_entry")
        register(
            Part(
                group="board",
                label="Trail",
                url_name="audit:trail",
                permission="audit.view",
                description="Who changed which record and what they changed, the partnership's events and every "
                "read of a restricted record.",
                order=80,
            )
        )
