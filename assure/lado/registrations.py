"""Everything lado offers the tenant core's registration points (the menu, what waits on the home
page, reminder sources, clocks, computed indicators), called once from ``LadoConfig.ready``. Each
part of lado keeps its own function here."""


def register_all() -> None:
    referrals()
    people()
    handling()
    figures()


def referrals() -> None:
    """Referrals: the officer's list and each referral's page, the employer's form, the drafts
    waiting to be accepted."""


def people() -> None:
    """The people allegations are about: the repeat matches waiting for the officer."""


def handling() -> None:
    """The handling of a referral: its clocks (the clock source, the referrals due soon or
    overdue), the updates asked of employers and their reminders."""


def figures() -> None:
    """The figures, the officer's annual report, computed indicators."""
