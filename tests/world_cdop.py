"""Child death review records of one side of the permission matrix: each part of cdop (panels,
deaths, agency reports, the panel's analysis, figures, exchanges) gives its samples and records
here, in its own block.

The side's partnership hosts a joined panel. Nobody in the matrix holds the ``cdop`` grant, so
every page about one child answers no persona here (they are in ``NARROWER`` as ``set()``); the
grant's own tests are in ``assure/cdop/tests/``."""

# --- panels -----------------------------------------------------------------------------------------
PANEL_SAMPLES: dict = {
    "cdop:panel_detail": lambda s: {"pk": s.cdop_panel.pk},
    "cdop:panel_invite": lambda s: {"pk": s.cdop_panel.pk},
    "cdop:panel_join": lambda s: {"pk": s.cdop_panel_invitation.pk},
    # Pausing and resuming (the panels-and-clocks part): about one child, the grant needed.
    "cdop:death_pause": lambda s: {"pk": s.cdop_death.pk},
    "cdop:death_resume": lambda s: {"pk": s.cdop_death.pk},
}

# --- deaths -----------------------------------------------------------------------------------------
DEATH_SAMPLES: dict = {
    name: (lambda s: {"pk": s.cdop_death.pk})
    for name in (
        "cdop:death_detail",
        "cdop:death_edit",
        "cdop:death_confirm",
        "cdop:death_duplicate",
        "cdop:death_pass_on",
    )
}

# --- agency reports ---------------------------------------------------------------------------------
REPORT_SAMPLES: dict = {
    "cdop:report_request": lambda s: {"pk": s.cdop_death.pk},
    **dict.fromkeys(
        ["cdop:report_answer", "cdop:report_detail", "cdop:report_remind", "cdop:report_withdraw"],
        lambda s: {"pk": s.cdop_report.pk},
    ),
}

# --- the panel's analysis ---------------------------------------------------------------------------
ANALYSIS_SAMPLES: dict = {
    "cdop:review_meeting": lambda s: {"pk": s.cdop_death.pk},
    "cdop:death_analysis": lambda s: {"pk": s.cdop_death.pk},
    "cdop:analysis_reopen": lambda s: {"pk": s.cdop_death.pk},
    "cdop:factor_add": lambda s: {"pk": s.cdop_death.pk},
    "cdop:factor_remove": lambda s: {"pk": _analysis_factor(s).pk},
    "cdop:recommendation_add": lambda s: {"pk": s.cdop_death.pk},
    "cdop:death_referral": lambda s: {"pk": s.cdop_death.pk},
}


def _analysis_factor(side):
    """A factor of the side's death, made when first asked for (the side's records have none)."""
    from assure.cdop.models import Factor

    return Factor.objects.get_or_create(
        death=side.cdop_death,
        domain="family-and-environment",
        defaults={"description": "Smoking in the home.", "contribution": "may-have-contributed", "modifiable": True},
    )[0]


# --- figures ----------------------------------------------------------------------------------------
FIGURES_SAMPLES: dict = {}

# --- exchanges --------------------------------------------------------------------------------------
EXCHANGE_SAMPLES: dict = {
    name: (lambda s: {"pk": s.cdop_exchange.pk})
    for name in ("cdop:exchange_detail", "cdop:exchange_download", "cdop:exchange_import")
}


def cdop_records(partnership, agency, recorder) -> dict:
    from assure.cdop.tests.factories import AgencyReportFactory, ChildDeathFactory, ExchangeCaseFactory, PanelFactory

    panel = PanelFactory(host=partnership)
    death = ChildDeathFactory(panel=panel)
    report = AgencyReportFactory(death=death, agency=agency)
    exchange_case = ExchangeCaseFactory(exchange__panel=panel, death=death)
    return {
        "cdop_panel": panel,
        "cdop_death": death,
        "cdop_report": report,
        "cdop_exchange": exchange_case.exchange,
        **_panel_records(partnership),
    }


def _panel_records(partnership) -> dict:
    """An invitation to the side's partnership from a panel another partnership hosts."""
    from assure.cdop.models import PanelPartnership
    from assure.cdop.tests.factories import PanelFactory

    place = PanelPartnership.objects.create(panel=PanelFactory(), partnership=partnership)
    return {"cdop_panel_invitation": place}


CDOP_SAMPLES = {
    **PANEL_SAMPLES,
    **DEATH_SAMPLES,
    **REPORT_SAMPLES,
    **ANALYSIS_SAMPLES,
    **FIGURES_SAMPLES,
    **EXCHANGE_SAMPLES,
}
