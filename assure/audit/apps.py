from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "assure.audit"
    label = "audit"

    def ready(self) -> None:
        from auditlog.signals import post_log

        from .scoping import scope_log_entry

        post_log.connect(scope_log_entry, dispatch_uid="assure.audit.scope_log_entry")
