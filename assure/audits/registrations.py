"""Everything audits offers the tenant core's registration points (the menu, what waits on the
home page, reminder sources, computed indicators, linkable records), called once from
``AuditsConfig.ready``. Each part of audits keeps its own function here."""


def register_all() -> None:
    programme()
    findings()
    conferences()


def programme() -> None:
    """The audit programme, its audits and the case files audited."""


def findings() -> None:
    """Findings, the actions they raise, themed audits and re-audits."""


def conferences() -> None:
    """The quality assurance of child protection conferences."""
