from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "assure.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from assure.core.daily import register_daily

        register_daily("reminders_send", "notifications_digest")
