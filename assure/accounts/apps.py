from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "assure.accounts"
    label = "accounts"

    def ready(self) -> None:
        from allauth.account.signals import password_reset
        from django.contrib.auth.signals import user_logged_in

        from assure.core.menu import Part, register

        from .middleware import record_sign_in
        from .services import _confirm_on_password_reset

        user_logged_in.connect(record_sign_in, dispatch_uid="assure.accounts.record_sign_in")
        # Choosing a password from an e-mailed link proves the address is the person's.
        password_reset.connect(_confirm_on_password_reset, dispatch_uid="assure.accounts.confirm_on_password_reset")

        register(
            Part(
                group="board",
                label="Members",
                url_name="accounts:members",
                permission="members.view",
                description="Who belongs to the partnership and in which role, and who may open a restricted area.",
                order=60,
                covers=("accounts:member*", "accounts:grant_*"),
            )
        )
