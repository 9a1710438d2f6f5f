"""Child death review records of one side of the permission matrix: each part of cdop (panels,
deaths, agency reports, the panel's analysis, figures, exchanges) gives its samples and records
here, in its own block.

The side's partnership hosts a joined panel. Nobody in the matrix holds the ``cdop`` grant, so
every page about one child answers no persona here (they are in ``NARROWER`` as ``set()``); the
grant's own tests are in ``assure/cdop/tests/``."""

# --- panels -----------------------------------------------------------------------------------------
PANEL_SAMPLES: dict = {}

# --- deaths -----------------------------------------------------------------------------------------
DEATH_SAMPLES: dict = {}

# --- agency reports ---------------------------------------------------------------------------------
REPORT_SAMPLES: dict = {}

# --- the panel's analysis ---------------------------------------------------------------------------
ANALYSIS_SAMPLES: dict = {}

# --- figures ----------------------------------------------------------------------------------------
FIGURES_SAMPLES: dict = {}

# --- exchanges --------------------------------------------------------------------------------------
EXCHANGE_SAMPLES: dict = {}


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
    }


CDOP_SAMPLES = {
    **PANEL_SAMPLES,
    **DEATH_SAMPLES,
    **REPORT_SAMPLES,
    **ANALYSIS_SAMPLES,
    **FIGURES_SAMPLES,
    **EXCHANGE_SAMPLES,
}
