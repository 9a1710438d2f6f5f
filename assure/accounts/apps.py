from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "assure.accounts"
    label = "accounts"

    def ready(self) -> None:
        from assure.core.menu import Part, register

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
