from django.apps import AppConfig


class RegistersConfig(AppConfig):
    """Multi-agency registers: what the board monitors about children at risk (placements in
    private children's homes, the CSE panel, missing episodes, Operation Encompass, custody after
    charge, the MARAC), each register a kind defined in the library with the least identifying
    data that serves, its entries from the agency that holds them (a form, a monthly upload, or a
    private provider's notification), its figures, timeliness and retention."""

    name = "assure.registers"
    label = "registers"
    verbose_name = "Multi-agency registers"

    def ready(self) -> None:
        from . import registrations

        registrations.register_all()
