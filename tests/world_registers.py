"""Registers' records of one side of the permission matrix: each part of the registers (entries,
uploads, providers, figures, retention) gives its samples here, in its own block.

The side's entry is a MARAC case of the side's agency (the agency lead's, a police force), so the
agency lead reads it; its placement notification is another provider's, not the provider
persona's (NARROWER for the persona; their own are covered in assure/registers/tests/)."""

# --- entries ------------------------------------------------------------------------------------
ENTRY_SAMPLES: dict = {}

# --- uploads ------------------------------------------------------------------------------------
UPLOAD_SAMPLES: dict = {}

# --- providers ----------------------------------------------------------------------------------
PROVIDER_SAMPLES: dict = {}

# --- figures ------------------------------------------------------------------------------------
FIGURES_SAMPLES: dict = {}

# --- retention ----------------------------------------------------------------------------------
RETENTION_SAMPLES: dict = {}


def registers_records(partnership, agency, recorder) -> dict:
    """A MARAC case of the side's agency, an upload of the agency's, a placement notification of
    another verified provider, a provider waiting for the business unit's check, and a retention
    run."""
    import datetime as dt

    from django.utils import timezone

    from assure.partnerships.tests.factories import AgencyFactory, library_item
    from assure.registers.models import Entry, Provider
    from assure.registers.tests.factories import EntryFactory, ProviderFactory, RetentionRunFactory, UploadFactory

    council = AgencyFactory(
        partnerships=[partnership], agency_type=library_item("agency-type", "childrens-social-care")
    )
    provider = ProviderFactory(partnership=partnership, organisation="Riverside Children's Homes")
    moved = timezone.localdate() - dt.timedelta(days=3)
    notification = EntryFactory(
        partnership=partnership,
        kind_code="placement-notification",
        agency=council,
        agency_reference="RCH-0042",
        age=14,
        sex="female",
        area="North",
        values={
            "moved-in-on": moved.isoformat(),
            "notified-on": moved.isoformat(),
            "placing-authority": "other-authority",
            "setting": "childrens-home",
            "home": "Oak Lodge",
            "missing-before": "yes",
            "cse-risk": "at-risk",
        },
        source=Entry.Source.PROVIDER,
        provider=provider,
        recorded_by=provider.user,
    )
    return {
        "registers_entry": EntryFactory(partnership=partnership, agency=agency, recorded_by=recorder),
        "registers_upload": UploadFactory(partnership=partnership, agency=agency, uploaded_by=recorder),
        "registers_council": council,
        "registers_provider": provider,
        "registers_notification": notification,
        "registers_to_review": ProviderFactory(
            partnership=partnership, organisation="Meadow View Care Ltd", status=Provider.Status.TO_REVIEW
        ),
        "registers_run": RetentionRunFactory(),
    }


REGISTERS_SAMPLES = {
    **ENTRY_SAMPLES,
    **UPLOAD_SAMPLES,
    **PROVIDER_SAMPLES,
    **FIGURES_SAMPLES,
    **RETENTION_SAMPLES,
}
